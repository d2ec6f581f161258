"""End to end: the sandbox's Pleo, the export engine and the emulated Odoo behind one loopback server.

A month of demo expenses goes through the setup file, the check, the engine's export job and the
provider: card expenses as vendor bills, the rest as journal entries, posted, with receipts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pleodesk.connections import make_engine
from pleodesk.core.money import Money
from pleodesk.providers.odoo import OdooProvider
from pleodesk.sandbox.odoo_emulator import DEMO_CATEGORY_ACCOUNTS, DEMO_TAXES, mount_odoo
from pleodesk.sandbox.server import SandboxConfig, start_sandbox
from pleodesk.setup_file import apply_plan, check_plan, plan_from_dict
from pleodesk.storage import open_store

MONTH = "2026-08"
CONTRA = {"119000", "169100", "169200"}
TAGS = {"PROJECT": {"P-ATLAS": "Project Alpha", "P-BOREAS": "Project Beta", "P-CERES": "Project Alpha",
                    "P-DELTA": "Project Beta", "P-EOS": "Project Alpha", "P-FENIX": "Project Beta"},
        "DEPT": {"SALES": "Sales", "ENG": "R&D", "OPS": "Operations", "MKT": "Sales"}}


@pytest.fixture
def world(version):
    sb = start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=40, seed=3))
    odoo = mount_odoo(sb, version)
    store = open_store()
    yield sb, odoo, store
    store.close()
    sb.stop()


def _save(store, plan):
    """What saving the setup does (``apply_plan``): the connection, its secrets, what Configure finds or
    makes in Odoo, its mappings."""
    return apply_plan(store, plan)


def _gross(sb, eid) -> Decimal:
    amount = sb.pleo.export_item(eid)["amount"]["inWalletCurrency"]
    return Money.from_minor(amount["value"], amount["currency"]).amount


def test_a_month_through_the_engine_into_odoo(world):
    sb, odoo, store = world
    url = f"{sb.url}/odoo"
    configure = OdooProvider(url, "pleodesk", "admin", odoo.ADMIN_KEY, company_id=1)
    accounts = configure.ensure_setup({"create_taxes": ["0% excl"]})["accounts"]
    configure.close()
    excluded = "21%" if odoo.version == 17 else "BTW te vorderen hoog (inkopen)"

    data = {
        "connection": {"name": "Demo B.V. Odoo", "system": "odoo"},
        "pleo": {"base_url": sb.pleo_url, "company_id": sb.company_id, "api_key_env": "PLEO_KEY"},
        "odoo": {"url": url, "database": "pleodesk", "login": "admin", "api_key_env": "ODOO_KEY", "company_id": 1,
                 "card_expenses": "bill"},
        "accounts": dict(accounts),
        "categories": dict(DEMO_CATEGORY_ACCOUNTS),
        # Pleo's 21 % to Odoo's excluded 21 %: bills use its included twin where that gives Pleo's cents
        "taxes": {**DEMO_TAXES[odoo.version], "21%": excluded},
        "tag_groups": {"PROJECT": "Projects", "DEPT": "Departments"},
        "tags": TAGS,
        "options": {"post": True, "export_receipts": True},
    }
    plan = plan_from_dict(data, env={"PLEO_KEY": sb.api_key, "ODOO_KEY": odoo.ADMIN_KEY}, where="test")
    assert check_plan(plan) == []
    conn = _save(store, plan)

    summary = make_engine(store, conn).export_month(MONTH)
    assert summary.exported > 20, summary.message
    assert summary.failed_count == 0, summary.failed

    moves: dict[str, list[dict]] = {}
    for m in odoo.moves():
        moves.setdefault(m["ref"], []).append(m)
    exported = [r for r in store.records_with_status(conn.id, "exported")]
    assert len(exported) == summary.exported
    kinds = set()
    for rec in exported:
        ms = moves[rec.reference]
        main = ms[0]
        assert str(main["id"]) == rec.ledger_id
        assert all(m["state"] == "posted" for m in ms)
        for m in ms:
            assert sum(Decimal(str(ln["balance"])) for ln in m["lines"]) == 0
        gross = _gross(sb, rec.expense_id)
        kinds.add(main["move_type"])
        if main["move_type"] == "entry":
            contra = sum((Decimal(str(ln["credit"])) - Decimal(str(ln["debit"])) for ln in main["lines"]
                          if ln["account_code"] in CONTRA), Decimal(0))
            if contra:              # invoices in journal-entry form credit the payable account instead
                assert contra == gross, rec.reference
        else:
            assert Decimal(str(main["amount_total"])) == abs(gross), rec.reference
        if sb.pleo.export_item(rec.expense_id).get("files"):
            assert odoo.attachments(main["id"]), f"{rec.reference} has no receipt"
            assert odoo.records["account.move"][main["id"]]["message_main_attachment_id"]
    assert "in_invoice" in kinds and "entry" in kinds

    # Pleo's items are reported as exported with Odoo's id and link
    job = sb.pleo.jobs[-1]
    items = {i["accountingEntryId"]: i for i in sb.pleo.job_items(job["id"])}
    for rec in exported:
        assert items[rec.expense_id]["status"] == "successful"
        assert items[rec.expense_id]["externalId"] == rec.ledger_id

    # a second run books nothing new
    before = len(odoo.records["account.move"])
    make_engine(store, store.get_connection(conn.id)).export_month(MONTH)
    assert len(odoo.records["account.move"]) == before


class Crash(BaseException):
    """The process dies: not an error the engine handles."""


def test_a_crash_after_odoo_created_the_entries_books_nothing_twice(world, monkeypatch):
    sb, odoo, store = world
    url = f"{sb.url}/odoo"
    configure = OdooProvider(url, "pleodesk", "admin", odoo.ADMIN_KEY, company_id=1)
    accounts = configure.ensure_setup({"create_taxes": ["0% excl"]})["accounts"]
    configure.close()
    data = {
        "connection": {"name": "Crash test", "system": "odoo"},
        "pleo": {"base_url": sb.pleo_url, "company_id": sb.company_id, "api_key_env": "PLEO_KEY"},
        "odoo": {"url": url, "database": "pleodesk", "login": "admin", "api_key_env": "ODOO_KEY", "company_id": 1},
        "accounts": dict(accounts), "categories": dict(DEMO_CATEGORY_ACCOUNTS),
        "taxes": dict(DEMO_TAXES[odoo.version]),
        "tag_groups": {"PROJECT": "Projects", "DEPT": "Departments"}, "tags": TAGS,
        "options": {"post": True, "export_receipts": False},
    }
    conn = _save(store, plan_from_dict(data, env={"PLEO_KEY": sb.api_key, "ODOO_KEY": odoo.ADMIN_KEY}))

    real_send = OdooProvider.send_batch

    def send_then_die(self, entries):
        real_send(self, entries)          # Odoo has the entries ...
        raise Crash()                     # ... and the process dies before recording them

    monkeypatch.setattr(OdooProvider, "send_batch", send_then_die)
    with pytest.raises(Crash):
        make_engine(store, conn).export_month(MONTH)
    monkeypatch.setattr(OdooProvider, "send_batch", real_send)
    created = len(odoo.records["account.move"])
    assert created > 0 and store.records_with_status(conn.id, "sending")

    summary = make_engine(store, store.get_connection(conn.id)).export_month(MONTH)
    assert not store.records_with_status(conn.id, "sending")
    refs = [m["ref"] for m in odoo.moves()]
    assert len(refs) == len(set(refs)), "an expense was booked twice"
    assert summary.failed_count == 0
    assert len(store.records_with_status(conn.id, "exported")) == len(refs)


def test_tax_keys_of_an_earlier_version_are_migrated_on_the_next_export(world):
    """Mappings stored with the old keys (21.0-percent-incl...) keep working: the next export renames them
    to the same taxes' names, saves that once and books as before."""
    from pleodesk.core.ledger import CategoryMapping

    sb, odoo, store = world
    url = f"{sb.url}/odoo"
    data = {
        "connection": {"name": "Before the upgrade", "system": "odoo"},
        "pleo": {"base_url": sb.pleo_url, "company_id": sb.company_id, "api_key_env": "PLEO_KEY"},
        "odoo": {"url": url, "database": "pleodesk", "login": "admin", "api_key_env": "ODOO_KEY", "company_id": 1,
                 "create_taxes": ["0% excl"]},
        "categories": dict(DEMO_CATEGORY_ACCOUNTS), "taxes": dict(DEMO_TAXES[odoo.version]),
        "options": {"post": True, "export_receipts": False},
    }
    plan = plan_from_dict(data, env={"PLEO_KEY": sb.api_key, "ODOO_KEY": odoo.ADMIN_KEY})
    assert check_plan(plan, prepare=True) == []          # as `pleodesk setup` saves it
    conn = _save(store, plan)
    old = store.load_mappings(conn.id)
    old.taxes = {"21%": "21.0-percent-incl", "9%": "9.0-percent-incl", "RC21": "21.0-percent-excl-reverse",
                 "0%": "0%"}
    old.categories["4700"] = CategoryMapping(DEMO_CATEGORY_ACCOUNTS["4700"], "9.0-percent-incl")
    store.save_mappings(conn.id, old)

    summary = make_engine(store, store.get_connection(conn.id)).export_month(MONTH)
    assert summary.exported > 20 and summary.failed_count == 0 and summary.held_count <= 1, summary.held
    now = store.load_mappings(conn.id)
    reverse = next(t["name"] for t in sorted(odoo.records["account.tax"].values(), key=lambda t: t["id"])
                   if t["company_id"] == 1 and t["type_tax_use"] == "purchase" and t["amount"] == 21 and any(
                       odoo.records["account.tax.repartition.line"][i]["factor_percent"] < 0
                       for i in t["invoice_repartition_line_ids"]))
    assert now.taxes == {"21%": DEMO_TAXES[odoo.version]["21%"], "9%": DEMO_TAXES[odoo.version]["9%"],
                         "RC21": reverse, "0%": "0%"}
    assert now.categories["4700"].tax_code == DEMO_TAXES[odoo.version]["9%"]
    assert [a for a in store.list_audit(conn_id=conn.id) if a.action == "mappings_migrated"]
