"""Helpers shared by the rules modules: transitions, events, cards, lookups."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from core.facts import cards, catalog, errors, source_catalog
from core.lifecycle import tables as lifecycle
from core.lifecycle.tables import Ctx, Transition
from core.rules.validate import Params
from core.store.ids import fingerprint
from core.store.records import (
    CardRec,
    ChargeRec,
    CustomerRec,
    RefundRec,
    SourceRec,
    TokenRec,
)
from core.store.state import State

CARD_KEYS = frozenset(
    {
        "number",
        "exp_month",
        "exp_year",
        "cvc",
        "name",
        "address_line1",
        "address_line2",
        "address_city",
        "address_state",
        "address_zip",
        "address_country",
        "currency",
    }
)

R = TypeVar("R", SourceRec, TokenRec, CustomerRec, ChargeRec, RefundRec)
_KIND_NAME: dict[type, str] = {
    SourceRec: "source",
    TokenRec: "token",
    CustomerRec: "customer",
    ChargeRec: "charge",
    RefundRec: "refund",
}


def lookup(st: State, kind: type[R], object_id: str, param: str | None = "id") -> R:
    """The live object of record class ``kind`` with ``object_id``, else Stripe's 404.

    A deleted customer is gone as far as requests are concerned (§7), except that
    retrieving it answers it as deleted. ``param`` is ``"id"`` for an id from the path
    (Stripe names it so); a body lookup passes its parameter's name.
    """
    rec = st.objects.get(object_id)
    if not isinstance(rec, kind) or getattr(rec, "deleted", False):
        raise errors.no_such(_KIND_NAME[kind], object_id, param=param)
    return rec


class Step:
    """An edge being taken: the object has moved; the edge's events fire when it ends.

    Used as a context manager (``with engine.taking(...) as step:``), the block sets
    the fields the edge changes (a redirect's status, a refunded amount...) so the
    events' snapshots show them; leaving the block by an exception fires nothing (the
    request is rolled back anyway).

    Attributes:
        edge: the transition taken.
        targets: an event type (dots → ``_``) to the object its event carries; the
            moved object otherwise. ``None`` drops that event.
    """

    __slots__ = ("_st", "_object_id", "edge", "targets")

    def __init__(self, st: State, object_id: str, edge: Transition, targets: dict[str, Any]):
        self._st = st
        self._object_id = object_id
        self.edge = edge
        self.targets = targets

    def __enter__(self) -> Step:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self._fire()

    def about(self, **targets: Any) -> None:
        """Name the objects of events whose object exists only inside the block."""
        self.targets.update(targets)

    def _fire(self) -> None:
        st = self._st
        moved = st.objects[self._object_id]
        for event_type in self.edge.events:
            target = self.targets.get(event_type.replace(".", "_"), moved)
            if target is not None:
                st.fire(event_type, target)


def taking(
    st: State,
    object_id: str,
    trigger: str,
    ctx: Ctx | None = None,
    edge: str | None = None,
    **targets: Any,
) -> Step:
    """Move ``object_id`` along the table edge ``trigger`` selects (or ``edge``).

    The edge's events fire when the returned :class:`Step` block ends. Handlers
    validate first, so a missing edge is a bug (it becomes a 500 and a rollback,
    never a silent wrong state).
    """
    rec = st.mut(object_id)
    if edge is not None:
        tr = lifecycle.by_id(rec, edge)
        reason = lifecycle.blocked_by(tr, ctx or Ctx(rec))
        if reason:
            raise AssertionError(f"{object_id}: edge {edge} blocked: {reason}")
    else:
        found = lifecycle.select(rec, trigger, ctx or Ctx(rec))
        if found is None:
            raise AssertionError(f"{object_id}: no {trigger} edge from {lifecycle.state_of(rec)}")
        tr = found
    rec.prev_state = lifecycle.state_of(rec)
    rec.last_edge = tr.id
    rec.trail = (*rec.trail, tr.id)
    st.taken.append((object_id, tr.id))
    if rec.kind == "source":
        rec.status = tr.target
    elif rec.kind == "token":
        rec.used = True
    elif rec.kind in lifecycle.STATUS_KINDS:
        rec.status = tr.target
    return Step(st, object_id, tr, targets)


def take(
    st: State,
    object_id: str,
    trigger: str,
    ctx: Ctx | None = None,
    edge: str | None = None,
    **targets: Any,
) -> Transition:
    """:func:`taking` with nothing else to change: the edge's events fire now."""
    with taking(st, object_id, trigger, ctx, edge, **targets) as step:
        return step.edge


def year_of(st: State) -> tuple[int, int]:
    moment = dt.datetime.fromtimestamp(st.now, dt.UTC)
    return moment.year, moment.month


