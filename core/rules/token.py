"""Tokens: creation (§6.2) and retrieval. Their use lives with charges/customers."""

from __future__ import annotations

from typing import Any

from core.facts import errors
from core.rules import engine
from core.rules.validate import Params
from core.store.ids import fingerprint
from core.store.records import BankRec, JSONDict, TokenRec
from core.store.state import State
from core.wire.sources import token_json

TOKEN_TYPES = ("card", "bank_account", "pii", "account", "person", "cvc_update")
PREFIX = {
    "card": "tok_",
    "bank_account": "btok_",
    "pii": "pii_",
    "account": "ct_",
    "person": "cpt_",
    "cvc_update": "cvctok_",
}
BANK_KEYS = frozenset(
    {
        "country",
        "currency",
        "account_number",
        "routing_number",
        "account_holder_name",
        "account_holder_type",
        "account_type",
    }
)


def create(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    p = Params(data, {*TOKEN_TYPES, "customer"})
    if p.has("customer"):
        raise errors.invalid(
            "Cloning a customer's card into a token (customer) is a Connect "
            "feature this sandbox does not model.",
            param="customer",
        )
    given = [t for t in TOKEN_TYPES if p.has(t)]
    if not given:
        raise errors.invalid(
            "You must supply one of card, bank_account, pii, account, person or cvc_update.",
            code="parameter_missing",
        )
    if len(given) > 1:
        raise errors.invalid(
            f"You cannot create a token with both {given[0]} and {given[1]}.", param=given[1]
        )
    kind = given[0]
    tok = TokenRec(st.new_id(PREFIX[kind]), kind, st.now)
    if kind == "card":
        card_p = p.hash("card", engine.CARD_KEYS)
        assert card_p is not None
        tok.card = engine.card_from_params(st, card_p)
    elif kind == "bank_account":
        tok.bank_account = _bank(st, p)
    elif kind == "pii":
        pii = p.hash("pii", {"id_number"})
        assert pii is not None
        pii.req("id_number", 40)
    elif kind == "cvc_update":
        cvc_p = p.hash("cvc_update", {"cvc"})
        assert cvc_p is not None
        cvc = cvc_p.req("cvc", 10)
        if not cvc.isdigit() or not 3 <= len(cvc) <= 4:
            raise errors.card_error(
                "Your card's security code is invalid.", code="invalid_cvc", param="cvc"
            )
    else:
        p.raw_hash(kind)
    st.add(tok)
    return token_json(tok)


def _bank(st: State, p: Params) -> BankRec:
    bank = p.hash("bank_account", BANK_KEYS)
    assert bank is not None
    country = bank.req("country", 2).upper()
    currency = bank.currency("currency", True)
    assert currency is not None
    number = bank.req("account_number", 34)
    if not number.isalnum() or len(number) < 4:
        raise errors.invalid(
            "Invalid account number.",
            code="account_number_invalid",
            param="bank_account[account_number]",
        )
    routing = bank.str("routing_number", max_len=20)
    if country == "US" and (routing is None or len(routing) != 9 or not routing.isdigit()):
        raise errors.invalid(
            "Routing number must have 9 digits",
            param="bank_account[routing_number]",
            code="routing_number_invalid",
        )
    holder_type = bank.enum("account_holder_type", ("individual", "company"))
    rec = BankRec(
        id=st.new_id("ba_"),
        country=country,
        currency=currency,
        last4=number[-4:],
        routing_number=routing,
        bank_name="STRIPE TEST BANK" if routing == "110000000" else None,
        account_holder_name=bank.str("account_holder_name"),
        account_holder_type=holder_type,
        fingerprint=fingerprint(st.seed, number),
    )
    return rec


def retrieve(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    Params(data, set())
    return token_json(engine.lookup(st, TokenRec, args[0]))
