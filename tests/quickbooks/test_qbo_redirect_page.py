"""The https redirect page (docs/site/qbo-callback.html) hands Intuit's answer to pleodesk's loopback
listener exactly as pleodesk expects it (the port from ``state``), or offers it for pasting in the form
pleodesk takes. Its script runs under Node.js; skipped where Node.js is not installed."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pleodesk.providers.oauth import LoopbackAuthorizer

from qbo_testkit import bounce

PAGE = Path(__file__).resolve().parents[2] / "docs" / "site" / "qbo-callback.html"
NODE = shutil.which("node") or shutil.which("nodejs")

CASES = ["?code=abc&state=53682.xyz&realmId=9341453050298765",
         "?error=access_denied&state=53683.q",
         "?code=abc&state=80.xyz&realmId=1",            # not a port pleodesk listens on
         "?code=abc&state=nodot&realmId=1",
         "?state=53682.xyz",                            # no answer
         "?code=a%2Fb&state=65535.z-z&realmId=4"]


def _script() -> str:
    html = PAGE.read_text(encoding="utf-8")
    return re.search(r"<script>(.*)</script>", html, re.S).group(1)


@pytest.mark.skipif(NODE is None, reason="Node.js is not installed; the redirect page's script is not run")
def test_the_page_forwards_as_pleodesk_expects_and_offers_the_answer_to_paste(tmp_path):
    mod = tmp_path / "page.js"
    mod.write_text(_script(), encoding="utf-8")
    run = (f"const p = require({json.dumps(str(mod))}); const cases = {json.dumps(CASES)};"
           "console.log(JSON.stringify(cases.map(c => [p.loopbackTarget(c), p.pasteText(c)])));")
    out = json.loads(subprocess.run([NODE, "-e", run], capture_output=True, text=True, check=True).stdout)
    for case, (target, paste) in zip(CASES, out):
        assert target == bounce("https://pleodesk.example/qbo-callback.html" + case), case
        if "code=" in case:
            # what pleodesk takes when pasted: the same parameters
            a = LoopbackAuthorizer("https://x", "https://x", "c", ["s"])
            import queue

            a._answers = queue.Queue()
            assert a.submit(paste)
            got = a._answers.get_nowait()
            assert got["code"] == re.search(r"code=([^&]+)", case).group(1).replace("%2F", "/")


def test_the_page_loads_nothing_from_elsewhere():
    html = PAGE.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']https?://""", html)
    assert 'name="referrer" content="no-referrer"' in html and "connect-src http://127.0.0.1:*" in html
