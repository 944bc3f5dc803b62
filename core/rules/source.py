"""Sources: create, retrieve, list, update and verify (§2, §3, §4); the type hashes are
:mod:`core.rules.source_types`, the simulator helpers :mod:`core.rules.source_simulator`."""

from __future__ import annotations

import copy
from typing import Any

from core.facts import catalog, errors, source_catalog
from core.lifecycle import tables as lifecycle
from core.lifecycle.tables import Ctx
from core.rules import engine, listing, source_types
from core.rules.validate import Params, merge_metadata
from core.store.records import JSONDict, SourceRec, TokenRec
from core.store.state import State
from core.wire.sources import source_json

CREATE_KEYS = frozenset(
    {
        "type",
        "amount",
        "currency",
        "usage",
        "flow",
        "owner",
        "redirect",
        "receiver",
        "mandate",
        "source_order",
        "statement_descriptor",
        "token",
        "metadata",
        "customer",
        "original_source",
        *source_catalog.SOURCE_TYPE_NAMES,
    }
)
UPDATE_KEYS = frozenset({"amount", "mandate", "metadata", "owner", "source_order", "card"})
OWNER_KEYS = frozenset({"address", "email", "name", "phone"})
ADDRESS_KEYS = frozenset({"city", "country", "line1", "line2", "postal_code", "state"})


def _owner(p: Params, key: str = "owner") -> JSONDict | None:
    owner = p.hash(key, OWNER_KEYS)
    if owner is None:
        return None
    out: JSONDict = {}
    for field in ("email", "name", "phone"):
        value = owner.str(field)
        if value is not None:
            out[field] = value
    address = owner.hash("address", ADDRESS_KEYS)
    if address is not None:
        out["address"] = {k: address.str(k) for k in sorted(ADDRESS_KEYS)}
    return out


