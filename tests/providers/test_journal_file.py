"""The general-journal file provider, on real files."""

import csv
import dataclasses
import errno
import os
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from pleodesk.core.ledger import (
    CategoryMapping,
    ContraRole,
    LedgerAccount,
    LedgerChart,
    LedgerDimension,
    LedgerEntry,
    LedgerTax,
    Mappings,
    Posting,
)
from pleodesk.core.model import Category, Expense, ExpenseKind, ExpenseLine, Supplier, Tag, Tax, TaxType
from pleodesk.core.money import Money
from pleodesk.core.posting import post
from pleodesk.providers import journal_file
from pleodesk.providers.base import FeedLine, Found, LedgerError, Provider
from pleodesk.providers.journal_file import JOURNAL_HEADER, JournalDamaged, JournalFileProvider, safe_filename

D = Decimal

CHART = LedgerChart(
    accounts={a.code: a for a in [
        LedgerAccount("1100", "Pleo wallet", "bank"),
        LedgerAccount("1510", "Input VAT", "tax"),
        LedgerAccount("1520", "Output VAT", "tax"),
        LedgerAccount("1600", "Owed to employees", "liability"),
        LedgerAccount("4010", "Taxi"),
        LedgerAccount("4020", "Meals"),
        LedgerAccount("4900", "Old travel", active=False),
    ]},
    taxes={t.code: t for t in [
        LedgerTax("V21", "VAT 21%", D("0.21"), input_account="1510"),
        LedgerTax("RC21", "Reverse charge 21%", D("0.21"), "reverse", input_account="1510", output_account="1520"),
    ]},
    dimensions={"Cost centre": LedgerDimension("Cost centre", frozenset({"Sales", "R;D=1"}))},
)
MAPPINGS = Mappings(
    categories={"4010": CategoryMapping("4010"), "4020": CategoryMapping("4020"), "4900": CategoryMapping("4900"),
                "6999": CategoryMapping("6999")},
    taxes={"21%": "V21", "RC21": "RC21"},
    tag_groups={"CC": "Cost centre"},
    tags={("CC", "S"): "Sales", ("CC", "R"): "R;D=1"},
    contra={ContraRole.WALLET: "1100", ContraRole.OUT_OF_POCKET: "1600"},
)


def M(minor, currency="EUR"):
    return Money.from_minor(minor, currency)


def expense(eid, *, category="4010", net=10000, tax=None, currency="EUR", supplier=None, note="Airport",
            kind=ExpenseKind.CARD_PURCHASE, tags=()):
    """``tax``: None, "21%" (inclusive) or "RC21" (reverse). ``supplier``: (minor, currency) if foreign."""
    t = None
    amount = net
    s_net, s_cur = supplier or (net, currency)
    if tax:
        type_ = TaxType.REVERSE if tax == "RC21" else TaxType.INCLUSIVE
        minor = net * 21 // 100
        s_minor = s_net * 21 // 100
        t = Tax(tax, D("0.21"), type_, M(minor, currency), M(s_minor, s_cur), id="t")
        if type_ is TaxType.INCLUSIVE:
            amount, s_amount = net + minor, s_net + s_minor
        else:
            s_amount = s_net
    else:
        s_amount = s_net
    line = ExpenseLine("L1", Category("c", "Cat", category), M(amount, currency), M(s_amount, s_cur),
                       M(net, currency), M(s_net, s_cur), t, tuple(Tag("t", c, g) for g, c in tags))
    return Expense(id=eid, company_id="co", kind=kind, sub_type=None,
                   booked_at=datetime(2024, 6, 3, 8, tzinfo=timezone.utc), amount=M(amount, currency),
                   amount_supplier=M(s_amount, s_cur), lines=(line,), supplier=Supplier("Taxi Centrale"),
                   note=note)


def entry(eid, **kw) -> LedgerEntry:
    return post(expense(eid, **kw), MAPPINGS, CHART)


@pytest.fixture
def folder(tmp_path) -> Path:
    return tmp_path / "books"


@pytest.fixture
def provider(folder):
    p = JournalFileProvider(folder, CHART)
    p.ensure_setup({})
    yield p
    p.close()


def read_rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def by_reference(rows):
    out: dict[str, list[dict]] = {}
    for r in rows:
        out.setdefault(r["reference"], []).append(r)
    return out


# ------------------------------------------------------------------------------ the interface
def test_is_a_provider(provider, folder):
    assert isinstance(provider, Provider)
    assert provider.system == "journal_file"
    caps = provider.capabilities()
    assert caps.object_kinds == ("journal_entry",) and caps.posted and not caps.draft
    assert caps.batch_size == 200 and caps.max_attachment_bytes == 50 * 1024 * 1024 and caps.feed
    (company,) = provider.list_companies()
    assert company.id == str(folder) and company.name == "books"
    assert provider.read_chart() is CHART


