"""Command palette (Ctrl+K): type to filter the window's QActions, Enter runs one.

Usage (from the main window)::

    palette = CommandPalette(commands.all_actions(), parent=self)
    palette.open()          # non-blocking; it triggers the chosen action and closes

The palette is built from the QActions it is given, so it always lists exactly
what the menus and shortcuts offer. A disabled action stays listed (greyed, its
status tip says why) but cannot be run from here, just as from its menu.

Matching: every word typed must occur in the action's text, status tip or
shortcut (case-insensitive), so "add cus" finds "Attach to customer…".

Signals:
    actionTriggered(QAction): emitted after the chosen action was triggered.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

_ACTION_ROLE = Qt.ItemDataRole.UserRole + 1
_SHORTCUT_ROLE = Qt.ItemDataRole.UserRole + 2


class _ShortcutDelegate(QStyledItemDelegate):
    """Paints the row as usual, then its shortcut right-aligned in a quieter colour."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: object) -> None:
        super().paint(painter, option, index)  # type: ignore[arg-type]
        shortcut = index.data(_SHORTCUT_ROLE)  # type: ignore[attr-defined]
        if not shortcut:
            return
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        roles = QPalette.ColorRole
        role = roles.HighlightedText if selected else roles.PlaceholderText
        painter.setPen(option.palette.color(role))
        rect = option.rect.adjusted(0, 0, -8, 0)
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), shortcut
        )
        painter.restore()


def action_label(action: QAction) -> str:
    """The action's text as a person reads it: no ``&`` mnemonics, no trailing tab part."""
    text = action.text().split("\t", 1)[0]
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def action_shortcuts(action: QAction) -> str:
    """All of the action's shortcuts in the platform's native spelling, comma-separated."""
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(s.toString(native) for s in action.shortcuts() if not s.isEmpty())


def matches(action: QAction, query: str) -> bool:
    """True when every word of ``query`` occurs in the action's label, tip or shortcut."""
    haystack = " ".join(
        (action_label(action), action.statusTip(), action.toolTip(), action_shortcuts(action))
    ).casefold()
    return all(word in haystack for word in query.casefold().split())


class CommandPalette(QDialog):
    """A filterable list of QActions; choosing one triggers it.

    Attributes:
        filter_edit: the search field (objectName ``paletteFilter``).
        list_view: the matching actions (objectName ``paletteList``).

    Signals:
        actionTriggered(QAction): the chosen action, after it was triggered.
    """

    actionTriggered = Signal(QAction)

    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commandPalette")
        self.setWindowTitle(self.tr("Command palette"))
        self.setMinimumWidth(480)
        self._actions = [a for a in actions if not a.isSeparator() and action_label(a)]

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("paletteFilter")
        self.filter_edit.setPlaceholderText(self.tr("Type a command…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.installEventFilter(self)

        self._model = QStandardItemModel(self)
        self.list_view = QListView(self)
        self.list_view.setObjectName("paletteList")
        self.list_view.setModel(self._model)
        self.list_view.setItemDelegate(_ShortcutDelegate(self.list_view))
        self.list_view.setUniformItemSizes(True)
        self.list_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list_view.activated.connect(lambda index: self.trigger_row(index.row()))

        self._empty = QLabel(self.tr("No command matches."), self)
        self._empty.setObjectName("paletteEmpty")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.hide()

        hint = QLabel(self.tr("↑ ↓ to choose, Enter to run, Esc to close"), self)
        hint.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self._empty)
        layout.addWidget(hint)

        self.filter_edit.textChanged.connect(self.set_filter)
        self.set_filter("")

    # -- filtering -------------------------------------------------------

    def set_filter(self, text: str) -> None:
        """Show only the actions matching ``text`` and select the first runnable one."""
        if self.filter_edit.text() != text:
            self.filter_edit.setText(text)  # re-enters through textChanged
            return
        self._model.clear()
        for action in self._actions:
            if not action.isVisible() or not matches(action, text):
                continue
            shortcut = action_shortcuts(action)
            label = action_label(action)
            item = QStandardItem(action.icon(), label)
            item.setData(action, _ACTION_ROLE)
            item.setData(shortcut, _SHORTCUT_ROLE)
            item.setEnabled(action.isEnabled())
            tip = action.statusTip() or action.toolTip()
            if tip:
                item.setToolTip(tip)
            self._model.appendRow(item)
        self._empty.setVisible(self._model.rowCount() == 0)
        first = next(
            (r for r in range(self._model.rowCount()) if self._model.item(r).isEnabled()), -1
        )
        self._select_row(first)

    def visible_actions(self) -> list[QAction]:
        """The actions listed now, top to bottom."""
        return [self._model.item(r).data(_ACTION_ROLE) for r in range(self._model.rowCount())]

    def current_action(self) -> QAction | None:
        index = self.list_view.currentIndex()
        return index.data(_ACTION_ROLE) if index.isValid() else None

    # -- running ---------------------------------------------------------

    def trigger_row(self, row: int) -> bool:
        """Trigger the action on ``row``; False (and nothing happens) if it is disabled."""
        item = self._model.item(row) if 0 <= row < self._model.rowCount() else None
        if item is None:
            return False
        action: QAction = item.data(_ACTION_ROLE)
        if not action.isEnabled():
            return False
        self.accept()  # close first: the action may open a dialog of its own
        action.trigger()
        self.actionTriggered.emit(action)
        return True

    def trigger_current(self) -> bool:
        """Trigger the selected action (what Enter does)."""
        return self.trigger_row(self.list_view.currentIndex().row())

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        self.filter_edit.setFocus()
        super().showEvent(event)  # type: ignore[arg-type]

    # -- keyboard: arrows in the search field move the list's selection ---

    def _select_row(self, row: int) -> None:
        if row < 0:
            self.list_view.setCurrentIndex(self._model.index(-1, -1))
            return
        index = self._model.index(row, 0)
        self.list_view.setCurrentIndex(index)
        self.list_view.scrollTo(index)

    def _move(self, step: int) -> None:
        count = self._model.rowCount()
        if count == 0:
            return
        row = self.list_view.currentIndex().row()
        for _ in range(count):
            row = (row + step) % count if row >= 0 else (0 if step > 0 else count - 1)
            if self._model.item(row).isEnabled():
                self._select_row(row)
                return

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.filter_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Down:
                self._move(1)
                return True
            if key == Qt.Key.Key_Up:
                self._move(-1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.trigger_current()
                return True
        return super().eventFilter(watched, event)
