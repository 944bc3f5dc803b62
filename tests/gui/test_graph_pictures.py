"""The graph's pictures: an action's frame copies pictures painted ahead, it
does not paint nodes and labels (``gui.graph.pictured``).

An action gives the state it reaches a new visit badge and its edge's label a
new count; both looks are painted just after the frame before, so the frame of
the action itself only copies (painting them there cost ~1 ms a frame).
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from helpers.graph_view import graph_view
from PySide6.QtWidgets import QApplication

from core.api import Sandbox
from gui.graph import StateGraphView
from gui.graph.edges import EdgeLabel
from gui.graph.nodes import NodeItem
from gui.graph.pictured import _Prerenderer

CARD = {
    "card[number]": "4242424242424242",
    "card[exp_month]": "12",
    "card[exp_year]": "2034",
    "card[cvc]": "123",
}
IDEAL = {
    "type": "ideal",
    "amount": "1000",
    "currency": "eur",
    "redirect[return_url]": "https://example.com/back",
}


@pytest.fixture
def sandbox() -> Sandbox:
    return Sandbox(seed=0, check_keys=False)


@pytest.fixture
def view(qtbot: Any, sandbox: Sandbox) -> StateGraphView:
    widget = graph_view(qtbot, sandbox)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def painted(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Any]]:
    """Every node or label look painted with vectors (not copied from a picture)."""
    calls: list[tuple[str, Any]] = []
    for cls in (NodeItem, EdgeLabel):
        original = cls.paint_look

        def paint_look(self: Any, painter: Any, look: Any, original: Any = original) -> None:
            calls.append((type(self).__name__, look))
            original(self, painter, look)

        monkeypatch.setattr(cls, "paint_look", paint_look)
    return calls


def _frame(view: StateGraphView) -> None:
    view.viewport().repaint()  # the frame: Qt fills the changed items' caches


def _settle() -> None:
    # the pictures are painted by posted, low-priority events, a few ms at a time
    prerenderer = _Prerenderer.instance()
    for _ in range(500):
        QApplication.processEvents()
        if not prerenderer.busy():
            return
    raise AssertionError("the looks were still being painted after 500 turns")


def _perform(sandbox: Sandbox, object_id: str, name: str, **chosen: str) -> None:
    action = next(a for a in sandbox.allowed_actions(object_id) if a.name == name)
    response = sandbox.request(*action.request_args(chosen))
    assert response.status == 200, response.body


def _attached_card_source(view: StateGraphView, sandbox: Sandbox) -> tuple[str, str]:
    """A reusable card source attached to a customer, shown, its looks painted ahead."""
    src = sandbox.request("POST", "/v1/sources", {"type": "card", **CARD}).body["id"]
    customer = sandbox.request("POST", "/v1/customers", {}).body["id"]
    view.set_object(src)
    _frame(view)
    _settle()
    _perform(sandbox, src, "attach", customer=customer)
    _frame(view)
    _settle()
    return src, customer


def test_an_actions_frame_copies_pictures_of_the_looks_it_reaches(
    view: StateGraphView, sandbox: Sandbox, painted: list[tuple[str, Any]]
) -> None:
    src = sandbox.request("POST", "/v1/sources", IDEAL).body["id"]
    view.set_object(src)
    _frame(view)
    _settle()
    for name in ("authorize", "charge"):
        painted.clear()
        _perform(sandbox, src, name)
        _frame(view)
        assert painted == [], f"{name}: painted in the action's frame"
        _settle()
    badge = view.panel().nodes["consumed"].look()
    assert badge[0] == "current" and badge[-1] == "3"  # born, authorized, charged


def test_the_same_action_again_finds_its_next_count_painted(
    view: StateGraphView, sandbox: Sandbox, painted: list[tuple[str, Any]]
) -> None:
    # an attached reusable source is charged again and again along one self-loop
    src, customer = _attached_card_source(view, sandbox)
    for n in range(1, 5):
        painted.clear()
        _perform(sandbox, src, "charge", customer=customer)
        _frame(view)
        assert painted == [], f"charge {n}: painted in the action's frame"
        _settle()
    labels = [item.label for item in view.panel().edges.values() if item.edge.last_taken]
    assert [label.look()[2] for label in labels] == [4]  # the count the label shows


def test_painting_ahead_comes_in_slices_between_other_events(
    view: StateGraphView, sandbox: Sandbox
) -> None:
    src = sandbox.request("POST", "/v1/sources", IDEAL).body["id"]
    slices: list[float] = []
    prerenderer = _Prerenderer.instance()
    original = prerenderer.run

    def timed() -> None:
        started = time.perf_counter()
        original()
        slices.append(time.perf_counter() - started)

    prerenderer.run = timed  # type: ignore[method-assign]
    try:
        view.set_object(src)
        _frame(view)
        _settle()
    finally:
        del prerenderer.run
    assert len(slices) > 1  # a new graph's looks take more than one slice
    # each slice stops after the item that passed the budget (one item: under 5 ms)
    assert sorted(slices)[len(slices) // 2] < prerenderer.SLICE + 0.005


def test_pictures_of_looks_an_item_can_no_longer_take_are_dropped(
    view: StateGraphView, sandbox: Sandbox
) -> None:
    src, customer = _attached_card_source(view, sandbox)
    for _ in range(12):
        _perform(sandbox, src, "charge", customer=customer)
        _frame(view)
        _settle()
    panel = view.panel()
    for item in [*panel.nodes.values(), *(e.label for e in panel.edges.values())]:
        kept = set(item._pictures or {})
        assert kept <= {*item.looks(), item.look()}, type(item).__name__


def test_painting_ahead_waits_for_the_animation_to_end(
    qtbot: Any, view: StateGraphView, sandbox: Sandbox, painted: list[tuple[str, Any]]
) -> None:
    src, customer = _attached_card_source(view, sandbox)
    view.set_animation_duration(80)
    _perform(sandbox, src, "charge", customer=customer)
    (anim,) = view.running_animations()
    QApplication.processEvents()
    assert not _Prerenderer.instance().busy()  # the animation's frames come first
    with qtbot.waitSignal(anim.finished, timeout=5000):
        pass
    assert _Prerenderer.instance().busy()  # then the next looks are painted
    _settle()
    view.set_animation_duration(0)
    painted.clear()
    _perform(sandbox, src, "charge", customer=customer)
    _frame(view)
    assert painted == []
