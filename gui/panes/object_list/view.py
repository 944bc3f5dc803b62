"""The object list's view (objectName ``objectList``), its filter bar and the panel."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gui.panes.object_list.delegate import ObjectDelegate
from gui.panes.object_list.model import KINDS, ObjectListModel
from gui.sandbox_host import SandboxHost
from gui.selection import Selection
from gui.widgets.appending_view import AppendingTableView
from gui.widgets.status_style import (
    kind_icon,
    known_statuses,
    status_icon,
    style_for,
    with_gloss,
)


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
            "payment_method": self.tr("PaymentMethods"),
            "payment_intent": self.tr("PaymentIntents"),
            "setup_intent": self.tr("SetupIntents"),
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
        elif event.type() == QEvent.Type.PaletteChange:
            # the markers' colours follow the theme (high contrast lightens them)
            for row in range(1, self.status_box.count()):
                self.status_box.setItemIcon(row, status_icon(str(self.status_box.itemData(row))))
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
