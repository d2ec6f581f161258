"""The general-journal file: a provider that needs no server.

It writes one balanced journal entry per expense to ``journal.csv`` in a folder the user chooses,
puts receipts in ``receipts/<reference>/`` and bank-feed lines in ``statement.csv``. The receipts
there are the ledger's attachments (``journal.csv`` names them; an import or an auditor reads them
there, long after pleodesk's own downloaded copy is gone), so they are needed; where the folder is on
the same file system as pleodesk's data they are hard links to the downloaded file, so a receipt is
stored once, else copies. Many ledgers import a general-journal CSV; the format is described in
docs/journal-file.md.

Crash safety: every entry is appended with a single ``os.write`` of its encoded rows followed by
``os.fsync``. Each row carries ``entry_line`` and ``entry_lines`` ("2", "3"), so an entry cut short
by a crash or power loss is recognisable; it can only be the last thing in the file. Before it
reads or appends, the provider checks the file is as it left it (same file, size and modification
time) and otherwise rescans it and truncates an incomplete trailing entry, so the file only ever
holds whole entries. A failed write (disk full) is undone at once. Damage anywhere else (a row
edited by hand in the middle) is never "repaired": it is reported with its line number.

Only a tail that a cut-short append can leave is ever cut: the first rows of one entry (fewer than
its ``entry_lines``), then at most an unterminated piece of a row or the zeros a power loss leaves. A
line that ends but is not a valid row, and no NUL byte in it, is not something the writer leaves: it
is reported, not cut. Nor is a tail cut when the export records say its entry was exported (see
``JournalFileProvider.guard_exported``): that is reported too, so a booked entry is never lost.

What is written is read back: cells may be of any length (the csv module's field limit, 131,072
characters by default, is raised for the whole process when this module is imported), every cell
goes through the same escaping (one line; a leading ``'`` before ``= + - @`` or ``'``), and the cells
read back (reference, transaction id) are unescaped to the value that was written.

The file is the truth: the index of references is rebuilt from it whenever it changed.
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
import secrets
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Callable, Sequence

from pleodesk.core.ledger import LedgerChart, LedgerEntry, Posting
from pleodesk.core.money import minor_exponent, quantum
from pleodesk.providers.base import (
    Capabilities,
    CheckResult,
    Company,
    FeedLine,
    FeedResult,
    Found,
    LedgerError,
    SendResult,
)

log = logging.getLogger(__name__)

JOURNAL_NAME = "journal.csv"
STATEMENT_NAME = "statement.csv"
RECEIPTS_DIR = "receipts"
FORMAT_VERSION = "journal-csv 1"

JOURNAL_HEADER = ("date", "reference", "entry_line", "entry_lines", "account", "debit", "credit", "currency",
                  "tax_code", "tax_role", "description", "tags", "receipts", "foreign_amount", "foreign_currency")
STATEMENT_HEADER = ("date", "transaction_id", "amount", "currency", "payee", "description")

MAX_RECEIPT_BYTES = 50 * 1024 * 1024
LOW_DISK_BYTES = 100 * 1024 * 1024
_NEWLINE = "\r\n"                         # RFC 4180
_O_BINARY = getattr(os, "O_BINARY", 0)    # Windows: no newline translation


class JournalDamaged(LedgerError):
    """A journal or statement file holds something other than whole entries, not at its end."""


# What pleodesk writes, it reads back: a cell of any length (a 200,000-character note) must not look
# like a cut-short write. The limit is process-wide; 2**31 - 1 is the largest every platform's C long
# takes (Windows included). It is only ever raised here, never lowered.
_FIELD_LIMIT = 2**31 - 1
if csv.field_size_limit() < _FIELD_LIMIT:
    csv.field_size_limit(_FIELD_LIMIT)

# ------------------------------------------------------------------------------------- text
_FORMULA_START = ("=", "+", "-", "@")
_ESCAPE = "'"
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def _text(value: str | None) -> str:
    """Any cell, as written: one line (control characters and line breaks become spaces), and a cell that
    a spreadsheet would run as a formula gets a leading apostrophe. A cell that starts with an apostrophe
    gets one too, so :func:`_untext` gives back exactly what was escaped. A plain number (``-12.50``,
    which pleodesk writes itself) is not a formula and is left as it is."""
    if not value:
        return ""
    if not value.isascii() or not value.isprintable():
        value = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in value)
    if value.startswith(_FORMULA_START + (_ESCAPE,)) and not _PLAIN_NUMBER.fullmatch(value):
        return _ESCAPE + value
    return value


def _untext(cell: str) -> str:
    """A cell read back: the value :func:`_text` escaped (for a value that was one line already)."""
    return cell[1:] if cell.startswith(_ESCAPE) else cell


def _cells(cells: Sequence[str | None]) -> list[str]:
    return [_text(c) for c in cells]


def _escape_tag(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace("=", "\\=")


def _tags(dimensions: tuple[tuple[str, str], ...]) -> str:
    return ";".join(f"{_escape_tag(d)}={_escape_tag(v)}" for d, v in dimensions)


def _amount(value: Decimal, currency: str) -> str:
    q = quantum(currency)
    if value != value.quantize(q):
        raise ValueError(f"{value} has more decimals than {currency} allows")
    return f"{value.quantize(q):f}"


_UNSAFE_NAME = re.compile(r'[<>:"/\\|?*;\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def safe_component(name: str) -> str:
    """A reference as a folder name on every platform (no path tricks)."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]", "_", name).strip(".") or "_"
    return cleaned[:120]