def create(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    p = Params(data, CREATE_KEYS)
    type_name = p.str("type")
    if p.has("original_source") or (p.has("customer") and type_name != "three_d_secure"):
        raise errors.invalid(
            "Cloning a source (customer + original_source) is a Connect "
            "feature this sandbox does not model.",
            param="original_source",
        )
    if p.has("customer"):
        # §5.2: Stripe staff: top-level customer is not supported on 3DS source creation.
        raise errors.unknown_param("customer")
    if type_name is None:
        raise errors.missing_param("type")
    info = source_catalog.SOURCE_TYPES.get(type_name)
    if info is None:
        raise errors.invalid_enum("type", type_name, source_catalog.SOURCE_TYPE_NAMES)
    for other in source_catalog.SOURCE_TYPE_NAMES:
        if other != type_name and p.has(other):
            raise errors.invalid(
                f"Received the {other} hash for a source of type {type_name}.", param=other
            )
    usage_raw = p.str("usage")
    if usage_raw is not None and usage_raw not in ("reusable", "single_use"):
        raise errors.invalid_usage_value()
    usage = usage_raw or info.default_usage
    if usage not in info.usages:
        raise errors.usage_not_supported(type_name, usage, info.usages)
    flow = p.enum("flow", source_catalog.FLOWS) or info.flow
    if flow not in info.flows:
        raise errors.invalid(
            f"Sources of type {type_name} do not support flow {flow}; "
            f"supported: {', '.join(info.flows)}.",
            param="flow",
        )
    amount = p.amount("amount")
    currency = p.currency("currency")
    if info.amount_at_creation == "forbidden" and amount is not None and usage == "reusable":
        raise errors.invalid(
            "Reusable receiver sources do not accept an amount at creation: "
            "the amount is only known when funds arrive (§5.1 rule 6).",
            param="amount",
        )
    if usage == "single_use" or info.amount_at_creation == "required":
        if amount is None and info.amount_at_creation != "forbidden":
            raise errors.missing_param("amount")
        if currency is None:
            raise errors.missing_param("currency")
    if currency is not None and info.currencies is not None and currency not in info.currencies:
        code = "invalid_currency" if type_name == "p24" else None
        raise errors.invalid(
            f"Sources of type {type_name} only support "
            f"{', '.join(sorted(info.currencies))}; got {currency}.",
            code=code,
            param="currency",
        )
    if amount is not None and currency is not None:
        if info.min_amount is not None and amount < info.min_amount:
            raise errors.invalid(
                f"Amount must be at least "
                f"{catalog.format_amount(info.min_amount, currency)} for "
                f"{type_name}.",
                code="invalid_amount",
                param="amount",
            )
        if info.max_amount is not None and amount > info.max_amount:
            raise errors.invalid(
                f"Amount must be no more than "
                f"{catalog.format_amount(info.max_amount, currency)} for "
                f"{type_name}.",
                code="invalid_amount",
                param="amount",
            )
    owner = _owner(p)
    for needed in info.required:
        head, _, sub = needed.partition("[")
        sub = sub.rstrip("]")
        value = p.raw_hash(head)
        if value is None or not isinstance(value.get(sub), str) or not value.get(sub):
            raise errors.missing_param(needed)
    if type_name in ("bancontact", "sepa_debit") and owner is not None:
        if len((owner.get("name") or "").strip()) < 3:
            raise errors.invalid(
                "The owner name must be at least 3 characters long.",
                code="invalid_owner_name",
                param="owner[name]",
            )
    if type_name == "sepa_debit" and (owner is None or not owner.get("name")):
        raise errors.missing_param("owner[name]")
    redirect = p.hash("redirect", {"return_url"})
    return_url = redirect.str("return_url", max_len=2048) if redirect else None
    receiver_p = p.hash("receiver", {"refund_attributes_method"})
    refund_method = (
        receiver_p.enum("refund_attributes_method", ("email", "manual", "none"))
        if receiver_p
        else None
    )
    p.raw_hash("mandate")
    source_order = p.raw_hash("source_order")
    descriptor = p.str("statement_descriptor", max_len=22)
    metadata = p.metadata() or {}
    token_id = p.str("token")
    if token_id is not None and type_name != "card":
        raise errors.invalid("A token can only create a source of type card.", param="token")

    source_id = st.new_id("src_")
    secret = f"src_client_secret_{st.ids.token(24)}"
    rec = SourceRec(
        id=source_id,
        type=type_name,
        flow=flow,
        status="pending",
        usage=usage,
        created=st.now,
        client_secret=secret,
        amount=amount,
        currency=currency,
        owner=owner,
        metadata=metadata,
        statement_descriptor=descriptor,
        source_order=source_order,
    )
    type_data: JSONDict = dict.fromkeys(source_types.TYPE_HASH_KEYS[type_name])
    token: TokenRec | None = None
    if type_name == "card":
        status, token = source_types.create_card_source(st, p, rec, type_data, token_id)
    elif type_name == "three_d_secure":
        status = source_types.create_3ds_source(st, p, rec, type_data)
    else:
        status = source_types.fill_type_hash(st, p, rec, type_data)
    not_null = source_types.NOT_NULL.get(type_name, frozenset())
    rec.type_data = {k: v for k, v in type_data.items() if v is not None or k not in not_null}
    if flow == "redirect":
        rec.redirect = {
            "failure_reason": None,
            "return_url": return_url or "",
            "status": "pending",
            "url": f"https://hooks.stripe.com/redirect/authenticate/{source_id}"
            f"?client_secret={secret}",
        }
        if type_name == "three_d_secure" and status != "pending":
            rec.redirect = {
                **rec.redirect,
                "status": "not_required" if status == "chargeable" else "failed",
                "failure_reason": None if status == "chargeable" else "declined",
            }
    elif flow == "receiver":
        address = (
            f"110000000-test_{source_id[4:16]}" if type_name == "ach_credit_transfer" else None
        )
        rec.receiver = {
            "address": address,
            "amount_charged": 0,
            "amount_received": 0,
            "amount_returned": 0,
            "refund_attributes_method": refund_method or "email",
            "refund_attributes_status": "missing",
        }
    elif flow == "code_verification":
        rec.code_verification = {"attempts_remaining": catalog.VERIFY_ATTEMPTS, "status": "pending"}
    rec.status = status
    rec.prev_state = ""
    rec.last_edge = ""
    st.add(rec)
    if token is not None:  # U4: the token's edge fires the new source's source.chargeable
        with engine.taking(st, token.id, "create_source", source_chargeable=rec):
            engine.set_expiry(st, source_id)
    else:
        engine.set_expiry(st, source_id)
        if status == "chargeable":
            st.fire("source.chargeable", rec)  # §3.2: even card sources fire it at creation
        elif status == "failed":
            st.fire("source.failed", rec)
    return source_json(rec)


# --- update / verify ----------------------------------------------------------


def retrieve(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    Params(data, {"client_secret"})
    return source_json(engine.lookup(st, SourceRec, args[0]))


def list_all(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    return listing.list_objects(st, "source", "/v1/sources", data)


def update(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    source_id = args[0]
    rec = engine.lookup(st, SourceRec, source_id)
    if "usage" in data:
        raise errors.usage_immutable()
    p = Params(data, UPDATE_KEYS)
    card_p = None
    if p.has("card"):
        if rec.type != "card":
            raise errors.unknown_param("card")
        card_p = p.hash("card", {"exp_month", "exp_year"})
    amount = p.amount("amount")
    if amount is not None and rec.status != "pending":
        raise errors.source_amount_fixed()
    owner = _owner(p)
    metadata = p.metadata()
    raw_metadata = data.get("metadata")
    p.raw_hash("mandate")
    source_order = p.raw_hash("source_order")
    exp_month = card_p.int("exp_month") if card_p else None
    exp_year = card_p.int("exp_year") if card_p else None
    if exp_month is not None and not 1 <= exp_month <= 12:
        raise errors.card_error(
            "Your card's expiration month is invalid.",
            code="invalid_expiry_month",
            param="exp_month",
        )
    if exp_year is not None and exp_year < 100:
        exp_year += 2000
    if exp_year is not None and exp_year < engine.year_of(st)[0]:
        raise errors.card_error(
            "Your card's expiration year is invalid.", code="invalid_expiry_year", param="exp_year"
        )
    rec = st.mut(source_id)
    if amount is not None:
        rec.amount = amount
    if owner is not None:
        rec.owner = {**(rec.owner or {}), **owner}
    rec.metadata = merge_metadata(rec.metadata, metadata, raw_metadata)
    if source_order is not None:
        rec.source_order = copy.deepcopy(source_order)
    if exp_month is not None or exp_year is not None:
        td = dict(rec.type_data)
        if exp_month is not None:
            td["exp_month"] = exp_month
        if exp_year is not None:
            td["exp_year"] = exp_year
        rec.type_data = td
    if rec.customer is not None:
        st.fire("customer.source.updated", rec)
    return source_json(rec)


def verify(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    source_id = args[0]
    rec = engine.lookup(st, SourceRec, source_id)
    p = Params(data, {"values"})
    values = p.list("values", True)
    assert values is not None
    if rec.status in lifecycle.SOURCE_TERMINAL:
        raise errors.helper_terminal(rec.id, rec.status)
    if rec.flow != "code_verification" or rec.status != "pending":
        raise errors.invalid(
            f"Source {rec.id} has no pending code verification "
            f"(flow {rec.flow}, status {rec.status}).",
            param="values",
        )
    ok = sorted(values) == sorted(str(v) for v in catalog.MICRODEPOSITS)
    ctx = Ctx(rec, extra={"code_ok": ok})
    with engine.taking(st, source_id, "verify", ctx):
        rec = st.mut(source_id)
        cv = dict(rec.code_verification or {})
        if ok:
            cv["status"] = "succeeded"
        else:
            cv["attempts_remaining"] = max(cv.get("attempts_remaining", 1) - 1, 0)
            if cv["attempts_remaining"] == 0:
                cv["status"] = "failed"
        rec.code_verification = cv
        engine.set_expiry(st, source_id)
    return source_json(rec)
