"""The official ``stripe`` package, unmodified, against ``chargeable serve``."""

from __future__ import annotations

from typing import Any

import pytest
import stripe
from conftest import KEY
from serve_helpers import Receiver

from core.http.server import StripeServer
from core.http.webhooks import WebhookForwarder

CARD = {"number": "4242424242424242", "exp_month": 12, "exp_year": 2034, "cvc": "123"}
DECLINED = CARD | {"number": "4000000000000002"}


def test_token_then_charge(client: stripe.StripeClient, sandbox: Any) -> None:
    token = client.v1.tokens.create(params={"card": CARD})
    assert token.id.startswith("tok_") and token.used is False
    assert token.card is not None and token.card.last4 == "4242"
    charge = client.v1.charges.create(
        params={"amount": 2000, "currency": "usd", "source": token.id}
    )
    assert charge.id.startswith("ch_")
    assert charge.status == "succeeded" and charge.paid is True
    assert client.v1.tokens.retrieve(token.id).used is True
    assert sandbox.get(charge.id)["amount"] == 2000  # the object really is in the sandbox


def test_reusing_a_token_raises_invalid_request_error_token_already_used(
    client: stripe.StripeClient,
) -> None:
    token = client.v1.tokens.create(params={"card": CARD})
    client.v1.charges.create(params={"amount": 500, "currency": "usd", "source": token.id})
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.charges.create(params={"amount": 500, "currency": "usd", "source": token.id})
    assert caught.value.code == "token_already_used"
    assert caught.value.http_status == 400
    assert token.id in str(caught.value.user_message)
    assert caught.value.request_id is not None and caught.value.request_id.startswith("req_")


def test_declined_card_raises_card_error_with_the_failed_charge(
    client: stripe.StripeClient, sandbox: Any
) -> None:
    token = client.v1.tokens.create(params={"card": DECLINED})
    with pytest.raises(stripe.CardError) as caught:
        client.v1.charges.create(params={"amount": 500, "currency": "usd", "source": token.id})
    error = caught.value
    assert error.http_status == 402
    assert error.code == "card_declined"
    assert error.error is not None
    assert error.error.decline_code == "generic_decline"
    failed = error.error.charge
    assert failed is not None and sandbox.get(failed)["status"] == "failed"  # §5.2


def test_unknown_ids_raise_resource_missing(client: stripe.StripeClient) -> None:
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.sources.retrieve("src_doesnotexist")
    assert caught.value.code == "resource_missing"
    assert caught.value.http_status == 404
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.charges.create(
            params={"amount": 500, "currency": "usd", "source": "tok_doesnotexist"}
        )
    assert caught.value.code == "resource_missing"
    assert caught.value.param == "source"


def test_reusable_card_source_attached_to_a_customer_charged_three_times(
    client: stripe.StripeClient,
) -> None:
    source = client.v1.sources.create(params={"type": "card", "card": CARD})
    assert source.status == "chargeable" and source.usage == "reusable"
    assert "customer" not in source  # absent until attached (§2.1)
    customer = client.v1.customers.create(params={"email": "jenny@example.com"})
    attached = client.v1.customers.payment_sources.create(customer.id, params={"source": source.id})
    assert attached.id == source.id
    charges = [
        client.v1.charges.create(
            params={"amount": 700, "currency": "usd", "customer": customer.id, "source": source.id}
        )
        for _ in range(3)
    ]
    assert [c.status for c in charges] == ["succeeded"] * 3
    assert len({c.id for c in charges}) == 3
    assert client.v1.sources.retrieve(source.id).status == "chargeable"  # still reusable
    listed = client.v1.customers.payment_sources.list(customer.id)
    assert [s.id for s in listed.data] == [source.id]


def test_redirect_source_authorized_with_the_test_helper_then_charged(
    client: stripe.StripeClient,
) -> None:
    source = client.v1.sources.create(
        params={
            "type": "ideal",
            "amount": 1500,
            "currency": "eur",
            "owner": {"name": "Jenny Rosen"},
            "redirect": {"return_url": "https://example.com/return"},
        }
    )
    assert source.flow == "redirect" and source.status == "pending"
    assert source.usage == "single_use"
    with pytest.raises(stripe.InvalidRequestError):  # not chargeable yet (§5.2)
        client.v1.charges.create(params={"amount": 1500, "currency": "eur", "source": source.id})
    # The helper is Chargeable's, not in stripe-python: send it as a raw request.
    response = client.raw_request("post", f"/v1/test_helpers/sources/{source.id}/authorize")
    authorized = client.deserialize(response, api_mode="V1")
    assert authorized.status == "chargeable"
    assert authorized.redirect.status == "succeeded"
    charge = client.v1.charges.create(
        params={"amount": 1500, "currency": "eur", "source": source.id}
    )
    assert charge.status == "succeeded"
    assert client.v1.sources.retrieve(source.id).status == "consumed"


