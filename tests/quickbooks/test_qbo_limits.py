"""Intuit's limits per company: 500 requests and 40 batch requests in any minute, 10 at once. pleodesk
paces itself under them (no 429 in a normal run), honours a 429 when another app used up the minute, and
repeats a request whose answer was lost with the same ``requestid``, so nothing is booked twice."""

from __future__ import annotations

import threading
import time
from types import SimpleNamespace

import pytest

from pleodesk.core.ledger import ContraRole
from pleodesk.providers.quickbooks import create_provider
from pleodesk.providers.quickbooks.client import QboUncertain

from qbo_testkit import SCALE, demo_entries


def _provider(connection, recorder, **limits):
    settings = {**connection.settings, "rate_limits": {"time_scale": SCALE, **limits}}
    return create_provider(SimpleNamespace(id=1, name="q", settings=settings), transport=recorder)


def test_requests_are_paced_under_the_minute_limit(qbo, connection, recorder):
    qbo.advance(61)                              # the sign-in's own request is out of the window
    qbo.per_minute = 20                          # a QuickBooks minute lasts 1 s here
    p = _provider(connection, recorder, per_minute=20)
    try:
        start = time.monotonic()
        for _ in range(45):
            p.client.get_json("preferences")
        elapsed = time.monotonic() - start
    finally:
        p.close()
    assert sum(qbo.demo.refused_429.values()) == 0
    assert elapsed >= 2 * 60 / SCALE * 0.95       # 45 calls at 20 a minute: two more windows


def test_batches_are_paced_and_concurrency_is_capped(qbo, connection, recorder):
    qbo.advance(61)
    qbo.batch_per_minute, qbo.concurrent, qbo.latency = 3, 2, 0.05 * SCALE
    p = _provider(connection, recorder, batch_per_minute=3, concurrent=2)
    errors: list[BaseException] = []

    def work():
        try:
            p.client.batch([{"bId": "1", "Query": "SELECT * FROM Class"}], str(threading.get_ident()) + str(time.time()))
            p.client.get_json("preferences")
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    try:
        threads = [threading.Thread(target=work) for _ in range(7)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
    finally:
        p.close()
    assert errors == [] and sum(qbo.demo.refused_429.values()) == 0
    assert qbo.demo.batch_calls == 7


def test_a_429_is_honoured_and_the_request_sent_again(qbo, provider):
    qbo.fail_next("/preferences", "429", count=3)
    assert provider.client.get_json("preferences")["Preferences"]["CurrencyPrefs"]["HomeCurrency"]["value"] == "EUR"
    assert provider.client.retries_429 == 3 and qbo.demo.refused_429["injected"] == 3


def test_another_app_using_the_minute_only_slows_the_export(qbo, connection, recorder):
    qbo.per_minute = 8                            # someone else's calls leave pleodesk 8 a minute
    p = _provider(connection, recorder)           # pleodesk believes it has 500
    try:
        for _ in range(20):
            p.client.get_json("preferences")
    finally:
        p.close()
    assert qbo.demo.refused_429["minute"] > 0     # told to wait, waited, went on


@pytest.mark.parametrize("mode", ["drop_after", "500"])
def test_a_lost_answer_is_asked_again_with_the_same_requestid(configured, sandbox, qbo, recorder, mode):
    entries = [e for e in demo_entries(sandbox, configured, kinds={"card_purchase"})
               if e.contra_role is ContraRole.WALLET][:5]
    if mode == "drop_after":
        qbo.fail_next("/batch", "drop_after", method="POST")       # booked, then the answer lost
    else:
        qbo.fail_next("/batch", "500", method="POST")              # refused before anything was done
    results = configured.send_batch(entries)
    assert all(r.ok for r in results)
    assert len(qbo.entities("Purchase")) == 5, "booked once, whatever happened to the answer"
    names = [v["DisplayName"] for v in qbo.demo.all("Vendor")]
    assert len(names) == len(set(names)), "no vendor twice either"
    sent: dict[bytes, set[str]] = {}
    for ex in recorder.calls("POST", "/batch"):
        sent.setdefault(ex.request.content, set()).add(dict(ex.request.url.params)["requestid"])
    repeated = [rids for body, rids in sent.items() if sum(1 for ex in recorder.calls("POST", "/batch")
                                                          if ex.request.content == body) == 2]
    assert len(repeated) == 1 and len(repeated[0]) == 1, "the same request again, with the same requestid"
    recorder.assert_valid()


def test_no_answer_at_all_leaves_the_outcome_unknown(configured, sandbox, qbo):
    wallet = [e for e in demo_entries(sandbox, configured, kinds={"card_purchase"}) if e.contra_role is ContraRole.WALLET]
    entries = next([a, b] for a in wallet for b in wallet if a is not b and a.payee == b.payee)
    configured.send_batch(entries[:1])                 # the vendor known, the chart loaded
    qbo.fail_next("/batch", "drop_after", method="POST", count=20)
    with pytest.raises(QboUncertain) as err:
        configured.send_batch(entries[1:])
    assert err.value.retryable and "looked it up" in err.value.fix
    # the engine's next run looks it up by reference: QuickBooks has it (booked on the first try)
    qbo.faults.clear()
    assert configured.find_by_reference(entries[1].reference) is not None
    assert len(qbo.entities("Purchase")) == 2
