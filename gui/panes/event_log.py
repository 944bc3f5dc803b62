"""The event log (objectName ``eventLog``): every request and every event, in order.

Each request the sandbox answers (from the window, a lesson or the HTTP
endpoint) becomes one entry: method, path and HTTP status; each event it fired
becomes one entry under it. Entries carry the simulated clock. A rejected
request is marked with an error icon *and* the words "error 4xx" plus Stripe's
message, never by colour alone. An undo greys out (and labels "undone") the
entries of the request it took back; a redo brings them back. Selecting an
entry selects the object it is about.

A sandbox that comes with history (an opened session) shows it first: each
accepted request of its log with the events it fired, and each refused request
the session kept, in the order they were sent.

The entries are ``gui.panes.event_log_model``'s; this module is the view.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

from gui.panes.event_log_model import EventLogModel
from gui.sandbox_host import SandboxHost
from gui.selection import Selection
from gui.widgets.appending_view import AppendingTableView, SteadyScrollBar


class EventLogView(AppendingTableView):
    """The event log view (objectName ``eventLog``); choosing an entry selects its object."""

    follows_end = True  # every append scrolls to the bottom (_scroll_to_new)

    def __init__(
        self, host: SandboxHost, selection: Selection, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("eventLog")
        self.setAccessibleName(QCoreApplication.translate("EventLog", "Event log"))
        self.log_model = EventLogModel(host, self)
        self.setModel(self.log_model)
        self.watch_appends()  # an append repaints the new rows, not the whole log
        # A table, not a tree: QTreeView re-lays out every row on each append.
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.horizontalHeader().setHighlightSections(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        # Fixed widths: ResizeToContents would read every row on each append (O(n)).
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, self.fontMetrics().horizontalAdvance("2026-12-31 23:59:59") + 24)
        header.resizeSection(2, 240)
        self._selection = selection
        self.selectionModel().currentRowChanged.connect(self._on_current)
        self.log_model.rowsInserted.connect(self._scroll_to_new)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            # Stripe's words stay as logged; the app's own words follow the language
            self.setAccessibleName(QCoreApplication.translate("EventLog", "Event log"))
            self.log_model.retranslate()
            self.log_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        elif event.type() == QEvent.Type.FontChange:
            self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
            self.horizontalHeader().resizeSection(
                0, self.fontMetrics().horizontalAdvance("2026-12-31 23:59:59") + 24
            )
        super().changeEvent(event)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        object_id = self.log_model.data(current, EventLogModel.ObjectIdRole)
        if object_id and self.log_model._sandbox.get(object_id) is not None:
            self._selection.select(object_id)

    def _scroll_to_new(self, *_args: object) -> None:
        if self.appended_in_place():
            # The scroll range is already updated and the rows kept where they are on
            # screen: this scroll moves the pixels and paints only the new rows.
            bar = self.verticalScrollBar()
            bar.setValue(bar.maximum())
        else:
            self.scrollToBottom()
        bar = self.verticalScrollBar()
        if isinstance(bar, SteadyScrollBar):
            bar.release()  # held since the rows were laid out: repaints if its pixels changed

    def select_entry(self, row: int) -> None:
        """Make ``row`` the current entry (as a click would)."""
        self.setCurrentIndex(self.log_model.index(row, 1))
