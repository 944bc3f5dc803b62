"""``expand`` and ``Stripe-Version`` through the official ``stripe`` package.

Expansion replaces an id by its object (``customer``, ``default_source``,
``charge`` on refunds...), includes the lists Stripe stopped sending by default
(``customer.sources`` §7, ``charge.refunds`` §8.4), follows dotted paths and
``data.`` on lists; the version header is echoed, an unknown one refused, and the
§14 shape changes apply per request.
"""

from __future__ import annotations

from typing import Any

import pytest
import stripe
from serve_helpers import Raw

from core.http.server import StripeServer

KEY = "sk_test_chargeable"


def _customer_with_card_and_charge(client: stripe.StripeClient) -> tuple[Any, Any]:
    customer = client.v1.customers.create(params={"email": "exp@example.com", "source": "tok_visa"})
    charge = client.v1.charges.create(
        params={"amount": 2500, "currency": "usd", "customer": customer.id}
    )
    return customer, charge


def test_expand_customer_on_retrieve_create_and_update(client: stripe.StripeClient) -> None:
    customer, charge = _customer_with_card_and_charge(client)
    assert charge.customer == customer.id  # an id without expand
    got = client.v1.charges.retrieve(charge.id, params={"expand": ["customer"]})
    assert isinstance(got.customer, stripe.Customer)
    assert got.customer.email == "exp@example.com"
    created = client.v1.charges.create(
        params={
            "amount": 700,
            "currency": "usd",
            "customer": customer.id,
            "expand": ["customer", "customer.default_source"],
        }
    )
    assert isinstance(created.customer, stripe.Customer)
    assert isinstance(created.customer.default_source, stripe.Card)
    assert created.customer.default_source.last4 == "4242"
    updated = client.v1.charges.update(
        charge.id, params={"description": "x", "expand": ["customer"]}
    )
    assert updated.customer.id == customer.id and updated.description == "x"


def test_expand_on_lists_uses_data_prefix(client: stripe.StripeClient) -> None:
    customer, _ = _customer_with_card_and_charge(client)
    page = client.v1.charges.list(params={"expand": ["data.customer"]})
    assert all(isinstance(c.customer, stripe.Customer) for c in page.data)
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.charges.list(params={"expand": ["customer"]})
    assert caught.value.http_status == 400
    assert caught.value.user_message == (
        "This property cannot be expanded (customer). "
        "You may want to try expanding 'data.customer' instead."
    )


def test_expand_refunds_and_their_charge(client: stripe.StripeClient) -> None:
    _, charge = _customer_with_card_and_charge(client)
    refund = client.v1.refunds.create(params={"charge": charge.id, "amount": 500})
    assert "refunds" not in charge  # §8.4: not expanded by default since 2022-11-15
    got = client.v1.charges.retrieve(charge.id, params={"expand": ["refunds"]})
    assert [r.id for r in got.refunds.data] == [refund.id]
    keys = list(got.to_dict())
    assert keys.index("refunds") == keys.index("refunded") + 1  # alphabetical, as Stripe
    again = client.v1.refunds.retrieve(refund.id, params={"expand": ["charge.customer"]})
    assert isinstance(again.charge, stripe.Charge)
    assert again.charge.customer.email == "exp@example.com"


def test_expand_customer_sources(client: stripe.StripeClient) -> None:
    customer, _ = _customer_with_card_and_charge(client)
    plain = client.v1.customers.retrieve(customer.id)
    assert "sources" not in plain  # §7: since 2020-08-27 not returned by default
    got = client.v1.customers.retrieve(customer.id, params={"expand": ["sources"]})
    assert [s.id for s in got.sources.data] == [customer.default_source]


def test_indexed_and_bracket_forms_and_errors(server: StripeServer) -> None:
    raw = Raw(server.url)
    _, _, cus = raw.form("POST", "/v1/customers", [("source", "tok_visa")])
    _, _, charge = raw.form(
        "POST", "/v1/charges", [("amount", "900"), ("currency", "usd"), ("customer", cus["id"])]
    )
    for key in ("expand[]", "expand[0]"):
        status, _, body = raw.form("GET", f"/v1/charges/{charge['id']}", [(key, "customer")])
        assert status == 200 and body["customer"]["id"] == cus["id"]
    status, _, body = raw.form("GET", f"/v1/charges/{charge['id']}", [("expand[]", "amount")])
    assert status == 400
    assert body["error"]["message"] == "This property cannot be expanded (amount)."
    status, _, body = raw.form("GET", f"/v1/charges/{charge['id']}", [("expand", "customer")])
    assert status == 400 and body["error"]["param"] == "expand"
    deep = "customer.default_source.customer.default_source.customer"
    status, _, body = raw.form("GET", f"/v1/charges/{charge['id']}", [("expand[]", deep)])
    assert status == 400 and "4 levels" in body["error"]["message"]
    four = "customer.default_source.customer.default_source"
    status, _, body = raw.form("GET", f"/v1/charges/{charge['id']}", [("expand[]", four)])
    assert status == 200
    assert body["customer"]["default_source"]["customer"]["default_source"]["object"] == "card"


