"""One page of a Stripe list: cursors both ways, ``created`` ranges, indexed filters.

Objects of a kind sit in ``State.order[kind]`` in creation order, and ``created``
never decreases along it (records take the clock's time, which only moves
forward): so a ``created`` range is two binary searches, not a scan. A filter on a
field that never changes after creation (a charge's ``customer``, a refund's
``charge``) reads a per-field index of positions instead of every object. What is
left (mutable fields, event types) is checked item by item, from the right end.

Paging (Stripe's semantics): newest first; ``starting_after=X`` gives the page just
older than X; ``ending_before=X`` the page just newer than X (still newest first),
with ``has_more`` saying whether more lie beyond it in that direction; the two
cursors cannot be combined.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from core.facts import errors
from core.rules.validate import Params
from core.store.state import State

#: Fields whose value is fixed when the object is created, so an index stays exact.
INDEXED: frozenset[tuple[str, str]] = frozenset({("charge", "customer"), ("refund", "charge")})

CREATED_OPS = ("gt", "gte", "lt", "lte")
#: The parameters every list takes.
PAGING = frozenset({"limit", "starting_after", "ending_before", "created"})


class IdList(Protocol):
    """Ids by position, oldest first (a list, or a view such as the events' ids)."""

    def __len__(self) -> int: ...

    def __getitem__(self, index: int, /) -> str: ...


@dataclass(slots=True)
class FieldIndex:
    """Positions in ``order[kind]`` by a fixed field's value, extended as objects come.

    A rolled-back creation shortens the order list (and the next object may reuse
    the position, even the id): ``State.truncated[kind]`` counts those, and the
    index rebuilds when it moved.
    """

    kind: str
    name: str
    by_value: dict[Any, list[int]] = field(default_factory=dict)
    upto: int = 0
    truncations: int = 0

    def positions(self, st: State, value: Any) -> list[int]:
        ids = st.order.get(self.kind, [])
        seen = st.truncated.get(self.kind, 0)
        if seen != self.truncations or self.upto > len(ids):
            self.by_value, self.upto, self.truncations = {}, 0, seen
        objects, name, by_value = st.objects, self.name, self.by_value
        for pos in range(self.upto, len(ids)):
            rec = objects.get(ids[pos])
            if rec is not None:
                by_value.setdefault(getattr(rec, name, None), []).append(pos)
        self.upto = len(ids)
        return by_value.get(value, [])


def index_of(st: State, kind: str, name: str) -> FieldIndex:
    key = (kind, name)
    index = st.indexes.get(key)
    if not isinstance(index, FieldIndex):
        index = st.indexes[key] = FieldIndex(kind, name)
    return index


def limit_of(p: Params) -> int:
    limit = p.int("limit")
    if limit is None:
        return 10
    if not 1 <= limit <= 100:
        raise errors.invalid("Invalid limit: must be between 1 and 100", param="limit")
    return limit


def created_range(p: Params, key: str = "created") -> tuple[int | None, int | None]:
    """``created=T`` or ``created[gt|gte|lt|lte]=T`` as an inclusive ``(low, high)``."""
    raw = p.data.get(key)
    if raw is None:
        return None, None
    if not isinstance(raw, dict):
        exact = p.int(key)
        return exact, exact
    bounds = p.hash(key, set(CREATED_OPS))
    assert bounds is not None
    low: int | None = None
    high: int | None = None
    for op in CREATED_OPS:
        value = bounds.int(op)
        if value is None:
            continue
        if op == "gt":
            low = value + 1 if low is None else max(low, value + 1)
        elif op == "gte":
            low = value if low is None else max(low, value)
        elif op == "lt":
            high = value - 1 if high is None else min(high, value - 1)
        else:
            high = value if high is None else min(high, value)
    return low, high


@dataclass(slots=True)
class Query:
    """What one list request asks for, positions being indexes into ``ids``."""

    ids: IdList
    created_of: Callable[[int], int]
    position_of: Callable[[str], int | None]
    kind: str
    keep: Callable[[str], bool] = lambda _id: True
    candidates: Sequence[int] | None = None  # ascending positions (an index), or all
    created: tuple[int | None, int | None] = (None, None)


def _cursor(q: Query, p: Params, key: str) -> int | None:
    cursor = p.str(key)
    if cursor is None:
        return None
    pos = q.position_of(cursor)
    if pos is None or pos >= len(q.ids) or q.ids[pos] != cursor:
        raise errors.no_such(q.kind, cursor, param=key)
    return pos


def page(q: Query, p: Params) -> tuple[list[str], bool]:
    """The ids of one page, newest first, and ``has_more``."""
    limit = limit_of(p)
    after = _cursor(q, p, "starting_after")
    before = _cursor(q, p, "ending_before")
    if after is not None and before is not None:
        raise errors.invalid(
            "You may only specify one of these parameters: ending_before, starting_after."
        )
    lo, hi = 0, len(q.ids)  # positions [lo, hi)
    low, high = q.created
    if low is not None:
        lo = bisect.bisect_left(range(hi), low, key=q.created_of)
    if high is not None:
        hi = bisect.bisect_right(range(hi), high, key=q.created_of)
    if after is not None:
        hi = min(hi, after)
    if before is not None:
        lo = max(lo, before + 1)
    if lo >= hi:
        return [], False
    if q.candidates is None:
        span: Sequence[int] = range(lo, hi)
    else:
        first = bisect.bisect_left(q.candidates, lo)
        last = bisect.bisect_left(q.candidates, hi)
        span = q.candidates[first:last] if first or last < len(q.candidates) else q.candidates
    order = span if before is not None else reversed(span)  # towards the cursor's far side
    found: list[str] = []
    ids, keep = q.ids, q.keep
    for pos in order:
        object_id = ids[pos]
        if keep(object_id):
            if len(found) == limit:
                return (found[::-1] if before is not None else found), True
            found.append(object_id)
    return (found[::-1] if before is not None else found), False
