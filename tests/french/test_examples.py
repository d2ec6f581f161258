"""examples/pennylane.toml and examples/fec.toml, pointed at the sandbox's French demo company, are
accepted as they are and export a month."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from pleodesk.connections import make_provider
from pleodesk.sandbox.server import SandboxConfig, start_sandbox
from pleodesk.setup_file import apply_plan, check_plan, plan_from_dict
from pleodesk.storage import open_store

from tests.fec import fec_rules

from .helpers import engine

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def sandbox():
    sb = start_sandbox(SandboxConfig(months=["2026-08"], expenses_per_month=40, seed=9, country="FR"))
    yield sb
    sb.stop()


@pytest.mark.parametrize("name", ["pennylane", "fec"])
def test_the_example_works_unchanged_against_the_sandbox(sandbox, tmp_path, name):
    from pleodesk.providers.pennylane.client import reset_pacers

    reset_pacers()
    data = tomllib.loads((EXAMPLES / f"{name}.toml").read_text(encoding="utf-8"))
    data["pleo"].update(base_url=sandbox.pleo_url, company_id=sandbox.company_id)
    if name == "pennylane":
        data["pennylane"].update(sandbox_url=sandbox.url, rate_limits={"window": 0.1})
    else:
        data["fec"]["folder"] = str(tmp_path / "fec")
    plan = plan_from_dict(data, env={"PLEO_API_KEY": sandbox.api_key, "PENNYLANE_TOKEN": sandbox.pennylane.token},
                          where=f"{name}.toml")
    assert check_plan(plan, prepare=True) == []
    store = open_store()
    conn = apply_plan(store, plan)
    with make_provider(conn) as provider:
        result = engine(store, conn, provider).export_month("2026-08")
    assert result.exported > 30 and result.failed_count == 0, result.message
    if name == "fec":
        files = list((tmp_path / "fec").glob("*/*.txt"))
        assert len(files) == 1 and fec_rules.check(files[0])
    sandbox.pleo.reset_exports()
    store.close()
