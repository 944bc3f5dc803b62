"""The official ``stripe`` package's PaymentIntent, PaymentMethod and SetupIntent flows
against ``chargeable serve`` (stripe-intents-domain.md §3, §4, §5, §8)."""

from __future__ import annotations

import json
from typing import Any

import pytest
import stripe
from conftest import KEY
from serve_helpers import Receiver

from core.http.server import StripeServer
from core.http.webhooks import WebhookForwarder

CARD_ONLY: dict[str, Any] = {"payment_method_types": ["card"]}


def _authenticate(client: stripe.StripeClient, kind: str, object_id: str, result: str) -> Any:
    """The simulator-only helper (§8.6): the client has no method for it, so a raw request."""
    response = client.raw_request(
        "post", f"/v1/test_helpers/{kind}/{object_id}/authenticate", result=result
    )
    return json.loads(response.body)


def test_create_confirm_capture_and_cancel(client: stripe.StripeClient, sandbox: Any) -> None:
    pi = client.v1.payment_intents.create(
        params={"amount": 2000, "currency": "usd", "capture_method": "manual", **CARD_ONLY}
    )
    assert pi.status == "requires_payment_method" and pi.client_secret  # §3.2 T1
    pi = client.v1.payment_intents.confirm(pi.id, params={"payment_method": "pm_card_visa"})
    assert pi.status == "requires_capture" and pi.amount_capturable == 2000  # T4
    pi = client.v1.payment_intents.capture(pi.id, params={"amount_to_capture": 1500})
    assert pi.status == "succeeded" and pi.amount_received == 1500  # T15, partial
    assert sandbox.get(pi.latest_charge)["amount_refunded"] == 500
    other = client.v1.payment_intents.create(params={"amount": 900, "currency": "usd", **CARD_ONLY})
    canceled = client.v1.payment_intents.cancel(
        other.id, params={"cancellation_reason": "abandoned"}
    )
    assert canceled.status == "canceled" and canceled.cancellation_reason == "abandoned"  # T16
    with pytest.raises(stripe.InvalidRequestError) as caught:  # §9 E7
        client.v1.payment_intents.cancel(other.id)
    assert caught.value.code == "payment_intent_unexpected_state"
    assert caught.value.http_status == 400


def test_decline_raises_card_error_carrying_the_payment_intent_then_retry(
    client: stripe.StripeClient,
) -> None:
    pi = client.v1.payment_intents.create(params={"amount": 1000, "currency": "usd", **CARD_ONLY})
    with pytest.raises(stripe.CardError) as caught:
        client.v1.payment_intents.confirm(
            pi.id, params={"payment_method": "pm_card_chargeDeclined"}
        )
    error = caught.value.error
    assert caught.value.http_status == 402 and caught.value.code == "card_declined"  # §3.4
    assert error is not None and error.payment_intent is not None
    assert error.payment_intent.status == "requires_payment_method"
    assert error.payment_intent.last_payment_error.decline_code == "generic_decline"
    retried = client.v1.payment_intents.confirm(pi.id, params={"payment_method": "pm_card_visa"})
    assert retried.status == "succeeded" and retried.id == pi.id


def test_3ds_flow_completed_through_the_test_helper(client: stripe.StripeClient) -> None:
    pi = client.v1.payment_intents.create(
        params={
            "amount": 3000,
            "currency": "eur",
            "payment_method": "pm_card_threeDSecure2Required",
            "confirm": True,
            "return_url": "https://example.com/return",
            **CARD_ONLY,
        }
    )
    assert pi.status == "requires_action"  # §3.2 T5
    assert pi.next_action is not None and pi.next_action.type == "redirect_to_url"
    done = _authenticate(client, "payment_intents", pi.id, "success")
    assert done["status"] == "succeeded"  # T6
    again = client.v1.payment_intents.retrieve(pi.id)
    assert again.status == "succeeded" and again.amount_received == 3000
    with pytest.raises(stripe.InvalidRequestError) as caught:  # §9 E1
        client.v1.payment_intents.confirm(pi.id)
    assert caught.value.code == "payment_intent_unexpected_state"


