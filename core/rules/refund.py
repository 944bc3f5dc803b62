"""Refunds: create, retrieve, list, and the settling of a refund the sandbox delays
(§3.5; a PaymentIntent's refund goes to its latest successful Charge, intents §3.7)."""

from __future__ import annotations

from typing import Any

from core.facts import cards, catalog, errors, intent_errors
from core.lifecycle.tables import Ctx
from core.rules import engine, listing
from core.rules.validate import Params
from core.store.records import (
    ChargeRec,
    JSONDict,
    PaymentIntentRec,
    RefundRec,
)
from core.store.state import State
from core.wire.charges import refund_json

REFUND_DELAY = 30 * 60  # async test-card refunds settle after 30 min (sandbox choice)
REFUND_REASONS = ("duplicate", "fraudulent", "requested_by_customer")


def _refund_target(st: State, pi_id: str) -> str:
    """The Charge a ``payment_intent=pi_…`` refund refunds (§3.7): its latest, succeeded."""
    pi = st.get(pi_id)
    if not isinstance(pi, PaymentIntentRec):
        raise errors.no_such("payment_intent", pi_id, param="payment_intent")
    charge = st.get(pi.latest_charge) if pi.latest_charge else None
    if pi.status != "succeeded" or not isinstance(charge, ChargeRec):
        raise intent_errors.refund_needs_success(pi_id)
    return charge.id


def create_refund(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    p = Params(data, {"charge", "payment_intent", "amount", "reason", "metadata"})
    pi_id = p.str("payment_intent")
    if pi_id and not p.has("charge"):  # intents §3.7: refund a PaymentIntent's charge
        charge_id = _refund_target(st, pi_id)
    else:
        charge_id = p.req("charge")
    amount = p.amount("amount")
    reason = p.enum("reason", REFUND_REASONS)
    metadata = p.metadata() or {}
    rec = engine.lookup(st, ChargeRec, charge_id, "charge")
    if rec.status == "failed":
        raise errors.invalid(
            f"Charge {charge_id} failed: there is nothing to refund.", param="charge"
        )
    if rec.status == "pending":
        raise errors.invalid(
            f"Charge {charge_id} is still pending: refunds of this payment "
            "method go out only once the charge has succeeded (§8.4).",
            param="charge",
        )
    if rec.refunded:
        raise errors.invalid(
            f"Charge {charge_id} has already been refunded.", code="charge_already_refunded"
        )
    remaining = rec.amount - rec.amount_refunded
    if not rec.captured and amount is not None and amount != remaining:
        # Refunding an authorization releases all of it (C5); a smaller capture is the way
        # to take less. Stripe's wording, as commonly quoted (not in the reference).
        raise errors.invalid(
            "You cannot partially refund an uncaptured charge. Instead, "
            "capture the charge for an amount less than the original amount",
            param="amount",
        )
    amount = remaining if amount is None else amount
    if amount > remaining:
        raise errors.invalid(
            f"Refund amount ({catalog.format_amount(amount, rec.currency)}) "
            f"is greater than unrefunded amount on charge "
            f"({catalog.format_amount(remaining, rec.currency)})",
            param="amount",
        )
    test = cards.BY_KEY.get(
        getattr(rec.source_snapshot, "key", "") or getattr(rec.source_snapshot, "card_key", "")
    )
    status = "succeeded"
    refund = RefundRec(
        st.new_id("re_"),
        st.now,
        amount,
        rec.currency,
        charge_id,
        status,
        reason=reason,
        metadata=metadata,
        payment_intent=rec.payment_intent,
    )
    if test is not None and test.refund == "async_success":
        refund.status, refund.settle_to = "pending", "succeeded"
    elif test is not None and test.refund == "async_failure":
        refund.settle_to = "failed"
    if refund.settle_to:
        refund.settle_at = st.now + REFUND_DELAY
        st.schedule(refund.settle_at, refund.id, "settle_at")
    st.add(refund)
    with engine.taking(st, charge_id, "refund", Ctx(rec, amount=amount)):
        rec = st.mut(charge_id)
        if not rec.captured:
            rec.capture_expires_at = None
        rec.amount_refunded += amount
        rec.refunded = rec.amount_refunded >= rec.amount
        rec.refunds = (*rec.refunds, refund.id)
    return refund_json(refund)


def settle_refund(st: State, refund_id: str) -> None:
    refund = st.mut(refund_id)
    refund.settle_at = None
    refund.status = refund.settle_to
    if refund.status == "failed":
        refund.failure_reason = "expired_or_canceled_card"
        charge = st.mut(refund.charge)
        charge.amount_refunded -= refund.amount
        charge.refunded = False
    st.fire("charge.refund.updated", refund)


def retrieve_refund(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    Params(data, set())
    return refund_json(engine.lookup(st, RefundRec, args[0]))


def list_refunds(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    return listing.list_objects(st, "refund", "/v1/refunds", data)
