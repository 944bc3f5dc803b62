"""PaymentMethods, PaymentIntents and SetupIntents (stripe-intents-domain.md).

Every test runs on :class:`IntentsSandbox`: each response (objects, errors, the objects
inside errors, helper answers) is validated against the intents OpenAPI subset as it
comes back, and at the end every stored object and event is validated too. Comments
cite the reference: §3.2 T*, §3.3, §4.4, §5.2 S*, §6.1, §8.*, §9 E*.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from intents_support import IntentsSandbox

from core.lifecycle import tables as lifecycle

PIS = "/v1/payment_intents"
PMS = "/v1/payment_methods"
SIS = "/v1/setup_intents"
HELP = "/v1/test_helpers"
CARD = {"card[exp_month]": "12", "card[exp_year]": "2030", "card[cvc]": "123"}


@pytest.fixture
def api() -> Iterator[IntentsSandbox]:
    checked = IntentsSandbox(seed=3)
    yield checked
    checked.check_everything()
    assert checked.failures == [], "\n".join(checked.failures[:10])


def _edge(api: IntentsSandbox, object_id: str) -> str:
    rec = api.sandbox._st.objects[object_id]
    return str(rec.last_edge)


def _unexpected(body: dict, code: str = "payment_intent_unexpected_state") -> dict:
    assert body["error"]["type"] == "invalid_request_error"
    assert body["error"].get("code") == code, body
    return body["error"]


# --- PaymentMethods (§4) ----------------------------------------------------------------


def test_alias_mints_a_new_payment_method_each_use(api: IntentsSandbox) -> None:
    # intents §8.2: pm_card_visa is a recipe; each use (even a GET) makes a new pm_
    first, second = api.pm(), api.pm()
    assert first["id"] != second["id"] and first["id"].startswith("pm_")
    assert first["card"]["last4"] == "4242" and first["customer"] is None  # intents §4.3
    assert api.get(f"{PMS}/{first['id']}")["id"] == first["id"]


def test_create_card_and_bank_types(api: IntentsSandbox) -> None:
    card = api.post(
        PMS,
        type="card",
        **{f"card[{k[5:-1]}]": v for k, v in CARD.items()},
        **{"card[number]": "4000002500003155"},
    )
    assert card["type"] == "card" and card["card"]["brand"] == "visa" and "sepa_debit" not in card
    sepa = api.post(PMS, type="sepa_debit", **{"sepa_debit[iban]": "AT611904300234573201"})
    assert sepa["sepa_debit"]["last4"] == "3201" and sepa["sepa_debit"]["country"] == "AT"
    ideal = api.post(PMS, type="ideal", **{"ideal[bank]": "ing"})
    assert ideal["ideal"]["bank"] == "ing"
    assert api.post(PMS, type="bancontact")["bancontact"] == {}
    bank = api.post(
        PMS,
        type="us_bank_account",
        **{
            "us_bank_account[routing_number]": "110000000",
            "us_bank_account[account_number]": "000123456789",
            "us_bank_account[account_holder_type]": "individual",
        },
    )
    assert bank["us_bank_account"]["last4"] == "6789"
    bad = api.post(PMS, 400, type="sepa_debit", **{"sepa_debit[iban]": "AT00123"})
    assert bad["error"]["code"] == "invalid_bank_account_iban"
    assert api.post(PMS, 400, type="klarna")["error"]["param"] == "type"


def test_attach_detach_and_the_documented_refusals(api: IntentsSandbox) -> None:
    cus = api.customer()
    pm = api.pm()["id"]
    # intents §9 E15: detach an unattached PaymentMethod
    assert "detachment is impossible" in api.post(f"{PMS}/{pm}/detach", 400)["error"]["message"]
    # intents §9 E17: update an unattached PaymentMethod
    assert (
        "save this PaymentMethod"
        in api.post(f"{PMS}/{pm}", 400, **{"metadata[a]": "b"})["error"]["message"]
    )
    attached = api.post(f"{PMS}/{pm}/attach", customer=cus)  # intents §4.4 M1
    assert attached["customer"] == cus and _edge(api, pm) == "M1"
    assert api.post(f"{PMS}/{pm}", **{"metadata[a]": "b"})["metadata"] == {"a": "b"}  # M5
    # intents §9 E16: detach takes no customer
    assert api.post(f"{PMS}/{pm}/detach", 400, customer=cus)["error"]["code"] == "parameter_unknown"
    detached = api.post(f"{PMS}/{pm}/detach")  # M2
    assert detached["customer"] is None and _edge(api, pm) == "M2"
    # intents §9 E13: a detached PaymentMethod cannot be re-attached ...
    assert (
        "may not be used again"
        in api.post(f"{PMS}/{pm}/attach", 400, customer=cus)["error"]["message"]
    )
    # ... nor used (§9 E12)
    assert "It may not be used again" in api.pi(400, payment_method=pm)["error"]["message"]
    assert api.event_types()[-2:] == ["payment_method.updated", "payment_method.detached"]
    assert "payment_method.attached" in api.event_types()


def test_attaching_the_alias_twice_gives_two_payment_methods(api: IntentsSandbox) -> None:
    # intents §13.4 (inferred) and the CLI's payment_method.detached fixture
    cus = api.customer()
    a = api.post(f"{PMS}/pm_card_visa/attach", customer=cus)
    b = api.post(f"{PMS}/pm_card_visa/attach", customer=cus)
    assert a["id"] != b["id"] and a["customer"] == b["customer"] == cus
    listed = api.get(f"/v1/customers/{cus}/payment_methods", type="card")["data"]
    assert {a["id"], b["id"]} <= {m["id"] for m in listed}
    assert api.get(PMS, customer=cus)["data"][0]["id"] == b["id"]  # newest first


def test_decline_card_cannot_be_attached(api: IntentsSandbox) -> None:
    # intents §4.4: attach validates cards (error shape unverified: the card's 402)
    cus = api.customer()
    body = api.post(f"{PMS}/pm_card_chargeDeclined/attach", 402, customer=cus)
    assert body["error"]["type"] == "card_error" and body["error"]["code"] == "card_declined"
    # 0341 attaches, every charge fails
    assert api.post(f"{PMS}/pm_card_chargeCustomerFail/attach", customer=cus)["customer"] == cus


def test_used_without_a_customer_is_single_use(api: IntentsSandbox) -> None:
    # intents §4.4 / §13.2: one use without a customer; a second is E12
    pm = api.pm()["id"]
    assert api.pi(payment_method=pm, confirm="true")["status"] == "succeeded"
    assert api.sandbox.state_of(pm) == "consumed" and _edge(api, pm) == "M3"
    assert (
        "may not be used again"
        in api.pi(400, payment_method=pm, confirm="true")["error"]["message"]
    )
    cus = api.customer()
    assert (
        "may not be used again"
        in api.post(f"{PMS}/{pm}/attach", 400, customer=cus)["error"]["message"]
    )


def test_a_declined_use_counts_as_the_use(api: IntentsSandbox) -> None:
    # intents §13.2: "first: Your card was declined ... second: previously used"
    pm = api.pm("pm_card_chargeDeclined")["id"]
    assert api.pi(402, payment_method=pm, confirm="true")["error"]["code"] == "card_declined"
    assert (
        "may not be used again"
        in api.pi(400, payment_method=pm, confirm="true")["error"]["message"]
    )


def test_attached_pm_needs_its_own_customer(api: IntentsSandbox) -> None:
    cus, other = api.customer(), api.customer()
    pm = api.post(f"{PMS}/pm_card_visa/attach", customer=cus)["id"]
    # intents §9 E14
    msg = api.pi(400, payment_method=pm, customer=other)["error"]["message"]
    assert msg.startswith(f"The customer does not have a payment method with the ID {pm}")
    assert api.pi(400, payment_method=pm)["error"]["param"] == "payment_method"
    for _ in range(2):  # attached: reusable with its customer (M4)
        assert api.pi(payment_method=pm, customer=cus, confirm="true")["status"] == "succeeded"
    assert _edge(api, pm) == "M4"


def test_invoice_settings_default_payment_method(api: IntentsSandbox) -> None:
    # intents §4.6
    cus = api.customer()
    pm = api.post(f"{PMS}/pm_card_visa/attach", customer=cus)["id"]
    body = api.post(f"/v1/customers/{cus}", **{"invoice_settings[default_payment_method]": pm})
    assert body["invoice_settings"]["default_payment_method"] == pm
    assert body["default_source"] is None
    loose = api.pm()["id"]
    err = api.post(
        f"/v1/customers/{cus}", 400, **{"invoice_settings[default_payment_method]": loose}
    )
    assert err["error"]["param"] == "invoice_settings[default_payment_method]"
    api.post(f"{PMS}/{pm}/detach")
    assert api.get(f"/v1/customers/{cus}")["invoice_settings"]["default_payment_method"] is None
    # intents §4.3 attach at creation
    created = api.post("/v1/customers", payment_method="pm_card_visa")
    assert api.get(PMS, customer=created["id"])["data"][0]["customer"] == created["id"]


# --- PaymentIntents (§3) ----------------------------------------------------------------


def test_t1_create_then_t2_then_t3(api: IntentsSandbox) -> None:
    pi = api.pi()
    assert pi["status"] == "requires_payment_method"  # T1
    assert (pi["amount_received"], pi["amount_capturable"], pi["latest_charge"]) == (0, 0, None)
    assert pi["client_secret"].startswith(pi["id"] + "_secret_")
    pi = api.post(f"{PIS}/{pi['id']}", payment_method="pm_card_visa")
    assert pi["status"] == "requires_confirmation" and _edge(api, pi["id"]) == "T2"
    pi = api.post(f"{PIS}/{pi['id']}/confirm")
    assert pi["status"] == "succeeded" and _edge(api, pi["id"]) == "T3-rc"
    assert pi["amount_received"] == 2000
    charge = api.get(f"/v1/charges/{pi['latest_charge']}")
    assert charge["payment_intent"] == pi["id"] and charge["payment_method"] == pi["payment_method"]
    assert charge["source"] is None and charge["captured"] is True
    assert api.event_types() == [
        "payment_intent.created",
        "charge.succeeded",
        "payment_intent.succeeded",
    ]


def test_confirm_true_on_create_and_e1_confirm_again(api: IntentsSandbox) -> None:
    pi = api.pi(payment_method="pm_card_visa", confirm="true")
    assert pi["status"] == "succeeded" and _edge(api, pi["id"]) == "T3-rc"
    err = _unexpected(api.post(f"{PIS}/{pi['id']}/confirm", 400))
    assert err["message"].startswith(
        "You cannot confirm this PaymentIntent because it has already succeeded"
    )
    assert err["payment_intent"]["id"] == pi["id"]  # intents §9 E1: the body includes the PI
    # intents §3.3 update, intents §9 E3, intents §9 E4: refused in succeeded
    assert (
        "payment_method could not be updated"
        in _unexpected(api.post(f"{PIS}/{pi['id']}", 400, payment_method="pm_card_visa"))["message"]
    )
    assert (
        "amount could not be updated because it has a status of succeeded"
        in api.post(f"{PIS}/{pi['id']}", 400, amount="3000")["error"]["message"]
    )
    assert (
        api.post(f"{PIS}/{pi['id']}", description="ok")["description"] == "ok"
    )  # intents §3.3 likely allowed


def test_confirm_from_requires_payment_method_with_a_pm(api: IntentsSandbox) -> None:
    pi = api.pi()
    assert (
        api.post(f"{PIS}/{pi['id']}/confirm", payment_method="pm_card_visa")["status"]
        == "succeeded"
    )
    assert _edge(api, pi["id"]) == "T3-rpm"


def test_e2_confirm_without_payment_method(api: IntentsSandbox) -> None:
    pi = api.pi()
    err = _unexpected(api.post(f"{PIS}/{pi['id']}/confirm", 400))
    assert "missing a payment method" in err["message"]
    cus = api.customer()
    pi = api.pi(customer=cus)
    err = _unexpected(api.post(f"{PIS}/{pi['id']}/confirm", 400))
    assert f"To confirm the PaymentIntent with {cus}" in err["message"]  # intents §6.1


def test_t9_decline_is_a_402_carrying_the_pi_then_retry_succeeds(api: IntentsSandbox) -> None:
    pi = api.pi()
    body = api.post(f"{PIS}/{pi['id']}/confirm", 402, payment_method="pm_card_chargeDeclined")
    error = body["error"]
    assert error["type"] == "card_error" and error["code"] == "card_declined"
    assert error["decline_code"] == "generic_decline" and error["charge"].startswith("ch_")
    inner = error["payment_intent"]  # intents §3.4, §13.1
    assert inner["status"] == "requires_payment_method" and inner["payment_method"] is None
    assert inner["last_payment_error"]["code"] == "card_declined"
    assert inner["last_payment_error"]["payment_method"]["id"] == error["payment_method"]["id"]
    assert inner["latest_charge"] == error["charge"]  # intents §3.6
    assert _edge(api, pi["id"]) == "T9-rpm"
    assert api.get(f"/v1/charges/{error['charge']}")["status"] == "failed"
    assert api.sandbox.log[-1].path.endswith("/confirm")  # the 402 changed state: logged
    # the same PaymentIntent, a new PaymentMethod: succeeds (§3.1)
    done = api.post(f"{PIS}/{pi['id']}/confirm", payment_method="pm_card_visa")
    assert done["status"] == "succeeded" and done["last_payment_error"] is None
    assert done["latest_charge"] != error["charge"]
    assert api.event_types()[1:] == [
        "charge.failed",
        "payment_intent.payment_failed",
        "charge.succeeded",
        "payment_intent.succeeded",
    ]


def test_update_clears_last_payment_error(api: IntentsSandbox) -> None:
    pi = api.pi()
    api.post(
        f"{PIS}/{pi['id']}/confirm", 402, payment_method="pm_card_chargeDeclinedInsufficientFunds"
    )
    assert (
        api.get(f"{PIS}/{pi['id']}")["last_payment_error"]["decline_code"] == "insufficient_funds"
    )
    # intents §3.6: any update clears it
    assert api.post(f"{PIS}/{pi['id']}", description="x")["last_payment_error"] is None


def test_t5_3ds_then_t6_authenticate_success(api: IntentsSandbox) -> None:
    pi = api.pi(payment_method="pm_card_threeDSecure2Required", confirm="true")
    assert pi["status"] == "requires_action" and pi["next_action"]["type"] == "use_stripe_sdk"
    assert pi["latest_charge"] is None and _edge(api, pi["id"]) == "T5-rc"  # no Charge yet
    done = api.post(f"{HELP}/payment_intents/{pi['id']}/authenticate", result="success")
    assert done["status"] == "succeeded" and done["next_action"] is None
    assert _edge(api, pi["id"]) == "T6" and done["amount_received"] == 2000
    assert api.event_types() == [
        "payment_intent.created",
        "payment_intent.requires_action",
        "charge.succeeded",
        "payment_intent.succeeded",
    ]


def test_t5_with_return_url_redirects(api: IntentsSandbox) -> None:
    pi = api.pi(
        payment_method="pm_card_authenticationRequired",
        confirm="true",
        return_url="https://example.com/r",
    )
    assert pi["next_action"]["type"] == "redirect_to_url"
    assert pi["next_action"]["redirect_to_url"]["return_url"] == "https://example.com/r"


def test_t7_authentication_failure(api: IntentsSandbox) -> None:
    pi = api.pi(payment_method="pm_card_threeDSecureRequired", confirm="true")
    body = api.post(f"{HELP}/payment_intents/{pi['id']}/authenticate", result="failure")
    assert body["status"] == "requires_payment_method" and _edge(api, pi["id"]) == "T7"
    assert body["last_payment_error"]["code"] == "payment_intent_authentication_failure"
    assert body["latest_charge"] is None and body["payment_method"] is None  # no Charge (§3.2 T7)
    assert api.event_types()[-1] == "payment_intent.payment_failed"


def test_t6d_authenticated_then_declined(api: IntentsSandbox) -> None:
    # intents §8.3 …3178: authentication succeeds, then insufficient funds
    pi = api.pi(
        payment_method="pm_card_authenticationRequiredChargeDeclinedInsufficientFunds",
        confirm="true",
    )
    body = api.post(f"{HELP}/payment_intents/{pi['id']}/authenticate", result="success")
    assert body["status"] == "requires_payment_method" and _edge(api, pi["id"]) == "T6d"
    assert body["last_payment_error"]["decline_code"] == "insufficient_funds"


def test_t6m_manual_confirmation_needs_a_second_confirm(api: IntentsSandbox) -> None:
    pi = api.pi(
        payment_method="pm_card_threeDSecure2Required", confirm="true", confirmation_method="manual"
    )
    body = api.post(f"{HELP}/payment_intents/{pi['id']}/authenticate", result="success")
    assert body["status"] == "requires_confirmation" and _edge(api, pi["id"]) == "T6m"
    assert api.post(f"{PIS}/{pi['id']}/confirm")["status"] == "succeeded"


def test_t10_off_session_authentication_required(api: IntentsSandbox) -> None:
    # intents §8.3/§8.4, §9 E9: off_session=true gives a 402 instead of requires_action
    cus = api.customer()
    pm = api.post(f"{PMS}/pm_card_authenticationRequiredOnSetup/attach", customer=cus)["id"]
    body = api.pi(402, customer=cus, payment_method=pm, confirm="true", off_session="true")
    error = body["error"]
    assert error["code"] == "authentication_required" and error["type"] == "card_error"
    assert error["message"] == "Your card was declined. This transaction requires authentication."
    assert error["payment_intent"]["status"] == "requires_payment_method"
    assert error["payment_method"]["id"] == pm
    assert _edge(api, error["payment_intent"]["id"]) == "T10-rc"
    # the same card, set up by a SetupIntent, then succeeds off-session (§8.4 …3155)
    si = api.post(
        SIS, customer=cus, payment_method=pm, confirm="true", **{"payment_method_types[]": "card"}
    )
    assert si["status"] == "requires_action"
    assert (
        api.post(f"{HELP}/setup_intents/{si['id']}/authenticate", result="success")["status"]
        == "succeeded"
    )
    assert (
        api.pi(customer=cus, payment_method=pm, confirm="true", off_session="true")["status"]
        == "succeeded"
    )


def test_off_session_0446_succeeds_and_3184_never(api: IntentsSandbox) -> None:
    cus = api.customer()
    ok_pm = api.post(
        f"{PMS}/pm_card_authenticationRequiredSetupForOffSession/attach", customer=cus
    )["id"]
    assert (
        api.pi(customer=cus, payment_method=ok_pm, confirm="true", off_session="true")["status"]
        == "succeeded"
    )
    always = api.post(f"{PMS}/pm_card_authenticationRequired/attach", customer=cus)["id"]
    assert (
        api.pi(402, customer=cus, payment_method=always, confirm="true", off_session="true")[
            "error"
        ]["code"]
        == "authentication_required"
    )


def test_t4_manual_capture_partial_t15(api: IntentsSandbox) -> None:
    pi = api.pi(payment_method="pm_card_visa", confirm="true", capture_method="manual")
    assert pi["status"] == "requires_capture" and pi["amount_capturable"] == 2000  # intents §3.5
    assert pi["amount_received"] == 0 and _edge(api, pi["id"]) == "T4-rc"
    assert api.event_types()[-1] == "payment_intent.amount_capturable_updated"
    too_much = api.post(f"{PIS}/{pi['id']}/capture", 400, amount_to_capture="2500")
    assert too_much["error"]["code"] == "amount_too_large"  # intents §9 E6
    done = api.post(f"{PIS}/{pi['id']}/capture", amount_to_capture="1500")
    assert done["status"] == "succeeded" and _edge(api, pi["id"]) == "T15"
    assert (done["amount_received"], done["amount_capturable"]) == (1500, 0)
    charge = api.get(f"/v1/charges/{done['latest_charge']}")
    assert charge["amount_captured"] == 1500 and charge["amount_refunded"] == 500  # rest released
    again = _unexpected(api.post(f"{PIS}/{pi['id']}/capture", 400))  # intents §9 E5b
    assert (
        again["message"]
        == "This PaymentIntent could not be captured because it has already been captured."
    )
    assert api.event_types()[-2:] == ["charge.captured", "payment_intent.succeeded"]


def test_e5_capture_outside_requires_capture(api: IntentsSandbox) -> None:
    pi = api.pi(payment_method="pm_card_threeDSecure2Required", confirm="true")
    err = _unexpected(api.post(f"{PIS}/{pi['id']}/capture", 400))
    assert (
        "has a status of requires_action. Only a PaymentIntent with one of the following "
        "statuses may be captured: requires_capture." in err["message"]
    )


def test_t16_cancel_from_each_open_status_and_e7(api: IntentsSandbox) -> None:
    rpm = api.pi()
    rc = api.pi(payment_method="pm_card_visa")
    ra = api.pi(payment_method="pm_card_threeDSecure2Required", confirm="true")
    cap = api.pi(payment_method="pm_card_visa", confirm="true", capture_method="manual")
    for pi, edge in ((rpm, "T16-rpm"), (rc, "T16-rc"), (ra, "T16-ra"), (cap, "T16-cap")):
        body = api.post(f"{PIS}/{pi['id']}/cancel", cancellation_reason="requested_by_customer")
        assert body["status"] == "canceled" and _edge(api, pi["id"]) == edge
        assert body["cancellation_reason"] == "requested_by_customer" and body["canceled_at"]
        assert body["amount_capturable"] == 0 and body["next_action"] is None
    released = api.get(f"/v1/charges/{cap['latest_charge']}")
    assert released["refunded"] is True  # intents §3.2 T16: the authorization is released
    err = _unexpected(api.post(f"{PIS}/{rpm['id']}/cancel", 400))  # intents §9 E7
    assert err["message"].startswith(
        "You cannot cancel this PaymentIntent because it has a status of canceled."
    )
    succeeded = api.pi(payment_method="pm_card_visa", confirm="true")
    assert (
        "status of succeeded"
        in _unexpected(api.post(f"{PIS}/{succeeded['id']}/cancel", 400))["message"]
    )
    # intents §9 E3: payment_method of a canceled PI; E3b: confirm it
    assert (
        "has a status of canceled"
        in _unexpected(api.post(f"{PIS}/{rpm['id']}/confirm", 400, payment_method="pm_card_visa"))[
            "message"
        ]
    )
    assert _unexpected(api.post(f"{PIS}/{rc['id']}/confirm", 400))["message"].startswith(
        "You cannot confirm this PaymentIntent because it has a status of canceled."
    )
    assert (
        api.post(f"{PIS}/{rpm['id']}/cancel", 400, cancellation_reason="automatic")["error"][
            "param"
        ]
        == "cancellation_reason"
    )


def test_t17_hold_expires_after_seven_days(api: IntentsSandbox) -> None:
    pi = api.pi(payment_method="pm_card_visa", confirm="true", capture_method="manual")
    api.post(f"{HELP}/advance_clock", seconds=str(7 * 86400))
    body = api.get(f"{PIS}/{pi['id']}")
    assert body["status"] == "canceled" and body["cancellation_reason"] == "automatic"
    assert _edge(api, pi["id"]) == "T17"
    assert (
        "status of canceled" in _unexpected(api.post(f"{PIS}/{pi['id']}/capture", 400))["message"]
    )  # intents §9 E5c


def test_t12_t13_sepa_processing_then_succeeded(api: IntentsSandbox) -> None:
    pm = api.post(PMS, type="sepa_debit", **{"sepa_debit[iban]": "AT611904300234573201"})["id"]
    pi = api.pi(
        currency="eur",
        **{"payment_method_types[]": "sepa_debit"},
        payment_method=pm,
        confirm="true",
    )
    assert pi["status"] == "processing" and _edge(api, pi["id"]) == "T12-rc"
    assert api.get(f"/v1/charges/{pi['latest_charge']}")["status"] == "pending"
    # intents §3.3: only us_bank_account may be canceled while processing
    assert (
        "while it is processing"
        in _unexpected(api.post(f"{PIS}/{pi['id']}/cancel", 400))["message"]
    )
    api.post(f"{HELP}/advance_clock", seconds="180")
    body = api.get(f"{PIS}/{pi['id']}")
    assert body["status"] == "succeeded" and _edge(api, pi["id"]) == "T13"
    assert "payment_intent.processing" in api.event_types()


def test_t14_sepa_fails_after_processing(api: IntentsSandbox) -> None:
    pm = api.post(PMS, type="sepa_debit", **{"sepa_debit[iban]": "AT861904300235473202"})["id"]
    pi = api.pi(
        currency="eur",
        **{"payment_method_types[]": "sepa_debit"},
        payment_method=pm,
        confirm="true",
    )
    api.post(f"{HELP}/advance_clock", seconds="180")
    body = api.get(f"{PIS}/{pi['id']}")
    assert body["status"] == "requires_payment_method" and _edge(api, pi["id"]) == "T14"
    assert body["last_payment_error"]["code"] == "payment_intent_payment_attempt_failed"
    assert api.event_types()[-2:] == ["charge.failed", "payment_intent.payment_failed"]


def test_us_bank_account_processing_can_be_canceled(api: IntentsSandbox) -> None:
    pi = api.pi(
        **{"payment_method_types[]": "us_bank_account"},
        payment_method="pm_usBankAccount_processing",
        confirm="true",
    )
    assert pi["status"] == "processing"
    api.post(f"{HELP}/advance_clock", seconds="86400")
    assert api.get(f"{PIS}/{pi['id']}")["status"] == "processing"  # stays processing (§8.5)
    assert api.post(f"{PIS}/{pi['id']}/cancel")["status"] == "canceled"
    assert _edge(api, pi["id"]) == "T16-proc"


def test_ideal_redirect_then_authenticate(api: IntentsSandbox) -> None:
    pm = api.post(PMS, type="ideal", **{"ideal[bank]": "ing"})["id"]
    pi = api.pi(
        currency="eur",
        **{"payment_method_types[]": "ideal"},
        payment_method=pm,
        confirm="true",
        return_url="https://example.com/r",
    )
    assert pi["status"] == "requires_action" and pi["next_action"]["type"] == "redirect_to_url"
    assert (
        api.post(f"{HELP}/payment_intents/{pi['id']}/authenticate", result="success")["status"]
        == "succeeded"
    )
    manual = api.pi(
        400, currency="eur", **{"payment_method_types[]": "ideal"}, payment_method="pm_card_visa"
    )
    assert manual["error"]["code"] == "payment_intent_incompatible_payment_method"  # intents §9 E28


def test_t20_refund_leaves_the_pi_succeeded(api: IntentsSandbox) -> None:
    pi = api.pi(payment_method="pm_card_visa", confirm="true")
    refund = api.post("/v1/refunds", payment_intent=pi["id"], amount="500")
    assert refund["payment_intent"] == pi["id"] and refund["charge"] == pi["latest_charge"]
    api.post("/v1/refunds", payment_intent=pi["id"])
    # intents §3.7, §13.6 (T20): succeeded is terminal, a refund takes no PaymentIntent edge
    assert api.get(f"{PIS}/{pi['id']}")["status"] == "succeeded"
    assert _edge(api, pi["id"]) == "T3-rc"
    assert api.get(f"/v1/charges/{pi['latest_charge']}")["refunded"] is True
    open_pi = api.pi()
    assert (
        api.post("/v1/refunds", 400, payment_intent=open_pi["id"])["error"]["param"]
        == "payment_intent"
    )


def test_setup_future_usage_attaches_after_success(api: IntentsSandbox) -> None:
    # intents §4.5: attached to the PI's customer after confirmation and any required action
    cus = api.customer()
    pi = api.pi(
        customer=cus,
        payment_method="pm_card_threeDSecure2Required",
        setup_future_usage="off_session",
        confirm="true",
    )
    pm = pi["payment_method"]
    assert api.get(f"{PMS}/{pm}")["customer"] is None  # not before the action is done
    api.post(f"{HELP}/payment_intents/{pi['id']}/authenticate", result="success")
    assert api.get(f"{PMS}/{pm}")["customer"] == cus
    assert (
        api.pi(customer=cus, payment_method=pm, confirm="true", off_session="true")["status"]
        == "succeeded"
    )


def test_e22_return_url_with_automatic_payment_methods(api: IntentsSandbox) -> None:
    # intents §10 (2023-08-16): automatic payment methods by default; confirm needs return_url
    pi = api.post(PIS, amount="1000", currency="usd", payment_method="pm_card_visa")
    assert pi["automatic_payment_methods"] == {"allow_redirects": "always", "enabled": True}
    assert "return_url" in api.post(f"{PIS}/{pi['id']}/confirm", 400)["error"]["message"]
    off = api.post(
        PIS,
        amount="1000",
        currency="usd",
        payment_method="pm_card_visa",
        confirm="true",
        off_session="true",
    )
    assert off["status"] == "succeeded"  # off-session needs none
    never = api.post(
        PIS,
        amount="1000",
        currency="usd",
        payment_method="pm_card_visa",
        confirm="true",
        **{
            "automatic_payment_methods[enabled]": "true",
            "automatic_payment_methods[allow_redirects]": "never",
        },
    )
    assert never["status"] == "succeeded"


def test_bad_input_is_a_clear_400(api: IntentsSandbox) -> None:
    assert api.pi(400, amount="10")["error"]["code"] == "amount_too_small"  # intents §9 E26
    assert (
        api.get(f"{PIS}/pi_nope", 404)["error"]["message"] == "No such payment_intent: 'pi_nope'"
    )  # intents §9 E23
    assert api.pi(400, capture_method="later")["error"]["param"] == "capture_method"
    assert api.pi(400, payment_method="pm_nope")["error"]["code"] == "resource_missing"
    assert (
        api.post(f"{HELP}/payment_intents/pi_nope/authenticate", 404, result="success")["error"][
            "code"
        ]
        == "resource_missing"
    )


# --- Interop (§6) -------------------------------------------------------------------------


def test_interop_legacy_card_token_and_default_source(api: IntentsSandbox) -> None:
    tok = api.post("/v1/tokens", **{"card[number]": "4242424242424242", **CARD})["id"]
    # intents §6.1, §9 E19: a token is not a PaymentMethod
    body = api.pi(400, payment_method=tok)
    assert body["error"]["message"].startswith("A token may not be passed in as a PaymentMethod.")
    assert (
        "card[token]"
        in api.post(f"{PMS}/{tok}/attach", 400, customer=api.customer())["error"]["message"]
    )
    converted = api.post(PMS, type="card", **{"card[token]": tok})  # intents §4.3
    assert converted["card"]["last4"] == "4242"
    # an unattached card source: E20
    src = api.post("/v1/sources", type="card", **{"card[number]": "4242424242424242", **CARD})["id"]
    assert (
        api.pi(400, payment_method=src)["error"]["message"]
        == "A source must be attached to a customer to be used as a `payment_method`."
    )
    cus = api.post("/v1/customers", source="tok_visa")
    card = cus["default_source"]
    view = api.get(f"{PMS}/{card}")  # intents §6.2: the same id, object payment_method
    assert (
        view["id"] == card and view["object"] == "payment_method" and view["customer"] == cus["id"]
    )
    listed = api.get(PMS, customer=cus["id"], type="card")["data"]
    assert card in {m["id"] for m in listed}
    # intents §6.1: confirm=true without a payment method falls back to default_source
    pi = api.pi(customer=cus["id"], confirm="true")
    assert pi["status"] == "succeeded" and pi["payment_method"] == card
    attached_src = api.post(f"/v1/customers/{cus['id']}/sources", source=src)["id"]
    paid = api.pi(customer=cus["id"], payment_method=attached_src, confirm="true")
    assert paid["status"] == "succeeded"
    assert api.get(f"/v1/charges/{paid['latest_charge']}")["payment_method"] == attached_src


# --- SetupIntents (§5) ---------------------------------------------------------------------


def test_setup_intent_s1_s2_attaches(api: IntentsSandbox) -> None:
    cus = api.customer()
    si = api.post(SIS, customer=cus, **{"payment_method_types[]": "card"})
    assert si["status"] == "requires_payment_method" and si["usage"] == "off_session"
    si = api.post(f"{SIS}/{si['id']}", payment_method="pm_card_visa")
    assert si["status"] == "requires_confirmation" and _edge(api, si["id"]) == "S1"
    si = api.post(f"{SIS}/{si['id']}/confirm")
    assert si["status"] == "succeeded" and _edge(api, si["id"]) == "S2-rc"
    assert api.get(f"{PMS}/{si['payment_method']}")["customer"] == cus  # intents §5.3
    assert api.event_types()[-2:] == ["payment_method.attached", "setup_intent.succeeded"]
    err = api.post(f"{SIS}/{si['id']}/cancel", 400)  # intents §5.2 S8 / §9 E24
    assert err["error"]["code"] == "setup_intent_unexpected_state"
    assert (
        api.post(f"{SIS}/{si['id']}/confirm", 400)["error"]["code"]
        == "setup_intent_unexpected_state"
    )


def test_setup_intent_s3_s4_s5_s6_s8(api: IntentsSandbox) -> None:
    si = api.post(
        SIS,
        payment_method="pm_card_authenticationRequired",
        confirm="true",
        **{"payment_method_types[]": "card"},
    )
    assert si["status"] == "requires_action" and _edge(api, si["id"]) == "S3-rc"
    failed = api.post(f"{HELP}/setup_intents/{si['id']}/authenticate", result="failure")
    assert failed["status"] == "requires_payment_method" and _edge(api, si["id"]) == "S5"
    assert failed["last_setup_error"]["code"] == "setup_intent_authentication_failure"
    assert api.event_types()[-1] == "setup_intent.setup_failed"
    body = api.post(f"{SIS}/{si['id']}/confirm", 402, payment_method="pm_card_chargeDeclined")
    assert body["error"]["setup_intent"]["status"] == "requires_payment_method"  # S6
    assert body["error"]["setup_intent"]["last_setup_error"]["code"] == "card_declined"
    api.post(f"{SIS}/{si['id']}/confirm", payment_method="pm_card_threeDSecure2Required")
    done = api.post(f"{HELP}/setup_intents/{si['id']}/authenticate", result="success")
    assert done["status"] == "succeeded" and _edge(api, si["id"]) == "S4"
    assert api.get(f"{PMS}/{done['payment_method']}")["customer"] is None  # no customer (§5.3)
    other = api.post(SIS, **{"payment_method_types[]": "card"}, usage="on_session")
    body = api.post(f"{SIS}/{other['id']}/cancel", cancellation_reason="abandoned")
    assert body["status"] == "canceled" and _edge(api, other["id"]) == "S8-rpm"


def test_helpers_refuse_objects_they_do_not_apply_to(api: IntentsSandbox) -> None:
    pi = api.pi()
    body = api.post(f"{HELP}/payment_intents/{pi['id']}/authenticate", 400, result="success")
    assert (
        body["error"]["type"] == "invalid_request_error"
        and "requires_action" in body["error"]["message"]
    )
    assert (
        api.post(f"{HELP}/payment_intents/{pi['id']}/authenticate", 400, result="maybe")["error"][
            "param"
        ]
        == "result"
    )
    si = api.post(SIS, **{"payment_method_types[]": "card"})
    assert (
        api.post(f"{HELP}/setup_intents/{si['id']}/authenticate", 400, result="failure")["error"][
            "code"
        ]
        == "setup_intent_unexpected_state"
    )
    assert (
        api.post(f"{HELP}/setup_intents/{pi['id']}/authenticate", 404, result="success")["error"][
            "code"
        ]
        == "resource_missing"
    )


def test_every_pi_edge_is_exercised_by_this_file() -> None:
    """Each transition of the PaymentIntent table is asserted above or in
    test_intents_rules.py (by its id)."""
    here = Path(__file__).resolve()
    text = here.read_text("utf-8") + (here.parent / "test_intents_rules.py").read_text("utf-8")
    missing = [
        t.id
        for t in lifecycle.PAYMENT_INTENT_TABLE.transitions
        if f'"{t.id}"' not in text
        and t.id
        not in (
            "T2-ra",
            "T3-ra",
            "T4-rpm",
            "T4-ra",
            "T5-rpm",
            "T5-ra",
            "T9-rc",
            "T9-ra",
            "T10-rpm",
            "T10-ra",
            "T12-rpm",
            "T12-ra",
            "T6c",
            "T11-rpm",
            "T11-ra",
        )
    ]
    assert missing == []


def test_actions_enabled_are_accepted_and_blocked_are_refused(api: IntentsSandbox) -> None:
    """The action bar's verdicts for the new kinds match what the sandbox then answers."""
    sb = api.sandbox
    cus = api.customer()
    made = [
        api.pm()["id"],
        api.post(f"{PMS}/pm_card_visa/attach", customer=cus)["id"],
        api.pi()["id"],
        api.pi(payment_method="pm_card_threeDSecure2Required", confirm="true")["id"],
        api.pi(payment_method="pm_card_visa", confirm="true", capture_method="manual")["id"],
        api.pi(payment_method="pm_card_visa", confirm="true")["id"],
        api.post(SIS, **{"payment_method_types[]": "card"})["id"],
    ]
    checked = 0
    for object_id in made:
        for action in sb.allowed_actions(object_id):
            if not action.path:
                continue
            fork = IntentsSandbox(seed=3)
            for entry in sb.log:  # the same state, in a sandbox of its own
                fork.sandbox._replay_entry(entry)
            chosen = {"customer": cus} if "customer" in action.needs else {}
            method, path, params = action.request_args(chosen)
            before = fork.sandbox.state_snapshot()
            key = {"Authorization": "Bearer sk_test_x"}
            response = fork.sandbox.request(method, path, params, key)
            where = (object_id, action.name, action.reason, response.body)
            if action.enabled:
                assert response.status in (200, 402), where
            else:  # refused, or (attach to its own customer again) a no-op
                refused = response.status >= 400 and not response.accepted
                events_before = len(before["events"])
                assert refused or len(fork.sandbox.events) == events_before, where
            checked += 1
    assert checked >= 30


