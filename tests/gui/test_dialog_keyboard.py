"""Dialogs open with the keyboard in their first field; one Charge dialog from everywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers.window import make_window, populate, select

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(
    ("command", "first"),
    [
        ("new_source", "type"),
        ("new_token", "kind"),
        ("new_customer", "email"),
        ("new_charge", "mode"),
    ],
)
def test_a_dialog_opens_with_focus_on_its_first_field(
    qtbot: Any, tmp_path: Path, command: str, first: str
) -> None:
    window = make_window(qtbot, tmp_path)
    window.commands.action(command).trigger()
    dialog = window.current_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    focused = dialog.focusWidget()  # what has the keyboard once the dialog is active
    assert focused is not None and dialog.isAncestorOf(focused)
    assert focused is not dialog.ok_button
    field = dialog.findChild(type(focused), first)
    assert focused is field or (field is not None and field.isAncestorOf(focused)), (
        focused.objectName()
    )
    dialog.close()


def test_typing_goes_into_the_new_customers_email_at_once(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    window.commands.action("new_customer").trigger()
    dialog = window.current_dialog
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.focusWidget(), "jenny@example.com")
    assert ("email", "jenny@example.com") in list(dialog.request().params)
    dialog.close()


def _charge_from(window: Any, how: str) -> Any:
    if how == "menu":
        window.commands.action("charge").trigger()
    elif how == "button":
        window.action_bar.button("charge").click()
    else:
        window.commands.action("new_charge").trigger()
    dialog = window.current_dialog
    assert dialog is not None and dialog.objectName() == "chargeDialog"
    return dialog


@pytest.mark.parametrize("how", ["menu", "button", "create"])
def test_charging_a_token_opens_the_charge_dialog_prefilled(
    qtbot: Any, tmp_path: Path, how: str
) -> None:
    window = make_window(qtbot, tmp_path)
    ids = populate(window.sandbox)
    select(window, ids["token"])
    revision = window.sandbox.revision
    dialog = _charge_from(window, how)
    assert window.sandbox.revision == revision  # "Charge…" asks first: nothing sent yet
    assert dialog.mode().key == "token"
    assert dialog.source_combo.currentText() == ids["token"]
    params = dict(dialog.request().params)
    assert params["source"] == ids["token"] and "currency" in params and "amount" in params
    assert dialog.submit()  # §6.3: the token pays once
    assert window.sandbox.get(ids["token"])["used"] is True


def test_a_card_source_and_a_customer_prefill_their_own_combination(
    qtbot: Any, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    ids = populate(window.sandbox)
    select(window, ids["card_source"])
    dialog = _charge_from(window, "button")
    assert dialog.mode().key == "source"
    assert dialog.source_combo.currentText() == ids["card_source"]
    dialog.close()
    select(window, ids["customer"])
    dialog = _charge_from(window, "create")
    assert dialog.mode().key == "customer"  # §8.1: the customer's default source
    assert dialog.customer_combo.currentText() == ids["customer"]
    dialog.close()
