"""The setup wizard's pages. Each page checks its own answers and saves them as it goes (Picard's
``validatePage`` pattern); network checks run off the GUI thread while the page shows "Checking…"."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton,
                               QSpinBox, QTabWidget, QVBoxLayout, QWizard, QWizardPage)

from pleodesk.core import clock
from pleodesk.core import schedule as sch
from pleodesk.core.ledger import ContraRole, free_account_code
from pleodesk.core.names import MAX_NAME_LENGTH, ConnectionNameError, check_connection_name, describe
from pleodesk.ui import fmt, systems
from pleodesk.ui.mapping_editors import CategoryTable, ContraEditor, TagEditor, TaxTable
from pleodesk.ui.widgets import ScheduleEditor, cap, clear_form, hint, set_status
from pleodesk.ui.wizard.state import DEFAULT_PLEO_URL, auto_match, check_pleo, unique_name

log = logging.getLogger(__name__)

ID_WELCOME, ID_PLEO, ID_ACCOUNTS, ID_CATEGORIES, ID_LABELS, ID_OPTIONS, ID_FEED, ID_SUMMARY = (
    0, 1, 3, 4, 5, 6, 7, 8)
SYSTEM_PAGE_BASE = 100


def keyring_problem_text(problem) -> str:
    """Why the keys cannot be kept (a ``pleodesk.secrets.KeyringProblem``) and what to install."""
    import sys

    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    if problem.kind == "unsafe":
        why = translate("keyring", "The keyring in use ({backend}) would keep the keys in a file, or only until "
                                   "pleodesk closes, so pleodesk does not use it.").format(backend=problem.backend)
    elif problem.kind == "failed":
        why = translate("keyring", "The system keyring ({backend}) could not keep a key: {error}").format(
            backend=problem.backend, error=problem.detail)
    else:
        why = translate("keyring", "No system keyring is available to keep the keys safe.")
    if sys.platform.startswith("linux"):
        todo = translate("keyring", "Nothing was saved. Install GNOME Keyring (Debian and Ubuntu: sudo apt install "
                                    "gnome-keyring) or KWallet, log in again so it is unlocked, and start the setup "
                                    "again. The demo company (pleodesk --demo) needs no keyring.")
    else:
        todo = translate("keyring", "Nothing was saved. Unlock the system keyring (macOS Keychain, Windows Credential "
                                    "Manager) and start the setup again. The demo company (pleodesk --demo) needs "
                                    "no keyring.")
    return f"{why} {todo}"


class Page(QWizardPage):
    """Common helpers: the wizard's state, an async-validation latch, a status line."""

    NAME = ""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._validated = False
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName(self.tr("Status"))
        self.status.hide()

    @property
    def state(self):
        return self.wizard().state

    @property
    def naming(self) -> dict:
        return systems.naming(self.state.system)

    def show_status(self, text: str, ok: bool | None = None) -> None:
        set_status(self.status, text, ok)

    def finish_validation(self) -> None:
        self.wizard().set_busy(False)
        self._validated = True
        try:
            self.wizard().advance_from(self)
        finally:
            self._validated = False         # used by this one Next, or by none: never by a later one

    def take_validated(self) -> bool:
        if self._validated or self.wizard().resuming:
            self._validated = False
            return True
        return False

    def mark_visited(self) -> None:
        """This page's automatic suggestions were made once; a resumed page keeps the user's edits."""
        if self.NAME and self.NAME not in self.state.visited:
            self.state.visited.append(self.NAME)

    def saved(self) -> None:
        """Keep this page's answers (the draft is written off the GUI thread)."""
        self.mark_visited()
        self.wizard().save_draft()


# ==================================================================================== 1 ========
class WelcomePage(Page):
    NAME = "welcome"

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to pleodesk"))
        self.setSubTitle(self.tr("pleodesk sends your company's Pleo expenses to your accounting system: each "
                                 "expense with its category, VAT, labels and receipt. Setting it up takes about "
                                 "five minutes; you can close this window at any time and continue later."))
        lay = QVBoxLayout(self)
        box = QGroupBox(self.tr("Which accounting system do you use?"), self)
        self.box_layout = QVBoxLayout(box)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QRadioButton] = {}
        lay.addWidget(box)
        need = QGroupBox(self.tr("What you need"), self)
        nl = QVBoxLayout(need)
        nl.addWidget(hint("• " + self.tr("A Pleo API key and your Pleo company id (in Pleo: Settings → API keys)."), need))
        nl.addWidget(hint("• " + self.tr("Access to your accounting system, or a folder for the journal file."), need))
        nl.addWidget(hint("• " + self.tr("Your chart of accounts: which ledger account each Pleo category goes to."),
                          need))
        lay.addWidget(need)
        lay.addStretch(1)
        lay.addWidget(self.status)
        self.group.buttonToggled.connect(lambda *_: self.completeChanged.emit())

    def initializePage(self) -> None:
        for b in list(self.buttons.values()):
            self.group.removeButton(b)
            b.deleteLater()
        self.buttons.clear()
        while self.box_layout.count():
            item = self.box_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for n, system in enumerate(sorted(self.wizard().system_pages, key=lambda s: systems.label(s))):
            text = systems.label(system)
            b = QRadioButton(text, self)
            b.setAccessibleName(text)
            b.setProperty("system", system)
            self.group.addButton(b)
            self.box_layout.addWidget(b)
            desc = systems.description(system)
            if desc:
                d = hint(desc, self)
                d.setContentsMargins(24, 0, 0, 6)
                self.box_layout.addWidget(d)
            self.buttons[system] = b
        chosen = self.state.system or (next(iter(self.buttons)) if len(self.buttons) == 1 else None)
        if chosen in self.buttons:
            self.buttons[chosen].setChecked(True)
        if self.state.editing:
            for b in self.buttons.values():
                b.setEnabled(b.property("system") == self.state.system)

    def chosen(self) -> str | None:
        b = self.group.checkedButton()
        return b.property("system") if b else None

    def isComplete(self) -> bool:
        return self.chosen() is not None

    def validatePage(self) -> bool:
        if self.take_validated():
            return True
        system = self.chosen()
        if system is None:
            return False
        self.state.system = system
        wiz = self.wizard()
        if self.state.conn_id is None:
            # Nothing is saved, not even the draft, unless the system keyring can keep the keys.
            wiz.set_busy(True)
            self.show_status(self.tr("Starting the setup…"))
            wiz.check_keyring(self._keyring_checked)
            return False
        wiz.update_draft_connection(system=system)
        self.saved()
        return True

    def _keyring_checked(self, problem) -> None:
        if problem is not None:
            self.wizard().set_busy(False)
            self.show_status(keyring_problem_text(problem), False)
            return
        self.wizard().create_draft(lambda ok, msg: self._created(ok, msg))

    def _created(self, ok: bool, message: str) -> None:
        self.wizard().set_busy(False)
        if not ok:
            self.show_status(message, False)
            return
        self.show_status("")
        self.saved()
        self.finish_validation()

    def nextId(self) -> int:
        return ID_PLEO


