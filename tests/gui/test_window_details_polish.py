"""Small things a new user tripped over: clock durations, stale status messages, the attach
chooser's customers, iDEAL's Flow and Usage boxes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers.window import CARD, make_window, ok, populate, select
from PySide6.QtWidgets import QApplication, QInputDialog

from gui.words.durations import format_duration, parse_duration

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("90s", 90),
        ("45m", 45 * 60),
        ("1h30m", 5400),
        ("2d", 2 * 86400),
        ("1h 30m 15s", 5415),
        ("1.5", 5400),  # a bare number stays hours, as before
        ("2", 7200),
        ("0,5h", 1800),
    ],
)
def test_durations_people_write(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "-2", "0", "0m", "1x", "h", "2d-1h"])
def test_what_is_not_a_duration(text: str) -> None:
    assert parse_duration(text) is None


def test_format_duration_reads_back() -> None:
    assert format_duration(5400) == "1h30m"
    assert parse_duration(format_duration(93784)) == 93784


@pytest.mark.parametrize(("text", "seconds"), [("90s", 90), ("1h30m", 5400), ("2d", 172800)])
def test_clock_advance_by_takes_durations(
    qtbot: Any, tmp_path: Path, text: str, seconds: int
) -> None:
    window = make_window(qtbot, tmp_path)
    window.commands.chooser = lambda need, action, oid: text if need == "clock_hours" else None
    before = window.sandbox.now
    window.commands.action("clock_custom").trigger()
    assert window.sandbox.now - before == seconds


def test_a_bad_duration_says_how_to_write_one(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    window.commands.chooser = lambda need, action, oid: "soon"
    before = window.sandbox.now
    window.commands.action("clock_custom").trigger()
    assert window.sandbox.now == before
    assert "1h30m" in window.statusBar().currentMessage()


def test_status_messages_do_not_outlive_the_next_action(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    ok(window.sandbox, "POST", "/v1/sources", CARD)
    window.commands.action("undo").trigger()
    assert window.statusBar().currentMessage() == "Undone."
    window.commands.action("new_source")  # (nothing sent)
    assert window.statusBar().currentMessage() == "Undone."
    window.host.send("POST", "/v1/sources", CARD)  # the next request
    assert window.statusBar().currentMessage() == ""
    window.commands.action("undo").trigger()
    window.commands.action("redo").trigger()
    assert window.statusBar().currentMessage() == "Redone."  # the newest message stays


def test_the_attach_chooser_lists_customers_with_email_and_name(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, tmp_path)
    ids = populate(window.sandbox)
    named = ok(
        window.sandbox,
        "POST",
        "/v1/customers",
        [("email", "ada@example.com"), ("name", "Ada Lovelace")],
    )["id"]
    shown: list[list[str]] = []

    def get_item(_parent: Any, _title: str, _label: str, items: list[str], *_args: Any) -> Any:
        shown.append(list(items))
        return items[1], True

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    from gui.commands.ask import ParameterAsker

    window.commands.chooser = ParameterAsker(window.host, window, window.commands.message.emit)
    select(window, ids["card_source"])
    window.commands.action("attach").trigger()
    assert shown == [
        [
            f"{ids['customer']} — jenny@example.com",
            f"{named} — ada@example.com (Ada Lovelace)",
        ]
    ]
    assert window.sandbox.get(ids["card_source"])["customer"] == named  # the id was sent


def test_ideal_flow_and_usage_boxes_show_their_whole_words(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    window.commands.action("new_source").trigger()
    dialog = window.current_dialog
    qtbot.waitExposed(dialog)
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData("ideal"))
    QApplication.processEvents()
    for combo, word in ((dialog.flow_combo, "redirect"), (dialog.usage_combo, "single_use")):
        assert combo.currentText() == word
        needed = combo.fontMetrics().horizontalAdvance(word)
        assert combo.width() >= combo.sizeHint().width() >= needed, (word, combo.width())
    dialog.close()
