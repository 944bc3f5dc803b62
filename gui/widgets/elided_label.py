"""A word-wrapped label of a fixed number of lines that ends in "…" when its text is longer.

A QLabel with a fixed height clips a third line through the middle of its
glyphs, and its font metrics do not know the taller fallback font that draws
Japanese. This label lays the text out itself (QTextLayout, fallback fonts
included), shows the lines that fit, ellipsises the last one, and sizes itself
to exactly ``lines`` lines of the current language.

With ``citation_links`` each "(§6.3)" shown is a link to the reference. The
label stays plain text and paints the links itself (link colour, underlined;
a click opens the section): as rich text, Qt laid its two lines out as a
document on each layout pass after a change, 1.4 ms of every action's frame in
the action bar (in-process A/B, 100 actions each way).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextLayout,
    QTextLine,
    QTextOption,
)
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


def line_height(text: str, font: QFont) -> float:
    """The height of one line of ``text`` in ``font``, at least the font's line spacing.

    A fallback font's glyphs (Japanese in a Latin UI font) make taller lines than
    ``QFontMetrics.lineSpacing()`` says: a label sized by it cuts them off.
    """
    lines = _wrapped_lines(text, font, 1e6)
    tallest = max((height for _, _, height in lines), default=0.0)
    return max(tallest, float(QFontMetrics(font).lineSpacing()))


class ElidedLabel(QLabel):
    """Plain text in at most ``lines`` lines; the whole text stays in :meth:`full_text`.

    It paints its lines itself: :meth:`text` says what is shown, and so does its
    accessible name (QLabel's own text stays empty).

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
        self._shown: list[str] = []
        # with citation_links: (line, start, end, href) of each link in the lines shown
        self._spans: list[tuple[int, int, int, str]] = []
        self._layouts: list[QTextLayout] = []
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setMouseTracking(citation_links)
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
        height = line_height(self._probe, self.font())
        margins = self.contentsMargins()
        self.setFixedHeight(
            int(height * self._lines + 0.999) + margins.top() + margins.bottom() + 2
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
        self._shown = shown
        self._spans = self._link_spans(shown) if self._links else []
        self._layouts = []
        # Painted here, not by QLabel: its setText would ask the parent's layout to
        # redo every sibling's geometry (updateGeometry) although this label's size
        # never follows its text (fixed height, ignored width).
        self.setAccessibleName(self.text())
        self.update()

    def text(self) -> str:  # type: ignore[override]
        """The lines shown, joined by newlines (QLabel's own text stays empty)."""
        return "\n".join(self._shown)

    def _link_spans(self, shown: list[str]) -> list[tuple[int, int, int, str]]:
        from gui.words.citations import citations, section_url

        # found in the whole text: "intents" may end a line and its "§8.6" start the next
        text = "\n".join(shown)
        starts = [0]
        for line in shown[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        spans = []
        for match, document in citations(text, self._reference):
            href = section_url(match.group(1), document)
            for number, (first, line) in enumerate(zip(starts, shown, strict=True)):
                start, end = max(match.start(), first), min(match.end(), first + len(line))
                if start < end:
                    spans.append((number, start - first, end - first, href))
        return spans

    def links(self) -> list[tuple[str, str]]:
        """(the text shown as a link, the address it opens), in order."""
        return [(self._shown[n][start:end], href) for n, start, end, href in self._spans]

    def link_html(self) -> str:
        """The lines shown as HTML, each citation an ``<a href>`` to what a click on it
        opens (for tests and accessibility tools)."""
        from gui.words.citations import link_html

        return link_html("\n".join(self._shown), self._reference).replace("\n", "<br>")

    def _line_layouts(self) -> list[QTextLayout]:
        if not self._layouts:
            for line in self._shown:
                layout = QTextLayout(line, self.font())
                layout.beginLayout()
                layout.createLine().setLineWidth(1e6)
                layout.endLayout()
                self._layouts.append(layout)
        return self._layouts

    def _line_tops(self) -> list[tuple[int, QTextLayout, float]]:
        """(number, layout, top) of each line shown, from the top of the contents."""
        top = float(self.contentsRect().top())
        out = []
        for number, layout in enumerate(self._line_layouts()):
            out.append((number, layout, top))
            top += layout.lineAt(0).height()
        return out

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        group = QPalette.ColorGroup.Normal if self.isEnabled() else QPalette.ColorGroup.Disabled
        link = QTextCharFormat()
        link.setForeground(self.palette().color(group, QPalette.ColorRole.Link))
        link.setFontUnderline(True)
        painter = QPainter(self)
        painter.setPen(self.palette().color(group, self.foregroundRole()))
        left = self.contentsRect().left()
        for number, layout, top in self._line_tops():
            ranges = []
            for line, start, end, _href in self._spans:
                if line == number:
                    piece = QTextLayout.FormatRange()
                    piece.start, piece.length, piece.format = start, end - start, link
                    ranges.append(piece)
            layout.draw(painter, QPointF(left, top), ranges)
        painter.end()

    def href_at(self, pos: QPoint) -> str:
        """The address of the link under ``pos`` (widget coordinates), or ""."""
        if not self._spans:
            return ""
        for number, layout, top in self._line_tops():
            line = layout.lineAt(0)
            if top <= pos.y() < top + line.height():
                x = pos.x() - self.contentsRect().left()
                if not 0 <= x < line.naturalTextWidth():
                    return ""
                at = line.xToCursor(x, QTextLine.CursorPosition.CursorOnCharacter)
                for span_line, start, end, href in self._spans:
                    if span_line == number and start <= at < end:
                        return href
                return ""
        return ""

    def link_rect(self, index: int = 0) -> tuple[QPoint, str]:
        """The centre of link number ``index`` and its address (for tests and tools)."""
        number, start, end, href = self._spans[index]
        _number, layout, top = self._line_tops()[number]
        line = layout.lineAt(0)
        # PySide6 returns (x, cursor position); its stub says object
        left = line.cursorToX(start)[0]  # type: ignore[index]
        right = line.cursorToX(end)[0]  # type: ignore[index]
        x = self.contentsRect().left() + (left + right) / 2
        return QPoint(int(x), int(top + line.height() / 2)), href

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if self.href_at(event.position().toPoint()):
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.unsetCursor()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        href = self.href_at(event.position().toPoint())
        if href and event.button() == Qt.MouseButton.LeftButton:
            QDesktopServices.openUrl(QUrl(href))
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._show()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._layouts = []
            self._fit_height()
