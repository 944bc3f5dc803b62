"""What a user can do to an object now: each action enabled or blocked, and why.

An action of an object with a lifecycle is one of its table's triggers: why it is
blocked is the failing guard's words (``core.lifecycle.requires.why_blocked``), never
written here. Each action carries the exact request that performs it.
"""

from typing import Any

from core.i18n import QT_TRANSLATE_NOOP, fill
from core.lifecycle import intent_actions
from core.lifecycle.action import ACTION_NAMES, DEFAULT_AMOUNT, Action, act, clock
from core.lifecycle.requires import why_blocked
from core.lifecycle.tables import Ctx
from core.store.records import (
    BankRec,
    CardRec,
    ChargeRec,
    CustomerRec,
    PaymentIntentRec,
    PaymentMethodRec,
    SetupIntentRec,
    SourceRec,
    TokenRec,
)
from core.store.state import State

__all__ = ["ACTION_NAMES", "Action", "allowed_actions"]

#: §5.1 rule 1 advises against it; §13 lists whether Stripe refuses it as unverified.
SINGLE_USE_ATTACH_NOTE = QT_TRANSLATE_NOOP(
    "core",
    "the sandbox allows it; whether Stripe refuses it is unverified "
    "(§13). Stripe advises charging a single-use source directly "
    "(§5.1 rule 1)",
)


def _charge_amount(rec: SourceRec) -> dict[str, Any]:
    """The amount and currency a charge of ``rec`` would be accepted with."""
    amount = str(rec.amount or DEFAULT_AMOUNT)
    if rec.flow == "receiver" and rec.status == "chargeable":
        recv = rec.receiver or {}
        available = recv.get("amount_received", 0) - recv.get("amount_charged", 0)
        amount = str(max(available, 1))
    return {"currency": rec.currency or "usd", "amount": amount}


def for_source(st: State, rec: SourceRec) -> list[Action]:
    sid = rec.id
    charge_params: dict[str, Any] = {"source": sid, **_charge_amount(rec)}
    if rec.customer:
        charge_params["customer"] = rec.customer
    reason = why_blocked(rec, "charge")
    actions = [
        act(
            "charge",
            "Charge",
            reason,
            "POST",
            "/v1/charges",
            charge_params,
            () if rec.amount else ("amount",),
        )
    ]
    attach_reason = why_blocked(rec, "attach")
    attach_note = SINGLE_USE_ATTACH_NOTE if rec.usage == "single_use" and not attach_reason else ""
    actions.append(
        act(
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
    helper = f"/v1/test_helpers/sources/{sid}"
    actions.append(
        act(
            "authorize",
            "Authorize (customer)",
            why_blocked(rec, "authorize"),
            "POST",
            f"{helper}/authorize",
        )
    )
    actions.append(
        act(
            "fail",
            "Fail (customer)",
            why_blocked(rec, "fail"),
            "POST",
            f"{helper}/fail",
            {"failure_reason": "user_abort"},
        )
    )
    if rec.flow == "receiver":
        missing = (rec.amount or 0) - (rec.receiver or {}).get("amount_received", 0)
        actions.append(
            act(
                "receive_funds",
                "Receive funds",
                why_blocked(rec, "receive_funds"),
                "POST",
                f"{helper}/receive_funds",
                {"amount": str(missing if missing > 0 else DEFAULT_AMOUNT)},
                ("amount",),
            )
        )
    if rec.flow == "code_verification":
        actions.append(
            act(
                "verify",
                "Verify",
                why_blocked(rec, "verify"),
                "POST",
                f"/v1/sources/{sid}/verify",
                {"values": ["32", "45"]},
                ("values",),
            )
        )
    actions.append(clock(rec, st, rec.expires_at, "Let the clock run to expiry"))
    return actions


def _customer_actions(st: State, object_id: str, customer: str | None) -> list[Action]:
    cus = st.get(customer) if customer else None
    detached = "" if customer else QT_TRANSLATE_NOOP("core", "not attached to a customer")
    path = f"/v1/customers/{customer}/sources/{object_id}" if customer else ""
    out = [act("detach", "Detach", detached, "DELETE", path)]
    default_reason = detached
    if isinstance(cus, CustomerRec) and cus.default_source == object_id:
        default_reason = QT_TRANSLATE_NOOP("core", "already the customer's default source")
    out.append(
        act(
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
    return [
        act(
            "charge",
            "Charge",
            why_blocked(rec, "charge"),
            "POST",
            "/v1/charges",
            {"source": rec.id, "amount": DEFAULT_AMOUNT, "currency": "usd"},
            ("amount",),
        ),
        act(
            "attach",
            "Attach to customer",
            why_blocked(rec, "attach"),
            "POST",
            "/v1/customers/{customer}/sources",
            {"source": rec.id},
            ("customer",),
        ),
    ]


def for_charge(st: State, rec: ChargeRec) -> list[Action]:
    capture = why_blocked(rec, "capture")
    refund = why_blocked(rec, "refund")
    due = rec.settle_at if rec.settle_at is not None else rec.capture_expires_at
    return [
        act("capture", "Capture", capture, "POST", f"/v1/charges/{rec.id}/capture"),
        act("refund", "Refund", refund, "POST", "/v1/refunds", {"charge": rec.id}),
        clock(rec, st, due, "Let the clock run (settle / expire)"),
    ]


_BANK_UNVERIFIED = QT_TRANSLATE_NOOP(
    "core", "bank accounts must be verified before an ACH charge (not simulated)"
)


def for_payment_object(st: State, rec: CardRec | BankRec) -> list[Action]:
    reason = "" if rec.customer else QT_TRANSLATE_NOOP("core", "not attached to a customer")
    if isinstance(rec, BankRec):
        reason = _BANK_UNVERIFIED
    params = {
        "customer": rec.customer or "",
        "source": rec.id,
        "amount": DEFAULT_AMOUNT,
        "currency": "usd",
    }
    return [
        act("charge", "Charge", reason, "POST", "/v1/charges", params, ("amount",)),
        *_customer_actions(st, rec.id, rec.customer),
    ]


def for_customer(st: State, rec: CustomerRec) -> list[Action]:
    default = st.get(rec.default_source) if rec.default_source else None
    reason = (
        ""
        if default is not None
        else QT_TRANSLATE_NOOP("core", "the customer has no default source")
    )
    params: dict[str, Any] = {"customer": rec.id, "amount": DEFAULT_AMOUNT, "currency": "usd"}
    if isinstance(default, SourceRec):
        if default.status != "chargeable":
            reason = fill(
                QT_TRANSLATE_NOOP("core", "its default source is {status}"), status=default.status
            )
        else:  # charged with its customer: the source's own guards decide (§5.1 rule 3)
            reason = why_blocked(default, "charge", Ctx(default, customer=rec.id))
            params.update(_charge_amount(default))
    elif isinstance(default, BankRec):
        reason = _BANK_UNVERIFIED
    if rec.deleted:
        reason = QT_TRANSLATE_NOOP("core", "the customer is deleted")
    return [
        act(
            "charge",
            "Charge default source",
            reason,
            "POST",
            "/v1/charges",
            params,
            ("amount",),
        )
    ]


def allowed_actions(st: State, object_id: str) -> list[Action]:
    rec = st.get(object_id)
    if isinstance(rec, PaymentMethodRec):
        return intent_actions.for_payment_method(st, rec)
    if isinstance(rec, PaymentIntentRec):
        return intent_actions.for_payment_intent(st, rec)
    if isinstance(rec, SetupIntentRec):
        return intent_actions.for_setup_intent(st, rec)
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
