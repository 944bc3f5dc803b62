"""A PaymentIntent after its confirmation (stripe-intents-domain.md §3.2, §3.3, §8.6): the
customer's authentication (simulator-only), bank debits settling, capture, cancel and the
timers that end a hold.
"""

from __future__ import annotations

from typing import Any

from core.facts import intent_errors, intents, pi_errors
from core.lifecycle.tables import Ctx
from core.rules import engine
from core.rules.intent_params import payment_intent, type_of_pm
from core.rules.payment_intent_attempt import (
    decline_attempt,
    json_of,
    outcome_of,
    pm_json,
    settle_pm,
    succeed,
    taking,
)
from core.rules.validate import Params, merge_metadata
from core.store.records import ChargeRec, JSONDict, PaymentIntentRec, RefundRec
from core.store.state import State
from core.wire.intents import payment_intent_json

Args = tuple[str, ...]


def _authentication_failed(st: State, pi_id: str, trigger: str) -> None:
    """T7 (the customer fails) or T8 (the customer never acts, ``trigger="expire"``): back
    to requires_payment_method with ``payment_intent_authentication_failure`` (§3.6)."""
    pi = st.objects[pi_id]
    rec = st.objects[pi.payment_method]
    settle_pm(st, pi, rec, False)
    with taking(st, pi_id, trigger, "fails"):
        pi = st.mut(pi_id)
        pi.last_payment_error = {
            "code": "payment_intent_authentication_failure",
            "doc_url": "https://stripe.com/docs/error-codes/payment-intent-authentication-failure",
            "message": intent_errors.PI_AUTH_FAILURE,
            "payment_method": pm_json(st, st.objects[rec.id]),
            "type": "invalid_request_error",  # intents §14: type unverified
        }
        pi.payment_method, pi.next_action, pi.action_expires_at = None, None, None


def action_expired(st: State, pi_id: str) -> None:
    """T8: a card PaymentIntent waited 48 h in requires_action (the sandbox's choice where
    the reference says unverified: ``core.facts.intents.ACTION_TIMEOUT_SECONDS``)."""
    pi = st.objects.get(pi_id)
    if not isinstance(pi, PaymentIntentRec) or pi.status != "requires_action":
        return
    _authentication_failed(st, pi_id, "expire")


def authenticate(st: State, pi_id: str, success: bool) -> JSONDict:
    """Simulator-only: the customer completes (T6/T6c/T6m/T6d) or fails (T7) the 3DS or
    redirect step of a PaymentIntent in ``requires_action`` (§8.6)."""
    pi = st.objects[pi_id]
    rec = st.objects[pi.payment_method]
    if not success:
        _authentication_failed(st, pi_id, "authenticate")  # T7
        return json_of(st, pi_id)
    outcome, decline = outcome_of(rec, False, authenticated=True)
    if outcome == "declines":
        err = decline_attempt(st, pi_id, "authenticate", rec, decline, charge_it=True)
        del err  # the customer's side sees the PI; a server-side confirm would get the 402
        return json_of(st, pi_id)
    if pi.confirmation_method == "manual":
        with taking(st, pi_id, "authenticate", "succeeds"):  # T6m
            pi = st.mut(pi_id)
            pi.next_action, pi.authenticated, pi.action_expires_at = None, True, None
        return json_of(st, pi_id)
    succeed(st, pi_id, "authenticate", rec)
    return json_of(st, pi_id)


def settle(st: State, pi_id: str) -> None:
    """T13/T14: the clock passed ``process_at``; the bank debit settles or fails."""
    pi = st.mut(pi_id)
    pi.process_at = None
    charge = st.objects[pi.latest_charge]
    ok = charge.settle_outcome != "failed"
    with engine.taking(st, charge.id, "settle"):  # C1/C2 fire the charge's event
        charge = st.mut(charge.id)
        if ok:
            charge.status, charge.paid = "succeeded", True
        else:
            # a failed charge was never captured (stripe-domain §8.2), whatever the intent asked
            charge.status, charge.paid, charge.captured = "failed", False, False
            charge.failure_code = "payment_method_provider_decline"
            charge.failure_message = "The payment could not be collected from the bank account."
    outcome = "succeeds" if ok else "declines"
    with taking(st, pi_id, "settle", outcome):
        pi = st.mut(pi_id)
        if ok:
            pi.amount_received = pi.amount
            return
        pm = st.objects[pi.payment_method]
        pi.last_payment_error = {  # §3.6: the 2019 sample event's shape
            "charge": charge.id,
            "code": "payment_intent_payment_attempt_failed",
            "doc_url": "https://stripe.com/docs/error-codes/payment-intent-payment-attempt-failed",
            "message": "The payment failed.",
            "payment_method": pm_json(st, pm),
            "type": "invalid_request_error",
        }
        pi.payment_method = None


