"""Editors for the mappings (Pleo -> ledger), shared by the wizard and the connection settings.

Each editor edits a ``Mappings`` object in place and emits ``changed`` after every edit.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QMessageBox, QPushButton, QSplitter, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from pleodesk.core.ledger import CategoryMapping, ContraRole, LedgerChart, Mappings
from pleodesk.ui.widgets import cap, clear_form
from pleodesk.ui.wizard.state import MAX_TAG_GROUPS

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
AUTO_ROLE = Qt.ItemDataRole.UserRole + 2        # True on a category matched automatically
AUTO_COLOUR = "#FEF3C7"                         # a light amber: look at this row


def _account_combo(chart: LedgerChart, current: str | None, none_text: str, parent=None,
                   types: set[str] | None = None) -> QComboBox:
    """Accounts to choose from (active ones, of ``types`` if given), and the current one in any case."""
    combo = QComboBox(parent)
    combo.addItem(none_text, None)
    for code, acc in sorted(chart.accounts.items()):
        if (not acc.active or (types and acc.type not in types)) and code != current:
            continue
        text = f"{code} – {acc.name}" + ("" if acc.active else QCoreApplication.translate("mapping", " (archived)"))
        combo.addItem(text, code)
    if current and current not in chart.accounts:
        combo.addItem(QCoreApplication.translate("mapping", "{code} (not in the ledger)").format(code=current), current)
    idx = combo.findData(current) if current else 0
    combo.setCurrentIndex(max(0, idx))
    combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return combo


def _tax_combo(chart: LedgerChart, current: str | None, none_text: str, parent=None) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(none_text, None)
    for code, tax in sorted(chart.taxes.items()):
        if not tax.active and code != current:
            continue
        combo.addItem(f"{code} – {tax.name}", code)
    if current and current not in chart.taxes:
        combo.addItem(QCoreApplication.translate("mapping", "{code} (not in the ledger)").format(code=current), current)
    idx = combo.findData(current) if current else 0
    combo.setCurrentIndex(max(0, idx))
    combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return combo


class CategoryTable(QWidget):
    """Pleo categories -> friendly name, ledger account and tax code; search and "only unmapped"."""

    changed = Signal()
    COL_CATEGORY, COL_LABEL, COL_ACCOUNT, COL_TAX = range(4)

    def __init__(self, parent: QWidget | None = None, naming: dict | None = None) -> None:
        super().__init__(parent)
        naming = naming or {}
        self.mappings = Mappings()
        self.chart = LedgerChart()
        self.categories: list[dict] = []
        self._auto: Callable[[], int] | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search categories or accounts"))
        self.search.setAccessibleName(self.tr("Search categories"))
        self.search.setClearButtonEnabled(True)
        self.only_unmapped = QCheckBox(self.tr("Only &unmapped"), self)
        self.auto_button = QPushButton(self.tr("&Match automatically"), self)
        self.auto_button.setToolTip(self.tr("Map every unmapped category to the ledger account with the same code "
                                            "or name, among the accounts of a type that can take it."))
        self.counts = QLabel(self)
        self.counts.setAccessibleName(self.tr("Mapped and unmapped categories"))
        bar.addWidget(self.search, 1)
        bar.addWidget(self.only_unmapped)
        bar.addWidget(self.auto_button)
        lay.addLayout(bar)
        self.counts.setWordWrap(True)
        lay.addWidget(self.counts)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Pleo category"), self.tr("Name shown to employees"),
                                              cap(naming.get("account", self.tr("Ledger account"))),
                                              cap(naming.get("tax", self.tr("Tax code")))])
        self.table.setAccessibleName(self.tr("Categories and their ledger accounts"))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(self.COL_CATEGORY, QHeaderView.ResizeMode.ResizeToContents)
        # The ledger account gets the room (its names are what is checked); the label column can be widened.
        hh.setSectionResizeMode(self.COL_LABEL, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(self.COL_LABEL, 170)
        hh.setSectionResizeMode(self.COL_ACCOUNT, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(self.COL_TAX, QHeaderView.ResizeMode.ResizeToContents)
        lay.addWidget(self.table, 1)
        self.search.textChanged.connect(self._filter)
        self.only_unmapped.toggled.connect(self._filter)
        self.auto_button.clicked.connect(self._auto_match)
        self.table.itemChanged.connect(self._label_edited)

    def set_auto_matcher(self, fn: Callable[[], int]) -> None:
        self._auto = fn

    def set_data(self, categories: list[dict], chart: LedgerChart, mappings: Mappings) -> None:
        self.categories = categories
        self.chart = chart
        self.mappings = mappings
        self._rebuild()

    def _rebuild(self) -> None:
        t = self.table
        t.blockSignals(True)
        t.setRowCount(len(self.categories))
        none_account = self.tr("— not mapped —")
        none_tax = self.tr("— as Pleo sends it —")
        for row, cat in enumerate(self.categories):
            key = cat["key"]
            name = cat["name"] or cat["code"]
            text = f"{cat['code']} – {name}" if cat["code"] and cat["code"] != name else name
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            item.setData(KEY_ROLE, key)
            if key in self.mappings.auto_categories and key in self.mappings.categories:
                item.setBackground(QColor(AUTO_COLOUR))
                item.setToolTip(self.tr("Matched automatically: check the account."))
                item.setData(AUTO_ROLE, True)
            t.setItem(row, self.COL_CATEGORY, item)
            label = QTableWidgetItem(self.mappings.category_labels.get(key, cat["name"] or ""))
            label.setData(KEY_ROLE, key)
            t.setItem(row, self.COL_LABEL, label)
            cm = self.mappings.categories.get(key)
            acc = _account_combo(self.chart, cm.account if cm else None, none_account, t)
            acc.setAccessibleName(self.tr("Ledger account for {category}").format(category=text))
            acc.currentIndexChanged.connect(lambda _i, k=key: self._account_changed(k))
            t.setCellWidget(row, self.COL_ACCOUNT, acc)
            tax = _tax_combo(self.chart, cm.tax_code if cm else None, none_tax, t)
            tax.setAccessibleName(self.tr("Tax code for {category}").format(category=text))
            tax.currentIndexChanged.connect(lambda _i, k=key: self._account_changed(k))
            t.setCellWidget(row, self.COL_TAX, tax)
        t.blockSignals(False)
        self._filter()

    def _row_of(self, key: str) -> int:
        for row in range(self.table.rowCount()):
            if self.table.item(row, self.COL_CATEGORY).data(KEY_ROLE) == key:
                return row
        return -1

    def _account_changed(self, key: str) -> None:
        row = self._row_of(key)
        acc = self.table.cellWidget(row, self.COL_ACCOUNT).currentData()
        tax = self.table.cellWidget(row, self.COL_TAX).currentData()
        if acc:
            self.mappings.categories[key] = CategoryMapping(acc, tax)
        else:
            self.mappings.categories.pop(key, None)
        if key in self.mappings.auto_categories:       # chosen by the user now: no longer marked
            self.mappings.auto_categories.discard(key)
            item = self.table.item(row, self.COL_CATEGORY)
            item.setBackground(QBrush())
            item.setToolTip("")
            item.setData(AUTO_ROLE, False)
        self._update_counts()
        self.changed.emit()

    def _label_edited(self, item: QTableWidgetItem) -> None:
        if item.column() != self.COL_LABEL:
            return
        key = item.data(KEY_ROLE)
        text = item.text().strip()
        if text:
            self.mappings.category_labels[key] = text
        else:
            self.mappings.category_labels.pop(key, None)
        self.changed.emit()

    def _auto_match(self) -> None:
        if self._auto is None:
            return
        added = self._auto()
        self._rebuild()
        self.changed.emit()
        self.counts.setToolTip(self.tr("%n mapping(s) added automatically", "", added))

    def _filter(self) -> None:
        needle = self.search.text().strip().casefold()
        only = self.only_unmapped.isChecked()
        for row in range(self.table.rowCount()):
            key = self.table.item(row, self.COL_CATEGORY).data(KEY_ROLE)
            text = " ".join(filter(None, [self.table.item(row, self.COL_CATEGORY).text(),
                                          self.table.item(row, self.COL_LABEL).text(),
                                          self.table.cellWidget(row, self.COL_ACCOUNT).currentText()]))
            hide = (only and key in self.mappings.categories) or (needle and needle not in text.casefold())
            self.table.setRowHidden(row, bool(hide))
        self._update_counts()

    def auto_keys(self) -> list[str]:
        """The categories shown as matched automatically (not yet changed by the user)."""
        return [c["key"] for c in self.categories
                if c["key"] in self.mappings.auto_categories and c["key"] in self.mappings.categories]

    def _update_counts(self) -> None:
        mapped = sum(1 for c in self.categories if c["key"] in self.mappings.categories)
        unmapped = len(self.categories) - mapped
        text = self.tr("{mapped} mapped · {unmapped} unmapped").format(mapped=mapped, unmapped=unmapped)
        auto = len(self.auto_keys())
        if auto:
            text += " · " + self.tr("%n matched automatically (highlighted): check them", "", auto)
        self.counts.setText(text)
        self.counts.setStyleSheet("color: #B45309;" if unmapped else "color: #15803D;")

    def focus_key(self, key: str) -> bool:
        """Show and focus the row of category ``key`` (for a Problems "Fix")."""
        self.search.clear()
        self.only_unmapped.setChecked(False)
        row = self._row_of(key)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollToItem(self.table.item(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        self.table.cellWidget(row, self.COL_ACCOUNT).setFocus()
        return True

    def counts_tuple(self) -> tuple[int, int]:
        mapped = sum(1 for c in self.categories if c["key"] in self.mappings.categories)
        return mapped, len(self.categories) - mapped


class TaxTable(QWidget):
    """Pleo tax codes -> ledger tax codes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, naming: dict | None = None) -> None:
        super().__init__(parent)
        naming = naming or {}
        self.mappings = Mappings()
        self.chart = LedgerChart()
        self.taxes: list[dict] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Pleo tax code"), self.tr("Rate"),
                                              cap(naming.get("tax", self.tr("Tax code")))])
        self.table.setAccessibleName(self.tr("Pleo tax codes and their ledger tax codes"))
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table)

    def set_data(self, taxes: list[dict], chart: LedgerChart, mappings: Mappings) -> None:
        from decimal import Decimal

        self.taxes, self.chart, self.mappings = taxes, chart, mappings
        t = self.table
        t.setRowCount(len(taxes))
        for row, tax in enumerate(taxes):
            item = QTableWidgetItem(f"{tax['code']} – {tax['name']}" if tax["code"] else tax["name"])
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            item.setData(KEY_ROLE, tax["key"])
            t.setItem(row, 0, item)
            try:
                pct = f"{(Decimal(str(tax['rate'])) * 100).normalize():f} %"
            except Exception:  # noqa: BLE001
                pct = str(tax["rate"])
            if tax.get("type") == "reverse":
                pct += " " + self.tr("(reverse charge)")
            rate = QTableWidgetItem(pct)
            rate.setFlags(rate.flags() & ~Qt.ItemFlag.ItemIsEditable)
            t.setItem(row, 1, rate)
            combo = _tax_combo(chart, mappings.taxes.get(tax["key"]), self.tr("— not mapped —"), t)
            combo.setAccessibleName(self.tr("Ledger tax code for {tax}").format(tax=item.text()))
            combo.currentIndexChanged.connect(lambda _i, k=tax["key"], c=combo: self._changed(k, c))
            t.setCellWidget(row, 2, combo)

    def _changed(self, key: str, combo: QComboBox) -> None:
        code = combo.currentData()
        if code:
            self.mappings.taxes[key] = code
        else:
            self.mappings.taxes.pop(key, None)
        self.changed.emit()

    def focus_key(self, key: str) -> bool:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(KEY_ROLE) == key:
                self.table.selectRow(row)
                self.table.cellWidget(row, 2).setFocus()
                return True
        return False


