"""The PaymentIntent's lifecycle (stripe-intents-domain.md §3.2): edges T2…T19 as numbered.

Not modeled: T18 and T21 (``core.facts.intents.NOT_MODELED`` says why).

A confirm leaves each of the three open statuses by the same outcomes (T3/T4/T5/T9/T10/T11/T12),
so those edges are made per status and named ``T3-rpm``, ``T3-rc``, ``T3-ra``…
"""

from __future__ import annotations

from core.i18n import QT_TRANSLATE_NOOP
from core.lifecycle.table_types import Table, Transition

_T = Transition
_RPM, _RC, _RA = "requires_payment_method", "requires_confirmation", "requires_action"
_PROC, _RCAP = "processing", "requires_capture"
_PI_SUCCEEDED = ("charge.succeeded", "payment_intent.succeeded")
_PI_FAILED = ("charge.failed", "payment_intent.payment_failed")
_SHORT = {_RPM: "rpm", _RC: "rc", _RA: "ra"}


def _confirm_edges(source: str) -> tuple[Transition, ...]:
    """T3/T4/T5/T9/T10/T11/T12 (intents §3.2) from one confirmable status (ids T3-rc...)."""
    tail = "-" + _SHORT[source]
    return (
        _T(
            "T3" + tail,
            source,
            "succeeded",
            "confirm",
            QT_TRANSLATE_NOOP("core", "confirm (authorized, automatic capture)"),
            ("outcome_succeeds", "automatic_capture"),
            _PI_SUCCEEDED,
        ),
        _T(
            "T4" + tail,
            source,
            _RCAP,
            "confirm",
            QT_TRANSLATE_NOOP("core", "confirm (authorized, manual capture)"),
            ("outcome_succeeds", "manual_capture"),
            ("charge.succeeded", "payment_intent.amount_capturable_updated"),
            note="charge event at authorization unverified (intents §3.2 T4)",
        ),
        _T(
            "T5" + tail,
            source,
            _RA,
            "confirm",
            QT_TRANSLATE_NOOP("core", "confirm (authentication or redirect needed)"),
            ("outcome_action",),
            ("payment_intent.requires_action",),
        ),
        _T(
            "T9" + tail,
            source,
            _RPM,
            "confirm",
            QT_TRANSLATE_NOOP("core", "confirm (declined: 402, back to requires_payment_method)"),
            ("outcome_declines",),
            _PI_FAILED,
        ),
        _T(
            "T10" + tail,
            source,
            _RPM,
            "confirm",
            QT_TRANSLATE_NOOP("core", "confirm off-session (authentication required: 402)"),
            ("outcome_auth_required",),
            ("payment_intent.payment_failed",),
        ),
        _T(
            "T11" + tail,
            source,
            _RPM,
            "confirm",
            QT_TRANSLATE_NOOP(
                "core", "confirm with error_on_requires_action (action needed: the attempt fails)"
            ),
            ("outcome_action_refused",),
            ("payment_intent.payment_failed",),
            note="resulting status and events unverified (intents §3.2 T11)",
        ),
        _T(
            "T12" + tail,
            source,
            _PROC,
            "confirm",
            QT_TRANSLATE_NOOP("core", "confirm (bank debit submitted)"),
            ("outcome_processing",),
            ("charge.pending", "payment_intent.processing"),
            note="charge.pending for PaymentIntents is likely, unverified (intents §3.2 T12)",
        ),
    )


