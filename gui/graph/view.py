"""``StateGraphView``: the selected object's lifecycle, animated as the user acts.

The view draws only from ``sandbox.graph(object_id)`` (a
``core.graph.model.GraphModel``) laid out by ``core.graph.layout``; it never
holds a copy of a state machine. It connects to the window's
:class:`~gui.sandbox_host.SandboxHost` and re-reads the graph after every
request, undo and redo.
"""

from __future__ import annotations

import os
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractAnimation,
    QCoreApplication,
    QEvent,
    QRectF,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from core.api import Sandbox
from core.graph.focus import focus_graph, wants_focus
from core.graph.model import GraphModel
from gui.graph import style
from gui.graph.follow import TRIGGER_ACTIONS, SandboxFollowMixin
from gui.graph.keys import EdgeKeysMixin
from gui.graph.panel import GraphPanel, TextItem
from gui.graph.sizing import MAX_FIT_SCALE, LegibleSizingMixin
from gui.graph.view_menu import GraphMenuMixin
from gui.sandbox_host import SandboxHost

#: Default animation length (ms); QSettings key ``graph/animation_ms`` overrides it.
DEFAULT_DURATION_MS = 600
PANEL_GAP = 90.0
__all__ = ["MAX_FIT_SCALE", "TRIGGER_ACTIONS", "StateGraphView", "kind_title", "nickname_of"]


def reduced_motion_preferred() -> bool:
    """The user asked for less motion (env ``CHARGEABLE_REDUCED_MOTION`` or the setting).

    Qt 6.11 has no portable "prefers reduced motion" query, so the preference
    is a Chargeable setting (``accessibility/reduced_motion``) that the
    environment variable can force on.
    """
    env = os.environ.get("CHARGEABLE_REDUCED_MOTION", "")
    if env:
        return env not in ("0", "false", "no")
    value = QSettings().value("accessibility/reduced_motion", False)
    return str(value).lower() in ("1", "true", "yes")


def kind_title(model: GraphModel, nickname: str = "") -> str:
    kinds = {
        "source": QCoreApplication.translate("StateGraph", "Source"),
        "token": QCoreApplication.translate("StateGraph", "Token"),
        "charge": QCoreApplication.translate("StateGraph", "Charge"),
    }
    kind = kinds.get(model.kind, model.kind)
    if model.kind == "source" and model.variant:
        # the flow name is a Stripe identifier: not translated
        kind = QCoreApplication.translate("StateGraph", "{kind}, flow {flow}").format(
            kind=kind, flow=model.variant
        )
    if model.every_flow and model.object_id:
        kind = QCoreApplication.translate("StateGraph", "{kind} (every flow)").format(kind=kind)
    if model.object_id and nickname:
        return f"{nickname} · {model.object_id} · {kind}"
    if model.object_id:
        return f"{model.object_id} · {kind}"
    return kind


def nickname_of(sandbox: Sandbox, object_id: str) -> str:
    """The short name a lesson or a teacher gave the object (``metadata[nickname]``)."""
    get = getattr(sandbox, "get", None)
    if get is None or not object_id:
        return ""
    try:
        obj = get(object_id)
    except (KeyError, ValueError):
        return ""
    metadata = (obj or {}).get("metadata") or {}
    return str(metadata.get("nickname", "") or "")


