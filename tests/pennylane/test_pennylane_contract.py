"""Pennylane's provider against the emulator, every exchange checked against Pennylane's OpenAPI
definition: the token check, the setup, the chart, entries with their receipts and analytics, look-ups,
pagination and the rate limit."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import httpx
import pytest

from pleodesk.core.ledger import CategoryMapping, ContraRole
from pleodesk.core.posting import post
from pleodesk.core.schedule import Period
from pleodesk.core.summary import summarise
from pleodesk.providers.base import AuthError, Found, LedgerError, Provider
from pleodesk.providers.pennylane.client import HEADER_2026

from tests.fec.helpers import MAPPINGS, expense

from conftest import make_provider


def fr_mappings(chart):
    """The FEC tests' mappings, onto Pennylane's taxes (VAT account @ rate) and its bank account."""
    from dataclasses import replace

    return replace(MAPPINGS, taxes={"20%": "445660@20", "10%": "445660@10", "5.5%": "445660@5.5",
                                    "AI20": "445662@AI20"},
                   contra={ContraRole.WALLET: "512100", ContraRole.OUT_OF_POCKET: "421000"},
                   categories={**MAPPINGS.categories, "6510": CategoryMapping("651100")},
                   tag_groups={"PROJET": "Projet"}, tags={("PROJET", "ATL"): "Atlas", ("PROJET", "BOR"): "Borée"})


def entries(provider, specs, receipts_dir=None):
    chart = provider.read_chart()
    m = fr_mappings(chart)
    out = []
    for eid, kw in specs:
        e = post(expense(eid, **kw), m, chart)
        if receipts_dir is not None:
            from dataclasses import replace

            f = receipts_dir / eid / f"{eid}-1.pdf"
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_bytes(b"%PDF-1.4 " + eid.encode())
            e = replace(e, receipts=(str(f),))
        out.append(e)
    return out


def test_it_is_a_provider(provider):
    assert isinstance(provider, Provider)


def test_the_token_is_checked_with_me_and_the_setup_finds_or_creates_journal_and_bank_account(provider, pennylane,
                                                                                               recorder):
    result = provider.check()
    assert result.ok and "Société Démo SAS" in result.messages[0] and "732829320" in result.messages[0]
    settings = provider.ensure_setup({"journal_code": "PLEO"})
    journal = pennylane.journals[settings["journal_id"]]
    assert (journal["code"], journal["label"]) == ("PLEO", "Pleo")
    assert pennylane.account_by_number("512100")["label"] == "Banque Pleo"
    assert settings["company_id"] == "4242" and settings["bank_account_number"] == "512100"
    again = provider.ensure_setup(settings)                     # found, not created twice
    assert again["journal_id"] == settings["journal_id"] and len(pennylane.journals) == 4
    assert [a["number"] for a in pennylane.accounts.values()].count("512100") == 1
    assert all(ex.request.headers[HEADER_2026] == "true" for ex in recorder.exchanges)
    recorder.assert_valid()
    assert ("POST", "/api/external/v2/journals", 201) in recorder.operations()


def test_the_chart_offers_vat_accounts_per_rate_and_analytic_groups(provider, recorder):
    chart = provider.read_chart()
    assert chart.accounts["625100"].type == "expense" and not chart.accounts["609000"].active
    t = chart.taxes["445660@5.5"]
    assert (t.rate, t.type, t.input_account) == (Decimal("0.055"), "inclusive", "445660")
    rc = chart.taxes["445662@AI20"]
    assert (rc.type, rc.input_account, rc.output_account) == ("reverse", "445662", "445200")
    assert chart.dimensions["Projet"].values >= {"Atlas", "Borée"}
    recorder.assert_valid()


def test_entries_go_with_their_receipt_and_analytics_and_balance(ready, pennylane, recorder, tmp_path):
    batch = entries(ready, [("p1", {"tags": (("PROJET", "ATL"),)}),
                            ("p2", {"category": "6510", "gross": 9900, "tax": "AI20", "supplier": (10900, "USD")}),
                            ("p3", {"gross": -3000})], tmp_path)
    results = ready.send_batch(batch)
    assert all(r.ok for r in results), [r.error for r in results]
    made = {e.label.split(" ", 1)[0]: e for e in pennylane.entries.values()}
    assert set(made) == {"PLEO-p1", "PLEO-p2", "PLEO-p3"}
    p1 = made["PLEO-p1"]
    assert p1.piece_number == "PLEO-p1" and p1.date == "2026-08-14" and p1.journal_id == ready.settings["journal_id"]
    lines = {pennylane.accounts[ln.account_id]["number"]: ln for ln in p1.lines}
    assert (lines["625100"].debit, lines["445660"].debit, lines["512100"].credit) == \
        (Decimal("100.00"), Decimal("20.00"), Decimal("120.00"))
    atlas = next(c for c in pennylane.categories.values() if c["label"] == "Atlas")["id"]
    assert lines["625100"].categories == [(atlas, "1")] and lines["512100"].categories == []
    assert pennylane.files[p1.attachment_id]["size"] == len(b"%PDF-1.4 p1")
    for e in made.values():
        assert sum(ln.debit for ln in e.lines) == sum(ln.credit for ln in e.lines)
    # The receipt went with the entry: attaching it again later changes nothing.
    ready.upload_receipt(Found(results[0].ledger_id), str(tmp_path / "p1" / "p1-1.pdf"), "application/pdf", "p1-1.pdf")
    assert len(pennylane.files) == 3
    recorder.assert_valid()


def test_a_summary_entry_is_found_by_its_reference_on_its_period_end(ready, pennylane, recorder):
    batch = entries(ready, [("s1", {}), ("s2", {"day": date(2026, 8, 20), "tags": (("PROJET", "BOR"),)})])
    s = summarise(batch, period=Period(date(2026, 8, 1), date(2026, 8, 31)), reference="PLEO-S1-M2026-08",
                  wallet_account="512100")
    assert ready.send_batch([s])[0].ok
    made = next(iter(pennylane.entries.values()))
    assert made.date == "2026-08-31" and made.label.startswith("PLEO-S1-M2026-08 Pleo 2026-08: 2 expenses")
    found = ready.find_by_reference("PLEO-S1-M2026-08")
    assert found is not None and found.ledger_id == str(made.id)
    assert ready.find_by_reference("PLEO-S1-M2026-07") is None
    assert ready.find_by_reference("PLEO-S1-D2026-08-31") is None   # a prefix of nothing, found by nothing
    recorder.assert_valid()


def test_a_repeated_create_makes_two_entries_so_references_are_looked_up(ready, pennylane, recorder):
    (e,) = entries(ready, [("dup", {})])
    ready.send_batch([e])
    ready.send_batch([e])                   # the emulator does what Pennylane does: no idempotency
    assert len(pennylane.entries_with_reference("PLEO-dup")) == 2
    found = ready.find_many([("PLEO-dup", date(2026, 8, 14)), ("PLEO-none", date(2026, 8, 14))])
    assert set(found) == {"PLEO-dup"}
    recorder.assert_valid()


def test_a_lost_answer_is_not_sent_again_and_is_found_by_its_reference(ready, pennylane, recorder):
    (e,) = entries(ready, [("lost", {})])
    pennylane.lose_answers("POST", "/ledger_entries")
    result = ready.send_batch([e])[0]
    assert not result.ok and result.error.retryable and "does not know whether" in result.error.title
    assert len(pennylane.entries_with_reference("PLEO-lost")) == 1       # created once, not sent again
    found = ready.find_many([("PLEO-lost", date(2026, 8, 14))])
    assert found["PLEO-lost"].ledger_id == str(pennylane.entries_with_reference("PLEO-lost")[0].id)


def test_lists_are_read_page_by_page_with_their_cursor(ready, pennylane, recorder):
    for i in range(130):
        pennylane._add_account(f"6{i:05d}", f"Compte {i}")
    chart = ready.read_chart()
    assert "600129" in chart.accounts
    batch = entries(ready, [(f"pg{i}", {}) for i in range(105)])
    assert all(r.ok for r in ready.send_batch(batch))
    found = ready.find_many([(f"PLEO-pg{i}", date(2026, 8, 14)) for i in range(105)])
    assert len(found) == 105
    pages = [ex for ex in recorder.exchanges if ex.request.method == "GET" and "ledger_entries" in ex.request.url.path]
    assert len(pages) == 2 and "cursor" in pages[1].request.url.params
    assert json.loads(pages[1].request.url.params["filter"]) == json.loads(pages[0].request.url.params["filter"])
    recorder.assert_valid()
    # A cursor from another list is refused, as Pennylane does.
    token = pennylane.token
    r = httpx.get(ready.api + "/ledger_entries", params={"cursor": pages[1].request.url.params["cursor"]},
                  headers={"Authorization": f"Bearer {token}", HEADER_2026: "true"})
    assert r.status_code == 400 and r.json()["field"] == "cursor"


def test_pacing_keeps_under_25_calls_per_5_seconds(ready, pennylane, recorder):
    batch = entries(ready, [(f"r{i}", {}) for i in range(60)])
    pennylane.throttled = 0
    assert all(r.ok for r in ready.send_batch(batch))
    assert pennylane.throttled == 0
    recorder.assert_valid()


def test_a_429_is_honoured_as_retry_after_says(ready, pennylane, sandbox, settings):
    """Another program using the same token takes the window: Pennylane answers 429, the provider waits
    and goes on; nothing is lost or made twice."""
    waits: list[float] = []
    other = httpx.Client(headers={"Authorization": f"Bearer {pennylane.token}", HEADER_2026: "true"})
    p = make_provider({**ready.settings}, pennylane, sleep=lambda s: (waits.append(s), __import__("time").sleep(s)))
    batch = entries(p, [("t1", {}), ("t2", {})])
    while True:
        if other.get(ready.api + "/me").status_code == 429:
            break
    res = p.send_batch(batch)
    assert all(r.ok for r in res) and waits and all(w >= 1 for w in waits[:1])
    assert [len(pennylane.entries_with_reference(f"PLEO-t{i}")) for i in (1, 2)] == [1, 1]
    other.close()
    p.close()


def test_an_old_behaviour_request_is_refused(pennylane, ready):
    r = httpx.get(ready.api + "/journals", params={"use_2026_api_changes": "false"},
                  headers={"Authorization": f"Bearer {pennylane.token}", HEADER_2026: "true"})
    assert r.status_code == 400 and "disagree" in r.json()["message"]


def test_the_harness_catches_a_request_pennylane_would_refuse(ready, pennylane, recorder):
    """Amounts sent as numbers (Pennylane wants "120.00"): both the emulator and the definition say no."""
    client = httpx.Client(transport=recorder, headers={"Authorization": f"Bearer {pennylane.token}", HEADER_2026: "true"})
    account = pennylane.account_by_number("625100")["id"]
    r = client.post(ready.api + "/ledger_entries", json={
        "date": "2026-08-14", "label": "x", "journal_id": ready.settings["journal_id"],
        "ledger_entry_lines": [{"debit": 12, "credit": "0", "ledger_account_id": account}]})
    assert r.status_code == 400 and r.json()["code"] == "InvalidType"
    errors = recorder.errors()
    assert any("ledger_entries request" in e and "debit" in e for e in errors), errors
    assert recorder.contract.checked_requests > 0 and recorder.contract.checked_responses > 0
    client.close()


def test_a_token_without_the_2026_permissions_is_named_and_the_setup_makes_nothing(settings, pennylane, recorder):
    token = pennylane.new_token(("ledger_entries:all", "categories:readonly"))
    p = make_provider(settings, pennylane, recorder, token=token)
    result = p.check()
    assert not result.ok
    assert "journals:all, ledger_accounts:all, file_attachments:all" in result.messages[1]
    with pytest.raises(LedgerError, match="lacks permissions"):
        p.ensure_setup({})
    assert len(pennylane.journals) == 3 and pennylane.account_by_number("512100") is None
    recorder.assert_valid()
    p.close()
