"""Small widgets shared by the wizard and the main window."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFormLayout, QFrame, QHBoxLayout, QLabel,
                               QPushButton, QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

from pleodesk.core import clock
from pleodesk.core import schedule as sch

OK_COLOR = "#15803D"
WARN_COLOR = "#B45309"
ERROR_COLOR = "#B91C1C"
MUTED_COLOR = "#64748B"


def cap(text: str) -> str:
    """First letter upper-case, the rest as it is ("VAT code", not "Vat code")."""
    return text[:1].upper() + text[1:] if text else text


def set_status(label: QLabel, text: str, ok: bool | None = None) -> None:
    """A one-line result in plain words: green when fine, red when not, grey while working."""
    color = {True: OK_COLOR, False: ERROR_COLOR, None: MUTED_COLOR}[ok]
    mark = {True: "✔ ", False: "✖ ", None: ""}[ok]
    label.setStyleSheet(f"color: {color};")
    label.setText(mark + text if text else "")
    label.setVisible(bool(text))


def clear_form(form: QFormLayout) -> None:
    """Empty a form whose rows are built again. Its widgets are hidden at once and deleted when the
    event loop next runs: deleting a widget that takes part in the signal or focus change now under
    way (the button just pressed, the combo with the focus) can crash Qt."""
    def drop(item) -> None:
        if item is None:
            return
        widget, layout = item.widget(), item.layout()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif layout is not None:
            while layout.count():
                drop(layout.takeAt(0))
            layout.deleteLater()

    while form.rowCount():
        row = form.takeRow(0)
        drop(row.labelItem)
        drop(row.fieldItem)


def heading(text: str, parent: QWidget | None = None, size: float = 1.25) -> QLabel:
    lab = QLabel(text, parent)
    f = QFont(lab.font())
    f.setPointSizeF(f.pointSizeF() * size)
    f.setBold(True)
    lab.setFont(f)
    return lab


def hint(text: str, parent: QWidget | None = None) -> QLabel:
    lab = QLabel(text, parent)
    lab.setWordWrap(True)
    lab.setStyleSheet(f"color: {MUTED_COLOR};")
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    lab.setOpenExternalLinks(True)
    return lab


def hline(parent: QWidget | None = None) -> QFrame:
    f = QFrame(parent)
    f.setFrameShape(QFrame.Shape.HLine)
    f.setFrameShadow(QFrame.Shadow.Sunken)
    return f


class Banner(QFrame):
    """A coloured strip above the content: what is wrong, and one button to fix it."""

    action = Signal()

    STYLES = {
        "error": ("#FEF2F2", "#FCA5A5", "#7F1D1D"),
        "warning": ("#FFFBEB", "#FCD34D", "#78350F"),
        "info": ("#EFF6FF", "#93C5FD", "#1E3A8A"),
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 8, 8, 8)
        self.icon = QLabel(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton(self)
        self.button.clicked.connect(self.action)
        lay.addWidget(self.icon)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.button)
        self.hide()

    def show_message(self, kind: str, text: str, button: str | None = None, icon=None) -> None:
        bg, border, fg = self.STYLES.get(kind, self.STYLES["info"])
        self.setStyleSheet(f"QFrame#banner {{ background: {bg}; border: 1px solid {border}; border-radius: 6px; }}"
                           f" QFrame#banner QLabel {{ color: {fg}; }}")
        self.text.setText(text)
        if icon is not None:
            self.icon.setPixmap(icon.pixmap(20, 20))
        self.icon.setVisible(icon is not None)
        self.button.setVisible(bool(button))
        if button:
            self.button.setText(button)
        self.show()


class ScheduleEditor(QWidget):
    """An administration's sync schedule: daily or monthly, start, optional end, delay, automatic."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.enabled = QCheckBox(self.tr("&Sync this administration on a schedule"), self)
        self.enabled.setAccessibleName(self.tr("Scheduled sync"))
        form.addRow(self.enabled)
        self.frequency = QComboBox(self)
        self.frequency.addItem(self.tr("Daily"), "daily")
        self.frequency.addItem(self.tr("Monthly"), "monthly")
        self.frequency.setAccessibleName(self.tr("How often"))
        form.addRow(self.tr("How &often:"), self.frequency)
        self.start = QDateEdit(self)
        self.start.setCalendarPopup(True)
        self.start.setMinimumWidth(140)
        self.start.setAccessibleName(self.tr("Start date"))
        form.addRow(self.tr("S&tart date:"), self.start)
        end_row = QHBoxLayout()
        self.has_end = QCheckBox(self.tr("Stop on"), self)
        self.has_end.setAccessibleName(self.tr("Has an end date"))
        self.end = QDateEdit(self)
        self.end.setCalendarPopup(True)
        self.end.setMinimumWidth(140)
        self.end.setAccessibleName(self.tr("End date"))
        end_row.addWidget(self.has_end)
        end_row.addWidget(self.end)
        end_row.addStretch(1)
        end_label = QLabel(self.tr("&End date:"), self)
        end_label.setBuddy(self.has_end)
        form.addRow(end_label, end_row)
        self.delay = QSpinBox(self)
        self.delay.setRange(0, sch.MAX_DELAY_DAYS)
        self.delay.setSuffix(self.tr(" days"))
        self.delay.setAccessibleName(self.tr("Delay in days"))
        self.delay.setToolTip(self.tr("Wait this many days after a period ends before syncing it, "
                                      "so expenses settled late are included."))
        form.addRow(self.tr("&Delay:"), self.delay)
        self.automatic = QCheckBox(self.tr("&Automatic (off: only when you press Sync now)"), self)
        self.automatic.setAccessibleName(self.tr("Automatic"))
        form.addRow(self.automatic)
        self.explain = hint("", self)
        form.addRow(self.explain)
        for w in (self.enabled, self.has_end, self.automatic):
            w.toggled.connect(self._changed)
        self.frequency.currentIndexChanged.connect(self._changed)
        self.start.dateChanged.connect(self._changed)
        self.end.dateChanged.connect(self._changed)
        self.delay.valueChanged.connect(self._changed)
        self.set_schedule(None)

    def _changed(self, *args) -> None:
        on = self.enabled.isChecked()
        for w in (self.frequency, self.start, self.has_end, self.delay, self.automatic):
            w.setEnabled(on)
        self.end.setEnabled(on and self.has_end.isChecked())
        self._explain()
        self.changed.emit()

    def _explain(self) -> None:
        s = self.schedule()
        if s is None:
            self.explain.setText(self.tr("Without a schedule, expenses go to the ledger through the export "
                                         "queue and Export a month."))
            return
        try:
            sched = sch.SyncSchedule.from_dict(s)
        except sch.ScheduleError:
            self.explain.setText(self.tr("The end date is before the start date."))
            return
        first = sch.period_starting(sched, sched.start)
        if first is None:
            return
        from pleodesk.ui import fmt

        due = sch.due_time(sched, first)
        if s["frequency"] == "daily":
            text = self.tr("Each day is synced %n day(s) after it ends; the first, {day}, on {due}.", "",
                           s["delay_days"])
        else:
            text = self.tr("Each month is synced %n day(s) after it ends; the first, {day}, on {due}.", "",
                           s["delay_days"])
        self.explain.setText(text.format(day=fmt.day(first.start) if first.start == first.end
                                         else f"{fmt.day(first.start)} – {fmt.day(first.end)}",
                                         due=fmt.moment(due)))

    def set_schedule(self, d: dict | None) -> None:
        for w in (self.enabled, self.frequency, self.start, self.has_end, self.end, self.delay, self.automatic):
            w.blockSignals(True)
        today = clock.local_today()
        s = None
        try:
            s = sch.SyncSchedule.from_dict(d) if d else None
        except sch.ScheduleError:
            s = None
        self.enabled.setChecked(s is not None and s.enabled)
        s = s or sch.SyncSchedule(start=today.replace(day=1))
        self.frequency.setCurrentIndex(0 if s.frequency == "daily" else 1)
        self.start.setDate(QDate(s.start.year, s.start.month, s.start.day))
        self.has_end.setChecked(s.end is not None)
        end = s.end or today
        self.end.setDate(QDate(end.year, end.month, end.day))
        self.delay.setValue(s.delay_days)
        self.automatic.setChecked(s.automatic)
        for w in (self.enabled, self.frequency, self.start, self.has_end, self.end, self.delay, self.automatic):
            w.blockSignals(False)
        self._changed()

    def schedule(self) -> dict | None:
        if not self.enabled.isChecked():
            return None
        st = self.start.date()
        en = self.end.date()
        return {"frequency": self.frequency.currentData(), "start": date(st.year(), st.month(), st.day()).isoformat(),
                "end": date(en.year(), en.month(), en.day()).isoformat() if self.has_end.isChecked() else None,
                "delay_days": self.delay.value(), "automatic": self.automatic.isChecked(), "enabled": True}

    def problems(self) -> list[str]:
        s = self.schedule()
        if s is None:
            return []
        try:
            sch.SyncSchedule.from_dict(s)
        except sch.ScheduleError:
            return [self.tr("The end date is before the start date.")]
        return []


def expanding(w: QWidget) -> QWidget:
    w.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return w


def vbox(*widgets, margins: int | None = None) -> QVBoxLayout:
    lay = QVBoxLayout()
    if margins is not None:
        lay.setContentsMargins(margins, margins, margins, margins)
    for w in widgets:
        if isinstance(w, QWidget):
            lay.addWidget(w)
        elif w is None:
            lay.addStretch(1)
        else:
            lay.addLayout(w)
    return lay
