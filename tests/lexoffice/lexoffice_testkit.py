"""Helpers for the Lexware Office tests: ledger entries by hand, raw calls to the emulator, a browser
for the partner sign-in. Kept out of conftest.py so test modules can import them by a name no other
test folder uses."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal
from typing import Any

import httpx

from pleodesk.core.ledger import ContraRole, LedgerEntry, Posting
from pleodesk.core.model import ExpenseKind
from pleodesk.core.money import Money
from pleodesk.providers.lexoffice import vouchers

#: lexoffice's clock runs this many times faster in the tests (2 calls a second become 80).
SCALE = 40.0
DAY = date(2026, 8, 14)


def category_code(state, name: str) -> str:
    """pleodesk's code of a demo category (the first 8 hex digits of its id)."""
    cat = next(c for c in state.demo.categories if c["name"] == name)
    return cat["id"].replace("-", "")[:8]


def category_id(state, name: str) -> str:
    return next(c for c in state.demo.categories if c["name"] == name)["id"]


def entry(lines: list[tuple], *, eid: str = "00000000-0000-4000-8000-000000000001", payee: str = "REWE",
          currency: str = "EUR", employee: str = "Anna Vos", day: date = DAY, web_url: str | None = None,
          kind: ExpenseKind = ExpenseKind.CARD_PURCHASE) -> LedgerEntry:
    """A ledger entry as the posting rules build it. ``lines``: ``(category code, gross, tax code, tax)``
    or ``(category code, net, tax code, tax, "reverse")`` (reverse charge: tax self-assessed)."""
    postings: list[Posting] = []
    total = Decimal(0)
    z = Decimal(0)

    def p(account: str, signed: Decimal, **kw: Any) -> Posting:
        return Posting(account, signed if signed > 0 else z, -signed if signed < 0 else z, currency, **kw)

    for i, line in enumerate(lines):
        cat, amount, tax_code, tax = line[:4]
        reverse = len(line) > 4 and line[4] == "reverse"
        amount, tax = Decimal(amount), Decimal(tax)
        lid = f"line-{i}"
        net = amount if reverse else amount - tax
        postings.append(p(cat, net, tax_code=tax_code, line_id=lid, description=payee))
        if tax:
            postings.append(p(vouchers.INPUT_TAX_ACCOUNT, tax, tax_code=tax_code, tax_role="input", line_id=lid,
                              tax_base=abs(net)))
            if reverse:
                postings.append(p(vouchers.OUTPUT_TAX_ACCOUNT, -tax, tax_code=tax_code, tax_role="output",
                                  line_id=lid, tax_base=abs(net)))
        total += amount
    postings.append(p("PLEO", -total, description=payee))
    return LedgerEntry(expense_id=eid, reference=f"PLEO-{eid}", idempotency_key=eid, date=day, kind=kind,
                       description=payee, payee=payee, employee=employee, gross=Money(total, currency),
                       contra_role=ContraRole.WALLET, contra_account="PLEO", postings=tuple(postings),
                       web_url=web_url)


def raw(sandbox, key: str, method: str, path: str, **kw) -> httpx.Response:
    """One call to the emulator, without pleodesk's client (no retries; spaced just under the emulator's
    scaled limit so that only the rate-limit tests see a 429)."""
    import time

    time.sleep(1.2 / (2 * SCALE))
    headers = {"Authorization": f"Bearer {key}", "Accept": "application/json", **kw.pop("headers", {})}
    return httpx.request(method, f"{sandbox.url}/lexware{path}", headers=headers, timeout=10, **kw)


def voucher_body(state, *, number: str = "PLEO-test", items: list[dict] | None = None, **over) -> dict:
    cat = category_id(state, "Bewirtungskosten")
    body = {"type": "purchaseinvoice", "voucherStatus": "open", "voucherNumber": number, "voucherDate": "2026-08-14",
            "totalGrossAmount": 119.00, "totalTaxAmount": 19.00, "taxType": "gross", "useCollectiveContact": True,
            "voucherItems": items or [{"amount": 119.00, "taxAmount": 19.00, "taxRatePercent": 19, "categoryId": cat}]}
    body.update(over)
    return body


def sandbox_browser():
    """Follows the authorise URL to the emulator and its redirect to pleodesk's loopback listener."""

    def open_browser(url: str) -> bool:
        def run() -> None:
            r = httpx.get(url, follow_redirects=False, timeout=10)
            if r.status_code in (301, 302, 303):
                httpx.get(r.headers["location"], timeout=10)

        threading.Thread(target=run, daemon=True).start()
        return True

    return open_browser


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
