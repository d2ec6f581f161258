"""Reading Pleo's pages ahead: the order, the errors and an early stop are as without it, and the
next page is really fetched while the caller works on the current one."""

from __future__ import annotations

import threading

import httpx
import pytest

from pleodesk.providers.pleo import PleoClient, PleoError
from pleodesk.providers.readahead import read_ahead

WAIT = 10          # seconds a step may take before the test calls it stuck (never waited when it works)


def test_every_page_comes_in_order() -> None:
    pages = [[i, i + 1] for i in range(0, 200, 2)]
    assert list(read_ahead(iter(pages))) == pages


def test_the_next_page_is_fetched_while_the_caller_works_on_the_current_one() -> None:
    second_fetched = threading.Event()

    def pages():
        yield "first"
        yield "second"
        second_fetched.set()
        yield "third"

    it = read_ahead(pages())
    assert next(it) == "first"
    # The caller is still "working" on the first page: without reading ahead nothing would ask for
    # the second one until the caller does.
    assert second_fetched.wait(WAIT)
    assert list(it) == ["second", "third"]


def test_an_error_while_fetching_reaches_the_caller_after_the_pages_before_it() -> None:
    class Boom(Exception):
        pass

    def pages():
        yield 1
        yield 2
        raise Boom("page 3 failed")

    got = []
    with pytest.raises(Boom, match="page 3 failed"):
        for page in read_ahead(pages()):
            got.append(page)
    assert got == [1, 2]


def test_a_caller_that_stops_early_stops_the_fetching() -> None:
    asked = []
    threads_before = set(threading.enumerate())

    def pages():
        for i in range(1_000):
            asked.append(i)
            yield i

    it = read_ahead(pages(), depth=2, name="test-read-ahead")
    assert next(it) == 0
    it.close()
    worker = [t for t in threading.enumerate() if t not in threads_before and t.name == "test-read-ahead"]
    for t in worker:
        t.join(WAIT)
        assert not t.is_alive()
    # At most the pages that fit ahead (and the one being handed over) were fetched, not 1,000.
    assert len(asked) <= 4


def _client(handler) -> PleoClient:
    return PleoClient("https://external.pleo.io", api_key="k", company_id="c0", page_limit=2, max_retries=0,
                      sleep=lambda s: None, transport=httpx.MockTransport(handler))


def test_export_items_read_ahead_keep_pleos_order_and_errors() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        after = request.url.params.get("after")
        n = int(after[1:]) if after else 0
        if n == 6:
            return httpx.Response(403, json={"type": "FORBIDDEN", "message": "no access"})
        return httpx.Response(200, json={"data": [{"accountingEntryId": f"e{n}"}, {"accountingEntryId": f"e{n + 1}"}],
                                         "pagination": {"hasNextPage": True, "endCursor": f"c{n + 2}"}})

    got = []
    with pytest.raises(PleoError):
        for item in _client(handler).iter_export_items("job"):
            got.append(item["accountingEntryId"])
    assert got == ["e0", "e1", "e2", "e3", "e4", "e5"]


def test_export_items_are_read_one_engine_chunk_ahead_and_no_further() -> None:
    """While the engine works on its first chunk, the pages of the next 1,000 items come in (with two
    pages ahead it waited for eight of every ten), and reading stops there: memory stays bounded."""
    from pleodesk.core.engine import FETCH_CHUNK
    from pleodesk.providers.pleo import READ_AHEAD_ITEMS

    assert READ_AHEAD_ITEMS >= FETCH_CHUNK
    asked: list[int] = []
    settled = threading.Event()

    def handler(request: httpx.Request) -> httpx.Response:
        after = request.url.params.get("after")
        n = int(after[1:]) if after else 0
        asked.append(n)
        if len(asked) >= 2 + READ_AHEAD_ITEMS // 100:
            settled.set()
        return httpx.Response(200, json={"data": [{"accountingEntryId": f"e{n + i}"} for i in range(100)],
                                         "pagination": {"hasNextPage": True, "endCursor": f"c{n + 100}"}})

    client = PleoClient("https://external.pleo.io", api_key="k", company_id="c0", page_limit=100, max_retries=0,
                        sleep=lambda s: None, transport=httpx.MockTransport(handler))
    items = client.iter_export_items("job")
    try:
        assert next(items)["accountingEntryId"] == "e0"
        # The page in hand, the chunk's worth waiting (10 pages) and one more held by the reading thread.
        assert settled.wait(WAIT)
        threading.Event().wait(0.3)          # time for a page too many to be asked for, if it would be
        assert len(asked) == 2 + READ_AHEAD_ITEMS // 100
    finally:
        items.close()
