"""Contract harness for QuickBooks Online: Intuit's XSDs, loaded for validation, and a recorder.

The XSDs are read from ``../shared/specs/quickbooks`` next to the repository (never copied into it) with
``xmlschema``. They describe QuickBooks' XML; pleodesk talks JSON, which uses the same element names
(SOURCES.md of that folder), so every JSON body is turned into the XSD's element model first, guided by
the schema itself:

* an XML attribute of the type becomes a JSON key of the same name (``domain``, ``sparse``, a reference's
  ``name``/``type``, ``Fault``'s ``type``, ``Error``'s ``code``/``element``, ``QueryResponse``'s
  ``startPosition``/``maxResults``/``totalCount``, ``BatchItemRequest``'s ``bId``/``operation``, the
  response's ``time``); a type with simple content (``ReferenceType``) keeps its text in ``value``;
* an entity wrapped in its name (``{"Purchase": {...}}``) is an element substituting ``IntuitObject``;
* ``xs:sequence`` order is not QuickBooks' JSON concern: the body is encoded unordered, in schema order;
* three extension placeholders are declared without ``minOccurs="0"`` (``Transfer/TransferEx``,
  ``CheckPayment/CheckPaymentEx``, ``CreditCardPaymentTxn/CreditCardPaymentEx``), unlike every other
  ``...Ex``; no JSON body carries them, so their absence is not reported (``REQUIRED_BY_MISTAKE``; a test
  checks the list is still exactly these).

What is then checked, failing the test on any mismatch: element names, types (decimals, dates, booleans,
integers), enumerations (``PaymentTypeEnum``, ``GlobalTaxCalculationEnum``, ``AccountTypeEnum``,
``LineDetailTypeEnum``, ``TaxApplicableOnEnum``, ``OperationEnum``, ...) and, where the XSDs say nothing:

* lengths from Intuit's reference pages (``MAX_LENGTHS``: ``DocNumber`` 21, ``PrivateNote`` 4000, ...);
* ``Fault``'s ``type`` against ``FaultTypeEnum`` (the attribute is typed ``xs:string``);
* queries: the entity is one of the XSDs', every field of ``WHERE``/``ORDERBY`` is an element of it, no
  ``OR``, ``MAXRESULTS`` at most 1000;
* the protocol: ``minorversion`` on every call, a ``requestid`` on every write (at most 50 characters, 36
  on ``/batch``), at most 30 batch items with ``bId`` of at most 10 characters, uploads as multipart
  ``file_metadata_N`` (an ``Attachable``) + ``file_content_N`` (the file with its own content type);
* the OAuth token endpoint's answers (not in the XSDs): Intuit's documented keys.
"""

from __future__ import annotations

import functools
import json
import re
import threading
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx

SPECS_DIR = (Path(__file__).resolve().parents[2] / ".." / "shared" / "specs" / "quickbooks").resolve()
ROOT_XSD = "IntuitRestServiceDef.xsd"
FILES = ("Finance.xsd", "IntuitBaseTypes.xsd", "IntuitNamesTypes.xsd", ROOT_XSD, "Report.xsd", "SalesTax.xsd")
NS = "http://schema.intuit.com/finance/v3"

#: Lengths from Intuit's reference pages (the XSDs carry no maxLength): (type or "*", element) -> max.
MAX_LENGTHS: dict[tuple[str, str], int] = {
    ("*", "DocNumber"): 21, ("*", "PrivateNote"): 4000, ("Account", "Name"): 100, ("*", "DisplayName"): 500,
    ("Class", "Name"): 100, ("Department", "Name"): 100, ("Attachable", "FileName"): 1000,
    ("Attachable", "Note"): 2000, ("Line", "Description"): 4000, ("*", "Memo"): 4000,
}
#: Extension placeholders the XSDs declare as required by mistake (see the module docstring).
REQUIRED_BY_MISTAKE = frozenset({("Transfer", "TransferEx"), ("CheckPayment", "CheckPaymentEx"),
                                 ("CreditCardPaymentTxn", "CreditCardPaymentEx")})
TOKEN_KEYS = {"token_type", "access_token", "expires_in", "refresh_token", "x_refresh_token_expires_in"}


def specs_available() -> bool:
    return all((SPECS_DIR / f).is_file() for f in FILES)


def skip_reason() -> str:
    return (f"Intuit's QuickBooks XSDs are not at {SPECS_DIR} (expected in ../shared/specs/quickbooks next to the "
            "repository); the QuickBooks contract tests need them")


@functools.lru_cache(maxsize=1)
def schema():
    import xmlschema

    return xmlschema.XMLSchema(str(SPECS_DIR / ROOT_XSD))


