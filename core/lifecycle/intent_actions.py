"""What a user can do to a PaymentMethod, a PaymentIntent or a SetupIntent now
(stripe-intents-domain.md). Why an action is blocked is the failing requirement's or
guard's words (``core.lifecycle.requires.why_blocked``; the intents' requirements are
:mod:`core.lifecycle.intent_requires`), never written here."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from core.facts import intents
from core.i18n import QT_TRANSLATE_NOOP
from core.lifecycle import intent_requires
from core.lifecycle.action import DEFAULT_AMOUNT, Action, act, clock
from core.lifecycle.requires import why_blocked
from core.lifecycle.tables import Ctx
from core.store.records import (
    ChargeRec,
    PaymentIntentRec,
    PaymentMethodRec,
    SetupIntentRec,
)
from core.store.state import State

#: The authenticate helpers are the sandbox's own (§8.6): said beside the buttons.
SIMULATOR_NOTE = QT_TRANSLATE_NOOP(
    "core", "simulator-only: Stripe has no endpoint for the customer's side (intents §8.6)"
)
_EURO_TYPES = ("sepa_debit", "ideal", "bancontact")


def for_payment_method(st: State, rec: PaymentMethodRec) -> list[Action]:
    ctx = Ctx(
        rec,
        extra={
            "customer": st.get(rec.customer) if rec.customer else None,
            "open_attempt": intent_requires.open_attempt(st, rec.id),
        },
    )
    params: dict[str, Any] = {
        "amount": DEFAULT_AMOUNT,
        "currency": "eur" if rec.type in _EURO_TYPES else "usd",
        "payment_method": rec.id,
        "payment_method_types[]": rec.type,
        "confirm": "true",
        "return_url": "https://example.com/return",
    }
    if rec.customer:
        params["customer"] = rec.customer
    return [
        act(
            "charge",
            "Pay (PaymentIntent)",
            why_blocked(rec, "use", ctx),
            "POST",
            "/v1/payment_intents",
            params,
        ),
        act(
            "attach",
            "Attach to customer",
            why_blocked(rec, "attach", ctx),
            "POST",
            f"/v1/payment_methods/{rec.id}/attach",
            {},
            ("customer",),
        ),
        act(
            "detach",
            "Detach",
            why_blocked(rec, "detach", ctx),
            "POST",
            f"/v1/payment_methods/{rec.id}/detach",
        ),
        act(
            "set_default",
            "Make default",
            why_blocked(rec, "set_default", ctx),
            "POST",
            f"/v1/customers/{rec.customer}" if rec.customer else "",
            {"invoice_settings[default_payment_method]": rec.id},
        ),
    ]


def _intent_ctx(st: State, rec: PaymentIntentRec | SetupIntentRec) -> Ctx:
    """What the intents' requirements look at besides the intent: the payment method it
    would use and (a PaymentIntent's) latest charge."""
    pm = st.get(rec.payment_method) if rec.payment_method else None
    charge = st.get(getattr(rec, "latest_charge", None) or "")
    return Ctx(rec, extra={"payment_method": pm, "charge": charge})


def _intent_actions(
    st: State, rec: PaymentIntentRec | SetupIntentRec, path: str, ctx: Ctx
) -> list[Action]:
    confirm = why_blocked(rec, "confirm", ctx)
    params: dict[str, Any] = {"return_url": "https://example.com/return"}
    needs: tuple[str, ...] = ()
    if not confirm and rec.payment_method is None:
        params["payment_method"] = "pm_card_visa"
        needs = ("payment_method",)
    waiting = why_blocked(rec, "authenticate", ctx)
    helper = f"/v1/test_helpers/{path}/{rec.id}/authenticate"
    return [
        act("confirm", "Confirm", confirm, "POST", f"/v1/{path}/{rec.id}/confirm", params, needs),
        act(
            "authorize",
            "Customer authenticates",
            waiting,
            "POST",
            helper,
            {"result": "success"},
            note=SIMULATOR_NOTE if not waiting else "",
        ),
        act(
            "fail",
            "Customer fails",
            waiting,
            "POST",
            helper,
            {"result": "failure"},
            note=SIMULATOR_NOTE if not waiting else "",
        ),
        act(
            "cancel",
            "Cancel",
            why_blocked(rec, "cancel", ctx),
            "POST",
            f"/v1/{path}/{rec.id}/cancel",
        ),
    ]


def for_payment_intent(st: State, rec: PaymentIntentRec) -> list[Action]:
    ctx = _intent_ctx(st, rec)
    charge = ctx.extra["charge"]
    due = rec.process_at
    if due is None and isinstance(charge, ChargeRec) and rec.status == "requires_capture":
        due = charge.capture_expires_at
    timer = clock(rec, st, due, "Let the clock run (settle / expire)")
    if due is None and rec.status == "requires_action" and rec.action_expires_at is not None:
        timer = clock(rec, st, rec.action_expires_at, "Let the clock run (settle / expire)")
        timer = replace(timer, note=intents.ACTION_TIMEOUT_NOTE)  # T8, unverified
    return [
        *_intent_actions(st, rec, "payment_intents", ctx),
        act(
            "capture",
            "Capture",
            why_blocked(rec, "capture", ctx),
            "POST",
            f"/v1/payment_intents/{rec.id}/capture",
        ),
        act(
            "refund",
            "Refund",
            why_blocked(rec, "refund", ctx),
            "POST",
            "/v1/refunds",
            {"payment_intent": rec.id},
        ),
        timer,
    ]


def for_setup_intent(st: State, rec: SetupIntentRec) -> list[Action]:
    return _intent_actions(st, rec, "setup_intents", _intent_ctx(st, rec))
