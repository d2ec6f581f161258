"""End to end: Pleo's sandbox (a French company), the export engine and the QuickBooks emulator behind one
loopback server.

Sign in through the browser, a setup file for the rest (the setup creates the Pleo and Pocket bank
accounts), export a month with receipts: every expense once, as the right object, on the right account,
with its class and project, VAT to the cent, its receipts; export again: nothing new; a crash after
QuickBooks booked a batch: nothing twice; bad input (a revoked sign-in, the Pleo bank account gone, a
closed period): a clear message and nothing booked. Every request and answer is checked against Intuit's
XSDs."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pleodesk.connections import make_engine
from pleodesk.core.ledger import ContraRole
from pleodesk.core.model import Expense
from pleodesk.core.money import Money
from pleodesk.core.posting import contra_role_for
from pleodesk.providers.quickbooks import create_provider, sandbox_settings, wire
from pleodesk.providers.quickbooks.auth import QboConnector, token_store
from pleodesk.sandbox.qbo_emulator import FR_REALM, SANDBOX_CLIENT_ID, QboState, mount_qbo
from pleodesk.sandbox.server import SandboxConfig, start_sandbox
from pleodesk.setup_file import apply_plan, check_plan, plan_from_dict
from pleodesk.storage import open_store

from qbo_contract import Recorder
from qbo_testkit import CATEGORIES, SCALE, TAGS, TAXES, fake_browser, free_port

MONTH = "2026-08"
KINDS = ("Purchase", "Deposit", "Transfer", "Bill", "VendorCredit")


@pytest.fixture
def world(request, tmp_path, monkeypatch):
    sb = start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=getattr(request, "param", 60), seed=5,
                                     country="FR"))
    qbo = mount_qbo(sb, QboState(time_scale=SCALE))
    port = free_port()
    qbo.clients[SANDBOX_CLIENT_ID].redirect_uris.add(f"http://localhost:{port}/callback")
    monkeypatch.setenv("PLEODESK_QBO_REDIRECT_URI", f"http://localhost:{port}/callback")
    store = open_store()
    yield sb, qbo, store, port
    store.close()
    sb.stop()


def connect(sb, port) -> str:
    """The wizard's sign-in, once: returns the refresh token a setup file hands over."""
    settings = {**sandbox_settings(sb.url), "rate_limits": {"time_scale": SCALE}}
    QboConnector(settings, ports=[port], open_browser=fake_browser()).connect("wizard", timeout=20)
    return token_store("wizard", settings).load().refresh_token


def plan_data(sb, name: str, *, receipts: bool = True) -> dict:
    return {
        "connection": {"name": name, "system": "quickbooks"},
        "pleo": {"base_url": sb.pleo_url, "company_id": sb.company_id, "api_key_env": "PLEO_KEY"},
        "quickbooks": {"sandbox_url": sb.url, "realm_id": FR_REALM, "wallet_currency": "EUR",
                       "refresh_token_env": "QBO_REFRESH", "pocket": True, "rate_limits": {"time_scale": SCALE}},
        "accounts": {"wallet": "512", "out_of_pocket": "5121", "external_reimbursement": "512000",
                     "payable": "401000", "default_account": "471000"},
        "categories": dict(CATEGORIES),
        "taxes": dict(TAXES),
        "tag_groups": {"DEPT": "Class", "PROJECT": "Project"},
        "tags": {g: {t: v for (gg, t), v in TAGS.items() if gg == g} for g in ("DEPT", "PROJECT")},
        "options": {"post": True, "export_receipts": receipts},
    }


def setup(sb, store, port, name="Société Démo SAS – QuickBooks", **kw):
    plan = plan_from_dict(plan_data(sb, name, **kw), env={"PLEO_KEY": sb.api_key, "QBO_REFRESH": connect(sb, port)},
                          where="test")
    assert check_plan(plan, prepare=True) == []
    return apply_plan(store, plan)


def ledger(qbo) -> dict[str, tuple[str, dict]]:
    """DocNumber -> (kind, transaction) of everything booked; a DocNumber twice fails the test."""
    out: dict[str, tuple[str, dict]] = {}
    for kind in KINDS:
        for t in qbo.entities(kind):
            assert t["DocNumber"] not in out, f"booked twice: {t['DocNumber']}"
            out[t["DocNumber"]] = (kind, t)
    return out


def _gross(sb, eid) -> Decimal:
    amount = sb.pleo.export_item(eid)["amount"]["inWalletCurrency"]
    return Money.from_minor(amount["value"], amount["currency"]).amount


