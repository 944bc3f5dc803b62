"""core.graph.top_down: the layered layout turned top to bottom, for focused graphs."""

from __future__ import annotations

import pytest
from core_helpers import card_source, ok
from hypothesis import given, settings
from test_graph_layout import TABLE_KEYS, check_layout, graphs

from core.api import Sandbox
from core.graph.focus import focus_graph
from core.graph.layout import layout_graph
from core.graph.model import GraphModel
from core.graph.top_down import ROW_GAP, layout_for, layout_top_down
from core.lifecycle.tables import graph_for

THREE_DS = [
    ("amount", "2000"),
    ("currency", "usd"),
    ("payment_method_types[]", "card"),
    ("payment_method", "pm_card_threeDSecure2Required"),
    ("confirm", "true"),
    ("return_url", "https://example.com/return"),
]


@pytest.mark.parametrize("key", TABLE_KEYS, ids=lambda k: "-".join(x for x in k if x))
def test_every_table_top_down_without_overlaps(key: tuple[str, str]) -> None:
    model = graph_for(*key)
    check_layout(model, layout_top_down(model))


@settings(max_examples=40, deadline=None)
@given(graphs())
def test_random_graphs_top_down_have_no_overlaps_and_clean_routes(model: GraphModel) -> None:
    check_layout(model, layout_top_down(model))


def _focused_requires_action(sb: Sandbox) -> GraphModel:
    pi = ok(sb.request("POST", "/v1/payment_intents", THREE_DS))
    return focus_graph(sb.graph(pi["id"]))


def test_a_focused_payment_intent_reads_downwards_and_narrow(sb: Sandbox) -> None:
    model = _focused_requires_action(sb)
    down = layout_top_down(model)
    check_layout(model, down)
    tops: dict[int, list[float]] = {}
    for n in down.nodes.values():
        tops.setdefault(n.layer, []).append(n.rect.top)
    layers = sorted(tops)
    for a, b in zip(layers, layers[1:], strict=False):
        assert max(tops[a]) < min(tops[b])  # each layer a row below the one before
    across = layout_graph(model)
    assert down.width < across.width / 2


def test_rows_are_no_further_apart_than_the_row_gap(sb: Sandbox) -> None:
    down = layout_top_down(_focused_requires_action(sb))
    spans = sorted(
        (r.top, r.bottom)
        for r in [n.rect for n in down.nodes.values()] + [e.label_rect for e in down.edges.values()]
    )
    bottom = spans[0][1]
    for top, end in spans[1:]:
        assert top - bottom <= ROW_GAP + 1e-6
        bottom = max(bottom, end)


def test_layout_for_turns_only_focused_graphs(sb: Sandbox) -> None:
    source = sb.graph(card_source(sb))
    assert layout_for(source) == layout_graph(source)  # Sources drawn as before
    model = _focused_requires_action(sb)
    assert layout_for(model) == layout_top_down(model)
