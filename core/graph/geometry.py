"""The shapes of a laid-out graph: boxes, route segments, node and edge placements.

``core.graph.layout`` computes a ``GraphLayout``; every renderer (the Qt scene, the
PNG/SVG export, tests) reads it through these frozen records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Point = tuple[float, float]
Size = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Rect:
    """An axis-aligned box; ``x``/``y`` are the top-left corner."""

    x: float
    y: float
    w: float
    h: float

    @property
    def left(self) -> float:
        return self.x

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def top(self) -> float:
        return self.y

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def center(self) -> Point:
        return (self.x + self.w / 2, self.y + self.h / 2)

    def intersects(self, other: Rect, margin: float = 0.0) -> bool:
        """True if the boxes overlap by more than ``-margin`` (touching is fine)."""
        return (
            self.x < other.right + margin - 1e-6
            and other.x < self.right + margin - 1e-6
            and self.y < other.bottom + margin - 1e-6
            and other.y < self.bottom + margin - 1e-6
        )

    def translated(self, dx: float, dy: float) -> Rect:
        return Rect(self.x + dx, self.y + dy, self.w, self.h)


@dataclass(frozen=True, slots=True)
class Segment:
    """One piece of a route: a line (``L``) to ``end`` or a cubic (``C``)."""

    kind: str  # "L" or "C"
    end: Point
    c1: Point | None = None
    c2: Point | None = None


@dataclass(frozen=True, slots=True)
class EdgeLayout:
    """Where one edge runs and where its label sits.

    Attributes:
        id, source, target: as in the model.
        start: where the route starts (on the source node's border).
        segments: the route from ``start`` to the target node's border.
        label_rect: the label's box; the route passes through its middle.
        loop: the edge is a self-loop.
        reversed: the edge runs right to left (it closes a cycle).
    """

    id: str
    source: str
    target: str
    start: Point
    segments: tuple[Segment, ...]
    label_rect: Rect
    loop: bool = False
    reversed: bool = False

    @property
    def end(self) -> Point:
        return self.segments[-1].end if self.segments else self.start

    def points(self) -> list[Point]:
        """Start, every control point and every end point, in order."""
        pts = [self.start]
        for seg in self.segments:
            if seg.c1 is not None and seg.c2 is not None:
                pts += [seg.c1, seg.c2]
            pts.append(seg.end)
        return pts

    def svg_path(self) -> str:
        """The route as an SVG path ``d`` attribute."""
        parts = [f"M {self.start[0]:.1f} {self.start[1]:.1f}"]
        for seg in self.segments:
            if seg.kind == "C" and seg.c1 is not None and seg.c2 is not None:
                parts.append(
                    f"C {seg.c1[0]:.1f} {seg.c1[1]:.1f} {seg.c2[0]:.1f} {seg.c2[1]:.1f}"
                    f" {seg.end[0]:.1f} {seg.end[1]:.1f}"
                )
            else:
                parts.append(f"L {seg.end[0]:.1f} {seg.end[1]:.1f}")
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class NodeLayout:
    """Where one node sits: its box and its layer (column, left to right)."""

    id: str
    rect: Rect
    layer: int


@dataclass(frozen=True, slots=True)
class GraphLayout:
    """Positions of every node, edge route and label of one graph."""

    nodes: dict[str, NodeLayout] = field(default_factory=dict)
    edges: dict[str, EdgeLayout] = field(default_factory=dict)
    width: float = 0.0
    height: float = 0.0

    def boxes(self) -> list[tuple[str, Rect]]:
        """Every node box and label box, named ``node:<id>`` / ``label:<id>``."""
        out = [(f"node:{n.id}", n.rect) for n in self.nodes.values()]
        out += [(f"label:{e.id}", e.label_rect) for e in self.edges.values()]
        return out

    def overlaps(self, margin: float = 0.0) -> list[tuple[str, str]]:
        """Pairs of boxes (nodes, labels) that overlap; empty for a good layout."""
        boxes = self.boxes()
        found = []
        for i, (name_a, a) in enumerate(boxes):
            for name_b, b in boxes[i + 1 :]:
                if a.intersects(b, margin):
                    found.append((name_a, name_b))
        return found
