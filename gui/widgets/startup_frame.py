"""A frame painted at once while the main window is being built.

Importing the core and the panes and building them takes a few hundred
milliseconds; without feedback a user clicks the launcher again. This frame
needs only QtWidgets, sits where the main window will appear (its saved
geometry), and is closed as soon as the window is shown.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QByteArray, QEventLoop, QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

EXPOSE_WAIT_S = 0.5  # a display that never exposes the frame must not delay the app longer


class StartupFrame(QWidget):
    """A plain window that says Chargeable is starting."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("startupFrame")
        self.setWindowTitle(self.tr("Chargeable"))
        self.resize(1280, 800)
        geometry = QSettings().value("window/geometry")  # where MainWindow will restore itself
        if isinstance(geometry, QByteArray | bytes) and geometry:
            self.restoreGeometry(QByteArray(geometry))
        label = QLabel(self.tr("Starting Chargeable…"), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)

    @classmethod
    def show_now(cls) -> StartupFrame:
        """Show the frame and paint it before returning.

        On X11 the window is exposed only after the server's round trip, so one
        processEvents() may paint nothing; wait (bounded) for the exposure.
        """
        frame = cls()
        frame.show()
        deadline = time.monotonic() + EXPOSE_WAIT_S
        handle = frame.windowHandle()
        QApplication.processEvents()
        while handle is not None and not handle.isExposed() and time.monotonic() < deadline:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 10)
        frame.repaint()  # painted now, before the main window is built
        return frame
