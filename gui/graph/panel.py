"""One object's graph laid out in the scene: title, nodes, edges, marker, banner.

``GraphPanel`` turns a ``core.graph.geometry.GraphLayout`` into items; geometry
comes only from the layout, state only from the model.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractAnimation,
    QCoreApplication,
    QEasingCurve,
    QParallelAnimationGroup,
    QPropertyAnimation,
    QRectF,
    QSequentialAnimationGroup,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QStyleOptionGraphicsItem, QWidget

from core.graph.geometry import GraphLayout
from core.graph.model import GraphModel
from core.graph.top_down import layout_for
from gui.graph import style
from gui.graph.edges import EdgeItem, MarkerItem
from gui.graph.nodes import NodeItem


class TextItem(QGraphicsObject):
    """A line of text (title, error banner, the placeholder).

    ``role`` names the colour it takes from the graph's palette (``ink``,
    ``alert``, ``muted``), so a theme switch repaints it in the new one.
    """

    def __init__(
        self,
        text: str,
        font_fn: Callable[[], QFont],
        role: str = "ink",
        parent: QGraphicsItem | None = None,
    ):
        super().__init__(parent)
        self._font = font_fn()
        self._role = role
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

    def set_font(self, font: QFont) -> None:
        self._font = font
        text, self._text = self._text, None
        self.set_text(text or "")

    def texts(self) -> list[tuple[QFont, str]]:
        return [(self._font, self._text)] if self._text else []

    def set_text(self, text: str) -> None:
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
        painter.setPen(getattr(style.colours(), self._role))
        painter.drawText(self._rect, self._flags(), self._text or "")


class FocusFrame(QGraphicsItem):
    """The frame around the edge the keyboard has chosen (Tab / arrows; Enter takes it)."""

    def __init__(self, parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self._rect = QRectF()
        self.setZValue(6)
        self.setVisible(False)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_rect(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self._rect = rect.adjusted(-5, -5, 5, 5)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect.adjusted(-3, -3, 3, 3)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(style.colours().focus, 3, Qt.PenStyle.SolidLine))
        painter.drawRoundedRect(self._rect, 8, 8)


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
        self.title = TextItem("", lambda: style.title_font(metrics.scale), "ink", self)
        self.banner = TextItem("", lambda: style.label_font(metrics.scale), "alert", self)
        self.focus_frame = FocusFrame(self)
        self.focused_edge = ""
        #: the widest the title may be (scene units): the view's width
        self.title_limit = float("inf")
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

    @property
    def metrics(self) -> style.Metrics:
        return self._metrics

    def set_metrics(self, metrics: style.Metrics) -> None:
        """Another text scale or label length: the next ``set_model`` rebuilds every item."""
        self._metrics = metrics
        self.title.set_font(style.title_font(metrics.scale))
        self.banner.set_font(style.label_font(metrics.scale))
        model, self.model = self.model, None
        self.set_model(None)
        self.set_model(model)

    def keep_title_at(self, left: float) -> None:
        """Slide the title to ``left`` (panel units) as the view scrolls, within the panel."""
        if self.layout is None:
            return
        room = self._rect.width() - self.title.boundingRect().width()
        x = min(max(MARGIN_X / 2, left + 8), max(MARGIN_X / 2, room))
        if abs(self.title.x() - x) > 0.5:
            self.title.setX(x)

    def text_items(self) -> list[QGraphicsItem]:
        """Every item that draws text (each has ``texts()``), the legibility test reads them."""
        out: list[QGraphicsItem] = [self.title, self.banner]
        out += list(self.nodes.values())
        out += [edge.label for edge in self.edges.values()]
        return out

    def focus_edge(self, edge_id: str) -> None:
        """Frame ``edge_id`` as the keyboard's choice ("" hides the frame)."""
        edge = self.edges.get(edge_id)
        self.focused_edge = edge_id if edge is not None else ""
        if edge is None:
            self.focus_frame.setVisible(False)
            return
        self.focus_frame.set_rect(edge.label_rect.translated(0, self._graph_top))
        self.focus_frame.setVisible(True)

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
        arrivals = _arrivals(model)
        if same and model is not None:
            for n in model.nodes:
                node = self.nodes[n.id]
                node.next_visit = arrivals.get(n.id, 0)
                node.set_node(n)
            for e in model.edges:
                self.edges[e.id].set_edge(e)
            return False
        self.stop_animation()
        for item in [*self.nodes.values(), *self.edges.values()]:
            # Qt takes None (no parent); PySide6's stub types the argument as QGraphicsItem
            item.setParentItem(None)  # type: ignore[arg-type]
            if item.scene() is not None:
                item.scene().removeItem(item)
        self.nodes, self.edges = {}, {}
        self.focus_edge("")
        self.prepareGeometryChange()
        if model is None:
            self.layout = None
            self._rect = self.title.boundingRect()
            return True
        self.layout = layout_for(
            model, node_size=self._metrics.node_size, label_size=self._metrics.label_size
        )
        # a long title (id, nickname, kind) wraps over the graph instead of widening it
        # (and never wider than the view shows, so a scrolled graph keeps it whole)
        width = min(self.layout.width - MARGIN_X, self.title_limit)
        self.title.set_max_width(max(width, 240.0 * self._metrics.scale))
        self.title.setPos(MARGIN_X / 2, 0)
        self._graph_top = self.title.boundingRect().height() + self.TITLE_GAP
        for e in model.edges:
            item = EdgeItem(
                e,
                self.layout.edges[e.id],
                self,
                neutral=not model.object_id,
                text_scale=self._metrics.scale,
                short=self._metrics.short,
            )
            item.setY(self._graph_top)
            item.clicked.connect(self._on_edge_clicked)
            self.edges[e.id] = item
        for n in model.nodes:
            item = NodeItem(n, self.layout.nodes[n.id], self, text_scale=self._metrics.scale)
            item.next_visit = arrivals.get(n.id, 0)
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

    def refresh_pictures(self) -> None:
        """Paint ahead the looks the next action can give (after a change; not while
        an animation runs: its frames come first, :meth:`_on_finished` asks again)."""
        if self.animation is not None:
            return
        for node in self.nodes.values():
            node.refresh_pictures()
        for edge in self.edges.values():
            edge.label.refresh_pictures()

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
        # pulse and shake are Qt Properties (animated); PySide6's stubs type the
        # attribute as the Property descriptor, not the float it reads and writes
        for node in self.nodes.values():
            if node.pulse:
                node.pulse = 0.0  # type: ignore[assignment]
        for edge in self.edges.values():
            if edge.shake:
                edge.shake = 0.0  # type: ignore[assignment]

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
        self.refresh_pictures()

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
        # painted text cannot hold links: a citation here stays text (the action bar's
        # blocked line shows a blocked action's reason with its link)
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


def _arrivals(model: GraphModel | None) -> dict[str, int]:
    """The states an allowed action leads to, each with the trail position it
    would be reached at (the next one)."""
    if model is None:
        return {}
    next_visit = 1 + max((max(n.visits) for n in model.nodes if n.visits), default=0)
    return {e.target: next_visit for e in model.edges if e.allowed}
