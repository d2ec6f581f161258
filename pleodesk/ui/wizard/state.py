"""The setup wizard's answers, Qt-free: what each page fills in, the draft kept in the store while the
wizard is open (so it resumes after a close), Pleo's master data, auto-matching, and the
``SetupPlan`` the wizard saves through ``setup_file.check_plan`` + ``apply_plan``.

The draft lives in the draft connection's ``settings["wizard"]`` (``settings["wizard_edit"]`` when
the wizard edits an existing connection). It holds no secrets: the Pleo API key and a ledger's
credentials go to the keyring under the connection's id at once, and the draft only names them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from pleodesk.core.chart_io import ChartError, chart_from_dict, chart_to_dict
from pleodesk.core.ledger import CategoryMapping, ContraRole, LedgerChart, Mappings

DRAFT_KEY = "wizard"
EDIT_KEY = "wizard_edit"
DEFAULT_PLEO_URL = "https://external.pleo.io"
MAX_TAG_GROUPS = 5

PAGES = ("welcome", "pleo", "system", "accounts", "categories", "labels", "options", "feed", "summary")


# ------------------------------------------------------------------------------ mappings I/O ---
def mappings_to_dict(m: Mappings) -> dict[str, Any]:
    return {
        "categories": {k: {"account": v.account, "tax": v.tax_code} for k, v in m.categories.items()},
        "labels": dict(m.category_labels),
        "taxes": dict(m.taxes),
        "tag_groups": dict(m.tag_groups),
        "tags": {f"{g}/{t}": v for (g, t), v in m.tags.items()},
        "contra": {ContraRole(r).value: v for r, v in m.contra.items()},
        "default_account": m.default_account,
        "auto_categories": sorted(m.auto_categories),
    }


def mappings_from_dict(d: dict[str, Any] | None) -> Mappings:
    m = Mappings()
    d = d or {}
    for k, v in (d.get("categories") or {}).items():
        if v and v.get("account"):
            m.categories[k] = CategoryMapping(v["account"], v.get("tax") or None)
    m.category_labels = dict(d.get("labels") or {})
    m.taxes = dict(d.get("taxes") or {})
    m.tag_groups = dict(d.get("tag_groups") or {})
    for k, v in (d.get("tags") or {}).items():
        g, _, t = k.partition("/")
        m.tags[(g, t)] = v
    for r, v in (d.get("contra") or {}).items():
        try:
            m.contra[ContraRole(r)] = v
        except ValueError:
            pass
    m.default_account = d.get("default_account") or None
    m.auto_categories = {k for k in d.get("auto_categories") or () if k in m.categories}
    return m


# ------------------------------------------------------------------------------ Pleo's data ----
@dataclass
class PleoData:
    """What the wizard reads from Pleo once the key works."""

    company: dict[str, Any] = field(default_factory=dict)
    accounts: list[dict[str, Any]] = field(default_factory=list)      # chart-of-accounts records
    tax_codes: list[dict[str, Any]] = field(default_factory=list)
    tag_groups: list[dict[str, Any]] = field(default_factory=list)
    tags: dict[str, list[dict[str, Any]]] = field(default_factory=dict)   # group code -> tags

    def categories(self) -> list[dict[str, Any]]:
        """Active accounts as categories, by code: ``{"key", "code", "name", "default_tax"}``."""
        out = []
        for a in self.accounts:
            if a.get("archived"):
                continue
            key = a.get("code") or a["id"]
            out.append({"key": key, "code": a.get("code") or "", "name": a.get("name") or key,
                        "default_tax": a.get("taxCodeExternalId")})
        out.sort(key=lambda c: (c["code"] or "~", c["name"].lower()))
        return out

    def taxes(self) -> list[dict[str, Any]]:
        out = []
        for t in self.tax_codes:
            if t.get("archived"):
                continue
            rate = t.get("rate")
            key = t.get("code") or f"{rate}"
            out.append({"key": key, "code": t.get("code") or "", "name": t.get("name") or key, "rate": rate,
                        "type": t.get("type") or "inclusive", "ingoing": t.get("ingoingTaxAccount"),
                        "outgoing": t.get("outgoingTaxAccount")})
        return out

    def active_groups(self) -> list[dict[str, Any]]:
        return [g for g in self.tag_groups if not g.get("archived")]


def fetch_pleo_data(base_url: str, company_id: str, api_key: str) -> PleoData:
    """Read the company, its chart of accounts, tax codes and tags (runs off the GUI thread)."""
    from pleodesk.providers.pleo import PleoClient

    with PleoClient(base_url, api_key=api_key, company_id=company_id, max_retries=2, timeout=30) as c:
        data = PleoData(company=c.get_company())
        data.accounts = c.search_accounts()
        data.tax_codes = c.search_tax_codes()
        data.tag_groups = c.list_tag_groups(include_archived=False)
        for g in data.tag_groups:
            data.tags[g["code"]] = [t for t in c.list_tags(g["id"], include_archived=False)
                                    if not t.get("archived")]
    return data


def check_pleo(base_url: str, company_id: str, api_key: str) -> dict[str, Any]:
    """``get_company`` with the given key; raises PleoError (plain words) or OSError."""
    from pleodesk.providers.pleo import PleoClient

    with PleoClient(base_url, api_key=api_key, company_id=company_id, max_retries=1, timeout=20) as c:
        company = c.get_company()
    return company if isinstance(company, dict) else {}


# ------------------------------------------------------------------------------ matching -------
# Categories, tag groups and tags are matched by the Qt-free rules of ``pleodesk.core.matching``.
from pleodesk.core.matching import match_dimension_value, norm as _norm  # noqa: E402,F401


def match_account(code: str, name: str, chart: LedgerChart) -> str | None:
    """A ledger account for a Pleo category: of a type that can take it, same code, else same name."""
    from pleodesk.core.matching import match_category

    return match_category(code, name, chart)


def match_tax(key: str, rate, type_: str, chart: LedgerChart) -> str | None:
    """A ledger tax code: same code, else the only active one with the same rate and type."""
    from decimal import Decimal, InvalidOperation

    active = {c: t for c, t in chart.taxes.items() if t.active}
    if key in active:
        return key
    try:
        r = Decimal(str(rate))
    except (InvalidOperation, TypeError):
        return None
    same = [c for c, t in active.items() if t.rate == r and t.type == type_]
    return same[0] if len(same) == 1 else None


_ROLE_WORDS = {
    ContraRole.WALLET: ("pleo", "wallet", "bank"),
    ContraRole.OUT_OF_POCKET: ("outofpocket", "pocket", "employee", "reimburs", "declarat"),
    ContraRole.EXTERNAL_REIMBURSEMENT: ("reimbursementscontra", "externalreimburs", "reimbursement"),
    ContraRole.PAYABLE: ("accountspayable", "crediteuren", "creditors", "fournisseurs", "lieferungen"),
}


def match_contra(role: ContraRole, chart: LedgerChart, pleo_accounts: Iterable[dict] = ()) -> str | None:
    """A likely ledger account for a counter-account role, by name."""
    active = [a for a in chart.accounts.values() if a.active]
    words = _ROLE_WORDS[role]
    best = None
    best_score = 0
    for a in active:
        n = _norm(a.name)
        score = sum(1 for w in words if w in n)
        if role is ContraRole.WALLET and a.type == "bank":
            score += 1
        if role is ContraRole.PAYABLE and a.type == "payable":
            score += 2
        if role is ContraRole.OUT_OF_POCKET and "contra" in n:
            score -= 1
        if score > best_score:
            best, best_score = a.code, score
    return best


def match_dimension(group: dict, chart: LedgerChart) -> str | None:
    from pleodesk.core import matching

    return matching.match_dimension(group, chart.dimensions)


def max_tag_groups(state: "WizardState") -> int:
    """How many tag groups may be exported: the ledger's limit (Xero: two active tracking categories), at
    most Pleo's five."""
    limit = getattr(state.capabilities, "max_dimensions", None)
    return min(MAX_TAG_GROUPS, limit) if limit else MAX_TAG_GROUPS


