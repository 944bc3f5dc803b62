"""Endpoints the reference and the spec subset document, through the official client.

Spec subset paths: /v1/charges/{charge}/refund, /v1/charges/{charge}/refunds[/{refund}],
/v1/refunds/{refund} (update), /v1/customers/{customer}/sources/{id} (update) and
/verify (§7: amounts 32 and 45, at most 3 failed attempts),
/v1/sources/{source}/source_transactions, /mandate_notifications/{id}; and balance
transactions (``charge.balance_transaction``, ``refund.balance_transaction``),
GET /v1/balance_transactions[/{id}], GET /v1/balance.
"""

from __future__ import annotations

from typing import Any

import pytest
import stripe

from core.http.server import StripeServer

KEY = "sk_test_chargeable"


def _charge(client: stripe.StripeClient, amount: int = 2000, **extra: Any) -> Any:
    return client.v1.charges.create(
        params={"amount": amount, "currency": "usd", "source": "tok_visa", **extra}
    )


def test_the_legacy_charge_refund_answers_the_charge(client: stripe.StripeClient) -> None:
    charge = _charge(client)
    raw = client.raw_request("post", f"/v1/charges/{charge.id}/refund", amount=500)
    refunded = client.deserialize(raw, api_mode="V1")
    assert refunded.object == "charge" and refunded.id == charge.id
    assert refunded.amount_refunded == 500 and refunded.refunded is False


def test_refunds_under_a_charge(client: stripe.StripeClient) -> None:
    charge = _charge(client)
    other = _charge(client)
    made = client.deserialize(
        client.raw_request("post", f"/v1/charges/{charge.id}/refunds", amount=300), api_mode="V1"
    )
    assert made.object == "refund" and made.charge == charge.id
    client.v1.refunds.create(params={"charge": other.id})
    listed = client.deserialize(
        client.raw_request("get", f"/v1/charges/{charge.id}/refunds"), api_mode="V1"
    )
    assert [r.id for r in listed.data] == [made.id]
    assert listed.url == f"/v1/charges/{charge.id}/refunds"
    one = client.deserialize(
        client.raw_request("get", f"/v1/charges/{charge.id}/refunds/{made.id}"), api_mode="V1"
    )
    assert one.id == made.id
    with pytest.raises(stripe.InvalidRequestError):
        client.raw_request("get", f"/v1/charges/{other.id}/refunds/{made.id}")


def test_update_a_refund(client: stripe.StripeClient, sandbox: Any) -> None:
    refund = client.v1.refunds.create(params={"charge": _charge(client).id})
    updated = client.v1.refunds.update(refund.id, params={"metadata": {"ticket": "T-1"}})
    assert updated.metadata.to_dict() == {"ticket": "T-1"}
    assert sandbox.events[-1]["type"] == "charge.refund.updated"
    assert sandbox.events[-1]["data"]["previous_attributes"] == {"metadata": {}}


def test_update_a_customer_card(client: stripe.StripeClient, sandbox: Any) -> None:
    customer = client.v1.customers.create(params={"source": "tok_visa"})
    card_id = customer.default_source
    assert card_id is not None
    card = client.v1.customers.payment_sources.update(
        customer.id,
        card_id,
        params={
            "name": "Jenny Rosen",
            "address_city": "Tokyo",
            "address_country": "JP",
            "exp_month": 3,
            "exp_year": 2036,
            "metadata": {"label": "work"},
        },
    )
    assert card.object == "card" and card.name == "Jenny Rosen"
    assert card.address_city == "Tokyo" and card.address_country == "JP"
    assert (card.exp_month, card.exp_year) == (3, 2036)
    assert card.metadata.to_dict() == {"label": "work"}
    event = sandbox.events[-1]
    assert event["type"] == "customer.source.updated"  # §7 events
    assert event["data"]["previous_attributes"]["name"] is None
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.customers.payment_sources.update(customer.id, "card_nope", params={"name": "x"})
    assert caught.value.param == "id"


def test_update_an_attached_source(client: stripe.StripeClient) -> None:
    source = client.v1.sources.create(
        params={
            "type": "card",
            "token": client.v1.tokens.create(
                params={"card": {"number": "4242424242424242", "exp_month": 12, "exp_year": 2034}}
            ).id,
        }
    )
    customer = client.v1.customers.create(params={"source": source.id})
    got = client.v1.customers.payment_sources.update(
        customer.id, source.id, params={"metadata": {"k": "v"}}
    )
    assert got.object == "source" and got.metadata.to_dict() == {"k": "v"}


