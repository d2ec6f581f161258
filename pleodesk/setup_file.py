"""``pleodesk setup --file FILE``: the wizard's answers from a TOML file, checked as the wizard checks
them. The format is documented in docs/setup-file.md; examples/ has one file per connection kind."""

from __future__ import annotations

import getpass
import os
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pleodesk.core.chart_io import ChartError, chart_from_dict, chart_to_dict
from pleodesk.core.ledger import CategoryMapping, ContraRole, LedgerChart, Mappings
from pleodesk.core.names import ConnectionNameError, check_connection_name
from pleodesk.connections import SYSTEMS, ledger_secret_name, pleo_secret_name, system_module
from pleodesk.providers.base import LedgerError
from pleodesk.urls import AddressError, check_web_address

KNOWN_SECTIONS = {"connection", "pleo", "journal_file", "ledger", "accounts", "categories", "taxes",
                  "tag_groups", "tags", "options"}
OPTION_DEFAULTS: dict[str, Any] = {
    "queue_interval_minutes": 5,
    "ignore_wallet_topups": False,
    "post": True,
    "export_receipts": True,
    "bank_feed": False,
}


class SetupError(ValueError):
    """A setup file that cannot be used; the message names the line to fix."""


@dataclass
class SetupPlan:
    name: str
    system: str
    pleo_base_url: str
    pleo_company_id: str
    pleo_api_key: str
    settings: dict[str, Any]
    chart: LedgerChart
    mappings: Mappings
    ledger_secrets: dict[str, str] = field(default_factory=dict)
    pleo_oauth: dict[str, str] | None = None     # {"client_id", "auth_url"} when Pleo is reached with OAuth
    pleo_tokens: Any = None                      # the TokenSet from the sign-in (kept until saved)


