"""The wizard page of the FEC file: the folder, the company's SIREN, the ledger the file is for (and its
import steps), the journal code, the fiscal year, and how expenses are booked.

Like the journal file, the FEC has no server to read a chart from: the accounts, VAT codes and tag
groups come from Pleo (whose categories mirror the ledger's accounts) or from a chart-of-accounts
file exported from the ledger; accounts must be numbers of the plan comptable général. The chart is
kept in the connection's settings (``fec_chart``); page 4's "Create…" adds to it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QRadioButton, QVBoxLayout)

from pleodesk.core.ledger import LedgerAccount, LedgerChart
from pleodesk.ui.systems import SystemPage
from pleodesk.ui.systems.journal_file import chart_from_csv, chart_from_pleo, folder_problem
from pleodesk.ui.widgets import hint

#: Where the wizard keeps the FEC's chart in the connection's settings.
CHART_KEY = "fec_chart"


def LABEL() -> str:  # noqa: N802 - the plugin contract's name
    return QCoreApplication.translate("fec", "FEC file (France): Cegid Loop, Inqom, Sage 100, ACD, MyUnisoft, Tiime")


def DESCRIPTION() -> str:  # noqa: N802
    return QCoreApplication.translate(
        "fec", "A fichier des écritures comptables in its legal form for each export, with the receipts beside it, "
               "for French ledgers that import files.")


def naming() -> dict[str, str]:
    return {
        "account": QCoreApplication.translate("fec", "account (plan comptable général)"),
        "tax": QCoreApplication.translate("fec", "VAT code"),
        "dimension": QCoreApplication.translate("fec", "dimension"),
        "dimensions": QCoreApplication.translate("fec", "dimensions (the FEC has no analytic columns)"),
        "wallet": QCoreApplication.translate("fec", "Pleo bank account (512…)"),
        "out_of_pocket": QCoreApplication.translate("fec", "Amounts owed to employees (421…)"),
        "payable": QCoreApplication.translate("fec", "Suppliers (401…)"),
        "accounts_hint": QCoreApplication.translate(
            "fec", "These accounts are the counter side of each entry. They must be accounts of the plan comptable "
                   "général that your ledger has; create them here if the chart lacks them."),
    }


def ledger_choices() -> list[tuple[str, str]]:
    return [("cegid_loop", QCoreApplication.translate("fec", "Cegid Loop")),
            ("inqom", QCoreApplication.translate("fec", "Inqom")),
            ("sage100", QCoreApplication.translate("fec", "Sage 100 Comptabilité")),
            ("acd", QCoreApplication.translate("fec", "ACD (Comptabilité Expert)")),
            ("myunisoft", QCoreApplication.translate("fec", "MyUnisoft")),
            ("tiime", QCoreApplication.translate("fec", "Tiime")),
            ("other", QCoreApplication.translate("fec", "Another ledger"))]


def import_steps(ledger: str) -> list[tuple[str, bool]]:
    """How the chosen ledger imports a run's files: (step, confirmed by a source). Unconfirmed steps are
    shown as such, never as fact (docs/fec.md says where each comes from)."""
    steps = {
        "cegid_loop": [
            (QCoreApplication.translate("fec", "Select the fiscal year the entries belong to (Dossier > Exercices)."), True),
            (QCoreApplication.translate("fec", "Import the run's .txt file with Comptabilité > Imports > Écritures > FEC."), True),
            (QCoreApplication.translate("fec", "The FEC import attaches no receipts: attach them from the run's folder, where each is named "
                      "after its entry's PieceRef."), True),
            (QCoreApplication.translate("fec", "Whether the import adds to the entries already there or replaces them: try a first file on "
                      "a test folder."), False)],
        "inqom": [
            (QCoreApplication.translate("fec", "Click the import icon at the top right and choose the run's .txt file."), True),
            (QCoreApplication.translate("fec", "Choose (or create) the fiscal year; do not close the year after the import."), True),
            (QCoreApplication.translate("fec", "Choose to add the entries to those of the period (\"rajouter\"), not to replace them."), True),
            (QCoreApplication.translate("fec", "To take the receipts too, choose \"Importer un FEC avec ses pièces comptables\"; how Inqom "
                      "wants them packed with the file: pleodesk puts them beside it, named after each entry's "
                      "PieceRef."), False)],
        "sage100": [
            (QCoreApplication.translate("fec", "Each run also writes Sage's documented text import of entries (the file ending in _sage.txt: "
                      "tab separated, dates JJMMAA)."), True),
            (QCoreApplication.translate("fec", "The import menu of Sage 100 Comptabilité (a \"Format Sage\" or \"format paramétrable\" "
                      "import), and whether it imports an FEC."), False),
            (QCoreApplication.translate("fec", "Receipts do not go with the file: attach them from the run's folder."), False)],
        "acd": [
            (QCoreApplication.translate("fec", "Comptabilité Expert imports files under Outils > Importation (confirmed for fixed assets)."),
             True),
            (QCoreApplication.translate("fec", "Whether it imports entries from an FEC, and through which screen: ask the accounting firm."),
             False)],
        "myunisoft": [
            (QCoreApplication.translate("fec", "Each run also writes the flat CSV MyUnisoft takes from expense tools (the file ending in "
                      "_myunisoft.csv: debit and credit columns, dates yyyyMMdd, comma decimals)."), True),
            (QCoreApplication.translate("fec", "The column order and the import screen MyUnisoft expects, and whether it imports an FEC: the "
                      "file's header names each column for the import's mapping."), False)],
        "tiime": [
            (QCoreApplication.translate("fec", "Whether Tiime imports entries from an FEC or another file: ask the accountant which import "
                      "screen they use before relying on it."), False)],
        "other": [
            (QCoreApplication.translate("fec", "Import the run's .txt file with your ledger's FEC import."), True)],
    }
    return steps.get(ledger, steps["other"])


def steps_html(ledger: str) -> str:
    unconfirmed = QCoreApplication.translate("fec", "not confirmed")
    rows = []
    for text, confirmed in import_steps(ledger):
        rows.append(f"<li>{text}{'' if confirmed else f' <i>({unconfirmed})</i>'}</li>")
    return "<ol style='margin-left:-20px'>" + "".join(rows) + "</ol>"


def summary_choices() -> list[tuple[str, str]]:
    return [("none", QCoreApplication.translate("fec", "One entry per expense")),
            ("daily", QCoreApplication.translate("fec", "One summary entry per day")),
            ("monthly", QCoreApplication.translate("fec", "One summary entry per month"))]


def create_account(state, code: str, name: str, type_: str) -> LedgerAccount:
    """Page 4's "Create…": the FEC's chart lives in the connection's settings."""
    from pleodesk.core.chart_io import chart_to_dict
    from pleodesk.providers.fec.format import check_account

    code = code.strip().upper()
    why = check_account(code)
    if why:
        raise ValueError(QCoreApplication.translate(
            "fec", "{code} is not an account of the plan comptable général: use a number such as 512100.").format(
            code=code))
    chart = state.chart or LedgerChart()
    if code in chart.accounts and chart.accounts[code].active:
        return chart.accounts[code]
    acc = LedgerAccount(code, name.strip() or code, type_)
    new = LedgerChart(accounts={**chart.accounts, code: acc}, taxes=dict(chart.taxes),
                      dimensions=dict(chart.dimensions))
    state.set_chart(new)
    state.system_settings[CHART_KEY] = chart_to_dict(new)
    return acc


