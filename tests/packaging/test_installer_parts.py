"""The installer's parts that can be checked without building: version, licences, icons, the Linux
desktop entry and install/uninstall scripts; and, with PLEODESK_BUNDLE, the built bundle itself."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

import build_installer as bi
import pleodesk

from bundle_helpers import REPO

LINUX = REPO / "packaging" / "linux"


def test_version_comes_from_pyproject() -> None:
    conf = tomllib.loads((REPO / "pyproject.toml").read_text())
    assert bi.project_version() == conf["project"]["version"] == pleodesk.__version__


def test_runtime_distributions_are_the_apps_not_the_tests() -> None:
    names = {d.metadata["Name"].lower().replace("_", "-") for d in bi.runtime_distributions()}
    assert {"pyside6-essentials", "shiboken6", "sqlalchemy", "alembic", "httpx", "keyring", "platformdirs"} <= names
    assert not names & {"pytest", "pytest-qt", "hypothesis", "pyinstaller", "pleodesk"}
    only_bundled = {d.metadata["Name"].lower() for d in bi.runtime_distributions(bundled={"httpx", "keyring"})}
    assert only_bundled == {"httpx", "keyring"}


def test_licences_are_collected_per_distribution(tmp_path: Path) -> None:
    dists = [d for d in bi.runtime_distributions() if d.metadata["Name"].lower() in
             ("httpx", "sqlalchemy", "pyside6_essentials", "pyside6-essentials")]
    rows = bi.collect_licenses(tmp_path / "licenses", dists)
    assert len(rows) == 3
    for name, version, licence, files in rows:
        folder = tmp_path / "licenses" / f"{name}-{version}"
        assert (folder / "METADATA").read_text().startswith("Metadata-Version")
        assert licence and licence != "see METADATA"
        if name.lower().startswith("pyside6") and not bi.COMMON_LICENSES.is_dir():
            continue     # its wheel names the licence only; the text comes from the OS where it has one
        assert files >= 1, name
    index = (tmp_path / "licenses" / "README.txt").read_text()
    assert "httpx" in index and "SQLAlchemy" in index


def test_standard_licence_texts_follow_the_spdx_expression(tmp_path: Path) -> None:
    for f in ("LGPL-3", "GPL-2", "GPL-3", "Apache-2.0"):
        (tmp_path / f).write_text(f)
    got = bi.standard_licence_texts("LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only", tmp_path)
    assert sorted(p.name for p in got) == ["GPL-2", "GPL-3", "LGPL-3"]
    assert bi.standard_licence_texts("MIT", tmp_path) == []


def test_icons_are_drawn_from_the_app_svg(qapp, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    icons = bi.draw_icons(tmp_path)
    assert {"svg", "png", "ico"} <= set(icons)
    img = QImage(str(icons["png"]))
    assert (img.width(), img.height()) == (256, 256)
    assert img.pixelColor(128, 128).alpha() == 255 and img.pixelColor(0, 0).alpha() == 0


def test_desktop_entry() -> None:
    cp = configparser.ConfigParser(interpolation=None, strict=True)
    cp.optionxform = str
    cp.read(LINUX / "pleodesk.desktop", encoding="utf-8")
    e = cp["Desktop Entry"]
    assert (e["Type"], e["Name"], e["Icon"], e["Exec"], e["Terminal"]) == \
        ("Application", "pleodesk", "pleodesk", "pleodesk", "false")
    assert "Finance" in e["Categories"].split(";") and e["Categories"].endswith(";")
    assert e["StartupWMClass"] == "pleodesk"   # the app's setDesktopFileName("pleodesk")
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(LINUX / "pleodesk.desktop")], check=True)


def _fake_unpacked_bundle(folder: Path, version: str) -> Path:
    """What the .tar.gz unpacks to, with a stand-in program."""
    folder.mkdir(parents=True)
    (folder / "_internal").mkdir()
    (folder / "_internal" / f"lib-{version}.so").write_text(version)
    prog = folder / "pleodesk"
    prog.write_text("#!/bin/sh\necho pleodesk " + version + "\n")
    prog.chmod(0o755)
    for f in ("pleodesk.desktop", "install.sh", "uninstall.sh"):
        shutil.copy2(LINUX / f, folder / f)
    shutil.copy2(REPO / "resources" / "icons" / "app.svg", folder / "pleodesk.svg")
    (folder / "VERSION").write_text(version + "\n")
    return folder


def _sh(script: Path, home: Path) -> subprocess.CompletedProcess:
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    return subprocess.run(["sh", str(script)], env=env, capture_output=True, text=True, timeout=60, check=True)


def test_install_upgrade_and_uninstall_for_the_user(tmp_path: Path) -> None:
    home = tmp_path / "u"
    share = home / ".local" / "share"
    data = share / "pleodesk"                      # what the app wrote: must survive everything
    data.mkdir(parents=True)
    (data / "pleodesk.sqlite3").write_text("the books")

    out = _sh(_fake_unpacked_bundle(tmp_path / "v1" / "pleodesk-0.1.0", "0.1.0") / "install.sh", home).stdout
    prefix = home / ".local" / "opt" / "pleodesk"
    assert "0.1.0 is installed" in out
    entry = (share / "applications" / "pleodesk.desktop").read_text()
    assert f'Exec="{prefix}/pleodesk"' in entry and f"TryExec={prefix}/pleodesk" in entry and "Icon=pleodesk" in entry
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "pleodesk.svg").exists()
    assert os.readlink(home / ".local" / "bin" / "pleodesk") == str(prefix / "pleodesk")
    assert subprocess.run([str(home / ".local" / "bin" / "pleodesk")], capture_output=True, text=True).stdout.strip() \
        == "pleodesk 0.1.0"
    assert (prefix / "uninstall.sh").exists() and not (prefix / "install.sh").exists()

    # An upgrade replaces the program as a whole; the data stays.
    _sh(_fake_unpacked_bundle(tmp_path / "v2" / "pleodesk-0.2.0", "0.2.0") / "install.sh", home)
    assert (prefix / "VERSION").read_text().strip() == "0.2.0"
    assert sorted(p.name for p in (prefix / "_internal").iterdir()) == ["lib-0.2.0.so"]
    assert not (prefix.parent / "pleodesk.new").exists() and not (prefix.parent / "pleodesk.old").exists()

    out = _sh(prefix / "uninstall.sh", home).stdout
    assert not prefix.exists() and not (share / "applications" / "pleodesk.desktop").exists()
    assert not (home / ".local" / "bin" / "pleodesk").exists()
    assert not (share / "icons" / "hicolor" / "scalable" / "apps" / "pleodesk.svg").exists()
    assert (data / "pleodesk.sqlite3").read_text() == "the books"
    assert f'rm -rf "{data}"' in out and "secret-tool clear service pleodesk" in out


def test_install_refuses_to_run_outside_a_bundle(tmp_path: Path) -> None:
    shutil.copy2(LINUX / "install.sh", tmp_path / "install.sh")
    proc = subprocess.run(["sh", str(tmp_path / "install.sh")], env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True)
    assert proc.returncode == 1 and "unpacked pleodesk folder" in proc.stderr


def test_migrations_are_named_in_the_spec() -> None:
    """Alembic loads the migrations by path: the bundle must carry them as .py files (docs/storage.md)."""
    spec = (REPO / "packaging" / "pleodesk.spec").read_text()
    assert '"storage/migrations/versions/*.py"' in spec and '"storage/migrations/*.py"' in spec


@pytest.mark.skipif(not os.environ.get("PLEODESK_BUNDLE"), reason="set PLEODESK_BUNDLE to a built bundle's program")
def test_built_bundle_contents() -> None:
    exe = Path(os.environ["PLEODESK_BUNDLE"]).resolve()
    bundle = exe.parent
    internal = bundle / "_internal"
    size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file() and not f.is_symlink())
    assert size < 200_000_000, f"{size / 1e6:.0f} MB"
    versions = REPO / "pleodesk" / "storage" / "migrations" / "versions"
    for rev in versions.glob("*.py"):
        assert (internal / "pleodesk" / "storage" / "migrations" / "versions" / rev.name).is_file()
    assert (internal / "pleodesk" / "storage" / "migrations" / "env.py").is_file()
    for lang in ("nl", "fr", "de"):
        ts, qm = internal / "resources" / "i18n" / f"pleodesk_{lang}.ts", internal / "resources" / "i18n" / f"pleodesk_{lang}.qm"
        assert qm.stat().st_mtime > ts.stat().st_mtime, f"{qm.name} would be rebuilt at every start"
    assert (internal / "resources" / "icons" / "app.svg").is_file()
    assert (internal / "docs" / "user-guide.md").is_file()      # Help > User guide
    licences = bundle / "licenses"
    assert (licences / "README.txt").is_file()
    folders = {p.name.split("-")[0].lower() for p in licences.iterdir() if p.is_dir()}
    assert {"pyside6_essentials", "sqlalchemy", "httpx", "keyring", "python", "pyinstaller"} <= folders
    assert not any(p.name.startswith(("pytest", "hypothesis", "tkinter")) for p in internal.iterdir())
    assert not (internal / "tests").exists()


def test_the_xero_client_id_goes_into_the_bundle_resources(tmp_path):
    """--xero-client-id replaces the source's placeholder in the bundle, where the app reads it."""
    import os

    from pleodesk.providers.xero import auth

    bundle = tmp_path / "pleodesk"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    (bundle / "_internal" / "resources" / "xero-client-id").write_text(auth.CLIENT_ID_PLACEHOLDER + "\n")
    written = bi.write_xero_client_id(bundle, " ABC123-test-id \n")
    assert written == [bundle / "_internal" / "resources" / "xero-client-id"]
    old = os.environ.pop("PLEODESK_XERO_CLIENT_ID", None)
    os.environ["PLEODESK_RESOURCES"] = str(bundle / "_internal" / "resources")
    try:
        assert auth.built_in_client_id() == "ABC123-test-id"
        (bundle / "_internal" / "resources" / "xero-client-id").write_text(auth.CLIENT_ID_PLACEHOLDER + "\n")
        assert auth.built_in_client_id() == ""
    finally:
        del os.environ["PLEODESK_RESOURCES"]
        if old is not None:
            os.environ["PLEODESK_XERO_CLIENT_ID"] = old


def test_the_intuit_app_goes_into_the_bundle_not_the_source(tmp_path: Path) -> None:
    import json

    bundle = tmp_path / "pleodesk"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    [written] = bi.write_quickbooks_app(bundle, "ABcid", "s3cret", "https://pleodesk.example/qbo-callback.html")
    assert json.loads(written.read_text()) == {"client_id": "ABcid", "client_secret": "s3cret",
                                               "redirect_uri": "https://pleodesk.example/qbo-callback.html"}
    with pytest.raises(SystemExit, match="https"):
        bi.write_quickbooks_app(bundle, "ABcid", "s3cret", "http://pleodesk.example/cb")
    with pytest.raises(SystemExit, match="client secret"):
        bi.write_quickbooks_app(bundle, "ABcid", "", "https://pleodesk.example/cb")
    placeholder = json.loads((REPO / "resources" / "quickbooks-app.json").read_text())
    assert not placeholder["client_secret"] and placeholder["client_id"].startswith("<")