@pytest.mark.parametrize("vendor_based", [False, True], ids=["journal", "vendor-based"])
def test_a_month_through_the_engine_into_quickbooks(world, vendor_based):
    """``vendor-based``: the bookkeeper clicked Export in Pleo with vendor-based bookkeeping, so purchases
    from suppliers with a supplier account are bills, and money back from them vendor credits."""
    sb, qbo, store, port = world
    conn = setup(sb, store, port)
    assert conn.settings["bank_account_code"] == "512" and conn.settings["pocket_account_code"] == "5121"
    recorder = Recorder()
    provider = create_provider(conn, transport=recorder)
    if vendor_based:
        sb.pleo.create_job_as_user(sb.pleo.exportable_entry_ids(MONTH))
        [summary] = make_engine(store, conn, provider=provider).process_queue("manual")
    else:
        summary = make_engine(store, conn, provider=provider).export_month(MONTH)
    assert summary.exported > 40, summary.message
    assert not summary.failed, summary.failed
    assert not summary.receipt_problems, summary.receipt_problems

    books = ledger(qbo)
    exported = store.records_with_status(conn.id, "exported")
    assert len(exported) == summary.exported == len(books)
    held = {p.expense_id for p in summary.held}
    assert set(sb.pleo.exportable_entry_ids(MONTH)) - held - {r.expense_id for r in exported} == set()
    accounts = {a["Id"]: a for a in qbo.demo.all("Account")}
    classes = {c["Id"]: c["Name"] for c in qbo.demo.all("Class")}
    projects = {c["Id"]: c["DisplayName"] for c in qbo.demo.all("Customer") if c.get("IsProject")}
    with_receipts = 0
    for rec in exported:
        item = sb.pleo.export_item(rec.expense_id, vendor_based_bookkeeping=vendor_based)
        expense = Expense.from_export_item(item)
        kind, txn = books[wire.doc_number(rec.reference)]
        assert txn["Id"] == rec.ledger_id and rec.expense_id in txn["PrivateNote"]
        gross = _gross(sb, rec.expense_id)
        role = contra_role_for(expense)
        if kind == "Transfer":
            assert Decimal(str(txn["Amount"])) == abs(gross)
            continue
        assert Decimal(str(txn["TotalAmt"])) == abs(gross), rec.reference
        # VAT to the cent: QuickBooks' VAT is Pleo's (reverse charge: self-assessed, in and out)
        pleo_vat = sum((ln.tax.amount.amount for ln in expense.lines if ln.tax and ln.tax.type.value != "reverse"),
                       Decimal(0))
        assert Decimal(str(txn["TxnTaxDetail"]["TotalTax"])) == abs(pleo_vat), rec.reference
        # the right object on the right account
        if role is ContraRole.PAYABLE:
            assert kind == ("Bill" if gross > 0 else "VendorCredit")
        elif gross > 0:
            assert kind == "Purchase" and txn["PaymentType"] == "Cash"
            bank = accounts[txn["AccountRef"]["value"]]
            assert bank["Name"] == ("Pleo Pocket" if role is ContraRole.OUT_OF_POCKET else "Banque Pleo")
        else:
            assert kind == "Deposit" and accounts[txn["DepositToAccountRef"]["value"]]["Name"] == "Banque Pleo"
        detail = "DepositLineDetail" if kind == "Deposit" else "AccountBasedExpenseLineDetail"
        lines = [ln for ln in expense.lines]
        assert len(txn["Line"]) == len(lines)
        for ln, qline in zip(lines, txn["Line"]):
            d = qline[detail]
            assert accounts[d["AccountRef"]["value"]].get("AcctNum") == (ln.category.code if ln.category
                                                                         else "471000")
            tags = {t.group_code: t.code for t in ln.tags}
            if "DEPT" in tags:
                assert classes[d["ClassRef"]["value"]] == TAGS[("DEPT", tags["DEPT"])]
            if "PROJECT" in tags:
                project = d.get("CustomerRef") or qline.get("ProjectRef")
                assert projects[project["value"]] == TAGS[("PROJECT", tags["PROJECT"])]
        files = item.get("files") or []
        if files:
            atts = [a for a in qbo.entities("Attachable") if a["AttachableRef"][0]["EntityRef"]["value"] == txn["Id"]]
            assert len(atts) == len(files), rec.reference
            assert sorted(a["Size"] for a in atts) == sorted(int(f["size"]) for f in files)
            with_receipts += 1
    assert with_receipts > 20
    kinds = {kind for kind, _t in books.values()}
    assert kinds >= {"Purchase", "Deposit", "Transfer"} and (("Bill" in kinds) == vendor_based)
    job = sb.pleo.jobs[-1]
    items = {i["accountingEntryId"]: i for i in sb.pleo.job_items(job["id"])}
    for rec in exported:
        assert items[rec.expense_id]["status"] == "successful" and items[rec.expense_id]["externalId"] == rec.ledger_id
    assert sum(qbo.demo.refused_429.values()) == 0
    recorder.assert_valid()

    # Export the month again, even after Pleo forgot it was exported: nothing new in QuickBooks.
    n_books, n_files = len(books), len(qbo.entities("Attachable"))
    sb.pleo.reset_exports()
    again = make_engine(store, conn, provider=create_provider(conn)).export_month(MONTH)
    assert again.exported == 0 and again.already_exported == summary.exported
    assert len(ledger(qbo)) == n_books and len(qbo.entities("Attachable")) == n_files


