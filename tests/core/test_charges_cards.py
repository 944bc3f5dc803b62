"""Charges (§8), refunds (§8.4) and every test card (§10)."""

from __future__ import annotations

import pytest
from core_helpers import (
    card,
    card_source,
    charge,
    chargeable_source,
    customer,
    err,
    event_types,
    make_source,
    ok,
    token,
)

from core.api import Sandbox
from core.facts import cards, source_catalog

DAY = 86400


# --- §8.1 parameter combinations -------------------------------------------------


def test_source_token(sb: Sandbox) -> None:
    tok = token(sb)
    ch = ok(charge(sb, source=tok))
    assert ch["status"] == "succeeded" and ch["paid"] and ch["captured"]
    assert ch["payment_method"] == sb.get(tok)["card"]["id"]
    assert ch["source"]["object"] == "card" and ch["customer"] is None
    assert event_types(sb)[-1] == "charge.succeeded"


def test_source_unattached_single_use_with_customer_records_both(sb: Sandbox) -> None:
    # §5.1 rule 1, §8.1
    src = chargeable_source(sb, "ideal")
    cus = customer(sb)
    ch = ok(charge(sb, source=src["id"], customer=cus, currency="eur"))
    assert ch["customer"] == cus and ch["source"]["id"] == src["id"]
    after = sb.get(src["id"])
    assert after["status"] == "consumed" and "customer" not in after  # not attached


def test_customer_only_uses_default_source(sb: Sandbox) -> None:
    src = card_source(sb)
    cus = ok(sb.request("POST", "/v1/customers", {"source": src}))["id"]
    ch = ok(charge(sb, customer=cus))
    assert ch["payment_method"] == src and ch["customer"] == cus


def test_customer_without_default_source(sb: Sandbox) -> None:
    cus = customer(sb)
    e = err(charge(sb, customer=cus), 402)
    assert e == {
        **e,
        "type": "card_error",
        "code": "missing",
        "param": "card",
        "message": "Cannot charge a customer that has no active card",
    }


def test_customer_whose_default_source_is_pending(sb: Sandbox) -> None:
    # §5.2 (trigger inferred): the only source is a pending 3DS source
    src = make_source(sb, "three_d_secure")
    cus = ok(sb.request("POST", "/v1/customers", {"source": src["id"]}))["id"]
    assert err(charge(sb, customer=cus), 402)["code"] == "missing"


def test_neither_source_nor_customer(sb: Sandbox) -> None:
    assert err(charge(sb))["message"] == "Must provide source or customer."


def test_customer_with_a_source_of_another_customer(sb: Sandbox) -> None:
    src = card_source(sb)
    ok(sb.request("POST", "/v1/customers", {"source": src}))
    other = customer(sb)
    e = err(charge(sb, customer=other, source=src), 404)
    assert e["code"] == "missing"


def test_attached_source_without_customer_is_refused(sb: Sandbox) -> None:
    # §5.1 rule 3 (the message is unverified: catalog.EVENT_NOTES)
    src = card_source(sb)
    cus = ok(sb.request("POST", "/v1/customers", {"source": src}))["id"]
    e = err(charge(sb, source=src))
    assert cus in e["message"]
    assert sb.get(src)["status"] == "chargeable"


def test_no_such_token_quirk_for_src_ids(sb: Sandbox) -> None:
    # §7.1, §12.3
    e = err(charge(sb, source="src_doesnotexist"))
    assert e == {
        **e,
        "code": "resource_missing",
        "param": "source",
        "message": "No such token: 'src_doesnotexist'",
    }


# --- §8.2 sync/async -----------------------------------------------------------------


