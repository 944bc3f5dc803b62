"""PaymentIntent transitions T8, T11, T19, every row of §3.3 and every error of §9.

stripe-intents-domain.md: §3.2 (transitions), §3.3 (which operation is allowed in which
status), §9 (the error catalogue). Each test cites its row as ``# intents §3.3 <operation>``
or ``# intents §9 E<n>``; :func:`test_every_row_of_3_3_and_9_is_cited` checks that every
row is cited by a test under ``tests/core``. Every response is validated against the
intents OpenAPI subset as it comes back (:class:`IntentsSandbox`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from intents_support import IntentsSandbox

from core.facts import intents
from core.lifecycle import tables as lifecycle

PIS = "/v1/payment_intents"
PMS = "/v1/payment_methods"
SIS = "/v1/setup_intents"
HELP = "/v1/test_helpers"
CARD = {"card[exp_month]": "12", "card[exp_year]": "2030", "card[cvc]": "123"}
TDS = "pm_card_threeDSecure2Required"
INCREMENTAL = {"payment_method_options[card][request_incremental_authorization]": "if_available"}


@pytest.fixture
def api() -> Iterator[IntentsSandbox]:
    checked = IntentsSandbox(seed=5)
    yield checked
    checked.check_everything()
    assert checked.failures == [], "\n".join(checked.failures[:10])


def _edge(api: IntentsSandbox, object_id: str) -> str:
    return str(api.sandbox._st.objects[object_id].last_edge)


def _state_error(body: dict, code: str = "payment_intent_unexpected_state") -> dict:
    error = body["error"]
    assert error["type"] == "invalid_request_error" and error.get("code") == code, body
    return error


def _in_status(api: IntentsSandbox, status: str) -> str:
    """A PaymentIntent in ``status`` (card, or a US bank account for processing)."""
    if status == "requires_payment_method":
        return str(api.pi()["id"])
    if status == "requires_confirmation":
        return str(api.pi(payment_method="pm_card_visa")["id"])
    if status == "requires_action":
        return str(api.pi(payment_method=TDS, confirm="true")["id"])
    if status == "requires_capture":
        return str(
            api.pi(payment_method="pm_card_visa", confirm="true", capture_method="manual")["id"]
        )
    if status == "processing":
        return str(
            api.pi(
                **{"payment_method_types[]": "us_bank_account"},
                payment_method="pm_usBankAccount_processing",
                confirm="true",
            )["id"]
        )
    if status == "succeeded":
        return str(api.pi(payment_method="pm_card_visa", confirm="true")["id"])
    pi = api.pi()["id"]
    api.post(f"{PIS}/{pi}/cancel")
    return str(pi)


OPEN = ("requires_payment_method", "requires_confirmation", "requires_action")
CLOSED = ("processing", "requires_capture", "succeeded", "canceled")


# --- T8: requires_action times out (unverified: the sandbox's choice) ----------------------


def test_t8_requires_action_times_out_after_48_hours(api: IntentsSandbox) -> None:
    # intents §3.2 T8: requires_action -> requires_payment_method after 48 h (unverified)
    assert intents.ACTION_TIMEOUT_SECONDS == 48 * 3600
    pi = api.pi(payment_method=TDS, confirm="true")
    assert pi["status"] == "requires_action"
    clock = {a.name: a for a in api.sandbox.allowed_actions(pi["id"])}["advance_clock"]
    assert clock.enabled and clock.params == {"seconds": str(48 * 3600)}
    assert clock.note == intents.ACTION_TIMEOUT_NOTE  # the window says it is a choice
    assert "unverified" in clock.note
    api.post(f"{HELP}/advance_clock", seconds=str(48 * 3600 - 1))
    assert api.get(f"{PIS}/{pi['id']}")["status"] == "requires_action"
    api.post(f"{HELP}/advance_clock", seconds="1")
    body = api.get(f"{PIS}/{pi['id']}")
    assert body["status"] == "requires_payment_method" and _edge(api, pi["id"]) == "T8"
    assert body["next_action"] is None and body["payment_method"] is None  # §3.6
    assert body["last_payment_error"]["code"] == "payment_intent_authentication_failure"
    assert body["latest_charge"] is None  # no Charge was ever made
    assert api.event_types()[-1] == "payment_intent.payment_failed"
    # retry by confirming again (T8's side effect column)
    done = api.post(f"{PIS}/{pi['id']}/confirm", payment_method="pm_card_visa")
    assert done["status"] == "succeeded"


def test_t8_no_timeout_once_the_customer_acted_or_for_redirects(api: IntentsSandbox) -> None:
    # intents §3.2 T8: the timer is card-3DS-specific; an authenticated PI has none
    pi = api.pi(payment_method=TDS, confirm="true")
    api.post(f"{HELP}/payment_intents/{pi['id']}/authenticate", result="success")
    pm = api.post(PMS, type="ideal", **{"ideal[bank]": "ing"})["id"]
    ideal = api.pi(
        currency="eur",
        **{"payment_method_types[]": "ideal"},
        payment_method=pm,
        confirm="true",
        return_url="https://example.com/r",
    )
    api.post(f"{HELP}/advance_clock", seconds=str(72 * 3600))
    assert api.get(f"{PIS}/{pi['id']}")["status"] == "succeeded"
    assert api.get(f"{PIS}/{ideal['id']}")["status"] == "requires_action"
    assert "T8" not in api.sandbox._st.objects[ideal["id"]].trail


# --- T11: error_on_requires_action ----------------------------------------------------------


def test_t11_error_on_requires_action_fails_the_attempt(api: IntentsSandbox) -> None:
    # intents §3.2 T11, intents §9 E11: payment_intent_action_required instead of requires_action
    pi = api.pi(payment_method=TDS)
    body = api.post(f"{PIS}/{pi['id']}/confirm", 402, error_on_requires_action="true")
    error = body["error"]  # a 402 card_error, as the other failed attempts (unverified)
    assert (error["type"], error["code"]) == ("card_error", "payment_intent_action_required")
    inner = error["payment_intent"]
    assert inner["status"] == "requires_payment_method" and inner["next_action"] is None
    assert inner["last_payment_error"]["code"] == "payment_intent_action_required"
    assert inner["payment_method"] is None  # §3.6
    assert _edge(api, pi["id"]) == "T11-rc"
    assert api.event_types()[-1] == "payment_intent.payment_failed"
    assert api.sandbox.log[-1].path.endswith("/confirm")  # the failed attempt changed state
    assert "error_on_requires_action" in intents.UNVERIFIED  # the choice, in one place
    # a card that needs no action is not affected
    ok = api.pi(payment_method="pm_card_visa", confirm="true", error_on_requires_action="true")
    assert ok["status"] == "succeeded"


def test_t11_on_create_with_confirm(api: IntentsSandbox) -> None:
    # intents §3.2 T11 from a PaymentIntent created and confirmed in one call
    body = api.pi(402, payment_method=TDS, confirm="true", error_on_requires_action="true")
    inner = body["error"]["payment_intent"]
    assert inner["status"] == "requires_payment_method"
    assert api.get(f"{PIS}/{inner['id']}")["status"] == "requires_payment_method"


# --- T19: increment_authorization -----------------------------------------------------------


def test_t19_increment_authorization_then_capture(api: IntentsSandbox) -> None:
    # intents §3.2 T19, intents §3.3 increment_authorization: requires_capture, supported
    pi = api.pi(
        payment_method="pm_card_visa", confirm="true", capture_method="manual", **INCREMENTAL
    )
    assert pi["status"] == "requires_capture" and pi["amount_capturable"] == 2000
    more = api.post(f"{PIS}/{pi['id']}/increment_authorization", amount="3500")
    assert more["status"] == "requires_capture" and _edge(api, pi["id"]) == "T19"
    assert (more["amount"], more["amount_capturable"]) == (3500, 3500)
    assert api.get(f"/v1/charges/{pi['latest_charge']}")["amount"] == 3500
    assert api.event_types()[-1] == "payment_intent.amount_capturable_updated"
    done = api.post(f"{PIS}/{pi['id']}/capture")
    assert done["amount_received"] == 3500 and done["status"] == "succeeded"
    # once captured it can no longer be incremented [spec]
    err = _state_error(api.post(f"{PIS}/{pi['id']}/increment_authorization", 400, amount="4000"))
    assert "status of succeeded" in err["message"]


def test_t19_refusals(api: IntentsSandbox) -> None:
    # intents §3.3 increment_authorization: otherwise an error (text unverified)
    plain = api.pi(payment_method="pm_card_visa", confirm="true", capture_method="manual")
    err = api.post(f"{PIS}/{plain['id']}/increment_authorization", 400, amount="3000")["error"]
    assert "does not support incremental authorization" in err["message"]
    open_pi = api.pi(**INCREMENTAL)
    _state_error(api.post(f"{PIS}/{open_pi['id']}/increment_authorization", 400, amount="3000"))
    pi = api.pi(
        payment_method="pm_card_visa", confirm="true", capture_method="manual", **INCREMENTAL
    )
    lower = api.post(f"{PIS}/{pi['id']}/increment_authorization", 400, amount="2000")
    assert lower["error"]["param"] == "amount"  # must be greater than the authorized amount
    for step in range(intents.MAX_INCREMENTS):  # up to 10 attempts [spec]
        api.post(f"{PIS}/{pi['id']}/increment_authorization", amount=str(2100 + step))
    eleventh = api.post(f"{PIS}/{pi['id']}/increment_authorization", 400, amount="9000")
    assert "maximum of 10" in eleventh["error"]["message"]
    assert api.get(f"{PIS}/{pi['id']}")["amount"] == 2100 + intents.MAX_INCREMENTS - 1


def test_t18_and_t21_are_not_modeled_and_say_why() -> None:
    # intents §3.2 T18 (confirmation limit), T21 (invoice outcomes): not modeled, explained
    ids = {t.id for t in lifecycle.PAYMENT_INTENT_TABLE.transitions}
    assert not {"T18", "T21"} & ids
    assert set(intents.NOT_MODELED) == {"T18", "T21"}
    assert all(len(why) > 40 for why in intents.NOT_MODELED.values())
    docs = (Path(__file__).resolve().parents[2] / "docs" / "reference.md").read_text("utf-8")
    assert "T18" in docs and "T21" in docs


# --- §3.3: which operation is allowed in which status ----------------------------------------


@pytest.mark.parametrize("status", OPEN)
def test_confirm_is_allowed_in_the_open_statuses(api: IntentsSandbox, status: str) -> None:
    # intents §3.3 confirm: requires_payment_method (with a PM), requires_confirmation,
    # requires_action
    pi = _in_status(api, status)
    done = api.post(f"{PIS}/{pi}/confirm", payment_method="pm_card_visa")
    assert done["status"] == "succeeded"


@pytest.mark.parametrize("status", CLOSED)
def test_confirm_is_refused_elsewhere(api: IntentsSandbox, status: str) -> None:
    # intents §3.3 confirm otherwise: intents §9 E1 (succeeded), intents §9 E3b (the rest)
    pi = _in_status(api, status)
    error = _state_error(api.post(f"{PIS}/{pi}/confirm", 400))
    assert error["payment_intent"]["status"] == status
    if status == "succeeded":
        assert "already succeeded" in error["message"]
    else:
        assert f"because it has a status of {status}" in error["message"]
    assert api.get(f"{PIS}/{pi}")["status"] == status  # nothing changed


@pytest.mark.parametrize("status", OPEN + CLOSED)
def test_update_payment_method_and_amount(api: IntentsSandbox, status: str) -> None:
    # intents §3.3 update: payment_method / amount only in the three open statuses;
    # intents §9 E3 (payment_method), intents §9 E4 (amount) otherwise
    pi = _in_status(api, status)
    if status in OPEN:
        assert api.post(f"{PIS}/{pi}", amount="2500")["amount"] == 2500
        moved = api.post(f"{PIS}/{pi}", payment_method="pm_card_visa")
        assert moved["status"] == "requires_confirmation"
        return
    pm_error = _state_error(api.post(f"{PIS}/{pi}", 400, payment_method="pm_card_visa"))
    assert pm_error["message"] == (
        "This PaymentIntent's payment_method could not be updated because it has a status of "
        f"{status}. You may only update the payment_method of a PaymentIntent with one of the "
        "following statuses: requires_payment_method, requires_confirmation, requires_action."
    )
    amount_error = api.post(f"{PIS}/{pi}", 400, amount="2500")["error"]
    assert (
        f"amount could not be updated because it has a status of {status}"
        in (amount_error["message"])
    )


@pytest.mark.parametrize("status", CLOSED)
def test_update_metadata_in_other_statuses(api: IntentsSandbox, status: str) -> None:
    # intents §3.3 update metadata: unverified, likely allowed: the sandbox allows it
    pi = _in_status(api, status)
    body = api.post(f"{PIS}/{pi}", **{"metadata[order]": "42"}, description="note")
    assert body["metadata"] == {"order": "42"} and body["status"] == status


@pytest.mark.parametrize("status", OPEN + ("processing", "canceled"))
def test_capture_only_from_requires_capture(api: IntentsSandbox, status: str) -> None:
    # intents §3.3 capture: requires_capture only; intents §9 E5 otherwise
    pi = _in_status(api, status)
    error = _state_error(api.post(f"{PIS}/{pi}/capture", 400))
    assert error["message"] == (
        f"This PaymentIntent could not be captured because it has a status of {status}. "
        "Only a PaymentIntent with one of the following statuses may be captured: "
        "requires_capture."
    )


def test_capture_twice_and_after_the_hold_expired(api: IntentsSandbox) -> None:
    # intents §3.3 capture; intents §9 E5b (again), intents §9 E5c (hold expired)
    pi = _in_status(api, "requires_capture")
    assert api.post(f"{PIS}/{pi}/capture")["status"] == "succeeded"
    again = _state_error(api.post(f"{PIS}/{pi}/capture", 400))
    assert again["message"].endswith("because it has already been captured.")
    held = _in_status(api, "requires_capture")
    api.post(f"{HELP}/advance_clock", seconds=str(intents.HOLD_SECONDS))
    late = _state_error(api.post(f"{PIS}/{held}/capture", 400))
    assert "could not be captured because it has a status of canceled" in late["message"]


@pytest.mark.parametrize("status", (*OPEN, "requires_capture", "processing"))
def test_cancel_is_allowed(api: IntentsSandbox, status: str) -> None:
    # intents §3.3 cancel: the open statuses, requires_capture, processing (us_bank_account)
    pi = _in_status(api, status)
    body = api.post(f"{PIS}/{pi}/cancel", cancellation_reason="requested_by_customer")
    assert body["status"] == "canceled" and body["cancellation_reason"] == "requested_by_customer"
    assert body["amount_capturable"] == 0 and body["canceled_at"] is not None


@pytest.mark.parametrize("status", ("succeeded", "canceled"))
def test_cancel_is_refused(api: IntentsSandbox, status: str) -> None:
    # intents §3.3 cancel otherwise; intents §9 E7
    pi = _in_status(api, status)
    error = _state_error(api.post(f"{PIS}/{pi}/cancel", 400))
    assert error["message"].startswith(
        f"You cannot cancel this PaymentIntent because it has a status of {status}."
    )


@pytest.mark.parametrize("status", ("requires_action", "requires_capture", "succeeded"))
def test_verify_microdeposits_is_refused(api: IntentsSandbox, status: str) -> None:
    # intents §3.3 verify_microdeposits: only requires_action with verify_with_microdeposits,
    # which the sandbox never reaches (US bank accounts verify instantly: intents.UNVERIFIED)
    pi = _in_status(api, status)
    error = _state_error(api.post(f"{PIS}/{pi}/verify_microdeposits", 400, **{"amounts[]": "32"}))
    assert "microdeposit" in error["message"] and error["payment_intent"]["status"] == status
    assert "us_bank_verification" in intents.UNVERIFIED


@pytest.mark.parametrize("status", OPEN + CLOSED)
def test_refund_only_once_succeeded(api: IntentsSandbox, status: str) -> None:
    # intents §3.3 refund: once a successful Charge exists (succeeded); an error otherwise
    pi = _in_status(api, status)
    if status == "succeeded":
        refund = api.post("/v1/refunds", payment_intent=pi)
        assert refund["status"] == "succeeded" and api.get(f"{PIS}/{pi}")["status"] == status
        return
    assert api.post("/v1/refunds", 400, payment_intent=pi)["error"]["param"] == "payment_intent"


# --- §9: the errors not asserted elsewhere ----------------------------------------------------


def test_e2_missing_payment_method(api: IntentsSandbox) -> None:
    # intents §9 E2
    error = _state_error(api.post(f"{PIS}/{api.pi()['id']}/confirm", 400))
    assert error["message"] == (
        "You cannot confirm this PaymentIntent because it's missing a payment method. You can "
        "either update the PaymentIntent with a payment method and then confirm it again, or "
        "confirm it again directly with a payment method."
    )


def test_e8_decline_and_e10_authentication_failure(api: IntentsSandbox) -> None:
    # intents §9 E8: a decline on confirm is a 402 card_error
    body = api.pi(402, payment_method="pm_card_chargeDeclined", confirm="true")
    assert body["error"]["type"] == "card_error" and body["error"]["code"] == "card_declined"
    assert body["error"]["message"] == "Your card was declined."
    # intents §9 E10: a failed 3DS is no HTTP error; it is in last_payment_error
    pi = api.pi(payment_method=TDS, confirm="true")
    failed = api.post(f"{HELP}/payment_intents/{pi['id']}/authenticate", result="failure")
    assert failed["last_payment_error"]["code"] == "payment_intent_authentication_failure"
    assert failed["last_payment_error"]["message"].startswith(
        "The provided PaymentMethod has failed authentication."
    )


def test_e9_off_session_authentication_required(api: IntentsSandbox) -> None:
    # intents §9 E9
    body = api.pi(402, payment_method="pm_card_authenticationRequired", confirm="true",
                  off_session="true")  # fmt: skip
    error = body["error"]
    assert (error["type"], error["code"]) == ("card_error", "authentication_required")
    assert error["message"] == "Your card was declined. This transaction requires authentication."
    assert error["payment_intent"]["status"] == "requires_payment_method"
    assert error["payment_method"]["id"].startswith("pm_")


def test_e12_and_e13_a_customerless_payment_method_is_single_use(api: IntentsSandbox) -> None:
    pm = api.pm()["id"]
    assert api.pi(payment_method=pm, confirm="true")["status"] == "succeeded"
    # intents §9 E12: reuse a customer-less PaymentMethod
    again = api.pi(400, payment_method=pm, confirm="true")["error"]
    assert again["message"].startswith(
        "The provided PaymentMethod was previously used with a PaymentIntent without Customer "
        "attachment"
    )
    # intents §9 E13: nor can it be attached afterwards
    attach = api.post(f"{PMS}/{pm}/attach", 400, customer=api.customer())["error"]
    assert attach["message"].startswith("This PaymentMethod was previously used without being")


def test_e18_raw_card_numbers_are_accepted_by_choice(api: IntentsSandbox) -> None:
    # intents §9 E18: Stripe refuses raw numbers without raw-card-data access; the sandbox
    # behaves as an account with that access (intents.UNVERIFIED["raw_card_numbers"])
    pm = api.post(PMS, type="card", **{"card[number]": "4242424242424242", **CARD})
    assert pm["card"]["last4"] == "4242"
    assert "raw_card_numbers" in intents.UNVERIFIED


def test_e19_e20_e21_legacy_objects_as_payment_methods(api: IntentsSandbox) -> None:
    tok = api.post("/v1/tokens", **{"card[number]": "4242424242424242", **CARD})["id"]
    # intents §9 E19: a token is not a PaymentMethod
    error = api.pi(400, payment_method=tok)["error"]
    assert error["param"] == "payment_method"
    assert error["message"] == (
        "A token may not be passed in as a PaymentMethod. Instead, use payment_method_data with "
        f"type=card and card[token]={tok}."
    )
    # intents §9 E20: an unattached card source
    src = api.post("/v1/sources", type="card", **{"card[number]": "4242424242424242", **CARD})
    assert api.pi(400, payment_method=src["id"])["error"]["message"] == (
        "A source must be attached to a customer to be used as a `payment_method`."
    )
    # intents §9 E21: a PaymentMethod as a customer's source
    refused = api.post("/v1/customers", 400, source=api.pm()["id"])["error"]
    assert refused["message"].startswith(
        "You cannot use a PaymentMethod as a source for Customers."
    )


def test_e22_return_url(api: IntentsSandbox) -> None:
    # intents §9 E22: automatic payment methods with redirects need a return_url
    pi = api.post(PIS, amount="1000", currency="usd", payment_method="pm_card_visa")
    error = api.post(f"{PIS}/{pi['id']}/confirm", 400)["error"]
    assert error["message"].startswith("A `return_url` must be specified because this Payment")
    assert api.post(f"{PIS}/{pi['id']}/confirm", return_url="https://e.x/r")["status"] == (
        "succeeded"
    )


def test_e23_unknown_payment_intent(api: IntentsSandbox) -> None:
    # intents §9 E23
    error = api.post(f"{PIS}/pi_missing/confirm", 404)["error"]
    assert (error["code"], error["message"]) == (
        "resource_missing",
        "No such payment_intent: 'pi_missing'",
    )


def test_e24_e25_setup_intent_errors(api: IntentsSandbox) -> None:
    si = api.post(SIS, payment_method=TDS, confirm="true", **{"payment_method_types[]": "card"})
    assert si["status"] == "requires_action"
    # intents §9 E25: a failed authentication is in last_setup_error
    failed = api.post(f"{HELP}/setup_intents/{si['id']}/authenticate", result="failure")
    assert failed["status"] == "requires_payment_method"
    assert failed["last_setup_error"]["code"] == "setup_intent_authentication_failure"
    assert failed["last_setup_error"]["message"] == (
        "The latest attempt to set up the payment method has failed because authentication failed."
    )
    # intents §9 E24: an illegal SetupIntent operation
    done = api.post(
        SIS, payment_method="pm_card_visa", confirm="true", **{"payment_method_types[]": "card"}
    )
    _state_error(api.post(f"{SIS}/{done['id']}/confirm", 400), "setup_intent_unexpected_state")
    _state_error(api.post(f"{SIS}/{done['id']}/cancel", 400), "setup_intent_unexpected_state")


def test_e26_e27_e28_amount_currency_and_type(api: IntentsSandbox) -> None:
    # intents §9 E26: below the minimum
    assert api.pi(400, amount="49")["error"]["code"] == "amount_too_small"
    # intents §9 E27: a SEPA Direct Debit cannot pay in US dollars
    sepa = api.post(PMS, type="sepa_debit", **{"sepa_debit[iban]": "AT611904300234573201"})
    pi = api.pi(**{"payment_method_types[0]": "card", "payment_method_types[1]": "sepa_debit"})
    error = api.post(f"{PIS}/{pi['id']}", 400, payment_method=sepa["id"])["error"]
    assert error["code"] == "payment_method_currency_mismatch"
    # intents §9 E28: a type the PaymentIntent does not take
    card_only = api.pi(currency="eur")
    error = api.post(f"{PIS}/{card_only['id']}", 400, payment_method=sepa["id"])["error"]
    assert error["code"] == "payment_intent_incompatible_payment_method"


def test_e6_capture_more_than_capturable(api: IntentsSandbox) -> None:
    # intents §9 E6
    pi = _in_status(api, "requires_capture")
    error = api.post(f"{PIS}/{pi}/capture", 400, amount_to_capture="2001")["error"]
    assert (error["code"], error["param"]) == ("amount_too_large", "amount_to_capture")


def test_e14_e15_e16_e17_attach_and_detach_rules(api: IntentsSandbox) -> None:
    cus, other = api.customer(), api.customer()
    # intents §9 E14: not attached to the PaymentIntent's customer
    theirs = api.post(f"{PMS}/pm_card_visa/attach", customer=other)["id"]
    error = api.pi(400, customer=cus, payment_method=theirs)["error"]
    assert error["message"] == (
        f"The customer does not have a payment method with the ID {theirs}. The payment "
        "method must be attached to the customer."
    )
    pm = api.pm()["id"]
    # intents §9 E15: detach an unattached PaymentMethod
    assert api.post(f"{PMS}/{pm}/detach", 400)["error"]["message"] == (
        "The payment method you provided is not attached to a customer so detachment is impossible."
    )
    # intents §9 E16: detach takes no customer
    attached = api.post(f"{PMS}/{pm}/attach", customer=cus)["id"]
    unknown = api.post(f"{PMS}/{attached}/detach", 400, customer=cus)["error"]
    assert (unknown["code"], unknown["param"]) == ("parameter_unknown", "customer")
    # intents §9 E17: update an unattached PaymentMethod
    other = api.pm()["id"]
    assert api.post(f"{PMS}/{other}", 400, **{"metadata[a]": "b"})["error"]["message"] == (
        "You must save this PaymentMethod to a customer before you can update it"
    )


def test_e3_payment_method_of_a_canceled_intent(api: IntentsSandbox) -> None:
    # intents §9 E3: confirm with a payment_method on a canceled PaymentIntent
    pi = _in_status(api, "canceled")
    error = _state_error(api.post(f"{PIS}/{pi}/confirm", 400, payment_method="pm_card_visa"))
    assert "could not be updated because it has a status of canceled" in error["message"]


# --- schema conformance of what T8, T11 and T19 emit ------------------------------------


def test_new_transitions_emit_schema_conformant_objects(api: IntentsSandbox) -> None:
    """The PaymentIntents after T8, T11 and T19, the errors carrying them and their events
    validate against the intents OpenAPI subset, strictly (no undeclared property)."""
    expired = api.pi(payment_method=TDS, confirm="true")
    api.post(f"{HELP}/advance_clock", seconds=str(48 * 3600))  # T8
    api.check("T8", api.get(f"{PIS}/{expired['id']}"), "payment_intent")
    body = api.pi(402, payment_method=TDS, confirm="true", error_on_requires_action="true")
    api.check("T11 error", body, "error")  # T11, with the PaymentIntent inside
    api.check("T11 error.payment_intent", body["error"]["payment_intent"], "payment_intent")
    held = api.pi(payment_method="pm_card_visa", confirm="true", capture_method="manual",
                  **INCREMENTAL)  # fmt: skip
    more = api.post(f"{PIS}/{held['id']}/increment_authorization", amount="2500")  # T19
    api.check("T19", more, "payment_intent")
    refused = api.post(f"{PIS}/{held['id']}/verify_microdeposits", 400)
    api.check("verify_microdeposits", refused, "error")
    # Stripe's own endpoints: their response schema comes from the subset's paths (the
    # clock is the sandbox's own helper)
    unchecked = [name for name in api.checked if name.startswith("(no schema:")]
    assert unchecked == ["(no schema: advance_clock)"]
    assert api.checked["payment_intent"] >= 3 and api.failures == []


# --- the citations -------------------------------------------------------------------------

#: Every row of §3.3 (by operation) and of §9 (by number).
ROWS_3_3 = (
    "confirm",
    "update",
    "update metadata",
    "capture",
    "cancel",
    "increment_authorization",
    "verify_microdeposits",
    "refund",
)
ROWS_9 = (
    "E1 E2 E3 E3b E4 E5 E5b E5c E6 E7 E8 E9 E10 E11 E12 E13 E14 E15 E16 E17 E18 E19 E20 "
    "E21 E22 E23 E24 E25 E26 E27 E28"
).split()


def test_every_row_of_3_3_and_9_is_cited() -> None:
    here = Path(__file__).resolve().parent
    text = "\n".join(p.read_text("utf-8") for p in sorted(here.glob("test_*.py")))
    cited_9 = set(re.findall(r"intents §9 (E\d+[a-z]?)\b", text))
    assert [row for row in ROWS_9 if row not in cited_9] == []
    cited_3_3 = set(re.findall(r"intents §3\.3 ([a-z_]+(?: metadata)?)", text))
    assert [row for row in ROWS_3_3 if row not in cited_3_3] == []
