"""Driving the real widgets from tests."""

from __future__ import annotations

import csv
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

WAIT_MS = 20_000


def click_next(qtbot, wizard) -> None:
    """Press Next (or Save on the last page) and wait until the wizard moved on."""
    before = wizard.currentId()
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: wizard.button(QWizard.WizardButton.NextButton).isEnabled()
                    and wizard.button(QWizard.WizardButton.NextButton).isVisible(), timeout=WAIT_MS)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() != before, timeout=WAIT_MS)
    assert wizard.currentPage() is not page


def fill_pleo_page(qtbot, page, sandbox) -> None:
    page.url.clear()
    qtbot.keyClicks(page.url, sandbox.pleo_url)
    page.key.clear()
    qtbot.keyClicks(page.key, sandbox.api_key)
    page.company.clear()
    qtbot.keyClicks(page.company, sandbox.company_id)
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.isComplete, timeout=WAIT_MS)


def journal_entries(folder: Path) -> dict[str, list[dict]]:
    """journal.csv rows grouped by reference."""
    path = Path(folder) / "journal.csv"
    out: dict[str, list[dict]] = defaultdict(list)
    if not path.exists():
        return out
    with path.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out[row["reference"]].append(row)
    return out


def balanced(rows: list[dict]) -> bool:
    debit = sum((Decimal(r["debit"] or 0) for r in rows), Decimal(0))
    credit = sum((Decimal(r["credit"] or 0) for r in rows), Decimal(0))
    return debit == credit