# ==================================================================================== 2 ========
class PleoPage(Page):
    NAME = "pleo"

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Connect Pleo"))
        self.setSubTitle(self.tr("pleodesk reads your expenses from Pleo with an API key. In Pleo, open "
                                 "Settings → API keys, create a key, and copy it here with your company id."))
        lay = QVBoxLayout(self)
        form = QFormLayout()
        key_row = QHBoxLayout()
        self.key = QLineEdit(self)
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setAccessibleName(self.tr("Pleo API key"))
        self.key.setPlaceholderText(self.tr("Paste the key from Pleo"))
        self.show_key = QCheckBox(self.tr("S&how"), self)
        self.show_key.setAccessibleName(self.tr("Show the API key"))
        self.show_key.toggled.connect(lambda on: self.key.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
        key_row.addWidget(self.key, 1)
        key_row.addWidget(self.show_key)
        key_label = QLabel(self.tr("API &key:"), self)
        key_label.setBuddy(self.key)
        form.addRow(key_label, key_row)
        self.company = QLineEdit(self)
        self.company.setAccessibleName(self.tr("Pleo company id"))
        self.company.setPlaceholderText("2f1e8c7a-…")
        company_label = QLabel(self.tr("&Company id:"), self)
        company_label.setBuddy(self.company)
        form.addRow(company_label, self.company)
        self.url = QLineEdit(self)
        self.url.setAccessibleName(self.tr("Pleo address"))
        url_label = QLabel(self.tr("Pleo &address:"), self)
        url_label.setBuddy(self.url)
        form.addRow(url_label, self.url)
        form.addRow("", hint(self.tr("Leave the address as it is unless Pleo's support gave you another one."), self))
        lay.addLayout(form)
        buttons = QHBoxLayout()
        self.check_button = QPushButton(self.tr("Chec&k"), self)
        self.check_button.setAccessibleName(self.tr("Check the Pleo connection"))
        self.demo_button = QPushButton(self.tr("Use the &demo company"), self)
        self.demo_button.setToolTip(self.tr("Try pleodesk on a built-in demo company, on this computer only."))
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        buttons.addWidget(self.demo_button)
        lay.addLayout(buttons)
        lay.addWidget(self.status)
        lay.addStretch(1)
        self.check_button.clicked.connect(self.check)
        self.demo_button.clicked.connect(self.use_demo)
        for w in (self.key, self.company, self.url):
            w.textEdited.connect(self._edited)
        self._checked_values: tuple | None = None
        self._checking = False

    def initializePage(self) -> None:
        st = self.state
        self.company.setText(st.pleo.get("company_id", ""))
        self.url.setText(st.pleo.get("base_url") or DEFAULT_PLEO_URL)
        self.key.setText(self.wizard().stored_pleo_key() or "")
        self._take_stored_key()
        self.completeChanged.emit()

    def secrets_arrived(self) -> None:
        """The stored key was read from the keyring (after the page was shown): use it, unless the user
        has typed one meanwhile."""
        key = self.wizard().stored_pleo_key()
        if key and not self.key.text() and not self._checking:
            self.key.setText(key)
            self._take_stored_key()

    def _take_stored_key(self) -> None:
        st = self.state
        if st.pleo_checked and self.key.text() and self.key.text() == self.wizard().stored_pleo_key():
            self._checked_values = self._values()
            name = st.pleo.get("company_name") or st.pleo.get("company_id")
            self.show_status(self.tr("Connected to {company}").format(company=name), True)

    def _values(self) -> tuple[str, str, str]:
        return (self.key.text().strip(), self.company.text().strip(),
                (self.url.text().strip() or DEFAULT_PLEO_URL).rstrip("/"))

    def _edited(self, *_args) -> None:
        if self._checked_values is not None and self._values() != self._checked_values:
            self._checked_values = None
            self.state.pleo_checked = False
            self.show_status(self.tr("Press Check to test the new values."))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._checked_values is not None and self._values() == self._checked_values and not self._checking

    def check(self) -> None:
        key, company, url = self._values()
        if not key or not company:
            self.show_status(self.tr("Enter the API key and the company id first."), False)
            return
        from pleodesk.urls import AddressError, check_web_address

        try:
            check_web_address(url, "Pleo address")
        except AddressError:
            self.show_status(self.tr("The Pleo address must start with https://."), False)
            return
        self._checking = True
        self.check_button.setEnabled(False)
        self.demo_button.setEnabled(False)
        self.show_status(self.tr("Checking with Pleo…"))
        self.completeChanged.emit()
        conn_id = self.state.conn_id

        def work():
            from pleodesk.connections import pleo_secret_name
            from pleodesk.secrets import set_secret

            company_json = check_pleo(url, company, key)
            set_secret(pleo_secret_name(conn_id), key)
            return company_json

        self.wizard().run_task(work, lambda c, v=(key, company, url): self._checked(v, c), self._failed)

    def _checked(self, values, company: dict) -> None:
        self._checking = False
        self.check_button.setEnabled(True)
        self.demo_button.setEnabled(True)
        if values != self._values():       # edited while checking
            self.completeChanged.emit()
            return
        st = self.state
        if company.get("id") and company["id"] != values[1]:
            self.show_status(self.tr("Pleo answered for another company ({name}).").format(
                name=company.get("name", "?")), False)
            return
        other = self.wizard().company_taken_by(values[1])
        if other is not None:
            self.show_status(self.wizard().company_taken_text(other), False)
            self.completeChanged.emit()
            return
        st.pleo.update({"base_url": values[2], "company_id": values[1],
                        "company_name": company.get("name") or ""})
        st.pleo_checked = True
        st.pleo_data = None
        self.wizard().remember_pleo_key(values[0])
        self._checked_values = values
        self.show_status(self.tr("Connected to {company}").format(company=company.get("name") or values[1]), True)
        self.wizard().load_pleo_data()
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        from pleodesk.providers.pleo import PleoAuthError, PleoError
        from pleodesk.secrets import SecretStoreUnavailable

        self._checking = False
        self.check_button.setEnabled(True)
        self.demo_button.setEnabled(True)
        if isinstance(exc, PleoAuthError):
            text = self.tr("Pleo did not accept this key for this company. Check both, or create a new key "
                           "in Pleo (Settings → API keys).")
        elif isinstance(exc, PleoError) and exc.status is None:
            text = str(exc)               # nothing answered: what was tried and what failed
        elif isinstance(exc, PleoError):
            text = self.tr("Pleo answered: {message}").format(message=str(exc))
        elif isinstance(exc, SecretStoreUnavailable):
            text = keyring_problem_text(exc.problem)
        else:
            text = self.tr("Pleo could not be reached: {error}").format(error=str(exc))
        self.show_status(text, False)
        self.completeChanged.emit()

    def use_demo(self) -> None:
        self.demo_button.setEnabled(False)
        self.show_status(self.tr("Starting the demo company…"))

        def ready(sandbox) -> None:
            self.url.setText(sandbox.pleo_url)
            self.key.setText(sandbox.api_key)
            self.company.setText(sandbox.company_id)
            self.state.pleo["demo"] = True
            self.check()

        def failed(exc) -> None:
            self.demo_button.setEnabled(True)
            self.show_status(self.tr("The demo company could not be started: {error}").format(error=str(exc)), False)

        self.wizard().ctx.demo_sandbox(ready, failed)

    def validatePage(self) -> bool:
        if not self.isComplete() and not self.wizard().resuming:
            return False
        st = self.state
        if not self.wizard().resuming and st.pleo.get("demo") and self.url.text().strip() != st.pleo.get("base_url"):
            st.pleo["demo"] = False
        if st.auto_name and st.pleo.get("company_name") and not st.editing:
            st.name = unique_name(default_name(st), self.wizard().other_connection_names())
            self.wizard().update_draft_connection(name=st.name)
        if st.pleo_data is None:
            self.wizard().load_pleo_data()
        self.saved()
        return True

    def nextId(self) -> int:
        return self.wizard().system_page_id(self.state.system)


def default_name(st) -> str:
    """A new connection's name: the Pleo company and the ledger ("Demo Company B.V. – Odoo")."""
    company = st.pleo.get("company_name") or st.pleo.get("company_id") or ""
    ledger = systems.short_label(st.system) if st.system else ""
    return QCoreApplication.translate("wizard", "{company} – {ledger}").format(company=company, ledger=ledger) \
        if ledger else company


def journal_role_name(system: str | None, role: str) -> str:
    """The journal role's label on page 4, without its colon and type ("Journal for Pleo expenses")."""
    for r in systems.journal_roles(system):
        if r["role"] == role:
            return r["label"].split(" (")[0].rstrip(":").rstrip()
    return role


# ==================================================================================== 4 ========
_SUGGESTED = {
    "wallet": ("1100", "Pleo wallet"),
    "out_of_pocket": ("1610", "Out-of-pocket expenses payable"),
    "external_reimbursement": ("1620", "Reimbursements contra account"),
    "payable": ("1600", "Accounts payable"),
    "default": ("4999", "Uncategorised expenses"),
}
_TYPES = {"wallet": "bank", "out_of_pocket": "liability", "external_reimbursement": "liability",
          "payable": "payable", "default": "expense"}


class CreateAccountDialog(QDialog):
    def __init__(self, role: str, naming: dict, parent=None, taken=()) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Create an account"))
        code, name = _SUGGESTED.get(role, ("", ""))
        code = free_account_code(code, taken) if code else code     # as the chart writes its codes
        names = {"wallet": self.tr("Pleo wallet"), "out_of_pocket": self.tr("Out-of-pocket expenses payable"),
                 "external_reimbursement": self.tr("Reimbursements contra account"),
                 "payable": self.tr("Accounts payable"), "default": self.tr("Uncategorised expenses")}
        form = QFormLayout(self)
        form.addRow(hint(self.tr("New {account} for: {role}").format(
            account=naming.get("account", "account"), role=naming.get(role, names.get(role, role))), self))
        self.code = QLineEdit(code, self)
        self.code.setAccessibleName(self.tr("Account code"))
        self.name = QLineEdit(names.get(role, name), self)
        self.name.setAccessibleName(self.tr("Account name"))
        form.addRow(self.tr("&Code:"), self.code)
        form.addRow(self.tr("&Name:"), self.name)
        bb = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        bb.accepted.connect(self.accept)
        bb.rejected.connect(self.reject)
        form.addRow(bb)
        self.type = _TYPES.get(role, "expense")


class AccountsPage(Page):
    NAME = "accounts"

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Bank account and journals"))
        lay = QVBoxLayout(self)
        self.intro = hint("", self)
        lay.addWidget(self.intro)
        # What the connect page could not set up in the ledger, and what to do by hand.
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note.setAccessibleName(self.tr("Accounts to create by hand"))
        self.note.setStyleSheet("QLabel { color: #92400E; }")
        lay.addWidget(self.note)
        self.reload_button = QPushButton(self.tr("Read the &chart again"), self)
        self.reload_button.setAccessibleName(self.tr("Read the chart of accounts again"))
        self.reload_button.clicked.connect(self._reload_chart)
        reload_row = QHBoxLayout()
        reload_row.addWidget(self.reload_button)
        reload_row.addStretch(1)
        lay.addLayout(reload_row)
        self.note.hide()
        self.reload_button.hide()
        self.editor = ContraEditor(self, can_create=False)
        lay.addWidget(self.editor)
        # The system's journals (Odoo), when its page module asks for them.
        self.journals_box = QGroupBox(self.tr("Journals"), self)
        self.journals_form = QFormLayout(self.journals_box)
        self.journal_combos: dict[str, QComboBox] = {}
        lay.addWidget(self.journals_box)
        self.journals_box.hide()
        lay.addStretch(1)
        lay.addWidget(self.status)
        self.editor.changed.connect(self._changed)
        self.editor.create_requested.connect(self._create)

    def initializePage(self) -> None:
        naming = self.naming
        self.setSubTitle(naming["accounts_hint"])
        self.intro.setText(self.tr("Each expense is booked against one of these: card expenses against the Pleo "
                                   "wallet, expenses employees paid themselves against what the company owes them."))
        self.editor.naming = naming
        self.editor.can_create = systems.account_creator(self.state.system) is not None
        self.editor.role_types = systems.account_types(self.state.system)
        note = systems.accounts_note(self.state.system, self.state.system_settings)
        self.note.setText(note or "")
        self.note.setVisible(bool(note))
        self.reload_button.setVisible(bool(note))
        self.editor.setEnabled(False)
        self.show_status(self.tr("Reading the chart of accounts…"))
        self.wizard().load_chart(self._chart_ready, self._chart_failed)
        self._build_journals()

    # --- journals -------------------------------------------------------------------------------
    def _build_journals(self) -> None:
        roles = systems.journal_roles(self.state.system)
        clear_form(self.journals_form)
        self.journal_combos = {}
        self._journal_roles = {r["role"]: r for r in roles}
        self.journals_box.setVisible(bool(roles))
        if not roles:
            return
        for r in roles:
            combo = QComboBox(self.journals_box)
            combo.setAccessibleName(r["label"].rstrip(":"))
            combo.setEnabled(False)
            combo.currentIndexChanged.connect(lambda _i, role=r["role"]: self._journal_chosen(role))
            self.journal_combos[r["role"]] = combo
            self.journals_form.addRow(r["label"], combo)
        self.journals_reload = QPushButton(self.tr("&Read the journals again"), self.journals_box)
        self.journals_reload.clicked.connect(self._load_journals)
        self.journals_form.addRow("", self.journals_reload)
        self._load_journals()

    def _load_journals(self) -> None:
        lister = systems.journal_lister(self.state.system)
        if lister is None:
            return
        for combo in self.journal_combos.values():
            combo.setEnabled(False)
        st = self.state
        self.wizard().run_task(lambda: lister(st), self._journals_ready,
                               lambda exc: self.show_status(
                                   self.tr("The journals could not be read: {error}").format(error=str(exc)), False))

    def _journals_ready(self, rows: list[dict]) -> None:
        first_time = "journals" not in self.state.system_settings
        chosen = dict(self.state.system_settings.get("journals") or {})
        for role, combo in self.journal_combos.items():
            spec = self._journal_roles[role]
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(spec["create"] or self.tr("(none)"), None)
            candidates = [row for row in rows if row["type"] in spec["types"]]
            for row in candidates:
                combo.addItem(f"{row['code']} {row['name']}", row["id"])
            want = chosen.get(role)
            if want is None and spec.get("default_code"):
                want = spec["default_code"]          # what pleodesk would find anyway
            elif want is None and first_time and not spec["create"]:
                # the bank feed's bank journal: the only one there is, or the one named for Pleo
                named = [r for r in candidates if "pleo" in f"{r['code']} {r['name']}".lower()]
                pick = candidates if len(candidates) == 1 else named
                if len(pick) == 1:
                    want = pick[0]["id"]
            idx = next((i for i in range(1, combo.count())
                        if want is not None and (combo.itemData(i) == want or
                                                 combo.itemText(i).split(" ", 1)[0] == str(want))), 0)
            combo.setCurrentIndex(idx)
            combo.blockSignals(False)
            combo.setEnabled(True)
            self._journal_chosen(role, save=False)
        self.wizard().save_draft()

    def _journal_chosen(self, role: str, save: bool = True) -> None:
        combo = self.journal_combos.get(role)
        if combo is None:
            return
        journals = dict(self.state.system_settings.get("journals") or {})
        value = combo.currentData()
        if value is None:
            journals.pop(role, None)
        else:
            journals[role] = value
        self.state.system_settings["journals"] = journals
        # What the summary shows: the journal chosen, or what pleodesk will create.
        labels = dict(self.state.system_settings.get("journal_labels") or {})
        labels[role] = combo.currentText()
        self.state.system_settings["journal_labels"] = labels
        if save:
            self.wizard().save_draft()

    def _chart_ready(self, chart) -> None:
        st = self.state
        if "accounts" not in st.visited and st.pleo_data is not None:
            from pleodesk.ui.wizard.state import match_contra

            # What the system's page set up for a purpose first (Xero's Pleo bank account), then by name.
            active = {c for c, a in chart.accounts.items() if a.active}
            for role, code in systems.suggested_accounts(st.system, st.system_settings).items():
                if code not in active:
                    continue
                if role == "default":
                    st.mappings.default_account = st.mappings.default_account or code
                elif role in {r.value for r in ContraRole} and ContraRole(role) not in st.mappings.contra \
                        and code not in st.mappings.contra.values():
                    st.mappings.contra[ContraRole(role)] = code
            types = systems.account_types(st.system)
            for role in ContraRole:
                if role not in st.mappings.contra:
                    code = match_contra(role, chart, st.pleo_data.accounts)
                    if types.get(role.value) and code and chart.accounts[code].type not in types[role.value]:
                        code = None            # not a kind of account the system can use for it
                    if code and code not in st.mappings.contra.values():
                        st.mappings.contra[role] = code
        elif "accounts" not in st.visited:
            self.wizard().load_pleo_data(lambda _d: self._chart_ready(chart))
        if st.pleo_data is not None:
            self.mark_visited()
        self.editor.set_data(chart, st.mappings)
        self.editor.setEnabled(True)
        self.reload_button.setEnabled(True)
        n = len([a for a in chart.accounts.values() if a.active])
        self.show_status(self.tr("%n account(s) in the ledger.", "", n), True)
        self._after_rebuild(self.completeChanged.emit)

    def _chart_failed(self, exc) -> None:
        self.reload_button.setEnabled(True)
        self.show_status(self.tr("The chart of accounts could not be read: {error}").format(error=str(exc)), False)

    def _reload_chart(self) -> None:
        """After creating accounts in the ledger by hand: read its chart again."""
        self.reload_button.setEnabled(False)
        self.editor.setEnabled(False)
        self.show_status(self.tr("Reading the chart of accounts…"))
        self.wizard().forget_chart()
        self.wizard().load_chart(self._chart_ready, self._chart_failed)

    def _changed(self) -> None:
        self.completeChanged.emit()
        self.wizard().save_draft()

    def _after_rebuild(self, fn) -> None:
        """Run ``fn`` (which makes the wizard update its buttons) once the event loop has shown the
        editor's new rows and dropped the old ones: doing it in the same breath crashed Qt now and
        then (QWidgetRepaintManager, while the wizard hid a button)."""
        QTimer.singleShot(0, self, fn)

    def _create(self, role: str) -> None:
        creator = systems.account_creator(self.state.system)
        if creator is None:
            return
        dlg = CreateAccountDialog(role, self.naming, self,
                                  taken=self.state.chart.accounts if self.state.chart is not None else ())
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        code, name = dlg.code.text().strip(), dlg.name.text().strip()
        if not code or not name:
            return
        st = self.state

        def done(acc) -> None:
            if role == "default":
                st.mappings.default_account = acc.code
            else:
                st.mappings.contra[ContraRole(role)] = acc.code
            self.editor.set_data(st.chart, st.mappings)
            self.show_status(self.tr("Created {code} {name}.").format(code=acc.code, name=acc.name), True)
            self._after_rebuild(self._changed)

        self.wizard().run_task(lambda: creator(st, code, name, dlg.type), done,
                               lambda exc: self.show_status(str(exc), False))

    def isComplete(self) -> bool:
        return ContraRole.WALLET in self.state.mappings.contra and self.editor.isEnabled()

    def validatePage(self) -> bool:
        if not self.isComplete() and not self.wizard().resuming:
            return False
        self.saved()
        return True

    def nextId(self) -> int:
        return ID_CATEGORIES


# ==================================================================================== 5 ========
class CategoriesPage(Page):
    NAME = "categories"

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Categories"))
        self.setSubTitle(self.tr("Each Pleo category goes to a ledger account, with a tax code when Pleo sends "
                                 "none. Expenses in a category that is not mapped wait until it is; nothing is "
                                 "lost."))
        lay = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.categories = CategoryTable(self.tabs)
        self.taxes = TaxTable(self.tabs)
        self.tabs.addTab(self.categories, self.tr("&Categories"))
        self.tabs.addTab(self.taxes, self.tr("&VAT codes"))
        lay.addWidget(self.tabs, 1)
        # A ledger without a 0 % purchase tax (Odoo's Dutch chart): the system may create it for Pleo's 0 %
        self.create_tax_button = QPushButton(self.tr("Create a 0 % purchase &tax in the ledger"), self)
        self.create_tax_button.setToolTip(self.tr("For Pleo's 0 % VAT codes: the ledger has no purchase tax of 0 %. "
                                                  "pleodesk creates one and maps them to it."))
        self.create_tax_button.clicked.connect(self._create_zero_tax)
        self.create_tax_button.setVisible(False)
        lay.addWidget(self.create_tax_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.status)
        self.categories.changed.connect(self._changed)
        self.taxes.changed.connect(self._changed)
        self.categories.set_auto_matcher(lambda: auto_match(self.state))

    def _zero_taxes_to_create(self) -> list[str]:
        """Pleo's 0 % tax codes (not reverse charge) that are not mapped, when the system can create the 0 %
        purchase tax its chart lacks (Odoo: none named ``0%``; 16's 0 % taxes are intra-EU imports)."""
        st = self.state
        if systems.tax_creator(st.system) is None or st.pleo_data is None or st.chart is None:
            return []
        if not systems.tax_missing(st.system, st.chart):
            return []
        return [t["key"] for t in st.pleo_data.taxes()
                if str(t.get("type")) != "reverse" and _is_zero(t.get("rate")) and t["key"] not in st.mappings.taxes]

    def _update_create_tax(self) -> None:
        keys = self._zero_taxes_to_create()
        self.create_tax_button.setVisible(bool(keys))
        self.create_tax_button.setEnabled(bool(keys))

    def _create_zero_tax(self) -> None:
        creator = systems.tax_creator(self.state.system)
        keys = self._zero_taxes_to_create()
        if creator is None or not keys:
            return
        st = self.state
        self.create_tax_button.setEnabled(False)
        self.show_status(self.tr("Creating the 0 % purchase tax in the ledger…"))

        def done(tax) -> None:
            for key in keys:
                st.mappings.taxes[key] = tax.code
            self.taxes.set_data(st.pleo_data.taxes(), st.chart, st.mappings)
            self.categories.set_data(st.pleo_data.categories(), st.chart, st.mappings)
            self._update_create_tax()
            self.wizard().save_draft()
            self.show_status(self.tr("Created the tax {code} in the ledger; Pleo's {keys} now go to it.").format(
                code=tax.code, keys=", ".join(keys)), True)

        def failed(exc) -> None:
            self._update_create_tax()
            self.show_status(str(exc), False)

        self.wizard().run_task(lambda: creator(st, "0% excl"), done, failed)

    def initializePage(self) -> None:
        self.tabs.setEnabled(False)
        self.completeChanged.emit()          # Next waits until the tables are there
        self.show_status(self.tr("Reading Pleo's categories and the ledger's accounts…"))
        wiz = self.wizard()
        wiz.load_pleo_data(lambda _d: wiz.load_chart(self._ready, self._failed), self._failed)

    def _ready(self, chart) -> None:
        st = self.state
        if "categories" not in st.visited:
            auto_match(st)
            self.mark_visited()
            self.wizard().save_draft()
        naming = self.naming
        self.categories.table.setHorizontalHeaderLabels([
            self.tr("Pleo category"), self.tr("Name shown to employees"), cap(naming["account"]),
            cap(naming["tax"])])
        self.categories.set_data(st.pleo_data.categories(), chart, st.mappings)
        self.taxes.set_data(st.pleo_data.taxes(), chart, st.mappings)
        self._update_create_tax()
        self.tabs.setEnabled(True)
        self._counts()
        self.completeChanged.emit()

    def _failed(self, exc) -> None:
        self.show_status(self.tr("Could not read the categories: {error}").format(error=str(exc)), False)

    def _counts(self) -> None:
        mapped, unmapped = self.categories.counts_tuple()
        if unmapped:
            self.show_status(self.tr("%n of {total} categories not mapped yet; their expenses will be "
                                     "held until they are.", "", unmapped).format(total=mapped + unmapped), None)
        else:
            self.show_status(self.tr("All {total} categories are mapped.").format(total=mapped), True)

    def _changed(self) -> None:
        self._counts()
        self._update_create_tax()
        self.wizard().save_draft()

    def isComplete(self) -> bool:
        return self.tabs.isEnabled() or bool(getattr(self.wizard(), "resuming", False))

    def validatePage(self) -> bool:
        if not self.tabs.isEnabled() and not self.wizard().resuming:
            return False
        self.saved()
        return True

    def nextId(self) -> int:
        return ID_LABELS


# ==================================================================================== 6 ========
class LabelsPage(Page):
    NAME = "labels"

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Labels"))
        lay = QVBoxLayout(self)
        self.editor = TagEditor(self)
        lay.addWidget(self.editor, 1)
        lay.addWidget(self.status)
        self.editor.changed.connect(lambda: self.wizard().save_draft())

    def initializePage(self) -> None:
        naming = self.naming
        self._subtitle()
        self.editor.naming = naming
        self.editor.group_table.setHorizontalHeaderLabels([self.tr("Pleo tag group"),
                                                           cap(naming["dimension"])])
        self.editor.setEnabled(False)
        wiz = self.wizard()
        wiz.load_pleo_data(lambda _d: wiz.load_chart(self._ready, self._failed), self._failed)

    def _subtitle(self) -> None:
        from pleodesk.ui.wizard.state import max_tag_groups

        n = max_tag_groups(self.state)
        self.setSubTitle(self.tr("Pleo's tag groups can go to the ledger as {dimensions}, at most %n. Choose one for "
                                 "each group you want to see in the ledger; each tag then becomes one of its "
                                 "values (missing ones can be created).", "", n).format(
            dimensions=self.naming["dimensions"]))
        self.editor.max_groups = n

    def _ready(self, chart) -> None:
        st = self.state
        data = st.pleo_data
        self._subtitle()                 # the ledger's limit is known once its capabilities are read
        can = systems.can_create_dimension_values(st.system, st.capabilities)
        self.editor.set_value_creator(self._create_values if can else None)
        self.editor.set_data(data.active_groups(), data.tags, chart, st.mappings)
        self.editor.setEnabled(True)
        if not data.active_groups():
            self.show_status(self.tr("This Pleo company has no tag groups; there is nothing to map."), True)
        elif not chart.dimensions:
            self.show_status(self.tr("The ledger has no {dimensions}; tags will not be exported.").format(
                dimensions=self.naming["dimensions"]), None)
        else:
            self.show_status("")

    def _failed(self, exc) -> None:
        self.show_status(str(exc), False)

    def _create_values(self, dimension: str, values: list[str], done) -> None:
        """The editor's "Create the missing values": in the ledger, off the GUI thread."""
        st = self.state
        self.show_status(self.tr("Creating %n value(s) in {dimension}…", "", len(values)).format(dimension=dimension))

        def created(chart) -> None:
            self.wizard().forget_chart()
            self.show_status(self.tr("Created %n value(s) in {dimension}; the tags are mapped to them.", "",
                                     len(values)).format(dimension=dimension), True)
            done(chart)
            self.wizard().save_draft()

        def failed(exc) -> None:
            fix = getattr(exc, "fix", "")
            self.show_status(self.tr("The values were not created: {error}").format(
                error=" ".join(x for x in (str(exc), fix) if x)), False)
            done(None)

        self.wizard().run_task(lambda: systems.create_dimension_values(st, dimension, values), created, failed)

    def validatePage(self) -> bool:
        self.saved()
        return True

    def nextId(self) -> int:
        return ID_OPTIONS


# ==================================================================================== 7 ========
class OptionsPage(Page):
    NAME = "options"

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Export options"))
        self.setSubTitle(self.tr("How expenses are booked, and how often pleodesk looks for new ones."))
        lay = QVBoxLayout(self)
        self.kinds_box = QGroupBox(self.tr("Book expenses as"), self)
        self.kinds_form = QFormLayout(self.kinds_box)
        self.kind_combos: dict[str, QComboBox] = {}
        lay.addWidget(self.kinds_box)
        box = QGroupBox(self.tr("Exporting"), self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.posted = QRadioButton(self.tr("&Posted (final)"), self)
        self.draft = QRadioButton(self.tr("D&rafts, to check and post in the ledger"), self)
        self.draft_group = QButtonGroup(self)
        self.draft_group.addButton(self.posted)
        self.draft_group.addButton(self.draft)
        row = QHBoxLayout()
        row.addWidget(self.posted)
        row.addWidget(self.draft)
        row.addStretch(1)
        self.draft_label = QLabel(self.tr("Create entries as:"), self)
        form.addRow(self.draft_label, row)
        self.receipts = QCheckBox(self.tr("Export &receipts and other attachments"), self)
        self.topups = QCheckBox(self.tr("&Ignore Pleo wallet top-ups (book them yourself)"), self)
        form.addRow(self.receipts)
        form.addRow(self.topups)
        self.interval = QSpinBox(self)
        self.interval.setRange(sch.MIN_QUEUE_MINUTES, sch.MAX_QUEUE_MINUTES)
        self.interval.setSuffix(self.tr(" minutes"))
        self.interval.setAccessibleName(self.tr("Export queue interval in minutes"))
        interval_label = QLabel(self.tr("Check the export &queue every:"), self)
        interval_label.setBuddy(self.interval)
        form.addRow(interval_label, self.interval)
        form.addRow(hint(self.tr("Expenses someone queues for export in Pleo are sent this often. "
                                 "5 minutes is recommended."), self))
        lay.addWidget(box)
        sched_box = QGroupBox(self.tr("Scheduled syncs (optional)"), self)
        sl = QVBoxLayout(sched_box)
        self.schedule = ScheduleEditor(sched_box)
        sl.addWidget(self.schedule)
        lay.addWidget(sched_box)
        lay.addStretch(1)
        lay.addWidget(self.status)
        self.schedule.changed.connect(self.completeChanged)

    def initializePage(self) -> None:
        st = self.state
        o = st.options
        kinds = systems.object_kinds(st.system)
        clear_form(self.kinds_form)
        self.kind_combos.clear()
        names = {"card": self.tr("Card expenses:"), "reimbursement": self.tr("Out-of-pocket expenses:")}
        chosen = o.get("object_kinds") or {}
        for group, choices in kinds.items():
            if len(choices) < 2:
                continue
            combo = QComboBox(self)
            for value, label in choices:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen.get(group))))
            combo.setAccessibleName(names.get(group, group))
            self.kinds_form.addRow(names.get(group, group), combo)
            self.kind_combos[group] = combo
        self.kinds_box.setVisible(bool(self.kind_combos))
        caps = st.capabilities
        can_draft = bool(getattr(caps, "draft", False))
        self.posted.setChecked(bool(o.get("post", True)) or not can_draft)
        self.draft.setChecked(not self.posted.isChecked())
        for w in (self.posted, self.draft, self.draft_label):
            w.setVisible(can_draft)
        self.receipts.setChecked(bool(o.get("export_receipts", True)))
        self.topups.setChecked(bool(o.get("ignore_wallet_topups", False)))
        self.interval.setValue(sch.clamp_interval(o.get("queue_interval_minutes", sch.DEFAULT_QUEUE_MINUTES)))
        self.schedule.set_schedule(st.schedule)

    def isComplete(self) -> bool:
        return not self.schedule.problems()

    def validatePage(self) -> bool:
        st = self.state
        o = st.options
        o["post"] = self.posted.isChecked()
        o["export_receipts"] = self.receipts.isChecked()
        o["ignore_wallet_topups"] = self.topups.isChecked()
        o["queue_interval_minutes"] = self.interval.value()
        if self.kind_combos:
            o["object_kinds"] = {g: c.currentData() for g, c in self.kind_combos.items()}
        st.schedule = self.schedule.schedule()
        self.saved()
        return True

    def nextId(self) -> int:
        return ID_FEED


