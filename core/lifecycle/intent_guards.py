"""Guards of the PaymentIntent, SetupIntent and PaymentMethod tables (stripe-intents-domain.md).

A confirm's outcome is decided by the rules (the card's behaviour, §8.3/§8.4) and handed
to the guards as ``Ctx.extra["outcome"]``; with none given (the graph, the action bar)
every outcome is possible. :data:`FACT_GUARDS` are those fixed by a PaymentIntent's
own choices (capture and confirmation methods, payment method types, §2).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from core.i18n import QT_TRANSLATE_NOOP
from core.lifecycle.table_types import Ctx, Guard, charge_customer


def _outcome(name: str) -> Callable[[Ctx], bool]:
    """A confirm/authenticate outcome chosen by the rules (``extra["outcome"]``); with
    none given (the graph, the action bar) every outcome is possible."""
    return lambda c: c.extra.get("outcome", name) == name


def _pm_type(c: Ctx) -> str:
    pm = c.extra.get("payment_method")
    return str(getattr(pm, "type", "")) if pm is not None else str(c.extra.get("pm_type", ""))


GUARDS: dict[str, Guard] = {
    g.name: g
    for g in (
        Guard(
            "outcome_succeeds",
            QT_TRANSLATE_NOOP("core", "the card needs authentication or is declined"),
            _outcome("succeeds"),
        ),
        Guard(
            "outcome_action",
            QT_TRANSLATE_NOOP("core", "this payment method needs no customer action"),
            _outcome("action"),
        ),
        Guard(
            "outcome_declines",
            QT_TRANSLATE_NOOP("core", "the issuer accepts this payment method"),
            _outcome("declines"),
        ),
        Guard(
            "outcome_processing",
            QT_TRANSLATE_NOOP(
                "core",
                "only bank debits (sepa_debit, us_bank_account) pass through processing "
                "(intents §3.2 T12)",
            ),
            _outcome("processing"),
        ),
        Guard(
            "automatic_capture",
            QT_TRANSLATE_NOOP(
                "core", "capture_method is manual: the payment waits in requires_capture"
            ),
            lambda c: c.obj.capture_method != "manual",
        ),
        Guard(
            "manual_capture",
            QT_TRANSLATE_NOOP("core", "capture_method is automatic: nothing waits for a capture"),
            lambda c: c.obj.capture_method == "manual",
        ),
        Guard(
            "automatic_confirmation",
            QT_TRANSLATE_NOOP(
                "core",
                "confirmation_method is manual: the server must confirm again (intents §3.2 T6m)",
            ),
            lambda c: c.obj.confirmation_method != "manual",
        ),
        Guard(
            "manual_confirmation",
            QT_TRANSLATE_NOOP(
                "core",
                "confirmation_method is automatic: no second confirm is needed (intents §3.2 T6)",
            ),
            lambda c: c.obj.confirmation_method == "manual",
        ),
        Guard(
            "cancelable_processing",
            QT_TRANSLATE_NOOP(
                "core",
                "only a us_bank_account payment can be canceled while processing (intents §3.3)",
            ),
            lambda c: _pm_type(c) in ("", "us_bank_account"),
        ),
        Guard(
            "pm_with_its_customer",
            QT_TRANSLATE_NOOP(
                "core", "use it together with the customer it is attached to (intents §6.1)"
            ),
            lambda c: c.obj.customer is not None and charge_customer(c) == c.obj.customer,
        ),
        Guard(
            "pm_unattached",
            QT_TRANSLATE_NOOP("core", "the PaymentMethod is attached to a customer"),
            lambda c: c.obj.customer is None,
        ),
    )
}

GUARDS["outcome_action_refused"] = Guard(
    "outcome_action_refused",
    QT_TRANSLATE_NOOP(
        "core",
        "only a confirm with error_on_requires_action=true of a payment that needs "
        "authentication fails this way (intents §3.2 T11)",
    ),
    _outcome("action_refused"),
)
GUARDS["action_timer"] = Guard(
    "action_timer",
    QT_TRANSLATE_NOOP(
        "core", "only a card payment waiting for 3D Secure times out (intents §3.2 T8)"
    ),
    lambda c: c.obj.action_expires_at is not None,
)
GUARDS["incremental_supported"] = Guard(
    "incremental_supported",
    QT_TRANSLATE_NOOP(
        "core",
        "the PaymentIntent did not ask for incremental authorization "
        "(payment_method_options[card][request_incremental_authorization]=if_available, "
        "intents §3.2 T19)",
    ),
    lambda c: bool(c.obj.incremental_authorization),
)
GUARDS["outcome_fails"] = Guard(
    "outcome_fails",
    QT_TRANSLATE_NOOP("core", "the customer completes authentication"),
    _outcome("fails"),
)
GUARDS["outcome_auth_required"] = Guard(
    "outcome_auth_required",
    QT_TRANSLATE_NOOP(
        "core",
        "only an off-session confirm of a card that needs authentication fails this way "
        "(intents §8.4)",
    ),
    _outcome("auth_required"),
)

#: Guards fixed by a PaymentIntent's capture and confirmation methods and its payment
#: method types (intents §2): the edges its own payment can take.
FACT_GUARDS: dict[str, Callable[[Any, str], bool]] = {
    "automatic_capture": lambda rec, _s: rec.capture_method != "manual",
    "manual_capture": lambda rec, _s: rec.capture_method == "manual",
    "automatic_confirmation": lambda rec, _s: rec.confirmation_method != "manual",
    "manual_confirmation": lambda rec, _s: rec.confirmation_method == "manual",
    "outcome_processing": lambda rec, _s: bool(
        {"sepa_debit", "us_bank_account"} & set(rec.payment_method_types)
    ),
    "outcome_auth_required": lambda rec, _s: "card" in rec.payment_method_types,
    "cancelable_processing": lambda rec, _s: "us_bank_account" in rec.payment_method_types,
    "action_timer": lambda rec, _s: "card" in rec.payment_method_types,
    "outcome_action_refused": lambda rec, _s: "card" in rec.payment_method_types,
    "incremental_supported": lambda rec, _s: bool(rec.incremental_authorization),
}
