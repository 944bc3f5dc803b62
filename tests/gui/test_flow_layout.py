"""FlowLayout: wraps at its width, and the sizes it keeps between layout passes
follow a button's new text, a hidden button and a reorder."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QToolButton, QWidget

from gui.widgets.flow_layout import FlowLayout


def _row(qtbot: Any, words: list[str]) -> tuple[QWidget, FlowLayout, list[QToolButton]]:
    host = QWidget()
    layout = FlowLayout(host, spacing=4)
    buttons = []
    for word in words:
        button = QToolButton(host)
        button.setText(word)
        layout.addWidget(button)
        buttons.append(button)
    qtbot.addWidget(host)
    return host, layout, buttons


def _lines(layout: FlowLayout, buttons: list[QToolButton]) -> int:
    return len({b.geometry().y() for b in buttons if not b.isHidden()})


def test_wraps_when_narrow_and_keeps_one_line_when_wide(qtbot: Any) -> None:
    host, layout, buttons = _row(qtbot, ["Charge", "Attach", "Detach", "Refund"])
    one_line = layout.heightForWidth(2000)
    assert layout.heightForWidth(buttons[0].sizeHint().width() + 2) > 2 * one_line
    host.resize(2000, one_line)
    host.show()
    QApplication.processEvents()
    assert _lines(layout, buttons) == 1


def test_a_longer_text_is_measured_again(qtbot: Any) -> None:
    host, layout, buttons = _row(qtbot, ["A", "B", "C"])
    width = sum(b.sizeHint().width() for b in buttons) + 20
    one_line = layout.heightForWidth(width)
    assert layout.heightForWidth(width) == one_line  # asked again: the same answer
    buttons[1].setText("A much longer word than the width leaves room for")
    assert layout.heightForWidth(width) > one_line
    host.resize(width, layout.heightForWidth(width))
    host.show()
    QApplication.processEvents()
    assert _lines(layout, buttons) > 1
    placed = buttons[1].geometry()
    assert placed.width() == buttons[1].sizeHint().width()


def test_hidden_and_reordered_buttons_are_placed_anew(qtbot: Any) -> None:
    host, layout, buttons = _row(qtbot, ["First", "Second", "Third"])
    narrow = max(b.sizeHint().width() for b in buttons) + 8
    three_lines = layout.heightForWidth(narrow)
    buttons[2].hide()
    assert layout.heightForWidth(narrow) < three_lines
    buttons[2].show()
    assert layout.heightForWidth(narrow) == three_lines
    layout.removeWidget(buttons[2])
    layout.insertWidget(0, buttons[2])
    host.resize(2000, layout.heightForWidth(2000))
    host.show()
    QApplication.processEvents()
    xs = [b.geometry().x() for b in (buttons[2], buttons[0], buttons[1])]
    assert xs == sorted(xs) and xs[0] == 0
