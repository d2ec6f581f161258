"""What the connection views share: a base class and the words for states, kinds and triggers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QWidget



def state_name(state: str) -> str:
    return {"connected": QCoreApplication.translate("words", "Connected"), "needs_attention": QCoreApplication.translate("words", "Needs attention"),
            "disconnected": QCoreApplication.translate("words", "Disconnected"), "draft": QCoreApplication.translate("words", "Setup not finished"),
            "inactive": QCoreApplication.translate("words", "Deactivated")}.get(state, state)


def trigger_name(trigger: str) -> str:
    return {"manual": QCoreApplication.translate("words", "Manual"), "scheduled": QCoreApplication.translate("words", "Scheduled"), "catch_up": QCoreApplication.translate("words", "Catch-up"),
            "cli": QCoreApplication.translate("words", "Command line")}.get(trigger, trigger)


def kind_name(kind: str) -> str:
    return {"export_job": QCoreApplication.translate("words", "Export queue job"), "export_month": QCoreApplication.translate("words", "Export a month"), "queue": QCoreApplication.translate("words", "Export queue"),
            "feed": QCoreApplication.translate("words", "Bank feed"), "sync": QCoreApplication.translate("words", "Scheduled sync"), "retry": QCoreApplication.translate("words", "Retry"),
            "preview": QCoreApplication.translate("words", "Preview"), "problems": QCoreApplication.translate("words", "Problems"), "check": QCoreApplication.translate("words", "Connection check")}.get(kind, kind)


def run_status_name(status: str) -> str:
    return {"running": QCoreApplication.translate("words", "Running"), "ok": QCoreApplication.translate("words", "Done"), "partial": QCoreApplication.translate("words", "Done, with problems"),
            "failed": QCoreApplication.translate("words", "Failed"), "cancelled": QCoreApplication.translate("words", "Cancelled"), "skipped": QCoreApplication.translate("words", "Skipped"),
            "interrupted": QCoreApplication.translate("words", "Interrupted")}.get(status, status)


def count_names() -> dict[str, str]:
    return {"exported": QCoreApplication.translate("words", "exported"), "already_exported": QCoreApplication.translate("words", "already in the ledger"), "skipped": QCoreApplication.translate("words", "skipped"),
            "held": QCoreApplication.translate("words", "held"), "failed": QCoreApplication.translate("words", "failed"), "receipt_problems": QCoreApplication.translate("words", "receipt problems"),
            "pushed": QCoreApplication.translate("words", "sent to the feed"), "duplicates": QCoreApplication.translate("words", "duplicates"), "already": QCoreApplication.translate("words", "already sent"),
            "total": QCoreApplication.translate("words", "in total"),
            "vat_rounding": QCoreApplication.translate("words", "with a VAT rounding line")}


def counts_text(counts: dict | None, keys=("exported", "already_exported", "held", "failed", "skipped",
                                           "receipt_problems", "vat_rounding", "pushed", "already")) -> str:
    if not counts:
        return ""
    names = count_names()
    parts = [f"{counts[k]} {names.get(k, k)}" for k in keys if counts.get(k)]
    return ", ".join(parts)


def connection_state(conn) -> str:
    """The state to show: draft and deactivated come before the stored state."""
    if (conn.settings or {}).get("wizard"):
        return "draft"
    if not conn.active:
        return "inactive"
    return conn.state


class ConnectionTab(QWidget):
    """A tab that shows one connection; the main window calls ``set_connection``.

    Tabs load lazily: a tab reads its data when it is shown, and only then (at start-up the visible
    tab loads first, alone; the others when they are opened). A tab whose data changed while hidden
    is stale and reloads when it is shown again."""

    # The tab's data was read and shown (after each reload).
    loaded = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.conn = None

    @property
    def conn_id(self) -> int | None:
        return self.conn.id if self.conn is not None else None

    def set_connection(self, conn) -> None:
        changed = self.conn is None or conn is None or conn.id != self.conn.id
        self.conn = conn
        self.connection_changed(changed)

    def connection_changed(self, new: bool) -> None:  # pragma: no cover - overridden
        pass

    # Lazy reloading: a tab whose data changed while hidden reloads when it is shown again; answers
    # of reloads that were overtaken (another reload, another connection) are dropped.
    _stale = True
    _generation = 0

    def activated(self) -> None:
        """The tab became visible."""
        if self._stale:
            self.reload()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale and self.conn is not None:
            self.reload()

    def reload(self) -> None:
        """Read the tab's data again (off the GUI thread)."""

    def mark_stale(self, conn_id: int) -> None:
        """The data of connection ``conn_id`` changed: reload now if shown, else when shown."""
        if self.conn is not None and conn_id == self.conn.id:
            self._stale = True
            if self.isVisible():
                self.reload()

    def begin_reload(self) -> int | None:
        """Start a reload: its generation number, or None when there is no connection."""
        if self.conn is None:
            return None
        self._stale = False
        self._generation += 1
        return self._generation

    def is_current(self, generation: int, conn_id: int) -> bool:
        """Whether an answer still belongs to the newest reload of the shown connection."""
        return generation == self._generation and self.conn is not None and conn_id == self.conn.id


