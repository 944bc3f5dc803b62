"""The Request tab: every request that touched the object, refused ones too, as code."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers.window import CARD, make_window, ok, select
from PySide6.QtGui import QGuiApplication

pytestmark = pytest.mark.gui


def _charge(window: Any, token: str) -> Any:
    params = [("amount", "1000"), ("currency", "usd"), ("source", token)]
    return window.host.send("POST", "/v1/charges", params)


def test_a_refused_request_is_listed_with_its_status_response_and_code(
    qtbot: Any, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    token = ok(window.sandbox, "POST", "/v1/tokens", [(k, v) for k, v in CARD if k != "type"])["id"]
    select(window, token)
    pane = window.detail_pane
    pane.tabs.setCurrentIndex(2)
    tab = pane.request_tab
    assert _charge(window, token).status == 200
    refused = _charge(window, token)  # §6.3: a token is used once
    assert refused.status == 400
    rows = [tab.request_list.item(i).text() for i in range(tab.request_list.count())]
    assert rows == [
        "✓ POST /v1/tokens → 200",
        "✓ POST /v1/charges → 200",
        "✗ POST /v1/charges → 400",
    ]
    assert tab.request_list.currentRow() == 2  # the newest is shown
    assert tab.request_label.text() == (
        "Refused by Stripe: POST /v1/charges → 400 (token_already_used)"
    )
    response = json.loads(tab.response_box.text())
    assert response == refused.body and response["error"]["code"] == "token_already_used"
    assert tab.curl_box.text().startswith("curl https://api.stripe.com/v1/charges")
    assert f"-d source={token}" in tab.curl_box.text()
    assert "stripe.Charge.create(" in tab.python_box.text()
    assert "await stripe.charges.create({" in tab.node_box.text()
    assert f'"source": "{token}"' in tab.node_box.text()
    tab.node_box.copy_button.click()
    assert QGuiApplication.clipboard().text() == tab.node_box.text()
    # an earlier request, chosen in the list: its own response
    tab.request_list.setCurrentRow(1)
    assert json.loads(tab.response_box.text())["object"] == "charge"
    assert tab.request_label.text() == "POST /v1/charges → 200"


def test_requests_from_before_the_window_say_their_response_was_not_kept(
    qtbot: Any, tmp_path: Path
) -> None:
    from helpers.window import new_sandbox

    sandbox = new_sandbox()
    source = ok(sandbox, "POST", "/v1/sources", CARD)["id"]
    window = make_window(qtbot, tmp_path, sandbox)
    select(window, source)
    window.detail_pane.tabs.setCurrentIndex(2)
    tab = window.detail_pane.request_tab
    assert tab.request_list.item(0).text() == "✓ POST /v1/sources → accepted"
    assert "replayed from the action log" in tab.request_label.text()
    assert tab.response_box.text() == ""
    assert "curl https://api.stripe.com/v1/sources" in tab.curl_box.text()


def test_while_serving_the_code_targets_the_local_server(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    window.serve.set_port(0)  # a free port
    token = ok(window.sandbox, "POST", "/v1/tokens", [(k, v) for k, v in CARD if k != "type"])["id"]
    select(window, token)
    window.detail_pane.tabs.setCurrentIndex(2)
    tab = window.detail_pane.request_tab
    assert window.serve.start()
    try:
        url = window.serve.url
        assert url.startswith("http://127.0.0.1:")
        port = url.rsplit(":", 1)[1]
        assert tab.curl_box.text().startswith(f"curl {url}/v1/tokens")
        assert f'stripe.api_base = "{url}"' in tab.python_box.text()
        assert f"port: {port}," in tab.node_box.text() and 'protocol: "http"' in tab.node_box.text()
    finally:
        window.serve.stop()
    assert tab.curl_box.text().startswith("curl https://api.stripe.com/v1/tokens")
    assert "api_base" not in tab.python_box.text()