def test_idempotency_key_replays_and_conflicts(client: stripe.StripeClient) -> None:
    params = {"email": "same@example.com"}
    first = client.v1.customers.create(params=params, options={"idempotency_key": "k-1"})
    again = client.v1.customers.create(params=params, options={"idempotency_key": "k-1"})
    assert again.id == first.id
    other = client.v1.customers.create(params=params, options={"idempotency_key": "k-2"})
    assert other.id != first.id
    with pytest.raises(stripe.IdempotencyError):
        client.v1.customers.create(
            params={"email": "different@example.com"}, options={"idempotency_key": "k-1"}
        )
    assert [c.id for c in client.v1.customers.list().data].count(first.id) == 1


def test_a_live_key_is_refused(server: StripeServer) -> None:
    live = stripe.StripeClient(
        "sk_live_nope", base_addresses={"api": server.url}, max_network_retries=0
    )
    with pytest.raises(stripe.AuthenticationError) as caught:
        live.v1.tokens.create(params={"card": CARD})
    assert caught.value.http_status == 401


def test_the_global_api_base_style_works_too(
    server: StripeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stripe, "api_key", KEY)
    monkeypatch.setattr(stripe, "api_base", server.url)
    monkeypatch.setattr(stripe, "max_network_retries", 0)
    token = stripe.Token.create(card=CARD)
    customer = stripe.Customer.create(source=token.id)
    assert customer.default_source is not None and customer.default_source.startswith("card_")
    charge = stripe.Charge.create(amount=900, currency="usd", customer=customer.id)
    assert charge.status == "succeeded"
    assert charge.source.id == customer.default_source
    with pytest.raises(stripe.InvalidRequestError) as caught:
        stripe.Customer.create(source=token.id)
    assert caught.value.code == "token_already_used"


def test_events_are_listed_newest_first(client: stripe.StripeClient, sandbox: Any) -> None:
    client.v1.sources.create(params={"type": "card", "card": CARD})
    events = client.v1.events.list(params={"type": "source.chargeable"})
    assert [e.type for e in events.data] == ["source.chargeable"]
    assert [e.id for e in events.data] == [
        e["id"] for e in reversed(sandbox.events) if e["type"] == "source.chargeable"
    ]


def test_events_are_forwarded_signed_and_verify_with_stripe_python(
    sandbox: Any, receiver: Receiver
) -> None:
    forwarder = WebhookForwarder(receiver.url)
    with StripeServer(sandbox, "127.0.0.1", 0, forward_to=forwarder) as server:
        client = stripe.StripeClient(KEY, base_addresses={"api": server.url}, max_network_retries=0)
        source = client.v1.sources.create(params={"type": "card", "card": CARD})
        client.v1.charges.create(params={"amount": 500, "currency": "usd", "source": source.id})
        expected = [e["id"] for e in sandbox.events]
        posts = receiver.wait_for(len(expected))
    assert len(expected) >= 2
    verified = [
        stripe.Webhook.construct_event(
            p.body.decode(), p.headers["Stripe-Signature"], forwarder.secret
        )
        for p in posts
    ]
    assert [e.id for e in verified] == expected  # each event once, in order
    types = [e.type for e in verified]
    assert "source.chargeable" in types and "charge.succeeded" in types
    chargeable = verified[types.index("source.chargeable")]
    assert chargeable.data.object.id == source.id
    assert forwarder.delivered == len(expected) and forwarder.failed == 0


def test_subscribers_see_outside_requests_with_their_origin(sandbox: Any) -> None:
    # the window's SandboxHost tells HTTP requests from its own by the Change's origin
    changes: list[Any] = []
    sandbox.subscribe(changes.append)
    with StripeServer(sandbox, "127.0.0.1", 0) as server:
        client = stripe.StripeClient(KEY, base_addresses={"api": server.url}, max_network_retries=0)
        token = client.v1.tokens.create(params={"card": CARD})
        sandbox.request("GET", f"/v1/tokens/{token.id}", headers={"Authorization": f"Bearer {KEY}"})
    outside = [c for c in changes if c.origin.startswith("http ")]
    assert len(outside) == 1  # the direct call above is not an HTTP request
    assert changes[-1].origin == "api"
    change = outside[0]
    assert token.id in change.changed_ids
    assert change.response.status == 200
    assert change.origin.startswith("http 127.0.0.1:")
