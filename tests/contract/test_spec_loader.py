"""The contract harness itself: the loader's workarounds, and that it catches what it must catch."""

from __future__ import annotations

import json

import httpx
import pytest

import pleo_contract as pc

pytestmark = pytest.mark.skipif(not pc.specs_available(), reason=pc.skip_reason())

BASE = "http://127.0.0.1:9/pleo"
JOB = "10b00000-0000-4000-8000-000000000001"
COMPANY = "c0ffee00-0000-4000-8000-000000000001"
ENTRY = "ae000000-0000-4000-8000-000000000001"
AUTH = {"Authorization": "Basic a2V5Og=="}  # "key:" (API key, empty password)
JSON = {"Content-Type": "application/json;charset=UTF-8"}


def job(**overrides) -> dict:
    data = {"id": JOB, "companyId": COMPANY, "status": "pending", "numberOfItems": 1, "isInteractive": False,
            "vendorBasedBookkeeping": False, "createdAt": "2026-08-01T10:00:00Z", "expiresIn": 3600,
            "lastUpdatedAt": "2026-08-01T10:00:00Z"}
    data.update(overrides)
    return data


def pagination(**overrides) -> dict:
    data = {"hasNextPage": False, "hasPreviousPage": False, "currentRequestPagination": {"parameters": {}}}
    data.update(overrides)
    return data


@pytest.fixture(scope="module")
def validator() -> pc.ContractValidator:
    return pc.ContractValidator(BASE)


def post_event(body: dict, headers=AUTH) -> httpx.Request:
    return httpx.Request("POST", f"{BASE}/v3/export-job-events", json=body, headers=headers)


# ---------------------------------------------------------------------- loader ------------------
def test_specs_are_read_from_the_shared_folder_not_the_repository() -> None:
    assert pc.PLEO_SPECS_DIR.name == "pleo" and pc.PLEO_SPECS_DIR.parent.name == "specs"
    repo = pc.Path(__file__).resolve().parents[2]
    assert repo not in pc.PLEO_SPECS_DIR.parents
    assert not list(repo.glob("**/pleo-*-openapi.yml"))


def test_loader_strips_fake_date_patterns_only_in_its_copy() -> None:
    export = pc.load("export")
    assert len(list(pc.iter_pattern_fields(export.raw))) == 34          # SOURCES.md: 34 in export
    assert list(pc.iter_pattern_fields(export.patched)) == []
    assert len(export.notes.patterns_removed) == 34
    assert len(list(pc.iter_pattern_fields(pc.load("gjoll").raw))) == 2
    # Real cursor regexes stay.
    param = next(p for p in export.patched["paths"]["/v3/export-jobs"]["get"]["parameters"] if p["name"] == "after")
    assert param["schema"]["pattern"] == "^[A-Z2-7=~]+$"


def test_loader_normalises_json_media_types() -> None:
    for spec in pc.load_all().values():
        text = json.dumps(spec.patched)
        assert "charset=UTF-8" not in text
        assert spec.notes.media_types_normalised > 0
    assert "application/json;charset=UTF-8" in json.dumps(pc.load("export").raw)


def test_loader_adds_the_v3_enums_named_only_in_descriptions() -> None:
    export = pc.load("export")
    schemas = export.patched["components"]["schemas"]
    assert schemas["ExportJobV3"]["properties"]["status"]["enum"] == schemas["ExportJobStatus"]["enum"]
    assert "card_purchase" in schemas["ExportItemV3"]["properties"]["type"]["enum"]
    assert "enum" not in export.raw["components"]["schemas"]["ExportJobV3"]["properties"]["status"]
    assert len(export.notes.enums_added) == 6


def test_patched_documents_are_still_valid_openapi() -> None:
    from openapi_spec_validator import validate

    for spec in pc.load_all().values():
        validate(spec.patched)


def test_real_date_times_pass_after_the_workaround(validator) -> None:
    req = httpx.Request("GET", f"{BASE}/v3/export-jobs/{JOB}", headers=AUTH)
    resp = httpx.Response(200, json={"data": job(completedAt="2026-08-01T12:00:00Z")}, headers=JSON, request=req)
    assert validator.response_errors(req, resp) == []


# ---------------------------------------------------------------------- the harness catches -----
def test_a_correct_job_event_passes(validator) -> None:
    assert validator.request_errors(post_event({"jobId": JOB, "event": "started"})) == []


def test_harness_catches_export_job_id_instead_of_job_id(validator) -> None:
    errors = validator.request_errors(post_event({"exportJobId": JOB, "event": "started"}))
    assert len(errors) == 1 and "'jobId' is a required property" in errors[0]


@pytest.mark.parametrize("body,needle", [
    ({"jobId": JOB, "event": "finished"}, "'finished' is not one of"),
    ({"jobId": "not-a-uuid", "event": "started"}, "not-a-uuid"),
    ({"jobId": JOB, "event": "failed", "failureReasonType": "ledger_down"}, "'ledger_down' is not one of"),
])
def test_harness_catches_bad_request_values(validator, body, needle) -> None:
    errors = validator.request_errors(post_event(body))
    assert errors and needle in errors[0]


