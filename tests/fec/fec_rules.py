"""The legal rules of an FEC (LPF art. A47 A-1; BOI-CF-IOR-60-40-20), checked on a file as written.

Written for the tests, apart from the writer (``pleodesk.providers.fec``): it reads the bytes and
states every rule the writer must keep, so a writer bug cannot hide behind a shared helper.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

FIELDS = ["JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum",
          "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet",
          "ValidDate", "Montantdevise", "Idevise"]
NAME = re.compile(r"^(?P<siren>[0-9]{9})FEC(?P<close>[0-9]{8})\.txt$")
AMOUNT = re.compile(r"^[0-9]+,[0-9]{2}$")
ISO_CURRENCY = re.compile(r"^[A-Z]{3}$")


def _date(text: str) -> date:
    assert re.fullmatch(r"[0-9]{8}", text), f"date {text!r} is not AAAAMMJJ"
    return date(int(text[:4]), int(text[4:6]), int(text[6:]))


def _amount(text: str) -> Decimal:
    assert AMOUNT.match(text), f"amount {text!r} is not written like 1234,56"
    return Decimal(text.replace(",", "."))


def parse(path: Path) -> list[dict[str, str]]:
    """Check the file's form and return its lines as dicts (field -> value)."""
    m = NAME.match(path.name)
    assert m, f"file name {path.name} is not <SIREN>FEC<AAAAMMJJ>.txt"
    _date(m.group("close"))
    raw = path.read_bytes()
    text = raw.decode("iso-8859-15")           # one of the encodings the article allows
    assert text.endswith("\r\n"), "the last line ends with CR LF"
    records = text[:-2].split("\r\n")
    assert "\n" not in "".join(records) and "\r" not in "".join(records), "lines end with CR LF only"
    assert records[0].split("\t") == FIELDS, "the header names the 18 fields in order, tab separated"
    assert "|" not in records[0], "one separator only"
    out = []
    for n, rec in enumerate(records[1:], 2):
        cells = rec.split("\t")
        assert len(cells) == 18, f"line {n}: {len(cells)} fields"
        out.append(dict(zip(FIELDS, cells)))
    return out


def check(path: Path, *, first_numbers: dict[str, int] | None = None) -> list[dict[str, str]]:
    """Every legal rule on one file; returns its lines. ``first_numbers``: the EcritureNum each journal must
    start at (to check numbering continues from an earlier file)."""
    lines = parse(path)
    close = _date(NAME.match(path.name).group("close"))
    entries: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    order: dict[str, list[int]] = defaultdict(list)
    for ln in lines:
        for f in ("JournalCode", "JournalLib", "EcritureNum", "CompteNum", "CompteLib", "PieceRef", "EcritureLib"):
            assert ln[f].strip(), f"{f} is empty in {ln}"
        assert re.fullmatch(r"[1-8][0-9]{2}[0-9A-Z]*", ln["CompteNum"]), \
            f"account {ln['CompteNum']} does not start with a PCG class"
        d = _date(ln["EcritureDate"])
        _date(ln["PieceDate"])
        _date(ln["ValidDate"])
        assert d <= close, "an entry after the close of the file's fiscal year"
        assert ln["DateLet"] == "" or _date(ln["DateLet"])
        debit, credit = _amount(ln["Debit"]), _amount(ln["Credit"])
        assert (debit == 0) != (credit == 0), f"a line with both or neither side: {ln}"
        if ln["Montantdevise"] or ln["Idevise"]:
            _amount(ln["Montantdevise"])
            assert ISO_CURRENCY.match(ln["Idevise"]) and ln["Idevise"] != "EUR", ln["Idevise"]
        key = (ln["JournalCode"], ln["EcritureNum"])
        if not entries[key]:
            order[ln["JournalCode"]].append(int(ln["EcritureNum"]))
        entries[key].append(ln)
    for key, rows in entries.items():
        total = sum(_amount(r["Debit"]) - _amount(r["Credit"]) for r in rows)
        assert total == 0, f"entry {key} does not balance ({total})"
        assert len({r["EcritureDate"] for r in rows}) == 1 and len({r["PieceRef"] for r in rows}) == 1
    for journal, nums in order.items():
        start = (first_numbers or {}).get(journal, nums[0])
        assert nums == list(range(start, start + len(nums))), f"EcritureNum of {journal} is not continuous: {nums}"
    # the lines of one entry are together
    seen: list[tuple[str, str]] = []
    for ln in lines:
        key = (ln["JournalCode"], ln["EcritureNum"])
        if not seen or seen[-1] != key:
            assert key not in seen, f"entry {key} is split in the file"
            seen.append(key)
    return lines


def entries_by_piece(lines: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = defaultdict(list)
    for ln in lines:
        out[ln["PieceRef"]].append(ln)
    return dict(out)
