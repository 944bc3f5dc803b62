"""How big a state's or an edge's text is before a renderer measures it.

``core.graph.layout`` needs a box for every node and label; a renderer with real font
metrics (Qt) passes its own ``measure`` callbacks, the defaults here are a
conservative estimate, and every renderer wraps labels with ``wrap_label`` so the
boxes match what it prints.
"""

from __future__ import annotations

from core.graph.geometry import Size
from core.graph.model import GraphEdge, GraphNode


def wrap_label(text: str, width: int = 24) -> str:
    """``text`` broken into lines at " (" or " · " when it is longer than ``width``.

    Renderers print labels wrapped this way, so columns stay narrow enough to
    read the whole graph at 1280x800 and on a projector.
    """
    if len(text) <= width:
        return text
    for sep, keep in ((" · ", ""), (" (", "("), (": ", ":"), (", ", ",")):
        at = text.find(sep)
        if 0 < at:
            head = text[:at] + (keep if keep in ":," else "")
            tail = (keep if keep == "(" else "") + text[at + len(sep) :]
            return head + "\n" + wrap_label(tail, width)
    return text


def estimate_text_size(text: str, font_px: float = 13.0) -> Size:
    """A conservative width/height of ``text`` (lines split on newlines; no font needed)."""
    if "\n" in text:
        sizes = [estimate_text_size(line, font_px) for line in text.split("\n")]
        return (max(w for w, _h in sizes), sum(h for _w, h in sizes))
    wide = sum(1 for ch in text if ch.isupper() or ch in "mwMW@%")
    narrow = sum(1 for ch in text if ch in "il.,:;|!'() ")
    width = (len(text) - wide - narrow) * 0.6 + wide * 0.85 + narrow * 0.35
    return (width * font_px, font_px * 1.35)


def default_node_size(node: GraphNode) -> Size:
    w, h = estimate_text_size(wrap_label(node.label, 16), 15.0)
    # the state's name, then a status line ("current", "previous"...)
    return (max(110.0, w + 40.0), max(54.0, h + 19.0 + 16.0))


def default_label_size(edge: GraphEdge) -> Size:
    w, h = estimate_text_size(wrap_label(edge.label), 12.0)
    return (w + 16.0, h + 8.0)
