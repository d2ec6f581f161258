"""Mapping validation: every reason an expense cannot be sent, for a whole run, grouped by source value.

``validate`` looks at each expense once and reports ``Problem``s grouped by what the user has to fix
(one Pleo category, one Pleo tax code, one tag, one counter account...), each listing exactly the
expenses it holds back, so the UI can offer one fix per value.

Skipped expenses are not problems; they are left out of the run with a reason:

* ``personal_spend``: personal spend is settled with the employee, not booked;
* wallet top-ups and unloads when ``ExportOptions.ignore_wallet_topups`` is set;
* expenses whose amounts are all zero: nothing to book.

An expense id seen twice in one run is validated once; later copies are ignored.

Problems are ordered by kind (the order of ``ProblemKind``) then ``source_key``. Messages are
English templates with ``{name}`` placeholders, marked with ``N_`` for translation later.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable, Iterable

from pleodesk.core.ledger import ContraRole, ExportOptions, LedgerChart, Mappings
from pleodesk.core.model import Category, Expense, ExpenseKind, ExpenseLine, Tag, Tax, TaxType
from pleodesk.core.money import Money
from pleodesk.core.posting import REIMBURSEMENT_KINDS, check_expense_amounts, contra_role_for


def N_(text: str) -> str:
    """Marks a message template for translation; returns it unchanged."""
    return text


class ProblemKind(str, enum.Enum):
    """What is wrong. The declaration order is the order problems are listed in."""

    CATEGORY_UNMAPPED = "category_unmapped"              # a Pleo category with no ledger account
    CATEGORY_MISSING = "category_missing"                # a line with no category and no default account
    ACCOUNT_UNKNOWN = "account_unknown"                  # mapped to an account code not in the ledger
    ACCOUNT_ARCHIVED = "account_archived"                # mapped to an inactive account
    TAX_UNMAPPED = "tax_unmapped"                        # a Pleo tax with no ledger tax code
    TAX_UNKNOWN = "tax_unknown"                          # mapped to a tax code not in the ledger
    TAX_ARCHIVED = "tax_archived"                        # mapped to an inactive tax code
    TAX_RATE_MISMATCH = "tax_rate_mismatch"              # the ledger tax's rate is not Pleo's rate
    TAX_ACCOUNT_MISSING = "tax_account_missing"          # the ledger tax has no (usable) tax account
    TAG_UNMAPPED = "tag_unmapped"                        # a tag of a mapped group with no value
    DIMENSION_UNKNOWN = "dimension_unknown"              # a tag group mapped to a dimension not in the ledger
    DIMENSION_VALUE_UNKNOWN = "dimension_value_unknown"  # a tag mapped to a value not in the ledger
    DIMENSION_VALUE_ARCHIVED = "dimension_value_archived"
    DIMENSION_CONFLICT = "dimension_conflict"            # two tags of one line give one dimension two values
    CONTRA_MISSING = "contra_missing"                    # no counter account chosen for a role
    CONTRA_UNKNOWN = "contra_unknown"                    # counter account missing from the ledger or archived
    AMOUNTS_INCONSISTENT = "amounts_inconsistent"        # Pleo's net + tax or line total doesn't add up
    UNSUPPORTED_KIND = "unsupported_kind"                # an expense kind the posting rules cannot book


_KIND_ORDER = {k: i for i, k in enumerate(ProblemKind)}


@dataclass
class Problem:
    kind: ProblemKind
    source_key: str          # the value the fix applies to (category key, Pleo tax key, "group/tag", role...)
    source_label: str        # that value in words
    message: str             # what is wrong, in plain words
    fix: str                 # what to do about it
    expense_ids: list[str] = field(default_factory=list)   # exactly the expenses it holds, in input order


@dataclass
class ValidationReport:
    problems: list[Problem] = field(default_factory=list)
    held: dict[str, list[Problem]] = field(default_factory=dict)     # expense id -> its problems
    ok_ids: list[str] = field(default_factory=list)                  # ready to post, in input order
    skipped: dict[str, str] = field(default_factory=dict)            # expense id -> reason

    @property
    def ok(self) -> bool:
        return not self.problems

    def of_kind(self, kind: ProblemKind | str) -> list[Problem]:
        return [p for p in self.problems if p.kind == kind]

    def summary(self) -> str:
        lines = [N_("{ready} ready, {held} held, {skipped} skipped.").format(
            ready=_n_expenses(len(self.ok_ids)), held=len(self.held), skipped=len(self.skipped))]
        for p in self.problems:
            lines.append(N_("- {message} ({expenses}). {fix}").format(
                message=p.message, expenses=_n_expenses(len(p.expense_ids)), fix=p.fix))
        return "\n".join(lines)


# ------------------------------------------------------------------------------------------------
def _n_expenses(n: int) -> str:
    return (N_("{n} expense") if n == 1 else N_("{n} expenses")).format(n=n)


_ROLE_LABELS = {
    ContraRole.WALLET: N_("Pleo wallet account"),
    ContraRole.OUT_OF_POCKET: N_("out-of-pocket account (owed to employees)"),
    ContraRole.EXTERNAL_REIMBURSEMENT: N_("external reimbursement account"),
    ContraRole.PAYABLE: N_("accounts payable account"),
}

SKIP_PERSONAL = N_("personal spend is settled with the employee, not booked")
SKIP_WALLET = N_("wallet top-ups and unloads are not exported (setting)")
SKIP_ZERO = N_("nothing to book: every amount is zero")

DEFAULT_KEY = "<default>"


def _pct(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}%"


def _category_label(cat: Category, mappings: Mappings) -> str:
    name = mappings.category_labels.get(cat.key) or cat.name
    return f"{name} ({cat.code})" if cat.code and cat.code != name else name


@dataclass(frozen=True, slots=True)
class _Finding:
    """A problem before it knows its expenses. A ``counted`` message has the placeholders
    ``{expenses}`` ("3 expenses") and ``{have}`` ("has"/"have"), filled in once the group is known."""

    kind: ProblemKind
    source_key: str
    source_label: str
    message: str
    fix: str
    counted: bool = False

    @property
    def group(self) -> tuple[ProblemKind, str]:
        return (self.kind, self.source_key)


class _Validator:
    def __init__(self, mappings: Mappings, chart: LedgerChart, options: ExportOptions) -> None:
        self.m = mappings
        self.chart = chart
        self.options = options
        self.findings: dict[tuple[ProblemKind, str], _Finding] = {}
        self.ids: dict[tuple[ProblemKind, str], list[str]] = {}
        self._cache: dict[tuple, tuple[_Finding, ...]] = {}

    def cached(self, key: tuple, compute: Callable[[], list[_Finding]]) -> tuple[_Finding, ...]:
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = tuple(compute())
        return found

    # --- ledger lookups ---------------------------------------------------------------
    def _account_findings(self, code: str, kind_unknown: ProblemKind, kind_archived: ProblemKind,
                          source_key: str, label: str, what: str, fix_unknown: str,
                          fix_archived: str) -> list[_Finding]:
        acc = self.chart.accounts.get(code)
        if acc is None:
            return [_Finding(kind_unknown, source_key, label,
                             N_("{what} is mapped to account {code}, which is not in the ledger").format(
                                 what=what, code=code),
                             fix_unknown.format(label=label, code=code))]
        if not acc.active:
            return [_Finding(kind_archived, source_key, label,
                             N_("{what} is mapped to account {code} {name}, which is archived in the ledger")
                             .format(what=what, code=code, name=acc.name),
                             fix_archived.format(label=label, code=code))]
        return []

    def ledger_tax_code(self, code: str, source_key: str, label: str, what: str) -> list[_Finding]:
        lt = self.chart.taxes.get(code)
        if lt is None:
            return [_Finding(ProblemKind.TAX_UNKNOWN, source_key, label,
                             N_("{what} is mapped to ledger tax {code}, which is not in the ledger").format(
                                 what=what, code=code),
                             N_("Map {label} to an existing ledger tax code, or create {code} in the ledger "
                                "and refresh the chart.").format(label=label, code=code))]
        if not lt.active:
            return [_Finding(ProblemKind.TAX_ARCHIVED, source_key, label,
                             N_("{what} is mapped to ledger tax {code}, which is archived in the ledger").format(
                                 what=what, code=code),
                             N_("Map {label} to an active ledger tax code, or reactivate {code} in the ledger.")
                             .format(label=label, code=code))]
        return []

    # --- per source value -------------------------------------------------------------
    def category(self, cat: Category, line_has_tax: bool) -> tuple[_Finding, ...]:
        return self.cached(("cat", cat.key, line_has_tax), lambda: self._category(cat, line_has_tax))

    def _category(self, cat: Category, line_has_tax: bool) -> list[_Finding]:
        label = _category_label(cat, self.m)
        cm = self.m.categories.get(cat.key)
        if cm is None or not cm.account:
            return [_Finding(ProblemKind.CATEGORY_UNMAPPED, cat.key, label,
                             N_("category {label}: no ledger account").format(label=label),
                             N_("Map category {label} to a ledger account in Mappings.").format(label=label))]
        out = self._account_findings(
            cm.account, ProblemKind.ACCOUNT_UNKNOWN, ProblemKind.ACCOUNT_ARCHIVED, cat.key, label,
            N_("category {label}").format(label=label),
            N_("Map category {label} to an existing account, or create account {code} in the ledger "
               "and refresh the chart."),
            N_("Map category {label} to an active account, or reactivate account {code} in the ledger."))
        if not line_has_tax and cm.tax_code:
            out += self.ledger_tax_code(cm.tax_code, f"category:{cat.key}", N_("category {label}").format(
                label=label), N_("category {label}").format(label=label))
        return out

    def default_account(self) -> tuple[_Finding, ...]:
        return self.cached(("default",), self._default_account)

    def _default_account(self) -> list[_Finding]:
        code = self.m.default_account
        if not code:
            return [_Finding(ProblemKind.CATEGORY_MISSING, "", N_("no category"),
                             N_("{expenses} {have} no category"),
                             N_("Give them a category in Pleo, or choose a default account for lines "
                                "without a category in Mappings."), counted=True)]
        label = N_("lines without a category")
        return self._account_findings(
            code, ProblemKind.ACCOUNT_UNKNOWN, ProblemKind.ACCOUNT_ARCHIVED, DEFAULT_KEY, label,
            N_("the default account for lines without a category"),
            N_("Choose an existing default account in Mappings, or create account {code} in the ledger "
               "and refresh the chart."),
            N_("Choose an active default account in Mappings, or reactivate account {code} in the ledger."))

    def tax(self, tax: Tax) -> tuple[_Finding, ...]:
        nonzero = tax.amount.amount != 0
        return self.cached(("tax", tax.key, tax.rate, tax.type, nonzero), lambda: self._tax(tax, nonzero))

    def _tax(self, tax: Tax, nonzero: bool) -> list[_Finding]:
        key = tax.key
        label = N_("tax code {code}").format(code=key)
        code = self.m.taxes.get(key)
        if not code:
            return [_Finding(ProblemKind.TAX_UNMAPPED, key, label,
                             N_("tax code {code}: not mapped to a ledger tax code").format(code=key),
                             N_("Map Pleo tax code {code} to a ledger tax code in Mappings.").format(code=key))]
        out = self.ledger_tax_code(code, key, label, label)
        if out:
            return out
        lt = self.chart.taxes[code]
        if lt.rate != tax.rate:
            out.append(_Finding(
                ProblemKind.TAX_RATE_MISMATCH, key, label,
                N_("tax code {code} is {pleo} in Pleo, but ledger tax {ledger} is {rate}").format(
                    code=key, pleo=_pct(tax.rate), ledger=code, rate=_pct(lt.rate)),
                N_("Map Pleo tax code {code} to a ledger tax code with the rate {pleo}.").format(
                    code=key, pleo=_pct(tax.rate))))
        if nonzero:
            roles = [("input", lt.input_account)]
            if tax.type is TaxType.REVERSE:
                roles.append(("output", lt.output_account))
            for role, account in roles:
                out += self._tax_account(code, role, account)
        return out

    def _tax_account(self, code: str, role: str, account: str | None) -> list[_Finding]:
        key = f"{code}/{role}"
        label = N_("ledger tax {code} ({role} tax account)").format(code=code, role=role)
        fix = N_("Choose the {role} tax account of ledger tax {code} in the ledger setup.").format(
            role=role, code=code)
        if not account:
            return [_Finding(ProblemKind.TAX_ACCOUNT_MISSING, key, label,
                             N_("ledger tax {code} has no {role} tax account").format(code=code, role=role), fix)]
        acc = self.chart.accounts.get(account)
        if acc is None:
            return [_Finding(ProblemKind.TAX_ACCOUNT_MISSING, key, label,
                             N_("the {role} tax account {account} of ledger tax {code} is not in the ledger")
                             .format(role=role, account=account, code=code), fix)]
        if not acc.active:
            return [_Finding(ProblemKind.TAX_ACCOUNT_MISSING, key, label,
                             N_("the {role} tax account {account} of ledger tax {code} is archived")
                             .format(role=role, account=account, code=code), fix)]
        return []

    def tag(self, group: str, code: str) -> tuple[_Finding, ...]:
        return self.cached(("tag", group, code), lambda: self._tag(group, code))

    def _tag(self, group: str, code: str) -> list[_Finding]:
        dimension = self.m.tag_groups[group]
        dim = self.chart.dimensions.get(dimension)
        if dim is None:
            glabel = N_("tag group {group}").format(group=group)
            return [_Finding(ProblemKind.DIMENSION_UNKNOWN, group, glabel,
                             N_("tag group {group} is mapped to {dimension}, which is not a dimension in the "
                                "ledger").format(group=group, dimension=dimension),
                             N_("Map tag group {group} to an existing dimension, or stop mapping it.")
                             .format(group=group))]
        key = f"{group}/{code}"
        label = N_("tag {code} ({group})").format(code=code, group=group)
        value = self.m.tags.get((group, code))
        if value is None:
            return [_Finding(ProblemKind.TAG_UNMAPPED, key, label,
                             N_("tag {code} ({group}): no {dimension} value").format(
                                 code=code, group=group, dimension=dimension),
                             N_("Map tag {code} to a {dimension} value in Mappings.").format(
                                 code=code, dimension=dimension))]
        if value in dim.archived_values:
            return [_Finding(ProblemKind.DIMENSION_VALUE_ARCHIVED, key, label,
                             N_("tag {code} ({group}) is mapped to {dimension} {value}, which is archived in "
                                "the ledger").format(code=code, group=group, dimension=dimension, value=value),
                             N_("Map tag {code} to an active {dimension} value, or reactivate {value} in the "
                                "ledger.").format(code=code, dimension=dimension, value=value))]
        if value not in dim.values:
            return [_Finding(ProblemKind.DIMENSION_VALUE_UNKNOWN, key, label,
                             N_("tag {code} ({group}) is mapped to {dimension} {value}, which is not in the "
                                "ledger").format(code=code, group=group, dimension=dimension, value=value),
                             N_("Map tag {code} to an existing {dimension} value, or create {value} in the "
                                "ledger and refresh the chart.").format(code=code, dimension=dimension,
                                                                        value=value))]
        return []

    def contra(self, role: ContraRole) -> tuple[_Finding, ...]:
        return self.cached(("contra", role), lambda: self._contra(role))

    def _contra(self, role: ContraRole) -> list[_Finding]:
        label = _ROLE_LABELS[role]
        code = self.m.contra.get(role)
        fix = N_("Choose the {label} in Mappings.").format(label=label)
        if not code:
            return [_Finding(ProblemKind.CONTRA_MISSING, role.value, label,
                             N_("no {label} chosen").format(label=label), fix)]
        acc = self.chart.accounts.get(code)
        if acc is None:
            return [_Finding(ProblemKind.CONTRA_UNKNOWN, role.value, label,
                             N_("the {label} {code} is not in the ledger").format(label=label, code=code), fix)]
        if not acc.active:
            return [_Finding(ProblemKind.CONTRA_UNKNOWN, role.value, label,
                             N_("the {label} {code} is archived in the ledger").format(label=label, code=code),
                             fix)]
        return []

    # --- per expense --------------------------------------------------------------------
    def line_dimension_conflicts(self, line: ExpenseLine) -> list[_Finding]:
        seen: dict[str, str] = {}
        out = []
        for tag in line.tags:
            dimension = self.m.tag_groups.get(tag.group_code)
            if not dimension:
                continue
            value = self.m.tags.get((tag.group_code, tag.code))
            if value is None:
                continue
            other = seen.setdefault(dimension, value)
            if other != value:
                out.append(_Finding(
                    ProblemKind.DIMENSION_CONFLICT, dimension, dimension,
                    N_("a line has two {dimension} values: {a} and {b}").format(dimension=dimension, a=other,
                                                                             b=value),
                    N_("Keep one tag per line for {dimension} in Pleo, or map the tag groups to different "
                       "dimensions.").format(dimension=dimension)))
        return out

    def expense(self, e: Expense) -> list[_Finding]:
        out: list[_Finding] = []
        role = contra_role_for(e)
        if role is None:
            out.append(_Finding(ProblemKind.UNSUPPORTED_KIND, e.kind.value, e.kind.label,
                                N_("{expenses} of kind {kind} cannot be booked").format(
                                    expenses="{expenses}", kind=e.kind.label),
                                N_("Book them by hand and leave them out of the export."), counted=True))
        else:
            out += self.contra(role)
        why = check_expense_amounts(e)
        if why:
            label = e.description
            out.append(_Finding(ProblemKind.AMOUNTS_INCONSISTENT, e.id, label,
                                N_("Pleo's amounts for {label} ({date}) don't add up: {why}").format(
                                    label=label, date=e.booked_on.isoformat(), why=why),
                                N_("Check the expense's split lines and tax in Pleo, then export it again.")))
        groups = self.m.tag_groups
        for line in e.lines:
            if line.category is not None:
                out += self.category(line.category, line.tax is not None)
            elif e.kind in REIMBURSEMENT_KINDS:
                out += self.contra(ContraRole.OUT_OF_POCKET)
            else:
                out += self.default_account()
            if line.tax is not None:
                out += self.tax(line.tax)
            if line.tags:
                mapped = [t for t in line.tags if t.group_code in groups]
                for t in mapped:
                    out += self.tag(t.group_code, t.code)
                if len(mapped) > 1:
                    out += self.line_dimension_conflicts(line)
        return out


def _skip_reason(e: Expense, options: ExportOptions) -> str | None:
    if e.kind is ExpenseKind.PERSONAL_SPEND:
        return SKIP_PERSONAL
    if options.ignore_wallet_topups and e.kind in (ExpenseKind.WALLET_TOPUP, ExpenseKind.WALLET_UNLOAD):
        return SKIP_WALLET
    if e.amount.amount == 0 and all(
            ln.amount.amount == 0 and ln.net.amount == 0 and (ln.tax is None or ln.tax.amount.amount == 0)
            for ln in e.lines):
        return SKIP_ZERO
    return None


def validate(expenses: Iterable[Expense], mappings: Mappings, chart: LedgerChart,
             options: ExportOptions = ExportOptions()) -> ValidationReport:
    """Check every expense of a run against the mappings and the ledger's chart."""
    v = _Validator(mappings, chart, options)
    report = ValidationReport()
    held_groups: dict[str, list[tuple[ProblemKind, str]]] = {}
    seen: set[str] = set()
    for e in expenses:
        if e.id in seen:
            continue
        seen.add(e.id)
        reason = _skip_reason(e, options)
        if reason:
            report.skipped[e.id] = reason
            continue
        findings = v.expense(e)
        if not findings:
            report.ok_ids.append(e.id)
            continue
        groups: list[tuple[ProblemKind, str]] = []
        for f in findings:
            g = f.group
            if g in groups:
                continue
            groups.append(g)
            if g not in v.findings:
                v.findings[g] = f
                v.ids[g] = []
            v.ids[g].append(e.id)
        held_groups[e.id] = groups

    problems: dict[tuple[ProblemKind, str], Problem] = {}
    for g in sorted(v.findings, key=lambda g: (_KIND_ORDER[g[0]], g[1])):
        f = v.findings[g]
        ids = v.ids[g]
        message = f.message
        if f.counted:
            message = message.replace("{expenses}", _n_expenses(len(ids))).replace(
                "{have}", N_("has") if len(ids) == 1 else N_("have"))
        problems[g] = Problem(f.kind, f.source_key, f.source_label, message, f.fix, ids)
    report.problems = list(problems.values())
    order = {g: i for i, g in enumerate(problems)}
    for eid, groups in held_groups.items():
        report.held[eid] = [problems[g] for g in sorted(groups, key=order.__getitem__)]
    return report


