"""The Odoo example setup file through the command line against the sandbox's Odoo emulator:
setup creates the accounts and journals, an export books the month in Odoo."""

from __future__ import annotations

from pathlib import Path

from pleodesk.cli import EXIT_HELD, EXIT_OK, main
from pleodesk.sandbox.odoo_emulator import OdooState
from pleodesk.sandbox.server import SandboxConfig, start_sandbox
from pleodesk.storage import open_store

from .conftest import MONTH

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "odoo.toml"


def test_odoo_example_setup_and_export(tmp_path, pleodesk_home, monkeypatch, capsys):
    with start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=40, seed=6)) as sb:
        text = EXAMPLE.read_text()
        text = text.replace('base_url = "https://external.pleo.io"', f'base_url = "{sb.pleo_url}"')
        text = text.replace('"00000000-0000-0000-0000-000000000000"', f'"{sb.company_id}"')
        text = text.replace('url = "https://mycompany.odoo.com"', f'url = "{sb.odoo_url}"')
        text = text.replace('database = "mycompany"', 'database = "pleodesk"')
        text = text.replace('login = "bookkeeper@example.com"', 'login = "admin"')
        setup = tmp_path / "odoo.toml"
        setup.write_text(text)
        monkeypatch.setenv("PLEO_API_KEY", sb.api_key)
        monkeypatch.setenv("ODOO_API_KEY", OdooState.ADMIN_KEY)
        moves_before = len(sb.odoo.moves())

        assert main(["setup", "--file", str(setup)]) == EXIT_OK, capsys.readouterr().err
        capsys.readouterr()
        conn = open_store().get_connection("Demo B.V. Odoo")
        assert conn.system == "odoo" and "api_key" not in str(conn.settings).lower().replace("api_key_env", "")

        rc = main(["export", "--month", MONTH])
        out = capsys.readouterr()
        assert rc in (EXIT_OK, EXIT_HELD), out.err + out.out
        counts = open_store().counts_by_status(conn.id)
        assert counts["exported"] > 20 and counts["failed"] == 0 and counts["sending"] == 0
        refs = {m.get("ref") for m in _moves(sb.odoo)}
        assert len(refs) >= counts["exported"]
        assert len(_moves(sb.odoo)) > moves_before

        # a second run books nothing new in Odoo
        n = len(_moves(sb.odoo))
        main(["export", "--month", MONTH])
        capsys.readouterr()
        assert len(_moves(sb.odoo)) == n


def _moves(state) -> list[dict]:
    return state.moves()