def test_ensure_setup_creates_the_folder_and_an_empty_journal(tmp_path):
    folder = tmp_path / "a" / "b"
    with JournalFileProvider(folder, CHART) as p:
        assert p.ensure_setup({"x": 1}) == {"x": 1, "folder": str(folder)}
    assert (folder / "receipts").is_dir()
    assert (folder / "journal.csv").read_bytes() == (",".join(JOURNAL_HEADER) + "\r\n").encode()


def test_check(provider, folder, tmp_path, monkeypatch):
    result = provider.check()
    assert result.ok and result.version == "journal-csv 1"
    assert "writable" in result.messages[0] and "free" in result.messages[0]
    assert "journal.csv holds 0 entries." in result.messages
    assert sorted(os.listdir(folder)) == ["journal.csv", "receipts"]          # the probe is gone

    missing = JournalFileProvider(tmp_path / "nope", CHART).check()
    assert not missing.ok and "does not exist" in missing.messages[0]
    (tmp_path / "file").write_text("x")
    assert not JournalFileProvider(tmp_path / "file", CHART).check().ok

    def refuse(*a, **kw):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(journal_file.tempfile, "mkstemp", refuse)
    denied = provider.check()
    assert not denied.ok and "cannot write to" in denied.messages[0] and "Permission denied" in denied.messages[0]


def test_check_warns_about_low_disk_space(provider, monkeypatch):
    monkeypatch.setattr(journal_file.shutil, "disk_usage",
                        lambda p: SimpleNamespace(total=10**9, used=10**9, free=5 * 1024 * 1024))
    result = provider.check()
    assert result.ok and any("Less than 100.0 MB" in m for m in result.messages)


# ------------------------------------------------------------------------------ entries
def test_entries_round_trip(provider):
    entries = [
        entry("a", tax="21%", tags=[("CC", "S")]),
        entry("b", tax="RC21", supplier=(10800, "USD")),
        entry("c", category="4020", net=1500, currency="JPY"),
        entry("d", net=-2500, kind=ExpenseKind.REFUND),
    ]
    results = provider.send_batch(entries)
    assert [r.ok for r in results] == [True] * 4
    assert [r.expense_id for r in results] == ["a", "b", "c", "d"]
    assert [r.ledger_id for r in results] == ["PLEO-a", "PLEO-b", "PLEO-c", "PLEO-d"]
    assert results[0].ledger_url == provider.journal_path.as_uri() + "#PLEO-a"

    rows = read_rows(provider.journal_path)
    assert list(rows[0]) == list(JOURNAL_HEADER)
    grouped = by_reference(rows)
    assert list(grouped) == ["PLEO-a", "PLEO-b", "PLEO-c", "PLEO-d"]
    for e in entries:
        written = grouped[e.reference]
        assert [(r["entry_line"], r["entry_lines"]) for r in written] == [
            (str(i), str(len(e.postings))) for i in range(1, len(e.postings) + 1)]
        for r, p in zip(written, e.postings):
            assert r["date"] == "2024-06-03"
            assert (r["account"], D(r["debit"]), D(r["credit"]), r["currency"]) == (p.account, p.debit, p.credit,
                                                                                    p.currency)
            assert r["tax_code"] == (p.tax_code or "") and r["tax_role"] == (p.tax_role or "")
            assert r["description"] == p.description
            if p.foreign:
                assert (D(r["foreign_amount"]), r["foreign_currency"]) == (p.foreign.amount, p.foreign.currency)
            else:
                assert r["foreign_amount"] == r["foreign_currency"] == ""

    a = grouped["PLEO-a"]
    assert [(r["account"], r["debit"], r["credit"]) for r in a] == [
        ("4010", "100.00", "0.00"), ("1510", "21.00", "0.00"), ("1100", "0.00", "121.00")]
    assert a[0]["tags"] == a[1]["tags"] == "Cost centre=Sales" and a[2]["tags"] == ""
    assert a[0]["description"] == "Taxi Centrale - Airport"
    b = grouped["PLEO-b"]
    assert [(r["tax_role"], r["foreign_amount"], r["foreign_currency"]) for r in b] == [
        ("", "108.00", "USD"), ("input", "22.68", "USD"), ("output", "22.68", "USD"), ("", "", "")]
    assert [(r["debit"], r["credit"]) for r in grouped["PLEO-c"]] == [("1500", "0"), ("0", "1500")]
    assert [(r["account"], r["debit"], r["credit"]) for r in grouped["PLEO-d"]] == [
        ("4010", "0.00", "25.00"), ("1100", "25.00", "0.00")]


