"""What a list or table of read-only rows tells its view: rows select, nothing edits."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

ModelIndex = QModelIndex | QPersistentModelIndex


def read_only_row_flags(index: ModelIndex) -> Qt.ItemFlag:
    """A model's ``flags``: a valid row can be selected, never edited, and has no children."""
    if not index.isValid():
        return Qt.ItemFlag.NoItemFlags
    return (
        Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
    )
