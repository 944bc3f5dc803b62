"""Lifecycle graphs: a table drawn as a ``GraphModel``, bare or for one object.

:func:`graph_of` flags the object's current and previous states, the edge it took
last, what it may take now (with the blocking guard's words) and its trail.
"""

from __future__ import annotations

from typing import Any

from core.graph.model import GraphEdge, GraphModel, GraphNode
from core.lifecycle.registry import (
    GUARDS,
    TABLES,
    blocked_by,
    by_id,
    possible,
    state_of,
    table_of,
)
from core.lifecycle.table_types import Ctx, Table


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
