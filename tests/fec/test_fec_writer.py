"""The FEC writer on real files: the legal form, one file per run, nothing written twice, crash repair,
handed-over files never rewritten, receipts beside the file under their PieceRef."""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

import pytest

from pleodesk.core.model import ExpenseKind
from pleodesk.providers.base import Found, LedgerError, Provider
from pleodesk.providers.fec import format as fmt
from pleodesk.providers.fec import settings_from_setup
from pleodesk.providers.fec.provider import FecProvider

from . import fec_rules
from .helpers import CHART, SIREN, entry, settings

TODAY = date(2026, 9, 2)


def provider(folder: Path, **kw) -> FecProvider:
    return FecProvider(settings(folder, **kw), CHART, today=lambda: TODAY)


def fec_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*/*.txt") if fec_rules.NAME.match(p.name))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_it_is_a_provider(tmp_path):
    assert isinstance(provider(tmp_path), Provider)


def test_a_run_writes_one_fec_in_the_legal_form(tmp_path):
    receipt = tmp_path / "in" / "e1" / "e1-1.pdf"
    receipt.parent.mkdir(parents=True)
    receipt.write_bytes(b"%PDF-1.4 receipt")
    entries = [
        entry("e1", receipts=(str(receipt),), note="Billet Paris - Lyon\tretour"),
        entry("e2", category="6257", gross=4550, tax="10%", payee="Brasserie Lipp"),
        entry("e3", category="6510", gross=9900, tax="AI20", supplier=(10900, "USD"), payee="GitHub Inc."),
        entry("e4", category="6251", gross=-3000, tax="20%", kind=ExpenseKind.REFUND, payee="Łódź Café"),
        entry("e5", category="6064", gross=2110, tax="5.5%", tags=(("PROJET", "ATL"),)),
    ]
    with provider(tmp_path / "fec") as p:
        p.ensure_setup({})
        results = p.send_batch(entries)
        assert all(r.ok for r in results), [r.error for r in results]
        assert fec_files(tmp_path / "fec") == []          # nothing is handed over before the run ends
        written = p.finish_run()
    files = fec_files(tmp_path / "fec")
    assert files == written and len(files) == 1
    f = files[0]
    assert f.name == f"{SIREN}FEC20261231.txt" and f.parent.name == "0001_2026-09-02"
    lines = fec_rules.check(f)
    pieces = fec_rules.entries_by_piece(lines)
    assert list(pieces) == [f"PLEO-e{i}" for i in range(1, 6)]
    assert [p_[0]["EcritureNum"] for p_ in pieces.values()] == ["1", "2", "3", "4", "5"]
    first = pieces["PLEO-e1"]
    assert {(ln["CompteNum"], ln["Debit"], ln["Credit"]) for ln in first} == {
        ("625100", "100,00", "0,00"), ("445660", "20,00", "0,00"), ("512100", "0,00", "120,00")}
    assert all(ln["EcritureDate"] == "20260814" == ln["PieceDate"] and ln["ValidDate"] == "20260902"
               for ln in lines)
    assert "\t" not in first[0]["EcritureLib"] and "retour" in first[0]["EcritureLib"]
    # Reverse charge: the self-assessed VAT in and out, the foreign amount in Montantdevise/Idevise.
    rc = {ln["CompteNum"]: ln for ln in pieces["PLEO-e3"]}
    assert rc["445662"]["Debit"] == "19,80" and rc["445200"]["Credit"] == "19,80"
    assert rc["651000"]["Montantdevise"] == "109,00" and rc["651000"]["Idevise"] == "USD"
    # A refund: the mirror entry. A name the encoding lacks loses its accent, not the line.
    refund = {ln["CompteNum"]: ln for ln in pieces["PLEO-e4"]}
    assert refund["512100"]["Debit"] == "30,00" and refund["625100"]["Credit"] == "25,00"
    assert "Lódz Café" in refund["625100"]["EcritureLib"]
    # The receipt sits beside the file under the PieceRef of its entry.
    assert (f.parent / "PLEO-e1.pdf").read_bytes() == b"%PDF-1.4 receipt"


def test_numbering_continues_over_runs_and_each_run_has_its_own_file(tmp_path):
    folder = tmp_path / "fec"
    with provider(folder) as p:
        p.send_batch([entry("a1"), entry("a2")])
        p.finish_run()
        p.send_batch([entry("b1")])
        p.finish_run()
    with provider(folder) as p:
        p.send_batch([entry("c1"), entry("c2")])
        p.finish_run()
    files = fec_files(folder)
    assert [f.parent.name for f in files] == ["0001_2026-09-02", "0002_2026-09-02", "0003_2026-09-02"]
    fec_rules.check(files[0], first_numbers={"PLEO": 1})
    fec_rules.check(files[1], first_numbers={"PLEO": 3})
    assert [ln["PieceRef"] for ln in fec_rules.check(files[2], first_numbers={"PLEO": 4})][::3] == ["PLEO-c1",
                                                                                                     "PLEO-c2"]


def test_an_entry_is_never_written_twice(tmp_path):
    folder = tmp_path / "fec"
    with provider(folder) as p:
        first = p.send_batch([entry("x1"), entry("x1")])
        p.finish_run()
        again = p.send_batch([entry("x1"), entry("x2")])
        p.finish_run()
    assert first[0].ledger_id == first[1].ledger_id == again[0].ledger_id == "PLEO-1"
    with provider(folder) as p:
        assert p.find_by_reference("PLEO-x1") == Found("PLEO-1", f"{(folder / '0001_2026-09-02').as_uri()}#1")
        assert p.find_by_reference("PLEO-x2").ledger_id == "PLEO-2"
        assert p.find_by_reference("PLEO-x3") is None
    pieces = [ln["PieceRef"] for f in fec_files(folder) for ln in fec_rules.check(f)]
    assert pieces.count("PLEO-x1") == 3 and pieces.count("PLEO-x2") == 3


def test_a_run_cut_short_is_handed_over_by_the_next_export_and_a_half_written_entry_is_removed(tmp_path):
    folder = tmp_path / "fec"
    p = provider(folder)
    p.send_batch([entry("k1"), entry("k2")])
    p.close()                                   # the process dies: no finish_run
    log_path = folder / ".pleodesk" / "runs" / "0001_2026-09-02.csv"
    data = log_path.read_bytes()
    # A power loss cut the last entry's write: its first row and part of the second are on disk.
    rows = data.split(b"\r\n")
    k2_rows = [r for r in rows if r.startswith(b"PLEO-k2")]
    cut = data[:data.index(k2_rows[1]) + 10]
    log_path.write_bytes(cut)
    with provider(folder) as again:
        assert again.find_by_reference("PLEO-k2") is None     # not written: sent again
        assert again.find_by_reference("PLEO-k1").ledger_id == "PLEO-1"
        files = fec_files(folder)
        assert [f.parent.name for f in files] == ["0001_2026-09-02"]      # handed over by the look-up
        assert [ln["PieceRef"] for ln in fec_rules.check(files[0])] == ["PLEO-k1"] * 3
        res = again.send_batch([entry("k2")])
        assert res[0].ledger_id == "PLEO-2"
        again.finish_run()
    files = fec_files(folder)
    assert [f.parent.name for f in files] == ["0001_2026-09-02", "0002_2026-09-02"]
    fec_rules.check(files[1], first_numbers={"PLEO": 2})


def test_a_cut_tail_holding_an_exported_entry_is_reported_never_cut(tmp_path):
    folder = tmp_path / "fec"
    p = provider(folder)
    p.send_batch([entry("g1")])
    p.close()
    log_path = folder / ".pleodesk" / "runs" / "0001_2026-09-02.csv"
    log_path.write_bytes(log_path.read_bytes()[:-20])
    before = log_path.read_bytes()
    again = provider(folder)
    again.guard_exported(lambda refs: {r for r in refs if r == "PLEO-g1"})
    with pytest.raises(LedgerError) as err:
        again.find_by_reference("PLEO-g1")
    assert "pleodesk recorded as exported" in err.value.detail
    assert log_path.read_bytes() == before


def test_a_handed_over_file_is_never_written_again_unless_asked(tmp_path):
    folder = tmp_path / "fec"
    with provider(folder) as p:
        p.send_batch([entry("h1"), entry("h2")])
        p.finish_run()
    first = fec_files(folder)[0]
    before = digest(first)
    with provider(folder, ledger="sage100") as p:
        # later runs, a retry of an entry of the first run, a crash: the first file stays as it was
        p.send_batch([entry("h1"), entry("h3")])
        p.finish_run()
        p.send_batch([entry("h4")])
        p.close()
    with provider(folder, ledger="sage100") as p:
        p.find_by_reference("PLEO-h4")
        assert digest(first) == before
        assert not (first.parent / f"{SIREN}FEC20261231_sage.txt").exists()
        # Asked for: the run is rendered again for the new ledger choice, the earlier file kept beside it.
        p.rewrite_run("0001_2026-09-02")
    assert digest(first) == before
    kept = [q for q in first.parent.iterdir() if ".replaced-" in q.name]
    assert len(kept) == 1 and digest(kept[0]) == before
    assert (first.parent / f"{SIREN}FEC20261231_sage.txt").exists()


def test_entries_of_two_fiscal_years_go_into_one_file_each(tmp_path):
    folder = tmp_path / "fec"
    with provider(folder, fiscal_year_end="06-30") as p:
        p.send_batch([entry("y1", day=date(2026, 6, 30)), entry("y2", day=date(2026, 7, 1))])
        p.finish_run()
    names = [f.name for f in fec_files(folder)]
    assert names == [f"{SIREN}FEC20260630.txt", f"{SIREN}FEC20270630.txt"]
    nums = [fec_rules.check(f)[0]["EcritureNum"] for f in fec_files(folder)]
    assert nums == ["1", "2"]


def test_entries_the_fec_cannot_hold_fail_alone(tmp_path):
    from dataclasses import replace

    from pleodesk.core.ledger import ContraRole
    from pleodesk.core.posting import post

    from .helpers import MAPPINGS, expense

    bad_account = post(expense("n1"), replace(MAPPINGS, contra={ContraRole.WALLET: "WALLET"}), CHART)
    archived = post(expense("n2", category="6099"),
                    replace(MAPPINGS, categories={**MAPPINGS.categories, "6099": __import__(
                        "pleodesk.core.ledger", fromlist=["CategoryMapping"]).CategoryMapping("609999")}), CHART)
    dollars = replace(entry("n3"), gross=__import__("pleodesk.core.money", fromlist=["Money"]).Money.from_minor(
        12000, "USD"))
    with provider(tmp_path / "fec") as p:
        res = p.send_batch([bad_account, archived, dollars, entry("n4")])
        p.finish_run()
    assert "does not start with a class of the plan comptable" in res[0].error.detail
    assert "archived" in res[1].error.title
    assert "An FEC is kept in euros" in res[2].error.detail
    assert res[3].ok
    assert [ln["PieceRef"] for ln in fec_rules.check(fec_files(tmp_path / "fec")[0])][0] == "PLEO-n4"


@pytest.mark.parametrize("siren,words", [("12345678", "is not 9 digits"), ("7328293201", "is not 9 digits"),
                                         ("73282932A", "is not 9 digits"), ("732829321", "wrong check digit")])
def test_a_siren_that_is_not_9_digits_is_refused_with_what_to_do(tmp_path, siren, words):
    with pytest.raises(ValueError) as err:
        settings_from_setup({"folder": str(tmp_path), "siren": siren}, lambda *a: "")
    assert words in str(err.value) and "Kbis" in str(err.value)
    with pytest.raises(LedgerError) as lerr:
        provider(tmp_path / "fec", siren=siren)
    assert words in lerr.value.detail
    assert not (tmp_path / "fec").exists()


def test_spaces_in_a_siren_are_fine():
    assert fmt.check_siren("732 829 320") == SIREN


def test_the_ledger_choice_sets_its_journal_rules(tmp_path):
    with pytest.raises(ValueError, match="kept by Cegid Loop"):
        settings_from_setup({"folder": str(tmp_path), "siren": SIREN, "ledger": "cegid_loop", "journal_code": "AN"},
                            lambda *a: "")
    with pytest.raises(ValueError, match="not one of"):
        settings_from_setup({"folder": str(tmp_path), "siren": SIREN, "ledger": "ciel"}, lambda *a: "")
    result = provider(tmp_path, ledger="cegid_loop", journal_code="AN").check()
    assert not result.ok and any("keeps the journal code AN" in m for m in result.messages)


def test_check_reports_accounts_that_no_fec_can_hold_and_changes_nothing(tmp_path):
    folder = tmp_path / "fec"
    folder.mkdir()
    result = provider(folder).check()
    assert result.ok
    assert any("WALLET" in m for m in result.messages)
    assert [p.name for p in folder.iterdir()] == []


def test_numbering_is_per_journal(tmp_path):
    folder = tmp_path / "fec"
    with provider(folder) as p:
        p.send_batch([entry("j1")])
        p.finish_run()
    with provider(folder, journal_code="PL2") as p:
        res = p.send_batch([entry("j2")])
        p.finish_run()
    assert res[0].ledger_id == "PL2-1"
    assert os.path.exists(fec_files(folder)[1])
