"""The sandbox's mutable state and its per-request rollback journal.

Records copy themselves with their generated ``__copy__`` (core.store.records), called
directly: ``copy.copy``'s dispatch would cost more than the copy. Every mutation goes
through :meth:`State.mut` (backs the record up once per
request), :meth:`State.add` or :meth:`State.delete`; scalars and append-only
lists are restored from marks. So a rejected request is undone in time
proportional to what it touched: no deep copy of the whole state.
"""

from __future__ import annotations

import heapq
from typing import Any

from core.store.ids import IdGenerator
from core.store.records import EventRec, Record

START_TIME = 1_700_000_000  # 2023-11-14T22:13:20Z: a fixed, deterministic epoch
_ABSENT = object()


class State:
    """Objects by id, creation order per kind, the clock, events and timers."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.ids = IdGenerator(seed)
        self.now = START_TIME
        self.objects: dict[str, Any] = {}
        self.created: list[str] = []  # every id ever added, in creation order
        self.removed = 0  # how many of those ids were deleted since (0: created is exact)
        self.order: dict[str, list[str]] = {}
        self.position: dict[str, int] = {}
        self.events: list[EventRec] = []
        self.event_pos: dict[str, int] = {}
        self.timers: list[tuple[int, int, str, str]] = []  # (due, seq, object id, field)
        self.timer_seq = 0
        self.idempotency: dict[str, tuple[str, int, dict[str, Any], int]] = {}
        self.current_idempotency_key: str | None = None
        self.indexes: dict[Any, Any] = {}  # list indexes (core.rules.pages), rebuilt at will
        self.truncated: dict[str, int] = {}  # per kind: rollbacks that removed added ids
        #: (object id, edge id) of every lifecycle edge the current request took, in order.
        self.taken: list[tuple[str, str]] = []
        self._journal: dict[str, Any] | None = None
        self._marks: tuple[Any, ...] = ()
        self._timers_backup: list[tuple[int, int, str, str]] | None = None

    # --- transactions -------------------------------------------------------

    def begin(self) -> None:
        self._journal = {}
        self.taken = []
        self._timers_backup = None
        self._marks = (
            self.now,
            self.ids.counter,
            self.timer_seq,
            len(self.events),
            len(self.created),
            {k: len(v) for k, v in self.order.items()},
            self.removed,
        )

    def touched_ids(self) -> tuple[str, ...]:
        """The ids the current request has changed or created so far."""
        return tuple(self._journal or ())

    def commit(self) -> tuple[str, ...]:
        touched = tuple(self._journal or ())
        self._journal = None
        self._timers_backup = None
        return touched

    def rollback(self) -> None:
        journal = self._journal or {}
        for object_id, saved in journal.items():
            if saved is _ABSENT:
                self.objects.pop(object_id, None)
            else:
                self.objects[object_id] = saved
        now, counter, seq, n_events, n_created, lengths, removed = self._marks
        del self.created[n_created:]
        self.now, self.ids.counter, self.timer_seq, self.removed = now, counter, seq, removed
        for event in self.events[n_events:]:
            self.event_pos.pop(event.id, None)
        del self.events[n_events:]
        for kind, ids in self.order.items():
            keep = lengths.get(kind, 0)
            if len(ids) > keep:
                self.truncated[kind] = self.truncated.get(kind, 0) + 1
            for object_id in ids[keep:]:
                self.position.pop(object_id, None)
            del ids[keep:]
        self.taken = []
        if self._timers_backup is not None:
            self.timers = self._timers_backup
        # Entries pushed by the rejected request stay in the heap: pop_due skips any
        # entry whose object no longer carries that due time, so they are inert.
        self._journal = None
        self._timers_backup = None

    def _save(self, object_id: str) -> None:
        journal = self._journal
        if journal is not None and object_id not in journal:
            current = self.objects.get(object_id, _ABSENT)
            journal[object_id] = current if current is _ABSENT else current.__copy__()

    # --- objects ------------------------------------------------------------

    def new_id(self, prefix: str) -> str:
        return self.ids.make(prefix)

    def add(self, rec: Record) -> None:
        object_id = rec.id
        self._save(object_id)
        self.objects[object_id] = rec
        ids = self.order.setdefault(rec.kind, [])
        self.position[object_id] = len(ids)
        ids.append(object_id)
        self.created.append(object_id)

    def mut(self, object_id: str) -> Any:
        """The record, backed up for rollback: call before changing it."""
        self._save(object_id)
        return self.objects[object_id]

    def delete(self, object_id: str) -> None:
        self._save(object_id)
        del self.objects[object_id]
        self.removed += 1

    def live_ids(self, ids: list[str]) -> list[str]:
        """``ids`` (``created`` or an ``order`` list) without deleted objects."""
        if not self.removed:  # nothing was ever deleted: a copy, not 100k lookups
            return list(ids)
        objects = self.objects
        return [i for i in ids if i in objects]

    def get(self, object_id: str) -> Any | None:
        return self.objects.get(object_id)

    # --- events and timers --------------------------------------------------

    def fire(
        self,
        type_: str,
        snapshot: Any,
        previous: dict[str, Any] | None = None,
        created: int | None = None,
    ) -> EventRec:
        rec = EventRec(
            self.new_id("evt_"),
            type_,
            self.now if created is None else created,
            snapshot if isinstance(snapshot, dict) else snapshot.__copy__(),
            self.current_idempotency_key,
            previous,
        )
        self.event_pos[rec.id] = len(self.events)
        self.events.append(rec)
        return rec

    def schedule(self, due: int, object_id: str, field: str) -> None:
        self.timer_seq += 1
        heapq.heappush(self.timers, (due, self.timer_seq, object_id, field))

    def pop_due(self, until: int) -> tuple[int, str, str] | None:
        """The next live timer due at or before ``until``, removed from the heap."""
        while self.timers and self.timers[0][0] <= until:
            if self._timers_backup is None and self._journal is not None:
                self._timers_backup = list(self.timers)
            due, _, object_id, field = heapq.heappop(self.timers)
            rec = self.objects.get(object_id)
            if rec is not None and getattr(rec, field, None) == due:
                return due, object_id, field
        return None
