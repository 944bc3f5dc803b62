"""Customer and charge parameters real integrations send, through the official client.

Accepted, validated and echoed as Stripe echoes them (spec subset: the request bodies
of POST /v1/customers, POST /v1/customers/{customer}, POST /v1/charges and
POST /v1/charges/{charge}; §8.1 "Other parameters").
"""

from __future__ import annotations

from typing import Any

import pytest
import stripe

ADDRESS = {
    "line1": "510 Townsend St",
    "city": "San Francisco",
    "state": "CA",
    "postal_code": "94103",
    "country": "US",
}
FULL_ADDRESS = {**ADDRESS, "line2": None}


def test_customer_fields_are_echoed_and_updated(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(
        params={
            "email": "params@example.com",
            "phone": "+14155550100",
            "address": ADDRESS,
            "shipping": {"name": "Jenny Rosen", "address": ADDRESS, "phone": "+14155550101"},
            "preferred_locales": ["ja-JP", "en"],
            "invoice_settings": {
                "footer": "Thanks",
                "custom_fields": [{"name": "VAT", "value": "GB123"}],
                "rendering_options": {"amount_tax_display": "exclude_tax"},
            },
            "balance": -500,
            "tax_exempt": "reverse",
        }
    )
    assert customer.phone == "+14155550100"
    assert customer.address.to_dict() == FULL_ADDRESS
    assert customer.shipping.to_dict() == {
        "address": FULL_ADDRESS,
        "name": "Jenny Rosen",
        "phone": "+14155550101",
    }
    assert customer.preferred_locales == ["ja-JP", "en"]
    settings = customer.invoice_settings
    assert settings.footer == "Thanks" and settings.default_payment_method is None
    assert settings.custom_fields[0].to_dict() == {"name": "VAT", "value": "GB123"}
    assert settings.rendering_options.amount_tax_display == "exclude_tax"
    assert customer.balance == -500 and customer.tax_exempt == "reverse"
    updated = client.v1.customers.update(
        customer.id,
        params={"invoice_settings": {"footer": "Bye"}, "balance": 0, "tax_exempt": "none"},
    )
    assert updated.invoice_settings.footer == "Bye"
    assert updated.invoice_settings.custom_fields[0].name == "VAT"  # kept: not sent
    assert updated.balance == 0 and updated.tax_exempt == "none"
    cleared = client.v1.customers.update(customer.id, params={"shipping": "", "address": ""})
    assert cleared.shipping is None and cleared.address is None
    fresh = client.v1.customers.create()
    assert fresh.invoice_settings.to_dict() == {
        "custom_fields": None,
        "default_payment_method": None,
        "footer": None,
        "rendering_options": None,
    }
    assert fresh.preferred_locales == [] and fresh.tax_exempt == "none" and fresh.balance == 0


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"tax_exempt": "sometimes"}, "tax_exempt"),
        ({"balance": "lots"}, "balance"),
        ({"shipping": {"name": "No Address"}}, "shipping[address]"),
        ({"shipping": {"address": ADDRESS}}, "shipping[name]"),
        ({"address": {"planet": "Mars"}}, "address[planet]"),
        ({"invoice_settings": {"default_payment_method": "pm_nope"}}, None),
    ],
)
def test_bad_customer_fields_are_refused(
    client: stripe.StripeClient, params: dict[str, Any], param: str | None
) -> None:
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.customers.create(params=params)  # type: ignore[arg-type]
    if param is not None:
        assert caught.value.param == param


def test_charge_fields_are_echoed(client: stripe.StripeClient) -> None:
    charge = client.v1.charges.create(
        params={
            "amount": 2000,
            "currency": "usd",
            "source": "tok_visa",
            "shipping": {
                "name": "Jenny Rosen",
                "address": ADDRESS,
                "carrier": "UPS",
                "tracking_number": "1Z999",
            },
            "statement_descriptor": "CHARGEABLE SHOP",
            "statement_descriptor_suffix": "ORDER 7",
            "receipt_email": "r@example.com",
            "transfer_group": "ORDER7",
            "on_behalf_of": "acct_1Example",
            "transfer_data": {"destination": "acct_1Example", "amount": 1500},
            "application_fee_amount": 200,
        }
    )
    assert charge.shipping.to_dict() == {
        "address": FULL_ADDRESS,
        "carrier": "UPS",
        "name": "Jenny Rosen",
        "phone": None,
        "tracking_number": "1Z999",
    }
    assert charge.statement_descriptor == "CHARGEABLE SHOP"
    assert charge.statement_descriptor_suffix == "ORDER 7"
    assert charge.receipt_email == "r@example.com" and charge.transfer_group == "ORDER7"
    assert charge.on_behalf_of == "acct_1Example"
    assert charge.transfer_data.to_dict() == {"amount": 1500, "destination": "acct_1Example"}
    assert charge.application_fee_amount == 200
    updated = client.v1.charges.update(
        charge.id, params={"shipping": {"name": "Jim", "address": {"country": "FR"}}}
    )
    assert updated.shipping.name == "Jim" and updated.shipping.address.country == "FR"


def test_charge_fields_are_validated(client: stripe.StripeClient) -> None:
    base: dict[str, Any] = {"amount": 2000, "currency": "usd", "source": "tok_visa"}
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.charges.create(params={**base, "application_fee_amount": 100})
    assert caught.value.param == "application_fee_amount"
    assert "on behalf of another account" in str(caught.value.user_message)
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.charges.create(params={**base, "transfer_data": {"amount": 5}})
    assert caught.value.param == "transfer_data[destination]"
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.charges.create(
            params={**base, "transfer_data": {"destination": "acct_1", "amount": 99999}}
        )
    assert caught.value.param == "transfer_data[amount]"
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.charges.create(params={**base, "statement_descriptor": "X" * 23})
    assert caught.value.param == "statement_descriptor"
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.charges.create(params={**base, "on_behalf_of": "cus_123"})
    assert caught.value.param == "on_behalf_of"
