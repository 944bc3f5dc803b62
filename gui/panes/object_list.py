"""The object list: a Qt list model over the sandbox, its view and its filter bar.

The model keeps one small summary per object (kind, status, detail words,
search text) and re-reads only the ids a change names (``change.changed_ids``):
known rows get ``dataChanged``, new objects are appended with
``beginInsertRows``, deleted ones removed. Filtering is done in Python over the
summaries followed by one model reset: on 100,000 rows that is far faster than
a ``QSortFilterProxyModel`` (DESIGN.md, "Known pitfalls").

Classes:
    ObjectListModel: ``QAbstractListModel`` adapter over a ``Sandbox``.
    ObjectListView: the ``QListView`` (objectName ``objectList``).
    FilterBar: kind, status and text filters (objectName ``objectFilter``).
    ObjectListPanel: the filter bar above the view.
"""

from __future__ import annotations

import bisect
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollBar,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionSlider,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.api import Change, Sandbox
from gui.sandbox_host import SandboxHost
from gui.selection import Selection
from gui.widgets.status_style import (
    display_status,
    kind_icon,
    known_statuses,
    paint_kind_badge,
    paint_marker,
    status_icon,
    style_for,
    with_gloss,
)

ModelIndex = QModelIndex | QPersistentModelIndex

SYNC_INDEX_LIMIT = 2_000  # up to this many objects are summarized at once
INDEX_CHUNK = 150  # objects summarized per idle tick (about 10 ms)

