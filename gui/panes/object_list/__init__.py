"""The object list: a Qt list model over the sandbox, its delegate, its view and filter bar.

Modules:
    model: ``ObjectListModel``, the ``QAbstractListModel`` adapter over a ``Sandbox``
        (one summary per object, filtered in Python).
    delegate: ``ObjectDelegate``, how a row is painted.
    view: ``ObjectListView`` (objectName ``objectList``), ``FilterBar``
        (``objectFilter``) and ``ObjectListPanel``, the filter bar above the view.
"""

from gui.panes.object_list.delegate import ObjectDelegate
from gui.panes.object_list.model import KINDS, ObjectListModel, Summary, summarize
from gui.panes.object_list.view import FilterBar, ObjectListPanel, ObjectListView

__all__ = [
    "KINDS",
    "FilterBar",
    "ObjectDelegate",
    "ObjectListModel",
    "ObjectListPanel",
    "ObjectListView",
    "Summary",
    "summarize",
]
