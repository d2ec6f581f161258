"""Contract harness: Pleo's own OpenAPI documents, loaded for validation, and a request recorder.

The specs are read from ``../shared/specs/pleo`` next to the repository (never copied into it).
Their known quirks (see that folder's SOURCES.md) are worked around HERE, in the loaded copy only:

1. ``pattern`` on ``format: date-time`` / ``format: date`` strings is dropped: the patterns are date
   formats written as if they were regexes (``YYYY-MM-DDTHH:mi:ssZ``) and reject every real value.
2. ``application/json;charset=UTF-8`` and ``application/json`` are the same media type: every JSON
   content key is normalised to ``application/json`` (openapi-core would not match a request sent as
   ``application/json`` against a ``;charset=UTF-8`` key).
3. Export v3 fields that are plain strings but name an enum in their description get that enum:
   ``ExportJobV3.status``/``failureReasonType``, ``ExportJobItemV3.status``/``failureReasonType``,
   ``ExportItemV3.type``/``subType`` (``nullable`` ones also accept ``null``).
4. Operations whose only response is ``default`` (all gjoll tag and tax-code endpoints) describe the
   success body there; an error status (>= 400) that the operation does not list explicitly is checked
   against Pleo's ``ExceptionInfo {type, message}`` instead. The same applies to statuses no spec
   lists at all (401 for example): the body must still be an ``ExceptionInfo``.

Validation uses openapi-core (``OpenAPI.from_dict``) through a small httpx adapter.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import httpx
import jsonschema
import shared_specs
import yaml
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

#: ``../shared/specs`` relative to the repository root.
SPECS_DIR = (Path(__file__).resolve().parents[2] / ".." / "shared" / "specs").resolve()
PLEO_SPECS_DIR = SPECS_DIR / "pleo"

#: The Pleo documents pleodesk's client uses.
SPEC_FILES = {
    "export": "pleo-export-openapi.yml",
    "gjoll": "pleo-gjoll-openapi.yml",
    "chart-of-accounts": "pleo-chart-of-accounts-openapi.yml",
    "oberon": "pleo-oberon-openapi.yml",
    "app-marketplace": "pleo-app-marketplace-openapi.yml",
}

#: (schema, property) -> the enum schema its description names (export v3; SOURCES.md quirk).
DESCRIPTION_ENUMS = {
    ("ExportJobV3", "status"): "ExportJobStatus",
    ("ExportJobV3", "failureReasonType"): "ExportJobFailureReasonType",
    ("ExportJobItemV3", "status"): "ExportJobItemStatus",
    ("ExportJobItemV3", "failureReasonType"): "ExportJobItemFailureReasonType",
    ("ExportItemV3", "type"): "ExportItemTypeV3",
    ("ExportItemV3", "subType"): "ExportItemSubTypeV3",
}

_JSON_TYPES = {"application/json;charset=utf-8", "application/json; charset=utf-8", "application/json"}


def specs_available() -> bool:
    return all((PLEO_SPECS_DIR / f).is_file() for f in SPEC_FILES.values())


def skip_reason() -> str:
    return shared_specs.skip_reason([PLEO_SPECS_DIR / f for f in SPEC_FILES.values()]) or ""


# ------------------------------------------------------------------------------ loading ----------
@functools.lru_cache(maxsize=None)
def load_raw(name: str) -> dict:
    """The document exactly as published (parsed with PyYAML's safe loader)."""
    with open(PLEO_SPECS_DIR / SPEC_FILES[name], encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@dataclass
class Workarounds:
    patterns_removed: list[str] = field(default_factory=list)
    media_types_normalised: int = 0
    enums_added: list[str] = field(default_factory=list)


def patch(spec: dict) -> tuple[dict, Workarounds]:
    """A copy of ``spec`` with the SOURCES.md quirks worked around (see the module docstring)."""
    spec = copy.deepcopy(spec)
    notes = Workarounds()

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            if node.get("format") in ("date-time", "date") and "pattern" in node:
                notes.patterns_removed.append(where)
                del node["pattern"]
            if isinstance(node.get("content"), dict):
                content = node["content"]
                for key in list(content):
                    if key.lower().replace(" ", "") in {t.replace(" ", "") for t in _JSON_TYPES} \
                            and key != "application/json":
                        value = content.pop(key)
                        content.setdefault("application/json", value)
                        notes.media_types_normalised += 1
            for k, v in node.items():
                walk(v, f"{where}/{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{where}/{i}")

    walk(spec, "#")
    schemas = spec.get("components", {}).get("schemas", {})
    for (schema, prop), enum_name in DESCRIPTION_ENUMS.items():
        target = schemas.get(schema, {}).get("properties", {}).get(prop)
        source = schemas.get(enum_name)
        if target is None or source is None or "enum" in target:
            continue
        values = list(source["enum"])
        if target.get("nullable"):
            values.append(None)
        target["enum"] = values
        notes.enums_added.append(f"{schema}.{prop} <- {enum_name}")
    return spec, notes


@dataclass
class LoadedSpec:
    name: str
    raw: dict
    patched: dict
    notes: Workarounds
    openapi: OpenAPI
    server: str
    _templates: list[tuple[re.Pattern[str], str]]

    def template_for(self, path: str) -> str | None:
        """The spec's path template matching ``path``; literal segments win over parameters."""
        best = None
        for regex, template in self._templates:
            if regex.match(path):
                score = template.count("{")
                if best is None or score < best[0]:
                    best = (score, template)
        return best[1] if best else None

    def operation(self, method: str, template: str) -> dict:
        return self.patched["paths"][template][method.lower()]


def _template_regex(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template)
    regex = "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts)
    return re.compile(f"^{regex}$")


@functools.lru_cache(maxsize=None)
def load(name: str) -> LoadedSpec:
    raw = load_raw(name)
    patched, notes = patch(raw)
    openapi = OpenAPI.from_dict(patched)
    templates = [(_template_regex(t), t) for t, item in patched["paths"].items() if item]
    return LoadedSpec(name, raw, patched, notes, openapi, patched["servers"][0]["url"].rstrip("/"), templates)


def load_all() -> dict[str, LoadedSpec]:
    return {name: load(name) for name in SPEC_FILES}


def exception_info_schema() -> dict:
    return load("export").patched["components"]["schemas"]["ExceptionInfo"]


# ------------------------------------------------------------------------------ adapter ----------
class OpenAPIRequestAdapter:
    """An ``httpx.Request`` as openapi-core's ``Request`` protocol, on the spec's own server URL."""

    def __init__(self, request: httpx.Request, path: str, host_url: str) -> None:
        self._request = request
        self._path = path
        self._host_url = host_url
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(list(request.url.params.multi_items())),
            header=Headers(list(request.headers.multi_items())),
            cookie=ImmutableMultiDict(),
        )

    @property
    def host_url(self) -> str:
        return self._host_url

    @property
    def path(self) -> str:
        return self._path

    @property
    def method(self) -> str:
        return self._request.method.lower()

    @property
    def body(self) -> bytes | None:
        content = self._request.content
        return content if content else None

    @property
    def content_type(self) -> str:
        return self._request.headers.get("Content-Type", "")


class OpenAPIResponseAdapter:
    def __init__(self, response: httpx.Response) -> None:
        self._response = response

    @property
    def status_code(self) -> int:
        return self._response.status_code

    @property
    def headers(self) -> Headers:
        return Headers(list(self._response.headers.multi_items()))

    @property
    def content_type(self) -> str:
        return self._response.headers.get("Content-Type", "")

    @property
    def data(self) -> bytes | None:
        return self._response.content or None


# ------------------------------------------------------------------------------ validation -------
def _describe(error: Exception) -> str:
    parts = [str(error)]
    cause = error.__cause__
    for schema_error in getattr(cause, "schema_errors", None) or ():
        path = "/".join(str(p) for p in getattr(schema_error, "absolute_path", ()) or ())
        parts.append(f"  at '{path or '(root)'}': {getattr(schema_error, 'message', schema_error)}")
    return "\n".join(parts)


class ContractValidator:
    """Finds the Pleo document and operation for a request to ``base_url`` and validates both sides."""

    def __init__(self, base_url: str) -> None:
        self.base_path = httpx.URL(base_url).path.rstrip("/")
        self.specs = load_all()

    def resolve(self, request: httpx.Request) -> tuple[LoadedSpec, str, str] | None:
        path = request.url.path
        if self.base_path and path.startswith(self.base_path):
            path = path[len(self.base_path):] or "/"
        for spec in self.specs.values():
            template = spec.template_for(path)
            if template and request.method.lower() in spec.patched["paths"][template]:
                return spec, template, path
        return None

    def request_errors(self, request: httpx.Request) -> list[str]:
        found = self.resolve(request)
        if found is None:
            return [f"{request.method} {request.url.path}: no Pleo document describes this operation"]
        spec, template, path = found
        adapter = OpenAPIRequestAdapter(request, path, spec.server)
        return [f"{request.method} {template} request: {_describe(e)}"
                for e in spec.openapi.iter_request_errors(adapter)]

    def response_errors(self, request: httpx.Request, response: httpx.Response) -> list[str]:
        found = self.resolve(request)
        if found is None:
            return [f"{request.method} {request.url.path}: no Pleo document describes this operation"]
        spec, template, path = found
        label = f"{request.method} {template} -> {response.status_code}"
        operation = spec.operation(request.method, template)
        documented = {str(code) for code in operation.get("responses", {})}
        status = str(response.status_code)
        if response.status_code >= 400 and status not in documented:
            # Workaround 4: error statuses the operation does not list explicitly.
            return [f"{label}: {e}" for e in self._exception_info_errors(response)]
        declared = operation["responses"].get(status) or operation["responses"].get("default") or {}
        if not declared.get("content") and response.content:
            try:
                json.loads(response.content)
            except ValueError:
                return [f"{label}: the spec declares no body and the body is not JSON"]
        adapter = OpenAPIRequestAdapter(request, path, spec.server)
        return [f"{label}: {_describe(e)}"
                for e in spec.openapi.iter_response_errors(adapter, OpenAPIResponseAdapter(response))]

    @staticmethod
    def _exception_info_errors(response: httpx.Response) -> list[str]:
        ctype = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if ctype != "application/json":
            return [f"error body is {ctype or 'untyped'}, not JSON ExceptionInfo"]
        try:
            body = response.json()
        except ValueError:
            return ["error body is not valid JSON"]
        validator = jsonschema.Draft4Validator(exception_info_schema())
        return [f"ExceptionInfo: {e.message}" for e in validator.iter_errors(body)]


# ------------------------------------------------------------------------------ recorder ---------
@dataclass
class Exchange:
    request: httpx.Request
    response: httpx.Response | None = None


class ContractRecorder:
    """httpx event hooks that record every request sent and every response received."""

    def __init__(self, base_url: str) -> None:
        self.validator = ContractValidator(base_url)
        self.exchanges: list[Exchange] = []
        self._by_request: dict[int, Exchange] = {}

    @property
    def hooks(self) -> dict[str, list]:
        return {"request": [self._on_request], "response": [self._on_response]}

    def _on_request(self, request: httpx.Request) -> None:
        ex = Exchange(request)
        self.exchanges.append(ex)
        self._by_request[id(request)] = ex

    def _on_response(self, response: httpx.Response) -> None:
        response.read()
        ex = self._by_request.get(id(response.request))
        if ex is None:
            ex = Exchange(response.request)
            self.exchanges.append(ex)
        ex.response = response

    def clear(self) -> None:
        self.exchanges.clear()
        self._by_request.clear()

    def errors(self) -> list[str]:
        out: list[str] = []
        for ex in self.exchanges:
            out.extend(self.validator.request_errors(ex.request))
            if ex.response is not None:
                out.extend(self.validator.response_errors(ex.request, ex.response))
        return out

    def operations(self) -> list[tuple[str, str, int | None]]:
        """(method, path template, status) of every exchange, for coverage checks."""
        out = []
        for ex in self.exchanges:
            found = self.validator.resolve(ex.request)
            template = found[1] if found else ex.request.url.path
            out.append((ex.request.method, template, ex.response.status_code if ex.response else None))
        return out

    def assert_valid(self) -> None:
        errors = self.errors()
        assert not errors, "Pleo contract violations:\n" + "\n".join(errors)


def statuses(recorder: ContractRecorder, method: str, template: str) -> set[int | None]:
    return {s for m, t, s in recorder.operations() if m == method and t == template}


def iter_pattern_fields(spec: dict) -> Iterable[str]:
    """Where a date or date-time string still carries a ``pattern`` (should be none after ``patch``)."""
    def walk(node: Any, where: str):
        if isinstance(node, dict):
            if node.get("format") in ("date-time", "date") and "pattern" in node:
                yield where
            for k, v in node.items():
                yield from walk(v, f"{where}/{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                yield from walk(v, f"{where}/{i}")
    yield from walk(spec, "#")
