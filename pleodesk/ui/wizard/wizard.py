"""The setup wizard (QWizard): pages, the draft kept in the store, and the final save through
``setup_file.check_plan`` + ``apply_plan`` (the same checks and the same path as ``pleodesk setup``)."""

from __future__ import annotations

import logging
from typing import Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWizard

from pleodesk.ui import systems
from pleodesk.ui.resources import app_icon
from pleodesk.ui.wizard import pages as P
from pleodesk.ui.wizard.state import DRAFT_KEY, EDIT_KEY, PAGES, PleoData, WizardState, fetch_pleo_data, unique_name

log = logging.getLogger(__name__)


class SetupProblems(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


class SetupWizard(QWizard):
    """Run it with ``SetupWizard.for_new(ctx)``, ``for_draft(ctx, conn)`` or ``for_edit(ctx, conn)``."""

    #: the connection was saved (connection row, month to export now or None)
    finished_setup = Signal(object, object)
    # the secrets stored for a draft or an edited connection were read from the keyring
    secrets_loaded = Signal()

    def __init__(self, ctx, state: WizardState, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state = state
        self.resuming = False
        self.saved_connection = None
        self.export_month: str | None = None
        self._done = False
        self._finishing = False          # the final save is on its way (no more draft writes)
        self._busy = False
        self._pleo_waiters: list[tuple[Callable, Callable | None]] = []
        self._pleo_loading = False
        self._chart_waiters: list[tuple[Callable, Callable | None]] = []
        self._chart_loading = False
        self._chart_for: tuple | None = None
        # The keyring is only used off the GUI thread (a locked one can block until it is unlocked):
        # what it holds for this connection is read once, then kept here as it is changed.
        self._pleo_key: str | None = None
        self._ledger_secrets: dict[str, str] = {}
        self.secrets_known = state.conn_id is None
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("Set up a connection") if not state.editing else
                            self.tr("Change the connection {name}").format(name=state.name))
        self.setWindowIcon(app_icon())
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, False)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, app_icon().pixmap(48, 48))
        self.setMinimumSize(820, 600)
        # Room for the category table's four columns and longer translations, where the screen has it.
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        width, height = (940, 680) if screen is None else (min(940, screen.width() - 40),
                                                          min(680, screen.height() - 48))
        self.resize(max(width, 820), max(height, 600))
        self.setPage(P.ID_WELCOME, P.WelcomePage(self))
        self.setPage(P.ID_PLEO, P.PleoPage(self))
        self.system_pages: dict[str, int] = {}
        for n, (system, mod) in enumerate(sorted(systems.available().items())):
            page_id = P.SYSTEM_PAGE_BASE + n
            self.setPage(page_id, mod.ConnectPage(self))
            self.system_pages[system] = page_id
        self.setPage(P.ID_ACCOUNTS, P.AccountsPage(self))
        self.setPage(P.ID_CATEGORIES, P.CategoriesPage(self))
        self.setPage(P.ID_LABELS, P.LabelsPage(self))
        self.setPage(P.ID_OPTIONS, P.OptionsPage(self))
        self.setPage(P.ID_FEED, P.FeedPage(self))
        self.setPage(P.ID_SUMMARY, P.SummaryPage(self))
        self.setStartId(P.ID_WELCOME)
        self.currentIdChanged.connect(self._page_changed)
        if not self.secrets_known:
            self._load_secrets()

    # ------------------------------------------------------------------ construction -----------
    @classmethod
    def for_new(cls, ctx, parent=None) -> "SetupWizard":
        return cls(ctx, WizardState(), parent)

    @classmethod
    def for_draft(cls, ctx, conn, parent=None) -> "SetupWizard":
        """Continue a setup closed half-way; opens on the page it was left on."""
        state = WizardState.from_draft((conn.settings or {}).get(DRAFT_KEY) or {}, conn_id=conn.id)
        state.name = state.name or conn.name
        wiz = cls(ctx, state, parent)
        wiz.resume(state.page)
        return wiz

    @classmethod
    def for_edit(cls, ctx, conn, parent=None) -> "SetupWizard":
        """Go through the setup of an existing connection again (a half-done edit resumes)."""
        draft = (conn.settings or {}).get(EDIT_KEY)
        if draft:
            state = WizardState.from_draft(draft, conn_id=conn.id, editing=True)
        else:
            state = WizardState.from_connection(conn, ctx.store.load_mappings(conn.id))
        wiz = cls(ctx, state, parent)
        if draft:
            wiz.resume(state.page)
        return wiz

    # ------------------------------------------------------------------ pages and ids ----------
    def system_page_id(self, system: str | None) -> int:
        return self.system_pages.get(system or "", P.ID_ACCOUNTS)

    def page_id(self, name: str) -> int:
        return {"welcome": P.ID_WELCOME, "pleo": P.ID_PLEO, "system": self.system_page_id(self.state.system),
                "accounts": P.ID_ACCOUNTS, "categories": P.ID_CATEGORIES, "labels": P.ID_LABELS,
                "options": P.ID_OPTIONS, "feed": P.ID_FEED, "summary": P.ID_SUMMARY}.get(name, P.ID_WELCOME)

    def page_name(self, page_id: int) -> str:
        for name in PAGES:
            if self.page_id(name) == page_id:
                return name
        return "welcome"

    def resume(self, page: str) -> None:
        """Open on ``page``, with the pages before it in the history (so Back works)."""
        target = self.page_id(page)
        self.restart()
        self.resuming = True
        try:
            for _ in range(len(PAGES) + 2):
                if self.currentId() == target:
                    break
                before = self.currentId()
                self.next()
                if self.currentId() == before:
                    break
        finally:
            self.resuming = False
        if self.currentPage() is not None and self.currentId() != P.ID_WELCOME:
            self.currentPage().initializePage()

    def _page_changed(self, page_id: int) -> None:
        if page_id < 0 or self._done:
            return
        self.state.page = self.page_name(page_id)
        if not self.resuming and self.state.conn_id is not None:
            self.save_draft()

    # ------------------------------------------------------------------ busy -------------------
    def validateCurrentPage(self) -> bool:  # noqa: N802 - QWizard's virtual
        """Next or Save. While a page's check is under way (the wizard is busy) a further request to move
        on is ignored: the check that runs decides, and moves the wizard on once when it passes. Without
        this, a second request (a button that fills the page in and presses Next, pressed again while
        the first check ran) started a second check, and each moved the wizard on a page."""
        if self._busy:
            log.debug("Next ignored: a check of page %s is under way", self.currentId())
            return False
        return super().validateCurrentPage()

    def advance_from(self, page) -> bool:
        """A page's asynchronous check passed: move on from ``page``, but only while it is still the page
        shown (a late answer must not move the wizard on from a page the user has since left).
        Returns whether the wizard moved."""
        if self.currentPage() is not page or self._done:
            log.debug("a late check of a page no longer shown is dropped")
            return False
        before = self.currentId()
        self.next()
        return self.currentId() != before

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        for b in (QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton,
                  QWizard.WizardButton.FinishButton):
            btn = self.button(b)
            if btn is not None:
                btn.setEnabled(not busy and (b != QWizard.WizardButton.NextButton or
                                             (self.currentPage() is not None and self.currentPage().isComplete())))
        if busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            while QGuiApplication.overrideCursor() is not None:
                QGuiApplication.restoreOverrideCursor()

    def run_task(self, fn, on_done=None, on_error=None) -> None:
        from pleodesk.ui.tasks import run_task

        run_task(fn, on_done, on_error, owner=self)

    # ------------------------------------------------------------------ the draft --------------
    def other_connection_names(self) -> list[str]:
        return [c.name for c in self.ctx.store.list_connections() if c.id != self.state.conn_id]

    def company_taken_by(self, pleo_company_id: str):
        """The other active connection that exports this Pleo company, or None (Pleo has one accounting
        integration per company)."""
        from pleodesk.setup_file import company_taken_by

        return company_taken_by(self.ctx.store, pleo_company_id, except_id=self.state.conn_id)

    def company_taken_text(self, other) -> str:
        return self.tr("The connection {name} already exports this Pleo company. Pleo has one accounting "
                       "integration per company: the first connection to export takes all that waits in Pleo, "
                       "so a second one would get nothing. Deactivate or delete {name} first (Settings tab), "
                       "or change that connection instead.").format(name=other.name)

    def create_draft(self, callback: Callable[[bool, str], None]) -> None:
        """Create the draft connection (inactive, "needs attention") that holds the answers."""
        st = self.state
        name = unique_name(self.tr("New connection"), [c.name for c in self.ctx.store.list_connections()])
        st.name = name
        draft = st.to_draft()
        store = self.ctx.store

        def work():
            conn = store.add_connection(name, st.system, settings={DRAFT_KEY: draft})
            store.update_connection(conn.id, active=False, state="needs_attention",
                                    state_message="Setup not finished")
            return conn

        def done(conn) -> None:
            st.conn_id = conn.id
            self.ctx.hub.connections_changed.emit()
            callback(True, "")

        self.ctx.writer.submit(work, done, lambda exc: callback(False, str(exc)))

    def update_draft_connection(self, **fields: Any) -> None:
        if self.state.conn_id is None or self._done or self.state.editing:
            return
        cid = self.state.conn_id
        store = self.ctx.store
        self.ctx.writer.submit(lambda: store.update_connection(cid, **fields),
                               lambda _c: self.ctx.hub.connections_changed.emit())

    def save_draft(self) -> None:
        """Write the answers so far to the store (off the GUI thread, in order)."""
        st = self.state
        if st.conn_id is None or self._done or self._finishing:
            return       # after the final save is asked for, a late draft write would bring the draft back
        draft = st.to_draft()
        cid, key, store = st.conn_id, st.draft_key, self.ctx.store
        self.ctx.writer.submit(lambda: store.update_connection(cid, settings={key: draft}))

    # ------------------------------------------------------------------ secrets ----------------
    def check_keyring(self, callback: Callable[[Any], None]) -> None:
        """Whether the system keyring can keep the keys (a probe entry stored, read back, deleted off
        the GUI thread: a locked keyring may ask to be unlocked). ``callback(None)`` or
        ``callback(KeyringProblem)`` on the GUI thread."""
        from pleodesk.secrets import KeyringProblem, keyring_problem

        self.run_task(keyring_problem, callback,
                      lambda exc: callback(KeyringProblem("failed", "", str(exc) or type(exc).__name__)))

    def _load_secrets(self) -> None:
        """Read the stored Pleo key and ledger secrets of the draft or edited connection (off the GUI
        thread); ``secrets_loaded`` tells the pages. Without a keyring the user types them again."""
        from pleodesk.connections import ledger_secret_name, pleo_secret_name
        from pleodesk.secrets import get_secret

        cid, entries = self.state.conn_id, list(self.state.keyring_entries)

        def work():
            ledger = {}
            for what in entries:
                value = get_secret(ledger_secret_name(cid, what))
                if value is not None:
                    ledger[what] = value
            return get_secret(pleo_secret_name(cid)), ledger

        def done(found) -> None:
            key, ledger = found
            if self._pleo_key is None:          # a key checked meanwhile is newer
                self._pleo_key = key
            for what, value in ledger.items():
                self._ledger_secrets.setdefault(what, value)
            self._secrets_arrived()

        def failed(exc) -> None:
            log.warning("the stored secrets could not be read: %s", exc)
            self._secrets_arrived()

        self.run_task(work, done, failed)

    def _secrets_arrived(self) -> None:
        self.secrets_known = True
        self.secrets_loaded.emit()
        for page_id in self.pageIds():          # pages already passed too: Back shows them as they are
            if hasattr(self.page(page_id), "secrets_arrived"):
                self.page(page_id).secrets_arrived()
        if self.currentPage() is not None:
            self.currentPage().completeChanged.emit()

    def stored_pleo_key(self) -> str | None:
        """The Pleo API key stored for this connection, as far as known (no keyring call)."""
        return self._pleo_key

    def remember_pleo_key(self, key: str) -> None:
        """A key that was just checked and stored in the keyring (off the GUI thread)."""
        self._pleo_key = key

    def ledger_secrets(self) -> dict[str, str]:
        """The ledger's secrets stored for this connection, as far as known (no keyring call)."""
        return dict(self._ledger_secrets)

    def save_system(self, settings: dict, secrets: dict[str, str], chart,
                    on_saved: Callable[[], None] | None = None,
                    on_failed: Callable[[BaseException], None] | None = None) -> None:
        """A system page's answers (see ``pleodesk.ui.systems``). The secrets go to the keyring off the
        GUI thread; ``on_saved()`` or ``on_failed(exc)`` follows on the GUI thread."""
        from pleodesk.connections import ledger_secret_name
        from pleodesk.secrets import set_secret

        st = self.state
        chart_dict = settings.pop("chart", None) if st.system != "journal_file" else None
        del chart_dict
        st.system_settings = dict(settings)
        if chart is not None:
            st.set_chart(chart)
        elif st.system != "journal_file":
            st.chart = None
        self._chart_for = None
        secrets = dict(secrets)
        if not secrets:
            self.save_draft()
            if on_saved:
                on_saved()
            return
        cid = st.conn_id

        def work():
            for what, value in secrets.items():
                set_secret(ledger_secret_name(cid, what), value)

        def done(_r) -> None:
            self._ledger_secrets.update(secrets)
            for what in secrets:
                if what not in st.keyring_entries:
                    st.keyring_entries.append(what)
            self.save_draft()
            if on_saved:
                on_saved()

        def failed(exc: BaseException) -> None:
            self.save_draft()
            if on_failed:
                on_failed(exc)

        self.run_task(work, done, failed)

    # ------------------------------------------------------------------ data from services -----
    def load_pleo_data(self, on_done: Callable[[PleoData], None] | None = None,
                       on_error: Callable[[BaseException], None] | None = None) -> None:
        st = self.state
        if st.pleo_data is not None:
            if on_done:
                on_done(st.pleo_data)
            return
        if on_done or on_error:
            self._pleo_waiters.append((on_done or (lambda _d: None), on_error))
        if self._pleo_loading:
            return
        from pleodesk.connections import pleo_secret_name
        from pleodesk.secrets import get_secret

        if st.conn_id is None and not self._pleo_key:
            self._pleo_failed(RuntimeError(self.tr("No Pleo API key is stored yet: go back to Connect Pleo.")))
            return
        self._pleo_loading = True
        base_url, company_id = st.pleo["base_url"], st.pleo["company_id"]
        known, cid = self._pleo_key, st.conn_id
        missing = self.tr("No Pleo API key is stored yet: go back to Connect Pleo.")

        def work():
            key = known or get_secret(pleo_secret_name(cid))
            if not key:
                raise RuntimeError(missing)
            return fetch_pleo_data(base_url, company_id, key)

        self.run_task(work, self._pleo_loaded, self._pleo_failed)

    def _pleo_loaded(self, data: PleoData) -> None:
        self._pleo_loading = False
        self.state.pleo_data = data
        waiters, self._pleo_waiters = self._pleo_waiters, []
        for ok, _err in waiters:
            ok(data)

    def _pleo_failed(self, exc: BaseException) -> None:
        self._pleo_loading = False
        waiters, self._pleo_waiters = self._pleo_waiters, []
        for _ok, err in waiters:
            if err:
                err(exc)

    def forget_chart(self) -> None:
        """The next ``load_chart`` reads the chart from the ledger again (accounts added there by hand)."""
        self._chart_for = None

    def load_chart(self, on_done: Callable, on_error: Callable | None = None) -> None:
        """The ledger's chart (and the system's capabilities), read by the provider off the GUI thread."""
        st = self.state
        # The journals chosen on page 4 do not change the chart: choosing them does not read it again.
        key = (st.system, repr(sorted((k, str(v)) for k, v in st.system_settings.items()
                                      if k not in ("chart", "journals"))))
        if self._chart_for == key and st.chart is not None and st.capabilities is not None:
            on_done(st.chart)
            return
        self._chart_waiters.append((on_done, on_error))
        if self._chart_loading:
            return
        self._chart_loading = True
        conn = st.provider_connection()
        known = st.chart if st.system == "journal_file" else None

        def work():
            from pleodesk.connections import make_provider

            provider = make_provider(conn)
            try:
                chart = known if known is not None else provider.read_chart()
                return chart, provider.capabilities()
            finally:
                provider.close()

        def done(result) -> None:
            self._chart_loading = False
            chart, caps = result
            st.set_chart(chart)
            st.capabilities = caps
            self._chart_for = key
            waiters, self._chart_waiters = self._chart_waiters, []
            for ok, _err in waiters:
                ok(chart)

        def failed(exc) -> None:
            self._chart_loading = False
            waiters, self._chart_waiters = self._chart_waiters, []
            for _ok, err in waiters:
                if err:
                    err(exc)

        self.run_task(work, done, failed)

    # ------------------------------------------------------------------ finishing --------------
    def finish_setup(self, on_saved: Callable[[Any], None], on_failed: Callable[[BaseException], None]) -> None:
        """Check everything as ``pleodesk setup`` does, then save through ``apply_plan``.

        Runs on the store writer's thread, after every draft write already asked for."""
        from pleodesk.connections import ledger_secret_name, pleo_secret_name
        from pleodesk.secrets import get_secret
        from pleodesk.setup_file import apply_plan, check_plan, company_taken_by

        st = self.state
        taken_text = self.company_taken_text
        plan = st.plan("", {})
        cid, store, editing = st.conn_id, self.ctx.store, st.editing
        draft_key, entries = st.draft_key, list(st.keyring_entries)

        def work():
            # The keys as the keyring holds them now (read here, off the GUI thread).
            plan.pleo_api_key = (get_secret(pleo_secret_name(cid)) if cid is not None else None) or ""
            for what in entries:
                value = get_secret(ledger_secret_name(cid, what))
                if value is not None:
                    plan.ledger_secrets[what] = value
            current = store.get_connection(cid)
            active = True if not editing else (current.active if current else True)
            other = company_taken_by(store, plan.pleo_company_id, except_id=cid) if active else None
            if other is not None:
                raise SetupProblems([taken_text(other)])
            problems = check_plan(plan)
            if problems:
                raise SetupProblems(problems)
            if current is not None and current.name != plan.name:
                store.update_connection(cid, name=plan.name)
            conn = apply_plan(store, plan, active=active)
            store.update_connection(conn.id, active=active)
            store.audit("setup_saved", conn.id, source="wizard", system=plan.system)
            fresh = store.get_connection(conn.id)
            if fresh is not None and (draft_key in (fresh.settings or {})):
                settings = dict(fresh.settings)
                settings.pop(draft_key, None)
                fresh = store.update_connection(conn.id, settings=settings, replace_settings=True)
            return fresh

        def done(conn) -> None:
            self._done = True
            self._finishing = False
            self.saved_connection = conn
            self.ctx.hub.connections_changed.emit()
            self.ctx.hub.settings_changed.emit(conn.id)
            on_saved(conn)
            self.finished_setup.emit(conn, self.export_month)

        def failed(exc: BaseException) -> None:
            self._finishing = False
            on_failed(exc)

        self._finishing = True
        self.ctx.writer.submit(work, done, failed)

    def accept(self) -> None:
        super().accept()

    def reject(self) -> None:
        """Closing keeps the draft: the setup resumes on this page next time."""
        if not self._done:
            self.save_draft()
        self.set_busy(False) if self._busy else None
        super().reject()

    def done(self, result: int) -> None:  # noqa: D401 - QDialog.done
        for pid in self.pageIds():           # Cancel or closing: a page waiting (a browser sign-in) stops
            stop = getattr(self.page(pid), "stop_waiting", None)
            if callable(stop):
                stop()
        super().done(result)


def discard_draft(ctx, conn, on_error: Callable[[BaseException], None] | None = None) -> None:
    """Delete a setup that was never finished, with the secrets it stored."""
    from pleodesk.connections import forget_connection_secrets

    store = ctx.store

    def work():
        store.delete_connection(conn.id)
        store.audit("setup_discarded", None, connection=conn.name)
        forget_connection_secrets(conn)

    def failed(exc: BaseException) -> None:
        ctx.hub.connections_changed.emit()
        if on_error is not None:
            on_error(exc)

    ctx.writer.submit(work, lambda _r: ctx.hub.connections_changed.emit(), failed)