def test_every_entry_in_the_file_balances(provider):
    provider.send_batch([entry(f"e{i}", net=1000 + i * 37, tax="21%" if i % 2 else "RC21") for i in range(40)])
    for ref, rows in by_reference(read_rows(provider.journal_path)).items():
        assert sum(D(r["debit"]) for r in rows) == sum(D(r["credit"]) for r in rows), ref
        assert len(rows) == int(rows[0]["entry_lines"])


def test_three_decimal_currency(provider):
    provider.send_batch([entry("k", net=11500, currency="KWD")])
    assert [r["debit"] or r["credit"] for r in read_rows(provider.journal_path)] == ["11.500", "0.000"]


def test_dimension_names_and_values_are_escaped(provider):
    provider.send_batch([entry("a", tags=[("CC", "R")])])
    assert read_rows(provider.journal_path)[0]["tags"] == "Cost centre=R\\;D\\=1"


def test_text_is_one_line_and_never_a_formula(provider):
    provider.send_batch([entry("a", note="line one\nline two\u2028\r\tend"), entry("b", note=None)])
    b = dataclasses.replace(entry("c"), reference="PLEO-c")
    b = dataclasses.replace(b, postings=tuple(dataclasses.replace(p, description="=HYPERLINK(\"x\")")
                                              for p in b.postings))
    provider.send_batch([b])
    rows = read_rows(provider.journal_path)
    assert rows[0]["description"] == "Taxi Centrale - line one line two   end"
    assert rows[-1]["description"] == "'=HYPERLINK(\"x\")"
    raw = provider.journal_path.read_bytes()
    assert raw.count(b"\n") == len(rows) + 1 and raw.count(b"\r\n") == len(rows) + 1


def test_errors_are_per_entry(provider):
    good = entry("good")
    unbalanced = dataclasses.replace(entry("unbalanced"), postings=entry("unbalanced").postings[:-1])
    unknown = entry("unknown", category="6999")
    archived = entry("archived", category="4900")
    bad_tax = dataclasses.replace(entry("tax"), postings=tuple(
        dataclasses.replace(p, tax_code="X9") for p in entry("tax").postings))
    results = provider.send_batch([unbalanced, good, unknown, archived, bad_tax, entry("last")])
    assert [r.ok for r in results] == [False, True, False, False, False, True]
    assert results[0].error.title == "Entry PLEO-unbalanced does not balance"
    assert results[0].error.detail == "debits 100.00, credits 0 EUR"
    assert results[2].error.title == "Account 6999 is not in the chart" and results[2].error.fix
    assert results[2].error.reason_type == "account_unknown" and not results[2].error.retryable
    assert results[3].error.title == "Account 4900 Old travel is archived"
    assert results[4].error.reason_type == "tax_code_unknown"
    assert list(by_reference(read_rows(provider.journal_path))) == ["PLEO-good", "PLEO-last"]


def test_sending_twice_writes_once(provider):
    e = entry("a")
    assert provider.send_batch([e, e])[1].ok
    assert provider.send_batch([e])[0].ledger_id == "PLEO-a"
    assert len(read_rows(provider.journal_path)) == 2


def test_an_entry_without_postings_is_not_written(provider):
    empty = post(expense("z", net=0), MAPPINGS, CHART)
    assert empty.postings == ()
    (result,) = provider.send_batch([empty])
    assert result.ok and result.ledger_id == "PLEO-z"
    assert read_rows(provider.journal_path) == []


def test_find_by_reference_after_reopening(provider, folder):
    provider.send_batch([entry("a"), entry("b", tax="21%")])
    provider.close()
    with JournalFileProvider(folder, CHART) as again:
        found = again.find_by_reference("PLEO-b")
        assert found == Found("PLEO-b", again.journal_path.as_uri() + "#PLEO-b")
        assert again.find_by_reference("PLEO-zzz") is None
        assert again.send_batch([entry("a")])[0].ok            # already there: not written again
    assert len(by_reference(read_rows(folder / "journal.csv"))) == 2


def test_the_file_is_the_truth(provider, folder):
    provider.send_batch([entry("a")])
    with JournalFileProvider(folder, CHART) as other:          # e.g. a second window
        other.send_batch([entry("b")])
    assert provider.find_by_reference("PLEO-b") is not None
    provider.journal_path.unlink()                             # moved away by the user
    assert provider.find_by_reference("PLEO-a") is None
    provider.send_batch([entry("c")])
    assert list(by_reference(read_rows(provider.journal_path))) == ["PLEO-c"]