# The kinds the filter offers, in this order ("" = every kind).
KINDS = ("source", "token", "customer", "charge", "card", "refund")


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
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def roleNames(self) -> dict[int, bytes]:  # noqa: N802
        names = dict(super().roleNames())
        names.update(
            {
                self.IdRole: b"objectId",
                self.KindRole: b"kind",
                self.StatusRole: b"status",
                self.DetailRole: b"detail",
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


class ObjectDelegate(QStyledItemDelegate):
    """Paints a row: kind badge, id, detail words, status marker + status word."""

    ROW_HEIGHT = 40

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

    @classmethod
    def row_height(cls, font: QFont) -> int:
        """Two lines of ``font`` (the second 0.9 of it), never less than ``ROW_HEIGHT``."""
        line = QFontMetrics(font).height()
        return max(cls.ROW_HEIGHT, int(line * 1.9) + 12)

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:  # noqa: N802
        return QSize(220, self.row_height(option.font))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = type(opt.icon)()
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if opt.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        text_colour = opt.palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        dim_colour = opt.palette.color(
            group,
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText,
        )
        rect: QRect = opt.rect
        object_id = str(index.data(ObjectListModel.IdRole) or "")
        kind = str(index.data(ObjectListModel.KindRole) or "")
        status = str(index.data(ObjectListModel.StatusRole) or "")
        status_text = with_gloss(status) if status else ""  # Stripe's word + a gloss (ja)
        detail = str(index.data(ObjectListModel.DetailRole) or "")
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pad = 6
        font = QFont(opt.font)
        painter.setFont(font)
        fm = painter.fontMetrics()
        line = max(18, fm.height() + 2)  # the first line's height: grows with the zoom
        badge_h = max(14.0, line - 4.0)
        badge = QRectF(
            rect.left() + pad, rect.top() + 4 + (line - badge_h) / 2, badge_h * 30 / 14, badge_h
        )
        paint_kind_badge(painter, badge, kind)
        # status: marker + word on the right of the first line
        status_w = fm.horizontalAdvance(status_text) if status else 0
        marker = 12
        right = rect.right() - pad
        if status:
            text_rect = QRect(right - status_w, rect.top() + 4, status_w, line)
            painter.setPen(text_colour)
            painter.drawText(
                text_rect,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                status_text,
            )
            marker = max(12, line - 6)
            marker_rect = QRectF(
                right - status_w - marker - 4, rect.top() + 4 + (line - marker) / 2, marker, marker
            )
            if selected:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(opt.palette.color(QPalette.ColorRole.Base))
                painter.drawRoundedRect(marker_rect.adjusted(-2, -2, 2, 2), 3, 3)
            paint_marker(painter, marker_rect, status)
            right = int(marker_rect.left()) - 6
        # id in a fixed font on the first line
        mono = QFont(self._mono)
        mono.setPointSizeF(font.pointSizeF() if font.pointSizeF() > 0 else 9)
        painter.setFont(mono)
        id_left = int(badge.right()) + 6
        id_rect = QRect(id_left, rect.top() + 4, max(0, right - id_left), line)
        painter.setPen(text_colour)
        painter.drawText(
            id_rect,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            painter.fontMetrics().elidedText(
                object_id, Qt.TextElideMode.ElideMiddle, id_rect.width()
            ),
        )
        # detail words on the second line
        small = QFont(font)
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * 0.9)
        painter.setFont(small)
        painter.setPen(dim_colour)
        detail_h = max(16, painter.fontMetrics().height() + 2)
        detail_rect = QRect(
            rect.left() + pad, rect.top() + 3 + line, rect.width() - 2 * pad, detail_h
        )
        painter.drawText(
            detail_rect,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            painter.fontMetrics().elidedText(
                detail, Qt.TextElideMode.ElideRight, detail_rect.width()
            ),
        )
        painter.restore()


class SteadyScrollBar(QScrollBar):
    """A ``QScrollBar`` that repaints on a range or value change only if its pixels change.

    ``QAbstractSlider`` repaints the whole bar on every range or value change. A
    long list grows by a row per new object (the event log by a few per request)
    and stays scrolled to its end: the handle keeps its minimum length and place,
    yet the bar (~0.5-0.8 ms of Fusion gradients) was repainted in every frame.
    What the bar shows is the handle's rectangle and whether the value is at
    either end (the arrows' state); when neither changed since the last paint,
    the update is skipped. Any other cause of a repaint (hover, press, resize,
    style, palette, enabled state) still repaints as before.
    """

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self._painted_look: tuple[Any, ...] | None = None
        self._holding = False  # between hold() and release(): changes are only noted
        self._pending = False

    def hold(self) -> None:
        """Judge the changes until :meth:`release` together (a range change, then a scroll)."""
        self._holding = True

    def release(self) -> None:
        """Repaint now if the changes since :meth:`hold` left other pixels."""
        pending, self._holding, self._pending = self._pending, False, False
        if pending and self._look() != self._painted_look:
            self.update()

    def _look(self) -> tuple[Any, ...]:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        handle = self.style().subControlRect(
            QStyle.ComplexControl.CC_ScrollBar,
            option,
            QStyle.SubControl.SC_ScrollBarSlider,
            self,
        )
        value = self.value()
        return (
            handle.getRect(),
            option.rect.getRect(),
            value == self.minimum(),
            value == self.maximum(),
            self.minimum() == self.maximum(),
        )

    def paintEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self._painted_look = self._look()
        super().paintEvent(event)

    def sliderChange(self, change: QScrollBar.SliderChange) -> None:  # noqa: N802 - Qt API
        if change != QScrollBar.SliderChange.SliderOrientationChange:
            if self._holding:
                self._pending = True
                return
            if self._painted_look is not None and self._look() == self._painted_look:
                return  # the same pixels: QAbstractSlider would only have repainted them
        super().sliderChange(change)


class AppendingTableView(QTableView):
    """A ``QTableView`` that does not repaint its whole viewport when rows are appended.

    Qt answers every row insert with a delayed items layout that ends in a full
    viewport update (``QTableView::rowCountChanged`` → ``doItemsLayout``). With fixed
    row heights, rows appended after the last row move nothing already shown: only
    the scroll bar and the new rows' area (when it is in view) need painting. On
    10,000 rows that full repaint was ~9 ms of a new object's frame.

    One exception is kept: scrolled to the very end in ``ScrollPerItem`` mode, the
    rows are aligned to the bottom edge, and the new scroll range re-aligns them to
    the top one (a shift of part of a row, no pixel scroll). Then the whole viewport
    repaints as before, unless :attr:`follows_end` says the view scrolls to its new
    end right away (the event log): the alignment is kept, so that scroll moves the
    pixels by exactly the new rows and paints just them.

    Subclasses call :meth:`watch_appends` once their model is set.
    """

    follows_end = False  # the view scrolls to its end after every append
    # None: nothing pending; -1: a full layout is due; a row: rows appended from there
    # wait for the layout (the view was hidden); _PAINTED: appended rows laid out and
    # painted at once, the delayed layout has nothing left to do but the geometries.
    _appended_from: int | None = None
    _PAINTED = -2

    def watch_appends(self) -> None:
        bar = SteadyScrollBar(Qt.Orientation.Vertical, self)
        self.setVerticalScrollBar(bar)
        # QAbstractScrollArea reconnects only its own slot; the item view's are restored
        # (QTableView pages by whole rows through verticalScrollbarAction).
        bar.actionTriggered.connect(self.verticalScrollbarAction)
        bar.valueChanged.connect(self.verticalScrollbarValueChanged)
        model = self.model()
        model.rowsInserted.connect(self._on_rows_inserted)
        for signal in (
            model.modelReset,
            model.rowsRemoved,
            model.rowsMoved,
            model.layoutChanged,
            model.columnsInserted,
            model.columnsRemoved,
        ):
            signal.connect(self._full_layout)

    def _on_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        appended = not parent.isValid() and last == self.model().rowCount() - 1
        pending = self._appended_from
        if not appended or pending == -1:
            self._appended_from = -1  # rows moved down: everything below repaints
            return
        if pending is not None and pending >= 0:
            first = min(first, pending)
        if not self.isVisible():
            self._appended_from = first
            return
        bar = self.verticalScrollBar()
        if self.follows_end and isinstance(bar, SteadyScrollBar):
            bar.hold()  # the new range, then the scroll to it: one look (_scroll_to_new)
        # Lay out now, so the scroll bar and the new rows paint in this frame rather
        # than in a second one after Qt's delayed layout.
        self._appended_from = self._PAINTED
        self._lay_out_appended(first)

    def _full_layout(self, *_args: object) -> None:
        self._appended_from = -1

    def appended_in_place(self) -> bool:
        """Rows were just appended and laid out in place (no full layout is due)."""
        return self._appended_from == self._PAINTED

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._appended_from = -1
        super().changeEvent(event)

    def _lay_out_appended(self, first: int | None) -> None:
        """``updateGeometries``; repaint the rows from ``first`` if they show.

        If the new scroll range moved the rows without scrolling, the whole viewport
        repaints (and ``_appended_from`` becomes -1), unless :attr:`follows_end`.
        """
        header = self.verticalHeader()
        offset = header.offset()
        self.updateGeometries()
        if header.offset() != offset:
            if self.follows_end:
                header.setOffset(offset)  # what is on screen; the scroll to the end follows
            else:
                self._appended_from = -1
                self.viewport().update()
                return
        if first is not None:
            top = self.rowViewportPosition(first)
            viewport = self.viewport()
            if top < viewport.height():
                viewport.update(QRect(0, max(0, top), viewport.width(), viewport.height()))

    def doItemsLayout(self) -> None:  # noqa: N802 - Qt API
        pending, self._appended_from = self._appended_from, None
        if pending is None or pending == -1:
            super().doItemsLayout()
            return
        self._appended_from = self._PAINTED
        self._lay_out_appended(None if pending == self._PAINTED else pending)
        self._appended_from = None


class ObjectListView(AppendingTableView):
    """The list of objects (objectName ``objectList``); follows and sets the selection.

    A one-column ``QTableView`` with fixed row heights rather than a ``QListView``:
    ``QListView`` re-lays out every row (two Python ``rowCount`` calls per row) on
    each insert, which costs ~16 ms per new object at 10,000 rows; a table with
    fixed section sizes inserts in constant time and shows 100,000 rows at once.
    """

    def __init__(
        self, model: ObjectListModel, selection: Selection, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("objectList")
        # The QTableView equivalent of QListView.setUniformItemSizes(True):
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(ObjectDelegate.ROW_HEIGHT)
        self.verticalHeader().hide()
        self.horizontalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setItemDelegate(ObjectDelegate(self))
        self._syncing = False
        # Rows leaving (an undo, a filter) must not move the shared selection. Connected
        # before setModel so this runs before the selection model moves its current index.
        model.modelAboutToBeReset.connect(self._hold)
        model.rowsAboutToBeRemoved.connect(self._hold)
        self.setModel(model)
        self.watch_appends()
        self.setAccessibleName(self.tr("Objects"))
        self._delegate_rows()
        self._model = model
        self._selection = selection
        self._syncing = False
        self.selectionModel().currentChanged.connect(self._on_current_changed)
        model.modelReset.connect(self._follow_selection)
        model.rowsRemoved.connect(self._follow_selection)
        model.rowsInserted.connect(self._follow_selection_if_missing)
        selection.changed.connect(self._on_selection_changed)

    def _delegate_rows(self) -> None:
        self.verticalHeader().setDefaultSectionSize(ObjectDelegate.row_height(self.font()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(self.tr("Objects"))
            self.viewport().update()  # tooltips and glosses are read when shown
        elif event.type() == QEvent.Type.FontChange:
            self._delegate_rows()  # the zoom: rows grow with the text
        super().changeEvent(event)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing:
            return
        object_id = self._model.object_id(current.row()) if current.isValid() else None
        if object_id is not None:
            self._selection.select(object_id)

    def _hold(self, *_args: object) -> None:
        self._syncing = True

    def _on_selection_changed(self, object_id: str) -> None:
        self._follow_selection()

    def _follow_selection_if_missing(self, *_args: object) -> None:
        current = self.currentIndex()
        if self._selection.current and (
            not current.isValid() or self._model.object_id(current.row()) != self._selection.current
        ):
            self._follow_selection()

    def _follow_selection(self, *_args: object) -> None:
        row = self._model.row_of(self._selection.current)
        self._syncing = True
        try:
            sm = self.selectionModel()
            if row is None:
                sm.clear()
            else:
                index = self._model.index(row, 0)
                sm.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                self.scrollTo(index)
        finally:
            self._syncing = False


class FilterBar(QWidget):
    """Kind, status and text filters over an :class:`ObjectListModel` (objectName ``objectFilter``).

    Signals:
        countChanged(int, int): (rows shown, objects in all).
    """

    countChanged = Signal(int, int)

    def __init__(self, model: ObjectListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("objectFilter")
        self._model = model
        self.kind_box = QComboBox(self)
        self.kind_box.setObjectName("kindFilter")
        self.kind_box.addItem("", "")
        for kind in KINDS:
            self.kind_box.addItem(kind_icon(kind), kind, kind)
        self.status_box = QComboBox(self)
        self.status_box.setObjectName("statusFilter")
        self.status_box.addItem("", "")
        for status in known_statuses():
            self.status_box.addItem(status_icon(status), status, status)
        for box in (self.kind_box, self.status_box):  # long glosses must not widen the pane
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(8)
        self.text_edit = QLineEdit(self)
        self.text_edit.setObjectName("textFilter")
        self.text_edit.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("objectCount")
        # Text changes must not relayout the window: a fixed height and no width hint.
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.count_label.setFixedHeight(self.count_label.fontMetrics().height() + 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        row = QHBoxLayout()
        row.setSpacing(4)
        row.addWidget(self.kind_box, 1)
        row.addWidget(self.status_box, 1)
        layout.addLayout(row)
        layout.addWidget(self.text_edit)
        layout.addWidget(self.count_label)
        self.kind_box.currentIndexChanged.connect(self._apply)
        self.status_box.currentIndexChanged.connect(self._apply)
        self.text_edit.textChanged.connect(self._apply)
        model.modelReset.connect(self._update_count)
        model.rowsInserted.connect(self._update_count)
        model.rowsRemoved.connect(self._update_count)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language (the Stripe status names stay)."""
        self.kind_box.setAccessibleName(self.tr("Kind"))
        self.kind_box.setItemText(0, self.tr("All kinds"))
        names = {
            "source": self.tr("Sources"),
            "token": self.tr("Tokens"),
            "customer": self.tr("Customers"),
            "charge": self.tr("Charges"),
            "card": self.tr("Cards"),
            "refund": self.tr("Refunds"),
        }
        for row in range(1, self.kind_box.count()):
            kind = str(self.kind_box.itemData(row))
            self.kind_box.setItemText(row, names.get(kind, kind))
        self.status_box.setAccessibleName(self.tr("Status"))
        self.status_box.setItemText(0, self.tr("Any status"))
        for row in range(1, self.status_box.count()):
            status = str(self.status_box.itemData(row))
            self.status_box.setItemText(row, with_gloss(status))
            self.status_box.setItemData(row, style_for(status).gloss, Qt.ItemDataRole.ToolTipRole)
        self.text_edit.setPlaceholderText(self.tr("Filter by id, type, email…"))
        self.text_edit.setAccessibleName(self.tr("Text filter"))
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self.count_label.setFixedHeight(self.count_label.fontMetrics().height() + 2)
        super().changeEvent(event)

    def _apply(self, *_args: object) -> None:
        self._model.set_filter(
            kind=str(self.kind_box.currentData() or ""),
            status=str(self.status_box.currentData() or ""),
            text=self.text_edit.text(),
        )
        self._update_count()

    def _update_count(self, *_args: object) -> None:
        shown, total = self._model.rowCount(), self._model.total
        if shown == total:
            if total == 0:
                text = self.tr("No objects yet")
            elif total == 1:
                text = self.tr("1 object")
            else:
                text = self.tr("%n objects", "", total)
        else:
            text = self.tr("%1 of %2 objects").replace("%1", str(shown)).replace("%2", str(total))
        self.count_label.setText(text)
        self.countChanged.emit(shown, total)

    def set_kind(self, kind: str) -> None:
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(kind)))

    def set_status(self, status: str) -> None:
        self.status_box.setCurrentIndex(max(0, self.status_box.findData(status)))

    def set_text(self, text: str) -> None:
        self.text_edit.setText(text)


class ObjectListPanel(QWidget):
    """The filter bar above the object list.

    Attributes:
        model: the :class:`ObjectListModel`.
        view: the :class:`ObjectListView` (objectName ``objectList``).
        filter_bar: the :class:`FilterBar`.
    """

    def __init__(
        self, host: SandboxHost, selection: Selection, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("objectListPanel")
        self.model = ObjectListModel(host, self)
        self.filter_bar = FilterBar(self.model, self)
        self.view = ObjectListView(self.model, selection, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.view, 1)
