"""Endpoints under a charge, a customer's source or a source, and refund updates.

Paths from the spec subset: ``POST /v1/charges/{charge}/refund`` (the legacy form: it
answers the charge), ``GET|POST /v1/charges/{charge}/refunds``,
``GET|POST /v1/charges/{charge}/refunds/{refund}``, ``POST /v1/refunds/{refund}``,
``POST /v1/customers/{customer}/sources/{id}`` (update a card, bank account or
source), ``POST /v1/customers/{customer}/sources/{id}/verify`` (§7: the test amounts
32 and 45; at most 3 failed attempts), ``GET /v1/sources/{source}/source_transactions``
and ``/{source_transaction}``, ``GET /v1/sources/{source}/mandate_notifications/{id}``.

Source transactions are the ``source.transaction.created`` payloads the sandbox
already fires when a receiver source takes funds; mandate notifications are never
made by the sandbox (so that endpoint always answers ``resource_missing``).
"""

from __future__ import annotations

from typing import Any

from core.facts import errors
from core.rules import engine, listing, pages
from core.rules import refund as refund_rules
from core.rules import source as source_rules
from core.rules.validate import Params, merge_metadata
from core.store.records import BankRec, CardRec, ChargeRec, CustomerRec, RefundRec, SourceRec
from core.store.state import State
from core.wire.charges import charge_json, refund_json
from core.wire.sources import payment_source_json

JSONDict = dict[str, Any]
Args = tuple[str, ...]

#: §7 "Verify a bank account": the test amounts that succeed.
VERIFY_AMOUNTS = (32, 45)
MAX_FAILED_VERIFICATIONS = 3
CARD_UPDATE = (
    "address_city",
    "address_country",
    "address_line1",
    "address_line2",
    "address_state",
    "address_zip",
    "name",
)


# --- refunds ------------------------------------------------------------------


