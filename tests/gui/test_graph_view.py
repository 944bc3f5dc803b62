"""StateGraphView: drawn from the core's tables, flags follow actions, clicks, animations, keys.

``TableSandbox`` is a tiny stand-in with the sandbox's graph/subscribe surface
(docs/core-api.md) that moves objects along the core's own tables, so these
tests exercise the view alone; ``test_graph_sandbox.py`` runs the real thing.
"""

from __future__ import annotations

from typing import Any

import pytest
import shiboken6
from helpers.table_sandbox import TableSandbox
from PySide6.QtCore import QAbstractAnimation, QPoint, Qt
from PySide6.QtGui import QKeySequence

from core.lifecycle.tables import TABLES, graph_for
from gui.graph import StateGraphView
from gui.sandbox_host import SandboxHost

TABLE_KEYS = sorted(TABLES)

INITIAL = {
    "source": "pending",
    "token": "unused",
    "charge": "pending",
    "payment_method": "unattached",
    "payment_intent": "requires_payment_method",
    "setup_intent": "requires_payment_method",
}


@pytest.fixture
def sandbox() -> TableSandbox:
    return TableSandbox()


@pytest.fixture
def view(qtbot: Any, sandbox: TableSandbox) -> StateGraphView:
    widget = StateGraphView(SandboxHost(sandbox))
    widget.set_animation_duration(0)
    widget.set_reduced_motion(False)
    widget.resize(1000, 600)
    qtbot.addWidget(widget)
    return widget


def _click_edge(qtbot: Any, view: StateGraphView, edge_id: str) -> None:
    item = view.panel().edges[edge_id]
    centre = item.mapToScene(item.label_rect.center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(centre))


@pytest.mark.parametrize("key", TABLE_KEYS, ids=lambda k: "-".join(x for x in k if x))
def test_drawn_nodes_and_edges_equal_the_core_table(
    view: StateGraphView, sandbox: TableSandbox, key: tuple[str, str]
) -> None:
    kind, variant = key
    view.set_object(sandbox.add("obj_1", kind, variant, INITIAL[kind]))
    table = graph_for(kind, variant)
    panel = view.panel()
    assert [n for n in panel.nodes] == [n.id for n in table.nodes]
    assert [e for e in panel.edges] == [e.id for e in table.edges]
    for e in table.edges:
        item = panel.edges[e.id]
        assert (item.edge.source, item.edge.target, item.edge.trigger, item.edge.label) == (
            e.source,
            e.target,
            e.trigger,
            e.label,
        )
        assert item.route == panel.layout.edges[e.id]
    for n in table.nodes:
        assert panel.nodes[n.id].node.terminal == n.terminal
    # no two drawn nodes overlap in the scene
    rects = [item.sceneBoundingRect().adjusted(6, 6, -6, -6) for item in panel.nodes.values()]
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])


def test_flags_follow_each_action(view: StateGraphView, sandbox: TableSandbox) -> None:
    view.set_object(sandbox.add("src_1", "source", "redirect", "pending"))
    panel = view.panel()
    assert panel.nodes["pending"].node.current
    assert panel.nodes["pending"].status_word() == "● current"
    assert not any(item.edge.last_taken for item in panel.edges.values())
    assert panel.edges["T1"].edge.allowed and not panel.edges["T5a"].edge.allowed

    for edge_id, now, before in (
        ("T1", "chargeable", "pending"),
        ("T8b", "chargeable", "chargeable"),
        ("T5a", "consumed", "chargeable"),
    ):
        sandbox.take("src_1", edge_id)
        assert [n for n, item in panel.nodes.items() if item.node.current] == [now]
        assert [n for n, item in panel.nodes.items() if item.node.previous] == [before]
        assert [e for e, item in panel.edges.items() if item.edge.last_taken] == [edge_id]
        assert panel.edges[edge_id].pen().width() >= 4  # the last edge stays highlighted
    assert panel.nodes["consumed"].status_word() == "● current"
    assert panel.nodes["chargeable"].status_word() == "previous"
    assert not any(item.edge.allowed for item in panel.edges.values())


def test_clicking_an_allowed_edge_requests_its_action(
    qtbot: Any, view: StateGraphView, sandbox: TableSandbox
) -> None:
    view.set_object(sandbox.add("src_1", "source", "redirect", "pending"))
    view.show()
    qtbot.waitExposed(view)
    with qtbot.waitSignal(view.actionRequested) as blocker:
        _click_edge(qtbot, view, "T1")
    assert blocker.args == ["src_1", "authorize"]


