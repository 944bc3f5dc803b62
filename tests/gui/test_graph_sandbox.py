"""StateGraphView on the real ``core.api.Sandbox``: what it draws is ``sandbox.graph``,
it follows real requests, and clicking an edge performs the action."""

from __future__ import annotations

from typing import Any

import pytest
from helpers.graph_view import graph_view
from PySide6.QtCore import Qt

from core.api import Sandbox
from core.lifecycle.tables import graph_for
from gui.graph import StateGraphView

CARD = {
    "card[number]": "4242424242424242",
    "card[exp_month]": "12",
    "card[exp_year]": "2034",
    "card[cvc]": "123",
}
CREATE: dict[str, tuple[str, str, dict[str, str]]] = {
    "none": ("POST", "/v1/sources", {"type": "card", **CARD}),
    "redirect": (
        "POST",
        "/v1/sources",
        {
            "type": "ideal",
            "amount": "1000",
            "currency": "eur",
            "redirect[return_url]": "https://example.com/back",
            "owner[name]": "Jenny Rosen",
        },
    ),
    "receiver": (
        "POST",
        "/v1/sources",
        {"type": "ach_credit_transfer", "currency": "usd", "owner[email]": "jenny@example.com"},
    ),
    "code_verification": (
        "POST",
        "/v1/sources",
        {
            "type": "ach_debit",
            "currency": "usd",
            "ach_debit[routing_number]": "110000000",
            "ach_debit[account_number]": "000123456789",
            "owner[name]": "Jenny Rosen",
        },
    ),
    "token": ("POST", "/v1/tokens", CARD),
}


def create(sandbox: Sandbox, what: str) -> str:
    response = sandbox.request(*CREATE[what])
    assert response.status == 200, response.body
    return str(response.body["id"])


def perform(sandbox: Sandbox, object_id: str, name: str, **chosen: Any) -> None:
    """What the window does with ``actionRequested``: send the action's request."""
    action = next(a for a in sandbox.allowed_actions(object_id) if a.name == name)
    if "customer" in action.needs and "customer" not in chosen:
        chosen["customer"] = sandbox.request("POST", "/v1/customers", {}).body["id"]
    sandbox.request(*action.request_args(chosen))


@pytest.fixture
def sandbox() -> Sandbox:
    return Sandbox(seed=0, check_keys=False)


@pytest.fixture
def view(qtbot: Any, sandbox: Sandbox) -> StateGraphView:
    return graph_view(qtbot, sandbox)


def drawn(
    view: StateGraphView,
) -> tuple[list[tuple[str, bool, bool, bool]], list[tuple[str, str, str, bool, bool]]]:
    panel = view.panel()
    nodes = [(n, i.node.current, i.node.previous, i.node.reachable) for n, i in panel.nodes.items()]
    edges = [
        (e, i.edge.source, i.edge.target, i.edge.allowed, i.edge.last_taken)
        for e, i in panel.edges.items()
    ]
    return nodes, edges


def expected(sandbox: Sandbox, object_id: str) -> tuple[list[Any], list[Any]]:
    g = sandbox.graph(object_id)
    return (
        [(n.id, n.current, n.previous, n.reachable) for n in g.nodes],
        [(e.id, e.source, e.target, e.allowed, e.last_taken) for e in g.edges],
    )


@pytest.mark.parametrize("what", sorted(CREATE))
def test_drawn_graph_is_the_sandboxs_graph_and_the_core_table(
    view: StateGraphView, sandbox: Sandbox, what: str
) -> None:
    object_id = create(sandbox, what)
    view.set_object(object_id)
    assert drawn(view) == expected(sandbox, object_id)
    kind, variant = ("token", "") if what == "token" else ("source", what)
    table = graph_for(kind, variant)
    # this object's own lifecycle: a part of its flow's table, in the table's order
    table_nodes, table_edges = [n.id for n in table.nodes], [e.id for e in table.edges]
    drawn_nodes, drawn_edges = list(view.panel().nodes), list(view.panel().edges)
    assert drawn_nodes == [n for n in table_nodes if n in drawn_nodes]
    assert drawn_edges == [e for e in table_edges if e in drawn_edges]


def test_flags_follow_real_requests(view: StateGraphView, sandbox: Sandbox) -> None:
    src = create(sandbox, "redirect")
    view.set_object(src)
    for name in ("authorize", "charge"):
        perform(sandbox, src, name)
        assert drawn(view) == expected(sandbox, src)
    panel = view.panel()
    assert panel.nodes["consumed"].node.current
    assert panel.nodes["chargeable"].node.previous
    assert [e for e, i in panel.edges.items() if i.edge.last_taken] == ["T5a"]
    # a charge was created: its own graph
    charge = sandbox.object_ids("charge")[-1]
    view.set_object(charge)
    assert drawn(view) == expected(sandbox, charge)
    assert list(view.panel().edges) == [e.id for e in sandbox.graph(charge).edges]
    assert set(view.panel().edges) <= {e.id for e in graph_for("charge").edges}


def test_clicking_an_edge_performs_the_action(
    qtbot: Any, view: StateGraphView, sandbox: Sandbox
) -> None:
    src = create(sandbox, "redirect")
    view.actionRequested.connect(lambda oid, name: perform(sandbox, oid, name))
    view.set_object(src)
    view.show()
    qtbot.waitExposed(view)
    item = view.panel().edges["T1"]
    pos = view.mapFromScene(item.mapToScene(item.label_rect.center()))
    with qtbot.waitSignal(view.actionRequested):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert sandbox.get(src)["status"] == "chargeable"
    assert view.panel().nodes["chargeable"].node.current
    assert view.panel().edges["T1"].edge.last_taken


def test_a_token_charged_then_refused_shakes_and_says_why(
    qtbot: Any, view: StateGraphView, sandbox: Sandbox
) -> None:
    view.set_animation_duration(100)
    tok = create(sandbox, "token")
    view.set_object(tok)
    perform(sandbox, tok, "charge")
    (anim,) = view.running_animations()
    with qtbot.waitSignal(anim.finished, timeout=5000):
        pass
    assert view.panel().nodes["used"].node.current
    with qtbot.waitSignal(view.actionBlocked) as blocker:
        sandbox.request("POST", "/v1/charges", {"source": tok, "amount": "1000", "currency": "usd"})
    assert blocker.args[:2] == [tok, "charge"]
    assert view.panel().banner.text()
    (shake,) = view.running_animations()
    with qtbot.waitSignal(shake.finished, timeout=5000):
        pass
    assert not view.is_animating()


def test_self_loop_of_an_attached_reusable_source_animates(
    qtbot: Any, view: StateGraphView, sandbox: Sandbox
) -> None:
    src = create(sandbox, "none")
    view.set_object(src)
    perform(sandbox, src, "attach")
    view.set_animation_duration(80)
    perform(sandbox, src, "charge")
    assert [e for e, i in view.panel().edges.items() if i.edge.last_taken] == ["T6"]
    (anim,) = view.running_animations()
    with qtbot.waitSignal(anim.finished, timeout=5000):
        pass
    assert view.panel().nodes["chargeable"].node.current


def test_undo_redraws_without_animating(view: StateGraphView, sandbox: Sandbox) -> None:
    src = create(sandbox, "redirect")
    view.set_object(src)
    perform(sandbox, src, "authorize")
    view.set_animation_duration(500)
    assert sandbox.undo()
    assert not view.is_animating()
    assert drawn(view) == expected(sandbox, src)