def test_off_session_authentication_required(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"email": "jenny@example.com"})
    pm = client.v1.payment_methods.attach(
        "pm_card_authenticationRequired", params={"customer": customer.id}
    )
    assert pm.id.startswith("pm_") and pm.customer == customer.id  # §8.2: a new pm_
    with pytest.raises(stripe.CardError) as caught:
        client.v1.payment_intents.create(
            params={
                "amount": 1000,
                "currency": "usd",
                "customer": customer.id,
                "payment_method": pm.id,
                "off_session": True,
                "confirm": True,
                **CARD_ONLY,
            }
        )
    assert caught.value.code == "authentication_required"  # §3.2 T10, §9 E9
    assert caught.value.error is not None and caught.value.error.payment_method.id == pm.id


def test_payment_method_single_use_and_setup_intent(client: stripe.StripeClient) -> None:
    pm = client.v1.payment_methods.create(
        params={"type": "card", "card": {"token": "tok_visa"}}  # §4.3 card[token]
    )
    client.v1.payment_intents.create(
        params={"amount": 700, "currency": "usd", "payment_method": pm.id, "confirm": True}
        | CARD_ONLY
    )
    with pytest.raises(stripe.InvalidRequestError) as caught:  # §4.4, §9 E12
        client.v1.payment_intents.create(
            params={"amount": 700, "currency": "usd", "payment_method": pm.id, "confirm": True}
            | CARD_ONLY
        )
    assert "may not be used again" in str(caught.value.user_message)
    customer = client.v1.customers.create()
    si = client.v1.setup_intents.create(
        params={
            "customer": customer.id,
            "payment_method": "pm_card_authenticationRequiredOnSetup",
            "confirm": True,
            **CARD_ONLY,
        }
    )
    assert si.status == "requires_action"  # §5.2 S3
    assert _authenticate(client, "setup_intents", si.id, "success")["status"] == "succeeded"
    saved = client.v1.payment_methods.list(params={"customer": customer.id, "type": "card"})
    assert [m.id for m in saved.data] == [si.payment_method]  # §5.3: attached
    paid = client.v1.payment_intents.create(
        params={
            "amount": 700,
            "currency": "usd",
            "customer": customer.id,
            "payment_method": si.payment_method,
            "off_session": True,
            "confirm": True,
            **CARD_ONLY,
        }
    )
    assert paid.status == "succeeded"  # §8.4 …3155 once set up


def test_increment_authorization_and_error_on_requires_action(
    client: stripe.StripeClient,
) -> None:
    held = client.v1.payment_intents.create(
        params={
            "amount": 2000,
            "currency": "usd",
            "payment_method": "pm_card_visa",
            "capture_method": "manual",
            "confirm": True,
            "payment_method_options": {
                "card": {"request_incremental_authorization": "if_available"}
            },
            **CARD_ONLY,
        }
    )
    more = client.v1.payment_intents.increment_authorization(held.id, params={"amount": 2600})
    assert more.status == "requires_capture" and more.amount_capturable == 2600  # §3.2 T19
    assert client.v1.payment_intents.capture(held.id).amount_received == 2600
    with pytest.raises(stripe.CardError) as caught:  # §3.2 T11, §9 E11
        client.v1.payment_intents.create(
            params={
                "amount": 2000,
                "currency": "usd",
                "payment_method": "pm_card_threeDSecure2Required",
                "confirm": True,
                "error_on_requires_action": True,
                **CARD_ONLY,
            }
        )
    assert caught.value.code == "payment_intent_action_required"
    assert caught.value.error is not None and caught.value.error.payment_intent is not None
    assert caught.value.error.payment_intent.status == "requires_payment_method"


