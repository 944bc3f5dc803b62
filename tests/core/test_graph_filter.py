"""The graph of one object: only what its type, flow, usage and birth allow, and its trail."""

from __future__ import annotations

import pytest
from core_helpers import card_source, charge, chargeable_source, customer, make_source, ok, token

from core.api import Sandbox
from core.facts import source_catalog
from core.lifecycle import tables as lifecycle


def _edges(graph: object) -> dict[str, object]:
    return {e.id: e for e in graph.edges}  # type: ignore[attr-defined]


def _guards(edge_id: str, kind: str = "source", flow: str = "none") -> tuple[str, ...]:
    table = lifecycle.TABLES[(kind, flow)]
    return next(t.guards for t in table.transitions if t.id == edge_id)


def test_card_source_is_born_chargeable_and_shows_no_other_flow(sb: Sandbox) -> None:
    # §3.2: a card source is chargeable at once; §3.3 T7 is SEPA's; §3.4 card sources never expire
    g = sb.graph(card_source(sb))
    assert [n.id for n in g.nodes] == ["chargeable", "consumed"]
    assert not g.every_flow
    edges = _edges(g)
    assert set(edges) == {"T5b", "T5c", "T6", "T8b"}
    for edge in g.edges:
        assert edge.trigger not in ("authorize", "charge_failed", "expire", "fail")
        assert "sepa_debit" not in _guards(edge.id)
        assert "pending" not in (edge.source, edge.target)
    # the full table of the flow is still there for comparing
    every = sb.graph(g.object_id, every_flow=True)
    assert every.every_flow and {"T1", "T7", "T4", "T3"} <= set(_edges(every))
    assert "pending" in [n.id for n in every.nodes]


def test_ideal_single_use_has_redirect_edges_and_no_reusable_edge(sb: Sandbox) -> None:
    # §3.3 T1 (redirect), §5.1 rule 1 (single_use charged once), §3.4 (1 h / 6 h timers)
    src = make_source(sb, "ideal")["id"]
    g = sb.graph(src)
    edges = _edges(g)
    assert {"T1", "T2", "T3", "T4", "T5a"} <= set(edges)
    assert edges["T1"].label.startswith("authorize (redirect")  # type: ignore[attr-defined]
    for edge_id in edges:
        assert "reusable" not in _guards(edge_id, flow="redirect"), edge_id
    assert "T6" not in edges and "T5b" not in edges
    # iDEAL is not 3D Secure: its redirect never fails with a 3DS processing error (§10)
    assert "T2a" not in edges


def test_reusable_sepa_source_has_its_own_failure_edge(sb: Sandbox) -> None:
    # §3.2: chargeable at once; §3.3 T7: SEPA only
    src = make_source(sb, "sepa_debit")
    assert src["usage"] == "reusable"
    g = sb.graph(src["id"])
    edges = _edges(g)
    assert "T7" in edges and edges["T7"].target == "failed"  # type: ignore[attr-defined]
    assert "T6" in edges and "T1" not in edges
    assert "pending" not in [n.id for n in g.nodes]


def test_wechat_keeps_its_qr_authorize_edge(sb: Sandbox) -> None:
    # §3.2: flow none but pending until the QR code is scanned
    g = sb.graph(make_source(sb, "wechat")["id"])
    edges = _edges(g)
    assert "T1" in edges and "T7" not in edges


def test_token_graph_follows_its_card(sb: Sandbox) -> None:
    # §10 test cards: 4242 succeeds, 4000000000000002 declines (and still uses the token, §6.3)
    good = _edges(sb.graph(token(sb)))
    assert set(good) == {"U1", "U3", "U4"}
    declined = _edges(sb.graph(token(sb, "4000000000000002")))
    assert "U2" in declined and "U1" not in declined


def test_card_charge_is_born_succeeded(sb: Sandbox) -> None:
    # §8.2: a card charge is final at once; refund edges only
    ch = ok(charge(sb, source=token(sb)))
    g = sb.graph(ch["id"])
    assert [n.id for n in g.nodes] == ["succeeded", "refunded"]
    assert set(_edges(g)) == {"C6", "C7"}
    uncaptured = ok(charge(sb, source=token(sb), capture="false"))
    g = sb.graph(uncaptured["id"])
    assert g.nodes[0].id == "uncaptured" and "C3" in _edges(g)
    assert "pending" not in [n.id for n in g.nodes]


