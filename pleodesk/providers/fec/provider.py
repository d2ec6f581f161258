"""The FEC writer: a file-writing ledger for French accounting software (see docs/fec.md).

Each export run writes one folder ``<folder>/<NNNN>_<AAAA-MM-JJ>/`` holding the run's FEC
(``<SIREN>FEC<AAAAMMJJ>.txt``, the date being the close of the fiscal year; a run whose entries fall in
two fiscal years holds one file per year), the ledger's other documented import file where it has
one (``ledgers.Ledger.companion``), and the receipts, named after the ``PieceRef`` of their entry.

Crash safety. While a run is under way its entries are appended to the run's log
(``<folder>/.pleodesk/runs/<NNNN>_<date>.csv``), each entry with one write and fsync, in the
append-only format of the journal file (``journal_file.AppendLog``: every row says which row of how
many it is, so an entry cut short by a crash or power loss is recognised and removed, never one the
export records hold as exported). The log is the truth: ``find_by_reference`` reads the logs of every
run, so an entry is never written twice. When the run ends (``finish_run``, called by the engine), the
FEC is rendered from the log into a temporary file, synced and renamed into place, and the log is
marked done: the run is *handed over*. A run cut short by a crash is handed over by the next export,
before anything else happens. Handed-over files are never written again, except on request
(``rewrite_run``), which renders the same entries again and keeps the earlier file beside it.

``EcritureNum`` runs on per journal across all runs (the next number is one more than the highest in
any log), so the files of successive runs continue each other's numbering.
"""

from __future__ import annotations

import csv
import errno
import hashlib
import io
import logging
import mimetypes
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Mapping, Sequence

from pleodesk.core import clock
from pleodesk.core.ledger import LedgerChart, LedgerEntry
from pleodesk.providers.base import (Capabilities, CheckResult, Company, FeedLine, FeedResult, Found, LedgerError,
                                     SendResult)
from pleodesk.providers.fec import format as fmt
from pleodesk.providers.fec.ledgers import Ledger, ledger as ledger_for
from pleodesk.providers.journal_file import AppendLog, JournalDamaged, scan

log = logging.getLogger(__name__)

STATE_DIR = ".pleodesk"
RUNS_DIR = "runs"
DONE_SUFFIX = ".done.csv"
LOG_HEADER = ("reference", "entry_line", "entry_lines", "file", "receipts") + fmt.FEC_FIELDS
_FIRST_FEC = 5                              # index of JournalCode in a log row
MAX_RECEIPT_BYTES = 50 * 1024 * 1024
LOW_DISK_BYTES = 100 * 1024 * 1024
FORMAT_VERSION = "FEC (LPF art. A47 A-1)"
_RUN_NAME = re.compile(r"^([0-9]{4,})_([0-9]{4}-[0-9]{2}-[0-9]{2})$")


def _log_key(row: list[str]) -> tuple[str, int, int] | None:
    try:
        k, n = int(row[1]), int(row[2])
    except ValueError:
        return None
    if not row[0] or not 1 <= k <= n:
        return None
    return row[0], k, n


