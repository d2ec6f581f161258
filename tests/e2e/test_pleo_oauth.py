"""Pleo with OAuth (authorisation code + PKCE): setup signs in, exports use refreshed tokens."""

from __future__ import annotations

import threading

import httpx

from pleodesk.cli import EXIT_FAILED, EXIT_HELD, EXIT_OK, main
from pleodesk.connections import make_pleo_client, pleo_token_store
from pleodesk.demo import demo_setup_dict
from pleodesk.sandbox.server import SandboxConfig, start_sandbox
from pleodesk.setup_file import apply_plan, check_plan, plan_from_dict, sign_in_to_pleo
from pleodesk.storage import open_store

from .conftest import MONTH


def _browser(url: str) -> None:
    # what a person's browser does: open the sign-in page, which (in the sandbox) approves at once
    threading.Thread(target=lambda: httpx.get(url, follow_redirects=True, timeout=30), daemon=True).start()


def test_setup_with_oauth_then_export(tmp_path, pleodesk_home, capsys):
    with start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=30, seed=4)) as sb:
        data = demo_setup_dict(sb.pleo_url, sb.company_id, tmp_path / "journal")
        del data["pleo"]["api_key_env"]
        data["pleo"]["oauth_client_id"] = sb.oauth_client_id
        data["pleo"]["auth_url"] = sb.pleo_auth_url
        plan = plan_from_dict(data, env={})
        assert check_plan(plan) == ["Pleo: sign in first (pleodesk opens the browser on Pleo's sign-in page)."]
        sign_in_to_pleo(plan, open_browser=_browser, timeout=30)
        assert check_plan(plan) == []
        store = open_store()
        conn = apply_plan(store, plan)
        assert "pleo-api-key" not in str(conn.settings)
        assert pleo_token_store(conn).load().refresh_token

        assert main(["export", "--month", MONTH]) in (EXIT_OK, EXIT_HELD)
        capsys.readouterr()
        assert store.counts_by_status(conn.id)["exported"] > 0

        # revoked by Pleo: the export fails with a plain message and books nothing more
        sb.pleo.revoke_all_tokens()
        client = make_pleo_client(store.get_connection(conn.id))
        assert client is not None
        before = store.counts_by_status(conn.id)
        assert main(["export", "--month", MONTH]) == EXIT_FAILED
        err = capsys.readouterr().err
        assert "Pleo" in err and "Traceback" not in err, err
        assert store.counts_by_status(conn.id) == before
