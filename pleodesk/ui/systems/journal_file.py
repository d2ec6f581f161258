"""The wizard page of the general-journal file: a folder, and the chart of accounts to book with.

The journal file has no server to read a chart from, so the page offers two sources: the accounts,
VAT codes and tag groups Pleo already has (Pleo's categories mirror the ledger's accounts, so this is
usually right), or a chart-of-accounts file exported from the ledger (CSV: ``code;name;type``).
"""

from __future__ import annotations

import csv
import io
import os
from decimal import Decimal, InvalidOperation
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QButtonGroup, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QRadioButton, QVBoxLayout)

from pleodesk.core.ledger import LedgerAccount, LedgerChart, LedgerDimension, LedgerTax
from pleodesk.ui.systems import SystemPage
from pleodesk.ui.widgets import hint



def LABEL() -> str:  # noqa: N802 - the plugin contract's name
    return QCoreApplication.translate("journal_file", "General journal file (CSV)")


def SHORT_LABEL() -> str:  # noqa: N802
    return QCoreApplication.translate("journal_file", "journal file")


def DESCRIPTION() -> str:  # noqa: N802
    return QCoreApplication.translate("journal_file", "One balanced journal entry per expense in a CSV file, receipts in a folder beside it; for any "
              "ledger that imports a general journal.")


def naming() -> dict[str, str]:
    return {
        "account": QCoreApplication.translate("journal_file", "ledger account"),
        "tax": QCoreApplication.translate("journal_file", "VAT code"),
        "dimension": QCoreApplication.translate("journal_file", "dimension"),
        "dimensions": QCoreApplication.translate("journal_file", "dimensions (cost centres, projects)"),
        "wallet": QCoreApplication.translate("journal_file", "Pleo bank account (the wallet)"),
        "accounts_hint": QCoreApplication.translate("journal_file", "These accounts are the counter side of each journal entry. They must exist in the "
                            "chart of accounts; create them here if they do not."),
    }


# ------------------------------------------------------------------------------ charts (no Qt) ---
TAX_ACCOUNT_NAMES = {"input": "Input VAT", "output": "Output VAT (reverse charge)"}
_TYPE_WORDS = {"bank": "bank", "wallet": "bank", "payable": "payable", "tax": "tax", "liability": "liability",
               "asset": "asset", "equity": "equity", "income": "income", "revenue": "income", "expense": "expense"}


def _guess_type(code: str, name: str) -> str:
    import re

    n = name.lower()
    words = set(re.findall(r"[a-zà-ÿ]+", n))
    if words & {"vat", "btw", "tax", "taxes", "tva", "mwst", "ust", "vorsteuer"}:
        return "tax"
    if words & {"charges", "fees", "costs", "kosten", "frais", "gebühren"}:
        return "expense"                     # "Bank charges" is a cost, not a bank account
    if "wallet" in n or "bank" in words:
        return "bank"
    if "payable" in n or "owed" in n or "contra" in n:
        return "liability"
    if code[:1] in ("0", "1", "2", "3"):
        return "asset"
    if code[:1] == "8":
        return "income"
    return "expense"


def chart_from_pleo(data) -> LedgerChart:
    """A chart built from what Pleo knows: its accounts, its tax codes (and their tax accounts), and one
    dimension per tag group whose values are the tag codes."""
    accounts: dict[str, LedgerAccount] = {}
    for a in data.accounts:
        if a.get("archived"):
            continue
        code = str(a.get("code") or "").strip()
        if not code:
            continue
        name = a.get("name") or code
        accounts[code] = LedgerAccount(code, name, _guess_type(code, name))
    taxes: dict[str, LedgerTax] = {}
    for t in data.taxes():
        if not t["code"]:
            continue
        try:
            rate = Decimal(str(t["rate"]))
        except InvalidOperation:
            continue
        for role, acc in (("input", t.get("ingoing")), ("output", t.get("outgoing"))):
            if acc and acc not in accounts:
                accounts[acc] = LedgerAccount(acc, TAX_ACCOUNT_NAMES[role], "tax")
        taxes[t["code"]] = LedgerTax(t["code"], t["name"], rate, t["type"] or "inclusive",
                                     input_account=t.get("ingoing") or None, output_account=t.get("outgoing") or None)
    dims: dict[str, LedgerDimension] = {}
    for g in data.active_groups():
        values = frozenset(tag["code"] for tag in data.tags.get(g["code"], []))
        dims[g.get("name") or g["code"]] = LedgerDimension(g.get("name") or g["code"], values)
    return LedgerChart(accounts=accounts, taxes=taxes, dimensions=dims)


class ChartFileError(ValueError):
    pass


