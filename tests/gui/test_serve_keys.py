"""The window's server applies exactly the key rules of ``chargeable serve``.

Over real HTTP: the same requests go to File ▸ Serve the API (the window's sandbox
takes its own clicks without a key) and to ``chargeable serve`` (run by its own
``main``), and must get the same answers. Without a key nothing changes, so a web
page's cross-site form POST to 127.0.0.1 cannot touch the window's sandbox. The
window's own buttons, lessons and replays still need no key.
"""

from __future__ import annotations

import base64
import http.client
import io
import json
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.threads import TIMEOUT, Worker
from helpers.window import make_window, new_sandbox

from gui.cli import serve as serve_cli

FORM = {"Content-Type": "application/x-www-form-urlencoded"}
CHARGE = "amount=1000&currency=usd&source=tok_visa"
CASES: list[tuple[str, str, str, dict[str, str]]] = [
    # (what, method, path + body, headers)
    ("no key", "POST", CHARGE, {}),
    ("empty Authorization", "POST", CHARGE, {"Authorization": ""}),
    ("sk_live_", "POST", CHARGE, {"Authorization": "Bearer sk_live_4eC39HqLyjWDarjtT1zdp7dc"}),
    ("rk_live_", "POST", CHARGE, {"Authorization": "Bearer rk_live_4eC39HqLyjWDarjtT1zdp7dc"}),
    ("pk_live_", "POST", CHARGE, {"Authorization": "Bearer pk_live_4eC39HqLyjWDarjtT1zdp7dc"}),
    ("garbage", "POST", CHARGE, {"Authorization": "Bearer hello-there-general"}),
    ("bare sk_test_", "POST", CHARGE, {"Authorization": "Bearer sk_test_"}),
    ("unknown scheme", "POST", CHARGE, {"Authorization": "Token sk_test_123456"}),
    ("pk_test_ charge", "POST", CHARGE, {"Authorization": "Bearer pk_test_123456789"}),
    (
        "cross-site form POST",
        "POST",
        "email=attacker%40example.com",
        {"Origin": "http://evil.example", "Referer": "http://evil.example/page"},
    ),
    (
        "basic live",
        "POST",
        CHARGE,
        {"Authorization": "Basic " + base64.b64encode(b"sk_live_x:").decode()},
    ),
]


def _post(url: str, method: str, body: str, headers: dict[str, str], path: str) -> tuple[int, Any]:
    host, port = url.removeprefix("http://").rsplit(":", 1)
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        conn.request(method, path, body=body, headers={**FORM, **headers})
        response = conn.getresponse()
        return response.status, json.loads(response.read())
    finally:
        conn.close()


def _path_of(what: str) -> str:
    return "/v1/customers" if what == "cross-site form POST" else "/v1/charges"


@pytest.fixture
def chargeable_serve() -> Iterator[str]:
    """``chargeable serve --port 0`` on a thread; yields its URL."""
    out, err, stop = io.StringIO(), io.StringIO(), threading.Event()
    thread = threading.Thread(
        target=serve_cli.main,
        args=(["--port", "0", "--quiet"],),
        kwargs={"stop_event": stop, "out": out, "err": err},
        daemon=True,
    )
    thread.start()
    deadline = time.monotonic() + 10
    while (match := re.search(r"at (http://127\.0\.0\.1:\d+)", out.getvalue())) is None:
        assert time.monotonic() < deadline and thread.is_alive(), err.getvalue()
        time.sleep(0.02)
    yield match.group(1)
    stop.set()
    thread.join(10)
    assert not thread.is_alive()


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Iterator[Any]:
    w = make_window(qtbot, tmp_path, new_sandbox())
    w.serve.set_port(0)
    yield w
    w.serve.stop()


def _serve_window(qtbot: Any, window: Any) -> str:
    with qtbot.waitSignal(window.serve.started, timeout=TIMEOUT) as started:
        window.commands.actions["serve"].trigger()
    return str(started.args[0])


def _error(body: Any) -> tuple[Any, ...]:
    e = body["error"]
    return e["type"], e.get("code"), e.get("param"), e["message"]


