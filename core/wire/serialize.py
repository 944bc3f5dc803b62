"""Records → Stripe JSON: :func:`object_json` for any record and :func:`event_json`.

The builders, one module per group of kinds (``sources``, ``customer``, ``charges``,
``intents``, ``balance``), follow the pydantic models of ``core.wire.models``: every
builder writes its keys in the model's field order, ``object`` included. Production
emits the dicts as built, and under ``core.wire.emit.STRICT`` (the tests) each one must
equal its model's dump, order included.
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
from core.wire.charges import charge_json, refund_json
from core.wire.customer import customer_json
from core.wire.emit import dump, fresh
from core.wire.intents import payment_intent_json, payment_method_json, setup_intent_json
from core.wire.sources import bank_json, card_json, source_json, token_json


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
