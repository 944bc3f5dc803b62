"""A saved session keeps its refused requests: the reopened event log and Request tab show them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers.window import CARD, make_window, ok, select

pytestmark = pytest.mark.gui

TOKEN_CARD = [(k, v) for k, v in CARD if k != "type"]


def _prepare(window: Any) -> str:
    """A teacher's "watch Stripe refuse this": a token charged, then charged again."""
    token = ok(window.sandbox, "POST", "/v1/tokens", TOKEN_CARD)["id"]
    charge = [("amount", "1000"), ("currency", "usd"), ("source", token)]
    assert window.host.send("POST", "/v1/charges", charge).status == 200
    refused = window.host.send("POST", "/v1/charges", charge)
    assert refused.status == 400  # §6.3: a token is used once (token_already_used, §5.2)
    return str(token)


def _rows(window: Any) -> list[tuple[str, str]]:
    model = window.event_log.log_model
    return [(e.kind, e.text) for e in model.entries]


def test_the_reopened_event_log_shows_the_refused_request_where_it_was_sent(
    qtbot: Any, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    token = _prepare(window)
    live = [row for row in _rows(window) if row[0] in ("request", "error")]
    path = tmp_path / "class.chargeable.json"
    assert window.session.save_as(path)
    window.session.new()
    assert window.session.open(path)
    rows = _rows(window)
    assert rows[0][0] == "history" and "1 refused" in rows[0][1]
    sent = [row for row in rows if row[0] in ("request", "error")]
    assert (
        [kind for kind, _ in sent]
        == [kind for kind, _ in live]
        == [
            "request",
            "request",
            "error",
        ]
    )
    kind, text = sent[-1]
    assert text.startswith("POST /v1/charges → error 400: You cannot use a Stripe token")
    refused_entry = window.event_log.log_model.entries[-1]
    assert "token_already_used" in refused_entry.detail
    assert refused_entry.object_id == token
    # each accepted request is followed by its own events, the refusal by none
    kinds = [kind for kind, _ in rows[1:]]
    assert kinds[0] == "request" and kinds[-1] == "error"
    charge_row = kinds.index("request", 1)
    assert "event" in kinds[charge_row:-1]
    # the replayed state is the one saved: the token is used, the charge is there
    assert window.sandbox.get(token)["used"] is True
    # the Request tab of the token lists the refused charge with Stripe's error
    select(window, token)
    window.detail_pane.tabs.setCurrentIndex(2)
    tab = window.detail_pane.request_tab
    lines = [tab.request_list.item(i).text() for i in range(tab.request_list.count())]
    assert lines == [
        "✓ POST /v1/tokens → accepted",
        "✓ POST /v1/charges → accepted",
        "✗ POST /v1/charges → 400",
    ]
    assert tab.request_label.text() == (
        "Refused by Stripe: POST /v1/charges → 400 (token_already_used)"
    )
    assert '"token_already_used"' in tab.response_box.text()
    assert f"-d source={token}" in tab.curl_box.text()


def test_undo_after_reopening_greys_out_the_last_request_and_its_events(
    qtbot: Any, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    _prepare(window)
    path = tmp_path / "class.chargeable.json"
    assert window.session.save_as(path)
    assert window.session.open(path)
    model = window.event_log.log_model
    assert window.sandbox.undo()
    undone = [e.kind for e in model.entries if e.undone]
    assert undone and undone[0] == "request" and set(undone[1:]) == {"event"}
    refused = [e for e in model.entries if e.kind == "error"]
    assert refused and not any(e.undone for e in refused)  # it changed nothing to undo


def test_a_refused_request_alone_makes_the_session_unsaved(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    path = tmp_path / "s.chargeable.json"
    assert window.session.save_as(path)
    assert not window.session.dirty
    assert window.host.send("POST", "/v1/charges", [("amount", "ten")]).status == 400
    assert window.session.dirty  # the session would now keep one more refusal
