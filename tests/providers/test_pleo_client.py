"""PleoClient: authentication, retries, errors, pagination, downloads and master-data reconciliation.

The first part drives the client with ``httpx.MockTransport`` (exact control over every answer);
the second part runs it against the Pleo sandbox emulator.
"""

from __future__ import annotations

import base64
import email.utils
import hashlib
import json
import time
from decimal import Decimal
from pathlib import Path

import httpx
import pytest

from pleodesk import __version__
from pleodesk.providers.pleo import (
    PleoAuthError,
    PleoBadRequest,
    PleoClient,
    PleoConflict,
    PleoError,
    PleoNotFound,
    PleoProtocolError,
    PleoRateLimited,
    PleoTooLarge,
    PleoUncertain,
    PleoUnavailable,
    PleoUnprocessable,
    ReceiptExpired,
    ReceiptTooLarge,
    ReconcileError,
    reconcile_master_data,
)

COMPANY = "c0ffee00-0000-4000-8000-000000000001"
JOB = "10b00000-0000-4000-8000-000000000001"
AUTH_MESSAGE = ("Pleo refused the API key/token: create a new key in Pleo (Settings → API keys) "
                "and enter it again.")


class Sleeps(list):
    """An injectable ``sleep`` that records the waits instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def make_client(handler, *, sleeps=None, **kwargs) -> PleoClient:
    kwargs.setdefault("api_key", "test-key")
    return PleoClient("https://external.pleo.test", company_id=COMPANY,
                      transport=httpx.MockTransport(handler), sleep=sleeps if sleeps is not None else Sleeps(),
                      jitter=lambda: 0.5, **kwargs)


def page(data, cursor=None, has_next=False):
    info = {"hasNextPage": has_next, "hasPreviousPage": False, "currentRequestPagination": {"parameters": {}}}
    if cursor:
        info["endCursor"] = cursor
    return {"data": data, "pagination": info}


# ---------------------------------------------------------------------- authentication ---------
def test_api_key_is_basic_auth_with_empty_password_and_user_agent_names_pleodesk() -> None:
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"data": {"authMethod": "API_KEY"}})

    client = make_client(handler, api_key="my-key")
    assert client.introspect() == {"authMethod": "API_KEY"}
    auth = seen[0].headers["Authorization"]
    assert auth == "Basic " + base64.b64encode(b"my-key:").decode()
    assert seen[0].headers["User-Agent"].startswith(f"pleodesk/{__version__}")
    assert seen[0].url.path == "/v1/introspect"


def test_token_source_is_asked_for_every_request() -> None:
    tokens = iter(["t1", "t2", "t3"])
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["Authorization"])
        return httpx.Response(200, json={"data": {"id": COMPANY, "name": "X", "address": {}}})

    client = make_client(handler, api_key=None, token_source=lambda: next(tokens))
    client.get_company()
    client.get_company()
    assert seen == ["Bearer t1", "Bearer t2"]


def test_exactly_one_credential_is_required() -> None:
    with pytest.raises(ValueError):
        PleoClient("https://x", company_id=COMPANY)
    with pytest.raises(ValueError):
        PleoClient("https://x", company_id=COMPANY, api_key="k", token_source=lambda: "t")


@pytest.mark.parametrize("status", [401, 403])
def test_refused_credentials_give_the_plain_message(status) -> None:
    client = make_client(lambda r: httpx.Response(status, json={"type": "UNAUTHORIZED", "message": "nope"}))
    with pytest.raises(PleoAuthError) as info:
        client.get_export_job(JOB)
    assert str(info.value) == AUTH_MESSAGE
    assert info.value.status == status and info.value.type == "UNAUTHORIZED"
    assert info.value.pleo_message == "nope"


# ---------------------------------------------------------------------- errors -----------------
@pytest.mark.parametrize("status,body,cls,type_,words", [
    (400, {"type": "MISSING_CONTRA_ACCOUNTS", "message": "Contra accounts are not fully configured."},
     PleoBadRequest, "MISSING_CONTRA_ACCOUNTS", "contra accounts"),
    (404, {"type": "EXPORT_NOT_FOUND", "message": "Export job not found."}, PleoNotFound,
     "EXPORT_NOT_FOUND", "could not find"),
    (409, {"type": "EXPORT_ALREADY_IN_PROGRESS", "message": "Export Job already in progress."},
     PleoConflict, "EXPORT_ALREADY_IN_PROGRESS", "already running an export"),
    (413, {"type": "EXPORT_JOB_ITEMS_UPDATE_LIMIT", "message": "too many"}, PleoTooLarge,
     "EXPORT_JOB_ITEMS_UPDATE_LIMIT", "at most 100"),
    (422, {"type": "INVALID_EXPORT_JOB_STATUS_CHANGE", "message": "Export Job status change failed"},
     PleoUnprocessable, "INVALID_EXPORT_JOB_STATUS_CHANGE", "refused to change"),
    (422, {"type": "SOMETHING_NEW", "message": "Odd state"}, PleoUnprocessable, "SOMETHING_NEW",
     "Odd state"),
    (500, "<html>oops</html>", PleoError, None, "internal error"),
])
def test_errors_are_typed_and_read_as_one_plain_sentence(status, body, cls, type_, words) -> None:
    def handler(request):
        if isinstance(body, str):
            return httpx.Response(status, text=body)
        return httpx.Response(status, json=body)

    client = make_client(handler)
    with pytest.raises(cls) as info:
        client.create_export_job(["ae000000-0000-4000-8000-000000000001"])
    err = info.value
    assert type(err) is cls
    assert err.status == status and err.type == type_
    text = str(err)
    assert words.lower() in text.lower()
    assert text.endswith(".") and "\n" not in text and "{" not in text


# ---------------------------------------------------------------------- retries ----------------
def test_429_honours_retry_after_seconds_and_http_date() -> None:
    answers = [
        httpx.Response(429, headers={"Retry-After": "7"}),
        httpx.Response(429, headers={"Retry-After": email.utils.formatdate(time.time() + 20, usegmt=True)}),
        httpx.Response(200, json={"data": {"id": JOB}}),
    ]
    sleeps = Sleeps()
    client = make_client(lambda r: answers.pop(0), sleeps=sleeps)
    assert client.get_export_job(JOB) == {"id": JOB}
    assert sleeps[0] == 7
    assert 17 <= sleeps[1] <= 20


def test_429_without_retry_after_backs_off_exponentially_then_gives_up() -> None:
    calls = []
    sleeps = Sleeps()
    client = make_client(lambda r: calls.append(r) or httpx.Response(429), sleeps=sleeps, max_retries=4)
    with pytest.raises(PleoRateLimited) as info:
        client.get_export_job(JOB)
    assert len(calls) == 5
    # base 0.5 s doubling, with jitter fixed at the middle (random() == 0.5): 3/4 of each step.
    assert sleeps == [0.375, 0.75, 1.5, 3.0]
    assert "try again in a few minutes" in str(info.value)


def test_backoff_is_capped() -> None:
    sleeps = Sleeps()
    client = make_client(lambda r: httpx.Response(503), sleeps=sleeps, max_retries=10, backoff_cap=4)
    with pytest.raises(PleoUnavailable):
        client.get_export_job(JOB)
    assert max(sleeps) <= 4


def test_a_huge_retry_after_is_not_slept_through() -> None:
    sleeps = Sleeps()
    client = make_client(lambda r: httpx.Response(429, headers={"Retry-After": "86400"}), sleeps=sleeps)
    with pytest.raises(PleoRateLimited) as info:
        client.get_export_job(JOB)
    assert sleeps == [] and info.value.retry_after == 86400


def test_503_is_retried_for_creates_too() -> None:
    answers = [httpx.Response(503), httpx.Response(201, json={"data": {"id": JOB}})]
    client = make_client(lambda r: answers.pop(0))
    assert client.create_export_job(["ae000000-0000-4000-8000-000000000001"]) == {"id": JOB}


def test_connection_drop_is_retried_for_reads_but_uncertain_for_creates() -> None:
    state = {"n": 0}

    def handler(request):
        state["n"] += 1
        if state["n"] == 1:
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)
        return httpx.Response(200, json=page([{"id": JOB, "createdAt": "2026-08-01T00:00:00Z"}]))

    client = make_client(handler)
    assert [j["id"] for j in client.list_export_jobs(["pending"])] == [JOB]

    calls = []

    def drop(request):
        calls.append(request)
        raise httpx.ReadTimeout("timed out", request=request)

    client = make_client(drop)
    with pytest.raises(PleoUncertain) as info:
        client.create_export_job(["ae000000-0000-4000-8000-000000000001"])
    assert len(calls) == 1, "a create whose outcome is unknown must not be sent again"
    assert info.value.method == "POST" and info.value.path == "/v3/export-jobs"
    with pytest.raises(PleoUncertain):
        client.job_event(JOB, "started")


@pytest.mark.parametrize("status", [502, 504])
def test_gateway_errors_are_retried_for_reads_but_uncertain_for_creates(status) -> None:
    answers = [httpx.Response(status), httpx.Response(200, json={"data": {"id": JOB}})]
    assert make_client(lambda r: answers.pop(0)).get_export_job(JOB) == {"id": JOB}
    calls = []
    client = make_client(lambda r: calls.append(r) or httpx.Response(status))
    with pytest.raises(PleoUncertain):
        client.create_export_job(["ae000000-0000-4000-8000-000000000001"])
    assert len(calls) == 1


def test_a_500_is_retried_for_reads_and_idempotent_writes_but_never_resent_for_creates() -> None:
    answers = [httpx.Response(500), httpx.Response(200, json={"data": {"id": JOB}})]
    sleeps = Sleeps()
    assert make_client(lambda r: answers.pop(0), sleeps=sleeps).get_export_job(JOB) == {"id": JOB}
    assert sleeps == [0.375]

    answers = [httpx.Response(500), httpx.Response(200, json={"errors": []})]
    seen = []
    client = make_client(lambda r: seen.append(r.method) or answers.pop(0))
    assert client.update_job_items(JOB, [{"accountingEntryId": "e1", "status": "successful"}]) == []
    assert seen == ["PUT", "PUT"]

    calls = []
    client = make_client(lambda r: calls.append(r) or httpx.Response(500))
    with pytest.raises(PleoError) as info:
        client.create_export_job(["ae000000-0000-4000-8000-000000000001"])
    assert len(calls) == 1, "a create that may have been carried out is not sent again"
    assert info.value.status == 500 and "Pleo had an internal error" in str(info.value)
    calls.clear()
    with pytest.raises(PleoError):
        client.create_tag_group("DEPT", "Department")
    assert len(calls) == 1


def test_retries_end_when_the_next_wait_would_pass_the_time_budget() -> None:
    now = [1000.0]

    class Clocked(Sleeps):
        def __call__(self, seconds: float) -> None:
            super().__call__(seconds)
            now[0] += seconds

    calls = []
    sleeps = Clocked()
    client = make_client(lambda r: calls.append(r) or httpx.Response(429, headers={"Retry-After": "40"}),
                         sleeps=sleeps, max_retries=50, max_elapsed=100, clock=lambda: now[0])
    with pytest.raises(PleoRateLimited) as info:
        client.get_export_job(JOB)
    assert sleeps == [40, 40], "a third wait would end 120 s after the first try, past the 100 s budget"
    assert len(calls) == 3 and info.value.retry_after == 40


def test_connect_errors_are_safe_to_retry_even_for_creates() -> None:
    state = {"n": 0}

    def handler(request):
        state["n"] += 1
        if state["n"] <= 2:
            raise httpx.ConnectError("connection refused", request=request)
        return httpx.Response(201, json={"data": {"id": JOB}})

    sleeps = Sleeps()
    client = make_client(handler, sleeps=sleeps)
    assert client.create_export_job(["ae000000-0000-4000-8000-000000000001"])["id"] == JOB
    assert len(sleeps) == 2


def test_search_posts_are_idempotent() -> None:
    state = {"n": 0}

    def handler(request):
        state["n"] += 1
        if state["n"] == 1:
            raise httpx.ReadTimeout("slow", request=request)
        return httpx.Response(200, json=page([{"id": "e1"}]))

    client = make_client(handler)
    assert [e["id"] for e in client.search_accounting_entries(export_status="QUEUED")] == ["e1"]


def test_unreachable_pleo_gives_up_with_a_plain_message() -> None:
    def handler(request):
        raise httpx.ConnectError("connection refused", request=request)

    client = make_client(handler, max_retries=2)
    with pytest.raises(PleoUnavailable) as info:
        client.get_company()
    assert "Nothing answered at Pleo" in str(info.value) and "connection was refused" in str(info.value)


# ---------------------------------------------------------------------- pagination -------------
def test_pagination_walks_every_page_with_after_cursor_and_limit() -> None:
    seen = []
    pages = {None: page([{"id": 1}, {"id": 2}], "CURSORA", True),
             "CURSORA": page([{"id": 3}], "CURSORB", True),
             "CURSORB": page([{"id": 4}], "CURSORC", False)}

    def handler(request):
        seen.append(dict(request.url.params))
        return httpx.Response(200, json=pages[request.url.params.get("after")])

    client = make_client(handler, page_limit=2)
    assert [i["id"] for i in client.iter_job_items(JOB, status="pending")] == [1, 2, 3, 4]
    assert seen[0] == {"limit": "2", "status": "pending"}
    assert seen[1]["after"] == "CURSORA" and seen[2]["after"] == "CURSORB"


def test_a_cursor_that_does_not_advance_stops_with_an_error() -> None:
    client = make_client(lambda r: httpx.Response(200, json=page([{"id": 1}], "SAME", True)))
    items = client.iter_export_items(JOB)
    with pytest.raises(PleoProtocolError, match="same page"):
        list(items)

    cycle = {None: page([1], "AAAA", True), "AAAA": page([2], "BBBB", True), "BBBB": page([3], "AAAA", True)}
    client = make_client(lambda r: httpx.Response(200, json=cycle[r.url.params.get("after")]))
    with pytest.raises(PleoProtocolError):
        list(client.iter_export_items(JOB))


def test_list_export_jobs_sends_repeated_statuses_and_sorts_oldest_first() -> None:
    seen = []
    jobs = [{"id": "b", "createdAt": "2026-08-02T10:00:00Z"}, {"id": "a", "createdAt": "2026-08-01T10:00:00Z"},
            {"id": "c", "createdAt": "2026-08-02T09:00:00.123Z"}]

    def handler(request):
        seen.append(request.url)
        return httpx.Response(200, json=page(jobs))

    client = make_client(handler)
    assert [j["id"] for j in client.list_export_jobs(["in_progress", "pending"])] == ["a", "c", "b"]
    assert seen[0].params.get_list("statuses") == ["in_progress", "pending"]
    assert seen[0].params["company_id"] == COMPANY
    with pytest.raises(ValueError):
        client.list_export_jobs(["queued"])


def test_update_job_items_chunks_by_100_and_collects_errors() -> None:
    bodies = []

    def handler(request):
        body = json.loads(request.content)
        bodies.append(body)
        return httpx.Response(200, json={"data": [], "errors": [
            {"accountingEntryId": body[0]["accountingEntryId"], "message": "x", "type": "Y"}]})

    client = make_client(handler)
    updates = [{"accountingEntryId": f"ae{i:06d}", "status": "successful", "externalId": None}
               for i in range(250)]
    errors = client.update_job_items(JOB, updates)
    assert [len(b) for b in bodies] == [100, 100, 50]
    assert "externalId" not in bodies[0][0]  # None values are left out
    assert [e["accountingEntryId"] for e in errors] == ["ae000000", "ae000100", "ae000200"]
    with pytest.raises(ValueError):
        client.update_job_items(JOB, [{"accountingEntryId": "x", "status": "done"}])


def test_job_event_body_uses_job_id_and_validates_values() -> None:
    bodies = []
    client = make_client(lambda r: bodies.append(json.loads(r.content)) or httpx.Response(202))
    client.job_event(JOB, "failed", failure_reason="Ledger offline", failure_reason_type="accounting_system_unreachable")
    assert bodies == [{"jobId": JOB, "event": "failed", "failureReason": "Ledger offline",
                       "failureReasonType": "accounting_system_unreachable"}]
    with pytest.raises(ValueError):
        client.job_event(JOB, "finished")
    with pytest.raises(ValueError):
        client.job_event(JOB, "failed", failure_reason_type="ledger_down")


def test_accounting_entry_search_body() -> None:
    from datetime import datetime, timezone
    seen = []

    def handler(request):
        seen.append(request)
        return httpx.Response(200, json=page([]))

    client = make_client(handler)
    list(client.search_accounting_entries(
        export_status=["QUEUED"], status="COMPLETED", settled=True, families=["CARD_PURCHASE"],
        bookkeeping_from=datetime(2026, 8, 1, tzinfo=timezone.utc),
        bookkeeping_to=datetime(2026, 9, 1, tzinfo=timezone.utc)))
    req = seen[0]
    assert req.method == "POST" and req.url.path == "/v1/accounting-entries:search"
    assert req.url.params["company_id"] == COMPANY and req.url.params["limit"] == "100"
    assert json.loads(req.content) == {
        "includeDeleted": False, "exportStatus": ["QUEUED"], "status": ["COMPLETED"],
        "families": ["CARD_PURCHASE"], "settled": True,
        "bookkeepingDateStart": "2026-08-01T00:00:00Z", "bookkeepingDateEnd": "2026-09-01T00:00:00Z"}


# ---------------------------------------------------------------------- downloads --------------
def file_host(content: bytes, *, status: int = 200, headers=None, seen=None):
    def handler(request):
        if seen is not None:
            seen.append(request)
        return httpx.Response(status, content=content, headers=headers)
    return handler


def test_download_streams_to_dest_with_size_and_sha_and_no_pleo_auth(tmp_path) -> None:
    seen = []
    content = b"%PDF-1.4 receipt" * 1000
    client = make_client(file_host(content, seen=seen))
    dest = tmp_path / "nested" / "r.pdf"
    size, sha = client.download("https://files.pleo.test/r.pdf?sig=abc", dest)
    assert (size, sha) == (len(content), hashlib.sha256(content).hexdigest())
    assert dest.read_bytes() == content
    assert "Authorization" not in seen[0].headers
    assert list(dest.parent.iterdir()) == [dest]


def test_download_too_large_keeps_nothing(tmp_path) -> None:
    content = b"x" * 5000
    folder = tmp_path / "receipts"
    folder.mkdir()
    dest = folder / "big.jpg"
    # Without Content-Length the limit is enforced while streaming.
    def stream_handler(request):
        return httpx.Response(200, stream=httpx.ByteStream(content))
    for handler in (file_host(content), stream_handler):
        client = make_client(handler)
        with pytest.raises(ReceiptTooLarge) as info:
            client.download("https://files.pleo.test/big.jpg", dest, max_bytes=1000)
        assert info.value.max_bytes == 1000
        assert str(info.value).startswith("The receipt is ") and "allowed, so it was not downloaded." in str(info.value)
        assert not dest.exists()
        assert list(folder.iterdir()) == []


def test_download_expired_link(tmp_path) -> None:
    client = make_client(file_host(b"<Error>Request has expired</Error>", status=403))
    folder = tmp_path / "receipts"
    with pytest.raises(ReceiptExpired) as info:
        client.download("https://files.pleo.test/r.pdf", folder / "r.pdf")
    assert "expired" in str(info.value)
    assert list(folder.iterdir()) == []


def test_download_replaces_an_existing_file_atomically(tmp_path) -> None:
    dest = tmp_path / "r.png"
    dest.write_bytes(b"old")
    client = make_client(file_host(b"new content"))
    client.download("https://files.pleo.test/r.png", dest)
    assert dest.read_bytes() == b"new content"


def test_download_refuses_non_http_links(tmp_path) -> None:
    client = make_client(file_host(b""))
    with pytest.raises(ValueError):
        client.download("file:///etc/passwd", tmp_path / "x")


# ---------------------------------------------------------------------- reconcile (unit) -------
def test_reconcile_refuses_more_than_five_dimensions_before_writing() -> None:
    calls = []
    client = make_client(lambda r: calls.append(r) or httpx.Response(500))
    dims = [(f"D{i}", f"Dim {i}", []) for i in range(6)]
    with pytest.raises(ReconcileError, match="at most 5 dimensions"):
        reconcile_master_data(client, [], [], dims)
    assert calls == []


def test_reconcile_refuses_duplicate_codes() -> None:
    client = make_client(lambda r: httpx.Response(500))
    with pytest.raises(ReconcileError, match="appears twice"):
        reconcile_master_data(client, [], [], [("Dept", "Department", [("a", "A"), ("A", "A again")])])
    with pytest.raises(ReconcileError):
        reconcile_master_data(client, [], [("T1", "x", Decimal("0.1"), "flat")], [])


# =======================================================================================
# Against the Pleo sandbox emulator
# =======================================================================================
from pleodesk.sandbox.server import SandboxConfig, start_sandbox  # noqa: E402


@pytest.fixture
def sb():
    sandbox = start_sandbox(SandboxConfig(seed=1, expenses_per_month=50, months=["2026-08"]))
    yield sandbox
    sandbox.stop()


class Counter:
    """httpx event hooks counting requests by (method, path)."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    @property
    def hooks(self):
        return {"request": [self.requests.append]}

    def count(self, method: str, suffix: str) -> int:
        return sum(1 for r in self.requests if r.method == method and r.url.path.endswith(suffix))


