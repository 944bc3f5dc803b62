"""PaymentMethods, PaymentIntents and SetupIntents as Stripe JSON (stripe-intents-domain.md)."""

from __future__ import annotations

from core.store.records import (
    CardRec,
    JSONDict,
    PaymentIntentRec,
    PaymentMethodRec,
    SetupIntentRec,
)
from core.wire.charges import card_network
from core.wire.emit import dump, fresh


def _billing_json(given: JSONDict) -> JSONDict:
    address = given.get("address")
    return {
        "address": None
        if not isinstance(address, dict)
        else {
            k: fresh(address.get(k))
            for k in ("city", "country", "line1", "line2", "postal_code", "state")
        },
        "email": given.get("email"),
        "name": given.get("name"),
        "phone": given.get("phone"),
    }


def _pm_card_json(card: CardRec) -> JSONDict:
    from core.facts import cards as cards_facts  # facts only; no cycle

    test = cards_facts.BY_KEY.get(card.key)
    network = card_network(card.brand)
    return {
        "brand": network,
        "checks": {
            "address_line1_check": card.address_line1_check,
            "address_postal_code_check": card.address_zip_check,
            "cvc_check": card.cvc_check,
        },
        "country": card.country,
        "exp_month": card.exp_month,
        "exp_year": card.exp_year,
        "fingerprint": card.fingerprint,
        "funding": card.funding,
        "generated_from": None,
        "last4": card.last4,
        "networks": {"available": [network], "preferred": None},
        "three_d_secure_usage": {
            "supported": test is None or test.three_d_secure != "not_supported"
        },
        "wallet": None,
    }


def payment_method_json(rec: PaymentMethodRec) -> JSONDict:
    """intents §4.1: a PaymentMethod; only its own type's hash is present."""
    fields: JSONDict = {"id": rec.id, "object": "payment_method"}
    if rec.type == "bancontact":
        fields["bancontact"] = {}
    fields["billing_details"] = _billing_json(rec.billing_details)
    if rec.card is not None:
        fields["card"] = _pm_card_json(rec.card)
    fields.update(created=rec.created, customer=rec.customer)
    if rec.type == "ideal":
        fields["ideal"] = dict(rec.type_data)
    fields.update(livemode=False, metadata=dict(rec.metadata))
    if rec.type == "sepa_debit":
        fields["sepa_debit"] = {**rec.type_data, "generated_from": None}
    fields["type"] = rec.type
    if rec.type == "us_bank_account":
        fields["us_bank_account"] = {
            **rec.type_data,
            "financial_connections_account": None,
            "networks": {"preferred": "ach", "supported": ["ach"]},
            "status_details": None,
        }
    return dump("payment_method", _sorted_pm(fields))


_PM_ORDER = (
    "id",
    "object",
    "bancontact",
    "billing_details",
    "card",
    "created",
    "customer",
    "ideal",
    "livemode",
    "metadata",
    "sepa_debit",
    "type",
    "us_bank_account",
)


def _sorted_pm(fields: JSONDict) -> JSONDict:
    return {k: fields[k] for k in _PM_ORDER if k in fields}


def _automatic(types: tuple[str, ...], automatic: str | None) -> JSONDict | None:
    if automatic is None:
        return None
    return {"allow_redirects": automatic, "enabled": True}


def payment_intent_json(rec: PaymentIntentRec) -> JSONDict:
    """intents §2: a PaymentIntent."""
    return dump(
        "payment_intent",
        {
            "id": rec.id,
            "object": "payment_intent",
            "amount": rec.amount,
            "amount_capturable": rec.amount_capturable,
            "amount_received": rec.amount_received,
            "application": None,
            "application_fee_amount": None,
            "automatic_payment_methods": _automatic(
                rec.payment_method_types, rec.automatic_payment_methods
            ),
            "canceled_at": rec.canceled_at,
            "cancellation_reason": rec.cancellation_reason,
            "capture_method": rec.capture_method,
            "client_secret": rec.client_secret,
            "confirmation_method": rec.confirmation_method,
            "created": rec.created,
            "currency": rec.currency,
            "customer": rec.customer,
            "description": rec.description,
            "invoice": None,
            "last_payment_error": fresh(rec.last_payment_error),
            "latest_charge": rec.latest_charge,
            "livemode": False,
            "metadata": dict(rec.metadata),
            "next_action": fresh(rec.next_action),
            "on_behalf_of": None,
            "payment_method": rec.payment_method,
            "payment_method_options": {},
            "payment_method_types": list(rec.payment_method_types),
            "processing": None,
            "receipt_email": rec.receipt_email,
            "review": None,
            "setup_future_usage": rec.setup_future_usage,
            "shipping": None,
            "statement_descriptor": None,
            "statement_descriptor_suffix": rec.statement_descriptor_suffix,
            "status": rec.status,
            "transfer_data": None,
            "transfer_group": None,
        },
    )


def setup_intent_json(rec: SetupIntentRec) -> JSONDict:
    """intents §5.1: a SetupIntent."""
    return dump(
        "setup_intent",
        {
            "id": rec.id,
            "object": "setup_intent",
            "application": None,
            "automatic_payment_methods": _automatic(
                rec.payment_method_types, rec.automatic_payment_methods
            ),
            "cancellation_reason": rec.cancellation_reason,
            "client_secret": rec.client_secret,
            "created": rec.created,
            "customer": rec.customer,
            "description": rec.description,
            "flow_directions": None,
            "last_setup_error": fresh(rec.last_setup_error),
            "latest_attempt": None,
            "livemode": False,
            "mandate": None,
            "metadata": dict(rec.metadata),
            "next_action": fresh(rec.next_action),
            "on_behalf_of": None,
            "payment_method": rec.payment_method,
            "payment_method_options": {},
            "payment_method_types": list(rec.payment_method_types),
            "single_use_mandate": None,
            "status": rec.status,
            "usage": rec.usage,
        },
    )
