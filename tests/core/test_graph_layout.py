"""The pure layered layout and the Mermaid export, on every lifecycle table and on random graphs."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.graph.geometry import EdgeLayout, GraphLayout, Rect
from core.graph.layout import layout_graph
from core.graph.mermaid import to_mermaid
from core.graph.model import GraphEdge, GraphModel, GraphNode
from core.graph.text_size import estimate_text_size, wrap_label
from core.lifecycle.tables import TABLES, graph_for

TABLE_KEYS = sorted(TABLES)


def _points_along(edge: EdgeLayout, steps: int = 24) -> list[tuple[float, float]]:
    """Points sampled along the route (cubics evaluated, lines interpolated)."""
    out = []
    here = edge.start
    for seg in edge.segments:
        for i in range(1, steps + 1):
            t = i / steps
            if seg.kind == "C" and seg.c1 and seg.c2:
                p = [
                    (1 - t) ** 3 * here[k]
                    + 3 * (1 - t) ** 2 * t * seg.c1[k]
                    + 3 * (1 - t) * t**2 * seg.c2[k]
                    + t**3 * seg.end[k]
                    for k in (0, 1)
                ]
            else:
                p = [here[k] + (seg.end[k] - here[k]) * t for k in (0, 1)]
            out.append((p[0], p[1]))
        here = seg.end
    return out


def _inside(p: tuple[float, float], r: Rect, shrink: float) -> bool:
    return r.left + shrink < p[0] < r.right - shrink and r.top + shrink < p[1] < r.bottom - shrink


def _on_border(p: tuple[float, float], r: Rect, tol: float = 0.5) -> bool:
    within_x = r.left - tol <= p[0] <= r.right + tol
    within_y = r.top - tol <= p[1] <= r.bottom + tol
    on_x = math.isclose(p[0], r.left, abs_tol=tol) or math.isclose(p[0], r.right, abs_tol=tol)
    on_y = math.isclose(p[1], r.top, abs_tol=tol) or math.isclose(p[1], r.bottom, abs_tol=tol)
    return within_x and within_y and (on_x or on_y)


def check_layout(model: GraphModel, layout: GraphLayout) -> None:
    assert set(layout.nodes) == {n.id for n in model.nodes}
    assert list(layout.edges) == [e.id for e in model.edges]
    assert layout.overlaps(margin=4.0) == []
    for e in model.edges:
        route = layout.edges[e.id]
        src, dst = layout.nodes[e.source].rect, layout.nodes[e.target].rect
        assert (route.source, route.target) == (e.source, e.target)
        assert route.loop == (e.source == e.target)
        assert _on_border(route.start, src), (e.id, route.start, src)
        assert _on_border(route.end, dst), (e.id, route.end, dst)
        # the route never runs through a node, nor through another edge's label
        for p in _points_along(route):
            for n, box in layout.nodes.items():
                assert not _inside(p, box.rect, 1.0), (e.id, "crosses node", n, p)
            for other in layout.edges.values():
                if other.id != e.id:
                    assert not _inside(p, other.label_rect, 1.0), (e.id, "crosses", other.id)
        # the route passes through its own label
        lr = route.label_rect
        assert any(
            _inside(p, lr, 0.0) or _on_border(p, lr, 1.0) for p in _points_along(route, 60)
        ), e.id
    for box in layout.boxes():
        rect = box[1]
        assert rect.left >= 0 and rect.top >= 0
        assert rect.right <= layout.width and rect.bottom <= layout.height


@pytest.mark.parametrize("key", TABLE_KEYS, ids=lambda k: "-".join(x for x in k if x))
def test_every_table_is_laid_out_without_overlaps(key: tuple[str, str]) -> None:
    model = graph_for(*key)
    check_layout(model, layout_graph(model))


@pytest.mark.parametrize("key", TABLE_KEYS, ids=lambda k: "-".join(x for x in k if x))
def test_layout_is_deterministic(key: tuple[str, str]) -> None:
    assert layout_graph(graph_for(*key)) == layout_graph(graph_for(*key))


def test_layers_run_left_to_right_along_the_lifecycle() -> None:
    layout = layout_graph(graph_for("source", "redirect"))
    layer = {n: box.layer for n, box in layout.nodes.items()}
    assert layer["pending"] < layer["chargeable"] < layer["consumed"]
    assert layout.nodes["pending"].rect.right < layout.nodes["chargeable"].rect.left


def test_text_sizes_come_from_the_callbacks() -> None:
    model = graph_for("token")
    layout = layout_graph(
        model, node_size=lambda n: (200.0, 80.0), label_size=lambda e: (90.0, 30.0)
    )
    assert {(b.rect.w, b.rect.h) for b in layout.nodes.values()} == {(200.0, 80.0)}
    assert {(e.label_rect.w, e.label_rect.h) for e in layout.edges.values()} == {(90.0, 30.0)}


def test_long_labels_wrap_at_natural_breaks() -> None:
    assert wrap_label("attach") == "attach"
    assert wrap_label("authorize fails (3DS processing error)") == (
        "authorize fails\n(3DS processing error)"
    )
    assert wrap_label("succeeded · captured: false", 16) == "succeeded\ncaptured: false"
    w1, h1 = estimate_text_size("one line")
    w2, h2 = estimate_text_size("one line\nand another")
    assert h2 == pytest.approx(2 * h1) and w2 > w1


def test_a_cycle_is_drawn_with_a_reversed_edge() -> None:
    nodes = tuple(GraphNode(n, n) for n in ("a", "b", "c"))
    edges = (
        GraphEdge("e1", "a", "b", "go", "go"),
        GraphEdge("e2", "b", "c", "go", "go"),
        GraphEdge("e3", "c", "a", "back", "back"),
    )
    model = GraphModel("x", "", "", nodes, edges)
    layout = layout_graph(model)
    check_layout(model, layout)
    assert [e.id for e in layout.edges.values() if e.reversed] == ["e3"]


def test_empty_graph() -> None:
    layout = layout_graph(GraphModel("x", "", "", ()))
    assert layout.nodes == {} and layout.width > 0


@st.composite
def graphs(draw: st.DrawFn) -> GraphModel:
    n = draw(st.integers(1, 7))
    names = [f"s{i}" for i in range(n)]
    nodes = tuple(
        GraphNode(
            name,
            draw(
                st.sampled_from(["a", "pending", "chargeable x y", "succeeded · captured: false"])
            ),
        )
        for name in names
    )
    count = draw(st.integers(0, 12))
    words = st.sampled_from(
        [
            "go",
            "charge (single_use)",
            "expire (chargeable window)",
            "attach",
            "a much longer label, with a comma, and more words",
        ]
    )
    edges = tuple(
        GraphEdge(
            f"e{i}", draw(st.sampled_from(names)), draw(st.sampled_from(names)), "t", draw(words)
        )
        for i in range(count)
    )
    return GraphModel("x", "", "", nodes, edges)


@settings(max_examples=60, deadline=None)
@given(graphs())
def test_random_graphs_have_no_overlaps_and_clean_routes(model: GraphModel) -> None:
    check_layout(model, layout_graph(model))


# ------------------------------------------------------------------ Mermaid


@pytest.mark.parametrize("key", TABLE_KEYS, ids=lambda k: "-".join(x for x in k if x))
def test_mermaid_has_every_state_and_transition(key: tuple[str, str]) -> None:
    model = graph_for(*key)
    text = to_mermaid(model)
    lines = [line.strip() for line in text.splitlines()]
    assert "stateDiagram-v2" in lines
    transitions = [line for line in lines if "-->" in line and "[*]" not in line]
    assert len(transitions) == len(model.edges)
    for edge, line in zip(model.edges, transitions, strict=True):
        head, _, label = line.partition(" : ")
        assert head == f"{edge.source} --> {edge.target}"
        assert label and ";" not in re.sub(r"#\w+;", "", label)  # only entity codes
    for node in model.nodes:
        assert any(node.id in line for line in lines)
        if node.terminal:
            assert f"{node.id} --> [*]" in lines


def test_mermaid_marks_the_objects_flags() -> None:
    bare = graph_for("token")
    nodes = (
        GraphNode("unused", "unused", previous=True),
        GraphNode("used", "used", terminal=True, current=True),
    )
    edges = tuple(
        GraphEdge(
            e.id,
            e.source,
            e.target,
            e.trigger,
            e.label,
            last_taken=e.id == "U1",
            reason="" if e.id == "U1" else "the token is used",
        )
        for e in bare.edges
    )
    text = to_mermaid(GraphModel("token", "", "tok_1", nodes, edges))
    assert "class used current" in text
    assert "class unused previous" in text
    assert "%% last taken: U1" in text
    assert "blocked U2: the token is used" in text
