"""Contract harness for Pennylane: its OpenAPI definition, loaded for validation, and a recorder.

The definition is read from ``../shared/specs/pennylane/pennylane_company_v2.json`` next to the
repository (never copied into it). Its known quirks (that folder's SOURCES.md) and what the
validator cannot check are handled here, in the loaded copy only:

1. The security requirements list scopes the ``oauth2`` scheme does not declare (it declares only
   ``ledger``): security is not checked by the validator; the emulator checks scopes itself.
2. ``PUT /ledger_entry_lines/{id}`` types its path id as ``number``; the others as ``integer``: both
   are taken as they are.
3. ``multipart/form-data`` bodies (``POST /file_attachments``) are checked for their parts (``file``
   required, only ``file`` and ``filename``, a content type Pennylane takes) by hand: openapi-core
   cannot read a binary part.
4. Statuses an operation does not list (429, 5xx) have no schema: they are collected in
   ``undocumented`` and their bodies checked against Pennylane's shapes (the 429's text, or
   ``{"error", "status"}``).
"""

from __future__ import annotations

import email.parser
import email.policy
import functools
import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

SPEC = (Path(__file__).resolve().parents[2] / ".." / "shared" / "specs" / "pennylane" /
        "pennylane_company_v2.json").resolve()
ATTACHMENT_TYPES = {"image/png", "image/jpeg", "image/tiff", "image/bmp", "image/gif", "application/pdf"}


def spec_available() -> bool:
    return SPEC.is_file()


def skip_reason() -> str:
    return (f"Pennylane's OpenAPI definition is not at {SPEC} (expected in ../shared/specs/pennylane next to the "
            "repository); the Pennylane contract tests need it")


@functools.lru_cache(maxsize=None)
def raw_spec() -> dict:
    return json.loads(SPEC.read_text(encoding="utf-8"))


@dataclass
class Loaded:
    raw: dict
    openapi: OpenAPI
    templates: list[tuple[re.Pattern[str], str]]

    def template_for(self, path: str, method: str) -> str | None:
        best = None
        for regex, template in self.templates:
            if regex.match(path) and method.lower() in self.raw["paths"][template]:
                score = template.count("{")
                if best is None or score < best[0]:
                    best = (score, template)
        return best[1] if best else None


@functools.lru_cache(maxsize=None)
def load() -> Loaded:
    raw = raw_spec()
    api = OpenAPI.from_dict(raw, config=Config(spec_validator_cls=None))
    templates = []
    for t in raw["paths"]:
        parts = re.split(r"(\{[^}]+\})", t)
        templates.append((re.compile("^" + "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts)
                                     + "$"), t))
    return Loaded(raw, api, templates)


class _Req:
    def __init__(self, request: httpx.Request, path: str, body: bytes | None) -> None:
        self._r = request
        self._path = path
        self._body = body
        self.parameters = RequestParameters(query=ImmutableMultiDict(list(request.url.params.multi_items())),
                                            header=Headers(list(request.headers.multi_items())),
                                            cookie=ImmutableMultiDict())

    host_url = property(lambda self: "https://app.pennylane.com")
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


def _quiet(fn, *args) -> list:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return list(fn(*args))


def _describe(error: Exception) -> str:
    parts = [str(error)]
    for se in getattr(error.__cause__, "schema_errors", None) or ():
        path = "/".join(str(p) for p in getattr(se, "absolute_path", ()) or ())
        parts.append(f"  at '{path or '(root)'}': {getattr(se, 'message', se)}")
    return "\n".join(parts)


