"""Records → Stripe JSON, through the pydantic models of ``core.wire.models``.

Every builder writes its keys in the model's field order, ``object`` included:
production emits the dicts as built, and under ``core.wire.emit.STRICT`` (the tests)
each one must equal its model's dump, order included.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from core.facts import catalog
from core.store.records import (
    BalanceTxnRec,
    BankRec,
    CardRec,
    ChargeRec,
    CustomerRec,
    EventRec,
    JSONDict,
    PaymentIntentRec,
    PaymentMethodRec,
    RefundRec,
    SetupIntentRec,
    SourceRec,
    TokenRec,
)
from core.wire.balance import balance_transaction_json
from core.wire.emit import dump

OWNER_KEYS = (
    "address",
    "email",
    "name",
    "phone",
    "verified_address",
    "verified_email",
    "verified_name",
    "verified_phone",
)


def fresh(value: Any) -> Any:
    """A copy of nested JSON containers held by a record, so that a caller who edits a
    response can never edit the sandbox's state through it (scalars are shared)."""
    if isinstance(value, dict):
        return {k: fresh(v) for k, v in value.items()}
    if isinstance(value, list):
        return [fresh(v) for v in value]
    return value


def card_json(rec: CardRec, in_token: bool = False) -> JSONDict:
    return dump(
        "card",
        {
            "id": rec.id,
            "object": "card",
            "address_city": rec.address_city,
            "address_country": rec.address_country,
            "address_line1": rec.address_line1,
            "address_line1_check": rec.address_line1_check,
            "address_line2": rec.address_line2,
            "address_state": rec.address_state,
            "address_zip": rec.address_zip,
            "address_zip_check": rec.address_zip_check,
            "brand": rec.brand,
            "country": rec.country,
            "customer": rec.customer,
            "cvc_check": rec.cvc_check,
            "dynamic_last4": None,
            "exp_month": rec.exp_month,
            "exp_year": rec.exp_year,
            "fingerprint": rec.fingerprint,
            "funding": rec.funding,
            "last4": rec.last4,
            "metadata": dict(rec.metadata),
            "name": rec.name,
            "tokenization_method": None,
        },
    )


def bank_json(rec: BankRec) -> JSONDict:
    return dump(
        "bank_account",
        {
            "id": rec.id,
            "object": "bank_account",
            "account_holder_name": rec.account_holder_name,
            "account_holder_type": rec.account_holder_type,
            "account_type": None,
            "bank_name": rec.bank_name,
            "country": rec.country,
            "currency": rec.currency,
            "customer": rec.customer,
            "fingerprint": rec.fingerprint,
            "last4": rec.last4,
            "metadata": dict(rec.metadata),
            "routing_number": rec.routing_number,
            "status": rec.status,
        },
    )


def token_json(rec: TokenRec) -> JSONDict:
    fields: JSONDict = {"id": rec.id, "object": "token"}
    if rec.bank_account is not None:
        fields["bank_account"] = bank_json(rec.bank_account)
    if rec.card is not None:
        fields["card"] = card_json(rec.card, in_token=True)
    fields.update(
        client_ip=rec.client_ip, created=rec.created, livemode=False, type=rec.type, used=rec.used
    )
    return dump("token", fields)


def source_json(rec: SourceRec) -> JSONDict:
    owner = rec.owner or {}
    fields: JSONDict = {
        "id": rec.id,
        "object": "source",
        "amount": rec.amount,
        "client_secret": rec.client_secret,
        "created": rec.created,
        "currency": rec.currency,
    }
    if rec.customer is not None:  # absent until attached (§2.1)
        fields["customer"] = rec.customer
    fields.update(
        flow=rec.flow, livemode=False, metadata=dict(rec.metadata), owner=_owner_json(owner)
    )
    if rec.redirect is not None:  # only the source's own flow hash is present
        fields["redirect"] = dict(rec.redirect)
    if rec.receiver is not None:
        fields["receiver"] = dict(rec.receiver)
    if rec.code_verification is not None:
        fields["code_verification"] = dict(rec.code_verification)
    if rec.source_order is not None:
        fields["source_order"] = _source_order(rec, owner)
    fields.update(
        statement_descriptor=rec.statement_descriptor,
        status=rec.status,
        type=rec.type,
        usage=rec.usage,
    )
    fields[rec.type] = dict(rec.type_data)  # the type hashes come last in the model
    return dump("source", fields)


