"""An edge of the graph: its route pieces, its label badge (with its counter), the marker."""

from __future__ import annotations

import math

from PySide6.QtCore import Property as QtProperty
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QFont,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from core.graph.geometry import EdgeLayout
from core.graph.model import GraphEdge
from gui.graph import style
from gui.graph.pictured import Pictured
from gui.graph.style import tr_lifecycle

#: what an edge's label looks like: (look name, label, times taken)
LabelLook = tuple[str, str, int]


def route_path(edge: EdgeLayout) -> QPainterPath:
    path = QPainterPath(QPointF(*edge.start))
    for seg in edge.segments:
        if seg.kind == "C" and seg.c1 is not None and seg.c2 is not None:
            path.cubicTo(QPointF(*seg.c1), QPointF(*seg.c2), QPointF(*seg.end))
        else:
            path.lineTo(QPointF(*seg.end))
    return path


class EdgeLabel(Pictured[LabelLook], QGraphicsItem):
    """An edge's label badge: pictures (one per look) on the edge's line."""

    def __init__(self, edge: EdgeItem):
        super().__init__(edge)
        self._edge = edge
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent, False)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._edge.label_rect.adjusted(-1, -1, 1, 1)

    def look(self) -> LabelLook:
        return (self._edge.look_name(), self._edge.edge.label, self._edge.edge.taken)

    def looks(self) -> tuple[LabelLook, ...]:
        """Each look with its count as it is and, if its action is allowed, taken
        once more (the look that action gives it, painted ahead)."""
        label, taken = self._edge.edge.label, self._edge.edge.taken
        now = tuple((name, label, taken) for name in self._edge.look_names())
        if not self._edge.edge.allowed or self._edge.neutral:
            return now
        return (*now, ("taken", label, taken + 1))

    def font_of(self, name: str) -> QFont:
        return style.label_font(self._edge.text_scale, bold=name != "blocked")

    def text_of(self, label: str, taken: int) -> str:
        return style.counted(style.edge_text(label, self._edge.short), taken)

    def texts(self) -> list[tuple[QFont, str]]:
        """The (font, text) this label draws now (the legibility test reads them)."""
        name, label, taken = self.look()
        return [(self.font_of(name), line) for line in self.text_of(label, taken).split("\n")]

    def paint_look(self, painter: QPainter, look: LabelLook) -> None:
        name, label, taken = look
        active = name != "blocked"
        c = style.colours()
        s = self._edge.text_scale
        pen = EdgeItem.pen_of(name, s)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = self._edge.label_rect
        painter.setBrush(c.paper)
        border = QPen(pen.color(), (2.0 if name in ("taken", "trail") else 1.2) * s)
        if not active:
            border.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(border)
        painter.drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 6 * s, 6 * s)
        painter.setFont(self.font_of(name))
        painter.setPen(c.ink if active else c.muted)
        painter.drawText(r, Qt.AlignmentFlag.AlignCenter, self.text_of(label, taken))


class EdgePiece(Pictured[str], QGraphicsItem):
    """One segment of an edge's route (a column stub or a gap curve), as pictures.

    Many small pictures instead of one picture as big as the whole route: a
    restyled edge copies only a few thousand pixels.
    """

    def __init__(self, edge: EdgeItem, path: QPainterPath, head: bool):
        super().__init__(edge)
        self._edge = edge
        self.path = path
        self.head = head
        self._bounds = path.controlPointRect().adjusted(-8, -8, 8, 8)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent, False)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def look(self) -> str:
        return self._edge.look_name()

    def looks(self) -> tuple[str, ...]:
        return self._edge.look_names()

    def paint_look(self, painter: QPainter, look: str) -> None:
        name = look
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = EdgeItem.pen_of(name, self._edge.text_scale)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        if self.head:  # filled for allowed/taken, hollow for blocked
            active = name != "blocked"
            painter.setPen(QPen(pen.color(), 1.4 * self._edge.text_scale))
            painter.setBrush(pen.color() if active else style.colours().paper)
            painter.drawPolygon(self._edge.head_polygon(active))


def _pieces(route: EdgeLayout) -> list[QPainterPath]:
    out = []
    here = QPointF(*route.start)
    for seg in route.segments:
        piece = QPainterPath(here)
        end = QPointF(*seg.end)
        if seg.kind == "C" and seg.c1 is not None and seg.c2 is not None:
            piece.cubicTo(QPointF(*seg.c1), QPointF(*seg.c2), end)
        else:
            piece.lineTo(end)
        out.append(piece)
        here = end
    return out


