"""PaymentIntents (stripe-intents-domain.md §2, §3, §6, §8): create, update, confirm,
capture, cancel: the endpoints.

Every status change takes an edge of ``core.lifecycle.tables.PAYMENT_INTENT_TABLE``
(T2…T19, as numbered in §3.2), whose events it fires. The confirmation itself is
``payment_intent_attempt``; what follows it (authentication, capture, cancel, timers)
``payment_intent_after``; what a request names, ``intent_params``.
"""

from __future__ import annotations

from typing import Any

from core.facts import errors, intent_errors, intents
from core.rules import engine
from core.rules.intent_params import (
    CAPTURE_METHODS,
    OPEN,
    check_fits,
    customer_of,
    future_usage,
    payment_intent,
    pm_from,
    types_and_automatic,
)
from core.rules.payment_intent_attempt import CONFIRM_KEYS, confirm_attempt, json_of
from core.rules.validate import Params, check_minimum_amount, merge_metadata
from core.store.records import JSONDict, PaymentIntentRec
from core.store.state import State
from core.wire.intents import payment_intent_json

Args = tuple[str, ...]
CREATE_KEYS = frozenset(
    {
        *CONFIRM_KEYS,
        "amount",
        "currency",
        "customer",
        "payment_method_types",
        "automatic_payment_methods",
        "confirmation_method",
        "confirm",
        "description",
        "metadata",
        "statement_descriptor",
        "statement_descriptor_suffix",
    }
)
UPDATE_KEYS = frozenset(
    {
        "amount",
        "currency",
        "customer",
        "payment_method",
        "payment_method_data",
        "payment_method_types",
        "capture_method",
        "setup_future_usage",
        "description",
        "metadata",
        "receipt_email",
        "statement_descriptor_suffix",
    }
)


def _asks_increments(p: Params) -> bool:
    """``payment_method_options[card][request_incremental_authorization]=if_available``
    (T19; intents.UNVERIFIED["increment_authorization"]); other options pass unread."""
    options = p.hash("payment_method_options")
    card = options.hash("card") if options is not None else None
    if card is None:
        return False
    asked = card.enum("request_incremental_authorization", ("if_available", "never"))
    return asked == "if_available"


def create(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    p = Params(data, CREATE_KEYS)
    amount = p.amount("amount", True)
    currency = p.currency("currency", True)
    assert amount is not None and currency is not None
    check_minimum_amount(amount, currency)  # §9 E26
    types, automatic = types_and_automatic(p, currency)
    customer = p.str("customer") or None
    if customer is not None:
        customer_of(st, customer)
    if p.str("statement_descriptor") and "card" in types:
        raise errors.invalid(
            "The statement_descriptor parameter is not supported for the card payment "
            f"method type; use statement_descriptor_suffix instead. {errors.SANDBOX_WORDING}",
            param="statement_descriptor",
        )
    confirm = p.bool("confirm", False)
    if not confirm:
        for key in ("off_session", "return_url", "error_on_requires_action", "mandate_data"):
            if p.has(key):
                raise errors.invalid(f"{key} can only be used when confirm=true.", param=key)
    rec = PaymentIntentRec(
        st.new_id("pi_"),
        st.now,
        amount,
        currency,
        "",
        capture_method=p.enum("capture_method", CAPTURE_METHODS) or "automatic",
        confirmation_method=p.enum("confirmation_method", ("automatic", "manual")) or "automatic",
        customer=customer,
        payment_method_types=types,
        automatic_payment_methods=automatic,
        setup_future_usage=future_usage(p) or None,
        description=p.str("description"),
        metadata=p.metadata() or {},
        receipt_email=p.str("receipt_email"),
        statement_descriptor_suffix=p.str("statement_descriptor_suffix", max_len=22),
    )
    rec.incremental_authorization = _asks_increments(p)
    rec.client_secret = f"{rec.id}_secret_{st.ids.token(24)}"
    pm = pm_from(st, p, customer)
    st.add(rec)
    st.fire("payment_intent.created", rec)  # T1 (T2 with a payment method)
    if pm is not None:
        check_fits(rec, pm)
        engine.take(st, rec.id, "set_payment_method")  # T2
        st.mut(rec.id).payment_method = pm.id
    if confirm:
        return confirm_attempt(st, rec.id, p, pm)
    return json_of(st, rec.id)


def retrieve(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    Params(data, {"client_secret"})
    return payment_intent_json(payment_intent(st, args[0]))


def update(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    rec = payment_intent(st, args[0])
    p = Params(data, UPDATE_KEYS)
    before = rec
    is_open = rec.status in OPEN
    for field in ("payment_method", "amount"):
        if (p.has(field) or (field == "payment_method" and p.has("payment_method_data"))) and (
            not is_open
        ):
            raise intent_errors.pi_update_field(
                field, rec.status, payment_intent_json(before)
            )  # E3/E4
    for field in ("currency", "payment_method_types", "capture_method", "customer"):
        if p.has(field) and not is_open:
            raise intent_errors.pi_update_field(field, rec.status, payment_intent_json(before))
    amount = p.amount("amount")
    currency = p.currency("currency")
    customer = p.str("customer")
    if customer:
        customer_of(st, customer)
    types = p.list("payment_method_types")
    capture_method = p.enum("capture_method", CAPTURE_METHODS)
    sfu = future_usage(p)
    metadata = p.metadata()
    pm = pm_from(st, p, customer if customer is not None else rec.customer)
    rec = st.mut(rec.id)
    rec.last_payment_error = None  # §3.6: any update clears it
    if currency is not None:
        rec.currency = currency
    if amount is not None:
        check_minimum_amount(amount, rec.currency)
        rec.amount = amount
    if customer is not None:
        rec.customer = customer or None
    if types is not None:
        for name in types:
            if name not in intents.PM_TYPES:
                raise errors.invalid_enum("payment_method_types", name, intents.PM_TYPES)
        rec.payment_method_types, rec.automatic_payment_methods = tuple(types), None
    if capture_method is not None:
        rec.capture_method = capture_method
    if sfu is not None:
        rec.setup_future_usage = sfu or None
    for key in ("description", "receipt_email", "statement_descriptor_suffix"):
        value = p.str(key)
        if value is not None:
            setattr(rec, key, value or None)
    rec.metadata = merge_metadata(rec.metadata, metadata, data.get("metadata"))
    if pm is not None:
        check_fits(rec, pm)
        if rec.status != "requires_confirmation":  # T2 / T2-ra: a new PM needs a new confirm
            engine.take(st, rec.id, "set_payment_method")
        rec = st.mut(rec.id)
        rec.payment_method, rec.next_action, rec.authenticated = pm.id, None, False
        rec.action_expires_at = None
    return json_of(st, rec.id)


def list_all(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    p = Params(data, {"limit", "starting_after", "ending_before", "customer", "created"})
    customer = p.str("customer")
    limit = p.int("limit")
    limit = 10 if limit is None else limit
    if not 1 <= limit <= 100:
        raise errors.invalid("Invalid limit: must be between 1 and 100", param="limit")
    ids = [
        i
        for i in reversed(st.order.get("payment_intent", []))
        if customer is None or st.objects[i].customer == customer
    ]
    after = p.str("starting_after")
    if after is not None:
        if after not in ids:
            raise intent_errors.no_such_payment_intent(after)
        ids = ids[ids.index(after) + 1 :]
    return {
        "object": "list",
        "data": [payment_intent_json(st.objects[i]) for i in ids[:limit]],
        "has_more": len(ids) > limit,
        "url": "/v1/payment_intents",
    }