# ==================================================================================== 8 ========
class FeedPage(Page):
    NAME = "feed"

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Bank feed"))
        self.setSubTitle(self.tr("The bank feed puts every Pleo card payment on the statement of the Pleo bank "
                                 "account in the ledger, twice a day, so the balance matches Pleo's."))
        lay = QVBoxLayout(self)
        self.enabled = QCheckBox(self.tr("&Send the Pleo bank feed"), self)
        self.enabled.setAccessibleName(self.tr("Bank feed"))
        lay.addWidget(self.enabled)
        self.times = QLabel(self)
        self.times.setWordWrap(True)
        lay.addWidget(self.times)
        self.how = hint(self.tr("How feed and export meet: the feed adds each payment to the Pleo bank account's "
                                "statement, the export books the same payment with its category and VAT against "
                                "that bank account, and both carry the same reference (PLEO- and the expense id), so you match "
                                "them in reconciliation and nothing is booked twice."), self)
        lay.addWidget(self.how)
        self.note = hint("", self)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.note)
        self.unsupported = hint("", self)
        lay.addWidget(self.unsupported)
        lay.addStretch(1)

    def initializePage(self) -> None:
        st = self.state
        caps = st.capabilities
        feed_ok = bool(getattr(caps, "feed", False))
        problem = systems.feed_problem(st.system, st.system_settings) if feed_ok else None
        self.enabled.setEnabled(feed_ok and problem is None)
        # On by default where it works, as Pleo's own feed is; what the user chose once is kept.
        wanted = bool(st.options.get("bank_feed", False)) if self.NAME in st.visited else True
        self.enabled.setChecked(feed_ok and problem is None and wanted)
        local = clock.local_now().tzinfo
        pairs = sch.local_feed_times(local)
        utc_text = " " + self.tr("and") + " "
        self.times.setText(self.tr("Sent every day at {utc} UTC ({local} your time).").format(
            utc=utc_text.join(fmt.clock(u) for u, _ in pairs),
            local=utc_text.join(fmt.clock(loc) for _, loc in pairs)))
        self.unsupported.setText(problem or ("" if feed_ok else self.tr(
            "{system} does not take a bank feed from pleodesk.").format(system=systems.label(st.system))))
        self.unsupported.setVisible(not feed_ok or problem is not None)
        note = systems.feed_note(st.system, st.system_settings) if feed_ok else None
        self.note.setText(note or "")
        self.note.setVisible(bool(note))

    def validatePage(self) -> bool:
        self.state.options["bank_feed"] = self.enabled.isChecked()
        self.saved()
        return True

    def nextId(self) -> int:
        return ID_SUMMARY


