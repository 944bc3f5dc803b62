"""Lifecycles as data: one declarative table per object kind (and source flow).

The rules engine picks the transition it takes from these tables
(:func:`select`), fires the table's events and records ``prev_state`` /
``last_edge`` on the object; the graph view is computed from the same tables
(:func:`graph_for`, :func:`graph_of`). Transition ids follow stripe-domain.md
§3.3 (T1..T8) for sources; tokens use U*, charges C*.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from core.facts import cards, catalog
from core.graph.model import GraphEdge, GraphModel, GraphNode
from core.i18n import QT_TRANSLATE_NOOP, fill
from core.store.records import ChargeRec, SourceRec, TokenRec


@dataclass(frozen=True, slots=True)
class Ctx:
    """What guards look at: the object and, optionally, the request's choices.

    Attributes:
        obj: the record.
        customer: the ``customer`` a charge names (``...`` when unknown: the graph
            then assumes the natural choice, the attached customer).
        amount: a refund/capture amount, when known.
        extra: anything else a guard needs (``verify_ok``, ``funds_full``...).
    """

    obj: Any
    customer: str | None = "..."
    amount: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Guard:
    """A named predicate with the words shown when it blocks.

    ``static`` guards depend only on facts fixed at creation (type, usage,
    flow); the graph honours them when computing reachability.
    """

    name: str
    reason: str
    test: Callable[[Ctx], bool]
    static: bool = False


def _charge_customer(ctx: Ctx) -> str | None:
    return getattr(ctx.obj, "customer", None) if ctx.customer == "..." else ctx.customer


def _card_of_token(tok: TokenRec) -> cards.TestCard | None:
    return cards.BY_KEY.get(tok.card.key) if tok.card is not None else None


def _token_declines(ctx: Ctx) -> bool:
    card = _card_of_token(ctx.obj)
    if card is None or card.charge_decline is None:
        return False
    return not (card.charge_decline is cards.INCORRECT_CVC and not ctx.obj.card.cvc_provided)


def _token_can_attach(ctx: Ctx) -> bool:
    card = _card_of_token(ctx.obj)
    return card is None or cards.attach_decline(card, ctx.obj.card.cvc_provided) is None


def _authorize_fails(ctx: Ctx) -> bool:
    card = cards.BY_KEY.get(getattr(ctx.obj, "card_key", ""))
    return ctx.obj.type == "three_d_secure" and card is not None and card.tds_authorize_fails


def _refund_full(ctx: Ctx) -> bool:
    charge: ChargeRec = ctx.obj
    remaining = charge.amount - charge.amount_refunded
    return ctx.amount is None or ctx.amount >= remaining


GUARDS: dict[str, Guard] = {
    g.name: g
    for g in (
        Guard(
            "single_use",
            QT_TRANSLATE_NOOP("core", "only a single_use source takes this edge"),
            lambda c: c.obj.usage == "single_use",
            static=True,
        ),
        Guard(
            "reusable",
            QT_TRANSLATE_NOOP("core", "only a reusable source takes this edge"),
            lambda c: c.obj.usage == "reusable",
            static=True,
        ),
        Guard(
            "unattached",
            QT_TRANSLATE_NOOP("core", "the source is attached to a customer"),
            lambda c: c.obj.customer is None,
        ),
        Guard(
            "attached",
            QT_TRANSLATE_NOOP("core", "the source is not attached to a customer"),
            lambda c: c.obj.customer is not None,
        ),
        Guard(
            "with_its_customer",
            QT_TRANSLATE_NOOP(
                "core",
                "charge it together with the customer it is attached to "
                "(customer + source, §5.1 rule 3)",
            ),
            lambda c: c.obj.customer is not None and _charge_customer(c) == c.obj.customer,
        ),
        Guard(
            "has_timer",
            QT_TRANSLATE_NOOP("core", "no expiry timer applies to this source (§3.4)"),
            lambda c: c.obj.expires_at is not None,
        ),
        Guard(
            "sepa_debit",
            QT_TRANSLATE_NOOP(
                "core", "only SEPA Direct Debit sources fail after a failed charge (§3.3 T7)"
            ),
            lambda c: c.obj.type == "sepa_debit",
            static=True,
        ),
        Guard(
            "funds_full",
            QT_TRANSLATE_NOOP("core", "the customer has not pushed the full amount yet"),
            lambda c: bool(c.extra.get("funds_full", True)),
        ),
        Guard(
            "funds_partial",
            QT_TRANSLATE_NOOP("core", "this push completes the amount"),
            lambda c: not c.extra.get("funds_full", True),
        ),
        Guard(
            "code_ok",
            QT_TRANSLATE_NOOP("core", "the verification values are wrong"),
            lambda c: bool(c.extra.get("code_ok", True)),
        ),
        Guard(
            "code_wrong_left",
            QT_TRANSLATE_NOOP("core", "attempts would be exhausted, or the values are right"),
            lambda c: (
                not c.extra.get("code_ok", True)
                and (c.obj.code_verification or {}).get("attempts_remaining", 0) > 1
            ),
        ),
        Guard(
            "code_wrong_last",
            QT_TRANSLATE_NOOP("core", "attempts remain, or the values are right"),
            lambda c: (
                not c.extra.get("code_ok", True)
                and (c.obj.code_verification or {}).get("attempts_remaining", 0) <= 1
            ),
        ),
        Guard(
            "authorize_ok",
            QT_TRANSLATE_NOOP("core", "completing 3D Secure fails on this card (§10)"),
            lambda c: not _authorize_fails(c),
        ),
        Guard(
            "authorize_fails",
            QT_TRANSLATE_NOOP("core", "completing the redirect succeeds on this source"),
            _authorize_fails,
        ),
        Guard(
            "token_card_ok",
            QT_TRANSLATE_NOOP("core", "the issuer declines this card"),
            lambda c: not _token_declines(c),
        ),
        Guard(
            "token_card_declines",
            QT_TRANSLATE_NOOP("core", "the issuer accepts this card"),
            _token_declines,
        ),
        Guard(
            "token_attachable",
            QT_TRANSLATE_NOOP(
                "core", "this decline card cannot be attached: attaching validates the card (§10)"
            ),
            _token_can_attach,
        ),
        Guard(
            "token_is_card",
            QT_TRANSLATE_NOOP("core", "only card tokens become card sources"),
            lambda c: c.obj.type == "card",
            static=True,
        ),
        Guard(
            "settles_ok",
            QT_TRANSLATE_NOOP("core", "this charge will fail when it settles"),
            lambda c: c.obj.settle_outcome != "failed",
        ),
        Guard(
            "settles_failed",
            QT_TRANSLATE_NOOP("core", "this charge will succeed when it settles"),
            lambda c: c.obj.settle_outcome == "failed",
        ),
        Guard(
            "refund_full",
            QT_TRANSLATE_NOOP("core", "the amount leaves part of the charge unrefunded"),
            _refund_full,
        ),
        Guard(
            "refund_partial",
            QT_TRANSLATE_NOOP("core", "the amount refunds the whole remainder"),
            lambda c: not _refund_full(c) and c.obj.amount - c.obj.amount_refunded > 1,
        ),
        Guard(
            "capture_timer",
            QT_TRANSLATE_NOOP("core", "the authorization has no expiry timer"),
            lambda c: c.obj.capture_expires_at is not None,
        ),
    )
}


@dataclass(frozen=True, slots=True)
class Transition:
    """One edge of a lifecycle table."""

    id: str
    source: str
    target: str
    trigger: str
    label: str
    guards: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class Table:
    kind: str
    variant: str
    states: tuple[str, ...]
    terminal: frozenset[str]
    transitions: tuple[Transition, ...]
    labels: dict[str, str] = field(default_factory=dict)


_T = Transition
SOURCE_STATES = ("pending", "chargeable", "consumed", "failed", "canceled")
SOURCE_TERMINAL = frozenset({"consumed", "failed", "canceled"})
_CONSUMED_NOTE = "no dedicated event documented for consumed (§3.3 T5, unverified)"

_COMMON: tuple[Transition, ...] = (
    _T(
        "T2",
        "pending",
        "failed",
        "fail",
        QT_TRANSLATE_NOOP("core", "fail (customer declines/aborts)"),
        events=("source.failed",),
    ),
    _T(
        "T3",
        "pending",
        "canceled",
        "expire",
        QT_TRANSLATE_NOOP("core", "expire (pending window)"),
        ("has_timer",),
        ("source.canceled",),
    ),
    _T(
        "T4",
        "chargeable",
        "canceled",
        "expire",
        QT_TRANSLATE_NOOP("core", "expire (chargeable window)"),
        ("has_timer",),
        ("source.canceled",),
    ),
    _T(
        "T5a",
        "chargeable",
        "consumed",
        "charge",
        QT_TRANSLATE_NOOP("core", "charge (single_use)"),
        ("single_use",),
        note="charge events only; " + _CONSUMED_NOTE,
    ),
    _T(
        "T5b",
        "chargeable",
        "consumed",
        "charge",
        QT_TRANSLATE_NOOP("core", "charge (reusable, not attached)"),
        ("reusable", "unattached"),
        note="charge events only; " + _CONSUMED_NOTE,
    ),
    _T(
        "T5c",
        "chargeable",
        "consumed",
        "detach",
        QT_TRANSLATE_NOOP("core", "detach"),
        ("attached",),
        ("customer.source.deleted",),
    ),
    _T(
        "T5d",
        "pending",
        "consumed",
        "detach",
        QT_TRANSLATE_NOOP("core", "detach (while pending)"),
        ("attached",),
        ("customer.source.deleted",),
        note="§5.1 rule 4 applied to a pending source",
    ),
    _T(
        "T6",
        "chargeable",
        "chargeable",
        "charge",
        QT_TRANSLATE_NOOP("core", "charge (reusable, attached, with customer)"),
        ("reusable", "with_its_customer"),
    ),
    _T(
        "T8a",
        "pending",
        "pending",
        "attach",
        QT_TRANSLATE_NOOP("core", "attach"),
        ("unattached",),
        ("customer.source.created",),
    ),
    _T(
        "T8b",
        "chargeable",
        "chargeable",
        "attach",
        QT_TRANSLATE_NOOP("core", "attach"),
        ("unattached",),
        ("customer.source.created",),
    ),
)

_SOURCE_FLOW_EXTRA: dict[str, tuple[Transition, ...]] = {
    "none": (
        _T(
            "T1",
            "pending",
            "chargeable",
            "authorize",
            QT_TRANSLATE_NOOP("core", "authorize (e.g. WeChat QR scan)"),
            events=("source.chargeable",),
        ),
        # SEPA Direct Debit is the only type that fails after a charge, and its flow is none.
        _T(
            "T7",
            "chargeable",
            "failed",
            "charge_failed",
            QT_TRANSLATE_NOOP("core", "SEPA charge fails"),
            ("sepa_debit",),
            ("source.failed",),
            note="event unverified (§3.3 T7)",
        ),
    ),
    "redirect": (
        _T(
            "T1",
            "pending",
            "chargeable",
            "authorize",
            QT_TRANSLATE_NOOP("core", "authorize (redirect succeeded)"),
            ("authorize_ok",),
            ("source.chargeable",),
        ),
        _T(
            "T2a",
            "pending",
            "failed",
            "authorize",
            QT_TRANSLATE_NOOP("core", "authorize fails (3DS processing error)"),
            ("authorize_fails",),
            ("source.failed",),
        ),
    ),
    "receiver": (
        _T(
            "T1",
            "pending",
            "chargeable",
            "authorize",
            QT_TRANSLATE_NOOP("core", "authorize (full amount pushed)"),
            events=("source.chargeable",),
        ),
        _T(
            "T1r",
            "pending",
            "chargeable",
            "receive_funds",
            QT_TRANSLATE_NOOP("core", "receive funds (amount reached)"),
            ("funds_full",),
            ("source.chargeable", "source.transaction.created"),
        ),
        _T(
            "R1",
            "pending",
            "pending",
            "receive_funds",
            QT_TRANSLATE_NOOP("core", "receive funds (partial)"),
            ("funds_partial",),
            ("source.transaction.created",),
        ),
        _T(
            "R2",
            "chargeable",
            "chargeable",
            "receive_funds",
            QT_TRANSLATE_NOOP("core", "receive more funds"),
            events=("source.transaction.created",),
        ),
    ),
    "code_verification": (
        _T(
            "T1",
            "pending",
            "chargeable",
            "authorize",
            QT_TRANSLATE_NOOP("core", "authorize (code entered)"),
            events=("source.chargeable",),
        ),
        _T(
            "T1v",
            "pending",
            "chargeable",
            "verify",
            QT_TRANSLATE_NOOP("core", "verify (right values)"),
            ("code_ok",),
            ("source.chargeable",),
        ),
        _T(
            "V1",
            "pending",
            "pending",
            "verify",
            QT_TRANSLATE_NOOP("core", "verify (wrong values, attempts left)"),
            ("code_wrong_left",),
        ),
        _T(
            "T2v",
            "pending",
            "failed",
            "verify",
            QT_TRANSLATE_NOOP("core", "verify (wrong values, last attempt)"),
            ("code_wrong_last",),
            ("source.failed",),
        ),
    ),
}

TOKEN_TABLE = Table(
    "token",
    "",
    ("unused", "used"),
    frozenset({"used"}),
    (
        _T(
            "U1",
            "unused",
            "used",
            "charge",
            QT_TRANSLATE_NOOP("core", "charge (succeeds)"),
            ("token_card_ok",),
            ("charge.succeeded",),
        ),
        _T(
            "U2",
            "unused",
            "used",
            "charge",
            QT_TRANSLATE_NOOP("core", "charge (declined: still uses the token)"),
            ("token_card_declines",),
            ("charge.failed",),
            note="§6.3, §12.4",
        ),
        _T(
            "U3",
            "unused",
            "used",
            "attach",
            QT_TRANSLATE_NOOP("core", "attach to a customer (becomes a card_)"),
            ("token_attachable",),
            ("customer.source.created",),
        ),
        _T(
            "U4",
            "unused",
            "used",
            "create_source",
            QT_TRANSLATE_NOOP("core", "create a card source from it"),
            ("token_is_card",),
            ("source.chargeable",),
        ),
    ),
)

CHARGE_TABLE = Table(
    "charge",
    "",
    ("pending", "uncaptured", "succeeded", "failed", "refunded"),
    frozenset({"failed", "refunded"}),
    (
        _T(
            "C1",
            "pending",
            "succeeded",
            "settle",
            QT_TRANSLATE_NOOP("core", "settles (succeeded)"),
            ("settles_ok",),
            ("charge.succeeded",),
        ),
        _T(
            "C2",
            "pending",
            "failed",
            "settle",
            QT_TRANSLATE_NOOP("core", "settles (failed)"),
            ("settles_failed",),
            ("charge.failed",),
        ),
        _T(
            "C3",
            "uncaptured",
            "succeeded",
            "capture",
            QT_TRANSLATE_NOOP("core", "capture"),
            (),
            ("charge.captured",),
        ),
        _T(
            "C4",
            "uncaptured",
            "refunded",
            "expire",
            QT_TRANSLATE_NOOP("core", "authorization expires (7 days)"),
            ("capture_timer",),
            ("charge.expired",),
        ),
        _T(
            "C5",
            "uncaptured",
            "refunded",
            "refund",
            QT_TRANSLATE_NOOP("core", "refund (releases the authorization)"),
            (),
            ("charge.refunded",),
        ),
        _T(
            "C6",
            "succeeded",
            "succeeded",
            "refund",
            QT_TRANSLATE_NOOP("core", "refund (partial)"),
            ("refund_partial",),
            ("charge.refunded",),
        ),
        _T(
            "C7",
            "succeeded",
            "refunded",
            "refund",
            QT_TRANSLATE_NOOP("core", "refund (full)"),
            ("refund_full",),
            ("charge.refunded",),
        ),
    ),
    labels={"uncaptured": "succeeded · captured: false", "refunded": "succeeded · refunded: true"},
)

# --- PaymentMethods, PaymentIntents, SetupIntents (stripe-intents-domain.md) --------------


def _outcome(name: str) -> Callable[[Ctx], bool]:
    """A confirm/authenticate outcome chosen by the rules (``extra["outcome"]``); with
    none given (the graph, the action bar) every outcome is possible."""
    return lambda c: c.extra.get("outcome", name) == name


def _pm_type(c: Ctx) -> str:
    pm = c.extra.get("payment_method")
    return str(getattr(pm, "type", "")) if pm is not None else str(c.extra.get("pm_type", ""))


for _g in (
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
            "core", "only a us_bank_account payment can be canceled while processing (intents §3.3)"
        ),
        lambda c: _pm_type(c) in ("", "us_bank_account"),
    ),
    Guard(
        "pm_with_its_customer",
        QT_TRANSLATE_NOOP(
            "core", "use it together with the customer it is attached to (intents §6.1)"
        ),
        lambda c: c.obj.customer is not None and _charge_customer(c) == c.obj.customer,
    ),
    Guard(
        "pm_unattached",
        QT_TRANSLATE_NOOP("core", "the PaymentMethod is attached to a customer"),
        lambda c: c.obj.customer is None,
    ),
):
    GUARDS[_g.name] = _g

_RPM, _RC, _RA = "requires_payment_method", "requires_confirmation", "requires_action"
_PROC, _RCAP = "processing", "requires_capture"
_PI_SUCCEEDED = ("charge.succeeded", "payment_intent.succeeded")
_PI_FAILED = ("charge.failed", "payment_intent.payment_failed")
_SHORT = {_RPM: "rpm", _RC: "rc", _RA: "ra"}


def _confirm_edges(source: str) -> tuple[Transition, ...]:
    """T3/T4/T5/T9/T12 (intents §3.2) from one confirmable status; ids say which (T3-rc...)."""
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
    ),
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

_SI_FAILED = ("setup_intent.setup_failed",)
SETUP_INTENT_TABLE = Table(
    "setup_intent",
    "",
    (_RPM, _RC, _RA, _PROC, "succeeded", "canceled"),
    frozenset({"succeeded", "canceled"}),
    (
        _T(
            "S1",
            _RPM,
            _RC,
            "set_payment_method",
            QT_TRANSLATE_NOOP("core", "set a payment method (create/update)"),
        ),
        *(
            edge
            for source, short in ((_RPM, "rpm"), (_RC, "rc"), (_RA, "ra"))
            for edge in (
                _T(
                    "S2-" + short,
                    source,
                    "succeeded",
                    "confirm",
                    QT_TRANSLATE_NOOP("core", "confirm (set up; attached to the customer)"),
                    ("outcome_succeeds",),
                    ("setup_intent.succeeded",),
                ),
                _T(
                    "S3-" + short,
                    source,
                    _RA,
                    "confirm",
                    QT_TRANSLATE_NOOP("core", "confirm (authentication needed)"),
                    ("outcome_action",),
                    ("setup_intent.requires_action",),
                ),
                _T(
                    "S6-" + short,
                    source,
                    _RPM,
                    "confirm",
                    QT_TRANSLATE_NOOP("core", "confirm (card declined)"),
                    ("outcome_declines",),
                    _SI_FAILED,
                ),
            )
        ),
        _T(
            "S4",
            _RA,
            "succeeded",
            "authenticate",
            QT_TRANSLATE_NOOP("core", "customer authenticates"),
            ("outcome_succeeds",),
            ("setup_intent.succeeded",),
        ),
        _T(
            "S5",
            _RA,
            _RPM,
            "authenticate",
            QT_TRANSLATE_NOOP("core", "customer fails authentication"),
            ("outcome_fails",),
            _SI_FAILED,
        ),
        *(
            _T(
                "S8-" + short,
                source,
                "canceled",
                "cancel",
                QT_TRANSLATE_NOOP("core", "cancel"),
                events=("setup_intent.canceled",),
            )
            for source, short in ((_RPM, "rpm"), (_RC, "rc"), (_RA, "ra"))
        ),
    ),
)

PAYMENT_METHOD_TABLE = Table(
    "payment_method",
    "",
    ("unattached", "attached", "consumed", "detached"),
    frozenset({"consumed", "detached"}),
    (
        _T(
            "M1",
            "unattached",
            "attached",
            "attach",
            QT_TRANSLATE_NOOP("core", "attach to a customer"),
            events=("payment_method.attached",),
        ),
        _T(
            "M2",
            "attached",
            "detached",
            "detach",
            QT_TRANSLATE_NOOP("core", "detach (can never be used again)"),
            events=("payment_method.detached",),
        ),
        _T(
            "M3",
            "unattached",
            "consumed",
            "use",
            QT_TRANSLATE_NOOP("core", "used without a customer (even if declined)"),
            ("pm_unattached",),
            note="intents §4.4: single use without a customer",
        ),
        _T(
            "M4",
            "attached",
            "attached",
            "use",
            QT_TRANSLATE_NOOP("core", "used with its customer"),
            ("pm_with_its_customer",),
        ),
        _T(
            "M5",
            "attached",
            "attached",
            "update",
            QT_TRANSLATE_NOOP("core", "update"),
            events=("payment_method.updated",),
        ),
    ),
    labels={"consumed": "used · no customer", "detached": "detached · customer: null"},
)

TABLES: dict[tuple[str, str], Table] = {
    ("source", flow): Table(
        "source", flow, SOURCE_STATES, SOURCE_TERMINAL, _SOURCE_FLOW_EXTRA[flow] + _COMMON
    )
    for flow in ("none", "redirect", "receiver", "code_verification")
}
TABLES[("token", "")] = TOKEN_TABLE
TABLES[("charge", "")] = CHARGE_TABLE
TABLES[("payment_intent", "")] = PAYMENT_INTENT_TABLE
TABLES[("setup_intent", "")] = SETUP_INTENT_TABLE
TABLES[("payment_method", "")] = PAYMENT_METHOD_TABLE
#: Kinds whose record keeps its lifecycle state in ``status`` (set by the engine).
STATUS_KINDS = frozenset({"payment_intent", "setup_intent", "payment_method"})


def state_of(rec: Any) -> str:
    if isinstance(rec, SourceRec):
        return rec.status
    if isinstance(rec, TokenRec):
        return "used" if rec.used else "unused"
    if isinstance(rec, ChargeRec):
        if rec.status != "succeeded":
            return rec.status
        if rec.refunded:
            return "refunded"
        return "succeeded" if rec.captured else "uncaptured"
    if getattr(rec, "kind", "") in STATUS_KINDS:
        return str(rec.status)
    raise TypeError(type(rec).__name__)


def table_of(rec: Any) -> Table | None:
    if isinstance(rec, SourceRec):
        return TABLES[("source", rec.flow)]
    if isinstance(rec, TokenRec):
        return TOKEN_TABLE
    if isinstance(rec, ChargeRec):
        return CHARGE_TABLE
    return TABLES.get((getattr(rec, "kind", ""), ""))


def blocked_by(tr: Transition, ctx: Ctx) -> str:
    """Why ``tr`` cannot be taken now ("" when it can)."""
    state = state_of(ctx.obj)
    if tr.source != state:
        return fill(
            QT_TRANSLATE_NOOP("core", "the object is {state}; this edge leaves {source}"),
            state=state,
            source=tr.source,
        )
    for name in tr.guards:
        guard = GUARDS[name]
        if not guard.test(ctx):
            return guard.reason
    return ""


#: (kind, variant, state, trigger) → the edges that leave ``state`` on ``trigger``, in table
#: order: a request checks the guards of those few edges only (the tables never change).
_CANDIDATES: dict[tuple[str, str, str, str], tuple[Transition, ...]] = {}


def select(rec: Any, trigger: str, ctx: Ctx | None = None) -> Transition | None:
    """The transition ``trigger`` takes from ``rec``'s state, or None (the first, in table
    order, whose guards all hold: what :func:`blocked_by` allows)."""
    table = table_of(rec)
    if table is None:
        return None
    ctx = ctx or Ctx(rec)
    state = state_of(ctx.obj)
    key = (table.kind, table.variant, state, trigger)
    candidates = _CANDIDATES.get(key)
    if candidates is None:
        candidates = tuple(
            t for t in table.transitions if t.trigger == trigger and t.source == state
        )
        _CANDIDATES[key] = candidates
    for tr in candidates:
        if all(GUARDS[name].test(ctx) for name in tr.guards):
            return tr
    return None


def by_id(rec: Any, edge_id: str) -> Transition:
    table = table_of(rec)
    assert table is not None
    for tr in table.transitions:
        if tr.id == edge_id:
            return tr
    raise KeyError(edge_id)


def _expiry_possible(rec: Any, state: str) -> bool:
    """The object's type has an expiry timer in ``state`` (§3.4; a charge's capture window)."""
    if isinstance(rec, SourceRec):
        info = catalog.SOURCE_TYPES.get(rec.type)
        if info is None:
            return True
        seconds = info.pending_expiry if state == "pending" else info.chargeable_expiry
        return seconds is not None or (state == "chargeable" and info.china_cutoff)
    return True


#: Guards whose outcome is fixed by the object's facts (type, usage, card, test
#: values), not by its state: ``fn(rec, from_state)`` says whether the guard can
#: ever hold for this object. Static guards are fixed facts too (their own test).
FACT_GUARDS: dict[str, Callable[[Any, str], bool]] = {
    # a PaymentIntent's capture and confirmation methods and its payment method types
    # (intents §2): the edges its own payment can take
    "automatic_capture": lambda rec, _s: rec.capture_method != "manual",
    "manual_capture": lambda rec, _s: rec.capture_method == "manual",
    "automatic_confirmation": lambda rec, _s: rec.confirmation_method != "manual",
    "manual_confirmation": lambda rec, _s: rec.confirmation_method == "manual",
    "outcome_processing": lambda rec, _s: bool(
        {"sepa_debit", "us_bank_account"} & set(rec.payment_method_types)
    ),
    "outcome_auth_required": lambda rec, _s: "card" in rec.payment_method_types,
    "cancelable_processing": lambda rec, _s: "us_bank_account" in rec.payment_method_types,
    "has_timer": _expiry_possible,
    "authorize_ok": lambda rec, _s: not _authorize_fails(Ctx(rec)),
    "authorize_fails": lambda rec, _s: _authorize_fails(Ctx(rec)),
    "token_card_ok": lambda rec, _s: not _token_declines(Ctx(rec)),
    "token_card_declines": lambda rec, _s: _token_declines(Ctx(rec)),
    "token_attachable": lambda rec, _s: _token_can_attach(Ctx(rec)),
    "settles_ok": lambda rec, _s: rec.settle_outcome != "failed",
    "settles_failed": lambda rec, _s: rec.settle_outcome == "failed",
}


def possible(tr: Transition, rec: Any) -> bool:
    """Whether ``rec``'s facts ever let it take ``tr`` (its state aside)."""
    for name in tr.guards:
        guard = GUARDS[name]
        if guard.static and not guard.test(Ctx(rec)):
            return False
        fact = FACT_GUARDS.get(name)
        if fact is not None and not fact(rec, tr.source):
            return False
    return True