def legacy_refund(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    """``POST /v1/charges/{id}/refund``: refund, then answer the charge."""
    engine.lookup(st, ChargeRec, args[0])
    extra = {"refund_application_fee", "reverse_transfer", "expand"}
    p = Params(data, {"amount", "reason", "metadata", *extra})
    p.bool("refund_application_fee", False)
    p.bool("reverse_transfer", False)
    given = {k: v for k, v in data.items() if k not in extra}
    refund_rules.create_refund(st, (), {**given, "charge": args[0]})
    return charge_json(st.objects[args[0]])


def create_charge_refund(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    """``POST /v1/charges/{id}/refunds``: a refund of that charge."""
    engine.lookup(st, ChargeRec, args[0])
    if "charge" in data:
        raise errors.unknown_param("charge")
    return refund_rules.create_refund(st, (), {**data, "charge": args[0]})


def list_charge_refunds(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    engine.lookup(st, ChargeRec, args[0])
    if "charge" in data:
        raise errors.unknown_param("charge")
    url = f"/v1/charges/{args[0]}/refunds"
    return listing.list_objects(st, "refund", url, {**data, "charge": args[0]})


def _refund_of(st: State, charge_id: str, refund_id: str) -> RefundRec:
    engine.lookup(st, ChargeRec, charge_id)
    rec = st.objects.get(refund_id)
    if not isinstance(rec, RefundRec) or rec.charge != charge_id:
        raise errors.no_such("refund", refund_id)
    return rec


def retrieve_charge_refund(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    Params(data, set())
    return refund_json(_refund_of(st, args[0], args[1]))


def update_charge_refund(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    _refund_of(st, args[0], args[1])
    return update_refund(st, (args[1],), data)


def update_refund(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    """``POST /v1/refunds/{id}``: only ``metadata`` can change (spec subset)."""
    rec = engine.lookup(st, RefundRec, args[0])
    p = Params(data, {"metadata"})
    merged = merge_metadata(rec.metadata, p.metadata(), data.get("metadata"))
    if merged != rec.metadata:
        previous = {"metadata": rec.metadata}
        rec = st.mut(args[0])
        rec.metadata = merged
        st.fire("charge.refund.updated", rec, previous)
    return refund_json(rec)


# --- a customer's cards, bank accounts and sources --------------------------------------


def _attached(st: State, customer_id: str, object_id: str) -> Any:
    cus = engine.lookup(st, CustomerRec, customer_id)
    if object_id not in cus.sources:
        raise errors.no_such("source", object_id)
    return st.objects[object_id]


def update_customer_source(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    obj = _attached(st, args[0], args[1])
    if isinstance(obj, SourceRec):
        return source_rules.update(st, (args[1],), data)
    if isinstance(obj, CardRec):
        p = Params(data, {*CARD_UPDATE, "exp_month", "exp_year", "metadata"})
        changes: dict[str, Any] = {k: p.str(k) or None for k in CARD_UPDATE if p.has(k)}
        month, year = p.int("exp_month"), p.int("exp_year")
        if month is not None:
            if not 1 <= month <= 12:
                raise errors.card_error(
                    "Your card's expiration month is invalid.",
                    code="invalid_expiry_month",
                    param="exp_month",
                )
            changes["exp_month"] = month
        if year is not None:
            changes["exp_year"] = year + 2000 if year < 100 else year
    else:
        assert isinstance(obj, BankRec)
        p = Params(data, {"account_holder_name", "account_holder_type", "metadata"})
        changes = {}
        if p.has("account_holder_name"):
            changes["account_holder_name"] = p.str("account_holder_name") or None
        if p.has("account_holder_type"):
            changes["account_holder_type"] = p.enum(
                "account_holder_type", ("individual", "company")
            )
    merged = merge_metadata(obj.metadata, p.metadata(), data.get("metadata"))
    if merged != obj.metadata:
        changes["metadata"] = merged
    previous = {k: getattr(obj, k) for k, v in changes.items() if getattr(obj, k) != v}
    if previous:
        rec = st.mut(args[1])
        for key in previous:
            setattr(rec, key, changes[key])
        st.fire("customer.source.updated", rec, previous)
    return payment_source_json(st.objects[args[1]])


def verify_bank_account(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    obj = _attached(st, args[0], args[1])
    if not isinstance(obj, BankRec):
        raise errors.invalid(
            f"{args[1]} is not a bank account: only bank accounts are verified with amounts. "
            f"{errors.SANDBOX_WORDING}",
            param="amounts",
        )
    p = Params(data, {"amounts", "verification_method"})
    p.str("verification_method")
    raw = p.list("amounts", required=True) or []
    if len(raw) != 2 or not all(a.isdigit() for a in raw):
        raise errors.invalid("Invalid amounts: two amounts in cents are required.", param="amounts")
    if obj.status == "verified":
        raise errors.invalid("This bank account has already been verified.")
    if obj.status == "verification_failed":
        raise errors.invalid(
            "This bank account has failed verification too many times and can no longer be "
            f"verified. {errors.SANDBOX_WORDING}"
        )
    rec = st.mut(args[1])
    if tuple(int(a) for a in raw) == VERIFY_AMOUNTS:
        rec.status = "verified"
        st.fire("customer.source.updated", rec, {"status": "new"})
        return payment_source_json(rec)
    rec.failed_verifications += 1
    if rec.failed_verifications >= MAX_FAILED_VERIFICATIONS:
        rec.status = "verification_failed"
        st.fire("customer.source.updated", rec, {"status": "new"})
    error = errors.invalid(
        "The amounts provided do not match the amounts that were sent to the bank account.",
        param="amounts",
    )
    error.keep_state = True  # the failed attempt counts (§7: at most 3)
    raise error


# --- a source's transactions and mandate notifications ------------------------------


def _source_transactions(st: State, source_id: str) -> list[JSONDict]:
    """The source's transactions, oldest first (from the events that carried them)."""
    out = []
    for event in st.events:
        if event.type == "source.transaction.created" and isinstance(event.snapshot, dict):
            if event.snapshot.get("source") == source_id:
                out.append(dict(event.snapshot))
    return out


def list_source_transactions(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    engine.lookup(st, SourceRec, args[0])
    p = Params(data, {"limit", "starting_after", "ending_before"})
    txns = _source_transactions(st, args[0])
    ids = [t["id"] for t in txns]
    by_id = {t["id"]: t for t in txns}
    positions = {object_id: pos for pos, object_id in enumerate(ids)}
    query = pages.Query(
        ids,
        created_of=lambda pos: int(by_id[ids[pos]]["created"]),
        position_of=positions.get,
        kind="source_transaction",
    )
    found, more = pages.page(query, p)
    return {
        "object": "list",
        "data": [by_id[i] for i in found],
        "has_more": more,
        "url": f"/v1/sources/{args[0]}/source_transactions",
    }


def retrieve_source_transaction(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    Params(data, set())
    engine.lookup(st, SourceRec, args[0])
    for txn in _source_transactions(st, args[0]):
        if txn["id"] == args[1]:
            return txn
    raise errors.no_such("source_transaction", args[1])


def retrieve_mandate_notification(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    Params(data, set())
    engine.lookup(st, SourceRec, args[0])
    raise errors.no_such("source_mandate_notification", args[1])
