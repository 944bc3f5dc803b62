"""Customers and their sources: attach, detach, default_source (§7)."""

from __future__ import annotations

import copy
from typing import Any

from core.facts import cards, errors
from core.rules import client_side, engine, fields, listing
from core.rules import payment_method as pm_rules
from core.rules.validate import Params, merge_metadata
from core.store.records import BankRec, CardRec, CustomerRec, JSONDict, SourceRec, TokenRec
from core.store.state import State
from core.wire.customer import customer_json
from core.wire.sources import payment_source_json

FIELDS = ("email", "name", "description", "phone")
CREATE_KEYS = frozenset({*FIELDS, *fields.CUSTOMER_KEYS, "metadata", "source", "payment_method"})
UPDATE_KEYS = frozenset({*FIELDS, *fields.CUSTOMER_KEYS, "metadata", "source", "default_source"})


def _default_pm(p: Params) -> str | None:
    """``invoice_settings[default_payment_method]`` (intents §4.6), or None if absent.

    The other invoice settings are read by ``core.rules.fields``.
    """
    if not isinstance(p.data.get("invoice_settings"), dict):
        return None
    settings = p.hash("invoice_settings", fields.INVOICE_KEYS)
    if settings is None or not settings.has("default_payment_method"):
        return None
    return settings.str("default_payment_method") or ""


def _fields(p: Params) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for key in FIELDS:
        value = p.str(key, max_len=512 if key == "email" else 5000)
        if value is not None:
            out[key] = value or None
    return out


