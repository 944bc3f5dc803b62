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
only in the gaps between rows, a self-loop is an arch on the node's left. The gaps
between rows are then narrowed to :data:`ROW_GAP`, the margin to :data:`EDGE_MARGIN`.

:func:`layout_for` is the one place that chooses: focused graphs
(``core.graph.focus.wants_focus``) top to bottom, every other graph left to right as
before.
"""

from __future__ import annotations

from collections.abc import Callable

from core.graph.focus import wants_focus
from core.graph.geometry import EdgeLayout, GraphLayout, NodeLayout, Point, Rect, Segment, Size
from core.graph.layout import layout_graph
from core.graph.model import GraphEdge, GraphModel, GraphNode
from core.graph.text_size import default_label_size, default_node_size

#: the gap between two rows (the layered layout's column gap is for curves across it
#: sideways; downwards a shorter gap keeps a PaymentIntent's trail on one screen)
ROW_GAP = 24.0
#: the space around the drawing (half the layered layout's: the view adds its own)
EDGE_MARGIN = 12.0


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
    down = GraphLayout(
        {k: NodeLayout(n.id, _rect(n.rect), n.layer) for k, n in across.nodes.items()},
        {k: _edge(e) for k, e in across.edges.items()},
        across.height,
        across.width,
    )
    return _moved(_close_rows(down, ROW_GAP), EDGE_MARGIN)


def _close_rows(down: GraphLayout, gap: float) -> GraphLayout:
    """``down`` with the gaps between its rows narrowed to ``gap``.

    A row is a band of y that node or label boxes cover; routes run straight inside a
    row and curve only in the gaps, so squeezing each gap (an affine map of y there,
    a shift inside the rows) keeps every curve a curve, every box whole and apart.
    """
    spans = sorted(
        (r.top, r.bottom)
        for r in [n.rect for n in down.nodes.values()] + [e.label_rect for e in down.edges.values()]
    )
    bands: list[list[float]] = []
    for top, bottom in spans:
        if bands and top <= bands[-1][1] + 1e-6:
            bands[-1][1] = max(bands[-1][1], bottom)
        else:
            bands.append([top, bottom])
    if len(bands) < 2:
        return down
    # (old y, new y) at each band's edges: the map is linear between two of them
    marks: list[tuple[float, float]] = [(bands[0][0], bands[0][0])]
    shift = 0.0
    for i, (top, bottom) in enumerate(bands):
        if i:
            old_gap = top - bands[i - 1][1]
            shift -= max(0.0, old_gap - gap)
            marks.append((top, top + shift))
        marks.append((bottom, bottom + shift))

    def move(y: float) -> float:
        if y <= marks[0][0]:
            return y
        for (a, fa), (b, fb) in zip(marks, marks[1:], strict=False):
            if y <= b:
                return fa if b - a < 1e-9 else fa + (y - a) * (fb - fa) / (b - a)
        return y + shift

    def point(p: Point) -> Point:
        return (p[0], move(p[1]))

    def rect(r: Rect) -> Rect:
        top = move(r.top)
        return Rect(r.x, top, r.w, move(r.bottom) - top)

    edges = {
        k: EdgeLayout(
            e.id,
            e.source,
            e.target,
            point(e.start),
            tuple(
                Segment(
                    s.kind,
                    point(s.end),
                    None if s.c1 is None else point(s.c1),
                    None if s.c2 is None else point(s.c2),
                )
                for s in e.segments
            ),
            rect(e.label_rect),
            loop=e.loop,
            reversed=e.reversed,
        )
        for k, e in down.edges.items()
    }
    nodes = {k: NodeLayout(n.id, rect(n.rect), n.layer) for k, n in down.nodes.items()}
    return GraphLayout(nodes, edges, down.width, down.height + shift)


def _moved(lay: GraphLayout, margin: float) -> GraphLayout:
    """``lay`` with ``margin`` around everything it draws (boxes and routes)."""
    xs, ys = [], []
    for e in lay.edges.values():
        for p in e.points():
            xs.append(p[0])
            ys.append(p[1])
    for _name, r in lay.boxes():
        xs += [r.left, r.right]
        ys += [r.top, r.bottom]
    if not xs:
        return lay
    dx, dy = margin - min(xs), margin - min(ys)

    def point(p: Point) -> Point:
        return (p[0] + dx, p[1] + dy)

    def seg(s: Segment) -> Segment:
        c1 = None if s.c1 is None else point(s.c1)
        c2 = None if s.c2 is None else point(s.c2)
        return Segment(s.kind, point(s.end), c1, c2)

    return GraphLayout(
        {k: NodeLayout(n.id, n.rect.translated(dx, dy), n.layer) for k, n in lay.nodes.items()},
        {
            k: EdgeLayout(
                e.id,
                e.source,
                e.target,
                point(e.start),
                tuple(seg(s) for s in e.segments),
                e.label_rect.translated(dx, dy),
                loop=e.loop,
                reversed=e.reversed,
            )
            for k, e in lay.edges.items()
        },
        max(xs) + dx + margin,
        max(ys) + dy + margin,
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
