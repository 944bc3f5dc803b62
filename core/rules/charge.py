"""Charges (§8): create, including declines (§5.2, §10), retrieve, list, update, and the
settling of a delayed one; capture is :mod:`core.rules.charge_capture`, refunds
:mod:`core.rules.refund`."""

from __future__ import annotations

import copy
from typing import Any

from core.facts import cards, catalog, errors, source_catalog
from core.lifecycle import tables as lifecycle
from core.lifecycle.tables import Ctx
from core.rules import engine, fields, listing
from core.rules.validate import Params, check_minimum_amount, merge_metadata
from core.store.records import (
    BankRec,
    CardRec,
    ChargeRec,
    CustomerRec,
    JSONDict,
    SourceRec,
    TokenRec,
)
from core.store.state import State
from core.wire.charges import charge_json

CREATE_KEYS = frozenset(
    {
        "amount",
        "currency",
        "source",
        "customer",
        "capture",
        "description",
        "metadata",
        "receipt_email",
        "statement_descriptor",
        "statement_descriptor_suffix",
        "transfer_group",
        *fields.CHARGE_KEYS,
    }
)


def _resolve(st: State, source: str | None, customer_id: str | None) -> tuple[Any, str | None]:
    """What gets charged (§8.1): a record, and the charge's customer."""
    if source is None and customer_id is None:
        raise errors.must_provide_source_or_customer()
    cus = None
    if customer_id is not None:
        cus = engine.lookup(st, CustomerRec, customer_id, "customer")
    if source is None:
        assert cus is not None
        default = st.get(cus.default_source) if cus.default_source else None
        if default is None or (isinstance(default, SourceRec) and default.status != "chargeable"):
            raise errors.no_active_card()
        return default, cus.id
    if cus is not None:
        rec = st.get(source)
        if (
            rec is not None
            and getattr(rec, "customer", None) == cus.id
            and not isinstance(rec, TokenRec)
        ):
            return rec, cus.id
        if isinstance(rec, SourceRec) and rec.customer is None:
            return rec, cus.id  # §5.1 rule 1: a single-use source with a customer, unattached
        raise errors.no_linked_source(cus.id, source)
    if source.startswith(("src_", "card_", "ba_")):
        rec = st.get(source)
        if rec is None:
            raise errors.no_such_token(source)  # §7.1 quirk
        attached_to = getattr(rec, "customer", None)
        if attached_to is not None:
            raise errors.attached_source_needs_customer(source, attached_to)
        return rec, None
    token = engine.resolve_token(st, source)
    if token is None:
        raise errors.no_such_token(source)
    return token, None


