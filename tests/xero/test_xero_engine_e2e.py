"""End to end: Pleo's sandbox, the export engine and the Xero emulator behind one loopback server.

Sign in with PKCE through a fake browser, configure (the Pleo accounts), a setup file for the rest,
export a month with receipts, export it again (nothing new in Xero), a crash after Xero created a
batch (settled by reference, nothing twice), and every request and answer checked against Xero's
OpenAPI documents."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest

from pleodesk.connections import ledger_secret_name, make_engine, pleo_secret_name
from pleodesk.core.ledger import ContraRole
from pleodesk.core.model import Expense
from pleodesk.core.money import Money
from pleodesk.core.posting import contra_role_for
from pleodesk.providers.xero import create_provider, sandbox_settings
from pleodesk.providers.xero.auth import XeroConnector, token_store
from pleodesk.sandbox.server import SandboxConfig, start_sandbox
from pleodesk.sandbox.xero_emulator import SANDBOX_CLIENT_ID, XeroState, mount_xero
from pleodesk.secrets import set_secret
from pleodesk.setup_file import check_plan, plan_from_dict
from pleodesk.storage import open_store

from xero_contract import Recorder
from xero_testkit import SCALE, TENANT, fake_browser, free_port, requires_specs

MONTH = "2026-08"


@pytest.fixture
def world(request, tmp_path):
    sb = start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=60, seed=getattr(request, "param", 5)))
    xero = mount_xero(sb, XeroState(time_scale=SCALE))
    store = open_store()
    yield sb, xero, store
    store.close()
    sb.stop()


def _save(store, plan):
    conn = store.add_connection(plan.name, plan.system, settings=plan.settings, pleo_company_id=plan.pleo_company_id,
                                pleo_base_url=plan.pleo_base_url)
    set_secret(pleo_secret_name(conn.id), plan.pleo_api_key)
    for what, value in plan.ledger_secrets.items():
        set_secret(ledger_secret_name(conn.id, what), value)
    store.save_mappings(conn.id, plan.mappings)
    store.set_connection_state(conn.id, "connected")
    return store.get_connection(conn.id)


def _connect(sb, xero, tmp_path) -> tuple[dict, str]:
    """The wizard's connect page: sign in, then Xero setup. Returns the accounts and a refresh token."""
    port = free_port()
    xero.clients[SANDBOX_CLIENT_ID].redirect_uris |= {f"http://{h}:{port}/callback" for h in ("127.0.0.1", "localhost")}
    settings = {**sandbox_settings(sb.url), "client_id": SANDBOX_CLIENT_ID, "wallet_currency": "EUR",
                "rate_limits": {"time_scale": SCALE}}
    got = XeroConnector(settings, ports=[port], open_browser=fake_browser()).connect("wizard", timeout=20)
    settings.update(got)
    p = create_provider(SimpleNamespace(id="wizard", name="w", settings=settings))
    accounts = p.ensure_setup({"wallet_currency": "EUR"})
    p.close()
    refresh_token = token_store("wizard", settings).load().refresh_token
    return accounts, refresh_token


def _xero_docs(xero) -> dict[str, dict]:
    org = xero.demo
    docs = {t["Reference"]: t for t in org.bank_transactions}
    docs.update({i["InvoiceNumber"]: i for i in org.invoices})
    docs.update({c["CreditNoteNumber"]: c for c in org.credit_notes})
    docs.update({t["Reference"]: t for t in org.bank_transfers})
    return docs


def _gross(sb, eid) -> Decimal:
    amount = sb.pleo.export_item(eid)["amount"]["inWalletCurrency"]
    return Money.from_minor(amount["value"], amount["currency"]).amount


@requires_specs
@pytest.mark.parametrize("world, vendor_based", [(5, False), (4, True)], indirect=["world"],
                         ids=["journal", "vendor-based"])