def _owner_json(owner: JSONDict) -> JSONDict:
    out: JSONDict = dict.fromkeys(OWNER_KEYS)
    for key, value in owner.items():
        if key in out:
            out[key] = fresh(value)
    return out


def _int_or_none(value: Any) -> int | None:
    return int(value) if isinstance(value, str) and value.isdigit() else None


def _source_order(rec: SourceRec, owner: JSONDict) -> JSONDict:
    given = rec.source_order or {}
    raw_items = given.get("items")
    items = raw_items if isinstance(raw_items, list) else []
    return {
        "amount": rec.amount or 0,
        "currency": rec.currency or catalog.ACCOUNT_DEFAULT_CURRENCY,
        "email": owner.get("email"),
        "items": [_order_item(i) for i in items if isinstance(i, dict)],
    }


def _order_item(item: JSONDict) -> JSONDict:
    out = {
        "amount": _int_or_none(item.get("amount")),
        "currency": fresh(item.get("currency")),
        "description": fresh(item.get("description")),
        "parent": fresh(item.get("parent")),
        "type": fresh(item.get("type")),
    }
    quantity = _int_or_none(item.get("quantity"))
    if quantity is not None:
        out["quantity"] = quantity
    return out


def payment_source_json(rec: Any) -> JSONDict:
    if isinstance(rec, SourceRec):
        return source_json(rec)
    if isinstance(rec, CardRec):
        return card_json(rec)
    if isinstance(rec, BankRec):
        return bank_json(rec)
    raise TypeError(type(rec).__name__)


def _invoice_settings(rec: CustomerRec) -> JSONDict:
    given = rec.invoice_settings or {}
    return {
        "custom_fields": fresh(given.get("custom_fields")),
        "default_payment_method": rec.default_payment_method,
        "footer": given.get("footer"),
        "rendering_options": fresh(given.get("rendering_options")),
    }


def customer_json(
    rec: CustomerRec, lookup: Callable[[str], Any] | None = None, expand_sources: bool = False
) -> JSONDict:
    if rec.deleted:
        return {"id": rec.id, "object": "customer", "deleted": True}
    fields: JSONDict = {
        "id": rec.id,
        "object": "customer",
        "address": fresh(rec.address),
        "balance": rec.balance,
        "created": rec.created,
        "currency": None,
        "default_source": rec.default_source,
        "delinquent": False,
        "description": rec.description,
        "discount": None,
        "email": rec.email,
        "invoice_prefix": rec.id[4:12].upper(),
        "invoice_settings": _invoice_settings(rec),
        "livemode": False,
        "metadata": dict(rec.metadata),
        "name": rec.name,
        "next_invoice_sequence": 1,
        "phone": rec.phone,
        "preferred_locales": list(rec.preferred_locales),
        "shipping": fresh(rec.shipping),
    }
    if expand_sources and lookup is not None:
        data = [payment_source_json(lookup(sid)) for sid in reversed(rec.sources)]
        fields["sources"] = {
            "object": "list",
            "data": data,
            "has_more": False,
            "url": f"/v1/customers/{rec.id}/sources",
        }
    fields.update(tax_exempt=rec.tax_exempt, test_clock=None)
    return dump("customer", fields)


def _outcome(rec: ChargeRec) -> JSONDict:
    if rec.status == "failed":
        blocked = rec.decline_code == "fraudulent"
        return {
            "network_status": "not_sent_to_network" if blocked else "declined_by_network",
            "reason": rec.decline_code or rec.failure_code,
            "risk_level": rec.risk_level,
            "risk_score": 95 if blocked else 20,
            "seller_message": "Stripe blocked this payment as too risky."
            if blocked
            else "The bank did not return any further details with this decline.",
            "type": "blocked" if blocked else "issuer_declined",
        }
    return {
        "network_status": "approved_by_network",
        "reason": None,
        "risk_level": rec.risk_level,
        "risk_score": 60 if rec.risk_level != "normal" else 20,
        "seller_message": "Payment complete.",
        "type": "authorized",
    }


#: payment_method_details keys per source type (a subset of the source's type hash).
_PMD_KEYS: dict[str, tuple[str, ...]] = {
    "ideal": ("bank", "bic", "iban_last4"),
    "sofort": ("bank_code", "bank_name", "bic", "country", "iban_last4", "preferred_language"),
    "bancontact": ("bank_code", "bank_name", "bic", "iban_last4", "preferred_language"),
    "giropay": ("bank_code", "bank_name", "bic"),
    "p24": ("reference",),
    "multibanco": ("entity", "reference"),
    "sepa_debit": ("bank_code", "branch_code", "country", "fingerprint", "last4"),
    "ach_credit_transfer": ("account_number", "bank_name", "routing_number", "swift_code"),
    "ach_debit": ("bank_name", "country", "fingerprint", "last4", "routing_number"),
    "acss_debit": ("bank_name", "fingerprint", "last4"),
    "au_becs_debit": ("bsb_number", "fingerprint", "last4"),
}


