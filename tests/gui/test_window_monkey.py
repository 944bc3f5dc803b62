"""A seeded "monkey" drives the window through its QActions, dialogs included.

At least 2,000 random steps: create dialogs (every source type, token kinds and
test cards, customers, charge modes), object actions with Try anyway on and off,
undo/redo, the clock, filters, selections in the list and the event log, the
palette and the shortcut sheet. After every step: no exception in any pane
(the sandbox records subscriber errors), no Qt warning (pytest-qt fails on
one), and the window shows the sandbox's state: list rows, detail pane, action
bar and event log. The whole run takes well under a minute.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from helpers.window import make_window, new_sandbox
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QComboBox

from gui.commands import OBJECT_ACTIONS
from gui.widgets.status_style import display_status

STEPS = 2_000
SEED = 20_240_605


class MonkeyChooser:
    """Answers what an action needs, at random (sometimes wrongly, sometimes cancelling)."""

    def __init__(self, rng: random.Random, sandbox_of: Any) -> None:
        self.rng = rng
        self.sandbox_of = sandbox_of

    def __call__(self, need: str, action: Any, object_id: str | None) -> str | None:
        rng = self.rng
        if rng.random() < 0.05:
            return None  # the user cancels
        if need == "customer":
            customers = self.sandbox_of().object_ids("customer")
            return rng.choice(customers) if customers else None
        if need == "amount":
            return str(rng.choice([50, 100, 1000, 1500, 99_999]))
        if need == "values":
            return rng.choice(["32 45", "1 2", "32,45"])
        if need == "clock_hours":
            return rng.choice(["0.5", "1", "7", "200", "-1", "abc"])
        return None


def check_window_shows_sandbox(window: Any, full: bool) -> None:
    sandbox = window.sandbox
    assert not sandbox.subscriber_errors, sandbox.subscriber_errors
    model = window.object_panel.model
    ids = sandbox.object_ids()
    assert model.all_ids() == ids
    current = window.selection.current
    if current is not None and sandbox.get(current) is not None:
        obj = sandbox.get(current)
        assert window.detail_pane.shown_object() == obj
        row = model.row_of(current)
        if row is not None:
            assert model.index(row, 0).data(model.StatusRole) == display_status(obj)
        core = sandbox.allowed_actions(current)
        bar = window.action_bar
        assert list(bar.buttons) == [a.name for a in core if a.name in OBJECT_ACTIONS]
        try_anyway = window.commands.try_anyway
        for action in core:
            assert bar.buttons[action.name].isEnabled() == (action.enabled or try_anyway)
    else:
        assert window.action_bar.buttons == {}
    log = window.event_log.log_model
    assert len(log.alive_event_ids()) == len(sandbox.events)
    if full:
        kind, status, text = model.filter()
        expected = [
            i
            for i in ids
            if (not kind or sandbox.kind_of(i) == kind)
            and (not status or display_status(sandbox.get(i)) == status)
            and (not text or text in model.summary(i).search)
        ]
        assert model.shown_ids() == expected
        for i in ids:
            assert model.summary(i).status == display_status(sandbox.get(i))
        assert log.alive_event_ids() == [e["id"] for e in sandbox.events]


def drive_dialog(window: Any, name: str, rng: random.Random) -> None:
    dialog = window.current_dialog
    assert dialog is not None and dialog.isVisible()
    if rng.random() < 0.15:
        dialog.reject()
    else:
        if name == "new_source":
            from gui.dialogs import _facts

            dialog.set_source_type(rng.choice(_facts.SOURCE_TYPE_NAMES))
        elif name == "new_token":
            dialog.set_kind(rng.choice(["card", "card", "card", "bank_account", "pii"]))
            picker = getattr(dialog, "card_picker", None)
            if isinstance(picker, QComboBox) and picker.count():
                picker.setCurrentIndex(rng.randrange(picker.count()))
        elif name == "new_charge":
            from gui.dialogs.charge import MODES

            dialog.set_mode(rng.choice(MODES).key)
        if not dialog.submit():  # invalid or refused: Stripe's message stays in the dialog
            dialog.reject()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.current_dialog is None


def test_monkey(qtbot: Any, tmp_path: Path) -> None:
    rng = random.Random(SEED)
    window = make_window(qtbot, tmp_path, new_sandbox())
    window.commands.chooser = MonkeyChooser(rng, lambda: window.sandbox)
    a = window.commands.actions
    bar = window.object_panel.filter_bar
    counts: dict[str, int] = {}
    for step in range(STEPS):
        sandbox = window.sandbox
        ids = sandbox.object_ids()
        roll = rng.random()
        if roll < 0.07 or len(ids) < 3:
            name = rng.choices(
                ["new_source", "new_token", "new_customer", "new_charge"], [4, 3, 2, 2]
            )[0]
            a[name].trigger()
            drive_dialog(window, name, rng)
        elif roll < 0.40:
            name = "select"
            target = rng.choice(ids)
            row = window.object_panel.model.row_of(target)
            if row is None:
                window.selection.select(target)
            else:
                window.object_panel.view.setCurrentIndex(window.object_panel.model.index(row, 0))
        elif roll < 0.72:
            name = rng.choice(OBJECT_ACTIONS)
            a[name].trigger()  # disabled actions do nothing, as from the keyboard
        elif roll < 0.78:
            name = "try_anyway"
            a[name].trigger()
        elif roll < 0.83:
            name = rng.choice(["undo", "redo"])
            a[name].trigger()
        elif roll < 0.90:
            name = rng.choice(["clock_1h", "clock_6h", "clock_1d", "clock_custom"])
            a[name].trigger()
        elif roll < 0.95:
            name = "filter"
            choice = rng.random()
            if choice < 0.3:
                bar.set_kind(
                    rng.choice(["", "source", "token", "customer", "charge", "card", "refund"])
                )
            elif choice < 0.6:
                bar.set_status(
                    rng.choice(["", "", "pending", "chargeable", "consumed", "used", "unused"])
                )
            elif choice < 0.8:
                bar.set_text(rng.choice(["", "src_", "tok", "example.com", "zz"]))
            else:
                bar.set_kind("")
                bar.set_status("")
                bar.set_text("")
        elif roll < 0.98:
            name = "log"
            entries = window.event_log.log_model.rowCount()
            if entries:
                window.event_log.select_entry(rng.randrange(entries))
        else:
            name = rng.choice(
                ["palette", "shortcuts", "focus_list", "focus_log", "copy_id", "find"]
            )
            a[name].trigger()
            for widget in (window._palette, window._sheet):
                if widget is not None and widget.isVisible():
                    widget.close()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        counts[name] = counts.get(name, 0) + 1
        check_window_shows_sandbox(window, full=step % 100 == 99)
    check_window_shows_sandbox(window, full=True)
    # The run did exercise the window: objects, refusals and undos all happened.
    assert len(window.sandbox.object_ids()) > 20
    kinds = [e.kind for e in window.event_log.log_model.entries]
    assert kinds.count("error") > 10 and kinds.count("history") > 10
    assert sum(counts.values()) == STEPS
