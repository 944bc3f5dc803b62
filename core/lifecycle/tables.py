"""Lifecycles as data: one declarative table per object kind (and source flow).

The rules engine picks the transition it takes from these tables
(:func:`select`), fires the table's events and records ``prev_state`` /
``last_edge`` on the object; the graph view is computed from the same tables
(:func:`graph_for`, :func:`graph_of`). Transition ids follow stripe-domain.md
§3.3 (T1..T8) for sources; tokens use U*, charges C*; PaymentIntents follow
stripe-intents-domain.md §3.2 (T2…T19), SetupIntents §5.2 (S*), PaymentMethods M*.

This module is the one name the rest of the project imports; each job lives in its own:

=============================  ====================================================
``table_types``                the shapes: ``Transition``, ``Guard``, ``Table``, ``Ctx``
``source_tables``              Sources: one table per flow, their guards and facts
``token_charge_tables``        Tokens and Charges
``intent_guards``              guards of the PaymentIntent/SetupIntent/PaymentMethod tables
``payment_intent_table``       the PaymentIntent table
``setup_method_tables``        the SetupIntent and PaymentMethod tables
``registry``                   every table and guard; select, blocked_by, possible
``graphs``                     the tables drawn as ``GraphModel``s
=============================  ====================================================
"""

from __future__ import annotations

from core.lifecycle.graphs import born_state, graph_for, graph_of, visited_states
from core.lifecycle.payment_intent_table import PAYMENT_INTENT_TABLE
from core.lifecycle.registry import (
    FACT_GUARDS,
    GUARDS,
    STATUS_KINDS,
    TABLES,
    blocked_by,
    by_id,
    possible,
    select,
    state_of,
    table_of,
)
from core.lifecycle.setup_method_tables import PAYMENT_METHOD_TABLE, SETUP_INTENT_TABLE
from core.lifecycle.source_tables import SOURCE_STATES, SOURCE_TERMINAL
from core.lifecycle.table_types import Ctx, Guard, Table, Transition
from core.lifecycle.token_charge_tables import CHARGE_TABLE, TOKEN_TABLE

__all__ = [
    "CHARGE_TABLE",
    "FACT_GUARDS",
    "GUARDS",
    "PAYMENT_INTENT_TABLE",
    "PAYMENT_METHOD_TABLE",
    "SETUP_INTENT_TABLE",
    "SOURCE_STATES",
    "SOURCE_TERMINAL",
    "STATUS_KINDS",
    "TABLES",
    "TOKEN_TABLE",
    "Ctx",
    "Guard",
    "Table",
    "Transition",
    "blocked_by",
    "born_state",
    "by_id",
    "graph_for",
    "graph_of",
    "possible",
    "select",
    "state_of",
    "table_of",
    "visited_states",
]
