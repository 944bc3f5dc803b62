"""Read-only text that wraps anywhere it must, so no long word sets a pane's width.

A word-wrapped QLabel asks for the width of its longest word: one request line
(``source=tok_ZYPn12iYRhd54IHMVmok3qsd`` in a monospaced font) made the lesson
panel, and so the window, wider than a 1280-pixel screen. This browser breaks
such a word where it must (``WrapAtWordBoundaryOrAnywhere``), asks for a small
minimum width, renders Markdown (narration with `code` spans) or plain text,
and hands the links it shows to :class:`QDesktopServices` (the app registers
the ``chargeable-ref:`` scheme, which opens the reference at a section).

With ``fit=True`` its height follows its text (a line of the request, the
verdict); otherwise it takes the room its layout gives it and scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QResizeEvent, QTextOption
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QWidget

#: The narrowest a flow text asks to be, in average character widths.
MIN_CHARS = 10


class FlowText(QTextBrowser):
    """Text that wraps at word boundaries, or anywhere when a word is too long.

    Args:
        fit: the height follows the text (no scroll bar); else it expands and scrolls.
    """

    def __init__(self, parent: QWidget | None = None, *, fit: bool = False) -> None:
        super().__init__(parent)
        self._fit = fit
        self._plain = ""
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._open)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)
        self.setStyleSheet("QTextBrowser { background: transparent; }")
        self.document().setDocumentMargin(0)
        if fit:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        else:
            self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._fit_height()

    # ------------------------------------------------------------------ text
    def set_plain(self, text: str) -> None:
        """Show ``text`` as it is (no markup)."""
        self._plain = text
        self.setPlainText(text)

    def set_markdown(self, text: str) -> None:
        """Show ``text`` rendered as Markdown (CommonMark: `code`, *emphasis*, links)."""
        self._plain = text
        self.setMarkdown(text)

    def text(self) -> str:
        """What is shown, as plain text (for tests and copying)."""
        return self.toPlainText()

    # ---------------------------------------------------------------- sizing
    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        width = self.fontMetrics().averageCharWidth() * MIN_CHARS
        height = (
            self.fontMetrics().lineSpacing() if self._fit else super().minimumSizeHint().height()
        )
        return QSize(width, height)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = super().sizeHint()
        if self._fit:
            hint.setHeight(self._text_height())
        return hint

    def _text_height(self) -> int:
        if not self.document().toPlainText():
            return 0
        margins = self.contentsMargins()
        return int(self.document().size().height() + 0.999) + margins.top() + margins.bottom()

    def _fit_height(self, *_args: object) -> None:
        if not self._fit:
            return
        height = self._text_height()
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit_height()

    # ----------------------------------------------------------------- links
    @staticmethod
    def _open(url: QUrl) -> None:
        QDesktopServices.openUrl(url)
