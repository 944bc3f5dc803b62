"""Where the view looks when a focused graph is wider than its pane: what can happen next.

A focused graph (``core.graph.focus``: the intents kinds) runs left to right from the
state the object was born in; at a legible size its whole width needs more than the
graph pane of a 1280x800 window. The view then keeps in sight the current state, the
edge that brought it there and every edge out of it with its words (the question a
class asks: what can happen now?), and as much of the states those edges reach as
fits; the rest of the trail is a scroll away, to the left.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF

from core.graph.focus import wants_focus


def next_steps_rect(panel: Any, width: float) -> QRectF | None:
    """The scene rect, at most ``width`` wide where it can be, of the current state, the
    words of the edge that brought it there, those of the edges leaving it forward and
    the states they reach (nearest first)."""
    model = panel.model
    current = model.current if model is not None else None
    if current is None or current.id not in panel.nodes:
        return None
    node = panel.nodes[current.id]
    rect: QRectF = node.sceneBoundingRect()
    centre = rect.center().x()
    wanted: list[QRectF] = []
    for edge in model.edges:
        item = panel.edges.get(edge.id)
        if item is None:
            continue
        label = item.label.sceneBoundingRect()
        if edge.last_taken or (edge.source == current.id and label.center().x() > centre):
            wanted.append(label)
            target = panel.nodes.get(edge.target)
            if edge.source == current.id and target is not None and edge.target != current.id:
                wanted.append(target.sceneBoundingRect())
    wanted.sort(key=lambda r: abs(r.center().x() - centre))
    for other in wanted:
        wider = rect.united(other)
        if wider.width() <= width:
            rect = wider
    return rect


def show_next_steps(view: Any, panel: Any) -> bool:
    """Scroll ``view`` to ``panel``'s next steps; False if its graph is not a focused one."""
    if panel.model is None or not wants_focus(panel.model):
        return False
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    rect = next_steps_rect(panel, seen.width() - 16)
    if rect is None:
        return False
    whole = panel.sceneBoundingRect()
    y = whole.center().y() if whole.height() <= seen.height() else rect.center().y()
    view.centerOn(rect.center().x(), y)
    return True