def test_a_crash_after_quickbooks_booked_a_batch_books_nothing_twice(world):
    sb, qbo, store, port = world
    conn = setup(sb, store, port, receipts=True)

    class Crash(BaseException):
        pass

    crashing = create_provider(conn)
    real = crashing.send_batch
    sent: list = []

    def send_then_die(entries):
        results = real(entries)           # QuickBooks has them now ...
        sent.extend(results)
        if len(sent) > 40:
            raise Crash()                 # ... and the process dies before the engine records them
        return results

    crashing.send_batch = send_then_die
    with pytest.raises(Crash):
        make_engine(store, conn, provider=crashing).export_month(MONTH)
    assert store.records_with_status(conn.id, "sending")
    booked_before = len(ledger(qbo))

    summary = make_engine(store, conn, provider=create_provider(conn)).process_queue("scheduled")
    books = ledger(qbo)                    # (fails on a DocNumber twice)
    exported = store.records_with_status(conn.id, "exported")
    assert len(exported) == len(books) >= booked_before and not store.records_with_status(conn.id, "sending")
    # the receipts of the expenses found after the crash were attached once
    per_txn: dict[str, list[str]] = {}
    for a in qbo.entities("Attachable"):
        per_txn.setdefault(a["AttachableRef"][0]["EntityRef"]["value"], []).append(a["FileName"])
    assert all(len(v) == len(set(v)) for v in per_txn.values())
    assert summary


def test_a_revoked_sign_in_stops_the_run_and_changes_nothing(world):
    sb, qbo, store, port = world
    conn = setup(sb, store, port)
    qbo.revoke_all()
    qbo.expire_access_tokens()
    summary = make_engine(store, conn).export_month(MONTH)
    assert summary.status == "failed" and "Reconnect to the same QuickBooks company" in summary.message
    assert store.get_connection(conn.id).state == "disconnected"
    assert ledger(qbo) == {}
    assert all(sb.pleo.entry(e).export_status == "QUEUED" for e in sb.pleo.exportable_entry_ids(MONTH)) or \
        not store.records_with_status(conn.id, "exported")


def test_a_company_without_the_pleo_bank_account_holds_the_expenses(world):
    sb, qbo, store, port = world
    conn = setup(sb, store, port, receipts=False)
    pleo = next(a for a in qbo.demo.all("Account") if a["Name"] == "Banque Pleo")
    del qbo.demo.entities["Account"][pleo["Id"]]
    summary = make_engine(store, conn).export_month(MONTH)
    held = [p for p in summary.held if p.kind in ("contra_unknown", "contra_missing")]
    assert held and any("512" in p.message for p in held)
    wallet_paid = [b for b in ledger(qbo).values() if b[0] in ("Purchase", "Deposit")
                   and (b[1].get("AccountRef") or b[1].get("DepositToAccountRef"))["value"] == pleo["Id"]]
    assert wallet_paid == []


def test_a_closed_period_refuses_the_month_with_what_to_do(world):
    sb, qbo, store, port = world
    conn = setup(sb, store, port, receipts=False)
    qbo.demo.set_pref("AccountingInfoPrefs", "BookCloseDate", f"{MONTH}-31")
    summary = make_engine(store, conn).export_month(MONTH)
    assert summary.exported == 0 and summary.failed
    assert all("books are closed" in title for _eid, title, _fix in summary.failed)
    assert "Close the books" in summary.failed[0][2]
    assert ledger(qbo) == {}
    problems = store.records_with_status(conn.id, "failed")
    assert problems and "books are closed" in problems[0].error_title


def test_master_data_into_pleo_mirrors_quickbooks(world):
    """As ``pleodesk sync``: Pleo's categories become QuickBooks' active accounts, its tax codes the active
    purchase VAT codes, its tag groups the mapped classes and projects; a second run changes nothing."""
    from pleodesk.connections import make_pleo_client
    from pleodesk.core.engine import sync_master_data

    sb, qbo, store, port = world
    conn = setup(sb, store, port, receipts=False)
    pleo = sb.pleo
    report = sync_master_data(store, conn, make_pleo_client(conn), create_provider(conn))
    active = {a["code"] for a in pleo.coa.values() if not a["archived"]}
    assert {"625100", "512", "5121", "401000"} <= active and "625900" not in active     # inactive left out
    codes = {t["code"] for t in pleo.tax_codes.values() if not t["archived"]}
    assert codes == {"TVA 20 %", "TVA 10 %", "TVA 5,5 %", "TVA 2,1 %", "Exonéré", "Autoliquidation UE 20 %"}
    groups = {g["code"]: g for g in pleo.tag_groups.values() if not g["archived"]}
    project = groups["PROJECT"]
    tags = {t["code"]: t["name"] for t in pleo.tags.values() if t["groupId"] == project["id"] and not t["archived"]}
    assert tags["P-ATLAS"] == "Atlas rollout" and "Mercury" not in tags.values()     # mapped codes kept
    before = ({k: dict(v) for k, v in pleo.coa.items()}, {k: dict(v) for k, v in pleo.tax_codes.items()})
    again = sync_master_data(store, conn, make_pleo_client(conn), create_provider(conn))
    assert ({k: dict(v) for k, v in pleo.coa.items()}, {k: dict(v) for k, v in pleo.tax_codes.items()}) == before
    assert report.created and not again.created
