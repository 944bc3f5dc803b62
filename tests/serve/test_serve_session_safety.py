"""``chargeable serve --session FILE``: the path is checked at start, changes are saved
atomically a few seconds behind, and a SIGKILL (even during a save) loses at most
those seconds: the file always loads. Real ``chargeable`` processes.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from core import session

CHARGEABLE = Path(sys.executable).with_name("chargeable")
KEY = {
    "Authorization": "Bearer sk_test_session",
    "Content-Type": "application/x-www-form-urlencoded",
}
NAME = "served.chargeable.json"


def _serve(path: Path) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [str(CHARGEABLE), "serve", "--port", "0", "--quiet", "--session", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    deadline = time.monotonic() + 30
    assert process.stdout is not None
    for line in process.stdout:
        match = re.search(r"at (http://127\.0\.0\.1:\d+)", line)
        if match:
            return process, match.group(1)
        assert time.monotonic() < deadline
    process.kill()
    raise AssertionError(process.stderr.read() if process.stderr else "no URL")


def _post(url: str, path: str, body: str) -> int:
    host, port = url.removeprefix("http://").rsplit(":", 1)
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        conn.request("POST", path, body=body, headers=KEY)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def _kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(10)
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            stream.close()


def _entries(path: Path) -> int:
    return len(session.load(path).log) if path.exists() else 0


def _wait_for_entries(path: Path, count: int, timeout: float = 10.0) -> float:
    start = time.monotonic()
    while _entries(path) < count:
        assert time.monotonic() - start < timeout, f"{path} never reached {count} entries"
        time.sleep(0.1)
    return time.monotonic() - start


@pytest.mark.parametrize("where", ["missing folder", "a folder", "under a file"])
def test_a_session_path_that_cannot_be_saved_is_refused_at_start(
    tmp_path: Path, where: str
) -> None:
    target = {
        "missing folder": tmp_path / "no" / "such" / NAME,
        "a folder": tmp_path,
        "under a file": tmp_path / "file.txt" / NAME,
    }[where]
    (tmp_path / "file.txt").write_text("x")
    done = subprocess.run(
        [str(CHARGEABLE), "serve", "--port", "0", "--session", str(target)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1, done
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith(f"error: Cannot save the session to {target}"), done.stderr
    assert "serving" not in done.stdout  # refused before listening
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"]  # nothing created


def test_changes_are_saved_a_few_seconds_behind_and_survive_sigkill(tmp_path: Path) -> None:
    path = tmp_path / NAME
    process, url = _serve(path)
    try:
        assert _post(url, "/v1/customers", "email=a%40example.com") == 200
        lag = _wait_for_entries(path, 1)
        assert lag < 6, lag
        for index in range(20):  # a burst: saved together, not 20 times
            assert _post(url, "/v1/customers", f"email=b{index}%40example.com") == 200
        _wait_for_entries(path, 21)
    finally:
        _kill(process)  # no shutdown save: what is on disk is what the autosave wrote
    loaded = session.load(path)
    assert len(loaded.log) == 21 and len(loaded.object_ids("customer")) == 21
    assert [p.name for p in tmp_path.iterdir()] == [NAME]  # no temporary file left
    # and the next start serves that session, keys checked
    process, url = _serve(path)
    try:
        assert _post(url, "/v1/customers", "email=c%40example.com") == 200
        _wait_for_entries(path, 22)
    finally:
        _kill(process)


def test_sigkill_during_saves_always_leaves_a_loadable_file(tmp_path: Path) -> None:
    """Bounded: 6 rounds of at most ~3 s; each killed at a random moment mid-stream."""
    path = tmp_path / NAME
    rng = random.Random(7)
    saved = 0
    for round_ in range(6):
        process, url = _serve(path)
        stop = threading.Event()
        sent: list[int] = []

        def stream(url: str = url, stop: threading.Event = stop, sent: list[int] = sent) -> None:
            while not stop.is_set() and len(sent) < 400:
                try:
                    sent.append(_post(url, "/v1/customers", "email=k%40example.com"))
                except OSError:
                    return

        worker = threading.Thread(target=stream, daemon=True)
        worker.start()
        time.sleep(2.0 + rng.random())  # past the first save, then kill at random
        _kill(process)
        stop.set()
        worker.join(10)
        loaded = _entries(path)  # loads: a SessionError would fail the test
        assert loaded >= saved, f"round {round_}: {loaded} entries after {saved}"
        saved = loaded
        temps = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert len(temps) <= 1, temps  # at most the one the kill interrupted
    assert saved > 0
    process, _url = _serve(path)  # a start removes what killed saves left
    try:
        assert [p.name for p in tmp_path.iterdir()] == [NAME]
    finally:
        _kill(process)


def test_a_failing_save_is_reported_and_the_server_keeps_serving(tmp_path: Path) -> None:
    folder = tmp_path / "gone"
    folder.mkdir()
    path = folder / NAME
    process, url = _serve(path)
    try:
        folder.rmdir()  # the folder disappears under the running server
        assert _post(url, "/v1/customers", "email=a%40example.com") == 200
        time.sleep(3.5)
        assert _post(url, "/v1/customers", "email=b%40example.com") == 200  # still serving
        folder.mkdir()
        _wait_for_entries(path, 2)  # saved again once it can be
    finally:
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=20)
    assert "could not save the session" in err and "Traceback" not in err
    assert process.returncode == 0
    assert json.loads(path.read_text())["format"] == "chargeable-session"
