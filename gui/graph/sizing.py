"""How the graph view keeps its text legible (a mixin of ``StateGraphView``).

Fonts are built at a text scale (``gui.graph.legibility``: the floor's, times
the window's zoom); the view itself is never drawn smaller than 1:1, so the
text is never shrunk: a graph that does not fit gets shorter labels, then
scroll bars.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF

from gui.graph import legibility, style
from gui.graph.next_steps import show_next_steps
from gui.graph.panel import GraphPanel

#: the fit may enlarge a small graph up to this much
MAX_FIT_SCALE = 2.0


class LegibleSizingMixin:
    """Text scale, presenter sizes, fit and zoom.

    Needs from the view: ``_metrics``, ``_presenter``, ``_presenter_height``,
    ``_text_zoom``, ``_auto_fit``, ``_placeholder``, ``_panel``, ``_panels()``,
    ``refresh()``, ``_follow()``.
    """

    # text size (see gui.graph.legibility)
    def minimum_text_px(self: Any) -> float:
        """The smallest text height allowed now (12 px; presenter: 24 px and up)."""
        return legibility.minimum_px(self._presenter, self._presenter_height)

    def text_scale(self: Any) -> float:
        """The scale the graph's fonts are built at: the floor's, times the window zoom."""
        return legibility.text_scale(self.minimum_text_px()) * max(1.0, self._text_zoom)

    def set_text_zoom(self: Any, factor: float) -> None:
        """The window's zoom (Ctrl+= / Ctrl+-): the graph's text grows with the others'."""
        if factor != self._text_zoom:
            self._text_zoom = factor
            self._rescale()

    def set_presenter(self: Any, on: bool, screen_height: float = 800.0) -> None:
        """Presenter mode: text at least 24 px (32 px at 1080 px), labels short."""
        if (on, screen_height) != (self._presenter, self._presenter_height):
            self._presenter, self._presenter_height = bool(on), float(screen_height)
            self._rescale()

    def presenter(self: Any) -> bool:
        return self._presenter

    def _rescale(self: Any, short: bool | None = None) -> None:
        short = self._presenter if short is None else short
        self._metrics = style.Metrics(self.text_scale(), short)
        self._placeholder.set_font(style.title_font(self._metrics.scale))
        for panel in self._panels():
            panel.set_metrics(self._metrics)
        self.refresh()
        if self._auto_fit:
            self.fit()

    # view
    def zoom_in(self: Any) -> None:
        self._zoom(1.2)

    def zoom_out(self: Any) -> None:
        self._zoom(1 / 1.2)

    def fit(self: Any) -> None:
        """Fit everything drawn into the view (key F), never smaller than 1:1.

        If the graph does not fit at its legible size, its labels are shortened
        (the full words stay in the tooltips); if it still does not fit, the
        view scrolls to the current state instead of shrinking the text.
        """
        self._auto_fit = True
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        scale = self._fit_scale(rect)
        if scale < legibility.MIN_VIEW_SCALE and not self._metrics.short:
            self._rescale(short=True)  # calls fit again with the shorter labels
            return
        if scale >= legibility.MIN_VIEW_SCALE * 1.6 and self._metrics.short and not self._presenter:
            # room again for the full words (with a margin, so it does not flip back and forth)
            full = style.Metrics(self._metrics.scale, False)
            if self._fits(full):
                self._rescale(short=False)
                return
        scale = max(legibility.MIN_VIEW_SCALE, min(scale, MAX_FIT_SCALE))
        self.resetTransform()
        self.scale(scale, scale)
        if self._fit_scale(rect) >= legibility.MIN_VIEW_SCALE:
            self.centerOn(rect.center())
        elif not show_next_steps(self, self._panel):
            self._follow(self._panel, top_left=True)
        self._keep_title_in_view()

    def _fit_scale(self: Any, rect: QRectF) -> float:
        vw, vh = max(1, self.viewport().width() - 4), max(1, self.viewport().height() - 4)
        return min(vw / max(1.0, rect.width()), vh / max(1.0, rect.height()))

    def _fits(self: Any, metrics: style.Metrics) -> bool:
        model = self._panel.model
        if model is None:
            return True
        from core.graph.top_down import layout_for

        layout = layout_for(model, node_size=metrics.node_size, label_size=metrics.label_size)
        title_h = self._panel.title.boundingRect().height() + GraphPanel.TITLE_GAP
        return self._fit_scale(QRectF(0, 0, layout.width + 40, layout.height + title_h + 40)) >= 1.6

    def zoom_factor(self: Any) -> float:
        return self.transform().m11()

    def _zoom(self: Any, factor: float) -> None:
        """The view's own zoom: up to 8x, and never below 1:1 (text would shrink)."""
        self._auto_fit = False
        old = self.transform().m11()
        new = max(legibility.MIN_VIEW_SCALE, min(8.0, old * factor))
        if abs(new - old) > 1e-9:
            self.scale(new / old, new / old)