def _card_details(
    brand: str,
    last4: Any,
    exp_month: Any,
    exp_year: Any,
    country: Any,
    fingerprint: Any,
    funding: Any,
    checks: tuple[Any, Any, Any],
) -> JSONDict:
    network = brand.lower().replace(" ", "").replace("americanexpress", "amex")
    return {
        "brand": network,
        "checks": {
            "address_line1_check": checks[0],
            "address_postal_code_check": checks[1],
            "cvc_check": checks[2],
        },
        "country": country,
        "exp_month": exp_month,
        "exp_year": exp_year,
        "fingerprint": fingerprint,
        "funding": funding,
        "last4": last4,
        "network": network,
        "three_d_secure": None,
        "wallet": None,
    }


def _method_details(rec: ChargeRec) -> JSONDict:
    snap = rec.source_snapshot
    if isinstance(snap, PaymentMethodRec):
        return pm_charge_details(snap)
    if isinstance(snap, CardRec):
        return {
            "type": "card",
            "card": _card_details(
                snap.brand,
                snap.last4,
                snap.exp_month,
                snap.exp_year,
                snap.country,
                snap.fingerprint,
                snap.funding,
                (snap.address_line1_check, snap.address_zip_check, snap.cvc_check),
            ),
        }
    if isinstance(snap, BankRec):
        return {
            "type": "ach_debit",
            "ach_debit": {"last4": snap.last4, "routing_number": snap.routing_number},
        }
    assert isinstance(snap, SourceRec)
    data = snap.type_data
    if snap.type in ("card", "three_d_secure", "card_present"):
        details = _card_details(
            str(data.get("brand") or "unknown"),
            data.get("last4"),
            data.get("exp_month") or 12,
            data.get("exp_year") or 2030,
            data.get("country"),
            data.get("fingerprint"),
            data.get("funding"),
            (data.get("address_line1_check"), data.get("address_zip_check"), data.get("cvc_check")),
        )
        if snap.type != "card_present":
            return {"type": "card", "card": details}
        details.pop("checks")
        details.pop("three_d_secure")
        details.pop("wallet")
        details.update(
            {"incremental_authorization_supported": False, "overcapture_supported": False}
        )
        return {"type": "card_present", "card_present": details}
    return {"type": snap.type, snap.type: {k: data.get(k) for k in _PMD_KEYS.get(snap.type, ())}}


def charge_json(rec: ChargeRec) -> JSONDict:
    return dump(
        "charge",
        {
            "id": rec.id,
            "object": "charge",
            "amount": rec.amount,
            "amount_captured": rec.amount_captured,
            "amount_refunded": rec.amount_refunded,
            "application": None,
            "application_fee": None,
            "application_fee_amount": rec.application_fee_amount,
            "balance_transaction": rec.balance_transaction,
            "billing_details": {"address": None, "email": None, "name": None, "phone": None},
            "calculated_statement_descriptor": rec.statement_descriptor or "CHARGEABLE",
            "captured": rec.captured,
            "created": rec.created,
            "currency": rec.currency,
            "customer": rec.customer,
            "description": rec.description,
            "disputed": rec.disputed,
            "failure_balance_transaction": None,
            "failure_code": rec.failure_code,
            "failure_message": rec.failure_message,
            "fraud_details": {},
            "invoice": None,
            "livemode": False,
            "metadata": dict(rec.metadata),
            "on_behalf_of": rec.on_behalf_of,
            "outcome": _outcome(rec),
            "paid": rec.paid,
            "payment_intent": rec.payment_intent,
            "payment_method": rec.payment_method,
            "payment_method_details": _method_details(rec),
            "receipt_email": rec.receipt_email,
            "receipt_number": None,
            "refunded": rec.refunded,
            "review": None,
            "shipping": fresh(rec.shipping),
            "source": None
            if isinstance(rec.source_snapshot, PaymentMethodRec)
            else payment_source_json(rec.source_snapshot),
            "source_transfer": None,
            "statement_descriptor": rec.statement_descriptor,
            "statement_descriptor_suffix": rec.statement_descriptor_suffix,
            "status": rec.status,
            "transfer_data": fresh(rec.transfer_data),
            "transfer_group": rec.transfer_group,
        },
    )


