"""Window layout, QActions and shortcuts, undo/redo, the event log, settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers.window import CARD, make_window, new_sandbox, ok, populate, select
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from gui.commands import SPECS


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Any:
    return make_window(qtbot, tmp_path)


def test_layout_has_the_stable_object_names(window: Any) -> None:
    for name in ("objectList", "stateGraph", "actionBar", "detailPane", "eventLog"):
        widget = window.findChild(QWidget, name)
        assert widget is not None and widget.isVisible(), name
    g = {
        n: window.findChild(QWidget, n).mapTo(window, window.findChild(QWidget, n).rect().center())
        for n in ("objectList", "stateGraph", "actionBar", "detailPane", "eventLog")
    }
    assert g["objectList"].x() < g["stateGraph"].x() < g["detailPane"].x()  # left, centre, right
    assert g["stateGraph"].y() < g["actionBar"].y()  # the bar under the graph
    assert g["eventLog"].y() > g["actionBar"].y()  # the log along the bottom


def test_every_shortcut_is_unique_and_every_command_has_one(window: Any) -> None:
    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            if not key:
                continue
            assert key not in seen, f"{key} is used by {seen[key]!r} and {action.text()!r}"
            seen[key] = action.text()
    assert len(seen) >= len(SPECS)
    for action in window.commands.all_actions():
        assert not action.shortcut().isEmpty(), action.text()
        assert action.associatedObjects(), f"{action.text()} is in no menu"


def test_undo_redo_through_the_qactions(window: Any) -> None:
    sandbox = window.sandbox
    undo, redo = window.commands.action("undo"), window.commands.action("redo")
    assert undo.shortcut().toString() == "Ctrl+Z"
    assert redo.shortcut().toString() == "Ctrl+Shift+Z"
    assert not undo.isEnabled() and not redo.isEnabled()
    body = ok(sandbox, "POST", "/v1/sources", CARD)
    assert undo.isEnabled()
    undo.trigger()
    assert sandbox.get(body["id"]) is None
    assert window.object_panel.model.shown_ids() == []
    assert redo.isEnabled() and not undo.isEnabled()
    redo.trigger()
    assert sandbox.get(body["id"]) is not None
    assert window.object_panel.model.shown_ids() == [body["id"]]


def test_undo_shortcut_reaches_the_action(qtbot: Any, window: Any) -> None:
    ok(window.sandbox, "POST", "/v1/sources", CARD)
    window.object_panel.view.setFocus()
    with qtbot.waitSignal(window.commands.action("undo").triggered):
        qtbot.keyClick(
            window.object_panel.view,
            "z",
            modifier=__import__("PySide6.QtCore").QtCore.Qt.KeyboardModifier.ControlModifier,
        )
    assert window.sandbox.object_ids() == []


def test_event_log_lists_requests_and_events_with_the_clock(window: Any) -> None:
    sandbox = window.sandbox
    body = ok(sandbox, "POST", "/v1/sources", CARD)
    entries = window.event_log.log_model.entries
    assert [e.kind for e in entries] == ["request", "event"]
    assert entries[0].text == "POST /v1/sources → 200  [api]"
    assert entries[0].object_id == body["id"]
    assert entries[1].text == "source.chargeable"
    assert entries[1].time == sandbox.events[0]["created"]
    model = window.event_log.log_model
    assert model.index(0, 0).data() == "2023-11-14 22:13:20"  # the simulated clock, UTC


def test_event_log_marks_errors_with_icon_and_text(window: Any) -> None:
    window.sandbox.request("POST", "/v1/charges", {"amount": "100", "currency": "usd"})
    model = window.event_log.log_model
    entry = model.entries[-1]
    assert entry.kind == "error"
    text = model.index(len(model.entries) - 1, 1).data()
    assert "error 400" in text and "Must provide source or customer" in text
    assert not model.index(len(model.entries) - 1, 1).data(1).isNull()  # the icon


def test_selecting_an_entry_selects_its_object(window: Any) -> None:
    ids = populate(window.sandbox)
    log = window.event_log
    rows = [i for i, e in enumerate(log.log_model.entries) if e.object_id == ids["customer"]]
    log.select_entry(rows[0])
    assert window.selection.current == ids["customer"]
    assert window.detail_pane.object_id() == ids["customer"]


def test_undo_greys_out_and_redo_restores_log_entries(window: Any) -> None:
    sandbox = window.sandbox
    ok(sandbox, "POST", "/v1/sources", CARD)
    model = window.event_log.log_model
    window.commands.action("undo").trigger()
    assert [e.undone for e in model.entries if e.kind != "history"] == [True, True]
    assert model.alive_event_ids() == [e["id"] for e in sandbox.events] == []
    window.commands.action("redo").trigger()
    assert model.alive_event_ids() == [e["id"] for e in sandbox.events]
    assert len(sandbox.events) == 1


def test_deprecation_notice_shows_once_and_can_come_back(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    assert window.notice.isVisible()
    assert "PaymentMethods" in window.notice.text.text()
    window.notice.close_button.click()
    assert not window.notice.isVisible()
    window.close()
    again = make_window(qtbot, tmp_path)  # same settings file
    assert not again.notice.isVisible()
    again.commands.action("show_notice").trigger()
    assert again.notice.isVisible()


def test_splitter_sizes_are_remembered(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    window.top_splitter.setSizes([200, 700, 380])
    sizes = window.top_splitter.sizes()
    window.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert settings.value("window/topSplitter") is not None
    assert settings.value("window/geometry") is not None
    # The offscreen screen is smaller than the window and restoreGeometry shrinks it;
    # compare the splitter alone, at the same window size.
    settings.remove("window/geometry")
    settings.sync()
    again = make_window(qtbot, tmp_path)
    assert again.top_splitter.sizes() == sizes


def test_new_session_rebinds_every_pane(window: Any) -> None:
    old = window.sandbox
    populate(old)
    window.commands.action("file_new").trigger()  # the test prompter discards
    assert window.sandbox is not old
    assert window.object_panel.model.shown_ids() == []
    body = ok(window.sandbox, "POST", "/v1/sources", CARD)
    assert window.object_panel.model.shown_ids() == [body["id"]]
    select(window, body["id"])
    assert window.action_bar.button("charge").isEnabled()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert old._subscribers == []  # the old panes let go of the old sandbox


def test_create_dialog_opens_and_selects_what_it_created(qtbot: Any, window: Any) -> None:
    window.commands.action("new_customer").trigger()
    dialog = window.current_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.submit()
    created = window.sandbox.object_ids("customer")
    assert created and window.selection.current == created[-1]


def test_an_empty_sandbox_window_says_what_to_do(window: Any) -> None:
    assert "Nothing selected" in window.detail_pane.header.text()
    assert window.action_bar.buttons == {}
    assert new_sandbox().object_ids() == []
