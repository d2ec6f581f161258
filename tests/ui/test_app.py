"""The app as a process: ``pleodesk --demo`` opens on the demo company in its own data directory, and a
second launch hands over to the first and exits 0."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import sys
sys.path.insert(0, {root!r})
sys.path.insert(0, {scripts!r})
from pleodesk.secrets import use_memory_keyring
use_memory_keyring()
from pleodesk.ui.app import run_app
raise SystemExit(run_app(demo={demo}))
"""


def _env(home: Path, **extra) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PLEODESK_HOME=str(home), PLEODESK_LANG="en")
    env.update(extra)
    return env


def _code(demo: bool) -> str:
    return CHILD.format(root=str(ROOT), scripts=str(ROOT / "scripts"), demo=demo)


def test_demo_opens_in_its_own_data_directory(pleodesk_home):
    proc = subprocess.run([sys.executable, "-c", _code(True)], env=_env(pleodesk_home, PLEODESK_STARTUP_PROBE="1"),
                          capture_output=True, text=True, timeout=90)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "painted" in proc.stdout
    demo_db = pleodesk_home / "demo" / "pleodesk.sqlite3"
    assert demo_db.exists()
    from pleodesk.storage import open_store

    with open_store(demo_db) as demo_store:
        (conn,) = demo_store.list_connections()
        assert conn.system == "journal_file" and conn.active
        assert conn.pleo_base_url.startswith("http://127.0.0.1:")
    assert not (pleodesk_home / "pleodesk.sqlite3").exists(), "the real data directory stays untouched"


def test_a_second_launch_exits_0_and_the_first_keeps_running(pleodesk_home):
    from pleodesk.ui.single_instance import server_name

    first = subprocess.Popen([sys.executable, "-c", _code(False)], env=_env(pleodesk_home),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        name = server_name(pleodesk_home)
        from PySide6.QtNetwork import QLocalSocket

        deadline = time.monotonic() + 30
        while True:
            sock = QLocalSocket()
            sock.connectToServer(name)
            if sock.waitForConnected(200):
                sock.disconnectFromServer()
                break
            assert first.poll() is None, "the first instance ended early"
            assert time.monotonic() < deadline, "the first instance never started listening"
            time.sleep(0.1)
        second = subprocess.run([sys.executable, "-c", _code(False)], env=_env(pleodesk_home),
                                capture_output=True, text=True, timeout=60)
        assert second.returncode == 0
        assert "already running" in second.stderr
        assert first.poll() is None
    finally:
        first.terminate()
        first.wait(20)


def test_demo_runs_without_a_system_keyring(tmp_path, monkeypatch):
    """A fresh machine may have no keyring: the demo company still opens (its key lives in memory)."""
    import keyring
    from keyring.backends import fail

    from pleodesk.demo import DEMO_CONNECTION, start_demo
    from pleodesk.storage import open_store

    keyring.set_keyring(fail.Keyring())
    monkeypatch.setenv("PLEODESK_HOME", str(tmp_path / "demo-home"))
    sb = start_demo(expenses_per_month=10)
    try:
        store = open_store()
        conn = store.get_connection(DEMO_CONNECTION)
        assert conn is not None and conn.pleo_base_url == sb.pleo_url
        from pleodesk.connections import make_pleo_client

        assert make_pleo_client(conn).get_company()["id"] == sb.company_id
        store.close()
    finally:
        sb.stop()


DIALOG_CHILD = r"""
import sys
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QMessageBox

def critical(parent, title, text, *args, **kwargs):
    print("DIALOG:" + text, flush=True)
    return QMessageBox.StandardButton.Ok

QMessageBox.critical = critical
from pleodesk.ui.app import run_app
raise SystemExit(run_app())
"""


def test_a_damaged_database_is_a_dialog_with_the_words_of_the_command_line_not_a_crash(pleodesk_home):
    import hashlib

    from pleodesk.cli import EXIT_DATA_DAMAGED, EXIT_DATA_TOO_NEW

    db = pleodesk_home / "pleodesk.sqlite3"
    db.write_bytes(b"this is not a database" * 400)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    code = DIALOG_CHILD.format(root=str(ROOT))
    cli = subprocess.run([sys.executable, "-m", "pleodesk", "status"], env=_env(pleodesk_home), cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    app = subprocess.run([sys.executable, "-c", code], env=_env(pleodesk_home), capture_output=True, text=True,
                         timeout=60)
    assert app.returncode == cli.returncode == EXIT_DATA_DAMAGED, app.stderr[-2000:]
    assert "Traceback" not in app.stderr
    (shown,) = [ln[len("DIALOG:"):] for ln in app.stdout.splitlines() if ln.startswith("DIALOG:")]
    assert shown == cli.stderr.strip()
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in pleodesk_home.iterdir() if p.name != "locks") == ["pleodesk.sqlite3"]

    dutch = subprocess.run([sys.executable, "-c", code], env=_env(pleodesk_home, PLEODESK_LANG="nl"),
                           capture_output=True, text=True, timeout=60)
    assert dutch.returncode == EXIT_DATA_DAMAGED
    (shown_nl,) = [ln[len("DIALOG:"):] for ln in dutch.stdout.splitlines() if ln.startswith("DIALOG:")]
    assert str(db) in shown_nl and "beschadigd" in shown_nl

    import sqlite3

    from pleodesk.storage import open_store

    db.unlink()
    open_store().close()
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    raw.close()
    app = subprocess.run([sys.executable, "-c", code], env=_env(pleodesk_home), capture_output=True, text=True,
                         timeout=60)
    assert app.returncode == EXIT_DATA_TOO_NEW
    assert "DIALOG:This data was written by a newer pleodesk (database schema 0099_from_the_future)." in app.stdout
