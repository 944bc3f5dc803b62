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

#: how much of the edge into the current state stays in sight when the next steps do not fit
LEAD_IN = 48.0


def next_steps_rect(panel: Any, width: float) -> QRectF | None:
    """The scene rect, at most ``width`` wide where it can be, of the current state, the
    words of the edges leaving it forward, the states they reach and the words of the
    edge that brought it there (in that order, as far as ``width`` allows)."""
    model = panel.model
    current = model.current if model is not None else None
    if current is None or current.id not in panel.nodes:
        return None
    node = panel.nodes[current.id]
    rect: QRectF = node.sceneBoundingRect()
    centre = rect.center().x()
    labels: list[QRectF] = []
    targets: list[QRectF] = []
    came: list[QRectF] = []
    for edge in model.edges:
        item = panel.edges.get(edge.id)
        if item is None:
            continue
        label = item.label.sceneBoundingRect()
        if edge.source == current.id and label.center().x() > centre:
            labels.append(label)
            target = panel.nodes.get(edge.target)
            if target is not None and edge.target != current.id:
                targets.append(target.sceneBoundingRect())
        elif edge.last_taken:
            came.append(label)
    # what can happen next first, then where it leads, then how the object got here
    left_out = False
    for other in labels + targets + came:
        wider = rect.united(other)
        if wider.width() <= width:
            rect = wider
        elif other not in came:
            left_out = True
    if left_out:  # the pane from just left of the current state: the arrow in, then ahead
        rect = QRectF(node.sceneBoundingRect().left() - LEAD_IN, rect.top(), width, rect.height())
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
