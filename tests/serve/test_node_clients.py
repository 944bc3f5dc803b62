"""The official Node library (the latest and an 8.x release) against ``chargeable serve``.

``tests/serve/node/flows.js`` runs the same flows as the ``stripe``-Python tests
(expand, versions, search, list filters and paging both ways, the deleted customer,
the new parameters, a publishable key, balance transactions and the new endpoints,
wire details...) with ``stripe-latest`` (npm ``stripe`` 23) and ``stripe8`` (8.222,
pinned to 2020-08-27 as an 8.x integration is), both locked in
``package-lock.json``. Without ``node`` the test is skipped and says why; CI installs
Node and runs ``npm ci`` first and sets ``CHARGEABLE_REQUIRE_NODE=1``, so there it
fails instead of skipping.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest
from test_serve_cli import Served

NODE_DIR = Path(__file__).resolve().parent / "node"
LIBRARIES = ("stripe-latest", "stripe8")


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
    assert len(flows) >= 10, done.stdout