def _all_sources(sb: Sandbox) -> list[str]:
    ids = []
    for name, info in source_catalog.SOURCE_TYPES.items():
        for usage in info.usages:
            try:
                ids.append(make_source(sb, name, usage=usage)["id"])
            except AssertionError:  # a type this sandbox cannot create with default params
                continue
    return ids


def test_the_filter_never_hides_what_the_rules_allow(sb: Sandbox) -> None:
    """Every edge the full table allows now is drawn; nothing drawn is outside the table."""
    ids = _all_sources(sb)
    assert len(ids) >= 12
    for step in range(4):
        for object_id in list(sb.object_ids()):
            if sb.kind_of(object_id) not in ("source", "token", "charge"):
                continue
            mine, every = sb.graph(object_id), sb.graph(object_id, every_flow=True)
            shown = _edges(mine)
            assert set(shown) <= set(_edges(every))
            assert {n.id for n in mine.nodes} <= {n.id for n in every.nodes}
            for edge in every.edges:
                if edge.allowed:
                    assert edge.id in shown, (object_id, edge.id)
            for edge in mine.edges:
                assert edge.source in {n.id for n in mine.nodes}
                assert edge.target in {n.id for n in mine.nodes}
            current = mine.current
            assert current is not None and current.visited
        for object_id in ids:  # take the first allowed action of each source
            actions = [a for a in sb.allowed_actions(object_id) if a.name == "authorize"]
            if actions and step == 0:
                sb.request("POST", f"/v1/test_helpers/sources/{object_id}/authorize", None)
            elif step == 1 and sb.state_of(object_id) == "chargeable":
                charge(sb, source=object_id, amount="1000", currency="eur")
            elif step == 2:
                sb.request("POST", "/v1/test_helpers/advance_clock", {"seconds": "86400"})
                break


def test_trail_counts_repeated_edges_and_undo_walks_it_back(sb: Sandbox) -> None:
    # §3.3 T6: a reusable source attached to a customer stays chargeable when charged
    src = card_source(sb)
    cus = customer(sb)
    ok(sb.request("POST", f"/v1/customers/{cus}/sources", {"source": src}))
    for _ in range(3):
        ok(charge(sb, customer=cus, source=src))
    g = sb.graph(src)
    assert g.trail == ("T8b", "T6", "T6", "T6")
    edges = _edges(g)
    assert edges["T6"].taken == 3 and edges["T8b"].taken == 1  # type: ignore[attr-defined]
    assert edges["T6"].last_taken  # type: ignore[attr-defined]
    assert g.node("chargeable").visits == (1, 2, 3, 4, 5)
    assert g.node("consumed").visits == ()
    assert sb.undo()
    g = sb.graph(src)
    assert g.trail == ("T8b", "T6", "T6")
    assert _edges(g)["T6"].taken == 2  # type: ignore[attr-defined]
    assert sb.redo() and _edges(sb.graph(src))["T6"].taken == 3  # type: ignore[attr-defined]


def test_visited_state_is_never_unreachable(sb: Sandbox) -> None:
    # §3.3 T1 then T5a: pending was visited, so it is drawn and not called unreachable
    src = chargeable_source(sb, "ideal")["id"]
    ok(charge(sb, source=src, amount="1000", currency="eur"))
    g = sb.graph(src)
    assert g.trail == ("T1", "T5a")
    assert [(n.id, n.visits) for n in g.nodes if n.visits] == [
        ("pending", (1,)),
        ("chargeable", (2,)),
        ("consumed", (3,)),
    ]
    assert all(n.reachable for n in g.nodes if n.visits)
    assert not g.node("canceled").reachable
    assert lifecycle.visited_states(sb._st.objects[src]) == ["pending", "chargeable", "consumed"]


@pytest.mark.parametrize(
    ("number", "shown", "hidden"),
    [("4000000000003063", "T1", "T2a"), ("4000000000003097", "T2a", "T1")],
)
def test_three_d_secure_shows_the_redirect_outcome_its_card_has(
    sb: Sandbox, number: str, shown: str, hidden: str
) -> None:
    # §10: 4000000000003097 fails completing 3D Secure (processing error); 3063 succeeds
    src = make_source(sb, "three_d_secure", number=number)
    assert src["status"] == "pending"
    edges = _edges(sb.graph(src["id"]))
    assert shown in edges and hidden not in edges
