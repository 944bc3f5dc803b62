"""The detail pane's Properties tab: each field, what it means and why it has its value."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QTextBrowser,
    QWidget,
)

from core.api import RequestLine
from gui.widgets.cited_text import insert_cited
from gui.widgets.code_box import mono_font
from gui.widgets.status_style import display_status, shown_colour, style_for
from gui.words import explanations
from gui.words.citations import reference_of_kind


def flatten(obj: dict[str, Any], prefix: str = "", depth: int = 0) -> list[tuple[str, Any]]:
    """``(dotted path, value)`` rows of an object; nested hashes up to two levels deep."""
    rows: list[tuple[str, Any]] = []
    for key, value in obj.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict) and value and depth < 1 and key not in ("metadata",):
            rows.append((path, value))
            rows.extend(flatten(value, prefix=f"{path}.", depth=depth + 1))
        else:
            rows.append((path, value))
    return rows


def _value_text(value: Any) -> str:
    if isinstance(value, dict):
        return "{…}" if value else "{}"
    if isinstance(value, list):
        return f"[{len(value)}]" if value else "[]"
    return json.dumps(value, ensure_ascii=False)


class PropertiesText:
    """Writes the Properties tab: a "why" box for the status, then every field.

    Attributes:
        view: the QTextBrowser it writes into (the pane's ``propertiesView``).
    """

    def __init__(self, view: QTextBrowser, owner: QWidget) -> None:
        self._view = view
        self._owner = owner  # its font (the zoom) and palette (high contrast) set the formats
        self._fmt: dict[str, Any] | None = None
        # (blocks' shape, formats, rows, status style) of the text shown
        self._shown: tuple[Any, Any, Any, Any] | None = None

    def reset_formats(self) -> None:
        """After a font or palette change: build the text formats again."""
        self._fmt = None

    def clear(self) -> None:
        self._shown = None
        self._view.clear()

    def render(
        self,
        object_id: str,
        kind: str,
        obj: dict[str, Any],
        last: RequestLine | None,
        last_edge: str = "",
    ) -> list[tuple[str, str, str, str]]:
        """Fill the Properties view: a "why" box for the status, then every field.

        Built with a QTextCursor, not HTML: parsing HTML took most of an update's
        frame budget. When the same object changes (an action), the fields and
        their blocks are the same and only a few values differ: those blocks are
        rewritten in place, so the document lays out and repaints only them rather
        than the whole text (a new document cost ~3 ms and a full repaint).
        ``last_edge`` is the lifecycle edge the object last took: it explains a status.
        """
        request = {"method": last[0], "path": last[1], "params": last[2]} if last else None
        rows: list[tuple[str, str, str, str]] = []
        for path, value in flatten(obj):
            meaning = explanations.meaning(kind, path)
            reason = explanations.why(kind, path, obj, request, last_edge)
            rows.append((path, _value_text(value), meaning, reason))
        f = self._formats()
        status_style = style_for(display_status(obj))
        why_row = next(
            (
                i
                for i, (path, _text, _meaning, reason) in enumerate(rows)
                if reason and _shows_marker(kind, path)
            ),
            None,
        )
        # What decides the blocks: the rows' paths, which have a note, the why box.
        shape = (
            object_id,
            kind,
            why_row,
            QCoreApplication.translate("DetailPane", "Why "),
            tuple((path, bool(meaning or reason)) for path, _t, meaning, reason in rows),
        )
        shown = self._shown
        if shown is not None and shown[0] == shape and shown[1] is f:
            self._update(rows, why_row, kind, status_style, shown[2], shown[3])
        else:
            self._build(rows, why_row, kind, status_style)
        self._shown = (shape, f, rows, status_style)
        return rows

    def _build(
        self, rows: list[tuple[str, str, str, str]], why_row: int | None, kind: str, style: Any
    ) -> None:
        f = self._formats()
        document = QTextDocument(self._view)
        document.setUndoRedoEnabled(False)  # rewritten in place on each change
        document.setDefaultFont(self._view.font())
        cursor = QTextCursor(document)
        first = True
        if why_row is not None:
            path, text, _meaning, reason = rows[why_row]
            cursor.setBlockFormat(f["why_block"])
            self._write_why(cursor, path, text, style)
            cursor.insertBlock(f["why_block"])
            self._write_cited(cursor, kind, reason, f["plain"])
            cursor.insertBlock(f["gap"])
            first = False
        for path, text, meaning, reason in rows:
            depth = min(path.count("."), 1)
            if not first:
                cursor.insertBlock(f[f"field{depth}"])
            else:
                cursor.setBlockFormat(f[f"field{depth}"])
                first = False
            self._write_field(cursor, kind, path, text, style)
            if meaning or reason:
                cursor.insertBlock(f[f"note{depth}"])
                self._write_note(cursor, kind, meaning, reason)
        scroll = self._view.verticalScrollBar().value()
        self._view.setDocument(document)  # deletes the old one: the view was its parent
        self._view.verticalScrollBar().setValue(scroll)

    def _update(
        self,
        rows: list[tuple[str, str, str, str]],
        why_row: int | None,
        kind: str,
        style: Any,
        old_rows: list[tuple[str, str, str, str]],
        old_style: Any,
    ) -> None:
        """Rewrite, in the document shown, only the blocks whose words changed."""
        document = self._view.document()
        cursor = QTextCursor(document)

        def rewrite(number: int, write: Any) -> None:
            # One edit block per text block: the layout redoes just that block (one
            # edit block around them all would lay out everything in between).
            block = document.findBlockByNumber(number)
            cursor.beginEditBlock()
            cursor.setPosition(block.position())
            cursor.setPosition(
                block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor
            )
            cursor.removeSelectedText()
            write()
            cursor.endEditBlock()

        number = 0
        if why_row is not None:
            path, text, _meaning, reason = rows[why_row]
            _p, old_text, _m, old_reason = old_rows[why_row]
            if (text, style) != (old_text, old_style):
                rewrite(0, lambda: self._write_why(cursor, path, text, style))
            if reason != old_reason:
                rewrite(
                    1, lambda: self._write_cited(cursor, kind, reason, self._formats()["plain"])
                )
            number = 3  # the why line, its reason, the gap
        for (path, text, meaning, reason), (_p, old_text, old_meaning, old_reason) in zip(
            rows, old_rows, strict=True
        ):
            marker = _shows_marker(kind, path)
            if text != old_text or (marker and style != old_style):
                rewrite(
                    number,
                    lambda p=path, t=text: self._write_field(cursor, kind, p, t, style),
                )
            number += 1
            if meaning or reason:
                if (meaning, reason) != (old_meaning, old_reason):
                    rewrite(
                        number, lambda m=meaning, r=reason: self._write_note(cursor, kind, m, r)
                    )
                number += 1

    def _write_why(self, cursor: QTextCursor, path: str, text: str, style: Any) -> None:
        f = self._formats()
        cursor.insertText(QCoreApplication.translate("DetailPane", "Why "), f["bold"])
        cursor.insertText(f"{path} = {text} ", f["mono_bold"])
        marker = QTextCharFormat(f["bold"])
        marker.setForeground(shown_colour(style.status))
        cursor.insertText(style.glyph + " ", marker)
        cursor.insertText(style.gloss, f["italic"])

    def _write_field(
        self, cursor: QTextCursor, kind: str, path: str, text: str, style: Any
    ) -> None:
        f = self._formats()
        cursor.insertText(path.rsplit(".", 1)[-1], f["mono_bold"])
        cursor.insertText("  ", f["plain"])
        cursor.insertText(text, f["mono"])
        if _shows_marker(kind, path):
            marker = QTextCharFormat(f["plain"])
            marker.setForeground(shown_colour(style.status))
            cursor.insertText("  " + style.glyph + " ", marker)
            cursor.insertText(style.gloss, f["italic"])

    def _write_note(self, cursor: QTextCursor, kind: str, meaning: str, reason: str) -> None:
        f = self._formats()
        if meaning:
            self._write_cited(cursor, kind, meaning, f["dim"])
        if reason:
            self._write_cited(cursor, kind, (" " if meaning else "") + reason, f["why"])

    def _write_cited(self, cursor: QTextCursor, kind: str, text: str, fmt: QTextCharFormat) -> None:
        """``text`` with each citation a link to its section: a bare "§3.2" said of a
        PaymentIntent, PaymentMethod or SetupIntent is the intents reference's."""
        link = self._owner.palette().color(QPalette.ColorRole.Link)
        insert_cited(cursor, text, fmt, link, reference_of_kind(kind))

    def _formats(self) -> dict[str, Any]:
        if self._fmt is None:
            code_font = mono_font()
            if self._owner.font().pointSizeF() > 0:  # follows the zoom
                code_font.setPointSizeF(self._owner.font().pointSizeF())
            high_contrast = self._owner.palette().color(QPalette.ColorRole.Base).lightness() < 128
            plain = QTextCharFormat()
            mono = QTextCharFormat()
            mono.setFont(code_font)
            mono_bold = QTextCharFormat(mono)
            mono_bold.setFontWeight(QFont.Weight.Bold)
            bold = QTextCharFormat()
            bold.setFontWeight(QFont.Weight.Bold)
            italic = QTextCharFormat()
            italic.setFontItalic(True)
            dim = QTextCharFormat()
            dim.setForeground(QColor("#C8C8C8" if high_contrast else "#5f5f5f"))
            why = QTextCharFormat()
            why.setForeground(QColor("#FFFF00" if high_contrast else "#0072B2"))
            why_block = QTextBlockFormat()
            why_block.setBackground(QColor("#000000" if high_contrast else "#eef5fb"))
            why_block.setLeftMargin(4)
            why_block.setRightMargin(4)
            gap = QTextBlockFormat()
            gap.setTopMargin(2)
            blocks = {}
            for depth in (0, 1):
                field = QTextBlockFormat()
                field.setTopMargin(5)
                field.setLeftMargin(14 * depth)
                note = QTextBlockFormat()
                note.setLeftMargin(14 * depth + 10)
                blocks[f"field{depth}"] = field
                blocks[f"note{depth}"] = note
            self._fmt = {
                "plain": plain,
                "mono": mono,
                "mono_bold": mono_bold,
                "bold": bold,
                "italic": italic,
                "dim": dim,
                "why": why,
                "why_block": why_block,
                "gap": gap,
                **blocks,
            }
        return self._fmt


def _shows_marker(kind: str, path: str) -> bool:
    """The Properties row that carries the status marker and gloss."""
    return path == "status" or (kind == "token" and path == "used")