@pytest.mark.parametrize("type_name", source_catalog.SOURCE_TYPE_NAMES)
def test_charge_every_source_type(sb: Sandbox, type_name: str) -> None:
    info = source_catalog.SOURCE_TYPES[type_name]
    src = (
        chargeable_source(sb, type_name, number="4242424242424242")
        if type_name == "three_d_secure"
        else chargeable_source(sb, type_name)
    )
    currency = src["currency"] or "usd"
    n = len(sb.events)
    ch = ok(charge(sb, source=src["id"], currency=currency))
    if info.charge_sync:
        assert ch["status"] == "succeeded" and ch["paid"] is True
        assert event_types(sb, n) == ["charge.succeeded"]
    else:
        assert ch["status"] == "pending" and ch["paid"] is False
        assert event_types(sb, n) == ["charge.pending"]
        ok(
            sb.request(
                "POST", "/v1/test_helpers/advance_clock", {"seconds": str(info.settle_seconds - 1)}
            )
        )
        assert sb.get(ch["id"])["status"] == "pending"
        ok(sb.request("POST", "/v1/test_helpers/advance_clock", {"seconds": "1"}))
        assert sb.get(ch["id"])["status"] == "succeeded"
        assert event_types(sb)[-1] == "charge.succeeded"
    # unattached: a single_use source is consumed (T5a), so is a reusable one (T5b)
    assert sb.get(src["id"])["status"] == "consumed"


def test_sofort_failing_charge_name(sb: Sandbox) -> None:
    # §4 (unverified test name): owner[name]=failing_charge
    src = chargeable_source(sb, "sofort", **{"owner[name]": "failing_charge"})
    ch = ok(charge(sb, source=src["id"], currency="eur"))
    ok(sb.request("POST", "/v1/test_helpers/advance_clock", {"seconds": str(3 * DAY)}))
    assert sb.get(ch["id"])["status"] == "failed"
    assert event_types(sb)[-1] == "charge.failed"


def test_charge_must_match_a_single_use_source(sb: Sandbox) -> None:
    src = chargeable_source(sb, "ideal")
    err(charge(sb, source=src["id"], currency="usd"))
    err(charge(sb, source=src["id"], currency="eur", amount="999"))
    assert sb.get(src["id"])["status"] == "chargeable"


def test_klarna_needs_source_order(sb: Sandbox) -> None:
    params = {
        "type": "klarna",
        "amount": "1000",
        "currency": "usd",
        "redirect[return_url]": "https://x",
    }
    bare = ok(sb.request("POST", "/v1/sources", params))
    ok(sb.request("POST", f"/v1/test_helpers/sources/{bare['id']}/authorize"))
    assert "source_order" in err(charge(sb, source=bare["id"]))["message"]


# --- capture and authorization expiry -------------------------------------------------


def test_capture_false_then_capture(sb: Sandbox) -> None:
    ch = ok(charge(sb, source=token(sb), capture="false"))
    assert ch["captured"] is False and ch["paid"] is True and ch["amount_captured"] == 0
    assert sb.state_of(ch["id"]) == "uncaptured"
    cap = ok(sb.request("POST", f"/v1/charges/{ch['id']}/capture"))
    assert cap["captured"] is True and cap["amount_captured"] == 1000
    assert event_types(sb)[-1] == "charge.captured"
    assert (
        err(sb.request("POST", f"/v1/charges/{ch['id']}/capture"))["code"]
        == "charge_already_captured"
    )


def test_partial_capture_releases_the_rest(sb: Sandbox) -> None:
    ch = ok(charge(sb, source=token(sb), capture="false"))
    cap = ok(sb.request("POST", f"/v1/charges/{ch['id']}/capture", {"amount": "600"}))
    assert cap["amount_captured"] == 600 and cap["amount_refunded"] == 400


