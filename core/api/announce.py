"""What the Sandbox tells its subscribers: the :class:`Change` a request or a replay made.

``Sandbox.subscribe`` takes a callback; after every request (accepted or refused),
undo, redo and rebuild the Sandbox builds one ``Change`` here and hands it to each
callback with :func:`notify`, where a failing subscriber cannot break the request.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from core import history
from core.api.change import Change, RequestLine, Response
from core.history import LogEntry
from core.rules import balance
from core.store.state import State
from core.wire.serialize import event_json

#: how many subscriber failures a Sandbox keeps (``Sandbox.subscriber_errors``)
KEPT_ERRORS = 20


def request_change(
    st: State,
    method: object,
    path: object,
    pairs: list[tuple[str, str]],
    response: Response,
    origin: str,
    *,
    logged: bool,
    touched: Sequence[str],
    first_event: int,
    first_created: int,
) -> Change:
    """The change one request made (``logged``: it went into the action log)."""
    events = tuple(event_json(e) for e in st.events[first_event:]) if logged else ()
    created = balance.listed(st.created[first_created:]) if logged else ()
    edges = tuple(st.taken) if logged else ()
    shown = RequestLine(str(method), str(path), history.redact_pairs(pairs))
    return Change(shown, response, balance.listed(touched), events, origin, created, edges)


def replay_change(
    st: State,
    verb: str,
    entry: LogEntry | None,
    changed_ids: Sequence[str] = (),
    first_event: int | None = None,
) -> Change:
    """The change of an ``UNDO`` or ``REDO`` of ``entry``, or a ``REBUILD`` (no entry).

    A rebuild changes every object; an undo or redo the ``changed_ids`` of the entry
    it replayed. Events and edges are the replayed ones (from ``first_event``).
    """
    if entry is None:
        changed: tuple[str, ...] = balance.listed(st.objects)
        request = RequestLine(verb, "", [])
    else:
        changed = balance.listed(changed_ids)
        request = RequestLine(entry.method, entry.path, list(entry.params))
    events = (
        tuple(event_json(e) for e in st.events[first_event:]) if first_event is not None else ()
    )
    edges = tuple(st.taken) if verb == "REDO" else ()
    return Change(
        request,
        Response(200, {"object": verb.lower()}, True),
        changed,
        events,
        verb.lower(),
        edges=edges,
    )


def notify(
    subscribers: Sequence[Callable[[Change], None]],
    change: Change,
    errors: list[BaseException],
) -> None:
    """Hand ``change`` to every subscriber; what one raises is kept in ``errors``."""
    for callback in list(subscribers):
        try:
            callback(change)
        except Exception as exc:  # noqa: BLE001 - a subscriber must not break request()
            errors.append(exc)
            del errors[:-KEPT_ERRORS]