def test_clicking_a_blocked_edge_explains_and_requests_nothing(
    qtbot: Any, view: StateGraphView, sandbox: TableSandbox
) -> None:
    view.set_object(sandbox.add("src_1", "source", "redirect", "pending"))
    view.show()
    qtbot.waitExposed(view)
    assert "blocked" in view.panel().edges["T5a"].toolTip()
    assert "the object is pending" in view.panel().edges["T5a"].toolTip()
    with (
        qtbot.assertNotEmitted(view.actionRequested),
        qtbot.waitSignal(view.actionBlocked) as blocker,
    ):
        _click_edge(qtbot, view, "T5a")
    assert blocker.args[:2] == ["src_1", "charge"]


def test_a_transition_animates_and_finishes(
    qtbot: Any, view: StateGraphView, sandbox: TableSandbox
) -> None:
    view.set_animation_duration(120)
    view.set_object(sandbox.add("src_1", "source", "redirect", "pending"))
    panel = view.panel()
    sandbox.take("src_1", "T1")
    (anim,) = view.running_animations()
    assert anim.state() == QAbstractAnimation.State.Running
    assert panel.marker.isVisible()
    with qtbot.waitSignal(anim.finished, timeout=5000):
        pass
    assert not view.is_animating()
    assert not panel.marker.isVisible()
    assert panel.nodes["chargeable"].pulse == 0.0
    # the marker ended on the target node
    target = panel.nodes["chargeable"].sceneBoundingRect().adjusted(-12, -12, 12, 12)
    assert target.contains(panel.marker.scenePos())


def test_a_self_loop_animates_too(qtbot: Any, view: StateGraphView, sandbox: TableSandbox) -> None:
    view.set_animation_duration(80)
    view.set_object(sandbox.add("src_1", "source", "none", "chargeable"))
    for _ in range(2):  # the same loop twice: animates each time
        sandbox.take("src_1", "T6")
        (anim,) = view.running_animations()
        with qtbot.waitSignal(view.animationFinished, timeout=5000):
            pass
        assert anim is not None
    assert not view.is_animating()


def test_a_new_action_cuts_the_running_animation_short(
    qtbot: Any, view: StateGraphView, sandbox: TableSandbox
) -> None:
    view.set_animation_duration(10_000)
    view.set_object(sandbox.add("src_1", "source", "redirect", "pending"))
    sandbox.take("src_1", "T1")
    first = view.running_animations()[0]
    with qtbot.waitSignal(view.animationFinished):
        sandbox.take("src_1", "T5a")
    assert first not in view.running_animations()
    view.stop_animations()
    assert not view.is_animating()


def test_a_rejected_action_shakes_the_blocked_edge(
    qtbot: Any, view: StateGraphView, sandbox: TableSandbox
) -> None:
    view.set_animation_duration(100)
    view.set_object(sandbox.add("tok_1", "token", "", "used"))
    with qtbot.waitSignal(view.actionBlocked) as blocker:
        sandbox.reject("tok_1", "charge", "You cannot use a Stripe token more than once")
    assert blocker.args == ["tok_1", "charge", "You cannot use a Stripe token more than once"]
    (anim,) = view.running_animations()
    assert anim.objectName() == "graph-shake"
    assert "more than once" in view.panel().banner.text()
    with qtbot.waitSignal(anim.finished, timeout=5000):
        pass
    assert all(item.x() == 0 for item in view.panel().edges.values())


def test_a_long_rejection_wraps_inside_the_graph(
    view: StateGraphView, sandbox: TableSandbox
) -> None:
    view.set_object(sandbox.add("tok_1", "token", "", "used"))
    panel = view.panel()
    message = "You cannot use a Stripe token more than once: " + "tok_" + "x" * 24 + ". " * 40
    sandbox.reject("tok_1", "charge", message)
    banner = panel.banner.boundingRect()
    assert banner.width() <= panel.layout.width  # wrapped, not run off the right edge
    assert banner.height() > 2 * panel.banner._font.pointSizeF()  # on several lines
    assert panel.boundingRect().bottom() >= panel.banner.y() + banner.height()  # the fit sees it


