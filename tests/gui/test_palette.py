"""Command palette (Ctrl+K) and shortcut sheet (F1), built from QActions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from gui.panes.command_palette import CommandPalette, action_label, matches
from gui.panes.shortcut_sheet import ShortcutSheet


@pytest.fixture
def actions(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    made = []
    for text, shortcut, tip in [
        ("&New Source…", "Ctrl+N", "Create a Source of any type"),
        ("New &Token…", "Ctrl+T", "Create a card, bank-account or pii Token"),
        ("&Charge…", "Ctrl+Shift+C", "Charge a source, token or customer"),
        ("Attach to &customer…", "", "Attach the selected source to a Customer"),
        ("&Undo", "Ctrl+Z", ""),
    ]:
        action = QAction(text, owner)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        made.append(action)
    separator = QAction(owner)
    separator.setSeparator(True)
    made.append(separator)
    menu = QMenu("&Create", owner)
    menu.addActions(made[:3])
    yield made
    del menu  # the owner (and so the actions) live until the test is over


def test_labels_drop_mnemonics(qapp) -> None:
    action = QAction("Save && &Quit")
    assert action_label(action) == "Save & Quit"


def test_match_needs_every_word(actions) -> None:
    attach = actions[3]
    assert matches(attach, "att cus")
    assert matches(attach, "CUSTOMER")
    assert not matches(attach, "attach token")
    assert matches(actions[2], "ctrl+shift")  # shortcuts are searchable too


def test_palette_lists_all_actions_but_separators(qtbot, actions) -> None:
    palette = CommandPalette(actions)
    qtbot.addWidget(palette)
    assert palette.visible_actions() == actions[:5]
    assert palette.current_action() is actions[0]


def test_typing_filters_and_enter_triggers(qtbot, actions) -> None:
    palette = CommandPalette(actions)
    qtbot.addWidget(palette)
    qtbot.keyClicks(palette.filter_edit, "bank")
    assert palette.visible_actions() == [actions[1]]
    with qtbot.wait_signal(actions[1].triggered), qtbot.wait_signal(palette.actionTriggered):
        qtbot.keyClick(palette.filter_edit, Qt.Key.Key_Return)
    assert palette.result() == palette.DialogCode.Accepted  # it closes itself


def test_arrow_keys_move_and_wrap(qtbot, actions) -> None:
    palette = CommandPalette(actions)
    qtbot.addWidget(palette)
    palette.set_filter("new")
    assert palette.current_action() is actions[0]
    qtbot.keyClick(palette.filter_edit, Qt.Key.Key_Down)
    assert palette.current_action() is actions[1]
    qtbot.keyClick(palette.filter_edit, Qt.Key.Key_Down)
    assert palette.current_action() is actions[0]
    qtbot.keyClick(palette.filter_edit, Qt.Key.Key_Up)
    assert palette.current_action() is actions[1]


def test_disabled_action_is_listed_but_not_run(qtbot, actions) -> None:
    actions[2].setEnabled(False)
    palette = CommandPalette(actions)
    qtbot.addWidget(palette)
    palette.set_filter("charge")
    assert palette.visible_actions() == [actions[2]]
    assert palette.current_action() is None  # nothing runnable is preselected
    with qtbot.assert_not_emitted(actions[2].triggered):
        assert palette.trigger_row(0) is False


def test_no_match_says_so(qtbot, actions) -> None:
    palette = CommandPalette(actions)
    qtbot.addWidget(palette)
    palette.set_filter("zzz nothing")
    assert palette.visible_actions() == []
    assert not palette.findChild(QWidget, "paletteEmpty").isHidden()
    assert palette.trigger_current() is False


def test_shortcut_sheet_is_built_from_the_actions(qtbot, actions) -> None:
    sheet = ShortcutSheet(actions)
    qtbot.addWidget(sheet)
    rows = dict(sheet.rows())
    from gui.graph.keys import graph_key_rows

    # every action, then the graph's own keys (read from the module that handles them)
    graph = {what for _keys, what in graph_key_rows()}
    assert set(rows) == {action_label(a) for a in actions[:5]} | graph
    assert rows["Undo"] == QKeySequence("Ctrl+Z").toString(QKeySequence.SequenceFormat.NativeText)
    assert rows["Attach to customer…"] == "—"
    # a new shortcut shows up without touching the sheet's code
    actions[3].setShortcut(QKeySequence("Ctrl+Alt+A"))
    sheet2 = ShortcutSheet(actions)
    qtbot.addWidget(sheet2)
    assert dict(sheet2.rows())["Attach to customer…"] != "—"


def test_shortcut_sheet_groups_by_menu_and_filters(qtbot, actions) -> None:
    sheet = ShortcutSheet(actions)
    qtbot.addWidget(sheet)
    menus = {sheet.table.item(r, 0).text(): sheet.table.item(r, 2).text() for r in range(5)}
    assert menus["Charge…"] == "Create"
    assert menus["Undo"] == ""
    assert sheet.table.item(0, 3) is not None
    sheet.filter_edit.setText("bank")
    assert [name for name, _ in sheet.rows()] == ["New Token…"]
