"""A damaged database, one from a newer pleodesk, a read-only data folder and a full disk: one line that
says what is wrong and what to do, an exit code of its own, and nothing changed (no traceback)."""

from __future__ import annotations

import ctypes
import hashlib
import os
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pleodesk.cli import (EXIT_DATA_DAMAGED, EXIT_DATA_READ_ONLY, EXIT_DATA_TOO_NEW, EXIT_DISK_FULL, EXIT_FAILED,
                          build_parser, main)
from pleodesk.storage import open_store

from pleodesk.core.ledger import reference_for

from .conftest import MONTH, ROOT, child_env, read_journal

PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER = 1, 2, 3


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the hash of its content."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def one_line(err: str) -> str:
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def test_the_exit_codes_are_documented_in_help_and_readme():
    help_text = build_parser().format_help()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code, words in ((EXIT_DATA_DAMAGED, "damaged"), (EXIT_DATA_TOO_NEW, "newer pleodesk"),
                        (EXIT_DATA_READ_ONLY, "read-only"), (EXIT_DISK_FULL, "disk is full")):
        assert f"{code} the" in " ".join(help_text.split()) and words in help_text
        assert f"| {code} |" in readme and words in readme.lower()


def test_a_damaged_database_is_named_and_left_as_it_is(pleodesk_home, capsys):
    db = pleodesk_home / "pleodesk.sqlite3"
    db.write_bytes(os.urandom(8192))
    before = snapshot(pleodesk_home)

    for args in (["status"], ["export", "--month", MONTH], ["queue"]):
        assert main(args) == EXIT_DATA_DAMAGED
        line = one_line(capsys.readouterr().err)
        assert str(db) in line and "damaged" in line and "backup" in line
    assert snapshot(pleodesk_home) == before


def test_a_database_from_a_newer_pleodesk_is_refused_unchanged(pleodesk_home, capsys):
    open_store().close()
    db = pleodesk_home / "pleodesk.sqlite3"
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    raw.close()
    before = snapshot(pleodesk_home)

    assert main(["status"]) == EXIT_DATA_TOO_NEW
    line = one_line(capsys.readouterr().err)
    assert "newer pleodesk" in line and "0099_from_the_future" in line and "Update pleodesk" in line
    assert snapshot(pleodesk_home) == before


def _drop_file_permission_override() -> None:
    """In the child: even root then obeys file modes (its bounding set loses the override capabilities)."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _can_drop_permission_override() -> bool:
    if os.geteuid() != 0:
        return True
    probe = subprocess.run([sys.executable, "-c", "pass"], preexec_fn=_drop_file_permission_override)
    return probe.returncode == 0


@pytest.mark.parametrize("fresh", [False, True], ids=["existing-data", "first-start"])
def test_a_read_only_data_folder_is_named_and_nothing_changes(tmp_path, fresh):
    if not _can_drop_permission_override():
        pytest.skip("running as root without the right to drop CAP_DAC_OVERRIDE, so no folder is read-only here")
    home = tmp_path / "read-only-home"
    home.mkdir()
    if not fresh:
        store = open_store(home / "pleodesk.sqlite3")
        store.add_connection("Books", "journal_file", settings={"folder": str(tmp_path / "journal")})
        store.close()
    before = snapshot(home)
    home.chmod(0o500)
    for p in home.iterdir():
        p.chmod(0o400)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLEODESK_")}
    env.update({"PLEODESK_HOME": str(home), "PYTHONPATH": str(ROOT)})
    try:
        for args in (["status"], ["export", "--month", MONTH]):
            done = subprocess.run([sys.executable, "-m", "pleodesk", *args], env=env, cwd=ROOT, capture_output=True,
                                  text=True, timeout=120, preexec_fn=_drop_file_permission_override)
            assert done.returncode == EXIT_DATA_READ_ONLY, done.stderr
            line = one_line(done.stderr)
            assert str(home) in line and "read-only" in line and "PLEODESK_HOME" in line
    finally:
        home.chmod(0o700)
        for p in home.iterdir():
            p.chmod(0o600)
    assert snapshot(home) == before


def test_a_full_disk_is_named_and_what_was_saved_stays_intact(file_keyring, demo):
    """A file size limit (RLIMIT_FSIZE, as for any user, root too) stands in for a full disk: every write
    past the limit fails like a write to a full file system."""
    env = child_env(demo.home, file_keyring)
    demo.store.close()
    db = demo.home / "pleodesk.sqlite3"
    with sqlite3.connect(db) as raw:                  # a checkpointed, compact file, as after any run
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    records_before = _records(db)
    limit = db.stat().st_size

    def full_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = subprocess.run([sys.executable, "-m", "pleodesk", "export", "--month", MONTH], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=180, preexec_fn=full_disk)
    assert done.returncode == EXIT_DISK_FULL, done.stderr
    lines = [ln for ln in done.stderr.splitlines() if ln.strip() and not ln.startswith("[")]
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert "disk is full" in lines[0] and "Free some space" in lines[0] and str(demo.home) in lines[0]
    print(lines[0])
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    raw.close()
    # What the store says was sent is what the journal holds (the run stopped before or between writes).
    exported = _exported_references(db)
    assert exported == set(read_journal(demo.journal)) and all(n == 1 for n in map(len, read_journal(demo.journal).values()))
    assert records_before == {}

    # With room again, the export goes through.
    again = subprocess.run([sys.executable, "-m", "pleodesk", "export", "--month", MONTH], env=env, cwd=ROOT,
                           capture_output=True, text=True, timeout=180)
    assert again.returncode in (0, 3), again.stderr
    blocks = read_journal(demo.journal)
    assert blocks and set(blocks) == _exported_references(db) and all(len(b) == 1 for b in blocks.values())


def _exported_references(db: Path) -> set[str]:
    with sqlite3.connect(db) as raw:
        ids = {r[0] for r in raw.execute("SELECT expense_id FROM export_records WHERE status = 'exported'")}
    raw.close()
    return {reference_for(e) for e in ids}


def _records(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as raw:
        rows = dict(raw.execute("SELECT status, count(*) FROM export_records GROUP BY status").fetchall())
    raw.close()
    return rows


def test_an_unknown_error_is_still_raised(monkeypatch, pleodesk_home):
    """Only the data-folder cases become one line; anything else is a bug and keeps its traceback."""
    import pleodesk.cli as cli

    def boom(args):
        raise RuntimeError("a bug")

    monkeypatch.setattr(cli, "cmd_status", boom)
    with pytest.raises(RuntimeError):
        main(["status"])
    assert EXIT_FAILED == 1


def test_the_sandbox_on_a_port_in_use_says_so_in_one_line(capsys):
    import socket

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    try:
        assert main(["sandbox", "--port", str(port), "--expenses-per-month", "1"]) == EXIT_FAILED
    finally:
        taken.close()
    line = one_line(capsys.readouterr().err)
    assert f"Port {port} on 127.0.0.1 is already in use" in line and "--port" in line


@pytest.mark.parametrize("args,words", [(["--port", "70000"], "--port 70000 is not a port"),
                                        (["--host", "127.attacker.example"], "listens only on this computer"),
                                        (["--host", "0.0.0.0"], "listens only on this computer")])
def test_the_sandbox_refuses_bad_addresses_in_one_line(capsys, args, words):
    from pleodesk.cli import EXIT_USAGE

    assert main(["sandbox", *args]) == EXIT_USAGE
    assert words in one_line(capsys.readouterr().err)
