"""A create dialog opens at least as wide as its widest row needs, in every language.

Each dialog sets an explicit minimum width, which Qt lets override the layout's own
minimum: the New PaymentIntent dialog opened at 600 px while its confirm and
off_session row needed 638 px, and "(off_session=true)" was cut off at the right.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers.window import make_window

pytestmark = pytest.mark.gui

COMMANDS = (
    "new_source",
    "new_token",
    "new_customer",
    "new_charge",
    "new_payment_method",
    "new_payment_intent",
    "new_setup_intent",
)


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("command", COMMANDS)
def test_a_dialog_is_as_wide_as_its_rows_need(
    qtbot: Any, tmp_path: Path, command: str, language: str
) -> None:
    window = make_window(qtbot, tmp_path)
    assert window.set_language(language)
    try:
        window.commands.action(command).trigger()
        dialog = window.current_dialog
        assert dialog is not None
        qtbot.waitExposed(dialog)
        assert dialog.width() >= dialog.minimumSizeHint().width(), (
            dialog.width(),
            dialog.minimumSizeHint().width(),
        )
        dialog.close()
    finally:  # the translator is the application's: later tests read English
        window.set_language("en")
