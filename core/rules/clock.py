"""The simulated clock: ``advance_clock`` fires every timer that falls due, in order."""

from __future__ import annotations

from typing import Any

from core.facts import errors
from core.rules import balance, charge_capture, refund, source_simulator
from core.rules import charge as charge_rules
from core.rules import payment_intent_after as pi_after
from core.rules.validate import Params
from core.store.records import ChargeRec, JSONDict, RefundRec
from core.store.state import State

MAX_ADVANCE = 10 * 365 * 86400


def advance(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    p = Params(data, {"seconds"})
    seconds = p.int("seconds", True)
    assert seconds is not None
    if seconds < 0:
        raise errors.invalid(
            "seconds must be 0 or more: the clock never runs backwards.", param="seconds"
        )
    if seconds > MAX_ADVANCE:
        raise errors.invalid("seconds must be at most ten years.", param="seconds")
    target = st.now + seconds
    first_event = len(st.events)
    run_until(st, target)
    return {
        "object": "test_helpers.test_clock",
        "frozen_time": st.now,
        "status": "ready",
        "livemode": False,
        "advanced_by": seconds,
        "events": [e.id for e in st.events[first_event:]],
    }


def run_until(st: State, target: int) -> None:
    while True:
        due = st.pop_due(target)
        if due is None:
            break
        when, object_id, field = due
        st.now = max(st.now, when)
        rec = st.objects[object_id]
        if field == "expires_at":
            source_simulator.expire(st, object_id)
        elif field == "capture_expires_at":
            charge_capture.expire_authorization(st, object_id)
            if rec.payment_intent is not None:  # intents §3.2 T17
                pi_after.hold_expired(st, rec.payment_intent)
        elif field == "process_at":
            pi_after.settle(st, object_id)
        elif field == "action_expires_at":  # intents §3.2 T8
            pi_after.action_expired(st, object_id)
        elif field == "available_on":
            balance.make_available(st, object_id)
        elif isinstance(rec, ChargeRec):
            charge_rules.settle(st, object_id)
        elif isinstance(rec, RefundRec):
            refund.settle_refund(st, object_id)
    st.now = target
