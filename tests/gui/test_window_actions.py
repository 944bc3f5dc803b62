"""The action bar: buttons from allowed_actions, blocked with reasons, Try anyway, graph edges."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers.window import make_window, new_sandbox, populate, select
from PySide6.QtCore import Qt

from gui.commands import OBJECT_ACTIONS


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Any:
    sandbox = new_sandbox()
    populate(sandbox)
    return make_window(qtbot, tmp_path, sandbox)


def _check_bar_matches_core(window: Any, object_id: str) -> None:
    core = window.sandbox.allowed_actions(object_id)
    bar = window.action_bar
    assert list(bar.buttons) == [a.name for a in core if a.name in OBJECT_ACTIONS]
    for action in core:
        button = bar.button(action.name)
        assert button is not None and button.isVisible(), action.name
        assert button.isEnabled() == action.enabled, action.name
        qaction = window.commands.action(action.name)
        assert qaction.isEnabled() == action.enabled
        if not action.enabled:
            assert action.reason in button.toolTip()
            assert action.reason in qaction.statusTip()
            assert action.reason in bar.reasons_label.full_text()
    for name in set(OBJECT_ACTIONS) - {a.name for a in core}:
        assert bar.button(name) is None
        assert not window.commands.action(name).isEnabled()


def test_every_kind_shows_the_cores_actions_with_reasons(window: Any) -> None:
    for object_id in window.sandbox.object_ids():
        select(window, object_id)
        _check_bar_matches_core(window, object_id)


def test_nothing_selected_means_no_buttons(window: Any) -> None:
    window.selection.select(None)
    assert window.action_bar.buttons == {}
    assert not window.commands.action("charge").isEnabled()


def test_clicking_an_enabled_button_sends_its_request(qtbot: Any, window: Any) -> None:
    sandbox = window.sandbox
    ideal = sandbox.object_ids("source")[1]
    select(window, ideal)
    button = window.action_bar.button("authorize")
    assert button.isEnabled()
    with qtbot.waitSignal(window.host.answered) as finished:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert finished.args[0].status == 200
    assert sandbox.get(ideal)["status"] == "chargeable"
    # list, detail and bar show the new state
    model = window.object_panel.model
    assert model.index(model.row_of(ideal), 0).data(model.StatusRole) == "chargeable"
    assert ("status", '"chargeable"') in [r[:2] for r in window.detail_pane.property_rows]
    window.detail_pane.tabs.setCurrentWidget(window.detail_pane.json_view)
    assert '"status": "chargeable"' in window.detail_pane.json_view.toPlainText()
    _check_bar_matches_core(window, ideal)


def test_attach_asks_for_the_customer(window: Any) -> None:
    sandbox = window.sandbox
    source, customer = sandbox.object_ids("source")[0], sandbox.object_ids("customer")[0]
    asked: list[str] = []

    def chooser(need: str, action: Any, object_id: str | None) -> str | None:
        asked.append(need)
        return customer

    window.commands.chooser = chooser
    select(window, source)
    window.commands.action("attach").trigger()
    assert asked == ["customer"]
    assert sandbox.get(source)["customer"] == customer
    assert window.commands.action("detach").isEnabled()


def test_an_unverified_outcome_is_said_before_and_after_the_action(window: Any) -> None:
    # §13: attaching a single-use source is unverified; the sandbox allows it (core Action.note)
    sandbox = window.sandbox
    ideal = next(s for s in sandbox.object_ids("source") if sandbox.get(s)["usage"] == "single_use")
    customer = sandbox.object_ids("customer")[0]
    note = {a.name: a for a in sandbox.allowed_actions(ideal)}["attach"].note
    assert note
    select(window, ideal)
    attach = window.commands.action("attach")
    assert attach.isEnabled()
    assert f"Unverified: {note}" in attach.toolTip()
    assert f"Unverified — Attach: {note}" in window.action_bar.reasons_label.full_text()
    messages: list[str] = []
    window.commands.message.connect(messages.append)
    window.commands.chooser = lambda *_: customer
    attach.trigger()
    assert sandbox.get(ideal)["customer"] == customer
    assert messages[-1] == f"Unverified: {note}"
    assert "Unverified" not in window.action_bar.reasons_label.full_text()  # attached: no longer


def test_a_cancelled_choice_sends_nothing(window: Any) -> None:
    sandbox = window.sandbox
    revision = sandbox.revision
    window.commands.chooser = lambda *_: None
    select(window, sandbox.object_ids("source")[0])
    window.commands.action("attach").trigger()
    assert sandbox.revision == revision


def test_blocked_action_needs_try_anyway_and_then_shows_stripes_error(
    qtbot: Any, window: Any
) -> None:
    sandbox = window.sandbox
    ideal = sandbox.object_ids("source")[1]  # pending: charge is blocked
    select(window, ideal)
    charge = window.action_bar.button("charge")
    assert not charge.isEnabled()
    events_before = len(window.event_log.log_model.entries)

    window.action_bar.try_anyway_box.setChecked(True)
    assert window.commands.action("try_anyway").isChecked()
    assert charge.isEnabled()
    assert charge.property("blocked") is True  # drawn dashed, with a warning sign
    assert not window.commands.action("charge").icon().isNull()
    qtbot.mouseClick(charge, Qt.MouseButton.LeftButton)  # "Charge…": the Charge dialog
    dialog = window.current_dialog
    assert dialog.objectName() == "chargeDialog" and dialog.source_combo.currentText() == ideal
    assert events_before == len(window.event_log.log_model.entries)  # nothing sent yet
    with qtbot.waitSignal(window.host.refused) as lesson:
        dialog.submit()
    dialog.close()
    assert "400" in lesson.args[0]
    # Stripe's real error, as a lesson: in the lesson bar (non-modal) and the event log.
    assert window.lesson_bar.isVisible()
    assert "chargeable" in window.lesson_bar.text.text()
    entries = window.event_log.log_model.entries[events_before:]
    assert [e.kind for e in entries] == ["error"]
    assert "error 400" in entries[0].text
    assert sandbox.get(ideal)["status"] == "pending"  # a rejected request changes nothing
    assert not sandbox.subscriber_errors

    window.commands.action("try_anyway").setChecked(False)
    assert not window.action_bar.try_anyway_box.isChecked()
    assert not charge.isEnabled()


def test_blocked_without_try_anyway_sends_nothing(window: Any) -> None:
    sandbox = window.sandbox
    select(window, sandbox.object_ids("source")[1])
    revision, log_rows = sandbox.revision, len(window.event_log.log_model.entries)
    assert window.commands.perform(sandbox.object_ids("source")[1], "charge") is None
    assert sandbox.revision == revision
    assert len(window.event_log.log_model.entries) == log_rows


def test_graph_edge_click_goes_through_the_same_path(qtbot: Any, window: Any) -> None:
    sandbox = window.sandbox
    ideal = sandbox.object_ids("source")[1]
    with qtbot.waitSignal(window.host.answered):
        window.graph.actionRequested.emit(ideal, "authorize")
    assert window.selection.current == ideal
    assert sandbox.get(ideal)["status"] == "chargeable"


def test_clock_buttons_advance_the_simulated_clock(window: Any) -> None:
    sandbox = window.sandbox
    start = sandbox.now
    window.commands.action("clock_1h").trigger()
    assert sandbox.now == start + 3600
    window.commands.action("clock_6h").trigger()
    window.commands.action("clock_1d").trigger()
    assert sandbox.now == start + 3600 + 6 * 3600 + 86400
    window.commands.action("clock_custom").trigger()  # the test chooser answers 2 hours
    assert sandbox.now == start + 3600 + 6 * 3600 + 86400 + 7200
    assert "Clock" in window.action_bar.clock_label.text()


def test_pending_redirect_source_expires_when_the_clock_runs(window: Any) -> None:
    sandbox = window.sandbox
    ideal = sandbox.object_ids("source")[1]
    select(window, ideal)
    window.commands.action("advance_clock").trigger()  # run to its timer
    assert sandbox.get(ideal)["status"] == "canceled"
    model = window.object_panel.model
    assert model.index(model.row_of(ideal), 0).data(model.StatusRole) == "canceled"
    _check_bar_matches_core(window, ideal)


def test_a_refusal_from_a_dialog_is_reported_as_a_buttons_is(qtbot: Any, window: Any) -> None:
    from gui.dialogs import ChargeDialog

    customer = window.sandbox.object_ids("customer")[0]  # no default source: refused
    events_before = len(window.event_log.log_model.entries)
    dialog = ChargeDialog(window.host, window, customer_id=customer)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(window.host.refused) as lesson:
        assert not dialog.submit()
    message = dialog.last_response.body["error"]["message"]
    assert message in dialog.stripe_message()  # in the dialog, as before
    # and, as a button's refusal: the lesson bar, the status bar and the event log
    assert "POST /v1/charges" in lesson.args[0]
    assert window.lesson_bar.isVisible()
    assert message in window.lesson_bar.text.text()
    assert window.statusBar().currentMessage() == lesson.args[0]
    entries = window.event_log.log_model.entries[events_before:]
    assert [e.kind for e in entries] == ["error"] and message in entries[0].text
