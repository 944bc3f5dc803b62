"""The Lessons panel fits a 1280×800 screen in every language; narration is Markdown.

Stepping through lesson 01 with the panel open once made the window 1310 px
wide (a request line's long token set the panel's minimum width) and it never
shrank back. These tests step through every step, in English and Japanese, and
measure the window, its minimum size and where the panel's parts end.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers.window import make_window
from PySide6.QtWidgets import QApplication, QWidget

SCREEN_W, SCREEN_H = 1280, 800

pytestmark = pytest.mark.gui


def _right_edge(widget: QWidget, window: QWidget) -> int:
    return widget.mapTo(window, widget.rect().topRight()).x()


def _play_every_step(window: Any, lesson_index: int) -> list[tuple[int, int, int]]:
    player = window.lesson_player
    player.chooser.setCurrentIndex(lesson_index)
    sizes = []
    for _ in player.lesson.steps:
        window.commands.action("lesson_next").trigger()
        QApplication.processEvents()
        sizes.append((window.width(), window.minimumSizeHint().width(), window.height()))
    return sizes


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_lesson_panel_never_widens_the_window_beyond_1280(
    qtbot: Any, tmp_path: Path, language: str
) -> None:
    window = make_window(qtbot, tmp_path)
    window.resize(SCREEN_W, SCREEN_H)
    if language == "ja":
        assert window.set_language("ja")
    window.commands.action("show_lessons").trigger()
    QApplication.processEvents()
    player = window.lesson_player
    assert player.language == language
    sizes = _play_every_step(window, 0)  # lesson 01: a token charged twice
    assert player.run.at_end
    widths = [w for w, _, _ in sizes]
    minimums = [m for _, m, _ in sizes]
    heights = [h for _, _, h in sizes]
    assert max(widths) == SCREEN_W, sizes
    assert max(minimums) <= SCREEN_W, sizes
    assert max(heights) == SCREEN_H, sizes
    # what a panel too wide for the screen would cut off: the narration, the speed slider,
    # the dock's close button
    for part in (player.page.narration, player.speed, player.page.summary, window.lesson_dock):
        assert part.isVisible()
        assert _right_edge(part, window) < SCREEN_W, part.objectName()
    assert player.page.narration.width() >= 150  # wrapped in the panel, not squeezed to nothing


def test_no_built_in_lesson_widens_the_window(qtbot: Any, tmp_path: Path) -> None:
    """Lesson 10's receiver source has the most action buttons: they wrap instead."""
    window = make_window(qtbot, tmp_path)
    window.resize(SCREEN_W, SCREEN_H)
    window.show_lessons(True)
    for index in range(window.lesson_player.chooser.count()):
        sizes = _play_every_step(window, index)
        assert max(w for w, _, _ in sizes) == SCREEN_W, (index, sizes)
        assert max(m for _, m, _ in sizes) <= SCREEN_W, (index, sizes)


def test_narration_renders_markdown_code_spans(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    window.show_lessons(True)
    window.commands.action("lesson_next").trigger()
    narration = window.lesson_player.page.narration
    shown = narration.text()
    source = window.lesson_player.run.results[-1].step.narration.en
    assert "`used`" in source
    assert "`" not in shown and "its used field starts at false" in shown
    # the code span is drawn in a fixed-pitch font, the words around it are not
    document = narration.document()
    at = shown.index("used field")
    cursor = narration.textCursor()
    cursor.setPosition(at + 1)
    code = cursor.charFormat()
    cursor.setPosition(shown.index("starts") + 1)
    words = cursor.charFormat()
    assert code.fontFixedPitch() or "monospace" in (code.fontFamilies() or [""])[0].lower()
    assert not words.fontFixedPitch()
    assert document.toPlainText() == shown


def test_the_end_of_a_lesson_sums_up_and_offers_the_next_lesson(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    window.show_lessons(True)
    player = window.lesson_player
    assert player.page.summary.isHidden()
    steps = len(player.lesson.steps)
    for _ in range(steps):
        window.commands.action("lesson_next").trigger()
    assert player.page.summary.isVisible()
    summary = player.page.summary_text.text()
    assert f"Lesson complete: {steps} of {steps} steps as the lesson expects." in summary
    assert "POST /v1/charges → 400 token_already_used" in summary  # §6.3: the refusal
    first = player.lesson
    assert player.page.next_lesson_button.isVisible()
    assert player.page.next_lesson_button.toolTip() == player.lessons[1].title.en
    player.page.next_lesson_button.click()
    assert player.lesson is player.lessons[1] and player.lesson is not first
    assert player.page.summary.isHidden()
    assert player.page.title.text() == player.lessons[1].title.en
    # the last lesson has no next one
    player.chooser.setCurrentIndex(len(player.lessons) - 1)
    for _ in player.lesson.steps:
        window.commands.action("lesson_next").trigger()
    assert player.page.summary.isVisible()
    assert not player.page.next_lesson_button.isVisible()
