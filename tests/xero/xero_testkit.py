"""Helpers for the Xero tests (constants, the fake browser, sign-in, Pleo sandbox data as ledger entries).

Kept out of conftest.py so test modules can import them by a name no other test folder uses."""

from __future__ import annotations

import socket
import threading
from typing import Any

import httpx
import pytest

from pleodesk.providers.xero.auth import XeroConnector

from xero_contract import Recorder, skip_reason, specs_available

SCALE = 120.0
TENANT = "8c3f2e0b-6d1a-4c59-9e7b-0a1d2c3b4e5f"
OTHER_TENANT = "1f2e3d4c-5b6a-4798-8a9b-cadbecfd0e1f"

requires_specs = pytest.mark.skipif(not specs_available(), reason=skip_reason())

def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def fake_browser(log: list[str] | None = None):
    """A browser that follows the authorise URL to the emulator and the redirect to pleodesk's loopback."""

    def open_browser(url: str) -> bool:
        def run() -> None:
            r = httpx.get(url, follow_redirects=False, timeout=10)
            if log is not None:
                log.append(url)
            if r.status_code in (301, 302, 303):
                httpx.get(r.headers["location"], timeout=10)

        threading.Thread(target=run, daemon=True).start()
        return True

    return open_browser


def sign_in(settings: dict[str, Any], port: int, recorder: Recorder, conn_id: Any = 1, **kw) -> dict[str, Any]:
    connector = XeroConnector(settings, ports=[port], open_browser=fake_browser(), transport=recorder)
    return connector.connect(conn_id, timeout=20, **kw)


# --------------------------------------------------------------------------- Pleo data -------------
def demo_mappings(**contra):
    """The Pleo sandbox's categories, tax codes and tags mapped onto the Xero emulator's demo chart."""
    from pleodesk.core.ledger import CategoryMapping, ContraRole, Mappings

    m = Mappings()
    for code in ("4000", "4010", "4100", "4200", "4300", "4400", "4500", "4600", "4700", "4710", "4800", "8900"):
        m.categories[code] = CategoryMapping(code)
    m.categories["1150"] = CategoryMapping("090")     # wallet top-ups: a transfer from the business bank
    m.categories["1000"] = CategoryMapping("1010")    # cash withdrawals: a transfer to petty cash
    m.taxes = {"21%": "TAX001", "9%": "TAX002", "0%": "NONE", "RC21": "TAX003"}
    m.tag_groups = {"DEPT": "Department", "PROJECT": "Project"}
    m.tags = {("DEPT", "SALES"): "Sales", ("DEPT", "ENG"): "Engineering", ("DEPT", "OPS"): "Operations",
              ("DEPT", "MKT"): "Marketing", ("PROJECT", "P-ATLAS"): "Atlas rollout",
              ("PROJECT", "P-BOREAS"): "Boreas migration", ("PROJECT", "P-CERES"): "Ceres pilot",
              ("PROJECT", "P-DELTA"): "Delta partnership", ("PROJECT", "P-EOS"): "Eos rebrand",
              ("PROJECT", "P-FENIX"): "Fenix internal tools"}
    m.contra = {ContraRole.WALLET: "PLEOBANK", ContraRole.OUT_OF_POCKET: "PLEOPOCKET",
                ContraRole.EXTERNAL_REIMBURSEMENT: "090", ContraRole.PAYABLE: "1600"}
    m.contra.update(contra)
    m.default_account = "PLEO"
    return m


def demo_entries(sandbox, provider, *, limit: int | None = None, mappings=None, kinds=None, roles=None):
    """Ledger entries for the Pleo sandbox's expenses, as the engine would post them."""
    from pleodesk.core.ledger import ExportOptions
    from pleodesk.core.model import Expense
    from pleodesk.core.posting import post
    from pleodesk.core.validation import validate

    chart = provider.read_chart()
    m = mappings or demo_mappings()
    expenses = [Expense.from_export_item(sandbox.pleo.export_item(e.id)) for e in sandbox.pleo.entries]
    if kinds:
        expenses = [e for e in expenses if e.kind.value in kinds]
    report = validate(expenses, m, chart, ExportOptions())
    ok = set(report.ok_ids)
    out = [post(e, m, chart) for e in expenses if e.id in ok]
    if roles:
        out = [e for e in out if e.contra_role.value in roles]
    return out[:limit] if limit else out
