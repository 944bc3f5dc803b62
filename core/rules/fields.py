"""Structured parameters customers and charges accept, validated and shaped as echoed.

Customer: ``address``, ``shipping``, ``phone``, ``preferred_locales``,
``invoice_settings`` (its ``default_payment_method`` is the intents rules'),
``balance``, ``tax_exempt``. Charge: ``shipping``,
``on_behalf_of``, ``transfer_data``, ``application_fee_amount`` (the statement
descriptors, ``receipt_email`` and ``transfer_group`` are plain strings). Field lists
and nesting follow the spec subset's request bodies (POST /v1/customers,
POST /v1/charges). An empty string (``shipping=``) clears a hash on update, as Stripe
does.

Connected accounts are not modelled: ``on_behalf_of`` and
``transfer_data[destination]`` must look like ``acct_`` ids and are echoed as
given; whether such an account exists is not checked (a sandbox choice, said in the
refusal of a non-``acct_`` value).
"""

from __future__ import annotations

from typing import Any

from core.facts import catalog, errors
from core.rules.validate import Params

JSONDict = dict[str, Any]

ADDRESS_KEYS = ("city", "country", "line1", "line2", "postal_code", "state")
TAX_EXEMPT = ("none", "exempt", "reverse")
INVOICE_KEYS = frozenset({"custom_fields", "default_payment_method", "footer", "rendering_options"})
#: An absent value, distinct from "clear it" (None).
UNSET: Any = object()


def _hash(p: Params, key: str, allowed: set[str]) -> Params | None | Any:
    """The sub-hash ``key``: UNSET when absent, None for ``key=`` (clear it)."""
    raw = p.data.get(key)
    if raw is None:
        return UNSET
    if raw == "":
        return None
    return p.hash(key, allowed)


def address(p: Params, key: str = "address") -> JSONDict | None | Any:
    sub = _hash(p, key, set(ADDRESS_KEYS))
    if sub is UNSET or sub is None:
        return sub
    return {k: sub.str(k) or None for k in ADDRESS_KEYS}


def shipping(p: Params, key: str = "shipping", *, charge: bool = False) -> JSONDict | None | Any:
    """Customer shipping is ``{address, name, phone}``; a charge's adds carrier/tracking."""
    extra = {"carrier", "tracking_number"} if charge else set()
    sub = _hash(p, key, {"address", "name", "phone", *extra})
    if sub is UNSET or sub is None:
        return sub
    if sub.data.get("address") in (None, ""):
        raise errors.missing_param(f"{key}[address]")
    where = address(sub, "address")
    out: JSONDict = {"address": where}
    if charge:
        out["carrier"] = sub.str("carrier")
    out["name"] = sub.req("name")
    out["phone"] = sub.str("phone")
    if charge:
        out["tracking_number"] = sub.str("tracking_number")
    return out


def preferred_locales(p: Params) -> list[str] | None | Any:
    raw = p.data.get("preferred_locales")
    if raw is None:
        return UNSET
    if raw == "":
        return []
    locales = p.list("preferred_locales") or []
    for index, locale in enumerate(locales):
        if not locale or len(locale) > 20 or not locale.replace("-", "").isalnum():
            raise errors.invalid(
                f"Invalid preferred_locales[{index}]: {locale[:40]!r} is not a locale.",
                param=f"preferred_locales[{index}]",
            )
    return locales


def invoice_settings(p: Params, current: JSONDict | None = None) -> JSONDict | None | Any:
    """The customer's invoice settings after this request; keys not sent keep their value."""
    sub = _hash(p, "invoice_settings", set(INVOICE_KEYS))
    if sub is UNSET:
        return UNSET
    out: JSONDict = dict(current or default_invoice_settings())
    if sub is None:
        return default_invoice_settings()
    out.pop("default_payment_method", None)
    if sub.has("custom_fields"):
        out["custom_fields"] = _custom_fields(sub.data.get("custom_fields"))
    # default_payment_method is the customer's own field (core.rules.customer, intents §4.6)
    if sub.has("footer"):
        out["footer"] = sub.str("footer") or None
    options = _hash(sub, "rendering_options", {"amount_tax_display"})
    if options is None:
        out["rendering_options"] = None
    elif options is not UNSET:
        display = options.enum("amount_tax_display", ("exclude_tax", "include_inclusive_tax"))
        out["rendering_options"] = {"amount_tax_display": display}
    return out


