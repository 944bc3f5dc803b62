"""PaymentMethods (stripe-intents-domain.md §4, §6, §9): create, retrieve, update, list,
attach, detach, and the single-use rule every PaymentIntent and SetupIntent applies.

A PaymentMethod's lifecycle (``core.lifecycle.tables.PAYMENT_METHOD_TABLE``) is
``unattached`` → ``attached`` → ``detached``, or ``unattached`` → ``consumed`` once used
without a customer (§4.4): consumed and detached ones can never pay or be attached again.
"""

from __future__ import annotations

import copy
from typing import Any

from core.facts import cards, errors, intent_errors, intents
from core.lifecycle import intent_requires
from core.lifecycle.tables import Ctx
from core.rules import engine
from core.rules.source_types import iban_ok
from core.rules.validate import Params, merge_metadata
from core.store.ids import fingerprint
from core.store.records import (
    CardRec,
    CustomerRec,
    JSONDict,
    PaymentMethodRec,
    SourceRec,
    TokenRec,
)
from core.store.state import State
from core.wire.intents import payment_method_json

Args = tuple[str, ...]
TYPE_HASHES = frozenset(intents.PM_TYPES)
ADDRESS_KEYS = frozenset({"city", "country", "line1", "line2", "postal_code", "state"})
BILLING_KEYS = frozenset({"address", "email", "name", "phone"})
CARD_KEYS = frozenset({"number", "exp_month", "exp_year", "cvc", "token"})


def _customer(st: State, customer_id: str, param: str = "customer") -> CustomerRec:
    rec = st.get(customer_id)
    if not isinstance(rec, CustomerRec) or rec.deleted:
        raise errors.no_such("customer", customer_id, param=param)
    return rec


def billing_details(p: Params) -> JSONDict:
    given = p.hash("billing_details", BILLING_KEYS)
    if given is None:
        return {}
    out: JSONDict = {k: given.str(k) for k in ("email", "name", "phone") if given.has(k)}
    address = given.hash("address", ADDRESS_KEYS)
    if address is not None:
        out["address"] = {k: address.str(k) for k in ADDRESS_KEYS if address.has(k)}
    return out


def _card_from_token(st: State, token_id: str) -> CardRec:
    """§4.3: ``card[token]=tok_…`` converts a legacy token (the token becomes used)."""
    token = engine.resolve_token(st, token_id, param="card[token]")
    if token is None:
        raise errors.no_such_token(token_id, param="card[token]")
    if token.used:
        raise errors.token_already_used(token.id)
    if token.card is None:
        raise errors.invalid(f"A {token.type} token cannot become a card PaymentMethod.")
    tok = st.mut(token.id)
    tok.used = True  # intents.UNVERIFIED["token_conversion"]
    return copy.copy(token.card)