PAYMENT_INTENT_TABLE = Table(
    "payment_intent",
    "",
    (_RPM, _RC, _RA, _PROC, _RCAP, "succeeded", "canceled"),
    frozenset({"succeeded", "canceled"}),
    (
        _T(
            "T2",
            _RPM,
            _RC,
            "set_payment_method",
            QT_TRANSLATE_NOOP("core", "set a payment method (create/update)"),
        ),
        _T(
            "T2-ra",
            _RA,
            _RC,
            "set_payment_method",
            QT_TRANSLATE_NOOP("core", "set a new payment method (update)"),
        ),
        *_confirm_edges(_RPM),
        *_confirm_edges(_RC),
        *_confirm_edges(_RA),
        _T(
            "T6",
            _RA,
            "succeeded",
            "authenticate",
            QT_TRANSLATE_NOOP("core", "customer authenticates (automatic capture)"),
            ("outcome_succeeds", "automatic_confirmation", "automatic_capture"),
            _PI_SUCCEEDED,
        ),
        _T(
            "T6c",
            _RA,
            _RCAP,
            "authenticate",
            QT_TRANSLATE_NOOP("core", "customer authenticates (manual capture)"),
            ("outcome_succeeds", "automatic_confirmation", "manual_capture"),
            ("charge.succeeded", "payment_intent.amount_capturable_updated"),
        ),
        _T(
            "T6m",
            _RA,
            _RC,
            "authenticate",
            QT_TRANSLATE_NOOP("core", "customer authenticates (confirmation_method manual)"),
            ("outcome_succeeds", "manual_confirmation"),
            note="events unverified (intents §3.2 T6m)",
        ),
        _T(
            "T6d",
            _RA,
            _RPM,
            "authenticate",
            QT_TRANSLATE_NOOP("core", "customer authenticates, then the issuer declines"),
            ("outcome_declines",),
            _PI_FAILED,
        ),
        _T(
            "T7",
            _RA,
            _RPM,
            "authenticate",
            QT_TRANSLATE_NOOP("core", "customer fails authentication"),
            ("outcome_fails",),
            ("payment_intent.payment_failed",),
        ),
        _T(
            "T13",
            _PROC,
            "succeeded",
            "settle",
            QT_TRANSLATE_NOOP("core", "bank debit settles"),
            ("outcome_succeeds",),
            ("payment_intent.succeeded",),
            note="an existing Charge that moves fires its own edge's event (C1 here)",
        ),
        _T(
            "T14",
            _PROC,
            _RPM,
            "settle",
            QT_TRANSLATE_NOOP("core", "bank debit fails"),
            ("outcome_declines",),
            ("payment_intent.payment_failed",),
            note="with the Charge's C2 charge.failed",
        ),
        _T(
            "T15",
            _RCAP,
            "succeeded",
            "capture",
            QT_TRANSLATE_NOOP("core", "capture (all or part)"),
            events=("payment_intent.succeeded",),
            note="with the Charge's C3 charge.captured; exact events unverified (intents §3.2 T15)",
        ),
        *(
            _T(
                "T16-" + short,
                source,
                "canceled",
                "cancel",
                QT_TRANSLATE_NOOP("core", "cancel"),
                events=("payment_intent.canceled",),
            )
            for source, short in ((_RPM, "rpm"), (_RC, "rc"), (_RA, "ra"))
        ),
        _T(
            "T16-cap",
            _RCAP,
            "canceled",
            "cancel",
            QT_TRANSLATE_NOOP("core", "cancel (releases the authorization)"),
            events=("payment_intent.canceled",),
        ),
        _T(
            "T16-proc",
            _PROC,
            "canceled",
            "cancel",
            QT_TRANSLATE_NOOP("core", "cancel (us_bank_account only)"),
            ("cancelable_processing",),
            ("payment_intent.canceled",),
        ),
        _T(
            "T17",
            _RCAP,
            "canceled",
            "expire",
            QT_TRANSLATE_NOOP("core", "authorization expires (7 days)"),
            events=("payment_intent.canceled",),
            note="after the Charge's C4 charge.expired; unverified (intents §3.2 T17)",
        ),
        _T(
            "T8",
            _RA,
            _RPM,
            "expire",
            QT_TRANSLATE_NOOP("core", "the customer never acts (48 h, card 3DS only)"),
            ("action_timer",),
            ("payment_intent.payment_failed",),
            note="timer and event unverified (intents §3.2 T8): core.facts.intents",
        ),
        _T(
            "T19",
            _RCAP,
            _RCAP,
            "increment_authorization",
            QT_TRANSLATE_NOOP("core", "increment the authorization (a higher amount)"),
            ("incremental_supported",),
            ("payment_intent.amount_capturable_updated",),
            note="events unverified (intents §3.2 T19)",
        ),
    ),
)
