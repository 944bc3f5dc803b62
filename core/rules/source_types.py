"""The type hash of a new source (§2.4, §4): the keys each source type carries, and how
the card, three_d_secure and payment-method sources fill theirs (card facts, IBAN
checks, iDEAL banks, SOFORT countries, the test values that make a source fail)."""

from __future__ import annotations

import re
from typing import Any

from core.facts import cards, errors, source_catalog
from core.rules import engine
from core.rules.validate import Params
from core.store.ids import fingerprint
from core.store.records import JSONDict, SourceRec, TokenRec
from core.store.state import State

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


def create_card_source(
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


def create_3ds_source(st: State, p: Params, rec: SourceRec, type_data: JSONDict) -> str:
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


def fill_type_hash(st: State, p: Params, rec: SourceRec, type_data: JSONDict) -> str:
    info = source_catalog.SOURCE_TYPES[rec.type]
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
        if iban in source_catalog.SEPA_FAILING_IBANS:
            rec.behavior = "fail"
        elif iban in source_catalog.SEPA_DISPUTE_IBANS:
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