def create(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    p = Params(data, CREATE_KEYS)
    amount = p.amount("amount", True)
    currency = p.currency("currency", True)
    assert amount is not None and currency is not None
    check_minimum_amount(amount, currency)
    capture = p.bool("capture", True)
    source = p.str("source")
    customer_id = p.str("customer")
    extra = {
        "description": p.str("description"),
        "metadata": p.metadata() or {},
        "receipt_email": p.str("receipt_email"),
        "statement_descriptor": p.str("statement_descriptor", max_len=22),
        "statement_descriptor_suffix": p.str("statement_descriptor_suffix", max_len=22),
        "transfer_group": p.str("transfer_group"),
        **fields.charge_fields(p, amount),
    }
    target, charge_customer = _resolve(st, source or None, customer_id or None)
    if isinstance(target, TokenRec):
        return _charge_token(st, target, amount, currency, capture, charge_customer, extra)
    if isinstance(target, SourceRec):
        return _charge_source(
            st, target, amount, currency, capture, charge_customer, extra, customer_id
        )
    if isinstance(target, CardRec):
        return _charge_card(st, target, target, amount, currency, capture, charge_customer, extra)
    if isinstance(target, BankRec):
        if target.status != "verified":
            raise errors.invalid(
                "The customer's bank account must be verified in order to create an ACH payment.",
                param="source",
            )
        if not capture:
            raise errors.invalid("ACH payments do not support capture=false.", param="capture")
        rec = _new_charge(st, amount, currency, target, target.id, charge_customer, extra)
        rec.status, rec.paid = "pending", False  # §8.2: ACH debits settle days later
        rec.settle_at = st.now + (source_catalog.SOURCE_TYPES["ach_debit"].settle_seconds or 0)
        rec.settle_outcome = "succeeded"
        st.add(rec)
        st.schedule(rec.settle_at, rec.id, "settle_at")
        st.fire("charge.pending", rec)
        return charge_json(rec)
    raise errors.no_such_token(str(source))


def _new_charge(
    st: State,
    amount: int,
    currency: str,
    snapshot: Any,
    method: str | None,
    customer: str | None,
    extra: dict[str, Any],
) -> ChargeRec:
    rec = ChargeRec(
        id=st.new_id("ch_"),
        created=st.now,
        amount=amount,
        currency=currency,
        status="succeeded",
        paid=True,
        captured=True,
        amount_captured=amount,
        payment_method=method,
        source_kind=snapshot.kind,
        source_snapshot=copy.copy(snapshot),
        customer=customer,
        **extra,
    )
    return rec


def _decline_of(
    test: cards.TestCard, cvc_provided: bool, via_3ds: bool = False
) -> cards.Decline | None:
    decline = test.tds_charge_decline if via_3ds else test.charge_decline
    if decline is cards.INCORRECT_CVC and not cvc_provided:
        return None  # §10: without a CVC the check is skipped and cannot fail
    return decline


def _finish(
    st: State,
    rec: ChargeRec,
    capture: bool,
    decline: cards.Decline | None,
    test: cards.TestCard | None,
    announce: bool = True,
) -> None:
    """Sets the sync outcome on a new card charge, adds it and fires its event.

    ``announce=False`` when a token's edge (U1/U2) fires that event instead.
    """
    if test is not None:
        rec.risk_level = test.risk_level
        rec.disputed = test.disputed and decline is None
    if decline is not None:
        rec.status, rec.paid, rec.captured, rec.amount_captured = "failed", False, False, 0
        rec.failure_code, rec.failure_message = decline.code, decline.message
        rec.decline_code = decline.decline_code
        st.add(rec)
        if announce:
            st.fire("charge.failed", rec)
        return
    if not capture:
        rec.captured, rec.amount_captured = False, 0
        rec.capture_expires_at = st.now + catalog.UNCAPTURED_EXPIRY
        st.schedule(rec.capture_expires_at, rec.id, "capture_expires_at")
    st.add(rec)
    if announce:
        st.fire("charge.succeeded", rec)


def _raise_decline(rec: ChargeRec, decline: cards.Decline) -> None:
    err = errors.card_error(
        decline.message,
        code=decline.code,
        param=decline.param,
        decline_code=decline.decline_code,
        charge=rec.id,
    )
    err.keep_state = True  # the failed Charge exists and the token is used (§5.2, §6.3)
    raise err


def _charge_token(
    st: State,
    token: TokenRec,
    amount: int,
    currency: str,
    capture: bool,
    customer: str | None,
    extra: dict[str, Any],
) -> JSONDict:
    if token.used:
        raise errors.token_already_used(token.id)
    if token.card is None:
        if token.bank_account is not None:
            raise errors.invalid(
                "The customer's bank account must be verified in order to create an ACH payment.",
                param="source",
            )
        raise errors.invalid(f"A {token.type} token cannot be charged.", param="source")
    card = token.card
    return _charge_card(
        st, card, card, amount, currency, capture, customer, extra, token_id=token.id
    )


def _charge_card(
    st: State,
    card: CardRec,
    snapshot: Any,
    amount: int,
    currency: str,
    capture: bool,
    customer: str | None,
    extra: dict[str, Any],
    *,
    token_id: str | None = None,
) -> JSONDict:
    """Charge ``card`` (a saved card, or the card of token ``token_id``)."""
    test = cards.BY_KEY[card.key]
    decline = _decline_of(test, card.cvc_provided)
    rec = _new_charge(st, amount, currency, snapshot, card.id, customer, extra)
    if token_id is None:
        _finish(st, rec, capture, decline, test)
    else:
        # U1/U2: a declined charge still uses the token (§6.3); the edge fires the
        # charge's charge.succeeded or charge.failed
        with engine.taking(st, token_id, "charge", charge_succeeded=rec, charge_failed=rec):
            _finish(st, rec, capture, decline, test, announce=False)
    if decline is not None:
        _raise_decline(rec, decline)
    return charge_json(rec)


def _charge_source(
    st: State,
    src: SourceRec,
    amount: int,
    currency: str,
    capture: bool,
    customer: str | None,
    extra: dict[str, Any],
    customer_param: str | None,
) -> JSONDict:
    if src.status != "chargeable":
        if src.status == "consumed" and src.usage == "reusable":
            raise errors.reusable_source_consumed()  # §5.2, §12.1
        raise errors.source_not_chargeable()
    info = source_catalog.SOURCE_TYPES[src.type]
    if src.currency is not None and src.currency != currency:
        raise errors.invalid(
            f"The currency of the charge ({currency}) does not match the "
            f"source's currency ({src.currency}).",
            param="currency",
        )
    if info.currencies is not None and currency not in info.currencies:
        raise errors.invalid(
            f"Sources of type {src.type} cannot be charged in {currency}.", param="currency"
        )
    if (
        src.usage == "single_use"
        and src.amount is not None
        and src.flow != "receiver"
        and amount != src.amount
    ):
        raise errors.invalid(
            f"The amount of a charge of a single-use source must equal the "
            f"source's amount ({src.amount}).",
            param="amount",
        )
    if src.flow == "receiver":
        recv = src.receiver or {}
        available = (
            recv.get("amount_received", 0)
            - recv.get("amount_charged", 0)
            - recv.get("amount_returned", 0)
        )
        if amount > available:
            raise errors.invalid(
                f"The amount ({amount}) exceeds what the customer pushed and "
                f"has not been charged ({available}).",
                param="amount",
            )
    if src.type == "klarna" and src.source_order is None:
        raise errors.invalid(
            "A klarna source needs source_order before it can be charged (§4; sandbox wording).",
            param="source",
        )
    if not info.charge_sync and not capture:
        raise errors.invalid(
            f"Sources of type {src.type} do not support capture=false.", param="capture"
        )
    ctx = Ctx(src, customer=customer_param)
    edge = lifecycle.select(src, "charge", ctx)
    if edge is None:  # reusable attached source charged without its customer, etc.
        raise errors.no_linked_source(str(customer_param), src.id)
    snapshot = src
    test: cards.TestCard | None = None
    decline: cards.Decline | None = None
    if src.card_key:
        test = cards.BY_KEY[src.card_key]
        # An authenticated 3DS source declines only as the card does after 3DS; a card
        # source or a not_required 3DS source declines like a plain card charge (§10).
        authenticated = bool(src.type == "three_d_secure" and src.type_data.get("authenticated"))
        decline = _decline_of(test, src.cvc_provided, via_3ds=authenticated)
    rec = _new_charge(st, amount, currency, snapshot, src.id, customer, extra)
    if decline is not None:
        _finish(st, rec, capture, decline, test)
        _raise_decline(rec, decline)
    engine.take(st, src.id, "charge", ctx, edge=edge.id)  # T5a / T5b / T6 (§3.3)
    src = st.mut(src.id)
    src.charges += 1
    if src.status == "consumed":
        src.expires_at = None
    if src.receiver is not None:
        recv = dict(src.receiver)
        recv["amount_charged"] = recv.get("amount_charged", 0) + amount
        src.receiver = recv
    rec.source_snapshot = copy.copy(src)
    if info.charge_sync:
        _finish(st, rec, capture, None, test)
    else:  # §8.2: async methods start pending and settle later
        rec.status, rec.paid = "pending", False
        rec.settle_at = st.now + info.settle_seconds
        rec.settle_outcome = "failed" if src.behavior == "fail" else "succeeded"
        rec.disputed = False
        st.add(rec)
        st.schedule(rec.settle_at, rec.id, "settle_at")
        st.fire("charge.pending", rec)
    return charge_json(rec)


def settle(st: State, charge_id: str) -> None:
    """C1/C2: an async charge settles as the clock passes ``settle_at`` (§8.2)."""
    rec: ChargeRec = st.objects[charge_id]
    with engine.taking(st, charge_id, "settle") as step:
        tr = step.edge
        rec = st.mut(charge_id)
        rec.settle_at = None
        if tr.target == "succeeded":
            rec.status, rec.paid = "succeeded", True
        else:
            rec.status, rec.paid = "failed", False
            rec.failure_code = "charge_failed"
            rec.failure_message = "The payment could not be collected from the bank account."
    src = st.get(rec.payment_method or "")
    if (
        tr.target == "failed"
        and isinstance(src, SourceRec)
        and src.type == "sepa_debit"
        and src.status == "chargeable"
    ):
        engine.take(st, src.id, "charge_failed")  # T7 (§3.3; event unverified)


def retrieve(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    Params(data, set())
    return charge_json(engine.lookup(st, ChargeRec, args[0]))


def list_all(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    return listing.list_objects(st, "charge", "/v1/charges", data)


def update_charge(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    charge_id = args[0]
    engine.lookup(st, ChargeRec, charge_id)
    p = Params(data, {"description", "metadata", "receipt_email", "shipping", "transfer_group"})
    description = p.str("description")
    metadata = p.metadata()
    receipt = p.str("receipt_email")
    ship = fields.shipping(p, charge=True)
    group = p.str("transfer_group")
    rec = st.mut(charge_id)
    if description is not None:
        rec.description = description or None
    if receipt is not None:
        rec.receipt_email = receipt or None
    if ship is not fields.UNSET:
        rec.shipping = ship
    if group is not None:
        if rec.transfer_group is not None and group != rec.transfer_group:
            raise errors.invalid(  # Stripe: it can be set once, when none is set yet
                "The transfer_group of a charge can only be set when it has none. "
                f"{errors.SANDBOX_WORDING}",
                param="transfer_group",
            )
        rec.transfer_group = group or None
    rec.metadata = merge_metadata(rec.metadata, metadata, data.get("metadata"))
    st.fire("charge.updated", rec)
    return charge_json(rec)
