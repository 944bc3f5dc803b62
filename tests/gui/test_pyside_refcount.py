"""PySide6 6.12.0 on CPython 3.11 drops None's refcount on every void call
(DESIGN.md, Known pitfalls); a running app then aborts with none_dealloc."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


def test_void_calls_leave_none_refcount_unchanged(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(1000):
        widget.update()
    after = sys.getrefcount(None)
    # Unrelated code may touch None a few times; the bug costs one per call.
    assert abs(after - before) < 100, f"None refcount moved by {after - before}"
