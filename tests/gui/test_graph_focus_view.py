"""The graph view draws the intents kinds focused (core.graph.focus) and still animates."""

from __future__ import annotations

from typing import Any

import pytest
from helpers.graph_view import graph_view

from core.api import Sandbox
from core.graph.focus import focus_graph
from gui.graph import StateGraphView

THREE_DS = {
    "amount": "2000",
    "currency": "usd",
    "payment_method_types[]": "card",
    "payment_method": "pm_card_threeDSecure2Required",
    "confirm": "true",
    "return_url": "https://example.com/return",
}


@pytest.fixture
def sandbox() -> Sandbox:
    return Sandbox(seed=0, check_keys=False)


@pytest.fixture
def view(qtbot: Any, sandbox: Sandbox) -> StateGraphView:
    return graph_view(qtbot, sandbox, 580, 420)  # the graph pane of a 1280x800 window


def _requires_action(sandbox: Sandbox) -> str:
    response = sandbox.request("POST", "/v1/payment_intents", THREE_DS)
    assert response.status == 200 and response.body["status"] == "requires_action"
    return str(response.body["id"])


def test_a_payment_intent_is_drawn_focused_and_e_shows_the_whole_table(
    view: StateGraphView, sandbox: Sandbox
) -> None:
    pi = _requires_action(sandbox)
    view.set_object(pi)
    focused = focus_graph(sandbox.graph(pi))
    assert list(view.panel().edges) == [e.id for e in focused.edges]
    assert len(view.panel().edges) < len(sandbox.graph(pi).edges)
    view.set_every_flow(True)
    assert list(view.panel().edges) == [e.id for e in sandbox.graph(pi, every_flow=True).edges]
    view.set_every_flow(False)
    assert list(view.panel().edges) == [e.id for e in focused.edges]


def test_authenticating_animates_the_edge_taken(
    qtbot: Any, view: StateGraphView, sandbox: Sandbox
) -> None:
    pi = _requires_action(sandbox)
    view.set_object(pi)
    view.set_animation_duration(80)
    # intents §3.2 T6: the customer authenticates, automatic capture: succeeded
    response = sandbox.request(
        "POST", f"/v1/test_helpers/payment_intents/{pi}/authenticate", {"result": "success"}
    )
    assert response.status == 200
    panel = view.panel()
    assert [e for e, item in panel.edges.items() if item.edge.last_taken] == ["T6"]
    (anim,) = view.running_animations()
    with qtbot.waitSignal(anim.finished, timeout=5000):
        pass
    assert not view.is_animating()
    assert panel.nodes["succeeded"].node.current


def test_the_current_state_is_in_view_after_each_step(
    view: StateGraphView, sandbox: Sandbox
) -> None:
    pi = _requires_action(sandbox)
    view.set_object(pi)
    for _ in range(2):
        model = view.graph_model()
        assert model is not None and model.current is not None
        node = view.panel().nodes[model.current.id]
        shown = view.mapFromScene(node.sceneBoundingRect()).boundingRect()
        assert view.viewport().rect().contains(shown)
        sandbox.request(
            "POST", f"/v1/test_helpers/payment_intents/{pi}/authenticate", {"result": "success"}
        )