def safe_filename(name: str, mime: str | None = None) -> str:
    """A receipt's file name, safe on every platform, without ``;`` (the list separator in journal.csv)."""
    name = re.split(r"[\\/]", name or "")[-1]
    name = _UNSAFE_NAME.sub("_", name).strip(" .")
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    if not ext and mime:
        guessed = mimetypes.guess_extension(mime.split(";")[0].strip()) or ""
        ext = guessed.lstrip(".")
    stem = stem or "receipt"
    if stem.upper() in _RESERVED:
        stem = "_" + stem
    if stem.startswith(_FORMULA_START):
        stem = "_" + stem[1:]
    stem = stem[:150]
    return f"{stem}.{ext[:16]}" if ext else stem


def _csv_line(cells: Sequence[str]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator=_NEWLINE).writerow(cells)
    return buf.getvalue()


def _parse_line(raw: bytes, width: int) -> list[str] | None:
    try:
        text = raw.rstrip(b"\r").decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "\x00" in text:
        return None
    try:
        rows = list(csv.reader([text]))
    except csv.Error:
        return None
    if len(rows) != 1 or len(rows[0]) != width:
        return None
    return rows[0]


def _human(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if n < 1024 or unit == "TB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} bytes"  # pragma: no cover


def _os_error(title: str, exc: OSError, *, reason_type: str = "unexpected_failure") -> LedgerError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return LedgerError(f"{title}: the disk is full", exc.strerror or str(exc),
                           "Free some space on the disk that holds the journal folder, then export again. "
                           "Nothing was written.", retryable=True, reason_type=reason_type)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return LedgerError(f"{title}: no permission to write", exc.strerror or str(exc),
                           "Choose a folder you can write to, or fix its permissions.", retryable=False,
                           reason_type=reason_type)
    return LedgerError(title, exc.strerror or str(exc), "Check the disk or network drive, then export again.",
                       retryable=True, reason_type=reason_type)


# ------------------------------------------------------------------------------------- the files
@dataclass
class _Scan:
    good_end: int                              # bytes of whole entries (header included)
    keys: dict[str, int] = field(default_factory=dict)   # key -> line number of its first row
    tail: str | None = None                    # what is wrong with the bytes after good_end, if any
    rows: int = 0
    tail_keys: tuple[str, ...] = ()            # keys whose rows (or a piece of one) the tail holds


def _damaged(name: str, problem: str, why: str, data: bytes, good_end: int) -> JournalDamaged:
    last_whole = data.count(b"\n", 0, good_end)
    return JournalDamaged(
        f"{name} is damaged", f"{problem}; {why}",
        f"Keep a copy of {name}, then repair the rows after line {last_whole} by hand (or move the "
        f"file away to start a new one), and export again.")


def _fragment_key(fragment: bytes, width: int, key_of) -> str | None:
    """The key of an unterminated piece of a row, if its key cell is whole (a delimiter follows it)."""
    try:
        text = fragment.rstrip(b"\r").decode("utf-8", errors="replace").replace("\x00", "")
        rows = list(csv.reader([text]))
    except csv.Error:
        return None
    if len(rows) != 1 or len(rows[0]) < 3:
        return None
    cells = rows[0][:width] + [""] * max(0, width - len(rows[0]))
    cells[2], cells[3] = "1", "1"              # the row numbers may be cut; only the key counts here
    rec = key_of(cells)
    return rec[0] if rec else None


def scan(data: bytes, header: bytes, width: int, key_of: Callable[[list[str]], tuple[str, int, int] | None],
         name: str) -> _Scan:
    """Read whole entries from ``data``. Raises ``JournalDamaged`` for damage that is not a cut-short tail.

    ``key_of(row)`` gives (key, row number within its entry, rows in the entry) or None if the row is
    not valid. The statement's rows are entries of one row.

    A tail counts as cut short (``result.tail`` says how; the bytes from ``good_end`` on may be cut)
    only if a single interrupted append can have left it: rows 1 to k of one entry of n > k rows, then
    nothing but an unterminated piece of a row, or lines holding the zeros that a power loss leaves
    where data never reached the disk. Anything else after the last whole entry is damage.
    """
    pos = len(header)
    result = _Scan(good_end=pos)
    line_no = 1
    current: tuple[str, int, int, int] | None = None      # key, rows, rows seen, first line
    problem: str | None = None
    while pos < len(data):
        nl = data.find(b"\n", pos)
        if nl < 0:
            problem = f"line {line_no + 1} is cut short"
            break
        line_no += 1
        row = _parse_line(data[pos:nl], width)
        rec = key_of(row) if row is not None else None
        if rec is None:
            problem = f"line {line_no} is not a valid row"
            break
        key, k, n = rec
        if current is None:
            if k != 1:
                problem = f"line {line_no} is row {k} of {n} of {key}, without the rows before it"
                break
            current = (key, n, 1, line_no)
        elif key != current[0] or n != current[1] or k != current[2] + 1:
            problem = f"entry {current[0]} stops after row {current[2]} of {current[1]} (line {line_no})"
            break
        else:
            current = (key, n, k, current[3])
        pos = nl + 1
        result.rows += 1
        if k == n:
            result.keys.setdefault(key, current[3])
            result.good_end = pos
            current = None
    else:
        if current is not None:
            problem = f"entry {current[0]} has {current[2]} of its {current[1]} rows"
    if problem is None:
        return result
    # Only a cut-short tail is repaired. From the first bad byte on (``pos``), nothing valid may follow,
    # and a line that ends there must hold the zeros of a power loss: an append that was cut short
    # leaves no whole line of its own that is not a valid row.
    tail_keys = [current[0]] if current is not None else []
    rest = pos
    while rest < len(data):
        nl = data.find(b"\n", rest)
        if nl < 0:
            key = _fragment_key(data[rest:], width, key_of)
            if key is not None and key not in tail_keys:
                tail_keys.append(key)
            break
        raw = data[rest:nl]
        row = _parse_line(raw, width)
        if row is not None and key_of(row) is not None:
            raise _damaged(name, problem, "whole entries follow it, so it is not a cut-short write", data,
                           result.good_end)
        if b"\x00" not in raw:
            # A whole line of text that is no row: written by hand or by another program, not a cut write.
            bad_line = data.count(b"\n", 0, rest) + 1
            raise _damaged(name, problem, f"line {bad_line} is not a row pleodesk writes, so it is not a "
                           "cut-short write", data, result.good_end)
        rest = nl + 1
    result.tail = problem
    result.tail_keys = tuple(tail_keys)
    return result


def _journal_key(row: list[str]) -> tuple[str, int, int] | None:
    try:
        k, n = int(row[2]), int(row[3])
    except ValueError:
        return None
    if not row[1] or not 1 <= k <= n:
        return None
    return _untext(row[1]), k, n


def _statement_key(row: list[str]) -> tuple[str, int, int] | None:
    return (_untext(row[1]), 1, 1) if row[1] else None


class _AppendLog:
    """An append-only CSV file of whole entries (see the module docstring)."""

    def __init__(self, path: Path, header: Sequence[str], key_of) -> None:
        self.path = path
        self.header = _csv_line(header).encode("utf-8")
        self.width = len(header)
        self.key_of = key_of
        self.fd: int | None = None
        self.keys: dict[str, int] = {}
        self.rows = 0
        self.repaired_bytes = 0                 # how much a cut-short tail took, over this object's life
        self._seen: tuple[int, int, int, int] | None = None
        # keys -> those of them recorded as exported; a tail holding one of them is never cut
        self.guard: Callable[[Sequence[str]], set[str]] | None = None

    # --- state --------------------------------------------------------------------------
    def _stamp(self) -> tuple[int, int, int, int]:
        st = os.fstat(self.fd)
        return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)

    def close(self) -> None:
        if self.fd is not None:
            try:
                os.close(self.fd)
            finally:
                self.fd = None
                self._seen = None

    def sync(self) -> None:
        """Make sure ``keys`` reflects the file and the file ends with a whole entry."""
        try:
            st = os.stat(self.path)
            now = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
        except FileNotFoundError:
            now = None
        if now is not None and self.fd is not None and now == self._seen:
            return
        self.close()
        if not self.path.parent.is_dir():
            raise LedgerError(f"The folder {self.path.parent} is missing",
                              "It may be on a drive that is not connected.",
                              "Connect the drive, or choose the folder again in the connection settings.",
                              reason_type="accounting_system_unreachable")
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND | _O_BINARY, 0o644)
        self._load()

    def _load(self) -> None:
        with open(self.path, "rb") as fh:
            data = fh.read()
        if not data.startswith(self.header):
            if self.header.startswith(data):       # new, or the header itself was cut short
                os.ftruncate(self.fd, 0)
                self._write_all(self.header, 0)
                data = self.header
            else:
                raise JournalDamaged(f"{self.path.name} is not a pleodesk file",
                                     f"Its first line is not the expected header ({self.header.decode().strip()}).",
                                     "Choose an empty folder, or move this file away.")
        result = scan(data, self.header, self.width, self.key_of, self.path.name)
        if result.good_end < len(data):
            problem = self.protected(result, data)
            if problem is not None:
                raise problem
            cut = len(data) - result.good_end
            log.warning("%s: removing %d bytes of an entry cut short (%s)", self.path, cut, result.tail)
            os.ftruncate(self.fd, result.good_end)
            os.fsync(self.fd)
            self.repaired_bytes += cut
        self.keys = result.keys
        self.rows = result.rows
        self._seen = self._stamp()

    def protected(self, result: _Scan, data: bytes) -> JournalDamaged | None:
        """Why the cut-short tail of ``result`` must not be cut: it holds rows of an entry that the export
        records say was exported (the file lost part of a booked entry: it must be restored, not cut)."""
        if not result.tail_keys or self.guard is None:
            return None
        exported = sorted(self.guard(list(result.tail_keys)))
        if not exported:
            return None
        line = data.count(b"\n", 0, result.good_end)
        return JournalDamaged(
            f"{self.path.name} is damaged",
            f"its end ({result.tail}) holds {', '.join(exported)}, which pleodesk recorded as exported, so it "
            f"is not cut away",
            f"Keep a copy of {self.path.name}, then restore it from a backup (or write the rows after line "
            f"{line} again by hand from Pleo's copy of the expense), and export again.")

    # --- appending --------------------------------------------------------------------------
    def _write_all(self, block: bytes, old_size: int) -> None:
        """One write and fsync, or nothing: on failure the file is cut back to ``old_size``."""
        try:
            written = os.write(self.fd, block)
            if written != len(block):
                raise OSError(errno.ENOSPC, f"only {written} of {len(block)} bytes written")
            os.fsync(self.fd)
        except OSError:
            try:
                os.ftruncate(self.fd, old_size)
                os.fsync(self.fd)
            except OSError:  # the next sync() finds and removes the cut-short tail
                log.exception("%s: could not undo a failed write", self.path)
                self._seen = None
            raise

    def append(self, block: bytes, keys: Sequence[str], rows: int) -> None:
        assert self.fd is not None
        old_size = os.fstat(self.fd).st_size
        self._write_all(block, old_size)
        line = self.rows + 2
        for key in keys:
            self.keys.setdefault(key, line)
        self.rows += rows
        self._seen = self._stamp()


