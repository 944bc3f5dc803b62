"""Lifecycle tables, graphs and allowed actions: one table per kind drives all three."""

from __future__ import annotations

import pytest
from core_helpers import card_source, charge, customer, make_source, ok, token

from core.api import Sandbox
from core.lifecycle import tables as lifecycle
from core.lifecycle.action import ACTION_NAMES


def test_tables_cover_every_flow_and_kind() -> None:
    assert set(lifecycle.TABLES) == {
        ("source", "none"),
        ("source", "redirect"),
        ("source", "receiver"),
        ("source", "code_verification"),
        ("token", ""),
        ("charge", ""),
        ("payment_method", ""),
        ("payment_intent", ""),
        ("setup_intent", ""),
    }
    for table in lifecycle.TABLES.values():
        ids = [t.id for t in table.transitions]
        assert len(ids) == len(set(ids))
        for t in table.transitions:
            assert t.source in table.states and t.target in table.states
            assert all(g in lifecycle.GUARDS for g in t.guards)
            if t.source in table.terminal:
                raise AssertionError(f"{t.id} leaves terminal {t.source}")  # §3.1


def test_source_tables_carry_t1_to_t8_with_their_events() -> None:
    # §3.3
    table = lifecycle.TABLES[("source", "redirect")]
    by_id = {t.id: t for t in table.transitions}
    assert by_id["T1"].events == ("source.chargeable",)
    assert by_id["T2"].events == ("source.failed",)
    assert by_id["T3"].events == by_id["T4"].events == ("source.canceled",)
    assert by_id["T5c"].events == ("customer.source.deleted",)
    assert by_id["T6"].source == by_id["T6"].target == "chargeable"
    assert by_id["T8a"].events == ("customer.source.created",)
    # T7 is SEPA Direct Debit's, whose flow is none: only that graph shows it.
    assert "T7" not in by_id
    sepa = {t.id: t for t in lifecycle.TABLES[("source", "none")].transitions}
    assert sepa["T7"].target == "failed" and sepa["T7"].events == ("source.failed",)


def test_graph_for_is_bare() -> None:
    graph = lifecycle.graph_for("source", "redirect")
    assert graph.object_id == "" and graph.current is None
    assert not any(e.allowed or e.last_taken for e in graph.edges)


def test_graph_flags_follow_the_object(sb: Sandbox) -> None:
    src = make_source(sb, "ideal")["id"]
    g = sb.graph(src)
    assert g.current is not None and g.current.id == "pending"
    allowed = {e.id for e in g.edges if e.allowed}
    assert allowed == {"T1", "T2", "T3", "T8a"}  # T8a: attach while pending (§5.1 rule 5)
    assert next(e for e in g.edges if e.id == "T4").reason.startswith("the object is pending")
    ok(sb.request("POST", f"/v1/test_helpers/sources/{src}/authorize"))
    g = sb.graph(src)
    assert g.node("chargeable").current and g.node("pending").previous
    assert [e.id for e in g.edges if e.last_taken] == ["T1"]
    # pending was visited: it stays drawn and is not called unreachable
    assert g.node("pending").visited and g.node("pending").reachable
    assert g.node("consumed").reachable and not g.node("failed").reachable
    assert "T5b" not in {e.id for e in g.edges}  # a reusable edge: not this source's
    every = sb.graph(src, every_flow=True)
    blocked = next(e for e in every.edges if e.id == "T5b")
    assert not blocked.allowed and "reusable" in blocked.reason


def test_graph_of_token_and_charge(sb: Sandbox) -> None:
    tok = token(sb, "4000000000000002")
    g = sb.graph(tok)
    assert "U1" not in {e.id for e in g.edges}  # this card never succeeds
    edges = {e.id: e for e in sb.graph(tok, every_flow=True).edges}
    assert edges["U2"].allowed and not edges["U1"].allowed  # the issuer declines it
    assert not edges["U3"].allowed and "cannot be attached" in edges["U3"].reason
    e = charge(sb, source=tok).body["error"]
    assert sb.graph(tok).node("used").current
    assert [x.id for x in sb.graph(tok).edges if x.last_taken] == ["U2"]
    assert sb.graph(e["charge"]).node("failed").current
    ch = ok(charge(sb, source=token(sb), capture="false"))["id"]
    assert {x.id for x in sb.graph(ch).edges if x.allowed} == {"C3", "C4", "C5"}


