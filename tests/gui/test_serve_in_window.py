"""The in-window server: File ▸ Serve the API and ``chargeable --serve``.

An outside client (the official ``stripe`` library, from a worker thread)
creates objects; the window shows them live, with their HTTP origin in the
event log. Waits are ``qtbot.waitUntil``/``waitSignal``, never sleeps: the
GUI thread must keep its event loop running, because every outside request
runs there.
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import stripe
from helpers.threads import TIMEOUT, Worker
from helpers.window import make_window, new_sandbox, select
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from gui import app as app_module
from gui.serve_controller import ServeController

ROOT = Path(__file__).resolve().parents[2]
KEY = "sk_test_chargeable"
CARD = {"number": "4242424242424242", "exp_month": 12, "exp_year": 2034, "cvc": "123"}


def client_for(url: str) -> stripe.StripeClient:
    return stripe.StripeClient(KEY, base_addresses={"api": url}, max_network_retries=0)


def refused(url: str) -> bool:
    host, port = url.removeprefix("http://").rsplit(":", 1)
    try:
        with socket.create_connection((host, int(port)), timeout=2):
            return False
    except ConnectionRefusedError:
        return True


def log_texts(window: Any) -> list[str]:
    return [entry.text for entry in window.event_log.log_model.entries]


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Iterator[Any]:
    w = make_window(qtbot, tmp_path, new_sandbox())
    w.serve.set_port(0)  # an ephemeral port on 127.0.0.1
    yield w
    w.serve.stop()


def start_serving(qtbot: Any, window: Any) -> str:
    with qtbot.waitSignal(window.serve.started, timeout=TIMEOUT) as started:
        window.commands.actions["serve"].trigger()
    url = started.args[0]
    assert url.startswith("http://127.0.0.1:") and not url.endswith(":0")
    return url


def test_objects_an_outside_client_creates_appear_live_with_their_origin(
    qtbot: Any, window: Any
) -> None:
    url = start_serving(qtbot, window)
    action = window.commands.actions["serve"]
    assert action.isChecked() and window.serve.running and window.serve.url == url
    indicator = window.statusBar().findChild(QLabel, "serveIndicator")
    assert indicator is not None and indicator.isVisible() and url in indicator.text()

    client = client_for(url)

    def outside() -> dict[str, str]:
        token = client.v1.tokens.create(params={"card": CARD})
        source = client.v1.sources.create(params={"type": "card", "card": CARD})
        charge = client.v1.charges.create(
            params={"amount": 2000, "currency": "usd", "source": token.id}
        )
        return {"token": token.id, "source": source.id, "charge": charge.id}

    ids = Worker(outside).wait(qtbot)
    model = window.object_panel.model
    qtbot.waitUntil(lambda: all(model.row_of(i) is not None for i in ids.values()), timeout=TIMEOUT)
    assert window.sandbox.get(ids["charge"])["status"] == "succeeded"

    requests = [t for t in log_texts(window) if "[http 127.0.0.1:" in t]
    assert [t.split(" → ")[0] for t in requests] == [
        "POST /v1/tokens",
        "POST /v1/sources",
        "POST /v1/charges",
    ]
    assert all(t.split(" → ")[1].startswith("200") for t in requests)
    assert any(
        e.kind == "event" and e.object_id == ids["charge"]
        for e in window.event_log.log_model.entries
    )
    qtbot.waitUntil(lambda: "3 requests" in indicator.text(), timeout=TIMEOUT)

    def declined() -> str:
        token = client.v1.tokens.create(params={"card": CARD | {"number": "4000000000000002"}})
        with pytest.raises(stripe.CardError):
            client.v1.charges.create(params={"amount": 500, "currency": "usd", "source": token.id})
        return token.id

    Worker(declined).wait(qtbot)
    qtbot.waitUntil(lambda: "error 402" in log_texts(window)[-2], timeout=TIMEOUT)
    assert "[http 127.0.0.1:" in log_texts(window)[-2]  # a refusal names its origin too


def test_the_graph_follows_an_outside_change_to_the_selected_object(
    qtbot: Any, window: Any
) -> None:
    url = start_serving(qtbot, window)
    client = client_for(url)
    token_id = Worker(lambda: client.v1.tokens.create(params={"card": CARD}).id).wait(qtbot)
    qtbot.waitUntil(lambda: window.object_panel.model.row_of(token_id) is not None)
    select(window, token_id)
    graph = window.graph
    assert graph.object_id() == token_id
    assert graph.graph_model().current.id == "unused"

    Worker(
        lambda: client.v1.charges.create(
            params={"amount": 500, "currency": "usd", "source": token_id}
        )
    ).wait(qtbot)
    qtbot.waitUntil(lambda: graph.graph_model().current.id == "used", timeout=TIMEOUT)
    assert window.detail_pane is not None and window.sandbox.get(token_id)["used"] is True


def test_the_windows_own_requests_and_outside_requests_interleave_safely(
    qtbot: Any, window: Any
) -> None:
    url = start_serving(qtbot, window)
    client = client_for(url)
    outside_count = 25
    worker = Worker(
        lambda: [client.v1.tokens.create(params={"card": CARD}).id for _ in range(outside_count)]
    )
    inside: list[str] = []

    def one_gui_request_then_check() -> bool:
        response = window.host.send("POST", "/v1/customers", {"email": "gui@example.com"})
        assert response.status == 200
        inside.append(response.body["id"])
        return worker.done.is_set()

    qtbot.waitUntil(one_gui_request_then_check, timeout=TIMEOUT)
    outside = worker.wait(qtbot)
    sandbox = window.sandbox
    assert sorted(sandbox.object_ids("token")) == sorted(outside)
    assert sorted(sandbox.object_ids("customer")) == sorted(inside)
    assert len(sandbox.log) == len(outside) + len(inside)
    model = window.object_panel.model
    assert all(model.row_of(i) is not None for i in outside + inside)


def test_serving_follows_the_sandbox_when_file_new_replaces_it(qtbot: Any, window: Any) -> None:
    url = start_serving(qtbot, window)
    old = window.sandbox
    window.commands.actions["file_new"].trigger()
    assert window.sandbox is not old and window.serve.running
    client = client_for(url)
    token_id = Worker(lambda: client.v1.tokens.create(params={"card": CARD}).id).wait(qtbot)
    assert window.sandbox.get(token_id) is not None and old.get(token_id) is None
    qtbot.waitUntil(lambda: window.object_panel.model.row_of(token_id) is not None)


def test_toggling_off_stops_the_server(qtbot: Any, window: Any) -> None:
    url = start_serving(qtbot, window)
    thread = window.serve.server._thread
    with qtbot.waitSignal(window.serve.stopped, timeout=TIMEOUT):
        window.commands.actions["serve"].trigger()
    assert not window.commands.actions["serve"].isChecked()
    assert not window.serve.running and window.serve.url == ""
    assert not thread.is_alive()
    assert refused(url)
    assert not window.statusBar().findChild(QLabel, "serveIndicator").isVisible()


def test_a_port_in_use_fails_with_a_clear_message(qtbot: Any, window: Any) -> None:
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        window.serve.set_port(port)
        with qtbot.waitSignal(window.serve.failed, timeout=TIMEOUT) as failed:
            window.commands.actions["serve"].trigger()
    message = failed.args[0]
    assert f"127.0.0.1:{port}" in message and "already in use" in message
    assert "Traceback" not in message
    assert not window.commands.actions["serve"].isChecked()
    assert not window.serve.running
    assert message in window.statusBar().currentMessage()


def test_closing_the_window_stops_the_server(qtbot: Any, window: Any) -> None:
    url = start_serving(qtbot, window)
    thread = window.serve.server._thread
    with qtbot.waitSignal(window.serve.stopped, timeout=TIMEOUT):
        window.close()
    assert not thread.is_alive()
    assert refused(url)


def test_stopping_answers_a_request_the_gui_has_not_picked_up(qtbot: Any) -> None:
    """A request still queued when serving stops gets a 503, never runs later."""
    sandbox = new_sandbox()
    controller = ServeController(sandbox, port=0)
    assert controller.start()
    host, port = controller.url.removeprefix("http://").rsplit(":", 1)

    def post() -> tuple[int, bytes]:
        conn = http.client.HTTPConnection(host, int(port), timeout=10)
        conn.request(
            "POST",
            "/v1/customers",
            body="email=a%40b.c",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        response = conn.getresponse()
        result = response.status, response.read()
        conn.close()
        return result

    # The GUI thread runs no event loop until the request is posted to it.
    posted = threading.Event()
    controller._dispatcher.submitted.connect(
        lambda _job: posted.set(), Qt.ConnectionType.DirectConnection
    )
    worker = Worker(post)
    assert posted.wait(10)
    controller.stop()
    status, body = worker.wait(qtbot)
    assert status == 503 and b"stopped serving" in body
    QCoreApplication.processEvents()  # the withdrawn job is delivered now: it must not run
    assert sandbox.object_ids("customer") == []


# ------------------------------------------------------------- command line
def test_command_line_passes_serve_and_port_to_the_window(monkeypatch: Any) -> None:
    seen: dict[str, Any] = {}

    def fake_run(**kwargs: Any) -> int:
        seen.update(kwargs)
        return 0

    monkeypatch.setattr("gui.application.run", fake_run)
    assert app_module.main(["--serve", "--port", "0"]) == 0
    assert seen == {
        "screenshot": None,
        "serve": True,
        "port": 0,
        # the start options a teacher's command line adds (none given here)
        "file": None,
        "select": None,
        "presenter": False,
        "lang": None,
    }
    assert app_module.main([]) == 0
    assert seen["serve"] is False and seen["port"] == 12111


def test_help_lists_serve_and_port() -> None:
    help_text = app_module.build_parser().format_help()
    assert "--serve" in help_text and "--port N" in help_text


def test_a_bad_port_is_a_usage_error(capsys: Any) -> None:
    with pytest.raises(SystemExit) as exit_:
        app_module.build_parser().parse_args(["--serve", "--port", "70000"])
    assert exit_.value.code == 2
    assert "port out of range" in capsys.readouterr().err


def own_settings(tmp_path: Path) -> dict[str, str]:
    """The subprocess keeps its settings to itself: closing saves the window geometry,
    which the other command-line tests' screenshots must not pick up."""
    env = dict(os.environ)
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[variable] = str(tmp_path / variable.lower())
    return env


def test_chargeable_serve_on_a_busy_port_says_so_and_still_opens(tmp_path: Path) -> None:
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        out = tmp_path / "window.png"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "gui.app",
                "--serve",
                "--port",
                str(port),
                "--screenshot",
                str(out),
            ],
            cwd=ROOT,
            env=own_settings(tmp_path),
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 0, result.stderr
    assert f"127.0.0.1:{port}" in result.stderr and "already in use" in result.stderr
    assert "Traceback" not in result.stderr
    assert out.exists()
