"""The event log's model: one ``Entry`` per request, event, undo or redo, in order.

``EventLogModel`` appends an entry for each request the sandbox answers and for
each event it fired, marks the entries of an undone request (and unmarks them on
redo), and, for a sandbox that comes with history (an opened session), shows that
history first. ``gui.panes.event_log.EventLogView`` shows it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from core.api import Change, Refusal, Sandbox
from gui.panes.event_log_words import error_words, history_words, opened_words
from gui.sandbox_host import GUI_ORIGIN, SandboxHost, error_of
from gui.stripe_json import event_object_ids, format_clock
from gui.widgets.read_only_rows import read_only_row_flags
from gui.widgets.status_style import display_status, status_icon

ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(slots=True)
class Entry:
    """One line of the log.

    Attributes:
        kind: ``request``, ``error``, ``event`` or ``history`` (undo/redo).
        time: simulated clock, unix seconds.
        text: what happened (Stripe names untranslated).
        object_id: the object to select when the entry is chosen, or ``""``.
        detail: the longer text shown as a tooltip.
        step: the log length after the accepted request it belongs to (``0`` if none).
        undone: an undo took the request back.
        status: status word of the object an event carries (for its marker).
        event_id: the event's id, for events.
        words: for a line whose words are the app's (not Stripe's), a function that
            returns ``(text, detail)`` in the current language; a language switch
            calls it again (:meth:`EventLogModel.retranslate`).
    """

    kind: str
    time: int
    text: str
    object_id: str = ""
    detail: str = ""
    step: int = 0
    undone: bool = False
    status: str = ""
    event_id: str = ""
    time_text: str | None = None
    words: Callable[[], tuple[str, str]] | None = None

    def __post_init__(self) -> None:
        if self.words is not None:
            self.text, self.detail = self.words()


def _target_of(method: str, path: str, params: Any, body: Any, error: dict[str, Any] | None) -> str:
    """The object a request is about: what it returned, else what it names."""
    if error is None and isinstance(body, dict) and isinstance(body.get("id"), str):
        return str(body["id"])
    if error is not None and error.get("charge"):
        return str(error["charge"])
    pieces = [p for p in path.split("/") if _ID.fullmatch(p)]
    pairs = params.items() if isinstance(params, dict) else (params or [])
    named = {str(k): str(v) for k, v in pairs}
    for key in ("source", "customer", "charge"):
        if _ID.fullmatch(named.get(key, "")):
            pieces.append(named[key])
    return pieces[-1] if pieces and method.upper() == "DELETE" else (pieces[0] if pieces else "")


_ID = re.compile(r"(?!test_)[a-z]+_(?=[a-z]*[A-Z0-9])[A-Za-z0-9]{8,}")  # src_…, not test_helpers


class EventLogModel(QAbstractTableModel):
    """The entries, appended as changes arrive. Columns: time, what, object."""

    COLUMNS = 3
    ObjectIdRole = Qt.ItemDataRole.UserRole + 1
    KindRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, host: SandboxHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._sandbox: Sandbox = host.sandbox
        sandbox = self._sandbox
        self.entries: list[Entry] = []
        self._steps = len(sandbox.log)
        self._has_undone = False
        style = QApplication.style()
        self._error_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        self._request_icon = style.standardIcon(QStyle.StandardPixmap.SP_ArrowRight)
        self._history_icon = style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload)
        self._seed_from_history()
        host.changed.connect(self._on_change)

    def _seed_from_history(self) -> None:
        """A sandbox that already has history (an opened session) shows it first: its
        accepted requests with their events, and the refused ones where they were sent."""
        sandbox = self._sandbox
        log, refused = sandbox.log, sandbox.refused
        if not log and not refused:
            return
        now = int(sandbox.now)
        shown = [r for r in refused if r.after <= len(log)]  # the rest are in the redo branch
        words = partial(opened_words, len(log), len(shown))
        entries = [Entry("history", now, "", words=words)]
        events = sandbox.events
        waiting = iter(shown)
        refusal = next(waiting, None)
        # A request's time is its first event's (the log keeps no times), else the last
        # time shown: the simulated clock only moves by requests.
        clock = int(events[0].get("created") or now) if events else now
        for step in range(len(log) + 1):
            while refusal is not None and refusal.after == step:
                entries.append(self._refused_entry(refusal, clock))
                refusal = next(waiting, None)
            if step == len(log):
                break
            entry = log[step]
            fired = events[sandbox.events_before(step) : sandbox.events_before(step + 1)]
            if fired:
                clock = int(fired[0].get("created") or clock)
            text = f"{entry.method.upper()} {entry.path}"
            if entry.origin and entry.origin != GUI_ORIGIN:
                text += f"  [{entry.origin}]"
            shown_events = [self._event_entry(e, clock, step + 1) for e in fired]
            # what the request made or changed, as its first event says; else what it names
            target = next((e.object_id for e in shown_events if e.object_id), "") or (
                _target_of(entry.method, entry.path, entry.params, None, None)
                or next(iter(entry.changed_ids), "")
            )
            entries.append(Entry("request", clock, text, target, text, step=step + 1))
            entries.extend(shown_events)
            if fired:
                clock = int(fired[-1].get("created") or clock)
        self.entries = entries

    def _refused_entry(self, refusal: Refusal, now: int) -> Entry:
        error = refusal.error_json()
        method, path = refusal.method, refusal.path
        target = _target_of(method, path, refusal.params, None, error)
        words = partial(error_words, method, path, refusal.status, error, refusal.origin)
        return Entry("error", now, "", target, words=words)

    # ---------------------------------------------------------------- Qt API
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                (
                    QCoreApplication.translate("EventLog", "Simulated time"),
                    QCoreApplication.translate("EventLog", "What happened"),
                    QCoreApplication.translate("EventLog", "Object"),
                )[section]
                if 0 <= section < 3
                else None
            )
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                if entry.time_text is None:
                    entry.time_text = format_clock(entry.time)
                return entry.time_text
            if column == 1:
                text = entry.text if entry.kind != "event" else f"    {entry.text}"
                return (
                    f"{text}  ({QCoreApplication.translate('EventLog', 'undone')})"
                    if entry.undone
                    else text
                )
            if column == 2:
                return entry.object_id
        if role == Qt.ItemDataRole.DecorationRole and column == 1:
            if entry.kind == "error":
                return self._error_icon
            if entry.kind == "history":
                return self._history_icon
            if entry.kind == "event":
                return status_icon(entry.status)
            return self._request_icon
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.detail or entry.text
        if role == Qt.ItemDataRole.ForegroundRole and entry.undone:
            return QColor("#8a8a8a")
        if role == Qt.ItemDataRole.FontRole:
            if entry.undone:
                font = QFont()
                font.setStrikeOut(True)
                return font
            if entry.kind == "error":
                font = QFont()
                font.setBold(True)
                return font
        if role == self.ObjectIdRole:
            return entry.object_id
        if role == self.KindRole:
            return entry.kind
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return read_only_row_flags(index)

    # --------------------------------------------------------------- changes
    def _append(self, new: list[Entry]) -> None:
        if not new:
            return
        first = len(self.entries)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self.entries.extend(new)
        self.endInsertRows()

    def _mark(self, predicate: Any, undone: bool) -> None:
        first = last = -1
        for row, entry in enumerate(self.entries):
            if entry.step and predicate(entry) and entry.undone != undone:
                entry.undone = undone
                first = row if first < 0 else first
                last = row
        if first >= 0:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.COLUMNS - 1))

    def _on_change(self, change: Change) -> None:
        if self._host.sandbox is not self._sandbox:
            return  # the window replaced the sandbox: this log is about to go
        # The log length is tracked here: reading sandbox.log copies the whole log.
        now = int(self._sandbox.now)
        origin = change.origin
        response = change.response
        method, path, params = change.request
        if change.replayed:
            if origin == "undo":
                steps = self._steps - 1
            elif origin == "redo":
                steps = self._steps + 1
            else:
                steps = len(self._sandbox.log)
            self._on_history(origin, method, path, steps, now)
            return
        status = response.status
        accepted = not change.rejected
        body = response.body
        error = error_of(response)
        steps = self._steps + 1 if accepted else self._steps
        if accepted and self._has_undone:
            # A new accepted request drops the undone branch for good (no redo).
            for entry in self.entries:
                if entry.undone:
                    entry.step = 0
            self._has_undone = False
        self._steps = steps
        step = steps if accepted else 0
        target = _target_of(method, path, params, body, error)
        new: list[Entry] = []
        if error is not None:
            words = partial(error_words, method, path, status, error, origin)
            new.append(Entry("error", now, "", target, step=step, words=words))
        else:
            text = f"{method.upper()} {path} → {status}"
            if origin and origin != GUI_ORIGIN:
                text += f"  [{origin}]"
            new.append(Entry("request", now, text, target, text, step=step))
        for event in change.events:
            new.append(self._event_entry(event, now, step))
        self._append(new)

    def _event_entry(self, event: dict[str, Any], now: int, step: int) -> Entry:
        obj = (event.get("data") or {}).get("object") or {}
        ids = event_object_ids(event)
        object_id = str(obj.get("id", "")) if isinstance(obj, dict) else ""
        return Entry(
            "event",
            int(event.get("created") or now),
            str(event.get("type", "")),
            object_id or (sorted(ids)[0] if ids else ""),
            f"{event.get('id', '')}: {event.get('type', '')}",
            step=step,
            status=display_status(obj) if isinstance(obj, dict) else "",
            event_id=str(event.get("id", "")),
        )

    def _on_history(self, origin: str, method: str, path: str, steps: int, now: int) -> None:
        """Undo greys out the entries it took back; redo brings them back."""
        what = f"{method.upper()} {path}".strip()
        if steps < self._steps or origin == "undo":
            self._mark(lambda e: e.step > steps, True)
            self._has_undone = True
            kind = "undo"
        elif origin == "redo":
            self._mark(lambda e: self._steps < e.step <= steps, False)
            kind = "redo"
        else:
            self._mark(lambda e: e.step > steps, True)
            kind = "rebuild"
        self._steps = steps
        self._append([Entry("history", now, "", words=partial(history_words, kind, what, steps))])

    def retranslate(self) -> None:
        """After a language switch: the app's words on every line again (Stripe's stay)."""
        first = last = -1
        for row, entry in enumerate(self.entries):
            if entry.words is not None:
                entry.text, entry.detail = entry.words()
                first = row if first < 0 else first
                last = row
        if first >= 0:
            self.dataChanged.emit(self.index(first, 1), self.index(last, 1))

    def alive_event_ids(self) -> list[str]:
        """Ids of the events shown and not undone, oldest first."""
        return [
            e.event_id for e in self.entries if e.kind == "event" and not e.undone and e.event_id
        ]