def pcg_typed(chart: LedgerChart) -> LedgerChart:
    """The chart with each account of the plan comptable général typed by its class (512 a bank account,
    445 VAT...), so page 4 offers the right ones for each role."""
    from dataclasses import replace

    from pleodesk.providers.fec.format import PCG_ACCOUNT, pcg_type

    accounts = {code: replace(a, type=pcg_type(code, a.type)) if PCG_ACCOUNT.match(code) else a
                for code, a in chart.accounts.items()}
    return LedgerChart(accounts=accounts, taxes=dict(chart.taxes), dimensions=dict(chart.dimensions))


def account_types() -> dict[str, set[str]]:
    return {"wallet": {"bank"}}


def settings_problem(siren: str, journal_code: str, year_end: str, ledger: str) -> str | None:
    """Why these settings cannot be used, in plain words (None: they can)."""
    from pleodesk.providers.fec import format as fmt
    from pleodesk.providers.fec.ledgers import LEDGERS
    from pleodesk.providers.fec.provider import parse_fiscal_year_end

    if not re.fullmatch(r"[0-9]{9}", siren.replace(" ", "")):
        return QCoreApplication.translate("fec", "The SIREN is the company's 9-digit number (the first 9 digits of its SIRET, on its Kbis "
                        "extract).")
    try:
        fmt.check_siren(siren)
    except ValueError:
        return QCoreApplication.translate("fec", "This SIREN has a wrong check digit: compare it with the Kbis extract.")
    if fmt.check_journal_code(journal_code.upper()):
        return QCoreApplication.translate("fec", "The journal code is 1 to 8 capital letters or digits, such as PLEO.")
    if journal_code.upper() in LEDGERS[ledger].reserved_journals:
        return QCoreApplication.translate("fec", "{ledger} keeps the journal code {code} for itself: choose another.").format(
            ledger=LEDGERS[ledger].label, code=journal_code.upper())
    try:
        parse_fiscal_year_end(year_end)
    except ValueError:
        return QCoreApplication.translate("fec", "Write the last day of the fiscal year as month-day, such as 12-31.")
    return None


