"""View ▸ Language switches the whole window live, and is remembered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.window import make_window, populate
from PySide6.QtCore import QCoreApplication, QSettings, Qt

import gui.words.i18n
from gui.widgets.status_style import gloss_word, with_gloss

# A small Japanese translation (the real one is being written): a few strings of each
# context the test looks at. Contexts must match what the code translates with.
TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
{contexts}
</TS>
"""
STRINGS = {
    "Commands": {
        "&File": "ファイル(&F)",
        "&View": "表示(&V)",
        "Le&sson": "レッスン(&S)",
        "&Language": "言語(&L)",
        "&Next Step": "次のステップ(&N)",
        "&Presenter Mode": "プレゼンターモード(&P)",
        "Charge…": "請求…",
    },
    "FilterBar": {"All kinds": "すべての種類", "Any status": "すべての状態"},
    "DetailPane": {"Properties": "プロパティ", "Events": "イベント"},
    "EventLog": {"What happened": "出来事", "Object": "オブジェクト"},
    "ActionBar": {"Try anyway": "とにかく試す"},
    "MainWindow": {
        "Sources are a legacy API": "Sources はレガシー API です",
        "Lessons": "レッスン",
    },
    "LessonPlayer": {"Next": "次へ"},
    "StatusWord": {"chargeable": "請求可能", "reusable": "再利用可能"},
}


def _ts() -> str:
    contexts = []
    for context, messages in STRINGS.items():
        body = "".join(
            f"<message><source>{_xml(s)}</source><translation>{_xml(t)}</translation></message>"
            for s, t in messages.items()
        )
        contexts.append(f"<context><name>{context}</name>{body}</context>")
    return TS.format(contexts="\n".join(contexts))


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


@pytest.fixture
def japanese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "translations"
    folder.mkdir()
    (folder / "chargeable_ja.ts").write_text(_ts(), encoding="utf-8")
    monkeypatch.setattr(gui.words.i18n, "TRANSLATIONS", folder)
    yield folder


def _texts(window: Any) -> dict[str, str]:
    header = window.event_log.model().headerData(1, Qt.Orientation.Horizontal)
    return {
        "file menu": window.menus["file"].title(),
        "view menu": window.menus["view"].title(),
        "lesson menu": window.menus["lesson"].title(),
        "next": window.commands.action("lesson_next").text(),
        "charge button": window.commands.action("charge").iconText(),
        "kind filter": window.object_panel.filter_bar.kind_box.itemText(0),
        "detail tab": window.detail_pane.tabs.tabText(0),
        "log header": str(header),
        "try anyway": window.action_bar.try_anyway_box.text(),
        "notice": window.notice.title.text(),
        "dock": window.lesson_dock.windowTitle(),
        "player next": window.lesson_player.buttons["next"].text(),
    }


def test_switching_to_japanese_and_back_updates_visible_texts_live(
    qtbot: Any, tmp_path: Path, japanese: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    populate(window.sandbox)
    window.show_lessons(True)
    english = _texts(window)
    assert english["file menu"] == "&File" and english["kind filter"] == "All kinds"
    with qtbot.waitSignal(window.languages.languageChanged):
        window.commands.action("lang_ja").trigger()
    # Qt posts LanguageChange to every widget: wait for the event loop to deliver it
    qtbot.waitUntil(lambda: _texts(window)["kind filter"] != english["kind filter"])
    japanese_texts = _texts(window)
    assert japanese_texts == {
        "file menu": "ファイル(&F)",
        "view menu": "表示(&V)",
        "lesson menu": "レッスン(&S)",
        "next": "次のステップ(&N)",
        "charge button": "請求…",
        "kind filter": "すべての種類",
        "detail tab": "プロパティ",
        "log header": "出来事",
        "try anyway": "とにかく試す",
        "notice": "Sources はレガシー API です",
        "dock": "レッスン",
        "player next": "次のステップ",  # the panel's buttons are the window's commands
    }
    assert window.commands.action("lang_ja").isChecked()
    assert window.lesson_player.language == "ja"
    assert window.settings.value("ui/language") == "ja"
    assert gui.words.i18n.ensure_cjk_font()  # the bundled font is registered for Japanese
    # Stripe's words stay, with a translated gloss
    assert gloss_word("chargeable") == "請求可能"
    assert with_gloss("chargeable") == "chargeable (請求可能)"
    with qtbot.waitSignal(window.languages.languageChanged):
        window.commands.action("lang_en").trigger()
    qtbot.waitUntil(lambda: _texts(window) == english)
    assert gloss_word("chargeable") == ""  # English needs no gloss
    assert with_gloss("chargeable") == "chargeable"


def test_the_language_is_restored_at_start(qtbot: Any, tmp_path: Path, japanese: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/language", "ja")
    settings.sync()
    window = make_window(qtbot, tmp_path)
    try:
        assert window.languages.language == "ja"
        qtbot.waitUntil(lambda: window.menus["file"].title() == "ファイル(&F)")
        assert window.commands.action("lang_ja").isChecked()
    finally:
        window.set_language("en")
    assert QCoreApplication.translate("Commands", "&File") == "&File"


def test_english_start_loads_no_translator_and_no_cjk_font(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(gui.words.i18n, "compiled_qm", lambda *a, **k: calls.append("qm"))
    monkeypatch.setattr(gui.words.i18n, "ensure_cjk_font", lambda: calls.append("font") or [])
    window = make_window(qtbot, tmp_path)
    assert window.languages.language == "en" and calls == []
    assert window.lesson_player is None  # the lesson panel is built when first shown


def test_a_missing_translation_keeps_english_and_says_why(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gui.words.i18n, "TRANSLATIONS", tmp_path / "nowhere")
    window = make_window(qtbot, tmp_path)
    assert not window.set_language("ja")
    assert window.languages.language == "en"
    assert window.commands.action("lang_en").isChecked()
    assert "chargeable_ja.ts" in window.statusBar().currentMessage()
