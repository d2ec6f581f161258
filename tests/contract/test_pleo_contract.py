"""Every request pleodesk's Pleo client sends, and every answer the sandbox emulator gives, against
Pleo's own OpenAPI documents: a full export-job lifecycle, accounting-entry search, master-data
reconciliation and the documented error cases."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone
from decimal import Decimal

import pytest

import pleo_contract as pc
from pleodesk.providers.pleo import (
    PleoAuthError,
    PleoBadRequest,
    PleoClient,
    PleoConflict,
    PleoNotFound,
    PleoTooLarge,
    PleoUnprocessable,
    reconcile_master_data,
)

pytestmark = pytest.mark.skipif(not pc.specs_available(), reason=pc.skip_reason())


@pytest.fixture
def sb():
    from pleodesk.sandbox.server import SandboxConfig, start_sandbox

    sandbox = start_sandbox(SandboxConfig(seed=1, expenses_per_month=50, months=["2026-08"]))
    yield sandbox
    sandbox.stop()


@pytest.fixture
def recorder(sb) -> pc.ContractRecorder:
    return pc.ContractRecorder(sb.pleo_url)


def client_for(sb, recorder, **kwargs) -> PleoClient:
    kwargs.setdefault("api_key", sb.api_key)
    return PleoClient(sb.pleo_url, company_id=sb.company_id, event_hooks=recorder.hooks, page_limit=10,
                      sleep=lambda s: None, **kwargs)


def test_export_lifecycle_search_reconcile_and_errors_match_the_spec(sb, recorder) -> None:
    client = client_for(sb, recorder)

    # Who we are.
    assert client.introspect()["authMethod"] == "API_KEY"
    assert client.get_company()["id"] == sb.company_id
    assert client.list_employees()

    # Master data: a change, then the same again (no writes the second time).
    accounts = [(a["externalId"], a.get("code"), a["name"], True) for a in client.search_accounts()]
    taxes = [(t["code"], t["name"], Decimal(str(t["rate"])), t["type"]) for t in client.search_tax_codes()]
    dims = [(g["code"], g["name"], [(t["code"], t.get("name") or t["code"]) for t in client.list_tags(g["id"])])
            for g in client.list_tag_groups()]
    accounts = accounts[1:] + [("GL-7777", "7777", "Contract test account", True),
                               (accounts[0][0], accounts[0][1], accounts[0][2], False)]
    taxes = taxes[1:] + [("RC", "Reverse charge", Decimal("0.21"), "reverse")]
    dims = [(dims[0][0], dims[0][1] + " (renamed)", dims[0][2][1:]), dims[1],
            ("REGION", "Region", [("N", "North"), ("S", "South")])]
    assert reconcile_master_data(client, accounts, taxes, dims).changed > 0
    assert reconcile_master_data(client, accounts, taxes, dims).changed == 0

    # Accounting entries ready to export in August.
    entries = list(client.search_accounting_entries(
        export_status=["QUEUED"], status=["COMPLETED"], settled=True,
        bookkeeping_from=datetime(2026, 8, 1, tzinfo=timezone.utc),
        bookkeeping_to=datetime(2026, 8, 31, 23, 59, 59, tzinfo=timezone.utc)))
    ids = [e["id"] for e in entries]
    assert len(ids) > 20
    assert list(client.search_accounting_entries(families=["CARD_PURCHASE"], limit=5))

    # The lifecycle: create (and a conflicting second create), claim, read, report, complete.
    job = client.create_export_job(ids[:25])
    with pytest.raises(PleoConflict):
        client.create_export_job(ids[25:30])
    assert [j["id"] for j in client.list_export_jobs(["pending"])] == [job["id"]]
    client.job_event(job["id"], "started")
    with pytest.raises(PleoUnprocessable):
        client.job_event(job["id"], "started")
    assert client.get_export_job(job["id"])["status"] == "in_progress"
    items = list(client.iter_job_items(job["id"], status="pending"))
    exports = list(client.iter_export_items(job["id"]))
    assert len(items) == len(exports) == 25
    with pytest.raises(PleoTooLarge):
        client._call("PUT", f"/v3/export-jobs/{job['id']}/items",
                     body=[{"accountingEntryId": i["accountingEntryId"], "status": "in_progress"}
                           for i in items] * 5)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    updates = []
    for n, item in enumerate(items):
        if n % 5 == 4:
            updates.append({"accountingEntryId": item["accountingEntryId"], "status": "failed",
                            "failureReason": "The account 4000 is locked in the ledger.",
                            "failureReasonType": "account_unknown"})
        else:
            updates.append({"accountingEntryId": item["accountingEntryId"], "status": "successful",
                            "exportedAt": now, "externalId": f"JE-{n}",
                            "externalUrl": f"https://ledger.example/je/{n}"})
    assert client.update_job_items(job["id"], updates) == []
    assert Counter(i["status"] for i in client.iter_job_items(job["id"])) == {"successful": 20, "failed": 5}
    client.job_event(job["id"], "completed_with_errors")
    with pytest.raises(PleoUnprocessable):
        list(client.iter_export_items(job["id"]))
    with pytest.raises(PleoUnprocessable):
        client.update_job_items(job["id"], updates[:1])
    assert client.list_export_jobs(["completed_with_errors"])[0]["id"] == job["id"]

    # A second job that fails as a whole.
    second = client.create_export_job(ids[25:27], is_interactive=True)
    client.job_event(second["id"], "started")
    client.job_event(second["id"], "failed", failure_reason="The ledger cannot be reached.",
                     failure_reason_type="accounting_system_unreachable")
    assert client.get_export_job(second["id"])["failureReasonType"] == "accounting_system_unreachable"

    # Errors: unknown job, missing contra accounts, refused credentials.
    with pytest.raises(PleoNotFound):
        client.get_export_job("ae000000-0000-4000-8000-00000000dead")
    with pytest.raises(PleoNotFound):
        list(client.iter_job_items("ae000000-0000-4000-8000-00000000dead"))
    sb.pleo.set_contra_accounts_missing(True)
    with pytest.raises(PleoBadRequest):
        client.create_export_job(ids[30:32])
    sb.pleo.set_contra_accounts_missing(False)
    with pytest.raises(PleoAuthError):
        client_for(sb, recorder, api_key="wrong-key").list_export_jobs(["pending"])

    # Everything recorded validates against Pleo's documents ...
    recorder.assert_valid()
    # ... and the recording covers every operation and error case this test is about.
    ops = set(recorder.operations())
    statuses = {(m, t): pc.statuses(recorder, m, t) for m, t, _ in ops}
    expected = {
        ("GET", "/v1/introspect"): {200},
        ("GET", "/v1/companies/{companyId}"): {200},
        ("GET", "/v2/employees"): {200},
        ("POST", "/v1/chart-of-accounts:search"): {200},
        ("POST", "/v1/chart-of-accounts"): {201},
        ("PUT", "/v1/chart-of-accounts/{accountId}"): {200},
        ("POST", "/v0/tax-codes:search"): {200},
        ("POST", "/v0/tax-codes"): {201},
        ("PUT", "/v0/tax-codes/{taxCodeId}"): {200},
        ("GET", "/v0/tag-groups"): {200},
        ("POST", "/v0/tag-groups"): {201},
        ("PUT", "/v0/tag-groups/{groupId}"): {200},
        ("GET", "/v0/tag-groups/{groupId}/tags"): {200},
        ("POST", "/v0/tag-groups/{groupId}/tags"): {201},
        ("PUT", "/v0/tags/{tagId}"): {200},
        ("POST", "/v1/accounting-entries:search"): {200},
        ("POST", "/v3/export-jobs"): {201, 409, 400},
        ("GET", "/v3/export-jobs"): {200, 401},
        ("GET", "/v3/export-jobs/{jobId}"): {200, 404},
        ("POST", "/v3/export-job-events"): {202, 422},
        ("GET", "/v3/export-jobs/{jobId}/items"): {200, 404},
        ("GET", "/v3/export-items"): {200, 422},
        ("PUT", "/v3/export-jobs/{jobId}/items"): {200, 413, 422},
    }
    for op, wanted in expected.items():
        assert statuses.get(op) == wanted, (op, statuses.get(op))
    # Pagination really happened (page_limit=10) with cursors the spec accepts.
    assert any("after" in ex.request.url.params for ex in recorder.exchanges)


def test_oauth_bearer_traffic_matches_the_spec(sb, recorder) -> None:
    """The same client with a Bearer token (the OAuth flow) still satisfies the security schemes."""
    import httpx

    from pleodesk.providers.oauth import LoopbackAuthorizer
    from pleodesk.sandbox.pleo_emulator import SANDBOX_CLIENT_ID

    authorizer = LoopbackAuthorizer(f"{sb.pleo_auth_url}/oauth/authorize", f"{sb.pleo_auth_url}/oauth/token",
                                    SANDBOX_CLIENT_ID, ["export-jobs:read", "export-jobs:write"],
                                    ports=_free_ports(3),
                                    open_browser=lambda url: httpx.get(url, follow_redirects=True).is_success)
    tokens = authorizer.authorize(timeout=10)
    client = client_for(sb, recorder, api_key=None, token_source=lambda: tokens.access_token)
    assert client.introspect()["authMethod"] == "OAUTH2"
    client.list_export_jobs(["pending", "in_progress"])
    assert all(ex.request.headers["Authorization"].startswith("Bearer ") for ex in recorder.exchanges)
    recorder.assert_valid()


def test_harness_catches_a_broken_request_sent_to_the_emulator(sb, recorder) -> None:
    """``exportJobId`` (as Pleo's how-to examples write it) instead of ``jobId`` is caught."""
    client = client_for(sb, recorder)
    job = sb.pleo.create_job_as_user(sb.pleo.exportable_entry_ids(limit=2))
    with pytest.raises(PleoBadRequest):
        client._call("POST", "/v3/export-job-events", body={"exportJobId": job["id"], "event": "started"},
                     idempotent=False)
    errors = recorder.errors()
    assert any("'jobId' is a required property" in e for e in errors)


def _free_ports(n: int) -> list[int]:
    import socket

    socks = [socket.socket() for _ in range(n)]
    for s in socks:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in socks]
    for s in socks:
        s.close()
    return ports


def test_harness_catches_a_broken_response_from_the_wire(sb, recorder) -> None:
    """A transport that corrupts the emulator's answer (a job status Pleo does not have, a missing
    required field) makes the recording fail validation."""
    import json

    import httpx

    class Tamper(httpx.BaseTransport):
        def __init__(self) -> None:
            self.inner = httpx.HTTPTransport()

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            response = self.inner.handle_request(request)
            if request.method == "GET" and "/v3/export-jobs/" in request.url.path:
                body = json.loads(response.read())
                body["data"]["status"] = "queued"
                del body["data"]["numberOfItems"]
                return httpx.Response(response.status_code, headers=response.headers, json=body)
            return response

    client = client_for(sb, recorder, transport=Tamper())
    job = sb.pleo.create_job_as_user(sb.pleo.exportable_entry_ids(limit=2))
    assert client.get_export_job(job["id"])["status"] == "queued"
    text = "\n".join(recorder.errors())
    assert "'queued' is not one of" in text and "'numberOfItems' is a required property" in text