def _csv_line(cells: Sequence[str]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow(cells)
    return buf.getvalue()


def _disk_error(title: str, exc: OSError) -> LedgerError:
    """A write that failed and was undone: nothing was written, so nothing is uncertain."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG):
        return LedgerError(f"{title}: the disk is full", exc.strerror or str(exc),
                           "Free some space on the disk of the FEC folder (or choose another folder), then "
                           "export again. Nothing was written.", reason_type="accounting_system_unreachable")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return LedgerError(f"{title}: no permission to write", exc.strerror or str(exc),
                           "Choose a folder you can write to in the connection settings, or fix its permissions. "
                           "Nothing was written.", reason_type="invalid_configuration")
    return LedgerError(title, exc.strerror or str(exc), "Check the disk or network drive, then export again. "
                       "Nothing was written.", reason_type="accounting_system_unreachable")


@dataclass
class _Where:
    run: str
    num: int
    journal: str
    piece_ref: str
    file: str

    @property
    def ledger_id(self) -> str:
        return f"{self.journal}-{self.num}"


@dataclass
class _LogInfo:
    stamp: tuple[int, int]
    entries: dict[str, _Where] = field(default_factory=dict)
    max_num: dict[str, int] = field(default_factory=dict)


@dataclass
class _Run:
    name: str
    folder: Path
    log: AppendLog
    written: int = 0


def parse_fiscal_year_end(value: object) -> tuple[int, int]:
    """``"12-31"`` (month-day) -> (12, 31); ValueError in plain words otherwise."""
    m = re.fullmatch(r"\s*([0-9]{1,2})-([0-9]{1,2})\s*", str(value or "12-31"))
    if not m or not 1 <= int(m.group(1)) <= 12 or not 1 <= int(m.group(2)) <= 31:
        raise ValueError(f"fiscal_year_end {value!r} is not a month and day written MM-DD, such as 12-31")
    return int(m.group(1)), int(m.group(2))


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1024 * 1024), b""):
            h.update(chunk)
    return h.hexdigest()


def _fsync_dir(path: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):
        try:
            fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError:
            pass


def _atomic_write(target: Path, data: bytes | None = None, source: Path | None = None) -> None:
    """Write ``data`` (or copy ``source``) to a temporary file beside ``target``, fsync, rename."""
    fd, tmp = tempfile.mkstemp(prefix=".part-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            if source is not None:
                with open(source, "rb") as src:
                    shutil.copyfileobj(src, out, 1024 * 1024)
            else:
                out.write(data or b"")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(target.parent)


class FecProvider:
    """Writes an FEC per export run into a folder (see the module docstring)."""

    system = "fec"
    #: A summary entry's receipts are copied beside the file too (``<PieceRef>/``).
    summary_receipts = True

    def __init__(self, settings: Mapping, chart: LedgerChart, *, today: Callable[[], date] = clock.local_today) -> None:
        self.settings = dict(settings)
        folder = self.settings.get("folder")
        if not folder:
            raise LedgerError("The FEC connection has no folder", "", "Choose the folder in the connection settings.",
                              reason_type="missing_configuration")
        self.folder = Path(folder).expanduser().absolute()
        try:
            self.siren = fmt.check_siren(self.settings.get("siren"))
            self.fy_end = parse_fiscal_year_end(self.settings.get("fiscal_year_end", "12-31"))
        except ValueError as exc:
            raise LedgerError("The FEC connection's settings cannot be used", str(exc),
                              "Correct it in the connection settings (or the setup file).",
                              reason_type="invalid_configuration") from None
        self.ledger: Ledger = ledger_for(self.settings.get("ledger"))
        self.journal_code = str(self.settings.get("journal_code") or "PLEO").upper()
        self.journal_label = fmt.clean_text(str(self.settings.get("journal_label") or "Pleo"), 100) or "Pleo"
        self.chart = chart
        self._today = today
        self.state_dir = self.folder / STATE_DIR
        self.runs_dir = self.state_dir / RUNS_DIR
        self._run: _Run | None = None
        self._logs: dict[Path, _LogInfo] = {}
        self._guard: Callable[[Sequence[str]], set[str]] | None = None

    # ------------------------------------------------------------------ paths and state ----------
    def guard_exported(self, exported: Callable[[Sequence[str]], set[str]] | None) -> None:
        """As the journal file: a cut-short tail holding an entry the export records hold as exported is
        reported as damage, never cut."""
        self._guard = exported
        if self._run is not None:
            self._run.log.guard = exported

    def _log_paths(self) -> list[Path]:
        if not self.runs_dir.is_dir():
            return []
        return sorted(p for p in self.runs_dir.iterdir() if p.suffix == ".csv" and not p.name.startswith("."))

    @staticmethod
    def _run_name(path: Path) -> str:
        name = path.name
        return name[:-len(DONE_SUFFIX)] if name.endswith(DONE_SUFFIX) else name[:-len(".csv")]

    def _is_done(self, path: Path) -> bool:
        return path.name.endswith(DONE_SUFFIX)

    def _index(self) -> dict[str, _Where]:
        out: dict[str, _Where] = {}
        for info in self._logs.values():
            out.update(info.entries)
        return out

    def _max_num(self, journal: str) -> int:
        return max((info.max_num.get(journal, 0) for info in self._logs.values()), default=0)

    def _read_log(self, path: Path) -> _LogInfo:
        """The whole entries of one log (read only: a cut-short tail is left for the writer to repair)."""
        st = path.stat()
        stamp = (st.st_size, st.st_mtime_ns)
        cached = self._logs.get(path)
        if cached is not None and cached.stamp == stamp:
            return cached
        data = path.read_bytes()
        header = _csv_line(LOG_HEADER).encode("utf-8")
        info = _LogInfo(stamp)
        if not data.startswith(header):
            if header.startswith(data):      # a new log, or its header cut short: no entries
                self._logs[path] = info
                return info
            raise JournalDamaged(f"{path.name} is not a pleodesk run log", "Its first line is not the expected header.",
                                 f"Move {path.name} out of {self.runs_dir} only if you know where it came from.")
        result = scan(data, header, len(LOG_HEADER), _log_key, path.name)
        run = self._run_name(path)
        for row in csv.reader(io.StringIO(data[len(header):result.good_end].decode("utf-8"), newline="")):
            if row[1] != "1":
                continue
            journal, num = row[_FIRST_FEC], int(row[_FIRST_FEC + 2])
            info.entries[row[0]] = _Where(run, num, journal, row[_FIRST_FEC + 8], row[3])
            info.max_num[journal] = max(info.max_num.get(journal, 0), num)
        self._logs[path] = info
        return info

    def _refresh(self, *, hand_over: bool) -> None:
        """Read every run's log; with ``hand_over``, first hand over the runs a crash left open."""
        paths = self._log_paths()
        current = self._run.log.path if self._run is not None else None
        for path in paths:
            if hand_over and path != current and not self._is_done(path):
                self._hand_over(path)
        live = set(self._log_paths())
        for path in list(self._logs):
            if path not in live:
                del self._logs[path]
        for path in live:
            self._read_log(path)

    # ------------------------------------------------------------------ runs ---------------------
    def _start_run(self) -> _Run:
        self.runs_dir.mkdir(parents=True, exist_ok=True)
        numbers = [0]
        for p in list(self.runs_dir.iterdir()) + list(self.folder.iterdir()):
            m = _RUN_NAME.match(self._run_name(p) if p.suffix == ".csv" else p.name)
            if m:
                numbers.append(int(m.group(1)))
        name = f"{max(numbers) + 1:04d}_{self._today().isoformat()}"
        log_file = AppendLog(self.runs_dir / f"{name}.csv", LOG_HEADER, _log_key)
        log_file.guard = self._guard
        log_file.sync()
        self._run = _Run(name, self.folder / name, log_file)
        return self._run

    def finish_run(self) -> list[Path]:
        """Hand the current run over: render its files (atomically) and mark its log done. Called by the
        engine when a run ends, whatever its outcome. Returns the files written."""
        run, self._run = self._run, None
        if run is None:
            return []
        run.log.close()
        return self._hand_over(run.log.path)

    def _hand_over(self, path: Path) -> list[Path]:
        """Render the files of the run logged in ``path`` and mark the log done. A run with no entry leaves
        nothing behind (its empty folder is removed)."""
        name = self._run_name(path)
        repair = AppendLog(path, LOG_HEADER, _log_key)
        repair.guard = self._guard
        try:
            repair.sync()                     # cuts an entry a crash left half written
        finally:
            repair.close()
        rows = self._rows(path)
        run_folder = self.folder / name
        written: list[Path] = []
        if rows:
            run_folder.mkdir(parents=True, exist_ok=True)
            written = self._render(run_folder, rows)
            done = path.with_name(name + DONE_SUFFIX)
            os.replace(path, done)
            _fsync_dir(path.parent)
            log.info("fec: run %s handed over (%d lines, %s)", name, len(rows), ", ".join(p.name for p in written))
        else:
            path.unlink(missing_ok=True)
            try:
                run_folder.rmdir()            # only when empty (receipts of entries never written stay)
            except OSError:
                pass
        self._logs.pop(path, None)
        return written

    def _rows(self, path: Path) -> list[list[str]]:
        data = path.read_bytes()
        header = _csv_line(LOG_HEADER).encode("utf-8")
        if not data.startswith(header):
            return []
        return [row for row in csv.reader(io.StringIO(data[len(header):].decode("utf-8"), newline="")) if row]

    def _render(self, run_folder: Path, rows: list[list[str]]) -> list[Path]:
        by_file: dict[str, list[fmt.FecLine]] = {}
        for row in rows:
            by_file.setdefault(row[3], []).append(fmt.FecLine.from_cells(row[_FIRST_FEC:]))
        written = []
        for name, lines in sorted(by_file.items()):
            target = run_folder / name
            _atomic_write(target, fmt.render_fec(lines))
            written.append(target)
            stem = name[:-len(".txt")]
            if self.ledger.companion == "sage_text":
                other = run_folder / f"{stem}_sage.txt"
                _atomic_write(other, fmt.render_sage(lines))
                written.append(other)
            elif self.ledger.companion == "myunisoft_csv":
                other = run_folder / f"{stem}_myunisoft.csv"
                _atomic_write(other, fmt.render_myunisoft(lines))
                written.append(other)
        return written

    def rewrite_run(self, run: str) -> list[Path]:
        """Render a handed-over run's files again from its log (asked for by the user: a file was lost, or
        the ledger choice changed). The files it replaces are kept beside it (``*.replaced-<time>``)."""
        done = self.runs_dir / f"{run}{DONE_SUFFIX}"
        if not done.is_file():
            raise LedgerError(f"There is no handed-over run {run}", "",
                              f"Choose one of the runs in {self.folder}.", reason_type="invalid_configuration")
        run_folder = self.folder / run
        run_folder.mkdir(parents=True, exist_ok=True)
        stamp = clock.local_now().strftime("%Y%m%d%H%M%S")
        for p in run_folder.iterdir():
            if p.suffix in (".txt", ".csv") and not p.name.startswith(".") and ".replaced-" not in p.name:
                os.replace(p, p.with_name(f"{p.name}.replaced-{stamp}"))
        return self._render(run_folder, self._rows(done))

    def runs(self) -> list[dict]:
        """Every run: its name, whether it is handed over, its entries and files."""
        out = []
        for path in self._log_paths():
            info = self._read_log(path)
            name = self._run_name(path)
            folder = self.folder / name
            files = sorted(p.name for p in folder.iterdir() if p.suffix in (".txt", ".csv")) if folder.is_dir() else []
            out.append({"run": name, "handed_over": self._is_done(path), "entries": len(info.entries),
                        "folder": str(folder), "files": files})
        return out

    # ------------------------------------------------------------------ Provider ----------------
    def check(self) -> CheckResult:
        """Whether the folder can take an export; changes nothing (a probe file is written and removed)."""
        messages: list[str] = []
        problem = fmt.check_journal_code(self.journal_code)
        if problem:
            messages.append(f"The {problem}.")
        elif self.journal_code in self.ledger.reserved_journals:
            messages.append(f"{self.ledger.label} keeps the journal code {self.journal_code} for itself: choose another "
                            "journal code.")
        folder = self.folder
        if not folder.exists():
            parent = folder
            while not parent.exists() and parent != parent.parent:
                parent = parent.parent
            if parent.is_dir() and os.access(parent, os.W_OK | os.X_OK):
                messages.append(f"The folder {folder} does not exist yet; pleodesk creates it when the connection is "
                                "saved.")
                return CheckResult(not messages[:-1], tuple(messages), FORMAT_VERSION)
            messages.append(f"The folder {folder} cannot be created ({parent} is not a folder you can write to). "
                            "Choose another folder.")
            return CheckResult(False, tuple(messages), FORMAT_VERSION)
        if not folder.is_dir():
            return CheckResult(False, (*messages, f"{folder} is a file, not a folder. Choose a folder."), FORMAT_VERSION)
        try:
            fd, probe = tempfile.mkstemp(prefix=".pleodesk-check-", dir=folder)
            try:
                os.write(fd, b"ok")
                os.fsync(fd)
            finally:
                os.close(fd)
                os.unlink(probe)
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
                messages.append(f"The disk of {folder} is full. Free some space or choose another folder.")
            else:
                messages.append(f"pleodesk cannot write to {folder} ({exc.strerror or exc}). Choose a folder you can "
                                "write to, or fix its permissions.")
            return CheckResult(False, tuple(messages), FORMAT_VERSION)
        ok = not messages
        free = shutil.disk_usage(folder).free
        if free < LOW_DISK_BYTES:
            messages.append(f"Less than {LOW_DISK_BYTES // (1024 * 1024)} MB is free on the disk of {folder}: receipts "
                            "may not fit. Free some space.")
        bad = sorted(code for code, acc in self.chart.accounts.items() if acc.active and fmt.check_account(code))
        if bad:
            messages.append("These accounts cannot go into an FEC (they do not start with a class of the plan "
                            f"comptable général): {', '.join(bad[:10])}.")
        try:
            self._refresh(hand_over=False)
            runs = self._log_paths()
            open_runs = [p for p in runs if not self._is_done(p)]
            messages.append(f"{len(self._index())} entries in {len(runs)} runs so far.")
            if open_runs:
                messages.append(f"{len(open_runs)} run(s) stopped before they were handed over; the next export hands "
                                "them over first.")
        except (JournalDamaged, OSError) as exc:
            ok = False
            messages.append(f"{getattr(exc, 'title', str(exc))}: {getattr(exc, 'detail', '')} {getattr(exc, 'fix', '')}"
                            .strip())
        return CheckResult(ok, tuple(messages), FORMAT_VERSION)

    def list_companies(self) -> list[Company]:
        return [Company(id=self.siren, name=self.settings.get("company_name") or f"SIREN {self.siren}")]

    def read_chart(self) -> LedgerChart:
        return self.chart

    def ensure_setup(self, settings: dict) -> dict:
        try:
            self.runs_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _disk_error(f"Could not set up {self.folder}", exc) from exc
        return {**settings, "folder": str(self.folder), "siren": self.siren}

    def capabilities(self) -> Capabilities:
        return Capabilities(object_kinds=("journal_entry",), draft=False, posted=True, batch_size=200,
                            max_attachment_bytes=MAX_RECEIPT_BYTES, max_attachments=1000, feed=False,
                            summaries=True)

    def send_batch(self, entries: Sequence[LedgerEntry]) -> list[SendResult]:
        try:
            self._refresh(hand_over=True)
            if self._run is None:
                self._start_run()
            else:
                self._run.log.sync()
        except JournalDamaged:
            raise
        except LedgerError:
            raise
        except OSError as exc:
            raise _disk_error(f"Could not open the FEC folder {self.folder}", exc) from exc
        return [self._send_one(e) for e in entries]

    def find_by_reference(self, reference: str) -> Found | None:
        try:
            self._refresh(hand_over=True)
        except OSError as exc:
            raise LedgerError(f"Could not read the FEC folder {self.folder}", exc.strerror or str(exc),
                              "Check the disk or network drive, then export again.", retryable=True,
                              reason_type="accounting_system_unreachable") from exc
        where = self._index().get(reference)
        return None if where is None else Found(where.ledger_id, self._url(where))

    def upload_receipt(self, found: Found, path: str, mime: str, filename: str) -> None:
        where = next((w for w in self._index().values() if w.ledger_id == found.ledger_id), None)
        if where is None:
            self._refresh(hand_over=False)
            where = next((w for w in self._index().values() if w.ledger_id == found.ledger_id), None)
        if where is None:
            raise LedgerError(f"Entry {found.ledger_id} is in none of the FEC runs", "",
                              "Export the expense again.", reason_type="receipt_upload_failure")
        self._store_receipt(self.folder / where.run, where.piece_ref, Path(path), mime, summary=False)

    def push_feed(self, lines: Sequence[FeedLine]) -> FeedResult:
        return FeedResult(accepted=0, messages=("An FEC export has no bank feed.",),
                          rejected=tuple(ln.transaction_id for ln in lines))

    def feed_lines_present(self, transaction_ids: Sequence[str]) -> set[str]:
        """No feed is pushed here, so none of its lines is ever there."""
        return set()

    def close(self) -> None:
        if self._run is not None:
            self._run.log.close()

    def __enter__(self) -> "FecProvider":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ entries ------------------
    def _url(self, where: _Where) -> str:
        return f"{(self.folder / where.run).as_uri()}#{where.num}"

    def check_entry(self, entry: LedgerEntry) -> LedgerError | None:
        """Why the entry cannot go into an FEC (None: it can)."""
        ref = entry.reference
        fix_bug = "This is a bug in the posting rules; report it with the expense."
        if entry.gross.currency != fmt.FEC_CURRENCY:
            return LedgerError(f"Entry {ref} is in {entry.gross.currency}", "An FEC is kept in euros.",
                               "Export this company to an FEC only when its Pleo wallet is in euros.",
                               reason_type="invalid_configuration")
        if not entry.is_balanced():
            return LedgerError(f"Entry {ref} does not balance", "", fix_bug, reason_type="validation_failure")
        for p in entry.postings:
            if p.debit < 0 or p.credit < 0 or (p.debit == 0) == (p.credit == 0):
                return LedgerError("A posting has no single side", f"{p.account}: debit {p.debit}, credit {p.credit}",
                                   fix_bug, reason_type="validation_failure")
            acc = self.chart.accounts.get(p.account)
            if acc is None:
                return LedgerError(f"Account {p.account} is not in the chart",
                                   "The FEC would name an account the ledger does not have.",
                                   f"Map to an existing account, or add {p.account} to the chart in the connection "
                                   "settings.", reason_type="account_unknown")
            if not acc.active:
                return LedgerError(f"Account {p.account} {acc.name} is archived", "",
                                   f"Map to an active account, or mark {p.account} active in the chart.",
                                   reason_type="account_unknown")
            why = fmt.check_account(p.account)
            if why:
                return LedgerError(f"Account {p.account} cannot go into an FEC", why,
                                   "Map the category to an account of the French chart (plan comptable général).",
                                   reason_type="account_unknown")
        why = fmt.check_journal_code(self.journal_code)
        if why:
            return LedgerError("The FEC journal code cannot be used", why, "Correct it in the connection settings.",
                               reason_type="invalid_configuration")
        return None

    def _lines(self, entry: LedgerEntry, num: int, file_name: str, receipts: Sequence[str]) -> list[list[str]]:
        d = fmt.fec_date(entry.date)
        valid = fmt.fec_date(self._today())
        piece = fmt.clean_text(entry.reference)
        postings = list(entry.postings)
        n = len(postings)
        rows = []
        for i, p in enumerate(postings, 1):
            acc = self.chart.accounts[p.account]
            foreign = p.foreign
            if foreign is not None and foreign.currency == fmt.FEC_CURRENCY:
                foreign = None
            label = fmt.clean_text(p.description or entry.description, 200) or piece
            line = fmt.FecLine(
                journal_code=self.journal_code, journal_lib=self.journal_label, ecriture_num=str(num),
                ecriture_date=d, compte_num=p.account, compte_lib=fmt.clean_text(acc.name, 200) or p.account,
                comp_aux_num="", comp_aux_lib="", piece_ref=piece, piece_date=d, ecriture_lib=label,
                debit=fmt.fec_amount(p.debit), credit=fmt.fec_amount(p.credit), ecriture_let="", date_let="",
                valid_date=valid,
                montant_devise=fmt.fec_amount(abs(foreign.amount), _places(foreign.currency)) if foreign else "",
                idevise=foreign.currency if foreign else "")
            rows.append([entry.reference, str(i), str(n), file_name, ";".join(receipts), *line.cells()])
        return rows

    def _send_one(self, entry: LedgerEntry) -> SendResult:
        ref = entry.reference
        index = self._index()
        if ref in index:                          # already written (a retry after a crash): never twice
            w = index[ref]
            return SendResult(entry.expense_id, ledger_id=w.ledger_id, ledger_url=self._url(w))
        if not entry.postings:                    # nothing to book: nothing to write
            return SendResult(entry.expense_id, ledger_id=ref)
        problem = self.check_entry(entry)
        if problem:
            return SendResult(entry.expense_id, error=problem)
        run = self._run
        assert run is not None
        names: list[str] = []
        for path in entry.receipts:               # best effort: receipts never fail the entry
            try:
                names.append(self._store_receipt(run.folder, fmt.clean_text(ref), Path(path), None,
                                                 summary=entry.is_summary))
            except LedgerError as exc:
                log.warning("%s: receipt %s not copied: %s", ref, path, exc)
        num = self._max_num(self.journal_code) + 1
        close = fmt.fiscal_year_close(entry.date, *self.fy_end)
        file_name = fmt.fec_file_name(self.siren, close)
        try:
            rows = self._lines(entry, num, file_name, names)
        except fmt.FecFormatError as exc:
            return SendResult(entry.expense_id, error=LedgerError(
                f"Entry {ref} cannot be written in the FEC's form", str(exc),
                "This is a bug in the posting rules; report it with the expense.", reason_type="validation_failure"))
        block = "".join(_csv_line(r) for r in rows).encode("utf-8")
        try:
            run.log.sync()
            run.log.append(block, [ref], len(rows))
        except LedgerError as exc:
            return SendResult(entry.expense_id, error=exc)
        except OSError as exc:
            return SendResult(entry.expense_id, error=_disk_error(f"Could not write entry {ref}", exc))
        run.written += 1
        info = self._logs.setdefault(run.log.path, _LogInfo((0, 0)))
        info.stamp = (0, 0)                       # re-read when next refreshed
        where = _Where(run.name, num, self.journal_code, rows[0][_FIRST_FEC + 8], file_name)
        info.entries[ref] = where
        info.max_num[self.journal_code] = max(info.max_num.get(self.journal_code, 0), num)
        return SendResult(entry.expense_id, ledger_id=where.ledger_id, ledger_url=self._url(where))

    # ------------------------------------------------------------------ receipts -----------------
    def _store_receipt(self, run_folder: Path, piece_ref: str, source: Path, mime: str | None, *,
                       summary: bool) -> str:
        """Copy a receipt into the run's folder, named after the PieceRef it belongs to: ``<PieceRef>.pdf``,
        ``<PieceRef>-2.jpg``...; for a summary entry, into ``<PieceRef>/`` named after each expense's own
        reference. Idempotent (the same file is not copied twice). Returns the name relative to the run
        folder."""
        try:
            size = source.stat().st_size
        except OSError as exc:
            raise LedgerError(f"The receipt {source.name} cannot be read", exc.strerror or str(exc),
                              "Download the receipt again.", reason_type="receipt_upload_failure") from exc
        if size > MAX_RECEIPT_BYTES:
            raise LedgerError(f"The receipt {source.name} is too large", "", "Attach a smaller copy by hand.",
                              reason_type="receipt_file_size_limit_exceeded")
        ext = source.suffix.lower() if re.fullmatch(r"\.[A-Za-z0-9]{1,8}", source.suffix or "") else (
            mimetypes.guess_extension(mime or "") or ".bin")
        safe = re.sub(r"[^A-Za-z0-9._-]", "_", piece_ref)[:120] or "piece"
        if summary:
            target_dir = run_folder / safe
            own = re.sub(r"[^A-Za-z0-9._-]", "_", source.parent.name)[:80] or "receipt"
            stem = f"PLEO-{own}"
        else:
            target_dir = run_folder
            stem = safe
        try:
            target_dir.mkdir(parents=True, exist_ok=True)
            digest = _sha256(source)
            for k in range(1, 1000):
                name = f"{stem}{ext}" if k == 1 else f"{stem}-{k}{ext}"
                target = target_dir / name
                if not target.exists():
                    break
                if target.stat().st_size == size and _sha256(target) == digest:
                    return str(target.relative_to(run_folder))
            else:  # pragma: no cover
                raise OSError(errno.EEXIST, "too many receipts with this name")
            _atomic_write(target, source=source)
        except OSError as exc:
            raise _disk_error(f"Could not copy the receipt {source.name}", exc) from exc
        return str(target.relative_to(run_folder))


def _places(currency: str) -> int:
    from pleodesk.core.money import minor_exponent

    try:
        return minor_exponent(currency)
    except ValueError:
        return 2

