"""The French demo company end to end: a month from the sandbox's Pleo through the export engine into
the FEC writer or the Pennylane emulator, per expense or as daily / monthly summaries."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

from pleodesk.core.engine import ExportEngine
from pleodesk.core.model import Expense

CONTRA_ACCOUNTS = {"512100", "421000", "467000", "401000"}
#: The engine's clock in these tests: long after the months they export, whatever today is.
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)


def engine(store, conn, provider, pleo=None, now=NOW, **kw) -> ExportEngine:
    from pleodesk import paths
    from pleodesk.connections import make_pleo_client

    return ExportEngine(store, conn, pleo or make_pleo_client(conn), provider, receipts_dir=paths.receipts_dir(),
                        now=lambda: now, receipt_retry_delay=0.0, **kw)


def pleo_amounts(sb, ids) -> dict[str, Decimal]:
    out = {}
    for eid in ids:
        e = Expense.from_export_item(sb.pleo.export_item(eid))
        out[eid] = e.amount.amount
    return out


def is_held(sb, eid) -> bool:
    item = sb.pleo.export_item(eid)
    if item["type"] in ("direct_reimbursement", "external_reimbursement"):
        return False
    return not all(ln.get("account") for ln in item["accountingEntryLines"])


def totals_by_account(lines) -> dict[str, Decimal]:
    """``lines``: (account, signed amount)."""
    out: dict[str, Decimal] = defaultdict(Decimal)
    for account, amount in lines:
        out[account] += amount
    return dict(out)


def expected_by_account(items: dict, ids) -> dict[str, Decimal]:
    """What the month should add up to per ledger account, worked out from the export items Pleo sent
    (``items``: expense id -> ExportItemV3) and the demo's mappings alone (not through pleodesk's posting
    rules): each line's net on its category's account, Pleo's VAT on the VAT account of its rate (reverse
    charge: in and out), the gross against the counter account of the expense's role."""
    from pleodesk.core.posting import contra_role_for
    from pleodesk.sandbox import demo_fr

    vat = {t["code"]: t for t in demo_fr.LEDGER["taxes"]}
    out: dict[str, Decimal] = defaultdict(Decimal)
    for eid in ids:
        item = items[eid]
        e = Expense.from_export_item(item)
        for ln in item["accountingEntryLines"]:
            gross = Decimal(ln["lineAmount"]["inWalletCurrency"]["value"]) / 100
            net = Decimal(ln["netAmount"]["inWalletCurrency"]["value"]) / 100
            acc = ln.get("account")
            account = demo_fr.CATEGORY_MAPPINGS[acc["code"]][0] if acc else demo_fr.CONTRA_MAPPINGS["out_of_pocket"]
            tax = ln.get("tax")
            if not tax:
                out[account] += gross
                continue
            amount = Decimal(tax["amount"]["inWalletCurrency"]["value"]) / 100
            code = vat[demo_fr.TAX_MAPPINGS[tax["code"]]]
            out[account] += net
            if amount:
                out[code["input_account"]] += amount
                if tax["type"] == "reverse":
                    out[code["output_account"]] -= amount
        out[demo_fr.CONTRA_MAPPINGS[contra_role_for(e).value]] -= e.amount.amount
    return {k: v for k, v in out.items() if v}


def check_totals(got: dict[str, Decimal], store, ids) -> None:
    """Every account's total in the ledger is what Pleo's expenses make it, to the cent."""
    want = expected_by_account(store.get_pleo_items(list(ids)), ids)
    got = {k: v for k, v in got.items() if v}
    assert got == want, {k: (got.get(k), want.get(k)) for k in set(got) | set(want) if got.get(k) != want.get(k)}
