"""Why an action is blocked: its trigger's requirements, then its table edges' guards.

An action (``charge``, ``attach``, ``authorize``...) is a trigger of an object's
lifecycle table. It is blocked by the first failing check, in this order:

1. the trigger's *requirements* below (:data:`REQUIRES`): guards that hold for every
   edge of the trigger, whose words say why the request as a whole is refused (a
   pending source cannot be charged at all, whatever edge would follow);
2. the table's edges for the trigger (:func:`core.lifecycle.tables.blocked_by`): the
   first edge leaving the current state whose guards fail gives its guard's words;
3. no edge leaves the state: the state is terminal, or the trigger is not possible in it.

Reasons are English templates with named fields (``{status}``, ``{state}``,
``{customer}``, ``{type}``) filled from the object. The rules modules refuse the same
requests with Stripe's errors; the stateful test checks that an action offered as
enabled is accepted and a blocked one refused.
"""

from __future__ import annotations

from typing import Any

from core.i18n import QT_TRANSLATE_NOOP, fill
from core.lifecycle import intent_requires
from core.lifecycle import tables as lifecycle
from core.lifecycle.tables import Ctx, Guard


def _available(ctx: Ctx) -> int:
    recv = ctx.obj.receiver or {}
    return int(recv.get("amount_received", 0) - recv.get("amount_charged", 0))


def _amount_to_push(ctx: Ctx) -> int:
    """What a receiver source still waits for: its amount less what has arrived."""
    recv = ctx.obj.receiver or {}
    return int((ctx.obj.amount or 0) - recv.get("amount_received", 0))


def _chargeable(ctx: Ctx) -> bool:
    return bool(ctx.obj.status == "chargeable")


_REQUIREMENTS = (
    Guard(
        "not_consumed_reusable",
        QT_TRANSLATE_NOOP(
            "core",
            "consumed: it was charged without being attached to a customer, or was detached (§5.2)",
        ),
        lambda c: not (c.obj.status == "consumed" and c.obj.usage == "reusable"),
    ),
    Guard(
        "not_pending_charge",
        QT_TRANSLATE_NOOP(
            "core", "only chargeable sources can be charged; this one is pending (§2.1)"
        ),
        lambda c: c.obj.status != "pending",
    ),
    Guard(
        "funds_left",
        QT_TRANSLATE_NOOP("core", "nothing left to charge: the customer has not pushed more funds"),
        lambda c: not (_chargeable(c) and c.obj.flow == "receiver" and _available(c) <= 0),
    ),
    Guard(
        "has_source_order",
        QT_TRANSLATE_NOOP("core", "klarna sources need source_order before charging (§4)"),
        lambda c: not (_chargeable(c) and c.obj.type == "klarna" and c.obj.source_order is None),
    ),
    Guard(
        "not_attached_yet",
        QT_TRANSLATE_NOOP("core", "already attached to {customer}"),
        lambda c: c.obj.customer is None,
    ),
    Guard(
        "attachable_status",
        QT_TRANSLATE_NOOP(
            "core",
            "a source can only be attached while chargeable or pending (§5.1 rule 5); "
            "this one is {status}",
        ),
        lambda c: c.obj.status in ("pending", "chargeable"),
    ),
    Guard(
        "pending_to_authorize",
        QT_TRANSLATE_NOOP("core", "only a pending source can be authorized; this one is {status}"),
        lambda c: c.obj.status == "pending",
    ),
    Guard(
        "needs_authorization",
        QT_TRANSLATE_NOOP("core", "this source needs no authorization"),
        lambda c: not (c.obj.flow == "none" and c.obj.type != "wechat"),
    ),
    Guard(
        "receiver_amount_known",
        QT_TRANSLATE_NOOP(
            "core",
            "a receiver source created without an amount (§5.1 rule 6) has no sum to "
            "push: use Funds Arrive with an amount",
        ),
        lambda c: not (c.obj.flow == "receiver" and _amount_to_push(c) <= 0),
    ),
    Guard(
        "pending_to_fail",
        QT_TRANSLATE_NOOP("core", "only a pending source can be failed; this one is {status}"),
        lambda c: c.obj.status == "pending",
    ),
    Guard(
        "pending_to_verify",
        QT_TRANSLATE_NOOP("core", "only a pending source can be verified; this one is {status}"),
        lambda c: c.obj.status == "pending",
    ),
    Guard(
        "receiver_live",
        QT_TRANSLATE_NOOP("core", "{status} is terminal (§3.1)"),
        lambda c: c.obj.status in ("pending", "chargeable"),
    ),
    Guard(
        "token_unused",
        QT_TRANSLATE_NOOP("core", "You cannot use a Stripe token more than once (§6.3)"),
        lambda c: not c.obj.used,
    ),
    Guard(
        "token_chargeable",
        QT_TRANSLATE_NOOP("core", "a {type} token cannot be charged"),
        lambda c: c.obj.card is not None,
    ),
    Guard(
        "token_attachable_type",
        QT_TRANSLATE_NOOP("core", "a {type} token cannot be attached"),
        lambda c: c.obj.card is not None or c.obj.bank_account is not None,
    ),
    Guard(
        "uncaptured_to_capture",
        QT_TRANSLATE_NOOP("core", "only an uncaptured charge can be captured; this one is {state}"),
        lambda c: lifecycle.state_of(c.obj) == "uncaptured",
    ),
)
GUARDS: dict[str, Guard] = {**{g.name: g for g in _REQUIREMENTS}, **intent_requires.GUARDS}

