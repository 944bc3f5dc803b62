"""The main window. Its panes are filled in by the window issue."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow


class MainWindow(QMainWindow):
    """Chargeable's one top-level window."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Chargeable"))
        self.resize(1280, 800)
        placeholder = QLabel(self.tr("Chargeable: Stripe Sources and Tokens, step by step"))
        placeholder.setObjectName("stateGraph")
        self.setCentralWidget(placeholder)
