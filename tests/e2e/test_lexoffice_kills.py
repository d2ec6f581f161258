"""Exports into Lexware Office killed (SIGKILL) at random moments and restarted: in the end every
exportable expense is one voucher in the Lexware Office emulator (none twice, none lost), the
reimbursements are in none, and Pleo's items agree. lexoffice has no idempotency key: what a killed
run may have booked is found again by its voucher number before anything is sent again."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time

import pytest

from pleodesk.core.ledger import reference_for
from pleodesk.demo import lexoffice_demo_plan
from pleodesk.sandbox.lexoffice_emulator import LexofficeState, mount_lexoffice
from pleodesk.sandbox.server import SandboxConfig, start_sandbox
from pleodesk.setup_file import apply_plan
from pleodesk.storage import open_store

from .conftest import ROOT, child_env

MONTH = "2026-09"
KILLS = 20
SCALE = 10.0                      # lexoffice's 2 calls a second become 20: a run lasts long enough to kill
NOT_EXPORTED = {"out_of_pocket", "mileage", "per_diem", "direct_reimbursement", "external_reimbursement",
                "wallet_topup", "wallet_unload"}


@pytest.mark.slow
@pytest.mark.timeout(900)        # 20 starts of the app and the runs after them: minutes on a busy machine
def test_sigkill_at_random_moments_books_each_expense_once_in_lexware_office(tmp_path, pleodesk_home, file_keyring):
    sb = start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=300, seed=13, country="DE"))
    lex = mount_lexoffice(sb, LexofficeState(time_scale=SCALE))
    try:
        store = open_store()
        conn = apply_plan(store, lexoffice_demo_plan(sb, time_scale=SCALE))
        store.close()
        env = child_env(pleodesk_home, file_keyring)
        exportable = sb.pleo.exportable_entry_ids(MONTH)
        kinds = {e: sb.pleo.export_item(e)["type"] for e in exportable}
        uncategorised = {e for e in exportable if kinds[e] not in NOT_EXPORTED and not all(
            ln.get("account") for ln in sb.pleo.export_item(e)["accountingEntryLines"])}
        booked = {e for e in exportable if kinds[e] not in NOT_EXPORTED} - uncategorised
        rng = random.Random(20261206)
        kills = 0
        landed_in: set[str] = set()
        for _ in range(KILLS * 3):
            if kills >= KILLS:
                break
            before = len(lex.requests)
            proc = subprocess.Popen([sys.executable, "-m", "pleodesk", "export", "--month", MONTH], env=env,
                                    cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # Where to kill: the first few while the app starts and reads Pleo; then after a random number of
            # this run's calls to Lexware Office (the profile and categories first, then vouchers and their
            # receipts), inside a call or between two. Counted in calls, not seconds, so the kills land while
            # there is work left however fast or busy the machine is.
            if kills < 3:
                time.sleep(rng.uniform(0.5, 3.0))
            else:
                target = before + rng.randint(1, 16)
                deadline = time.monotonic() + 120
                while len(lex.requests) < target and proc.poll() is None and time.monotonic() < deadline:
                    time.sleep(0.005)
                time.sleep(rng.uniform(0.0, 0.06))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                kills += 1
                last = lex.requests[-1][1] if len(lex.requests) > before else "before lexoffice"
                landed_in.add("files" if last.endswith("/files") else last.split("/v1/")[-1].split("/")[0])
        assert kills >= KILLS, f"only {kills} kills landed"
        assert {"vouchers", "files"} <= landed_in, landed_in        # kills came while booking and uploading

        for _ in range(5):
            done = subprocess.run([sys.executable, "-m", "pleodesk", "export", "--month", MONTH], env=env, cwd=ROOT,
                                  capture_output=True, text=True, timeout=600)
            if done.returncode in (0, 3):
                break
        assert done.returncode in (0, 3), done.stdout + done.stderr

        by_number = lex.vouchers_by_number()
        duplicates = [n for n, vs in by_number.items() if len(vs) != 1]
        assert duplicates == [], f"booked more than once: {duplicates}"
        assert set(by_number) == {reference_for(e) for e in booked}, "every exportable expense, and nothing else"
        assert lex.calls("POST", "/v1/files") == 0

        store = open_store()
        records = store.get_records(conn.id)
        assert {records[e].status for e in booked} == {"exported"}
        assert {records[e].ledger_id for e in booked} == {vs[0]["id"] for vs in by_number.values()}
        assert store.counts_by_status(conn.id)["sending"] == 0
        assert not [j for j in sb.pleo.jobs if j["status"] in ("pending", "in_progress")]
        for e in booked:
            assert sb.pleo.entry(e).export_status == "EXPORTED", e
        # Receipts of booked expenses reach their voucher, once each, whatever the kills interrupted.
        for e in booked:
            vid = records[e].ledger_id
            shas = [f["sha256"] for f in lex.files_of(vid)]
            assert len(shas) == len(set(shas)), e
        store.close()
    finally:
        sb.stop()