# ------------------------------------------------------------------------------ crash repair
def _half_block(provider, e, cut):
    block = provider._rows(e, [])
    return block[:cut(block)]


@pytest.mark.parametrize("cut", [
    lambda b: len(b) // 2,                                   # inside a row
    lambda b: b.index(b"\n") + 1,                            # after whole rows of an incomplete entry
    lambda b: 7,                                             # inside the first row
    lambda b: len(b) - 1,                                    # just the final newline missing
])
def test_a_cut_short_entry_is_removed_on_open(provider, folder, cut):
    provider.send_batch([entry("a", tax="21%"), entry("b")])
    provider.close()
    whole = provider.journal_path.read_bytes()
    with open(provider.journal_path, "ab") as fh:
        fh.write(_half_block(provider, entry("c", tax="21%"), cut))
    with JournalFileProvider(folder, CHART) as again:
        report = again.check()
        assert report.ok and any("cut short" in m for m in report.messages)
        assert provider.journal_path.read_bytes() != whole    # check() changes nothing
        assert again.find_by_reference("PLEO-b") is not None
        assert again.find_by_reference("PLEO-c") is None
        assert provider.journal_path.read_bytes() == whole
        assert again.journal.repaired_bytes > 0
        assert again.send_batch([entry("c", tax="21%")])[0].ok
    assert list(by_reference(read_rows(folder / "journal.csv"))) == ["PLEO-a", "PLEO-b", "PLEO-c"]


def test_a_tail_of_zeros_after_power_loss_is_removed(provider, folder):
    provider.send_batch([entry("a")])
    whole = provider.journal_path.read_bytes()
    with open(provider.journal_path, "ab") as fh:
        fh.write(b"\0" * 300 + b"\n" + b"\0" * 20)
    assert provider.find_by_reference("PLEO-a") is not None   # rescanned: the file changed
    assert provider.journal_path.read_bytes() == whole


# ------------------------------------------------------------------------------ what is written is read back
HUGE_NOTE = ("Ä lunch with the whole team " * 8000)[:200_000]


def test_a_huge_note_as_the_last_entry_is_kept(provider, folder):
    """A 200,000-character note is longer than csv's default field limit (131,072): the entry looked cut
    short and was truncated away on the next open, though it was booked."""
    assert len(HUGE_NOTE) == 200_000
    assert [r.ok for r in provider.send_batch([entry("a", tax="21%"), entry("b", tax="21%", note=HUGE_NOTE)])] \
        == [True, True]
    provider.close()
    whole = provider.journal_path.read_bytes()
    assert len(whole) > 600_000
    with JournalFileProvider(folder, CHART) as again:
        report = again.check()
        assert report.ok and "journal.csv holds 2 entries." in report.messages
        assert not any("cut short" in m for m in report.messages)
        assert again.find_by_reference("PLEO-b") is not None
        assert again.send_batch([entry("c")])[0].ok
        assert again.journal.repaired_bytes == 0
    after = (folder / "journal.csv").read_bytes()
    assert after.startswith(whole) and len(after) > len(whole)
    rows = by_reference(read_rows(folder / "journal.csv"))
    assert list(rows) == ["PLEO-a", "PLEO-b", "PLEO-c"]
    assert rows["PLEO-b"][0]["description"] == "Taxi Centrale - " + HUGE_NOTE


def test_a_huge_note_in_the_middle_blocks_no_later_export(provider, folder):
    provider.send_batch([entry("a", note=HUGE_NOTE), entry("b")])
    provider.close()
    with JournalFileProvider(folder, CHART) as again:
        assert again.check().ok
        assert [r.ok for r in again.send_batch([entry("c"), entry("b")])] == [True, True]
        assert again.find_by_reference("PLEO-a") is not None
    assert list(by_reference(read_rows(folder / "journal.csv"))) == ["PLEO-a", "PLEO-b", "PLEO-c"]


