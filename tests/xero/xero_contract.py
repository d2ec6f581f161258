"""Contract harness for Xero: the official OpenAPI documents, loaded for validation, and a recorder.

The documents are read from ``../shared/specs/xero`` next to the repository (never copied into it).
Their known quirks (that folder's SOURCES.md) are worked around here, in the loaded copy only:

1. ``xero_bankfeeds.yaml``'s ``CountryCode`` enum has ``NO`` (Norway) unquoted, which PyYAML reads as
   ``False``: put back as ``"NO"``. Unquoted example dates load as ``date`` objects: examples are not
   used for validation, so they are left alone.
2. ``openapi-spec-validator`` rejects ``xero_accounting.yaml`` (23 booleans with ``default: "false"``):
   the documents are loaded without spec validation, and those defaults are turned into booleans.
3. Bank Feeds string limits are written as ``maximum`` instead of ``maxLength``: they are added as
   ``maxLength`` so too-long strings are caught.
4. The specs list only the broad scopes: security is not checked by the validator (the emulator
   checks scopes itself).
5. ``application/problem+json`` bodies are read as JSON (openapi-core only knows ``application/json``).

Also, where the documents say nothing a test can check:

* ``application/octet-stream`` attachment bodies are declared ``type: string, format: byte``; raw
  bytes are not base64 text, so attachment *request bodies* are checked for being non-empty bytes
  only (their parameters and answers are validated as usual);
* statuses an operation does not list (401, 403, 404, 413, 429, 5xx on the Accounting API) have no
  schema: they are collected in ``undocumented`` and their bodies checked against the shapes Xero
  uses (``Error``/``Elements`` JSON, problem+json, or plain text);
* the OAuth token endpoint is not a path of any document: its answers are checked against
  ``xero-identity.yaml``'s ``AccessToken`` schema.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import shared_specs
import yaml
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

SPECS_DIR = (Path(__file__).resolve().parents[2] / ".." / "shared" / "specs" / "xero").resolve()
FILES = {"accounting": "xero_accounting.yaml", "bankfeeds": "xero_bankfeeds.yaml", "identity": "xero-identity.yaml"}


def specs_available() -> bool:
    return all((SPECS_DIR / f).is_file() for f in FILES.values())


def skip_reason() -> str:
    return shared_specs.skip_reason([SPECS_DIR / f for f in FILES.values()]) or ""


@functools.lru_cache(maxsize=None)
def load_raw(name: str) -> dict:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(SPECS_DIR / FILES[name], encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)


@dataclass
class Workarounds:
    country_no_restored: int = 0
    string_defaults_fixed: int = 0
    max_length_added: int = 0


def patch(spec: dict) -> tuple[dict, Workarounds]:
    spec = copy.deepcopy(spec)
    notes = Workarounds()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("enum"), list) and False in node["enum"] and node.get("type", "string") == "string":
                node["enum"] = ["NO" if v is False else v for v in node["enum"]]
                notes.country_no_restored += 1
            if node.get("type") == "boolean" and node.get("default") in ("false", "true"):
                node["default"] = node["default"] == "true"
                notes.string_defaults_fixed += 1
            if node.get("type") == "string" and isinstance(node.get("maximum"), int) and "maxLength" not in node:
                node["maxLength"] = node.pop("maximum")
                notes.max_length_added += 1
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(spec)
    return spec, notes


def _template_regex(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template)
    return re.compile("^" + "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts) + "$")


@dataclass
class LoadedSpec:
    name: str
    patched: dict
    notes: Workarounds
    openapi: OpenAPI
    server: str
    templates: list[tuple[re.Pattern[str], str]]

    def template_for(self, path: str, method: str) -> str | None:
        best = None
        for regex, template in self.templates:
            if regex.match(path) and method.lower() in self.patched["paths"][template]:
                score = template.count("{")
                if best is None or score < best[0]:
                    best = (score, template)
        return best[1] if best else None


@functools.lru_cache(maxsize=None)
def load(name: str) -> LoadedSpec:
    patched, notes = patch(load_raw(name))
    # openapi-core reads application/json only; Bank Feeds errors are application/problem+json (JSON too)
    config = Config(spec_validator_cls=None,
                    extra_media_type_deserializers={"application/problem+json": json.loads})
    openapi = OpenAPI.from_dict(patched, config=config)
    templates = [(_template_regex(t), t) for t in patched["paths"]]
    return LoadedSpec(name, patched, notes, openapi, patched["servers"][0]["url"].rstrip("/"), templates)


class _Req:
    def __init__(self, request: httpx.Request, path: str, host_url: str, body: bytes | None) -> None:
        self._r = request
        self._path = path
        self._host = host_url
        self._body = body
        self.parameters = RequestParameters(query=ImmutableMultiDict(list(request.url.params.multi_items())),
                                            header=Headers(list(request.headers.multi_items())),
                                            cookie=ImmutableMultiDict())

    host_url = property(lambda self: self._host)
    path = property(lambda self: self._path)
    method = property(lambda self: self._r.method.lower())
    body = property(lambda self: self._body)
    content_type = property(lambda self: self._r.headers.get("Content-Type", ""))


class _Resp:
    def __init__(self, response: httpx.Response) -> None:
        self._r = response

    status_code = property(lambda self: self._r.status_code)
    headers = property(lambda self: Headers(list(self._r.headers.multi_items())))
    content_type = property(lambda self: self._r.headers.get("Content-Type", ""))
    data = property(lambda self: self._r.content or None)


def _split(server: str, path: str) -> tuple[str, str]:
    """openapi-core matches ``host_url + path`` against the server URL: keep the server's base path in
    the path (``https://api.xero.com`` + ``/api.xro/2.0/Organisation``)."""
    u = httpx.URL(server)
    return f"{u.scheme}://{u.host}", u.path.rstrip("/") + path


def _quiet(fn, *args) -> list:
    import warnings

    with warnings.catch_warnings():
        # openapi-core does not evaluate OAuth2 security schemes ("Unsupported scheme type"): scopes are
        # checked by the emulator itself.
        warnings.simplefilter("ignore", UserWarning)
        return list(fn(*args))


def _describe(error: Exception) -> str:
    parts = [str(error)]
    for se in getattr(error.__cause__, "schema_errors", None) or ():
        path = "/".join(str(p) for p in getattr(se, "absolute_path", ()) or ())
        parts.append(f"  at '{path or '(root)'}': {getattr(se, 'message', se)}")
    return "\n".join(parts)


class XeroContract:
    """Maps a request on the sandbox to Xero's document and operation, and validates both sides."""

    def __init__(self, sandbox_url: str) -> None:
        base = httpx.URL(sandbox_url).path.rstrip("/")
        self.bases = [(f"{base}/xero/api.xro/2.0", "accounting"), (f"{base}/xero/bankfeeds.xro/1.0", "bankfeeds"),
                      (f"{base}/xero-identity", "identity")]
        self.specs = {n: load(n) for n in FILES}
        self.undocumented: list[tuple[str, str, int]] = []
        self.checked_requests = 0
        self.checked_responses = 0

    def resolve(self, request: httpx.Request) -> tuple[LoadedSpec, str, str] | None:
        path = request.url.path
        for base, name in self.bases:
            if path.startswith(base + "/"):
                rest = path[len(base):]
                spec = self.specs[name]
                template = spec.template_for(rest, request.method)
                if template:
                    return spec, template, rest
        return None

    def is_token_call(self, request: httpx.Request) -> bool:
        return request.url.path.endswith("/connect/token")

    def request_errors(self, request: httpx.Request) -> list[str]:
        found = self.resolve(request)
        if found is None:
            if self.is_token_call(request) or request.url.path.endswith(("/connect/revocation", "/connect/authorize")):
                return []
            return [f"{request.method} {request.url.path}: no Xero document describes this operation"]
        spec, template, path = found
        host, path = _split(spec.server, path)
        body: bytes | None = request.content or None
        op = spec.patched["paths"][template][request.method.lower()]
        content = (op.get("requestBody") or {}).get("content") or {}
        if "application/octet-stream" in content:
            if not body:
                return [f"{request.method} {template}: empty attachment body"]
            # Raw bytes cannot match `format: byte` (base64 text): validate everything else.
            body = None
        self.checked_requests += 1
        adapter = _Req(request, path, host, body)
        errors = []
        for e in _quiet(spec.openapi.iter_request_errors, adapter):
            if body is None and "application/octet-stream" in content and "body" in str(e).lower():
                continue
            errors.append(f"{request.method} {template} request: {_describe(e)}")
        return errors

    def response_errors(self, request: httpx.Request, response: httpx.Response) -> list[str]:
        if self.is_token_call(request):
            return self._token_errors(response)
        found = self.resolve(request)
        if found is None:
            return []
        spec, template, path = found
        label = f"{request.method} {template} -> {response.status_code}"
        op = spec.patched["paths"][template][request.method.lower()]
        if str(response.status_code) not in {str(k) for k in op.get("responses", {})}:
            self.undocumented.append((request.method, template, response.status_code))
            return [f"{label}: {e}" for e in self._shape_errors(response)]
        declared = op["responses"][str(response.status_code)]
        if "$ref" in declared:
            declared = spec.patched["components"]["responses"][declared["$ref"].rsplit("/", 1)[-1]]
        if not declared.get("content"):
            return []
        self.checked_responses += 1
        host, path = _split(spec.server, path)
        adapter = _Req(request, path, host, None)
        return [f"{label}: {_describe(e)}" for e in _quiet(spec.openapi.iter_response_errors, adapter, _Resp(response))]

    @staticmethod
    def _shape_errors(response: httpx.Response) -> list[str]:
        ctype = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if ctype.startswith("text/"):
            return []
        try:
            body = response.json()
        except ValueError:
            return [] if not response.content else ["error body is neither text nor JSON"]
        if not isinstance(body, dict):
            return ["error body is not a JSON object"]
        if ctype == "application/problem+json":
            return [] if {"type", "title", "status"} <= set(body) else ["problem+json without type/title/status"]
        if {"Title", "Status", "Detail"} <= set(body) or {"ErrorNumber", "Type", "Message"} <= set(body):
            return []
        return [f"unexpected error body keys {sorted(body)}"]

    def _token_errors(self, response: httpx.Response) -> list[str]:
        if response.status_code != 200:
            body = response.json()
            return [] if "error" in body else ["token error without 'error'"]
        schema = self.specs["identity"].patched["components"]["schemas"]["AccessToken"]
        return [f"token answer: {e.message}" for e in jsonschema.Draft4Validator(schema).iter_errors(response.json())]


@dataclass
class Exchange:
    request: httpx.Request
    response: httpx.Response | None = None


class Recorder(httpx.BaseTransport):
    """An httpx transport that records every request and answer, for validation at the end of a test.
    Usable wherever pleodesk takes a ``transport`` (provider, connector, sign-in, token refresh)."""

    def __init__(self, sandbox_url: str, inner: httpx.BaseTransport | None = None) -> None:
        import threading

        self.contract = XeroContract(sandbox_url)
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
        ex.response = httpx.Response(response.status_code, headers=response.headers, content=content,
                                     request=request)
        return httpx.Response(response.status_code, headers=response.headers, content=content,
                              request=request, extensions=response.extensions)

    def close(self) -> None:
        self.inner.close()

    def clear(self) -> None:
        with self._lock:
            self.exchanges.clear()

    def errors(self) -> list[str]:
        out: list[str] = []
        with self._lock:
            exchanges = list(self.exchanges)
        for ex in exchanges:
            out += self.contract.request_errors(ex.request)
            if ex.response is not None:
                out += self.contract.response_errors(ex.request, ex.response)
        return out

    def assert_valid(self) -> None:
        errors = self.errors()
        assert not errors, f"{len(errors)} Xero contract violations:\n" + "\n".join(errors[:20])

    def operations(self) -> set[tuple[str, str, int]]:
        out = set()
        for ex in self.exchanges:
            found = self.contract.resolve(ex.request)
            out.add((ex.request.method, found[1] if found else ex.request.url.path,
                     ex.response.status_code if ex.response is not None else 0))
        return out
