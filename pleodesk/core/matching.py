"""Automatic matching of Pleo's categories, tag groups and tags to what the ledger has (Qt-free).

A Pleo category is matched only to a ledger account of a type that can take what is booked on it:
spend to expense accounts, the Pleo wallet to a bank account, wallet top-ups and transfers to a bank or
a current asset account, what is owed to employees to a liability, cashback to income. Within those
types the same code is taken first, then the same name; an account of another type is never taken,
whatever its code (Pleo's "1100 Pleo wallet EUR" is not Xero's "1100 Accounts Receivable").
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from pleodesk.core.ledger import LedgerAccount, LedgerChart

#: What a category is for -> the ledger account types it may be booked on.
PURPOSE_TYPES: dict[str, frozenset[str]] = {
    "spend": frozenset({"expense"}),
    "wallet": frozenset({"bank"}),
    "transfer": frozenset({"bank", "asset"}),
    "owed": frozenset({"liability", "payable"}),
    "income": frozenset({"income", "expense"}),
}

# Words (normalised: lower case, no accents or punctuation) that say what a Pleo category is for, in
# the languages of the help articles. The first purpose whose word occurs wins; "spend" otherwise.
_PURPOSE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("transfer", ("topup", "transfer", "opwaardering", "overboeking", "kruispost", "virement", "aufladung",
                  "umbuchung", "cashwithdrawal", "geldopname", "retrait", "bargeld", "withdrawal")),
    ("wallet", ("wallet", "portemonnee", "portefeuille", "pleobank", "pleoaccount", "pleokonto")),
    ("owed", ("payable", "outofpocket", "owed", "reimburs", "declarat", "contra", "tegenrekening",
              "remboursement", "erstattung", "verbindlichkeit", "creditor", "crediteur")),
    ("income", ("cashback", "refund", "rebate", "interestincome", "terugbetaling", "remise")),
)


def norm(text: str | None) -> str:
    """Lower case, accents dropped, only letters and digits (for comparing names)."""
    folded = unicodedata.normalize("NFKD", text or "")
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return re.sub(r"[^0-9a-z]+", "", folded.lower())


def category_purpose(name: str | None) -> str:
    """What a Pleo category is for, from its name: spend, wallet, transfer, owed or income."""
    n = norm(name)
    for purpose, words in _PURPOSE_WORDS:
        if any(w in n for w in words):
            return purpose
    return "spend"


def account_fits(purpose: str, account: LedgerAccount) -> bool:
    """Whether ``account`` is of a type that can take a category with this purpose."""
    return account.active and account.type in PURPOSE_TYPES.get(purpose, PURPOSE_TYPES["spend"])


def match_category(code: str | None, name: str | None, chart: LedgerChart) -> str | None:
    """The ledger account for a Pleo category: among active accounts of a type that fits what the
    category is for, the one with the same code, else the only one with the same name; else None."""
    purpose = category_purpose(name)
    fitting = {c: a for c, a in chart.accounts.items() if account_fits(purpose, a)}
    if code and code in fitting:
        return code
    n = norm(name)
    if n:
        same = [c for c, a in fitting.items() if norm(a.name) == n]
        if len(same) == 1:
            return same[0]
    return None


def _stem(text: str | None) -> str:
    """A name compared without a plural ending: "Projects" and "Project", "Departments" and
    "Department", "Projecten" and "Project"."""
    n = norm(text)
    for ending in ("ies", "en", "es", "s", "e"):
        if len(n) > len(ending) + 3 and n.endswith(ending):
            return n[: -len(ending)] + ("y" if ending == "ies" else "")
    return n


def match_dimension(group: dict, dimensions: Iterable[str]) -> str | None:
    """The ledger dimension (tracking category, analytic plan) for a Pleo tag group: the same name or
    code, else the same word in the singular or plural ("Project" and "Projects")."""
    dims = list(dimensions)
    exact = {norm(group.get("name")), norm(group.get("code"))} - {""}
    for d in dims:
        if norm(d) in exact:
            return d
    stems = {_stem(group.get("name")), _stem(group.get("code"))} - {""}
    same = [d for d in dims if _stem(d) in stems]
    return same[0] if len(same) == 1 else None


def match_dimension_value(tag: dict, values: Iterable[str]) -> str | None:
    """The value of a dimension for a Pleo tag: its code, else its name or code compared loosely."""
    values = list(values)
    for v in values:
        if v == tag.get("code"):
            return v
    n = {norm(tag.get("code")), norm(tag.get("name"))} - {""}
    for v in values:
        if norm(v) in n:
            return v
    return None


def value_for_tag(tag: dict) -> str:
    """The value pleodesk creates in the ledger for a Pleo tag that has no counterpart: its name, as
    employees see it in Pleo (its code when it has no name)."""
    return (tag.get("name") or tag.get("code") or "").strip()


def missing_values(tags: Iterable[dict], values: Iterable[str], mapped: Iterable[str] = ()) -> list[str]:
    """The values to create so that every Pleo tag of a group has one (tags already mapped, or with a
    matching value, need none), in Pleo's order, without duplicates."""
    values = list(values)
    have = {norm(v) for v in values}
    done = set(mapped)
    out: list[str] = []
    for tag in tags:
        if tag.get("code") in done or match_dimension_value(tag, values):
            continue
        v = value_for_tag(tag)
        if v and norm(v) not in have:
            have.add(norm(v))
            out.append(v)
    return out