def problem_text(kind: str, label: str, fallback_title: str, fallback_fix: str) -> tuple[str, str]:
    """A missing-mapping problem in the user's language: (what is wrong, what to do)."""
    texts = {
        "category_unmapped": (QCoreApplication.translate("problems", "Category {label} has no ledger account"),
                              QCoreApplication.translate("problems", "Choose its ledger account, then press Retry.")),
        "category_missing": (QCoreApplication.translate("problems", "Expenses without a category"),
                             QCoreApplication.translate("problems", "Give them a category in Pleo, or choose an account for expenses without "
                                            "a category.")),
        "account_unknown": (QCoreApplication.translate("problems", "Category {label}: its ledger account is not in the ledger"),
                            QCoreApplication.translate("problems", "Choose another ledger account.")),
        "account_archived": (QCoreApplication.translate("problems", "Category {label}: its ledger account is archived"),
                             QCoreApplication.translate("problems", "Choose an active ledger account.")),
        "tax_unmapped": (QCoreApplication.translate("problems", "Pleo tax code {label} has no tax code in the ledger"),
                         QCoreApplication.translate("problems", "Choose its tax code in the ledger.")),
        "tax_unknown": (QCoreApplication.translate("problems", "Tax code {label} is not in the ledger"),
                        QCoreApplication.translate("problems", "Choose another tax code.")),
        "tax_archived": (QCoreApplication.translate("problems", "Tax code {label} is archived in the ledger"),
                         QCoreApplication.translate("problems", "Choose an active tax code.")),
        "tax_rate_mismatch": (QCoreApplication.translate("problems", "Tax code {label} has another rate in the ledger than in Pleo"),
                              QCoreApplication.translate("problems", "Choose the tax code with Pleo's rate.")),
        "tax_account_missing": (QCoreApplication.translate("problems", "Tax code {label} has no tax account in the ledger"),
                                QCoreApplication.translate("problems", "Give the tax code its tax account in the ledger.")),
        "tag_unmapped": (QCoreApplication.translate("problems", "Tag {label} has no value in the ledger"),
                         QCoreApplication.translate("problems", "Choose its value under Labels.")),
        "dimension_unknown": (QCoreApplication.translate("problems", "Tag group {label}: its dimension is not in the ledger"),
                              QCoreApplication.translate("problems", "Choose another dimension under Labels.")),
        "dimension_value_unknown": (QCoreApplication.translate("problems", "Tag {label}: its value is not in the ledger"),
                                    QCoreApplication.translate("problems", "Choose another value under Labels.")),
        "dimension_value_archived": (QCoreApplication.translate("problems", "Tag {label}: its value is archived in the ledger"),
                                     QCoreApplication.translate("problems", "Choose an active value under Labels.")),
        "dimension_conflict": (QCoreApplication.translate("problems", "Two tags give one dimension two values ({label})"),
                               QCoreApplication.translate("problems", "Map the tags so that each line gets one value per dimension.")),
        "contra_missing": (QCoreApplication.translate("problems", "No counter account chosen for: {label}"),
                           QCoreApplication.translate("problems", "Choose it under Accounts.")),
        "contra_unknown": (QCoreApplication.translate("problems", "The counter account for {label} cannot be used in the ledger"),
                           QCoreApplication.translate("problems", "Choose an active account under Accounts.")),
        "amounts_inconsistent": (QCoreApplication.translate("problems", "Pleo's amounts do not add up ({label})"),
                                 QCoreApplication.translate("problems", "Check the expense in Pleo, then press Retry.")),
        "unsupported_kind": (QCoreApplication.translate("problems", "This kind of expense cannot be booked ({label})"),
                             QCoreApplication.translate("problems", "Book it by hand in the ledger.")),
    }
    if kind not in texts:
        return fallback_title, fallback_fix
    title, fix = texts[kind]
    return title.format(label=label or "?"), fix