def test_a_month_through_the_engine_into_xero(world, vendor_based, tmp_path):
    """``vendor-based``: the bookkeeper clicked Export in Pleo with vendor-based bookkeeping, so purchases
    from suppliers are bills and money back from them (refunds, chargebacks) supplier credit notes."""
    sb, xero, store = world
    accounts, refresh_token = _connect(sb, xero, tmp_path)
    data = {
        "connection": {"name": "Demo B.V. Xero", "system": "xero"},
        "pleo": {"base_url": sb.pleo_url, "company_id": sb.company_id, "api_key_env": "PLEO_KEY"},
        "xero": {"sandbox_url": sb.url, "client_id": SANDBOX_CLIENT_ID, "tenant_id": TENANT,
                 "wallet_currency": "EUR", "refresh_token_env": "XERO_REFRESH",
                 "bank_account_code": accounts["bank_account_code"],
                 "out_of_pocket_account_code": accounts["out_of_pocket_account_code"],
                 "feed_folder": str(tmp_path / "statements"), "rate_limits": {"time_scale": SCALE}},
        "accounts": {"wallet": "PLEOBANK", "out_of_pocket": "PLEOPOCKET", "external_reimbursement": "090",
                     "payable": "1600", "default_account": "PLEO"},
        "categories": {**{c: c for c in ("4000", "4010", "4100", "4200", "4300", "4400", "4500", "4600", "4700",
                                         "4710", "4800", "8900")}, "1150": "090", "1000": "1010"},
        "taxes": {"21%": "TAX001", "9%": "TAX002", "0%": "NONE", "RC21": "TAX003"},
        "tag_groups": {"PROJECT": "Project", "DEPT": "Department"},
        "tags": {"PROJECT": {"P-ATLAS": "Atlas rollout", "P-BOREAS": "Boreas migration", "P-CERES": "Ceres pilot",
                             "P-DELTA": "Delta partnership", "P-EOS": "Eos rebrand", "P-FENIX": "Fenix internal tools"},
                 "DEPT": {"SALES": "Sales", "ENG": "Engineering", "OPS": "Operations", "MKT": "Marketing"}},
        "options": {"post": True, "export_receipts": True},
    }
    plan = plan_from_dict(data, env={"PLEO_KEY": sb.api_key, "XERO_REFRESH": refresh_token}, where="test")
    assert check_plan(plan) == []
    conn = _save(store, plan)

    recorder = Recorder(sb.url)
    provider = create_provider(conn, transport=recorder)
    if vendor_based:
        sb.pleo.create_job_as_user(sb.pleo.exportable_entry_ids(MONTH))
        [summary] = make_engine(store, conn, provider=provider).process_queue("manual")
    else:
        summary = make_engine(store, conn, provider=provider).export_month(MONTH)
    assert summary.exported > 30, summary.message
    assert not summary.failed, summary.failed
    # The demo has a few receipts over Xero's 10 MB: images are shrunk, PDFs reported (never failing the expense)
    too_big = {eid for eid, _ in summary.receipt_problems}
    assert all("10 MB" in msg and "PDF by hand" in msg for _, msg in summary.receipt_problems), summary.receipt_problems

    docs = _xero_docs(xero)
    exported = store.records_with_status(conn.id, "exported")
    assert len(exported) == summary.exported == len(docs)
    with_receipts = 0
    # money back on Pleo invoices is exported as supplier credit notes, with their receipts
    credit_notes = {c["CreditNoteNumber"]: c for c in xero.demo.credit_notes}
    credited = [rec for rec in exported if _gross(sb, rec.expense_id) < 0
                and contra_role_for(Expense.from_export_item(sb.pleo.export_item(
                    rec.expense_id, vendor_based_bookkeeping=vendor_based))) is ContraRole.PAYABLE]
    assert sorted(credit_notes) == sorted(rec.reference for rec in credited)
    assert bool(credit_notes) == vendor_based and bool(xero.demo.invoices) == vendor_based
    for rec in credited:
        cn = credit_notes[rec.reference]
        assert cn["Type"] == "ACCPAYCREDIT" and cn["Status"] == "AUTHORISED" and cn["CreditNoteID"] == rec.ledger_id
        assert cn["Total"] == cn["RemainingCredit"] == -_gross(sb, rec.expense_id)
        assert cn["Contact"]["ContactNumber"].startswith("PLEO-S-") and cn["LineItems"]
    for rec in exported:
        doc = docs[rec.reference]
        ledger_id = doc.get("BankTransactionID") or doc.get("InvoiceID") or doc.get("CreditNoteID") \
            or doc.get("BankTransferID")
        assert ledger_id == rec.ledger_id
        assert doc.get("Total", doc.get("Amount")) == abs(_gross(sb, rec.expense_id)), rec.reference
        files = sb.pleo.export_item(rec.expense_id).get("files") or []
        if files and "BankTransferID" not in doc:
            limit = 10 * 1024 * 1024
            attachable = [f for f in files[:10] if int(f["size"]) <= limit or f["type"].startswith("image/")]
            assert len(xero.demo.attachments.get(ledger_id, [])) == len(attachable), rec.reference
            assert (len(attachable) < len(files[:10])) == (rec.expense_id in too_big)
            with_receipts += 1
    assert with_receipts > 10
    if vendor_based:                 # the receipt of a supplier refund is on its credit note in Xero
        assert any(xero.demo.attachments.get(rec.ledger_id) for rec in credited)
        assert all(credit_notes[rec.reference]["HasAttachments"] == bool(xero.demo.attachments.get(rec.ledger_id))
                   for rec in credited)
    job = sb.pleo.jobs[-1]
    items = {i["accountingEntryId"]: i for i in sb.pleo.job_items(job["id"])}
    for rec in exported:
        assert items[rec.expense_id]["status"] == "successful"
        assert items[rec.expense_id]["externalId"] == rec.ledger_id
    recorder.assert_valid()

    # Export the month again, even after Pleo forgot it was exported: nothing new in Xero.
    n_docs = len(docs)
    n_files = sum(len(v) for v in xero.demo.attachments.values())
    sb.pleo.reset_exports()
    again = make_engine(store, conn, provider=create_provider(conn)).export_month(MONTH)
    assert again.exported == 0 and again.already_exported == summary.exported
    assert len(_xero_docs(xero)) == n_docs
    assert sum(len(v) for v in xero.demo.attachments.values()) == n_files


