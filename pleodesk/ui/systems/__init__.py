"""Per-system "connect" pages of the setup wizard: one plugin module per accounting system.

The plugin contract
===================

An accounting system ``<system>`` (its id in ``pleodesk.connections.SYSTEMS``, e.g. ``odoo``) gets
its wizard page from a module ``pleodesk/ui/systems/<system>.py``. The wizard offers a system only
when both exist: the provider module (see docs/providers.md) and this page module. The module
exposes:

``ConnectPage``  (required) a subclass of :class:`SystemPage` (itself a ``QWizardPage``), built
    with no arguments except an optional ``parent``. It is page 3 of the wizard, between "Connect
    Pleo" and "Bank account and journals". It must:

    * in ``initializePage()``: fill its fields from ``self.state.system_settings`` (the wizard may
      be resuming after a close, or editing an existing connection);
    * in ``isComplete()``: say whether the required fields are filled (emit ``completeChanged``
      when that changes);
    * in ``validatePage()``: check the connection **off the GUI thread** (``self.run_task(fn,
      on_done, on_error)``: ``fn`` runs on a pool thread, the callbacks on the GUI thread; return
      False meanwhile and call ``self.finish_validation()`` once the check has passed, which
      advances the wizard), then store its answers with ``self.save(settings, secrets, chart)``:

      - ``settings``: a dict **without secrets** that ``providers.<system>.create_provider(conn)``
        reads from ``conn.settings`` (URL, database, company id, folder, ...);
      - ``secrets``: ``{what: value}``; each goes to the keyring (off the GUI thread) as
        ``connections.ledger_secret_name(conn_id, what)`` (the wizard keeps only the names);
        ``finish_validation()`` waits until they are stored, and a keyring that refuses them keeps
        the page open with its message. Stored ones are read with ``self.wizard().ledger_secrets()``
        (no keyring call: they were read once, off the GUI thread);
      - ``chart``: the ledger's ``LedgerChart`` if the page already read it, else ``None`` (the
        wizard then calls ``provider.read_chart()`` itself, off the GUI thread).

    A page that waits for something outside pleodesk (a browser sign-in) offers a button to stop
    waiting and overrides ``stop_waiting()``, which the wizard calls when it is cancelled or closed.

    Every user-visible string goes through ``self.tr("literal")``, or, outside a class,
    ``QCoreApplication.translate("<system>", "literal")`` with both arguments written out: a helper
    such as ``_t(text)`` hides the strings from ``pyside6-lupdate``, so they are never translated.
    After adding or changing strings run ``scripts/build_translations.py --update`` and translate the
    new entries in ``resources/i18n/*.ts`` (a test fails while the .ts files lack a string). Give
    inputs an accessible name and a label with a mnemonic (``&Folder``). Errors are shown in plain
    words with ``self.show_status``.

``LABEL``  (optional) a function returning the system's name for the list on the welcome page,
    translated; default: the provider's ``LABEL``.

``SHORT_LABEL``  (optional) a function returning a short name of the system for names made up of it
    (a new connection is called "<Pleo company> – <short label>"); default: ``LABEL``.

``DESCRIPTION``  (optional) a function returning one translated sentence shown under the name.

``naming()``  (optional) a function returning the system's own words, translated, for the generic
    pages; any key may be left out (:func:`default_naming` fills it in): ``account`` (ledger account),
    ``tax`` (tax code), ``dimension`` / ``dimensions`` (what tag groups map to: tracking category,
    class, analytic plan...), ``wallet``, ``out_of_pocket``, ``external_reimbursement``, ``payable``
    (the counter-account roles, as the system's help calls them), ``accounts_hint`` (one sentence on
    page 4 saying where these live in the system).

``create_account(state, code, name, type) -> LedgerAccount``  (optional) create a ledger account
    from page 4 ("Create..."). Called off the GUI thread; must also update ``state.chart`` (use
    ``state.set_chart``). Without it page 4 only lets the user choose existing accounts.

``create_tax(state, key) -> LedgerTax`` and ``tax_missing(chart) -> bool``  (optional) create the 0 %
    purchase tax ``key`` (``"0% excl"``) in the ledger, for a chart that lacks one (Odoo's Dutch chart;
    ``tax_missing`` says whether it does). Called off the GUI thread; must also update ``state.chart``.
    With them the Categories page offers "Create a 0 % purchase tax" while Pleo's 0 % tax codes are
    not mapped and the chart lacks it.

``suggested_accounts(settings) -> {role: code}``  (optional) accounts the connect page set up for a
    purpose (e.g. the Pleo bank account it created), by role: ``wallet``, ``out_of_pocket``,
    ``external_reimbursement``, ``payable`` or ``default`` (lines without a category). Page 4 proposes
    them, when they are active in the chart, before it guesses the others by name; what the user
    already chose is kept.

``account_types() -> {role: {type, ...}}``  (optional) the ledger account types (``LedgerAccount.type``:
    ``bank``, ``liability``, ...) page 4 offers for a role; other roles offer every account. An
    account already chosen is always shown.

``settings_for_accounts(settings, mappings) -> dict``  (optional) the connection settings that the
    accounts chosen on page 4 (``mappings.contra``, ``mappings.default_account``) imply, for a
    provider that reads them from its settings (e.g. the bank account its bank feed goes to). The
    wizard adds them to the connection's settings; the Mappings dialog stores them with the mappings.

``accounts_note(settings) -> str | None``  (optional) what the connect page could not set up and what to
    do by hand (translated), shown on page 4 with a button to read the chart again; or None.

``OBJECT_KINDS``  (optional) a function returning ``{expense group: [(value, label), ...]}`` with
    expense groups ``"card"`` and ``"reimbursement"`` when the system can book an expense as
    different objects (journal entry, bank transaction, vendor bill); page 7 then offers a choice,
    stored as ``settings["object_kinds"][group]``.

``JOURNAL_ROLES()``  (optional) a function returning the journals page 4 asks for, one dict per
    role: ``role`` (the key in ``settings["journals"]``), ``label`` (translated, for the form),
    ``types`` (the journal types allowed), ``default_code`` (the journal pleodesk finds or creates
    when none is chosen, or None) and ``create`` (the translated choice "create it", or None: the
    role is then optional and its empty choice means "none"). With it comes
    ``list_journals(state) -> [{"id", "code", "name", "type"}]``, called off the GUI thread.

``feed_problem(settings) -> str | None``  (optional) why the bank feed cannot be turned on with
    these settings (translated, with what to do), or None. Page 8 and the Settings tab then keep the
    feed off and show it.

``create_dimension_values(state, dimension, values) -> LedgerChart``  (optional) create ``values`` in the
    ledger's ``dimension`` for Pleo's tags that have none (the Labels page's "Create the missing
    values"), off the GUI thread, and update ``state.chart``. Without it the provider's own
    ``create_dimension_values`` is used when its capabilities say it has one (Odoo's analytic accounts,
    Xero's tracking options).

``feed_files(settings) -> (folder, newest file or None) | None``  (optional) for a bank feed written to
    statement files to import by hand: where they are and the newest one. The Settings tab then offers
    "Open folder" and, with ``feed_import_url(settings) -> str | None``, "Import in <system>" (the
    ledger's import page in the browser, the file highlighted in the file manager); the app tells when a
    new file is ready.

``ReconnectPanel``  (optional) a ``QWidget`` subclass, built as ``ReconnectPanel(conn, required,
    parent)``, that the main window's Reconnect dialog shows when the ledger refused the stored
    credentials (a revoked API key, a sign-in the ledger ended). It asks for new ones for the *same*
    company or organisation; ``required`` is False when it is not clear which side failed (the panel
    is then optional and the dialog also asks for a Pleo key). It has:

    * ``pending() -> bool``: whether it has something to do when the user presses Reconnect;
    * ``reconnect(done, failed)``: check and store the new credentials **off the GUI thread**
      (``pleodesk.ui.tasks.run_task``; secrets to the keyring as the connect page does), then call
      ``done(settings)`` on the GUI thread with the settings to merge into the connection's (may be
      empty), or ``failed(message)`` with what went wrong in plain words (nothing is changed then);
    * ``cancel()``: stop a reconnect under way (a browser sign-in); the dialog calls it when closed.

    Without it the dialog only asks for a new Pleo API key and checks the ledger as it is.

``disconnect(conn) -> list[str]``  (optional) called off the GUI thread when a connection is deleted,
    before its keyring entries are removed: end the connection in the ledger too (e.g. remove the
    app's access and revoke its token). Returns what could not be done, in plain words (translated);
    raising means the ledger could not be reached. The connection is deleted in either case and the
    user is told what to do by hand.

``feed_note(settings) -> str | None``  (optional) one or two translated sentences that page 8 ("Bank
    feed") shows about how the feed works for this system (e.g. a statement file to import by hand),
    or None.

``troubleshooting(conn, store) -> str | None``  (optional) for the Problems tab: what the exports and the
    feed created in the ledger, with links, so the user can find it there (HTML, translated), or None.
    Called off the GUI thread.

A system without a page module is simply not offered in the wizard (it can still be set up with
``pleodesk setup --file``).
"""