def sandbox_client(sb, **kwargs) -> PleoClient:
    kwargs.setdefault("sleep", Sleeps())
    kwargs.setdefault("api_key", sb.api_key)
    kwargs.setdefault("jitter", lambda: 0.5)
    return PleoClient(sb.pleo_url, company_id=sb.company_id, **kwargs)


def start_job(sb, client: PleoClient, n: int | None = None) -> dict:
    ids = sb.pleo.exportable_entry_ids()
    job = sb.pleo.create_job_as_user(ids if n is None else ids[:n])
    client.job_event(job["id"], "started")
    return job


def test_sandbox_pagination_walks_every_item(sb) -> None:
    counter = Counter()
    client = sandbox_client(sb, page_limit=7, event_hooks=counter.hooks)
    job = start_job(sb, client)
    n = job["numberOfItems"]
    assert n > 40 and sb.pleo.exportable_entry_ids() == []  # every QUEUED entry is in the job

    items = list(client.iter_job_items(job["id"]))
    assert len(items) == n and len({i["accountingEntryId"] for i in items}) == n
    assert counter.count("GET", f"/v3/export-jobs/{job['id']}/items") == -(-n // 7)

    exports = list(client.iter_export_items(job["id"]))
    assert [e["accountingEntryId"] for e in exports] == [i["accountingEntryId"] for i in items]

    entries = list(client.search_accounting_entries(limit=9))
    assert len(entries) == len(sb.pleo.entries) and len({e["id"] for e in entries}) == len(entries)
    assert counter.count("POST", "/v1/accounting-entries:search") == -(-len(entries) // 9)
    exporting = list(client.search_accounting_entries(export_status=["EXPORTING"]))
    assert {e["id"] for e in exporting} == {i["accountingEntryId"] for i in items}

    assert len(client.list_employees()) == len(sb.pleo.data.employees)
    assert [j["id"] for j in client.list_export_jobs(["in_progress"])] == [job["id"]]
    assert client.list_export_jobs(["pending"]) == []


def test_sandbox_item_updates_go_in_chunks_of_100() -> None:
    sandbox = start_sandbox(SandboxConfig(seed=2, expenses_per_month=130, months=["2026-08"]))
    try:
        counter = Counter()
        client = sandbox_client(sandbox, event_hooks=counter.hooks)
        job = start_job(sandbox, client)
        items = list(client.iter_job_items(job["id"]))
        assert len(items) > 100
        updates = [{"accountingEntryId": i["accountingEntryId"], "status": "successful",
                    "externalId": f"JE-{n}", "externalUrl": f"https://ledger.example/je/{n}"}
                   for n, i in enumerate(items)]
        stranger = "ae000000-0000-4000-8000-00000000beef"
        errors = client.update_job_items(job["id"], updates + [{"accountingEntryId": stranger, "status": "failed",
                                                                 "failureReasonType": "unexpected_failure"}])
        puts = [r for r in counter.requests if r.method == "PUT"]
        assert [len(json.loads(r.content)) for r in puts] == [100, len(items) - 99]
        assert [e["accountingEntryId"] for e in errors] == [stranger]
        assert {i["status"] for i in client.iter_job_items(job["id"])} == {"successful"}
        assert len(list(client.iter_job_items(job["id"], status="successful"))) == len(items)
        client.job_event(job["id"], "completed")
        assert client.get_export_job(job["id"])["status"] == "completed"
    finally:
        sandbox.stop()


def test_sandbox_429_is_retried_after_retry_after(sb) -> None:
    sleeps = Sleeps()
    client = sandbox_client(sb, sleep=sleeps)
    sb.faults.inject("/pleo/v3/export-jobs", "429", count=2)
    assert client.list_export_jobs(["pending"]) == []
    assert sleeps == [1, 1]  # the emulator's Retry-After

    sleeps.clear()
    sb.faults.inject("/pleo/v3/export-jobs", "429", count=9)
    with pytest.raises(PleoRateLimited) as info:
        client.list_export_jobs(["pending"])
    assert len(sleeps) == client.max_retries and info.value.retry_after == 1
    sb.faults.clear()


def test_sandbox_rate_limit_is_honoured_with_real_waits(sb) -> None:
    waited = []

    def sleep(seconds):
        waited.append(seconds)
        time.sleep(seconds)

    client = sandbox_client(sb, sleep=sleep)
    sb.faults.rate_limit(per_minute=3, time_scale=60, path_prefix="/pleo")  # 3 requests per real second
    for _ in range(5):
        client.get_company()
    assert waited and all(w >= 1 for w in waited)
    assert sb.faults.stats["rate_limited"] == len(waited)


def test_sandbox_503_is_retried_then_reported(sb) -> None:
    sleeps = Sleeps()
    client = sandbox_client(sb, sleep=sleeps, max_retries=3)
    sb.faults.inject("/pleo/v1/companies", "503", count=2)
    assert client.get_company()["id"] == sb.company_id
    assert sleeps == [0.375, 0.75]
    sb.faults.inject("/pleo/v1/companies", "503", count=4)
    with pytest.raises(PleoUnavailable) as info:
        client.get_company()
    assert str(info.value) == "Pleo is temporarily unavailable; try again in a few minutes."


def test_sandbox_dropped_connection_retried_for_reads_uncertain_for_job_creation(sb) -> None:
    client = sandbox_client(sb)
    job = sb.pleo.create_job_as_user(sb.pleo.exportable_entry_ids(limit=3))
    sb.faults.inject("/pleo/v3/export-jobs", "drop", count=1, method="GET")
    assert [j["id"] for j in client.list_export_jobs(["pending"])] == [job["id"]]
    sb.faults.inject("/pleo/v3/export-jobs", "drop", count=1, method="GET")
    assert client.get_export_job(job["id"])["status"] == "pending"

    sb.pleo.reset_exports()
    ids = sb.pleo.exportable_entry_ids(limit=3)
    sb.faults.inject("/pleo/v3/export-jobs", "drop", count=1, method="POST")
    with pytest.raises(PleoUncertain):
        client.create_export_job(ids)
    # The caller re-reads Pleo's state: this drop happened before Pleo made the job.
    assert client.list_export_jobs(["pending", "in_progress"]) == []
    created = client.create_export_job(ids)
    assert created["status"] == "pending" and created["numberOfItems"] == 3

    sb.faults.inject("/pleo/v3/export-job-events", "drop", count=1)
    with pytest.raises(PleoUncertain):
        client.job_event(created["id"], "started")
    assert client.get_export_job(created["id"])["status"] == "pending"
    client.job_event(created["id"], "started")

    # PUT is idempotent: a dropped item update is sent again.
    sb.faults.inject(f"/pleo/v3/export-jobs/{created['id']}/items", "drop", count=1, method="PUT")
    assert client.update_job_items(created["id"], [{"accountingEntryId": i, "status": "successful"} for i in ids]) == []


def test_sandbox_timeouts(sb) -> None:
    client = sandbox_client(sb, timeout=0.5)
    sb.faults.timeout_seconds = 1.5
    sb.faults.inject("/pleo/v1/introspect", "timeout", count=1)
    assert client.introspect()["authMethod"] == "API_KEY"
    ids = sb.pleo.exportable_entry_ids(limit=2)
    sb.faults.inject("/pleo/v3/export-jobs", "timeout", count=1, method="POST")
    with pytest.raises(PleoUncertain):
        client.create_export_job(ids)


def test_unreachable_host_is_unavailable_and_creates_are_retried(sb) -> None:
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens here: the connection is refused before anything is sent
    sleeps = Sleeps()
    client = PleoClient(f"http://127.0.0.1:{port}/pleo", api_key="k", company_id=sb.company_id, sleep=sleeps,
                        max_retries=2)
    with pytest.raises(PleoUnavailable):
        client.create_export_job(["ae000000-0000-4000-8000-000000000001"])
    assert len(sleeps) == 2


def test_sandbox_refused_key_is_a_plain_auth_error(sb) -> None:
    with pytest.raises(PleoAuthError) as info:
        sandbox_client(sb, api_key="not-the-key").introspect()
    assert str(info.value) == AUTH_MESSAGE and info.value.status == 401
    client = sandbox_client(sb)
    assert client.introspect()
    sb.pleo.revoke_api_key()
    with pytest.raises(PleoAuthError) as info:
        client.list_export_jobs(["pending"])
    assert str(info.value) == AUTH_MESSAGE
    sb.pleo.restore_api_key()
    assert client.list_export_jobs(["pending"]) == []


def test_sandbox_documented_errors(sb) -> None:
    client = sandbox_client(sb)
    ids = sb.pleo.exportable_entry_ids()
    job = client.create_export_job(ids[:5])
    with pytest.raises(PleoConflict) as conflict:
        client.create_export_job(ids[5:10])
    assert conflict.value.type == "EXPORT_ALREADY_IN_PROGRESS"
    client.job_event(job["id"], "started")
    with pytest.raises(PleoUnprocessable) as bad_change:
        client.job_event(job["id"], "started")
    assert bad_change.value.type == "INVALID_EXPORT_JOB_STATUS_CHANGE"
    with pytest.raises(PleoTooLarge):
        client._call("PUT", f"/v3/export-jobs/{job['id']}/items",
                     body=[{"accountingEntryId": i, "status": "successful"} for i in ids[:5]] * 21)
    client.job_event(job["id"], "failed", failure_reason="The ledger is offline.",
                     failure_reason_type="accounting_system_unreachable")
    failed = client.get_export_job(job["id"])
    assert failed["status"] == "failed" and failed["failureReasonType"] == "accounting_system_unreachable"
    with pytest.raises(PleoUnprocessable) as finished:
        list(client.iter_export_items(job["id"]))
    assert finished.value.type == "EXPORT_JOB_STATUS_UNPROCESSABLE"
    with pytest.raises(PleoNotFound):
        client.get_export_job("ae000000-0000-4000-8000-00000000dead")
    sb.pleo.set_contra_accounts_missing(True)
    with pytest.raises(PleoBadRequest) as contra:
        client.create_export_job(ids[:2])
    assert contra.value.type == "MISSING_CONTRA_ACCOUNTS" and "Settings → Accounting" in str(contra.value)


# ---------------------------------------------------------------------- receipts (sandbox) ----
def receipt_files(sb, client: PleoClient) -> list[dict]:
    job = start_job(sb, client)
    return [f for item in client.iter_export_items(job["id"]) for f in item.get("files") or []]


def test_sandbox_receipt_download(sb, tmp_path) -> None:
    seen = []
    client = sandbox_client(sb, download_event_hooks={"request": [seen.append]})
    files = sorted(receipt_files(sb, client), key=lambda f: f["size"])
    small = files[0]
    dest = tmp_path / "receipts" / "small"
    size, sha = client.download(small["url"], dest)
    expected = httpx.get(small["url"]).content
    assert size == small["size"] == len(expected)
    assert sha == hashlib.sha256(expected).hexdigest() and dest.read_bytes() == expected
    assert "Authorization" not in seen[0].headers
    assert not small["url"].startswith(sb.pleo_url + "/")  # a file host URL, not under the API

    big = files[-1]
    assert big["size"] > 10 * 1024 * 1024
    with pytest.raises(ReceiptTooLarge):
        client.download(big["url"], tmp_path / "receipts" / "big", max_bytes=10 * 1024 * 1024)
    assert sorted(p.name for p in (tmp_path / "receipts").iterdir()) == ["small"]

    sb.pleo.advance(25 * 3600)  # links live 24 hours
    with pytest.raises(ReceiptExpired):
        client.download(small["url"], tmp_path / "receipts" / "again")
    assert not (tmp_path / "receipts" / "again").exists()


# ---------------------------------------------------------------------- reconcile (sandbox) ---
def desired_from_pleo(client: PleoClient):
    accounts = [(a["externalId"], a.get("code"), a["name"], True) for a in client.search_accounts()]
    taxes = [(t["code"], t["name"], Decimal(str(t["rate"])), t["type"]) for t in client.search_tax_codes()]
    dims = [(g["code"], g["name"], [(t["code"], t.get("name") or t["code"]) for t in client.list_tags(g["id"])])
            for g in client.list_tag_groups()]
    return accounts, taxes, dims


def test_sandbox_reconcile_is_idempotent(sb) -> None:
    counter = Counter()
    client = sandbox_client(sb, event_hooks=counter.hooks)
    accounts, taxes, dims = desired_from_pleo(client)

    # The unchanged chart changes nothing.
    assert reconcile_master_data(client, accounts, taxes, dims).changed == 0

    # The ledger changed: a renamed, a deactivated, a new and a deleted account; a new rate, a new
    # and a deleted tax code; a new dimension, a renamed value (with another case) and a deleted value.
    renamed, deactivated, deleted = accounts[0], accounts[1], accounts[2]
    accounts2 = [(renamed[0], renamed[1], renamed[2] + " (renamed)", True),
                 (deactivated[0], deactivated[1], deactivated[2], False)] + accounts[3:] + \
                [("GL-9999", "9999", "Brand new account", True)]
    taxes2 = [(taxes[0][0], taxes[0][1], taxes[0][2] + Decimal("0.01"), taxes[0][3])] + taxes[2:] + \
             [("ZERO", "Zero rated", Decimal("0"), "inclusive")]
    (g1, n1, tags1), (g2, n2, tags2) = dims
    dims2 = [(g1, n1, [(tags1[0][0].lower(), tags1[0][1] + " v2")] + tags1[1:-1]),
             (g2, n2, tags2),
             ("COSTCENTER", "Cost centre", [("CC-1", "North"), ("CC-2", "South")])]

    counter.requests.clear()
    first = reconcile_master_data(client, accounts2, taxes2, dims2)
    assert (first.accounts.created, first.accounts.updated, first.accounts.archived) == (1, 1, 2)
    assert (first.tax_codes.created, first.tax_codes.updated, first.tax_codes.archived) == (1, 1, 1)
    assert (first.tag_groups.created, first.tags.created, first.tags.updated, first.tags.archived) == (1, 2, 1, 1)
    assert first.changes and first.summary().startswith("Pleo's accounts")

    second = reconcile_master_data(client, accounts2, taxes2, dims2)
    assert (second.created, second.updated, second.archived) == (0, 0, 0)
    assert second.summary() == "Pleo's accounts, tax codes and tags were already up to date."

    by_ext = {a["externalId"]: a for a in client.search_accounts()}
    assert by_ext[deleted[0]]["archived"] and by_ext[deactivated[0]]["archived"]
    assert by_ext["GL-9999"]["name"] == "Brand new account" and not by_ext["GL-9999"]["archived"]
    assert by_ext[renamed[0]]["name"].endswith("(renamed)")
    tax_by_code = {t["code"]: t for t in client.search_tax_codes()}
    assert tax_by_code[taxes[1][0]]["archived"] and Decimal(str(tax_by_code["ZERO"]["rate"])) == 0
    group = {g["code"]: g for g in client.list_tag_groups()}[g1]
    tags = {t["code"]: t for t in client.list_tags(group["id"], include_archived=True)}
    assert tags[tags1[0][0].lower()]["name"].endswith("v2") and tags[tags1[-1][0]]["archived"]

    # What came back in the ledger is restored (unarchived), once.
    third = reconcile_master_data(client, accounts, taxes, dims)
    assert third.accounts.unarchived == 2 and third.tax_codes.unarchived == 1 and third.tags.unarchived == 1
    assert third.tag_groups.archived == 1  # COSTCENTER is gone from the ledger again
    assert reconcile_master_data(client, accounts, taxes, dims).changed == 0


def test_sandbox_reconcile_refuses_six_dimensions(sb) -> None:
    client = sandbox_client(sb)
    with pytest.raises(ReconcileError) as info:
        reconcile_master_data(client, [], [], [(f"D{i}", f"Dimension {i}", []) for i in range(6)])
    assert "at most 5 dimensions" in str(info.value)
    assert len(client.list_tag_groups()) == 2