def test_uncaptured_charge_expires_after_7_days(sb: Sandbox) -> None:
    # §3.4 related timing facts
    ch = ok(charge(sb, source=token(sb), capture="false"))
    ok(sb.request("POST", "/v1/test_helpers/advance_clock", {"seconds": str(7 * DAY - 1)}))
    assert sb.get(ch["id"])["refunded"] is False
    ok(sb.request("POST", "/v1/test_helpers/advance_clock", {"seconds": "1"}))
    after = sb.get(ch["id"])
    assert after["refunded"] is True and after["amount_refunded"] == 1000
    assert event_types(sb)[-1] == "charge.expired"
    e = err(sb.request("POST", f"/v1/charges/{ch['id']}/capture"))
    assert e["code"] == "charge_expired_for_capture"
    refunds = ok(sb.request("GET", "/v1/refunds", {"charge": ch["id"]}))["data"]
    assert refunds[0]["reason"] == "expired_uncaptured_charge"


def test_refunding_an_authorization_releases_all_of_it(sb: Sandbox) -> None:
    # §8.4 with §8.1 capture=false: a refund of an uncaptured charge releases the whole
    # authorization, so the refund and the charge agree; a partial one is refused.
    ch = ok(charge(sb, source=token(sb), capture="false"))
    revision = sb.revision
    e = err(sb.request("POST", "/v1/refunds", {"charge": ch["id"], "amount": "300"}))
    assert e["param"] == "amount" and "partially refund an uncaptured" in e["message"]
    assert sb.revision == revision
    refund = ok(sb.request("POST", "/v1/refunds", {"charge": ch["id"]}))
    after = sb.get(ch["id"])
    assert refund["amount"] == after["amount_refunded"] == 1000 and after["refunded"] is True
    e = err(sb.request("POST", f"/v1/charges/{ch['id']}/capture"))
    assert e["code"] == "charge_already_refunded"


# --- refunds (§8.4) ------------------------------------------------------------------


def test_partial_then_full_refund(sb: Sandbox) -> None:
    ch = ok(charge(sb, source=token(sb)))
    r1 = ok(sb.request("POST", "/v1/refunds", {"charge": ch["id"], "amount": "300"}))
    assert r1["object"] == "refund" and r1["status"] == "succeeded" and r1["amount"] == 300
    mid = sb.get(ch["id"])
    assert mid["amount_refunded"] == 300 and mid["refunded"] is False
    e = err(sb.request("POST", "/v1/refunds", {"charge": ch["id"], "amount": "800"}))
    assert "greater than unrefunded amount" in e["message"]
    r2 = ok(sb.request("POST", "/v1/refunds", {"charge": ch["id"]}))
    assert r2["amount"] == 700
    end = sb.get(ch["id"])
    assert end["amount_refunded"] == 1000 and end["refunded"] is True
    assert event_types(sb).count("charge.refunded") == 2
    assert (
        err(sb.request("POST", "/v1/refunds", {"charge": ch["id"]}))["code"]
        == "charge_already_refunded"
    )
    listed = ok(sb.request("GET", "/v1/refunds", {"charge": ch["id"]}))["data"]
    assert [r["id"] for r in listed] == [r2["id"], r1["id"]]


def test_refund_failed_or_pending_charge_is_refused(sb: Sandbox) -> None:
    failed = err(charge(sb, source=token(sb, "4000000000000002")), 402)["charge"]
    err(sb.request("POST", "/v1/refunds", {"charge": failed}))
    src = make_source(sb, "sepa_debit")
    pending = ok(charge(sb, source=src["id"], currency="eur"))
    err(sb.request("POST", "/v1/refunds", {"charge": pending["id"]}))


@pytest.mark.parametrize(
    ("number", "first", "then"),
    [("4000000000007726", "pending", "succeeded"), ("4000000000005126", "succeeded", "failed")],
)
def test_async_refund_cards(sb: Sandbox, number: str, first: str, then: str) -> None:
    ch = ok(charge(sb, source=token(sb, number)))
    re = ok(sb.request("POST", "/v1/refunds", {"charge": ch["id"]}))
    assert re["status"] == first
    ok(sb.request("POST", "/v1/test_helpers/advance_clock", {"seconds": "3600"}))
    assert sb.get(re["id"])["status"] == then
    assert event_types(sb)[-1] == "charge.refund.updated"
    if then == "failed":
        assert sb.get(ch["id"])["amount_refunded"] == 0


