"""Shortcut sheet (F1): every QAction with its shortcut, built from the actions.

Usage (from the main window)::

    sheet = ShortcutSheet(commands.all_actions(), parent=self)
    sheet.show()            # non-modal; Esc or Close closes it

Nothing is hard-coded: the rows are read from the QActions (text, shortcuts,
status tip, and the menu they sit in when they have one), so the sheet can
never disagree with the menus. Two groups follow them: the state graph's own
keys (from ``gui.graph.keys``, the module that handles them) and presenter
mode's (from the commands' presenter shortcuts). Actions without a shortcut are listed too, with
"—", so a reader sees what can only be reached from a menu or the palette.
A filter field narrows the table.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.panes.command_palette import action_label, action_shortcuts, matches


def action_group_name(action: QAction) -> str:
    """The title of the first menu that holds ``action`` (no ``&``), or an empty string."""
    for widget in action.associatedObjects():
        if isinstance(widget, QMenu) and widget.title():
            return widget.title().replace("&", "")
    return ""


def _description(action: QAction) -> str:
    """The status tip, else a tooltip that says more than the label (Qt defaults it to the text)."""
    if action.statusTip():
        return action.statusTip()
    tip = action.toolTip()
    return "" if tip.replace("&", "") == action_label(action) else tip


class ShortcutSheet(QDialog):
    """A table of every action and its keyboard shortcut.

    Attributes:
        table: the table (objectName ``shortcutTable``), columns Command,
            Shortcut, Menu, What it does.
        filter_edit: narrows the rows (objectName ``shortcutFilter``).
    """

    COLUMNS = 4

    def __init__(
        self,
        actions: Iterable[QAction],
        parent: QWidget | None = None,
        presenter_keys: Iterable[tuple[str, str]] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutSheet")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(720, 520)
        self._actions = [a for a in actions if not a.isSeparator() and action_label(a)]
        from gui.graph.keys import graph_key_rows

        graph = self.tr("State graph (while focused)")
        presenter = self.tr("Presenter mode")
        #: (command, keys, group, description) rows that are not QActions
        self._extra = [(what, keys, graph, "") for keys, what in graph_key_rows()]
        self._extra += [(what, keys, presenter, "") for what, keys in presenter_keys]

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("shortcutFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter commands…"))
        self.filter_edit.setClearButtonEnabled(True)

        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("shortcutTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Command"), self.tr("Shortcut"), self.tr("Menu"), self.tr("What it does")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

        self.filter_edit.textChanged.connect(self._fill)
        self._fill("")

    def _fill(self, query: str) -> None:
        rows = [a for a in self._actions if matches(a, query)]
        rows.sort(key=lambda a: (action_group_name(a).casefold(), action_label(a).casefold()))
        needle = query.casefold().strip()
        extra = [r for r in self._extra if not needle or needle in " ".join(r).casefold()]
        self.table.setRowCount(len(rows) + len(extra))
        for row, cells in enumerate(extra, start=len(rows)):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        for row, action in enumerate(rows):
            cells = (
                action_label(action),
                action_shortcuts(action) or "—",
                action_group_name(action),
                _description(action),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    if action.shortcuts():
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)
                self.table.setItem(row, column, item)

    def rows(self) -> list[tuple[str, str]]:
        """(command, shortcut) of every row shown, top to bottom."""
        return [
            (_text(self.table.item(r, 0)), _text(self.table.item(r, 1)))
            for r in range(self.table.rowCount())
        ]


def _text(item: QTableWidgetItem | None) -> str:
    """A cell's text (every cell of the sheet has an item)."""
    assert item is not None
    return item.text()
