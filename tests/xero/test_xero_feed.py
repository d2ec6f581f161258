"""The Pleo bank feed into Xero: through the Bank Feeds API for an approved partner registration, else a
statement file (OFX + CSV in Xero's columns) the user imports, with the reason in the messages."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from types import SimpleNamespace

import pytest

from pleodesk.providers.base import FeedLine
from pleodesk.providers.xero import create_provider
from pleodesk.providers.xero.feed import csv_text, ofx_text
from pleodesk.sandbox.xero_emulator import PARTNER_CLIENT_ID

from xero_testkit import requires_specs, sign_in


def lines(n: int, start: int = 0, day: str = "2026-05-0") -> list[FeedLine]:
    out = []
    for i in range(start, start + n):
        amount = Decimal("-12.34") - i if i % 5 else Decimal("20.00")    # every fifth is money in (a refund)
        out.append(FeedLine(transaction_id=f"ae-{i:04d}", date=f"{day}{1 + i % 9}", amount=str(amount),
                            currency="EUR", payee=f"Shop {i}", description="Card purchase", employee="Emma Bakker"))
    return out


@pytest.fixture
def partner(base_settings, xero, recorder, tmp_path):
    """A connection signed in with a registration Xero approved for bank feeds."""
    from xero_testkit import free_port

    port = free_port()
    xero.clients[PARTNER_CLIENT_ID].redirect_uris |= {f"http://{h}:{port}/callback" for h in ("127.0.0.1", "localhost")}
    settings = {**base_settings, "client_id": PARTNER_CLIENT_ID, "feed": "api"}
    settings.update(sign_in(settings, port, recorder))
    p = create_provider(SimpleNamespace(id=1, name="x", settings=settings), transport=recorder,
                        feed_folder=tmp_path / "statements")
    p.settings.update(p.ensure_setup({"wallet_currency": "EUR"}))
    yield p
    p.close()


@requires_specs
def test_statement_lines_through_the_bank_feeds_api(partner, xero, recorder):
    first = lines(12)
    result = partner.push_feed(first)
    assert result.accepted == 12 and result.duplicates == 0
    assert "delivered to Xero's bank feed" in result.messages[0]
    org = xero.demo
    bank = next(a for a in org.accounts if a["Code"] == "PLEOBANK")
    assert [f["accountId"] for f in org.feed_connections] == [bank["AccountID"]]
    st = org.statements[0]
    assert st["status"] == "DELIVERED"
    assert st["startBalance"] == {"amount": Decimal(0), "creditDebitIndicator": "CREDIT"}
    total = sum(Decimal(l.amount) for l in first)
    assert st["endBalance"]["amount"] == abs(total) and st["endBalance"]["creditDebitIndicator"] == "DEBIT"
    line = next(l for l in st["statementLines"] if l["transactionId"] == "ae-0001")
    assert line["payeeName"] == "Shop 1" and line["creditDebitIndicator"] == "DEBIT"
    assert line["amount"] == Decimal("13.34") and "Emma Bakker" in line["description"]
    assert line["reference"] == "PLEO-ae-0001"
    # the next statement starts where the last one ended; lines Xero already has are counted, not resent
    second = lines(6, start=10)
    result = partner.push_feed(second)
    assert result.accepted == 4 and result.duplicates == 2
    delivered = [s for s in org.statements if s["status"] != "REJECTED"]
    assert delivered[1]["startBalance"]["amount"] == abs(total)
    ids = [l["transactionId"] for s in delivered for l in s["statementLines"]]
    assert len(ids) == len(set(ids)) == 16
    recorder.assert_valid()


def test_a_registration_xero_has_not_approved_falls_back_to_a_file(partner, xero, tmp_path):
    xero.clients[PARTNER_CLIENT_ID].partner = False       # Xero refuses: 403 invalid-application
    result = partner.push_feed(lines(3))
    assert result.accepted == 3
    assert "only to approved banking partners" in result.messages[0]
    assert "Import a statement" in result.messages[1] and ".ofx" in result.messages[1]
    files = sorted((tmp_path / "statements").iterdir())
    assert [f.suffix for f in files] == [".csv", ".ofx"]


def test_without_the_bankfeeds_scope_the_file_is_written_without_asking_xero(configured, xero, recorder, tmp_path):
    recorder.clear()
    result = configured.push_feed(lines(4))
    assert result.accepted == 4 and "may not use Xero's bank feed" in result.messages[0]
    assert not any("bankfeeds" in str(ex.request.url) for ex in recorder.exchanges)
    folder = tmp_path / "statements"
    csv_file = next(folder.glob("*.csv"))
    rows = list(csv.reader(io.StringIO(csv_file.read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["Date", "Amount", "Payee", "Description", "Reference"]
    assert rows[1] == ["01/05/2026", "20.00", "Shop 0", "Card purchase (Emma Bakker)", "PLEO-ae-0000"]
    assert rows[2][1] == "-13.34"
    # after a crash the feed asks which lines the statement files hold: in the OFX and the CSV file
    assert configured.feed_lines_present(["ae-0000", "ae-0003", "ae-0004"]) == {"ae-0000", "ae-0003"}
    csv_file.unlink()                      # the crash came between the OFX and the CSV file
    assert configured.feed_lines_present(["ae-0000", "ae-0003"]) == set()


def test_ofx_and_csv_formats():
    ls = lines(3)
    ofx = ofx_text(ls, "EUR", "PLEO-EUR")
    assert ofx.startswith('<?xml version="1.0"') and '<?OFX OFXHEADER="200" VERSION="220"' in ofx
    assert "<FITID>ae-0001</FITID>" in ofx and "<TRNAMT>-13.34</TRNAMT>" in ofx and "<TRNTYPE>DEBIT</TRNTYPE>" in ofx
    assert "<CURDEF>EUR</CURDEF>" in ofx and "<DTSTART>20260501</DTSTART>" in ofx
    import xml.dom.minidom
    xml.dom.minidom.parseString(ofx.split("\n", 2)[2])          # well-formed
    assert csv_text(ls, us_dates=True).splitlines()[1].startswith("05/01/2026,")


def test_a_thousand_lines_per_file(configured, tmp_path):
    result = configured.push_feed(lines(1500))
    assert result.accepted == 1500
    ofx = sorted((tmp_path / "statements").glob("*.ofx"))
    assert len(ofx) == 2 and all("part" in f.name for f in ofx)
