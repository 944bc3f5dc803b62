"""A word-wrapped label of a fixed number of lines that ends in "…" when its text is longer.

A QLabel with a fixed height clips a third line through the middle of its
glyphs, and its font metrics do not know the taller fallback font that draws
Japanese. This label lays the text out itself (QTextLayout, fallback fonts
included), shows the lines that fit, ellipsises the last one, and sizes itself
to exactly ``lines`` lines of the current language.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


def _wrapped_lines(text: str, font: QFont, width: float) -> list[tuple[int, int, float]]:
    """(start, length, height) of each line of ``text`` wrapped at ``width`` pixels."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    lines: list[tuple[int, int, float]] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append((line.textStart(), line.textLength(), line.height()))
    layout.endLayout()
    return lines


class ElidedLabel(QLabel):
    """Plain text in at most ``lines`` lines; the whole text stays in :meth:`full_text`.

    Args:
        lines: how many lines to show. The height fits that many lines of
            :meth:`set_height_probe`'s text (the language's own script).
    """

    def __init__(
        self, lines: int = 2, parent: QWidget | None = None, *, citation_links: bool = False
    ) -> None:
        super().__init__(parent)
        self._lines = max(1, lines)
        self._full = ""
        self._probe = "Ag"
        self._links = citation_links
        self._reference = "stripe-domain"  # what a bare "§6.3" cites (set_reference)
        # with citation_links, "(§6.3)" in the lines shown is a link to the reference
        self.setTextFormat(Qt.TextFormat.RichText if citation_links else Qt.TextFormat.PlainText)
        self.setOpenExternalLinks(citation_links)
        self.setWordWrap(False)  # the lines are broken here, with "\n"
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._fit_height()

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        if text != self._full:
            self._full = text
            self._show()

    def set_reference(self, reference: str) -> None:
        """What a bare "§3.2" links to: ``"intents"`` in words about a PaymentIntent."""
        if reference != self._reference:
            self._reference = reference
            self._show()

    def set_height_probe(self, text: str) -> None:
        """Size to ``lines`` lines of ``text`` (say, a translated word of the language now)."""
        self._probe = text or "Ag"
        self._fit_height()

    def _fit_height(self) -> None:
        lines = _wrapped_lines(self._probe, self.font(), 1e6)
        line_height = max((height for _, _, height in lines), default=0.0)
        line_height = max(line_height, float(self.fontMetrics().lineSpacing()))
        margins = self.contentsMargins()
        self.setFixedHeight(
            int(line_height * self._lines + 0.999) + margins.top() + margins.bottom() + 2
        )
        self._show()

    def _show(self) -> None:
        width = self.contentsRect().width()
        text = self._full
        if width <= 0 or not text:
            self._set_lines([text])
            return
        lines = _wrapped_lines(text, self.font(), width)
        shown = [text[start : start + length].rstrip() for start, length, _ in lines]
        if len(lines) > self._lines:  # the last shown line takes the rest, ellipsised
            rest = text[lines[self._lines - 1][0] :]
            shown = shown[: self._lines - 1]
            shown.append(self.fontMetrics().elidedText(rest, Qt.TextElideMode.ElideRight, width))
        self._set_lines(shown)

    def _set_lines(self, shown: list[str]) -> None:
        if self._links:
            from gui.words.citations import link_html

            # linked as one text: "intents" may end a line and its "§8.6" start the next
            self.setText(link_html("\n".join(shown), self._reference).replace("\n", "<br>"))
        else:
            self.setText("\n".join(shown))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._show()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()
