"""The focused view of the intents' graphs (core.graph.focus): trail, next steps, one way in."""

from __future__ import annotations

from collections import Counter

from core_helpers import card_source, ok

from core.api import Sandbox
from core.graph.focus import JOIN, focus_graph, wants_focus
from core.graph.model import GraphModel

THREE_DS = [
    ("amount", "2000"),
    ("currency", "usd"),
    ("payment_method_types[]", "card"),
    ("payment_method", "pm_card_threeDSecure2Required"),
    ("confirm", "true"),
    ("return_url", "https://example.com/return"),
]


def _requires_action(sb: Sandbox) -> str:
    """A PaymentIntent confirmed with a 3DS card: T2 then T5 (intents §3.2), waiting."""
    pi = ok(sb.request("POST", "/v1/payment_intents", THREE_DS))
    assert pi["status"] == "requires_action"
    return str(pi["id"])


def _pairs(model: GraphModel) -> Counter[tuple[str, str]]:
    return Counter((e.source, e.target) for e in model.edges)


def _check_focus(full: GraphModel, focused: GraphModel) -> None:
    """What every focused model keeps, whatever the object."""
    assert [n.id for n in focused.nodes] == [n.id for n in full.nodes]  # every state
    current = full.current
    assert current is not None
    ids = {e.id for e in focused.edges}
    assert set(focused.trail) <= ids  # the trail's edges, under their merged ids
    pairs = _pairs(focused)
    for edge in full.edges:
        if edge.taken or edge.source == current.id:
            assert (edge.source, edge.target) in pairs, edge.id
    assert max(pairs.values()) == 1  # parallel edges merged
    visited = {n.id for n in full.nodes if n.visits}
    into = Counter(e.target for e in focused.edges if e.source != e.target)
    for node in full.nodes:
        if node.id not in visited:
            assert into[node.id] <= 1, node.id
    assert len(focused.edges) < len(full.edges)


def test_requires_action_keeps_trail_every_next_step_and_every_state(sb: Sandbox) -> None:
    pi = _requires_action(sb)
    full = sb.graph(pi)
    assert wants_focus(full)
    focused = focus_graph(full)
    _check_focus(full, focused)
    assert focused.trail == ("T2", "T5-rc")
    out = {e.target: e for e in focused.edges if e.source == "requires_action"}
    # §3.2: from requires_action a confirm or the customer's authentication decides
    assert {"succeeded", "requires_payment_method", "canceled", "requires_action"} <= set(out)
    assert len(focused.edges) <= 8  # from 24


def test_parallel_edges_become_one_edge_with_joined_words(sb: Sandbox) -> None:
    pi = _requires_action(sb)
    full = sb.graph(pi)
    focused = focus_graph(full)
    to_succeeded = [
        e for e in focused.edges if (e.source, e.target) == ("requires_action", "succeeded")
    ]
    assert len(to_succeeded) == 1
    edge = to_succeeded[0]
    # §3.2 T3 (confirm) and T6 (authenticate) both lead there: one edge, both words
    assert edge.label.split(JOIN) == [
        "confirm (authorized, automatic capture)",
        "customer authenticates (automatic capture)",
    ]
    assert edge.allowed and not edge.reason
    members = [e for e in full.edges if (e.source, e.target) == ("requires_action", "succeeded")]
    assert set(edge.events) == {ev for e in members for ev in e.events}
    # one trigger speaks once: three confirm outcomes go back to requires_payment_method
    back = next(
        e
        for e in focused.edges
        if (e.source, e.target) == ("requires_action", "requires_payment_method")
    )
    words = back.label.split(JOIN)
    assert len(words) == len(set(words)) == 3  # confirm, authenticate, expire (T9, T6d, T8)
    assert sum(w.startswith("confirm") for w in words) == 1


def test_after_authentication_the_trail_shows_the_edge_taken(sb: Sandbox) -> None:
    pi = _requires_action(sb)
    ok(
        sb.request(
            "POST", f"/v1/test_helpers/payment_intents/{pi}/authenticate", [("result", "success")]
        )
    )
    full = sb.graph(pi)
    focused = focus_graph(full)
    _check_focus(full, focused)
    assert focused.current is not None and focused.current.id == "succeeded"
    assert focused.trail == ("T2", "T5-rc", "T6")
    taken = [e for e in focused.edges if e.last_taken]
    assert [e.id for e in taken] == ["T6"]
    # on the trail only the edge taken speaks (T3's confirm did not happen)
    assert taken[0].label == "customer authenticates (automatic capture)"
    assert taken[0].taken == 1
    # canceled was never visited: one edge into it, from the last state that could cancel
    into_canceled = [e for e in focused.edges if e.target == "canceled"]
    assert [(e.source, e.trigger) for e in into_canceled] == [("requires_action", "cancel")]


def test_fresh_payment_intent_shows_every_way_out(sb: Sandbox) -> None:
    pi = ok(sb.request("POST", "/v1/payment_intents", [("amount", "1000"), ("currency", "usd")]))
    full = sb.graph(pi["id"])
    focused = focus_graph(full)
    _check_focus(full, focused)
    assert focused.trail == ()
    assert {e.source for e in focused.edges} == {"requires_payment_method"}


def test_blocked_next_steps_stay_with_their_reason(sb: Sandbox) -> None:
    pi = ok(sb.request("POST", "/v1/payment_intents", [("amount", "1000"), ("currency", "usd")]))
    full = sb.graph(pi["id"])
    focused = focus_graph(full)
    for edge in focused.edges:
        members = [e for e in full.edges if (e.source, e.target) == (edge.source, edge.target)]
        assert edge.allowed == any(e.allowed for e in members)
        if not edge.allowed:
            assert edge.reason == members[0].reason != ""


def test_setup_intent_and_payment_method_are_focused(sb: Sandbox) -> None:
    si = ok(sb.request("POST", "/v1/setup_intents", []))
    full = sb.graph(si["id"])
    assert wants_focus(full)
    _check_focus(full, focus_graph(full))
    pm = ok(
        sb.request(
            "POST",
            "/v1/payment_methods",
            [
                ("type", "card"),
                ("card[number]", "4242424242424242"),
                ("card[exp_month]", "12"),
                ("card[exp_year]", "2034"),
            ],
        )
    )
    cus = ok(sb.request("POST", "/v1/customers", []))
    ok(sb.request("POST", f"/v1/payment_methods/{pm['id']}/attach", [("customer", cus["id"])]))
    full = sb.graph(pm["id"])
    focused = focus_graph(full)
    assert [n.id for n in focused.nodes] == [n.id for n in full.nodes]
    # §4.4: use and update both leave an attached PaymentMethod attached: one loop
    loops = [e for e in focused.edges if e.source == e.target == "attached"]
    assert len(loops) == 1 and JOIN in loops[0].label
    assert max(_pairs(focused).values()) == 1


def test_sources_and_every_flow_are_not_focused(sb: Sandbox) -> None:
    src = card_source(sb)
    assert not wants_focus(sb.graph(src))
    assert not wants_focus(sb.graph(_requires_action(sb), every_flow=True))
    bare = sb.graph(src)
    assert focus_graph(GraphModel(bare.kind, "", "", ())) == GraphModel(bare.kind, "", "", ())