def hold_reason_text(reason: str) -> str:
    """A reason ``preview_month`` gives for holding expenses, in the user's language."""
    import re

    if reason == "no category and no default account":
        return QCoreApplication.translate("problems", "no category, and no account for expenses without a category")
    m = re.fullmatch(r"category (.+): no ledger account", reason)
    if m:
        return QCoreApplication.translate("problems", "category {key}: no ledger account").format(key=m.group(1))
    m = re.fullmatch(r"category (.+): account (.+) is not in the ledger", reason)
    if m:
        return QCoreApplication.translate("problems", "category {key}: account {account} is not in the ledger").format(
            key=m.group(1), account=m.group(2))
    return reason


def skip_reason_text(reason: str) -> str:
    """Why a run skipped expenses, feed lines or itself (the reasons the engine, the feed and the
    scheduler record), in the user's language; an unknown reason as it is."""
    texts = {
        "personal spend is settled with the employee, not booked":
            QCoreApplication.translate("skips", "personal spend is settled with the employee, not booked"),
        "wallet top-ups and unloads are not exported (setting)":
            QCoreApplication.translate("skips", "wallet top-ups and unloads are not exported (setting)"),
        "nothing to book: every amount is zero":
            QCoreApplication.translate("skips", "nothing to book: every amount is zero"),
        "nothing waiting for export": QCoreApplication.translate("skips", "nothing waiting for export"),
        "bank feed is off for this connection":
            QCoreApplication.translate("skips", "bank feed is off for this connection"),
        "this accounting system takes no bank feed":
            QCoreApplication.translate("skips", "this accounting system takes no bank feed"),
        "bank feed not available": QCoreApplication.translate("skips", "bank feed not available"),
        "reimbursement paid outside Pleo": QCoreApplication.translate("skips", "reimbursement paid outside Pleo"),
        "reimbursement not exported yet (its kind is not known)":
            QCoreApplication.translate("skips", "reimbursement not exported yet (its kind is not known)"),
        "not in the wallet currency": QCoreApplication.translate("skips", "not in the wallet currency"),
        "connection deactivated": QCoreApplication.translate("skips", "connection deactivated"),
        "connection disconnected: reconnect it":
            QCoreApplication.translate("skips", "connection disconnected: reconnect it"),
        "Lexware Office does not take reimbursements (Privatauslagen): book it by hand":
            QCoreApplication.translate("skips", "Lexware Office does not take reimbursements (Privatauslagen): "
                                                "book it by hand"),
        "wallet top-ups and unloads are added by hand in Lexware Office":
            QCoreApplication.translate("skips", "wallet top-ups and unloads are added by hand in Lexware Office"),
        "invoice payments are added by hand in Lexware Office and matched to their invoice (the bank feed does not "
        "carry them)":
            QCoreApplication.translate("skips", "invoice payments are added by hand in Lexware Office and matched to "
                                                "their invoice (the bank feed does not carry them)"),
    }
    return texts.get(reason, reason)