#: The append-only log of whole entries, for other file-writing ledgers (the FEC writer keeps its runs in it).
AppendLog = _AppendLog


# ------------------------------------------------------------------------------------- provider
class JournalFileProvider:
    """Writes a general-journal CSV and a receipts folder (see the module docstring)."""

    system = "journal_file"

    def __init__(self, folder: Path | str, chart: LedgerChart) -> None:
        self.folder = Path(folder).expanduser().absolute()
        self.chart = chart
        self.journal = _AppendLog(self.folder / JOURNAL_NAME, JOURNAL_HEADER, _journal_key)
        self.statement = _AppendLog(self.folder / STATEMENT_NAME, STATEMENT_HEADER, _statement_key)

    # --- paths ------------------------------------------------------------------------------
    @property
    def journal_path(self) -> Path:
        return self.journal.path

    @property
    def statement_path(self) -> Path:
        return self.statement.path

    def guard_exported(self, exported: Callable[[Sequence[str]], set[str]] | None) -> None:
        """Tell the provider which references the export records hold as exported: ``exported(refs)``
        returns those of ``refs`` that are. A cut-short tail holding one of them is reported as damage,
        never cut (the export engine sets this; without it, any cut-short tail is cut)."""
        self.journal.guard = exported

    def receipts_dir(self, reference: str) -> Path:
        return self.folder / RECEIPTS_DIR / safe_component(reference)

    def url_for(self, reference: str) -> str:
        return f"{self.journal_path.as_uri()}#{reference}"

    # --- Provider -------------------------------------------------------------------------------
    def check(self) -> CheckResult:
        """Whether the folder can take an export; changes nothing (a probe file is written and removed)."""
        folder = self.folder
        if not folder.exists():
            return CheckResult(False, (f"The folder {folder} does not exist. Choose another folder, or let "
                                       f"pleodesk create it when you save the connection.",), FORMAT_VERSION)
        if not folder.is_dir():
            return CheckResult(False, (f"{folder} is a file, not a folder. Choose a folder.",), FORMAT_VERSION)
        try:
            fd, probe = tempfile.mkstemp(prefix=".pleodesk-check-", dir=folder)
            try:
                os.write(fd, b"ok")
                os.fsync(fd)
            finally:
                os.close(fd)
                os.unlink(probe)
        except OSError as exc:
            return CheckResult(False, (f"pleodesk cannot write to {folder} ({exc.strerror or exc}). Choose a folder "
                                       f"you can write to, or fix its permissions.",), FORMAT_VERSION)
        free = shutil.disk_usage(folder).free
        messages = [f"The folder is writable; {_human(free)} free on its disk."]
        ok = True
        if free < LOW_DISK_BYTES:
            messages.append(f"Less than {_human(LOW_DISK_BYTES)} is free: receipts may not fit. Free some space.")
        for log_file, what in ((self.journal, "entries"), (self.statement, "statement lines")):
            if not log_file.path.exists():
                continue
            try:
                data = log_file.path.read_bytes()
                if not data.startswith(log_file.header) and not log_file.header.startswith(data):
                    raise JournalDamaged(f"{log_file.path.name} is not a pleodesk file",
                                         "Its first line is not the expected header.",
                                         "Choose an empty folder, or move this file away.")
                result = scan(data, log_file.header, log_file.width, log_file.key_of, log_file.path.name) \
                    if data.startswith(log_file.header) else _Scan(len(data))
            except JournalDamaged as exc:
                ok = False
                messages.append(f"{exc.title}: {exc.detail} {exc.fix}")
                continue
            except OSError as exc:
                ok = False
                messages.append(f"pleodesk cannot read {log_file.path.name} ({exc.strerror or exc}).")
                continue
            messages.append(f"{log_file.path.name} holds {len(result.keys)} {what}.")
            kept = log_file.protected(result, data) if result.tail else None
            if kept is not None:
                ok = False
                messages.append(f"{kept.title}: {kept.detail}. {kept.fix}")
            elif result.tail:
                messages.append(f"{log_file.path.name} ends with an entry cut short ({result.tail}); it will be "
                                f"removed before the next export.")
        return CheckResult(ok, tuple(messages), FORMAT_VERSION)

    def list_companies(self) -> list[Company]:
        return [Company(id=str(self.folder), name=self.folder.name or str(self.folder))]

    def read_chart(self) -> LedgerChart:
        return self.chart

    def ensure_setup(self, settings: dict) -> dict:
        try:
            (self.folder / RECEIPTS_DIR).mkdir(parents=True, exist_ok=True)
            self.journal.sync()
        except OSError as exc:
            raise _os_error(f"Could not set up {self.folder}", exc, reason_type="invalid_configuration") from exc
        return {**settings, "folder": str(self.folder)}

    def capabilities(self) -> Capabilities:
        return Capabilities(object_kinds=("journal_entry",), draft=False, posted=True, batch_size=200,
                            max_attachment_bytes=MAX_RECEIPT_BYTES, max_attachments=1000, feed=True)

    def send_batch(self, entries: Sequence[LedgerEntry]) -> list[SendResult]:
        try:
            self.journal.sync()
        except OSError as exc:
            raise _os_error(f"Could not open {JOURNAL_NAME}", exc, reason_type="accounting_system_unreachable") \
                from exc
        results = []
        for entry in entries:
            results.append(self._send_one(entry))
        return results

    def find_by_reference(self, reference: str) -> Found | None:
        try:
            self.journal.sync()
        except OSError as exc:
            raise _os_error(f"Could not read {JOURNAL_NAME}", exc, reason_type="accounting_system_unreachable") \
                from exc
        if reference in self.journal.keys:
            return Found(ledger_id=reference, ledger_url=self.url_for(reference))
        return None

    def upload_receipt(self, found: Found, path: str, mime: str, filename: str) -> None:
        self._store_receipt(found.ledger_id, Path(path), filename, mime)

    def push_feed(self, lines: Sequence[FeedLine]) -> FeedResult:
        try:
            self.statement.sync()
        except OSError as exc:
            raise _os_error(f"Could not open {STATEMENT_NAME}", exc) from exc
        seen = set(self.statement.keys)
        rows: list[str] = []
        keys: list[str] = []
        duplicates = 0
        messages: list[str] = []
        for ln in lines:
            if ln.transaction_id in seen:
                duplicates += 1
                continue
            try:
                amount = _amount(Decimal(ln.amount), ln.currency)
            except (InvalidOperation, ValueError) as exc:
                messages.append(f"{ln.transaction_id}: amount {ln.amount!r} left out ({exc})")
                continue
            seen.add(ln.transaction_id)
            keys.append(ln.transaction_id)
            rows.append(_csv_line(_cells([ln.date, ln.transaction_id, amount, ln.currency.upper(), ln.payee,
                                          ln.description])))
        if rows:
            try:
                self.statement.append("".join(rows).encode("utf-8"), keys, len(rows))
            except OSError as exc:
                raise _os_error(f"Could not write {STATEMENT_NAME}", exc) from exc
        return FeedResult(accepted=len(rows), duplicates=duplicates, messages=tuple(messages))

    def feed_lines_present(self, transaction_ids: Sequence[str]) -> set[str]:
        try:
            self.statement.sync()
        except OSError as exc:
            raise _os_error(f"Could not read {STATEMENT_NAME}", exc) from exc
        return {t for t in transaction_ids if t in self.statement.keys}

    def close(self) -> None:
        self.journal.close()
        self.statement.close()

    def __enter__(self) -> "JournalFileProvider":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- entries ----------------------------------------------------------------------------------
    def check_entry(self, entry: LedgerEntry) -> LedgerError | None:
        """Why the ledger would refuse this entry (None: it is fine)."""
        ref = entry.reference
        currency = entry.gross.currency
        if not entry.is_balanced():
            debit = sum((p.debit for p in entry.postings), Decimal(0))
            credit = sum((p.credit for p in entry.postings), Decimal(0))
            return LedgerError(f"Entry {ref} does not balance", f"debits {debit}, credits {credit} {currency}",
                               "This is a bug in the posting rules; report it with the expense.",
                               reason_type="validation_failure")
        for p in entry.postings:
            why = self._posting_problem(p, currency)
            if why:
                return why
        return None

    def _posting_problem(self, p: Posting, currency: str) -> LedgerError | None:
        if p.currency != currency:
            return LedgerError("A posting is in another currency", f"{p.account}: {p.currency}, entry: {currency}",
                               "This is a bug in the posting rules; report it with the expense.",
                               reason_type="validation_failure")
        if p.debit < 0 or p.credit < 0 or (p.debit == 0) == (p.credit == 0):
            return LedgerError("A posting has no single side", f"{p.account}: debit {p.debit}, credit {p.credit}",
                               "This is a bug in the posting rules; report it with the expense.",
                               reason_type="validation_failure")
        acc = self.chart.accounts.get(p.account)
        if acc is None:
            return LedgerError(f"Account {p.account} is not in the chart",
                               "The journal would reference an account the ledger does not have.",
                               f"Map to an existing account, or add {p.account} to the chart in the connection "
                               f"settings.", reason_type="account_unknown")
        if not acc.active:
            return LedgerError(f"Account {p.account} {acc.name} is archived", "The ledger no longer takes postings on it.",
                               f"Map to an active account, or mark {p.account} active in the chart.",
                               reason_type="account_unknown")
        if p.tax_code is not None:
            tax = self.chart.taxes.get(p.tax_code)
            if tax is None or not tax.active:
                state = "not in the chart" if tax is None else "archived"
                return LedgerError(f"Tax code {p.tax_code} is {state}", "", "Map the Pleo tax code to an active "
                                   "ledger tax code.", reason_type="tax_code_unknown")
        for dim, value in p.dimensions:
            d = self.chart.dimensions.get(dim)
            if d is None or value not in d.values:
                return LedgerError(f"{dim} {value} is not in the chart", "", "Map the tag to an active value.",
                                   reason_type="tag_unknown")
        return None

    def _rows(self, entry: LedgerEntry, receipts: Sequence[str]) -> bytes:
        n = len(entry.postings)
        receipt_cell = ";".join(receipts)
        out = []
        for i, p in enumerate(entry.postings, 1):
            foreign = p.foreign
            out.append(_csv_line(_cells([
                entry.date.isoformat(), entry.reference, str(i), str(n), p.account,
                _amount(p.debit, p.currency), _amount(p.credit, p.currency), p.currency,
                p.tax_code, p.tax_role, p.description or entry.description,
                _tags(p.dimensions), receipt_cell,
                _amount(foreign.amount, foreign.currency) if foreign else None,
                foreign.currency if foreign else None,
            ])))
        return "".join(out).encode("utf-8")

    def _send_one(self, entry: LedgerEntry) -> SendResult:
        ref = entry.reference
        ok = SendResult(entry.expense_id, ledger_id=ref, ledger_url=self.url_for(ref))
        if ref in self.journal.keys:            # already there (a retry after a crash): never twice
            return SendResult(entry.expense_id, ledger_id=ref, ledger_url=self.url_for(ref), already=True)
        if not entry.postings:                  # nothing to book (all amounts zero): nothing to write
            return ok
        problem = self.check_entry(entry)
        if problem:
            return SendResult(entry.expense_id, error=problem)
        names = []
        for path in entry.receipts:             # best effort: receipts never fail the entry
            try:
                names.append(self._store_receipt(ref, Path(path), Path(path).name, None))
            except LedgerError as exc:
                log.warning("%s: receipt %s not copied: %s", ref, path, exc)
        try:
            block = self._rows(entry, names)
        except ValueError as exc:
            return SendResult(entry.expense_id, error=LedgerError(
                f"Entry {ref} has an amount the currency cannot hold", str(exc),
                "This is a bug in the posting rules; report it with the expense.", reason_type="validation_failure"))
        try:
            self.journal.sync()
            if ref in self.journal.keys:
                return SendResult(entry.expense_id, ledger_id=ref, ledger_url=self.url_for(ref), already=True)
            self.journal.append(block, [ref], len(entry.postings))
        except LedgerError as exc:              # damaged file, folder gone: this entry fails, not the batch
            return SendResult(entry.expense_id, error=exc)
        except OSError as exc:
            return SendResult(entry.expense_id, error=_os_error(f"Could not write entry {ref} to {JOURNAL_NAME}",
                                                                exc))
        return ok

    # --- receipts ---------------------------------------------------------------------------------
    def _store_receipt(self, reference: str, source: Path, filename: str, mime: str | None) -> str:
        """Copy ``source`` into ``receipts/<reference>/`` atomically; idempotent. Returns the stored name."""
        try:
            size = source.stat().st_size
        except OSError as exc:
            raise LedgerError(f"The receipt {source.name} cannot be read", exc.strerror or str(exc),
                              "Download the receipt again.", retryable=False,
                              reason_type="receipt_upload_failure") from exc
        if size > MAX_RECEIPT_BYTES:
            raise LedgerError(f"The receipt {source.name} is too large ({_human(size)})",
                              f"The journal folder takes receipts up to {_human(MAX_RECEIPT_BYTES)}.",
                              "Attach a smaller copy of the receipt to the ledger entry by hand.",
                              reason_type="receipt_file_size_limit_exceeded")
        target_dir = self.receipts_dir(reference)
        name = safe_filename(filename or source.name, mime)
        try:
            target_dir.mkdir(parents=True, exist_ok=True)
            digest = None
            stem, dot, ext = name.rpartition(".")
            if not dot:
                stem, ext = name, ""
            for n in range(1, 1000):
                candidate = name if n == 1 else (f"{stem}-{n}.{ext}" if ext else f"{stem}-{n}")
                target = target_dir / candidate
                if not target.exists():
                    break
                if _same_file(source, target):
                    return candidate             # this very file is there (linked before)
                if target.stat().st_size == size:
                    digest = digest or _sha256(source)
                    if _sha256(target) == digest:
                        return candidate         # the same content is already there
            else:  # pragma: no cover - a thousand different receipts with one name
                raise OSError(errno.EEXIST, "too many receipts with this name")
            _link_or_copy(source, target)
        except OSError as exc:
            raise _os_error(f"Could not copy the receipt {source.name}", exc,
                            reason_type="receipt_upload_failure") from exc
        return candidate


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1024 * 1024), b""):
            h.update(chunk)
    return h.hexdigest()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _link_or_copy(source: Path, target: Path) -> None:
    """Put ``source`` at ``target`` as a hard link where both are on one file system (the receipt is
    then stored once: pleodesk's downloaded copy and the journal's are one file, and removing
    pleodesk's copy later leaves the journal's), else as a copy. Atomic either way."""
    tmp = target.parent / f".part-{os.getpid()}-{secrets.token_hex(6)}"
    try:
        os.link(source, tmp)
    except OSError:                       # another file system, or one without hard links
        _atomic_copy(source, target)
        return
    try:
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(target.parent)


def _fsync_dir(folder: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):            # make the rename durable (POSIX)
        try:
            dfd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)
        except OSError:
            pass


def _atomic_copy(source: Path, target: Path) -> None:
    """Copy to a temporary file in the target's folder, fsync, then rename over the target."""
    fd, tmp = tempfile.mkstemp(prefix=".part-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
            shutil.copyfileobj(src, out, 1024 * 1024)
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
