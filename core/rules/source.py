"""Sources: create, update, verify and the simulator helpers (§2, §3, §4, §5.1)."""

from __future__ import annotations

import copy
import re
from typing import Any

from core.facts import cards, catalog, errors
from core.lifecycle import tables as lifecycle
from core.lifecycle.tables import Ctx
from core.rules import engine, listing
from core.rules.validate import Params, merge_metadata
from core.store.ids import fingerprint
from core.store.records import JSONDict, SourceRec, TokenRec
from core.store.state import State
from core.wire.serialize import source_json

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
        *catalog.SOURCE_TYPE_NAMES,
    }
)
UPDATE_KEYS = frozenset({"amount", "mandate", "metadata", "owner", "source_order", "card"})
OWNER_KEYS = frozenset({"address", "email", "name", "phone"})
ADDRESS_KEYS = frozenset({"city", "country", "line1", "line2", "postal_code", "state"})
IDEAL_BANKS = (
    "abn_amro",
    "asn_bank",
    "bunq",
    "handelsbanken",
    "ing",
    "knab",
    "moneyou",
    "rabobank",
    "regiobank",
    "revolut",
    "sns_bank",
    "triodos_bank",
    "van_lanschot",
)
SOFORT_COUNTRIES = ("AT", "BE", "DE", "ES", "IT", "NL")
FAILURE_REASONS = ("user_abort", "declined", "processing_error")

#: §2.4 type hashes: the keys each one carries (values default to null).
TYPE_HASH_KEYS: dict[str, tuple[str, ...]] = {
    "card": (
        "address_line1_check",
        "address_zip_check",
        "brand",
        "country",
        "cvc_check",
        "dynamic_last4",
        "exp_month",
        "exp_year",
        "fingerprint",
        "funding",
        "last4",
        "name",
        "three_d_secure",
        "tokenization_method",
    ),
    "sepa_debit": (
        "bank_code",
        "branch_code",
        "country",
        "fingerprint",
        "last4",
        "mandate_reference",
        "mandate_url",
    ),
    "ideal": ("bank", "bic", "iban_last4", "statement_descriptor"),
    "sofort": (
        "bank_code",
        "bank_name",
        "bic",
        "country",
        "iban_last4",
        "preferred_language",
        "statement_descriptor",
    ),
    "bancontact": (
        "bank_code",
        "bank_name",
        "bic",
        "iban_last4",
        "preferred_language",
        "statement_descriptor",
    ),
    "giropay": ("bank_code", "bank_name", "bic", "statement_descriptor"),
    "eps": ("reference", "statement_descriptor"),
    "p24": ("reference",),
    "multibanco": (
        "entity",
        "reference",
        "refund_account_holder_address_city",
        "refund_account_holder_address_country",
        "refund_account_holder_address_line1",
        "refund_account_holder_address_line2",
        "refund_account_holder_address_postal_code",
        "refund_account_holder_address_state",
        "refund_account_holder_name",
        "refund_iban",
    ),
    "alipay": ("data_string", "native_url", "statement_descriptor"),
    "wechat": ("prepay_id", "qr_code_url", "statement_descriptor"),
    "klarna": (
        "background_image_url",
        "client_token",
        "first_name",
        "last_name",
        "locale",
        "logo_url",
        "page_title",
        "payment_method_categories",
        "purchase_country",
        "purchase_type",
        "redirect_url",
        "shipping_delay",
        "shipping_first_name",
        "shipping_last_name",
    ),
    "ach_credit_transfer": (
        "account_number",
        "bank_name",
        "fingerprint",
        "refund_account_holder_name",
        "refund_account_holder_type",
        "refund_routing_number",
        "routing_number",
        "swift_code",
    ),
    "ach_debit": ("bank_name", "country", "fingerprint", "last4", "routing_number", "type"),
    "acss_debit": (
        "bank_address_city",
        "bank_address_line_1",
        "bank_address_line_2",
        "bank_address_postal_code",
        "bank_name",
        "category",
        "country",
        "fingerprint",
        "last4",
        "routing_number",
    ),
    "au_becs_debit": ("bsb_number", "fingerprint", "last4"),
    "card_present": (
        "application_cryptogram",
        "application_preferred_name",
        "authorization_code",
        "authorization_response_code",
        "brand",
        "country",
        "cvm_type",
        "data_type",
        "dedicated_file_name",
        "emv_auth_data",
        "evidence_customer_signature",
        "evidence_transaction_certificate",
        "exp_month",
        "exp_year",
        "fingerprint",
        "funding",
        "last4",
        "pos_device_id",
        "pos_entry_mode",
        "read_method",
        "reader",
        "terminal_verification_results",
        "transaction_status_information",
    ),
}
TYPE_HASH_KEYS["three_d_secure"] = (*TYPE_HASH_KEYS["card"], "authenticated", "card", "customer")
#: Type-hash keys the spec does not allow to be null: left out until they have a value.
NOT_NULL: dict[str, frozenset[str]] = {
    "wechat": frozenset({"prepay_id", "statement_descriptor"}),
    "klarna": frozenset(TYPE_HASH_KEYS["klarna"]) - {"client_token"},
    "card_present": frozenset(
        {
            "application_cryptogram",
            "application_preferred_name",
            "authorization_response_code",
            "cvm_type",
            "dedicated_file_name",
            "emv_auth_data",
            "fingerprint",
            "pos_entry_mode",
            "terminal_verification_results",
            "transaction_status_information",
        }
    ),
    "card": frozenset({"fingerprint", "three_d_secure"}),
    "three_d_secure": frozenset({"fingerprint", "three_d_secure"}),
}
_IBAN = re.compile(r"^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$")