def create(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    p = Params(data, CREATE_KEYS)
    given: dict[str, Any] = {**_fields(p), **fields.customer_fields(p)}
    metadata = p.metadata() or {}
    source = client_side.source_param(st, p)
    payment_method = p.str("payment_method")
    default_pm = _default_pm(p)
    rec = CustomerRec(st.new_id("cus_"), st.now, metadata=metadata)
    for key, value in given.items():
        setattr(rec, key, value)
    st.add(rec)
    st.fire("customer.created", rec)
    if payment_method:  # intents §4.3: attaches at creation
        pm_rules.attach(st, (payment_method,), {"customer": rec.id})
    if default_pm:
        pm_rules.set_default(st, rec.id, default_pm)
    if source:
        attach(st, rec.id, source, announce_default=False)  # becomes the default (§7)
    return customer_json(st.objects[rec.id])


def update(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    customer_id = args[0]
    engine.lookup(st, CustomerRec, customer_id)
    p = Params(data, UPDATE_KEYS)
    given: dict[str, Any] = {**_fields(p), **fields.customer_fields(p, st.objects[customer_id])}
    metadata = p.metadata()
    source = client_side.source_param(st, p)
    default = p.str("default_source")
    default_pm = _default_pm(p)
    previous: dict[str, Any] = {}
    if default_pm is not None:
        previous.update(pm_rules.set_default(st, customer_id, default_pm) or {})
    rec = st.mut(customer_id)
    for key, value in given.items():
        if getattr(rec, key) != value:
            previous[key] = getattr(rec, key)
            setattr(rec, key, value)
    new_meta = merge_metadata(rec.metadata, metadata, data.get("metadata"))
    if new_meta != rec.metadata:
        previous["metadata"] = rec.metadata
        rec.metadata = new_meta
    if source:
        old_default = rec.default_source
        new_id = attach(st, customer_id, source, announce_default=False)
        if old_default is not None:  # §7: update with source replaces (detaches) the default
            detach(st, customer_id, old_default, announce_default=False)
        rec = st.mut(customer_id)
        rec.default_source = new_id
        if old_default != new_id:
            previous["default_source"] = old_default
    if default is not None:
        if default not in rec.sources:
            raise errors.invalid(
                f"Customer {customer_id} does not have a linked source with ID {default[:80]}.",
                code="missing",
                param="default_source",
                status=404,
            )
        if rec.default_source != default:
            previous.setdefault("default_source", rec.default_source)
            rec.default_source = default
    if previous:
        st.fire("customer.updated", rec, previous)
    return customer_json(rec)


def delete(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    Params(data, set())
    customer_id = args[0]
    rec = engine.lookup(st, CustomerRec, customer_id)
    for source_id in reversed(rec.sources):
        detach(st, customer_id, source_id, announce_default=False)
    for pm_id in st.order.get("payment_method", []):  # intents.UNVERIFIED["delete_customer"]
        if getattr(st.objects.get(pm_id), "customer", None) == customer_id:
            pm_rules.detach(st, (pm_id,), {})
    rec = st.mut(customer_id)
    st.fire("customer.deleted", rec)
    rec.deleted = True
    return {"id": customer_id, "object": "customer", "deleted": True}


def retrieve(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    found = st.get(args[0])
    if isinstance(found, CustomerRec) and found.deleted:  # spec: 200, a deleted_customer
        return {"id": args[0], "object": "customer", "deleted": True}
    rec = engine.lookup(st, CustomerRec, args[0])
    Params(data, set())
    return customer_json(rec)  # sources, when asked for, come from core.rules.expand


# --- attach / detach ----------------------------------------------------------


def attach(st: State, customer_id: str, value: str, announce_default: bool = True) -> str:
    """Attach a token (→ ``card_``/``ba_``) or a source; returns the attached id."""
    engine.lookup(st, CustomerRec, customer_id, "customer")
    attached: Any
    if value.startswith("pm_"):
        raise errors.invalid(
            "You cannot use a PaymentMethod as a source for Customers. "
            "Instead, use the PaymentMethods API to Attach a Customer to a "
            "PaymentMethod.",
            param="source",
        )
    if value.startswith("src_"):
        src = st.get(value)
        if not isinstance(src, SourceRec):
            raise errors.no_such_token(value)  # §7.1: the shared lookup says "token"
        if src.customer is not None:
            raise errors.already_attached(value)
        if src.status not in ("pending", "chargeable"):
            raise errors.attach_requires_pending_or_chargeable(src.status)
        with engine.taking(st, value, "attach"):  # T8 (§3.3)
            src = st.mut(value)
            src.customer = customer_id
        attached = src
        attached_id = value
    else:
        token = engine.resolve_token(st, value)
        if token is None:
            raise errors.no_such_token(value)
        if token.used:
            raise errors.token_already_used(token.id)
        attached = _from_token(st, token, customer_id)
        attached_id = attached.id
        # U3: the token is used (§6.3); its event carries the new card_/ba_
        engine.take(st, token.id, "attach", customer_source_created=attached)
    rec = st.mut(customer_id)
    rec.sources = (*rec.sources, attached_id)
    if rec.default_source is None:  # §7: a first source becomes the default
        rec.default_source = attached_id
        if announce_default:
            st.fire("customer.updated", rec, {"default_source": None})
    return attached_id


def _from_token(st: State, token: TokenRec, customer_id: str) -> CardRec | BankRec:
    if token.card is not None:
        test = cards.BY_KEY[token.card.key]
        decline = cards.attach_decline(test, token.card.cvc_provided)
        if decline is not None:  # §10: attaching validates the card
            raise errors.card_error(
                decline.message,
                code=decline.code,
                param=decline.param,
                decline_code=decline.decline_code,
            )
        card = copy.copy(token.card)  # keeps the token card's id (§6.3, unverified)
        card.customer = customer_id
        st.add(card)
        return card
    if token.bank_account is not None:
        bank = copy.copy(token.bank_account)
        bank.customer = customer_id
        st.add(bank)
        return bank
    raise errors.invalid(f"A {token.type} token cannot be attached to a customer.", param="source")


def detach(st: State, customer_id: str, object_id: str, announce_default: bool = True) -> JSONDict:
    cus = engine.lookup(st, CustomerRec, customer_id)
    if object_id not in cus.sources:
        raise errors.no_such("source", object_id)
    obj = st.get(object_id)
    result: JSONDict
    if isinstance(obj, SourceRec):
        if obj.status in ("pending", "chargeable"):
            with engine.taking(st, object_id, "detach"):  # T5c/T5d: detached → consumed (§5.1)
                src = st.mut(object_id)
                src.customer = None
                src.expires_at = None
        else:
            src = st.mut(object_id)
            src.customer = None
            st.fire("customer.source.deleted", src)
        result = payment_source_json(src)
    else:
        assert obj is not None
        st.fire("customer.source.deleted", obj)
        st.delete(object_id)
        result = {"id": object_id, "object": obj.kind, "deleted": True}
    rec = st.mut(customer_id)
    rec.sources = tuple(s for s in rec.sources if s != object_id)
    if rec.default_source == object_id:  # §7: the most recent one becomes the default
        rec.default_source = rec.sources[-1] if rec.sources else None
        if announce_default:
            st.fire("customer.updated", rec, {"default_source": object_id})
    return result


def detach_endpoint(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    Params(data, set())
    return detach(st, args[0], args[1])


def list_all(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    return listing.list_objects(st, "customer", "/v1/customers", data)


def attach_endpoint(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    customer_id = args[0]
    engine.lookup(st, CustomerRec, customer_id)
    p = Params(data, {"source", "metadata", "validate"})
    value = client_side.source_param(st, p, required=True)
    assert value is not None
    attached_id = attach(st, customer_id, value)
    metadata = p.metadata()
    if metadata:
        rec = st.mut(attached_id)
        rec.metadata = {**rec.metadata, **metadata}
    return payment_source_json(st.objects[attached_id])


def retrieve_source(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    Params(data, set())
    customer_id, object_id = args
    cus = engine.lookup(st, CustomerRec, customer_id)
    if object_id not in cus.sources:
        raise errors.no_such("source", object_id)
    return payment_source_json(st.objects[object_id])


def list_sources(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    customer_id = args[0]
    cus = engine.lookup(st, CustomerRec, customer_id)
    p = Params(data, {"limit", "starting_after", "ending_before", "object"})
    kind = p.enum("object", ("card", "bank_account", "source"))
    limit = p.int("limit")
    limit = 10 if limit is None else limit
    if not 1 <= limit <= 100:
        raise errors.invalid("Invalid limit: must be between 1 and 100", param="limit")
    ids = [s for s in reversed(cus.sources) if kind is None or st.objects[s].kind == kind]
    after = p.str("starting_after")
    if after is not None:
        if after not in ids:
            raise errors.no_such("source", after, param="starting_after")
        ids = ids[ids.index(after) + 1 :]
    page = ids[:limit]
    return {
        "object": "list",
        "data": [payment_source_json(st.objects[s]) for s in page],
        "has_more": len(ids) > limit,
        "url": f"/v1/customers/{customer_id}/sources",
    }
