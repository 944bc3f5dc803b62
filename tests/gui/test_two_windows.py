"""Two real ``chargeable`` windows: one autosave each, and a killed one's is recovered.

Window A autosaves and is SIGKILLed (while requests keep it autosaving); window B
is then closed normally (SIGTERM, which closes the window as its close button
does). The next start must still offer A's autosave. Both windows are real
processes (offscreen), sharing one settings file and one autosave folder; A is
changed over HTTP (``--serve``, with a test key), as an outside client would.
Bounded: a few seconds per window, every wait has a timeout.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.window import Prompter
from PySide6.QtCore import QSettings

from core import session
from core.api import Sandbox
from gui.sandbox_host import SandboxHost
from gui.session.controller import SessionController

CHARGEABLE = Path(sys.executable).with_name("chargeable")
HEADERS = {
    "Authorization": "Bearer sk_test_two_windows",
    "Content-Type": "application/x-www-form-urlencoded",
}


class Yes(Prompter):
    def __init__(self) -> None:
        super().__init__()
        self.asked = 0

    def ask_recover(self, when: str) -> bool:
        self.asked += 1
        return True


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Home:
    """A user's settings and data folders, shared by the windows of one test."""

    def __init__(self, root: Path) -> None:
        self.env = {
            **os.environ,
            "HOME": str(root / "home"),
            "XDG_CONFIG_HOME": str(root / "config"),
            "XDG_DATA_HOME": str(root / "data"),
            "XDG_RUNTIME_DIR": str(root / "runtime"),
            "QT_QPA_PLATFORM": "offscreen",
        }
        (root / "runtime").mkdir(mode=0o700)
        self.conf = root / "config" / "Chargeable" / "Chargeable.conf"
        self.conf.parent.mkdir(parents=True)
        self.conf.write_text("[session]\nautosaveIntervalMs=200\n")
        self.autosaves = root / "data" / "Chargeable" / "Chargeable"
        self.processes: list[subprocess.Popen[bytes]] = []

    def window(self) -> tuple[subprocess.Popen[bytes], int]:
        port = _free_port()
        process = subprocess.Popen(
            [str(CHARGEABLE), "--serve", "--port", str(port)],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.processes.append(process)
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    return process, port
            except OSError:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                assert time.monotonic() < deadline, "the window never served"
                time.sleep(0.1)

    def own_autosaves(self, pid: int) -> list[Path]:
        if not self.autosaves.exists():
            return []
        return sorted(self.autosaves.glob(f"autosave-{pid}-*.chargeable.json"))

    def close(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.kill()
            process.wait(10)
            if process.stderr is not None:
                process.stderr.close()


@pytest.fixture
def home(tmp_path: Path) -> Iterator[Home]:
    h = Home(tmp_path)
    yield h
    h.close()


def _post(port: int, email: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("POST", "/v1/customers", body=f"email={email}", headers=HEADERS)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def _wait(condition: Any, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def _next_start(home: Home, prompter: Prompter) -> SessionController:
    settings = QSettings(str(home.conf), QSettings.Format.IniFormat)
    return SessionController(
        SandboxHost(Sandbox(seed=0, check_keys=False)),
        settings,
        prompter=prompter,
        autosave_dir=home.autosaves,
    )


def test_a_killed_windows_autosave_survives_another_windows_clean_exit(home: Home) -> None:
    a, port_a = home.window()
    b, _port_b = home.window()
    assert _post(port_a, "a1%40example.com") == 200
    _wait(lambda: home.own_autosaves(a.pid))
    # keep A autosaving, and kill it while it does
    stop = threading.Event()

    def stream() -> None:
        for index in range(200):
            if stop.is_set():
                return
            try:
                _post(port_a, f"a{index + 2}%40example.com")
            except OSError:
                return

    worker = threading.Thread(target=stream, daemon=True)
    worker.start()
    time.sleep(1.0)
    a.send_signal(signal.SIGKILL)
    a.wait(10)
    stop.set()
    worker.join(10)
    [a_autosave] = home.own_autosaves(a.pid)
    saved = session.load(a_autosave)  # whole: the write is atomic
    assert len(saved.object_ids("customer")) >= 1
    assert home.own_autosaves(b.pid) == []  # B never autosaved (it has no changes)

    b.send_signal(signal.SIGTERM)  # B closes normally
    assert b.wait(20) == 0
    assert a_autosave.exists(), "B's clean exit deleted A's autosave"

    prompter = Yes()
    controller = _next_start(home, prompter)
    assert controller.recoverable_autosaves() == [a_autosave]
    assert controller.offer_recovery()
    assert prompter.asked == 1 and prompter.errors == []
    assert controller.sandbox.state_snapshot() == saved.state_snapshot()
    assert controller.dirty  # recovered, not yet saved to a file
    assert not a_autosave.exists()  # now in the recovering window's own autosave
    assert controller.autosave_path.exists()
    controller.shutdown()
    assert not controller.autosave_path.exists()
    leftovers = [p.name for p in home.autosaves.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []  # the temp file the kill may have interrupted is gone


def test_every_orphan_is_offered_and_a_running_windows_is_not(home: Home) -> None:
    """Two windows killed, one running: the next start offers the two, not the third."""
    killed = []
    for _ in range(2):
        window, port = home.window()
        assert _post(port, "k%40example.com") == 200
        _wait(lambda window=window: home.own_autosaves(window.pid))
        killed.append(window)
    running, port = home.window()
    assert _post(port, "r%40example.com") == 200
    _wait(lambda: home.own_autosaves(running.pid))
    for window in killed:
        window.send_signal(signal.SIGKILL)
        window.wait(10)
    orphans = {home.own_autosaves(w.pid)[0] for w in killed}

    prompter = Yes()
    controller = _next_start(home, prompter)
    assert set(controller.recoverable_autosaves()) == orphans
    assert controller.offer_recovery()
    # one recovered here; the other kept, said where, and offered again next time
    assert prompter.asked == 1
    [(title, message)] = prompter.errors
    assert "More autosaved sessions" in title
    [kept] = [p for p in orphans if p.exists()]
    assert str(kept) in message
    controller.shutdown()
    again = _next_start(home, Yes())
    assert again.recoverable_autosaves() == [kept]
    again.shutdown()
    assert home.own_autosaves(running.pid)  # the running window's autosave is untouched

    running.send_signal(signal.SIGTERM)  # unsaved work: autosaved and kept, not lost
    assert running.wait(20) == 0
    [kept_running] = home.own_autosaves(running.pid)
    assert len(session.load(kept_running).object_ids("customer")) == 1
