"""What the connection views share: a base class and the words for states, kinds and triggers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget


def _t(text: str) -> str:
    return QCoreApplication.translate("words", text)


def state_name(state: str) -> str:
    return {"connected": _t("Connected"), "needs_attention": _t("Needs attention"),
            "disconnected": _t("Disconnected"), "draft": _t("Setup not finished"),
            "inactive": _t("Deactivated")}.get(state, state)


def trigger_name(trigger: str) -> str:
    return {"manual": _t("Manual"), "scheduled": _t("Scheduled"), "catch_up": _t("Catch-up"),
            "cli": _t("Command line")}.get(trigger, trigger)


def kind_name(kind: str) -> str:
    return {"export_job": _t("Export queue job"), "export_month": _t("Export a month"), "queue": _t("Export queue"),
            "feed": _t("Bank feed"), "sync": _t("Scheduled sync"), "retry": _t("Retry"),
            "preview": _t("Preview"), "problems": _t("Problems"), "check": _t("Connection check")}.get(kind, kind)


def run_status_name(status: str) -> str:
    return {"running": _t("Running"), "ok": _t("Done"), "partial": _t("Done, with problems"),
            "failed": _t("Failed"), "cancelled": _t("Cancelled"), "skipped": _t("Skipped")}.get(status, status)


def count_names() -> dict[str, str]:
    return {"exported": _t("exported"), "already_exported": _t("already in the ledger"), "skipped": _t("skipped"),
            "held": _t("held"), "failed": _t("failed"), "receipt_problems": _t("receipt problems"),
            "pushed": _t("sent to the feed"), "duplicates": _t("duplicates"), "already": _t("already sent"),
            "total": _t("in total")}


def counts_text(counts: dict | None, keys=("exported", "already_exported", "held", "failed", "skipped",
                                           "receipt_problems", "pushed", "already")) -> str:
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
    """A tab that shows one connection; the main window calls ``set_connection``."""

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

    def activated(self) -> None:
        """The tab became visible."""
