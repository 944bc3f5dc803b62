"""Qt's own words (standard dialog buttons) follow the language switch."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox

from gui.words.i18n import LanguageManager, qt_translator

Button = QDialogButtonBox.StandardButton


def _texts(box: QDialogButtonBox) -> set[str]:
    return {b.text() for b in box.buttons()}


@pytest.mark.skipif(qt_translator("ja") is None, reason="this PySide6 ships no qtbase_ja.qm")
def test_standard_buttons_are_japanese_in_japanese_and_english_again(qtbot: Any) -> None:
    box = QDialogButtonBox(Button.Save | Button.Discard | Button.Cancel)
    qtbot.addWidget(box)
    assert _texts(box) == {"Save", "Discard", "Cancel"}
    languages = LanguageManager()
    try:
        languages.set_language("ja")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"
        qtbot.waitUntil(lambda: _texts(box) == {"保存", "変更を破棄", "キャンセル"})
        # the app's own translation is still there, and wins
        assert QCoreApplication.translate("Commands", "&File") == "ファイル(&F)"
    finally:
        languages.set_language("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    qtbot.waitUntil(lambda: _texts(box) == {"Save", "Discard", "Cancel"})