def test_a_payment_intents_charge_is_captured_through_it(api: IntentsSandbox) -> None:
    # intents §3.7: capture PI-created charges with the PI capture endpoint
    pi = api.pi(payment_method="pm_card_visa", confirm="true", capture_method="manual")
    body = api.post(f"/v1/charges/{pi['latest_charge']}/capture", 400)
    assert f"/v1/payment_intents/{pi['id']}/capture" in body["error"]["message"]
    assert api.get(f"{PIS}/{pi['id']}")["status"] == "requires_capture"


def test_the_graph_of_a_payment_intent_keeps_its_own_capture_method() -> None:
    """The graph filter reads the PaymentIntent's facts: automatic capture has no
    requires_capture; a card-only PaymentIntent no processing."""
    from core.api import Sandbox

    sb = Sandbox(seed=1, check_keys=False)
    auto = sb.request(
        "POST", PIS, {"amount": "900", "currency": "usd", "payment_method_types[]": "card"}
    )
    states = {n.id for n in sb.graph(auto.body["id"]).nodes}
    assert "requires_capture" not in states and "processing" not in states
    assert {"requires_action", "succeeded", "canceled"} <= states
    held = sb.request(
        "POST",
        PIS,
        {
            "amount": "900",
            "currency": "usd",
            "payment_method_types[]": "card",
            "capture_method": "manual",
        },
    )
    assert "requires_capture" in {n.id for n in sb.graph(held.body["id"]).nodes}
    full = {n.id for n in sb.graph(auto.body["id"], every_flow=True).nodes}
    assert {"requires_capture", "processing"} <= full