def test_http_requests_to_the_window_follow_the_key_rules_of_chargeable_serve(
    qtbot: Any, window: Any, chargeable_serve: str
) -> None:
    url = _serve_window(qtbot, window)
    before = window.sandbox.state_snapshot()
    log_length = len(window.sandbox.log)

    def every_case() -> list[tuple[str, int, Any, int, Any]]:
        rows = []
        for what, method, body, headers in CASES:
            path = _path_of(what)
            status, answer = _post(url, method, body, headers, path)
            serve_status, serve_answer = _post(chargeable_serve, method, body, headers, path)
            rows.append((what, status, answer, serve_status, serve_answer))
        return rows

    rows = Worker(every_case).wait(qtbot)
    for what, status, answer, serve_status, serve_answer in rows:
        assert status == serve_status == 401, (what, status, answer)
        assert _error(answer) == _error(serve_answer), what
    messages = {what: answer["error"]["message"] for what, _, answer, _, _ in rows}
    assert "never accepts live keys" in messages["sk_live_"]
    assert "never accepts live keys" in messages["rk_live_"]
    assert "did not provide an API key" in messages["cross-site form POST"]
    assert "publishable API key" in messages["pk_test_ charge"]
    assert "Invalid API Key" in messages["garbage"]
    # nothing changed in the window: no object, no event, no log entry
    assert window.sandbox.state_snapshot() == before
    assert len(window.sandbox.log) == log_length
    assert window.sandbox.object_ids() == []


def test_a_test_key_is_accepted_by_both_and_the_window_shows_it(
    qtbot: Any, window: Any, chargeable_serve: str
) -> None:
    url = _serve_window(qtbot, window)
    secret = {"Authorization": "Bearer sk_test_chargeable"}
    basic = {"Authorization": "Basic " + base64.b64encode(b"rk_test_chargeable:").decode()}
    publishable = {"Authorization": "Bearer pk_test_chargeable"}
    card = "card[number]=4242424242424242&card[exp_month]=12&card[exp_year]=2034"

    def accepted() -> list[tuple[int, int]]:
        return [
            (
                _post(url, "POST", CHARGE, headers, "/v1/charges")[0],
                _post(chargeable_serve, "POST", CHARGE, headers, "/v1/charges")[0],
            )
            for headers in (secret, basic)
        ] + [  # a publishable key may create tokens, as with Stripe
            (
                _post(url, "POST", card, publishable, "/v1/tokens")[0],
                _post(chargeable_serve, "POST", card, publishable, "/v1/tokens")[0],
            )
        ]

    assert Worker(accepted).wait(qtbot) == [(200, 200)] * 3
    qtbot.waitUntil(lambda: len(window.sandbox.object_ids("charge")) == 2, timeout=TIMEOUT)
    assert len(window.sandbox.object_ids("token")) == 3  # tok_visa twice, and the new one


def test_the_windows_own_buttons_and_lessons_need_no_key(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    _serve_window(qtbot, window)  # serving does not turn the key check on for clicks
    response = window.host.send("POST", "/v1/customers", {"email": "a@example.com"})
    assert response.status == 200, response.body
    assert window.sandbox.undo() and window.sandbox.redo()  # replays carry no key
    assert window.sandbox.object_ids("customer") == [response.body["id"]]


def test_a_session_chargeable_serve_saved_opens_with_working_buttons(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    """``chargeable serve`` saves its sessions with keys on; the window's clicks still work."""
    from core import session
    from core.api import Sandbox

    served = Sandbox(seed=3, check_keys=True)
    key = {"Authorization": "Bearer sk_test_x"}
    assert served.request("POST", "/v1/customers", {"email": "s@example.com"}, key).status == 200
    path = tmp_path / "served.chargeable.json"
    session.save(served, path)
    assert window.session.open(path)
    response = window.host.send("POST", "/v1/customers", {"email": "w@example.com"})
    assert response.status == 200, response.body
    assert len(window.sandbox.object_ids("customer")) == 2


def test_chargeable_serve_checks_keys_on_a_session_the_window_saved(tmp_path: Path) -> None:
    """A window's session has keys off; ``chargeable serve --session`` still checks them."""
    from core import session

    sandbox = new_sandbox()
    assert sandbox.request("POST", "/v1/customers", {"email": "w@example.com"}).status == 200
    path = tmp_path / "window.chargeable.json"
    session.save(sandbox, path)
    out, err, stop = io.StringIO(), io.StringIO(), threading.Event()
    thread = threading.Thread(
        target=serve_cli.main,
        args=(["--port", "0", "--quiet", "--session", str(path)],),
        kwargs={"stop_event": stop, "out": out, "err": err},
        daemon=True,
    )
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while (match := re.search(r"at (http://127\.0\.0\.1:\d+)", out.getvalue())) is None:
            assert time.monotonic() < deadline and thread.is_alive(), err.getvalue()
            time.sleep(0.02)
        status, body = _post(match.group(1), "POST", CHARGE, {}, "/v1/charges")
        assert status == 401 and "did not provide an API key" in body["error"]["message"]
    finally:
        stop.set()
        thread.join(10)
    assert len(session.load(path).log) == 1  # the refused request was not added