def test_zero_duration_and_reduced_motion_jump(view: StateGraphView, sandbox: TableSandbox) -> None:
    view.set_object(sandbox.add("src_1", "source", "redirect", "pending"))
    sandbox.take("src_1", "T1")
    assert not view.is_animating()
    view.set_animation_duration(500)
    view.set_reduced_motion(True)
    assert view.effective_duration() == 0
    sandbox.take("src_1", "T5a")
    assert not view.is_animating()
    assert view.panel().nodes["consumed"].node.current


def test_changes_to_other_objects_do_not_touch_the_graph(
    view: StateGraphView, sandbox: TableSandbox
) -> None:
    view.set_animation_duration(500)
    view.set_object(sandbox.add("src_1", "source", "redirect", "pending"))
    sandbox.add("src_2", "source", "redirect", "pending")
    sandbox.take("src_2", "T1")
    assert not view.is_animating()
    assert view.panel().nodes["pending"].node.current


def test_keys_zoom_and_fit_but_leave_ctrl_zoom_to_the_window(
    qtbot: Any, view: StateGraphView, sandbox: TableSandbox
) -> None:
    view.set_object(sandbox.add("src_1", "source", "redirect", "pending"))
    view.show()
    qtbot.waitExposed(view)
    view.setFocus()
    start = view.zoom_factor()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom_factor() == pytest.approx(start * 1.2)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    # never below 1:1: zooming out must not shrink the text under its legible size
    assert view.zoom_factor() == pytest.approx(max(1.0, start / 1.2))
    for _ in range(10):
        qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.zoom_factor() == pytest.approx(1.0)
    qtbot.keyClick(view, Qt.Key.Key_F)
    assert view.zoom_factor() == pytest.approx(start)
    for combo in ("Ctrl+=", "Ctrl+-", "Ctrl+0"):
        seq = QKeySequence(combo)[0]
        qtbot.keyClick(view, seq.key(), seq.keyboardModifiers())
        assert view.zoom_factor() == pytest.approx(start), combo


def test_wheel_zooms_and_fit_shows_everything(
    qtbot: Any, view: StateGraphView, sandbox: TableSandbox
) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    view.set_object(sandbox.add("src_1", "source", "code_verification", "pending"))
    view.show()
    qtbot.waitExposed(view)
    start = view.zoom_factor()
    centre = QPointF(view.viewport().rect().center())
    event = QWheelEvent(
        centre,
        view.viewport().mapToGlobal(centre),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    view.wheelEvent(event)
    assert view.zoom_factor() > start
    view.fit()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.adjusted(-2, -2, 2, 2).contains(view.panel().sceneBoundingRect())


def test_compare_pins_one_object_beside_the_other_both_live(
    view: StateGraphView, sandbox: TableSandbox
) -> None:
    sandbox.add("src_1", "source", "none", "chargeable")
    sandbox.add("tok_1", "token", "", "unused")
    view.set_object("src_1")
    view.pin()
    view.set_object("tok_1")
    pinned, live = view.pinned_panel(), view.panel()
    assert pinned is not None and view.pinned_object() == "src_1"
    assert pinned.model.object_id == "src_1" and live.model.object_id == "tok_1"
    a, b = pinned.sceneBoundingRect(), live.sceneBoundingRect()
    assert a.right() < b.left() or a.bottom() < b.top()  # beside or below, never overlapping
    sandbox.take("src_1", "T5a")
    sandbox.take("tok_1", "U1")
    assert pinned.nodes["consumed"].node.current
    assert live.nodes["used"].node.current
    assert pinned.title.text().startswith("Pinned")
    view.unpin()
    assert view.pinned_panel() is None and view.pinned_object() is None


def test_no_object_shows_a_hint(view: StateGraphView, sandbox: TableSandbox) -> None:
    view.set_object(sandbox.add("src_1", "source", "none", "pending"))
    view.set_object(None)
    assert view.panel().model is None
    assert view.panel().nodes == {}


def test_the_view_unsubscribes_when_deleted(qtbot: Any, sandbox: TableSandbox) -> None:
    host = SandboxHost(sandbox)  # the one subscriber; the view connects to it
    widget = StateGraphView(host)
    assert len(sandbox.subscribers) == 1
    sandbox.add("src_1", "source", "redirect", "pending")
    widget.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(widget), timeout=2000)
    sandbox.take("src_1", "T1")  # a change after the view is gone reaches nobody
    host.deleteLater()
    qtbot.waitUntil(lambda: not sandbox.subscribers, timeout=2000)
