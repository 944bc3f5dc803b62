"""The object list's model: a Qt list model over the sandbox, filtered in Python.

The model keeps one small summary per object (kind, status, detail words,
search text) and re-reads only the ids a change names (``change.changed_ids``):
known rows get ``dataChanged``, new objects are appended with
``beginInsertRows``, deleted ones removed. Filtering is done in Python over the
summaries followed by one model reset: on 100,000 rows that is far faster than
a ``QSortFilterProxyModel`` (DESIGN.md, "Known pitfalls").
"""

from __future__ import annotations

import bisect
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from core.api import Change, Sandbox
from gui.sandbox_host import SandboxHost
from gui.widgets.read_only_rows import read_only_row_flags
from gui.widgets.status_style import (
    display_status,
    kind_icon,
    status_icon,
    style_for,
)

ModelIndex = QModelIndex | QPersistentModelIndex

SYNC_INDEX_LIMIT = 2_000  # up to this many objects are summarized at once
INDEX_CHUNK = 150  # objects summarized per idle tick (about 10 ms)

# The kinds the filter offers, in this order ("" = every kind).
KINDS = (
    "source",
    "token",
    "customer",
    "charge",
    "card",
    "refund",
    "payment_method",
    "payment_intent",
    "setup_intent",
)


class Summary(NamedTuple):
    """What a row shows about one object, kept so filtering never re-reads the sandbox."""

    kind: str
    status: str
    detail: str  # e.g. "card · reusable", "used", "default src_…"
    search: str  # lower-case text the text filter matches


def summarize(object_id: str, obj: dict[str, Any]) -> Summary:
    """The row summary of one Stripe object."""
    kind = str(obj.get("object", ""))
    status = display_status(obj)
    parts: list[str] = []
    nickname = (obj.get("metadata") or {}).get("nickname")
    if nickname:  # the short name a lesson or a teacher gave it ("A", "B"…), said in class
        parts.append(str(nickname))
    if kind == "source":
        parts.append(str(obj.get("type", "")))
        if obj.get("usage"):
            parts.append(str(obj["usage"]))
        if obj.get("customer"):
            parts.append(f"→ {obj['customer']}")
    elif kind == "token":
        parts.append(str(obj.get("type", "")))
        parts.append(f"used={str(bool(obj.get('used'))).lower()}")
        card = obj.get("card")
        if isinstance(card, dict) and card.get("last4"):
            parts.append(f"•••• {card['last4']}")
    elif kind == "customer":
        if obj.get("email"):
            parts.append(str(obj["email"]))
        parts.append(f"default_source={obj.get('default_source') or 'null'}")
    elif kind == "charge":
        amount = obj.get("amount")
        currency = str(obj.get("currency") or "").upper()
        if amount is not None:
            parts.append(f"{int(amount) / 100:.2f} {currency}".strip())
        if obj.get("captured") is False:
            parts.append("captured=false")
        if obj.get("customer"):
            parts.append(f"→ {obj['customer']}")
    elif kind == "card":
        parts.append(str(obj.get("brand", "")))
        if obj.get("last4"):
            parts.append(f"•••• {obj['last4']}")
        if obj.get("customer"):
            parts.append(f"→ {obj['customer']}")
    elif kind == "payment_intent":
        amount = obj.get("amount")
        if amount is not None:
            parts.append(f"{int(amount) / 100:.2f} {str(obj.get('currency') or '').upper()}")
        if obj.get("capture_method") == "manual":
            parts.append("capture_method=manual")
        if obj.get("customer"):
            parts.append(f"→ {obj['customer']}")
    elif kind == "payment_method":
        parts.append(str(obj.get("type", "")))
        card = obj.get("card")
        if isinstance(card, dict) and card.get("last4"):
            parts.append(f"•••• {card['last4']}")
        parts.append(f"→ {obj['customer']}" if obj.get("customer") else "customer=null")
    elif kind == "setup_intent":
        parts.append(f"usage={obj.get('usage')}")
        if obj.get("customer"):
            parts.append(f"→ {obj['customer']}")
    elif kind == "refund":
        amount = obj.get("amount")
        if amount is not None:
            parts.append(f"{int(amount) / 100:.2f} {str(obj.get('currency') or '').upper()}")
        if obj.get("charge"):
            parts.append(f"← {obj['charge']}")
    detail = " · ".join(p for p in parts if p)
    owner = obj.get("owner")
    email = owner.get("email") if isinstance(owner, dict) else None
    search = " ".join(x for x in (object_id, kind, status, detail, email or "") if x).lower()
    return Summary(kind, status, detail, search)


