"""Transient errors are tried again within the run, against the sandbox with injected faults: a single
server error on a Pleo read, a 429 from Odoo with Retry-After, a service that keeps failing, and writes
whose outcome is unknown, which are never sent blindly a second time."""

from __future__ import annotations

import pytest

from pleodesk.cli import EXIT_FAILED, EXIT_HELD, EXIT_OK, main
from pleodesk.core.engine import ledger_message
from pleodesk.core.ledger import reference_for
from pleodesk.providers.base import LedgerError
from pleodesk.providers.odoo.rpc import OdooRpc
from pleodesk.providers.pleo import PleoClient
from pleodesk.sandbox.odoo_emulator import mount_odoo

from .conftest import MONTH, is_uncategorised, read_journal


@pytest.fixture
def waits(monkeypatch):
    """Every Pleo client the commands make records its waits instead of sleeping."""
    recorded: list[float] = []
    real_init = PleoClient.__init__

    def init(self, *args, **kwargs):
        kwargs.setdefault("sleep", recorded.append)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(PleoClient, "__init__", init)
    return recorded


def test_a_single_500_on_a_pleo_read_is_retried_and_the_export_completes(demo, waits, capsys):
    sb = demo.sandbox
    exportable = sb.pleo.exportable_entry_ids(MONTH)
    sb.faults.inject("/pleo/v3/export-items", "500", count=1, method="GET")

    code = main(["export", "--month", MONTH])

    out, err = capsys.readouterr()
    assert code in (EXIT_OK, EXIT_HELD), err
    assert sb.faults.stats["injected_500"] == 1 and sb.faults.pending_injections() == 0
    assert len(waits) == 1
    (job,) = sb.pleo.jobs
    assert job["status"] in ("completed", "completed_with_errors")
    booked = {e for e in exportable if not is_uncategorised(sb, e)}
    blocks = read_journal(demo.journal)
    assert set(blocks) == {reference_for(e) for e in booked}
    assert all(len(b) == 1 for b in blocks.values())


def test_pleo_failing_all_run_long_ends_with_one_line_naming_pleo(demo, waits, capsys):
    sb = demo.sandbox
    sb.faults.inject("/pleo/v3/export-items", "500", count=1000, method="GET")

    code = main(["export", "--month", MONTH])

    out, err = capsys.readouterr()
    assert code == EXIT_FAILED
    lines = [ln for ln in err.splitlines() if not ln.startswith("[")]     # progress lines start with [phase]
    assert lines == ["Pleo: Pleo had an internal error (HTTP 500); try again later."]
    assert "Traceback" not in err
    assert len(waits) == 5, "tried six times in all"
    assert read_journal(demo.journal) == {}

    sb.faults.clear()
    assert main(["queue"]) in (EXIT_OK, EXIT_HELD)       # the next run picks the job up where it stopped
    capsys.readouterr()
    assert {j["status"] for j in sb.pleo.jobs} <= {"completed", "completed_with_errors"}


# ------------------------------------------------------------------------------------- Odoo ---------
@pytest.fixture
def odoo_rpc(tmp_path):
    from pleodesk.sandbox.server import SandboxConfig, start_sandbox

    sb = start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=1, seed=3))
    odoo = mount_odoo(sb, 17)
    sleeps: list[float] = []
    rpc = OdooRpc(sb.odoo_url, odoo.database, "admin", odoo.ADMIN_KEY, sleep=sleeps.append, jitter=lambda: 0.5)
    rpc.authenticate()
    yield sb, odoo, rpc, sleeps
    rpc.close()
    sb.stop()


def _partners(rpc, name):
    return rpc.execute("res.partner", "search_read", [["name", "=", name]], fields=["name"])


def test_an_odoo_429_is_waited_out_as_retry_after_says_even_for_a_create(odoo_rpc):
    sb, odoo, rpc, sleeps = odoo_rpc
    sb.faults.inject("/odoo/jsonrpc", "429", count=1, retry_after=7)
    assert rpc.call("common", "version", safe=True)["server_version_info"][0] == 17
    assert sleeps == [7.0], "Odoo's Retry-After, not pleodesk's own backoff"

    sleeps.clear()
    sb.faults.inject("/odoo/jsonrpc", "429", count=1, retry_after=3)
    sb.faults.inject("/odoo/jsonrpc", "429", count=1, retry_after=11)
    rpc.execute("res.partner", "create", [{"name": "Rate Limited Supplier"}])
    assert sleeps == [3.0, 11.0]
    # A 429 means Odoo took nothing, so sending the create again made exactly one partner.
    assert len(_partners(rpc, "Rate Limited Supplier")) == 1


def test_an_odoo_500_is_retried_for_a_read_but_a_create_is_never_sent_twice(odoo_rpc):
    sb, odoo, rpc, sleeps = odoo_rpc
    sb.faults.inject("/odoo/jsonrpc", "500", count=1)
    assert _partners(rpc, "Nobody") == []
    assert len(sleeps) == 1

    sb.faults.inject("/odoo/jsonrpc", "500", count=2)
    with pytest.raises(LedgerError) as info:
        rpc.execute("res.partner", "create", [{"name": "Maybe Created"}])
    assert sb.faults.pending_injections() == 1, "the create went out once"
    assert info.value.retryable and "Odoo had a server error (HTTP 500)" in info.value.title
    sb.faults.clear()
    for kind in ("timeout", "drop"):
        sb.faults.timeout_seconds = 1.0
        rpc._http.timeout = __import__("httpx").Timeout(0.5)
        sb.faults.inject("/odoo/jsonrpc", kind, count=2)
        with pytest.raises(LedgerError):
            rpc.execute("res.partner", "create", [{"name": "Maybe Created"}])
        assert sb.faults.pending_injections() == 1, f"a create whose answer was lost ({kind}) went out once"
        sb.faults.clear()
    assert _partners(rpc, "Maybe Created") == []


def test_odoo_failing_all_run_long_ends_with_one_line_naming_odoo(odoo_rpc):
    sb, odoo, rpc, sleeps = odoo_rpc
    sb.faults.inject("/odoo/jsonrpc", "503", count=100)
    with pytest.raises(LedgerError) as info:
        _partners(rpc, "Nobody")
    assert len(sleeps) == rpc.max_retries
    line = ledger_message(info.value)
    assert line.startswith("Odoo had a server error (HTTP 503).") and "try again later" in line.lower()
    assert "\n" not in line


def test_an_odoo_retry_after_longer_than_the_budget_is_not_slept_through(odoo_rpc):
    sb, odoo, rpc, sleeps = odoo_rpc
    rpc.max_retry_after = 0.5                     # the sandbox asks for 1 s
    sb.faults.inject("/odoo/jsonrpc", "429", count=1)
    with pytest.raises(LedgerError) as info:
        _partners(rpc, "Nobody")
    assert sleeps == [] and info.value.reason_type == "accounting_system_rate_limit"
    assert "Odoo" in info.value.title