class ConnectPage(SystemPage):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("FEC file for a French ledger"))
        self.setSubTitle(self.tr("Each export writes an FEC (fichier des écritures comptables, LPF art. A47 A-1) in "
                                 "a folder of its own, with the receipts beside it; your ledger imports it."))
        lay = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        self.folder = QLineEdit(self)
        self.folder.setAccessibleName(self.tr("FEC folder"))
        self.browse = QPushButton(self.tr("&Browse…"), self)
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        label = QLabel(self.tr("&Folder:"), self)
        label.setBuddy(self.folder)
        form.addRow(label, row)
        self.siren = QLineEdit(self)
        self.siren.setAccessibleName(self.tr("SIREN"))
        self.siren.setPlaceholderText("732 829 320")
        label = QLabel(self.tr("&SIREN:"), self)
        label.setBuddy(self.siren)
        form.addRow(label, self.siren)
        self.ledger = QComboBox(self)
        self.ledger.setAccessibleName(self.tr("Ledger that imports the file"))
        for value, text in ledger_choices():
            self.ledger.addItem(text, value)
        label = QLabel(self.tr("&Ledger:"), self)
        label.setBuddy(self.ledger)
        form.addRow(label, self.ledger)
        self.journal = QLineEdit(self)
        self.journal.setAccessibleName(self.tr("Journal code"))
        label = QLabel(self.tr("&Journal code:"), self)
        label.setBuddy(self.journal)
        form.addRow(label, self.journal)
        self.year_end = QLineEdit(self)
        self.year_end.setAccessibleName(self.tr("Last day of the fiscal year (MM-DD)"))
        label = QLabel(self.tr("Fiscal year &ends (MM-DD):"), self)
        label.setBuddy(self.year_end)
        form.addRow(label, self.year_end)
        lay.addLayout(form)
        self.steps = hint("", self)
        lay.addWidget(self.steps)
        lay.addWidget(QLabel(self.tr("How should expenses be booked?"), self))
        self.modes = QButtonGroup(self)
        self.mode_buttons: dict[str, QRadioButton] = {}
        mode_row = QHBoxLayout()
        for value, text in summary_choices():
            b = QRadioButton(text, self)
            self.modes.addButton(b)
            self.mode_buttons[value] = b
            mode_row.addWidget(b)
        mode_row.addStretch(1)
        lay.addLayout(mode_row)
        self.from_pleo = QRadioButton(self.tr("Accounts and VAT codes from &Pleo (its categories carry the accounts)"),
                                      self)
        self.from_file = QRadioButton(self.tr("A chart of accounts &exported from the ledger (CSV: "
                                              "numéro;libellé;type)"), self)
        self.source = QButtonGroup(self)
        self.source.addButton(self.from_pleo)
        self.source.addButton(self.from_file)
        lay.addWidget(self.from_pleo)
        frow = QHBoxLayout()
        frow.addWidget(self.from_file)
        self.chart_file = QLineEdit(self)
        self.chart_file.setAccessibleName(self.tr("Chart of accounts file"))
        self.chart_browse = QPushButton(self.tr("Choose f&ile…"), self)
        frow.addWidget(self.chart_file, 1)
        frow.addWidget(self.chart_browse)
        lay.addLayout(frow)
        lay.addStretch(1)
        lay.addWidget(self.status)
        self.browse.clicked.connect(self._browse)
        self.chart_browse.clicked.connect(self._browse_chart)
        self.ledger.currentIndexChanged.connect(self._ledger_changed)
        for w in (self.folder, self.siren, self.journal, self.year_end, self.chart_file):
            w.textChanged.connect(self._changed)
        self.from_pleo.toggled.connect(self._changed)
        self.from_file.toggled.connect(self._changed)

    def initializePage(self) -> None:
        s = self.state.system_settings
        self.folder.setText(s.get("folder") or str(Path.home() / "FEC Pleo"))
        self.siren.setText(s.get("siren", ""))
        idx = self.ledger.findData(s.get("ledger") or "other")
        self.ledger.setCurrentIndex(max(idx, 0))
        self.journal.setText(s.get("journal_code") or "PLEO")
        self.year_end.setText(s.get("fiscal_year_end") or "12-31")
        self.mode_buttons.get(s.get("summary") or "none", self.mode_buttons["none"]).setChecked(True)
        (self.from_file if s.get("chart_source") == "file" else self.from_pleo).setChecked(True)
        self.chart_file.setText(s.get("chart_file", ""))
        self._ledger_changed()

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder for the FEC files"), self.folder.text())
        if path:
            self.folder.setText(path)

    def _browse_chart(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chart of accounts"), str(Path.home()),
                                              self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if path:
            self.chart_file.setText(path)

    def _ledger_changed(self, *_args) -> None:
        ledger = self.ledger.currentData() or "other"
        if ledger == "cegid_loop" and self.journal.text().strip().upper() == "AN":
            self.journal.setText("PL")
        self.steps.setText(self.tr("How {ledger} imports the files:").format(ledger=self.ledger.currentText())
                           + steps_html(ledger))
        self._changed()

    def _problem(self) -> str | None:
        return folder_problem(self.folder.text()) or settings_problem(
            self.siren.text(), self.journal.text().strip(), self.year_end.text().strip(),
            self.ledger.currentData() or "other")

    def _changed(self, *_args) -> None:
        on = self.from_file.isChecked()
        self.chart_file.setEnabled(on)
        self.chart_browse.setEnabled(on)
        problem = self._problem()
        if problem and any(w.text().strip() for w in (self.siren,)):
            self.show_status(problem, False)
        elif not problem:
            self.show_status("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if self._problem():
            return False
        return self.from_pleo.isChecked() or bool(self.chart_file.text().strip())

    def validatePage(self) -> bool:
        if self.take_validated():
            return True
        from pleodesk.core.chart_io import chart_to_dict

        folder = str(Path(self.folder.text().strip()).expanduser())
        settings = {k: v for k, v in self.state.system_settings.items() if k in (CHART_KEY,)}
        settings.update(folder=folder, siren=self.siren.text().replace(" ", ""), ledger=self.ledger.currentData(),
                        journal_code=self.journal.text().strip().upper(), journal_label="Pleo",
                        fiscal_year_end=self.year_end.text().strip(),
                        summary=next((v for v, b in self.mode_buttons.items() if b.isChecked()), "none"),
                        chart_source="file" if self.from_file.isChecked() else "pleo")
        use_file, chart_path = self.from_file.isChecked(), self.chart_file.text().strip()
        if use_file:
            settings["chart_file"] = chart_path
        self.set_busy(True)
        self.show_status(self.tr("Checking the folder and reading the chart of accounts…"))
        previous = self.state.system_settings

        def build(data):
            from pleodesk.providers.fec.provider import FecProvider

            Path(folder).mkdir(parents=True, exist_ok=True)
            base = chart_from_pleo(data)
            if use_file:
                raw = Path(chart_path).expanduser().read_bytes()
                try:
                    text = raw.decode("utf-8-sig")
                except UnicodeDecodeError:
                    text = raw.decode("cp1252")
                chart = chart_from_csv(text, base)
            else:
                chart = base
            chart = pcg_typed(chart)
            keep = (previous.get(CHART_KEY) and previous.get("chart_source", "pleo") == settings["chart_source"]
                    and previous.get("chart_file", "") == settings.get("chart_file", ""))
            if keep:
                from pleodesk.core.chart_io import chart_from_dict

                chart = chart_from_dict(previous[CHART_KEY])
            with FecProvider(settings, chart) as provider:
                result = provider.check()
            if not result.ok:
                raise ValueError(" ".join(result.messages))
            return chart, result

        def done(out) -> None:
            chart, result = out
            settings[CHART_KEY] = chart_to_dict(chart)
            self.save(settings, {}, chart)
            self.show_status(" ".join(result.messages), True)
            self.finish_validation()

        def failed(exc) -> None:
            self.set_busy(False)
            self.show_status(str(exc), False)

        self.wizard().load_pleo_data(lambda data: self.run_task(lambda: build(data), done, failed), failed)
        return False