def iban_ok(iban: str) -> bool:
    if not _IBAN.match(iban):
        return False
    moved = iban[4:] + iban[:4]
    digits = "".join(str(int(ch, 36)) for ch in moved)
    return int(digits) % 97 == 1


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


def _card_hash(card: Any, tds: str) -> JSONDict:
    return {
        "address_line1_check": card.address_line1_check,
        "address_zip_check": card.address_zip_check,
        "brand": card.brand,
        "country": card.country,
        "cvc_check": card.cvc_check,
        "dynamic_last4": None,
        "exp_month": card.exp_month,
        "exp_year": card.exp_year,
        "fingerprint": card.fingerprint,
        "funding": card.funding,
        "last4": card.last4,
        "name": card.name,
        "three_d_secure": tds,
        "tokenization_method": None,
    }


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
    info = catalog.SOURCE_TYPES.get(type_name)
    if info is None:
        raise errors.invalid_enum("type", type_name, catalog.SOURCE_TYPE_NAMES)
    for other in catalog.SOURCE_TYPE_NAMES:
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
    flow = p.enum("flow", catalog.FLOWS) or info.flow
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
    type_data: JSONDict = dict.fromkeys(TYPE_HASH_KEYS[type_name])
    token: TokenRec | None = None
    if type_name == "card":
        status, token = _create_card_source(st, p, rec, type_data, token_id)
    elif type_name == "three_d_secure":
        status = _create_3ds_source(st, p, rec, type_data)
    else:
        status = _fill_type_hash(st, p, rec, type_data)
    not_null = NOT_NULL.get(type_name, frozenset())
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


def _create_card_source(
    st: State, p: Params, rec: SourceRec, type_data: JSONDict, token_id: str | None
) -> tuple[str, TokenRec | None]:
    card_p = p.hash("card", engine.CARD_KEYS)
    if token_id is not None:
        if card_p is not None:
            raise errors.invalid("You cannot provide both card and token.", param="token")
        token = engine.resolve_token(st, token_id, "token")
        if token is None:
            raise errors.no_such("token", token_id, param="token")
        if token.used:
            raise errors.token_already_used(token.id)
        if token.card is None:
            raise errors.invalid(f"Token {token.id} is not a card token.", param="token")
        card = token.card
    else:
        token = None
        if card_p is None:
            raise errors.missing_param("card")
        card = engine.card_from_params(st, card_p)
    test = cards.BY_KEY[card.key]
    type_data.update(_card_hash(card, test.three_d_secure))
    rec.card_key = card.key
    rec.cvc_provided = card.cvc_provided
    return "chargeable", token