def capture(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    pi = payment_intent(st, args[0])
    p = Params(
        data,
        {"amount_to_capture", "statement_descriptor_suffix", "metadata", "final_capture"},
    )
    amount = p.amount("amount_to_capture")
    if pi.status != "requires_capture":  # §3.3, §9 E5/E5b/E5c
        captured = pi.status == "succeeded" and pi.capture_method == "manual"
        raise intent_errors.pi_capture_status(pi.status, payment_intent_json(pi), captured)
    amount = pi.amount_capturable if amount is None else amount
    if amount > pi.amount_capturable:
        raise intent_errors.pi_capture_too_much(amount, pi.amount_capturable)  # §9 E6
    metadata = p.metadata()
    charge_id = str(pi.latest_charge)
    with engine.taking(st, charge_id, "capture"):  # C3: charge.captured
        charge = st.mut(charge_id)
        charge.captured, charge.amount_captured, charge.capture_expires_at = True, amount, None
        if amount < charge.amount:  # §3.2 T15: a partial capture releases the rest
            charge.amount_refunded = charge.amount - amount
    with engine.taking(st, pi.id, "capture"):
        pi = st.mut(pi.id)
        pi.amount_received, pi.amount_capturable = amount, 0
        pi.metadata = merge_metadata(pi.metadata, metadata, data.get("metadata"))
    return json_of(st, pi.id)


def _release(st: State, charge_id: str) -> ChargeRec:
    """The uncaptured Charge of a canceled PaymentIntent is refunded (C5)."""
    charge: ChargeRec = st.objects[charge_id]
    refund = RefundRec(
        st.new_id("re_"),
        st.now,
        charge.amount - charge.amount_refunded,
        charge.currency,
        charge_id,
        "succeeded",
        payment_intent=charge.payment_intent,
    )
    st.add(refund)
    with engine.taking(st, charge_id, "refund"):  # C5: charge.refunded
        charge = st.mut(charge_id)
        charge.capture_expires_at = None
        charge.amount_refunded, charge.refunded = charge.amount, True
        charge.refunds = (*charge.refunds, refund.id)
    return charge


def cancel(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    pi = payment_intent(st, args[0])
    p = Params(data, {"cancellation_reason"})
    reason = p.enum("cancellation_reason", intents.CANCEL_REASONS)
    if pi.status in ("succeeded", "canceled"):
        raise intent_errors.pi_cancel_status(pi.status, payment_intent_json(pi))  # §9 E7
    pm = st.get(pi.payment_method) if pi.payment_method else None
    if pi.status == "processing" and type_of_pm(pm) != "us_bank_account":
        raise intent_errors.pi_cancel_processing(type_of_pm(pm), payment_intent_json(pi))  # §13.9
    others: dict[str, Any] = {}
    if pi.status == "requires_capture":
        _release(st, str(pi.latest_charge))
    if pi.status == "processing":
        charge = st.mut(str(pi.latest_charge))
        charge.settle_outcome = "failed"
        with engine.taking(st, charge.id, "settle"):  # C2: not collected, charge.failed
            charge = st.mut(charge.id)
            # a failed charge was never captured (stripe-domain §8.2), whatever the intent asked
            charge.status, charge.paid, charge.captured = "failed", False, False
            charge.failure_code = "payment_intent_canceled"  # sandbox choice
            charge.failure_message = "The PaymentIntent was canceled while processing."
    with engine.taking(st, pi.id, "cancel", Ctx(pi, extra={"payment_method": pm}), **others):
        pi = st.mut(pi.id)
        pi.canceled_at, pi.cancellation_reason = st.now, reason
        pi.next_action, pi.amount_capturable, pi.process_at = None, 0, None
        pi.action_expires_at = None
    return json_of(st, pi.id)


def hold_expired(st: State, pi_id: str) -> None:
    """T17: the 7-day authorization ran out (the Charge's C4 already fired charge.expired)."""
    pi = st.objects.get(pi_id)
    if not isinstance(pi, PaymentIntentRec) or pi.status != "requires_capture":
        return
    with engine.taking(st, pi_id, "expire"):  # after the Charge's C4 (charge.expired)
        pi = st.mut(pi_id)
        pi.canceled_at, pi.cancellation_reason, pi.amount_capturable = st.now, "automatic", 0


def increment_authorization(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    """T19: raise the authorized amount of a PaymentIntent in requires_capture that asked
    for it (intents.UNVERIFIED["increment_authorization"]); the Charge's amount follows."""
    pi = payment_intent(st, args[0])
    p = Params(
        data,
        {
            "amount",
            "description",
            "metadata",
            "statement_descriptor",
            "application_fee_amount",
            "transfer_data",
        },
    )
    amount = p.amount("amount", True)
    assert amount is not None
    if pi.status != "requires_capture":  # §3.3 increment_authorization
        raise pi_errors.increment_status(pi.status, payment_intent_json(pi))
    if not pi.incremental_authorization:
        raise pi_errors.increment_unsupported(pi.id)
    if pi.increment_attempts >= intents.MAX_INCREMENTS:
        raise pi_errors.increment_limit(intents.MAX_INCREMENTS)
    if amount <= pi.amount_capturable:
        raise pi_errors.increment_amount(amount, pi.amount_capturable)
    description = p.str("description")
    metadata = p.metadata()
    charge = st.mut(str(pi.latest_charge))
    charge.amount = amount
    with engine.taking(st, pi.id, "increment_authorization"):
        pi = st.mut(pi.id)
        pi.amount = pi.amount_capturable = amount
        pi.increment_attempts += 1
        if description is not None:
            pi.description = description or None
        pi.metadata = merge_metadata(pi.metadata, metadata, data.get("metadata"))
    return json_of(st, pi.id)


def verify_microdeposits(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    """§3.3: only a PaymentIntent waiting for microdeposits (``next_action`` of type
    ``verify_with_microdeposits``) may be verified; the sandbox verifies US bank accounts
    instantly (intents.UNVERIFIED["us_bank_verification"]), so this always refuses."""
    pi = payment_intent(st, args[0])
    Params(data, {"amounts", "descriptor_code", "client_secret"})
    raise pi_errors.verify_microdeposits_status(pi.status, payment_intent_json(pi))
