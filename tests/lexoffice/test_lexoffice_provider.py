"""The lexoffice provider against the emulator: connecting, the chart, vouchers, receipts, contacts,
limits and outcomes that are not known. Outcomes are read from the emulator's ledger."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest

from pleodesk.core.ledger import LedgerEntry
from pleodesk.providers.base import Found, ReceiptRefused
from pleodesk.providers.lexoffice.client import LexAuthError, LexError
from pleodesk.providers.lexoffice.provider import LexofficeProvider, check_api_url
from pleodesk.sandbox.lexoffice_emulator import DEMO_API_KEY
from pleodesk.urls import AddressError

from lexoffice_testkit import PDF, category_code, category_id, entry

EID = "11111111-1111-4111-8111-111111111111"


def _one(lex, reference: str) -> dict:
    found = lex.vouchers_by_number().get(reference) or []
    assert len(found) == 1, f"{reference}: {len(found)} vouchers"
    return found[0]


# ------------------------------------------------------------------------------ connecting -----
def test_it_is_a_provider_as_the_core_defines_one(provider, lex):
    from pleodesk.providers.base import Provider

    assert isinstance(provider, Provider) and provider.system == "lexoffice"
    # No card line is in a statement file yet; the question costs no call to Lexware Office.
    calls = len(lex.requests)
    assert provider.feed_lines_present(["a", "b"]) == set() and provider.feed_lines_present([]) == set()
    assert len(lex.requests) == calls


def test_check_reads_the_company_and_its_tax_type(provider):
    result = provider.check()
    assert result.ok and result.version == "net"
    assert provider.list_companies()[0].name == "Pleo Demo GmbH"


@pytest.mark.parametrize("case", ["wrong", "expired", "402", "no_scope"])
def test_check_says_what_is_wrong_with_the_key(lex, settings, case):
    key = {"wrong": "not-a-key", "expired": lex.add_key(expired=True), "402": DEMO_API_KEY,
           "no_scope": lex.add_key(scopes={"profile.read"})}[case]
    if case == "402":
        lex.set_api_access(lex.demo, False)
    p = LexofficeProvider(settings, lambda: key)
    result = p.check()
    assert not result.ok
    text = " ".join(result.messages)
    expect = {"wrong": "24 months", "expired": "Add-ons > Public API", "402": "plan",
              "no_scope": "permission"}[case]
    assert expect in text
    assert lex.vouchers() == [] and len(lex.demo.contacts) == 5        # nothing changed


def test_only_lexwares_gateway_or_this_computer():
    assert check_api_url("https://api.lexware.io") == "https://api.lexware.io"
    with pytest.raises(AddressError, match="retired"):
        check_api_url("https://api.lexoffice.io")
    with pytest.raises(AddressError):
        check_api_url("https://evil.example/v1")
    with pytest.raises(AddressError):
        check_api_url("http://api.lexware.io")


def test_chart_mirrors_the_outgo_categories(provider, lex):
    chart = provider.read_chart()
    outgo = [c for c in lex.demo.categories if c["type"] == "outgo"]
    expense = {a.id: a for a in chart.accounts.values() if a.type == "expense"}
    assert set(expense) == {c["id"] for c in outgo}
    assert all(len(a.code) >= 8 for a in expense.values())
    assert chart.accounts["PLEO"].type == "bank" and chart.accounts["PLEO-OP"].type == "payable"
    assert {"19%", "7%", "0%", "16%", "5%", "RC19", "AUSL-20", "AUSL-21"} <= set(chart.taxes)
    assert chart.taxes["19%"].rate == Decimal("0.19") and chart.taxes["RC19"].type == "reverse"
    details = {c.name: c for c in provider.category_details()}
    assert details["Fremdleistungen"].contact_required and not details["Bürobedarf"].split_allowed


# ------------------------------------------------------------------------------ vouchers -------
def test_a_split_expense_is_one_voucher_with_items_by_category_and_rate(provider, lex):
    meals, office = category_code(lex, "Bewirtungskosten"), category_code(lex, "Bürobedarf")
    e = entry([(meals, "59.50", "19%", "9.50"), (meals, "21.40", "7%", "1.40"), (office, "11.90", "19%", "1.90"),
               (meals, "10.70", "7%", "0.70")], eid=EID, web_url="https://app.pleo.io/x")
    [res] = provider.send_batch([e])
    assert res.ok and res.ledger_url.endswith(f"/permalink/vouchers/view/{res.ledger_id}")
    v = _one(lex, e.reference)
    assert v["type"] == "purchaseinvoice" and v["voucherStatus"] == "open" and v["taxType"] == "gross"
    items = {(i["categoryId"], i["taxRatePercent"]): (i["amount"], i["taxAmount"]) for i in v["voucherItems"]}
    assert items == {(category_id(lex, "Bewirtungskosten"), Decimal(19)): (Decimal("59.50"), Decimal("9.50")),
                     (category_id(lex, "Bewirtungskosten"), Decimal(7)): (Decimal("32.10"), Decimal("2.10")),
                     (category_id(lex, "Bürobedarf"), Decimal(19)): (Decimal("11.90"), Decimal("1.90"))}
    assert v["totalGrossAmount"] == Decimal("103.50") and v["totalTaxAmount"] == Decimal("13.50")
    assert v["voucherDate"].startswith("2026-08-14T00:00:00.000+02:00")
    assert v["useCollectiveContact"] and v["contactName"] == "REWE"
    assert "Anna Vos" in v["remark"] and "https://app.pleo.io/x" in v["remark"]


def test_refund_is_a_credit_note_and_drafts_are_unchecked(lex, settings):
    p = LexofficeProvider({**settings, "post": False}, lambda: DEMO_API_KEY)
    e = entry([(category_code(lex, "Bürobedarf"), "-23.80", "19%", "-3.80")], eid=EID)
    [res] = p.send_batch([e])
    v = _one(lex, e.reference)
    assert res.ok and v["type"] == "purchasecreditnote" and v["voucherStatus"] == "unchecked"
    assert v["voucherItems"][0]["amount"] == Decimal("23.80") and v["totalTaxAmount"] == Decimal("3.80")


def test_foreign_vat_goes_in_gross_at_zero_and_reverse_charge_waits_to_be_checked(provider, lex):
    travel, ads = category_code(lex, "Reisekosten Arbeitnehmer"), category_code(lex, "Werbekosten")
    fr = entry([(travel, "120.00", "AUSL-20", "20.00")], eid=EID, payee="SNCF")
    rc = entry([(ads, "250.00", "RC19", "47.50", "reverse")], eid=EID.replace("1", "2"), payee="Google Ireland")
    r1, r2 = provider.send_batch([fr, rc])
    assert r1.ok and r2.ok
    v1, v2 = _one(lex, fr.reference), _one(lex, rc.reference)
    assert [(i["amount"], i["taxAmount"], i["taxRatePercent"]) for i in v1["voucherItems"]] == [
        (Decimal("120.00"), Decimal("0.00"), Decimal(0))]
    assert [(i["amount"], i["taxAmount"], i["taxRatePercent"]) for i in v2["voucherItems"]] == [
        (Decimal("250.00"), Decimal("0.00"), Decimal(0))]
    assert v2["voucherStatus"] == "unchecked" and "§13b" in v2["remark"]


def test_an_existing_vendor_contact_is_used(provider, lex):
    e = entry([(category_code(lex, "Reisekosten Arbeitnehmer"), "89.90", "7%", "5.88")], eid=EID,
              payee="db fernverkehr  AG")
    [res] = provider.send_batch([e])
    v = _one(lex, e.reference)
    assert res.ok and not v["useCollectiveContact"]
    assert lex.demo.contacts[v["contactId"]]["company"]["name"] == "DB Fernverkehr AG"


@pytest.mark.parametrize("case", ["contact", "split", "currency", "rate"])
def test_bad_input_is_refused_with_a_clear_message_and_nothing_is_created(provider, lex, case):
    if case == "contact":
        e = entry([(category_code(lex, "Fremdleistungen"), "300.00", "0%", "0")], eid=EID, payee="Freelancer Jan")
        words = ["needs a contact", "Lieferant"]
    elif case == "split":
        office = category_code(lex, "Bürobedarf")
        e = entry([(office, "11.90", "19%", "1.90"), (office, "10.70", "7%", "0.70")], eid=EID)
        words = ["does not allow different tax rates", "19 %", "7 %"]
    elif case == "currency":
        e = entry([(category_code(lex, "Bürobedarf"), "11.90", "19%", "1.90")], eid=EID, currency="USD")
        words = ["euros only", "USD"]
    else:
        e = entry([(category_code(lex, "Bürobedarf"), "12.10", "0%", "2.10")], eid=EID)
        words = ["mapped to 0 %"]
    contacts = len(lex.demo.contacts)
    [res] = provider.send_batch([e])
    assert not res.ok and not res.error.retryable
    text = f"{res.error.title} {res.error.fix}"
    assert all(w in text for w in words), text
    assert lex.vouchers() == [] and len(lex.demo.contacts) == contacts


def test_suppliers_are_created_when_allowed(lex, settings):
    p = LexofficeProvider({**settings, "create_contacts": True}, lambda: DEMO_API_KEY)
    e = entry([(category_code(lex, "Fremdleistungen"), "300.00", "0%", "0")], eid=EID, payee="Freelancer Jan")
    [res] = p.send_batch([e])
    assert res.ok
    c = lex.demo.contacts[_one(lex, e.reference)["contactId"]]
    assert c["company"]["name"] == "Freelancer Jan" and "vendor" in c["roles"]


# ------------------------------------------------------------------------------ outcomes -------
@pytest.mark.parametrize("mode", ["504_after", "drop_after"])
def test_a_voucher_booked_without_an_answer_is_found_not_sent_again(provider, lex, mode):
    lex.fail_next("/v1/vouchers", mode, method="POST")
    e = entry([(category_code(lex, "Bürobedarf"), "11.90", "19%", "1.90")], eid=EID)
    [res] = provider.send_batch([e])
    assert res.ok and "found by its voucher number" in " ".join(res.notes)
    assert _one(lex, e.reference)["id"] == res.ledger_id
    assert lex.calls("GET", "/v1/voucherlist") == 1


@pytest.mark.parametrize("mode", ["504_before", "drop_before", "503"])
def test_a_voucher_not_booked_without_an_answer_waits_for_the_next_lookup(provider, lex, mode):
    lex.fail_next("/v1/vouchers", mode, method="POST")
    e = entry([(category_code(lex, "Bürobedarf"), "11.90", "19%", "1.90")], eid=EID)
    [res] = provider.send_batch([e])
    assert not res.ok and res.error.retryable                 # the engine looks it up before sending again
    assert lex.vouchers() == []
    assert provider.find_by_reference(e.reference) is None
    [again] = provider.send_batch([e])
    assert again.ok and len(lex.vouchers()) == 1


def test_pacing_stays_under_two_calls_a_second_and_a_429_is_sent_again(provider, lex):
    cat = category_code(lex, "Bürobedarf")
    entries = [entry([(cat, "11.90", "19%", "1.90")], eid=f"{i:08d}-0000-4000-8000-000000000000") for i in range(12)]
    provider.send_batch(entries)
    assert lex.refused_429 == 0 and len(lex.vouchers()) == 12
    times = [t for m, p, s, t in lex.requests]
    assert times[-1] - times[0] >= (len(times) - 1) * 0.5 * 0.95     # 2 a second on lexoffice's clock
    # Someone else uses the key's calls: the 429 is waited out and the voucher booked once.
    lex.buckets[DEMO_API_KEY].tokens = -3
    e = entry([(cat, "5.95", "19%", "0.95")], eid=EID)
    [res] = provider.send_batch([e])
    assert res.ok and lex.refused_429 >= 1 and len(lex.vouchers_by_number()[e.reference]) == 1


def test_a_refused_key_raises_before_anything_is_created(lex, settings):
    p = LexofficeProvider(settings, lambda: "revoked")
    e = entry([(category_code(lex, "Bürobedarf"), "11.90", "19%", "1.90")], eid=EID)
    with pytest.raises(LexAuthError):
        p.send_batch([e])
    key = lex.add_key(scopes={"profile.read", "posting-categories.read", "contacts.read", "vouchers.read"})
    p = LexofficeProvider(settings, lambda: key)
    with pytest.raises(LexError) as err:
        p.send_batch([e])
    assert err.value.status == 403 and "permission" in err.value.title
    assert lex.vouchers() == []


# ------------------------------------------------------------------------------ receipts -------
def _png(width: int, height: int) -> bytes:
    """A photo-like PNG of noise (it does not compress), so it is big."""
    import random

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage

    pixels = random.Random(1).randbytes(width * height * 4)
    img = QImage(pixels, width, height, width * 4, QImage.Format.Format_RGB32).copy()
    ba = QByteArray()
    buf = QBuffer(ba)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    return bytes(ba.data())


def test_receipts_go_to_the_voucher_never_to_the_files_endpoint(provider, lex, tmp_path):
    e = entry([(category_code(lex, "Bürobedarf"), "11.90", "19%", "1.90")], eid=EID)
    [res] = provider.send_batch([e])
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(PDF)
    found = Found(res.ledger_id, res.ledger_url)
    provider.upload_receipt(found, str(pdf), "application/pdf", "r.pdf")
    provider.upload_receipt(found, str(pdf), "application/pdf", "r.pdf")        # again: the same file
    files = lex.files_of(res.ledger_id)
    assert [f["data"] for f in files] == [PDF]
    assert lex.calls("POST", "/v1/files") == 0 and len(lex.vouchers()) == 1


def test_a_big_photo_is_shrunk_and_other_files_are_refused(provider, lex, tmp_path):
    e = entry([(category_code(lex, "Bürobedarf"), "11.90", "19%", "1.90")], eid=EID)
    [res] = provider.send_batch([e])
    found = Found(res.ledger_id, res.ledger_url)
    big = tmp_path / "photo.png"
    big.write_bytes(_png(1600, 1200))
    assert big.stat().st_size > 5_000_000
    provider.upload_receipt(found, str(big), "image/png", "photo.png")
    [f] = lex.files_of(res.ledger_id)
    assert f["mime"] == "image/jpeg" and len(f["data"]) <= 5_000_000 and f["name"] == "photo.jpg"
    huge_pdf = tmp_path / "scan.pdf"
    huge_pdf.write_bytes(PDF + b"0" * 5_100_000)
    with pytest.raises(ReceiptRefused, match="at most 5 MB"):
        provider.upload_receipt(found, str(huge_pdf), "application/pdf", "scan.pdf")
    doc = tmp_path / "invoice.docx"
    doc.write_bytes(b"PK\x03\x04" + b"x" * 100)
    with pytest.raises(ReceiptRefused, match="only PDF, JPG and PNG"):
        provider.upload_receipt(found, str(doc), "application/vnd.openxmlformats", "invoice.docx")
    assert len(lex.files_of(res.ledger_id)) == 1


def test_changing_a_voucher_keeps_its_files(provider, lex, tmp_path):
    """A PUT that left out ``files`` would delete them (the emulator does so too): the provider merges."""
    e = entry([(category_code(lex, "Bürobedarf"), "11.90", "19%", "1.90")], eid=EID)
    p2 = LexofficeProvider({**provider.settings, "post": False}, lambda: DEMO_API_KEY)
    [res] = p2.send_batch([e])
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(PDF)
    p2.upload_receipt(Found(res.ledger_id), str(pdf), "application/pdf", "r.pdf")
    out = p2.update_voucher(res.ledger_id, {"voucherStatus": "open", "remark": "geprüft"})
    v = lex.demo.vouchers[res.ledger_id]
    assert v["voucherStatus"] == "open" and v["remark"] == "geprüft" and out["version"] == v["version"]
    assert len(v["files"]) == 1 and lex.demo.deleted_files == []


def test_the_pacer_spaces_calls_by_the_limit_with_its_margin():
    """Two calls a second, 10 ms apart more for jitter: 1.96 a second (2 % under the limit)."""
    from pleodesk.providers.lexoffice.client import LexLimits, Pacer

    now = [100.0]
    slept = []

    def sleep(s):
        slept.append(s)
        now[0] += s

    pacer = Pacer(LexLimits(), clock=lambda: now[0], sleep=sleep)
    for _ in range(5):
        pacer.acquire()
    assert slept == pytest.approx([0.51] * 4)
    pacer.pause(3.0)
    pacer.acquire()
    assert slept[-1] == pytest.approx(3.0)


def test_invoice_payments_are_left_to_the_bookkeeper_and_the_reason_says_why(provider):
    """An invoice payment as a voucher would book the invoice's expense twice; the feed does not carry it
    either, so the reason the user sees tells them to add it by hand (and the preview counts it so)."""
    from pleodesk.core.engine import _not_exported_rule, _not_exported_rules
    from pleodesk.core.feed import FEED_FAMILIES
    from pleodesk.core.model import ExpenseKind, kinds_of_entry
    from pleodesk.providers.lexoffice.provider import INVOICE_PAYMENT_REASON

    entry_ = {"family": "BILL_INVOICE_PAYMENT", "subFamily": None}
    assert kinds_of_entry(entry_) == (ExpenseKind.INVOICE_PAYMENT,)
    rule = _not_exported_rule(_not_exported_rules(provider), entry_)
    assert rule is not None and rule.handled and rule.reason == INVOICE_PAYMENT_REASON
    assert "BILL_INVOICE_PAYMENT" not in FEED_FAMILIES and "by hand" in INVOICE_PAYMENT_REASON
