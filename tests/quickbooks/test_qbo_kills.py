"""``pleodesk export`` into QuickBooks is killed (SIGKILL) at random moments and started again: in the end
every expense is in QuickBooks exactly once, with its receipts once, and Pleo agrees."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from pleodesk.providers.quickbooks import wire
from pleodesk.sandbox.qbo_emulator import SANDBOX_CLIENT_ID, QboState, mount_qbo
from pleodesk.sandbox.server import SandboxConfig, start_sandbox
from pleodesk.storage import open_store

from qbo_testkit import SCALE, free_port
from test_qbo_engine_e2e import ledger, setup

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]
MONTH = "2026-09"
KILLS = 20


@pytest.mark.slow
@pytest.mark.timeout(900)        # 20 starts of the app and a month of receipts: minutes on a busy machine
def test_sigkill_at_random_moments_books_each_expense_once(tmp_path, pleodesk_home, monkeypatch):
    import keyring
    from keyring_file import FileKeyring

    keyring.set_keyring(FileKeyring(tmp_path / "keyring.json"))
    sb = start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=900, seed=12, country="FR"))
    qbo = mount_qbo(sb, QboState(time_scale=SCALE, batch_latency=0.3 * SCALE))    # a batch takes 0.3 s: kills land in it
    port = free_port()
    qbo.clients[SANDBOX_CLIENT_ID].redirect_uris.add(f"http://localhost:{port}/callback")
    monkeypatch.setenv("PLEODESK_QBO_REDIRECT_URI", f"http://localhost:{port}/callback")
    try:
        store = open_store()
        conn = setup(sb, store, port, name="Kills – QuickBooks")
        store.close()
        env = {**os.environ, "PLEODESK_HOME": str(pleodesk_home), "PYTHON_KEYRING_BACKEND": "keyring_file.FileKeyring",
               "PLEODESK_TEST_KEYRING": str(tmp_path / "keyring.json"),
               "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
        exportable = sb.pleo.exportable_entry_ids(MONTH)
        rng = random.Random(20261206)
        kills = 0
        attempts = 0
        child = {**env, "PYTHONUNBUFFERED": "1"}
        while kills < KILLS and attempts < KILLS * 4:
            attempts += 1
            proc = subprocess.Popen([sys.executable, "-m", "pleodesk", "export", "--month", MONTH], env=child,
                                    cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            # Where to kill: the first few while the app starts and reads Pleo, then in the middle of the
            # receipts' download or of a batch and its uploads, a random moment after the progress line.
            finished = False
            if kills < 3:
                time.sleep(rng.uniform(0.5, 3.0))
            else:
                phase = rng.choice(["[receipts]", "[sending]"])
                after = rng.randint(0, 2) if phase == "[receipts]" else 0
                seen = 0
                for line in proc.stderr:
                    if "[done]" in line:
                        finished = True
                        break
                    # A run that has few receipts left to fetch goes on to sending before the chosen line:
                    # it is killed in its first batch then, never let run to its end.
                    passed = phase == "[receipts]" and "[sending]" in line
                    if phase in line or passed:
                        if seen >= after or passed:
                            time.sleep(rng.uniform(0.0, 0.3))        # inside the next batch (0.3 s)
                            break
                        seen += 1
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                kills += not finished          # a kill after the run's last line is no kill mid-export
            proc.wait()
            proc.stderr.close()
        assert kills >= KILLS, f"only {kills} kills landed"

        # Run until a run finishes cleanly and every receipt owed is attached.
        for _ in range(6):
            done = subprocess.run([sys.executable, "-m", "pleodesk", "export", "--month", MONTH], env=env, cwd=ROOT,
                                  capture_output=True, text=True, timeout=600)
            store = open_store()
            owed = [r for r in store.records_with_status(conn.id, "exported") if r.receipts_status in ("failed", "pending")]
            store.close()
            if done.returncode in (0, 3) and not owed:
                break
        assert done.returncode in (0, 3), done.stderr[-2000:]

        books = ledger(qbo)                                   # fails on any DocNumber booked twice
        store = open_store()
        records = store.get_records(conn.id)
        assert set(records) == set(exportable), "every expense was taken"
        exported = {eid for eid, r in records.items() if r.status == "exported"}
        held = {eid for eid, r in records.items() if r.status == "held"}
        assert exported | held == set(exportable) and len(held) < len(exportable) / 20, \
            {r.status for r in records.values()}
        assert set(books) == {wire.doc_number(f"PLEO-{e}") for e in exported}, "in QuickBooks once, nothing else"
        assert store.counts_by_status(conn.id)["sending"] == 0
        settled = [a for a in store.list_audit(100_000, conn.id) if a.action == "settled_after_crash"]
        assert settled, "no kill landed while a batch was being sent"
        by_txn: dict[str, list[tuple[str, int]]] = {}
        for a in qbo.entities("Attachable"):
            by_txn.setdefault(a["AttachableRef"][0]["EntityRef"]["value"], []).append((a["FileName"], a["Size"]))
        assert all(len(v) == len(set(v)) for v in by_txn.values()), "no receipt attached twice"
        for eid in exported:
            rec = records[eid]
            files = sb.pleo.export_item(eid).get("files") or []
            kind, txn = books[wire.doc_number(rec.reference)]
            if kind != "Transfer":
                assert len(by_txn.get(txn["Id"], [])) == len(files), f"receipts of {eid}"
        assert not [j for j in sb.pleo.jobs if j["status"] in ("pending", "in_progress")]
        for eid in exportable:
            assert sb.pleo.entry(eid).export_status == ("QUEUED" if eid in held else "EXPORTED"), eid
        store.close()
    finally:
        sb.stop()
