"""A layout that puts its widgets in a row and wraps them onto the next line when narrow.

Qt's own ``widgets/layouts/flowlayout`` example, in Python, with
:meth:`insertWidget` and :meth:`indexOf` so a row of buttons can be reordered.
Its minimum width is its widest widget, not the sum of all of them: a row of
action buttons never makes the window wider than the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget, QWidgetItem


class FlowLayout(QLayout):
    """Widgets left to right, wrapped at the layout's width (height for width)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        # Qt asks for the height at a width several times per layout pass (the
        # layouts above ask too), and each answer asks every button for its size
        # hint: both are kept until Qt invalidates the layout (an item's hint may
        # have changed: updateGeometry; an item added, shown or hidden), keyed
        # by which items show as well.
        self._hints: tuple[tuple[int, ...], list[tuple[QLayoutItem, QSize]]] | None = None
        self._heights: dict[tuple[tuple[int, ...], int], int] = {}
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # ------------------------------------------------------------- the items
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt API
        self._items.append(item)

    def insertWidget(self, index: int, widget: QWidget) -> None:  # noqa: N802 - Qt naming
        self.addChildWidget(widget)
        self._items.insert(max(0, min(index, len(self._items))), QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def indexOf(self, widget: QWidget) -> int:  # type: ignore[override]  # noqa: N802
        for index, item in enumerate(self._items):
            if item.widget() is widget:
                return index
        return -1

    # ------------------------------------------------------------ the sizes
    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt API
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        key = (self._shown(), width)
        height = self._heights.get(key)
        if height is None:
            height = self._heights[key] = self._place(QRect(0, 0, width, 0), move=False)
        return height

    def invalidate(self) -> None:
        self._hints = None
        self._heights.clear()
        super().invalidate()

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt API
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        width = height = 0
        for _item, hint in self._visible_hints():
            width += hint.width() + (self._spacing if width else 0)
            height = max(height, hint.height())
        margins = self.contentsMargins()
        return QSize(width, height) + QSize(
            margins.left() + margins.right(), margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt API
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [self._items[n] for n in self._shown()]

    def _shown(self) -> tuple[int, ...]:
        """The indexes of the items that show: part of the kept sizes' key."""
        return tuple(
            n
            for n, i in enumerate(self._items)
            if not ((w := i.widget()) is not None and w.isHidden())
        )

    def _visible_hints(self) -> list[tuple[QLayoutItem, QSize]]:
        shown = self._shown()
        if self._hints is None or self._hints[0] != shown:
            self._hints = (shown, [(self._items[n], self._items[n].sizeHint()) for n in shown])
        return self._hints[1]

    def _place(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item, hint in self._visible_hints():
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line = area.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()