from __future__ import annotations

import importlib
import logging
from types import ModuleType
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWizardPage

log = logging.getLogger(__name__)



def default_naming() -> dict[str, str]:
    return {
        "account": QCoreApplication.translate("systems", "ledger account"),
        "tax": QCoreApplication.translate("systems", "tax code"),
        "dimension": QCoreApplication.translate("systems", "dimension"),
        "dimensions": QCoreApplication.translate("systems", "dimensions"),
        "wallet": QCoreApplication.translate("systems", "Pleo wallet (the Pleo bank account)"),
        "out_of_pocket": QCoreApplication.translate("systems", "Out-of-pocket expenses owed to employees"),
        "external_reimbursement": QCoreApplication.translate("systems", "Reimbursements paid outside Pleo"),
        "payable": QCoreApplication.translate("systems", "Accounts payable (vendor bills)"),
        "accounts_hint": QCoreApplication.translate("systems", "Choose the accounts Pleo's money moves through. Only the Pleo wallet is required."),
    }


def plugin(system: str) -> ModuleType | None:
    """The page module of ``system``, or None when there is none (or it fails to import)."""
    try:
        return importlib.import_module(f"pleodesk.ui.systems.{system}")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith(f"pleodesk.ui.systems.{system}"):
            return None
        log.exception("the wizard page of %s could not be loaded", system)
        return None
    except Exception:  # noqa: BLE001 - a broken plugin must not break the wizard
        log.exception("the wizard page of %s could not be loaded", system)
        return None


