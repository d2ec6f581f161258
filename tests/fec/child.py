"""Run the FEC writer in a child process (for conditions a test cannot make in its own process: a folder
even root cannot write to, a full disk). ``python -m tests.fec.child FOLDER ID...``: sends one entry per
id, hands the run over, prints one JSON line of what happened."""

from __future__ import annotations

import json
import sys
from datetime import date

from pleodesk.providers.base import LedgerError
from pleodesk.providers.fec.provider import FecProvider

from tests.fec.helpers import CHART, entry, settings


def main(folder: str, ids: list[str]) -> None:
    out: dict = {"results": [], "finish": None, "check": None}
    p = FecProvider(settings(folder), CHART, today=lambda: date(2026, 9, 2))
    out["check"] = list(p.check().messages)
    try:
        results = p.send_batch([entry(i) for i in ids])
        out["results"] = [{"ok": r.ok, "title": r.error.title if r.error else None,
                           "fix": r.error.fix if r.error else None} for r in results]
    except LedgerError as exc:
        out["raised"] = {"title": exc.title, "fix": exc.fix}
    try:
        out["finish"] = [str(f) for f in p.finish_run()]
    except OSError as exc:
        out["finish_error"] = str(exc)
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
