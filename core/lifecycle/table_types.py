"""The shapes of a lifecycle table: a transition, a guard, a table, and what guards see.

Each kind's table is data of these types (``source_tables``, ``token_charge_tables``,
``intent_guards``, ``payment_intent_table``, ``setup_method_tables``); ``registry``
puts them together and ``graphs`` draws them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Ctx:
    """What guards look at: the object and, optionally, the request's choices.

    Attributes:
        obj: the record.
        customer: the ``customer`` a charge names (``...`` when unknown: the graph
            then assumes the natural choice, the attached customer).
        amount: a refund/capture amount, when known.
        extra: anything else a guard needs (``verify_ok``, ``funds_full``...).
    """

    obj: Any
    customer: str | None = "..."
    amount: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Guard:
    """A named predicate with the words shown when it blocks.

    ``static`` guards depend only on facts fixed at creation (type, usage,
    flow); the graph honours them when computing reachability.
    """

    name: str
    reason: str
    test: Callable[[Ctx], bool]
    static: bool = False


@dataclass(frozen=True, slots=True)
class Transition:
    """One edge of a lifecycle table."""

    id: str
    source: str
    target: str
    trigger: str
    label: str
    guards: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class Table:
    kind: str
    variant: str
    states: tuple[str, ...]
    terminal: frozenset[str]
    transitions: tuple[Transition, ...]
    labels: dict[str, str] = field(default_factory=dict)


def charge_customer(ctx: Ctx) -> str | None:
    """The customer a charge/payment names; the attached one when the request is unknown."""
    return getattr(ctx.obj, "customer", None) if ctx.customer == "..." else ctx.customer
