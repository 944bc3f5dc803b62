"""The high-contrast theme (View ▸ High Contrast): black, white and yellow, thick focus.

For a projector in a bright classroom and for low vision. The theme is an
application palette (so every widget, dialog and menu follows) plus a small
style sheet that draws a 3 px yellow frame around the focused widget.
Widgets that paint with colours of their own ask :func:`is_high_contrast` (or
simply read the palette) when they receive ``QEvent.PaletteChange``.

The state graph has a palette of its own for each theme (``gui.graph.style``:
black paper, white text, cyan/yellow edges, light status colours, each at least
4.5:1) and repaints itself when the theme changes.

The choice is kept in QSettings under ``ui/highContrast``.

Signals:
    ThemeController.themeChanged(bool): high contrast switched on/off.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

THEME_KEY = "ui/highContrast"
PROPERTY = "chargeableHighContrast"

BLACK = QColor("#000000")
WHITE = QColor("#FFFFFF")
YELLOW = QColor("#FFFF00")
CYAN = QColor("#00FFFF")
#: disabled text: still 7:1 on black
GREY = QColor("#A6A6A6")

FOCUS_QSS = """
QAbstractItemView:focus, QAbstractScrollArea:focus, QLineEdit:focus, QComboBox:focus,
QAbstractSpinBox:focus, QTabBar:focus, QSlider:focus, QTextEdit:focus, QPlainTextEdit:focus {
    border: 3px solid #FFFF00;
}
QPushButton, QToolButton {
    border: 1px solid #FFFFFF; border-radius: 2px; padding: 3px 8px;
    background: #000000; color: #FFFFFF;
}
QPushButton:focus, QToolButton:focus { border: 3px solid #FFFF00; }
QPushButton:hover, QToolButton:hover { border-color: #FFFF00; }
QPushButton:checked, QToolButton:checked { background: #FFFF00; color: #000000; }
QPushButton:disabled, QToolButton:disabled { border: 1px dashed #A6A6A6; color: #A6A6A6; }
QCheckBox:focus, QRadioButton:focus { border: 3px solid #FFFF00; }
QCheckBox::indicator, QRadioButton::indicator {
    width: 14px; height: 14px; border: 2px solid #FFFFFF; background: #000000;
}
QCheckBox::indicator:checked, QRadioButton::indicator:checked { background: #FFFF00; }
QWidget#lessonPlayer QToolButton { background: #FFFFFF; color: #000000; }
QWidget#lessonPlayer QToolButton:disabled { background: #595959; color: #000000; }
QWidget#lessonPlayer QToolButton:checked { background: #FFFF00; }
QMenu { border: 1px solid #FFFFFF; }
QMenuBar::item:selected, QMenu::item:selected { background: #FFFF00; color: #000000; }
QToolTip { color: #FFFFFF; background: #000000; border: 1px solid #FFFF00; }
QSplitter::handle { background: #FFFFFF; }
QHeaderView::section {
    background: #000000; color: #FFFF00; border: 1px solid #FFFFFF; padding: 2px 4px;
}
"""

_original_palette: QPalette | None = None


def high_contrast_palette() -> QPalette:
    """Black backgrounds, white text, yellow selection and links."""
    p = QPalette()
    groups = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)
    roles = {
        QPalette.ColorRole.Window: BLACK,
        QPalette.ColorRole.WindowText: WHITE,
        QPalette.ColorRole.Base: BLACK,
        QPalette.ColorRole.AlternateBase: QColor("#1A1A1A"),
        QPalette.ColorRole.Text: WHITE,
        QPalette.ColorRole.BrightText: YELLOW,
        QPalette.ColorRole.Button: BLACK,
        QPalette.ColorRole.ButtonText: WHITE,
        QPalette.ColorRole.Highlight: YELLOW,
        QPalette.ColorRole.HighlightedText: BLACK,
        QPalette.ColorRole.Link: YELLOW,
        QPalette.ColorRole.LinkVisited: CYAN,
        QPalette.ColorRole.ToolTipBase: BLACK,
        QPalette.ColorRole.ToolTipText: WHITE,
        QPalette.ColorRole.PlaceholderText: GREY,
        QPalette.ColorRole.Light: WHITE,
        QPalette.ColorRole.Midlight: GREY,
        QPalette.ColorRole.Mid: GREY,
        QPalette.ColorRole.Dark: WHITE,
        QPalette.ColorRole.Shadow: WHITE,
    }
    for group in groups:
        for role, colour in roles.items():
            p.setColor(group, role, colour)
    for role, colour in roles.items():
        p.setColor(QPalette.ColorGroup.Disabled, role, colour)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, GREY)
    return p


def is_high_contrast() -> bool:
    app = QApplication.instance()
    return bool(app is not None and app.property(PROPERTY))


def apply_high_contrast(on: bool) -> None:
    """Install (or remove) the high-contrast palette and focus style on the application."""
    global _original_palette
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if bool(app.property(PROPERTY)) == bool(on):
        return
    # First: the palette change events below are sent at once, and what handles them
    # (the detail pane's status markers) asks is_high_contrast() which colours to draw.
    app.setProperty(PROPERTY, bool(on))
    if on:
        if _original_palette is None:
            _original_palette = QPalette(app.palette())
        app.setPalette(high_contrast_palette())
        app.setStyleSheet(FOCUS_QSS)
    else:
        app.setStyleSheet("")
        app.setPalette(_original_palette if _original_palette is not None else QPalette())
    # Qt keeps the palette a widget under its own style sheet was polished with (the
    # action bar, its buttons, the clock), and a hidden widget (the lesson dock) can keep
    # the old one too. An empty palette makes a widget inherit again, and setting its sheet
    # again re-polishes it: switching high contrast off gives every widget its colours back.
    for widget in app.allWidgets():
        if not widget.testAttribute(Qt.WidgetAttribute.WA_SetPalette):
            widget.setPalette(QPalette())
        if widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())


class ThemeController(QObject):
    """Remembers and applies the high-contrast choice."""

    themeChanged = Signal(bool)

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.high_contrast = str(settings.value(THEME_KEY, False)).lower() in ("1", "true")

    def apply(self) -> None:
        apply_high_contrast(self.high_contrast)

    def set_high_contrast(self, on: bool) -> None:
        on = bool(on)
        self._settings.setValue(THEME_KEY, on)
        changed = on != self.high_contrast or on != is_high_contrast()
        self.high_contrast = on
        apply_high_contrast(on)
        if changed:
            self.themeChanged.emit(on)