def _create_3ds_source(st: State, p: Params, rec: SourceRec, type_data: JSONDict) -> str:
    tds = p.hash("three_d_secure", {"card", "customer"})
    assert tds is not None
    card_id = tds.req("card")
    card_src = st.get(card_id)
    if not isinstance(card_src, SourceRec) or card_src.type != "card":
        raise errors.no_such("source", card_id, param="three_d_secure[card]")
    if card_src.status != "chargeable":
        raise errors.source_not_chargeable()
    test = cards.BY_KEY[card_src.card_key]
    type_data.update(card_src.type_data)
    type_data.update(
        {
            "authenticated": False,
            "card": card_id,
            "customer": tds.str("customer"),
            "three_d_secure": test.three_d_secure,
        }
    )
    rec.card_key = card_src.card_key
    rec.cvc_provided = card_src.cvc_provided
    return {"not_required": "chargeable", "pending": "pending", "failed": "failed"}[test.tds_source]


def _fill_type_hash(st: State, p: Params, rec: SourceRec, type_data: JSONDict) -> str:
    info = catalog.SOURCE_TYPES[rec.type]
    given = p.raw_hash(rec.type) or {}
    for key, value in given.items():
        if not isinstance(value, str):
            raise errors.invalid_string(f"{rec.type}[{key}]")
    if rec.type == "sepa_debit":
        iban = given.get("iban", "").replace(" ", "").upper()
        if not iban_ok(iban):
            raise errors.invalid(
                "The IBAN you provided is invalid.",
                code="invalid_bank_account_iban",
                param="sepa_debit[iban]",
            )
        type_data.update(
            {
                "bank_code": iban[4:12],
                "branch_code": None,
                "country": iban[:2],
                "fingerprint": fingerprint(st.seed, iban),
                "last4": iban[-4:],
                "mandate_reference": f"SANDBOX{rec.id[4:14].upper()}",
                "mandate_url": f"https://hooks.stripe.com/adapter/sepa_debit/file/{rec.id}",
            }
        )
        if iban in catalog.SEPA_FAILING_IBANS:
            rec.behavior = "fail"
        elif iban in catalog.SEPA_DISPUTE_IBANS:
            rec.behavior = "dispute"
    elif rec.type == "ideal" and "bank" in given and given["bank"] not in IDEAL_BANKS:
        raise errors.invalid(
            f"Invalid iDEAL bank: {given['bank'][:40]}",
            code="invalid_ideal_bank",
            param="ideal[bank]",
        )
    elif rec.type == "sofort":
        country = given.get("country", "").upper()
        if country not in SOFORT_COUNTRIES:
            raise errors.invalid(
                f"Invalid SOFORT country: {country[:10]}",
                code="invalid_sofort_country",
                param="sofort[country]",
            )
        type_data["country"] = country
        if (rec.owner or {}).get("name") == "failing_charge":
            rec.behavior = "fail"  # UNVERIFIED test name (§4)
    elif rec.type == "wechat":
        type_data["qr_code_url"] = f"https://stripe.com/sources/test_source/wechat?id={rec.id}"
        type_data["prepay_id"] = f"test_{rec.id[4:16]}"
    elif rec.type == "ach_credit_transfer":
        type_data.update(
            {
                "account_number": f"test_{rec.id[4:16]}",
                "bank_name": "TEST BANK",
                "fingerprint": fingerprint(st.seed, rec.id),
                "routing_number": "110000000",
                "swift_code": "TSTEZ122",
            }
        )
    elif rec.type == "multibanco":
        digits = int.from_bytes(rec.id.encode()[-6:], "big") % 10**9
        type_data.update({"entity": "12345", "reference": f"{digits:09d}"})
    for key, value in given.items():
        if key in type_data and type_data[key] is None:
            type_data[key] = value
    return info.initial_status


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


# --- simulator helpers --------------------------------------------------------


def _helper_check(rec: SourceRec, action: str) -> None:
    if rec.status in lifecycle.SOURCE_TERMINAL:
        raise errors.helper_terminal(rec.id, rec.status)
    if rec.status != "pending":
        raise errors.helper_not_applicable(
            f"Source {rec.id} is already {rec.status}: {action} only applies to a pending source."
        )


