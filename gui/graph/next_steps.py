"""Where the view looks when a focused graph is larger than its pane: what can happen next.

A focused graph (``core.graph.focus``: the intents kinds) is laid out top to bottom
(``core.graph.top_down``) from the state the object was born in; at a legible size a
PaymentIntent's whole trail needs more than the graph pane of a 1280x800 window. The
view then keeps in sight the current state and every edge out of it with its words
(the question a class asks: what can happen now?), the states those edges reach, and
as much of the edge that brought it there as fits; the start of the trail is a scroll
away, upwards.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF

from core.graph.focus import wants_focus

#: how much above the current state stays in sight (the edge in) when the rest does not fit
LEAD_IN = 48.0


def next_steps_rect(panel: Any, height: float) -> QRectF | None:
    """The scene rect, at most ``height`` high where it can be, of the current state, the
    words of the edges leaving it downwards, the states they reach and the words of the
    edge that brought it there (in that order, as far as ``height`` allows)."""
    model = panel.model
    current = model.current if model is not None else None
    if current is None or current.id not in panel.nodes:
        return None
    node = panel.nodes[current.id]
    rect: QRectF = node.sceneBoundingRect()
    centre = rect.center().y()
    labels: list[QRectF] = []
    targets: list[QRectF] = []
    came: list[QRectF] = []
    for edge in model.edges:
        item = panel.edges.get(edge.id)
        if item is None:
            continue
        label = item.label.sceneBoundingRect()
        if edge.source == current.id and label.center().y() > centre:
            labels.append(label)
            target = panel.nodes.get(edge.target)
            if target is not None and edge.target != current.id:
                targets.append(target.sceneBoundingRect())
        elif edge.last_taken:
            came.append(label)
    left_out = False
    for other in labels + targets + came:
        taller = rect.united(other)
        if taller.height() <= height:
            rect = taller
        elif other not in came:
            left_out = True
    if left_out:  # from just above the current state: the edge in, then what comes next
        top = node.sceneBoundingRect().top() - LEAD_IN
        rect = QRectF(rect.left(), top, rect.width(), height)
    return rect


def show_next_steps(view: Any, panel: Any) -> bool:
    """Scroll ``view`` to ``panel``'s next steps; False if its graph is not a focused one."""
    if panel.model is None or not wants_focus(panel.model):
        return False
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    rect = next_steps_rect(panel, seen.height() - 16)
    if rect is None:
        return False
    whole = panel.sceneBoundingRect()
    x = whole.center().x() if whole.width() <= seen.width() else rect.center().x()
    # the next steps at the bottom of the pane, the trail above them as far as it goes
    view.centerOn(x, rect.bottom() + 12 - seen.height() / 2)
    return True