def auto_match(state: "WizardState", *, overwrite: bool = False) -> int:
    """Fill every unmapped category, tax, role, tag group and tag the rules can match; returns how
    many mappings were added."""
    chart, data, m = state.chart, state.pleo_data, state.mappings
    if chart is None or data is None:
        return 0
    added = 0
    for cat in data.categories():
        # The name employees see in Pleo, kept with the mapping (also shown when Pleo is unreachable).
        m.category_labels.setdefault(cat["key"], cat["name"])
    for cat in data.categories():
        if cat["key"] in m.categories and not overwrite:
            continue
        acc = match_account(cat["code"], cat["name"], chart)
        if acc:
            m.auto_categories.add(cat["key"])      # shown as matched automatically until the user changes it
            tax = None
            if cat.get("default_tax"):
                tax = m.taxes.get(cat["default_tax"]) or match_tax(cat["default_tax"], None, "", chart)
            m.categories[cat["key"]] = CategoryMapping(acc, tax)
            added += 1
    for t in data.taxes():
        if t["key"] in m.taxes and not overwrite:
            continue
        code = match_tax(t["key"], t["rate"], t["type"], chart)
        if code:
            m.taxes[t["key"]] = code
            added += 1
    # Categories matched before their tax: give them the (now mapped) default tax.
    for cat in data.categories():
        cm = m.categories.get(cat["key"])
        if cm and not cm.tax_code and cat.get("default_tax") and m.taxes.get(cat["default_tax"]):
            m.categories[cat["key"]] = CategoryMapping(cm.account, m.taxes[cat["default_tax"]])
    for role in ContraRole:
        if role in m.contra and not overwrite:
            continue
        code = match_contra(role, chart, data.accounts)
        if code and code not in m.contra.values():
            m.contra[role] = code
            added += 1
    for g in data.active_groups():
        if len(m.tag_groups) >= max_tag_groups(state) and g["code"] not in m.tag_groups:
            break
        dim = m.tag_groups.get(g["code"]) or match_dimension(g, chart)
        if not dim:
            continue
        if g["code"] not in m.tag_groups:
            m.tag_groups[g["code"]] = dim
            added += 1
        values = chart.dimensions[dim].values if dim in chart.dimensions else ()
        for tag in data.tags.get(g["code"], []):
            k = (g["code"], tag["code"])
            if k in m.tags and not overwrite:
                continue
            v = match_dimension_value(tag, values)
            if v:
                m.tags[k] = v
                added += 1
    return added


