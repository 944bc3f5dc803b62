"""The object list's delegate: how one row is painted."""

from __future__ import annotations

from PySide6.QtCore import (
    QObject,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from gui.panes.object_list.model import ModelIndex, ObjectListModel
from gui.widgets.status_style import (
    paint_kind_badge,
    paint_marker,
    with_gloss,
)


class ObjectDelegate(QStyledItemDelegate):
    """Paints a row: kind badge, id, detail words, status marker + status word."""

    ROW_HEIGHT = 40

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

    @classmethod
    def row_height(cls, font: QFont) -> int:
        """Two lines of ``font`` (the second 0.9 of it), never less than ``ROW_HEIGHT``."""
        line = QFontMetrics(font).height()
        return max(cls.ROW_HEIGHT, int(line * 1.9) + 12)

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:  # noqa: N802
        return QSize(220, self.row_height(option.font))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = type(opt.icon)()
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if opt.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        text_colour = opt.palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        dim_colour = opt.palette.color(
            group,
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText,
        )
        rect: QRect = opt.rect
        object_id = str(index.data(ObjectListModel.IdRole) or "")
        kind = str(index.data(ObjectListModel.KindRole) or "")
        status = str(index.data(ObjectListModel.StatusRole) or "")
        status_text = with_gloss(status) if status else ""  # Stripe's word + a gloss (ja)
        detail = str(index.data(ObjectListModel.DetailRole) or "")
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pad = 6
        font = QFont(opt.font)
        painter.setFont(font)
        fm = painter.fontMetrics()
        line = max(18, fm.height() + 2)  # the first line's height: grows with the zoom
        badge_h = max(14.0, line - 4.0)
        badge = QRectF(
            rect.left() + pad, rect.top() + 4 + (line - badge_h) / 2, badge_h * 30 / 14, badge_h
        )
        paint_kind_badge(painter, badge, kind)
        # status: marker + word on the right of the first line
        status_w = fm.horizontalAdvance(status_text) if status else 0
        marker = 12
        right = rect.right() - pad
        if status:
            text_rect = QRect(right - status_w, rect.top() + 4, status_w, line)
            painter.setPen(text_colour)
            painter.drawText(
                text_rect,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                status_text,
            )
            marker = max(12, line - 6)
            marker_rect = QRectF(
                right - status_w - marker - 4, rect.top() + 4 + (line - marker) / 2, marker, marker
            )
            if selected:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(opt.palette.color(QPalette.ColorRole.Base))
                painter.drawRoundedRect(marker_rect.adjusted(-2, -2, 2, 2), 3, 3)
            paint_marker(painter, marker_rect, status)
            right = int(marker_rect.left()) - 6
        # id in a fixed font on the first line
        mono = QFont(self._mono)
        mono.setPointSizeF(font.pointSizeF() if font.pointSizeF() > 0 else 9)
        painter.setFont(mono)
        id_left = int(badge.right()) + 6
        id_rect = QRect(id_left, rect.top() + 4, max(0, right - id_left), line)
        painter.setPen(text_colour)
        painter.drawText(
            id_rect,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            painter.fontMetrics().elidedText(
                object_id, Qt.TextElideMode.ElideMiddle, id_rect.width()
            ),
        )
        # detail words on the second line
        small = QFont(font)
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * 0.9)
        painter.setFont(small)
        painter.setPen(dim_colour)
        detail_h = max(16, painter.fontMetrics().height() + 2)
        detail_rect = QRect(
            rect.left() + pad, rect.top() + 3 + line, rect.width() - 2 * pad, detail_h
        )
        painter.drawText(
            detail_rect,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            painter.fontMetrics().elidedText(
                detail, Qt.TextElideMode.ElideRight, detail_rect.width()
            ),
        )
        painter.restore()
