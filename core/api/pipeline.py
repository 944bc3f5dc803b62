"""The request pipeline behind ``Sandbox.request``: parse, check the key, route, run.

:func:`handle` takes one request through the steps ``docs/architecture.md`` lists:
the params are flattened and parsed (``core.rules.params``), the API key checked
(``core.rules.client_side``), the handler found (``core.rules.router.match``), an
``Idempotency-Key`` retry answered from the cache, and the handler run inside a
transaction of :class:`core.store.state.State`. Any error rolls the transaction back
(a rejected request changes nothing) except a card decline Stripe itself records,
which commits. It logs nothing and tells no one: ``Sandbox`` does that with what it
returns.
"""

from __future__ import annotations

import copy
from typing import Any, NamedTuple

from core import history
from core.api.change import Response, request_fingerprint
from core.facts import errors
from core.history import LogEntry
from core.rules import client_side, expand, params, router, shaping, versions
from core.store.state import State


class Handled(NamedTuple):
    """What :func:`handle` did: the answer, and what the Sandbox logs and announces."""

    response: Response
    #: the request's params as bracket pairs (unredacted)
    pairs: list[tuple[str, str]]
    #: the log entry of an accepted request that changed state, else None
    entry: LogEntry | None
    #: the ids the request changed
    touched: tuple[str, ...]
    #: how many events there were before the request
    first_event: int


def _answer(status: int, body: dict[str, Any], version: str) -> Response:
    return Response(status, body, headers={"Stripe-Version": version})


def handle(
    st: State,
    method: object,
    path: object,
    raw_params: object,
    raw_headers: object,
    origin: str,
    *,
    version: str,
    id_floor: int = 0,
    replaying: bool = False,
    check_keys: bool = False,
    fingerprint: str = "",
    ids_from: int = -1,
) -> Handled:
    """Answer one request against ``st``; the caller logs and announces what it returns.

    ``version`` is the account's API version (a ``Stripe-Version`` header overrides
    it); ``id_floor`` is where a new request's ids start at the lowest (past every
    id an undone request used). On replay (``replaying``) the keys are not checked
    and ``fingerprint`` and ``ids_from`` are the logged request's.
    """
    first_event = len(st.events)
    pairs: list[tuple[str, str]] = []
    try:
        if not isinstance(method, str) or not isinstance(path, str):
            raise errors.bad_body("Invalid request: method and path must be strings.")
        method = method.upper()
        path, _, query = path.partition("?")
        headers = client_side.headers_of(raw_headers)
        unreadable: params.ParamError | None = None
        try:
            pairs = params.flatten(raw_params)
            if query:
                pairs = params.flatten(query) + pairs
        except params.ParamError as exc:  # reported after the key check, as Stripe does
            unreadable = exc
        client_route = client_side.is_client_route(method, path)
        key = client_side.request_key(headers, pairs, client_route)
        if check_keys and not replaying:
            client_side.check_key(key, method, path)
        if unreadable is not None:
            raise unreadable
        version = versions.pick(headers, version)
        data = params.parse(pairs)
        handler, args, mutates = router.match(method, path)
        if client_route:
            client_side.strip_telemetry(data)
            if method == "GET" and key is not None and key.startswith("pk_"):
                client_side.check_source_secret(st, path, data)
        expand_paths = expand.take(data)
    except params.ParamError as exc:
        err = errors.bad_body(exc.message, exc.param)
        return Handled(_answer(err.status, err.body, version), pairs, None, (), first_event)
    except errors.StripeError as exc:
        return Handled(_answer(exc.status, exc.body, version), pairs, None, (), first_event)
    idem_key = headers.get("idempotency-key") if method == "POST" else None
    digest = ""
    if idem_key is not None:
        # A replayed entry brings the original request's fingerprint: its own
        # params are redacted stand-ins and would hash differently.
        digest = fingerprint or request_fingerprint(method, path, pairs)
        cached = st.idempotency.get(idem_key)
        if cached is not None and st.now - cached[3] <= 86400:
            if cached[0] != digest:
                err = errors.idempotency_mismatch(idem_key)
                return Handled(_answer(err.status, err.body, version), pairs, None, (), first_event)
            replayed = Response(
                cached[1],
                copy.deepcopy(cached[2]),
                headers={"Stripe-Version": version, "Idempotent-Replayed": "true"},
            )
            return Handled(replayed, pairs, None, (), first_event)
    st.begin()
    # The first new id of this request comes after ``started_ids``: past every id
    # an undone request used, or where the original request started on replay.
    # Only a request that makes an id moves the counter (IdGenerator.floor).
    if replaying and ids_from >= 0:
        if ids_from < st.ids.counter:  # would hand out ids already used
            st.rollback()
            err = errors.api_error()
            return Handled(Response(err.status, err.body), pairs, None, (), first_event)
        started_ids = ids_from
    else:
        started_ids = max(st.ids.counter, 0 if replaying else id_floor)
    st.ids.floor = started_ids
    st.current_idempotency_key = idem_key
    try:
        body = handler(st, args, data)
        status = 200
        body = shaping.finish(st, body, mutates, version, expand_paths)
    except errors.StripeError as exc:
        if not exc.keep_state:
            st.rollback()
            return Handled(_answer(exc.status, exc.body, version), pairs, None, (), first_event)
        status, body = exc.status, exc.body
    except BaseException:
        st.rollback()
        raise
    finally:
        st.current_idempotency_key = None
        st.ids.floor = 0
    touched = st.commit()
    if not mutates:
        return Handled(_answer(status, body, version), pairs, None, (), first_event)
    if idem_key is not None:
        st.idempotency[idem_key] = (digest, status, copy.deepcopy(body), st.now)
    shown, stand_ins = history.redact(pairs)
    entry = LogEntry(method, path, shown, stand_ins, idem_key, touched, origin, digest, started_ids)
    answer = Response(status, body, True, {"Stripe-Version": version})
    return Handled(answer, pairs, entry, touched, first_event)
