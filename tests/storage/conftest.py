"""Fixtures for the storage tests: a real SQLite file per test, and Pleo export items."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest

REPO = Path(__file__).resolve().parents[2]
if importlib.util.find_spec("pleodesk") is None:    # not installed and no pytest pythonpath: use the checkout
    sys.path.insert(0, str(REPO))

from pleodesk.storage import Store, open_store  # noqa: E402


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "pleodesk.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = open_store(db_path)
    yield s
    s.close()


@pytest.fixture
def conn_id(store: Store) -> int:
    return store.add_connection("Acme ApS", "odoo", pleo_company_id="c-1",
                                ledger_company_id="7", ledger_company_name="Acme ApS").id


@pytest.fixture
def make_item():
    """``make_item(expense_id, **changes)``: a small but well-formed ExportItemV3 dict."""
    return export_item


def export_item(expense_id: str, *, company_id: str = "c-1", date: str = "2026-03-14T10:00:00Z",
                value: int = 12500, currency: str = "DKK", kind: str = "card_purchase",
                note: str | None = None) -> dict[str, Any]:
    """A small but well-formed ExportItemV3."""
    money = {"inWalletCurrency": {"value": value, "currency": currency},
             "inSupplierCurrency": {"value": value, "currency": currency}}
    return {
        "accountingEntryId": expense_id,
        "companyId": company_id,
        "type": kind,
        "date": date,
        "amount": money,
        "accountingEntryLines": [{
            "accountingEntryLineId": f"{expense_id}-l1",
            "account": {"id": "acc-1", "name": "Travel", "code": "6100"},
            "lineAmount": money, "netAmount": money, "tax": None,
            "tags": [{"id": "t1", "code": "P-1", "groupCode": "PROJ"}],
        }],
        "supplier": {"name": "SAS", "country": "DK"},
        "note": note,
        "files": [{"url": f"https://files.example/{expense_id}/1", "type": "image/jpeg", "size": 2048}],
    }
