"""``pleodesk --self-test``: one line, exit 0 or 1, nothing left behind in the user's data or keyring."""

from __future__ import annotations

import subprocess
from pathlib import Path

import keyring

from bundle_helpers import app_env


def run_self_test(cmd: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([*cmd, "--self-test"], env=env, capture_output=True, text=True, timeout=300)


def test_self_test_passes_and_prints_one_line(app_command, tmp_path: Path) -> None:
    home = tmp_path / "user-data"
    proc = run_self_test(app_command, app_env(home))
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1, proc.stdout
    assert lines[0].startswith("self-test passed: pleodesk ")
    assert "exported" in lines[0] and "balanced journal entries" in lines[0]
    # The user's data directory was not used (not even created), nor a keyring file written.
    assert not home.exists()
    assert not (tmp_path / "xdg-data").exists()


def test_self_test_sets_offscreen_itself(app_command, tmp_path: Path) -> None:
    env = app_env(tmp_path / "user-data")
    del env["QT_QPA_PLATFORM"]
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    proc = run_self_test(app_command, env)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]


def test_self_test_fails_with_a_reason(app_command, tmp_path: Path) -> None:
    """A copy missing its resources fails with exit 1 and says why, in one line."""
    empty = tmp_path / "no-resources"
    empty.mkdir()
    proc = run_self_test(app_command, app_env(tmp_path / "user-data", PLEODESK_RESOURCES=str(empty)))
    assert proc.returncode == 1
    assert proc.stdout.strip().splitlines() == [f"self-test failed: the app icon is missing ({empty}/icons/app.svg)"]


def test_in_process_self_test_restores_keyring_and_environment(qapp, memory_keyring, pleodesk_home, capsys,
                                                                 monkeypatch) -> None:
    """Run inside a process that has its own keyring and data directory: both are given back untouched."""
    from pleodesk import selftest

    monkeypatch.setenv("PLEODESK_LANG", "de")
    assert selftest.run() == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith("self-test passed"), out
    assert keyring.get_keyring() is memory_keyring
    assert memory_keyring.store == {}
    import os

    assert os.environ["PLEODESK_HOME"] == str(pleodesk_home) and os.environ["PLEODESK_LANG"] == "de"
    assert list(pleodesk_home.iterdir()) == []


def test_the_self_test_keyring_lives_in_memory() -> None:
    from pleodesk.secrets import MemoryKeyring

    kr = MemoryKeyring()
    kr.set_password("pleodesk", "k", "v")
    assert kr.get_password("pleodesk", "k") == "v"
    kr.delete_password("pleodesk", "k")
    assert kr.get_password("pleodesk", "k") is None
    assert "file" not in type(kr).__module__ and not hasattr(kr, "file_path")
