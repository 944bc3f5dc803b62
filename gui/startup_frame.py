"""A frame painted at once while the main window is being built.

Importing the core and the panes and building them takes a few hundred
milliseconds; without feedback a user clicks the launcher again. This frame
needs only QtWidgets, sits where the main window will appear (its saved
geometry), and is closed as soon as the window is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget


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
        """Show the frame and paint it before returning."""
        frame = cls()
        frame.show()
        QApplication.processEvents()
        return frame