class StateGraphView(
    LegibleSizingMixin, SandboxFollowMixin, EdgeKeysMixin, GraphMenuMixin, QGraphicsView
):
    """The selected object's lifecycle graph (and, in compare mode, a pinned one).

    Signals:
        actionRequested(str, str): (object_id, action_name) when the user
            clicks an allowed edge.
        actionBlocked(str, str, str): (object_id, action_name, reason) when the
            user clicks a blocked edge, or a request for it was rejected.
        animationFinished(): the last started animation ended (or was cut short).
        pinnedChanged(str): the pinned object id ("" when unpinned).
    """

    actionRequested = Signal(str, str)
    actionBlocked = Signal(str, str, str)
    animationFinished = Signal()
    pinnedChanged = Signal(str)

    def __init__(self, host: SandboxHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stateGraph")
        self.setAccessibleName(QCoreApplication.translate("StateGraph", "State graph"))
        self._host = host
        self._sandbox: Sandbox = host.sandbox
        self._object_id: str | None = None
        self._pinned_id: str | None = None
        stored = cast("int | str", QSettings().value("graph/animation_ms", DEFAULT_DURATION_MS))
        self._duration = int(stored or 0)
        self._reduced_motion = reduced_motion_preferred()
        self._auto_fit = True
        self._every_flow = False
        #: the window's text zoom, presenter mode and the screen height it is shown on
        self._text_zoom = 1.0
        self._presenter = False
        self._presenter_height = 800.0
        self._metrics = style.Metrics(self.text_scale())

        scene = QGraphicsScene(self)
        scene.setBackgroundBrush(style.colours().background)
        self.setScene(scene)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip("")

        self._panel = self._new_panel()
        self._pinned_panel: GraphPanel | None = None
        self._placeholder = TextItem(
            QCoreApplication.translate("StateGraph", "Select an object to see its lifecycle."),
            lambda: style.title_font(self._metrics.scale),
            "muted",
        )
        scene.addItem(self._placeholder)

        host.changed.connect(self._on_change)
        self.horizontalScrollBar().valueChanged.connect(self._keep_title_in_view)
        self._relayout()

    # ------------------------------------------------------------------ public

    def object_id(self) -> str | None:
        return self._object_id

    def pinned_object(self) -> str | None:
        return self._pinned_id

    def panel(self) -> GraphPanel:
        """The live panel (the selected object's graph)."""
        return self._panel

    def pinned_panel(self) -> GraphPanel | None:
        return self._pinned_panel

    def graph_model(self) -> GraphModel | None:
        return self._panel.model

    def every_flow(self) -> bool:
        return self._every_flow

    def set_every_flow(self, on: bool) -> None:
        """Show the whole table of the object's flow (for comparing), or only its own lifecycle."""
        if bool(on) != self._every_flow:
            self._every_flow = bool(on)
            self.refresh()
            if self._auto_fit:
                self.fit()

    def text_items(self) -> list[Any]:
        """Every item drawing text now (each has ``texts()``: (font, text) pairs)."""
        items: list[Any] = [self._placeholder] if self._placeholder.isVisible() else []
        for panel in self._panels():
            if panel.model is not None:
                items += [i for i in panel.text_items() if i.isVisible()]
        return items

    def set_object(self, object_id: str | None) -> None:
        """Show ``object_id``'s lifecycle (None: nothing selected)."""
        self._object_id = object_id or None
        self._panel.clear_banner()
        self._show(self._panel, self._object_id)
        self._panel.want_pictures()  # every look ready before the first action
        self._relayout()
        if self._auto_fit:
            self.fit()
        else:
            self._follow(self._panel)

    def refresh(self) -> None:
        """Re-read both graphs from the sandbox (no animation), in the theme in force."""
        self.scene().setBackgroundBrush(style.colours().background)
        self._show(self._panel, self._object_id)
        if self._pinned_panel is not None:
            self._show(self._pinned_panel, self._pinned_id)
        self._relayout()

    def set_animation_duration(self, ms: int) -> None:
        """Length of a transition animation; 0 jumps straight to the end."""
        self._duration = max(0, int(ms))

    def animation_duration(self) -> int:
        return self._duration

    def set_reduced_motion(self, reduced: bool) -> None:
        self._reduced_motion = bool(reduced)

    def effective_duration(self) -> int:
        return 0 if self._reduced_motion else self._duration

    def running_animations(self) -> list[QAbstractAnimation]:
        return [p.animation for p in self._panels() if p.animation is not None]

    def is_animating(self) -> bool:
        return bool(self.running_animations())

    def stop_animations(self) -> None:
        for p in self._panels():
            p.stop_animation()

    # compare mode
    def pin(self, object_id: str | None = None) -> None:
        """Keep ``object_id`` (default: the shown object) beside the live graph."""
        object_id = object_id or self._object_id
        if not object_id:
            return
        self._pinned_id = object_id
        if self._pinned_panel is None:
            self._pinned_panel = self._new_panel()
        self._show(self._pinned_panel, object_id)
        self._pinned_panel.want_pictures()
        self._relayout()
        if self._auto_fit:
            self.fit()
        self.pinnedChanged.emit(object_id)

    def unpin(self) -> None:
        if self._pinned_panel is None:
            return
        panel, self._pinned_panel, self._pinned_id = self._pinned_panel, None, None
        panel.stop_animation()
        self.scene().removeItem(panel)
        panel.deleteLater()
        self._relayout()
        if self._auto_fit:
            self.fit()
        self.pinnedChanged.emit("")

    # ------------------------------------------------------------------ internals

    def _panels(self) -> list[GraphPanel]:
        return [p for p in (self._pinned_panel, self._panel) if p is not None]

    def _new_panel(self) -> GraphPanel:
        panel = GraphPanel(self._metrics)
        self.scene().addItem(panel)
        panel.edgeClicked.connect(self._on_edge_clicked)
        panel.animationFinished.connect(self.animationFinished)
        return panel

    def _graph_of(self, object_id: str | None) -> GraphModel | None:
        if not object_id:
            return None
        try:
            if self._every_flow:
                return self._sandbox.graph(object_id, every_flow=True)
            model = self._sandbox.graph(object_id)
        except (KeyError, ValueError):
            return None
        # the intents' tables join their states many times over: drawn focused (E: all)
        return focus_graph(model) if wants_focus(model) else model

    def _keep_title_in_view(self, *_args: object) -> None:
        """A graph wider than the view scrolls; its title stays in sight."""
        panel = self._panel
        if panel.model is None:
            return
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        panel.keep_title_at(visible.left() - panel.x())

    def _show(self, panel: GraphPanel, object_id: str | None) -> bool:
        model = self._graph_of(object_id)
        panel.title_limit = max(240.0, self.viewport().width() - 32.0)
        rebuilt = panel.set_model(model)
        nickname = nickname_of(self._sandbox, object_id or "")
        title = kind_title(model, nickname) if model is not None else ""
        if panel is self._pinned_panel and model is not None:
            title = QCoreApplication.translate("StateGraph", "Pinned: {title}").format(title=title)
        panel.set_title(title)
        return rebuilt

    def _relayout(self) -> None:
        """Place the panels: side by side, or the live one under the pinned one when
        that lets the view show both larger (wide graphs on a 16:10 screen)."""
        shown = [p for p in self._panels() if p.model is not None]
        sizes = [p.boundingRect() for p in shown]
        beside = True
        if len(shown) == 2:
            vw, vh = max(1, self.viewport().width()), max(1, self.viewport().height())
            (a, b) = sizes
            scale_beside = min(
                vw / (a.width() + PANEL_GAP + b.width()), vh / max(a.height(), b.height())
            )
            scale_stacked = min(
                vw / max(a.width(), b.width()), vh / (a.height() + PANEL_GAP + b.height())
            )
            beside = scale_beside >= scale_stacked
        x = y = 0.0
        for panel, rect in zip(shown, sizes, strict=True):
            panel.setPos(x, y)
            if beside:
                x += rect.width() + PANEL_GAP
            else:
                y += rect.height() + PANEL_GAP
        self._placeholder.setVisible(not shown)
        if not shown:
            self._placeholder.setPos(0, 0)
        rect = self._drawn_rect()
        self.scene().setSceneRect(rect.adjusted(-20, -20, 20, 20))

    def _drawn_rect(self) -> QRectF:
        rect = QRectF()
        for panel in self._panels():
            if panel.model is not None:
                rect = rect.united(panel.sceneBoundingRect())
        if rect.isEmpty():
            rect = self._placeholder.sceneBoundingRect()
        return rect

    def _follow(self, panel: GraphPanel, top_left: bool = False) -> None:
        model = panel.model
        current = model.current if model is not None else None
        if top_left:
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
            self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())
        if current is None:
            return
        item = panel.nodes.get(current.id)
        if item is not None:
            self.ensureVisible(item.sceneBoundingRect(), 60, 60)

    # ------------------------------------------------------------------ Qt events

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if self._is_view_key(event):
                event.accept()  # while focused, bare +/-/F belong to the graph
                return True
        return super().event(event)

    @staticmethod
    def _is_view_key(event: QKeyEvent) -> bool:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods & ~Qt.KeyboardModifier.ShiftModifier:
            return False  # Ctrl+=, Ctrl+-, Ctrl+0 are the window's zoom
        return event.key() in (
            Qt.Key.Key_Plus,
            Qt.Key.Key_Equal,
            Qt.Key.Key_Minus,
            Qt.Key.Key_F,
            Qt.Key.Key_E,
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if self.handle_edge_key(event):
            event.accept()
            return
        if not self._is_view_key(event):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                event.ignore()
                return
            super().keyPressEvent(event)
            return
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif key == Qt.Key.Key_E:
            self.set_every_flow(not self._every_flow)
        else:
            self.fit()
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        super().focusOutEvent(event)
        self._panel.focus_edge("")
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if self.hasFocus():  # the focus ring, inside the viewport's edge
            painter = QPainter(self.viewport())
            pen = QPen(style.colours().focus, 3)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.drawRect(self.viewport().rect().adjusted(1, 1, -2, -2))
            painter.end()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        delta = event.angleDelta().y()
        if delta == 0:
            super().wheelEvent(event)
            return
        self._zoom(1.0015**delta)
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if (
            self._metrics.short
            and not self._presenter
            and self._fits(style.Metrics(self._metrics.scale, False))
        ):
            self._rescale(short=False)
        if self._pinned_panel is not None:
            self._relayout()
        if self._auto_fit:
            self.fit()

    def mouseMoveEvent(self, event: Any) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._auto_fit = False  # the user pans
        super().mouseMoveEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(QCoreApplication.translate("StateGraph", "State graph"))
            self._placeholder.set_text(
                QCoreApplication.translate("StateGraph", "Select an object to see its lifecycle.")
            )
            self._rebuild()
            for panel in self._panels():
                panel.retranslate()
        elif event.type() == QEvent.Type.ApplicationPaletteChange:
            self._rebuild()  # the theme changed: every picture in the new colours
        super().changeEvent(event)

    def restyle(self, *_args: object) -> None:
        """Paint everything in the theme now in force (high contrast or not)."""
        self._rebuild()
        self.viewport().update()

    def _rebuild(self) -> None:
        """Build every item again (new words or colours), same size rules."""
        self._metrics = style.Metrics(self._metrics.scale, self._metrics.short)
        self.scene().setBackgroundBrush(style.colours().background)
        for panel in self._panels():  # rebuilt: node and edge words are set when built
            panel.set_metrics(self._metrics)
        self.refresh()
        if self._auto_fit:
            self.fit()
