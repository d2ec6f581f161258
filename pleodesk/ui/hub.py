"""App-wide signals (Vorta-style): workers and the scheduler emit, views subscribe.

Every signal is emitted on the GUI thread (workers relay through queued connections), so a slot may
touch widgets directly.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class SignalHub(QObject):
    #: connection id, job kind, trigger ("manual" | "scheduled" | "catch_up")
    run_started = Signal(int, str, str)
    #: connection id, ``pleodesk.ui.jobs.Job``, ``pleodesk.engine.Progress`` (at most 10 a second)
    run_progress = Signal(int, object, object)
    #: connection id, ``pleodesk.ui.jobs.JobResult``
    run_finished = Signal(int, object)
    #: connection id, state ("connected" | "needs_attention" | "disconnected"), message
    connection_state_changed = Signal(int, str, str)
    #: connection id, number of expenses held or failed
    problems_changed = Signal(int, int)
    #: a connection was added, renamed, (de)activated or deleted
    connections_changed = Signal()
    #: the records of a connection changed (tables should reload)
    records_changed = Signal(int)
    #: a connection's settings or mappings changed (the scheduler re-plans)
    settings_changed = Signal(int)
    #: connection id (0: all of them), job kind ("queue" | "feed" | "sync" | "connections"), message:
    #: the scheduler could not plan that work (it is logged; everything else goes on). An empty
    #: message: it works again.
    background_problem = Signal(int, str, str)
