"""The detail pane: Properties explain, JSON is the API's, Request replays, Events list."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from helpers.window import make_window, new_sandbox, ok, populate, select
from PySide6.QtGui import QGuiApplication


def _window(qtbot: Any, tmp_path: Path) -> tuple[Any, dict[str, str]]:
    sandbox = new_sandbox()
    window = make_window(qtbot, tmp_path, sandbox)
    ids = populate(sandbox)
    return window, ids


def test_json_tab_is_exactly_what_the_api_returns(qtbot: Any, tmp_path: Path) -> None:
    window, ids = _window(qtbot, tmp_path)
    window.detail_pane.tabs.setCurrentWidget(window.detail_pane.json_view)
    for object_id in ids.values():
        select(window, object_id)
        assert json.loads(window.detail_pane.json_view.toPlainText()) == window.sandbox.get(
            object_id
        )


def test_json_follows_a_change_of_the_selected_object(qtbot: Any, tmp_path: Path) -> None:
    window, ids = _window(qtbot, tmp_path)
    select(window, ids["token"])
    window.detail_pane.tabs.setCurrentWidget(window.detail_pane.json_view)
    ok(
        window.sandbox,
        "POST",
        "/v1/charges",
        [("source", ids["token"]), ("amount", "700"), ("currency", "usd")],
    )
    shown = json.loads(window.detail_pane.json_view.toPlainText())
    assert shown == window.sandbox.get(ids["token"])
    assert shown["used"] is True


def test_properties_say_what_a_field_means_and_why_it_has_its_value(
    qtbot: Any, tmp_path: Path
) -> None:
    window, ids = _window(qtbot, tmp_path)
    source = ids["card_source"]
    ok(
        window.sandbox,
        "POST",
        "/v1/charges",
        [("source", source), ("amount", "700"), ("currency", "usd")],
    )
    select(window, source)
    rows = {
        path: (value, meaning, why)
        for path, value, meaning, why in window.detail_pane.property_rows
    }
    assert set(rows) >= set(window.sandbox.get(source))  # every top-level field has a row
    value, meaning, why = rows["status"]
    assert value == '"consumed"'
    assert "chargeable" in meaning
    # A reusable source charged while unattached: the pane says so.
    assert "reusable source charged while not attached" in why
    assert "Why" in window.detail_pane.properties.toPlainText()


def test_properties_explain_a_detached_source(qtbot: Any, tmp_path: Path) -> None:
    window, ids = _window(qtbot, tmp_path)
    source, customer = ids["card_source"], ids["customer"]
    ok(window.sandbox, "POST", f"/v1/customers/{customer}/sources", [("source", source)])
    ok(window.sandbox, "DELETE", f"/v1/customers/{customer}/sources/{source}")
    select(window, source)
    why = {p: w for p, _v, _m, w in window.detail_pane.property_rows}["status"]
    assert "detached" in why


def test_request_tab_shows_curl_and_python_and_copies(qtbot: Any, tmp_path: Path) -> None:
    window, ids = _window(qtbot, tmp_path)
    pane = window.detail_pane
    select(window, ids["ideal_source"])
    assert pane.curl_box.text() == ""  # rendered only when its tab is shown
    pane.tabs.setCurrentIndex(2)
    assert pane.request_label.text() == "POST /v1/sources → 200"
    assert pane.curl_box.text().startswith("curl https://api.stripe.com/v1/sources")
    assert "-d type=ideal" in pane.curl_box.text()
    assert "stripe.Source.create(" in pane.python_box.text()
    assert 'type="ideal"' in pane.python_box.text()
    with qtbot.waitSignal(pane.python_box.copied):
        qtbot.mouseClick(
            pane.python_box.copy_button,
            __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton,
        )
    assert QGuiApplication.clipboard().text() == pane.python_box.text()
    ok(window.sandbox, "POST", f"/v1/test_helpers/sources/{ids['ideal_source']}/authorize")
    assert pane.request_label.text().startswith("POST /v1/test_helpers/sources/")  # the newest


def test_events_tab_lists_this_objects_events(qtbot: Any, tmp_path: Path) -> None:
    window, ids = _window(qtbot, tmp_path)
    window.detail_pane.tabs.setCurrentWidget(window.detail_pane.events_view)
    select(window, ids["ideal_source"])
    assert window.detail_pane.event_types() == []  # pending: nothing fired yet
    ok(window.sandbox, "POST", f"/v1/test_helpers/sources/{ids['ideal_source']}/authorize")
    assert window.detail_pane.event_types() == ["source.chargeable"]
    expected = [
        e["type"]
        for e in window.sandbox.events
        if e["data"]["object"].get("id") == ids["card_source"]
    ]
    select(window, ids["card_source"])
    assert window.detail_pane.event_types()[: len(expected)] == expected


def test_an_undone_object_is_reported_gone(qtbot: Any, tmp_path: Path) -> None:
    window, ids = _window(qtbot, tmp_path)
    select(window, ids["customer"])
    window.detail_pane.render_all()
    window.commands.action("undo").trigger()
    assert window.sandbox.get(ids["customer"]) is None
    assert window.detail_pane.json_view.toPlainText() == ""
    assert "no longer exists" in window.detail_pane.subheader.text()
