"""(status or used-state) × action → outcome tables, and bad input that must never crash."""

from __future__ import annotations

from typing import Any

import pytest
from core_helpers import card, card_source, charge, customer, err, make_source, ok, token

from core.api import Sandbox
from core.facts.errors import SANDBOX_WORDING

CLOCK = "/v1/test_helpers/advance_clock"


def _ideal_in(sb: Sandbox, status: str, attached: bool = False) -> str:
    """An iDEAL (single_use, redirect) source in ``status``."""
    src = make_source(sb, "ideal")["id"]
    if status in ("chargeable", "consumed"):
        ok(sb.request("POST", f"/v1/test_helpers/sources/{src}/authorize"))
    if status == "consumed":
        ok(charge(sb, source=src, currency="eur"))
    if status == "failed":
        ok(sb.request("POST", f"/v1/test_helpers/sources/{src}/fail"))
    if status == "canceled":
        ok(sb.request("POST", CLOCK, {"seconds": "3600"}))
    assert sb.get(src)["status"] == status
    return src


def _card_in(sb: Sandbox, status: str) -> str:
    """A reusable card source: chargeable, attached, or consumed."""
    src = card_source(sb)
    if status == "attached":
        ok(sb.request("POST", "/v1/customers", {"source": src}))
    if status == "consumed":
        ok(charge(sb, source=src))
    return src


def _do(sb: Sandbox, action: str, src: str, spare: str) -> Any:
    """Send ``action`` for ``src``; ``spare`` is a customer made before the snapshot."""
    cus = sb.get(src).get("customer")
    if action == "charge":
        params = {"source": src, "currency": sb.get(src)["currency"] or "usd"}
        if cus:
            params["customer"] = cus
        return charge(sb, **params)
    if action == "charge_with_new_customer":
        return charge(sb, source=src, customer=spare, currency=sb.get(src)["currency"] or "usd")
    if action == "attach":
        return sb.request("POST", f"/v1/customers/{spare}/sources", {"source": src})
    if action == "detach":
        return sb.request("DELETE", f"/v1/customers/{cus or spare}/sources/{src}")
    if action in ("authorize", "fail"):
        return sb.request("POST", f"/v1/test_helpers/sources/{src}/{action}")
    if action == "expire":
        return sb.request("POST", CLOCK, {"seconds": str(7 * 3600)})
    raise AssertionError(action)


# (status, action) → (HTTP status, status after) or (HTTP status, error message fragment)
SINGLE_USE_TABLE: list[tuple[str, str, int, str]] = [
    ("pending", "charge", 400, "not in a chargeable state"),
    ("pending", "attach", 200, "pending"),  # T8a
    ("pending", "authorize", 200, "chargeable"),  # T1
    ("pending", "fail", 200, "failed"),  # T2
    ("pending", "expire", 200, "canceled"),  # T3
    ("pending", "detach", 404, "No such source"),
    ("chargeable", "charge", 200, "consumed"),  # T5a
    ("chargeable", "charge_with_new_customer", 200, "consumed"),  # §5.1 rule 1
    ("chargeable", "attach", 200, "chargeable"),  # T8b
    ("chargeable", "authorize", 400, "already chargeable"),
    ("chargeable", "fail", 400, "already chargeable"),
    ("chargeable", "expire", 200, "canceled"),  # T4
]
for _end in ("consumed", "failed", "canceled"):
    SINGLE_USE_TABLE += [
        (_end, "charge", 400, "not in a chargeable state"),
        (_end, "attach", 400, "only be attached while it is chargeable or pending"),
        (_end, "authorize", 400, "terminal"),
        (_end, "fail", 400, "terminal"),
        (_end, "expire", 200, _end),  # §3.1: nothing leaves a terminal status
    ]


@pytest.mark.parametrize(("status", "action", "http", "outcome"), SINGLE_USE_TABLE)
def test_single_use_source_status_action_table(
    sb: Sandbox, status: str, action: str, http: int, outcome: str
) -> None:
    src = _ideal_in(sb, status)
    spare = customer(sb)
    before = sb.state_snapshot()
    resp = _do(sb, action, src, spare)
    assert resp.status == http, resp.body
    if http == 200:
        assert sb.get(src)["status"] == outcome
    else:
        assert outcome in resp.body["error"]["message"]
        assert sb.state_snapshot() == before