def test_module_level_api(server: StripeServer) -> None:
    """``stripe.PaymentIntent.create/confirm/capture/cancel``, the calls most code uses."""
    saved = (stripe.api_key, stripe.api_base, stripe.max_network_retries)
    stripe.api_key, stripe.api_base, stripe.max_network_retries = KEY, server.url, 0
    try:
        pi = stripe.PaymentIntent.create(amount=1500, currency="usd", payment_method_types=["card"])
        pi = stripe.PaymentIntent.confirm(pi.id, payment_method="pm_card_visa")
        assert pi.status == "succeeded"
        held = stripe.PaymentIntent.create(
            amount=1500,
            currency="usd",
            payment_method="pm_card_visa",
            capture_method="manual",
            confirm=True,
            payment_method_types=["card"],
        )
        assert stripe.PaymentIntent.capture(held.id).status == "succeeded"
        loose = stripe.PaymentIntent.create(amount=1500, currency="usd")
        assert loose.automatic_payment_methods.enabled is True  # API 2023-08-16 (§10)
        assert stripe.PaymentIntent.cancel(loose.id).status == "canceled"
    finally:
        stripe.api_key, stripe.api_base, stripe.max_network_retries = saved


def test_intents_events_are_forwarded_signed(sandbox: Any, receiver: Receiver) -> None:
    """payment_intent.*, setup_intent.* and payment_method.* reach a webhook endpoint, signed
    (intents §7), each once and in order, with the object they are about."""
    forwarder = WebhookForwarder(receiver.url)
    with StripeServer(sandbox, "127.0.0.1", 0, forward_to=forwarder) as server:
        client = stripe.StripeClient(KEY, base_addresses={"api": server.url}, max_network_retries=0)
        customer = client.v1.customers.create(params={"email": "hooks@example.com"})
        pm = client.v1.payment_methods.attach("pm_card_visa", params={"customer": customer.id})
        client.v1.payment_methods.update(pm.id, params={"metadata": {"n": "1"}})
        tds = client.v1.payment_intents.create(
            params={
                "amount": 1200,
                "currency": "usd",
                "payment_method": "pm_card_threeDSecure2Required",
                "confirm": True,
                **CARD_ONLY,
            }
        )
        _authenticate(client, "payment_intents", tds.id, "success")
        with pytest.raises(stripe.CardError):
            client.v1.payment_intents.create(
                params={
                    "amount": 1200,
                    "currency": "usd",
                    "payment_method": "pm_card_chargeDeclined",
                    "confirm": True,
                    **CARD_ONLY,
                }
            )
        held = client.v1.payment_intents.create(
            params={
                "amount": 1200,
                "currency": "usd",
                "customer": customer.id,
                "payment_method": pm.id,
                "capture_method": "manual",
                "confirm": True,
                **CARD_ONLY,
            }
        )
        client.v1.payment_intents.cancel(held.id)
        si = client.v1.setup_intents.create(
            params={
                "customer": customer.id,
                "payment_method": "pm_card_authenticationRequiredOnSetup",
                "confirm": True,
                **CARD_ONLY,
            }
        )
        _authenticate(client, "setup_intents", si.id, "success")
        client.v1.payment_methods.detach(pm.id)
        expected = [e["id"] for e in sandbox.events]
        posts = receiver.wait_for(len(expected))
    verified = [
        stripe.Webhook.construct_event(
            p.body.decode(), p.headers["Stripe-Signature"], forwarder.secret
        )
        for p in posts
    ]
    assert [e.id for e in verified] == expected  # each event once, in order
    types = [e.type for e in verified]
    for wanted in (  # intents §7
        "payment_method.attached",
        "payment_method.updated",
        "payment_method.detached",
        "payment_intent.created",
        "payment_intent.requires_action",
        "payment_intent.succeeded",
        "payment_intent.payment_failed",
        "payment_intent.amount_capturable_updated",
        "payment_intent.canceled",
        "setup_intent.created",
        "setup_intent.requires_action",
        "setup_intent.succeeded",
        "charge.succeeded",
        "charge.failed",
    ):
        assert wanted in types, (wanted, types)
    for event in verified:
        family = event.type.split(".")[0]
        if family in ("payment_intent", "setup_intent", "payment_method"):
            assert event.data.object.object == family
    first_3ds = [e for e in verified if e.data.object.id == tds.id]
    assert [e.type for e in first_3ds] == [
        "payment_intent.created",
        "payment_intent.requires_action",
        "payment_intent.succeeded",
    ]
    assert first_3ds[-1].data.object.status == "succeeded"
    assert forwarder.delivered == len(expected) and forwarder.failed == 0