def _month_plan_data(sb, accounts, name, *, export_receipts=False) -> dict:
    return {
        "connection": {"name": name, "system": "xero"},
        "pleo": {"base_url": sb.pleo_url, "company_id": sb.company_id, "api_key_env": "PLEO_KEY"},
        "xero": {"sandbox_url": sb.url, "client_id": SANDBOX_CLIENT_ID, "tenant_id": TENANT,
                 "wallet_currency": "EUR", "refresh_token_env": "XERO_REFRESH",
                 "bank_account_code": accounts["bank_account_code"],
                 "out_of_pocket_account_code": accounts["out_of_pocket_account_code"],
                 "rate_limits": {"time_scale": SCALE}},
        "accounts": {"wallet": "PLEOBANK", "out_of_pocket": "PLEOPOCKET", "external_reimbursement": "090",
                     "payable": "1600", "default_account": "PLEO"},
        "categories": {**{c: c for c in ("4000", "4010", "4100", "4200", "4300", "4400", "4500", "4600", "4700",
                                         "4710", "4800", "8900")}, "1150": "090", "1000": "1010"},
        "taxes": {"21%": "TAX001", "9%": "TAX002", "0%": "NONE", "RC21": "TAX003"},
        "options": {"post": True, "export_receipts": export_receipts},
    }


def test_a_crash_after_xero_created_a_batch_does_not_duplicate(world, tmp_path):
    sb, xero, store = world
    accounts, refresh_token = _connect(sb, xero, tmp_path)
    data = _month_plan_data(sb, accounts, "Crash Xero")
    plan = plan_from_dict(data, env={"PLEO_KEY": sb.api_key, "XERO_REFRESH": refresh_token}, where="test")
    conn = _save(store, plan)

    class Crash(BaseException):
        pass

    crashing = create_provider(conn)
    real = crashing.send_batch
    sent = []

    def send_then_die(entries):
        results = real(entries)          # Xero has them now ...
        sent.extend(results)
        if len(sent) > 50:
            raise Crash()                # ... and the process dies before the engine records it
        return results

    crashing.send_batch = send_then_die
    with pytest.raises(Crash):
        make_engine(store, conn, provider=crashing).export_month(MONTH)
    sending = store.records_with_status(conn.id, "sending")
    assert sending
    created_before = len(_xero_docs(xero))

    fresh = create_provider(conn)
    summary = make_engine(store, conn, provider=fresh).process_queue("scheduled")
    docs = _xero_docs(xero)
    refs = [r.reference for r in store.records_with_status(conn.id, "exported")]
    assert len(refs) == len(set(refs)) == len(docs) >= created_before
    assert not store.records_with_status(conn.id, "sending")
    total = sum(len(org.bank_transactions) + len(org.invoices) + len(org.credit_notes) + len(org.bank_transfers)
                for org in [xero.demo])
    assert total == len(docs)                    # no reference twice in Xero
    assert summary