def born_state(rec: Any) -> str:
    """The state ``rec`` was created in: where its first edge left, or where it is."""
    trail = getattr(rec, "trail", ())
    if trail:
        return by_id(rec, trail[0]).source
    return state_of(rec)


def visited_states(rec: Any) -> list[str]:
    """The states ``rec`` has been in, in order (repeats kept: a self-loop visits again)."""
    return [born_state(rec)] + [by_id(rec, e).target for e in getattr(rec, "trail", ())]


def _reachable(table: Table, rec: Any | None, start: str, facts: bool = False) -> set[str]:
    seen = {start}
    frontier = [start]
    while frontier:
        here = frontier.pop()
        for tr in table.transitions:
            if tr.source != here or tr.target in seen:
                continue
            if rec is not None and any(
                GUARDS[g].static and not GUARDS[g].test(Ctx(rec)) for g in tr.guards
            ):
                continue
            if facts and rec is not None and not possible(tr, rec):
                continue
            seen.add(tr.target)
            frontier.append(tr.target)
    return seen


def graph_for(kind: str, variant: str = "") -> GraphModel:
    """The bare graph of a table (no object, no flags)."""
    table = TABLES[(kind, variant)]
    nodes = tuple(GraphNode(s, table.labels.get(s, s), s in table.terminal) for s in table.states)
    edges = tuple(
        GraphEdge(t.id, t.source, t.target, t.trigger, t.label, events=t.events)
        for t in table.transitions
    )
    return GraphModel(kind, variant, "", nodes, edges)


