"""Graphics items of the state graph: nodes, edges, the travelling marker, a panel.

Every item is a ``QGraphicsObject`` so it can be animated with
``QPropertyAnimation``. Geometry comes only from ``core.graph.layout``; state
(current, previous, allowed...) only from ``core.graph.model``.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Property as QtProperty
from PySide6.QtCore import (
    QAbstractAnimation,
    QCoreApplication,
    QEasingCurve,
    QEvent,
    QObject,
    QParallelAnimationGroup,
    QPointF,
    QPropertyAnimation,
    QRectF,
    QSequentialAnimationGroup,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPixmap,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from core.graph.layout import EdgeLayout, GraphLayout, NodeLayout, layout_graph
from core.graph.model import GraphEdge, GraphModel, GraphNode
from gui.graph import style
from gui.graph.style import tr_lifecycle


def route_path(edge: EdgeLayout) -> QPainterPath:
    path = QPainterPath(QPointF(*edge.start))
    for seg in edge.segments:
        if seg.kind == "C" and seg.c1 is not None and seg.c2 is not None:
            path.cubicTo(QPointF(*seg.c1), QPointF(*seg.c2), QPointF(*seg.end))
        else:
            path.lineTo(QPointF(*seg.end))
    return path


def _contrast_text(colour: QColor) -> QColor:
    r, g, b = colour.redF(), colour.greenF(), colour.blueF()
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return style.INK if luminance > 0.45 else style.PAPER


class Pictured:
    """Mixin for a ``DeviceCoordinateCache`` item: every look it can take is
    painted ahead, so re-filling the cache after a restyle is only a copy.

    Qt repaints a cached item's pixmap (calling ``paint``) when the item is
    updated; the frame after an action restyles a handful of nodes, edges and
    labels, and painting their rounded rectangles, paths and text made that one
    frame 8-13 ms when the others take 0.6 ms. Here, when Qt asks for the cache
    to be filled, ``paint`` copies a picture of the current look, painted with
    the very same transform, pixel grid and render hints Qt would have used (so
    the pixels are the same). Pictures are made just after the frame that first
    shows an item, or shows a newly selected object (``_Prerenderer``, a posted
    event); until then, and after a zoom or a resize (a new pixel grid), the
    cache is filled with vectors as before, so showing a graph and zooming cost
    what they did. Blitting the cache stays in C++ (no Python call per frame).

    Exports (``NoCache``, painted onto an image or an SVG) get vectors. A
    subclass gives ``look()`` (a hashable key of everything it draws),
    ``looks()`` and ``paint_look(painter, look)``.
    """

    _pictures: dict | None = None
    _picture_transform: QTransform | None = None
    _picture_grid: tuple = ()
    #: paint every look ahead at the next cache fill (new items; after ``want_pictures``)
    _want_pictures = True

    def look(self) -> object:
        raise NotImplementedError

    def looks(self) -> tuple:
        return (self.look(),)

    def paint_look(self, painter: QPainter, look: object) -> None:
        raise NotImplementedError

    def want_pictures(self) -> None:
        """Paint every look ahead after the next cache fill (a new object is shown)."""
        self._want_pictures = True

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        device = painter.device()
        if not isinstance(device, QPixmap):  # exports (NoCache, onto an image or SVG): vectors
            self.paint_look(painter, self.look())
            return
        # filling Qt's cache pixmap: ``t`` maps the item onto it
        t = painter.worldTransform()
        look = self.look()
        pictures = self._pictures
        dpr = device.devicePixelRatio()
        if (
            pictures is not None
            and t == self._picture_transform
            and dpr == self._picture_grid[2]
            and look in pictures
        ):
            painter.setWorldTransform(_IDENTITY)
            painter.drawPixmap(0, 0, pictures[look])
            painter.setWorldTransform(t)
            return
        self.paint_look(painter, look)  # no picture yet: what Qt's cache does
        if self.cacheMode() != QGraphicsItem.CacheMode.DeviceCoordinateCache:
            return  # someone's render onto a pixmap, not the cache: keep the pictures
        if pictures is None or t != self._picture_transform or dpr != self._picture_grid[2]:
            self._pictures = {}  # a new pixel grid (zoom, resize)
            self._picture_transform = t
            self._picture_grid = (device.width(), device.height(), dpr, painter.renderHints())
        if self._want_pictures:
            self._want_pictures = False
            _Prerenderer.instance().add(self)

    def prerender(self) -> None:
        """Paint every look not painted yet, on the pixel grid of the last cache fill."""
        pictures, t = self._pictures, self._picture_transform
        if pictures is None or t is None:
            return
        w, h, dpr, hints = self._picture_grid
        for look in self.looks():
            if look in pictures:
                continue
            pix = QPixmap(w, h)
            pix.setDevicePixelRatio(dpr)
            pix.fill(Qt.GlobalColor.transparent)
            p = QPainter(pix)
            p.setRenderHints(p.renderHints(), False)
            p.setRenderHints(hints, True)
            p.setWorldTransform(t, True)
            self.paint_look(p, look)
            p.end()
            pictures[look] = pix


class _Prerenderer(QObject):
    """Paints the other looks of newly shown items right after the frame that
    showed them (a posted, low-priority event: no timer), so showing a new graph
    is not delayed and its first action finds every look ready."""

    _instance: _Prerenderer | None = None

    def __init__(self) -> None:
        super().__init__()
        self._pending: list[Pictured] = []
        self._posted = False
        self._type = QEvent.Type(QEvent.registerEventType())

    @classmethod
    def instance(cls) -> _Prerenderer:
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance

    def add(self, item: Pictured) -> None:
        self._pending.append(item)
        if not self._posted:
            self._posted = True
            QCoreApplication.postEvent(
                self, QEvent(self._type), Qt.EventPriority.LowEventPriority.value
            )

    def run(self) -> None:
        """Paint all pending looks now."""
        self._posted = False
        pending, self._pending = self._pending, []
        for item in pending:
            try:
                item.prerender()
            except RuntimeError:  # the item was deleted meanwhile
                continue

    def event(self, event: QEvent) -> bool:
        if event.type() == self._type:
            self.run()
            return True
        return super().event(event)


_IDENTITY = QTransform()


class PulseRing(QGraphicsItem):
    """The expanding ring of a pulsing node: its own small item, so the node's
    cached picture is not redrawn on every frame."""

    GROW = 18.0

    def __init__(self, rect: QRectF, parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self._rect = rect
        self.colour = QColor(style.GREY)
        self.value = 0.0
        self.setVisible(False)

    def boundingRect(self) -> QRectF:  # noqa: N802
        g = self.GROW + 4
        return self._rect.adjusted(-g, -g, g, g)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        ring = QColor(self.colour)
        ring.setAlphaF(0.7 * (1.0 - self.value))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(ring, 4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        g = self.GROW * self.value
        painter.drawRoundedRect(self._rect.adjusted(2 - g, 2 - g, g - 2, g - 2), 12 + g, 12 + g)


class NodeItem(Pictured, QGraphicsObject):
    """One state. Animated property: ``pulse`` (0 → 1 draws an expanding ring).

    Kept as pictures (``Pictured``) of its four looks: current, previous,
    unreachable, plain.
    """

    #: looks, by precedence (a node both current and previous looks current)
    LOOKS = ("current", "previous", "unreachable", "plain")

    def __init__(self, node: GraphNode, box: NodeLayout, parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self.node = node
        self._rect = QRectF(0, 0, box.rect.w, box.rect.h)
        self._pulse = 0.0
        self.setPos(box.rect.x, box.rect.y)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(2)
        self.setAcceptHoverEvents(True)
        self.ring = PulseRing(self._rect, self)
        self.ring.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
        self.set_node(node)

    def set_node(self, node: GraphNode) -> None:
        if node == self.node and self.toolTip():
            return  # unchanged: keep the picture
        changed = self.look() != self._look_of(node)
        self.node = node
        self.setOpacity(1.0 if node.reachable or node.current or node.previous else 0.38)
        tip = f"{node.label}: {style.gloss(node.id)}" if style.gloss(node.id) else node.label
        if tip != self.toolTip():
            self.setToolTip(tip)
        if changed:
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return self._rect.adjusted(-2, -2, 2, 2)

    def _get_pulse(self) -> float:
        return self._pulse

    def _set_pulse(self, value: float) -> None:
        self._pulse = value
        self.ring.colour = style.status_style(self.node.id)[0]
        self.ring.value = value
        self.ring.setVisible(0.0 < value < 1.0)
        self.ring.update()

    pulse = QtProperty(float, _get_pulse, _set_pulse)

    @staticmethod
    def _state_of(node: GraphNode) -> str:
        if node.current:
            return "current"
        if node.previous:
            return "previous"
        if not node.reachable:
            return "unreachable"
        return "plain"

    def _look_of(self, node: GraphNode) -> tuple[str, str, str, bool]:
        return (self._state_of(node), node.id, node.label, node.terminal)

    def look(self) -> tuple[str, str, str, bool]:
        return self._look_of(self.node)

    def looks(self) -> tuple:
        _state, *rest = self.look()
        return tuple((state, *rest) for state in self.LOOKS)

    def status_word(self) -> str:
        return self._word(self._state_of(self.node), self.node.terminal)

    @staticmethod
    def _word(state: str, terminal: bool) -> str:
        words = style.status_words()
        if state != "plain":
            return words[state]
        return words["terminal"] if terminal else ""

    def paint_look(self, painter: QPainter, look: object) -> None:
        state, node_id, label, terminal = look  # type: ignore[misc]
        current = state == "current"
        colour, glyph = style.status_style(node_id)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self._rect.adjusted(2, 2, -2, -2)
        if current:
            fill = QColor(colour)
            text = _contrast_text(fill)
            pen = QPen(style.INK, 4.5)
        else:
            fill = QColor(colour).lighter(100)
            fill.setAlphaF(0.14)
            text = style.INK
            pen = QPen(colour.darker(170 if colour == style.YELLOW else 130), 2.0)
            if state == "previous":
                pen = QPen(style.INK, 2.5, Qt.PenStyle.DashLine)
        base = QColor(style.PAPER)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(base)
        painter.drawRoundedRect(rect, 12, 12)
        painter.setBrush(fill)
        painter.setPen(pen)
        painter.drawRoundedRect(rect, 12, 12)
        if terminal:  # double border
            inner = QPen(pen.color(), 1.5)
            painter.setPen(inner)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(5, 5, -5, -5), 8, 8)
        # glyph (shape) + name + status line
        gsize = 16.0
        painter.setFont(style.node_font())
        fm = painter.fontMetrics()
        lines = style.node_lines(label)
        line_h = fm.height()
        top = rect.top() + 10
        for i, line in enumerate(lines):
            line_w = fm.horizontalAdvance(line)
            extra = gsize + 6 if i == 0 else 0.0
            x0 = rect.center().x() - (line_w + extra) / 2
            y = top + i * line_h
            if i == 0:
                glyph_colour = (
                    text if current else colour.darker(150 if colour == style.YELLOW else 120)
                )
                self._paint_glyph(
                    painter, glyph, QRectF(x0, y + (line_h - gsize) / 2, gsize, gsize), glyph_colour
                )
            painter.setPen(text)
            painter.drawText(
                QRectF(x0 + extra, y, line_w + 2, line_h),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                line,
            )
        word = self._word(state, terminal)
        if word:
            name_h = len(lines) * line_h
            painter.setFont(style.small_font())
            painter.drawText(
                QRectF(
                    rect.left(), top + name_h + 2, rect.width(), rect.bottom() - top - name_h - 6
                ),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                word,
            )

    @staticmethod
    def _paint_glyph(painter: QPainter, glyph: str, r: QRectF, colour: QColor) -> None:
        pen = QPen(
            colour, 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
        )
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        c = r.center()
        if glyph == "clock":
            painter.drawEllipse(r.adjusted(1, 1, -1, -1))
            painter.drawLine(c, QPointF(c.x(), r.top() + 4))
            painter.drawLine(c, QPointF(r.right() - 4, c.y()))
        elif glyph == "check":
            painter.drawPolyline(
                QPolygonF(
                    [
                        QPointF(r.left() + 2, c.y()),
                        QPointF(c.x() - 1, r.bottom() - 3),
                        QPointF(r.right() - 1, r.top() + 2),
                    ]
                )
            )
        elif glyph == "cross":
            painter.drawLine(r.topLeft() + QPointF(3, 3), r.bottomRight() - QPointF(3, 3))
            painter.drawLine(r.topRight() + QPointF(-3, 3), r.bottomLeft() + QPointF(3, -3))
        elif glyph == "slash":
            painter.drawEllipse(r.adjusted(1, 1, -1, -1))
            painter.drawLine(r.topRight() + QPointF(-4, 4), r.bottomLeft() + QPointF(4, -4))
        elif glyph == "pause":
            painter.drawLine(QPointF(c.x() - 3, r.top() + 3), QPointF(c.x() - 3, r.bottom() - 3))
            painter.drawLine(QPointF(c.x() + 3, r.top() + 3), QPointF(c.x() + 3, r.bottom() - 3))
        elif glyph == "arrow":
            painter.drawArc(r.adjusted(2, 2, -2, -2), 90 * 16, 270 * 16)
            painter.drawLine(QPointF(c.x(), r.top() + 2), QPointF(c.x() + 4, r.top() - 1))
            painter.drawLine(QPointF(c.x(), r.top() + 2), QPointF(c.x() + 4, r.top() + 5))
        else:  # disc
            painter.setBrush(colour)
            painter.drawEllipse(r.adjusted(3, 3, -3, -3))


class EdgeLabel(Pictured, QGraphicsItem):
    """An edge's label badge: pictures (one per look) on the edge's line."""

    def __init__(self, edge: EdgeItem):
        super().__init__(edge)
        self._edge = edge
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent, False)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._edge.label_rect.adjusted(-1, -1, 1, 1)

    def look(self) -> tuple[str, str]:
        return (self._edge.look_name(), self._edge.edge.label)

    def looks(self) -> tuple:
        label = self._edge.edge.label
        return tuple((name, label) for name in self._edge.look_names())

    def paint_look(self, painter: QPainter, look: object) -> None:
        name, label = look  # type: ignore[misc]
        active = name != "blocked"
        pen = EdgeItem.pen_of(name)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = self._edge.label_rect
        painter.setBrush(style.PAPER)
        border = QPen(pen.color(), 2.0 if name.endswith("taken") else 1.2)
        if not active:
            border.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(border)
        painter.drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        font = style.label_font()
        font.setBold(active)
        font.setItalic(not active)
        painter.setFont(font)
        painter.setPen(style.INK if active else style.GREY)
        painter.drawText(r, Qt.AlignmentFlag.AlignCenter, style.edge_text(label))


class EdgePiece(Pictured, QGraphicsItem):
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

    def looks(self) -> tuple:
        return self._edge.look_names()

    def paint_look(self, painter: QPainter, look: object) -> None:
        name = str(look)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = EdgeItem.pen_of(name)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        if self.head:  # filled for allowed/taken, hollow for blocked
            active = name != "blocked"
            painter.setPen(QPen(pen.color(), 1.4))
            painter.setBrush(pen.color() if active else style.PAPER)
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
    ):
        super().__init__(parent)
        self.edge = edge
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
        stroker.setWidth(12)
        self._shape = stroker.createStroke(self.path)
        self._shape.addRoundedRect(self.label_rect, 6, 6)
        self._bounds = self._shape.boundingRect().adjusted(-12, -12, 12, 12)
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
        label = tr_lifecycle(edge.label)
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
            size = 11.0 if active else 9.0
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
        """Drawn solid (allowed, last taken, or a bare table's edge)."""
        return self.neutral or self.edge.allowed or self.edge.last_taken

    def look_name(self) -> str:
        """How the edge is drawn: neutral (a bare table), taken, allowed or blocked."""
        if self.neutral:
            return "neutral-taken" if self.edge.last_taken else "neutral"
        if self.edge.last_taken:
            return "taken"
        return "allowed" if self.edge.allowed else "blocked"

    def look_names(self) -> tuple[str, ...]:
        """Every look the edge can take (a bare table's edges never change)."""
        if self.neutral:
            return (self.look_name(),)
        return ("taken", "allowed", "blocked")

    @staticmethod
    def pen_of(look: str) -> QPen:
        if look.startswith("neutral"):
            return QPen(style.INK, 1.8)
        if look == "taken":
            return QPen(style.LAST_TAKEN, 4.5)
        if look == "allowed":
            return QPen(style.ALLOWED, 2.4)
        return QPen(style.BLOCKED, 1.4, Qt.PenStyle.DashLine)

    def pen(self) -> QPen:
        return self.pen_of(self.look_name())

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
        painter.setPen(QPen(style.PAPER, 2.5))
        painter.setBrush(QBrush(style.MARKER))
        painter.drawEllipse(QPointF(0, 0), self.RADIUS, self.RADIUS)

    def _get_progress(self) -> float:
        return self._progress

    def _set_progress(self, value: float) -> None:
        self._progress = value
        if not self._path.isEmpty():
            self.setPos(self._path.pointAtPercent(max(0.0, min(1.0, value))))

    progress = QtProperty(float, _get_progress, _set_progress)


class TextItem(QGraphicsObject):
    """A line of text (title, error banner)."""

    def __init__(self, text: str, font_fn, colour: QColor, parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self._font = font_fn()
        self._colour = colour
        self._text: str | None = None
        self._rect = QRectF()
        self._max_width = 0.0  # 0: one line, as wide as the text
        self.set_text(text)

    def set_max_width(self, width: float) -> None:
        """Wrap the text to ``width`` (an error message must not run off the graph)."""
        if width != self._max_width:
            self._max_width = width
            text, self._text = self._text, None
            self.set_text(text or "")

    def _flags(self) -> int:
        wrap = Qt.TextFlag.TextWordWrap if self._max_width > 0 else 0
        return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) | int(wrap)

    def set_text(self, text: str) -> None:
        from PySide6.QtGui import QFontMetricsF

        if text == self._text:
            return  # the title and the empty banner are set again after every action
        self.prepareGeometryChange()
        self._text = text
        fm = QFontMetricsF(self._font)
        if self._max_width > 0 and fm.horizontalAdvance(text) > self._max_width:
            bounds = fm.boundingRect(QRectF(0, 0, self._max_width, 1e6), self._flags(), text)
            self._rect = QRectF(0, 0, bounds.width() + 4, bounds.height() + 4)
        else:
            self._rect = QRectF(0, 0, fm.horizontalAdvance(text) + 4, fm.height() + 4)
        self.update()

    def text(self) -> str:
        return self._text or ""

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setFont(self._font)
        painter.setPen(self._colour)
        painter.drawText(self._rect, self._flags(), self._text or "")


class GraphPanel(QGraphicsObject):
    """One object's graph: a title, its nodes and edges, the marker.

    Signals:
        edgeClicked(str, str): (object_id, edge_id).
        animationFinished(): the running transition/shake animation ended.
    """

    edgeClicked = Signal(str, str)
    animationFinished = Signal()

    TITLE_GAP = 12.0

    def __init__(self, metrics: style.Metrics, parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self._metrics = metrics
        self.model: GraphModel | None = None
        self.layout: GraphLayout | None = None
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[str, EdgeItem] = {}
        self.title = TextItem("", style.title_font, style.INK, self)
        self.banner = TextItem("", style.label_font, style.VERMILLION, self)
        self._rejection = ""  # Stripe's message of the last rejected request, shown in the banner
        self.marker = MarkerItem(self)
        self.animation: QAbstractAnimation | None = None
        self._graph_top = 0.0
        self._rect = QRectF()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        pass

    def set_title(self, text: str) -> None:
        self.title.set_text(text)

    def set_model(self, model: GraphModel | None) -> bool:
        """Show ``model``; returns True if the structure changed (items rebuilt)."""
        same = (
            self.model is not None
            and model is not None
            and [n.id for n in self.model.nodes] == [n.id for n in model.nodes]
            and [(e.id, e.source, e.target, e.label) for e in self.model.edges]
            == [(e.id, e.source, e.target, e.label) for e in model.edges]
        )
        self.model = model
        if same and model is not None:
            for n in model.nodes:
                self.nodes[n.id].set_node(n)
            for e in model.edges:
                self.edges[e.id].set_edge(e)
            return False
        self.stop_animation()
        for item in [*self.nodes.values(), *self.edges.values()]:
            item.setParentItem(None)
            if item.scene() is not None:
                item.scene().removeItem(item)
        self.nodes, self.edges = {}, {}
        self.prepareGeometryChange()
        if model is None:
            self.layout = None
            self._rect = self.title.boundingRect()
            return True
        self.layout = layout_graph(
            model, node_size=self._metrics.node_size, label_size=self._metrics.label_size
        )
        self._graph_top = self.title.boundingRect().height() + self.TITLE_GAP
        for e in model.edges:
            item = EdgeItem(e, self.layout.edges[e.id], self, neutral=not model.object_id)
            item.setY(self._graph_top)
            item.clicked.connect(self._on_edge_clicked)
            self.edges[e.id] = item
        for n in model.nodes:
            item = NodeItem(n, self.layout.nodes[n.id], self)
            item.moveBy(0, self._graph_top)
            self.nodes[n.id] = item
        self.banner.setPos(MARGIN_X, self._graph_top + self.layout.height)
        self.banner.set_max_width(max(self.layout.width - MARGIN_X, 100.0))
        self._fit_rect()
        return True

    def _fit_rect(self) -> None:
        """Cover the title, the graph and the (possibly wrapped) banner."""
        assert self.layout is not None
        self._rect = QRectF(
            0,
            0,
            max(self.layout.width, self.title.boundingRect().width()),
            self._graph_top + self.layout.height + self.banner.boundingRect().height(),
        )

    def want_pictures(self) -> None:
        """Paint every look of the nodes, edges and labels ahead, after the next frame."""
        for node in self.nodes.values():
            node.want_pictures()
        for edge in self.edges.values():
            for piece in edge.pieces:
                piece.want_pictures()
            edge.label.want_pictures()

    def _on_edge_clicked(self, edge_id: str) -> None:
        if self.model is not None:
            self.edgeClicked.emit(self.model.object_id, edge_id)

    # ---------------------------------------------------------------- animation

    def stop_animation(self) -> None:
        """Jump the running animation to its end state and stop it."""
        anim, self.animation = self.animation, None
        if anim is not None and anim.state() != QAbstractAnimation.State.Stopped:
            anim.finished.disconnect(self._on_finished)
            anim.setCurrentTime(anim.totalDuration())
            anim.stop()
            self._reset_transients()
            self.animationFinished.emit()

    def _reset_transients(self) -> None:
        self.marker.setVisible(False)
        for item in self.nodes.values():
            if item.pulse:
                item.pulse = 0.0
        for item in self.edges.values():
            if item.shake:
                item.shake = 0.0

    def _start(self, anim: QAbstractAnimation) -> QAbstractAnimation:
        self.stop_animation()
        self.animation = anim
        anim.finished.connect(self._on_finished)
        anim.start()
        return anim

    def _on_finished(self) -> None:
        anim, self.animation = self.animation, None
        self._reset_transients()
        if anim is not None:
            anim.finished.disconnect(self._on_finished)
            anim.deleteLater()
        self.animationFinished.emit()

    def animate_transition(self, edge_id: str, duration: int) -> QAbstractAnimation | None:
        """Marker along ``edge_id`` (eased), then the target node pulses."""
        edge = self.edges.get(edge_id)
        if edge is None or duration <= 0:
            return None
        target = self.nodes[edge.edge.target]
        path = QPainterPath(edge.path)
        path.translate(0, self._graph_top)
        self.marker.set_path(path)
        self.marker.setVisible(True)
        travel = QPropertyAnimation(self.marker, b"progress")
        travel.setObjectName("graph-marker")
        travel.setStartValue(0.0)
        travel.setEndValue(1.0)
        travel.setDuration(max(1, round(duration * 0.65)))
        travel.setEasingCurve(QEasingCurve.Type.InOutCubic)
        move = QParallelAnimationGroup()
        move.addAnimation(travel)
        pulse = QPropertyAnimation(target, b"pulse")
        pulse.setObjectName("graph-pulse")
        pulse.setStartValue(0.0)
        pulse.setEndValue(1.0)
        pulse.setDuration(max(1, round(duration * 0.35)))
        pulse.setEasingCurve(QEasingCurve.Type.OutCubic)
        group = QSequentialAnimationGroup(self)
        group.setObjectName("graph-transition")
        group.addAnimation(move)
        group.addAnimation(pulse)
        return self._start(group)

    def animate_rejection(
        self, edge_id: str | None, message: str, duration: int
    ) -> QAbstractAnimation | None:
        """Show ``message``; shake the blocked edge (if known)."""
        self._rejection = message
        self._show_rejection()
        if self.layout is not None:
            self.prepareGeometryChange()
            self._fit_rect()
        edge = self.edges.get(edge_id) if edge_id else None
        if edge is None or duration <= 0:
            return None
        shake = QPropertyAnimation(edge, b"shake")
        shake.setObjectName("graph-shake")
        shake.setDuration(max(1, round(max(duration, 300) * 0.6)))
        for t, v in ((0.0, 0.0), (0.15, -7.0), (0.35, 7.0), (0.55, -5.0), (0.75, 4.0), (1.0, 0.0)):
            shake.setKeyValueAt(t, v)
        return self._start(shake)

    def _show_rejection(self) -> None:
        self.banner.set_text(
            QCoreApplication.translate("StateGraph", "Rejected: {message}").format(
                message=self._rejection
            )
            if self._rejection
            else ""
        )

    def retranslate(self) -> None:
        """Say the shown rejection again in the new language (Stripe's message stays)."""
        self._show_rejection()

    def clear_banner(self) -> None:
        self._rejection = ""
        self.banner.set_text("")


MARGIN_X = 24.0
