"""Global zoom: every pane's text grows and shrinks together (Ctrl+= / Ctrl+- / Ctrl+0).

The zoom is the application font's point size times a factor. Widgets that
inherit the application font follow at once; widgets that set a font of their
own (the lesson narration in large type, monospace code boxes, bold titles)
keep their size *relative* to the application font: before the change each
one's ratio to the old application size is measured, after it the same ratio
is applied to the new size. The factor is kept in QSettings (``ui/zoom``) and
limited to :data:`STEPS`.

The first application font seen is remembered on the QApplication itself
(dynamic property ``chargeableBasePointSize``), so a second window, or a test
that builds a new window, starts from the real base size and never compounds
an earlier zoom.

Signals:
    zoomChanged(float): the factor after a change.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QApplication, QWidget

ZOOM_KEY = "ui/zoom"
BASE_PROPERTY = "chargeableBasePointSize"
APPLIED_PROPERTY = "chargeableZoom"
#: the zoom levels Ctrl+= and Ctrl+- step through
STEPS: tuple[float, ...] = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
MIN_ZOOM, MAX_ZOOM = STEPS[0], STEPS[-1]


def clamp(factor: float) -> float:
    return min(MAX_ZOOM, max(MIN_ZOOM, float(factor)))


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication), "zoom needs a QApplication"
    return app


def base_point_size() -> float:
    """The application font's point size before any zoom."""
    app = _app()
    base = app.property(BASE_PROPERTY)
    if not base:
        base = app.font().pointSizeF()
        if base <= 0:  # a pixel-sized application font: fall back to Qt's default
            base = 9.0
        app.setProperty(BASE_PROPERTY, float(base))
    return float(base)


def applied_factor() -> float:
    value = _app().property(APPLIED_PROPERTY)
    return float(value) if value else 1.0


class ZoomController(QObject):
    """Applies and remembers the zoom factor.

    Attributes:
        factor: the zoom factor now (1.0 = the system's size).
    """

    zoomChanged = Signal(float)

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        base_point_size()
        try:
            self.factor = clamp(float(settings.value(ZOOM_KEY, 1.0)))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            self.factor = 1.0

    def apply(self) -> None:
        """Set the application font (and the widgets with fonts of their own) to the factor."""
        set_application_zoom(self.factor)

    def set_factor(self, factor: float) -> None:
        factor = round(clamp(factor), 3)
        if factor == self.factor and factor == applied_factor():
            return
        self.factor = factor
        self._settings.setValue(ZOOM_KEY, factor)
        set_application_zoom(factor)
        self.zoomChanged.emit(factor)

    def zoom_in(self) -> None:
        self.set_factor(next((s for s in STEPS if s > self.factor + 1e-6), MAX_ZOOM))

    def zoom_out(self) -> None:
        self.set_factor(next((s for s in reversed(STEPS) if s < self.factor - 1e-6), MIN_ZOOM))

    def reset(self) -> None:
        self.set_factor(1.0)

    @property
    def can_zoom_in(self) -> bool:
        return self.factor < MAX_ZOOM - 1e-6

    @property
    def can_zoom_out(self) -> bool:
        return self.factor > MIN_ZOOM + 1e-6


def set_application_zoom(factor: float) -> None:
    """Scale the application font to ``base × factor``, keeping own fonts in proportion."""
    app = _app()
    base = base_point_size()
    old_size = app.font().pointSizeF()
    new_size = base * factor
    if old_size > 0 and abs(old_size - new_size) < 1e-6:
        app.setProperty(APPLIED_PROPERTY, float(factor))
        return
    own: list[tuple[QWidget, float]] = []
    for widget in app.allWidgets():
        if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
            size = widget.font().pointSizeF()
            if size > 0 and old_size > 0:
                own.append((widget, size / old_size))
    font = app.font()
    font.setPointSizeF(new_size)
    app.setFont(font)
    # Qt does not carry an application font change into widgets under a style sheet
    # (the window's info bars, the action bar): setting the sheet again does.
    if app.styleSheet():
        app.setStyleSheet(app.styleSheet())
    for widget in app.allWidgets():
        if widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())
    for widget, ratio in own:
        scale_own_font(widget, ratio * new_size)
    app.setProperty(APPLIED_PROPERTY, float(factor))


def scale_own_font(widget: Any, point_size: float) -> None:
    font = widget.font()
    font.setPointSizeF(max(1.0, point_size))
    widget.setFont(font)
