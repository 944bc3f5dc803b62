"""Stripe list endpoints: newest first, ``limit`` ≤ 100, cursors both ways, filters.

The paging itself (cursors, ``created`` ranges, indexes) is :mod:`core.rules.pages`.
"""

from __future__ import annotations

import fnmatch
from typing import Any

from core.facts import errors
from core.rules import pages
from core.rules.validate import Params
from core.store.state import State
from core.wire.serialize import event_json, object_json

#: Equality filters per kind (on the record's attribute of the same name).
FILTERS: dict[str, tuple[str, ...]] = {
    "source": ("type", "status", "customer"),
    "charge": ("customer", "payment_intent", "transfer_group"),
    "customer": ("email",),
    "refund": ("charge", "payment_intent"),
    "token": (),
}
PAGING = pages.PAGING


def list_objects(st: State, kind: str, url: str, data: dict[str, Any]) -> dict[str, Any]:
    filters = FILTERS[kind]
    p = Params(data, {*PAGING, *filters})
    wanted = {f: p.str(f) for f in filters if p.has(f)}
    objects = st.objects
    candidates = None
    for name, value in wanted.items():
        if (kind, name) in pages.INDEXED:
            candidates = pages.index_of(st, kind, name).positions(st, value)
            break

    def keep(object_id: str) -> bool:
        rec = objects.get(object_id)
        if rec is None or getattr(rec, "deleted", False):
            return False
        return all(getattr(rec, f, None) == v for f, v in wanted.items())

    ids = st.order.get(kind, [])
    query = pages.Query(
        ids,
        created_of=lambda pos: int(objects[ids[pos]].created),
        position_of=st.position.get,
        kind=kind,
        keep=keep,
        candidates=candidates,
        created=pages.created_range(p),
    )
    found, more = pages.page(query, p)
    return {
        "object": "list",
        "data": [object_json(objects[i]) for i in found],
        "has_more": more,
        "url": url,
    }


class _EventIds:
    """The event ids as a read-only list view (no copy of the whole list per request)."""

    def __init__(self, st: State) -> None:
        self._events = st.events

    def __len__(self) -> int:
        return len(self._events)

    def __getitem__(self, index: int) -> str:
        return self._events[index].id


def list_events(st: State, args: tuple[str, ...], data: dict[str, Any]) -> dict[str, Any]:
    p = Params(data, {*PAGING, "type", "types", "delivery_success"})
    if p.has("delivery_success"):
        p.bool("delivery_success", True)
        raise errors.invalid(
            "The sandbox sends no webhooks of its own, so it cannot filter events by "
            f"delivery_success. {errors.SANDBOX_WORDING}",
            param="delivery_success",
        )
    pattern = p.str("type")
    types = p.list("types")
    events = st.events

    def keep(event_id: str) -> bool:
        if not (pattern or types):
            return True
        etype = events[st.event_pos[event_id]].type
        if pattern and not fnmatch.fnmatchcase(etype, pattern):
            return False
        return not types or etype in types

    query = pages.Query(
        _EventIds(st),
        created_of=lambda pos: events[pos].created,
        position_of=st.event_pos.get,
        kind="event",
        keep=keep,
        created=pages.created_range(p),
    )
    found, more = pages.page(query, p)
    return {
        "object": "list",
        "data": [event_json(events[st.event_pos[i]]) for i in found],
        "has_more": more,
        "url": "/v1/events",
    }


def retrieve_event(st: State, args: tuple[str, ...], data: dict[str, Any]) -> dict[str, Any]:
    Params(data, set())
    event_id = args[0]
    pos = st.event_pos.get(event_id)
    if pos is None:
        raise errors.no_such("event", event_id)
    return event_json(st.events[pos])
