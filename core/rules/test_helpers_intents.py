"""Simulator-only test helpers for intents (stripe-intents-domain.md §8.6): the
customer's side of a 3DS or redirect step, without a browser. Stripe has no such
endpoint; the sandbox's own are ``POST /v1/test_helpers/payment_intents/{id}/authenticate``
and ``…/setup_intents/{id}/authenticate`` with ``result=success|failure``. A helper on an
object it does not apply to is a 400 in Stripe's envelope and changes nothing.
"""

from __future__ import annotations

from typing import Any

from core.facts import intent_errors
from core.rules import intent_params
from core.rules import payment_intent as pi_rules
from core.rules import payment_intent_after as pi_after
from core.rules import payment_intent_attempt as pi_attempt
from core.rules import setup_intent as si_rules
from core.rules.validate import Params
from core.store.records import JSONDict
from core.store.state import State

Args = tuple[str, ...]
RESULTS = ("success", "failure")


def _result(data: dict[str, Any]) -> bool:
    p = Params(data, {"result"})
    return p.enum("result", RESULTS, required=True) == "success"


def authenticate_payment_intent(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    """T6/T6c/T6m/T6d (success) or T7 (failure), only from ``requires_action``."""
    success = _result(data)
    pi = intent_params.payment_intent(st, args[0])
    if pi.status != "requires_action":
        raise intent_errors.helper_wrong_status("payment_intent", pi.id, pi.status)
    return pi_after.authenticate(st, pi.id, success)


def authenticate_setup_intent(st: State, args: Args, data: dict[str, Any]) -> JSONDict:
    """S4 (success) or S5 (failure), only from ``requires_action``."""
    success = _result(data)
    si = si_rules.get(st, args[0])
    if si.status != "requires_action":
        raise intent_errors.helper_wrong_status("setup_intent", si.id, si.status)
    return si_rules.authenticate(st, si.id, success)


#: (method, path, handler, mutates) for the router: every intents endpoint in one list.
def routes() -> list[tuple[str, str, Any, bool]]:
    from core.rules import payment_method as pm

    return [
        ("POST", "/v1/payment_methods", pm.create, True),
        ("GET", "/v1/payment_methods", pm.list_all, False),
        (
            "GET",
            "/v1/payment_methods/(pm_card_[A-Za-z0-9]+|pm_usBankAccount_[a-z]+)",
            pm.retrieve_alias,
            True,
        ),
        ("GET", "/v1/payment_methods/{id}", pm.retrieve, False),
        ("POST", "/v1/payment_methods/{id}", pm.update, True),
        ("POST", "/v1/payment_methods/{id}/attach", pm.attach, True),
        ("POST", "/v1/payment_methods/{id}/detach", pm.detach, True),
        ("GET", "/v1/customers/{id}/payment_methods", pm.list_for_customer, False),
        ("GET", "/v1/customers/{id}/payment_methods/{id}", pm.retrieve_for_customer, False),
        ("POST", "/v1/payment_intents", pi_rules.create, True),
        ("GET", "/v1/payment_intents", pi_rules.list_all, False),
        ("GET", "/v1/payment_intents/{id}", pi_rules.retrieve, False),
        ("POST", "/v1/payment_intents/{id}", pi_rules.update, True),
        ("POST", "/v1/payment_intents/{id}/confirm", pi_attempt.confirm, True),
        ("POST", "/v1/payment_intents/{id}/capture", pi_after.capture, True),
        ("POST", "/v1/payment_intents/{id}/cancel", pi_after.cancel, True),
        (
            "POST",
            "/v1/payment_intents/{id}/increment_authorization",
            pi_after.increment_authorization,
            True,
        ),
        (
            "POST",
            "/v1/payment_intents/{id}/verify_microdeposits",
            pi_after.verify_microdeposits,
            True,
        ),
        ("POST", "/v1/setup_intents", si_rules.create, True),
        ("GET", "/v1/setup_intents", si_rules.list_all, False),
        ("GET", "/v1/setup_intents/{id}", si_rules.retrieve, False),
        ("POST", "/v1/setup_intents/{id}", si_rules.update, True),
        ("POST", "/v1/setup_intents/{id}/confirm", si_rules.confirm, True),
        ("POST", "/v1/setup_intents/{id}/cancel", si_rules.cancel, True),
        (
            "POST",
            "/v1/test_helpers/payment_intents/{id}/authenticate",
            authenticate_payment_intent,
            True,
        ),
        (
            "POST",
            "/v1/test_helpers/setup_intents/{id}/authenticate",
            authenticate_setup_intent,
            True,
        ),
    ]
