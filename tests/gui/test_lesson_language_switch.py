"""A language switch mid-lesson re-renders the panel and the log; it never re-sends a request."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers.window import make_window
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.gui


def _rows(window: Any) -> list[str]:
    model = window.event_log.model()
    return [str(model.data(model.index(row, 1))) for row in range(model.rowCount())]


def test_switching_language_mid_lesson_sends_nothing_and_re_renders(
    qtbot: Any, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    window.show_lessons(True)
    player = window.lesson_player
    for _ in range(3):  # lesson 01, step 3: the refused second charge (§6.3)
        window.commands.action("lesson_next").trigger()
    window.commands.action("lesson_previous").trigger()  # a rebuild row in the log
    window.commands.action("lesson_next").trigger()
    sandbox = window.sandbox
    changes: list[Any] = []
    sandbox.subscribe(changes.append)
    sent: list[Any] = []
    original = sandbox.request

    def spy(*args: Any, **kwargs: Any) -> Any:
        sent.append(args)
        return original(*args, **kwargs)

    sandbox.request = spy
    log_before, position = len(sandbox.log), player.position
    rows_before = _rows(window)
    errors_before = sum(1 for r in rows_before if "error 400" in r)
    assert errors_before == 2 and "Rebuilt from the action log" in rows_before
    try:
        with qtbot.waitSignal(window.languages.languageChanged):
            window.commands.action("lang_ja").trigger()
        # Qt posts LanguageChange to every widget: wait until the log has had its turn
        qtbot.waitUntil(lambda: "Rebuilt from the action log" not in _rows(window))
        for _ in range(5):
            QApplication.processEvents()
        rows_after = _rows(window)
        assert sent == [] and changes == []  # nothing sent, nothing changed
        assert len(sandbox.log) == log_before and player.position == position
        assert window.sandbox is sandbox
        assert len(rows_after) == len(rows_before)
        assert sum(1 for r in rows_after if "エラー 400" in r) == errors_before
        rebuilt = QCoreApplication.translate("EventLog", "Rebuilt from the action log")
        assert rebuilt != "Rebuilt from the action log"  # the Japanese is installed
        assert rebuilt in rows_after and "Rebuilt from the action log" not in rows_after
        # the panel shows the same step, now in Japanese
        step = player.run.results[-1].step
        assert player.page.narration.text().startswith(step.narration.ja[:10])
        assert player.page.title.text() == player.lesson.title.ja
    finally:
        sandbox.request = original
        sandbox.unsubscribe(changes.append)
        window.set_language("en")
    qtbot.waitUntil(lambda: "Rebuilt from the action log" in _rows(window))  # and back
