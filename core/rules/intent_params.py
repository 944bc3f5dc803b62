"""What a PaymentIntent or SetupIntent request names (stripe-intents-domain.md §2, §4, §5):
the PaymentIntent itself, its customer, its payment method types and its payment method.
"""

from __future__ import annotations

from typing import Any

from core.facts import errors, intent_errors, intents
from core.rules import payment_method as pm_rules
from core.rules.validate import Params
from core.store.records import CustomerRec, PaymentIntentRec, PaymentMethodRec
from core.store.state import State

OPEN = ("requires_payment_method", "requires_confirmation", "requires_action")
CAPTURE_METHODS = ("automatic", "automatic_async", "manual")
PM_DATA_KEYS = frozenset({"type", "billing_details", "metadata", *intents.PM_TYPES})


def payment_intent(st: State, pi_id: str) -> PaymentIntentRec:
    rec = st.get(pi_id)
    if not isinstance(rec, PaymentIntentRec):
        raise intent_errors.no_such_payment_intent(pi_id)  # §9 E23
    return rec


def customer_of(st: State, customer_id: str) -> CustomerRec:
    rec = st.get(customer_id)
    if not isinstance(rec, CustomerRec) or rec.deleted:
        raise errors.no_such("customer", customer_id, param="customer")
    return rec


def types_and_automatic(p: Params, currency: str) -> tuple[tuple[str, ...], str | None]:
    """``payment_method_types``, or the account's methods under automatic payment methods,
    on by default from API 2023-08-16 (§10); returns (types, allow_redirects or None)."""
    types = p.list("payment_method_types")
    apm = p.hash("automatic_payment_methods", {"enabled", "allow_redirects"})
    if types is not None:
        if apm is not None:
            raise errors.invalid(
                "You may only specify one of these parameters: automatic_payment_methods, "
                "payment_method_types.",
                param="payment_method_types",
            )
        for name in types:
            if name not in intents.PM_TYPES:
                raise errors.invalid_enum("payment_method_types", name, intents.PM_TYPES)
        if not types:
            raise errors.invalid_array("payment_method_types")
        return tuple(types), None
    allow = "always"
    if apm is not None:
        if not apm.bool("enabled", False):
            return ("card",), None
        allow = apm.enum("allow_redirects", ("always", "never")) or "always"
    available = tuple(
        t
        for t in intents.PM_TYPES
        if currency in intents.TYPE_CURRENCIES.get(t, frozenset({currency}))
        and (allow == "always" or t not in intents.REDIRECT_TYPES)
    )
    return available, allow


def pm_from(st: State, p: Params, customer: str | None) -> Any | None:
    """The PaymentMethod a request names (``payment_method`` or ``payment_method_data``)."""
    value = p.str("payment_method")
    data = p.hash("payment_method_data", PM_DATA_KEYS)
    if value and data is not None:
        raise errors.invalid(
            "You may only specify one of these parameters: payment_method, payment_method_data.",
            param="payment_method_data",
        )
    if data is not None:
        type_name = data.enum("type", intents.PM_TYPES, required=True)
        assert type_name is not None
        rec = pm_rules.build(st, data, type_name)
        st.add(rec)
        return rec
    if not value:
        return None
    rec = pm_rules.resolve(st, value)
    pm_rules.check_usable(st, rec, customer)
    return rec


def type_of_pm(rec: Any) -> str:
    return rec.type if isinstance(rec, PaymentMethodRec) else "card"


def check_fits(pi: PaymentIntentRec, rec: Any) -> None:
    pm_type = type_of_pm(rec)
    if pm_type not in pi.payment_method_types:
        raise intent_errors.pi_incompatible_method(pm_type, pi.payment_method_types)  # §9 E28
    allowed = intents.TYPE_CURRENCIES.get(pm_type)
    if allowed is not None and pi.currency not in allowed:
        raise intent_errors.pm_currency_mismatch(pm_type, pi.currency)  # §9 E27
    if pi.capture_method == "manual" and pm_type in intents.NO_MANUAL_CAPTURE:
        raise intent_errors.manual_capture_unsupported(pm_type)


def future_usage(p: Params) -> str | None:
    value = p.str("setup_future_usage")
    if value is None:
        return None
    if value == "":
        return ""
    return p.enum("setup_future_usage", ("on_session", "off_session"))
