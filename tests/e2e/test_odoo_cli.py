"""The Odoo example setup files through the command line against the sandbox's Odoo emulator (a fresh
Dutch company on Odoo 17 or 16): setup creates what the chart lacks and uses it, --check-only agrees
with saving and changes nothing, an ambiguous tax is refused, an export books the month and the bank
feed pushes each line once."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from pleodesk.cli import EXIT_HELD, EXIT_OK, EXIT_USAGE, main
from pleodesk.connections import make_pleo_client, make_provider
from pleodesk.core.feed import feed_covered_key, run_feed
from pleodesk.core.ledger import ContraRole
from pleodesk.sandbox.odoo_emulator import OdooState, mount_odoo
from pleodesk.sandbox.server import SandboxConfig, start_sandbox
from pleodesk.storage import open_store

from .conftest import MONTH

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def example(tmp_path, sb, monkeypatch, name: str = "odoo.toml", edit=None) -> Path:
    """The example file with only the values marked "yours" filled in for the sandbox."""
    text = (EXAMPLES / name).read_text()
    text = text.replace('base_url = "https://external.pleo.io"', f'base_url = "{sb.pleo_url}"')
    text = text.replace('"00000000-0000-0000-0000-000000000000"', f'"{sb.company_id}"')
    text = text.replace('url = "https://mycompany.odoo.com"', f'url = "{sb.odoo_url}"')
    text = text.replace('database = "mycompany"', 'database = "pleodesk"')
    text = text.replace('login = "bookkeeper@example.com"', 'login = "admin"')
    if edit:
        text = edit(text)
    path = tmp_path / name
    path.write_text(text)
    monkeypatch.setenv("PLEO_API_KEY", sb.api_key)
    monkeypatch.setenv("ODOO_API_KEY", OdooState.ADMIN_KEY)
    return path


def odoo_counts(odoo) -> dict[str, int]:
    return {m: len(odoo.records[m]) for m in ("account.account", "account.journal", "account.tax", "res.partner",
                                               "account.move")}


def test_odoo_example_setup_and_export(tmp_path, pleodesk_home, monkeypatch, capsys):
    """The Dutch example works unchanged on a fresh Odoo 17 Dutch company: Check without saving says it
    can be saved and creates nothing; saving creates the Pleo accounts, journals and the 0 % tax and the
    export books on them; a second export adds nothing."""
    with start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=40, seed=6)) as sb:
        sb.odoo = mount_odoo(sb, 17)          # a fresh database (the sandbox's own Odoo is the demo company's)
        setup = example(tmp_path, sb, monkeypatch)
        before = odoo_counts(sb.odoo)

        assert main(["setup", "--file", str(setup), "--check-only"]) == EXIT_OK, capsys.readouterr().err
        assert "can be saved" in capsys.readouterr().out
        assert odoo_counts(sb.odoo) == before                 # a check creates nothing in Odoo

        assert main(["setup", "--file", str(setup)]) == EXIT_OK, capsys.readouterr().err
        capsys.readouterr()
        conn = open_store().get_connection("Demo B.V. Odoo")
        assert conn.system == "odoo" and "api_key" not in str(conn.settings).lower().replace("api_key_env", "")
        odoo = sb.odoo
        assert odoo.account("119000")["name"] == "Pleo wallet" and odoo.account("169000")["account_type"] == \
            "liability_payable"
        assert {j["code"] for j in odoo.records["account.journal"].values()} >= {"PLEO", "PLEOB"}
        assert [t["name"] for t in odoo.records["account.tax"].values() if t["name"] == "0%"
                and t["type_tax_use"] == "purchase"] == ["0%"]
        # [accounts] was left out: the export books on the accounts the setup made
        mappings = open_store().load_mappings(conn.id)
        assert mappings.contra == {ContraRole.WALLET: "119000", ContraRole.OUT_OF_POCKET: "169100",
                                   ContraRole.EXTERNAL_REIMBURSEMENT: "169200", ContraRole.PAYABLE: "169000"}
        assert mappings.taxes == {"21%": "21% INC", "9%": "9% INC", "0%": "0%", "RC21": "21% R"}

        rc = main(["export", "--month", MONTH])
        out = capsys.readouterr()
        assert rc in (EXIT_OK, EXIT_HELD), out.err + out.out
        counts = open_store().counts_by_status(conn.id)
        assert counts["exported"] > 20 and counts["failed"] == 0 and counts["sending"] == 0
        moves = [m for m in odoo.moves() if m["ref"] and m["ref"].startswith("PLEO-")]
        assert len({m["ref"] for m in moves}) == counts["exported"]
        assert any(ln["account_code"] == "119000" for m in moves for ln in m["lines"])

        # a second run books nothing new in Odoo
        n = len(odoo.moves())
        main(["export", "--month", MONTH])
        capsys.readouterr()
        assert len(odoo.moves()) == n


def test_check_only_agrees_with_saving_for_accounts_pleodesk_will_create(tmp_path, pleodesk_home, monkeypatch,
                                                                         capsys):
    """A file that names the accounts pleodesk creates (119000...) passes --check-only before they exist."""
    def name_them(text: str) -> str:
        return text.replace("[categories]", '[odoo.accounts]\nwallet = "119000"\n\n[accounts]\nwallet = "119000"\n'
                                            'payable = "169000"\n\n[categories]', 1)

    with start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=5, seed=6)) as sb:
        setup = example(tmp_path, sb, monkeypatch, edit=name_them)
        with pytest.raises(KeyError):
            sb.odoo.account("119000")
        assert main(["setup", "--file", str(setup), "--check-only"]) == EXIT_OK, capsys.readouterr().err
        assert main(["setup", "--file", str(setup)]) == EXIT_OK, capsys.readouterr().err
        assert sb.odoo.account("119000")


def test_an_ambiguous_tax_is_refused_with_the_candidates_and_nothing_is_created(tmp_path, pleodesk_home,
                                                                               monkeypatch, capsys):
    with start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=5, seed=6)) as sb:
        setup = example(tmp_path, sb, monkeypatch, edit=lambda t: t.replace('"21%" = "21% INC"', '"21%" = "21% excl"'))
        before = odoo_counts(sb.odoo)
        assert main(["setup", "--file", str(setup)]) == EXIT_USAGE
        err = capsys.readouterr().err
        assert "[taxes] \"21%\": '21% excl' fits 4 of Odoo's purchase taxes" in err
        for name in ('"21%"', '"21% O"', '"21% S"', '"21% S O"'):
            assert name in err
        assert odoo_counts(sb.odoo) == before                 # nothing made in Odoo for a file that is wrong
        assert open_store().get_connection("Demo B.V. Odoo") is None


def test_the_dutch_example_on_odoo_16_names_what_does_not_fit(tmp_path, pleodesk_home, monkeypatch, capsys):
    """On 16 the taxes have other (Dutch) names: the check says which, and how to name them."""
    with start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=5, seed=6, odoo_version=16)) as sb:
        setup = example(tmp_path, sb, monkeypatch)
        assert main(["setup", "--file", str(setup), "--check-only"]) == EXIT_USAGE
        err = capsys.readouterr().err
        assert "[taxes] \"RC21\": '21% R' is not the name of one of Odoo's purchase taxes" in err
        assert "[taxes] \"0%\"" not in err                      # the 0% tax it would create is found


def test_bank_feed_on_community(tmp_path, pleodesk_home, monkeypatch, capsys):
    """The demo company's Odoo has a bank journal for the Pleo wallet: with it the feed pushes the month's
    settled payments as statement lines, each once (Community has no unique_import_id)."""
    def feed_on(text: str) -> str:
        return text.replace('# bank_journal = "PLEO1"', 'bank_journal = "PLEO1"').replace(
            "bank_feed = false", "bank_feed = true")

    with start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=30, seed=6)) as sb:
        setup = example(tmp_path, sb, monkeypatch, edit=feed_on)
        assert main(["setup", "--file", str(setup)]) == EXIT_OK, capsys.readouterr().err
        conn = open_store().get_connection("Demo B.V. Odoo")
        journal = next(j for j in sb.odoo.records["account.journal"].values() if j["code"] == "PLEO1")
        # the wallet is the Pleo bank journal's account: expenses and statement lines meet on it
        assert open_store().load_mappings(conn.id).contra[ContraRole.WALLET] == \
            sb.odoo.account_code(journal["default_account_id"])
        # the feed as the app runs it at 08:00 UTC, the day after the month (the command runs it "now")
        store = open_store()
        conn = store.get_connection(conn.id)
        now = datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc)
        first = run_feed(store, conn, make_pleo_client(conn), make_provider(conn), now=now)
        lines = sb.odoo.statement_lines()
        assert first.pushed == len(lines) > 5 and first.status == "ok", first
        assert {ln["journal_id"] for ln in lines} == {journal["id"]}
        refs = [sb.odoo.records["account.move"][ln["move_id"]]["ref"] for ln in lines]
        assert all(r.startswith("pleo-") for r in refs) and len(refs) == len(set(refs))
        # forgetting what was pushed (a new computer, say): Odoo is asked, and nothing goes in twice
        store.set_schedule_state(feed_covered_key(conn.id), last_run_at=None)
        again = run_feed(store, conn, make_pleo_client(conn), make_provider(conn), now=now)
        assert len(sb.odoo.statement_lines()) == len(lines) and again.pushed == 0


def test_the_dry_run_holds_what_the_export_holds(tmp_path, pleodesk_home, monkeypatch, capsys):
    """Taxes, tags and counter accounts are checked by the preview as by the export: a Pleo tax code
    without an Odoo tax, tags without an analytic account and out-of-pocket expenses without their
    counter account are held by both, the same expenses."""
    import json

    def half_mapped(text: str) -> str:
        text = text.replace('"0%" = "0%"', '# "0%" not mapped')
        return text.replace('[options]', '[tag_groups]\nPROJECT = "Projects"\n\n[tags.PROJECT]\n'
                                          '"P-ATLAS" = "Project Alpha"\n\n[options]')

    with start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=60, seed=6)) as sb:
        setup = example(tmp_path, sb, monkeypatch, edit=half_mapped)
        assert main(["setup", "--file", str(setup)]) == EXIT_OK, capsys.readouterr().err
        capsys.readouterr()
        store = open_store()
        conn = store.get_connection("Demo B.V. Odoo")
        m = store.load_mappings(conn.id)
        del m.contra[ContraRole.OUT_OF_POCKET]
        store.save_mappings(conn.id, m)
        assert main(["export", "--month", MONTH, "--dry-run", "--json"]) == EXIT_OK
        preview = json.loads(capsys.readouterr().out)
        reasons = preview["would_hold"]
        assert any(r.startswith("tax code 0%: not mapped") for r in reasons), reasons
        assert any(r.startswith("tag P-") and "no Projects value" in r for r in reasons), reasons
        assert preview["would_hold_kinds"]["tax code 0%: not mapped to a ledger tax code"] == [
            "tax_unmapped", "0%"]
        assert any(r.startswith("no ") and "chosen" in r for r in reasons), reasons     # out-of-pocket account
        main(["export", "--month", MONTH])
        capsys.readouterr()
        conn = open_store().get_connection("Demo B.V. Odoo")
        held = open_store().records_with_status(conn.id, "held")
        assert preview["would_hold_total"] == len(held) > 5


def test_a_setup_odoo_refuses_is_one_clear_line_and_creates_nothing(tmp_path, pleodesk_home, monkeypatch, capsys):
    """An account of the wrong type for accounts payable: said in plain words, before anything is made."""
    with start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=5, seed=6)) as sb:
        setup = example(tmp_path, sb, monkeypatch,
                        edit=lambda t: t.replace("[categories]", '[odoo.accounts]\npayable = "431000"\n\n[categories]', 1))
        before = odoo_counts(sb.odoo)
        assert main(["setup", "--file", str(setup)]) == EXIT_USAGE
        err = capsys.readouterr().err
        assert "Account 431000" in err and "is not of the type Payable" in err and "Traceback" not in err
        assert odoo_counts(sb.odoo) == before