def available() -> dict[str, ModuleType]:
    """System id -> page module, for the systems that have both a provider and a page."""
    from pleodesk.connections import SYSTEMS

    out = {}
    for system in SYSTEMS:
        mod = plugin(system)
        if mod is not None and hasattr(mod, "ConnectPage"):
            out[system] = mod
    return out


def label(system: str) -> str:
    mod = plugin(system)
    fn = getattr(mod, "LABEL", None) if mod else None
    if callable(fn):
        return fn()
    from pleodesk.connections import SYSTEMS

    return SYSTEMS.get(system, system)


def short_label(system: str) -> str:
    mod = plugin(system)
    fn = getattr(mod, "SHORT_LABEL", None) if mod else None
    return fn() if callable(fn) else label(system)


def description(system: str) -> str:
    mod = plugin(system)
    fn = getattr(mod, "DESCRIPTION", None) if mod else None
    return fn() if callable(fn) else ""


def naming(system: str | None) -> dict[str, str]:
    out = default_naming()
    mod = plugin(system) if system else None
    fn = getattr(mod, "naming", None) if mod else None
    if callable(fn):
        out.update({k: v for k, v in fn().items() if v})
    return out


def object_kinds(system: str | None) -> dict[str, list[tuple[str, str]]]:
    mod = plugin(system) if system else None
    fn = getattr(mod, "OBJECT_KINDS", None) if mod else None
    return fn() if callable(fn) else {}


