"""The detail pane's subtitle holds two whole lines in the language shown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers.window import make_window, populate, select
from PySide6.QtGui import QTextLayout, QTextOption

pytestmark = pytest.mark.gui


def _tallest_line(label: Any) -> float:
    """The tallest line of the label's text laid out at its width."""
    layout = QTextLayout(label.text(), label.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    heights: list[float] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(label.contentsRect().width())
        heights.append(line.height())
    layout.endLayout()
    return max(heights)


def test_a_japanese_subtitle_of_two_lines_is_not_cut_off(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    ids = populate(window.sandbox)
    window.resize(1280, 800)
    english_height = window.detail_pane.subheader.height()
    try:
        assert window.set_language("ja")
        select(window, ids["ideal_source"])
        label = window.detail_pane.subheader
        assert any("\u3040" <= ch <= "\u9fff" for ch in label.text()), label.text()
        qtbot.waitUntil(lambda: label.contentsRect().width() > 0)
        tallest = _tallest_line(label)
        if tallest <= label.fontMetrics().lineSpacing():
            pytest.skip("no fallback font with taller lines than the UI font's here")
        # the label keeps room for two such lines (a longer subtitle wraps to two),
        # once its LanguageChange (posted) has come and the layout has placed it
        qtbot.waitUntil(lambda: label.contentsRect().height() >= 2 * tallest, timeout=1000)
    finally:
        window.set_language("en")
    # back in English, the subtitle is as tall as it was
    qtbot.waitUntil(lambda: window.detail_pane.subheader.height() == english_height, timeout=1000)