def test_harness_catches_missing_credentials_and_bad_query(validator) -> None:
    assert any("Security" in e for e in validator.request_errors(post_event({"jobId": JOB, "event": "started"},
                                                                               headers={})))
    bad_cursor = httpx.Request("GET", f"{BASE}/v3/export-jobs/{JOB}/items", params={"after": "not base32!"},
                               headers=AUTH)
    assert validator.request_errors(bad_cursor)
    too_many = httpx.Request("POST", f"{BASE}/v1/accounting-entries:search",
                             params={"company_id": COMPANY, "limit": 101}, json={"includeDeleted": False},
                             headers=AUTH)
    assert any("limit" in e for e in validator.request_errors(too_many))
    no_flag = httpx.Request("POST", f"{BASE}/v1/accounting-entries:search", params={"company_id": COMPANY},
                            json={"exportStatus": ["QUEUED"]}, headers=AUTH)
    assert any("includeDeleted" in e for e in validator.request_errors(no_flag))


def test_harness_catches_unknown_operations(validator) -> None:
    req = httpx.Request("POST", f"{BASE}/v3/export-jobs/{JOB}:start", headers=AUTH)
    assert "no Pleo document" in validator.request_errors(req)[0]


@pytest.mark.parametrize("data,needle", [
    (job(status="queued"), "'queued' is not one of"),
    ({k: v for k, v in job().items() if k != "id"}, "'id' is a required property"),
    (job(createdAt="yesterday"), "yesterday"),
    (job(failureReasonType="ledger_down"), "'ledger_down' is not one of"),
])
def test_harness_catches_broken_responses(validator, data, needle) -> None:
    req = httpx.Request("GET", f"{BASE}/v3/export-jobs/{JOB}", headers=AUTH)
    resp = httpx.Response(200, json={"data": data}, headers=JSON, request=req)
    errors = validator.response_errors(req, resp)
    assert errors and needle in "\n".join(errors)


def test_harness_checks_pagination_envelopes(validator) -> None:
    req = httpx.Request("GET", f"{BASE}/v3/export-jobs", params={"company_id": COMPANY}, headers=AUTH)
    ok = httpx.Response(200, json={"data": [job()], "pagination": pagination()}, headers=JSON, request=req)
    assert validator.response_errors(req, ok) == []
    broken = httpx.Response(200, json={"data": [job()], "pagination": {"hasNextPage": False}}, headers=JSON,
                            request=req)
    assert validator.response_errors(req, broken)


def test_error_bodies_must_be_exception_info(validator) -> None:
    req = httpx.Request("POST", f"{BASE}/v3/export-jobs", json={"accountingEntryIds": [ENTRY], "companyId": COMPANY},
                        headers=AUTH)
    documented = httpx.Response(409, json={"type": "EXPORT_ALREADY_IN_PROGRESS", "message": "x"}, headers=JSON,
                                request=req)
    assert validator.response_errors(req, documented) == []
    # 401 is listed by no Pleo document: the body must still be an ExceptionInfo.
    assert validator.response_errors(req, httpx.Response(401, json={"type": "UNAUTHORIZED"}, headers=JSON,
                                                         request=req)) == []
    assert validator.response_errors(req, httpx.Response(401, json={"error": "nope"}, headers=JSON, request=req))
    assert validator.response_errors(req, httpx.Response(401, text="<html>", request=req))
    # Gjoll's default-only operations: a 404 is an ExceptionInfo, not the success schema.
    tag_req = httpx.Request("GET", f"{BASE}/v0/tags/{JOB}", headers=AUTH)
    assert validator.response_errors(tag_req, httpx.Response(404, json={"type": "NOT_FOUND", "message": "gone"},
                                                             headers=JSON, request=tag_req)) == []


def test_recorder_records_and_validates_client_traffic() -> None:
    from pleodesk.providers.pleo import PleoClient

    recorder = pc.ContractRecorder(BASE)

    def handler(request):
        if request.url.path.endswith("/v3/export-job-events"):
            return httpx.Response(202)
        return httpx.Response(200, json={"data": job(status="bogus")}, headers=JSON)

    client = PleoClient(BASE, api_key="key", company_id=COMPANY, transport=httpx.MockTransport(handler),
                        event_hooks=recorder.hooks)
    client.job_event(JOB, "started")
    client.get_export_job(JOB)
    assert [(m, t, s) for m, t, s in recorder.operations()] == [
        ("POST", "/v3/export-job-events", 202), ("GET", "/v3/export-jobs/{jobId}", 200)]
    errors = recorder.errors()
    assert len(errors) == 1 and "'bogus' is not one of" in errors[0]
    with pytest.raises(AssertionError, match="contract violations"):
        recorder.assert_valid()
