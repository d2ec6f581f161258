#!/usr/bin/env python3
"""Build the app's translations: ``resources/i18n/pleodesk_<lang>.ts`` -> ``.qm``.

    .venv/bin/python scripts/build_translations.py            # compile every .ts to .qm (lrelease)
    .venv/bin/python scripts/build_translations.py --update   # first extract new strings (lupdate)
    .venv/bin/python scripts/build_translations.py --check    # fail on unfinished translations

``--update`` runs ``pyside6-lupdate`` over ``pleodesk/ui`` (every ``self.tr()`` and
``QCoreApplication.translate()`` call), keeping what is already translated (without source locations, so the files change only when the text does); new strings arrive as
"unfinished" and are then translated in the ``.ts`` files (Qt Linguist, or by hand). The ``.qm`` files
are not committed; the app builds them itself on start when they are missing or older than the ``.ts``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
SOURCES = ROOT / "pleodesk" / "ui"
LANGS = ("en", "nl", "fr", "de")


def tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (pip install PySide6-Essentials) in this Python.")
    return found


def update() -> None:
    files = sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))
    I18N.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        ts = I18N / f"pleodesk_{lang}.ts"
        cmd = [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *files, "-ts", str(ts)]
        if lang != "en":
            cmd[1:1] = ["-target-language", lang]
        else:
            cmd[1:1] = ["-source-language", "en", "-target-language", "en", "-pluralonly"]
        subprocess.run(cmd, cwd=ROOT, check=True)


def unfinished(ts: Path) -> list[str]:
    out = []
    root = ET.parse(ts).getroot()
    for ctx in root.iter("context"):
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            empty = tr is None or (not (tr.text or "").strip() and not any(
                (n.text or "").strip() for n in tr.iter("numerusform")))
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or empty:
                out.append(f"{ctx.findtext('name')}: {msg.findtext('source')}")
    return out


def build(langs=LANGS) -> int:
    from pleodesk.ui.i18n import build_qm  # noqa: E402 - the app's own builder

    failed = 0
    for lang in langs:
        ts = I18N / f"pleodesk_{lang}.ts"
        if not ts.exists():
            continue
        if not build_qm(ts, ts.with_suffix(".qm")):
            print(f"could not build {ts.with_suffix('.qm').name}", file=sys.stderr)
            failed += 1
        else:
            print(f"built {ts.with_suffix('.qm').relative_to(ROOT)}")
    return failed


def main() -> int:
    sys.path.insert(0, str(ROOT))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--update", action="store_true", help="extract strings with pyside6-lupdate first")
    ap.add_argument("--check", action="store_true", help="list unfinished translations; exit 1 if any")
    args = ap.parse_args()
    if args.update:
        update()
    if args.check:
        bad = 0
        for lang in LANGS[1:]:
            missing = unfinished(I18N / f"pleodesk_{lang}.ts")
            for m in missing:
                print(f"{lang}: {m}")
            bad += len(missing)
        if bad:
            print(f"{bad} unfinished translation(s)", file=sys.stderr)
            return 1
        print("every translation is finished")
        return 0
    return 1 if build() else 0


if __name__ == "__main__":
    raise SystemExit(main())
