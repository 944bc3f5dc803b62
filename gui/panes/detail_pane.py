"""The detail pane (objectName ``detailPane``): everything about the selected object.

Tabs:
    Properties: each field, its value, what it means and why it has this value now.
    JSON: the object exactly as the API returns it (``sandbox.get(id)``), highlighted.
    Request: every request that touched it, accepted and refused, with its status and
        response, as curl, stripe-python and stripe-node (:mod:`gui.panes.request_tab`).
    Events: the events about this object, stamped with the simulated clock.

The pane follows the shared :class:`~gui.selection.Selection` and re-renders
only when a change names the selected object.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QDateTime, QEvent, QRegularExpression, Qt, QTimeZone, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPalette,
    QSyntaxHighlighter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.api import Change, RequestLine, Sandbox
from gui.sandbox_host import SandboxHost
from gui.selection import Selection
from gui.widgets.status_style import display_status, kind_icon, status_icon, style_for
from gui.words import explanations


def format_clock(seconds: int | float | None) -> str:
    """Unix seconds on the simulated clock as ``YYYY-MM-DD HH:MM:SS`` (UTC)."""
    if seconds is None:
        return ""
    stamp = QDateTime.fromSecsSinceEpoch(int(seconds), QTimeZone.utc())
    return stamp.toString("yyyy-MM-dd HH:mm:ss")


def event_object_ids(event: dict[str, Any]) -> set[str]:
    """The ids an event is about: its object, and the source/customer that object names."""
    data = event.get("data") or {}
    obj = data.get("object") or {}
    ids: set[str] = set()
    if isinstance(obj, dict):
        for key in ("id", "customer", "source", "charge", "payment_method"):
            value = obj.get(key)
            if isinstance(value, dict):
                value = value.get("id")
            if isinstance(value, str) and value:
                ids.add(value)
    return ids


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


def _mono() -> QFont:
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
        self.editor.setFont(_mono())
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


class DetailPane(QWidget):
    """Everything about the selected object, in four tabs (objectName ``detailPane``).

    Attributes:
        tabs: the QTabWidget (``detailTabs``).
        properties: the Properties view (QTextBrowser ``propertiesView``).
        json_view: the JSON view (QPlainTextEdit ``jsonView``).
        curl_box, python_box: the Request tab's code boxes.
        events_view: the Events tab (QTreeWidget ``objectEventsView``).
        property_rows: the rows last shown: ``(path, value text, meaning, why)``.
    """

    def __init__(
        self, host: SandboxHost, selection: Selection, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self._host = host
        self._sandbox: Sandbox = host.sandbox
        self._selection = selection
        self._object_id: str | None = None
        # object id -> [(log length after the request, (method, path, params))], built lazily
        self._requests: dict[str, list[tuple[int, RequestLine]]] | None = None
        # object id -> the events about it, built lazily
        self._events: dict[str, list[dict[str, Any]]] | None = None
        self.property_rows: list[tuple[str, str, str, str]] = []

        self.header_icon = QLabel(self)
        self.header = QLabel(self)
        self.header.setObjectName("detailHeader")
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        header_font = self.header.font()
        header_font.setPointSizeF(header_font.pointSizeF() * 1.15)
        header_font.setBold(True)
        self.header.setFont(header_font)
        self.subheader = QLabel(self)
        self.subheader.setObjectName("detailSubheader")
        self.subheader.setWordWrap(True)
        # Fixed sizes: a new object's words must not relayout the whole window.
        self.subheader.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.subheader.setFixedHeight(self.subheader.fontMetrics().lineSpacing() * 2 + 2)
        self.subheader.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("detailTabs")
        self.tabs.setDocumentMode(True)

        self.properties = QTextBrowser(self)
        self.properties.setObjectName("propertiesView")
        self.properties.setOpenLinks(False)
        self.tabs.addTab(self.properties, self.tr("Properties"))

        self.json_view = QPlainTextEdit(self)
        self.json_view.setObjectName("jsonView")
        self.json_view.setReadOnly(True)
        self.json_view.setFont(_mono())
        self.json_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self._highlighter = JsonHighlighter(self.json_view.document())
        self.tabs.addTab(self.json_view, self.tr("JSON"))

        from gui.panes.request_tab import RequestTab

        self.request_tab = RequestTab(self._sandbox, self)
        self.request_label = self.request_tab.request_label
        self.curl_box = self.request_tab.curl_box
        self.python_box = self.request_tab.python_box
        self.node_box = self.request_tab.node_box
        self.tabs.addTab(self.request_tab, self.tr("Request"))

        self.events_view = QTreeWidget(self)
        self.events_view.setObjectName("objectEventsView")
        self.events_view.setHeaderLabels(
            [self.tr("Simulated time"), self.tr("Event"), self.tr("Id")]
        )
        self.events_view.setRootIsDecorated(False)
        self.events_view.setUniformRowHeights(True)
        self.events_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tabs.addTab(self.events_view, self.tr("Events"))

        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.header_icon)
        head.addWidget(self.header, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 6, 0)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.subheader)
        layout.addWidget(self.tabs, 1)

        self._obj: dict[str, Any] | None = None
        self._stale: set[int] = set()
        self._fmt: dict[str, Any] | None = None
        self._header_kind: str | None = None  # the kind whose icon the header shows
        # (blocks' shape, formats, rows, status style) of the Properties text shown
        self._shown_properties: tuple[Any, Any, Any, Any] | None = None
        self._position = 0  # requests seen (ordering of _requests entries)
        self.tabs.currentChanged.connect(self._render_tab)
        selection.changed.connect(self._on_selection)
        host.changed.connect(self._on_change)
        self.set_object(selection.current)

    def retranslate(self) -> None:
        """Tab titles, captions and headers in the current language; the object again."""
        for index, text in enumerate(
            (self.tr("Properties"), self.tr("JSON"), self.tr("Request"), self.tr("Events"))
        ):
            self.tabs.setTabText(index, text)
        self.events_view.setHeaderLabels(
            [self.tr("Simulated time"), self.tr("Event"), self.tr("Id")]
        )
        self.set_object(self._object_id)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self.subheader.setFixedHeight(self.subheader.fontMetrics().lineSpacing() * 2 + 2)
            self._fmt = None
            self.set_object(self._object_id)
        elif event.type() == QEvent.Type.PaletteChange:
            self._fmt = None  # the Properties colours follow the palette (high contrast)
            self._header_kind = None  # and so may the kind icon
            self.set_object(self._object_id)
        super().changeEvent(event)

    # ------------------------------------------------------------ requests
    def _index_log(self) -> None:
        """Learn, from the sandbox's action log, which requests touched each object."""
        self._requests = {}
        log = self._sandbox.log
        self._position = len(log)
        for position, entry in enumerate(log, start=1):
            parts = RequestLine(entry.method, entry.path, list(entry.params))
            for oid in _ids_named(parts.path, parts.params, entry.changed_ids):
                self._requests.setdefault(oid, []).append((position, parts))

    def _requests_of(self, object_id: str) -> list[tuple[int, RequestLine]]:
        if self._requests is None:
            self._index_log()
        assert self._requests is not None
        return self._requests.get(object_id, [])

    def _events_of(self, object_id: str) -> list[dict[str, Any]]:
        if self._events is None:
            self._events = {}
            for event in self._sandbox.events:
                for oid in event_object_ids(event):
                    self._events.setdefault(oid, []).append(event)
        return self._events.get(object_id, [])

    def last_request(self, object_id: str) -> RequestLine | None:
        """The accepted request that created or last changed ``object_id``, if known."""
        entries = self._requests_of(object_id)
        return entries[-1][1] if entries else None

    def first_request(self, object_id: str) -> RequestLine | None:
        entries = self._requests_of(object_id)
        return entries[0][1] if entries else None

    # ------------------------------------------------------------- changes
    def _on_selection(self, object_id: str) -> None:
        self.set_object(object_id or None)

    def _on_change(self, change: Change) -> None:
        if self._host.sandbox is not self._sandbox:
            return  # the window replaced the sandbox: this pane is about to go
        changed = change.changed_ids
        events = change.events
        touched = self.request_tab.record(change)  # refused requests too: they change nothing
        if change.replayed:
            self._requests = None  # re-read from the log when next needed
            self._events = None
        else:
            if change.response.accepted and self._requests is not None:
                self._position += 1
                position = self._position
                parts = change.request
                for oid in changed:
                    self._requests.setdefault(oid, []).append((position, parts))
            if self._events is not None:
                for event in events:
                    for oid in event_object_ids(event):
                        self._events.setdefault(oid, []).append(event)
        if self._object_id is None:
            return
        if touched and self._object_id not in changed and self._obj is not None:
            self._stale.add(2)  # a refused request about it: only its Request tab changes
            self._render_tab(self.tabs.currentIndex())
        if (
            change.replayed
            or self._object_id in changed
            or any(self._object_id in event_object_ids(e) for e in events)
        ):
            self.set_object(self._object_id)

    # --------------------------------------------------------------- render
    def set_object(self, object_id: str | None) -> None:
        """Show ``object_id`` (or an empty pane for ``None``)."""
        self._object_id = object_id
        obj = self._sandbox.get(object_id) if object_id else None
        if obj is None:
            self._show_empty(object_id)
            return
        kind = str(obj.get("object", ""))
        status = display_status(obj)
        if self._header_kind != kind:  # setPixmap relayouts the pane, even with the same icon
            self._header_kind = kind
            self.header_icon.setPixmap(kind_icon(kind).pixmap(26, 16))
        self.header.setText(object_id or "")
        if status:
            style = style_for(status)
            self.subheader.setText(
                self.tr("%1 · status %2 — %3")
                .replace("%1", kind)
                .replace("%2", status)
                .replace("%3", style.gloss)
            )
        else:
            self.subheader.setText(kind)
        self._obj = obj
        # Only the tab in view is rendered now; the others when they are shown.
        self._stale = {0, 1, 2, 3}
        self._render_tab(self.tabs.currentIndex())

    def _render_tab(self, index: int) -> None:
        if index not in self._stale or self._obj is None or not self._object_id:
            return
        self._stale.discard(index)
        object_id, obj = self._object_id, self._obj
        if index == 0:
            self._render_properties(object_id, str(obj.get("object", "")), obj)
        elif index == 1:
            self.json_view.setPlainText(json.dumps(obj, indent=2, ensure_ascii=False))
        elif index == 2:
            self._render_request(object_id)
        elif index == 3:
            self._render_events(object_id)

    def render_all(self) -> None:
        """Render every tab now (tests, screenshots)."""
        for index in range(self.tabs.count()):
            self._render_tab(index)

    def _show_empty(self, object_id: str | None) -> None:
        self._obj = None
        self._stale = set()
        self._header_kind = None
        self.header_icon.clear()
        if object_id:
            self.header.setText(object_id)
            self.subheader.setText(self.tr("This object no longer exists (an undo took it back)."))
        else:
            self.header.setText(self.tr("Nothing selected"))
            self.subheader.setText(
                self.tr("Pick an object in the list, or create one from the Create menu.")
            )
        self.property_rows = []
        self._shown_properties = None
        self.properties.clear()
        self.json_view.clear()
        self.request_tab.clear()
        self.events_view.clear()

    def _render_properties(self, object_id: str, kind: str, obj: dict[str, Any]) -> None:
        """Fill the Properties view: a "why" box for the status, then every field.

        Built with a QTextCursor, not HTML: parsing HTML took most of an update's
        frame budget. When the same object changes (an action), the fields and
        their blocks are the same and only a few values differ: those blocks are
        rewritten in place, so the document lays out and repaints only them rather
        than the whole text (a new document cost ~3 ms and a full repaint).
        """
        last = self.last_request(object_id)
        request = {"method": last[0], "path": last[1], "params": last[2]} if last else None
        rows: list[tuple[str, str, str, str]] = []
        for path, value in flatten(obj):
            meaning = explanations.meaning(kind, path)
            reason = explanations.why(kind, path, obj, request)
            rows.append((path, _value_text(value), meaning, reason))
        self.property_rows = rows
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
            self.tr("Why "),
            tuple((path, bool(meaning or reason)) for path, _t, meaning, reason in rows),
        )
        shown = self._shown_properties
        if shown is not None and shown[0] == shape and shown[1] is f:
            self._update_properties(rows, why_row, kind, status_style, shown[2], shown[3])
        else:
            self._build_properties(rows, why_row, kind, status_style)
        self._shown_properties = (shape, f, rows, status_style)

    def _build_properties(
        self, rows: list[tuple[str, str, str, str]], why_row: int | None, kind: str, style: Any
    ) -> None:
        f = self._formats()
        document = QTextDocument(self.properties)
        document.setUndoRedoEnabled(False)  # rewritten in place on each change
        document.setDefaultFont(self.properties.font())
        cursor = QTextCursor(document)
        first = True
        if why_row is not None:
            path, text, _meaning, reason = rows[why_row]
            cursor.setBlockFormat(f["why_block"])
            self._write_why(cursor, path, text, style)
            cursor.insertBlock(f["why_block"])
            cursor.insertText(reason, f["plain"])
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
                self._write_note(cursor, meaning, reason)
        scroll = self.properties.verticalScrollBar().value()
        self.properties.setDocument(document)  # deletes the old one: the view was its parent
        self.properties.verticalScrollBar().setValue(scroll)

    def _update_properties(
        self,
        rows: list[tuple[str, str, str, str]],
        why_row: int | None,
        kind: str,
        style: Any,
        old_rows: list[tuple[str, str, str, str]],
        old_style: Any,
    ) -> None:
        """Rewrite, in the document shown, only the blocks whose words changed."""
        document = self.properties.document()
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
                rewrite(1, lambda: cursor.insertText(reason, self._formats()["plain"]))
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
                    rewrite(number, lambda m=meaning, r=reason: self._write_note(cursor, m, r))
                number += 1

    def _write_why(self, cursor: QTextCursor, path: str, text: str, style: Any) -> None:
        f = self._formats()
        cursor.insertText(self.tr("Why "), f["bold"])
        cursor.insertText(f"{path} = {text} ", f["mono_bold"])
        marker = QTextCharFormat(f["bold"])
        marker.setForeground(QColor(style.colour))
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
            marker.setForeground(QColor(style.colour))
            cursor.insertText("  " + style.glyph + " ", marker)
            cursor.insertText(style.gloss, f["italic"])

    def _write_note(self, cursor: QTextCursor, meaning: str, reason: str) -> None:
        f = self._formats()
        if meaning:
            cursor.insertText(meaning, f["dim"])
        if reason:
            cursor.insertText((" " if meaning else "") + reason, f["why"])

    def _formats(self) -> dict[str, Any]:
        if self._fmt is None:
            mono_font = _mono()
            if self.font().pointSizeF() > 0:  # follows the zoom
                mono_font.setPointSizeF(self.font().pointSizeF())
            high_contrast = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
            plain = QTextCharFormat()
            mono = QTextCharFormat()
            mono.setFont(mono_font)
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

    def _render_request(self, object_id: str) -> None:
        self.request_tab.show_object(object_id)

    def set_api_base(self, url: str | None) -> None:
        """The Request tab's code targets ``url`` (the window serves the API) or the live API."""
        self.request_tab.set_api_base(url)

    def _render_events(self, object_id: str) -> None:
        self.events_view.clear()
        items = []
        for event in self._events_of(object_id):
            item = QTreeWidgetItem(
                [
                    format_clock(event.get("created")),
                    str(event.get("type", "")),
                    str(event.get("id", "")),
                ]
            )
            obj = (event.get("data") or {}).get("object") or {}
            st = display_status(obj) if isinstance(obj, dict) else ""
            if st:
                item.setIcon(1, status_icon(st))
            items.append(item)
        self.events_view.addTopLevelItems(items)
        for column in range(2):
            self.events_view.resizeColumnToContents(column)

    def event_types(self) -> list[str]:
        """The event types the Events tab lists, top to bottom."""
        return [
            self.events_view.topLevelItem(i).text(1)
            for i in range(self.events_view.topLevelItemCount())
        ]

    def object_id(self) -> str | None:
        return self._object_id

    def shown_object(self) -> dict[str, Any] | None:
        """The object JSON the pane is showing (``None`` when empty)."""
        return self._obj


def _shows_marker(kind: str, path: str) -> bool:
    """The Properties row that carries the status marker and gloss."""
    return path == "status" or (kind == "token" and path == "used")


def _ids_named(path: str, params: list[tuple[str, str]], changed: tuple[str, ...]) -> list[str]:
    if changed:
        return list(changed)
    ids = [p for p in path.split("/") if "_" in p]
    ids += [v for _k, v in params if "_" in v and " " not in v]
    return ids
