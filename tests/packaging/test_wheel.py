"""The wheel: a copy installed from it (not a checkout, not the bundle) has its icons and
translations inside the package and passes its self-test."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from bundle_helpers import REPO, app_env


def test_an_installed_wheel_carries_its_resources_and_passes_the_self_test(tmp_path: Path) -> None:
    source = tmp_path / "source"                   # a copy: the build leaves its build/ folder there
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md"):
        shutil.copy2(REPO / name, source / name)
    (source / "docs").mkdir()
    shutil.copy2(REPO / "docs" / "user-guide.md", source / "docs" / "user-guide.md")
    for folder in ("pleodesk", "resources"):
        shutil.copytree(REPO / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path / "wheels"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                            "-w", str(out), str(source)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert build.returncode == 0, build.stdout + build.stderr
    (wheel,) = out.glob("pleodesk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for lang in ("en", "nl", "fr", "de"):
        assert f"pleodesk/resources/i18n/pleodesk_{lang}.ts" in names
    assert "pleodesk/resources/icons/app.svg" in names
    assert "pleodesk/docs/user-guide.md" in names            # Help > User guide
    assert "pleodesk/storage/migrations/versions/0001_initial.py" in names

    site = tmp_path / "site"                       # the wheel unpacked: what an install puts in site-packages
    zipfile.ZipFile(wheel).extractall(site)
    env = app_env(tmp_path / "user-data", PYTHONPATH=str(site))
    where = subprocess.run([sys.executable, "-c", "import pleodesk; from pleodesk.ui.resources import resources_dir; "
                            "print(pleodesk.__file__); print(resources_dir())"],
                           env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert where.returncode == 0, where.stderr
    package_file, resources = where.stdout.strip().splitlines()
    assert Path(package_file).is_relative_to(site)
    assert Path(resources) == site / "pleodesk" / "resources"
    proc = subprocess.run([sys.executable, "-m", "pleodesk", "--self-test"], env=env, capture_output=True, text=True,
                          timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    assert proc.stdout.startswith("self-test passed")
