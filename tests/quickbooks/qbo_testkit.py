"""Helpers for the QuickBooks tests: constants, the fake browser (with the https redirect page's hand-over
to the loopback), sign-in, Pleo sandbox data as ledger entries.

Kept out of conftest.py so test modules can import them by a name no other test folder uses."""

from __future__ import annotations

import socket
import threading
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from pleodesk.providers.oauth import port_from_state
from pleodesk.providers.quickbooks.auth import QboConnector
from pleodesk.sandbox.qbo_emulator import FR_REALM, PRODUCTION_REDIRECT_URI

from qbo_contract import Recorder, skip_reason, specs_available

SCALE = 60.0
REALM = FR_REALM

requires_specs = pytest.mark.skipif(not specs_available(), reason=skip_reason())


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def bounce(url: str) -> str | None:
    """What docs/site/qbo-callback.html does with the address it is opened on: the loopback address the
    answer goes on to (None: it shows the answer for pasting)."""
    parts = urlsplit(url)
    q = parse_qs(parts.query)
    port = port_from_state((q.get("state") or [""])[0])
    if port is None or ("code" not in q and "error" not in q):
        return None
    return f"http://127.0.0.1:{port}/callback?{parts.query}"


def fake_browser(log: list[str] | None = None, *, land: list[str] | None = None, follow_bounce: bool = True):
    """A browser that follows the authorise URL to the emulator and the redirect on, through the https
    redirect page (its hand-over to the loopback, see ``bounce``) when the redirect is that page.
    ``land`` collects the address the browser ended on when it did not go on (to paste)."""

    def open_browser(url: str) -> bool:
        def run() -> None:
            r = httpx.get(url, follow_redirects=False, timeout=10)
            if log is not None:
                log.append(url)
            if r.status_code not in (301, 302, 303):
                return
            location = r.headers["location"]
            if location.startswith(PRODUCTION_REDIRECT_URI):
                target = bounce(location) if follow_bounce else None
                if target is None:
                    if land is not None:
                        land.append(location)
                    return
                location = target
            httpx.get(location, timeout=10)

        threading.Thread(target=run, daemon=True).start()
        return True

    return open_browser


def sign_in(settings: dict[str, Any], port: int, recorder: Recorder, conn_id: Any = 1, *, secret: str | None = None,
            **kw) -> dict[str, Any]:
    connector = QboConnector(settings, secret=secret, ports=[port], open_browser=fake_browser(), transport=recorder)
    return connector.connect(conn_id, timeout=20, **kw)


# --------------------------------------------------------------------------- Pleo data -------------
CATEGORIES = {"625100": "625100", "625110": "625110", "625700": "625700", "651100": "651100", "606400": "606400",
              "623000": "623000", "626000": "626000", "618500": "618500", "625120": "625120", "625600": "625600",
              "627000": "627000", "758000": "758000", "580000": "580000", "530000": "530000"}
TAXES = {"20%": "TVA 20 %", "10%": "TVA 10 %", "5.5%": "TVA 5,5 %", "2.1%": "TVA 2,1 %", "0%": "Exonéré",
         "AI20": "Autoliquidation UE 20 %"}
TAGS = {("DEPT", "SALES"): "Ventes", ("DEPT", "ENG"): "Technique", ("DEPT", "OPS"): "Opérations",
        ("DEPT", "MKT"): "Marketing", ("PROJECT", "P-ATLAS"): "Atlas rollout",
        ("PROJECT", "P-BOREAS"): "Boreas migration", ("PROJECT", "P-CERES"): "Ceres pilot",
        ("PROJECT", "P-DELTA"): "Delta partnership", ("PROJECT", "P-EOS"): "Eos rebrand",
        ("PROJECT", "P-FENIX"): "Fenix internal tools"}


def demo_mappings(**contra):
    """The French Pleo sandbox's categories, VAT codes and tags mapped onto the emulator's French company,
    with the Pleo bank account "512" and the Pocket account "5121" the setup creates."""
    from pleodesk.core.ledger import CategoryMapping, ContraRole, Mappings

    m = Mappings()
    for pleo, qbo in CATEGORIES.items():
        m.categories[pleo] = CategoryMapping(qbo)
    m.taxes = dict(TAXES)
    m.tag_groups = {"DEPT": "Class", "PROJECT": "Project"}
    m.tags = dict(TAGS)
    m.contra = {ContraRole.WALLET: "512", ContraRole.OUT_OF_POCKET: "5121",
                ContraRole.EXTERNAL_REIMBURSEMENT: "512000", ContraRole.PAYABLE: "401000"}
    m.contra.update(contra)
    m.default_account = "471000"
    return m


def demo_entries(sandbox, provider, *, limit: int | None = None, mappings=None, kinds=None):
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
    return out[:limit] if limit else out