def refund_json(rec: RefundRec) -> JSONDict:
    fields: JSONDict = {
        "id": rec.id,
        "object": "refund",
        "amount": rec.amount,
        "balance_transaction": rec.balance_transaction,
        "charge": rec.charge,
        "created": rec.created,
        "currency": rec.currency,
    }
    if rec.failure_reason is not None:
        fields["failure_reason"] = rec.failure_reason
    fields.update(
        metadata=dict(rec.metadata),
        payment_intent=rec.payment_intent,
        reason=rec.reason,
        receipt_number=None,
        source_transfer_reversal=None,
        status=rec.status,
        transfer_reversal=None,
    )
    return dump("refund", fields)


def object_json(
    rec: Any, lookup: Callable[[str], Any] | None = None, expand: tuple[str, ...] = ()
) -> JSONDict:
    """Any record as JSON (event snapshots included)."""
    if isinstance(rec, dict):
        return {k: fresh(v) for k, v in rec.items()}
    if isinstance(rec, SourceRec):
        return source_json(rec)
    if isinstance(rec, TokenRec):
        return token_json(rec)
    if isinstance(rec, CardRec):
        return card_json(rec)
    if isinstance(rec, BankRec):
        return bank_json(rec)
    if isinstance(rec, CustomerRec):
        return customer_json(rec, lookup, "sources" in expand)
    if isinstance(rec, ChargeRec):
        return charge_json(rec)
    if isinstance(rec, RefundRec):
        return refund_json(rec)
    if isinstance(rec, BalanceTxnRec):
        return balance_transaction_json(rec)
    if isinstance(rec, PaymentMethodRec):
        return payment_method_json(rec)
    if isinstance(rec, PaymentIntentRec):
        return payment_intent_json(rec)
    if isinstance(rec, SetupIntentRec):
        return setup_intent_json(rec)
    raise TypeError(type(rec).__name__)


def event_json(rec: EventRec) -> JSONDict:
    data: JSONDict = {"object": object_json(rec.snapshot)}
    if rec.previous_attributes is not None:
        data["previous_attributes"] = fresh(rec.previous_attributes)
    return dump(
        "event",
        {
            "id": rec.id,
            "object": "event",
            "api_version": catalog.API_VERSION,
            "created": rec.created,
            "data": data,
            "livemode": False,
            "pending_webhooks": 0,
            "request": {"id": None, "idempotency_key": rec.idempotency_key},
            "type": rec.type,
        },
    )


# --- PaymentMethods, PaymentIntents, SetupIntents (stripe-intents-domain.md) --------------


def _network(brand: str) -> str:
    return brand.lower().replace(" ", "").replace("americanexpress", "amex")


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
    network = _network(card.brand)
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


def pm_charge_details(pm: PaymentMethodRec) -> JSONDict:
    """``charge.payment_method_details`` of a PaymentIntent's charge."""
    if pm.card is not None:
        card = pm.card
        return {
            "type": "card",
            "card": _card_details(
                card.brand,
                card.last4,
                card.exp_month,
                card.exp_year,
                card.country,
                card.fingerprint,
                card.funding,
                (card.address_line1_check, card.address_zip_check, card.cvc_check),
            ),
        }
    data = pm.type_data
    if pm.type == "sepa_debit":
        details: JSONDict = {
            k: data.get(k) for k in ("bank_code", "branch_code", "country", "fingerprint", "last4")
        }
        details["mandate"] = None
    elif pm.type == "ideal":
        details = {
            "bank": data.get("bank"),
            "bic": data.get("bic"),
            "generated_sepa_debit": None,
            "generated_sepa_debit_mandate": None,
            "iban_last4": "3000",
            "verified_name": pm.billing_details.get("name"),
        }
    elif pm.type == "bancontact":
        details = {
            "bank_code": "VAPE",
            "bank_name": "VAN DE PUT & CO",
            "bic": "VAPEBE22",
            "generated_sepa_debit": None,
            "generated_sepa_debit_mandate": None,
            "iban_last4": "7061",
            "preferred_language": "en",
            "verified_name": pm.billing_details.get("name"),
        }
    else:
        details = {
            k: data.get(k)
            for k in (
                "account_holder_type",
                "account_type",
                "bank_name",
                "fingerprint",
                "last4",
                "routing_number",
            )
        }
    return {"type": pm.type, pm.type: details}


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