def suggested_accounts(system: str | None, settings: dict[str, Any]) -> dict[str, str]:
    mod = plugin(system) if system else None
    fn = getattr(mod, "suggested_accounts", None) if mod else None
    if not callable(fn):
        return {}
    return {role: str(code) for role, code in (fn(settings) or {}).items() if code}


def account_types(system: str | None) -> dict[str, set[str]]:
    mod = plugin(system) if system else None
    fn = getattr(mod, "account_types", None) if mod else None
    return {role: set(types) for role, types in (fn() or {}).items()} if callable(fn) else {}


def settings_for_accounts(system: str | None, settings: dict[str, Any], mappings) -> dict[str, Any]:
    mod = plugin(system) if system else None
    fn = getattr(mod, "settings_for_accounts", None) if mod else None
    return dict(fn(settings or {}, mappings) or {}) if callable(fn) else {}


def accounts_note(system: str | None, settings: dict[str, Any]) -> str | None:
    mod = plugin(system) if system else None
    fn = getattr(mod, "accounts_note", None) if mod else None
    return fn(settings or {}) if callable(fn) else None


def account_creator(system: str | None) -> Callable | None:
    mod = plugin(system) if system else None
    fn = getattr(mod, "create_account", None) if mod else None
    return fn if callable(fn) else None


def can_create_dimension_values(system: str | None, capabilities) -> bool:
    mod = plugin(system) if system else None
    if callable(getattr(mod, "create_dimension_values", None)):
        return True
    return bool(getattr(capabilities, "create_dimension_values", False))


def create_dimension_values(state, dimension: str, values) -> Any:
    """Create ``values`` in ``dimension`` (off the GUI thread); returns the chart as the ledger has it now
    (also in ``state.chart``)."""
    mod = plugin(state.system) if state.system else None
    fn = getattr(mod, "create_dimension_values", None)
    if callable(fn):
        return fn(state, dimension, list(values))
    from pleodesk.connections import make_provider

    provider = make_provider(state.provider_connection())
    try:
        provider.create_dimension_values(dimension, list(values))
        chart = provider.read_chart()
    finally:
        provider.close()
    state.set_chart(chart)
    return chart


def tax_creator(system: str | None) -> Callable | None:
    mod = plugin(system) if system else None
    fn = getattr(mod, "create_tax", None) if mod else None
    return fn if callable(fn) and callable(getattr(mod, "tax_missing", None)) else None


def tax_missing(system: str | None, chart) -> bool:
    mod = plugin(system) if system else None
    fn = getattr(mod, "tax_missing", None) if mod else None
    return bool(fn(chart)) if callable(fn) else False


def journal_roles(system: str | None) -> list[dict[str, Any]]:
    mod = plugin(system) if system else None
    fn = getattr(mod, "JOURNAL_ROLES", None)
    return list(fn()) if fn is not None and getattr(mod, "list_journals", None) is not None else []


def journal_lister(system: str | None) -> Callable | None:
    mod = plugin(system) if system else None
    return getattr(mod, "list_journals", None)


def feed_problem(system: str | None, settings: dict[str, Any]) -> str | None:
    mod = plugin(system) if system else None
    fn = getattr(mod, "feed_problem", None)
    return fn(settings or {}) if fn is not None else None


def feed_files(system: str | None, settings: dict[str, Any]):
    mod = plugin(system) if system else None
    fn = getattr(mod, "feed_files", None) if mod else None
    return fn(settings or {}) if callable(fn) else None


def feed_import_url(system: str | None, settings: dict[str, Any]) -> str | None:
    mod = plugin(system) if system else None
    fn = getattr(mod, "feed_import_url", None) if mod else None
    return fn(settings or {}) if callable(fn) else None


def reconnect_panel(system: str | None):
    """The system's ``ReconnectPanel`` class, or None."""
    mod = plugin(system) if system else None
    return getattr(mod, "ReconnectPanel", None) if mod else None


def disconnector(system: str | None) -> Callable | None:
    """The system's ``disconnect(conn)``, or None."""
    mod = plugin(system) if system else None
    fn = getattr(mod, "disconnect", None) if mod else None
    return fn if callable(fn) else None