# ------------------------------------------------------------------------------ the state ------
@dataclass
class WizardState:
    conn_id: int | None = None                 # the draft (or edited) connection
    editing: bool = False                      # True: the wizard edits an existing connection
    page: str = "welcome"
    system: str | None = None
    name: str = ""
    auto_name: bool = True                     # the name was not typed by the user
    pleo: dict[str, Any] = field(default_factory=lambda: {"base_url": DEFAULT_PLEO_URL, "company_id": "",
                                                          "company_name": "", "demo": False})
    pleo_checked: bool = False                 # the key and company were accepted by Pleo
    system_settings: dict[str, Any] = field(default_factory=dict)
    keyring_entries: list[str] = field(default_factory=list)   # ledger secrets stored in the keyring
    chart: LedgerChart | None = None
    mappings: Mappings = field(default_factory=Mappings)
    options: dict[str, Any] = field(default_factory=dict)
    schedule: dict[str, Any] | None = None
    visited: list[str] = field(default_factory=list)
    # read from the services, not kept in the draft
    pleo_data: PleoData | None = None
    capabilities: Any = None

    def __post_init__(self) -> None:
        from pleodesk.setup_file import OPTION_DEFAULTS

        merged = dict(OPTION_DEFAULTS)
        merged.update(self.options)
        self.options = merged

    @property
    def draft_key(self) -> str:
        return EDIT_KEY if self.editing else DRAFT_KEY

    # --- draft ------------------------------------------------------------------------------
    def to_draft(self) -> dict[str, Any]:
        return {
            "page": self.page, "system": self.system, "name": self.name, "auto_name": self.auto_name,
            "pleo": dict(self.pleo), "pleo_checked": self.pleo_checked,
            "system_settings": {k: v for k, v in self.system_settings.items() if k != "chart"},
            "keyring_entries": list(self.keyring_entries),
            "chart": chart_to_dict(self.chart) if self.chart is not None else None,
            "mappings": mappings_to_dict(self.mappings), "options": dict(self.options),
            "schedule": self.schedule, "visited": list(self.visited),
        }

    @classmethod
    def from_draft(cls, d: dict[str, Any], *, conn_id: int | None = None, editing: bool = False) -> "WizardState":
        chart = None
        if d.get("chart"):
            try:
                chart = chart_from_dict(d["chart"])
            except ChartError:
                chart = None
        st = cls(conn_id=conn_id, editing=editing, page=d.get("page") or "welcome", system=d.get("system"),
                 name=d.get("name") or "", auto_name=bool(d.get("auto_name", True)),
                 pleo={**cls().pleo, **(d.get("pleo") or {})}, pleo_checked=bool(d.get("pleo_checked")),
                 system_settings=dict(d.get("system_settings") or {}),
                 keyring_entries=list(d.get("keyring_entries") or []), chart=chart,
                 mappings=mappings_from_dict(d.get("mappings")), options=dict(d.get("options") or {}),
                 schedule=d.get("schedule"), visited=list(d.get("visited") or []))
        if chart is not None and st.system == "journal_file":
            st.system_settings["chart"] = chart_to_dict(chart)
        return st

    @classmethod
    def from_connection(cls, conn, mappings: Mappings) -> "WizardState":
        """Answers of an existing connection, to run the wizard over it again."""
        from pleodesk.setup_file import OPTION_DEFAULTS

        s = dict(conn.settings or {})
        chart = None
        if s.get("chart"):
            try:
                chart = chart_from_dict(s["chart"])
            except ChartError:
                chart = None
        options = {k: s.get(k, v) for k, v in OPTION_DEFAULTS.items()}
        if "object_kinds" in s:
            options["object_kinds"] = s["object_kinds"]
        system_settings = {k: v for k, v in s.items()
                           if k not in OPTION_DEFAULTS and k not in (DRAFT_KEY, EDIT_KEY, "schedule", "demo",
                                                                     "object_kinds", "pleo_company_name")}
        return cls(conn_id=conn.id, editing=True, page="welcome", system=conn.system, name=conn.name,
                   auto_name=False,
                   pleo={"base_url": conn.pleo_base_url or DEFAULT_PLEO_URL, "company_id": conn.pleo_company_id or "",
                         "company_name": s.get("pleo_company_name", ""), "demo": bool(s.get("demo"))},
                   pleo_checked=True, system_settings=system_settings,
                   keyring_entries=list(s.get("keyring_entries") or []), chart=chart, mappings=mappings,
                   options=options, schedule=s.get("schedule"), visited=list(PAGES))

    # --- answers ---------------------------------------------------------------------------
    def set_chart(self, chart: LedgerChart | None) -> None:
        self.chart = chart
        if self.system == "journal_file" and chart is not None:
            self.system_settings["chart"] = chart_to_dict(chart)

    def connection_settings(self) -> dict[str, Any]:
        """The settings the finished connection will have (no secrets)."""
        s = dict(self.system_settings)
        if self.system:
            from pleodesk.ui import systems

            # The accounts chosen on page 4, where the provider reads them from its settings.
            s.update(systems.settings_for_accounts(self.system, s, self.mappings))
        s.update(self.options)
        if self.schedule:
            s["schedule"] = dict(self.schedule)
        if self.pleo.get("demo"):
            s["demo"] = True
        if self.pleo.get("company_name"):
            s["pleo_company_name"] = self.pleo["company_name"]
        if self.keyring_entries:
            s["keyring_entries"] = list(self.keyring_entries)
        if self.system == "journal_file" and self.chart is not None:
            s["chart"] = chart_to_dict(self.chart)
        return s

    def provider_connection(self):
        """A stand-in connection for ``connections.make_provider`` while the real one is a draft."""
        from types import SimpleNamespace

        return SimpleNamespace(id=self.conn_id, name=self.name, system=self.system,
                               settings=self.connection_settings(), pleo_base_url=self.pleo.get("base_url"),
                               pleo_company_id=self.pleo.get("company_id"))

    def plan(self, api_key: str, ledger_secrets: dict[str, str]):
        from pleodesk.setup_file import SetupPlan

        chart = self.chart if self.chart is not None else LedgerChart()
        return SetupPlan(name=self.name.strip(), system=self.system or "", pleo_base_url=self.pleo["base_url"].rstrip("/"),
                         pleo_company_id=self.pleo["company_id"].strip(), pleo_api_key=api_key,
                         settings=self.connection_settings(), chart=chart, mappings=self.mappings,
                         ledger_secrets=dict(ledger_secrets))

    # --- counts for the pages ----------------------------------------------------------------
    def category_counts(self) -> tuple[int, int]:
        cats = self.pleo_data.categories() if self.pleo_data else []
        mapped = sum(1 for c in cats if c["key"] in self.mappings.categories)
        return mapped, len(cats) - mapped

    def problems(self) -> list[str]:
        """What is still missing before the setup can be saved (plain words, for the summary)."""
        out = []
        if not self.system:
            out.append("Choose an accounting system.")
        if not self.pleo_checked:
            out.append("Check the Pleo API key and company.")
        if ContraRole.WALLET not in self.mappings.contra:
            out.append("Choose the ledger account for the Pleo wallet.")
        if len(self.mappings.tag_groups) > max_tag_groups(self):
            out.append(f"At most {max_tag_groups(self)} tag groups can be exported to this ledger.")
        return out


def unique_name(wanted: str, taken: Iterable[str]) -> str:
    """``wanted`` (a Pleo company's name), made a valid connection name (pleodesk.core.names: what is no
    visible text dropped, shortened) and different from every name in ``taken``."""
    from pleodesk.core.names import MAX_NAME_LENGTH, refused_character

    while (bad := refused_character(wanted)) is not None:
        wanted = wanted.replace(bad, " " if bad in "\t\n\r\u2028\u2029" else "")
    wanted = " ".join(wanted.split())[:MAX_NAME_LENGTH - 5].strip() or "Pleo"
    taken = {t.casefold() for t in taken}
    if wanted.casefold() not in taken:
        return wanted
    n = 2
    while f"{wanted} ({n})".casefold() in taken:
        n += 1
    return f"{wanted} ({n})"