def build(st: State, p: Params, type_name: str) -> PaymentMethodRec:
    """A new PaymentMethod from ``type`` + its type hash (create or ``payment_method_data``)."""
    for other in TYPE_HASHES - {type_name}:
        if p.has(other):
            raise errors.invalid(
                f"You passed {other} but type is {type_name}: send only the {type_name} hash.",
                param=other,
            )
    rec = PaymentMethodRec(st.new_id("pm_"), type_name, st.now)
    rec.billing_details = billing_details(p)
    rec.metadata = p.metadata() or {}
    if type_name == "card":
        card = p.hash("card", CARD_KEYS)
        if card is None:
            raise errors.missing_param("card")
        token_id = card.str("token")
        rec.card = (
            _card_from_token(st, token_id)
            if token_id
            else engine.card_from_params(st, Params(card.data, CARD_KEYS - {"token"}, "card"))
        )
    elif type_name == "sepa_debit":
        sepa = p.hash("sepa_debit", {"iban"})
        iban = (sepa.req("iban") if sepa else "").replace(" ", "").upper()
        if sepa is None:
            raise errors.missing_param("sepa_debit[iban]")
        if not iban_ok(iban):
            raise errors.invalid(
                "The IBAN you provided is invalid.",
                code="invalid_bank_account_iban",
                param="sepa_debit[iban]",
            )
        rec.type_data = {
            "bank_code": iban[4:9] if iban.startswith("AT") else iban[4:12],
            "branch_code": "",
            "country": iban[:2],
            "fingerprint": fingerprint(st.seed, iban),
            "last4": iban[-4:],
        }
        rec.behavior = "fail" if iban in intents.SEPA_FAILING_IBANS else "succeed"
    elif type_name == "ideal":
        ideal = p.hash("ideal", {"bank"})
        chosen = ideal.enum("bank", intents.IDEAL_BANKS) if ideal else None
        rec.type_data = {"bank": chosen, "bic": None}
    elif type_name == "us_bank_account":
        bank: Params | None = p.hash(
            "us_bank_account",
            {"routing_number", "account_number", "account_holder_type", "account_type"},
        )
        if bank is None:
            raise errors.missing_param("us_bank_account[account_number]")
        number = bank.req("account_number", 17)
        routing = bank.req("routing_number", 9)
        if not (routing.isdigit() and len(routing) == 9):
            raise errors.invalid(
                "Routing number must have 9 digits.", param="us_bank_account[routing_number]"
            )
        rec.type_data = {
            "account_holder_type": bank.enum("account_holder_type", ("individual", "company")),
            "account_type": bank.enum("account_type", ("checking", "savings")) or "checking",
            "bank_name": "STRIPE TEST BANK",
            "fingerprint": fingerprint(st.seed, routing + number),
            "last4": number[-4:],
            "routing_number": routing,
        }
        rec.behavior = intents.US_BANK_ACCOUNTS.get(number, "succeed")
    return rec


