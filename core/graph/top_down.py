"""A top-to-bottom layout of a graph: the layered layout turned a quarter (pure Python).

``core.graph.layout`` lays a graph out left to right, one column per layer and one
column of labels between two layers; a lifecycle whose trail runs through four or
five states (a PaymentIntent: requires_payment_method, requires_confirmation,
requires_action, succeeded) is then three times wider than the graph pane of a
1280x800 window, and a class sees a sliver of it. Top to bottom, the same layers are
rows: long state names and labels sit side by side in a row, as wide as the widest
row, and the object's trail reads downwards to what can happen next.

:func:`layout_top_down` asks the layered layout for the graph with every box's width
and height swapped and turns the answer back (x for y), so the no-overlap guarantee
and the routing rules hold unchanged: routes run straight through each row and curve
only in the gaps between rows, a self-loop is an arch on the node's left.

:func:`layout_for` is the one place that chooses: focused graphs
(``core.graph.focus.wants_focus``) top to bottom, every other graph left to right as
before.
"""

from __future__ import annotations

from collections.abc import Callable

from core.graph.focus import wants_focus
from core.graph.layout import (
    EdgeLayout,
    GraphLayout,
    NodeLayout,
    Point,
    Rect,
    Segment,
    Size,
    default_label_size,
    default_node_size,
    layout_graph,
)
from core.graph.model import GraphEdge, GraphModel, GraphNode


def layout_for(
    model: GraphModel,
    *,
    node_size: Callable[[GraphNode], Size] = default_node_size,
    label_size: Callable[[GraphEdge], Size] = default_label_size,
) -> GraphLayout:
    """The layout a renderer draws ``model`` with: top down when focused, else left to right."""
    lay = layout_top_down if wants_focus(model) else layout_graph
    return lay(model, node_size=node_size, label_size=label_size)


def layout_top_down(
    model: GraphModel,
    *,
    node_size: Callable[[GraphNode], Size] = default_node_size,
    label_size: Callable[[GraphEdge], Size] = default_label_size,
) -> GraphLayout:
    """Lay ``model`` out top to bottom (the layered layout, transposed)."""

    def node_turned(node: GraphNode) -> Size:
        w, h = node_size(node)
        return (h, w)

    def label_turned(edge: GraphEdge) -> Size:
        w, h = label_size(edge)
        return (h, w)

    across = layout_graph(model, node_size=node_turned, label_size=label_turned)
    return GraphLayout(
        {k: NodeLayout(n.id, _rect(n.rect), n.layer) for k, n in across.nodes.items()},
        {k: _edge(e) for k, e in across.edges.items()},
        across.height,
        across.width,
    )


def _point(p: Point) -> Point:
    return (p[1], p[0])


def _rect(r: Rect) -> Rect:
    return Rect(r.y, r.x, r.h, r.w)


def _edge(e: EdgeLayout) -> EdgeLayout:
    segments = tuple(
        Segment(
            s.kind,
            _point(s.end),
            None if s.c1 is None else _point(s.c1),
            None if s.c2 is None else _point(s.c2),
        )
        for s in e.segments
    )
    return EdgeLayout(
        e.id,
        e.source,
        e.target,
        _point(e.start),
        segments,
        _rect(e.label_rect),
        loop=e.loop,
        reversed=e.reversed,
    )