def feed_note(system: str | None, settings: dict[str, Any]) -> str | None:
    mod = plugin(system) if system else None
    fn = getattr(mod, "feed_note", None) if mod else None
    return fn(settings or {}) if callable(fn) else None


def troubleshooting(system: str | None, conn, store) -> str | None:
    mod = plugin(system) if system else None
    fn = getattr(mod, "troubleshooting", None) if mod else None
    return fn(conn, store) if callable(fn) else None


class SystemPage(QWizardPage):
    """Base class of a system's connect page (see the module docstring for the contract)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._validated = False
        self._busy = False
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName(QCoreApplication.translate("systems", "Check result"))

    # --- what the wizard gives the page -------------------------------------------------------
    @property
    def state(self):
        """The wizard's answers (``pleodesk.ui.wizard.state.WizardState``)."""
        return self.wizard().state

    @property
    def pleo_data(self):
        """Pleo's master data (``PleoData``), or None while it is still being read."""
        return self.wizard().state.pleo_data

    def run_task(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
                 on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run ``fn`` off the GUI thread; the callbacks run on the GUI thread."""
        from pleodesk.ui.tasks import run_task

        run_task(fn, on_done, on_error, owner=self)

    def save(self, settings: dict[str, Any], secrets: dict[str, str] | None = None, chart=None) -> None:
        """Keep the page's answers: settings in the draft, secrets in the keyring, the chart.

        The secrets are written off the GUI thread; ``finish_validation`` waits for them, and when the
        keyring refuses them the page stays, with the keyring's message."""
        self._saving = bool(secrets)
        self._advance_when_saved = False

        def saved() -> None:
            self._saving = False
            if self._advance_when_saved:
                self._advance_when_saved = False
                self.finish_validation()

        def failed(exc: BaseException) -> None:
            self._saving = False
            self._advance_when_saved = False
            self.set_busy(False)
            self.show_status(str(exc), False)

        self.wizard().save_system(settings, secrets or {}, chart, saved, failed)

    def stop_waiting(self) -> None:
        """Called when the wizard closes (its Cancel, or the window closed): stop anything the page is
        waiting for, such as a browser sign-in. Default: nothing."""

    def is_demo(self) -> bool:
        """Whether Pleo is the demo company: the page may then offer the sandbox's own ledger."""
        return bool(self.state.pleo.get("demo"))

    def with_demo_sandbox(self, ready: Callable[[Any], None]) -> None:
        """Call ``ready(sandbox)`` with the demo company's running sandbox (started if need be)."""
        def failed(exc: BaseException) -> None:
            self.show_status(QCoreApplication.translate("systems", "The demo company could not be started: "
                                                        "{error}").format(error=str(exc)), False)

        self.wizard().ctx.demo_sandbox(ready, failed)

    def show_status(self, text: str, ok: bool | None = None) -> None:
        from pleodesk.ui.widgets import set_status

        set_status(self.status, text, ok)

    def set_busy(self, busy: bool) -> None:
        """While a check runs, Next and a page's "demo" button (which fills the page in and presses Next)
        wait for it; the check that runs decides."""
        self._busy = busy
        self.wizard().set_busy(busy)
        demo = getattr(self, "demo_button", None)
        if demo is not None:
            demo.setEnabled(not busy)

    def finish_validation(self) -> None:
        """Call when an asynchronous check passed: the wizard moves on to the next page (once the
        secrets given to ``save`` are in the keyring)."""
        if getattr(self, "_saving", False):
            self._advance_when_saved = True
            return
        self.set_busy(False)
        self._validated = True
        try:
            self.wizard().advance_from(self)
        finally:
            self._validated = False         # used by this one Next, or by none: never by a later one

    def nextId(self) -> int:
        """Always "Bank account and journals" next (plugins need not override this)."""
        return self.wizard().page_id("accounts")

    def take_validated(self) -> bool:
        """In ``validatePage``: True once (after ``finish_validation``), then False again."""
        if self._validated or getattr(self.wizard(), "resuming", False):
            self._validated = False
            return True
        return False
