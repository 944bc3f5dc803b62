"""The classroom side of the window: lesson dock, presenter mode, zoom, high contrast."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.window import CARD, make_window, ok, populate
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from core import session
from gui.theme import apply_high_contrast, is_high_contrast
from gui.zoom import MAX_ZOOM, MIN_ZOOM, set_application_zoom


@pytest.fixture(autouse=True)
def _plain_application() -> Iterator[None]:
    """Zoom and theme are application-wide: every test ends at 1.0 and normal colours."""
    yield
    set_application_zoom(1.0)
    apply_high_contrast(False)


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Any:
    return make_window(qtbot, tmp_path)


def _point(widget: QWidget) -> float:
    return widget.font().pointSizeF()


# ------------------------------------------------------------------ lessons


def test_the_lesson_panel_is_built_only_when_asked(window: Any) -> None:
    assert window.lesson_player is None and window.lesson_dock is None
    window.commands.action("show_lessons").trigger()
    assert window.lesson_dock is not None and window.lesson_dock.isVisible()
    assert window.findChild(QWidget, "lessonPlayer").isVisible()
    window.commands.action("show_lessons").trigger()
    assert not window.lesson_dock.isVisible()
    assert not window.commands.action("show_lessons").isChecked()


def test_next_plays_in_the_window_selects_and_file_save_saves_it(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    before = window.sandbox
    player = window.lesson_panel()
    with qtbot.waitSignal(player.stepShown):
        window.commands.action("lesson_next").trigger()
    assert window.sandbox is not before  # a fresh sandbox for the lesson...
    assert window.session.sandbox is window.sandbox is player.run.sandbox  # ...saved by File
    assert window.object_panel.model.shown_ids()  # the panes show it
    touched = player.run.results[-1].touched
    assert touched and window.selection.current == touched
    assert window.graph.object_id() == touched
    window.commands.action("lesson_next").trigger()
    target = tmp_path / "lesson.chargeable.json"
    assert window.session.save_as(target)
    loaded = session.load(target)
    assert loaded.object_ids() == window.sandbox.object_ids()


def test_previous_and_restart_through_the_commands(qtbot: Any, window: Any) -> None:
    player = window.lesson_panel()
    next_, previous = (
        window.commands.action("lesson_next"),
        window.commands.action("lesson_previous"),
    )
    assert not previous.isEnabled()
    next_.trigger()
    next_.trigger()
    sandbox = window.sandbox
    assert player.position == 2 and previous.isEnabled()
    with qtbot.waitSignal(player.stepShown) as shown:
        previous.trigger()
    assert shown.args == [1]
    assert window.sandbox is sandbox  # stepped back in place
    window.commands.action("lesson_restart").trigger()
    assert player.position == 0 and window.sandbox is sandbox
    assert not previous.isEnabled()


def test_the_panel_buttons_are_the_window_commands(window: Any) -> None:
    player = window.lesson_panel()
    for name in ("next", "previous", "restart", "autoplay"):
        assert player.buttons[name].defaultAction() is window.commands.action(f"lesson_{name}")


def test_autoplay_command_plays_and_stops(qtbot: Any, window: Any) -> None:
    player = window.lesson_panel()
    player.set_autoplay_interval(1)
    with qtbot.waitSignal(player.finished, timeout=5000):
        window.commands.action("lesson_autoplay").setChecked(True)
    assert not player.timer.isActive()
    assert not window.commands.action("lesson_autoplay").isChecked()


def test_starting_a_lesson_offers_to_save_unsaved_work(window: Any) -> None:
    ok(window.sandbox, "POST", "/v1/sources", CARD)
    assert window.session.dirty
    asked: list[str] = []
    window.session._prompter.ask_save_changes = lambda name: asked.append(name) or "cancel"
    before = window.sandbox
    window.commands.action("lesson_next").trigger()
    assert asked and window.sandbox is before  # cancelled: the user's work stays
    window.session._prompter.ask_save_changes = lambda name: "discard"
    window.commands.action("lesson_next").trigger()
    assert window.sandbox is not before


def test_opening_a_session_interrupts_the_lesson(window: Any) -> None:
    player = window.lesson_panel()
    window.commands.action("lesson_next").trigger()
    window.commands.action("file_new").trigger()
    assert player.page.progress.text() == "Lesson interrupted"
    assert window.host.sandbox is window.sandbox


# ------------------------------------------------------------------ presenter


def _layout(window: Any) -> dict[str, Any]:
    return {
        "geometry": window.geometry(),
        "state": window.windowState(),
        "top": window.top_splitter.sizes(),
        "main": window.main_splitter.sizes(),
        "visible": {
            name: window.findChild(QWidget, name).isVisible()
            for name in ("objectList", "detailPane", "eventLog", "stateGraph", "actionBar")
        },
        "menu": window.menuBar().isVisible(),
        "dock": window.lesson_dock.isVisible() if window.lesson_dock else False,
    }


def test_presenter_mode_hides_secondary_panes_and_restores_the_layout(
    qtbot: Any, window: Any
) -> None:
    window.top_splitter.setSizes([250, 700, 330])
    before = _layout(window)
    narration_before = None
    window.commands.action("presenter").trigger()
    assert window.presenting and window.isFullScreen()
    player = window.lesson_player
    narration_before = player.page.narration.font().pointSizeF()
    # graph first: its edges are the actions (click, or Tab and Enter), so the bar goes too
    for name in ("objectList", "detailPane", "eventLog", "actionBar"):
        assert not window.findChild(QWidget, name).isVisible(), name
    for name in ("stateGraph", "lessonNarration"):
        assert window.findChild(QWidget, name).isVisible(), name
    # the narration is a band under the graph, which keeps the screen's width
    assert window.dockWidgetArea(window.lesson_dock) == Qt.DockWidgetArea.BottomDockWidgetArea

    def graph_first() -> bool:
        graph_bottom = window.graph.mapTo(window, window.graph.rect().bottomLeft()).y()
        return (
            window.lesson_dock.geometry().top() >= graph_bottom - 2
            and window.graph.width() >= window.width() * 0.9
            and window.graph.height() > window.lesson_dock.height()
        )

    qtbot.waitUntil(graph_first)
    assert not window.menuBar().isVisible()
    assert window.graph.hasFocus()
    with qtbot.waitSignal(window.presenter.toggled) as left:
        qtbot.keyClick(window.graph, Qt.Key.Key_Escape)
    assert left.args == [False]
    assert not window.presenting and not window.isFullScreen()
    qtbot.waitUntil(lambda: _layout(window) == before)
    assert player.page.narration.font().pointSizeF() < narration_before


def test_presenter_keys_step_the_lesson_with_focus_on_the_graph(qtbot: Any, window: Any) -> None:
    window.set_presenter_mode(True)
    player = window.lesson_player
    keys = [
        (Qt.Key.Key_Space, 1),
        (Qt.Key.Key_Right, 2),
        (Qt.Key.Key_PageDown, 3),
        (Qt.Key.Key_Left, 2),
        (Qt.Key.Key_PageUp, 1),
    ]
    for key, position in keys:
        window.graph.setFocus()
        with qtbot.waitSignal(player.stepShown) as shown:
            qtbot.keyClick(window.graph, key)
        assert shown.args == [position], key
    # the lesson's sandbox replaced the panes, which stay hidden while presenting
    assert not window.object_panel.isVisible() and not window.event_log.isVisible()
    qtbot.keyClick(window.graph, Qt.Key.Key_Escape)
    assert not window.presenting
    assert window.object_panel.isVisible() and window.event_log.isVisible()


def test_a_lesson_started_in_presenter_mode_keeps_every_secondary_pane_hidden(
    qtbot: Any, window: Any
) -> None:
    hidden = ("objectList", "detailPane", "eventLog", "actionBar")
    window.set_presenter_mode(True)
    player = window.lesson_player
    with qtbot.waitSignal(player.stepShown):
        window.commands.action("lesson_next").trigger()  # the lesson's sandbox: new panes
    qtbot.wait(50)  # let the new panes' layout and show events run
    for name in hidden:  # the same parts entering presenter mode hid, in the new panes
        assert not window.findChild(QWidget, name).isVisible(), name
    window.set_presenter_mode(False)
    for name in hidden:
        qtbot.waitUntil(lambda name=name: window.findChild(QWidget, name).isVisible())


def test_in_presenter_mode_the_step_and_its_narration_open_the_lesson_band(
    qtbot: Any, window: Any
) -> None:
    window.set_presenter_mode(True)
    page = window.lesson_player.page
    viewport, bar = page.viewport(), page.verticalScrollBar()

    def top_in_view(widget: QWidget) -> int:
        return widget.mapTo(viewport, widget.rect().topLeft()).y()

    for _ in range(3):  # each step, up to step 3: a narration of several lines
        with qtbot.waitSignal(window.lesson_player.stepShown):
            window.commands.action("lesson_next").trigger()
        # as far down towards the step's line as the page scrolls, once laid out
        qtbot.waitUntil(lambda: bar.value() == min(page.progress.y(), bar.maximum()))
    # the step's line and the narration's start are in view, however tall the screen
    assert 0 <= top_in_view(page.progress) and top_in_view(page.narration) < viewport.height()
    if bar.maximum() >= page.progress.y():  # a short band (1280x800): the title scrolls above
        assert abs(top_in_view(page.progress)) <= 1
        assert top_in_view(page.title) < 0
    window.set_presenter_mode(False)
    qtbot.waitUntil(lambda: page.verticalScrollBar().value() == 0)  # the title again


def test_presenter_keys_are_off_outside_presenter_mode(qtbot: Any, window: Any) -> None:
    player = window.lesson_panel()
    window.graph.setFocus()
    with qtbot.assertNotEmitted(player.stepShown):
        qtbot.keyClick(window.graph, Qt.Key.Key_Space)
        qtbot.keyClick(window.graph, Qt.Key.Key_Right)
    next_keys = window.commands.action("lesson_next").shortcuts()
    assert [k.toString() for k in next_keys] == ["Alt+Right"]


def test_shortcuts_stay_unique_in_presenter_mode(window: Any) -> None:
    window.set_presenter_mode(True)
    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            if key:
                assert key not in seen, f"{key}: {seen[key]!r} and {action.text()!r}"
                seen[key] = action.text()
    assert {"Space", "Right", "PgDown", "Left", "PgUp", "Esc", "F5"} <= set(seen)
    window.set_presenter_mode(False)


# ------------------------------------------------------------------ zoom


def test_zoom_scales_every_pane_together_and_ctrl_0_resets(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    populate(window.sandbox)
    player = window.lesson_panel()
    panes = {
        "list": window.object_panel.view,
        "filter": window.object_panel.filter_bar.text_edit,
        "detail": window.detail_pane.tabs,
        "log": window.event_log,
        "actions": window.action_bar,
        "narration": player.page.narration,
        "notice": window.notice.title,
    }
    before = {name: _point(w) for name, w in panes.items()}
    window.object_panel.view.setFocus()
    qtbot.keyClick(window.object_panel.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.object_panel.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom.factor == pytest.approx(1.25)
    qtbot.waitUntil(lambda: _point(panes["list"]) > before["list"])  # the font change is posted
    for name, widget in panes.items():
        assert _point(widget) == pytest.approx(before[name] * 1.25, rel=0.02), name
    assert window.settings.value("ui/zoom") is not None
    window.graph.setFocus()  # the graph's own +/- keys do not swallow Ctrl+-
    qtbot.keyClick(window.graph, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom.factor == pytest.approx(1.1)
    qtbot.keyClick(window.graph, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom.factor == 1.0
    qtbot.waitUntil(lambda: _point(panes["list"]) == before["list"])
    for name, widget in panes.items():
        assert _point(widget) == pytest.approx(before[name], rel=0.02), name


def test_zoom_is_limited_and_remembered(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    for _ in range(30):
        window.zoom.zoom_in()
    assert window.zoom.factor == MAX_ZOOM
    assert not window.commands.action("zoom_in").isEnabled()
    for _ in range(30):
        window.zoom.zoom_out()
    assert window.zoom.factor == MIN_ZOOM
    assert not window.commands.action("zoom_out").isEnabled()
    window.zoom.set_factor(1.5)
    window.settings.sync()
    base = QApplication.font().pointSizeF() / 1.5
    window.close()
    set_application_zoom(1.0)
    again = make_window(qtbot, tmp_path)  # the same settings file
    assert again.zoom.factor == 1.5
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.5)


# ------------------------------------------------------------------ theme


def test_high_contrast_switches_the_palette_and_is_remembered(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    normal = QApplication.palette().color(QPalette.ColorRole.Window)
    window.commands.action("high_contrast").trigger()
    assert is_high_contrast()
    palette = window.object_panel.view.palette()
    assert palette.color(QPalette.ColorRole.Base) == Qt.GlobalColor.black
    assert palette.color(QPalette.ColorRole.Text) == Qt.GlobalColor.white
    assert palette.color(QPalette.ColorRole.Highlight) == Qt.GlobalColor.yellow
    assert "3px solid #FFFF00" in QApplication.instance().styleSheet()
    assert window.settings.value("ui/highContrast") in (True, "true")
    window.commands.action("high_contrast").trigger()
    assert not is_high_contrast()
    assert QApplication.palette().color(QPalette.ColorRole.Window) == normal
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert settings.value("ui/highContrast") in (False, "false")
