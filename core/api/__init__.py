"""``Sandbox``: one in-memory Stripe account behind one Stripe-shaped entry point.

See ``docs/core-api.md`` for the public surface. Design in one paragraph:
``request`` parses and routes, then runs the handler inside a transaction of
:class:`core.store.state.State`; any error rolls the transaction back (so a rejected
request changes nothing), except a card decline that Stripe itself records (a
failed Charge, a used token), which commits. Accepted requests are appended,
redacted, to the action log; undo/redo/session loading replay that log.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from core import history
from core.api import announce, pipeline
from core.api.change import (
    REPLAY_ORIGINS,
    Change,
    EventList,
    RequestLine,
    Response,
    request_fingerprint,
)
from core.facts import errors
from core.graph.model import GraphModel
from core.history import LogEntry, Refusal
from core.lifecycle import actions as actions_mod
from core.lifecycle import tables as lifecycle
from core.lifecycle.action import Action
from core.rules import balance, versions
from core.store.records import CustomerRec
from core.store.state import State
from core.wire.serialize import event_json, object_json

#: Whether Stripe has this API version (for ``chargeable serve --api-version``).
is_known_api_version = versions.is_known


class Sandbox:
    """One simulated Stripe account (test mode).

    Attributes:
        seed: ids are derived from it, so equal seeds and requests give equal state.
        check_keys: enforce the API-key rules (the GUI may turn this off).
    """

    def __init__(
        self, seed: int = 0, check_keys: bool = True, api_version: str = versions.DEFAULT
    ) -> None:
        self.seed = seed
        self.check_keys = check_keys
        self.api_version = api_version
        self._st = State(seed)
        self._log: list[LogEntry] = []
        self._redo: list[LogEntry] = []
        #: how many events there were before each log entry (parallel to ``_log``)
        self._marks: list[int] = []
        #: refused requests, oldest first (history.MAX_REFUSED at most); they change
        #: nothing, so they are no part of the log, the revision or a replay
        self._refused: list[Refusal] = []
        self._refusals = 0
        #: The highest id counter any request reached, undone ones included: a new
        #: request after an undo starts above it, so no id is ever used twice
        #: (Stripe never reuses ids); each log entry keeps where its ids started,
        #: so a replay of the log still gives the same ids.
        self.id_floor = 0
        self._revision = 0
        self._subscribers: list[Callable[[Change], None]] = []
        self.subscriber_errors: list[BaseException] = []

    # --- the entry point ------------------------------------------------------

    def request(
        self,
        method: str,
        path: str,
        params: object = None,
        headers: object = None,
        *,
        origin: str = "api",
        check_keys: bool | None = None,
    ) -> Response:
        """Handle one request exactly as Stripe would. Never raises.

        ``check_keys`` overrides :attr:`check_keys` for this request: a window's
        sandbox takes its own clicks without a key, yet a request that reached it
        over HTTP must pass the same key rules as ``chargeable serve``.
        """
        enforce = self.check_keys if check_keys is None else bool(check_keys)
        first_created = len(self._st.created)
        try:
            response, pairs, entry, touched, first_event = pipeline.handle(
                self._st,
                method,
                path,
                params,
                headers,
                origin,
                version=self.api_version,
                id_floor=self.id_floor,
                check_keys=enforce,
            )
        except Exception:  # noqa: BLE001 - the contract: nothing escapes request()
            err = errors.api_error()
            response, pairs, entry, touched = Response(err.status, err.body), [], None, ()
            first_event = len(self._st.events)
        if entry is not None:
            self.id_floor = max(self.id_floor, self._st.ids.counter)
            if self._redo:  # the undone branch goes, with the refusals sent in it
                self._refused = [r for r in self._refused if r.after <= len(self._log)]
            self._redo.clear()
            self._log.append(entry)
            self._marks.append(first_event)
            self._revision += 1
        elif response.status >= 400:
            self._keep_refusal(
                Refusal.of(
                    str(method),
                    str(path),
                    pairs,
                    response.status,
                    response.body,
                    origin,
                    len(self._log),
                )
            )
        if self._subscribers:
            change = announce.request_change(
                self._st,
                method,
                path,
                pairs,
                response,
                origin,
                logged=entry is not None,
                touched=touched,
                first_event=first_event,
                first_created=first_created,
            )
            self._notify(change)
        return response

    def _replay_entry(self, entry: LogEntry) -> bool:
        response, _, logged, _, first_event = pipeline.handle(
            self._st,
            entry.method,
            entry.path,
            entry.replay_params(),
            entry.headers(),
            entry.origin,
            version=self.api_version,
            replaying=True,
            fingerprint=entry.fingerprint,
            ids_from=entry.ids_from,
        )
        if logged is None:
            return False
        self.id_floor = max(self.id_floor, self._st.ids.counter)
        self._log.append(logged)
        self._marks.append(first_event)
        self._revision += 1
        return response.accepted

    def _keep_refusal(self, refusal: Refusal) -> None:
        self._refused.append(refusal)
        self._refusals += 1
        if len(self._refused) > history.MAX_REFUSED:
            del self._refused[: -history.MAX_REFUSED]

    def _notify(self, change: Change) -> None:
        announce.notify(self._subscribers, change, self.subscriber_errors)

    # --- reading state ----------------------------------------------------------

    @property
    def now(self) -> int:
        return self._st.now

    @property
    def events(self) -> EventList:
        return EventList(self._st.events)

    @property
    def revision(self) -> int:
        return self._revision

    def object_ids(self, kind: str | None = None) -> list[str]:
        """Ids in creation order; without ``kind``, balance transactions (bookkeeping the
        window does not list) are left out."""
        st = self._st
        if kind is not None:
            return st.live_ids(st.order.get(kind, []))
        ids = st.live_ids(st.created)
        if "balance_transaction" not in st.order:
            return ids
        return [i for i in ids if not i.startswith(balance.BOOKKEEPING)]

    def get(self, object_id: str, expand: tuple[str, ...] = ()) -> dict[str, Any] | None:
        rec = self._st.objects.get(object_id)
        if rec is None:
            return None
        return object_json(rec, self._st.get, expand)

    def kind_of(self, object_id: str) -> str | None:
        rec = self._st.objects.get(object_id)
        return None if rec is None else str(rec.kind)

    def state_of(self, object_id: str) -> str | None:
        """The lifecycle state (``chargeable``, ``unused``, ``uncaptured``...), or None."""
        rec = self._st.objects.get(object_id)
        if rec is None or lifecycle.table_of(rec) is None:
            return None
        return lifecycle.state_of(rec)

    def state_snapshot(self) -> dict[str, Any]:
        """Every object's and event's JSON plus the clock: equal states compare equal."""
        st = self._st
        return {
            "now": st.now,
            "objects": {i: object_json(r, st.get, ("sources",)) for i, r in st.objects.items()},
            "events": [event_json(e) for e in st.events],
            "ids": st.ids.counter,
        }

    # --- change notification ------------------------------------------------------

    def subscribe(self, callback: Callable[[Change], None]) -> None:
        if callback not in self._subscribers:
            self._subscribers.append(callback)

    def unsubscribe(self, callback: Callable[[Change], None]) -> None:
        if callback in self._subscribers:
            self._subscribers.remove(callback)

    # --- lifecycles and actions -----------------------------------------------------

    def allowed_actions(self, object_id: str) -> list[Action]:
        return actions_mod.allowed_actions(self._st, object_id)

    def last_edge(self, object_id: str) -> str:
        """The id of the lifecycle edge ``object_id`` last took (``T6``, ``U1``...), or ""."""
        rec = self._st.objects.get(object_id)
        return str(getattr(rec, "last_edge", "") or "")

    def graph(self, object_id: str, every_flow: bool = False) -> GraphModel:
        """``object_id``'s own lifecycle (``every_flow``: the whole table of its flow)."""
        rec = self._st.objects.get(object_id)
        if rec is None:
            raise KeyError(object_id)
        return lifecycle.graph_of(rec, object_id, every_flow)

    # --- history ----------------------------------------------------------------------

    @property
    def log(self) -> tuple[LogEntry, ...]:
        return tuple(self._log)

    @property
    def redo_stack(self) -> tuple[LogEntry, ...]:
        return tuple(self._redo)

    @property
    def refused(self) -> tuple[Refusal, ...]:
        """The refused requests kept, oldest first (each knows its place in the log)."""
        return tuple(self._refused)

    @property
    def session_revision(self) -> int:
        """Grows with every change a session file would record: :attr:`revision`
        (state) and every refused request kept."""
        return self._revision + self._refusals

    def events_before(self, step: int) -> int:
        """How many events there were before log entry ``step`` (all events at the end)."""
        if 0 <= step < len(self._marks):
            return self._marks[step]
        return len(self._st.events)

    @property
    def can_undo(self) -> bool:
        return bool(self._log)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @classmethod
    def replay(
        cls,
        seed: int,
        entries: Sequence[LogEntry],
        check_keys: bool = True,
        strict: bool = True,
        redo: Sequence[LogEntry] = (),
        refused: Sequence[Refusal] = (),
    ) -> Sandbox:
        """A new Sandbox rebuilt by re-sending ``entries``, with ``redo`` to redo and
        ``refused`` kept (not sent: they changed nothing).

        With ``strict``, an entry that is not accepted again raises ``ValueError``
        (a log that does not replay is corrupt), as do refusals out of order or
        placed past the log and its redo stack.
        """
        last = -1
        for refusal in refused:
            if not last <= refusal.after <= len(entries) + len(redo):
                raise ValueError(
                    f"refused request {refusal.method} {refusal.path} is out of place in the log"
                )
            last = refusal.after
        sandbox = cls(seed=seed, check_keys=False)
        for index, entry in enumerate(entries):
            if not sandbox._replay_entry(entry) and strict:
                raise ValueError(
                    f"log entry {index} ({entry.method} {entry.path}) was not accepted on replay"
                )
        sandbox.check_keys = check_keys
        sandbox._redo = list(redo)
        sandbox._refused = list(refused[-history.MAX_REFUSED :])
        return sandbox

    def _adopt(self, other: Sandbox) -> None:
        self._st = other._st
        self._log = other._log
        self._marks = other._marks
        self.id_floor = max(self.id_floor, other.id_floor)

    def undo(self) -> bool:
        if not self._log:
            return False
        entry = self._log[-1]
        rebuilt = Sandbox.replay(self.seed, self._log[:-1], self.check_keys, strict=False)
        self._adopt(rebuilt)
        self._redo.append(entry)
        self._revision += 1
        self._announce("UNDO", entry)
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        entry = self._redo.pop()
        first = len(self._st.events)
        accepted = self._replay_entry(entry)
        if not accepted:
            return False
        self._announce("REDO", entry, first)
        return True

    def rebuild(
        self,
        entries: Sequence[LogEntry],
        redo: Sequence[LogEntry] = (),
        refused: Sequence[Refusal] | None = None,
    ) -> None:
        """Replace the state by a replay of ``entries`` (used by sessions and lessons).

        Unlike :meth:`undo`, the id counter is the replay's too: a lesson stepped
        back and forward again sends the same requests and gets the same ids.
        ``refused`` are the refusals to keep (by default those sent before the
        last of ``entries``; a lesson stepped back gives the ones of its kept steps).
        """
        if refused is None:
            refused = [r for r in self._refused if r.after < len(entries)]
        rebuilt = Sandbox.replay(self.seed, entries, self.check_keys, refused=refused)
        self._adopt(rebuilt)
        self.id_floor = rebuilt.id_floor
        self._redo = list(redo)
        self._refused = rebuilt._refused
        self._revision += 1
        self._announce("REBUILD", None)

    def _announce(self, verb: str, entry: LogEntry | None, first_event: int | None = None) -> None:
        if not self._subscribers:
            return
        changed: tuple[str, ...] = ()
        if entry is not None:
            changed = self._log[-1].changed_ids if verb == "REDO" else entry.changed_ids
        self._notify(announce.replay_change(self._st, verb, entry, changed, first_event))


__all__ = [
    "Sandbox",
    "Response",
    "Change",
    "RequestLine",
    "Refusal",
    "REPLAY_ORIGINS",
    "EventList",
    "request_fingerprint",
    "is_known_api_version",
    "Action",
    "CustomerRec",
]
