"""``StateGraphView``: the selected object's lifecycle, animated as the user acts.

The view draws only from ``sandbox.graph(object_id)`` (a
``core.graph.model.GraphModel``) laid out by ``core.graph.layout``; it never
holds a copy of a state machine. It connects to the window's
:class:`~gui.sandbox_host.SandboxHost` and re-reads the graph after every
request, undo and redo.
"""

from __future__ import annotations

import os
import re
from typing import Any

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
    QColor,
    QContextMenuEvent,
    QKeyEvent,
    QPainter,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QFileDialog, QGraphicsScene, QGraphicsView, QMenu, QWidget

from core.api import Change, RequestLine, Sandbox
from core.graph.model import GraphModel
from gui.graph import style
from gui.graph.items import GraphPanel, TextItem
from gui.sandbox_host import SandboxHost

#: Default animation length (ms); QSettings key ``graph/animation_ms`` overrides it.
DEFAULT_DURATION_MS = 600
PANEL_GAP = 90.0
#: Edge triggers that are not action names: the action that makes them happen.
TRIGGER_ACTIONS = {"expire": "advance_clock", "settle": "advance_clock"}
MAX_FIT_SCALE = 2.0


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


def kind_title(model: GraphModel) -> str:
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
    if model.object_id:
        return f"{model.object_id} · {kind}"
    return kind