def authorize(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    source_id = args[0]
    rec = engine.lookup(st, SourceRec, source_id)
    p = Params(data, {"amount"} if rec.flow == "receiver" else set())
    push = p.amount("amount")
    _helper_check(rec, "authorize")
    if rec.flow == "receiver":
        recv = rec.receiver or {}
        missing = (rec.amount or 0) - recv.get("amount_received", 0)
        push = push if push is not None else (missing if missing > 0 else None)
        if push is None:
            raise errors.missing_param("amount")
        return _push(st, rec, push, complete=True)
    if rec.flow == "none" and rec.type != "wechat":
        raise errors.helper_not_applicable(f"Sources of type {rec.type} need no authorization.")
    with engine.taking(st, source_id, "authorize") as step:
        target = step.edge.target
        rec = st.mut(source_id)
        if rec.redirect is not None:
            if target == "failed":
                rec.redirect = {
                    **rec.redirect,
                    "status": "failed",
                    "failure_reason": "processing_error",
                }
            else:
                rec.redirect = {**rec.redirect, "status": "succeeded"}
        if rec.code_verification is not None:
            rec.code_verification = {**rec.code_verification, "status": "succeeded"}
        if rec.type == "three_d_secure" and target == "chargeable":
            rec.type_data = {**rec.type_data, "authenticated": True}
        engine.set_expiry(st, source_id)
    return source_json(rec)


def _push(st: State, rec: SourceRec, amount: int, complete: bool) -> JSONDict:
    recv = dict(rec.receiver or {})
    received = recv.get("amount_received", 0) + amount
    full = received >= (rec.amount or 0) if rec.amount else received > 0
    ctx = Ctx(rec, extra={"funds_full": full})
    trigger = "receive_funds"
    with engine.taking(st, rec.id, trigger, ctx) as step:
        rec = st.mut(rec.id)
        recv["amount_received"] = received
        rec.receiver = recv
        if step.edge.target != step.edge.source:
            engine.set_expiry(st, rec.id)
        txn = {
            "id": st.new_id("srctxn_"),
            "object": "source_transaction",
            "amount": amount,
            "created": st.now,
            "currency": rec.currency or "usd",
            "livemode": False,
            "source": rec.id,
            "status": "succeeded",
            "type": rec.type,
        }
        step.about(source_transaction_created=txn)
    return source_json(rec)


def receive_funds(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    rec = engine.lookup(st, SourceRec, args[0])
    p = Params(data, {"amount"})
    amount = p.amount("amount", True)
    assert amount is not None
    if rec.status in lifecycle.SOURCE_TERMINAL:
        raise errors.helper_terminal(rec.id, rec.status)
    if rec.flow != "receiver":
        raise errors.helper_not_applicable(
            f"Only receiver sources take funds; {rec.id} has flow {rec.flow}."
        )
    return _push(st, rec, amount, complete=False)


def fail(st: State, args: tuple[str, ...], data: dict[str, Any]) -> JSONDict:
    source_id = args[0]
    rec = engine.lookup(st, SourceRec, source_id)
    p = Params(data, {"failure_reason"})
    reason = p.enum("failure_reason", FAILURE_REASONS) or "user_abort"
    _helper_check(rec, "fail")
    with engine.taking(st, source_id, "fail"):
        rec = st.mut(source_id)
        if rec.redirect is not None:
            rec.redirect = {**rec.redirect, "status": "failed", "failure_reason": reason}
        if rec.code_verification is not None:
            rec.code_verification = {"attempts_remaining": 0, "status": "failed"}
        rec.expires_at = None
    return source_json(rec)


def expire(st: State, source_id: str) -> None:
    """T3/T4 (§3.4): called by the clock when the timer falls due."""
    with engine.taking(st, source_id, "expire"):
        rec = st.mut(source_id)
        rec.expires_at = None
        if rec.receiver is not None:
            recv = dict(rec.receiver)
            recv["amount_returned"] = recv["amount_received"] - recv["amount_charged"]
            rec.receiver = recv