def graph_of(rec: Any, object_id: str, every_flow: bool = False) -> GraphModel:
    """The graph of ``rec`` with current/previous/last-taken/allowed flags and its trail.

    By default only this object's own lifecycle is kept: the states it can be in
    from the state it was born in, through the edges its facts allow (a card
    source is born ``chargeable``: no ``pending``, no redirect or SEPA edges), plus
    every state it has visited. ``every_flow`` keeps the whole table of its flow,
    for comparing.
    """
    table = table_of(rec)
    if table is None:
        return GraphModel(getattr(rec, "kind", ""), "", object_id, ())
    current = state_of(rec)
    previous = getattr(rec, "prev_state", "")
    last = getattr(rec, "last_edge", "")
    trail = tuple(getattr(rec, "trail", ()))
    visits: dict[str, list[int]] = {}
    for i, state in enumerate(visited_states(rec), start=1):
        visits.setdefault(state, []).append(i)
    taken: dict[str, int] = {}
    for edge_id in trail:
        taken[edge_id] = taken.get(edge_id, 0) + 1
    reach = _reachable(table, rec, current)
    if every_flow:
        kept_states = set(table.states)
        kept_edges = set(t.id for t in table.transitions)
    else:
        kept_states = _reachable(table, rec, born_state(rec), facts=True) | set(visits)
        kept_edges = {
            t.id
            for t in table.transitions
            if t.id in taken
            or (t.source in kept_states and t.target in kept_states and possible(t, rec))
        }
    ctx = Ctx(rec)
    nodes = tuple(
        GraphNode(
            s,
            table.labels.get(s, s),
            s in table.terminal,
            current=s == current,
            previous=bool(previous) and s == previous,
            reachable=s in reach or s in visits,
            visits=tuple(visits.get(s, ())),
        )
        for s in table.states
        if s in kept_states
    )
    edges = []
    for t in table.transitions:
        if t.id not in kept_edges:
            continue
        reason = blocked_by(t, ctx)
        edges.append(
            GraphEdge(
                t.id,
                t.source,
                t.target,
                t.trigger,
                t.label,
                allowed=not reason,
                reason=reason,
                last_taken=t.id == last,
                events=t.events,
                taken=taken.get(t.id, 0),
            )
        )
    return GraphModel(table.kind, table.variant, object_id, nodes, tuple(edges), trail, every_flow)
