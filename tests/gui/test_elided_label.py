"""ElidedLabel: at most N whole lines, the last one ellipsised, the full text kept."""

from __future__ import annotations

from typing import Any

import pytest

from gui.widgets.elided_label import ElidedLabel

pytestmark = pytest.mark.gui

LONG = "; ".join(f"Action {n}: blocked because reason number {n} applies here" for n in range(12))


@pytest.fixture
def label(qtbot: Any) -> ElidedLabel:
    widget = ElidedLabel(2)
    qtbot.addWidget(widget)
    widget.resize(240, widget.height())
    widget.show()
    return widget


def _lines(widget: ElidedLabel) -> list[str]:
    return widget.text().split("\n")


def test_a_long_text_shows_two_lines_ending_in_an_ellipsis(label: ElidedLabel) -> None:
    label.set_full_text(LONG)
    lines = _lines(label)
    assert len(lines) == 2
    assert lines[-1].endswith("…")
    assert label.full_text() == LONG
    width = label.contentsRect().width()
    assert all(label.fontMetrics().horizontalAdvance(line) <= width for line in lines)
    assert LONG.startswith(lines[0])  # the first line is the text's own start


def test_a_short_text_is_shown_whole(label: ElidedLabel) -> None:
    label.set_full_text("Detach: not attached")
    assert label.text() == "Detach: not attached"


def test_a_wider_label_shows_more_and_then_everything(label: ElidedLabel) -> None:
    label.set_full_text(LONG)
    narrow = len(label.text())
    label.resize(600, label.height())
    assert len(label.text()) > narrow
    label.resize(label.fontMetrics().horizontalAdvance(LONG) + 50, label.height())
    assert label.text() == LONG


def test_the_height_holds_exactly_the_lines(label: ElidedLabel) -> None:
    spacing = label.fontMetrics().lineSpacing()
    assert 2 * spacing <= label.height() < 3 * spacing
    before = label.height()
    label.set_full_text(LONG)
    assert label.height() == before  # the text never moves what is below it


def test_a_citation_broken_across_its_lines_keeps_its_reference(qtbot: Any) -> None:
    widget = ElidedLabel(2, citation_links=True)
    qtbot.addWidget(widget)
    start = "Authorize: simulator-only, Stripe has no endpoint (intents"
    widget.resize(widget.fontMetrics().horizontalAdvance(start + " §") + 4, widget.height())
    widget.show()
    widget.set_full_text(f"{start} §8.6); Fail: not possible (§6.3)")
    html = widget.link_html()  # the lines as painted, each link an <a href>
    assert widget.text().count("\n") == 1
    assert html.count("<br>") == 1  # "intents" ends the first line, "§8.6" starts the next
    assert html.index("<br>") < html.index("§8.6")
    assert 'href="chargeable-ref:intents/8.6"' in html  # not the legacy reference's §8.6
    assert 'href="chargeable-ref:6.3"' in html
    widget.set_reference("intents")  # said of a PaymentIntent: a bare § is intents'
    assert 'href="chargeable-ref:intents/6.3"' in widget.link_html()
    # each piece of the broken citation is a link, and each opens intents §8.6
    assert [href for _words, href in widget.links()].count("chargeable-ref:intents/8.6") == 2


def test_a_new_text_is_painted_without_laying_out_its_neighbours(qtbot: Any) -> None:
    """The label's size never follows its text: a new text repaints it, and the
    layout it sits in (the action bar's buttons) is not asked for geometry again."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    layout = QVBoxLayout(parent)
    label = ElidedLabel(2)
    layout.addWidget(label)
    layout.addWidget(QPushButton("Charge"))
    parent.resize(300, 120)
    parent.show()
    qtbot.waitExposed(parent)

    requests: list[int] = []

    class Watch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.LayoutRequest:
                requests.append(1)
            return False

    watch = Watch()
    qtbot.wait(20)  # the first layout is done
    parent.installEventFilter(watch)
    label.set_full_text(LONG)
    QApplication.processEvents()
    parent.removeEventFilter(watch)
    assert requests == []
    assert label.text() == "\n".join(_lines(label)) and len(_lines(label)) == 2
    assert label.accessibleName() == label.text()  # what a screen reader reads
    # and the lines are painted: dark text pixels on the label's grab
    image = label.grab().toImage()
    ink = QColor(label.palette().color(label.foregroundRole())).lightness()
    dark = sum(
        1
        for x in range(0, image.width(), 2)
        for y in range(image.height())
        if abs(image.pixelColor(x, y).lightness() - ink) < 40
    )
    assert dark > 50
