"""Stripe list endpoints: newest first, ``limit`` ≤ 100, ``starting_after``."""

from __future__ import annotations

import fnmatch
from collections.abc import Callable
from typing import Any

from core.facts import errors
from core.rules.validate import Params
from core.store.state import State
from core.wire.serialize import event_json, object_json

FILTERS: dict[str, tuple[str, ...]] = {
    "source": ("type", "status", "customer"),
    "charge": ("customer",),
    "customer": ("email",),
    "refund": ("charge",),
    "token": (),
}


def _limit(p: Params) -> int:
    limit = p.int("limit")
    if limit is None:
        return 10
    if not 1 <= limit <= 100:
        raise errors.invalid("Invalid limit: must be between 1 and 100", param="limit")
    return limit


def list_objects(st: State, kind: str, url: str, data: dict[str, Any]) -> dict[str, Any]:
    filters = FILTERS[kind]
    p = Params(data, {"limit", "starting_after", "ending_before", *filters})
    wanted = {f: p.str(f) for f in filters if p.has(f)}

    def keep(object_id: str) -> bool:
        rec = st.objects.get(object_id)
        if rec is None or getattr(rec, "deleted", False):
            return False
        return all(getattr(rec, f, None) == v for f, v in wanted.items())

    ids = st.order.get(kind, [])
    page, more = _page(st, kind, ids, p, keep)
    return {
        "object": "list",
        "data": [object_json(st.objects[i]) for i in page],
        "has_more": more,
        "url": url,
    }


def _page(
    st: State, kind: str, ids: Any, p: Params, keep: Callable[[str], bool]
) -> tuple[list[str], bool]:
    limit = _limit(p)
    after = p.str("starting_after")
    before = p.str("ending_before")
    start = len(ids) - 1
    if after is not None:
        pos = st.position.get(after) if kind != "event" else st.event_pos.get(after)
        if pos is None or pos >= len(ids) or ids[pos] != after:
            raise errors.no_such(kind, after, param="starting_after")
        start = pos - 1
    stop = -1
    if before is not None:
        pos = st.position.get(before) if kind != "event" else st.event_pos.get(before)
        if pos is None or pos >= len(ids) or ids[pos] != before:
            raise errors.no_such(kind, before, param="ending_before")
        stop = pos
    page: list[str] = []
    index = start
    while index > stop:
        object_id = ids[index]
        if keep(object_id):
            if len(page) == limit:
                return page, True
            page.append(object_id)
        index -= 1
    return page, False


class _EventIds:
    """The event ids as a read-only list view (no copy of the whole list per request)."""

    def __init__(self, st: State) -> None:
        self._events = st.events

    def __len__(self) -> int:
        return len(self._events)

    def __getitem__(self, index: int) -> str:
        return self._events[index].id


def list_events(st: State, args: tuple[str, ...], data: dict[str, Any]) -> dict[str, Any]:
    p = Params(
        data,
        {
            "limit",
            "starting_after",
            "ending_before",
            "type",
            "types",
            "created",
            "delivery_success",
        },
    )
    pattern = p.str("type")
    types = p.list("types")
    ids = _EventIds(st)

    def keep(event_id: str) -> bool:
        if not (pattern or types):
            return True
        etype = st.events[st.event_pos[event_id]].type
        if pattern and not fnmatch.fnmatchcase(etype, pattern):
            return False
        return not types or etype in types

    page, more = _page(st, "event", ids, p, keep)
    return {
        "object": "list",
        "data": [event_json(st.events[st.event_pos[i]]) for i in page],
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