def create(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    p = Params(data, {"type", "billing_details", "metadata", *TYPE_HASHES})
    type_name = p.enum("type", intents.PM_TYPES, required=True)
    assert type_name is not None
    rec = build(st, p, type_name)
    st.add(rec)
    return payment_method_json(rec)


def from_alias(st: State, value: str) -> PaymentMethodRec | None:
    """§8.2: ``pm_card_visa`` (and the bank aliases) mint a new PaymentMethod at each use."""
    key = intents.CARD_ALIASES.get(value)
    if key is not None:
        pm_id = st.new_id("pm_")
        card = engine.test_token_card(st, key, card_id=pm_id)  # held inside the pm_
        rec = PaymentMethodRec(pm_id, "card", st.now, card=card)
        st.add(rec)
        return rec
    number = intents.US_BANK_ALIASES.get(value)
    if number is not None:
        data = {
            "type": "us_bank_account",
            "us_bank_account": {
                "routing_number": intents.US_BANK_ROUTING,
                "account_number": number,
                "account_holder_type": "individual",
            },
        }
        rec = build(st, Params(data, {"type", "us_bank_account"}), "us_bank_account")
        st.add(rec)
        return rec
    return None


def resolve(st: State, value: str, param: str = "payment_method") -> Any:
    """What a ``payment_method`` value names: a PaymentMethod, or a legacy saved Card /
    card Source (§6.1); an alias makes a new PaymentMethod; a token is refused."""
    made = from_alias(st, value)
    if made is not None:
        return made
    rec = st.get(value)
    if isinstance(rec, PaymentMethodRec):
        return rec
    if isinstance(rec, CardRec) and rec.customer is not None:
        return rec
    if isinstance(rec, CardRec | SourceRec):
        if isinstance(rec, SourceRec) and rec.type not in ("card", "three_d_secure"):
            raise errors.invalid(
                f"A {rec.type} source cannot be used as a payment_method: reusable "
                f"non-card Sources do not carry over (§6.2). {errors.SANDBOX_WORDING}",
                param=param,
            )
        return rec
    if isinstance(rec, TokenRec) or value.startswith(("tok_", "btok_")):
        raise intent_errors.token_as_payment_method(value)
    raise intent_errors.no_such_payment_method(value, param)


def check_usable(st: State, rec: Any, customer: str | None) -> None:
    """Refuse a payment method a PaymentIntent/SetupIntent of ``customer`` may not use."""
    if isinstance(rec, PaymentMethodRec):
        if rec.status in ("consumed", "detached"):
            raise intent_errors.pm_reuse()  # §9 E12
        if rec.customer is not None and rec.customer != customer:
            raise intent_errors.pm_not_customers(rec.id)  # §9 E14
        return
    owner = getattr(rec, "customer", None)
    if owner is None:
        raise intent_errors.source_must_be_attached()  # §9 E20
    if customer is None:
        raise errors.attached_source_needs_customer(rec.id, owner)
    if owner != customer:
        raise intent_errors.pm_not_customers(rec.id)
    if isinstance(rec, SourceRec) and rec.status != "chargeable":
        raise errors.source_not_chargeable()


def use(st: State, rec: Any, customer: str | None) -> None:
    """One payment attempt used ``rec`` (§4.4): unattached → consumed (M3), attached → M4."""
    if isinstance(rec, PaymentMethodRec):
        engine.take(st, rec.id, "use", Ctx(rec, customer=customer))
    elif isinstance(rec, SourceRec):
        engine.take(st, rec.id, "charge", Ctx(rec, customer=customer))  # T6 (§3.3 legacy)
        src = st.mut(rec.id)
        src.charges += 1


def attach_to(st: State, pm_id: str, customer_id: str) -> PaymentMethodRec:
    """M1: attach and fire ``payment_method.attached``."""
    with engine.taking(st, pm_id, "attach"):
        rec: PaymentMethodRec = st.mut(pm_id)
        rec.customer = customer_id
    return rec


def _get(st: State, pm_id: str) -> PaymentMethodRec:
    rec = st.get(pm_id)
    if not isinstance(rec, PaymentMethodRec):
        if isinstance(rec, TokenRec):
            raise intent_errors.token_as_payment_method(pm_id, attach=True)
        raise intent_errors.no_such_payment_method(pm_id)
    return rec


def legacy_view(st: State, rec: CardRec | SourceRec) -> JSONDict:
    """§6.2: a saved Card (or card Source) seen through the PaymentMethods API: the same
    id, ``object: payment_method``, its address under ``billing_details``."""
    if isinstance(rec, SourceRec):
        test = cards.BY_KEY.get(rec.card_key) or cards.BY_KEY["visa"]
        data = rec.type_data
        card = CardRec(
            rec.id,
            test.key,
            test.brand,
            test.last4,
            int(data.get("exp_month") or 12),
            int(data.get("exp_year") or 2030),
            test.funding,
            str(data.get("fingerprint") or ""),
            test.country,
            rec.cvc_provided,
            data.get("cvc_check"),
            data.get("address_zip_check"),
            data.get("address_line1_check"),
        )
        owner = rec.owner or {}
        billing: JSONDict = {k: owner.get(k) for k in ("email", "name", "phone")}
        created = rec.created
    else:
        card = rec
        billing = {"name": rec.name}
        if rec.address_zip or rec.address_line1:
            billing["address"] = {"postal_code": rec.address_zip, "line1": rec.address_line1}
        created = st.now  # a saved card keeps no creation time here
    view = PaymentMethodRec(
        rec.id,
        "card",
        created,
        customer=rec.customer,
        billing_details=billing,
        metadata=dict(rec.metadata),
        card=card,
    )
    return payment_method_json(view)


def retrieve(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    Params(data, set())
    rec = st.get(args[0])
    if isinstance(rec, CardRec | SourceRec) and (
        not isinstance(rec, SourceRec) or rec.type in ("card", "three_d_secure")
    ):
        return legacy_view(st, rec)
    return payment_method_json(_get(st, args[0]))


def retrieve_alias(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    """GET on a test alias also mints a new PaymentMethod (§8.2)."""
    Params(data, set())
    made = from_alias(st, args[0])
    assert made is not None
    return payment_method_json(made)


def update(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    rec = _get(st, args[0])
    p = Params(data, {"billing_details", "metadata", "card", "us_bank_account"})
    if rec.customer is None:
        raise intent_errors.pm_update_unattached()  # §9 E17
    bd = billing_details(p)
    metadata = p.metadata()
    card = p.hash("card", {"exp_month", "exp_year"})
    bank = p.hash("us_bank_account", {"account_holder_type"})
    if card is not None and rec.card is None:
        raise errors.invalid("Only a card PaymentMethod has card details.", param="card")
    step = engine.taking(st, rec.id, "update")  # M5: payment_method.updated when done
    rec = st.mut(rec.id)
    if bd:
        rec.billing_details = {**rec.billing_details, **bd}
    rec.metadata = merge_metadata(rec.metadata, metadata, data.get("metadata"))
    if card is not None and rec.card is not None:
        new_card = copy.copy(rec.card)
        month, year = card.int("exp_month"), card.int("exp_year")
        if month is not None:
            if not 1 <= month <= 12:
                raise errors.card_error(
                    "Your card's expiration month is invalid.",
                    code="invalid_expiry_month",
                    param="card[exp_month]",
                )
            new_card.exp_month = month
        if year is not None:
            new_card.exp_year = year + 2000 if year < 100 else year
        rec.card = new_card
    if bank is not None and rec.type == "us_bank_account":
        holder = bank.enum("account_holder_type", ("individual", "company"))
        rec.type_data = {**rec.type_data, "account_holder_type": holder}
    with step:
        return payment_method_json(rec)


def _attach_decline(rec: PaymentMethodRec) -> None:
    """§4.4: attaching validates a card; decline test cards cannot be attached."""
    if rec.card is None:
        return
    test = cards.BY_KEY[rec.card.key]
    decline = test.charge_decline
    if test.attach_ok or decline is None:
        return
    if decline is cards.INCORRECT_CVC and not rec.card.cvc_provided:
        return
    raise errors.card_error(
        decline.message, code=decline.code, param=decline.param, decline_code=decline.decline_code
    )


def _refuse_while_in_use(st: State, rec: PaymentMethodRec) -> None:
    """No attach or detach while an intent's attempt with ``rec`` is open (the guard
    ``pm_no_open_attempt`` says why)."""
    intent = intent_requires.open_attempt(st, rec.id)
    if intent is not None:
        raise intent_errors.pm_in_open_attempt(rec.id, intent.id, intent.status)


def attach(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    p = Params(data, {"customer"})
    customer_id = p.req("customer")
    value = args[0]
    if value.startswith(("tok_", "btok_")):
        raise intent_errors.token_as_payment_method(value, attach=True)  # §6.1
    rec = from_alias(st, value) or _get(st, value)
    _customer(st, customer_id)
    if rec.status in ("consumed", "detached"):
        raise intent_errors.pm_attach_used()  # §9 E13
    if rec.customer is not None:  # one customer at a time (intents.UNVERIFIED)
        raise intent_errors.pm_other_customer(rec.id, rec.customer)
    _refuse_while_in_use(st, rec)
    _attach_decline(rec)
    return payment_method_json(attach_to(st, rec.id, customer_id))


def detach(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    Params(data, set())  # §9 E16: detach takes no customer
    rec = _get(st, args[0])
    if rec.customer is None:
        raise intent_errors.pm_detach_unattached()  # §9 E15
    _refuse_while_in_use(st, rec)
    customer_id = rec.customer
    with engine.taking(st, rec.id, "detach"):  # M2: never usable again (§4.4)
        rec = st.mut(rec.id)
        rec.customer = None
    cus = st.get(customer_id)
    if isinstance(cus, CustomerRec) and cus.default_payment_method == rec.id:
        cus = st.mut(customer_id)
        cus.default_payment_method = None
        st.fire("customer.updated", cus, {"invoice_settings": {"default_payment_method": rec.id}})
    return payment_method_json(rec)


def _page(st: State, ids: list[str], p: Params, url: str) -> JSONDict:
    limit = p.int("limit")
    limit = 10 if limit is None else limit
    if not 1 <= limit <= 100:
        raise errors.invalid("Invalid limit: must be between 1 and 100", param="limit")
    after = p.str("starting_after")
    if after is not None:
        if after not in ids:
            raise intent_errors.no_such_payment_method(after, "starting_after")
        ids = ids[ids.index(after) + 1 :]
    before = p.str("ending_before")
    if before is not None:
        if before not in ids:
            raise intent_errors.no_such_payment_method(before, "ending_before")
        ids = ids[: ids.index(before)][-limit:]
    page = ids[:limit]
    out = []
    for object_id in page:
        rec = st.objects[object_id]
        out.append(
            payment_method_json(rec) if isinstance(rec, PaymentMethodRec) else legacy_view(st, rec)
        )
    return {"object": "list", "data": out, "has_more": len(ids) > limit, "url": url}


def _listed(st: State, customer: str | None, type_name: str | None) -> list[str]:
    ids = [
        i
        for i in reversed(st.order.get("payment_method", []))
        if (customer is None or st.objects[i].customer == customer)
        and (type_name is None or st.objects[i].type == type_name)
    ]
    if customer is not None and type_name in (None, "card"):
        cus = st.objects[customer]
        for source_id in reversed(cus.sources):  # §6.2: saved Cards and card Sources too
            legacy = st.objects.get(source_id)
            if isinstance(legacy, CardRec) or (
                isinstance(legacy, SourceRec) and legacy.type in ("card", "three_d_secure")
            ):
                ids.append(source_id)
    return ids


LIST_KEYS = {"limit", "starting_after", "ending_before", "type"}


def list_all(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    p = Params(data, {*LIST_KEYS, "customer"})
    customer = p.str("customer")
    if customer is not None:
        _customer(st, customer)
    type_name = p.enum("type", intents.PM_TYPES)
    return _page(st, _listed(st, customer, type_name), p, "/v1/payment_methods")


def list_for_customer(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    p = Params(data, LIST_KEYS)
    _customer(st, args[0])
    type_name = p.enum("type", intents.PM_TYPES)
    url = f"/v1/customers/{args[0]}/payment_methods"
    return _page(st, _listed(st, args[0], type_name), p, url)


def retrieve_for_customer(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    Params(data, set())
    _customer(st, args[0])
    if args[1] not in _listed(st, args[0], None):
        raise intent_errors.pm_not_customers(args[1])
    rec = st.objects[args[1]]
    return payment_method_json(rec) if isinstance(rec, PaymentMethodRec) else legacy_view(st, rec)


def set_default(st: State, customer_id: str, pm_id: str | None) -> JSONDict | None:
    """``invoice_settings[default_payment_method]`` (§4.6): previous attributes, or None."""
    cus = _customer(st, customer_id)
    if pm_id:
        rec = st.get(pm_id)
        if not isinstance(rec, PaymentMethodRec) or rec.customer != customer_id:
            raise errors.invalid(
                f"The customer does not have a payment method with the ID {pm_id[:80]}. The "
                "payment method must be attached to the customer.",
                param="invoice_settings[default_payment_method]",
            )
    new = pm_id or None
    if cus.default_payment_method == new:
        return None
    previous = {"invoice_settings": {"default_payment_method": cus.default_payment_method}}
    st.mut(customer_id).default_payment_method = new
    return previous
