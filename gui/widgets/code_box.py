"""Read-only code boxes: JSON with its syntax coloured, and a captioned box with a Copy button."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRegularExpression, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class JsonHighlighter(QSyntaxHighlighter):
    """Colours keys, strings, numbers and literals of pretty-printed JSON."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)

        def fmt(colour: str, bold: bool = False) -> QTextCharFormat:
            f = QTextCharFormat()
            f.setForeground(QColor(colour))
            if bold:
                f.setFontWeight(QFont.Weight.Bold)
            return f

        self._rules = [
            (QRegularExpression(r'"(?:[^"\\]|\\.)*"'), fmt("#00795a")),  # strings
            (
                QRegularExpression(r"-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b"),
                fmt("#a35f00"),
            ),  # numbers
            (QRegularExpression(r"\b(?:true|false|null)\b"), fmt("#a8437a", bold=True)),
            (QRegularExpression(r'"(?:[^"\\]|\\.)*"(?=\s*:)'), fmt("#005a8c", bold=True)),  # keys
        ]

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt API
        for expression, char_format in self._rules:
            it = expression.globalMatch(text)
            while it.hasNext():
                match = it.next()
                self.setFormat(match.capturedStart(), match.capturedLength(), char_format)


def mono_font() -> QFont:
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
