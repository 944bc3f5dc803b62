"""The graph view's exports and its context menu (a mixin of ``StateGraphView``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QFileDialog, QMenu


class GraphMenuMixin:
    """Export as PNG / SVG / Mermaid, and the right-click menu.

    Needs from the view: ``scene()``, ``stop_animations()``, ``_drawn_rect()``,
    ``_panel``, ``fit``, ``zoom_in``, ``zoom_out``, ``pin``, ``unpin``,
    ``_pinned_id``, ``_object_id``, ``every_flow()``, ``set_every_flow()``.
    """

    # gui.graph.export (QtSvg, QImage) is imported on the first export, not at start
    def export_png(self: Any, path: str, scale: float = 2.0) -> bool:
        from gui.graph import export as graph_export

        self.stop_animations()
        return graph_export.scene_to_png(self.scene(), self._drawn_rect(), path, scale)

    def export_svg(self: Any, path: str) -> bool:
        from gui.graph import export as graph_export

        self.stop_animations()
        return graph_export.scene_to_svg(
            self.scene(),
            self._drawn_rect(),
            path,
            title=QCoreApplication.translate("StateGraph", "Chargeable state graph"),
        )

    def export_mermaid(self: Any, path: str) -> bool:
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

    def export_with_dialog(self: Any, fmt: str) -> bool:
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

    def build_menu(self: Any) -> QMenu:
        menu = QMenu(self)
        menu.addAction(QCoreApplication.translate("StateGraph", "Fit to view (F)"), self.fit)
        menu.addAction(QCoreApplication.translate("StateGraph", "Zoom in (+)"), self.zoom_in)
        menu.addAction(QCoreApplication.translate("StateGraph", "Zoom out (−)"), self.zoom_out)
        every = menu.addAction(QCoreApplication.translate("StateGraph", "Show every flow (E)"))
        every.setCheckable(True)
        every.setChecked(self.every_flow())
        every.toggled.connect(self.set_every_flow)
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
        return menu

    def contextMenuEvent(self: Any, event: QContextMenuEvent) -> None:  # noqa: N802
        self.build_menu().exec(event.globalPos())
