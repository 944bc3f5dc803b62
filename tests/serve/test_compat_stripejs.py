"""What Stripe.js and legacy integrations send (§1: publishable keys create tokens and
sources client-side; §2.1 ``client_secret``; §7 attaching a card).

Stripe.js posts form bodies with ``key=pk_test_…`` and no ``Authorization`` header,
plus its telemetry fields; it polls a source with ``GET /v1/sources/{id}`` and the
source's ``client_secret``. The legacy Cards API form passes a card hash as a
customer's ``source``.
"""

from __future__ import annotations

import urllib.parse
from typing import Any

import pytest
import stripe
from serve_helpers import Raw

from core.http.server import StripeServer

PK = "pk_test_chargeable_js"
TELEMETRY = [
    ("payment_user_agent", "stripe.js/abc123; stripe-js-v3/abc123; card-element"),
    ("time_on_page", "48213"),
    ("guid", "NA"),
    ("muid", "f3b3e2e1-0000-4000-8000-000000000000"),
    ("sid", "NA"),
    ("referrer", "https://shop.example.com/checkout"),
    ("pasted_fields", "number"),
]
CARD = [
    ("card[number]", "4242424242424242"),
    ("card[exp_month]", "12"),
    ("card[exp_year]", "34"),
    ("card[cvc]", "123"),
]


def _js(server: StripeServer) -> Raw:
    return Raw(server.url, key=None)  # no Authorization header at all


def test_a_token_with_the_key_in_the_body(server: StripeServer) -> None:
    status, _, body = _js(server).form("POST", "/v1/tokens", [("key", PK), *CARD, *TELEMETRY])
    assert status == 200, body
    assert body["id"].startswith("tok_") and body["card"]["last4"] == "4242"


def test_a_source_with_the_key_in_the_body_then_polled_with_its_secret(
    server: StripeServer,
) -> None:
    raw = _js(server)
    pairs = [("key", PK), ("type", "card"), *CARD, *TELEMETRY]
    status, _, source = raw.form("POST", "/v1/sources", pairs)
    assert status == 200, source
    secret = source["client_secret"]
    query = urllib.parse.urlencode({"key": PK, "client_secret": secret})
    status, _, polled = raw.send("GET", f"/v1/sources/{source['id']}?{query}")
    assert status == 200 and polled["id"] == source["id"]
    assert polled["status"] == "chargeable"
    wrong = urllib.parse.urlencode({"key": PK, "client_secret": "src_client_secret_wrong"})
    status, _, body = raw.send("GET", f"/v1/sources/{source['id']}?{wrong}")
    assert status == 404 and body["error"]["code"] == "resource_missing"
    status, _, body = raw.send("GET", f"/v1/sources/{source['id']}?key={PK}")
    assert status == 404


def test_a_publishable_key_still_cannot_do_server_work(server: StripeServer) -> None:
    raw = _js(server)
    status, _, body = raw.form("POST", "/v1/customers", [("key", PK)])
    assert status == 401  # the body key is only read where Stripe.js sends it
    status, _, body = raw.form(
        "POST", "/v1/charges", [("amount", "500")], Authorization=f"Bearer {PK}"
    )
    assert status == 401
    assert "publishable API key" in body["error"]["message"]
    status, _, body = raw.form("POST", "/v1/tokens", [*CARD])
    assert status == 401  # no key anywhere


def test_the_token_made_in_the_browser_is_charged_by_the_server(
    server: StripeServer, client: stripe.StripeClient
) -> None:
    _, _, token = _js(server).form("POST", "/v1/tokens", [("key", PK), *CARD, *TELEMETRY])
    charge = client.v1.charges.create(
        params={"amount": 1500, "currency": "usd", "source": token["id"]}
    )
    assert charge.status == "succeeded" and charge.payment_method.startswith("card_")


def test_a_card_hash_as_a_customer_source(client: stripe.StripeClient) -> None:
    card: Any = {
        "object": "card",
        "number": "4242424242424242",
        "exp_month": 12,
        "exp_year": 2034,
        "cvc": "123",
    }
    customer = client.v1.customers.create(params={"source": card})
    assert customer.default_source is not None and customer.default_source.startswith("card_")
    again = client.v1.customers.payment_sources.create(
        customer.id, params={"source": card | {"number": "5555555555554444"}}
    )
    assert again.object == "card" and again.brand == "MasterCard" and again.last4 == "4444"
    charge = client.v1.charges.create(
        params={"amount": 900, "currency": "usd", "customer": customer.id}
    )
    assert charge.source.id == customer.default_source
    with pytest.raises(stripe.CardError) as caught:  # §10: a declining card cannot be attached
        client.v1.customers.create(params={"source": card | {"number": "4000000000000002"}})
    assert caught.value.code == "card_declined"
    with pytest.raises(stripe.InvalidRequestError) as refused:
        client.v1.customers.create(params={"source": card | {"object": "bank_account"}})
    assert refused.value.param == "source[object]"