REUSABLE_TABLE = [
    ("chargeable", "charge", 200, "consumed"),  # T5b
    ("chargeable", "attach", 200, "chargeable"),  # T8b
    ("chargeable", "detach", 404, "No such source"),
    ("chargeable", "expire", 200, "chargeable"),  # cards never expire (§3.3 notes)
    ("attached", "charge", 200, "chargeable"),  # T6
    ("attached", "attach", 400, "already been attached"),
    ("attached", "detach", 200, "consumed"),  # T5c
    ("consumed", "charge", 400, "reusable source you provided is consumed"),
    ("consumed", "charge_with_new_customer", 400, "reusable source you provided is consumed"),
    ("consumed", "attach", 400, "only be attached while it is chargeable or pending"),
]


@pytest.mark.parametrize(("status", "action", "http", "outcome"), REUSABLE_TABLE)
def test_reusable_source_status_action_table(
    sb: Sandbox, status: str, action: str, http: int, outcome: str
) -> None:
    src = _card_in(sb, status)
    spare = customer(sb)
    before = sb.state_snapshot()
    resp = _do(sb, action, src, spare)
    assert resp.status == http, resp.body
    if http == 200:
        assert sb.get(src)["status"] == outcome
    else:
        assert outcome in resp.body["error"]["message"]
        assert sb.state_snapshot() == before


TOKEN_TABLE = [
    (False, "charge", 200),
    (False, "attach", 200),
    (False, "source", 200),
    (True, "charge", 400),
    (True, "attach", 400),
    (True, "source", 400),
]


@pytest.mark.parametrize(("used", "action", "http"), TOKEN_TABLE)
def test_token_used_state_action_table(sb: Sandbox, used: bool, action: str, http: int) -> None:
    tok = token(sb)
    if used:
        ok(charge(sb, source=tok))
    spare = customer(sb)
    before = sb.state_snapshot()
    if action == "charge":
        resp = charge(sb, source=tok)
    elif action == "attach":
        resp = sb.request("POST", f"/v1/customers/{spare}/sources", {"source": tok})
    else:
        resp = sb.request("POST", "/v1/sources", {"type": "card", "token": tok})
    assert resp.status == http, resp.body
    assert sb.get(tok)["used"] is True  # U1 / U3 / U4, or already used
    if http != 200:
        assert resp.body["error"]["code"] == "token_already_used"
        assert sb.state_snapshot() == before


CHARGE_TABLE = [
    ("uncaptured", "capture", 200, "succeeded"),
    ("uncaptured", "refund", 200, "refunded"),
    ("uncaptured", "expire", 200, "refunded"),
    ("succeeded", "capture", 400, ""),
    ("succeeded", "refund", 200, "refunded"),
    ("refunded", "capture", 400, ""),
    ("refunded", "refund", 400, ""),
    ("failed", "capture", 400, ""),
    ("failed", "refund", 400, ""),
    ("pending", "capture", 400, ""),
    ("pending", "refund", 400, ""),
    ("pending", "expire", 200, "succeeded"),
]


@pytest.mark.parametrize(("state", "action", "http", "after"), CHARGE_TABLE)
def test_charge_state_action_table(
    sb: Sandbox, state: str, action: str, http: int, after: str
) -> None:
    if state == "failed":
        ch = charge(sb, source=token(sb, "4000000000000002")).body["error"]["charge"]
    elif state == "pending":
        ch = ok(charge(sb, source=make_source(sb, "sepa_debit")["id"], currency="eur"))["id"]
    else:
        ch = ok(charge(sb, source=token(sb), capture="false" if state == "uncaptured" else "true"))[
            "id"
        ]
        if state == "refunded":
            ok(sb.request("POST", "/v1/refunds", {"charge": ch}))
    assert sb.state_of(ch) == state
    before = sb.state_snapshot()
    if action == "capture":
        resp = sb.request("POST", f"/v1/charges/{ch}/capture")
    elif action == "refund":
        resp = sb.request("POST", "/v1/refunds", {"charge": ch})
    else:
        resp = sb.request("POST", CLOCK, {"seconds": str(8 * 86400)})
    assert resp.status == http, resp.body
    if http == 200:
        assert sb.state_of(ch) == after
    else:
        assert sb.state_snapshot() == before