def test_outcome_unknown_in_a_pending_job_is_settled_before_the_month_sends_it_again(world, tmp_path):
    """Xero created a batch of a job made in Pleo, then its answer was lost (a retryable error): the job
    fails and Pleo puts its expenses back in the queue. "Export the month" in the same run picks them up
    again in a new job; they are still ``sending`` and must be looked up in Xero before anything is sent,
    or they are booked twice (the new batch has another idempotency key)."""
    from pleodesk.providers.xero.client import XeroError

    sb, xero, store = world
    accounts, refresh_token = _connect(sb, xero, tmp_path)
    data = _month_plan_data(sb, accounts, "Lost answer Xero")
    plan = plan_from_dict(data, env={"PLEO_KEY": sb.api_key, "XERO_REFRESH": refresh_token}, where="test")
    conn = _save(store, plan)

    # A bookkeeper clicked Export in Pleo for a few expenses of the month: a pending job.
    some = sb.pleo.exportable_entry_ids(MONTH)[:12]
    sb.pleo.create_job_as_user(some)

    provider = create_provider(conn)
    real = provider.send_batch
    calls = []

    def created_then_lost(entries):
        calls.append([e.expense_id for e in entries])
        results = real(entries)
        if len(calls) == 1:              # Xero has them, the answer never arrives
            raise XeroError("Xero did not answer", "read timeout", retryable=True,
                            reason_type="accounting_system_unreachable")
        return results

    provider.send_batch = created_then_lost
    summaries = make_engine(store, conn, provider=provider).export_month(MONTH)
    assert calls and set(calls[0]) <= set(some)

    refs = [t["Reference"] for t in xero.demo.bank_transactions] + [i["InvoiceNumber"] for i in xero.demo.invoices] \
        + [c["CreditNoteNumber"] for c in xero.demo.credit_notes] + [t["Reference"] for t in xero.demo.bank_transfers]
    twice = sorted({r for r in refs if refs.count(r) > 1})
    assert not twice, f"booked twice in Xero: {twice}"
    assert not store.records_with_status(conn.id, "sending")
    assert summaries.exported + summaries.already_exported >= len(set(refs))


@pytest.mark.parametrize("where", ["between batches", "within a batch"])
def test_the_daily_limit_makes_the_rest_wait_and_says_when_it_resets(world, tmp_path, where):
    """Xero's daily limit is reached half way through a month. What Xero took is recorded and reported
    successful; the rest is not failed, here or in Pleo: it stays pending, the run says when Xero takes
    calls again, and Pleo gets the job back with its rate-limit reason so the expenses return to its
    export queue. After the reset the next export sends exactly those, nothing twice."""
    from dataclasses import replace

    from pleodesk.providers.xero.client import reset_pacers

    sb, xero, store = world
    accounts, refresh_token = _connect(sb, xero, tmp_path)
    plan = plan_from_dict(_month_plan_data(sb, accounts, "Daily limit Xero"),
                          env={"PLEO_KEY": sb.api_key, "XERO_REFRESH": refresh_token}, where="test")
    conn = _save(store, plan)

    def use_up_the_day():
        xero.use_day_calls(TENANT, max(0, xero.per_day - len(xero.demo.day_hits)))

    provider = create_provider(conn)
    if where == "between batches":
        real_caps, real_send = provider.capabilities, provider.send_batch
        provider.capabilities = lambda: replace(real_caps(), batch_size=10)
        batches = []

        def send(entries):
            if batches:
                use_up_the_day()
            batches.append(len(entries))
            return real_send(entries)

        provider.send_batch = send
    else:
        real_chunk, real_send = provider._send_chunk, provider.send_batch
        chunks, batches = [], []

        def send(entries):
            batches.append(len(entries))
            return real_send(entries)

        provider.send_batch = send

        def chunk(endpoint, group, *args):
            if chunks:
                use_up_the_day()
            chunks.append(endpoint)
            return real_chunk(endpoint, group, *args)

        provider._send_chunk = chunk

    summary = make_engine(store, conn, provider=provider).export_month(MONTH)
    if where == "within a batch":
        assert len(batches) == 1 and len(chunks) >= 2     # Xero took part of the batch, then refused
    assert summary.status == "failed"
    assert summary.exported > 0 and not summary.failed, summary.failed[:3]
    assert "daily limit" in summary.message and "accepts calls again at" in summary.message, summary.message
    assert "not sent yet" in summary.message

    # the store: what Xero took is exported, the rest waits, nothing failed
    docs = _xero_docs(xero)
    exported = {r.expense_id for r in store.records_with_status(conn.id, "exported")}
    waiting = {r.expense_id for r in store.records_with_status(conn.id, "pending")}
    assert len(exported) == summary.exported == len(docs)
    assert waiting and not store.records_with_status(conn.id, "failed")
    assert not store.records_with_status(conn.id, "sending")
    run = store.list_runs(conn.id, limit=1)[0]
    assert "accepts calls again at" in (run.message or "")

    # Pleo: the exported ones successful, none failed; the job failed for the rate limit, the rest queued again
    job = sb.pleo.jobs[-1]
    assert job["status"] == "failed" and job["failureReasonType"] == "accounting_system_rate_limit"
    assert "accepts calls again at" in job["failureReason"]
    items = {i["accountingEntryId"]: i for i in sb.pleo.job_items(job["id"])}
    assert all(items[e]["status"] == "successful" for e in exported)
    assert not [e for e, i in items.items() if i["status"] == "failed" and e in waiting]
    assert all(sb.pleo.entry(e).export_status == "QUEUED" for e in waiting)
    assert summary.retry_at is not None

    # the day is over: the next export sends exactly the ones that waited
    xero.advance(86_400)
    reset_pacers()
    again = make_engine(store, conn, provider=create_provider(conn)).export_month(MONTH)
    assert again.retry_at is None and again.status in ("ok", "partial"), again.message
    assert again.exported == len(waiting)
    refs = [r for r in _xero_docs(xero)]
    assert len(refs) == len(docs) + len(waiting)
    all_refs = [t["Reference"] for t in xero.demo.bank_transactions] + [i["InvoiceNumber"] for i in xero.demo.invoices] \
        + [c["CreditNoteNumber"] for c in xero.demo.credit_notes] + [t["Reference"] for t in xero.demo.bank_transfers]
    assert len(all_refs) == len(set(all_refs)), "an expense was booked twice"
    assert {r.expense_id for r in store.records_with_status(conn.id, "exported")} == exported | waiting
    assert all(sb.pleo.entry(e).export_status == "EXPORTED" for e in exported | waiting)