def test_a_cut_short_tail_recorded_as_exported_is_never_cut(provider, folder):
    """The export records say PLEO-c was exported, but the file holds only part of it: cutting the tail
    would lose a booked entry for good (Pleo and pleodesk would never send it again)."""
    provider.send_batch([entry("a"), entry("b")])
    provider.close()
    with open(provider.journal_path, "ab") as fh:
        fh.write(_half_block(provider, entry("c", tax="21%"), lambda b: b.index(b"\n") + 20))
    damaged = provider.journal_path.read_bytes()
    asked = []

    def exported(refs):
        asked.append(list(refs))
        return {r for r in refs if r == "PLEO-c"}

    with JournalFileProvider(folder, CHART) as again:
        again.guard_exported(exported)
        report = again.check()
        assert not report.ok
        assert any("PLEO-c, which pleodesk recorded as exported" in m for m in report.messages)
        with pytest.raises(JournalDamaged) as info:
            again.send_batch([entry("d")])
        assert "restore it from a backup" in info.value.fix
        with pytest.raises(JournalDamaged):
            again.find_by_reference("PLEO-a")
    assert asked and asked[0] == ["PLEO-c"]
    assert provider.journal_path.read_bytes() == damaged
    with JournalFileProvider(folder, CHART) as unguarded:      # not exported: the cut-short write goes
        unguarded.guard_exported(lambda refs: set())
        assert unguarded.find_by_reference("PLEO-c") is None
        assert unguarded.journal.repaired_bytes > 0


def test_the_reference_of_an_unterminated_piece_is_guarded_too(provider, folder):
    provider.send_batch([entry("a")])
    provider.close()
    with open(provider.journal_path, "ab") as fh:             # inside row 1, after its reference cell
        fh.write(_half_block(provider, entry("c"), lambda b: len("2024-06-03,PLEO-c,1,")))
    with JournalFileProvider(folder, CHART) as again:
        again.guard_exported(lambda refs: set(refs) & {"PLEO-c"})
        with pytest.raises(JournalDamaged):
            again.send_batch([entry("d")])


@pytest.mark.parametrize("tail", [
    b"2024-06-04,typed by hand\r\n",                          # a whole line that is no row
    b"2024-06-04,typed by hand\r\n\0\0\0",
])
def test_a_tail_a_cut_write_cannot_leave_is_reported_not_cut(provider, folder, tail):
    provider.send_batch([entry("a")])
    provider.close()
    with open(provider.journal_path, "ab") as fh:
        fh.write(tail)
    damaged = provider.journal_path.read_bytes()
    with JournalFileProvider(folder, CHART) as again:
        assert not again.check().ok
        with pytest.raises(JournalDamaged) as info:
            again.send_batch([entry("b")])
        assert "line 4 is not a row pleodesk writes" in info.value.detail
    assert provider.journal_path.read_bytes() == damaged


def test_every_cell_is_escaped_and_read_back(folder):
    """Account, tax and reference cells were written raw: a formula could reach a spreadsheet."""
    chart = dataclasses.replace(CHART, accounts={**CHART.accounts, "=1+2": LedgerAccount("=1+2", "Odd"),
                                                 "@SUM(A1)": LedgerAccount("@SUM(A1)", "Odder")},
                                taxes={**CHART.taxes, "+V21": LedgerTax("+V21", "VAT", D("0.21"),
                                                                         input_account="1510")})
    mappings = dataclasses.replace(MAPPINGS, categories={**MAPPINGS.categories, "odd": CategoryMapping("=1+2")},
                                   taxes={**MAPPINGS.taxes, "21%": "+V21"},
                                   contra={ContraRole.WALLET: "@SUM(A1)", ContraRole.OUT_OF_POCKET: "1600"})
    e = post(expense("x", category="odd", tax="21%", supplier=(-3000, "USD"), net=-2500,
                     kind=ExpenseKind.REFUND, note="'quoted"), mappings, chart)
    e = dataclasses.replace(e, reference="=HYPERLINK(\"http://x\")")
    with JournalFileProvider(folder, chart) as p:
        p.ensure_setup({})
        assert p.send_batch([e])[0].ok
    rows = read_rows(folder / "journal.csv")
    cells = [c for r in rows for c in r.values()]
    assert {r["account"] for r in rows} == {"'=1+2", "1510", "'@SUM(A1)"}
    assert {r["tax_code"] for r in rows} == {"'+V21", ""}
    assert {r["reference"] for r in rows} == {"'=HYPERLINK(\"http://x\")"}
    assert rows[0]["description"] == "Taxi Centrale - 'quoted" and rows[0]["foreign_amount"] == "30.00"
    for c in cells:   # a cell starting with a formula character is a plain number pleodesk wrote
        assert not c.startswith(("=", "+", "-", "@")) or D(c) < 0, c
    with JournalFileProvider(folder, chart) as again:          # the reference reads back unescaped
        assert again.find_by_reference("=HYPERLINK(\"http://x\")") is not None
        assert again.send_batch([e])[0].ok
    assert len(read_rows(folder / "journal.csv")) == len(rows)


