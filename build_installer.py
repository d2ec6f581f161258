#!/usr/bin/env python3
"""Build pleodesk's installer for the operating system this runs on.

    .venv/bin/python build_installer.py              # bundle + the OS's installer formats, in dist/
    .venv/bin/python build_installer.py --check      # ... then run the bundle's --self-test
    .venv/bin/python build_installer.py --bundle-only

Steps: the version comes from ``pyproject.toml``; PyInstaller is installed into this Python with pip when
it is missing; the translations are compiled (``scripts/build_translations.py``); the icons are drawn
from ``resources/icons/app.svg`` (PNG, ICO, ICNS); PyInstaller builds the one-folder bundle
``dist/pleodesk/`` from ``packaging/pleodesk.spec`` (icons, translations, Alembic migrations as source
files); the licences and metadata of every bundled distribution go to ``licenses/`` in it. Then:

- Linux: ``dist/pleodesk-<version>-linux-<arch>.tar.gz`` (the bundle, ``pleodesk.desktop``, the icon,
  ``install.sh`` / ``uninstall.sh``), and an AppImage when ``appimagetool`` is on PATH, or when
  ``mksquashfs`` is and an AppImage runtime is given (``--appimage-runtime FILE``).
- Windows: ``dist/pleodesk-<version>-windows-setup.exe`` with Inno Setup's ``ISCC.exe``; without it a zip.
- macOS: ``dist/pleodesk.app`` in ``dist/pleodesk-<version>-macos.dmg`` (hdiutil); without it a zip.

Whatever cannot be built here is said plainly at the end, with the reason; what can be built still is.
"""

from __future__ import annotations

import argparse
import email
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "pleodesk.spec"
PYINSTALLER_REQUIREMENT = "pyinstaller>=6.10,<7"
APP = "pleodesk"
LICENSE_FILE = re.compile(r"(^|/)(licen[cs]e|copying|notice|authors|copyright|patents)[^/]*$", re.I)


@dataclass
class Report:
    built: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def say(msg: str) -> None:
    print(f"[build] {msg}", flush=True)


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    say("$ " + " ".join(str(c) for c in cmd))
    return subprocess.run([str(c) for c in cmd], check=True, **kw)


# ------------------------------------------------------------------------------- inputs ---------
def project_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]


def arch_name() -> str:
    m = platform.machine().lower()
    return {"amd64": "x86_64", "x64": "x86_64", "arm64": "aarch64"}.get(m, m) if sys.platform != "darwin" \
        else {"x86_64": "x86_64", "arm64": "arm64"}.get(m, m)


