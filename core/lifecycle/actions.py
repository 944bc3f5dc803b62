"""What a user can do to an object now: each action enabled or blocked, and why.

Actions are computed from the lifecycle tables (``core.lifecycle.tables``) plus the
object's facts, and each carries the exact request that performs it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.facts import cards
from core.lifecycle import tables as lifecycle
from core.lifecycle.tables import Ctx
from core.store.records import BankRec, CardRec, ChargeRec, CustomerRec, SourceRec, TokenRec
from core.store.state import State

ACTION_NAMES = (
    "charge",
    "attach",
    "detach",
    "set_default",
    "authorize",
    "fail",
    "receive_funds",
    "verify",
    "capture",
    "refund",
    "advance_clock",
)
DEFAULT_AMOUNT = "1000"
#: §5.1 rule 1 advises against it; §13 lists whether Stripe refuses it as unverified.
SINGLE_USE_ATTACH_NOTE = (
    "the sandbox allows it; whether Stripe refuses it is unverified "
    "(§13). Stripe advises charging a single-use source directly "
    "(§5.1 rule 1)"
)


@dataclass(frozen=True, slots=True)
class Action:
    """One thing the user can try on an object.

    Attributes:
        name: one of ``ACTION_NAMES``.
        label: short words for a button (untranslated; the GUI wraps it in tr()).
        enabled: the request would be accepted now.
        reason: why it is blocked (empty when enabled).
        method, path: the request; ``{customer}`` in ``path`` is filled from the
            chosen ``customer`` (see :meth:`request_args`).
        params: the defaults the request would send.
        needs: parameters the user must still choose (e.g. ``customer``).
        note: where the reference marks the outcome unverified (§13), what the
            sandbox does instead; empty otherwise. Shown beside the action so a
            learner does not take a sandbox choice for Stripe's behaviour.
    """

    name: str
    label: str
    enabled: bool
    reason: str
    method: str
    path: str
    params: dict[str, Any] = field(default_factory=dict)
    needs: tuple[str, ...] = ()
    note: str = ""

    def request_args(self, chosen: dict[str, Any] | None = None) -> tuple[str, str, dict[str, Any]]:
        """``(method, path, params)`` to send, with ``chosen`` values merged in."""
        params = {**self.params, **(chosen or {})}
        path = self.path
        if "{customer}" in path:
            path = path.replace("{customer}", str(params.pop("customer", "")))
        return self.method, path, params


def _blocked(rec: Any, trigger: str, ctx: Ctx | None = None) -> str:
    """ "" if some edge with ``trigger`` can be taken, else the best reason."""
    table = lifecycle.table_of(rec)
    if table is None:
        return "this object has no lifecycle"
    ctx = ctx or Ctx(rec)
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
        return f"{state} is terminal: nothing leaves it (§3.1)"
    return f"not possible while {state}"


def _act(
    name: str,
    label: str,
    reason: str,
    method: str,
    path: str,
    params: dict[str, Any] | None = None,
    needs: tuple[str, ...] = (),
    note: str = "",
) -> Action:
    return Action(name, label, not reason, reason, method, path, params or {}, needs, note)


def _clock(rec: Any, st: State, due: int | None, label: str) -> Action:
    reason = "" if due is not None else "no timer is running for this object"
    seconds = max(due - st.now, 0) if due is not None else 0
    return _act(
        "advance_clock",
        label,
        reason,
        "POST",
        "/v1/test_helpers/advance_clock",
        {"seconds": str(seconds)},
    )


def for_source(st: State, rec: SourceRec) -> list[Action]:
    sid = rec.id
    charge_params: dict[str, Any] = {
        "source": sid,
        "currency": rec.currency or "usd",
        "amount": str(rec.amount or DEFAULT_AMOUNT),
    }
    if rec.customer:
        charge_params["customer"] = rec.customer
    reason = _blocked(rec, "charge")
    if rec.status == "consumed" and rec.usage == "reusable":
        reason = (
            "consumed: it was charged without being attached to a customer, or was detached (§5.2)"
        )
    elif rec.status == "pending":
        reason = "only chargeable sources can be charged; this one is pending (§2.1)"
    elif not reason and rec.flow == "receiver":
        recv = rec.receiver or {}
        available = recv.get("amount_received", 0) - recv.get("amount_charged", 0)
        if available <= 0:
            reason = "nothing left to charge: the customer has not pushed more funds"
        charge_params["amount"] = str(max(available, 1))
    elif not reason and rec.type == "klarna" and rec.source_order is None:
        reason = "klarna sources need source_order before charging (§4)"
    actions = [
        _act(
            "charge",
            "Charge",
            reason,
            "POST",
            "/v1/charges",
            charge_params,
            () if rec.amount else ("amount",),
        )
    ]
    attach_reason = ""
    if rec.customer is not None:
        attach_reason = f"already attached to {rec.customer}"
    elif rec.status not in ("pending", "chargeable"):
        attach_reason = (
            f"a source can only be attached while chargeable or pending (§5.1 "
            f"rule 5); this one is {rec.status}"
        )
    attach_note = SINGLE_USE_ATTACH_NOTE if rec.usage == "single_use" and not attach_reason else ""
    actions.append(
        _act(
            "attach",
            "Attach to customer",
            attach_reason,
            "POST",
            "/v1/customers/{customer}/sources",
            {"source": sid},
            ("customer",),
            attach_note,
        )
    )
    actions += _customer_actions(st, rec.id, rec.customer)
    pending = rec.status == "pending"
    not_pending = "" if pending else f"only a pending source can be {{}}; this one is {rec.status}"
    auth_reason = not_pending.format("authorized")
    if pending and rec.flow == "none" and rec.type != "wechat":
        auth_reason = "this source needs no authorization"
    if pending and rec.flow == "receiver":
        auth_reason = ""
    helper = f"/v1/test_helpers/sources/{sid}"
    actions.append(
        _act("authorize", "Authorize (customer)", auth_reason, "POST", f"{helper}/authorize")
    )
    actions.append(
        _act(
            "fail",
            "Fail (customer)",
            not_pending.format("failed"),
            "POST",
            f"{helper}/fail",
            {"failure_reason": "user_abort"},
        )
    )
    if rec.flow == "receiver":
        recv_reason = (
            "" if rec.status in ("pending", "chargeable") else f"{rec.status} is terminal (§3.1)"
        )
        missing = (rec.amount or 0) - (rec.receiver or {}).get("amount_received", 0)
        actions.append(
            _act(
                "receive_funds",
                "Receive funds",
                recv_reason,
                "POST",
                f"{helper}/receive_funds",
                {"amount": str(missing if missing > 0 else DEFAULT_AMOUNT)},
                ("amount",),
            )
        )
    if rec.flow == "code_verification":
        actions.append(
            _act(
                "verify",
                "Verify",
                not_pending.format("verified"),
                "POST",
                f"/v1/sources/{sid}/verify",
                {"values": ["32", "45"]},
                ("values",),
            )
        )
    actions.append(_clock(rec, st, rec.expires_at, "Let the clock run to expiry"))
    return actions


def _customer_actions(st: State, object_id: str, customer: str | None) -> list[Action]:
    cus = st.get(customer) if customer else None
    detached = "" if customer else "not attached to a customer"
    path = f"/v1/customers/{customer}/sources/{object_id}" if customer else ""
    out = [_act("detach", "Detach", detached, "DELETE", path)]
    default_reason = detached
    if isinstance(cus, CustomerRec) and cus.default_source == object_id:
        default_reason = "already the customer's default source"
    out.append(
        _act(
            "set_default",
            "Make default",
            default_reason,
            "POST",
            f"/v1/customers/{customer}" if customer else "",
            {"default_source": object_id},
        )
    )
    return out


def for_token(st: State, rec: TokenRec) -> list[Action]:
    used = "You cannot use a Stripe token more than once (§6.3)" if rec.used else ""
    charge_reason = used or (
        "" if rec.card is not None else f"a {rec.type} token cannot be charged"
    )
    attach_reason = used or (
        "" if rec.card or rec.bank_account else f"a {rec.type} token cannot be attached"
    )
    if not attach_reason and rec.card is not None:
        test = cards.BY_KEY[rec.card.key]
        if cards.attach_decline(test, rec.card.cvc_provided) is not None:
            attach_reason = "this decline card cannot be attached: attaching validates it (§10)"
    return [
        _act(
            "charge",
            "Charge",
            charge_reason,
            "POST",
            "/v1/charges",
            {"source": rec.id, "amount": DEFAULT_AMOUNT, "currency": "usd"},
            ("amount",),
        ),
        _act(
            "attach",
            "Attach to customer",
            attach_reason,
            "POST",
            "/v1/customers/{customer}/sources",
            {"source": rec.id},
            ("customer",),
        ),
    ]


def for_charge(st: State, rec: ChargeRec) -> list[Action]:
    state = lifecycle.state_of(rec)
    capture = (
        ""
        if state == "uncaptured"
        else f"only an uncaptured charge can be captured; this one is {state}"
    )
    refund = _blocked(rec, "refund")
    due = rec.settle_at if rec.settle_at is not None else rec.capture_expires_at
    return [
        _act("capture", "Capture", capture, "POST", f"/v1/charges/{rec.id}/capture"),
        _act("refund", "Refund", refund, "POST", "/v1/refunds", {"charge": rec.id}),
        _clock(rec, st, due, "Let the clock run (settle / expire)"),
    ]


def for_payment_object(st: State, rec: CardRec | BankRec) -> list[Action]:
    reason = "" if rec.customer else "not attached to a customer"
    if isinstance(rec, BankRec):
        reason = "bank accounts must be verified before an ACH charge (not simulated)"
    params = {
        "customer": rec.customer or "",
        "source": rec.id,
        "amount": DEFAULT_AMOUNT,
        "currency": "usd",
    }
    return [
        _act("charge", "Charge", reason, "POST", "/v1/charges", params, ("amount",)),
        *_customer_actions(st, rec.id, rec.customer),
    ]


def for_customer(st: State, rec: CustomerRec) -> list[Action]:
    default = st.get(rec.default_source) if rec.default_source else None
    reason = "" if default is not None else "the customer has no default source"
    if isinstance(default, SourceRec) and default.status != "chargeable":
        reason = f"its default source is {default.status}"
    if rec.deleted:
        reason = "the customer is deleted"
    return [
        _act(
            "charge",
            "Charge default source",
            reason,
            "POST",
            "/v1/charges",
            {"customer": rec.id, "amount": DEFAULT_AMOUNT, "currency": "usd"},
            ("amount",),
        )
    ]


def allowed_actions(st: State, object_id: str) -> list[Action]:
    rec = st.get(object_id)
    if isinstance(rec, SourceRec):
        return for_source(st, rec)
    if isinstance(rec, TokenRec):
        return for_token(st, rec)
    if isinstance(rec, ChargeRec):
        return for_charge(st, rec)
    if isinstance(rec, CardRec | BankRec):
        return for_payment_object(st, rec)
    if isinstance(rec, CustomerRec):
        return for_customer(st, rec)
    return []