def test_statement_cells_are_escaped_and_read_back(provider):
    line = FeedLine(transaction_id="=tx1", date="2024-06-03", amount="-12.50", currency="EUR", payee="@payee",
                    description="'quoted")
    assert provider.push_feed([line]).accepted == 1
    assert provider.push_feed([line]).duplicates == 1           # the escaped id reads back as "=tx1"
    (row,) = read_rows(provider.statement_path)
    assert (row["transaction_id"], row["amount"], row["payee"], row["description"]) == (
        "'=tx1", "-12.50", "'@payee", "''quoted")


def test_an_unknown_currency_never_reaches_the_file(provider):
    line = FeedLine(transaction_id="t2", date="2024-06-03", amount="1.00", currency="=1+", payee="p",
                    description="d")
    result = provider.push_feed([line])
    assert result.accepted == 0 and "=1+" in result.messages[0]
    assert "=1+" not in provider.statement_path.read_text()


def test_a_cut_short_header_is_rewritten(folder):
    folder.mkdir()
    (folder / "journal.csv").write_bytes(b"date,refer")
    with JournalFileProvider(folder, CHART) as p:
        assert p.send_batch([entry("a")])[0].ok
    assert list(by_reference(read_rows(folder / "journal.csv"))) == ["PLEO-a"]


def test_damage_in_the_middle_is_reported_not_repaired(provider, folder):
    provider.send_batch([entry("a", tax="21%"), entry("b"), entry("c")])
    provider.close()
    lines = provider.journal_path.read_bytes().split(b"\r\n")
    del lines[2]                                               # a row of PLEO-a, removed by hand
    damaged = b"\r\n".join(lines)
    provider.journal_path.write_bytes(damaged)
    with JournalFileProvider(folder, CHART) as again:
        report = again.check()
        assert not report.ok and any("journal.csv is damaged" in m for m in report.messages)
        with pytest.raises(JournalDamaged) as info:
            again.send_batch([entry("d")])
        assert "entry PLEO-a stops after row 1 of 3" in info.value.detail
        assert "after line 1" in info.value.fix
        assert not info.value.retryable
    assert provider.journal_path.read_bytes() == damaged


def test_a_foreign_file_is_never_touched(folder):
    folder.mkdir()
    (folder / "journal.csv").write_text("Datum;Konto;Betrag\n")
    with JournalFileProvider(folder, CHART) as p:
        assert not p.check().ok
        with pytest.raises(JournalDamaged, match="not a pleodesk file"):
            p.send_batch([entry("a")])
    assert (folder / "journal.csv").read_text() == "Datum;Konto;Betrag\n"


def test_a_missing_folder_is_an_error_for_the_whole_batch(tmp_path):
    with JournalFileProvider(tmp_path / "unplugged", CHART) as p:
        with pytest.raises(LedgerError, match="is missing") as info:
            p.send_batch([entry("a")])
        assert info.value.reason_type == "accounting_system_unreachable"
    assert not (tmp_path / "unplugged").exists()


# ------------------------------------------------------------------------------ full disk
def _disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_leaves_the_file_intact_and_is_retryable(provider, monkeypatch):
    provider.send_batch([entry("a")])
    before = provider.journal_path.read_bytes()
    monkeypatch.setattr(os, "write", _disk_full)
    results = provider.send_batch([entry("b"), entry("c", tax="21%")])
    monkeypatch.undo()
    assert [r.ok for r in results] == [False, False]
    for r in results:
        assert r.error.retryable and "the disk is full" in r.error.title and "Free some space" in r.error.fix
    assert provider.journal_path.read_bytes() == before
    assert provider.find_by_reference("PLEO-b") is None
    assert [r.ok for r in provider.send_batch([entry("b"), entry("c", tax="21%")])] == [True, True]
    assert list(by_reference(read_rows(provider.journal_path))) == ["PLEO-a", "PLEO-b", "PLEO-c"]