class PennylaneContract:
    """Maps a request on the sandbox to the definition's operation, and validates both sides."""

    def __init__(self, sandbox_url: str) -> None:
        self.base = httpx.URL(sandbox_url).path.rstrip("/") + "/pennylane"
        self.spec = load()
        self.undocumented: list[tuple[str, str, int]] = []
        self.checked_requests = 0
        self.checked_responses = 0

    def resolve(self, request: httpx.Request) -> tuple[str, str] | None:
        path = request.url.path
        if not path.startswith(self.base + "/"):
            return None
        rest = path[len(self.base):]
        template = self.spec.template_for(rest, request.method)
        return (template, rest) if template else None

    def request_errors(self, request: httpx.Request) -> list[str]:
        if not request.url.path.startswith(self.base + "/"):
            return []
        found = self.resolve(request)
        if found is None:
            return [f"{request.method} {request.url.path}: the definition has no such operation"]
        template, path = found
        self.checked_requests += 1
        errors = []
        if request.headers.get("X-Use-2026-API-Changes") != "true":
            errors.append(f"{request.method} {template}: without X-Use-2026-API-Changes: true")
        body: bytes | None = request.content or None
        ctype = request.headers.get("Content-Type", "")
        if ctype.startswith("multipart/form-data"):
            errors += [f"{request.method} {template} request: {e}" for e in self._multipart_errors(request)]
            body = None
        for e in _quiet(self.spec.openapi.iter_request_errors, _Req(request, path, body)):
            if body is None and ctype.startswith("multipart/form-data") and "body" in str(e).lower():
                continue
            if "security" in type(e).__name__.lower() or "security" in str(e).lower():
                continue
            errors.append(f"{request.method} {template} request: {_describe(e)}")
        return errors

    @staticmethod
    def _multipart_errors(request: httpx.Request) -> list[str]:
        raw = b"Content-Type: " + request.headers["Content-Type"].encode() + b"\r\n\r\n" + request.content
        msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(raw)
        parts = {p.get_param("name", header="content-disposition"): p for p in msg.iter_parts()}
        errors = []
        if "file" not in parts:
            errors.append("no 'file' part")
        errors += [f"part {name!r} is not in the schema" for name in parts if name not in ("file", "filename")]
        if "file" in parts and parts["file"].get_content_type() not in ATTACHMENT_TYPES:
            errors.append(f"file of type {parts['file'].get_content_type()} is not one Pennylane takes")
        if "filename" in parts and len((parts["filename"].get_payload(decode=True) or b"").decode()) > 255:
            errors.append("filename longer than 255")
        return errors

    def response_errors(self, request: httpx.Request, response: httpx.Response) -> list[str]:
        found = self.resolve(request)
        if found is None:
            return []
        template, path = found
        label = f"{request.method} {template} -> {response.status_code}"
        errors = []
        for h in ("ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"):
            if h not in response.headers:
                errors.append(f"{label}: no {h} header")
        op = self.spec.raw["paths"][template][request.method.lower()]
        if str(response.status_code) not in op.get("responses", {}):
            self.undocumented.append((request.method, template, response.status_code))
            return errors + [f"{label}: {e}" for e in self._shape_errors(response)]
        self.checked_responses += 1
        errors += [f"{label}: {_describe(e)}" for e in _quiet(self.spec.openapi.iter_response_errors,
                                                                _Req(request, path, None), _Resp(response))]
        return errors

    @staticmethod
    def _shape_errors(response: httpx.Response) -> list[str]:
        if response.status_code == 429:
            ok = re.fullmatch(r"Rate limit exceeded\. Please retry in \d+ seconds\.", response.text.strip())
            return [] if ok and response.headers.get("retry-after") else ["429 without Pennylane's text or retry-after"]
        try:
            body = response.json()
        except ValueError:
            return ["error body is not JSON"]
        return [] if isinstance(body, dict) and {"error", "status"} <= set(body) else [f"unexpected body {body!r}"]


@dataclass
class Exchange:
    request: httpx.Request
    response: httpx.Response | None = None


class Recorder(httpx.BaseTransport):
    """An httpx transport that records every exchange with the Pennylane emulator, for validation."""

    def __init__(self, sandbox_url: str, inner: httpx.BaseTransport | None = None) -> None:
        self.contract = PennylaneContract(sandbox_url)
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
        assert not errors, f"{len(errors)} Pennylane contract violations:\n" + "\n".join(errors[:20])

    def operations(self) -> set[tuple[str, str, int]]:
        out = set()
        for ex in self.exchanges:
            found = self.contract.resolve(ex.request)
            out.add((ex.request.method, found[0] if found else ex.request.url.path,
                     ex.response.status_code if ex.response is not None else 0))
        return out

    def count(self, method: str, template: str) -> int:
        return sum(1 for ex in self.exchanges
                   if ex.request.method == method and (self.contract.resolve(ex.request) or ("",))[0] == template)