def _custom_fields(fields: Any) -> list[JSONDict] | None:
    if fields in (None, ""):
        return None
    if not isinstance(fields, list) or len(fields) > 4:
        raise errors.invalid(
            "Invalid invoice_settings[custom_fields]: an array of at most 4 hashes.",
            param="invoice_settings[custom_fields]",
        )
    shown = []
    for index, item in enumerate(fields):
        prefix = f"invoice_settings[custom_fields][{index}]"
        if not isinstance(item, dict):
            raise errors.invalid_hash(prefix)
        entry = Params(item, {"name", "value"}, prefix)
        shown.append({"name": entry.req("name", 40), "value": entry.req("value", 140)})
    return shown


def default_invoice_settings() -> JSONDict:
    """Invoice settings but the default PaymentMethod (a field of its own on the record)."""
    return {"custom_fields": None, "footer": None, "rendering_options": None}


def tax_exempt(p: Params) -> str | Any:
    if not p.has("tax_exempt"):
        return UNSET
    value = p.enum("tax_exempt", TAX_EXEMPT)
    return value or "none"


def balance(p: Params) -> int | Any:
    if not p.has("balance"):
        return UNSET
    value = p.int("balance")
    return 0 if value is None else value


def _account(p: Params, key: str, required: bool = False) -> str | None:
    value = p.str(key, required)
    if value is not None and not value.startswith("acct_"):
        raise errors.invalid(
            f"Invalid {p.name(key)}: {value[:80]!r} is not a connected account id (acct_...). "
            "Connected accounts are not modelled, so any acct_ id is accepted. "
            f"{errors.SANDBOX_WORDING}",
            param=p.name(key),
        )
    return value


def on_behalf_of(p: Params) -> str | None:
    return _account(p, "on_behalf_of")


def transfer_data(p: Params, amount: int) -> JSONDict | None:
    sub = p.hash("transfer_data", {"destination", "amount"})
    if sub is None:
        return None
    destination = _account(sub, "destination", required=True)
    share = sub.int("amount")
    if share is not None and not 0 <= share <= amount:
        raise errors.invalid(
            "The amount to transfer must be less than or equal to the charge amount.",
            param="transfer_data[amount]",
        )
    return {"amount": share, "destination": destination}


def application_fee_amount(p: Params, connected: bool, amount: int) -> int | None:
    fee = p.int("application_fee_amount")
    if fee is None:
        return None
    if not connected:
        raise errors.invalid(
            "Can only apply an application_fee_amount when the request is made on behalf of "
            "another account (using an OAuth key, the Stripe-Account header, or the "
            "destination parameter).",
            param="application_fee_amount",
        )
    if not 0 <= fee <= min(amount, catalog.MAX_AMOUNT):
        raise errors.invalid(
            "Invalid application_fee_amount: it must be between 0 and the charge amount.",
            param="application_fee_amount",
        )
    return fee


CUSTOMER_KEYS = frozenset(
    {"address", "balance", "invoice_settings", "preferred_locales", "shipping", "tax_exempt"}
)


def customer_fields(p: Params, current: Any = None) -> dict[str, Any]:
    """The structured customer attributes this request sets (record attribute → value)."""
    given = {
        "address": address(p),
        "balance": balance(p),
        "invoice_settings": invoice_settings(p, getattr(current, "invoice_settings", None)),
        "preferred_locales": preferred_locales(p),
        "shipping": shipping(p),
        "tax_exempt": tax_exempt(p),
    }
    return {k: v for k, v in given.items() if v is not UNSET}


CHARGE_KEYS = frozenset(
    {"shipping", "on_behalf_of", "transfer_data", "application_fee_amount", "radar_options"}
)


def charge_fields(p: Params, amount: int) -> dict[str, Any]:
    """The structured charge attributes of a create request (record attribute → value)."""
    ship = shipping(p, charge=True)
    behalf = on_behalf_of(p)
    transfer = transfer_data(p, amount)
    fee = application_fee_amount(p, behalf is not None or transfer is not None, amount)
    radar = p.hash("radar_options", {"session"})
    if radar is not None:
        radar.str("session")  # accepted (Radar sessions are not modelled)
    return {
        "shipping": None if ship is UNSET else ship,
        "on_behalf_of": behalf,
        "transfer_data": transfer,
        "application_fee_amount": fee,
    }
