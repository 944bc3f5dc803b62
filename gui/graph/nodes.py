"""A state of the graph: its box, glyph, name, status words and trail badge."""

from __future__ import annotations

from PySide6.QtCore import Property as QtProperty
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QStyleOptionGraphicsItem, QWidget

from core.graph.geometry import NodeLayout
from core.graph.model import GraphNode
from gui.graph import style
from gui.graph.pictured import Pictured

#: what a state looks like: (current/previous/unreachable/plain, id, label, terminal, badge)
NodeLook = tuple[str, str, str, bool, str]


def contrast_text(colour: QColor) -> QColor:
    r, g, b = colour.redF(), colour.greenF(), colour.blueF()
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return QColor("#1A1A1A") if luminance > 0.45 else QColor("#FFFFFF")


def visits_text(visits: tuple[int, ...]) -> str:
    """The trail badge of a state: its visit numbers ("1", "2, 4", "2–5")."""
    if not visits:
        return ""
    if len(visits) <= 2:
        return ", ".join(str(v) for v in visits)
    return f"{visits[0]}–{visits[-1]}"


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


class NodeItem(Pictured[NodeLook], QGraphicsObject):
    """One state. Animated property: ``pulse`` (0 → 1 draws an expanding ring).

    Kept as pictures (``Pictured``) of its four looks: current, previous,
    unreachable, plain. A state the object has been in carries a badge with its
    visit numbers (the trail), and is never drawn as unreachable.
    """

    #: looks, by precedence (a node both current and previous looks current)
    LOOKS = ("current", "previous", "unreachable", "plain")
    #: the trail position an allowed action would reach this state at (0: none
    #: leads here; set by the panel)
    next_visit = 0

    def __init__(
        self,
        node: GraphNode,
        box: NodeLayout,
        parent: QGraphicsItem | None = None,
        text_scale: float = 1.0,
    ):
        super().__init__(parent)
        self.node = node
        self.text_scale = text_scale
        self._rect = QRectF(0, 0, box.rect.w, box.rect.h)
        self._pulse = 0.0
        self._set_bounds()
        self.setPos(box.rect.x, box.rect.y)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(2)
        self.setAcceptHoverEvents(True)
        self.ring = PulseRing(self._rect, self)
        self.ring.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
        self.set_node(node)

    def _set_bounds(self) -> None:
        # the badge straddles the top-left corner
        badge = style.badge_font(self.text_scale).pixelSize() + 8
        self._bounds = self._rect.adjusted(-badge, -badge, 2, 2)

    def set_node(self, node: GraphNode) -> None:
        if node == self.node and self.toolTip():
            return  # unchanged: keep the picture
        changed = self.look() != self._look_of(node)
        if changed and visits_text(node.visits) != visits_text(self.node.visits):
            self.prepareGeometryChange()
        self.node = node
        dim = not (node.reachable or node.current or node.previous or node.visited)
        self.setOpacity(0.38 if dim and not style.colours().high_contrast else 1.0)
        tip = f"{node.label}: {style.gloss(node.id)}" if style.gloss(node.id) else node.label
        if node.visits:
            tip += "\n" + QCoreApplication.translate("StateGraph", "visited: step {steps}").format(
                steps=", ".join(str(v) for v in node.visits)
            )
        if tip != self.toolTip():
            self.setToolTip(tip)
        if changed:
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return self._bounds

    def _get_pulse(self) -> float:
        return self._pulse

    def _set_pulse(self, value: float) -> None:
        self._pulse = value
        self.ring.colour = style.colours().status(self.node.id)
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
        if not node.reachable and not node.visited:
            return "unreachable"
        return "plain"

    def _look_of(self, node: GraphNode) -> NodeLook:
        return (self._state_of(node), node.id, node.label, node.terminal, visits_text(node.visits))

    def look(self) -> NodeLook:
        return self._look_of(self.node)

    def looks(self) -> tuple[NodeLook, ...]:
        """Its four looks as it is and, if an allowed action leads here, current
        with the badge of the next visit (the look that action gives it: painted
        ahead, so the action's frame copies a picture)."""
        _state, node_id, label, terminal, badge = self.look()
        now = tuple((state, node_id, label, terminal, badge) for state in self.LOOKS)
        if not self.next_visit:
            return now
        arriving = visits_text((*self.node.visits, self.next_visit))
        return (*now, ("current", node_id, label, terminal, arriving))

    def status_word(self) -> str:
        return self._word(self._state_of(self.node), self.node.terminal)

    @staticmethod
    def _word(state: str, terminal: bool) -> str:
        words = style.status_words()
        if state != "plain":
            return words[state]
        return words["terminal"] if terminal else ""

    def texts(self) -> list[tuple[QFont, str]]:
        """Every (font, text) this node draws now (the legibility test reads them)."""
        s = self.text_scale
        out = [(style.node_font(s), line) for line in style.node_lines(self.node.label)]
        word = self.status_word()
        if word:
            out.append((style.small_font(s), word))
        badge = visits_text(self.node.visits)
        if badge:
            out.append((style.badge_font(s), badge))
        return out

    def paint_look(self, painter: QPainter, look: NodeLook) -> None:
        state, node_id, label, terminal, badge = look
        current = state == "current"
        c = style.colours()
        s = self.text_scale
        colour = c.status(node_id)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self._rect.adjusted(2, 2, -2, -2)
        radius = 12 * s
        if current:
            fill = QColor(colour)
            text = contrast_text(fill)
            pen = QPen(c.ink, 4.5 * s)
        else:
            fill = QColor(colour)
            fill.setAlphaF(0.14 if not c.high_contrast else 0.0)
            text = c.ink
            outline = (
                colour if c.high_contrast else colour.darker(170 if colour == style.YELLOW else 130)
            )
            pen = QPen(outline, 2.0 * s)
            if state == "previous":
                pen = QPen(c.ink, 2.5 * s, Qt.PenStyle.DashLine)
            elif state == "unreachable" and c.high_contrast:
                pen = QPen(c.muted, 2.0 * s, Qt.PenStyle.DotLine)
                text = c.muted
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(c.paper)
        painter.drawRoundedRect(rect, radius, radius)
        painter.setBrush(fill)
        painter.setPen(pen)
        painter.drawRoundedRect(rect, radius, radius)
        if terminal:  # double border
            inner = QPen(pen.color(), 1.5 * s)
            painter.setPen(inner)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(5 * s, 5 * s, -5 * s, -5 * s), 8 * s, 8 * s)
        # glyph (shape) + name + status line
        gsize = 16.0 * s
        painter.setFont(style.node_font(s))
        fm = painter.fontMetrics()
        lines = style.node_lines(label)
        line_h = fm.height()
        top = rect.top() + 10 * s
        for i, line in enumerate(lines):
            line_w = fm.horizontalAdvance(line)
            extra = gsize + 6 * s if i == 0 else 0.0
            x0 = rect.center().x() - (line_w + extra) / 2
            y = top + i * line_h
            if i == 0:
                glyph_colour = (
                    text
                    if current or c.high_contrast
                    else colour.darker(150 if colour == style.YELLOW else 120)
                )
                self._paint_glyph(
                    painter,
                    glyph_of(node_id),
                    QRectF(x0, y + (line_h - gsize) / 2, gsize, gsize),
                    glyph_colour,
                    s,
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
            painter.setFont(style.small_font(s))
            painter.drawText(
                QRectF(
                    rect.left(),
                    top + name_h + 2 * s,
                    rect.width(),
                    rect.bottom() - top - name_h - 6 * s,
                ),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                word,
            )
        if badge:
            self._paint_badge(painter, badge, c)

    def _paint_badge(self, painter: QPainter, badge: str, c: style.Colours) -> None:
        """The visit numbers in an ink pill over the top-left corner."""
        font = style.badge_font(self.text_scale)
        painter.setFont(font)
        fm = painter.fontMetrics()
        h = fm.height() + 4
        w = max(h, fm.horizontalAdvance(badge) + 12)
        pill = QRectF(-h / 2 + 2, -h / 2 + 2, w, h)
        painter.setPen(QPen(c.paper, 2))
        painter.setBrush(c.ink)
        painter.drawRoundedRect(pill, h / 2, h / 2)
        painter.setPen(c.paper)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, badge)

    @staticmethod
    def _paint_glyph(
        painter: QPainter, glyph: str, r: QRectF, colour: QColor, s: float = 1.0
    ) -> None:
        pen = QPen(
            colour,
            2.2 * s,
            Qt.PenStyle.SolidLine,
            Qt.PenCapStyle.RoundCap,
            Qt.PenJoinStyle.RoundJoin,
        )
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        c = r.center()
        k = s
        if glyph == "clock":
            painter.drawEllipse(r.adjusted(k, k, -k, -k))
            painter.drawLine(c, QPointF(c.x(), r.top() + 4 * k))
            painter.drawLine(c, QPointF(r.right() - 4 * k, c.y()))
        elif glyph == "check":
            painter.drawPolyline(
                QPolygonF(
                    [
                        QPointF(r.left() + 2 * k, c.y()),
                        QPointF(c.x() - k, r.bottom() - 3 * k),
                        QPointF(r.right() - k, r.top() + 2 * k),
                    ]
                )
            )
        elif glyph == "cross":
            d = QPointF(3 * k, 3 * k)
            painter.drawLine(r.topLeft() + d, r.bottomRight() - d)
            painter.drawLine(
                r.topRight() + QPointF(-3 * k, 3 * k), r.bottomLeft() + QPointF(3 * k, -3 * k)
            )
        elif glyph == "slash":
            painter.drawEllipse(r.adjusted(k, k, -k, -k))
            painter.drawLine(
                r.topRight() + QPointF(-4 * k, 4 * k), r.bottomLeft() + QPointF(4 * k, -4 * k)
            )
        elif glyph == "pause":
            painter.drawLine(
                QPointF(c.x() - 3 * k, r.top() + 3 * k), QPointF(c.x() - 3 * k, r.bottom() - 3 * k)
            )
            painter.drawLine(
                QPointF(c.x() + 3 * k, r.top() + 3 * k), QPointF(c.x() + 3 * k, r.bottom() - 3 * k)
            )
        elif glyph == "arrow":
            painter.drawArc(r.adjusted(2 * k, 2 * k, -2 * k, -2 * k), 90 * 16, 270 * 16)
            painter.drawLine(QPointF(c.x(), r.top() + 2 * k), QPointF(c.x() + 4 * k, r.top() - k))
            painter.drawLine(
                QPointF(c.x(), r.top() + 2 * k), QPointF(c.x() + 4 * k, r.top() + 5 * k)
            )
        else:  # disc
            painter.setBrush(colour)
            painter.drawEllipse(r.adjusted(3 * k, 3 * k, -3 * k, -3 * k))


def glyph_of(status: str) -> str:
    return style.status_style(status)[1]
