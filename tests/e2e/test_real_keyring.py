"""The real path: keys stored by ``pleodesk setup --file`` in GNOME Keyring's Secret Service (the daemon in
a private D-Bus session, as on a machine without a desktop: README "Without a desktop"), then a new
process exports with them. Nothing of the key lands in a file.

Needs ``gnome-keyring-daemon`` and ``dbus-run-session`` (``scripts/install.sh --test`` installs them on
Debian and Ubuntu); without them the test is skipped, with a reason that starts "needs GNOME Keyring"."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pleodesk.sandbox.server import SandboxConfig, start_sandbox

from .conftest import MONTH, read_journal

ROOT = Path(__file__).resolve().parents[2]
MISSING = [tool for tool in ("gnome-keyring-daemon", "dbus-run-session") if shutil.which(tool) is None]

pytestmark = pytest.mark.skipif(
    bool(MISSING) or not sys.platform.startswith("linux"),
    reason=f"needs GNOME Keyring: {', '.join(MISSING) or 'Linux'} not found "
           "(scripts/install.sh --test installs gnome-keyring and dbus on Debian/Ubuntu)")

# What a person types on a headless machine (README "Without a desktop"), then two pleodesk processes
# and a look into the Secret Service, in one private D-Bus session.
SCRIPT = r"""
set -u
printf '%s' "$KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
"$PY" -m pleodesk setup --file "$SETUP" >"$OUT/setup.out" 2>"$OUT/setup.err"; echo $? >"$OUT/setup.rc"
"$PY" -m pleodesk export --month "$MONTH" >"$OUT/export.out" 2>"$OUT/export.err"; echo $? >"$OUT/export.rc"
"$PY" - >"$OUT/look.out" 2>"$OUT/look.err" <<'PY'
import secretstorage
from pleodesk.secrets import active_backend_name
print(active_backend_name())
bus = secretstorage.dbus_init()
for item in secretstorage.get_default_collection(bus).search_items({"service": "pleodesk"}):
    print(item.get_attributes()["username"], item.get_secret().decode())
PY
echo $? >"$OUT/look.rc"
"""


def test_keys_in_gnome_keyring_survive_a_restart_and_the_export_uses_them(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    run = tmp_path / "run"
    run.mkdir(mode=0o700)
    with start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=30, seed=1)) as sb:
        text = (ROOT / "examples" / "journal-file.toml").read_text()
        text = text.replace("http://127.0.0.1:8765/pleo", sb.pleo_url)
        text = text.replace("~/pleodesk-demo-journal", str(tmp_path / "journal"))
        setup = tmp_path / "setup.toml"
        setup.write_text(text)
        env = {k: v for k, v in os.environ.items()
               if k not in ("PYTHON_KEYRING_BACKEND", "DBUS_SESSION_BUS_ADDRESS", "PLEODESK_TEST_KEYRING")}
        env.update(HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"),
                   XDG_RUNTIME_DIR=str(run), PLEODESK_HOME=str(tmp_path / "home"), PLEO_API_KEY=sb.api_key,
                   KEYRING_PASSWORD="a password only this test knows", PY=sys.executable, SETUP=str(setup),
                   MONTH=MONTH, OUT=str(out), PYTHONPATH=str(ROOT))
        done = subprocess.run(["dbus-run-session", "--", "bash", "-c", SCRIPT], env=env, capture_output=True,
                              text=True, timeout=240, cwd=tmp_path)
        api_key = sb.api_key

    def step(name: str) -> tuple[int, str, str]:
        rc = (out / f"{name}.rc").read_text().strip() if (out / f"{name}.rc").exists() else "missing"
        return (int(rc) if rc.isdigit() else -1, (out / f"{name}.out").read_text() if (out / f"{name}.out").exists()
                else "", (out / f"{name}.err").read_text() if (out / f"{name}.err").exists() else done.stderr)

    rc, stdout, stderr = step("setup")
    assert rc == 0, (stdout, stderr)
    assert "Saved connection 'Demo Company (journal file)'" in stdout
    rc, stdout, stderr = step("export")                # a new process: the key comes from the keyring
    assert rc in (0, 3), (stdout, stderr)               # 3: some demo expenses are held for a mapping
    assert "No Pleo API key" not in stderr + stdout
    booked = read_journal(tmp_path / "journal" / "journal.csv")
    assert len(booked) > 10 and all(len(blocks) == 1 for blocks in booked.values())
    rc, stdout, stderr = step("look")
    assert rc == 0, stderr
    backend, *entries = stdout.splitlines()
    assert backend == "keyring.backends.SecretService.Keyring"      # keyrings.alt's file, if installed, unused
    names = {line.split(" ", 1)[0]: line.split(" ", 1)[1] for line in entries}
    assert [v for n, v in names.items() if n.endswith("/connection-1/pleo-api-key")] == [api_key]
    # The key is in the (encrypted) keyring only: no file holds it in plain text.
    for path in tmp_path.rglob("*"):
        if path.is_file() and path != setup and out not in path.parents:
            assert api_key.encode() not in path.read_bytes(), path
    assert not (tmp_path / "data" / "python_keyring").exists()
