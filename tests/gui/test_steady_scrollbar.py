"""SteadyScrollBar: a range or value change repaints the bar only when its pixels change."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QScrollBar

from gui.sandbox_host import SandboxHost
from gui.widgets.appending_view import SteadyScrollBar


class _Paints(QObject):
    def __init__(self, bar: QScrollBar) -> None:
        super().__init__(bar)
        self.count = 0
        bar.installEventFilter(self)

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _shown(bar: QScrollBar, qtbot: Any) -> _Paints:
    qtbot.addWidget(bar)
    bar.resize(14, 168)
    bar.setPageStep(7)
    bar.setRange(0, 5000)
    bar.setValue(5000)
    bar.show()
    qtbot.waitExposed(bar)
    bar.repaint()
    for _ in range(3):
        QApplication.processEvents()
    return _Paints(bar)


def _settle(qtbot: Any) -> None:
    """Let a scheduled repaint arrive. On xcb an update can wait for the next frame's
    timer, past a single processEvents (under Xvfb in CI a repaint was once missed)."""
    qtbot.wait(50)


def test_a_range_change_that_leaves_the_handle_in_place_paints_nothing(qtbot: Any) -> None:
    bar = SteadyScrollBar(Qt.Orientation.Vertical)
    paints = _shown(bar, qtbot)
    bar.hold()  # a list grows at its end and follows it
    bar.setRange(0, 5002)
    bar.setValue(5002)
    bar.release()
    _settle(qtbot)
    assert paints.count == 0


def test_a_change_that_moves_the_handle_repaints(qtbot: Any) -> None:
    bar = SteadyScrollBar(Qt.Orientation.Vertical)
    paints = _shown(bar, qtbot)
    bar.setValue(0)
    _settle(qtbot)
    assert paints.count == 1
    bar.hold()
    bar.setRange(0, 20)  # a much shorter range: a longer handle
    bar.release()
    _settle(qtbot)
    assert paints.count == 2


def test_the_item_views_keep_their_scroll_bar_connections(qapp: Any) -> None:
    from PySide6.QtCore import SIGNAL
    from PySide6.QtWidgets import QTableView

    from gui.panes.event_log import EventLogView
    from gui.selection import Selection

    table = QTableView()
    plain = table.verticalScrollBar()
    expected = [
        plain.receivers(SIGNAL(s))
        for s in ("valueChanged(int)", "actionTriggered(int)", "rangeChanged(int,int)")
    ]
    from helpers.window import new_sandbox

    view = EventLogView(SandboxHost(new_sandbox()), Selection())
    bar = view.verticalScrollBar()
    assert isinstance(bar, SteadyScrollBar)
    assert [
        bar.receivers(SIGNAL(s))
        for s in ("valueChanged(int)", "actionTriggered(int)", "rangeChanged(int,int)")
    ] == expected
