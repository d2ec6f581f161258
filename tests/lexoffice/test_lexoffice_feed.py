"""The Pleo wallet's feed: CSV statement files a manual bank account imports (public key), or Lexware's
partner API (financial account, transactions of at most 25, assignment hints)."""

from __future__ import annotations

import csv
import io
from types import SimpleNamespace

import pytest

from pleodesk.providers.base import FeedLine
from pleodesk.providers.lexoffice import create_provider, feed
from pleodesk.sandbox.lexoffice_emulator import PARTNER_CLIENT_ID, PARTNER_CLIENT_SECRET

from lexoffice_testkit import category_code, entry, sandbox_browser


def lines(n: int, start: int = 0) -> list[FeedLine]:
    return [FeedLine(transaction_id=f"tx-{i:04d}", date=f"2026-08-{1 + i % 28:02d}", amount=f"-{10 + i}.5{i % 10}",
                     currency="EUR", payee={3: "", 4: "=HYPERLINK(1)"}.get(i, f"Händler {i}"), description="" if i % 2 else "Note; =1+2",
                     employee="Anna Vos") for i in range(start, start + n)]


def _rows(path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))


def test_statement_file_in_the_columns_lexware_office_imports(provider, tmp_path):
    result = provider.push_feed(lines(5))
    [path] = sorted((tmp_path / "statements").glob("pleo-umsaetze-*.csv"))
    rows = _rows(path)
    assert list(rows[0]) == list(feed.CSV_HEADER)
    assert rows[0]["Buchungstag"] == "01.08.2026" and rows[0]["Betrag"] == "-10,50"
    assert all(r["Verwendungszweck"].startswith("PLEO-tx-") for r in rows)        # never empty
    assert all(r["Auftraggeber/Empfänger"] for r in rows)                          # never empty ("Pleo")
    assert rows[3]["Auftraggeber/Empfänger"] == "Pleo"
    assert rows[4]["Auftraggeber/Empfänger"] == "'=HYPERLINK(1)"             # no formula in a spreadsheet
    assert rows[0]["Verwendungszweck"] == "PLEO-tx-0000 Note; =1+2 (Anna Vos)"
    assert result.accepted == 5 and "Umsätze importieren (CSV)" in " ".join(result.messages)
    assert "First import" in " ".join(result.messages)


def test_no_line_is_written_twice_lexware_office_does_not_check(provider, tmp_path):
    provider.push_feed(lines(4))
    # As after a crash between writing the file and recording the lines: they come again, with new ones.
    again = provider.push_feed(lines(6))
    files = sorted((tmp_path / "statements").glob("pleo-umsaetze-*.csv"))
    assert len(files) == 2
    assert [r["Referenz"] for r in _rows(files[1])] == ["PLEO-tx-0004", "PLEO-tx-0005"]
    assert again.accepted == 2 and again.duplicates == 4
    assert "First import" not in " ".join(again.messages)
    nothing = provider.push_feed(lines(6))
    assert nothing.accepted == 0 and len(list((tmp_path / "statements").glob("*.csv"))) == 2
    assert not list((tmp_path / "statements").glob(".pleo-*"))             # no half-written file left


# ------------------------------------------------------------------------------ partner --------
@pytest.fixture
def partner_conn(lex, settings, monkeypatch):
    """A connection signed in with the sandbox's partner app (the one-click "Zugriff erlauben")."""
    from pleodesk.connections import ledger_secret_name
    from pleodesk.providers.lexoffice import auth
    from pleodesk.secrets import set_secret

    monkeypatch.setenv("PLEODESK_LEXOFFICE_PARTNER_CLIENT_ID", PARTNER_CLIENT_ID)
    monkeypatch.setenv("PLEODESK_LEXOFFICE_PARTNER_CLIENT_SECRET", PARTNER_CLIENT_SECRET)
    s = {**settings, "auth": "partner", "organization_id": lex.demo.id}
    tokens = auth.sign_in(s, open_browser=sandbox_browser(), timeout=20)
    conn = SimpleNamespace(id=77, name="Partner", system="lexoffice", settings=s)
    set_secret(ledger_secret_name(conn.id, auth.OAUTH_SECRET), tokens.to_json())
    return conn


def test_partner_feed_creates_the_account_and_sends_transactions_in_twenties_five(partner_conn, lex, tmp_path):
    p = create_provider(partner_conn, feed_folder=tmp_path / "none")
    settings = p.ensure_setup(dict(partner_conn.settings))
    [account] = lex.demo.accounts.values()
    assert settings["financial_account_id"] == account["financialAccountId"]
    assert account["name"] == "Pleo" and account["type"] == "PAYMENT_PROVIDER"
    assert p.ensure_setup(dict(partner_conn.settings))["financial_account_id"] == account["financialAccountId"]
    assert len(lex.demo.accounts) == 1                       # found again by its reference, not made twice
    result = p.push_feed(lines(60))
    assert result.accepted == 60 and len(lex.demo.transactions) == 60
    assert lex.calls("POST", "/v1/finance/transactions") == 3            # 25 + 25 + 10
    again = p.push_feed(lines(62))
    assert again.accepted == 2 and again.duplicates == 60 and len(lex.demo.transactions) == 62
    assert not (tmp_path / "none").exists()                  # no statement file on the partner path


def test_partner_export_sends_one_assignment_hint_per_voucher(partner_conn, lex):
    p = create_provider(partner_conn)
    p.ensure_setup(dict(partner_conn.settings))
    eid = "22222222-2222-4222-8222-222222222222"
    e = entry([(category_code(lex, "Bürobedarf"), "11.90", "19%", "1.90")], eid=eid)
    [res] = p.send_batch([e])
    assert res.ok
    assert lex.demo.hints[res.ledger_id]["externalReference"] == eid
    p.push_feed([FeedLine(transaction_id=eid, date="2026-08-14", amount="-11.90", currency="EUR", payee="REWE")])
    [(voucher_id, _tx)] = lex.suggestions()
    assert voucher_id == res.ledger_id                     # shows under "Zuordnungsvorschläge"


def test_public_keys_cannot_use_the_partner_api(provider, lex):
    from pleodesk.providers.lexoffice.client import LexError

    provider.partner = True
    with pytest.raises(LexError) as err:
        provider.push_feed(lines(1))
    assert err.value.status == 403 and lex.demo.transactions == {}


def test_lines_a_crash_left_unrecorded_are_found(provider, partner_conn, tmp_path):
    """``feed_lines_present``: what the statement files (key) or the Pleo account (partner) already hold."""
    provider.push_feed(lines(3))
    assert provider.feed_lines_present(["tx-0001", "tx-0002", "tx-0009"]) == {"tx-0001", "tx-0002"}
    p = create_provider(partner_conn, feed_folder=tmp_path / "none")
    p.ensure_setup(dict(partner_conn.settings))
    p.push_feed(lines(2, start=5))
    assert p.feed_lines_present(["tx-0005", "tx-0006", "tx-0001"]) == {"tx-0005", "tx-0006"}
