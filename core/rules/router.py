"""Maps ``(method, path)`` to the rules function that handles it."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from core.facts import errors
from core.rules import charge as charge_rules
from core.rules import clock as clock_rules
from core.rules import customer as customer_rules
from core.rules import listing, search
from core.rules import source as source_rules
from core.rules import token as token_rules
from core.rules.validate import Params
from core.store.records import SourceRec
from core.store.state import State
from core.wire.serialize import source_json

Handler = Callable[[State, tuple[str, ...], dict[str, Any]], dict[str, Any]]
_ID = r"([A-Za-z0-9_]+)"


def _retrieve_source(st: State, args: tuple[str, ...], data: dict[str, Any]) -> dict[str, Any]:
    Params(data, {"client_secret"})
    rec = st.get(args[0])
    if not isinstance(rec, SourceRec):
        raise errors.no_such("source", args[0])
    return source_json(rec)


def _get_only(fn: Callable[[State, str], dict[str, Any]]) -> Handler:
    def handler(st: State, args: tuple[str, ...], data: dict[str, Any]) -> dict[str, Any]:
        Params(data, set())
        return fn(st, args[0])

    return handler


ROUTES: list[tuple[str, re.Pattern[str], Handler, bool]] = []  # (method, path, fn, mutates)
#: The same routes by (method, number of "/"): a request tries only the few that can match.
_BY_SHAPE: dict[tuple[str, int], list[tuple[re.Pattern[str], Handler, bool]]] = {}


def _route(method: str, pattern: str, fn: Handler, mutates: bool = True) -> None:
    compiled = re.compile(f"^{pattern.replace('{id}', _ID)}$")
    ROUTES.append((method, compiled, fn, mutates))
    _BY_SHAPE.setdefault((method, pattern.count("/")), []).append((compiled, fn, mutates))


# Search routes come first: "/v1/charges/{id}" would take "search" for an id.
_route("GET", "/v1/charges/search", lambda st, a, d: search.search(st, "charge", d), False)
_route("GET", "/v1/customers/search", lambda st, a, d: search.search(st, "customer", d), False)
_route("POST", "/v1/sources", lambda st, a, d: source_rules.create(st, d))
_route(
    "GET",
    "/v1/sources",
    lambda st, a, d: listing.list_objects(st, "source", "/v1/sources", d),
    False,
)
_route("GET", "/v1/sources/{id}", _retrieve_source, False)
_route("POST", "/v1/sources/{id}", lambda st, a, d: source_rules.update(st, a[0], d))
_route("POST", "/v1/sources/{id}/verify", lambda st, a, d: source_rules.verify(st, a[0], d))
_route("POST", "/v1/tokens", lambda st, a, d: token_rules.create(st, d))
_route("GET", "/v1/tokens/{id}", _get_only(token_rules.retrieve), False)
_route("POST", "/v1/customers", lambda st, a, d: customer_rules.create(st, d))
_route(
    "GET",
    "/v1/customers",
    lambda st, a, d: listing.list_objects(st, "customer", "/v1/customers", d),
    False,
)
_route("GET", "/v1/customers/{id}", lambda st, a, d: customer_rules.retrieve(st, a[0], d), False)
_route("POST", "/v1/customers/{id}", lambda st, a, d: customer_rules.update(st, a[0], d))
_route(
    "DELETE",
    "/v1/customers/{id}",
    lambda st, a, d: (Params(d, set()), customer_rules.delete(st, a[0]))[1],
)
_route(
    "GET",
    "/v1/customers/{id}/sources",
    lambda st, a, d: customer_rules.list_sources(st, a[0], d),
    False,
)
_route(
    "POST",
    "/v1/customers/{id}/sources",
    lambda st, a, d: customer_rules.attach_endpoint(st, a[0], d),
)
_route(
    "GET",
    "/v1/customers/{id}/sources/{id}",
    lambda st, a, d: (Params(d, set()), customer_rules.retrieve_source(st, a[0], a[1]))[1],
    False,
)
_route(
    "DELETE",
    "/v1/customers/{id}/sources/{id}",
    lambda st, a, d: (Params(d, set()), customer_rules.detach(st, a[0], a[1]))[1],
)
_route("POST", "/v1/charges", lambda st, a, d: charge_rules.create(st, d))
_route(
    "GET",
    "/v1/charges",
    lambda st, a, d: listing.list_objects(st, "charge", "/v1/charges", d),
    False,
)
_route("GET", "/v1/charges/{id}", _get_only(charge_rules.retrieve), False)
_route("POST", "/v1/charges/{id}", lambda st, a, d: charge_rules.update_charge(st, a[0], d))
_route("POST", "/v1/charges/{id}/capture", lambda st, a, d: charge_rules.capture(st, a[0], d))
_route("POST", "/v1/refunds", lambda st, a, d: charge_rules.create_refund(st, d))
_route(
    "GET",
    "/v1/refunds",
    lambda st, a, d: listing.list_objects(st, "refund", "/v1/refunds", d),
    False,
)
_route("GET", "/v1/refunds/{id}", _get_only(charge_rules.retrieve_refund), False)
_route("GET", "/v1/events", lambda st, a, d: listing.list_events(st, d), False)
_route("GET", "/v1/events/{id}", _get_only(listing.retrieve_event), False)
_route(
    "POST",
    "/v1/test_helpers/sources/{id}/authorize",
    lambda st, a, d: source_rules.authorize(st, a[0], d),
)
_route(
    "POST", "/v1/test_helpers/sources/{id}/fail", lambda st, a, d: source_rules.fail(st, a[0], d)
)
_route(
    "POST",
    "/v1/test_helpers/sources/{id}/receive_funds",
    lambda st, a, d: source_rules.receive_funds(st, a[0], d),
)
_route("POST", "/v1/test_helpers/advance_clock", lambda st, a, d: clock_rules.advance(st, d))

#: Requests a publishable key may make (§1: client-side source/token creation).
PUBLISHABLE_OK = {("POST", "/v1/tokens"), ("POST", "/v1/sources")}


def match(method: str, path: str) -> tuple[Handler, tuple[str, ...], bool]:
    for pattern, fn, mutates in _BY_SHAPE.get((method, path.count("/")), ()):
        found = pattern.match(path)
        if found:
            return fn, found.groups(), mutates
    raise errors.unrecognized_url(method, path)
