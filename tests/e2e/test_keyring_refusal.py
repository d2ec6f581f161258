"""Without a usable keyring, ``pleodesk setup --file`` saves nothing and says what to install: no
keyring at all (a machine without a desktop session), keyring disabled, only keyrings.alt's plaintext
file, a keyring that is there but refuses to store. And a setup the keyring fails half-way through
leaves no connection behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from keyring_memory import InMemoryKeyring
from pleodesk.demo import demo_plan
from pleodesk.sandbox.server import SandboxConfig, start_sandbox
from pleodesk.setup_file import apply_plan
from pleodesk.storage import open_store

from .conftest import MONTH

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sandbox():
    sb = start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=20, seed=1))
    yield sb
    sb.stop()


def _setup_file(tmp_path: Path, sb) -> Path:
    text = (ROOT / "examples" / "journal-file.toml").read_text()
    text = text.replace("http://127.0.0.1:8765/pleo", sb.pleo_url)
    text = text.replace("~/pleodesk-demo-journal", str(tmp_path / "journal"))
    path = tmp_path / "setup.toml"
    path.write_text(text)
    return path


def _env(tmp_path: Path, sb, backend: str | None) -> dict[str, str]:
    """A headless machine: no D-Bus session, no keyring configuration; ``backend`` as chosen with
    PYTHON_KEYRING_BACKEND (None: left to keyring's discovery)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHON_KEYRING_BACKEND", "DBUS_SESSION_BUS_ADDRESS", "PLEODESK_TEST_KEYRING")}
    env.update(PLEODESK_HOME=str(tmp_path / "home"), HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_RUNTIME_DIR=str(tmp_path / "run"),
               PLEO_API_KEY=sb.api_key, PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "tests")]))
    if backend:
        env["PYTHON_KEYRING_BACKEND"] = backend
    return env


@pytest.mark.parametrize("backend", [
    None,                                          # what discovery finds on a headless machine
    "keyring.backends.fail.Keyring",               # nothing installed
    "keyring.backends.null.Keyring",               # keyring --disable
    "keyrings.alt.file.PlaintextKeyring",          # only keyrings.alt installed
    "keyring_file.LockedKeyring",                  # installed, but it refuses to store
], ids=["headless-discovery", "fail", "null", "keyrings.alt-plaintext", "locked"])
def test_setup_file_without_a_usable_keyring_saves_nothing_and_says_what_to_install(tmp_path, sandbox, backend):
    setup = _setup_file(tmp_path, sandbox)
    out = subprocess.run([sys.executable, "-m", "pleodesk", "setup", "--file", str(setup)],
                         env=_env(tmp_path, sandbox, backend), capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert out.returncode == 1, (out.stdout, out.stderr)
    assert "Saved" not in out.stdout
    assert out.stderr.startswith("The setup was not saved: "), out.stderr
    assert "sudo apt install gnome-keyring" in out.stderr and "Without a desktop" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1, "one line, no traceback"
    if backend == "keyring_file.LockedKeyring":
        assert "Failed to unlock" in out.stderr
    db = tmp_path / "home" / "pleodesk.sqlite3"
    if db.exists():
        with open_store(db) as store:
            assert store.list_connections() == []
    for path in tmp_path.rglob("*"):              # the key went nowhere, no plaintext fallback
        if path.is_file() and path != setup:
            assert sandbox.api_key.encode() not in path.read_bytes(), path


class _FailsOn(InMemoryKeyring):
    """A keyring that stops working at the write of one entry."""

    viable = False  # type: ignore[assignment]

    def __init__(self, suffix: str) -> None:
        super().__init__()
        self.suffix = suffix

    def set_password(self, service: str, username: str, password: str) -> None:
        if username.endswith(self.suffix):
            raise keyring.errors.KeyringLocked("the keyring was locked")
        super().set_password(service, username, password)


def test_a_keyring_failing_half_way_leaves_no_connection_and_no_secret(tmp_path, pleodesk_home, sandbox):
    from pleodesk.secrets import SecretStoreUnavailable

    kr = _FailsOn("/pleo-api-key")
    keyring.set_keyring(kr)
    plan = demo_plan(sandbox, tmp_path / "journal")
    plan.ledger_secrets = {"ledger-token": "t-1"}             # written first, then the Pleo key fails
    with open_store() as store:
        with pytest.raises(SecretStoreUnavailable):
            apply_plan(store, plan)
        assert store.list_connections() == []
        assert kr.passwords == {}

        # An existing connection keeps the secrets it had.
        keyring.set_keyring(plain := InMemoryKeyring())
        plan.ledger_secrets = {"ledger-token": "t-1"}
        conn = apply_plan(store, plan)
        before = dict(plain.passwords)
        kr.passwords = dict(before)
        keyring.set_keyring(kr)
        plan.ledger_secrets = {"ledger-token": "t-2"}
        with pytest.raises(SecretStoreUnavailable):
            apply_plan(store, plan)
        assert kr.passwords == before
        assert [c.id for c in store.list_connections()] == [conn.id]
