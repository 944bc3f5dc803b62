"""The state graph view (minimal first cut; grows in later commits)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget


class StateGraphView(QGraphicsView):
    """The selected object's lifecycle graph.

    Signals:
        actionRequested(str, str): (object_id, action_name) when the user
            clicks an allowed edge.
    """

    actionRequested = Signal(str, str)

    def __init__(self, sandbox: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stateGraph")
        self._sandbox = sandbox
        self._object_id: str | None = None
        self._duration = 600
        self.setScene(QGraphicsScene(self))

    def object_id(self) -> str | None:
        return self._object_id

    def set_object(self, object_id: str | None) -> None:
        self._object_id = object_id

    def set_animation_duration(self, ms: int) -> None:
        self._duration = max(0, int(ms))

    def animation_duration(self) -> int:
        return self._duration