# --- §10: every test card ---------------------------------------------------------------


@pytest.mark.parametrize("test", cards.TEST_CARDS, ids=lambda c: c.key)
def test_every_test_card(sb: Sandbox, test: cards.TestCard) -> None:
    tok = token(sb, test.number, cvc="123" if len(test.number) == 16 else "1234")
    assert sb.get(tok)["card"]["brand"] == test.brand
    assert sb.get(tok)["card"]["last4"] == test.last4
    resp = charge(sb, source=tok)
    decline = test.charge_decline
    if decline is None:
        ch = ok(resp)
        assert ch["status"] == "succeeded"
        assert ch["outcome"]["risk_level"] == test.risk_level
        assert ch["disputed"] is test.disputed
    else:
        e = err(resp, 402)
        assert e["type"] == "card_error" and e["code"] == decline.code
        assert e.get("decline_code") == decline.decline_code
        assert e.get("param") == decline.param and e["message"] == decline.message
        assert sb.get(e["charge"])["failure_code"] == decline.code
    cus = customer(sb)
    attach = sb.request(
        "POST", f"/v1/customers/{cus}/sources", {"source": token(sb, test.number, "123")}
    )
    assert (attach.status == 200) is test.attach_ok


def test_incorrect_cvc_needs_a_cvc(sb: Sandbox) -> None:
    # §10: without a CVC the check is skipped and cannot fail
    assert ok(charge(sb, source=token(sb, "4000000000000127")))["status"] == "succeeded"
    e = err(charge(sb, source=token(sb, "4000000000000127", "123")), 402)
    assert e == {**e, "code": "incorrect_cvc", "param": "cvc"}


def test_incorrect_number_fails_luhn_at_tokenization(sb: Sandbox) -> None:
    before = sb.state_snapshot()
    e = err(sb.request("POST", "/v1/tokens", card("4242424242424241")), 402)
    assert e == {
        **e,
        "type": "card_error",
        "code": "incorrect_number",
        "param": "number",
        "message": "Your card number is incorrect.",
    }
    assert sb.state_snapshot() == before


@pytest.mark.parametrize("path", ["/v1/tokens", "/v1/sources"])
def test_live_card_declined_and_never_stored(sb: Sandbox, path: str) -> None:
    live = "4111111111111111"  # Luhn-valid, not a test card
    assert cards.luhn_ok(live) and live not in cards.BY_NUMBER
    params = card(live, "123") if path == "/v1/tokens" else {"type": "card", **card(live)}
    before = sb.state_snapshot()
    resp = sb.request("POST", path, params)
    e = err(resp, 402)
    assert e["code"] == "card_declined" and e["decline_code"] == "test_mode_live_card"
    assert e["message"].startswith(
        "Your card was declined. Your request was in test mode, but used a non test (live) card."
    )
    assert live not in repr(resp.body)
    assert sb.state_snapshot() == before and not sb.log


def test_three_ds_required_card_direct_charge_is_declined(sb: Sandbox) -> None:
    # §5.2: 4000000000003063 charged without 3DS
    e = err(charge(sb, source=card_source(sb, "4000000000003063")), 402)
    assert e["message"] == "Your card was declined."
    e = err(charge(sb, source=token(sb, "4000000000003220")), 402)
    assert "two-factor authentication" in e["message"]


def test_card_validation_errors(sb: Sandbox) -> None:
    bad = [
        ({"card[exp_month]": "13"}, "invalid_expiry_month"),
        ({"card[exp_year]": "2001"}, "invalid_expiry_year"),
        ({"card[cvc]": "12a"}, "invalid_cvc"),
    ]
    for override, code in bad:
        e = err(sb.request("POST", "/v1/tokens", {**card(), **override}), 402)
        assert e["code"] == code
    assert not sb.object_ids()
