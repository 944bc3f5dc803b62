"""Capturing an authorized charge (§3.4 C3, C5) and the expiry of an uncaptured one
after 7 days (C4)."""

from __future__ import annotations

from typing import Any

from core.facts import errors, intent_errors
from core.rules import engine
from core.rules.validate import Params
from core.store.records import (
    ChargeRec,
    JSONDict,
    RefundRec,
)
from core.store.state import State
from core.wire.charges import charge_json


def capture(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    charge_id = args[0]
    rec = engine.lookup(st, ChargeRec, charge_id)
    p = Params(
        data, {"amount", "receipt_email", "statement_descriptor", "statement_descriptor_suffix"}
    )
    amount = p.amount("amount")
    if rec.payment_intent is not None:  # intents §3.7: its PaymentIntent captures it
        raise intent_errors.capture_through_payment_intent(charge_id, rec.payment_intent)
    if rec.status != "succeeded":
        raise errors.invalid(
            f"Charge {charge_id} cannot be captured: its status is {rec.status}.",
            code="charge_not_capturable",
        )
    if rec.captured:
        raise errors.invalid(
            f"Charge {charge_id} has already been captured.", code="charge_already_captured"
        )
    if rec.refunded and _expired(st, rec):  # C4: the 7-day authorization ran out
        raise errors.invalid(
            f"Charge {charge_id} has expired for capture.", code="charge_expired_for_capture"
        )
    if rec.refunded:  # C5: a refund released the authorization
        raise errors.invalid(
            f"Charge {charge_id} has already been refunded; its "
            "authorization is released and it cannot be captured.",
            code="charge_already_refunded",
        )
    amount = rec.amount if amount is None else amount
    if amount > rec.amount:
        raise errors.invalid(
            f"You cannot capture more than the authorized amount ({rec.amount}).", param="amount"
        )
    with engine.taking(st, charge_id, "capture"):
        rec = st.mut(charge_id)
        rec.captured, rec.amount_captured, rec.capture_expires_at = True, amount, None
        rec.receipt_email = p.str("receipt_email") or rec.receipt_email
        if amount < rec.amount:  # the rest of the authorization is released
            rec.amount_refunded = rec.amount - amount
    return charge_json(rec)


def _expired(st: State, rec: ChargeRec) -> bool:
    return any(
        getattr(st.objects.get(refund_id), "reason", None) == "expired_uncaptured_charge"
        for refund_id in rec.refunds
    )


def expire_authorization(st: State, charge_id: str) -> None:
    """C4: an uncaptured charge expires after 7 days (§3.4): refunded, charge.expired."""
    rec = st.objects[charge_id]
    refund = RefundRec(
        st.new_id("re_"),
        st.now,
        rec.amount - rec.amount_refunded,
        rec.currency,
        charge_id,
        "succeeded",
        reason="expired_uncaptured_charge",
    )
    st.add(refund)
    with engine.taking(st, charge_id, "expire"):
        rec = st.mut(charge_id)
        rec.capture_expires_at = None
        rec.amount_refunded, rec.refunded = rec.amount, True
        rec.refunds = (*rec.refunds, refund.id)
