"""The simulator's helpers for sources (``/v1/test_helpers/sources/...``): authorize,
fail and receive funds for a pending source (§5.1), and the clock's expiry."""

from __future__ import annotations

from typing import Any

from core.facts import errors
from core.lifecycle import tables as lifecycle
from core.lifecycle.tables import Ctx
from core.rules import engine
from core.rules.validate import Params
from core.store.records import JSONDict, SourceRec
from core.store.state import State
from core.wire.sources import source_json

FAILURE_REASONS = ("user_abort", "declined", "processing_error")


def _helper_check(rec: SourceRec, action: str) -> None:
    if rec.status in lifecycle.SOURCE_TERMINAL:
        raise errors.helper_terminal(rec.id, rec.status)
    if rec.status != "pending":
        raise errors.helper_not_applicable(
            f"Source {rec.id} is already {rec.status}: {action} only applies to a pending source."
        )


def authorize(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    source_id = args[0]
    rec = engine.lookup(st, SourceRec, source_id)
    p = Params(data, {"amount"} if rec.flow == "receiver" else set())
    push = p.amount("amount")
    _helper_check(rec, "authorize")
    if rec.flow == "receiver":
        recv = rec.receiver or {}
        missing = (rec.amount or 0) - recv.get("amount_received", 0)
        push = push if push is not None else (missing if missing > 0 else None)
        if push is None:
            raise errors.missing_param("amount")
        return _push(st, rec, push)
    if rec.flow == "none" and rec.type != "wechat":
        raise errors.helper_not_applicable(f"Sources of type {rec.type} need no authorization.")
    with engine.taking(st, source_id, "authorize") as step:
        target = step.edge.target
        rec = st.mut(source_id)
        if rec.redirect is not None:
            if target == "failed":
                rec.redirect = {
                    **rec.redirect,
                    "status": "failed",
                    "failure_reason": "processing_error",
                }
            else:
                rec.redirect = {**rec.redirect, "status": "succeeded"}
        if rec.code_verification is not None:
            rec.code_verification = {**rec.code_verification, "status": "succeeded"}
        if rec.type == "three_d_secure" and target == "chargeable":
            rec.type_data = {**rec.type_data, "authenticated": True}
        engine.set_expiry(st, source_id)
    return source_json(rec)


def _push(st: State, rec: SourceRec, amount: int) -> JSONDict:
    recv = dict(rec.receiver or {})
    received = recv.get("amount_received", 0) + amount
    full = received >= (rec.amount or 0) if rec.amount else received > 0
    ctx = Ctx(rec, extra={"funds_full": full})
    trigger = "receive_funds"
    with engine.taking(st, rec.id, trigger, ctx) as step:
        rec = st.mut(rec.id)
        recv["amount_received"] = received
        rec.receiver = recv
        if step.edge.target != step.edge.source:
            engine.set_expiry(st, rec.id)
        txn = {
            "id": st.new_id("srctxn_"),
            "object": "source_transaction",
            "amount": amount,
            "created": st.now,
            "currency": rec.currency or "usd",
            "livemode": False,
            "source": rec.id,
            "status": "succeeded",
            "type": rec.type,
        }
        step.about(source_transaction_created=txn)
    return source_json(rec)


def receive_funds(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    rec = engine.lookup(st, SourceRec, args[0])
    p = Params(data, {"amount"})
    amount = p.amount("amount", True)
    assert amount is not None
    if rec.status in lifecycle.SOURCE_TERMINAL:
        raise errors.helper_terminal(rec.id, rec.status)
    if rec.flow != "receiver":
        raise errors.helper_not_applicable(
            f"Only receiver sources take funds; {rec.id} has flow {rec.flow}."
        )
    return _push(st, rec, amount)


def fail(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    source_id = args[0]
    rec = engine.lookup(st, SourceRec, source_id)
    p = Params(data, {"failure_reason"})
    reason = p.enum("failure_reason", FAILURE_REASONS) or "user_abort"
    _helper_check(rec, "fail")
    with engine.taking(st, source_id, "fail"):
        rec = st.mut(source_id)
        if rec.redirect is not None:
            rec.redirect = {**rec.redirect, "status": "failed", "failure_reason": reason}
        if rec.code_verification is not None:
            rec.code_verification = {"attempts_remaining": 0, "status": "failed"}
        rec.expires_at = None
    return source_json(rec)


def expire(st: State, source_id: str) -> None:
    """T3/T4 (§3.4): called by the clock when the timer falls due."""
    with engine.taking(st, source_id, "expire"):
        rec = st.mut(source_id)
        rec.expires_at = None
        if rec.receiver is not None:
            recv = dict(rec.receiver)
            recv["amount_returned"] = recv["amount_received"] - recv["amount_charged"]
            rec.receiver = recv
