"""pleodesk fec: the runs of an FEC connection, and a handed-over run written again only when asked."""

from __future__ import annotations

import hashlib
import json

from pleodesk.cli import EXIT_OK, EXIT_USAGE, main
from pleodesk.connections import make_provider
from pleodesk.sandbox import demo_fr
from pleodesk.sandbox.server import SandboxConfig, start_sandbox
from pleodesk.setup_file import apply_plan, check_plan
from pleodesk.storage import open_store

from .helpers import engine


def test_the_runs_are_listed_and_a_run_is_rewritten_only_when_asked(tmp_path, capsys):
    sb = start_sandbox(SandboxConfig(months=["2026-08"], expenses_per_month=20, seed=4, country="FR"))
    try:
        store = open_store()
        folder = tmp_path / "fec"
        plan = demo_fr.plan(sb, "fec", {"folder": str(folder), "siren": demo_fr.SIREN, "ledger": "inqom"})
        assert check_plan(plan, prepare=True) == []
        conn = apply_plan(store, plan)
        with make_provider(conn) as p:
            engine(store, conn, p).export_month("2026-08")
        fec = next(folder.glob("*/*FEC*.txt"))
        before = hashlib.sha256(fec.read_bytes()).hexdigest()
        assert main(["fec", "--json"]) == EXIT_OK
        runs = json.loads(capsys.readouterr().out)["runs"]
        assert [(r["run"], r["handed_over"]) for r in runs] == [(fec.parent.name, True)]
        assert runs[0]["entries"] > 10 and fec.name in runs[0]["files"]
        # The ledger choice changes to Sage 100: asked for, the run is written again with Sage's file too.
        store.update_connection(conn.id, settings={**conn.settings, "ledger": "sage100"}, replace_settings=True)
        assert main(["fec", "--rewrite", fec.parent.name]) == EXIT_OK
        out = capsys.readouterr().out
        assert "Written again" in out and "_sage.txt" in out
        assert hashlib.sha256(fec.read_bytes()).hexdigest() == before          # the same entries
        assert [p.name for p in fec.parent.glob("*.replaced-*")]
        assert main(["fec", "--rewrite", "9999_2026-01-01"]) == 1
        assert "no handed-over run 9999_2026-01-01" in capsys.readouterr().err
        store.close()
    finally:
        sb.stop()


def test_fec_refuses_another_system(pleodesk_home, capsys):
    store = open_store()
    store.add_connection("Books", "journal_file", settings={"folder": "/tmp/x"})
    store.close()
    assert main(["fec"]) == EXIT_USAGE
    assert "not FEC files" in capsys.readouterr().err
