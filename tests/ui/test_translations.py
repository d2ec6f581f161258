"""Dutch, French and German: complete, placeholders kept, built on demand, switchable at run time."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
LANGS = ("nl", "fr", "de")
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%\d+|%n|<[^>]+>")


def messages(lang: str):
    root = ET.parse(I18N / f"pleodesk_{lang}.ts").getroot()
    for ctx in root.iter("context"):
        for msg in ctx.iter("message"):
            yield ctx.findtext("name"), msg


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated(lang):
    problems = []
    count = 0
    for ctx, msg in messages(lang):
        count += 1
        src = msg.findtext("source")
        tr = msg.find("translation")
        forms = [n.text or "" for n in tr.iter("numerusform")] if tr is not None else []
        texts = forms or [(tr.text or "") if tr is not None else ""]
        if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{ctx}: unfinished: {src!r}")
        elif any(not t.strip() for t in texts):
            problems.append(f"{ctx}: empty: {src!r}")
    assert count > 400
    assert not problems, "\n".join(problems[:30])


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_and_mnemonics_are_kept(lang):
    problems = []
    for ctx, msg in messages(lang):
        src = msg.findtext("source")
        tr = msg.find("translation")
        forms = [n.text or "" for n in tr.iter("numerusform")] or [tr.text or ""]
        for text in forms:
            if sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(text)):
                problems.append(f"{ctx}: placeholders differ: {src!r} -> {text!r}")
            if ("&" in src) != ("&" in text) or text.count("&") > 1:
                problems.append(f"{ctx}: mnemonic: {src!r} -> {text!r}")
    assert not problems, "\n".join(problems[:30])


def test_ts_files_hold_every_string_of_the_sources(tmp_path):
    """The .ts files are current: lupdate finds nothing they lack (run scripts/build_translations.py
    --update after changing user-visible text)."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate not installed")
    files = sorted(str(p) for p in (ROOT / "pleodesk" / "ui").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), "-silent", *files, "-ts", str(fresh)], check=True, capture_output=True)
    want = {(c.findtext("name"), m.findtext("source"))
            for c in ET.parse(fresh).getroot().iter("context") for m in c.iter("message")}
    have = {(ctx, m.findtext("source")) for ctx, m in messages("nl")}
    missing = sorted(want - have)
    assert not missing, f"{len(missing)} strings are not in the .ts files yet, e.g. {missing[:5]}"


def test_qm_files_are_built_when_missing(qapp, tmp_path, monkeypatch):
    from PySide6.QtCore import QCoreApplication

    from pleodesk.ui.i18n import Translations

    res = tmp_path / "resources"
    (res / "i18n").mkdir(parents=True)
    for ts in I18N.glob("*.ts"):
        shutil.copy(ts, res / "i18n" / ts.name)
    shutil.copytree(ROOT / "resources" / "icons", res / "icons")
    monkeypatch.setenv("PLEODESK_RESOURCES", str(res))
    t = Translations(qapp)
    try:
        assert t.install("nl") == "nl"
        assert (res / "i18n" / "pleodesk_nl.qm").exists()
        assert QCoreApplication.translate("MainWindow", "&Quit") == "&Afsluiten"
        t.install("de")
        assert QCoreApplication.translate("words", "Connected") == "Verbunden"
        t.install("fr")
        assert QCoreApplication.translate("ExportTab", "Export a month") == "Exporter un mois"
    finally:
        t.install("en")
    assert QCoreApplication.translate("words", "Connected") == "Connected"


