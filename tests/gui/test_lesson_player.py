"""The lesson player: forward, back (log-prefix replay), restart, autoplay, language, host."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from core.api import Sandbox
from core.lessons.loader import find_lesson, parse_lesson
from gui.panes.lesson_player import LessonPlayer
from gui.sandbox_host import SandboxHost


@pytest.fixture
def host() -> SandboxHost:
    return SandboxHost(Sandbox(seed=99, check_keys=False))


@pytest.fixture
def player(qtbot: QtBot, host: SandboxHost) -> LessonPlayer:
    lessons = [find_lesson("token-charged-twice"), find_lesson("single-use-source-consumed")]
    widget = LessonPlayer(host, lessons=lessons)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_panel_shows_the_lesson_before_touching_the_sandbox(
    player: LessonPlayer, host: SandboxHost
) -> None:
    before = host.sandbox
    assert player.objectName() == "lessonPlayer"
    assert player.page.title.text() == "A token can be used only once"
    assert player.chooser.count() == 2
    assert "Next" in player.page.narration.text()
    assert not player.previous_action.isEnabled()
    assert host.sandbox is before  # choosing a lesson does not replace the window's sandbox


def test_next_plays_a_step_in_a_fresh_sandbox_and_selects_its_object(
    qtbot: QtBot, player: LessonPlayer, host: SandboxHost
) -> None:
    old = host.sandbox
    with (
        qtbot.waitSignal(host.replaced) as changed,
        qtbot.waitSignal(player.objectTouched) as touched,
    ):
        player.next()
    sandbox = changed.args[0]
    assert sandbox is not old and host.sandbox is sandbox
    assert sandbox.seed == player.lesson.seed
    token_id = player.run.bindings["token"]
    assert touched.args == [token_id]
    assert sandbox.kind_of(token_id) == "token"
    assert player.page.progress.text() == "Step 1 of 5"
    assert player.page.narration.text().startswith("Create a card token")
    assert player.page.verdict.text().startswith("✓")
    assert "POST /v1/tokens" in player.page.request.text()
    assert player.previous_action.isEnabled()


def test_narration_uses_a_large_font(player: LessonPlayer) -> None:
    assert player.page.narration.font().pointSizeF() >= 1.5 * player.font().pointSizeF()


def test_previous_replays_the_log_prefix_of_the_same_sandbox(
    qtbot: QtBot, player: LessonPlayer, host: SandboxHost
) -> None:
    player.next()
    sandbox = host.sandbox
    after_one = sandbox.state_snapshot()
    player.next()
    player.next()
    assert len(sandbox.log) == 2  # the third step was refused: nothing logged
    with qtbot.assertNotEmitted(host.replaced):
        with qtbot.waitSignal(player.stepShown) as shown:
            assert player.previous()
        assert shown.args == [2]
        assert player.previous()
    assert host.sandbox is sandbox
    assert player.position == 1
    assert sandbox.state_snapshot() == after_one
    assert player.page.progress.text() == "Step 1 of 5"
    with qtbot.waitSignal(player.objectTouched) as touched:
        assert player.previous()
    assert touched.args == [""]
    assert not player.previous()
    assert sandbox.object_ids() == []


def test_restart_goes_back_to_the_start(
    qtbot: QtBot, player: LessonPlayer, host: SandboxHost
) -> None:
    for _ in range(3):
        player.next()
    sandbox = host.sandbox
    with qtbot.waitSignal(player.stepShown) as shown:
        player.restart()
    assert shown.args == [0]
    assert host.sandbox is sandbox and sandbox.object_ids() == []
    assert player.position == 0
    assert "Next" in player.page.narration.text()


def test_the_last_step_emits_finished_and_disables_next(qtbot: QtBot, player: LessonPlayer) -> None:
    with qtbot.waitSignal(player.finished) as done:
        for _ in range(5):
            player.next()
    assert done.args == [True]
    assert not player.next_action.isEnabled()
    assert player.next() is None


def test_autoplay_plays_to_the_end_and_stops_its_timer(qtbot: QtBot, player: LessonPlayer) -> None:
    player.set_autoplay_interval(5)
    with qtbot.waitSignal(player.autoplayChanged) as started:
        player.autoplay_action.trigger()
    assert started.args == [True]
    assert player.timer.isActive() and player.autoplay_action.isChecked()
    with qtbot.waitSignal(player.finished, timeout=5000) as done:
        pass
    assert done.args == [True]
    assert player.position == 5
    assert not player.timer.isActive()
    assert not player.autoplay_action.isChecked()


def test_previous_stops_autoplay(qtbot: QtBot, player: LessonPlayer) -> None:
    player.set_autoplay_interval(5)
    player.set_autoplay(True)
    with qtbot.waitSignal(player.stepShown, timeout=5000):
        pass
    with qtbot.waitSignal(player.autoplayChanged) as stopped:
        player.previous()
    assert stopped.args == [False]
    assert not player.timer.isActive()


def test_the_speed_slider_sets_the_autoplay_interval(player: LessonPlayer) -> None:
    player.speed.setValue(3)
    assert player.timer.interval() == 3000
    assert player.speed_label.text() == "3 s per step"


def test_hiding_the_panel_stops_autoplay(player: LessonPlayer) -> None:
    player.set_autoplay(True)
    player.hide()
    assert not player.timer.isActive()


def test_set_language_switches_narration_and_titles(player: LessonPlayer) -> None:
    player.next()
    player.set_language("ja")
    assert player.page.title.text() == "トークンは一度しか使えない"
    assert player.chooser.itemText(0) == "トークンは一度しか使えない"
    assert player.page.narration.text().startswith("テスト用 Visa")
    player.set_language("en")
    assert player.page.narration.text().startswith("Create a card token")


def test_a_replaced_window_sandbox_interrupts_the_lesson(
    qtbot: QtBot, player: LessonPlayer, host: SandboxHost
) -> None:
    player.next()
    player.set_autoplay(True)
    other = Sandbox(seed=1, check_keys=False)
    host.set_sandbox(other)  # File > New in the window
    assert not player.timer.isActive()
    assert "Restart" in player.page.narration.text()
    assert other.object_ids() == []  # the player leaves the new sandbox alone
    with qtbot.waitSignal(host.replaced) as changed:
        player.restart()
    assert changed.args[0] is not other and player.position == 0
    player.next()
    assert player.position == 1


def test_choosing_another_lesson(qtbot: QtBot, player: LessonPlayer) -> None:
    player.next()
    with qtbot.waitSignal(player.lessonChanged) as changed:
        player.chooser.setCurrentIndex(1)
    assert changed.args == ["04-single-use-source-consumed"]
    assert player.run is None and player.position == 0
    with qtbot.waitSignal(player.objectTouched) as touched:
        player.next()
    assert touched.args[0].startswith("src_")


def test_a_failing_expectation_is_shown(qtbot: QtBot, host: SandboxHost) -> None:
    data = json.loads(find_lesson("01").model_dump_json())
    data["steps"][0]["expect"]["objects"]["{token}"]["used"] = True  # wrong on purpose
    wrong = parse_lesson(data, "wrong")
    widget = LessonPlayer(host, lessons=[wrong])
    qtbot.addWidget(widget)
    widget.next()
    assert widget.page.verdict.text().startswith("✗")
    assert "used = false (expected true)" in widget.page.verdict.text()
    with qtbot.waitSignal(widget.finished) as done:
        for _ in range(len(wrong.steps) - 1):
            widget.next()
    assert done.args == [False]


def test_a_bad_lesson_file_is_reported_in_the_panel(tmp_path: Path, player: LessonPlayer) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"title": {"en": "x"}}', encoding="utf-8")
    assert not player.open_file(bad)
    assert "bad.json is not a valid lesson" in player.page.narration.text()
    good = tmp_path / "good.json"
    good.write_text(find_lesson("04").model_dump_json(exclude={"name"}), encoding="utf-8")
    assert player.open_file(good)
    assert player.lesson is not None and player.lesson.name == "good"
    assert player.chooser.currentIndex() == 2
