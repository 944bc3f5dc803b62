"""The PaymentMethod, PaymentIntent and SetupIntent dialogs, and Confirm…/Capture…/Cancel…
of a selected intent: opened from the window, filled, sent through the window's request
path, and the sandbox holds what they chose (stripe-intents-domain.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers.window import make_window, ok, select

from gui.commands import SPECS

pytestmark = pytest.mark.gui

# beside the checkout, as tests/core/test_schema_conformance.py reads it
SCHEMA = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "reference"
    / "stripe-openapi-intents-subset.json"
)
THREE_DS_CARD = "4000002760003184"  # intents §8.3: always authenticates


def _open(window: Any, command: str) -> Any:
    window.commands.action(command).trigger()
    dialog = window.current_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _focus_is_on(dialog: Any, name: str) -> None:
    focused = dialog.focusWidget()
    assert focused is not None and dialog.isAncestorOf(focused)
    field = dialog.findChild(type(focused), name)
    assert focused is field or (field is not None and field.isAncestorOf(focused)), (
        focused.objectName()
    )


def _pi(window: Any, *params: tuple[str, str]) -> dict[str, Any]:
    return ok(window.sandbox, "POST", "/v1/payment_intents", [("currency", "usd"), *params])


def test_the_new_commands_have_free_shortcuts_in_the_create_menu() -> None:
    keys = [k for s in SPECS for k in (s.shortcut, *s.extra)]
    assert len(keys) == len(set(keys))
    by_name = {s.name: s for s in SPECS}
    for name, key in (
        ("new_payment_method", "Ctrl+Alt+M"),
        ("new_payment_intent", "Ctrl+Alt+I"),
        ("new_setup_intent", "Ctrl+Alt+Y"),
    ):
        assert by_name[name].menu == "create" and by_name[name].shortcut == key


@pytest.mark.parametrize(
    ("command", "first"),
    [
        ("new_payment_method", "type"),
        ("new_payment_intent", "amount"),
        ("new_setup_intent", "customer"),
    ],
)
def test_a_create_dialog_opens_with_focus_on_its_first_field(
    qtbot: Any, tmp_path: Path, command: str, first: str
) -> None:
    window = make_window(qtbot, tmp_path)
    window.commands.action(command).trigger()
    dialog = window.current_dialog
    qtbot.waitExposed(dialog)
    _focus_is_on(dialog, first)
    dialog.close()


def test_a_card_payment_method_attached_to_the_chosen_customer(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    customer = ok(window.sandbox, "POST", "/v1/customers", [("email", "j@example.com")])["id"]
    select(window, customer)
    dialog = _open(window, "new_payment_method")
    assert dialog.customer_id() == customer  # the selected customer is prefilled
    dialog.card_picker.set_number("4000000000003220")
    assert "/attach" in dialog.preview.toPlainText()  # both requests are shown
    assert dialog.submit(), dialog.stripe_message()
    pm_id = window.selection.current
    pm = window.sandbox.get(pm_id)
    # §4.3 create, then §4.4 attach: the PaymentMethod carries the customer
    assert pm["type"] == "card" and pm["card"]["last4"] == "3220"
    assert pm["customer"] == customer
    assert pm["billing_details"]["name"] == "Jenny Rosen"


@pytest.mark.parametrize(
    ("pm_type", "check"),
    [
        ("sepa_debit", lambda pm: pm["sepa_debit"]["last4"] == "3000"),  # §8.5 DE89…3000
        ("ideal", lambda pm: pm["ideal"]["bank"] is None),  # the customer picks the bank
        ("bancontact", lambda pm: pm["billing_details"]["name"] == "Jenny Rosen"),
        ("us_bank_account", lambda pm: pm["us_bank_account"]["routing_number"] == "110000000"),
    ],
)
def test_every_other_type_is_created_with_its_fields(
    qtbot: Any, tmp_path: Path, pm_type: str, check: Any
) -> None:
    window = make_window(qtbot, tmp_path)
    dialog = _open(window, "new_payment_method")
    dialog.set_pm_type(pm_type)
    assert not dialog.field_visible("card[number]")
    assert dialog.submit(), dialog.stripe_message()
    pm = window.sandbox.get(window.selection.current)
    assert pm["type"] == pm_type and pm["customer"] is None and check(pm)  # §4.2


def test_an_alias_mints_a_new_payment_method(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    dialog = _open(window, "new_payment_method")
    dialog.alias_combo.setCurrentIndex(dialog.alias_combo.findData("pm_card_mastercard"))
    assert not dialog.field_visible("card[number]")
    assert dialog.request().path == "/v1/payment_methods/pm_card_mastercard"
    assert dialog.submit(), dialog.stripe_message()
    pm_id = window.selection.current
    assert pm_id.startswith("pm_") and pm_id != "pm_card_mastercard"  # §8.2: a new object
    assert window.sandbox.get(pm_id)["card"]["brand"] == "mastercard"


def test_a_manual_capture_intent_confirmed_with_4242_waits_for_capture(
    qtbot: Any, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    pm = ok(
        window.sandbox,
        "POST",
        "/v1/payment_methods",
        [("type", "card"), ("card[number]", "4242424242424242")]
        + [("card[exp_month]", "12"), ("card[exp_year]", "2034")],
    )["id"]
    select(window, pm)
    dialog = _open(window, "new_payment_intent")
    assert dialog.payment_method_id() == pm and dialog.confirm_check.isChecked()
    dialog.amount_edit.setText("5000")
    dialog.capture_combo.setCurrentIndex(dialog.capture_combo.findData("manual"))
    assert dialog.submit(), dialog.stripe_message()
    pi = window.sandbox.get(window.selection.current)
    # §3.2 T4 and §3.5: authorized, amount_capturable is the amount, nothing received yet
    assert pi["status"] == "requires_capture" and pi["capture_method"] == "manual"
    assert (pi["amount_capturable"], pi["amount_received"]) == (5000, 0)
    assert pi["payment_method"] == pm


def test_a_3ds_card_goes_to_requires_action(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    method = _open(window, "new_payment_method")
    method.card_picker.set_number(THREE_DS_CARD)
    assert "three_d_secure: required" in method.card_picker.outcome_text()
    assert "requires_action" in method.intent_outcome.text()  # §8.3, said before sending
    assert method.submit(), method.stripe_message()
    pm = window.selection.current
    dialog = _open(window, "new_payment_intent")
    assert dialog.payment_method_id() == pm  # the selected PaymentMethod is prefilled
    assert dialog.submit(), dialog.stripe_message()
    pi = window.sandbox.get(window.selection.current)
    # §3.2 T5, §8.3 (…3184 always authenticates): no charge yet, a next action
    assert pi["status"] == "requires_action" and pi["next_action"] is not None
    assert pi["latest_charge"] is None


def test_off_session_is_offered_only_when_confirming(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    dialog = _open(window, "new_payment_intent")
    dialog.confirm_check.setChecked(False)
    assert not dialog.off_session_check.isEnabled()
    dialog.confirm_check.setChecked(True)
    assert dialog.errors()["payment_method"]  # confirming needs a payment method (§3.3)
    dialog.pm_combo.setEditText("pm_card_visa")
    dialog.off_session_check.setChecked(True)
    params = dict(dialog.request().params)
    assert params["off_session"] == "true" and "return_url" not in params
    dialog.sfu_combo.setCurrentIndex(dialog.sfu_combo.findData("off_session"))
    assert dict(dialog.request().params)["setup_future_usage"] == "off_session"  # §4.5
    dialog.close()


def test_capture_dialog_takes_a_partial_amount(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    pi = _pi(
        window,
        ("amount", "5000"),
        ("payment_method", "pm_card_visa"),
        ("capture_method", "manual"),
        ("confirm", "true"),
        ("return_url", "https://example.com/return"),
    )
    assert pi["status"] == "requires_capture"
    select(window, pi["id"])
    dialog = _open(window, "capture")
    assert dialog.objectName() == "captureIntentDialog"
    assert dialog.amount_edit.text() == "5000"  # prefilled with amount_capturable
    qtbot.waitExposed(dialog)
    _focus_is_on(dialog, "amount_to_capture")
    dialog.amount_edit.setText("3000")
    assert dialog.submit(), dialog.stripe_message()
    after = window.sandbox.get(pi["id"])
    # §3.2 T15, §3.5: amount_received is the captured amount, nothing capturable left
    assert after["status"] == "succeeded"
    assert (after["amount_received"], after["amount_capturable"]) == (3000, 0)


def test_cancel_dialog_offers_the_apis_reasons(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    pi = _pi(window, ("amount", "2000"))
    select(window, pi["id"])
    dialog = _open(window, "cancel")
    schema = json.loads(SCHEMA.read_text())
    post = schema["paths"]["/v1/payment_intents/{intent}/cancel"]["post"]
    form = post["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"]
    enum = form["properties"]["cancellation_reason"]["enum"]
    assert sorted(dialog.reasons()) == sorted(enum)  # OpenAPI cancellation_reason
    qtbot.waitExposed(dialog)
    _focus_is_on(dialog, "cancellation_reason")
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("duplicate"))
    assert dialog.submit(), dialog.stripe_message()
    after = window.sandbox.get(pi["id"])
    assert after["status"] == "canceled" and after["cancellation_reason"] == "duplicate"  # T16


def test_confirm_dialog_chooses_the_payment_method(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    pi = _pi(window, ("amount", "2000"))
    select(window, pi["id"])
    dialog = _open(window, "confirm")
    assert dialog.objectName() == "confirmIntentDialog"
    qtbot.waitExposed(dialog)
    _focus_is_on(dialog, "payment_method")
    dialog.pm_combo.setEditText("pm_card_threeDSecure2Required")
    assert dialog.submit(), dialog.stripe_message()
    assert window.sandbox.get(pi["id"])["status"] == "requires_action"  # §3.2 T5, §8.3


def test_setup_intent_saves_the_method_for_its_customer(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    customer = ok(window.sandbox, "POST", "/v1/customers", [("email", "j@example.com")])["id"]
    select(window, customer)
    dialog = _open(window, "new_setup_intent")
    assert dialog.customer_id() == customer
    dialog.pm_combo.setEditText("pm_card_visa")
    dialog.confirm_check.setChecked(True)
    dialog.usage_combo.setCurrentIndex(dialog.usage_combo.findData("on_session"))
    assert dialog.submit(), dialog.stripe_message()
    si = window.sandbox.get(window.selection.current)
    assert si["status"] == "succeeded" and si["usage"] == "on_session"  # §5.2
    assert window.sandbox.get(si["payment_method"])["customer"] == customer  # §5.3


def test_a_refused_request_from_a_dialog_is_reported_like_a_buttons(
    qtbot: Any, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    dialog = _open(window, "new_payment_intent")
    dialog.pm_combo.setEditText("pm_card_chargeDeclined")
    dialog.confirm_check.setChecked(True)
    with qtbot.wait_signal(window.host.refused) as refused:
        assert not dialog.submit()
    # §3.2 T9, §3.4: a decline at confirm is a 402 card_error
    assert dialog.last_response.status == 402
    assert "card_declined" in dialog.stripe_message()
    title = refused.args[0]
    assert title.startswith("Stripe said no: POST /v1/payment_intents → 402")
    assert window.statusBar().currentMessage() == title  # the status bar, as a button's
    assert window.lesson_bar.title.text() == title  # and the lesson bar
    # the event log shows the refusal, then the events Stripe records with a decline
    entries = window.event_log.log_model.entries
    refusal = next(e for e in entries if e.kind == "error")
    assert refusal.text == "POST /v1/payment_intents → error 402: Your card was declined."
    assert [e.text for e in entries if e.kind == "event"][-1] == "payment_intent.payment_failed"
    assert dialog.isVisible() and dialog.payment_method_id() == "pm_card_chargeDeclined"
    dialog.close()


def test_a_setup_intents_confirm_and_cancel_take_its_own_inputs(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    si = ok(window.sandbox, "POST", "/v1/setup_intents", [("usage", "off_session")])["id"]
    select(window, si)
    confirm = _open(window, "confirm")
    assert not confirm.field_visible("off_session")  # a SetupIntent confirm has none
    confirm.close()
    cancel = _open(window, "cancel")
    schema = json.loads(SCHEMA.read_text())
    post = schema["paths"]["/v1/setup_intents/{intent}/cancel"]["post"]
    form = post["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"]
    assert sorted(cancel.reasons()) == sorted(form["properties"]["cancellation_reason"]["enum"])
    cancel.reason_combo.setCurrentIndex(cancel.reason_combo.findData("abandoned"))
    assert cancel.submit(), cancel.stripe_message()
    after = window.sandbox.get(si)
    assert after["status"] == "canceled" and after["cancellation_reason"] == "abandoned"  # §5.2


def test_a_refused_attach_keeps_the_created_method_and_retries_only_the_attach(
    qtbot: Any, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    customer = ok(window.sandbox, "POST", "/v1/customers", [("email", "j@example.com")])["id"]
    select(window, customer)
    dialog = _open(window, "new_payment_method")
    dialog.card_picker.set_number("4000000000000002")  # §4.4: a decline card cannot attach
    assert not dialog.submit()
    assert dialog.last_response.status == 402 and "card_declined" in dialog.stripe_message()
    methods = window.sandbox.object_ids("payment_method")
    assert len(methods) == 1 and window.sandbox.get(methods[0])["customer"] is None
    assert f"{methods[0]} was created, unattached" in dialog.stripe_message()
    assert dialog.request().path == f"/v1/payment_methods/{methods[0]}/attach"
    assert not dialog.submit()  # OK again: the attach again, no second PaymentMethod
    assert window.sandbox.object_ids("payment_method") == methods
    dialog.close()
