"""Keyboard use of the graph (a mixin of ``StateGraphView``).

Tab / Shift+Tab and the arrow keys move a frame between the edges the object
can take now (in the table's order); Enter or Return takes the framed edge,
exactly as a click would. Tab past the last edge leaves the graph, so the
keyboard is never trapped. +, − and F zoom and fit; E shows every flow.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent

NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Down)
PREVIOUS_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Up)
TAKE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def graph_key_rows() -> list[tuple[str, str]]:
    """(keys, what they do) of the graph's own keys, while it has the focus (the F1 sheet)."""

    rows = [
        ("+  /  =", QCoreApplication.translate("StateGraph", "Zoom the graph in")),
        (
            "−",
            QCoreApplication.translate(
                "StateGraph", "Zoom the graph out (never below its readable size)"
            ),
        ),
        (
            QCoreApplication.translate("StateGraph", "Wheel"),
            QCoreApplication.translate("StateGraph", "Zoom the graph under the mouse"),
        ),
        ("F", QCoreApplication.translate("StateGraph", "Fit the graph to its pane")),
        (
            "E",
            QCoreApplication.translate(
                "StateGraph", "Show every flow, or only this object's lifecycle"
            ),
        ),
        (
            "Tab  /  Shift+Tab  /  ← → ↑ ↓",
            QCoreApplication.translate("StateGraph", "Choose an edge the object can take now"),
        ),
        (
            "Enter",
            QCoreApplication.translate("StateGraph", "Take the chosen edge (as a click would)"),
        ),
    ]
    return rows


class EdgeKeysMixin:
    """Moves the keyboard's edge frame and takes the framed edge.

    Needs from the view: ``_panel`` (a ``GraphPanel``), ``_on_edge_clicked``.
    """

    def enabled_edges(self: Any) -> list[str]:
        """Ids of the edges the shown object can take now, in the table's order."""
        panel = self._panel
        if panel.model is None or not panel.model.object_id:
            return []
        return [e.id for e in panel.model.edges if e.allowed]

    def focused_edge(self: Any) -> str:
        return str(self._panel.focused_edge)

    def move_edge_focus(self: Any, step: int, wrap: bool = True) -> bool:
        """Frame the next (``step`` 1) or previous (-1) enabled edge; False at an end."""
        edges = self.enabled_edges()
        if not edges:
            self._panel.focus_edge("")
            return False
        current = self.focused_edge()
        if current not in edges:
            index = 0 if step > 0 else len(edges) - 1
        else:
            index = edges.index(current) + step
            if not 0 <= index < len(edges):
                if not wrap:
                    self._panel.focus_edge("")
                    return False
                index %= len(edges)
        self._panel.focus_edge(edges[index])
        item = self._panel.edges[edges[index]]
        self.ensureVisible(item.label.sceneBoundingRect(), 40, 40)
        return True

    def take_focused_edge(self: Any) -> bool:
        edge_id = self.focused_edge()
        if not edge_id or self._panel.model is None:
            return False
        self._on_edge_clicked(self._panel.model.object_id, edge_id)
        return True

    def handle_edge_key(self: Any, event: QKeyEvent) -> bool:
        """Arrows and Enter; True if the key was the graph's."""
        if event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier):
            return False
        key = event.key()
        if key in NEXT_KEYS:
            return bool(self.move_edge_focus(1) or True)
        if key in PREVIOUS_KEYS:
            return bool(self.move_edge_focus(-1) or True)
        if key in TAKE_KEYS:
            return bool(self.take_focused_edge())
        return False

    def focusNextPrevChild(self: Any, next: bool) -> bool:  # noqa: N802, A002 - Qt API
        if self.hasFocus() and self.move_edge_focus(1 if next else -1, wrap=False):
            return True
        return bool(super().focusNextPrevChild(next))  # type: ignore[misc]
