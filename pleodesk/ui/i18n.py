"""Languages: English (the source), Dutch, French and German, through Qt Linguist.

The ``.ts`` files in ``resources/i18n/`` are the sources (``pyside6-lupdate`` extracts them from
``self.tr()`` calls, translators fill them in); the ``.qm`` files the app loads are built from them by
``scripts/build_translations.py``. When the ``.qm`` files are missing or older than their ``.ts``,
the app builds them itself at start-up (into the data directory if ``resources/`` is read-only).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from pleodesk.ui.resources import resources_dir

log = logging.getLogger(__name__)

#: Language code -> its name in that language (shown as such in the language menu).
LANGUAGES = {"en": "English", "nl": "Nederlands", "fr": "Français", "de": "Deutsch"}
TRANSLATED = ("nl", "fr", "de")
DEFAULT = "en"


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def ts_path(lang: str) -> Path:
    return i18n_dir() / f"pleodesk_{lang}.ts"


def lrelease_command() -> list[str] | None:
    """``pyside6-lrelease`` beside this Python (a venv), or on PATH."""
    here = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe", "lrelease"):
        cand = here / name
        if cand.exists():
            return [str(cand)]
        found = shutil.which(name)
        if found:
            return [found]
    return None


def build_qm(ts: Path, qm: Path) -> bool:
    """Compile one ``.ts`` to ``.qm``; False (and a log line) when lrelease is not available."""
    cmd = lrelease_command()
    if cmd is None:
        log.warning("pyside6-lrelease not found: translations cannot be built")
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run([*cmd, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True)
    if proc.returncode != 0:
        log.warning("lrelease failed for %s: %s", ts, proc.stderr.strip())
        return False
    return qm.exists()


def _stale(ts: Path, qm: Path) -> bool:
    return not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime


def qm_path(lang: str, *, build: bool = True) -> Path | None:
    """The compiled translation for ``lang``, building it first when it is missing or stale."""
    ts = ts_path(lang)
    if not ts.exists():
        return None
    qm = ts.with_suffix(".qm")
    if not _stale(ts, qm):
        return qm
    if build:
        target = qm if os.access(qm.parent, os.W_OK) else _cache_dir() / qm.name
        if not _stale(ts, target) or build_qm(ts, target):
            return target
    return qm if qm.exists() else None


def _cache_dir() -> Path:
    from pleodesk import paths

    return paths.data_dir() / "i18n"


def system_language() -> str:
    from PySide6.QtCore import QLocale

    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return DEFAULT


def chosen_language() -> str:
    """The language from the preferences, else the system's (English when it is none of ours)."""
    from pleodesk.ui import prefs

    env = os.environ.get("PLEODESK_LANG")
    if env in LANGUAGES:
        return env
    lang = prefs.language()
    return lang if lang in LANGUAGES else system_language()


class Translations:
    """Installs and swaps the app's translators (ours and Qt's own, for standard buttons)."""

    def __init__(self, app) -> None:
        self.app = app
        self.language = DEFAULT
        self._translators: list = []

    def install(self, lang: str) -> str:
        from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

        lang = lang if lang in LANGUAGES else DEFAULT
        for t in self._translators:
            self.app.removeTranslator(t)
        self._translators = []
        # English too: its .ts holds the plural forms of the texts that count something ("%n expense(s)"
        # -> "1 expense", "2 expenses"); the other texts are the source itself.
        qm = qm_path(lang)
        if qm is not None:
            ours = QTranslator(self.app)
            if ours.load(str(qm)):
                self.app.installTranslator(ours)
                self._translators.append(ours)
        if lang != DEFAULT:
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            qt = QTranslator(self.app)
            if qt.load(f"qtbase_{lang}", qt_dir):
                self.app.installTranslator(qt)
                self._translators.append(qt)
        system = QLocale.system()
        # Keep the user's regional formats when they speak the chosen language (en_GB stays en_GB).
        if system.name().split("_")[0] == lang:
            QLocale.setDefault(system)
        elif lang == "en":   # pleodesk's users are in Europe: 24-hour clock, day before month
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        else:
            QLocale.setDefault(QLocale(lang))
        self.language = lang
        return lang
