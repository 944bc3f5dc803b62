"""Start-up: a frame is painted at once, then the main window takes its place."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from gui.application import launch


class _PaintOrder(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.windows: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            name = watched.window().objectName() or type(watched.window()).__name__
            if not self.windows or self.windows[-1] != name:
                self.windows.append(name)
        return False


def test_startup_frame_paints_first_then_the_main_window_replaces_it(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert app is not None
    order = _PaintOrder()
    app.installEventFilter(order)
    try:
        window = launch()
        qtbot.addWidget(window)
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: len(order.windows) >= 2)
    finally:
        app.removeEventFilter(order)
    assert order.windows[0] == "startupFrame"
    assert isinstance(window, QMainWindow) and window.isVisible()
    frames = [w for w in app.topLevelWidgets() if w.objectName() == "startupFrame"]
    assert all(not frame.isVisible() for frame in frames)
