"""Sources' lifecycles (stripe-domain.md §3): one table per flow, their guards and facts.

Transition ids follow stripe-domain.md §3.3 (T1..T8).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from core.facts import cards, source_catalog
from core.i18n import QT_TRANSLATE_NOOP
from core.lifecycle.table_types import Ctx, Guard, Table, Transition, charge_customer


def _authorize_fails(ctx: Ctx) -> bool:
    card = cards.BY_KEY.get(getattr(ctx.obj, "card_key", ""))
    return ctx.obj.type == "three_d_secure" and card is not None and card.tds_authorize_fails


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
            lambda c: c.obj.customer is not None and charge_customer(c) == c.obj.customer,
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
    )
}

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

TABLES: dict[tuple[str, str], Table] = {
    ("source", flow): Table(
        "source", flow, SOURCE_STATES, SOURCE_TERMINAL, _SOURCE_FLOW_EXTRA[flow] + _COMMON
    )
    for flow in ("none", "redirect", "receiver", "code_verification")
}


def _expiry_possible(rec: Any, state: str) -> bool:
    """The source's type has an expiry timer in ``state`` (§3.4)."""
    info = source_catalog.SOURCE_TYPES.get(rec.type)
    if info is None:
        return True
    seconds = info.pending_expiry if state == "pending" else info.chargeable_expiry
    return seconds is not None or (state == "chargeable" and info.china_cutoff)


#: Guards fixed by a source's facts (its type and card), whatever its state.
FACT_GUARDS: dict[str, Callable[[Any, str], bool]] = {
    "has_timer": _expiry_possible,
    "authorize_ok": lambda rec, _s: not _authorize_fails(Ctx(rec)),
    "authorize_fails": lambda rec, _s: _authorize_fails(Ctx(rec)),
}