# --- bad input: a clear Stripe error, never a 500 ---------------------------------------

BAD_REQUESTS: list[tuple[str, str, Any, int]] = [
    ("POST", "/v1/charges", {"amount": "1000"}, 400),  # missing currency
    ("POST", "/v1/charges", {"currency": "usd", "source": "tok_visa"}, 400),  # missing amount
    ("POST", "/v1/charges", {"amount": "-5", "currency": "usd", "source": "tok_visa"}, 400),
    ("POST", "/v1/charges", {"amount": "0", "currency": "usd", "source": "tok_visa"}, 400),
    ("POST", "/v1/charges", {"amount": "123456789", "currency": "usd", "source": "tok_visa"}, 400),
    ("POST", "/v1/charges", {"amount": "12.5", "currency": "usd", "source": "tok_visa"}, 400),
    ("POST", "/v1/charges", {"amount": "ten", "currency": "usd", "source": "tok_visa"}, 400),
    ("POST", "/v1/charges", {"amount": "49", "currency": "usd", "source": "tok_visa"}, 400),
    ("POST", "/v1/charges", {"amount": "1000", "currency": "xyz", "source": "tok_visa"}, 400),
    (
        "POST",
        "/v1/charges",
        {"amount": "1000", "currency": "usd", "source": "tok_visa", "bogus": "1"},
        400,
    ),
    (
        "POST",
        "/v1/charges",
        {"amount": "1000", "currency": "usd", "source": "tok_visa", "capture": "maybe"},
        400,
    ),
    (
        "POST",
        "/v1/charges",
        {"amount": "1000", "currency": "usd", "source[number]": "4242"},
        400,
    ),  # wrong type: hash
    ("POST", "/v1/charges", {"amount": "1000", "currency": "usd", "customer": "cus_nope"}, 404),
    ("POST", "/v1/charges", {"amount": "1000", "currency": "usd", "customer": "ch_x"}, 404),
    ("GET", "/v1/charges/src_x", None, 404),  # wrong-kind id
    ("GET", "/v1/customers/tok_x", None, 404),
    ("GET", "/v1/events/evt_x", None, 404),
    ("GET", "/v1/nothing", None, 404),
    ("PUT", "/v1/charges", None, 404),
    ("PATCH", "/v1/sources/src_x", None, 404),
    ("POST", "/v1/sources", {}, 400),
    ("POST", "/v1/sources", {"type": "bitcoin"}, 400),
    ("POST", "/v1/sources", {"type": "card", "card": "4242"}, 400),
    ("POST", "/v1/sources", {"type": "card", "card[number]": "4242424242424242"}, 400),
    (
        "POST",
        "/v1/tokens",
        {"card[number]": "4242424242424242", "card[exp_month]": "x", "card[exp_year]": "2030"},
        400,
    ),
    ("POST", "/v1/customers", {"metadata": "x"}, 400),
    ("POST", "/v1/customers", [("a[", "1")], 400),
    ("POST", "/v1/customers", "%%%junk=&&==", 400),
    ("POST", "/v1/customers", 12345, 400),
    ("POST", "/v1/customers", [("a", "1", "2")], 400),
    ("POST", "/v1/customers", {"email": {"nested": "x"}}, 400),
    ("GET", "/v1/sources", {"limit": "101"}, 400),
    ("GET", "/v1/sources", {"limit": "0"}, 400),
    ("GET", "/v1/sources", {"starting_after": "src_nope"}, 404),
    ("GET", "/v1/events", {"bogus": "1"}, 400),
    ("POST", CLOCK, {"seconds": "-1"}, 400),
    ("POST", CLOCK, {}, 400),
    ("POST", CLOCK, {"seconds": "soon"}, 400),
    ("POST", "/v1/refunds", {"charge": "ch_missing"}, 404),
    ("POST", "/v1/test_helpers/sources/src_x/fail", {"failure_reason": "bored"}, 404),
]


