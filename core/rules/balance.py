"""Balance transactions (``txn_``) and the account balance.

Every charge gets one when it is captured and has succeeded, every refund when it is
made (a refund that later fails is not reversed here); ``charge.balance_transaction``
and ``refund.balance_transaction`` name it and expand to it (spec subset:
``charge.balance_transaction``, ``refund.balance_transaction``). They are made after
the request's handler, from the objects it touched, inside the same transaction, so
a rejected request leaves none and replays make the same ones.

Sandbox choices (Stripe's figures depend on the account's pricing and payout
schedule, which the sandbox does not model): the fee is Stripe's standard card
pricing, 2.9% + 30 of the smallest unit, on every charge whatever its method or
currency; refunds carry no fee; funds become available 2 days after the charge or
refund (``status: pending`` until the simulated clock gets there). No payouts are
made, so ``payout=`` matches nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from core.facts import catalog, errors
from core.rules import pages
from core.rules.validate import Params
from core.store.records import BalanceTxnRec, ChargeRec, RefundRec
from core.store.state import State
from core.wire.balance import balance_transaction_json

JSONDict = dict[str, Any]
AVAILABLE_AFTER = 2 * 86400
#: Balance transactions' id prefix: bookkeeping, left out of the window's lists and of
#: the ids a change reports (``Sandbox.object_ids("balance_transaction")`` reads them).
BOOKKEEPING = "txn_"


def listed(ids: Iterable[str]) -> tuple[str, ...]:
    """``ids`` without balance transactions."""
    return tuple(i for i in ids if not i.startswith(BOOKKEEPING))


FEE_PERCENT_TENTHS = 29  # 2.9%
FEE_FIXED = 30


def fee_for(amount: int) -> int:
    return (amount * FEE_PERCENT_TENTHS + 500) // 1000 + FEE_FIXED


def record_for_touched(st: State) -> None:
    """Make the balance transactions the request's charges and refunds now need."""
    for object_id in st.touched_ids():
        rec = st.objects.get(object_id)
        if isinstance(rec, ChargeRec):
            if rec.balance_transaction is None and rec.captured and rec.status == "succeeded":
                amount = rec.amount_captured
                txn = _add(st, amount, rec.currency, fee_for(amount), "charge", rec.id)
                txn.description = rec.description
                st.mut(rec.id).balance_transaction = txn.id
        elif isinstance(rec, RefundRec):
            if rec.balance_transaction is None and rec.status in ("pending", "succeeded"):
                txn = _add(st, -rec.amount, rec.currency, 0, "refund", rec.id)
                txn.description = "REFUND FOR CHARGE"
                st.mut(rec.id).balance_transaction = txn.id


def _add(st: State, amount: int, currency: str, fee: int, kind: str, source: str) -> BalanceTxnRec:
    txn = BalanceTxnRec(
        st.new_id("txn_"), st.now, amount, currency, fee, kind, source, st.now + AVAILABLE_AFTER
    )
    st.add(txn)
    st.schedule(txn.available_on, txn.id, "available_on")
    return txn


def make_available(st: State, txn_id: str) -> None:
    """The clock reached the transaction's ``available_on``."""
    st.mut(txn_id).status = "available"


def patch(st: State, body: JSONDict) -> None:
    """Name the transactions made after the handler in the answer it built."""
    items = body.get("data") if body.get("object") == "list" else [body]
    for item in items or ():
        if isinstance(item, dict) and item.get("balance_transaction", 0) is None:
            rec = st.objects.get(item.get("id", ""))
            txn = getattr(rec, "balance_transaction", None)
            if txn is not None:
                item["balance_transaction"] = txn


def _txn(st: State, txn_id: str) -> BalanceTxnRec:
    rec = st.objects.get(txn_id)
    if not isinstance(rec, BalanceTxnRec):
        raise errors.no_such("balance transaction", txn_id)
    return rec


def retrieve(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    Params(data, set())
    return balance_transaction_json(_txn(st, args[0]))


def list_all(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    p = Params(data, {*pages.PAGING, "type", "source", "currency", "payout"})
    wanted = {name: p.str(name) for name in ("type", "source", "currency") if p.has(name)}
    if p.has("payout"):
        p.str("payout")
        wanted["payout"] = "never"  # no payouts are made: a payout filter matches nothing
    objects = st.objects
    ids = st.order.get("balance_transaction", [])

    def keep(object_id: str) -> bool:
        rec = objects.get(object_id)
        return isinstance(rec, BalanceTxnRec) and all(
            getattr(rec, name, None) == value for name, value in wanted.items()
        )

    query = pages.Query(
        ids,
        created_of=lambda pos: int(objects[ids[pos]].created),
        position_of=st.position.get,
        kind="balance_transaction",
        keep=keep,
        created=pages.created_range(p),
    )
    found, more = pages.page(query, p)
    return {
        "object": "list",
        "data": [balance_transaction_json(objects[i]) for i in found],
        "has_more": more,
        "url": "/v1/balance_transactions",
    }


def balance(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    Params(data, set())
    available: dict[str, int] = {catalog.ACCOUNT_DEFAULT_CURRENCY: 0}
    pending: dict[str, int] = {catalog.ACCOUNT_DEFAULT_CURRENCY: 0}
    for object_id in st.order.get("balance_transaction", []):
        rec = st.objects.get(object_id)
        if isinstance(rec, BalanceTxnRec):
            into = available if rec.status == "available" else pending
            into[rec.currency] = into.get(rec.currency, 0) + rec.amount - rec.fee
            (pending if into is available else available).setdefault(rec.currency, 0)

    def entries(sums: dict[str, int]) -> list[JSONDict]:
        return [
            {"amount": amount, "currency": currency, "source_types": {"card": amount}}
            for currency, amount in sorted(sums.items())
        ]

    return {
        "object": "balance",
        "available": entries(available),
        "livemode": False,
        "pending": entries(pending),
    }