class ObjectListModel(QAbstractListModel):
    """The sandbox's objects, in creation order, filtered.

    Signals:
        indexed(): every object now has a summary (after a background pass).

    Attributes:
        IdRole, KindRole, StatusRole, DetailRole: custom data roles (``str``).
    """

    indexed = Signal()

    IdRole = Qt.ItemDataRole.UserRole + 1
    KindRole = Qt.ItemDataRole.UserRole + 2
    StatusRole = Qt.ItemDataRole.UserRole + 3
    DetailRole = Qt.ItemDataRole.UserRole + 4

    def __init__(self, host: SandboxHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._sandbox: Sandbox = host.sandbox
        self._all: list[str] = []  # every object id, creation order
        self._order: dict[str, int] = {}  # id -> position in creation order
        self._summary: dict[str, Summary] = {}
        # kinds, statuses, search texts aligned with _all (built by the first filter)
        self._columns: tuple[list[str], list[str], list[str]] | None = None
        self._rows: list[str] = []  # the ids that pass the filter, creation order
        self._row_of: dict[str, int] | None = None
        self._kind = ""
        self._status = ""
        self._text = ""
        self._indexer = QTimer(self)
        self._indexer.setObjectName("objectListIndexer")
        self._indexer.setInterval(0)
        self._indexer.timeout.connect(self._index_chunk)
        self._pending: list[str] = []
        self._load_all()
        self._rows = list(self._all)
        host.changed.connect(self._on_change)

    # ---------------------------------------------------------------- reading
    def _load_all(self) -> None:
        self._all = list(self._sandbox.object_ids())
        self._order = {oid: i for i, oid in enumerate(self._all)}
        self._summary = {}
        self._columns = None
        # Filtering needs every object's summary. Objects created while the model
        # lives are summarized as they arrive; a sandbox that already holds many
        # (an opened session) is summarized in small chunks while the event loop
        # idles, so the list shows at once.
        if len(self._all) <= SYNC_INDEX_LIMIT:
            self._ensure_all_summaries()
        else:
            self._pending = list(self._all)
            self._indexer.start()

    def _index_chunk(self) -> None:
        get, cache = self._sandbox.get, self._summary
        chunk, self._pending = self._pending[-INDEX_CHUNK:], self._pending[:-INDEX_CHUNK]
        for oid in chunk:
            if oid not in cache and oid in self._order:
                self._set_summary(oid, summarize(oid, get(oid) or {}))
        if not self._pending:
            self._indexer.stop()
            self.indexed.emit()

    @property
    def is_indexed(self) -> bool:
        """Every object has its summary: filters apply without reading the sandbox."""
        return not self._pending and len(self._summary) >= len(self._all)

    def index_all(self) -> None:
        """Summarize every object now (what a filter does when indexing is not finished)."""
        self._ensure_all_summaries()
        if self._pending:
            self._pending = []
            self._indexer.stop()
            self.indexed.emit()

    def _summary_of(self, object_id: str) -> Summary:
        summary = self._summary.get(object_id)
        if summary is None:
            obj = self._sandbox.get(object_id) or {}
            summary = summarize(object_id, obj)
            self._set_summary(object_id, summary)
        return summary

    def _set_summary(self, object_id: str, summary: Summary) -> None:
        self._summary[object_id] = summary
        columns = self._columns
        if columns is not None:
            pos = self._order.get(object_id)
            if pos is not None and pos < len(columns[0]):
                columns[0][pos], columns[1][pos], columns[2][pos] = (
                    summary.kind,
                    summary.status,
                    summary.search,
                )
            else:
                self._columns = None

    def _filter_columns(self) -> tuple[list[str], list[str], list[str]]:
        """(kinds, statuses, search texts) aligned with the creation order, for fast filters."""
        if self._columns is None or len(self._columns[0]) != len(self._all):
            self._ensure_all_summaries()
            summaries = [self._summary[oid] for oid in self._all]
            self._columns = (
                [x.kind for x in summaries],
                [x.status for x in summaries],
                [x.search for x in summaries],
            )
        return self._columns

    def _ensure_all_summaries(self) -> None:
        if self._pending:
            self._pending = []
            self._indexer.stop()
            self.indexed.emit()
        if len(self._summary) < len(self._all):
            get = self._sandbox.get
            cache = self._summary
            for oid in self._all:
                if oid not in cache:
                    cache[oid] = summarize(oid, get(oid) or {})
            self._columns = None

    def _index_rows(self) -> dict[str, int]:
        if self._row_of is None:
            self._row_of = {oid: i for i, oid in enumerate(self._rows)}
        return self._row_of

    # ------------------------------------------------------------------ Qt API
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._rows):
            return None
        object_id = self._rows[row]
        if role == self.IdRole:
            return object_id
        s = self._summary_of(object_id)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{object_id}  {s.status}".rstrip()
        if role == self.KindRole:
            return s.kind
        if role == self.StatusRole:
            return s.status
        if role == self.DetailRole:
            return s.detail
        if role == Qt.ItemDataRole.DecorationRole:
            return status_icon(s.status) if s.status else kind_icon(s.kind)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            style = style_for(s.status)
            status = self.tr("status {0}: {1}").format(s.status, style.gloss) if s.status else ""
            return "\n".join(x for x in (object_id, s.detail, status) if x)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return read_only_row_flags(index)

    def roleNames(self) -> dict[int, QByteArray]:  # noqa: N802
        names = dict(super().roleNames())
        names.update(
            {
                self.IdRole: QByteArray(b"objectId"),
                self.KindRole: QByteArray(b"kind"),
                self.StatusRole: QByteArray(b"status"),
                self.DetailRole: QByteArray(b"detail"),
            }
        )
        return names

    # ---------------------------------------------------------------- helpers
    def object_id(self, row: int) -> str | None:
        """The id shown in ``row``, or ``None``."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, object_id: str | None) -> int | None:
        """The row showing ``object_id``, or ``None`` if it is filtered out or unknown."""
        if not object_id:
            return None
        return self._index_rows().get(object_id)

    def shown_ids(self) -> list[str]:
        """The ids in the rows, top to bottom."""
        return list(self._rows)

    def all_ids(self) -> list[str]:
        """Every object id the model knows, in creation order, ignoring the filter."""
        return list(self._all)

    def summary(self, object_id: str) -> Summary:
        return self._summary_of(object_id)

    @property
    def total(self) -> int:
        return len(self._all)

    # ----------------------------------------------------------------- filter
    def filter(self) -> tuple[str, str, str]:
        """The current (kind, status, text) filter; ``""`` means any."""
        return self._kind, self._status, self._text

    def set_filter(
        self, kind: str | None = None, status: str | None = None, text: str | None = None
    ) -> None:
        """Change any part of the filter (``None`` keeps it) and reset the rows once."""
        kind = self._kind if kind is None else kind
        status = self._status if status is None else status
        text = self._text if text is None else text.strip().lower()
        if (kind, status, text) == (self._kind, self._status, self._text):
            return
        self._kind, self._status, self._text = kind, status, text
        self.beginResetModel()
        self._rows = self._filtered()
        self._row_of = None
        self.endResetModel()

    def _filtering(self) -> bool:
        return bool(self._kind or self._status or self._text)

    def _filtered(self) -> list[str]:
        if not self._filtering():
            return list(self._all)
        kinds, statuses, searches = self._filter_columns()
        kind, status, text = self._kind, self._status, self._text
        # One narrow pass per active filter, each a plain comprehension (fast on 100k).
        positions: Any = range(len(self._all))
        if kind:
            positions = [i for i in positions if kinds[i] == kind]
        if status:
            positions = [i for i in positions if statuses[i] == status]
        if text:
            positions = [i for i in positions if text in searches[i]]
        all_ids = self._all
        return [all_ids[i] for i in positions]

    def _matches(self, summary: Summary) -> bool:
        return (
            (not self._kind or summary.kind == self._kind)
            and (not self._status or summary.status == self._status)
            and (not self._text or self._text in summary.search)
        )

    # ---------------------------------------------------------------- changes
    def _on_change(self, change: Change) -> None:
        if self._host.sandbox is not self._sandbox:
            return  # the window replaced the sandbox: this list is about to go
        self.apply_changed_ids(list(change.changed_ids), appended=not change.replayed)

    def apply_changed_ids(self, changed: list[str], appended: bool = False) -> None:
        """Re-read ``changed`` ids: update, append or remove their rows.

        ``appended``: the new ids were created by a request, so they come last in
        the creation order (no need to read the whole order); an undo or a
        replay may put them anywhere.
        """
        if not changed:
            return
        get = self._sandbox.get
        new: list[str] = []
        for oid in dict.fromkeys(changed):
            obj = get(oid)
            if obj is None:
                if oid in self._order:
                    self._remove(oid)
                continue
            summary = summarize(oid, obj)
            if oid not in self._order:
                self._summary[oid] = summary
                new.append(oid)
                continue
            self._set_summary(oid, summary)
            row = self._index_rows().get(oid)
            shows = self._matches(summary)
            if row is not None and shows:
                index = self.index(row, 0)
                self.dataChanged.emit(index, index)
            elif row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self._row_of = None
                self.endRemoveRows()
            elif shows:
                self._insert_row(oid)
        if new:
            self._add_new(new, appended)

    def _add_new(self, new: list[str], appended: bool) -> None:
        order = self._all + new if appended else list(self._sandbox.object_ids())
        if order[len(order) - len(new) :] == new and len(order) == len(self._all) + len(new):
            # The usual case: the new objects were created last. Append.
            base = len(self._all)
            for i, oid in enumerate(new):
                self._order[oid] = base + i
            self._all.extend(new)
            if self._columns is not None:
                for oid in new:
                    summary = self._summary[oid]
                    self._columns[0].append(summary.kind)
                    self._columns[1].append(summary.status)
                    self._columns[2].append(summary.search)
            shown = [oid for oid in new if self._matches(self._summary[oid])]
            if shown:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(shown) - 1)
                self._rows.extend(shown)
                if self._row_of is not None:
                    for i, oid in enumerate(shown):
                        self._row_of[oid] = first + i
                self.endInsertRows()
            return
        # Objects came back in the middle of the order (an undo brought back a
        # deleted card, a replay reordered...): rebuild the order, then insert.
        self._all = order
        self._columns = None
        self._order = {oid: i for i, oid in enumerate(order)}
        for oid in new:
            if self._matches(self._summary[oid]):
                self._insert_row(oid)

    def _insert_row(self, oid: str) -> None:
        order = self._order
        if oid not in order:
            return
        pos = bisect.bisect_left(self._rows, order[oid], key=lambda x: order.get(x, -1))
        self.beginInsertRows(QModelIndex(), pos, pos)
        self._rows.insert(pos, oid)
        self._row_of = None
        self.endInsertRows()

    def _remove(self, oid: str) -> None:
        row = self._index_rows().get(oid)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self._row_of = None
            self.endRemoveRows()
        pos = self._order.pop(oid)
        del self._all[pos]
        self._columns = None
        for i in range(pos, len(self._all)):
            self._order[self._all[i]] = i
        self._summary.pop(oid, None)

    def resync(self) -> None:
        """Re-read everything from the sandbox (after a session is opened)."""
        self.beginResetModel()
        self._load_all()
        self._rows = self._filtered()
        self._row_of = None
        self.endResetModel()