class StateGraphView(QGraphicsView):
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
        self._duration = int(QSettings().value("graph/animation_ms", DEFAULT_DURATION_MS) or 0)
        self._reduced_motion = reduced_motion_preferred()
        self._auto_fit = True
        self._metrics = style.Metrics()

        scene = QGraphicsScene(self)
        scene.setBackgroundBrush(QColor("#FAFAF7"))
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
            QCoreApplication.translate(
                "StateGraph", "Select a source, a token or a charge to see its lifecycle."
            ),
            style.title_font,
            style.GREY,
        )
        scene.addItem(self._placeholder)

        host.changed.connect(self._on_change)
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
        """Re-read both graphs from the sandbox (no animation)."""
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

    # view
    def zoom_in(self) -> None:
        self._zoom(1.2)

    def zoom_out(self) -> None:
        self._zoom(1 / 1.2)

    def fit(self) -> None:
        """Fit everything drawn into the view (key F)."""
        self._auto_fit = True
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.transform().m11() > MAX_FIT_SCALE:
            self.resetTransform()
            self.scale(MAX_FIT_SCALE, MAX_FIT_SCALE)
            self.centerOn(rect.center())

    def zoom_factor(self) -> float:
        return self.transform().m11()

    # export
    # gui.graph.export (QtSvg, QImage) is imported on the first export, not at start
    def export_png(self, path: str, scale: float = 2.0) -> bool:
        from gui.graph import export as graph_export

        self.stop_animations()
        return graph_export.scene_to_png(self.scene(), self._drawn_rect(), path, scale)

    def export_svg(self, path: str) -> bool:
        from gui.graph import export as graph_export

        self.stop_animations()
        return graph_export.scene_to_svg(
            self.scene(),
            self._drawn_rect(),
            path,
            title=QCoreApplication.translate("StateGraph", "Chargeable state graph"),
        )

    def export_mermaid(self, path: str) -> bool:
        from core.graph.mermaid import to_mermaid

        model = self._panel.model
        if model is None:
            return False
        try:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(to_mermaid(model))
        except OSError:
            return False
        return True

    def export_with_dialog(self, fmt: str) -> bool:
        """Ask where to save, then export as ``png``, ``svg`` or ``mermaid``."""
        filters = {
            "png": QCoreApplication.translate("StateGraph", "PNG image (*.png)"),
            "svg": QCoreApplication.translate("StateGraph", "SVG drawing (*.svg)"),
            "mermaid": QCoreApplication.translate("StateGraph", "Mermaid text (*.mmd)"),
        }
        path, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("StateGraph", "Export graph"), "", filters[fmt]
        )
        if not path:
            return False
        return {"png": self.export_png, "svg": self.export_svg, "mermaid": self.export_mermaid}[
            fmt
        ](path)

    def show_rejected(self, object_id: str, action_name: str, message: str) -> None:
        """Shake the edge of a rejected ``action_name`` and show ``message``."""
        for panel in self._panels():
            model = panel.model
            if model is None or model.object_id != object_id:
                continue
            edge_id = self._edge_for_action(model, action_name)
            self._watch(panel.animate_rejection(edge_id, message, self.effective_duration()))

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
            return self._sandbox.graph(object_id)
        except (KeyError, ValueError):
            return None

    def _show(self, panel: GraphPanel, object_id: str | None) -> bool:
        model = self._graph_of(object_id)
        rebuilt = panel.set_model(model)
        title = kind_title(model) if model is not None else ""
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

    def _zoom(self, factor: float) -> None:
        self._auto_fit = False
        new = self.transform().m11() * factor
        if 0.15 <= new <= 8.0:
            self.scale(factor, factor)

    def _follow(self, panel: GraphPanel) -> None:
        model = panel.model
        current = model.current if model is not None else None
        if current is None:
            return
        item = panel.nodes.get(current.id)
        if item is not None:
            self.ensureVisible(item.sceneBoundingRect(), 60, 60)

    def _watch(self, anim: QAbstractAnimation | None) -> None:
        if anim is None:
            return

    def _on_edge_clicked(self, object_id: str, edge_id: str) -> None:
        panel = next(
            (p for p in self._panels() if p.model is not None and p.model.object_id == object_id),
            None,
        )
        if panel is None or panel.model is None:
            return
        edge = next(e for e in panel.model.edges if e.id == edge_id)
        action = self.action_for_edge(object_id, edge.trigger)
        if edge.allowed and action:
            self.actionRequested.emit(object_id, action)
            return
        if edge.allowed:
            reason = QCoreApplication.translate(
                "StateGraph", "this happens by itself: no action performs it"
            )
        else:
            reason = (
                style.tr_lifecycle(edge.reason)
                if edge.reason
                else QCoreApplication.translate("StateGraph", "not possible now")
            )
        self._watch(panel.animate_rejection(edge_id, reason, self.effective_duration()))
        self.actionBlocked.emit(object_id, action or edge.trigger, reason)

    def action_for_edge(self, object_id: str, trigger: str) -> str | None:
        """The action name that takes an edge with ``trigger`` (None if no action does)."""
        name = TRIGGER_ACTIONS.get(trigger, trigger)
        try:
            names = {a.name for a in self._sandbox.allowed_actions(object_id)}
        except Exception:  # noqa: BLE001 - the object may be gone
            return None
        return name if name in names else None

    @staticmethod
    def _edge_for_action(model: GraphModel, action_name: str) -> str | None:
        current = model.current
        candidates = [
            e for e in model.edges if TRIGGER_ACTIONS.get(e.trigger, e.trigger) == action_name
        ]
        here = [e for e in candidates if current is not None and e.source == current.id]
        chosen = (here or candidates or [None])[0]
        return chosen.id if chosen is not None else None

    def _action_for_request(self, object_id: str, request: RequestLine) -> str | None:
        try:
            actions = self._sandbox.allowed_actions(object_id)
        except Exception:  # noqa: BLE001 - the object may be gone
            return None
        method, path = request.method.upper(), request.path
        for action in actions:
            pattern = re.escape(str(action.path)).replace(re.escape("{customer}"), "[^/]+")
            if action.path and action.method == method and re.fullmatch(pattern, path):
                return str(action.name)
        return None

    def _on_change(self, change: Change) -> None:
        if self._host.sandbox is not self._sandbox:
            return  # the window replaced the sandbox: this view is about to go
        changed = set(change.changed_ids)
        response = change.response
        # a 402 decline is accepted (it used the token, left a failed charge): a transition
        rejected = change.rejected
        # an undo or a rebuild jumps (a redo animates again what it takes)
        quiet = change.replayed and change.origin != "redo"
        request = change.request
        for panel in self._panels():
            object_id = self._pinned_id if panel is self._pinned_panel else self._object_id
            if not object_id:
                continue
            if rejected:
                if request.mentions(object_id):
                    body = response.body
                    message = str((body.get("error") or {}).get("message", ""))
                    model = panel.model
                    action = self._action_for_request(object_id, request)
                    edge_id = self._edge_for_action(model, action) if model and action else None
                    anim = panel.animate_rejection(edge_id, message, self.effective_duration())
                    self._watch(anim)
                    if action:
                        self.actionBlocked.emit(object_id, action, message)
                continue
            if object_id not in changed and changed:
                continue
            old = panel.model
            old_taken = next((e.id for e in old.edges if e.last_taken), None) if old else None
            old_current = old.current.id if old and old.current else None
            panel.clear_banner()
            rebuilt = self._show(panel, object_id)
            new = panel.model
            if rebuilt:
                self._relayout()
                if self._auto_fit:
                    self.fit()
                continue
            if new is None or object_id not in changed:
                continue
            taken = next((e for e in new.edges if e.last_taken), None)
            new_current = new.current.id if new.current else None
            moved = taken is not None and (
                taken.id != old_taken or new_current != old_current or taken.source == taken.target
            )
            if taken is not None and moved and not quiet:
                self._watch(panel.animate_transition(taken.id, self.effective_duration()))
                if not self._auto_fit:
                    self._follow(panel)

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
        return event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus, Qt.Key.Key_F)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
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
        else:
            self.fit()
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        delta = event.angleDelta().y()
        if delta == 0:
            super().wheelEvent(event)
            return
        self._zoom(1.0015**delta)
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
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
                QCoreApplication.translate(
                    "StateGraph", "Select a source, a token or a charge to see its lifecycle."
                )
            )
            self._metrics = style.Metrics()  # the status words have another width now
            for panel in self._panels():  # rebuilt: node and edge words are set when built
                panel._metrics = self._metrics
                panel.set_model(None)
                panel.retranslate()
            self.refresh()
            if self._auto_fit:
                self.fit()
        super().changeEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        menu = QMenu(self)
        menu.addAction(QCoreApplication.translate("StateGraph", "Fit to view (F)"), self.fit)
        menu.addAction(QCoreApplication.translate("StateGraph", "Zoom in (+)"), self.zoom_in)
        menu.addAction(QCoreApplication.translate("StateGraph", "Zoom out (−)"), self.zoom_out)
        menu.addSeparator()
        if self._pinned_id:
            menu.addAction(
                QCoreApplication.translate("StateGraph", "Unpin {object_id}").format(
                    object_id=self._pinned_id
                ),
                self.unpin,
            )
        pin = menu.addAction(
            QCoreApplication.translate("StateGraph", "Pin this graph to compare"), self.pin
        )
        pin.setEnabled(bool(self._object_id))
        menu.addSeparator()
        menu.addAction(
            QCoreApplication.translate("StateGraph", "Export graph as PNG…"),
            lambda: self.export_with_dialog("png"),
        )
        menu.addAction(
            QCoreApplication.translate("StateGraph", "Export graph as SVG…"),
            lambda: self.export_with_dialog("svg"),
        )
        menu.addAction(
            QCoreApplication.translate("StateGraph", "Export graph as Mermaid…"),
            lambda: self.export_with_dialog("mermaid"),
        )
        menu.exec(event.globalPos())