def ensure_pyinstaller() -> str:
    """PyInstaller in this Python; installed with pip (and said so) when it is missing."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        say(f"PyInstaller is not installed in {sys.executable}: installing '{PYINSTALLER_REQUIREMENT}' "
            "with pip (it is a build tool only; the app does not need it)")
        run([sys.executable, "-m", "pip", "install", "-q", PYINSTALLER_REQUIREMENT])
    import importlib

    importlib.invalidate_caches()
    import PyInstaller

    return PyInstaller.__version__


def check_build_tools() -> None:
    if sys.platform.startswith("linux") and shutil.which("objdump") is None:
        raise SystemExit("PyInstaller needs objdump on Linux: install binutils "
                         "(sudo apt-get install binutils) and run again.")


def build_translations() -> list[Path]:
    """Compile every resources/i18n/*.ts to .qm (newer than its .ts, so the app never rebuilds them)."""
    run([sys.executable, str(ROOT / "scripts" / "build_translations.py")], cwd=ROOT)
    out = []
    for ts in sorted((ROOT / "resources" / "i18n").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists():
            raise SystemExit(f"{qm.name} was not built: the translations must be in the bundle.")
        now = time.time()
        os.utime(qm, (now, max(now, ts.stat().st_mtime + 1)))
        out.append(qm)
    return out


def draw_icons(out: Path) -> dict[str, Path]:
    """pleodesk.svg/.png (256 px)/.ico/.icns from resources/icons/app.svg, drawn by Qt offscreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([APP])  # noqa: F841 - image plugins need it
    svg = ROOT / "resources" / "icons" / "app.svg"
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read the app icon {svg}")
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy2(svg, out / f"{APP}.svg")

    def image(size: int) -> QImage:
        img = QImage(QSize(size, size), QImage.Format.Format_ARGB32)
        img.fill(Qt.GlobalColor.transparent)
        p = QPainter(img)
        renderer.render(p)
        p.end()
        return img

    icons = {"svg": out / f"{APP}.svg"}
    image(256).save(str(out / f"{APP}.png"))
    icons["png"] = out / f"{APP}.png"
    for fmt, size in (("ico", 256), ("icns", 512)):
        if fmt.encode() in [bytes(f) for f in QImageWriter.supportedImageFormats()]:
            path = out / f"{APP}.{fmt}"
            if image(size).save(str(path), fmt.upper()):
                icons[fmt] = path
    return icons


# ------------------------------------------------------------------------------- licences -------
def runtime_distributions(root: str = APP, bundled: set[str] | None = None) -> list:
    """The installed distributions pleodesk needs at run time: its requirements, recursively
    (environment markers evaluated, no extras), without pleodesk itself. With ``bundled`` (top-level
    import names in the bundle), only those distributions that put something in it."""
    from importlib import metadata

    from packaging.requirements import Requirement

    seen: dict[str, object] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[key] = dist
        for spec in dist.requires or []:
            req = Requirement(spec)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    seen.pop(APP, None)
    if bundled is not None:
        tops: dict[str, set[str]] = {}
        for top, names in metadata.packages_distributions().items():
            for n in names:
                tops.setdefault(re.sub(r"[-_.]+", "-", n).lower(), set()).add(top)
        seen = {k: d for k, d in seen.items() if tops.get(k, set()) & bundled}
    return sorted(seen.values(), key=lambda d: d.metadata["Name"].lower())


def _licence_of(meta) -> str:
    expr = meta.get("License-Expression")
    if expr:
        return expr
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return "; ".join(classifiers)
    lic = (meta.get("License") or "").strip()
    return lic.splitlines()[0][:80] if lic else "see METADATA"


COMMON_LICENSES = Path("/usr/share/common-licenses")   # Debian's copies of the standard texts
SPDX_TEXTS = {"LGPL-3.0": "LGPL-3", "LGPL-2.1": "LGPL-2.1", "GPL-3.0": "GPL-3", "GPL-2.0": "GPL-2",
              "Apache-2.0": "Apache-2.0", "MPL-2.0": "MPL-2.0"}


def standard_licence_texts(expression: str, base: Path = COMMON_LICENSES) -> list[Path]:
    """The full texts of the standard licences an SPDX expression names (those the system has)."""
    out = []
    for spdx, fname in SPDX_TEXTS.items():
        if re.search(re.escape(spdx) + r"(?![.\d])", expression) and (base / fname).is_file():
            out.append(base / fname)
    return out


def collect_licenses(dest: Path, dists=None, extra: dict[str, list[Path]] | None = None) -> list[tuple[str, str, str, int]]:
    """Copy each distribution's licence files (and its METADATA) to ``dest/<name>-<version>/``; write
    ``dest/README.txt`` listing them. Returns (name, version, licence, number of licence files)."""
    dists = runtime_distributions() if dists is None else dists
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    rows = []
    for dist in dists:
        name, version = dist.metadata["Name"], dist.version
        folder = dest / f"{name}-{version}"
        folder.mkdir()
        n = 0
        for f in dist.files or []:
            rel = str(f).replace("\\", "/")
            if ".dist-info/" not in rel and ".egg-info/" not in rel:
                continue
            if LICENSE_FILE.search(rel) or "/licenses/" in rel or "/license_files/" in rel:
                src = Path(dist.locate_file(f))
                if src.is_file():
                    target = folder / rel.split(".dist-info/", 1)[-1].split(".egg-info/", 1)[-1]
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(src, target)
                    n += 1
        meta_text = dist.read_text("METADATA") or dist.read_text("PKG-INFO") or ""
        (folder / "METADATA").write_text(meta_text, encoding="utf-8")
        licence = _licence_of(email.message_from_string(meta_text))
        if n == 0:   # e.g. PySide6's wheels: the licence is only named; add its text where the OS has it
            for text in standard_licence_texts(licence):
                shutil.copy2(text, folder / f"LICENSE.{text.name}")
                n += 1
        rows.append((name, version, licence, n))
    for name, files in (extra or {}).items():
        folder = dest / name
        folder.mkdir(parents=True, exist_ok=True)
        for f in files:
            shutil.copy2(f, folder / f.name)
        rows.append((name, "", "see the files", len(files)))
    lines = ["Licences of the software bundled with pleodesk", "",
             "Each folder holds a component's licence files as it ships them, and its METADATA.", ""]
    width = max([len(r[0]) + len(r[1]) + 1 for r in rows] + [10])
    lines += [f"{(n + ' ' + v).strip():<{width}}  {lic}" for n, v, lic, _ in rows]
    (dest / "README.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return rows


def extra_licences() -> dict[str, list[Path]]:
    """Licences of what is bundled but is no Python distribution: Python itself and PyInstaller's
    bootloader (GPL with an exception that allows bundling)."""
    out: dict[str, list[Path]] = {}
    for cand in (Path(sys.base_prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" /
                 "LICENSE.txt", Path(sys.base_prefix) / "LICENSE.txt"):
        if cand.is_file():
            out[f"Python-{platform.python_version()}"] = [cand]
            break
    try:
        from importlib import metadata

        dist = metadata.distribution("pyinstaller")
        files = [Path(dist.locate_file(f)) for f in dist.files or [] if LICENSE_FILE.search(str(f))]
        files = [f for f in files if f.is_file()]
        if files:
            out[f"PyInstaller-bootloader-{dist.version}"] = files
    except Exception:  # noqa: BLE001 - reported as missing below
        pass
    return out


# ------------------------------------------------------------------------------- the bundle -----
def pyinstaller(version: str, icon_dir: Path, dist: Path, work: Path) -> Path:
    env = {**os.environ, "PLEODESK_VERSION": version, "PLEODESK_ICON_DIR": str(icon_dir)}
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", dist, "--workpath", work, SPEC], cwd=ROOT, env=env)
    return dist / APP


def fresh_translations(bundle: Path) -> None:
    """PyInstaller copies files without their times: make each bundled .qm newer than its .ts again,
    or the app would try to recompile them (it has no compiler) at every start."""
    app = bundle.parent / f"{APP}.app" / "Contents"
    for base in (bundle / "_internal", app / "Resources", app / "Frameworks"):
        folder = base / "resources" / "i18n"
        if folder.is_dir():
            for ts in folder.glob("*.ts"):
                qm = ts.with_suffix(".qm")
                if qm.exists():
                    t = ts.stat().st_mtime + 2
                    os.utime(qm, (t, t))


def _write_resource(bundle: Path, name: str, text: str) -> list[Path]:
    """Write ``resources/<name>`` into the bundle (and a macOS app beside it), in place of the source's
    placeholder; the paths written."""
    written = []
    app = bundle.parent / f"{APP}.app" / "Contents"
    for base in (bundle / "_internal", app / "Resources"):
        folder = base / "resources"
        if folder.is_dir():
            (folder / name).write_text(text, encoding="utf-8")
            written.append(folder / name)
    return written


def write_xero_client_id(bundle: Path, client_id: str) -> list[Path]:
    """Put pleodesk's own Xero app id (a PKCE client id: not a secret) into the bundle's resources, in
    place of the source's placeholder; the app's "Connect to Xero" then needs nothing from the user."""
    return _write_resource(bundle, "xero-client-id", client_id.strip() + "\n")


def write_quickbooks_app(bundle: Path, client_id: str, client_secret: str, redirect_uri: str) -> list[Path]:
    """Put pleodesk's own Intuit app (client id, client secret, the https redirect page's address) into the
    bundle's resources, in place of the source's placeholder: "Connect to QuickBooks" then needs nothing
    from the user. The secret comes from an environment variable, never from the command line (where other
    users of the machine could read it) and never from the source. A desktop app cannot keep it truly
    secret; it identifies the app to Intuit (docs/quickbooks.md)."""
    import json

    if not (client_id.strip() and client_secret.strip() and redirect_uri.strip()):
        raise SystemExit("the Intuit app needs a client id, a client secret and a redirect URI")
    if not redirect_uri.startswith("https://"):
        raise SystemExit(f"the Intuit app's redirect URI must be an https address (Intuit's production keys take "
                         f"no other): {redirect_uri}")
    data = {"client_id": client_id.strip(), "client_secret": client_secret.strip(), "redirect_uri": redirect_uri.strip()}
    return _write_resource(bundle, "quickbooks-app.json", json.dumps(data, indent=2) + "\n")


def write_lexoffice_partner(bundle: Path, client_id: str, client_secret: str) -> list[Path]:
    """Put a Lexware partner app (client id and secret, from a Lexware partner contract) into the bundle's
    resources: the wizard then offers the one-click "Zugriff erlauben" and the feed goes through the partner
    API (docs/lexoffice.md). The secret comes from an environment variable, never from the command line or
    the source. Without it the app connects with the user's API key only."""
    import json

    if not (client_id.strip() and client_secret.strip()):
        raise SystemExit("the Lexware partner app needs a client id and a client secret")
    data = {"client_id": client_id.strip(), "client_secret": client_secret.strip()}
    return _write_resource(bundle, "lexoffice-partner.json", json.dumps(data, indent=2) + "\n")


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def bundle_executable(bundle: Path) -> Path:
    return bundle / (f"{APP}-cli.exe" if sys.platform == "win32" else APP)


def self_test(exe: Path) -> bool:
    env = {**os.environ}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    proc = subprocess.run([str(exe), "--self-test"], env=env, capture_output=True, text=True, timeout=600)
    line = (proc.stdout.strip().splitlines() or [proc.stderr.strip()[-300:]])[-1]
    say(f"bundle self-test (exit {proc.returncode}): {line}")
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-4000:])
    return proc.returncode == 0


# ------------------------------------------------------------------------------- Linux ----------
def linux_packages(bundle: Path, version: str, icons: dict[str, Path], dist: Path, report: Report,
                   appimage_runtime: Path | None) -> None:
    name = f"{APP}-{version}-linux-{arch_name()}"
    stage = ROOT / "build" / "stage" / name
    if stage.parent.exists():
        shutil.rmtree(stage.parent)
    shutil.copytree(bundle, stage, symlinks=True)
    shutil.copy2(PACKAGING / "linux" / f"{APP}.desktop", stage / f"{APP}.desktop")
    shutil.copy2(icons["svg"], stage / f"{APP}.svg")
    shutil.copy2(icons["png"], stage / f"{APP}.png")
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy2(PACKAGING / "linux" / script, stage / script)
        (stage / script).chmod(0o755)
    (stage / "VERSION").write_text(version + "\n", encoding="utf-8")
    (stage / "README.txt").write_text(LINUX_README.format(version=version), encoding="utf-8")
    tarball = dist / f"{name}.tar.gz"
    say(f"packing {tarball.name}")
    with tarfile.open(tarball, "w:gz", compresslevel=6) as tar:
        tar.add(stage, arcname=name)
    report.built.append(tarball)
    appimage(stage, version, dist, report, appimage_runtime)
    shutil.rmtree(stage.parent)


LINUX_README = """pleodesk {version} for Linux (x86_64, glibc 2.34 or newer: Debian 12, Ubuntu 22.04 or later)

Install:   ./install.sh      (or double-click install.sh and choose "Run"; no administrator rights needed)
           It puts the program in ~/.local/opt/pleodesk and pleodesk in your applications menu.
Start:     Applications menu > Office > pleodesk, or ~/.local/opt/pleodesk/pleodesk
Check:     ~/.local/opt/pleodesk/pleodesk --self-test   (prints one line and exits 0 when all is well)
Uninstall: ~/.local/opt/pleodesk/uninstall.sh
           Your data (~/.local/share/pleodesk) and the keyring entries (service "pleodesk") stay;
           uninstall.sh says how to remove them too.

The system needs Qt's usual libraries, present on any desktop: libgl1 libegl1 libxkbcommon-x11-0
libxcb-cursor0 libfontconfig1 (Debian/Ubuntu package names), and a keyring (GNOME Keyring or KWallet)
for the API keys. The licences of the bundled software are in licenses/.
"""


def appimage(stage: Path, version: str, dist: Path, report: Report, runtime: Path | None) -> None:
    """An AppImage when the tools are here: appimagetool, or mksquashfs plus a runtime file."""
    tool = shutil.which("appimagetool") or shutil.which("appimagetool-x86_64.AppImage")
    mksquashfs = shutil.which("mksquashfs")
    if tool is None and (mksquashfs is None or runtime is None):
        why = ("neither Debian nor PyPI ships appimagetool or the AppImage runtime (the tools that build "
               "AppImages, python-appimage included, download them from GitHub at build time, which this "
               "machine cannot reach)")
        hint = ("to build one: put appimagetool on PATH, or install squashfs-tools and pass "
                "--appimage-runtime FILE (the type-2 runtime for this architecture)")
        report.skipped.append(f"AppImage: {why}; {hint}")
        return
    appdir = ROOT / "build" / "AppDir"
    if appdir.exists():
        shutil.rmtree(appdir)
    shutil.copytree(stage, appdir / "usr" / "lib" / APP, symlinks=True)
    shutil.copy2(stage / f"{APP}.desktop", appdir / f"{APP}.desktop")
    shutil.copy2(stage / f"{APP}.png", appdir / f"{APP}.png")
    shutil.copy2(stage / f"{APP}.png", appdir / ".DirIcon")
    apprun = appdir / "AppRun"
    apprun.write_text('#!/bin/sh\nHERE="$(dirname "$(readlink -f "$0")")"\nexec "$HERE/usr/lib/pleodesk/pleodesk" "$@"\n',
                      encoding="utf-8")
    apprun.chmod(0o755)
    out = dist / f"{APP}-{version}-{arch_name()}.AppImage"
    if tool:
        run([tool, "--no-appstream", appdir, out], env={**os.environ, "ARCH": arch_name()})
    else:
        image = ROOT / "build" / f"{APP}.squashfs"
        run([mksquashfs, appdir, image, "-root-owned", "-noappend", "-comp", "gzip", "-quiet"])
        with out.open("wb") as f:
            f.write(runtime.read_bytes())
            with image.open("rb") as img:
                shutil.copyfileobj(img, f)
        out.chmod(0o755)
        image.unlink()
    shutil.rmtree(appdir)
    report.built.append(out)


# ------------------------------------------------------------------------------- Windows --------
def find_iscc() -> str | None:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return found
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles"),
                 os.environ.get("LOCALAPPDATA") and str(Path(os.environ["LOCALAPPDATA"]) / "Programs")):
        if base:
            cand = Path(base) / "Inno Setup 6" / "ISCC.exe"
            if cand.exists():
                return str(cand)
    return None


def windows_packages(bundle: Path, version: str, icons: dict[str, Path], dist: Path, report: Report) -> None:
    iscc = find_iscc()
    if iscc:
        defines = [f"/DAppVersion={version}", f"/DSourceDir={bundle}", f"/DOutputDir={dist}"]
        if "ico" in icons:
            defines.append(f"/DIconFile={icons['ico']}")
        run([iscc, "/Q", *defines, PACKAGING / "windows" / f"{APP}.iss"])
        report.built.append(dist / f"{APP}-{version}-windows-setup.exe")
        return
    report.skipped.append("Windows installer: Inno Setup's ISCC.exe was not found (install Inno Setup 6); "
                          "a zip of the bundle was made instead")
    zipped = shutil.make_archive(str(dist / f"{APP}-{version}-windows-{arch_name()}"), "zip", bundle.parent, bundle.name)
    report.built.append(Path(zipped))


# ------------------------------------------------------------------------------- macOS ----------
def macos_packages(dist: Path, version: str, report: Report) -> None:
    app = dist / f"{APP}.app"
    if not app.exists():
        report.skipped.append("macOS app: PyInstaller made no pleodesk.app")
        return
    dmg = dist / f"{APP}-{version}-macos-{arch_name()}.dmg"
    hdiutil = shutil.which("hdiutil")
    if hdiutil:
        stage = ROOT / "build" / "dmg"
        if stage.exists():
            shutil.rmtree(stage)
        stage.mkdir(parents=True)
        run(["ditto", app, stage / app.name])
        (stage / "Applications").symlink_to("/Applications")
        if dmg.exists():
            dmg.unlink()
        run([hdiutil, "create", "-volname", f"{APP} {version}", "-srcfolder", stage, "-ov", "-format", "UDZO", dmg])
        shutil.rmtree(stage)
        report.built.append(dmg)
        report.notes.append("the app is not signed or notarised (packaging/macos/README.md says how)")
        return
    report.skipped.append("macOS disk image: hdiutil was not found; a zip of pleodesk.app was made instead")
    zipped = shutil.make_archive(str(dist / f"{APP}-{version}-macos-{arch_name()}"), "zip", dist, app.name)
    report.built.append(Path(zipped))


def not_this_os(report: Report) -> None:
    here = {"linux": "Linux", "win32": "Windows", "darwin": "macOS"}.get(sys.platform, sys.platform)
    if sys.platform != "win32":
        report.skipped.append(f"Windows installer: PyInstaller builds for the OS it runs on; run "
                              f"build_installer.py on Windows (this is {here})")
    if sys.platform != "darwin":
        report.skipped.append(f"macOS .app/.dmg: PyInstaller builds for the OS it runs on; run "
                              f"build_installer.py on a Mac (this is {here})")
    if not sys.platform.startswith("linux"):
        report.skipped.append("Linux .tar.gz/AppImage: run build_installer.py on Linux")


# ------------------------------------------------------------------------------- main -----------
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dist", default=str(ROOT / "dist"), help="where the results go (default: dist/)")
    ap.add_argument("--bundle-only", action="store_true", help="build dist/pleodesk/ only, no installer")
    ap.add_argument("--check", action="store_true", help="run the bundle's --self-test after building it")
    ap.add_argument("--appimage-runtime", type=Path, default=os.environ.get("PLEODESK_APPIMAGE_RUNTIME") or None,
                    help="AppImage type-2 runtime file, to build the AppImage with mksquashfs")
    ap.add_argument("--xero-client-id", default=os.environ.get("PLEODESK_XERO_CLIENT_ID", ""),
                    help="the client id of pleodesk's own Xero app (docs/xero.md says how to register it); "
                         "default $PLEODESK_XERO_CLIENT_ID; without it users enter their own app's id")
    ap.add_argument("--quickbooks-client-id", default=os.environ.get("PLEODESK_QBO_CLIENT_ID", ""),
                    help="the client id of pleodesk's own Intuit app (docs/quickbooks.md says how to register it); "
                         "default $PLEODESK_QBO_CLIENT_ID; without it users enter their own app (Advanced)")
    ap.add_argument("--quickbooks-client-secret-env", default="PLEODESK_QBO_CLIENT_SECRET", metavar="VARIABLE",
                    help="the environment variable holding that app's client secret (default "
                         "PLEODESK_QBO_CLIENT_SECRET; never on the command line)")
    ap.add_argument("--quickbooks-redirect-uri", default=os.environ.get("PLEODESK_QBO_REDIRECT_URI", ""),
                    help="the https address where docs/site/qbo-callback.html is served, as registered with the "
                         "Intuit app (default $PLEODESK_QBO_REDIRECT_URI)")
    ap.add_argument("--lexoffice-partner-client-id", default=os.environ.get("PLEODESK_LEXOFFICE_PARTNER_CLIENT_ID", ""),
                    help="the client id of a Lexware partner app (docs/lexoffice.md); default "
                         "$PLEODESK_LEXOFFICE_PARTNER_CLIENT_ID; without it users connect with their API key only")
    ap.add_argument("--lexoffice-partner-client-secret-env", default="PLEODESK_LEXOFFICE_PARTNER_CLIENT_SECRET",
                    metavar="VARIABLE", help="the environment variable holding that app's client secret (default "
                                             "PLEODESK_LEXOFFICE_PARTNER_CLIENT_SECRET; never on the command line)")
    args = ap.parse_args(argv)
    started = time.monotonic()
    report = Report()
    dist = Path(args.dist).resolve()
    work = ROOT / "build"

    version = project_version()
    import pleodesk

    if pleodesk.__version__ != version:
        report.notes.append(f"pleodesk.__version__ is {pleodesk.__version__} but pyproject.toml says {version}")
    say(f"pleodesk {version} for {sys.platform} ({arch_name()}), Python {platform.python_version()}")
    check_build_tools()
    say(f"PyInstaller {ensure_pyinstaller()}")
    qms = build_translations()
    say(f"translations: {', '.join(q.name for q in qms)}")
    icons = draw_icons(work / "icons")
    say(f"icons: {', '.join(sorted(icons))}")
    missing_icons = {"win32": "ico", "darwin": "icns"}.get(sys.platform)
    if missing_icons and missing_icons not in icons:
        report.notes.append(f"Qt could not write a .{missing_icons} icon: the program has the default icon")

    dist.mkdir(parents=True, exist_ok=True)
    bundle = pyinstaller(version, work / "icons", dist, work / "pyinstaller")
    fresh_translations(bundle)
    if args.xero_client_id.strip():
        say(f"Xero app: {args.xero_client_id.strip()} in {len(write_xero_client_id(bundle, args.xero_client_id))} "
            "place(s)")
    else:
        report.notes.append("no --xero-client-id: users enter their own Xero app's client id (Advanced)")
    if args.quickbooks_client_id.strip():
        places = write_quickbooks_app(bundle, args.quickbooks_client_id,
                                      os.environ.get(args.quickbooks_client_secret_env, ""),
                                      args.quickbooks_redirect_uri)
        say(f"Intuit app: {args.quickbooks_client_id.strip()} in {len(places)} place(s)")
    else:
        report.notes.append("no --quickbooks-client-id: users enter their own Intuit app (Advanced)")
    if args.lexoffice_partner_client_id.strip():
        places = write_lexoffice_partner(bundle, args.lexoffice_partner_client_id,
                                         os.environ.get(args.lexoffice_partner_client_secret_env, ""))
        say(f"Lexware partner app: {args.lexoffice_partner_client_id.strip()} in {len(places)} place(s)")
    else:
        report.notes.append("no --lexoffice-partner-client-id: Lexware Office connects with the user's API key")
    tops_file = work / "pyinstaller" / "pleodesk" / "bundled-top-level.txt"
    bundled = set(tops_file.read_text().split()) if tops_file.exists() else None
    licences_dest = bundle / "licenses"
    rows = collect_licenses(licences_dest, runtime_distributions(bundled=bundled), extra=extra_licences())
    no_files = [f"{n} {v}" for n, v, _lic, count in rows if count == 0]
    say(f"licences: {len(rows)} components in {licences_dest.relative_to(dist)}/"
        + (f" ({len(no_files)} ship no licence file, only METADATA: {', '.join(no_files)})" if no_files else ""))
    if sys.platform == "darwin" and (dist / f"{APP}.app").exists():
        shutil.copytree(licences_dest, dist / f"{APP}.app" / "Contents" / "Resources" / "licenses", dirs_exist_ok=True)
    size = dir_size(bundle)
    say(f"bundle: {bundle} ({mb(size)})")
    if size > 200_000_000:
        report.notes.append(f"the bundle is {mb(size)}, over the 200 MB target")
    report.built.append(bundle)

    if args.check and not self_test(bundle_executable(bundle)):
        say("the bundle's self-test FAILED")
        return 1

    if not args.bundle_only:
        if sys.platform.startswith("linux"):
            linux_packages(bundle, version, icons, dist, report, args.appimage_runtime)
        elif sys.platform == "win32":
            windows_packages(bundle, version, icons, dist, report)
        elif sys.platform == "darwin":
            macos_packages(dist, version, report)
    not_this_os(report)

    say(f"done in {time.monotonic() - started:.0f} s")
    for p in report.built:
        say(f"built:   {p.relative_to(ROOT) if p.is_relative_to(ROOT) else p} "
            f"({mb(dir_size(p) if p.is_dir() else p.stat().st_size)})")
    for s in report.skipped:
        say(f"skipped: {s}")
    for n in report.notes:
        say(f"note:    {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
