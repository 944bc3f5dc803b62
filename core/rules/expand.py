"""Stripe's ``expand`` parameter: ids in a response replaced by the objects they name.

``expand[]=customer`` (or ``expand[0]=customer``) on a charge puts the Customer
object where its id was; ``expand[]=data.customer`` does it for every item of a list
or search result; dotted paths go deeper (``customer.default_source``) up to
:data:`MAX_DEPTH` levels, as Stripe allows. Some fields are *includable* rather
than ids (``customer.sources``, ``charge.refunds``): expanding them adds the list
Stripe no longer sends by default (§7, §8.4, §14).

Paths are checked for shape before the request runs; whether a field can be
expanded is known from the object the request returns, so a bad path is refused
after the handler ran, inside the request's transaction (which the caller then rolls
back: a refused request changes nothing).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from core.facts import errors
from core.store.records import ChargeRec, CustomerRec
from core.store.state import State
from core.wire.serialize import object_json

#: Stripe: "Expansions have a maximum depth of four levels".
MAX_DEPTH = 4

Json = dict[str, Any]
Shape = Callable[[Json], Json]

#: Per object type, the fields that hold an id Stripe can expand (None when absent).
EXPANDABLE: dict[str, frozenset[str]] = {
    "charge": frozenset(
        {
            "application",
            "application_fee",
            "balance_transaction",
            "customer",
            "failure_balance_transaction",
            "invoice",
            "on_behalf_of",
            "payment_intent",
            "refunds",
            "review",
            "source",
            "source_transfer",
            "transfer",
        }
    ),
    "customer": frozenset({"default_source", "sources", "test_clock"}),
    "refund": frozenset(
        {
            "balance_transaction",
            "charge",
            "failure_balance_transaction",
            "payment_intent",
            "source_transfer_reversal",
            "transfer_reversal",
        }
    ),
    "card": frozenset({"account", "customer"}),
    "bank_account": frozenset({"account", "customer"}),
    "balance_transaction": frozenset({"source"}),
    "payment_method": frozenset({"customer"}),
    "payment_intent": frozenset(
        {
            "application",
            "customer",
            "invoice",
            "latest_charge",
            "on_behalf_of",
            "payment_method",
            "review",
        }
    ),
    "setup_intent": frozenset(
        {
            "application",
            "customer",
            "latest_attempt",
            "mandate",
            "on_behalf_of",
            "payment_method",
            "single_use_mandate",
        }
    ),
    "invoice_settings": frozenset({"default_payment_method"}),
}
#: Plain hashes a path may go through (they have no ``object`` of their own).
HASHES: dict[tuple[str, str], str] = {("customer", "invoice_settings"): "invoice_settings"}

LIST_OBJECTS = frozenset({"list", "search_result"})


def _newest_first(st: State, ids: Sequence[str], url: str) -> Json:
    """A one-page list of the objects of ``ids`` still there, newest first."""
    live = [st.objects[i] for i in reversed(ids) if i in st.objects]
    return {"object": "list", "data": [object_json(r) for r in live], "has_more": False, "url": url}


def _refunds(st: State, charge_id: str) -> Json:
    rec = st.objects.get(charge_id)
    refunds = rec.refunds if isinstance(rec, ChargeRec) else ()
    return _newest_first(st, refunds, f"/v1/charges/{charge_id}/refunds")


def _sources(st: State, customer_id: str) -> Json:
    rec = st.objects.get(customer_id)
    sources = rec.sources if isinstance(rec, CustomerRec) else ()
    return _newest_first(st, sources, f"/v1/customers/{customer_id}/sources")


#: Lists an object carries only when asked for (or on an old API version, §14).
INCLUDES: dict[tuple[str, str], Callable[[State, str], Json]] = {
    ("charge", "refunds"): _refunds,
    ("customer", "sources"): _sources,
}


def include(st: State, obj: Json, field: str) -> None:
    """Add the includable list ``field`` to ``obj`` (in Stripe's alphabetical place)."""
    builder = INCLUDES[(obj["object"], field)]
    value = builder(st, obj["id"])
    if field in obj:
        obj[field] = value
        return
    items = list(obj.items())
    obj.clear()
    placed = False
    for index, (key, old) in enumerate(items):
        if not placed and index >= 2 and key > field:
            obj[field] = value
            placed = True
        obj[key] = old
    if not placed:
        obj[field] = value


def take(data: dict[str, Any]) -> tuple[str, ...]:
    """The ``expand`` paths, checked for shape (the parameter stays: handlers ignore it,
    and a search reads ``total_count`` from it)."""
    raw = data.get("expand")
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(p, str) for p in raw):
        raise errors.invalid_array("expand")
    for path in raw:
        parts = path.split(".")
        if not path or any(not part for part in parts):
            raise errors.invalid(f"Invalid expand path: {path[:200]!r}", param="expand")
        if len(parts) > MAX_DEPTH:
            raise errors.invalid(
                f"You cannot expand more than {MAX_DEPTH} levels of a property "
                f"({path[:200]}). {errors.SANDBOX_WORDING}",
                param="expand",
            )
    return tuple(dict.fromkeys(raw))  # Stripe expands a repeated path once


def apply(st: State, body: Json, paths: tuple[str, ...], shape: Shape | None = None) -> Json:
    """``body`` with every path of ``paths`` expanded (in place; ``body`` is fresh).

    ``shape`` is applied to every object fetched (the request's API version, §14).
    """
    for path in paths:
        _walk(st, body, path.split("."), path, shape, top=True)
    return body


def _cannot(path: str, in_list: bool) -> errors.StripeError:
    message = f"This property cannot be expanded ({path})."
    if in_list:
        message += f" You may want to try expanding 'data.{path}' instead."
    return errors.invalid(message)


def _walk(
    st: State, node: Json, parts: list[str], path: str, shape: Shape | None, top: bool = False
) -> None:
    kind = node.get("object")
    head, rest = parts[0], parts[1:]
    if kind in LIST_OBJECTS:
        if kind == "search_result" and head == "total_count" and not rest:
            return  # the search counted its matches itself
        if head != "data":
            raise _cannot(path, in_list=top)
        if rest:
            for item in node.get("data") or ():
                if isinstance(item, dict):
                    _walk(st, item, rest, path, shape)
        return
    if node.get("deleted") is True:
        return  # a deleted object has nothing left to expand
    hash_kind = HASHES.get((str(kind), head))
    if hash_kind is not None and rest and isinstance(node.get(head), dict):
        _walk_hash(st, node[head], hash_kind, rest, path, shape)
        return
    if head not in EXPANDABLE.get(str(kind), ()):
        raise _cannot(path, in_list=False)
    if (kind, head) in INCLUDES:
        if not isinstance(node.get(head), dict):
            include(st, node, head)
    else:
        value = node.get(head)
        if isinstance(value, str):
            rec = st.objects.get(value)
            if rec is not None:  # an id of an object the sandbox does not hold stays an id
                fetched = object_json(rec)
                node[head] = shape(fetched) if shape is not None else fetched
    if rest:
        child = node.get(head)
        if isinstance(child, dict):
            _walk(st, child, rest, path, shape)


def _walk_hash(
    st: State, node: Json, kind: str, parts: list[str], path: str, shape: Shape | None
) -> None:
    """Expand inside a plain hash (``invoice_settings``) in place."""
    tagged = {**node, "object": kind}
    _walk(st, tagged, parts, path, shape)
    tagged.pop("object")
    node.clear()
    node.update(tagged)
