"""Tokens' and Charges' lifecycles (stripe-domain.md §6, §7): tables U*, C*, their guards."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from core.facts import cards
from core.i18n import QT_TRANSLATE_NOOP
from core.lifecycle.table_types import Ctx, Guard, Table, Transition
from core.store.records import ChargeRec, TokenRec


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


def _refund_full(ctx: Ctx) -> bool:
    charge: ChargeRec = ctx.obj
    remaining = charge.amount - charge.amount_refunded
    return ctx.amount is None or ctx.amount >= remaining


GUARDS: dict[str, Guard] = {
    g.name: g
    for g in (
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

_T = Transition
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

#: Guards fixed by a token's card or a charge's chosen outcome.
FACT_GUARDS: dict[str, Callable[[Any, str], bool]] = {
    "token_card_ok": lambda rec, _s: not _token_declines(Ctx(rec)),
    "token_card_declines": lambda rec, _s: _token_declines(Ctx(rec)),
    "token_attachable": lambda rec, _s: _token_can_attach(Ctx(rec)),
    "settles_ok": lambda rec, _s: rec.settle_outcome != "failed",
    "settles_failed": lambda rec, _s: rec.settle_outcome == "failed",
}
