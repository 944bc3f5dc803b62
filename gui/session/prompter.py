"""``Prompter``: the message boxes and file dialogs of New, Open, Save and recovery.

The session controller asks through it, so tests pass an object with the same
methods that answers at once and nothing blocks.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from gui.session.files import SUFFIX


class Prompter:
    """Asks the user; the real one uses QMessageBox and QFileDialog.

    Tests give the controller an object with the same methods that answers
    at once.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def ask_save_changes(self, name: str) -> str:
        """``"save"``, ``"discard"`` or ``"cancel"``."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("SessionController", "Unsaved changes"),
            QCoreApplication.translate("SessionController", "Save the changes to {name}?").format(
                name=name
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self.parent,
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "SessionController", "If you don't save, your changes will be lost."
            )
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        return {
            QMessageBox.StandardButton.Save: "save",
            QMessageBox.StandardButton.Discard: "discard",
        }.get(QMessageBox.StandardButton(answer), "cancel")

    def ask_recover(self, when: str) -> bool:
        answer = QMessageBox.question(
            self.parent,
            QCoreApplication.translate("SessionController", "Recover session"),
            QCoreApplication.translate(
                "SessionController",
                "Chargeable did not close properly last time. An autosaved session from "
                "{when} was found. Recover it?",
            ).format(when=when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def open_path(self, directory: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self.parent,
            QCoreApplication.translate("SessionController", "Open session"),
            directory,
            QCoreApplication.translate(
                "SessionController", "Chargeable sessions (*{suffix});;All files (*)"
            ).format(suffix=SUFFIX),
        )
        return path or None

    def save_path(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            self.parent,
            QCoreApplication.translate("SessionController", "Save session as"),
            suggested,
            QCoreApplication.translate(
                "SessionController", "Chargeable sessions (*{suffix})"
            ).format(suffix=SUFFIX),
        )
        return path or None

    def error(self, title: str, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Ok, self.parent
        )
        box.setObjectName("sessionError")
        box.exec()
