"""``CodeBox``: a read-only code view with a caption and a Copy button.

The detail pane's JSON tab and the request tab show code in it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget


def mono_font() -> QFont:
    """The system's fixed-width font."""
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


class CodeBox(QWidget):
    """A read-only code view with a caption and a Copy button.

    Signals:
        copied(str): the text put on the clipboard.
    """

    copied = Signal(str)

    def __init__(self, caption: str, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.caption = QLabel(caption, self)
        self.caption.setObjectName(f"{object_name}Caption")
        font = self.caption.font()
        font.setBold(True)
        self.caption.setFont(font)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName(f"{object_name}Copy")
        self.editor = QPlainTextEdit(self)
        self.editor.setReadOnly(True)
        self.editor.setFont(mono_font())
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setAccessibleName(caption)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.caption, 1)
        top.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.editor, 1)
        self.copy_button.clicked.connect(self.copy)
        self.retranslate()

    def retranslate(self) -> None:
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy this code to the clipboard"))

    def set_caption(self, caption: str) -> None:
        self.caption.setText(caption)
        self.editor.setAccessibleName(caption)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_text(self, text: str) -> None:
        self.editor.setPlainText(text)
        self.copy_button.setEnabled(bool(text))

    def text(self) -> str:
        return self.editor.toPlainText()

    def copy(self) -> None:
        text = self.text()
        QGuiApplication.clipboard().setText(text)
        self.copied.emit(text)
