"""The one object the user is looking at, shared by every pane.

Panes never reach into each other: the object list, the event log and the
graph *set* the selection; the detail pane, the action bar and the graph
*follow* it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Selection(QObject):
    """The selected object id.

    Attributes:
        current: the selected object's id, or ``None``.

    Signals:
        changed(str): the selection moved; the new id, or ``""`` for none.
    """

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._current: str | None = None

    @property
    def current(self) -> str | None:
        return self._current

    def select(self, object_id: str | None) -> None:
        """Select ``object_id`` (``None`` or ``""`` clears); emits only on a real change."""
        object_id = object_id or None
        if object_id == self._current:
            return
        self._current = object_id
        self.changed.emit(object_id or "")