def card_from_params(st: State, card: Params) -> CardRec:
    """A CardRec from ``card[...]`` params; the number is checked, then dropped (§10)."""
    number = card.req("number", 40)
    outcome = cards.classify(number)
    if isinstance(outcome, cards.Decline):
        raise errors.card_error(
            outcome.message,
            code=outcome.code,
            param=outcome.param,
            decline_code=outcome.decline_code,
        )
    exp_month = card.int("exp_month", True)
    exp_year = card.int("exp_year", True)
    assert exp_month is not None and exp_year is not None
    if exp_year < 100:
        exp_year += 2000
    if not 1 <= exp_month <= 12:
        raise errors.card_error(
            "Your card's expiration month is invalid.",
            code="invalid_expiry_month",
            param="exp_month",
        )
    year, month = year_of(st)
    if exp_year < year or exp_year > year + 50:
        raise errors.card_error(
            "Your card's expiration year is invalid.", code="invalid_expiry_year", param="exp_year"
        )
    if exp_year == year and exp_month < month:
        raise errors.card_error(
            "Your card's expiration month is invalid.",
            code="invalid_expiry_month",
            param="exp_month",
        )
    cvc = card.str("cvc", max_len=10)
    if cvc is not None and (not cvc.isdigit() or not 3 <= len(cvc) <= 4):
        raise errors.card_error(
            "Your card's security code is invalid.", code="invalid_cvc", param="cvc"
        )
    zip_code = card.str("address_zip", max_len=20)
    line1 = card.str("address_line1")
    rec = _card_rec(
        st,
        outcome,
        cards.normalize(number),
        exp_month,
        exp_year,
        cvc is not None,
        card.str("name"),
        zip_code,
        line1,
    )
    rec.address_line2 = card.str("address_line2")
    rec.address_city = card.str("address_city")
    rec.address_state = card.str("address_state")
    rec.address_country = card.str("address_country")
    return rec


def _card_rec(
    st: State,
    test: cards.TestCard,
    number: str,
    exp_month: int,
    exp_year: int,
    cvc: bool,
    name: str | None,
    zip_code: str | None,
    line1: str | None,
    card_id: str | None = None,
) -> CardRec:
    cvc_check, zip_check, line1_check = test.checks
    return CardRec(
        id=card_id or st.new_id("card_"),
        key=test.key,
        brand=test.brand,
        last4=test.last4,
        exp_month=exp_month,
        exp_year=exp_year,
        funding=test.funding,
        fingerprint=fingerprint(st.seed, number),
        country=test.country,
        cvc_provided=cvc,
        cvc_check=cvc_check if cvc else None,
        address_zip_check=zip_check if zip_code else None,
        address_line1_check=line1_check if line1 else None,
        name=name,
        address_zip=zip_code,
        address_line1=line1,
    )


def test_token_card(st: State, key: str, card_id: str | None = None) -> CardRec:
    """The card of a §6.4 test token (or ``pm_card_*`` alias, given the id of the
    PaymentMethod that holds it): a future expiry and a CVC that was 'sent'."""
    test = cards.BY_KEY[key]
    year, _ = year_of(st)
    return _card_rec(st, test, test.number, 12, year + 5, True, None, None, None, card_id)


def resolve_token(st: State, token_id: str, param: str = "source") -> TokenRec | None:
    """A token by id; a §6.4 test token makes a fresh token of its card each time."""
    key = cards.TEST_TOKENS.get(token_id)
    if key is not None:
        tok = TokenRec(st.new_id("tok_"), "card", st.now, card=test_token_card(st, key))
        st.add(tok)
        return tok
    rec = st.get(token_id)
    if isinstance(rec, TokenRec):
        return rec
    return None


def expiry_deadline(st: State, type_name: str, status: str) -> int | None:
    """When a source in ``status`` is canceled (§3.4), or None."""
    info = source_catalog.SOURCE_TYPES[type_name]
    seconds = info.pending_expiry if status == "pending" else info.chargeable_expiry
    if seconds is None or status not in ("pending", "chargeable"):
        return None
    due = st.now + seconds
    if status == "chargeable" and info.china_cutoff:
        hour, minute = catalog.CHINA_CUTOFF_UTC
        moment = dt.datetime.fromtimestamp(st.now, dt.UTC)
        cutoff = moment.replace(hour=hour, minute=minute, second=0, microsecond=0)
        if cutoff <= moment:
            cutoff += dt.timedelta(days=1)
        due = min(due, int(cutoff.timestamp()))
    return due


def set_expiry(st: State, object_id: str) -> None:
    rec = st.mut(object_id)
    rec.expires_at = expiry_deadline(st, rec.type, rec.status)
    if rec.expires_at is not None:
        st.schedule(rec.expires_at, object_id, "expires_at")