def chart_from_csv(text: str, base: LedgerChart | None = None) -> LedgerChart:
    """Accounts from a chart-of-accounts export: one per line, ``code;name[;type]`` (or commas), an
    optional header line. VAT codes and dimensions are taken from ``base`` (Pleo's)."""
    sample = text[:2048]
    delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    accounts: dict[str, LedgerAccount] = {}
    for n, row in enumerate(rows, 1):
        cells = [c.strip() for c in row]
        if not cells or not any(cells):
            continue
        if n == 1 and cells[0].lower() in ("code", "account", "number", "nummer", "numéro", "konto", "rekening"):
            continue
        if len(cells) < 2 or not cells[0]:
            raise ChartFileError(QCoreApplication.translate("journal_file", "Line {line} needs a code and a name.").format(line=n))
        code, name = cells[0], cells[1] or cells[0]
        typ = _TYPE_WORDS.get(cells[2].lower(), _guess_type(code, name)) if len(cells) > 2 and cells[2] \
            else _guess_type(code, name)
        accounts[code] = LedgerAccount(code, name, typ)
    if not accounts:
        raise ChartFileError(QCoreApplication.translate("journal_file", "The file holds no accounts."))
    base = base or LedgerChart()
    for t in base.taxes.values():
        for acc, role in ((t.input_account, "input"), (t.output_account, "output")):
            if acc and acc not in accounts:
                accounts[acc] = LedgerAccount(acc, TAX_ACCOUNT_NAMES[role], "tax")
    return LedgerChart(accounts=accounts, taxes=dict(base.taxes), dimensions=dict(base.dimensions))


def create_dimension_values(state, dimension: str, values) -> LedgerChart:
    """The journal file takes any value: the new ones join the dimension in the connection's chart."""
    from dataclasses import replace

    chart = state.chart or LedgerChart()
    dims = dict(chart.dimensions)
    dim = dims.get(dimension)
    if dim is None:
        raise ValueError(QCoreApplication.translate("journal_file", "The chart has no dimension named {name}.").format(
            name=dimension))
    dims[dimension] = replace(dim, values=frozenset(dim.values | {str(v).strip() for v in values if str(v).strip()}))
    chart = LedgerChart(accounts=dict(chart.accounts), taxes=dict(chart.taxes), dimensions=dims)
    state.set_chart(chart)
    return chart


def create_account(state, code: str, name: str, type_: str) -> LedgerAccount:
    """Page 4's "Create…": the journal file's chart lives in the connection's settings."""
    chart = state.chart or LedgerChart()
    code = code.strip()
    if code in chart.accounts and chart.accounts[code].active:
        existing = chart.accounts[code]
        if existing.name != name:
            raise ValueError(QCoreApplication.translate("journal_file", "Account {code} already exists ({name}).").format(code=code, name=existing.name))
        return existing
    acc = LedgerAccount(code, name.strip() or code, type_)
    accounts = dict(chart.accounts)
    accounts[code] = acc
    state.set_chart(LedgerChart(accounts=accounts, taxes=dict(chart.taxes), dimensions=dict(chart.dimensions)))
    return acc


def folder_problem(path: str) -> str | None:
    """Why ``path`` cannot take the journal (None: it can; a missing folder is created on save)."""
    if not path.strip():
        return QCoreApplication.translate("journal_file", "Choose a folder.")
    p = Path(path).expanduser()
    probe = p
    while not probe.exists():
        if probe.parent == probe:
            return QCoreApplication.translate("journal_file", "{folder} cannot be created.").format(folder=str(p))
        probe = probe.parent
    if not probe.is_dir():
        return QCoreApplication.translate("journal_file", "{folder} is a file, not a folder.").format(folder=str(probe))
    if not os.access(probe, os.W_OK | os.X_OK):
        return QCoreApplication.translate("journal_file", "You cannot write to {folder}. Choose another folder.").format(folder=str(probe))
    return None