def test_receipts_beyond_xeros_ten_per_document_are_reported_for_attaching_by_hand(world, tmp_path, monkeypatch):
    """An expense with 12 receipts: Xero takes 10 per document. The first 10 are attached, the run and
    Problems say that 2 must be attached by hand, and later runs do not try them (or the 10) again."""
    from pleodesk.sandbox.pleo_emulator import PleoState
    from pleodesk.ui.jobs import analyse_problems

    sb, xero, store = world
    accounts, refresh_token = _connect(sb, xero, tmp_path)
    plan = plan_from_dict(_month_plan_data(sb, accounts, "Many receipts Xero", export_receipts=True),
                          env={"PLEO_KEY": sb.api_key, "XERO_REFRESH": refresh_token}, where="test")
    conn = _save(store, plan)
    target = next(e for e in sb.pleo.exportable_entry_ids(MONTH)
                  if sb.pleo.export_item(e)["files"] and sb.pleo.export_item(e)["type"] == "card_purchase"
                  and all(ln.get("account") for ln in sb.pleo.export_item(e)["accountingEntryLines"])
                  and int(sb.pleo.export_item(e)["files"][0]["size"]) < 1_000_000)
    real = PleoState._export_item

    def twelve_receipts(self, e, vbb):
        item = real(self, e, vbb)
        if item["accountingEntryId"] == target:
            item["files"] = [dict(item["files"][0]) for _ in range(12)]
        return item

    monkeypatch.setattr(PleoState, "_export_item", twelve_receipts)
    summary = make_engine(store, conn, provider=create_provider(conn)).export_month(MONTH)
    rec = store.get_records(conn.id, [target])[target]
    assert rec.status == "exported"
    assert len(xero.demo.attachments.get(rec.ledger_id, [])) == 10
    msgs = [m for e, m in summary.receipt_problems if e == target]
    assert len(msgs) == 1 and "2 of 12 receipts were not attached" in msgs[0] and "by hand" in msgs[0], msgs
    assert rec.receipts_status == "incomplete"
    groups = [g for g in analyse_problems(store, conn, create_provider(conn)) if g.cause == "receipt"]
    assert [g.kind for g in groups if target in g.expense_ids] == ["receipts_by_hand"]

    # later runs leave it as it is: nothing uploaded again, still shown
    calls = len(xero.requests)
    make_engine(store, conn, provider=create_provider(conn)).process_queue("scheduled")
    assert not [r for r in xero.requests[calls:] if "Attachments" in r[1]]
    assert store.get_records(conn.id, [target])[target].receipts_status == "incomplete"
    assert len(xero.demo.attachments.get(rec.ledger_id, [])) == 10
