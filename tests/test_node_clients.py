"""The official Node library (the latest and an 8.x release) against ``chargeable serve``.

``tests/serve/node/flows.js`` runs the same flows as the ``stripe``-Python tests
(expand, versions, search, list filters and paging both ways, the deleted customer,
the new parameters, a publishable key, balance transactions and the new endpoints,
wire details; PaymentIntents created, confirmed, captured and canceled, a decline and a
retry, a 3DS flow completed through the simulator-only test helper, a SetupIntent,
PaymentMethods attached and detached) with ``stripe-latest`` (npm ``stripe`` 23) and
``stripe8`` (8.222, pinned to 2020-08-27 as an 8.x integration is), both locked in
``package-lock.json``. Without ``node`` the test is skipped and says why; CI installs
Node and runs ``npm ci`` first and sets ``CHARGEABLE_REQUIRE_NODE=1``, so there it
fails instead of skipping.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NODE_DIR = ROOT / "tests" / "serve" / "node"
LIBRARIES = ("stripe-latest", "stripe8")


class Served:
    """``python -m gui.app serve --port 0`` with its URL read from its first lines.

    (This file sits at the end of the suite, after tests/serve, so the Node processes
    never share the machine with that folder's timing-bounded session tests.)
    """

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gui.app", "serve", "--port", "0", *args],
            cwd=ROOT,
            env=dict(os.environ, PYTHONUNBUFFERED="1"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.url = ""
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if "serving the Stripe API at " in line:
                self.url = line.rsplit(" ", 1)[1].strip()
            if line.startswith("Press Ctrl+C"):
                break
        assert self.url, "chargeable serve printed no URL"

    def stop(self, sig: int) -> None:
        self.proc.send_signal(sig)
        self.proc.communicate(timeout=30)


def _require_or_skip(reason: str) -> None:
    if os.environ.get("CHARGEABLE_REQUIRE_NODE") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def node() -> str:
    found = shutil.which("node")
    if found is None:
        _require_or_skip("node is not installed: the Node client flows cannot run here")
    assert found is not None
    if not all((NODE_DIR / "node_modules" / lib / "package.json").exists() for lib in LIBRARIES):
        npm = shutil.which("npm")
        if npm is None:
            _require_or_skip("npm is not installed: cannot install the locked Node libraries")
        assert npm is not None
        done = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund"],
            cwd=NODE_DIR,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0:
            _require_or_skip(f"npm ci failed: {done.stderr[-500:]}")
    return found


@pytest.mark.parametrize("library", LIBRARIES)
def test_node_library_flows(node: str, library: str) -> None:
    served = Served("--quiet")
    try:
        done = subprocess.run(
            [node, "flows.js", library, served.url],
            cwd=NODE_DIR,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        served.stop(signal.SIGTERM)
    print(done.stdout)  # what the flows saw, for the log (pytest -s or -rA shows it)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{library}: all flows passed" in done.stdout
    assert "FAIL" not in done.stdout
    flows = [line.split(":")[0] for line in done.stdout.splitlines() if line.startswith("ok ")]
    assert len(flows) >= 15, done.stdout
    intents = {  # stripe-intents-domain.md §3, §4, §5, §8.6
        "ok payment-intents",
        "ok payment-intent-decline-retry",
        "ok payment-intent-3ds",
        "ok setup-intent",
        "ok payment-methods",
    }
    assert intents <= set(flows), done.stdout
    # the helper has no method in the library: rawRequest in the latest, fetch in 8.x
    via = "via rawRequest" if library == "stripe-latest" else "via fetch"
    assert via in done.stdout