def test_switching_the_language_rebuilds_the_window(qtbot, ctx, demo_conn, monkeypatch, tmp_path):
    from pleodesk.ui.i18n import Translations
    from pleodesk.ui.main_window import MainWindow

    from PySide6.QtWidgets import QApplication

    t = Translations(QApplication.instance())
    win = MainWindow(ctx, t)
    qtbot.addWidget(win)
    win.show()
    try:
        assert win.tabs.tabText(win.TAB_PROBLEMS).replace("&", "") == "Problems"
        win.set_language("nl")
        assert win.tabs.tabText(win.TAB_PROBLEMS).replace("&", "") == "Problemen"
        assert win.export_tab.export_button.text().replace("&", "").endswith("exporteren")
        menus = [a.text().replace("&", "") for a in win.menuBar().actions()]
        assert menus[0] == "Bestand"
        from pleodesk.ui import prefs

        assert prefs.language() == "nl"
        win.set_language("de")
        assert win.settings_tab.language.currentData() == "de"
        assert win.tabs.tabText(win.TAB_SETTINGS).replace("&", "") == "Einstellungen"
    finally:
        t.install("en")


def test_the_odoo_and_xero_pages_speak_the_language(qapp):
    """Their plugin texts (welcome page, naming on the generic pages, booking choices, errors) are
    literal translate() calls that lupdate finds, not hidden behind a helper."""
    from pleodesk.ui import systems
    from pleodesk.ui.i18n import Translations

    t = Translations(qapp)
    try:
        t.install("nl")
        assert systems.naming("odoo")["dimensions"] == "analytische plannen"
        assert systems.object_kinds("odoo")["card"] == [("entry", "Journaalpost"), ("bill", "Inkoopfactuur")]
        t.install("fr")
        assert systems.naming("xero")["wallet"] == "Compte bancaire Pleo dans Xero"
        assert systems.description("odoo").startswith("Écritures comptables ou factures fournisseurs")
        t.install("de")
        assert systems.naming("xero")["dimension"] == "Tracking-Kategorie"
        assert systems.naming("odoo")["accounts_hint"].startswith("In Odoo finden Sie diese unter Buchhaltung")
    finally:
        t.install("en")
    assert systems.naming("odoo")["dimension"] == "analytic plan"


def test_french_puts_a_space_before_colons():
    """French typography: a (non-breaking) space before ":" (addresses, times and placeholders aside)."""
    bad = []
    for _ctx, msg in messages("fr"):
        tr = msg.find("translation")
        for text in [n.text or "" for n in tr.iter("numerusform")] or [tr.text or ""]:
            plain = re.sub(r"https?://\S+|\{[^}]*\}|<[^>]+>|\d+:\d+", "", text)
            if re.search(r"[^\s\u00a0\u202f]:", plain):
                bad.append(text)
    assert not bad, "\n".join(bad[:20])


@pytest.mark.parametrize("lang", ("en", *LANGS))
def test_counted_texts_have_real_plural_forms(lang):
    """Every text that counts something has Qt's plural forms, English too ("1 expense", "2 expenses")."""
    numerus = [(msg.findtext("source"), [n.text or "" for n in msg.find("translation").iter("numerusform")])
               for _ctx, msg in messages(lang) if msg.get("numerus") == "yes"]
    assert len(numerus) >= 25
    for source, forms in numerus:
        assert len(forms) == 2 and all("%n" in f for f in forms), (lang, source, forms)
        assert not any("(s)" in f or "(-ies)" in f for f in forms), (lang, source, forms)


def test_one_expense_is_one_expense(qapp):
    from PySide6.QtCore import QCoreApplication

    from pleodesk.ui.i18n import Translations

    t = Translations(qapp)
    try:
        for lang, one, many in (("en", "1 expense waiting for export", "2 expenses waiting for export"),
                                ("nl", "1 uitgave wacht op export", "2 uitgaven wachten op export"),
                                ("de", "1 Ausgabe wartet auf den Export", "2 Ausgaben warten auf den Export"),
                                ("fr", "1 dépense en attente d'export", "2 dépenses en attente d'export")):
            t.install(lang)
            assert QCoreApplication.translate("ExportTab", "%n expense(s) waiting for export", "", 1) == one
            assert QCoreApplication.translate("ExportTab", "%n expense(s) waiting for export", "", 2) == many
    finally:
        t.install("en")
