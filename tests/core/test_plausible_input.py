"""Plausible input is never a 500, and integers are digits only.

Each request goes through ``Sandbox.request``, the one entry point the HTTP server,
the window and the lessons share; a refused one must leave the state as it was.
"""

from __future__ import annotations

from typing import Any

import pytest
from core_helpers import customer, err, ok, token

from core.api import Response, Sandbox
from core.rules import params

INCORRECT_CVC = "4000000000000127"


def _unchanged(sb: Sandbox, method: str, path: str, data: Any) -> Response:
    before = sb.state_snapshot()
    response = sb.request(method, path, data)
    assert sb.state_snapshot() == before
    return response


# --- a CVC-less 4000000000000127 token attaches (the rule and the guard agree) --------


def test_cvc_less_incorrect_cvc_token_attaches_on_customer_create(sb: Sandbox) -> None:
    # §10: "You must send a CVC; without one the CVC check is skipped and cannot fail",
    # and only decline cards that fail validation refuse to attach (§10, 4000000000000341).
    tok = token(sb, INCORRECT_CVC)
    body = ok(sb.request("POST", "/v1/customers", {"source": tok}))
    card = sb.get(body["default_source"])
    assert card is not None and card["last4"] == "0127" and card["cvc_check"] is None
    assert sb.get(tok)["used"] is True  # §6.3: attaching uses the token


def test_cvc_less_incorrect_cvc_token_attaches_on_the_sources_endpoint(sb: Sandbox) -> None:
    cus = customer(sb)
    tok = token(sb, INCORRECT_CVC)
    actions = {a.name: a for a in sb.allowed_actions(tok)}
    assert actions["attach"].enabled, actions["attach"]
    body = ok(sb.request("POST", f"/v1/customers/{cus}/sources", {"source": tok}))
    assert body["object"] == "card" and body["customer"] == cus
    # and the customer can be charged with it: the CVC check was skipped (§10)
    charge = ok(
        sb.request("POST", "/v1/charges", {"customer": cus, "amount": "500", "currency": "usd"})
    )
    assert charge["status"] == "succeeded"


def test_incorrect_cvc_token_with_a_cvc_is_refused_like_stripe(sb: Sandbox) -> None:
    cus = customer(sb)
    tok = token(sb, INCORRECT_CVC, cvc="123")
    actions = {a.name: a for a in sb.allowed_actions(tok)}
    assert not actions["attach"].enabled
    e = err(_unchanged(sb, "POST", f"/v1/customers/{cus}/sources", {"source": tok}), 402)
    assert (e["type"], e["code"], e["param"]) == ("card_error", "incorrect_cvc", "cvc")
    e = err(_unchanged(sb, "POST", "/v1/customers", {"source": tok}), 402)
    assert e["code"] == "incorrect_cvc"


# --- deep keys: a Stripe-shaped 400 with the limit, not a RecursionError ----------------


@pytest.mark.parametrize("part", ["[0]", "[]", "[k]"])
@pytest.mark.parametrize("depth", [params.MAX_DEPTH + 1, 1000, 100_000])
def test_deep_keys_are_a_400_naming_the_limit(sb: Sandbox, part: str, depth: int) -> None:
    key = "metadata" + part * depth
    e = err(_unchanged(sb, "POST", "/v1/customers", [(key, "x")]))
    assert e["type"] == "invalid_request_error"
    assert f"at most {params.MAX_DEPTH} levels" in e["message"]
    assert e["param"].startswith("metadata" + part) and len(e["param"]) <= 80


def test_deeply_nested_mapping_params_are_a_400(sb: Sandbox) -> None:
    nested: Any = "x"
    for _ in range(5000):
        nested = {"k": nested}
    e = err(_unchanged(sb, "POST", "/v1/customers", {"metadata": nested}))
    assert f"at most {params.MAX_DEPTH} levels" in e["message"]


def test_keys_at_the_depth_limit_still_parse(sb: Sandbox) -> None:
    key = "a" + "[b]" * params.MAX_DEPTH
    parsed: Any = params.parse([(key, "x")])
    for _ in range(params.MAX_DEPTH + 1):
        parsed = parsed["a" if "a" in parsed else "b"]
    assert parsed == "x"
    # the endpoint refuses the unknown key, by name, as Stripe does
    assert err(sb.request("POST", "/v1/customers", [(key, "x")]))["param"] == "a"


# --- integers are digits only ----------------------------------------------------------


@pytest.mark.parametrize(
    "amount", [" 100", "100 ", "+100", "1_000", "１００", "0x64", "1e2", "100.0", "-", "", "\t1"]
)
def test_lenient_integers_are_refused_naming_the_parameter(sb: Sandbox, amount: str) -> None:
    tok = token(sb)
    data = {"amount": amount, "currency": "usd", "source": tok}
    e = err(_unchanged(sb, "POST", "/v1/charges", data))
    assert e["type"] == "invalid_request_error" and e["param"] == "amount", e


@pytest.mark.parametrize("seconds", [" 60", "60 ", "+60", "6_0"])
def test_lenient_integers_are_refused_everywhere(sb: Sandbox, seconds: str) -> None:
    e = err(_unchanged(sb, "POST", "/v1/test_helpers/advance_clock", {"seconds": seconds}))
    assert e["param"] == "seconds" and "Invalid integer" in e["message"]
    e = err(_unchanged(sb, "GET", "/v1/customers", {"limit": seconds}))
    assert e["param"] == "limit"


def test_digits_and_a_leading_minus_are_integers(sb: Sandbox) -> None:
    tok = token(sb)
    assert (
        ok(sb.request("POST", "/v1/charges", {"amount": "0100", "currency": "usd", "source": tok}))[
            "amount"
        ]
        == 100
    )
    # a minus parses, then the range check speaks (Stripe: a positive integer)
    e = err(
        _unchanged(
            sb, "POST", "/v1/charges", {"amount": "-100", "currency": "usd", "source": token(sb)}
        )
    )
    assert e["param"] == "amount" and "positive" in e["message"]