def _bank_customer(client: stripe.StripeClient) -> tuple[Any, str]:
    token = client.v1.tokens.create(
        params={
            "bank_account": {
                "country": "US",
                "currency": "usd",
                "account_holder_name": "Jenny Rosen",
                "account_holder_type": "individual",
                "routing_number": "110000000",
                "account_number": "000123456789",
            }
        }
    )
    customer = client.v1.customers.create(params={"source": token.id})
    assert customer.default_source is not None
    return customer, customer.default_source


def test_verify_a_bank_account(client: stripe.StripeClient) -> None:
    customer, bank = _bank_customer(client)
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.customers.payment_sources.verify(customer.id, bank, params={"amounts": [1, 2]})
    assert caught.value.param == "amounts"
    verified = client.v1.customers.payment_sources.verify(
        customer.id, bank, params={"amounts": [32, 45]}
    )  # §7: the test amounts
    assert verified.status == "verified"
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.customers.payment_sources.verify(customer.id, bank, params={"amounts": [32, 45]})
    assert "already been verified" in str(caught.value.user_message)
    charge = client.v1.charges.create(
        params={"amount": 1000, "currency": "usd", "customer": customer.id}
    )
    assert charge.status == "pending"  # §8.2: ACH debits settle later


def test_three_failed_verifications_fail_the_account(client: stripe.StripeClient) -> None:
    customer, bank = _bank_customer(client)
    for _ in range(3):  # §7: at most 3 failed attempts
        with pytest.raises(stripe.InvalidRequestError):
            client.v1.customers.payment_sources.verify(
                customer.id, bank, params={"amounts": [10, 20]}
            )
    got = client.v1.customers.payment_sources.retrieve(customer.id, bank)
    assert got.status == "verification_failed"
    with pytest.raises(stripe.InvalidRequestError):
        client.v1.customers.payment_sources.verify(customer.id, bank, params={"amounts": [32, 45]})


def test_source_transactions(server: StripeServer, client: stripe.StripeClient) -> None:
    source = client.v1.sources.create(
        params={"type": "ach_credit_transfer", "currency": "usd", "owner": {"email": "a@b.co"}}
    )
    client.raw_request("post", f"/v1/test_helpers/sources/{source.id}/receive_funds", amount=700)
    stripe.api_key, stripe.api_base = KEY, server.url
    try:
        txns = stripe.Source.list_source_transactions(source.id)
    finally:
        stripe.api_base = "https://api.stripe.com"
    assert [t.amount for t in txns.data] == [700]
    assert txns.data[0].object == "source_transaction" and txns.data[0].source == source.id
    one = client.deserialize(
        client.raw_request("get", f"/v1/sources/{source.id}/source_transactions/{txns.data[0].id}"),
        api_mode="V1",
    )
    assert one.id == txns.data[0].id
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.raw_request("get", f"/v1/sources/{source.id}/mandate_notifications/srcmn_x")
    assert caught.value.code == "resource_missing"


def test_balance_transactions_and_balance(client: stripe.StripeClient) -> None:
    charge = _charge(client, 10_000)
    assert charge.balance_transaction is not None
    txn = client.v1.balance_transactions.retrieve(charge.balance_transaction)
    assert txn.source == charge.id and txn.type == "charge" and txn.amount == 10_000
    assert txn.fee == 320 and txn.net == 9_680 and txn.status == "pending"
    expanded = client.v1.charges.retrieve(charge.id, params={"expand": ["balance_transaction"]})
    assert expanded.balance_transaction.fee_details[0].type == "stripe_fee"
    refund = client.v1.refunds.create(params={"charge": charge.id, "amount": 1_000})
    assert refund.balance_transaction is not None
    listed = client.v1.balance_transactions.list(params={"type": "refund"})
    assert [t.id for t in listed.data] == [refund.balance_transaction]
    assert listed.data[0].amount == -1_000
    balance = client.v1.balance.retrieve()
    assert balance.pending[0].currency == "usd" and balance.pending[0].amount == 8_680
    assert balance.available[0].amount == 0
    client.raw_request("post", "/v1/test_helpers/advance_clock", seconds=3 * 86400)
    later = client.v1.balance.retrieve()
    assert later.available[0].amount == 8_680 and later.pending[0].amount == 0
    uncaptured = _charge(client, capture=False)
    assert uncaptured.balance_transaction is None  # none until captured
    captured = client.v1.charges.capture(uncaptured.id)
    assert captured.balance_transaction is not None
