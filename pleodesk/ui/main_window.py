"""The main window (a plain first version: connections and their export counts)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget


class MainWindow(QMainWindow):
    def __init__(self, store=None) -> None:
        super().__init__()
        from pleodesk.storage import open_store

        self.store = store or open_store()
        self.setWindowTitle("pleodesk")
        self.resize(900, 560)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.heading = QLabel(self)
        layout.addWidget(self.heading)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(["Connection", "System", "State", "Expenses"])
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        self.refresh()

    def refresh(self) -> None:
        conns = self.store.list_connections()
        self.heading.setText("Connections" if conns else
                             "No connections yet. Use 'pleodesk setup --file FILE' to add one.")
        self.table.setRowCount(len(conns))
        for row, c in enumerate(conns):
            counts = self.store.counts_by_status(c.id)
            text = ", ".join(f"{v} {k}" for k, v in sorted(counts.items())) or "none yet"
            for col, value in enumerate((c.name, c.system, c.state, text)):
                self.table.setItem(row, col, QTableWidgetItem(value))