class TagEditor(QWidget):
    """Pleo tag groups -> the ledger's dimensions (at most 5); each tag -> a dimension value."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, naming: dict | None = None) -> None:
        super().__init__(parent)
        naming = naming or {}
        self.naming = naming
        self.mappings = Mappings()
        self.chart = LedgerChart()
        self.groups: list[dict] = []
        self.tags: dict[str, list[dict]] = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.group_table = QTableWidget(0, 2, split)
        self.group_table.setHorizontalHeaderLabels([self.tr("Pleo tag group"),
                                                    cap(naming.get("dimension", self.tr("dimension")))])
        self.group_table.setAccessibleName(self.tr("Pleo tag groups and where they go in the ledger"))
        self.group_table.verticalHeader().setVisible(False)
        self.group_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.group_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.group_table.setTabKeyNavigation(False)
        self.group_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tag_table = QTableWidget(0, 2, split)
        self.tag_table.setHorizontalHeaderLabels([self.tr("Pleo tag"), self.tr("Value in the ledger")])
        self.tag_table.setAccessibleName(self.tr("Tags and their dimension values"))
        self.tag_table.verticalHeader().setVisible(False)
        self.tag_table.setTabKeyNavigation(False)
        self.tag_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        lay.addWidget(split, 1)
        bottom = QHBoxLayout()
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        bottom.addWidget(self.counts, 1)
        # Pleo's tags become values in the ledger, as Pleo's help articles do it: the missing ones can be
        # created there (analytic accounts, tracking options) instead of being picked one by one.
        self.create_button = QPushButton(self.tr("Create the &missing values…"), self)
        self.create_button.setToolTip(self.tr("Create a value in the ledger for each tag of the chosen group that "
                                              "has none yet, named as in Pleo, and map the tags to them."))
        self.create_button.clicked.connect(self._create_missing)
        self.create_button.hide()
        bottom.addWidget(self.create_button)
        lay.addLayout(bottom)
        self.max_groups = MAX_TAG_GROUPS
        self._creator: Callable | None = None
        self.group_table.itemSelectionChanged.connect(self._show_tags)

    def set_value_creator(self, fn: Callable | None) -> None:
        """``fn(dimension, values, done)``: create ``values`` in the ledger's ``dimension`` off the GUI thread,
        then call ``done(chart)`` (or ``done(None)`` when that failed: the caller says why)."""
        self._creator = fn
        self._update_create_button()

    def missing_values(self, code: str | None = None) -> list[str]:
        """The values the ledger lacks for the tags of group ``code`` (the chosen one) not mapped yet."""
        from pleodesk.core.matching import missing_values

        code = code or self._current_group()
        dim = self.mappings.tag_groups.get(code) if code else None
        if not dim or dim not in self.chart.dimensions:
            return []
        d = self.chart.dimensions[dim]
        mapped = [t for (g, t) in self.mappings.tags if g == code]
        return missing_values(self.tags.get(code, []), [*d.values, *d.archived_values], mapped)

    def _update_create_button(self) -> None:
        missing = self.missing_values() if self._creator is not None else []
        self.create_button.setVisible(self._creator is not None)
        self.create_button.setEnabled(bool(missing))
        dim = self.mappings.tag_groups.get(self._current_group() or "")
        self.create_button.setText(self.tr("Create %n missing value(s) in {dimension}…", "", len(missing)).format(
            dimension=dim or self.naming.get("dimension", "")) if missing else self.tr("Create the &missing values…"))

    def _create_missing(self) -> None:
        code = self._current_group()
        dim = self.mappings.tag_groups.get(code) if code else None
        values = self.missing_values(code)
        if not values or self._creator is None or dim is None:
            return
        shown = "\n".join(f"• {v}" for v in values[:15]) + ("\n…" if len(values) > 15 else "")
        if QMessageBox.question(self, self.tr("Create values"), self.tr(
                "Create these values in {dimension}, and map the tags to them?\n\n{values}").format(
                dimension=dim, values=shown)) != QMessageBox.StandardButton.Yes:
            return
        self.create_button.setEnabled(False)

        def done(chart) -> None:
            if chart is None:
                self._update_create_button()
                return
            self.chart = chart
            from pleodesk.core.matching import match_dimension_value

            new = chart.dimensions[dim].values if dim in chart.dimensions else ()
            for tag in self.tags.get(code, []):
                if (code, tag["code"]) not in self.mappings.tags:
                    v = match_dimension_value(tag, new)
                    if v:
                        self.mappings.tags[(code, tag["code"])] = v
            self._show_tags()
            self._update_counts()
            self.changed.emit()

        self._creator(dim, values, done)

    def set_data(self, groups: list[dict], tags: dict[str, list[dict]], chart: LedgerChart,
                 mappings: Mappings) -> None:
        self.groups, self.tags, self.chart, self.mappings = groups, tags, chart, mappings
        t = self.group_table
        t.setRowCount(len(groups))
        for row, g in enumerate(groups):
            item = QTableWidgetItem(g.get("name") or g["code"])
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            item.setData(KEY_ROLE, g["code"])
            t.setItem(row, 0, item)
            combo = QComboBox(t)
            combo.addItem(self.tr("— not exported —"), None)
            for name in sorted(chart.dimensions):
                combo.addItem(name, name)
            current = mappings.tag_groups.get(g["code"])
            if current and combo.findData(current) < 0:
                combo.addItem(self.tr("{name} (not in the ledger)").format(name=current), current)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
            combo.setAccessibleName(self.tr("{dimension} for tag group {group}").format(
                dimension=cap(self.naming.get("dimension", self.tr("dimension"))), group=item.text()))
            combo.currentIndexChanged.connect(lambda _i, code=g["code"], c=combo: self._group_changed(code, c))
            t.setCellWidget(row, 1, combo)
        if groups:
            t.selectRow(0)
        self._show_tags()
        self._update_counts()

    def _group_changed(self, code: str, combo: QComboBox) -> None:
        dim = combo.currentData()
        if dim and code not in self.mappings.tag_groups and len(self.mappings.tag_groups) >= self.max_groups:
            QMessageBox.information(self, self.tr("Too many tag groups"),
                                    self.tr("At most %n tag group(s) can be exported as {dimensions}. "
                                            "Stop exporting another group first.", "", self.max_groups).format(
                                        dimensions=self.naming.get("dimensions", "dimensions")))
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
            return
        if dim:
            if self.mappings.tag_groups.get(code) != dim:
                # Values of another dimension do not carry over.
                for k in [k for k in self.mappings.tags if k[0] == code]:
                    self.mappings.tags.pop(k, None)
                from pleodesk.ui.wizard.state import match_dimension_value

                values = self.chart.dimensions[dim].values if dim in self.chart.dimensions else ()
                for tag in self.tags.get(code, []):
                    v = match_dimension_value(tag, values)
                    if v:
                        self.mappings.tags[(code, tag["code"])] = v
            self.mappings.tag_groups[code] = dim
        else:
            self.mappings.tag_groups.pop(code, None)
            for k in [k for k in self.mappings.tags if k[0] == code]:
                self.mappings.tags.pop(k, None)
        self._select_group(code)
        self._show_tags()
        self._update_counts()
        self.changed.emit()

    def _select_group(self, code: str) -> None:
        for row in range(self.group_table.rowCount()):
            if self.group_table.item(row, 0).data(KEY_ROLE) == code:
                self.group_table.selectRow(row)

    def _current_group(self) -> str | None:
        rows = self.group_table.selectionModel().selectedRows() if self.group_table.selectionModel() else []
        if not rows:
            return None
        return self.group_table.item(rows[0].row(), 0).data(KEY_ROLE)

    def _show_tags(self) -> None:
        code = self._current_group()
        tags = self.tags.get(code, []) if code else []
        dim = self.mappings.tag_groups.get(code) if code else None
        values = sorted(self.chart.dimensions[dim].values) if dim and dim in self.chart.dimensions else []
        t = self.tag_table
        t.setRowCount(len(tags))
        for row, tag in enumerate(tags):
            item = QTableWidgetItem(f"{tag['name']} ({tag['code']})" if tag.get("name") else tag["code"])
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            item.setData(KEY_ROLE, tag["code"])
            t.setItem(row, 0, item)
            combo = QComboBox(t)
            combo.addItem(self.tr("— not mapped —") if dim else self.tr("— choose the {dimension} first —").format(
                dimension=self.naming.get("dimension", self.tr("dimension"))), None)
            for v in values:
                combo.addItem(v, v)
            current = self.mappings.tags.get((code, tag["code"]))
            if current and combo.findData(current) < 0:
                combo.addItem(self.tr("{name} (not in the ledger)").format(name=current), current)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
            combo.setEnabled(bool(dim))
            combo.setAccessibleName(self.tr("Value for tag {tag}").format(tag=item.text()))
            combo.currentIndexChanged.connect(lambda _i, g=code, tc=tag["code"], c=combo: self._tag_changed(g, tc, c))
            t.setCellWidget(row, 1, combo)
        self._update_create_button()

    def _tag_changed(self, group: str, tag: str, combo: QComboBox) -> None:  # noqa: D401
        v = combo.currentData()
        if v:
            self.mappings.tags[(group, tag)] = v
        else:
            self.mappings.tags.pop((group, tag), None)
        self._update_counts()
        self.changed.emit()

    def _update_counts(self) -> None:
        groups = len(self.mappings.tag_groups)
        self.counts.setText(self.tr("{groups} of at most {max} tag groups exported as {dimensions}; %n tag(s) "
                                    "mapped.", "", len(self.mappings.tags)).format(
            groups=groups, max=self.max_groups, dimensions=self.naming.get("dimensions", self.tr("dimensions"))))
        self._update_create_button()

    def focus_key(self, key: str) -> bool:
        """``key``: a tag group code, or ``group/tag``."""
        group, _, tag = key.partition("/")
        self._select_group(group)
        self._show_tags()
        if tag:
            for row in range(self.tag_table.rowCount()):
                if self.tag_table.item(row, 0).data(KEY_ROLE) == tag:
                    self.tag_table.selectRow(row)
                    self.tag_table.cellWidget(row, 1).setFocus()
                    return True
        return self._current_group() == group


class ContraEditor(QWidget):
    """The counter accounts by role (wallet, out-of-pocket, ...) and the default account."""

    changed = Signal()
    create_requested = Signal(str)          # role value, or "default"

    def __init__(self, parent: QWidget | None = None, naming: dict | None = None,
                 can_create: bool = False) -> None:
        super().__init__(parent)
        self.naming = naming or {}
        self.can_create = can_create
        self.role_types: dict[str, set[str]] = {}      # role -> the account types offered for it
        self.mappings = Mappings()
        self.chart = LedgerChart()
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setVerticalSpacing(10)
        self.combos: dict[str, QComboBox] = {}
        self.buttons: dict[str, QPushButton] = {}

    def set_data(self, chart: LedgerChart, mappings: Mappings) -> None:
        self.chart, self.mappings = chart, mappings
        clear_form(self.form)
        self.combos.clear()
        self.buttons.clear()
        for role in ContraRole:
            label_text = self.naming.get(role.value, role.value)
            required = role is ContraRole.WALLET
            none_text = self.tr("— choose one —") if required else self.tr("— not used —")
            combo = _account_combo(chart, mappings.contra.get(role), none_text, self,
                                   self.role_types.get(role.value))
            combo.setAccessibleName(label_text)
            combo.currentIndexChanged.connect(lambda _i, r=role, c=combo: self._changed(r.value, c))
            row = QHBoxLayout()
            row.addWidget(combo, 1)
            if self.can_create:
                b = QPushButton(self.tr("Create…"), self)
                b.setAccessibleName(self.tr("Create an account for: {role}").format(role=label_text))
                b.clicked.connect(lambda _c=False, r=role.value: self.create_requested.emit(r))
                row.addWidget(b)
                self.buttons[role.value] = b
            label = QLabel((label_text + (" *" if required else "") + ":"), self)
            label.setBuddy(combo)
            self.form.addRow(label, row)
            self.combos[role.value] = combo
        combo = _account_combo(chart, mappings.default_account, self.tr("— hold them until categorised —"), self,
                               self.role_types.get("default"))
        combo.setAccessibleName(self.tr("Account for expenses without a category"))
        combo.currentIndexChanged.connect(lambda _i, c=combo: self._changed("default", c))
        label = QLabel(self.tr("Expenses &without a category:"), self)
        label.setBuddy(combo)
        self.form.addRow(label, combo)
        self.combos["default"] = combo

    def _changed(self, role: str, combo: QComboBox) -> None:
        code = combo.currentData()
        if role == "default":
            self.mappings.default_account = code or None
        elif code:
            self.mappings.contra[ContraRole(role)] = code
        else:
            self.mappings.contra.pop(ContraRole(role), None)
        self.changed.emit()

    def focus_key(self, key: str) -> bool:
        combo = self.combos.get(key)
        if combo is None:
            return False
        combo.setFocus()
        return True