def _local(name: str | None) -> str:
    return (name or "").rsplit("}", 1)[-1]


@functools.lru_cache(maxsize=None)
def _children(type_name: str) -> dict[str, Any]:
    """Element declarations of a complex type by local name (inherited ones included)."""
    t = schema().types[type_name] if type_name in schema().types else None
    return _children_of(t) if t is not None else {}


def _children_of(t) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if t is None or not t.is_complex() or not t.has_complex_content():
        return out
    for e in t.content.iter_elements():
        out[_local(e.name)] = e
    return out


def _substitute(decls: dict[str, Any], name: str):
    """A global element ``name`` that may stand for one of ``decls`` (``IntuitObject``'s substitution group)."""
    glob = schema().elements.get(name)
    if glob is None:
        return None
    for d in decls.values():
        if getattr(d, "abstract", False) and glob.substitution_group and _local(glob.substitution_group) == _local(d.name):
            return glob
        head = getattr(d, "ref", None) or d
        if getattr(head, "abstract", False) and _local(head.name) == _local(glob.substitution_group or ""):
            return glob
    return None


def _scalar(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, Decimal):
        return format(v, "f")
    return str(v)


class Converter:
    """QBO JSON -> xmlschema's dict model, following the schema; also collects length problems."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def convert(self, value: Any, elem, where: str) -> Any:
        t = elem.type
        if isinstance(value, list):
            return [self.convert(v, elem, f"{where}[{i}]") for i, v in enumerate(value)]
        if t.is_simple():
            self._length(elem, value, where)
            return _scalar(value)
        attrs = {_local(a) for a in getattr(t, "attributes", {})}
        if not t.has_complex_content():       # simple content with attributes: a reference
            if not isinstance(value, dict):
                return _scalar(value)
            out: dict[str, Any] = {}
            for k, v in value.items():
                if k == "value":
                    out["$"] = _scalar(v)
                elif k in attrs:
                    out["@" + k] = _scalar(v)
                else:
                    out[k] = _scalar(v)        # unknown: xmlschema reports it
            return out
        if not isinstance(value, dict):
            return value
        decls = _children_of(t)
        out = {}
        for k, v in value.items():
            if k in attrs:
                out["@" + k] = _scalar(v)
                continue
            child = decls.get(k)
            if child is None:       # (xmlschema's elements are falsy when they have no children: test for None)
                child = _substitute(decls, k)
            if child is None:
                self.problems.append(f"{where}.{k}: not an element of {_local(t.name) or 'its type'}")
                continue
            out[k] = self.convert(v, child, f"{where}.{k}")
        return out

    def _length(self, elem, value: Any, where: str) -> None:
        name = _local(elem.name)
        parent = where.rsplit(".", 2)[-2] if where.count(".") >= 1 else ""
        parent = re.sub(r"\[\d+\]$", "", parent)
        limit = MAX_LENGTHS.get((parent, name)) or MAX_LENGTHS.get(("*", name))
        if limit is not None and isinstance(value, str) and len(value) > limit:
            self.problems.append(f"{where}: {len(value)} characters, QuickBooks takes at most {limit}")


def validate_element(name: str, value: Any, where: str | None = None) -> list[str]:
    """Errors of ``value`` (QBO JSON) as the global element ``name`` of the XSDs."""
    import xmlschema

    elem = schema().elements.get(name)
    where = where or name
    if elem is None:
        return [f"{where}: {name} is not an element of Intuit's XSDs"]
    conv = Converter()
    data = conv.convert(value, elem, name)
    _el, errors = elem.encode(data, validation="lax", unordered=True, converter=xmlschema.UnorderedConverter,
                              namespaces={"": NS})
    out = [f"{where}: {p}" for p in conv.problems]
    for e in errors:
        reason = getattr(e, "reason", None) or str(e).split("\n")[0]
        if any(f"}}{ext}' expected" in reason and f"}}{typ}' is not complete" in reason
               for typ, ext in REQUIRED_BY_MISTAKE):
            continue
        obj = getattr(e, "obj", None)
        shown = obj if isinstance(obj, (str, int, Decimal)) else ""
        out.append(f"{where}: {reason}" + (f" ({shown!r})" if shown != "" else ""))
    out += _fault_types(value, where)
    return out


@functools.lru_cache(maxsize=1)
def fault_types() -> frozenset[str]:
    return frozenset(schema().types["FaultTypeEnum"].enumeration)


def _fault_types(value: Any, where: str) -> list[str]:
    out: list[str] = []
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "Fault" and isinstance(v, dict) and v.get("type") not in fault_types():
                out.append(f"{where}.Fault.type {v.get('type')!r} is not one of FaultTypeEnum {sorted(fault_types())}")
            out += _fault_types(v, f"{where}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _fault_types(v, f"{where}[{i}]")
    return out


# ------------------------------------------------------------------------------ the query language ---
_STMT = re.compile(r"^\s*SELECT\s+(?P<what>\*|count\(\*\))\s+FROM\s+(?P<entity>\w+)(?P<rest>.*)$", re.I | re.S)


def query_errors(statement: str) -> list[str]:
    m = _STMT.match(statement or "")
    if not m:
        return [f"query {statement!r}: not SELECT * | count(*) FROM <Entity> ..."]
    entity = m.group("entity")
    # Entity names are case-insensitive in QuickBooks' query language.
    elem = next((e for n, e in schema().elements.items() if n.lower() == entity.lower()), None)
    if elem is None:
        return [f"query {statement!r}: {entity} is not an entity of Intuit's XSDs"]
    rest = re.sub(r"'(?:\\.|[^'\\])*'", "''", m.group("rest"))
    out = []
    if re.search(r"\bOR\b", rest, re.I):
        out.append(f"query {statement!r}: QuickBooks' query language has no OR")
    mx = re.search(r"\bMAXRESULTS\s+(\d+)", rest, re.I)
    if mx and int(mx.group(1)) > 1000:
        out.append(f"query {statement!r}: MAXRESULTS {mx.group(1)} > 1000")
    fields = re.findall(r"(?:WHERE|AND|ORDERBY)\s+([A-Za-z][\w.]*)", rest, re.I)
    for f in fields:
        decls = _children_of(elem.type)
        for part in f.split("."):
            d = decls.get(part)
            if d is None:
                out.append(f"query {statement!r}: {f} is not a field of {entity}")
                break
            decls = _children_of(d.type)
            if not decls:
                break
    return out


# ------------------------------------------------------------------------------ the exchanges ---------
def _realm_path(path: str) -> tuple[str, str] | None:
    m = re.search(r"/v3/company/([^/]+)/(.+)$", path)
    return (m.group(1), m.group(2)) if m else None


def _multipart(body: bytes, ctype: str) -> dict[str, tuple[dict[str, str], bytes]]:
    m = re.search(r'boundary="?([^";]+)"?', ctype)
    if not m:
        return {}
    from pleodesk.sandbox.qbo_emulator import _multipart as parse

    return parse(body, m.group(1).encode())


class QboContract:
    def __init__(self) -> None:
        self.checked_requests = 0
        self.checked_responses = 0
        self.operations: set[tuple[str, str, int]] = set()

    def request_errors(self, request: httpx.Request) -> list[str]:
        path = request.url.path
        if path.endswith("/oauth2/v1/tokens/bearer"):
            auth = request.headers.get("Authorization", "")
            return [] if auth.startswith("Basic ") else ["token request without the client secret (HTTP Basic)"]
        found = _realm_path(path)
        if found is None:
            return []
        _realm, rest = found
        label = f"{request.method} {rest.split('/')[0]}"
        params = {k: v for k, v in request.url.params.multi_items()}
        errs = []
        if not params.get("minorversion"):
            errs.append(f"{label}: no minorversion")
        self.checked_requests += 1
        head = rest.split("/")[0].lower()
        if request.method == "POST":
            rid = params.get("requestid")
            if not rid:
                errs.append(f"{label}: a write without requestid")
            elif len(rid) > (36 if head == "batch" else 50):
                errs.append(f"{label}: requestid of {len(rid)} characters")
        if head == "query":
            statement = params.get("query") if request.method == "GET" else request.content.decode()
            return errs + query_errors(statement or "")
        if request.method != "POST":
            return errs
        if head == "upload":
            parts = _multipart(request.content, request.headers.get("Content-Type", ""))
            metas = {k: v for k, v in parts.items() if k.startswith("file_metadata_")}
            files = {k: v for k, v in parts.items() if k.startswith("file_content_")}
            if not files:
                errs.append("upload: no file_content_N part")
            for k, (headers, data) in metas.items():
                try:
                    meta = json.loads(data, parse_float=Decimal)
                except ValueError:
                    errs.append(f"upload {k}: not JSON")
                    continue
                errs += validate_element("Attachable", meta, f"upload {k}")
            for k, (headers, data) in files.items():
                if "filename=" not in headers.get("content-disposition", ""):
                    errs.append(f"upload {k}: no filename")
                if not headers.get("content-type"):
                    errs.append(f"upload {k}: no content type of its own")
                if k.replace("content", "metadata") not in metas:
                    errs.append(f"upload {k}: no matching file_metadata part")
            return errs
        try:
            body = json.loads(request.content or b"null", parse_float=Decimal)
        except ValueError:
            return errs + [f"{label}: the body is not JSON"]
        if head == "batch":
            items = (body or {}).get("BatchItemRequest") or []
            if len(items) > 30:
                errs.append(f"batch: {len(items)} items, QuickBooks takes at most 30")
            for it in items:
                if len(str(it.get("bId") or "")) > 10:
                    errs.append(f"batch: bId {it.get('bId')!r} longer than 10 characters")
                if "Query" in it:
                    errs += query_errors(str(it["Query"]))
            return errs + validate_element("IntuitBatchRequest", body, "batch request")
        name = next((n for n in schema().elements if n.lower() == head), None)
        if name is None:
            return errs + [f"{label}: {head} is not an entity of Intuit's XSDs"]
        return errs + validate_element(name, body, f"{label} request")

    def response_errors(self, request: httpx.Request, response: httpx.Response) -> list[str]:
        path = request.url.path
        if path.endswith("/oauth2/v1/tokens/bearer"):
            body = response.json()
            if response.status_code != 200:
                return [] if "error" in body else ["token error without 'error'"]
            missing = TOKEN_KEYS - set(body)
            return [f"token answer without {sorted(missing)}"] if missing else []
        found = _realm_path(path)
        if found is None:
            return []
        rest = found[1]
        self.operations.add((request.method, rest.split("/")[0].lower(), response.status_code))
        if not response.content:
            return [f"{request.method} {rest}: an empty answer"]
        try:
            body = json.loads(response.content, parse_float=Decimal)
        except ValueError:
            return [f"{request.method} {rest} -> {response.status_code}: the answer is not JSON"]
        self.checked_responses += 1
        errs = validate_element("IntuitResponse", body, f"{request.method} {rest.split('?')[0]} -> "
                                                        f"{response.status_code}")
        if response.status_code >= 400 and "Fault" not in body:
            errs.append(f"{request.method} {rest} -> {response.status_code}: an error without a Fault")
        return errs


@dataclass
class Exchange:
    request: httpx.Request
    response: httpx.Response | None = None


class Recorder(httpx.BaseTransport):
    """An httpx transport that records every request and answer, for validation at the end of a test."""

    def __init__(self, inner: httpx.BaseTransport | None = None) -> None:
        self.contract = QboContract()
        self.inner = inner or httpx.HTTPTransport()
        self.exchanges: list[Exchange] = []
        self._lock = threading.Lock()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        ex = Exchange(request)
        with self._lock:
            self.exchanges.append(ex)
        response = self.inner.handle_request(request)
        content = response.read()
        response.close()
        ex.response = httpx.Response(response.status_code, headers=response.headers, content=content, request=request)
        return httpx.Response(response.status_code, headers=response.headers, content=content, request=request,
                              extensions=response.extensions)

    def close(self) -> None:
        self.inner.close()

    def clear(self) -> None:
        with self._lock:
            self.exchanges.clear()

    def errors(self, requests: bool = True) -> list[str]:
        out: list[str] = []
        with self._lock:
            exchanges = list(self.exchanges)
        for ex in exchanges:
            if requests:
                out += self.contract.request_errors(ex.request)
            if ex.response is not None:
                out += self.contract.response_errors(ex.request, ex.response)
        return out

    def assert_valid(self, requests: bool = True) -> None:
        """No violation in what was sent (``requests``: tests that send bad requests on purpose check the
        answers only) and in what came back. Without Intuit's XSDs the test is skipped here, with the
        reason, after everything else it checks has run."""
        if not specs_available():
            import pytest

            pytest.skip(skip_reason())
        errors = self.errors(requests)
        assert not errors, f"{len(errors)} QuickBooks contract violations:\n" + "\n".join(errors[:25])

    def calls(self, method: str | None = None, contains: str = "") -> list[Exchange]:
        return [ex for ex in self.exchanges if (method is None or ex.request.method == method)
                and contains in str(ex.request.url)]


def required_extensions() -> set[tuple[str, str]]:
    """Every ``...Ex`` element the XSDs declare as required (the harness ignores ``REQUIRED_BY_MISTAKE``)."""
    out = set()
    for name, t in schema().types.items():
        if t.is_complex() and t.has_complex_content():
            for e in t.content.iter_elements():
                if e.min_occurs > 0 and _local(e.name).endswith("Ex"):
                    out.add((name, _local(e.name)))
    return out