_NO_MONEY = Money(Decimal(0), "EUR")


class LineChecker:
    """The export's checks of a line's tax and tags, for the export preview (which reads Pleo's
    accounting entries, not export items): the same findings the export holds expenses for."""

    def __init__(self, mappings: Mappings, chart: LedgerChart) -> None:
        self._v = _Validator(mappings, chart, ExportOptions())

    def check(self, tax: Tax | None, tags: Iterable[Tag] = ()) -> list[tuple[str, str, str]]:
        """``(problem kind, source key, message)`` for what would hold a line with this tax and these tags
        (the key: Pleo's tax code, ``group/tag``...)."""
        findings: list[_Finding] = []
        if tax is not None:
            findings += self._v.tax(tax)
        groups = self._v.m.tag_groups
        mapped = [t for t in tags if t.group_code in groups]
        for t in mapped:
            findings += self._v.tag(t.group_code, t.code)
        if len(mapped) > 1:
            findings += self._v.line_dimension_conflicts(ExpenseLine("", None, _NO_MONEY, _NO_MONEY, _NO_MONEY,
                                                                     _NO_MONEY, None, tuple(mapped)))
        return [(f.kind.value, f.source_key, f.message) for f in findings]

    def contra(self, role: ContraRole) -> list[tuple[str, str, str]]:
        """The same for the counter account of ``role`` (chosen, in the ledger, active)."""
        return [(f.kind.value, f.source_key, f.message) for f in self._v.contra(role)]