class EdgeItem(QGraphicsObject):
    """One transition. Animated property: ``shake`` (x offset of a rejected edge).

    The item itself paints nothing: its route is drawn by small cached
    ``EdgePiece`` children and its label by a cached ``EdgeLabel``, so a
    restyle (every transition restyles the edges leaving two states) and the
    travelling marker only redraw small areas.

    Signals:
        clicked(str): the edge's id, on a left click.
    """

    clicked = Signal(str)

    def __init__(
        self,
        edge: GraphEdge,
        route: EdgeLayout,
        parent: QGraphicsItem | None = None,
        neutral: bool = False,
        text_scale: float = 1.0,
        short: bool = False,
    ):
        super().__init__(parent)
        self.edge = edge
        #: text scale, and whether the label is shortened (the tooltip has it whole)
        self.text_scale = text_scale
        self.short = short
        #: a bare table (no object): no edge is allowed or blocked, all look alike
        self.neutral = neutral
        self.route = route
        self.path = route_path(route)
        lr = route.label_rect
        self.label_rect = QRectF(lr.x, lr.y, lr.w, lr.h)
        self._shake = 0.0
        self.setZValue(1)
        self.setAcceptHoverEvents(True)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        stroker = QPainterPathStroker()
        stroker.setWidth(12 * text_scale)
        self._shape = stroker.createStroke(self.path)
        self._shape.addRoundedRect(self.label_rect, 6, 6)
        grow = 12 * text_scale
        self._bounds = self._shape.boundingRect().adjusted(-grow, -grow, grow, grow)
        self._heads: dict[bool, QPolygonF] = {}
        self._look = ""
        paths = _pieces(route)
        self.pieces = [EdgePiece(self, p, i == len(paths) - 1) for i, p in enumerate(paths)]
        self.label = EdgeLabel(self)
        self._styled: GraphEdge | None = None
        self.set_edge(edge)

    def set_edge(self, edge: GraphEdge) -> None:
        if edge == self._styled:
            return  # unchanged: nothing to redraw
        self.edge = edge
        self._styled = edge
        label = style.counted(tr_lifecycle(edge.label), edge.taken)
        if self.neutral:
            self.setToolTip(label)
        elif edge.allowed:
            self.setToolTip(
                QCoreApplication.translate("StateGraph", "{label}: click to do it now").format(
                    label=label
                )
            )
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            reason = (
                tr_lifecycle(edge.reason)
                if edge.reason
                else QCoreApplication.translate("StateGraph", "not possible now")
            )
            self.setToolTip(
                QCoreApplication.translate("StateGraph", "{label}: blocked. {reason}").format(
                    label=label, reason=reason
                )
            )
            self.unsetCursor()
        self.setZValue(1.5 if edge.last_taken else (1.2 if edge.allowed else 1.0))
        look = self.look_name()
        if look != self._look:
            self._look = look
            for piece in self.pieces:
                piece.update()
            self.label.update()

    def head_polygon(self, active: bool | None = None) -> QPolygonF:
        """The arrow head (bigger when drawn solid)."""
        if active is None:
            active = self.looks_active()
        head = self._heads.get(active)
        if head is None:
            end = self.path.pointAtPercent(1.0)
            angle = math.radians(self.path.angleAtPercent(0.999))
            dx, dy = math.cos(angle), -math.sin(angle)
            size = (11.0 if active else 9.0) * self.text_scale
            back = QPointF(end.x() - dx * size, end.y() - dy * size)
            nx, ny = -dy * size * 0.5, dx * size * 0.5
            head = self._heads[active] = QPolygonF(
                [end, QPointF(back.x() + nx, back.y() + ny), QPointF(back.x() - nx, back.y() - ny)]
            )
        return head

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def _get_shake(self) -> float:
        return self._shake

    def _set_shake(self, value: float) -> None:
        self._shake = value
        self.setX(value)

    shake = QtProperty(float, _get_shake, _set_shake)

    def looks_active(self) -> bool:
        """Drawn solid (allowed, taken, or a bare table's edge)."""
        return self.neutral or self.edge.allowed or self.edge.taken > 0 or self.edge.last_taken

    def look_name(self) -> str:
        """How the edge is drawn: neutral (a bare table), taken (the last edge), trail
        (taken before), allowed or blocked."""
        if self.neutral:
            return "neutral-taken" if self.edge.last_taken else "neutral"
        if self.edge.last_taken:
            return "taken"
        if self.edge.taken:
            return "trail"
        return "allowed" if self.edge.allowed else "blocked"

    def look_names(self) -> tuple[str, ...]:
        """Every look the edge can take (a bare table's edges never change)."""
        if self.neutral:
            return (self.look_name(),)
        return ("taken", "trail", "allowed", "blocked")

    @staticmethod
    def pen_of(look: str, scale: float = 1.0) -> QPen:
        c = style.colours()
        if look.startswith("neutral"):
            return QPen(c.ink, 1.8 * scale)
        if look == "taken":
            return QPen(c.taken, 4.5 * scale)
        if look == "trail":
            return QPen(c.trail, 2.8 * scale)
        if look == "allowed":
            return QPen(c.allowed, 2.4 * scale)
        return QPen(c.muted, 1.4 * scale, Qt.PenStyle.DashLine)

    def pen(self) -> QPen:
        return self.pen_of(self.look_name(), self.text_scale)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        pass  # drawn by the pieces and the label

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        event.accept()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.shape().contains(event.pos()):
            self.clicked.emit(self.edge.id)
        event.accept()


class MarkerItem(QGraphicsObject):
    """The dot that travels along the edge just taken. Animated: ``progress`` 0..1."""

    RADIUS = 8.0

    def __init__(self, parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self._path = QPainterPath()
        self._progress = 0.0
        self.setZValue(5)
        self.setVisible(False)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_path(self, path: QPainterPath) -> None:
        self._path = path
        self._set_progress(0.0)

    def boundingRect(self) -> QRectF:  # noqa: N802
        r = self.RADIUS + 3
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = style.colours()
        painter.setPen(QPen(c.paper, 2.5))
        painter.setBrush(QBrush(c.marker))
        painter.drawEllipse(QPointF(0, 0), self.RADIUS, self.RADIUS)

    def _get_progress(self) -> float:
        return self._progress

    def _set_progress(self, value: float) -> None:
        self._progress = value
        if not self._path.isEmpty():
            self.setPos(self._path.pointAtPercent(max(0.0, min(1.0, value))))

    progress = QtProperty(float, _get_progress, _set_progress)