# ==================================================================================== 9 ========
def last_full_month(today: date | None = None) -> str:
    today = today or clock.today()
    y, m = today.year, today.month - 1
    if m == 0:
        y, m = y - 1, 12
    return f"{y:04d}-{m:02d}"


class SummaryPage(Page):
    NAME = "summary"

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Summary"))
        self.setSubTitle(self.tr("Check the answers, then save. pleodesk checks Pleo and the ledger once more "
                                 "before it saves anything."))
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Connection name"))
        self.name.setMaxLength(MAX_NAME_LENGTH)
        name_label = QLabel(self.tr("Connection &name:"), self)
        name_label.setBuddy(self.name)
        form.addRow(name_label, self.name)
        lay.addLayout(form)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAccessibleName(self.tr("Summary of the setup"))
        lay.addWidget(self.summary)
        self.export_now = QCheckBox(self)
        lay.addWidget(self.export_now)
        lay.addStretch(1)
        lay.addWidget(self.status)
        self.name.textEdited.connect(self._name_edited)
        self._saved = False

    def _name_edited(self, text: str) -> None:
        self.state.auto_name = False
        self.completeChanged.emit()

    def initializePage(self) -> None:
        st = self.state
        self.name.setText(st.name)
        month = last_full_month()
        y, m = int(month[:4]), int(month[5:])
        self.export_now.setText(self.tr("&Export {month} right after saving").format(month=fmt.month_name(y, m)))
        self.export_now.setProperty("month", month)
        self.export_now.setVisible(not st.editing)
        self._saved = False
        self.wizard().setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Save"))
        self._render()

    def _render(self) -> None:
        import html

        st = self.state
        naming = self.naming
        mapped, unmapped = st.category_counts()
        chart = st.chart
        rows = [
            (self.tr("Accounting system"), systems.label(st.system)),
            (self.tr("Pleo company"), (st.pleo.get("company_name") or st.pleo.get("company_id") or "")
             + (" " + self.tr("(demo)") if st.pleo.get("demo") else "")),
        ]
        ss = st.system_settings
        if st.system == "journal_file":
            rows.append((self.tr("Journal folder"), ss.get("folder", "")))
        if ss.get("company_name") or ss.get("company_id"):
            rows.append((self.tr("Company in the ledger"), ss.get("company_name") or str(ss["company_id"])))
        if ss.get("tenant_name") or ss.get("tenant_id"):
            rows.append((self.tr("Xero organisation"), ss.get("tenant_name") or ss["tenant_id"]))
        for role, text in (ss.get("journal_labels") or {}).items():
            rows.append((self.tr("Journal ({role})").format(role=journal_role_name(st.system, role)), text))

        def account(code: str | None) -> str:
            if not code:
                return self.tr("none")
            return f"{code} {chart.accounts[code].name}" if chart and code in chart.accounts else code

        for role in ContraRole:
            code = st.mappings.contra.get(role)
            if code or role is ContraRole.WALLET:
                rows.append((naming[role.value], account(code)))
        rows.append((self.tr("Categories"), self.tr("{mapped} mapped, {unmapped} not mapped").format(
            mapped=mapped, unmapped=unmapped)))
        rows.append((self.tr("Tag groups"), self.tr("%n exported as {dimensions}", "", len(st.mappings.tag_groups)).format(
            dimensions=naming["dimensions"])))
        o = st.options
        kinds = systems.object_kinds(st.system)
        groups = {"card": self.tr("Card expenses booked as"), "reimbursement": self.tr("Out-of-pocket expenses booked as")}
        for group, choices in kinds.items():
            value = (o.get("object_kinds") or {}).get(group) or (choices[0][0] if choices else "")
            rows.append((groups.get(group, group), dict(choices).get(value, value)))
        rows.append((self.tr("Entries"), self.tr("posted") if o.get("post", True) else self.tr("drafts")))
        rows.append((self.tr("Wallet top-ups"), self.tr("not exported") if o.get("ignore_wallet_topups")
                     else self.tr("exported")))
        rows.append((self.tr("Receipts"), self.tr("exported") if o.get("export_receipts", True)
                     else self.tr("not exported")))
        rows.append((self.tr("Export queue"), self.tr("every %n minute(s)", "", int(o.get("queue_interval_minutes", 5)))))
        rows.append((self.tr("Bank feed"), self.tr("on") if o.get("bank_feed") else self.tr("off")))
        if st.schedule:
            freq = self.tr("daily") if st.schedule["frequency"] == "daily" else self.tr("monthly")
            auto = self.tr("automatic") if st.schedule.get("automatic", True) else self.tr("manual only")
            rows.append((self.tr("Scheduled sync"), f"{freq}, {auto}"))
        body = "".join(f"<tr><td style='padding-right:16px; color:#475569'>{html.escape(k)}</td>"
                       f"<td><b>{html.escape(str(v))}</b></td></tr>" for k, v in rows)
        problems = st.problems()
        extra = ""
        if problems:
            extra = "<p style='color:#B91C1C'>" + "<br>".join(html.escape(p) for p in problems) + "</p>"
        self.summary.setText(f"<table>{body}</table>{extra}")

    def isComplete(self) -> bool:
        return bool(self.name.text().strip()) and not self.state.problems()

    def nextId(self) -> int:
        return -1

    def _name_problem(self, exc: ConnectionNameError) -> str:
        """The shared name rule (pleodesk.core.names), in the user's language."""
        if exc.kind == "too_long":
            return self.tr("The connection name is too long: use at most {n} characters.").format(n=MAX_NAME_LENGTH)
        if exc.kind == "invisible":
            return self.tr("The connection name contains {char}, which cannot be shown as text: use letters, "
                           "digits, spaces and punctuation only.").format(char=describe(exc.char))
        return self.tr("The connection needs a name.")

    def validatePage(self) -> bool:
        if self._saved:
            return True
        wiz = self.wizard()
        st = self.state
        try:
            new_name = check_connection_name(self.name.text())
        except ConnectionNameError as exc:
            self.show_status(self._name_problem(exc), False)
            return False
        taken = {n.casefold() for n in wiz.other_connection_names()}
        if new_name.casefold() in taken:
            self.show_status(self.tr("Another connection is already called {name}.").format(name=new_name), False)
            return False
        st.name = new_name
        wiz.set_busy(True)
        self.show_status(self.tr("Checking Pleo and the ledger, then saving…"))

        def saved(conn) -> None:
            self._saved = True
            wiz.set_busy(False)
            wiz.saved_connection = conn
            wiz.export_month = self.export_now.property("month") if (self.export_now.isVisible() and
                                                                    self.export_now.isChecked()) else None
            self.show_status(self.tr("Saved."), True)
            wiz.accept()

        def failed(exc) -> None:
            from pleodesk.secrets import SecretStoreUnavailable

            wiz.set_busy(False)
            problems = getattr(exc, "problems", None)
            if isinstance(exc, SecretStoreUnavailable):
                self.show_status(keyring_problem_text(exc.problem), False)
            elif problems:
                self.show_status(self.tr("Not saved yet. Fix this first:") + "\n• " + "\n• ".join(problems), False)
            else:
                self.show_status(self.tr("Not saved: {error}").format(error=str(exc)), False)

        wiz.finish_setup(saved, failed)
        return False


def _is_zero(rate) -> bool:
    from decimal import Decimal, InvalidOperation

    try:
        return Decimal(str(rate)) == 0
    except (InvalidOperation, TypeError):
        return False
