"""Cards, bank accounts, tokens and sources as Stripe JSON (§2, §6): what a charge or a
customer can hold as a payment source."""

from __future__ import annotations

from typing import Any

from core.facts import catalog
from core.store.records import (
    BankRec,
    CardRec,
    JSONDict,
    SourceRec,
    TokenRec,
)
from core.wire.emit import dump, fresh

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


def card_json(rec: CardRec) -> JSONDict:
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
        fields["card"] = card_json(rec.card)
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
