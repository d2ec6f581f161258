"""Master data into Pleo: the ledger's accounts, tax codes and mapped dimensions, idempotently."""

from __future__ import annotations

from pleodesk.cli import EXIT_OK, main


def test_sync_mirrors_the_ledger_and_a_second_run_changes_nothing(demo, capsys):
    pleo = demo.sandbox.pleo
    assert main(["sync"]) == EXIT_OK
    first = capsys.readouterr().out
    active = {a["code"]: a for a in pleo.coa.values() if not a["archived"]}
    ledger_codes = {a["code"] for a in demo.conn.settings["chart"]["accounts"] if a["active"]}
    assert set(active) == ledger_codes
    # an account archived in the ledger is not created in Pleo
    assert not [a for a in pleo.coa.values() if a["code"] == "4999"]
    codes = {t["code"] for t in pleo.tax_codes.values() if not t["archived"]}
    assert codes == {"V21", "V9", "V0", "VRC21"}
    groups = {g["code"] for g in pleo.tag_groups.values() if not g["archived"]}
    assert groups == {"PROJECT", "DEPT"}
    # the mapped tags keep their Pleo codes
    project = next(g for g in pleo.tag_groups.values() if g["code"] == "PROJECT")
    tags = {t["code"] for t in pleo.tags.values() if t["groupId"] == project["id"] and not t["archived"]}
    assert tags == {"P-ATLAS", "P-BOREAS", "P-CERES", "P-DELTA", "P-EOS", "P-FENIX"}

    def snapshot():
        return ({k: dict(v) for k, v in pleo.coa.items()}, {k: dict(v) for k, v in pleo.tax_codes.items()},
                {k: dict(v) for k, v in pleo.tag_groups.items()}, {k: dict(v) for k, v in pleo.tags.items()})

    before = snapshot()
    assert main(["sync"]) == EXIT_OK
    second = capsys.readouterr().out
    assert first != second
    runs = [r for r in demo.store.list_runs(demo.conn.id) if r.kind == "sync"]
    assert [r.status for r in runs] == ["ok", "ok"]
    assert "already up to date" in second
    assert snapshot() == before, "a second sync changed Pleo's data"
