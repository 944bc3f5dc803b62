"""What the Sandbox answers and announces: a :class:`Response` to a request, the
:class:`Change` each subscriber receives (with its :class:`RequestLine`), the lazily
built :class:`EventList`, and the fingerprint an ``Idempotency-Key`` retry must match.
Imported from ``core.api``, the public path."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, overload

from core.store.records import EventRec
from core.wire.emit import to_wire
from core.wire.serialize import event_json


@dataclass(frozen=True, slots=True)
class Response:
    """What Stripe would send back.

    Attributes:
        status: the HTTP status.
        body: the JSON body (a fresh dict).
        accepted: the request went into the action log (it may still be a 402 card
            decline that left a failed Charge, §5.2); False means nothing changed.
        headers: Stripe's own response headers for this answer (``Stripe-Version``,
            ``Idempotent-Replayed``); the transport adds its own (``Request-Id``...).
    """

    status: int
    body: dict[str, Any]
    accepted: bool = False
    headers: dict[str, str] = field(default_factory=dict)

    def json(self) -> bytes:
        """The body as the live API writes it (two-space indents, UTF-8)."""
        return to_wire(self.body)


#: the origins of a change that replays the action log rather than answering a request
REPLAY_ORIGINS = ("undo", "redo", "rebuild")


class RequestLine(NamedTuple):
    """A request as a change reports it: ``(method, path, params)``.

    ``params`` are bracket pairs with secrets redacted; for an undo, redo or
    rebuild ``method`` is the verb (``UNDO``...) or the replayed entry's method.
    """

    method: str
    path: str
    params: list[tuple[str, str]]

    def mentions(self, object_id: str) -> bool:
        """The path or a parameter's value names ``object_id``."""
        return object_id in self.path or any(value == object_id for _key, value in self.params)


@dataclass(frozen=True, slots=True)
class Change:
    """What one request (or undo/redo) did, for subscribers.

    Attributes:
        request: the :class:`RequestLine` (a ``(method, path, params)`` tuple).
        response: the response sent.
        changed_ids: objects whose JSON may have changed (created ones included).
        events: the Stripe event JSON the request fired.
        origin: who asked (``gui``, ``lesson``, ``undo``...).
        created_ids: the objects the request created, in creation order (empty for
            a replay: undo, redo and rebuild may put objects anywhere).
        edges: ``(object id, edge id)`` of each lifecycle edge the request took, in
            order (a clock advance may take several); empty for undo and rejections.
        rejected: nothing changed (the request was refused, or read only).
        replayed: the change is an undo, redo or rebuild (a replay of the log).
    """

    request: RequestLine
    response: Response
    changed_ids: tuple[str, ...] = ()
    events: tuple[dict[str, Any], ...] = ()
    origin: str = ""
    created_ids: tuple[str, ...] = ()
    edges: tuple[tuple[str, str], ...] = ()

    @property
    def rejected(self) -> bool:
        return not self.response.accepted

    @property
    def replayed(self) -> bool:
        return self.origin in REPLAY_ORIGINS


class EventList(Sequence[dict[str, Any]]):
    """The sandbox's events, oldest first; each item's JSON is built on access."""

    def __init__(self, events: list[EventRec]) -> None:
        self._events = events

    def __len__(self) -> int:
        return len(self._events)

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(index, slice):
            return [event_json(e) for e in self._events[index]]
        return event_json(self._events[index])

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for event in self._events:
            yield event_json(event)


def request_fingerprint(method: str, path: str, pairs: list[tuple[str, str]]) -> str:
    """What an ``Idempotency-Key`` retry must match: a hash of the request as sent."""
    return hashlib.blake2b(repr((method, path, pairs)).encode(), digest_size=16).hexdigest()
