"""The QuickBooks provider against the emulator: what each Pleo expense becomes, VAT to the cent, payees,
refusals one by one, look-ups after a crash, receipts. Every request and answer is checked against
Intuit's XSDs."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from pleodesk.core.ledger import ContraRole
from pleodesk.core.money import Money
from pleodesk.providers.quickbooks import wire
from pleodesk.providers.quickbooks.provider import QboSendResult

from qbo_testkit import demo_entries



def _by_ref(qbo, kind):
    return {t["DocNumber"]: t for t in qbo.entities(kind)}


def _purchases(sandbox, provider, n=None):
    """Card purchases paid from the wallet (not vendor-based: those are bills)."""
    out = [e for e in demo_entries(sandbox, provider, kinds={"card_purchase"}) if e.contra_role is ContraRole.WALLET]
    return out[:n] if n else out


def _account_id(qbo, number):
    return next(a["Id"] for a in qbo.demo.all("Account") if a.get("AcctNum") == number)


def test_a_month_of_each_kind_is_booked_as_the_right_object(configured, sandbox, qbo, recorder):
    entries = demo_entries(sandbox, configured)
    results = []
    for i in range(0, len(entries), 30):
        results += configured.send_batch(entries[i:i + 30])
    failed = [(e.kind.value, r.error.title) for e, r in zip(entries, results) if not r.ok]
    assert failed == []
    assert len(results) == len(entries)
    wallet, pocket = _account_id(qbo, "512"), _account_id(qbo, "5121")
    kinds = {"Purchase": _by_ref(qbo, "Purchase"), "Deposit": _by_ref(qbo, "Deposit"),
             "Transfer": _by_ref(qbo, "Transfer"), "Bill": _by_ref(qbo, "Bill"),
             "VendorCredit": _by_ref(qbo, "VendorCredit")}
    assert sum(len(v) for v in kinds.values()) == len(entries)
    for e, r in zip(entries, results):
        ref = wire.doc_number(e.reference)
        kind = next(k for k, v in kinds.items() if ref in v)
        txn = kinds[kind][ref]
        assert r.ledger_id == txn["Id"] and e.expense_id in txn["PrivateNote"]
        gross = abs(e.gross.amount)
        if kind == "Transfer":
            assert Decimal(str(txn["Amount"])) == gross
            continue
        assert Decimal(str(txn["TotalAmt"])) == gross, (e.kind.value, txn["TotalAmt"], gross)
        pleo_vat = sum((p.debit - p.credit for p in e.postings if p.tax_role == "input"), Decimal(0))
        if not any(p.tax_role == "output" for p in e.postings):
            assert abs(Decimal(str(txn["TxnTaxDetail"]["TotalTax"]))) == abs(pleo_vat), "VAT to the cent"
        if e.contra_role is ContraRole.PAYABLE:
            assert kind == ("Bill" if e.gross.amount > 0 else "VendorCredit")
        elif e.gross.amount > 0:
            assert kind == "Purchase" and txn["PaymentType"] == "Cash"
            assert txn["AccountRef"]["value"] == (pocket if e.contra_role is ContraRole.OUT_OF_POCKET else wallet)
        else:
            assert kind == "Deposit" and txn["DepositToAccountRef"]["value"] == wallet
            assert all(ln["DepositLineDetail"]["TaxApplicableOn"] == "Purchase" for ln in txn["Line"])
    # Each expense line on its account, with its class and project, every line with a VAT code.
    for p in kinds["Purchase"].values():
        for ln in p["Line"]:
            d = ln["AccountBasedExpenseLineDetail"]
            assert d["TaxCodeRef"]["value"]
    tagged = [p for p in kinds["Purchase"].values() if any("ClassRef" in ln["AccountBasedExpenseLineDetail"]
                                                           for ln in p["Line"])]
    assert tagged and any("CustomerRef" in ln["AccountBasedExpenseLineDetail"] for p in tagged for ln in p["Line"])
    # Mileage and per diem are paid to the employee: the existing employee is reused as the payee.
    camille = [p for p in kinds["Purchase"].values() if p.get("EntityRef", {}).get("type") == "Employee"]
    assert camille and all(p["EntityRef"]["name"] == "Camille Martin" for p in camille)
    # Reimbursements and top-ups move money between the accounts.
    assert {(t["FromAccountRef"]["value"], t["ToAccountRef"]["value"]) for t in kinds["Transfer"].values()} >= {
        (wallet, pocket)}
    # Batches of at most 30, and the rounding overrides were counted.
    batches = recorder.calls("POST", "/batch")
    assert batches and all(len(__import__("json").loads(b.request.content)["BatchItemRequest"]) <= 30 for b in batches)
    recorder.assert_valid()


def test_vat_rounding_is_overridden_to_pleos_cent(configured, sandbox, qbo, recorder):
    """Two receipt lines of 10.04 net at 20 %: Pleo has 2.01 + 2.01 = 4.02 VAT, QuickBooks computes 4.02 on
    20.08 too; with nets of 10.03 and 10.03 Pleo has 2.01 + 2.01 = 4.02 but QuickBooks 4.01: overridden."""
    [entry] = [e for e in _purchases(sandbox, configured)
               if any(p.tax_code == "TVA 20 %" and p.tax_role is None for p in e.postings)][:1]
    lines = [p for p in entry.postings if p.tax_role is None and p.line_id]
    base = lines[0]
    contra = next(p for p in entry.postings if p.line_id is None)
    postings = []
    for n in ("a", "b"):
        postings += [replace(base, debit=Decimal("10.03"), credit=Decimal(0), line_id=n),
                     replace(base, account="QBO-VAT", debit=Decimal("2.01"), credit=Decimal(0), tax_role="input",
                             tax_base=Decimal("10.03"), line_id=n, dimensions=())]
    postings.append(replace(contra, debit=Decimal(0), credit=Decimal("24.08")))
    entry = replace(entry, postings=tuple(postings), gross=Money(Decimal("24.08"), "EUR"))
    [res] = configured.send_batch([entry])
    assert res.ok and isinstance(res, QboSendResult) and res.vat_rounding
    p = qbo.entities("Purchase")[-1]
    assert Decimal(str(p["TotalAmt"])) == Decimal("24.08")
    assert Decimal(str(p["TxnTaxDetail"]["TotalTax"])) == Decimal("4.02")
    assert Decimal(str(p["TxnTaxDetail"]["TaxLine"][0]["TaxLineDetail"]["OverrideDeltaAmount"])) == Decimal("0.01")
    recorder.assert_valid()


def test_a_vat_far_from_quickbooks_rate_is_refused_not_overridden(configured, sandbox, qbo):
    """Pleo's 20 % mapped to QuickBooks' 10 %: not rounding; refused with what to map, nothing booked."""
    entries = [replace(e, postings=tuple(replace(p, tax_code="TVA 10 %") if p.tax_code == "TVA 20 %" else p
                                         for p in e.postings))
               for e in _purchases(sandbox, configured)
               if any(p.tax_code == "TVA 20 %" and p.tax_role == "input" and p.debit > 1 for p in e.postings)][:3]
    before = len(qbo.entities("Purchase"))
    results = configured.send_batch(entries)
    assert results and all(not r.ok and "more than rounding apart" in r.error.title for r in results)
    assert results[0].error.reason_type == "tax_code_unknown" and "same rate" in results[0].error.fix
    assert len(qbo.entities("Purchase")) == before


def test_one_refused_expense_never_fails_the_others(configured, sandbox, qbo, recorder):
    every = _purchases(sandbox, configured)
    target = next(e for e in every if any(d == "Class" for p in e.postings for d, _v in p.dimensions))
    value = next(v for p in target.postings for d, v in p.dimensions if d == "Class")
    entries = [e for e in every if e is not target][:2] + [target] + [e for e in every if e is not target][2:5]
    # The class of the third one was made inactive in QuickBooks after the chart was read.
    cls = next(c for c in qbo.demo.all("Class") if c["Name"] == value)
    cls["Active"] = False
    results = configured.send_batch(entries)
    bad = [r for r in results if not r.ok]
    assert [r.expense_id for r in bad] == [e.expense_id for e in entries
                                           if any(v == value for p in e.postings for _d, v in p.dimensions)]
    err = bad[0].error
    assert "class" in err.title and "deleted or made inactive" in err.title and err.reason_type == "tag_unknown"
    assert "active again" in err.fix and not err.retryable
    assert len(qbo.entities("Purchase")) == len(entries) - len(bad)
    # The next chart shows the class as archived: validation holds such expenses before sending.
    assert value in configured.read_chart().dimensions["Class"].archived_values
    recorder.assert_valid()


def test_a_closed_period_is_refused_with_what_to_do(configured, sandbox, qbo):
    entries = _purchases(sandbox, configured, 3)
    qbo.demo.set_pref("AccountingInfoPrefs", "BookCloseDate", max(e.date for e in entries).isoformat())
    results = configured.send_batch(entries)
    assert all(not r.ok for r in results)
    assert "books are closed" in results[0].error.title and "Close the books" in results[0].error.fix
    assert qbo.entities("Purchase") == []


def test_a_deleted_account_is_named_and_held(configured, sandbox, qbo):
    entries = _purchases(sandbox, configured, 2)
    account = entries[0].postings[0].account
    qid = _account_id(qbo, account)
    del qbo.demo.entities["Account"][qid]
    [first, *_rest] = configured.send_batch(entries[:1])
    assert not first.ok and "account" in first.error.title and first.error.reason_type == "account_unknown"
    assert account not in configured.read_chart().accounts


def test_a_supplier_named_like_a_customer_gets_a_vendor_of_its_own(configured, sandbox, qbo):
    entry = _purchases(sandbox, configured)[0]
    entry = replace(entry, payee="Coolblue")
    customer = next(c for c in qbo.demo.all("Customer") if c["DisplayName"] == "Coolblue")
    [res] = configured.send_batch([entry])
    assert res.ok and any("belongs to another record" in n for n in res.notes)
    p = qbo.entities("Purchase")[-1]
    assert p["EntityRef"]["type"] == "Vendor" and p["EntityRef"]["name"] == "Coolblue (Pleo)"
    assert next(c for c in qbo.demo.all("Customer") if c["Id"] == customer["Id"]) == customer   # untouched
    # and the next expense of that supplier reuses the new vendor
    [again] = configured.send_batch([replace(_purchases(sandbox, configured)[1],
                                             payee="Coolblue")])
    assert again.ok and qbo.entities("Purchase")[-1]["EntityRef"]["value"] == p["EntityRef"]["value"]
    assert [v["DisplayName"] for v in qbo.demo.all("Vendor")].count("Coolblue (Pleo)") == 1


def test_a_vendor_made_elsewhere_meanwhile_is_found_after_6240(configured, sandbox, qbo):
    entry = replace(_purchases(sandbox, configured)[0], payee="Librairie Dupont")
    configured._load_names()                  # the names are read ...
    qbo.demo.entities["Vendor"]["9990"] = {"Id": "9990", "SyncToken": "0", "DisplayName": "Librairie Dupont",
                                           "Active": True}                # ... then someone adds the vendor
    [res] = configured.send_batch([entry])
    assert res.ok and qbo.entities("Purchase")[-1]["EntityRef"]["value"] == "9990"


def test_lookups_find_what_was_booked_and_only_ours(configured, sandbox, qbo, recorder):
    entries = demo_entries(sandbox, configured)
    transfer = next(e for e in entries if e.kind.value in ("wallet_topup", "direct_reimbursement"))
    purchase = next(e for e in entries if e.kind.value == "card_purchase" and e.contra_role is ContraRole.WALLET)
    refund = next(e for e in entries if e.kind.value == "refund")
    results = configured.send_batch([transfer, purchase, refund])
    assert all(r.ok for r in results)
    for e, r in zip((transfer, purchase, refund), results):
        found = configured.find_by_reference(e.reference)
        assert found is not None and found.ledger_id == r.ledger_id
    # A transfer whose DocNumber QuickBooks did not keep is found by the Pleo id in its note.
    t = next(t for t in qbo.demo.all("Transfer"))
    t.pop("DocNumber")
    assert configured.find_by_reference(transfer.reference).ledger_id == t["Id"]
    # Another transaction with the same DocNumber but not our Pleo id is not ours.
    other = next(e for e in entries if e.kind.value == "card_purchase" and e is not purchase
                 and e.contra_role is ContraRole.WALLET)
    p = next(x for x in qbo.demo.all("Purchase") if x["Id"] == results[1].ledger_id)
    p["DocNumber"] = wire.doc_number(other.reference)
    assert configured.find_by_reference(other.reference) is None
    recorder.assert_valid()


def test_receipts_are_attached_checked_and_never_twice(configured, sandbox, qbo, recorder, tmp_path):
    from pleodesk.providers.base import Found, LedgerError

    [res] = configured.send_batch(_purchases(sandbox, configured, 1))
    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40)
    found = Found(res.ledger_id, res.ledger_url)
    configured.upload_receipt(found, str(pdf), "application/pdf", "receipt.pdf")
    [att] = qbo.entities("Attachable")
    assert att["AttachableRef"][0]["EntityRef"] == {"value": res.ledger_id, "type": "Purchase"}
    assert qbo.demo.files[att["Id"]] == pdf.read_bytes() and att["ContentType"] == "application/pdf"
    # The bytes came back different once: that copy is removed and the file sent again.
    qbo.corrupt_next_upload()
    configured.upload_receipt(found, str(pdf), "application/pdf", "second.pdf")
    atts = qbo.entities("Attachable")
    assert [a["FileName"] for a in atts] == ["receipt.pdf", "second.pdf"]
    assert all(qbo.demo.files[a["Id"]] == pdf.read_bytes() for a in atts)
    # After a crash (a new provider, the transaction found by reference), nothing is attached twice.
    from pleodesk.providers.quickbooks import create_provider

    again = create_provider(type("C", (), {"id": 1, "name": "x", "settings": configured.settings})(),
                            transport=recorder)
    again.upload_receipt(found, str(pdf), "application/pdf", "receipt.pdf")
    assert len(qbo.entities("Attachable")) == 2
    # A type QuickBooks does not take: an image is sent as JPEG, anything else refused with what to do.
    odd = tmp_path / "receipt.heic"
    odd.write_bytes(b"not really an image")
    with pytest.raises(LedgerError, match="HEIC file, a type QuickBooks does not take") as err:
        configured.upload_receipt(found, str(odd), "application/octet-stream", "receipt.heic")
    assert not err.value.retryable and "by hand" in err.value.fix
    png = tmp_path / "photo.webp"
    from PySide6.QtGui import QColor, QImage

    img = QImage(40, 30, QImage.Format.Format_RGB32)
    img.fill(QColor("white"))
    img.save(str(tmp_path / "p.png"))
    png.write_bytes((tmp_path / "p.png").read_bytes())
    configured.upload_receipt(found, str(png), "image/png", "photo.webp")
    assert qbo.entities("Attachable")[-1]["FileName"] == "photo.png"
    recorder.assert_valid()


def test_a_receipt_over_the_upload_limit_is_refused_before_sending(configured, sandbox, qbo, tmp_path, monkeypatch):
    from pleodesk.providers.base import Found, LedgerError
    from pleodesk.providers.quickbooks import provider as P

    [res] = configured.send_batch(_purchases(sandbox, configured, 1))
    monkeypatch.setattr(P, "MAX_UPLOAD_BYTES", 200 * 1024)
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * (300 * 1024))
    calls = len(qbo.requests)
    with pytest.raises(LedgerError, match="QuickBooks takes at most"):
        configured.upload_receipt(Found(res.ledger_id, res.ledger_url), str(big), "application/pdf", "big.pdf")
    assert len(qbo.requests) == calls and qbo.entities("Attachable") == []


def test_multicurrency_sends_the_currency_only_where_the_company_has_it(configured, sandbox, qbo, recorder):
    entries = _purchases(sandbox, configured, 2)
    [first] = configured.send_batch(entries[:1])
    assert first.ok and "CurrencyRef" not in qbo.entities("Purchase")[-1]
    assert "CurrencyRef" not in __import__("json").loads(recorder.calls("POST", "/batch")[-1].request.content
                                                         )["BatchItemRequest"][0]["Purchase"]
    qbo.demo.set_pref("CurrencyPrefs", "MultiCurrencyEnabled", True)
    configured.read_chart()
    [second] = configured.send_batch(entries[1:])
    p = qbo.entities("Purchase")[-1]
    assert second.ok and p["CurrencyRef"]["value"] == "EUR" and Decimal(str(p["ExchangeRate"])) == 1
    recorder.assert_valid()


def test_class_tracking_per_transaction_takes_one_class_per_expense(configured, sandbox, qbo):
    from pleodesk.core.ledger import Posting

    qbo.demo.set_pref("AccountingInfoPrefs", "ClassTrackingPerTxnLine", False)
    qbo.demo.set_pref("AccountingInfoPrefs", "ClassTrackingPerTxn", True)
    configured.read_chart()
    entry = _purchases(sandbox, configured)[0]
    lines = [p for p in entry.postings if p.tax_role is None and p.line_id]
    # two lines of the same expense, tagged with two different classes
    first, contra = lines[0], next(p for p in entry.postings if p.line_id is None)
    half = (first.debit / 2).quantize(Decimal("0.01"))
    postings: list[Posting] = [replace(first, debit=half, tax_code="Exonéré", line_id="x", dimensions=(("Class", "Ventes"),)),
                               replace(first, debit=first.debit - half, tax_code="Exonéré", line_id="y",
                                       dimensions=(("Class", "Technique"),)),
                               replace(contra, credit=first.debit)]
    entry = replace(entry, postings=tuple(postings), gross=Money(first.debit, "EUR"))
    [res] = configured.send_batch([entry])
    assert not res.ok and "one class per transaction" in res.error.title and res.error.reason_type == "tag_unknown"
    assert qbo.entities("Purchase") == []
