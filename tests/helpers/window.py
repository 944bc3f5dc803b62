"""Shared set-up for the window tests (tests/gui/test_window_*.py).

A real ``core.api.Sandbox`` (no fake core), a window whose QSettings live in
the test's tmp dir, whose session prompts answer at once, and whose
parameter chooser never opens a dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

CARD = [
    ("type", "card"),
    ("card[number]", "4242424242424242"),
    ("card[exp_month]", "12"),
    ("card[exp_year]", "2034"),
    ("card[cvc]", "123"),
]
IDEAL = [
    ("type", "ideal"),
    ("amount", "1500"),
    ("currency", "eur"),
    ("redirect[return_url]", "https://example.com/return"),
]


class Prompter:
    """Session prompts answered without a dialog."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []

    def ask_save_changes(self, name: str) -> str:
        return "discard"

    def ask_recover(self, when: str) -> bool:
        return False

    def open_path(self, directory: str) -> str | None:
        return None

    def save_path(self, suggested: str) -> str | None:
        return None

    def error(self, title: str, message: str) -> None:
        self.errors.append((title, message))


def new_sandbox() -> Any:
    from core.api import Sandbox

    return Sandbox(seed=0, check_keys=False)


def ok(sandbox: Any, method: str, path: str, params: Any = ()) -> dict[str, Any]:
    """Send a request that must be accepted; return its body."""
    response = sandbox.request(method, path, list(params))
    assert response.status < 400, response.body
    return response.body


def populate(sandbox: Any) -> dict[str, str]:
    """A card source, an iDEAL source, a card token and a customer. Returns their ids."""
    return {
        "card_source": ok(sandbox, "POST", "/v1/sources", CARD)["id"],
        "ideal_source": ok(sandbox, "POST", "/v1/sources", IDEAL)["id"],
        "token": ok(sandbox, "POST", "/v1/tokens", [(k, v) for k, v in CARD if k != "type"])["id"],
        "customer": ok(sandbox, "POST", "/v1/customers", [("email", "jenny@example.com")])["id"],
    }


def charge(sandbox: Any, source: str, amount: str = "500") -> dict[str, Any]:
    """A charge of ``amount`` cents (usd) of ``source``, a token or a source id."""
    return ok(
        sandbox,
        "POST",
        "/v1/charges",
        [("amount", amount), ("currency", "usd"), ("source", source)],
    )


def make_window(qtbot: Any, tmp_path: Path, sandbox: Any = None) -> Any:
    """A shown MainWindow over ``sandbox`` with settings and autosave in ``tmp_path``."""
    from gui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("graph/animation_ms", 0)  # the graph jumps: no animation outlives a test
    window = MainWindow(
        sandbox if sandbox is not None else new_sandbox(),
        settings,
        prompter=Prompter(),
        autosave_dir=str(tmp_path / "autosave"),
    )
    window.commands.chooser = first_choice(window.sandbox)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    # Under Xvfb with no window manager nothing activates a new window, and
    # shortcuts and focus need an active one.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def first_choice(sandbox: Any) -> Any:
    """A chooser that picks the first customer / source, 2 hours, or a code."""

    def choose(need: str, action: Any, object_id: str | None) -> str | None:
        if need == "customer":
            customers = list(sandbox.object_ids("customer"))
            return customers[0] if customers else None
        if need == "clock_hours":
            return "2"
        if need == "amount":
            return "100"
        if need in ("values[]", "values", "code"):
            return "32"
        if need == "source":
            sources = list(sandbox.object_ids("source"))
            return sources[0] if sources else None
        return None

    return choose


def select(window: Any, object_id: str) -> None:
    """Click ``object_id`` in the object list."""
    view = window.object_panel.view
    row = window.object_panel.model.row_of(object_id)
    assert row is not None, f"{object_id} is not shown in the list"
    view.setCurrentIndex(window.object_panel.model.index(row, 0))
    assert window.selection.current == object_id
