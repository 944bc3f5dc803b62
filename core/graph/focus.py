"""The focused view of a big lifecycle: the trail, what can happen next, one way into the rest.

A PaymentIntent's table has an edge per outcome of ``confirm`` from each of the three
``requires_*`` statuses, and more for authentication, capture and cancel: drawn whole,
a class sees a knot of crossing edges. :func:`focus_graph` keeps, of an object's
``GraphModel``:

* every state (the lifecycle keeps its shape);
* the trail: every edge the object took;
* every edge out of the current state (what can happen next, blocked ones included,
  with their reasons);
* for each state the object has not been in and that no kept edge enters yet, one edge
  into it: from the state the object was in most recently (the last moment it could
  have gone there), else from the state nearest to where it was born, else the first
  in the table's order (the table lists the usual way first);

and then merges the kept edges that join the same two states into one edge whose label
joins their words with ``" · "`` (one edge per trigger: the one taken, else the one
allowed now, else the table's first), so no pair of states is joined twice.

It applies to the intents kinds (:data:`FOCUSED_KINDS`), whatever their size: which
edges a picture shows then depends on the kind, never on how far an object has gone,
and the legacy Sources, Tokens and Charges are drawn exactly as before. A model drawn
for "every flow" (the whole table, for comparing) is never focused.

Pure Python: the model in, a smaller model out; the layout then lays out fewer edges.
"""

from __future__ import annotations

from collections import deque
from dataclasses import replace

from core.graph.model import GraphEdge, GraphModel

#: the kinds whose graphs are drawn focused (their tables join states many times over)
FOCUSED_KINDS = frozenset({"payment_intent", "setup_intent", "payment_method"})
#: what joins the words of merged edges (renderers may translate each part on its own)
JOIN = " · "


def wants_focus(model: GraphModel) -> bool:
    """Whether ``model`` is drawn focused: an object of an intents kind, not every flow."""
    return model.kind in FOCUSED_KINDS and bool(model.object_id) and not model.every_flow


def focus_graph(model: GraphModel) -> GraphModel:
    """``model`` reduced to its trail, the edges out of its current state and one edge
    into each other state, parallel edges merged (see the module's docstring)."""
    current = model.current
    if current is None or not model.edges:
        return model
    kept = _kept_edges(model, current.id)
    groups: dict[tuple[str, str], list[GraphEdge]] = {}
    for edge in model.edges:  # every edge joining a kept pair, in the table's order
        if (edge.source, edge.target) in kept:
            groups.setdefault((edge.source, edge.target), []).append(edge)
    merged: list[GraphEdge] = []
    renamed: dict[str, str] = {}
    for group in groups.values():
        edge = merge_parallel(group)
        merged.append(edge)
        for member in group:
            renamed[member.id] = edge.id
    trail = tuple(renamed.get(edge_id, edge_id) for edge_id in model.trail)
    return replace(model, edges=tuple(merged), trail=trail)


def _kept_edges(model: GraphModel, current: str) -> set[tuple[str, str]]:
    """The (source, target) pairs the focused view joins."""
    kept = {(e.source, e.target) for e in model.edges if e.taken or e.id in model.trail}
    kept |= {(e.source, e.target) for e in model.edges if e.source == current}
    last_visit = {n.id: max(n.visits) for n in model.nodes if n.visits}
    distance = _distances(model, _born(model, current))
    order = {e.id: i for i, e in enumerate(model.edges)}
    far = len(model.nodes) + 1
    for node in model.nodes:
        if node.id in last_visit or any(t == node.id and s != t for s, t in kept):
            continue
        into = [e for e in model.edges if e.target == node.id and e.source != node.id]
        if not into:
            continue
        best = min(
            into,
            key=lambda e: (
                (0, -last_visit[e.source])
                if e.source in last_visit
                else (1, distance.get(e.source, far)),
                order[e.id],
            ),
        )
        kept.add((best.source, best.target))
    return kept


def _born(model: GraphModel, current: str) -> str:
    """The state the object was born in (its first visit), or where it is."""
    first = [n for n in model.nodes if n.visits and 1 in n.visits]
    return first[0].id if first else current


def _distances(model: GraphModel, start: str) -> dict[str, int]:
    """How many edges each state is from ``start`` (breadth first over the model)."""
    distance = {start: 0}
    queue = deque([start])
    while queue:
        here = queue.popleft()
        for edge in model.edges:
            if edge.source == here and edge.target not in distance:
                distance[edge.target] = distance[here] + 1
                queue.append(edge.target)
    return distance


def merge_parallel(edges: list[GraphEdge]) -> GraphEdge:
    """One edge for ``edges`` (all joining the same two states, in the table's order).

    Per trigger one member speaks for the rest: the last taken (the trail's), else one
    allowed now, else the table's first; when some were taken, only they speak. The
    merged edge carries the first speaker's id (the trail's and the animation's edge
    when one was taken), the speakers' words joined with :data:`JOIN`, the summed
    ``taken``, every member's events, and is allowed when any member is (blocked: the
    first speaker's reason).
    """
    if len(edges) == 1:
        return edges[0]
    taken = [e for e in edges if e.taken]
    by_trigger: dict[str, list[GraphEdge]] = {}
    for edge in taken or edges:  # on the trail, the words of the edges taken
        by_trigger.setdefault(edge.trigger, []).append(edge)
    speakers = [_speaker(members) for members in by_trigger.values()]
    speakers.sort(key=lambda e: (not e.last_taken, not e.taken, not e.allowed))
    first = speakers[0]
    allowed = any(e.allowed for e in edges)
    events: list[str] = []
    for edge in edges:
        events += [ev for ev in edge.events if ev not in events]
    return GraphEdge(
        first.id,
        first.source,
        first.target,
        first.trigger,
        JOIN.join(dict.fromkeys(e.label for e in speakers)),
        allowed=allowed,
        reason="" if allowed else first.reason,
        last_taken=any(e.last_taken for e in edges),
        events=tuple(events),
        taken=sum(e.taken for e in edges),
    )


def _speaker(members: list[GraphEdge]) -> GraphEdge:
    """The member that speaks for its trigger: last taken, else taken, else allowed, else first."""
    return min(members, key=lambda e: (not e.last_taken, not e.taken, not e.allowed))
