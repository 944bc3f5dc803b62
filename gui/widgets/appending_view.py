"""A table view that appends rows without repainting them all, and its steady scroll bar.

Shared by the object list and the event log: both grow at their end, a row or a
few at a time, and stay scrolled there.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QRect,
    Qt,
)
from PySide6.QtWidgets import (
    QScrollBar,
    QStyle,
    QStyleOptionSlider,
    QTableView,
    QWidget,
)


class SteadyScrollBar(QScrollBar):
    """A ``QScrollBar`` that repaints on a range or value change only if its pixels change.

    ``QAbstractSlider`` repaints the whole bar on every range or value change. A
    long list grows by a row per new object (the event log by a few per request)
    and stays scrolled to its end: the handle keeps its minimum length and place,
    yet the bar (~0.5-0.8 ms of Fusion gradients) was repainted in every frame.
    What the bar shows is the handle's rectangle and whether the value is at
    either end (the arrows' state); when neither changed since the last paint,
    the update is skipped. Any other cause of a repaint (hover, press, resize,
    style, palette, enabled state) still repaints as before.
    """

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self._painted_look: tuple[Any, ...] | None = None
        self._holding = False  # between hold() and release(): changes are only noted
        self._pending = False

    def hold(self) -> None:
        """Judge the changes until :meth:`release` together (a range change, then a scroll)."""
        self._holding = True

    def release(self) -> None:
        """Repaint now if the changes since :meth:`hold` left other pixels."""
        pending, self._holding, self._pending = self._pending, False, False
        if pending and self._look() != self._painted_look:
            self.update()

    def _look(self) -> tuple[Any, ...]:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        handle = self.style().subControlRect(
            QStyle.ComplexControl.CC_ScrollBar,
            option,
            QStyle.SubControl.SC_ScrollBarSlider,
            self,
        )
        value = self.value()
        return (
            handle.getRect(),
            option.rect.getRect(),
            value == self.minimum(),
            value == self.maximum(),
            self.minimum() == self.maximum(),
        )

    def paintEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self._painted_look = self._look()
        super().paintEvent(event)

    def sliderChange(self, change: QScrollBar.SliderChange) -> None:  # noqa: N802 - Qt API
        if change != QScrollBar.SliderChange.SliderOrientationChange:
            if self._holding:
                self._pending = True
                return
            if self._painted_look is not None and self._look() == self._painted_look:
                return  # the same pixels: QAbstractSlider would only have repainted them
        super().sliderChange(change)


class AppendingTableView(QTableView):
    """A ``QTableView`` that does not repaint its whole viewport when rows are appended.

    Qt answers every row insert with a delayed items layout that ends in a full
    viewport update (``QTableView::rowCountChanged`` → ``doItemsLayout``). With fixed
    row heights, rows appended after the last row move nothing already shown: only
    the scroll bar and the new rows' area (when it is in view) need painting. On
    10,000 rows that full repaint was ~9 ms of a new object's frame.

    One exception is kept: scrolled to the very end in ``ScrollPerItem`` mode, the
    rows are aligned to the bottom edge, and the new scroll range re-aligns them to
    the top one (a shift of part of a row, no pixel scroll). Then the whole viewport
    repaints as before, unless :attr:`follows_end` says the view scrolls to its new
    end right away (the event log): the alignment is kept, so that scroll moves the
    pixels by exactly the new rows and paints just them.

    Subclasses call :meth:`watch_appends` once their model is set.
    """

    follows_end = False  # the view scrolls to its end after every append
    # None: nothing pending; -1: a full layout is due; a row: rows appended from there
    # wait for the layout (the view was hidden); _PAINTED: appended rows laid out and
    # painted at once, the delayed layout has nothing left to do but the geometries.
    _appended_from: int | None = None
    _PAINTED = -2

    def watch_appends(self) -> None:
        bar = SteadyScrollBar(Qt.Orientation.Vertical, self)
        self.setVerticalScrollBar(bar)
        # QAbstractScrollArea reconnects only its own slot; the item view's are restored
        # (QTableView pages by whole rows through verticalScrollbarAction).
        bar.actionTriggered.connect(self.verticalScrollbarAction)
        bar.valueChanged.connect(self.verticalScrollbarValueChanged)
        model = self.model()
        model.rowsInserted.connect(self._on_rows_inserted)
        for signal in (
            model.modelReset,
            model.rowsRemoved,
            model.rowsMoved,
            model.layoutChanged,
            model.columnsInserted,
            model.columnsRemoved,
        ):
            signal.connect(self._full_layout)

    def _on_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        appended = not parent.isValid() and last == self.model().rowCount() - 1
        pending = self._appended_from
        if not appended or pending == -1:
            self._appended_from = -1  # rows moved down: everything below repaints
            return
        if pending is not None and pending >= 0:
            first = min(first, pending)
        if not self.isVisible():
            self._appended_from = first
            return
        bar = self.verticalScrollBar()
        if self.follows_end and isinstance(bar, SteadyScrollBar):
            bar.hold()  # the new range, then the scroll to it: one look (_scroll_to_new)
        # Lay out now, so the scroll bar and the new rows paint in this frame rather
        # than in a second one after Qt's delayed layout.
        self._appended_from = self._PAINTED
        self._lay_out_appended(first)

    def _full_layout(self, *_args: object) -> None:
        self._appended_from = -1

    def appended_in_place(self) -> bool:
        """Rows were just appended and laid out in place (no full layout is due)."""
        return self._appended_from == self._PAINTED

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._appended_from = -1
        super().changeEvent(event)

    def _lay_out_appended(self, first: int | None) -> None:
        """``updateGeometries``; repaint the rows from ``first`` if they show.

        If the new scroll range moved the rows without scrolling, the whole viewport
        repaints (and ``_appended_from`` becomes -1), unless :attr:`follows_end`.
        """
        header = self.verticalHeader()
        offset = header.offset()
        self.updateGeometries()
        if header.offset() != offset:
            if self.follows_end:
                header.setOffset(offset)  # what is on screen; the scroll to the end follows
            else:
                self._appended_from = -1
                self.viewport().update()
                return
        if first is not None:
            top = self.rowViewportPosition(first)
            viewport = self.viewport()
            if top < viewport.height():
                viewport.update(QRect(0, max(0, top), viewport.width(), viewport.height()))

    def doItemsLayout(self) -> None:  # noqa: N802 - Qt API
        pending, self._appended_from = self._appended_from, None
        if pending is None or pending == -1:
            super().doItemsLayout()
            return
        self._appended_from = self._PAINTED
        self._lay_out_appended(None if pending == self._PAINTED else pending)
        self._appended_from = None
