"""Every lifecycle table and guard in one place, and the questions asked of them.

The rules engine picks the transition it takes (:func:`select`), and the action bar and
graph ask why an edge is blocked (:func:`blocked_by`) or whether an object's facts ever
allow it (:func:`possible`). The tables themselves are data in the per-kind modules.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from core.i18n import QT_TRANSLATE_NOOP, fill
from core.lifecycle import intent_guards, source_tables, token_charge_tables
from core.lifecycle.payment_intent_table import PAYMENT_INTENT_TABLE
from core.lifecycle.setup_method_tables import PAYMENT_METHOD_TABLE, SETUP_INTENT_TABLE
from core.lifecycle.table_types import Ctx, Guard, Table, Transition
from core.lifecycle.token_charge_tables import CHARGE_TABLE, TOKEN_TABLE
from core.store.records import ChargeRec, SourceRec, TokenRec

#: Every guard by name (names are unique across the kinds).
GUARDS: dict[str, Guard] = {
    **source_tables.GUARDS,
    **token_charge_tables.GUARDS,
    **intent_guards.GUARDS,
}
#: Every table by (kind, variant); sources have one variant per flow.
TABLES: dict[tuple[str, str], Table] = {
    **source_tables.TABLES,
    ("token", ""): TOKEN_TABLE,
    ("charge", ""): CHARGE_TABLE,
    ("payment_intent", ""): PAYMENT_INTENT_TABLE,
    ("setup_intent", ""): SETUP_INTENT_TABLE,
    ("payment_method", ""): PAYMENT_METHOD_TABLE,
}
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


#: Guards whose outcome is fixed by the object's facts (type, usage, card, test
#: values), not by its state: ``fn(rec, from_state)`` says whether the guard can
#: ever hold for this object. Static guards are fixed facts too (their own test).
FACT_GUARDS: dict[str, Callable[[Any, str], bool]] = {
    **intent_guards.FACT_GUARDS,
    **source_tables.FACT_GUARDS,
    **token_charge_tables.FACT_GUARDS,
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