def test_a_short_write_is_undone(provider, monkeypatch):
    provider.send_batch([entry("a")])
    before = provider.journal_path.read_bytes()
    real_write = os.write

    def half(fd, data):
        return real_write(fd, data[: len(data) // 2])

    monkeypatch.setattr(os, "write", half)
    (result,) = provider.send_batch([entry("b", tax="21%")])
    monkeypatch.undo()
    assert result.error.retryable
    assert provider.journal_path.read_bytes() == before


def test_a_failed_fsync_is_undone(provider, monkeypatch):
    before = provider.journal_path.read_bytes()
    calls = []
    real_fsync = os.fsync

    def failing_fsync(fd):
        calls.append(fd)
        if len(calls) == 1:
            raise OSError(errno.EIO, "Input/output error")
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    (result,) = provider.send_batch([entry("b")])
    monkeypatch.undo()
    assert result.error.retryable and "Input/output error" in result.error.detail
    assert provider.journal_path.read_bytes() == before


# ------------------------------------------------------------------------------ receipts
def test_receipts_listed_in_the_entry_are_copied(provider, tmp_path):
    src = tmp_path / "downloads"
    src.mkdir()
    (src / "receipt.pdf").write_bytes(b"%PDF-1.4 taxi")
    (src / "photo.jpg").write_bytes(b"\xff\xd8 photo")
    e = dataclasses.replace(entry("a"), receipts=(str(src / "receipt.pdf"), str(src / "photo.jpg"),
                                                   str(src / "missing.png")))
    assert provider.send_batch([e])[0].ok                       # a missing receipt never fails the entry
    folder = provider.receipts_dir("PLEO-a")
    assert folder == provider.folder / "receipts" / "PLEO-a"
    assert sorted(os.listdir(folder)) == ["photo.jpg", "receipt.pdf"]
    assert (folder / "receipt.pdf").read_bytes() == b"%PDF-1.4 taxi"
    assert {r["receipts"] for r in read_rows(provider.journal_path)} == {"receipt.pdf;photo.jpg"}


def test_upload_receipt_is_atomic_and_idempotent(provider, tmp_path):
    provider.send_batch([entry("a")])
    found = provider.find_by_reference("PLEO-a")
    src = tmp_path / "r.pdf"
    src.write_bytes(b"%PDF one")
    provider.upload_receipt(found, str(src), "application/pdf", "receipt.pdf")
    provider.upload_receipt(found, str(src), "application/pdf", "receipt.pdf")
    folder = provider.receipts_dir("PLEO-a")
    assert os.listdir(folder) == ["receipt.pdf"]
    other = tmp_path / "r2.pdf"
    other.write_bytes(b"%PDF two")
    provider.upload_receipt(found, str(other), "application/pdf", "receipt.pdf")   # same name, other file
    provider.upload_receipt(found, str(other), "application/pdf", "receipt.pdf")
    assert sorted(os.listdir(folder)) == ["receipt-2.pdf", "receipt.pdf"]
    assert (folder / "receipt.pdf").read_bytes() == b"%PDF one"
    provider.upload_receipt(found, str(src), "image/png", "")                   # no name: from the mime type
    assert "r.pdf" in os.listdir(folder)


def test_a_receipt_is_stored_once_where_the_folders_share_a_file_system(provider, tmp_path, monkeypatch):
    """The journal's receipt is the ledger's attachment and stays when pleodesk's downloaded copy goes;
    on one file system it is a hard link to that copy (no second copy on disk), elsewhere a copy."""
    provider.send_batch([entry("a")])
    found = provider.find_by_reference("PLEO-a")
    downloaded = tmp_path / "data" / "receipts" / "e1" / "e1-1.pdf"
    downloaded.parent.mkdir(parents=True)
    downloaded.write_bytes(b"%PDF linked")
    provider.upload_receipt(found, str(downloaded), "application/pdf", "receipt.pdf")
    stored = provider.receipts_dir("PLEO-a") / "receipt.pdf"
    assert os.path.samefile(stored, downloaded) and os.stat(stored).st_nlink == 2
    provider.upload_receipt(found, str(downloaded), "application/pdf", "receipt.pdf")     # again: nothing new
    assert os.listdir(provider.receipts_dir("PLEO-a")) == ["receipt.pdf"]
    downloaded.unlink()                                       # pleodesk's copy removed (retention)
    assert stored.read_bytes() == b"%PDF linked" and os.stat(stored).st_nlink == 1
    # Another file system (or none with hard links): a copy of its own.
    other = tmp_path / "e2.pdf"
    other.write_bytes(b"%PDF copied")

    def no_link(*_a, **_k):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(journal_file.os, "link", no_link)
    provider.upload_receipt(found, str(other), "application/pdf", "other.pdf")
    copied = provider.receipts_dir("PLEO-a") / "other.pdf"
    assert copied.read_bytes() == b"%PDF copied" and not os.path.samefile(copied, other)
    assert sorted(os.listdir(provider.receipts_dir("PLEO-a"))) == ["other.pdf", "receipt.pdf"]


def test_upload_receipt_leaves_no_partial_file_on_a_full_disk(provider, tmp_path, monkeypatch):
    provider.send_batch([entry("a")])
    src = tmp_path / "r.pdf"
    src.write_bytes(b"%PDF" * 1000)

    def no_link(*_a, **_k):                                   # on another file system: copied
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(journal_file.os, "link", no_link)
    monkeypatch.setattr(journal_file.shutil, "copyfileobj", _disk_full)
    with pytest.raises(LedgerError) as info:
        provider.upload_receipt(Found("PLEO-a"), str(src), "application/pdf", "r.pdf")
    assert info.value.retryable and info.value.reason_type == "receipt_upload_failure"
    assert os.listdir(provider.receipts_dir("PLEO-a")) == []


def test_upload_receipt_refuses_more_than_50_mb(provider, tmp_path):
    big = tmp_path / "big.pdf"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024 + 1)                       # sparse: costs no disk
    with pytest.raises(LedgerError) as info:
        provider.upload_receipt(Found("PLEO-a"), str(big), "application/pdf", "big.pdf")
    assert info.value.reason_type == "receipt_file_size_limit_exceeded" and not info.value.retryable


def test_receipt_names_cannot_escape_the_folder(provider, tmp_path):
    src = tmp_path / "r.pdf"
    src.write_bytes(b"x")
    provider.upload_receipt(Found("../../etc"), str(src), "application/pdf", "..\\..\\evil;name.pdf")
    assert sorted(p.name for p in (provider.folder / "receipts").iterdir()) == ["_.._etc"]
    assert os.listdir(provider.folder / "receipts" / "_.._etc") == ["evil_name.pdf"]


@pytest.mark.parametrize("name, mime, expected", [
    ("receipt.pdf", None, "receipt.pdf"),
    ("a/b/c.jpg", None, "c.jpg"),
    ("CON.pdf", None, "_CON.pdf"),
    ("=cmd|x.pdf", None, "_cmd_x.pdf"),
    ("scan", "image/png", "scan.png"),
    ("", "application/pdf", "receipt.pdf"),
    ("  .hidden. ", None, "hidden"),
    ("bon\nnr\t1.pdf", None, "bon_nr_1.pdf"),
])
def test_safe_filename(name, mime, expected):
    assert safe_filename(name, mime) == expected


# ------------------------------------------------------------------------------ bank feed
def test_feed_skips_duplicates(provider):
    lines = [FeedLine("tx1", "2024-06-03", "-121.00", "EUR", "Taxi Centrale", "Airport"),
             FeedLine("tx2", "2024-06-04", "5000", "EUR", "Pleo", "Wallet top-up"),
             FeedLine("tx1", "2024-06-03", "-121.00", "EUR", "Taxi Centrale", "Airport")]
    first = provider.push_feed(lines)
    assert (first.accepted, first.duplicates) == (2, 1)
    second = provider.push_feed(lines[:2] + [FeedLine("tx3", "2024-06-05", "-1.5", "EUR", "=evil", "")])
    assert (second.accepted, second.duplicates) == (1, 2)
    rows = read_rows(provider.statement_path)
    assert list(rows[0]) == ["date", "transaction_id", "amount", "currency", "payee", "description"]
    assert [(r["transaction_id"], r["amount"], r["payee"]) for r in rows] == [
        ("tx1", "-121.00", "Taxi Centrale"), ("tx2", "5000.00", "Pleo"), ("tx3", "-1.50", "'=evil")]


def test_feed_after_reopening_and_bad_amounts(provider, folder):
    provider.push_feed([FeedLine("tx1", "2024-06-03", "-1.00", "EUR", "A")])
    provider.close()
    with JournalFileProvider(folder, CHART) as again:
        result = again.push_feed([FeedLine("tx1", "2024-06-03", "-1.00", "EUR", "A"),
                                  FeedLine("tx2", "2024-06-03", "1.005", "EUR", "B"),
                                  FeedLine("tx3", "2024-06-03", "lots", "EUR", "C")])
        assert (result.accepted, result.duplicates) == (0, 1)
        assert len(result.messages) == 2 and result.messages[0].startswith("tx2:")


def test_feed_on_a_full_disk_writes_nothing(provider, monkeypatch):
    provider.push_feed([FeedLine("tx1", "2024-06-03", "-1.00", "EUR", "A")])
    before = provider.statement_path.read_bytes()
    monkeypatch.setattr(os, "write", _disk_full)
    with pytest.raises(LedgerError) as info:
        provider.push_feed([FeedLine("tx2", "2024-06-03", "-2.00", "EUR", "B")])
    monkeypatch.undo()
    assert info.value.retryable
    assert provider.statement_path.read_bytes() == before
    assert provider.push_feed([FeedLine("tx2", "2024-06-03", "-2.00", "EUR", "B")]).accepted == 1
