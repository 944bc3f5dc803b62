"""The object list: a checked Qt model over the sandbox, its filters and its updates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers.window import CARD, make_window, new_sandbox, ok, populate, select

from gui.panes.object_list import ObjectListModel
from gui.sandbox_host import SandboxHost
from gui.selection import Selection
from gui.widgets.status_style import display_status


@pytest.fixture
def sandbox(qapp: Any) -> Any:
    sb = new_sandbox()
    populate(sb)
    return sb


def test_model_passes_qtmodeltester(qtmodeltester: Any, sandbox: Any) -> None:
    model = ObjectListModel(SandboxHost(sandbox))
    qtmodeltester.check(model, force_py=True)
    # Still consistent while rows are appended, changed and filtered.
    ok(sandbox, "POST", "/v1/sources", CARD)
    model.set_filter(kind="source")
    qtmodeltester.check(model, force_py=True)


def test_rows_are_the_sandbox_objects_in_creation_order(sandbox: Any) -> None:
    model = ObjectListModel(SandboxHost(sandbox))
    assert model.shown_ids() == sandbox.object_ids()
    for row, object_id in enumerate(sandbox.object_ids()):
        index = model.index(row, 0)
        obj = sandbox.get(object_id)
        assert index.data(ObjectListModel.IdRole) == object_id
        assert index.data(ObjectListModel.KindRole) == obj["object"]
        assert index.data(ObjectListModel.StatusRole) == display_status(obj)


def test_status_is_text_shape_and_colour(sandbox: Any) -> None:
    model = ObjectListModel(SandboxHost(sandbox))
    source_row = model.row_of(sandbox.object_ids("source")[0])
    index = model.index(source_row, 0)
    assert "chargeable" in index.data()  # the word
    assert not index.data(1).isNull()  # DecorationRole: the shape in its colour
    assert "can be charged now" in index.data(3)  # ToolTipRole: the gloss


def test_filters_by_kind_status_and_text(sandbox: Any) -> None:
    model = ObjectListModel(SandboxHost(sandbox))
    model.set_filter(kind="source")
    assert model.shown_ids() == sandbox.object_ids("source")
    model.set_filter(kind="", status="pending")
    assert model.shown_ids() == [
        i for i in sandbox.object_ids() if display_status(sandbox.get(i)) == "pending"
    ]
    assert model.shown_ids()  # the iDEAL source waits for its redirect
    model.set_filter(status="", text="JENNY@")
    assert model.shown_ids() == sandbox.object_ids("customer")
    model.set_filter(text="no such thing")
    assert model.rowCount() == 0
    model.set_filter(text="")
    assert model.shown_ids() == sandbox.object_ids()


def test_a_request_updates_only_the_changed_rows_and_appends_new_ones(
    qtbot: Any, sandbox: Any
) -> None:
    model = ObjectListModel(SandboxHost(sandbox))
    token = sandbox.object_ids("token")[0]
    resets: list[bool] = []
    changed_rows: list[int] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.dataChanged.connect(
        lambda top, bottom, *_: changed_rows.extend(range(top.row(), bottom.row() + 1))
    )
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        body = ok(
            sandbox,
            "POST",
            "/v1/charges",
            [("source", token), ("amount", "500"), ("currency", "usd")],
        )
    assert not resets, "a request must never reset the whole model"
    assert changed_rows == [model.row_of(token)]
    assert inserted.args[1] == inserted.args[2] == model.rowCount() - 1
    assert model.object_id(model.rowCount() - 1) == body["id"]
    assert model.index(model.row_of(token), 0).data(ObjectListModel.StatusRole) == "used"


def test_a_filtered_row_leaves_and_joins_as_its_status_changes(sandbox: Any) -> None:
    model = ObjectListModel(SandboxHost(sandbox))
    model.set_filter(status="pending")
    ideal = model.shown_ids()[0]
    ok(sandbox, "POST", f"/v1/test_helpers/sources/{ideal}/authorize")
    assert ideal not in model.shown_ids()
    model.set_filter(status="chargeable")
    assert ideal in model.shown_ids()


def test_undo_removes_the_created_row_and_redo_brings_it_back(sandbox: Any) -> None:
    model = ObjectListModel(SandboxHost(sandbox))
    body = ok(sandbox, "POST", "/v1/sources", CARD)
    assert model.shown_ids() == sandbox.object_ids()
    assert sandbox.undo()
    assert body["id"] not in model.shown_ids()
    assert model.shown_ids() == sandbox.object_ids()
    assert sandbox.redo()
    assert model.shown_ids() == sandbox.object_ids()


def test_view_follows_and_sets_the_selection(qtbot: Any, tmp_path: Path, sandbox: Any) -> None:
    window = make_window(qtbot, tmp_path, sandbox)
    customer = sandbox.object_ids("customer")[0]
    select(window, customer)  # a click in the list selects
    assert window.detail_pane.object_id() == customer
    source = sandbox.object_ids("source")[0]
    window.selection.select(source)  # the selection moves the list
    view = window.object_panel.view
    assert window.object_panel.model.object_id(view.currentIndex().row()) == source


def test_filter_bar_widgets_drive_the_model(qtbot: Any, tmp_path: Path, sandbox: Any) -> None:
    window = make_window(qtbot, tmp_path, sandbox)
    bar = window.object_panel.filter_bar
    model = window.object_panel.model
    bar.set_kind("token")
    assert model.shown_ids() == sandbox.object_ids("token")
    assert "1 of 4" in bar.count_label.text()
    bar.set_kind("")
    qtbot.keyClicks(bar.text_edit, "ideal")
    assert model.shown_ids() == [sandbox.object_ids("source")[1]]


def test_model_unsubscribes_when_destroyed(qtbot: Any) -> None:
    sandbox = new_sandbox()
    host = SandboxHost(sandbox)  # the one subscriber; the model connects to it
    model = ObjectListModel(host, host)
    selection = Selection()
    del selection
    with qtbot.waitSignal(model.destroyed):
        host.deleteLater()
    assert not sandbox._subscribers
    ok(sandbox, "POST", "/v1/sources", CARD)  # reaches nobody, breaks nothing
    assert not sandbox.subscriber_errors