@pytest.mark.parametrize(("method", "path", "params", "status"), BAD_REQUESTS)
def test_bad_input_is_a_stripe_error_and_changes_nothing(
    sb: Sandbox, method: str, path: str, params: Any, status: int
) -> None:
    src = card_source(sb)
    ok(sb.request("POST", "/v1/customers", {"source": src}))
    before, log, revision = sb.state_snapshot(), len(sb.log), sb.revision
    resp = sb.request(method, path, params)
    assert resp.status == status, resp.body
    assert resp.accepted is False
    error = resp.body["error"]
    assert error["type"] == "invalid_request_error" and error["message"]
    assert sb.state_snapshot() == before and len(sb.log) == log and sb.revision == revision


def test_bad_failure_reason(sb: Sandbox) -> None:
    src = make_source(sb, "ideal")["id"]
    resp = sb.request("POST", f"/v1/test_helpers/sources/{src}/fail", {"failure_reason": "bored"})
    assert resp.status == 400 and resp.body["error"]["param"] == "failure_reason"
    assert sb.get(src)["status"] == "pending"


def test_unknown_param_names_the_param(sb: Sandbox) -> None:
    e = charge(sb, source="tok_visa", shoe_size="9").body["error"]
    assert e["code"] == "parameter_unknown" and e["param"] == "shoe_size"
    e = sb.request("POST", "/v1/tokens", {**card(), "card[color]": "red"}).body["error"]
    assert e["param"] == "card[color]"


def test_amount_errors_name_their_codes(sb: Sandbox) -> None:
    big = charge(sb, source="tok_visa", amount="123456789").body["error"]
    assert big["code"] == "amount_too_large"
    small = charge(sb, source="tok_visa", amount="49").body["error"]
    assert small["code"] == "amount_too_small"
    assert (
        charge(sb, source="tok_visa", amount="-1").body["error"]["message"]
        == "Invalid positive integer"
    )


def test_unknown_path_message(sb: Sandbox) -> None:
    body = sb.request("DELETE", "/v1/charges").body
    assert body["error"]["message"].startswith("Unrecognized request URL (DELETE: /v1/charges)")


def test_non_string_method_or_path_never_raises(sb: Sandbox) -> None:
    for method, path in [(None, "/v1/charges"), ("GET", None), (3, 4)]:
        resp = sb.request(method, path)  # type: ignore[arg-type]
        assert resp.status == 400


def test_internal_error_becomes_500_and_rolls_back(
    sb: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.rules import charge as charge_rules

    src = card_source(sb)
    before = sb.state_snapshot()

    def boom(*args: Any) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(charge_rules, "_finish", boom)
    resp = charge(sb, source=src)
    assert resp.status == 500 and resp.body["error"]["type"] == "api_error"
    assert sb.state_snapshot() == before


def test_refusals_with_unpublished_wording_say_so_and_documented_ones_do_not(
    sb: Sandbox,
) -> None:
    # §13: only the refusal is documented for these, not Stripe's words; the sandbox's own
    # wording ends with errors.SANDBOX_WORDING so a learner never quotes it as Stripe's.
    consumed = _ideal_in(sb, "consumed")
    cus = customer(sb)
    attach = err(sb.request("POST", f"/v1/customers/{cus}/sources", {"source": consumed}))
    assert attach["code"] == "invalid_source_usage"  # §5.1 rule 5
    attached = card_source(sb)
    ok(sb.request("POST", f"/v1/customers/{cus}/sources", {"source": attached}))
    no_customer = err(charge(sb, source=attached))  # §5.1 rule 3
    assert (no_customer["code"], no_customer["param"]) == ("missing", "customer")
    usage = err(
        sb.request(
            "POST", "/v1/sources", {"type": "card", "token": token(sb), "usage": "single_use"}
        )
    )
    assert usage["param"] == "usage"  # §4: card sources are reusable only
    amount = err(sb.request("POST", f"/v1/sources/{card_source(sb)}", {"amount": "500"}))
    assert amount["param"] == "amount"
    for unpublished in (attach, no_customer, usage, amount):
        assert unpublished["message"].endswith(SANDBOX_WORDING), unpublished
    reused = err(charge(sb, source=_used_token(sb)))  # §5.2: Stripe's published words
    assert reused["code"] == "token_already_used"
    assert SANDBOX_WORDING not in reused["message"]


def _used_token(sb: Sandbox) -> str:
    tok = token(sb)
    ok(charge(sb, source=tok))
    return tok