# ------------------------------------------------------------------------------ the page --------
class ConnectPage(SystemPage):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Connect the journal file"))
        self.setSubTitle(self.tr("pleodesk writes each expense as a balanced entry to journal.csv in a folder you "
                                 "choose, with its receipts in a receipts folder beside it. Your bookkeeping "
                                 "software imports the file."))
        lay = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        self.folder = QLineEdit(self)
        self.folder.setAccessibleName(self.tr("Journal folder"))
        self.folder.setPlaceholderText(str(Path.home() / "Pleo journal"))
        self.browse = QPushButton(self.tr("&Browse…"), self)
        self.browse.setAccessibleName(self.tr("Choose the journal folder"))
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        label = QLabel(self.tr("&Folder:"), self)
        label.setBuddy(self.folder)
        form.addRow(label, row)
        lay.addLayout(form)
        self.folder_status = QLabel(self)
        self.folder_status.setWordWrap(True)
        lay.addWidget(self.folder_status)
        lay.addSpacing(8)
        lay.addWidget(QLabel(self.tr("Which accounts may entries use?"), self))
        self.from_pleo = QRadioButton(self.tr("The accounts, VAT codes and tag groups &Pleo already has "
                                              "(recommended)"), self)
        self.from_file = QRadioButton(self.tr("A chart of accounts &exported from my ledger (CSV: code;name;type)"),
                                      self)
        self.source = QButtonGroup(self)
        self.source.addButton(self.from_pleo)
        self.source.addButton(self.from_file)
        lay.addWidget(self.from_pleo)
        lay.addWidget(self.from_file)
        frow = QHBoxLayout()
        self.chart_file = QLineEdit(self)
        self.chart_file.setAccessibleName(self.tr("Chart of accounts file"))
        self.chart_browse = QPushButton(self.tr("Choose &file…"), self)
        frow.addSpacing(24)
        frow.addWidget(self.chart_file, 1)
        frow.addWidget(self.chart_browse)
        lay.addLayout(frow)
        lay.addWidget(hint(self.tr("Missing accounts (such as the Pleo bank account) can be created on the next "
                                   "page."), self))
        lay.addStretch(1)
        lay.addWidget(self.status)
        self.browse.clicked.connect(self._browse)
        self.chart_browse.clicked.connect(self._browse_chart)
        self.folder.textChanged.connect(self._folder_changed)
        self.chart_file.textChanged.connect(lambda *_: self.completeChanged.emit())
        self.from_pleo.toggled.connect(self._source_changed)
        self.from_file.toggled.connect(self._source_changed)

    def initializePage(self) -> None:
        s = self.state.system_settings
        self.folder.setText(s.get("folder") or str(Path.home() / "Pleo journal"))
        src = s.get("chart_source", "pleo")
        (self.from_file if src == "file" else self.from_pleo).setChecked(True)
        self.chart_file.setText(s.get("chart_file", ""))
        self._source_changed()
        self._folder_changed()

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder for the journal"), self.folder.text())
        if path:
            self.folder.setText(path)

    def _browse_chart(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chart of accounts"), str(Path.home()),
                                              self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if path:
            self.chart_file.setText(path)

    def _source_changed(self, *_args) -> None:
        on = self.from_file.isChecked()
        self.chart_file.setEnabled(on)
        self.chart_browse.setEnabled(on)
        self.completeChanged.emit()

    def _folder_changed(self, *_args) -> None:
        from pleodesk.ui.widgets import set_status

        problem = folder_problem(self.folder.text())
        if problem:
            set_status(self.folder_status, problem, False)
        elif not Path(self.folder.text()).expanduser().exists():
            set_status(self.folder_status, self.tr("The folder will be created."), None)
        else:
            set_status(self.folder_status, self.tr("pleodesk can write here."), True)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if folder_problem(self.folder.text()):
            return False
        return self.from_pleo.isChecked() or bool(self.chart_file.text().strip())

    def validatePage(self) -> bool:
        if self.take_validated():
            return True
        folder = str(Path(self.folder.text().strip()).expanduser())
        use_file = self.from_file.isChecked()
        chart_path = self.chart_file.text().strip()
        self.set_busy(True)
        self.show_status(self.tr("Checking the folder and reading the chart of accounts…"))

        def build(data):
            from pleodesk.providers.journal_file import JournalFileProvider

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
            with JournalFileProvider(Path(folder), chart) as provider:
                result = provider.check()
            if not result.ok:
                raise ValueError(" ".join(result.messages))
            return chart

        def done(chart) -> None:
            settings = {"folder": folder, "chart_source": "file" if use_file else "pleo"}
            if use_file:
                settings["chart_file"] = chart_path
            keep_existing = (self.state.chart is not None and self.state.system_settings.get("folder") == folder
                             and self.state.system_settings.get("chart_source", "pleo") == settings["chart_source"]
                             and self.state.system_settings.get("chart_file", "") == settings.get("chart_file", ""))
            self.save(settings, {}, self.state.chart if keep_existing else chart)
            self.show_status(self.tr("Ready: {accounts} accounts, {taxes} VAT codes, {dims} dimensions.").format(
                accounts=len(self.state.chart.accounts), taxes=len(self.state.chart.taxes),
                dims=len(self.state.chart.dimensions)), True)
            self.finish_validation()

        def failed(exc) -> None:
            self.set_busy(False)
            self.show_status(str(exc), False)

        def with_data(data) -> None:
            self.run_task(lambda: build(data), done, failed)

        self.wizard().load_pleo_data(with_data, failed)
        return False