def test_a_refused_expansion_changes_nothing(server: StripeServer, sandbox: Any) -> None:
    raw = Raw(server.url)
    before = len(sandbox.object_ids())
    status, _, _ = raw.form(
        "POST", "/v1/customers", [("email", "x@example.com"), ("expand[]", "nope")]
    )
    assert status == 400
    assert len(sandbox.object_ids()) == before and not sandbox.log


def test_stripe_version_is_echoed(client: stripe.StripeClient, server: StripeServer) -> None:
    customer = client.v1.customers.create()
    # the official library pins its own version and sends it on every request
    assert customer.last_response.headers["Stripe-Version"] == stripe.api_version
    status, headers, _ = Raw(server.url).send("GET", "/v1/customers")
    assert status == 200 and headers["stripe-version"] == "2023-08-16"  # the account default


def test_an_unknown_version_is_refused(server: StripeServer) -> None:
    pinned = stripe.StripeClient(
        KEY, base_addresses={"api": server.url}, max_network_retries=0, stripe_version="garbage"
    )
    with pytest.raises(stripe.InvalidRequestError) as caught:
        pinned.v1.customers.create()
    assert caught.value.http_status == 400
    assert caught.value.user_message == "Invalid Stripe API version: garbage"
    for bad in ("2020-02-30", "2099-01-01", "2025-10-29.basil", "2020-08-27.acacia"):
        status, _, body = Raw(server.url).send(
            "GET", "/v1/customers", headers={"Stripe-Version": bad}
        )
        assert status == 400, bad
        assert body["error"]["message"] == f"Invalid Stripe API version: {bad}"


def _at(server: StripeServer, version: str) -> stripe.StripeClient:
    return stripe.StripeClient(
        KEY, base_addresses={"api": server.url}, max_network_retries=0, stripe_version=version
    )


def test_old_versions_list_sources_and_refunds(server: StripeServer) -> None:
    old = _at(server, "2020-03-02")
    customer = old.v1.customers.create(params={"source": "tok_visa"})
    # §7/§14: before 2020-08-27 customer.sources comes without expand
    assert [s.id for s in customer.sources.data] == [customer.default_source]
    charge = old.v1.charges.create(
        params={"amount": 800, "currency": "usd", "customer": customer.id}
    )
    assert charge.refunds.data == []  # §8.4/§14: before 2022-11-15 refunds are listed
    old.v1.refunds.create(params={"charge": charge.id})
    again = old.v1.charges.retrieve(charge.id)
    assert len(again.refunds.data) == 1 and again.refunds.data[0].amount == 800
    listed = old.v1.charges.list()
    assert "refunds" in listed.data[0]
    between = _at(server, "2020-08-27")  # sources no longer, refunds still
    assert "sources" not in between.v1.customers.retrieve(customer.id)
    assert "refunds" in between.v1.charges.retrieve(charge.id)
    new = _at(server, "2022-11-15")
    assert "refunds" not in new.v1.charges.retrieve(charge.id)
    expanded = new.v1.customers.retrieve(customer.id, params={"expand": ["sources"]})
    assert len(expanded.sources.data) == 1


def test_before_2015_02_18_charges_are_paid_and_customers_have_cards(server: StripeServer) -> None:
    ancient = _at(server, "2014-08-04")
    customer = ancient.v1.customers.create(params={"source": "tok_visa"})
    assert "default_source" not in customer and customer.default_card.startswith("card_")
    assert [c.id for c in customer.cards.data] == [customer.default_card]
    charge = ancient.v1.charges.create(
        params={"amount": 800, "currency": "usd", "customer": customer.id}
    )
    assert charge.status == "paid"  # §8.2
    assert charge.card.id == charge.source.id  # §8.3: older versions return both


def test_the_account_default_is_a_setting() -> None:
    from core.api import Sandbox

    sandbox = Sandbox(api_version="2019-12-03")
    response = sandbox.request("POST", "/v1/customers", {}, {"Authorization": "Bearer sk_test_x"})
    assert response.headers["Stripe-Version"] == "2019-12-03"
    assert response.body["sources"]["data"] == []


def test_expand_through_invoice_settings_and_on_intents(client: stripe.StripeClient) -> None:
    pm = client.v1.payment_methods.create(params={"type": "card", "card": {"token": "tok_visa"}})
    customer = client.v1.customers.create(
        params={"payment_method": pm.id, "invoice_settings": {"default_payment_method": pm.id}}
    )
    got = client.v1.customers.retrieve(
        customer.id, params={"expand": ["invoice_settings.default_payment_method"]}
    )
    assert isinstance(got.invoice_settings.default_payment_method, stripe.PaymentMethod)
    assert got.invoice_settings.default_payment_method.id == pm.id
    intent = client.v1.payment_intents.create(
        params={
            "amount": 1200,
            "currency": "usd",
            "customer": customer.id,
            "payment_method": pm.id,
            "confirm": True,
            "payment_method_types": ["card"],
            "expand": ["customer", "latest_charge", "payment_method"],
        }
    )
    assert intent.customer.id == customer.id and intent.payment_method.id == pm.id
    assert intent.latest_charge.object == "charge"
    charge = client.v1.charges.retrieve(
        intent.latest_charge.id, params={"expand": ["payment_intent"]}
    )
    assert charge.payment_intent.id == intent.id
