"""End-to-end fixtures: the sandbox over real HTTP, a demo connection to a journal file, and the
``pleodesk`` command run in-process or as a child process."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import keyring
import pytest

from pleodesk.demo import demo_plan
from pleodesk.sandbox.server import SandboxConfig, start_sandbox
from pleodesk.setup_file import apply_plan, check_plan
from pleodesk.storage import open_store

ROOT = Path(__file__).resolve().parents[2]
MONTH = "2026-08"


@dataclass
class Demo:
    sandbox: object
    store: object
    conn: object
    folder: Path
    home: Path

    @property
    def journal(self) -> Path:
        return self.folder / "journal.csv"


def read_journal(path: Path) -> dict[str, list[list[dict]]]:
    """reference -> list of entry blocks (each a list of rows). A reference with two blocks is a duplicate."""
    blocks: dict[str, list[list[dict]]] = defaultdict(list)
    if not path.exists():
        return {}
    with path.open(newline="", encoding="utf-8") as fh:
        current: list[dict] = []
        for row in csv.DictReader(fh):
            if row["entry_line"] == "1":
                current = []
                blocks[row["reference"]].append(current)
            current.append(row)
    return dict(blocks)


def block_balance(block: list[dict]) -> Decimal:
    return sum((Decimal(r["debit"]) - Decimal(r["credit"]) for r in block), Decimal(0))


@pytest.fixture
def demo(tmp_path, pleodesk_home):
    sb = start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=60, seed=3))
    store = open_store()
    folder = tmp_path / "journal"
    plan = demo_plan(sb, folder)
    assert check_plan(plan) == []
    conn = apply_plan(store, plan)
    yield Demo(sb, store, conn, folder, pleodesk_home)
    sb.stop()
    store.close()


@pytest.fixture
def file_keyring(tmp_path):
    """Secrets in a file, so a child ``pleodesk`` process sees what the test stored."""
    sys.path.insert(0, str(ROOT / "tests"))
    from keyring_file import FileKeyring

    path = tmp_path / "keyring.json"
    kr = FileKeyring(path)
    keyring.set_keyring(kr)
    yield path
    sys.path.remove(str(ROOT / "tests"))


def child_env(home: Path, keyring_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "PLEODESK_HOME": str(home),
        "PYTHON_KEYRING_BACKEND": "keyring_file.FileKeyring",
        "PLEODESK_TEST_KEYRING": str(keyring_path),
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")]),
    })
    return env


def run_child(args: list[str], env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pleodesk", *args], env=env, capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT)


REIMBURSEMENT_TYPES = {"direct_reimbursement", "external_reimbursement"}


def is_uncategorised(sb, eid) -> bool:
    """An expense the demo mappings hold: a line with no category (reimbursement payouts excepted,
    they are booked on the out-of-pocket account)."""
    item = sb.pleo.export_item(eid)
    if item["type"] in REIMBURSEMENT_TYPES:
        return False
    return not all(ln.get("account") for ln in item["accountingEntryLines"])
