"""Matching Pleo's suppliers with Odoo's contacts: on the VAT number first, then on the name without
its legal form ("Coolblue" is Odoo's "Coolblue B.V.", "Zalando SE" Odoo's "Zalando").

Odoo's domain language cannot compare normalised names, so the batch's candidates are searched with
``ilike`` on each name's core (and on each VAT number's digits) in one request, and compared here.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

#: Legal forms left out when names are compared (lower case, without dots); two-word forms as tuples.
LEGAL_FORMS: frozenset[str] = frozenset({
    # Netherlands, Belgium
    "bv", "nv", "vof", "cv", "bvba", "srl", "sprl", "cvba", "vzw", "eenmanszaak",
    # Germany, Austria, Switzerland
    "gmbh", "ag", "kg", "ug", "ek", "ohg", "gbr", "kgaa", "mbh", "se",
    # English-speaking
    "ltd", "limited", "llc", "llp", "lp", "plc", "inc", "incorporated", "corp", "corporation", "co", "pty",
    # France, Spain, Italy, Portugal
    "sas", "sasu", "sa", "sarl", "eurl", "snc", "sca", "sl", "slu", "spa", "sapa", "lda",
    # Nordics
    "aps", "as", "asa", "ab", "oy", "oyj", "hf", "ehf",
    # Central and eastern Europe
    "sro", "spzoo", "zoo", "kft", "zrt", "doo",
})
_TWO_WORD = {("s", "a"), ("sp", "z"), ("z", "oo"), ("a", "s"), ("s", "l"), ("s", "r"), ("r", "l"), ("s", "p")}


def _plain(text: str) -> str:
    """Lower case, accents off, ``&`` as ``and``, punctuation to spaces (dots and slashes go, so
    ``B.V.`` is ``bv`` and ``A/S`` is ``as``)."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("&", " and ")
    text = re.sub(r"(?<=\b[a-z])[./](?=[a-z]\b)", "", text)    # b.v / a/s / s.a -> bv / as / sa
    text = re.sub(r"[.'’/]", "", text)
    return re.sub(r"[^0-9a-z]+", " ", text).strip()


def normalise_name(name: str) -> str:
    """``Coolblue B.V.`` -> ``coolblue``; ``Amazon EU S.à r.l.`` -> ``amazon eu``; never empty when
    ``name`` has a letter or digit (a name that is only a legal form stays as it is)."""
    words = _plain(name).split()
    while len(words) > 1:
        if words[-1] in LEGAL_FORMS or (words[-1] == "and" and len(words) < len(_plain(name).split())):
            words.pop()                       # "gmbh and co kg": the "and" between two legal forms too
        elif len(words) > 3 and "".join(words[-3:]) in LEGAL_FORMS:
            words = words[:-3]
        elif len(words) > 2 and ((words[-2], words[-1]) in _TWO_WORD or words[-2] + words[-1] in LEGAL_FORMS):
            words = words[:-2]
        else:
            break
    return " ".join(words)


def normalise_vat(vat: str | None) -> str:
    """``nl 0092.92.056.B01`` -> ``NL009292056B01``."""
    return re.sub(r"[^0-9A-Z]", "", (vat or "").upper())


def vat_core(vat: str | None) -> str:
    """What an Odoo search on ``vat`` uses: the number without its country prefix (at least 5 signs),
    so ``NL 009292056B01`` and ``009292056B01`` both find ``NL009292056B01``."""
    v = normalise_vat(vat)
    core = v[2:] if len(v) > 2 and v[:2].isalpha() else v
    return core if len(core) >= 5 else ""


def search_domain(names: Iterable[str], vats: Iterable[str]) -> list:
    """One domain (``|`` of ``ilike`` leaves) that finds every candidate of the batch."""
    leaves: list[list] = []
    for core in sorted({vat_core(v) for v in vats} - {""}):
        leaves.append(["vat", "ilike", core])
    for core in sorted({normalise_name(n) for n in names} - {""}):
        leaves.append(["name", "ilike", core])
    if not leaves:
        return []
    return ["|"] * (len(leaves) - 1) + leaves


def best_match(name: str, vat: str | None, partners: list[dict]) -> dict | None:
    """The contact for a supplier: the same VAT number, else the same name, else the same name without
    legal forms. Among several, a company before a person, a top-level contact before one of its
    addresses, a known supplier before others, then the oldest."""
    def rank(p: dict) -> tuple:
        return (not p.get("is_company"), bool(p.get("parent_id")), not (p.get("supplier_rank") or 0), p["id"])

    v = normalise_vat(vat)
    if len(v) >= 5:
        same = [p for p in partners if normalise_vat(p.get("vat")) in (v, v[2:]) or
                (len(v) > 2 and normalise_vat(p.get("vat"))[2:] == v[2:] and v[:2].isalpha())]
        if same:
            return min(same, key=rank)
    exact = [p for p in partners if (p.get("name") or "").strip().lower() == name.strip().lower()]
    if exact:
        return min(exact, key=rank)
    core = normalise_name(name)
    same = [p for p in partners if core and normalise_name(p.get("name") or "") == core]
    return min(same, key=rank) if same else None
