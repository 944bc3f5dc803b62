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

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.api import Change, RequestLine, Sandbox
from gui.panes.detail_properties import PropertiesText
from gui.sandbox_host import SandboxHost
from gui.selection import Selection
from gui.stripe_json import event_object_ids, format_clock
from gui.widgets.cited_text import open_link
from gui.widgets.code_box import JsonHighlighter, mono_font
from gui.widgets.elided_label import line_height
from gui.widgets.status_style import display_status, kind_icon, status_icon, style_for


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
        self._fit_subheader()
        self.subheader.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("detailTabs")
        self.tabs.setDocumentMode(True)

        self.properties = QTextBrowser(self)
        self.properties.setObjectName("propertiesView")
        self.properties.setOpenLinks(False)
        self.properties.anchorClicked.connect(open_link)  # a citation opens its section
        self.tabs.addTab(self.properties, self.tr("Properties"))
        self._properties = PropertiesText(self.properties, self)

        self.json_view = QPlainTextEdit(self)
        self.json_view.setObjectName("jsonView")
        self.json_view.setReadOnly(True)
        self.json_view.setFont(mono_font())
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
        self._header_kind: str | None = None  # the kind whose icon the header shows
        self._position = 0  # requests seen (ordering of _requests entries)
        self.tabs.currentChanged.connect(self._render_tab)
        selection.changed.connect(self._on_selection)
        host.changed.connect(self._on_change)
        self.set_object(selection.current)

    def retranslate(self) -> None:
        """Tab titles, captions and headers in the current language; the object again."""
        self._fit_subheader()
        for index, text in enumerate(
            (self.tr("Properties"), self.tr("JSON"), self.tr("Request"), self.tr("Events"))
        ):
            self.tabs.setTabText(index, text)
        self.events_view.setHeaderLabels(
            [self.tr("Simulated time"), self.tr("Event"), self.tr("Id")]
        )
        self.set_object(self._object_id)

    def _fit_subheader(self) -> None:
        """Two lines of the subtitle, as tall as the language shown writes them (Japanese
        glyphs come from a fallback font whose lines are taller than the UI font's)."""
        probe = "Ag " + self.tr("Pick an object in the list, or create one from the Create menu.")
        self.subheader.setFixedHeight(
            int(line_height(probe, self.subheader.font()) * 2 + 0.999) + 2
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._fit_subheader()
            self._properties.reset_formats()
            self.set_object(self._object_id)
        elif event.type() == QEvent.Type.PaletteChange:
            self._properties.reset_formats()  # its colours follow the palette (high contrast)
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
            last = self.last_request(object_id)
            self.property_rows = self._properties.render(
                object_id,
                str(obj.get("object", "")),
                obj,
                last,
                self._sandbox.last_edge(object_id),
            )
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
        self._properties.clear()
        self.json_view.clear()
        self.request_tab.clear()
        self.events_view.clear()

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
        items = (
            self.events_view.topLevelItem(i) for i in range(self.events_view.topLevelItemCount())
        )
        return [item.text(1) for item in items if item is not None]

    def object_id(self) -> str | None:
        return self._object_id

    def shown_object(self) -> dict[str, Any] | None:
        """The object JSON the pane is showing (``None`` when empty)."""
        return self._obj


def _ids_named(path: str, params: list[tuple[str, str]], changed: tuple[str, ...]) -> list[str]:
    if changed:
        return list(changed)
    ids = [p for p in path.split("/") if "_" in p]
    ids += [v for _k, v in params if "_" in v and " " not in v]
    return ids