#: (kind, trigger) -> the names of the guards every edge of the trigger needs, in order.
REQUIRES: dict[tuple[str, str], tuple[str, ...]] = {
    ("source", "charge"): (
        "not_consumed_reusable",
        "not_pending_charge",
        "funds_left",
        "has_source_order",
    ),
    ("source", "attach"): ("not_attached_yet", "attachable_status"),
    ("source", "authorize"): (
        "pending_to_authorize",
        "needs_authorization",
        "receiver_amount_known",
    ),
    ("source", "fail"): ("pending_to_fail",),
    ("source", "verify"): ("pending_to_verify",),
    ("source", "receive_funds"): ("receiver_live",),
    ("token", "charge"): ("token_unused", "token_chargeable"),
    ("token", "attach"): ("token_unused", "token_attachable_type"),
    ("charge", "capture"): ("uncaptured_to_capture",),
    **intent_requires.REQUIRES,
}
#: How the words name a kind (``{kind}``).
KIND_WORDS = {"payment_intent": "PaymentIntent", "setup_intent": "SetupIntent"}


def words(guard: Guard, ctx: Ctx) -> str:
    """The guard's reason with its named fields filled from the object."""
    if "{" not in guard.reason:
        return guard.reason
    about = intent_requires.ABOUT.get(guard.name)
    obj = ctx.extra[about] if about else ctx.obj
    return fill(
        guard.reason,
        status=getattr(obj, "status", ""),
        state=lifecycle.state_of(obj),
        customer=getattr(obj, "customer", ""),
        type=getattr(obj, "type", ""),
        kind=KIND_WORDS.get(getattr(obj, "kind", ""), ""),
    )


def why_blocked(rec: Any, trigger: str, ctx: Ctx | None = None) -> str:
    """ "" if ``trigger`` can be taken on ``rec`` now, else the failing guard's words."""
    table = lifecycle.table_of(rec)
    if table is None:
        return QT_TRANSLATE_NOOP("core", "this object has no lifecycle")
    ctx = ctx or Ctx(rec)
    for name in REQUIRES.get((table.kind, trigger), ()):
        guard = GUARDS[name]
        if not guard.test(ctx):
            return words(guard, ctx)
    if (table.kind, trigger) in intent_requires.NO_EDGE:
        return ""
    state = lifecycle.state_of(rec)
    reasons = []
    for tr in table.transitions:
        if tr.trigger != trigger:
            continue
        reason = lifecycle.blocked_by(tr, ctx)
        if not reason:
            return ""
        if tr.source == state:
            reasons.append(reason)
    if reasons:
        return reasons[0]
    if state in table.terminal:
        return fill(
            QT_TRANSLATE_NOOP("core", "{state} is terminal: nothing leaves it (§3.1)"), state=state
        )
    return fill(QT_TRANSLATE_NOOP("core", "not possible while {state}"), state=state)
