"""Maps ``(method, path)`` to the rules function that handles it.

Every handler has one shape, ``handler(state, args, params)``: ``args`` are the ids the
path names, in order, and ``params`` the parsed request parameters. A new endpoint is
one :func:`_route` line naming a function of that shape.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from core.facts import errors
from core.rules import (
    balance,
    charge,
    charge_capture,
    clock,
    customer,
    listing,
    refund,
    search,
    source,
    source_simulator,
    subresources,
    token,
)
from core.rules.test_helpers_intents import routes as intents_routes
from core.store.state import State

Handler = Callable[[State, tuple[str, ...], dict[str, Any]], dict[str, Any]]
_ID = r"([A-Za-z0-9_]+)"

#: Routes by (method, number of "/"): a request tries only the few that can match.
_BY_SHAPE: dict[tuple[str, int], list[tuple[re.Pattern[str], Handler, bool]]] = {}


def _route(method: str, pattern: str, fn: Handler, mutates: bool = True) -> None:
    compiled = re.compile(f"^{pattern.replace('{id}', _ID)}$")
    _BY_SHAPE.setdefault((method, pattern.count("/")), []).append((compiled, fn, mutates))


# Search routes come first: "/v1/charges/{id}" would take "search" for an id.
_route("GET", "/v1/charges/search", search.search_charges, False)
_route("GET", "/v1/customers/search", search.search_customers, False)
_route("POST", "/v1/sources", source.create)
_route("GET", "/v1/sources", source.list_all, False)
_route("GET", "/v1/sources/{id}", source.retrieve, False)
_route("POST", "/v1/sources/{id}", source.update)
_route("POST", "/v1/sources/{id}/verify", source.verify)
_route("POST", "/v1/tokens", token.create)
_route("GET", "/v1/tokens/{id}", token.retrieve, False)
_route("POST", "/v1/customers", customer.create)
_route("GET", "/v1/customers", customer.list_all, False)
_route("GET", "/v1/customers/{id}", customer.retrieve, False)
_route("POST", "/v1/customers/{id}", customer.update)
_route("DELETE", "/v1/customers/{id}", customer.delete)
_route("GET", "/v1/customers/{id}/sources", customer.list_sources, False)
_route("POST", "/v1/customers/{id}/sources", customer.attach_endpoint)
_route("GET", "/v1/customers/{id}/sources/{id}", customer.retrieve_source, False)
_route("DELETE", "/v1/customers/{id}/sources/{id}", customer.detach_endpoint)
_route("POST", "/v1/charges", charge.create)
_route("GET", "/v1/charges", charge.list_all, False)
_route("GET", "/v1/charges/{id}", charge.retrieve, False)
_route("POST", "/v1/charges/{id}", charge.update_charge)
_route("POST", "/v1/charges/{id}/capture", charge_capture.capture)
_route("POST", "/v1/refunds", refund.create_refund)
_route("GET", "/v1/refunds", refund.list_refunds, False)
_route("GET", "/v1/refunds/{id}", refund.retrieve_refund, False)
_route("GET", "/v1/events", listing.list_events, False)
_route("GET", "/v1/events/{id}", listing.retrieve_event, False)
_route("POST", "/v1/test_helpers/sources/{id}/authorize", source_simulator.authorize)
_route("POST", "/v1/test_helpers/sources/{id}/fail", source_simulator.fail)
_route("POST", "/v1/test_helpers/sources/{id}/receive_funds", source_simulator.receive_funds)
_route("POST", "/v1/test_helpers/advance_clock", clock.advance)
_route("POST", "/v1/charges/{id}/refund", subresources.legacy_refund)
_route("GET", "/v1/charges/{id}/refunds", subresources.list_charge_refunds, False)
_route("POST", "/v1/charges/{id}/refunds", subresources.create_charge_refund)
_route("GET", "/v1/charges/{id}/refunds/{id}", subresources.retrieve_charge_refund, False)
_route("POST", "/v1/charges/{id}/refunds/{id}", subresources.update_charge_refund)
_route("POST", "/v1/refunds/{id}", subresources.update_refund)
_route("POST", "/v1/customers/{id}/sources/{id}", subresources.update_customer_source)
_route("POST", "/v1/customers/{id}/sources/{id}/verify", subresources.verify_bank_account)
_route("GET", "/v1/sources/{id}/source_transactions", subresources.list_source_transactions, False)
_route(
    "GET",
    "/v1/sources/{id}/source_transactions/{id}",
    subresources.retrieve_source_transaction,
    False,
)
_route(
    "GET",
    "/v1/sources/{id}/mandate_notifications/{id}",
    subresources.retrieve_mandate_notification,
    False,
)
_route("GET", "/v1/balance_transactions", balance.list_all, False)
_route("GET", "/v1/balance_transactions/{id}", balance.retrieve, False)
_route("GET", "/v1/balance", balance.balance, False)
for _method, _pattern, _fn, _mutates in intents_routes():  # PaymentMethods and intents
    _route(_method, _pattern, _fn, _mutates)

# Which requests a publishable key may make is core.rules.client_side.is_client_route.


def match(method: str, path: str) -> tuple[Handler, tuple[str, ...], bool]:
    for pattern, fn, mutates in _BY_SHAPE.get((method, path.count("/")), ()):
        found = pattern.match(path)
        if found:
            return fn, found.groups(), mutates
    raise errors.unrecognized_url(method, path)