def test_allowed_actions_for_a_fresh_card_source(sb: Sandbox) -> None:
    src = card_source(sb)
    acts = {a.name: a for a in sb.allowed_actions(src)}
    assert set(acts) <= set(ACTION_NAMES)
    assert acts["charge"].enabled and acts["attach"].enabled
    assert acts["attach"].needs == ("customer",)
    assert not acts["detach"].enabled and acts["detach"].reason
    assert not acts["authorize"].enabled


def test_attaching_a_single_use_source_is_allowed_but_flagged_unverified(sb: Sandbox) -> None:
    # §13: whether Stripe refuses to attach a single-use source is unverified; §5.1 rule 1
    # only advises against it. The sandbox allows it and the action says so.
    ideal = make_source(sb, "ideal")["id"]
    attach = {a.name: a for a in sb.allowed_actions(ideal)}["attach"]
    assert attach.enabled and "§13" in attach.note and "§5.1 rule 1" in attach.note
    reusable = {a.name: a for a in sb.allowed_actions(card_source(sb))}["attach"]
    assert reusable.enabled and reusable.note == ""  # §5.1 rule 2: documented, no caveat
    cus = customer(sb)
    ok(sb.request("POST", f"/v1/customers/{cus}/sources", {"source": ideal}))
    attached = {a.name: a for a in sb.allowed_actions(ideal)}["attach"]
    assert not attached.enabled and attached.note == ""  # a note only where the action applies


@pytest.mark.parametrize(
    "maker", ["card", "ideal", "token", "uncaptured", "ach_credit_transfer", "multibanco"]
)
def test_every_enabled_action_is_accepted_and_every_blocked_one_refused(
    sb: Sandbox, maker: str
) -> None:
    # "Sending action.method, action.path, action.params | chosen performs it"
    cus = customer(sb)
    if maker == "card":
        oid = card_source(sb)
    elif maker == "ideal":
        oid = make_source(sb, "ideal")["id"]
    elif maker == "token":
        oid = token(sb)
    elif maker in ("ach_credit_transfer", "multibanco"):  # receivers: with and without amount
        oid = make_source(sb, maker)["id"]
    else:
        oid = ok(charge(sb, source=token(sb), capture="false"))["id"]
    for action in sb.allowed_actions(oid):
        if not action.path:
            continue
        probe = Sandbox(seed=sb.seed, check_keys=False)
        probe.rebuild(sb.log)
        method, path, params = action.request_args(
            {"customer": cus} if "customer" in action.needs else None
        )
        resp = probe.request(method, path, params)
        if action.enabled:
            assert resp.status == 200, (action, resp.body)
        else:
            assert resp.status >= 400 or action.name == "advance_clock", (action, resp.body)


def test_a_receiver_source_without_an_amount_offers_no_authorize_it_would_refuse(
    sb: Sandbox,
) -> None:
    # stripe-domain.md §5.1 rule 6: a receiver source takes no amount at creation, so
    # "the customer pushes the funds" (§3.3 T1) has no sum of its own to push: the
    # simulator's authorize answers parameter_missing (amount). Offered enabled, the
    # button would be refused; it is blocked with its requirement's words instead,
    # while "Funds arrive" (which asks for the amount) stays offered.
    src = make_source(sb, "ach_credit_transfer")
    assert src["amount"] is None and src["status"] == "pending"
    acts = {a.name: a for a in sb.allowed_actions(src["id"])}
    assert not acts["authorize"].enabled
    assert "amount" in acts["authorize"].reason
    refused = sb.request(*acts["authorize"].request_args())
    assert refused.status == 400 and refused.body["error"]["param"] == "amount"
    assert acts["receive_funds"].enabled and "amount" in acts["receive_funds"].needs
    # a receiver created with its amount (multibanco, single-use) pushes what is missing
    multibanco = make_source(sb, "multibanco")
    authorize = {a.name: a for a in sb.allowed_actions(multibanco["id"])}["authorize"]
    assert authorize.enabled
    assert ok(sb.request(*authorize.request_args()))["status"] == "chargeable"