def load_setup_file(path: str | Path, *, env: dict[str, str] | None = None, interactive: bool | None = None
                    ) -> SetupPlan:
    """Read and check the file's shape (not yet the services). Secrets come from environment
    variables named in the file, or from a prompt when a terminal is attached."""
    env = os.environ if env is None else env
    interactive = sys.stdin.isatty() if interactive is None else interactive
    p = Path(path).expanduser()
    if not p.is_file():
        raise SetupError(f"There is no setup file at {p}.")
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise SetupError(f"{p.name} is not valid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise SetupError(f"{p.name} is not a UTF-8 text file.") from None
    except RecursionError:
        raise SetupError(f"{p.name}: values are nested far too deeply (a setup file nests at most "
                         f"{MAX_DEPTH} levels).") from None
    return plan_from_dict(data, env=env, interactive=interactive, where=p.name)


def plan_from_dict(data: dict[str, Any], *, env, interactive: bool = False, where: str = "setup") -> SetupPlan:
    if _depth(data) > MAX_DEPTH:
        raise SetupError(f"{where}: values are nested too deeply (a setup file nests at most {MAX_DEPTH} levels).")
    unknown = set(data) - KNOWN_SECTIONS - set(SYSTEMS)
    if unknown:
        raise SetupError(f"{where}: unknown section [{sorted(unknown)[0]}]; known: {', '.join(sorted(KNOWN_SECTIONS))}")
    _check_types(data, where)
    conn = _section(data, "connection", where)
    try:
        name = check_connection_name(_req(conn, "name", "connection", where))
    except ConnectionNameError as exc:
        raise SetupError(f"{where}: [connection] name: {exc}") from None
    system = _req(conn, "system", "connection", where)
    if system not in SYSTEMS:
        raise SetupError(f"{where}: [connection] system = '{system}' is not one this version knows "
                         f"({', '.join(SYSTEMS)}).")

    pleo = _section(data, "pleo", where)
    try:
        base_url = check_web_address(_req(pleo, "base_url", "pleo", where), "base_url")
    except AddressError as exc:
        raise SetupError(f"{where}: [pleo] {exc}") from None
    company_id = _req(pleo, "company_id", "pleo", where)
    pleo_oauth = None
    if pleo.get("oauth_client_id"):
        # A client registration with Pleo: sign in in the browser (authorisation code + PKCE).
        if "api_key_env" in pleo or "api_key" in pleo:
            raise SetupError(f"{where}: [pleo] give either oauth_client_id or api_key_env, not both.")
        try:
            auth_url = check_web_address(pleo.get("auth_url") or "https://auth.pleo.io", "auth_url")
        except AddressError as exc:
            raise SetupError(f"{where}: [pleo] {exc}") from None
        pleo_oauth = {"client_id": str(pleo["oauth_client_id"]), "auth_url": auth_url}
        api_key = ""
    else:
        api_key = _secret(pleo, "api_key", "Pleo API key", env, interactive, where)

    settings: dict[str, Any] = {}
    ledger_secrets: dict[str, str] = {}
    if system == "journal_file":
        jf = _section(data, "journal_file", where)
        settings["folder"] = str(Path(_req(jf, "folder", "journal_file", where)).expanduser())
    else:
        section = _section(data, system, where)

        def read_secret(key: str, label: str) -> str:
            return _secret(section, key, label, env, interactive, where)

        try:
            sys_settings, ledger_secrets = system_module(system).settings_from_setup(section, read_secret)
        except (KeyError, ValueError, TypeError) as exc:
            raise SetupError(f"{where}: [{system}] {exc}") from None
        settings.update(sys_settings)

    try:
        chart = chart_from_dict(data.get("ledger") or {})
    except (ChartError, TypeError) as exc:
        raise SetupError(f"{where}: [ledger] {exc}") from None
    settings["chart"] = chart_to_dict(chart)

    options = dict(OPTION_DEFAULTS)
    for key, value in (data.get("options") or {}).items():
        if key not in OPTION_DEFAULTS:
            raise SetupError(f"{where}: [options] {key} is not an option; known: {', '.join(OPTION_DEFAULTS)}")
        if type(value) is not type(OPTION_DEFAULTS[key]):
            raise SetupError(f"{where}: [options] {key} must be {type(OPTION_DEFAULTS[key]).__name__}")
        options[key] = value
    if not 1 <= options["queue_interval_minutes"] <= 1440:
        raise SetupError(f"{where}: [options] queue_interval_minutes must be between 1 and 1440.")
    settings.update(options)

    m = Mappings()
    accounts = data.get("accounts") or {}
    for key, code in accounts.items():
        if key == "default_account":
            m.default_account = str(code)
            continue
        try:
            m.contra[ContraRole(key)] = str(code)
        except ValueError:
            roles = ", ".join(r.value for r in ContraRole)
            raise SetupError(f"{where}: [accounts] {key} is not a role; known: {roles}, default_account") from None
    for key, value in (data.get("categories") or {}).items():
        if isinstance(value, str):
            m.categories[str(key)] = CategoryMapping(account=value)
        elif isinstance(value, dict) and "account" in value:
            m.categories[str(key)] = CategoryMapping(account=str(value["account"]),
                                                     tax_code=value.get("tax"))
            if value.get("label"):
                m.category_labels[str(key)] = str(value["label"])
        else:
            raise SetupError(f"{where}: [categories] \"{key}\" needs an account: "
                             f"\"{key}\" = {{ account = \"4000\", tax = \"V21\" }}")
    for key, value in (data.get("taxes") or {}).items():
        m.taxes[str(key)] = str(value)
    for key, value in (data.get("tag_groups") or {}).items():
        m.tag_groups[str(key)] = str(value)
    for group, tags in (data.get("tags") or {}).items():
        if not isinstance(tags, dict):
            raise SetupError(f"{where}: [tags.{group}] must be a table of tag = value")
        for tag, value in tags.items():
            m.tags[(str(group), str(tag))] = str(value)
    if len(m.tag_groups) > 5:
        raise SetupError(f"{where}: at most 5 tag groups can be mapped to dimensions ({len(m.tag_groups)} given).")

    if pleo_oauth:
        settings["pleo_oauth"] = pleo_oauth
    return SetupPlan(name=name, system=system, pleo_base_url=base_url, pleo_company_id=company_id,
                     pleo_api_key=api_key, settings=settings, chart=chart, mappings=m,
                     ledger_secrets=ledger_secrets, pleo_oauth=pleo_oauth)


#: What pleodesk asks Pleo for when it signs in with OAuth.
PLEO_SCOPES = ("export-jobs:read", "export-jobs:write", "export-items:read", "accounts:read", "accounts:write",
               "tax-codes:read", "tax-codes:write", "tag-groups:read", "tag-groups:write", "companies:read",
               "users:read")


def sign_in_to_pleo(plan: SetupPlan, *, open_browser=None, timeout: float = 300, cancel=None) -> None:
    """Sign in to Pleo in the browser for a plan that uses OAuth; keeps the tokens on the plan."""
    import webbrowser

    from pleodesk.providers.oauth import LoopbackAuthorizer

    assert plan.pleo_oauth
    base = plan.pleo_oauth["auth_url"]
    authorizer = LoopbackAuthorizer(f"{base}/oauth/authorize", f"{base}/oauth/token", plan.pleo_oauth["client_id"],
                                    PLEO_SCOPES, open_browser=open_browser or webbrowser.open)
    plan.pleo_tokens = authorizer.authorize(timeout=timeout, cancel=cancel)


def check_plan(plan: SetupPlan, *, pleo_client=None, provider=None, prepare: bool = False) -> list[str]:
    """What the wizard checks before it saves: Pleo accepts the key and knows the company, the
    ledger is reachable, every mapping points at something in the ledger. Returns problems (empty: ok).

    ``prepare=True`` (saving, not just checking) lets the accounting system create what it needs (the
    Pleo bank account, journals), so mappings may point at accounts made that way. A system that can
    say beforehand what it would create (``preview_setup``) is checked against that first and creates
    only when everything else checks out; without saving, the check agrees with saving."""
    from pleodesk.providers.pleo import PleoClient, PleoError

    problems: list[str] = []
    if pleo_client is not None:
        client = pleo_client
    elif plan.pleo_oauth:
        if plan.pleo_tokens is None:
            return ["Pleo: sign in first (pleodesk opens the browser on Pleo's sign-in page)."]
        token = plan.pleo_tokens.access_token
        client = PleoClient(plan.pleo_base_url, token_source=lambda: token, company_id=plan.pleo_company_id,
                            max_retries=2)
    else:
        client = PleoClient(plan.pleo_base_url, api_key=plan.pleo_api_key, company_id=plan.pleo_company_id,
                            max_retries=2)
    try:
        company = client.get_company()
        company = company.get("data", company) if isinstance(company, dict) else {}
        if isinstance(company, dict) and company.get("name"):
            plan.settings.setdefault("pleo_company_name", str(company["name"]))   # shown in Settings
    except PleoError as exc:
        problems.append(f"Pleo: {exc}")
    except Exception as exc:  # network
        problems.append(f"Pleo could not be reached at {plan.pleo_base_url}: {exc}")
    temp_secrets: list[str] = []
    try:
        if provider is None:
            from types import SimpleNamespace

            from pleodesk.connections import make_provider
            from pleodesk.secrets import set_secret

            # The provider reads its secrets from the keyring by connection id; before the connection
            # exists they live under a provisional id, removed again below.
            for what, value in plan.ledger_secrets.items():
                name = ledger_secret_name("setup-check", what)  # type: ignore[arg-type]
                set_secret(name, value)
                temp_secrets.append((what, name))
            provider = make_provider(SimpleNamespace(id="setup-check", name=plan.name, system=plan.system,
                                                     settings=plan.settings))
        folder = Path(plan.settings.get("folder", "")) if plan.system == "journal_file" else None
        if folder is not None and not folder.exists():
            # A new journal folder is made when the connection is saved: its nearest parent must be writable.
            parent = folder
            while not parent.exists() and parent != parent.parent:
                parent = parent.parent
            if not os.access(parent, os.W_OK):
                problems.append(f"[journal_file] folder: {folder} cannot be created ({parent} is not writable).")
                return problems
            from pleodesk.providers.base import CheckResult

            result = CheckResult(True)
        else:
            result = provider.check()
        if not result.ok:
            problems.extend(f"{SYSTEMS[plan.system]}: {msg}" for msg in result.messages)
            return problems
        try:
            preview = getattr(provider, "preview_setup", None)
            if prepare and plan.system != "journal_file" and not callable(preview):
                plan.settings = provider.ensure_setup(dict(plan.settings))
            chart = plan.chart if plan.system == "journal_file" else provider.read_chart()
            if callable(preview):
                # What saving will find or create (accounts, journals, taxes), creating nothing yet: the
                # mappings are checked against that, so a check agrees with saving, and a file with a
                # problem changes nothing in the ledger.
                settings, chart = preview(dict(plan.settings), chart)
                _check_mappings(plan, provider, settings, chart, problems)
                if problems or not prepare:
                    plan.chart = chart
                    return problems
                plan.settings = provider.ensure_setup(dict(plan.settings))
                chart = provider.read_chart()
                plan.chart = chart
                return problems
        except LedgerError as exc:
            problems.append(f"{SYSTEMS[plan.system]}: " + " ".join(x for x in (exc.title.rstrip(".") + ".",
                                                                             exc.detail, exc.fix) if x))
            return problems
        plan.chart = chart
    finally:
        if temp_secrets:
            from pleodesk.secrets import delete_secret, get_secret

            for what, name in temp_secrets:
                # The check may have rotated a token (OAuth refresh): keep what the keyring holds now.
                current = get_secret(name)
                if current:
                    plan.ledger_secrets[what] = current
                delete_secret(name)
    _check_mappings(plan, provider, plan.settings, chart, problems)
    return problems


def _check_mappings(plan: SetupPlan, provider, settings: dict, chart: LedgerChart, problems: list[str]) -> None:
    m = plan.mappings
    _apply_system_mappings(plan, provider, settings, problems)
    for role, code in m.contra.items():
        _check_account(chart, code, f"[accounts] {role.value}", problems)
    if ContraRole.WALLET not in m.contra:
        problems.append("[accounts] wallet: choose the ledger account for the Pleo wallet (the Pleo bank account).")
    if m.default_account:
        _check_account(chart, m.default_account, "[accounts] default_account", problems)
    for key, cm in m.categories.items():
        _check_account(chart, cm.account, f"[categories] \"{key}\"", problems)
        if cm.tax_code and cm.tax_code not in chart.taxes:
            problems.append(f"[categories] \"{key}\": tax code {cm.tax_code} is not in the ledger.")
    for key, code in m.taxes.items():
        if code not in chart.taxes:
            problems.append(f"[taxes] \"{key}\": tax code {code} is not in the ledger.")
    for group, dim in m.tag_groups.items():
        if dim not in chart.dimensions:
            problems.append(f"[tag_groups] {group}: the ledger has no dimension named {dim}.")
    for (group, tag), value in m.tags.items():
        dim = m.tag_groups.get(group)
        if dim is None:
            problems.append(f"[tags.{group}] {tag}: map the tag group {group} to a dimension first.")
        elif dim in chart.dimensions and value not in chart.dimensions[dim].values:
            problems.append(f"[tags.{group}] {tag}: {dim} has no active value {value}.")


def company_taken_by(store, pleo_company_id: str, *, except_name: str | None = None,
                     except_id: int | None = None):
    """The active connection that already exports this Pleo company, or None. Pleo has one accounting
    integration per company: whichever connection exports first takes Pleo's whole export queue, so a
    second active connection for the same company would get nothing."""
    if not pleo_company_id:
        return None
    for c in store.list_connections(include_inactive=False):
        if c.pleo_company_id == pleo_company_id and c.name != except_name and c.id != except_id:
            return c
    return None


def company_taken_problem(other) -> str:
    return (f"The Pleo company {other.pleo_company_id} is already exported by the connection '{other.name}'. "
            f"Pleo has one accounting integration per company: deactivate or delete '{other.name}' first "
            f"(pleodesk's Settings tab), or use that connection.")


def apply_plan(store, plan: SetupPlan, *, active: bool | None = None):
    """Save the connection, its mappings and its secrets (secrets go to the keyring only).

    Without a usable keyring nothing is saved: ``SecretStoreUnavailable`` says what to install. The
    secrets are written before the connection is marked connected; if the keyring fails on the way, a
    new connection is deleted again and an existing one gets its previous secrets back.

    ``active``: whether the connection will be active (None: as it is, or active when new). An active
    connection for a Pleo company that another active connection already exports is refused
    (SetupError naming it)."""
    from pleodesk.secrets import check_keyring

    existing = store.get_connection(plan.name)
    if existing is not None and existing.system != plan.system:
        raise SetupError(f"A connection named '{plan.name}' already exists for another system "
                         f"({existing.system}); choose another name.")
    if active is None:
        active = existing.active if existing is not None else True
    other = company_taken_by(store, plan.pleo_company_id, except_name=plan.name) if active else None
    if other is not None:
        raise SetupError(company_taken_problem(other))
    check_keyring(probe=False)      # the kind of keyring: no connection is made for a plaintext file
    fields = dict(pleo_company_id=plan.pleo_company_id, pleo_base_url=plan.pleo_base_url)
    if existing is None:
        conn = store.add_connection(plan.name, plan.system, settings=plan.settings, **fields)
        try:
            _store_secrets(conn, plan)
        except BaseException:
            from pleodesk.connections import forget_connection_secrets

            store.delete_connection(conn.id)
            forget_connection_secrets(conn)
            raise
    else:
        _store_secrets(existing, plan, restore_on_failure=True)
        conn = store.update_connection(existing.id, settings=plan.settings, replace_settings=True, **fields)
    from pleodesk.connections import make_provider

    settings = make_provider(conn).ensure_setup(dict(conn.settings))
    if settings != conn.settings:
        conn = store.update_connection(conn.id, settings=settings, replace_settings=True)
    store.save_mappings(conn.id, plan.mappings)
    store.set_connection_state(conn.id, "connected")
    store.audit("setup_applied", conn.id, source="setup file", system=plan.system)
    return store.get_connection(conn.id)


def _store_secrets(conn, plan: SetupPlan, *, restore_on_failure: bool = False) -> None:
    """Write the plan's secrets for ``conn``; on a failure, put back what the entries held before."""
    from pleodesk.connections import PLEO_OAUTH, ledger_secret_name
    from pleodesk.secrets import delete_secret, get_secret, set_secret

    writes = [(ledger_secret_name(conn.id, what), value)
              for what, value in plan.ledger_secrets.items()]
    if plan.pleo_oauth:
        if plan.pleo_tokens is not None:
            writes.append((ledger_secret_name(conn.id, PLEO_OAUTH), plan.pleo_tokens.to_json()))
    else:
        writes.append((pleo_secret_name(conn.id), plan.pleo_api_key))
    before = {name: get_secret(name) for name, _v in writes} if restore_on_failure else {}
    done: list[str] = []
    try:
        for name, value in writes:
            set_secret(name, value)
            done.append(name)
    except BaseException:
        for name in done:
            try:
                if before.get(name) is None:
                    delete_secret(name)
                else:
                    set_secret(name, before[name])
            except Exception:  # noqa: BLE001 - the keyring is failing: report the first error
                pass
        raise


# --------------------------------------------------------------------------- helpers ----------
#: How deep a setup file nests: section > table > value, an array of tables, a list of values.
MAX_DEPTH = 8

_TEXT = "text"        # a string, or a whole number (account codes are often written without quotes)
_STRING = "string"    # a string only
#: What each key of the shared sections must be (the system sections check their own keys).
_KEY_TYPES: dict[str, dict[str, str]] = {
    "connection": {"name": _STRING, "system": _STRING},
    "pleo": {"base_url": _STRING, "company_id": _STRING, "oauth_client_id": _STRING, "auth_url": _STRING,
             "api_key_env": _STRING},
    "journal_file": {"folder": _STRING},
}
_ANY_KEY_TEXT = ("accounts", "taxes", "tag_groups")
_CHART_LISTS = {"accounts": {"code": _TEXT, "name": _TEXT, "type": _STRING, "active": "bool", "id": _TEXT},
                "taxes": {"code": _TEXT, "name": _TEXT, "rate": "number", "type": _STRING, "active": "bool",
                          "id": _TEXT, "input_account": _TEXT, "output_account": _TEXT},
                "dimensions": {"name": _TEXT, "values": "texts", "archived_values": "texts", "id": _TEXT}}


def _depth(value: Any) -> int:
    """How deeply ``value`` nests (without recursion: the file may be hostile)."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        v, d = stack.pop()
        deepest = max(deepest, d)
        if d > MAX_DEPTH:
            break
        if isinstance(v, dict):
            stack.extend((x, d + 1) for x in v.values())
        elif isinstance(v, list):
            stack.extend((x, d + 1) for x in v)
    return deepest


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return "a date or time"


def _fits(value: Any, want: str) -> bool:
    if want == _STRING:
        return isinstance(value, str)
    if want == _TEXT:
        return isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool))
    if want == "bool":
        return isinstance(value, bool)
    if want == "number":
        return isinstance(value, (str, int, float)) and not isinstance(value, bool)
    if want == "texts":
        return isinstance(value, list) and all(_fits(v, _TEXT) for v in value)
    return False


_WORDS = {_STRING: "text in quotes", _TEXT: "text in quotes", "bool": "true or false",
          "number": "a number like 0.21", "texts": "a list of values in quotes, like [\"A\", \"B\"]"}


def _check_types(data: dict[str, Any], where: str) -> None:
    """Every key the loader reads has the type it expects: one line naming the first that does not."""
    def bad(place: str, value: Any, want: str) -> SetupError:
        return SetupError(f"{where}: {place} must be {_WORDS[want]}, not {_kind(value)}.")

    for section, value in data.items():
        if section in KNOWN_SECTIONS and not isinstance(value, dict):
            raise SetupError(f"{where}: [{section}] must be a section (a table), not {_kind(value)}.")
    for section, keys in _KEY_TYPES.items():
        for key, want in keys.items():
            value = (data.get(section) or {}).get(key)
            if value is not None and not _fits(value, want):
                raise bad(f"[{section}] {key}", value, want)
    for section in _ANY_KEY_TEXT:
        for key, value in (data.get(section) or {}).items():
            if not _fits(value, _TEXT):
                raise bad(f"[{section}] {key}", value, _TEXT)
    for key, value in (data.get("categories") or {}).items():
        if isinstance(value, dict):
            for sub, want in (("account", _TEXT), ("tax", _TEXT), ("label", _STRING)):
                if sub in value and not _fits(value[sub], want):
                    raise bad(f"[categories] \"{key}\" {sub}", value[sub], want)
        elif not _fits(value, _TEXT):
            raise bad(f"[categories] \"{key}\"", value, _TEXT)
    for group, tags in (data.get("tags") or {}).items():
        if isinstance(tags, dict):
            for tag, value in tags.items():
                if not _fits(value, _TEXT):
                    raise bad(f"[tags.{group}] {tag}", value, _TEXT)
    ledger = data.get("ledger") or {}
    for key, fields in _CHART_LISTS.items():
        rows = ledger.get(key)
        if rows is None:
            continue
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise SetupError(f"{where}: [ledger] {key} must be a list of tables ([[ledger.{key}]] blocks), "
                             f"not {_kind(rows)}.")
        for i, row in enumerate(rows, 1):
            for field_name, want in fields.items():
                if field_name in row and not _fits(row[field_name], want):
                    raise bad(f"[ledger] {key} {i}: {field_name}", row[field_name], want)


def _section(data: dict, name: str, where: str) -> dict:
    sec = data.get(name)
    if not isinstance(sec, dict):
        raise SetupError(f"{where}: the section [{name}] is missing.")
    return sec


def _req(sec: dict, key: str, section: str, where: str) -> str:
    value = sec.get(key)
    if value is None or str(value).strip() == "":
        raise SetupError(f"{where}: [{section}] {key} is missing.")
    return str(value).strip()


def _secret(sec: dict, key: str, label: str, env, interactive: bool, where: str) -> str:
    if key in sec:
        raise SetupError(f"{where}: do not write the {label} in the file. Name an environment variable "
                         f"instead: {key}_env = \"PLEO_API_KEY\"; or leave it out to be asked.")
    var = sec.get(f"{key}_env")
    if var:
        value = env.get(str(var), "")
        if value:
            return value
        if not interactive:
            raise SetupError(f"The environment variable {var} (named in [{'pleo' if 'Pleo' in label else 'ledger'}] "
                             f"{key}_env) is empty; set it to the {label}.")
    if not interactive:
        raise SetupError(f"{where}: no {label}: set {key}_env to the name of an environment variable that holds it.")
    value = getpass.getpass(f"{label}: ").strip()
    if not value:
        raise SetupError(f"No {label} was entered.")
    return value


def _apply_system_mappings(plan: SetupPlan, provider, settings: dict, problems: list[str]) -> None:
    """What the accounting system adds to the file's mappings: the counter accounts its setup found or
    made, for the roles ``[accounts]`` leaves out (``default_contra``), and the tax codes the file names
    by what they are, as the system's own codes (``resolve_tax_code``: a key that fits no tax, or
    several, is a problem that lists them)."""
    m = plan.mappings
    defaults = getattr(provider, "default_contra", None)
    if callable(defaults):
        for role, code in defaults(settings).items():
            try:
                m.contra.setdefault(ContraRole(role), str(code))
            except ValueError:
                continue
    resolve = getattr(provider, "resolve_tax_code", None)
    if not callable(resolve):
        return
    for key, code in list(m.taxes.items()):
        try:
            m.taxes[key] = resolve(code)
        except ValueError as exc:
            problems.append(f"[taxes] \"{key}\": {exc}.")
    for key, cm in list(m.categories.items()):
        if cm.tax_code:
            try:
                m.categories[key] = CategoryMapping(cm.account, resolve(cm.tax_code))
            except ValueError as exc:
                problems.append(f"[categories] \"{key}\": {exc}.")


def _check_account(chart: LedgerChart, code: str, where: str, problems: list[str]) -> None:
    acc = chart.accounts.get(code)
    if acc is None:
        problems.append(f"{where}: account {code} is not in the ledger's chart of accounts.")
    elif not acc.active:
        problems.append(f"{where}: account {code} ({acc.name}) is archived in the ledger; choose an active one.")
