"""Sources: initial status (§3.2), transitions T1–T8 (§3.3), expiry (§3.4), usage (§5.1)."""

from __future__ import annotations

import pytest
from core_helpers import (
    card_source,
    charge,
    chargeable_source,
    customer,
    err,
    event_types,
    make_source,
    ok,
    source_params,
)

from core.api import Sandbox
from core.facts import source_catalog

PENDING_TYPES = [
    t
    for t, i in source_catalog.SOURCE_TYPES.items()
    if i.initial_status == "pending" and t != "three_d_secure"
]


@pytest.mark.parametrize("type_name", source_catalog.SOURCE_TYPE_NAMES)
def test_every_type_created_with_its_flow_usage_and_initial_status(
    sb: Sandbox, type_name: str
) -> None:
    # §3.2 initial status, §4 flow and default usage, §2.1 presence rules
    info = source_catalog.SOURCE_TYPES[type_name]
    src = make_source(sb, type_name)
    assert src["object"] == "source" and src["id"].startswith("src_")
    assert src["flow"] == info.flow
    assert src["usage"] == info.default_usage
    expected = info.initial_status if type_name != "three_d_secure" else "pending"
    assert src["status"] == expected
    assert src["client_secret"].startswith("src_client_secret_")
    assert type_name in src  # its own type hash (§2.4)
    for other in source_catalog.SOURCE_TYPE_NAMES:
        if other != type_name:
            assert other not in src  # other types' hashes are absent
    for flow in ("redirect", "receiver", "code_verification"):
        assert (flow in src) == (src["flow"] == flow)  # §2.1: only its flow's hash
    assert "customer" not in src  # §2.1: absent until attached
    assert src["livemode"] is False
    for nullable in ("amount", "currency", "metadata", "owner", "statement_descriptor", "usage"):
        assert nullable in src  # nullable fields are present (null when unset)


def test_card_source_fires_source_chargeable_at_creation(sb: Sandbox) -> None:
    # §3.2: a source.chargeable event is sent even for the initial card source
    src = card_source(sb)
    assert event_types(sb) == ["source.chargeable"]
    assert sb.events[0]["data"]["object"]["id"] == src


def test_wechat_is_flow_none_but_starts_pending(sb: Sandbox) -> None:
    # §3.2, §12.7
    src = make_source(sb, "wechat")
    assert src["flow"] == "none" and src["status"] == "pending"
    assert src["wechat"]["qr_code_url"]


@pytest.mark.parametrize(
    ("number", "status", "redirect_status"),
    [
        ("4242424242424242", "chargeable", "not_required"),  # §3.2, §10: not enrolled
        ("4000000000003063", "pending", "pending"),  # §10: 3DS required
        ("378282246310005", "failed", "failed"),  # §3.2: card does not support 3DS
    ],
)
def test_three_d_secure_initial_status_follows_the_card(
    sb: Sandbox, number: str, status: str, redirect_status: str
) -> None:
    src = make_source(sb, "three_d_secure", number=number)
    assert src["status"] == status
    assert src["redirect"]["status"] == redirect_status
    assert src["three_d_secure"]["authenticated"] is False


def test_three_d_secure_rejects_top_level_customer(sb: Sandbox) -> None:
    # §5.2: top-level customer is not supported on 3DS source creation
    cus = customer(sb)
    base = card_source(sb, "4000000000003063")
    params = source_params("three_d_secure", **{"three_d_secure[card]": base, "customer": cus})
    before = sb.state_snapshot()
    err(sb.request("POST", "/v1/sources", params))
    assert sb.state_snapshot() == before


@pytest.mark.parametrize("type_name", PENDING_TYPES)
def test_t1_authorize_pending_to_chargeable(sb: Sandbox, type_name: str) -> None:
    # §3.3 T1 fires source.chargeable
    src = make_source(sb, type_name)
    n = len(sb.events)
    body = {"amount": "1000"} if src["flow"] == "receiver" and src["amount"] is None else None
    after = ok(sb.request("POST", f"/v1/test_helpers/sources/{src['id']}/authorize", body))
    assert after["status"] == "chargeable"
    assert "source.chargeable" in event_types(sb, n)
    if after["flow"] == "redirect":
        assert after["redirect"]["status"] == "succeeded"
    if after["flow"] == "receiver":
        assert after["receiver"]["amount_received"] >= (after["amount"] or 1)
    if after["flow"] == "code_verification":
        assert after["code_verification"]["status"] == "succeeded"
    assert sb.graph(src["id"]).edges[0].id in {"T1", "T1r"}
    assert any(e.last_taken and e.target == "chargeable" for e in sb.graph(src["id"]).edges)


@pytest.mark.parametrize("reason", ["user_abort", "declined", "processing_error"])
def test_t2_fail_pending_to_failed_sets_failure_reason(sb: Sandbox, reason: str) -> None:
    src = make_source(sb, "ideal")
    n = len(sb.events)
    after = ok(
        sb.request("POST", f"/v1/test_helpers/sources/{src['id']}/fail", {"failure_reason": reason})
    )
    assert after["status"] == "failed"
    assert after["redirect"] == {**src["redirect"], "status": "failed", "failure_reason": reason}
    assert event_types(sb, n) == ["source.failed"]


def test_t2_verification_attempts_run_out(sb: Sandbox) -> None:
    # §2.2 code_verification; §3.3 T2
    src = make_source(sb, "ach_debit")
    assert src["code_verification"] == {"attempts_remaining": 3, "status": "pending"}
    path = f"/v1/sources/{src['id']}/verify"
    one = ok(sb.request("POST", path, [("values[]", "1"), ("values[]", "2")]))
    assert one["status"] == "pending" and one["code_verification"]["attempts_remaining"] == 2
    ok(sb.request("POST", path, {"values": ["1", "2"]}))
    last = ok(sb.request("POST", path, {"values": ["1", "2"]}))
    assert last["status"] == "failed"
    assert last["code_verification"] == {"attempts_remaining": 0, "status": "failed"}
    assert event_types(sb)[-1] == "source.failed"


def test_t1_verification_with_right_values(sb: Sandbox) -> None:
    src = make_source(sb, "ach_debit")
    after = ok(
        sb.request(
            "POST", f"/v1/sources/{src['id']}/verify", [("values[]", "32"), ("values[]", "45")]
        )
    )
    assert after["status"] == "chargeable"
    assert after["code_verification"]["status"] == "succeeded"


@pytest.mark.parametrize(
    ("type_name", "pending_s", "chargeable_s"),
    [
        ("ideal", 3600, 6 * 3600),
        ("bancontact", 3600, 6 * 3600),
        ("giropay", 3600, 6 * 3600),
        ("sofort", 3600, 6 * 3600),
        ("p24", 3600, 6 * 3600),
        ("multibanco", 7 * 86400, 6 * 3600),
    ],
)
def test_t3_t4_expiry_timers(
    sb: Sandbox, type_name: str, pending_s: int, chargeable_s: int
) -> None:
    # §3.4
    src = make_source(sb, type_name)
    clock = "/v1/test_helpers/advance_clock"
    ok(sb.request("POST", clock, {"seconds": str(pending_s - 1)}))
    assert sb.get(src["id"])["status"] == "pending"
    n = len(sb.events)
    ok(sb.request("POST", clock, {"seconds": "1"}))
    assert sb.get(src["id"])["status"] == "canceled"  # T3
    assert event_types(sb, n) == ["source.canceled"]
    other = chargeable_source(sb, type_name)
    ok(sb.request("POST", clock, {"seconds": str(chargeable_s - 1)}))
    assert sb.get(other["id"])["status"] == "chargeable"
    ok(sb.request("POST", clock, {"seconds": "1"}))
    assert sb.get(other["id"])["status"] == "canceled"  # T4


def test_wechat_chargeable_ends_at_2345_china_time(sb: Sandbox) -> None:
    # §3.4: 6 hours or 23:45 CST, whichever comes first. Start 22:13:20 UTC = 06:13 CST;
    # 23:45 CST = 15:45 UTC is 17.5 h away, so 6 h wins. Move to 12:00 UTC first.
    ok(sb.request("POST", "/v1/test_helpers/advance_clock", {"seconds": str(13 * 3600 + 2800)}))
    src = chargeable_source(sb, "wechat")
    remaining = sb.allowed_actions(src["id"])[-1]
    assert remaining.name == "advance_clock" and remaining.enabled
    assert int(remaining.params["seconds"]) < 6 * 3600


def test_card_and_sepa_sources_never_expire(sb: Sandbox) -> None:
    a = card_source(sb)
    b = make_source(sb, "sepa_debit")["id"]
    ok(sb.request("POST", "/v1/test_helpers/advance_clock", {"seconds": str(400 * 86400)}))
    assert sb.get(a)["status"] == sb.get(b)["status"] == "chargeable"


def test_advance_clock_fires_expiries_in_time_order(sb: Sandbox) -> None:
    # every expiry that falls due fires, in time order (§3.4)
    late = make_source(sb, "multibanco")["id"]
    early = make_source(sb, "ideal")["id"]
    n = len(sb.events)
    body = ok(sb.request("POST", "/v1/test_helpers/advance_clock", {"seconds": str(8 * 86400)}))
    fired = sb.events[n:]
    assert [e["data"]["object"]["id"] for e in fired] == [early, late]
    assert fired[0]["created"] < fired[1]["created"]
    assert body["events"] == [e["id"] for e in fired]


def test_advance_clock_zero_is_accepted(sb: Sandbox) -> None:
    before = sb.now
    ok(sb.request("POST", "/v1/test_helpers/advance_clock", {"seconds": "0"}))
    assert sb.now == before


def test_t5a_single_use_charged_is_consumed(sb: Sandbox) -> None:
    src = chargeable_source(sb, "ideal")
    ok(charge(sb, source=src["id"], currency="eur"))
    assert sb.get(src["id"])["status"] == "consumed"
    e = err(charge(sb, source=src["id"], currency="eur"))
    assert e["message"] == "The source you provided is not in a chargeable state."
    assert e["code"] == "invalid_source_usage"  # §5.2


def test_t5b_reusable_unattached_charge_consumes(sb: Sandbox) -> None:
    # §5.1 rule 2, §12.1
    src = card_source(sb)
    ok(charge(sb, source=src))
    assert sb.get(src)["status"] == "consumed"
    e = err(charge(sb, source=src))
    assert e["message"].startswith(
        "The reusable source you provided is consumed because it "
        "was previously charged without being attached"
    )
    assert sb.graph(src).node("consumed").current
    assert [e.id for e in sb.graph(src).edges if e.last_taken] == ["T5b"]


def test_t6_attached_reusable_stays_chargeable(sb: Sandbox) -> None:
    src = card_source(sb)
    cus = customer(sb)
    ok(sb.request("POST", f"/v1/customers/{cus}/sources", {"source": src}))
    for _ in range(3):
        ch = ok(charge(sb, customer=cus, source=src))
        assert ch["status"] == "succeeded" and ch["customer"] == cus
    assert sb.get(src)["status"] == "chargeable"
    assert [e.id for e in sb.graph(src).edges if e.last_taken] == ["T6"]


def test_t5c_detach_consumes_and_returns_the_source(sb: Sandbox) -> None:
    # §5.1 rule 4, §7 detach, §12.2
    src = card_source(sb)
    cus = customer(sb)
    ok(sb.request("POST", f"/v1/customers/{cus}/sources", {"source": src}))
    n = len(sb.events)
    body = ok(sb.request("DELETE", f"/v1/customers/{cus}/sources/{src}"))
    assert body["object"] == "source" and body["status"] == "consumed"
    assert "customer.source.deleted" in event_types(sb, n)
    assert sb.get(cus)["default_source"] is None
    e = err(charge(sb, source=src))
    assert "reusable source you provided is consumed" in e["message"]


def test_t7_sepa_failed_charge_fails_the_source(sb: Sandbox) -> None:
    # §3.3 T7 (event unverified), §4 SEPA test IBAN DE62… pending → failed
    src = make_source(sb, "sepa_debit", **{"sepa_debit[iban]": "DE62370400440532013001"})
    cus = customer(sb)
    ok(sb.request("POST", f"/v1/customers/{cus}/sources", {"source": src["id"]}))
    ch = ok(charge(sb, customer=cus, source=src["id"], currency="eur"))
    assert ch["status"] == "pending"
    ok(sb.request("POST", "/v1/test_helpers/advance_clock", {"seconds": str(6 * 86400)}))
    assert sb.get(ch["id"])["status"] == "failed"
    assert sb.get(src["id"])["status"] == "failed"
    assert event_types(sb)[-2:] == ["charge.failed", "source.failed"]


@pytest.mark.parametrize("status_maker", ["pending", "chargeable"])
def test_t8_attach_keeps_status_and_sets_customer(sb: Sandbox, status_maker: str) -> None:
    src = make_source(sb, "ideal") if status_maker == "pending" else chargeable_source(sb, "ideal")
    cus = customer(sb)
    n = len(sb.events)
    body = ok(sb.request("POST", f"/v1/customers/{cus}/sources", {"source": src["id"]}))
    assert body["status"] == status_maker and body["customer"] == cus
    assert event_types(sb, n) == ["customer.source.created", "customer.updated"]


@pytest.mark.parametrize("end", ["consumed", "failed", "canceled"])
def test_attach_refused_outside_pending_or_chargeable(sb: Sandbox, end: str) -> None:
    # §5.1 rule 5
    src = chargeable_source(sb, "ideal")
    if end == "consumed":
        ok(charge(sb, source=src["id"], currency="eur"))
    elif end == "canceled":
        ok(sb.request("POST", "/v1/test_helpers/advance_clock", {"seconds": "86400"}))
    else:
        src = make_source(sb, "ideal")
        ok(sb.request("POST", f"/v1/test_helpers/sources/{src['id']}/fail"))
    assert sb.get(src["id"])["status"] == end
    cus = customer(sb)
    before = sb.state_snapshot()
    e = err(sb.request("POST", f"/v1/customers/{cus}/sources", {"source": src["id"]}))
    assert e["param"] == "source"
    assert sb.state_snapshot() == before


def test_attach_twice_is_refused(sb: Sandbox) -> None:
    src = card_source(sb)
    a, b = customer(sb), customer(sb)
    ok(sb.request("POST", f"/v1/customers/{a}/sources", {"source": src}))
    e = err(sb.request("POST", f"/v1/customers/{b}/sources", {"source": src}))
    assert e["message"] == "The source you provided has already been attached to a customer"


# --- usage (§5.1, §5.2) ---------------------------------------------------------


def test_bad_usage_value(sb: Sandbox) -> None:
    e = err(sb.request("POST", "/v1/sources", source_params("card", usage="forever")))
    assert e["message"] == "Invalid usage: must be one of reusable or single_use"
    assert e["param"] == "usage"


@pytest.mark.parametrize(
    ("type_name", "usage"),
    [("ideal", "reusable"), ("card", "single_use"), ("sepa_debit", "single_use")],
)
def test_usage_the_type_does_not_support(sb: Sandbox, type_name: str, usage: str) -> None:
    e = err(sb.request("POST", "/v1/sources", source_params(type_name, usage=usage)))
    assert e["param"] == "usage" and e["type"] == "invalid_request_error"
    assert usage in e["message"] and "exact message" in e["message"]  # wording unverified


def test_ach_credit_transfer_allows_both_usages(sb: Sandbox) -> None:
    assert make_source(sb, "ach_credit_transfer")["usage"] == "reusable"
    single = make_source(sb, "ach_credit_transfer", usage="single_use")
    assert single["usage"] == "single_use"


def test_usage_cannot_change_on_update(sb: Sandbox) -> None:
    src = card_source(sb)
    e = err(sb.request("POST", f"/v1/sources/{src}", {"usage": "single_use"}))
    assert e["code"] == "parameter_unknown" and e["param"] == "usage"
    assert sb.get(src)["usage"] == "reusable"


def test_update_accepts_only_documented_params(sb: Sandbox) -> None:
    src = card_source(sb)
    body = ok(
        sb.request(
            "POST",
            f"/v1/sources/{src}",
            {
                "metadata[order]": "42",
                "owner[name]": "Jenny",
                "card[exp_month]": "3",
                "card[exp_year]": "2031",
                "source_order[items][0][type]": "sku",
                "mandate[notification_method]": "email",
            },
        )
    )
    assert body["metadata"] == {"order": "42"} and body["owner"]["name"] == "Jenny"
    assert body["card"]["exp_month"] == 3 and body["card"]["exp_year"] == 2031
    for bad in ("type", "currency", "statement_descriptor", "flow"):
        e = err(sb.request("POST", f"/v1/sources/{src}", {bad: "x"}))
        assert e["code"] == "parameter_unknown" and e["param"] == bad


def test_card_exp_update_only_for_card_sources(sb: Sandbox) -> None:
    src = make_source(sb, "ideal")["id"]
    e = err(sb.request("POST", f"/v1/sources/{src}", {"card[exp_month]": "3"}))
    assert e["code"] == "parameter_unknown"


def test_single_use_needs_amount_and_currency(sb: Sandbox) -> None:
    # §5.1 rule 6
    params = source_params("ideal")
    del params["amount"]
    assert err(sb.request("POST", "/v1/sources", params))["param"] == "amount"
    params = source_params("ideal")
    del params["currency"]
    assert err(sb.request("POST", "/v1/sources", params))["param"] == "currency"


def test_reusable_receiver_refuses_amount(sb: Sandbox) -> None:
    # §5.1 rule 6
    e = err(sb.request("POST", "/v1/sources", source_params("ach_credit_transfer", amount="1000")))
    assert e["param"] == "amount"


@pytest.mark.parametrize(
    ("type_name", "currency"),
    [("ideal", "usd"), ("ach_credit_transfer", "eur"), ("wechat", "eur"), ("p24", "gbp")],
)
def test_type_currency_limits(sb: Sandbox, type_name: str, currency: str) -> None:
    # §4 currency column
    e = err(sb.request("POST", "/v1/sources", source_params(type_name, currency=currency)))
    assert e["param"] == "currency"


def test_type_minimum_amounts(sb: Sandbox) -> None:
    # §4: SOFORT and Bancontact need at least 1 EUR
    for type_name in ("sofort", "bancontact"):
        e = err(sb.request("POST", "/v1/sources", source_params(type_name, amount="99")))
        assert e["code"] == "invalid_amount"


def test_per_type_creation_errors(sb: Sandbox) -> None:
    # §4 documented creation error codes
    bad_iban = source_params("sepa_debit", **{"sepa_debit[iban]": "DE00123"})
    assert err(sb.request("POST", "/v1/sources", bad_iban))["code"] == "invalid_bank_account_iban"
    short = source_params("bancontact", **{"owner[name]": "Al"})
    assert err(sb.request("POST", "/v1/sources", short))["code"] == "invalid_owner_name"
    bank = source_params("ideal", **{"ideal[bank]": "nope"})
    assert err(sb.request("POST", "/v1/sources", bank))["code"] == "invalid_ideal_bank"
    country = source_params("sofort", **{"sofort[country]": "US"})
    assert err(sb.request("POST", "/v1/sources", country))["code"] == "invalid_sofort_country"


def test_card_source_from_token(sb: Sandbox) -> None:
    from core_helpers import token

    tok = token(sb)
    src = ok(sb.request("POST", "/v1/sources", {"type": "card", "token": tok}))
    assert src["card"]["last4"] == "4242" and src["status"] == "chargeable"
    assert sb.get(tok)["used"] is True
    e = err(sb.request("POST", "/v1/sources", {"type": "card", "token": tok}))
    assert e["code"] == "token_already_used"


# --- simulator helpers ----------------------------------------------------------


@pytest.mark.parametrize("helper", ["authorize", "fail", "receive_funds"])
@pytest.mark.parametrize("end", ["consumed", "failed", "canceled"])
def test_helpers_on_terminal_sources_change_nothing(sb: Sandbox, helper: str, end: str) -> None:
    src = make_source(sb, "multibanco")
    if end == "failed":
        ok(sb.request("POST", f"/v1/test_helpers/sources/{src['id']}/fail"))
    elif end == "canceled":
        ok(sb.request("POST", "/v1/test_helpers/advance_clock", {"seconds": str(8 * 86400)}))
    else:
        ok(sb.request("POST", f"/v1/test_helpers/sources/{src['id']}/authorize"))
        ok(charge(sb, source=src["id"], currency="eur"))
    before = sb.state_snapshot()
    e = err(
        sb.request(
            "POST",
            f"/v1/test_helpers/sources/{src['id']}/{helper}",
            {"amount": "100"} if helper == "receive_funds" else None,
        )
    )
    assert end in e["message"] and "terminal" in e["message"]
    assert sb.state_snapshot() == before


def test_receive_funds_partial_then_full(sb: Sandbox) -> None:
    src = make_source(sb, "multibanco")
    path = f"/v1/test_helpers/sources/{src['id']}/receive_funds"
    one = ok(sb.request("POST", path, {"amount": "400"}))
    assert one["status"] == "pending" and one["receiver"]["amount_received"] == 400
    two = ok(sb.request("POST", path, {"amount": "600"}))
    assert two["status"] == "chargeable" and two["receiver"]["amount_received"] == 1000
    assert event_types(sb)[-2:] == ["source.chargeable", "source.transaction.created"]
    ch = ok(charge(sb, source=src["id"], currency="eur"))
    assert ch["status"] == "succeeded"
    assert sb.get(src["id"])["receiver"]["amount_charged"] == 1000


def test_receive_funds_only_for_receivers(sb: Sandbox) -> None:
    src = make_source(sb, "ideal")
    err(
        sb.request("POST", f"/v1/test_helpers/sources/{src['id']}/receive_funds", {"amount": "100"})
    )


def test_authorize_on_a_card_source_says_why(sb: Sandbox) -> None:
    src = card_source(sb)
    e = err(sb.request("POST", f"/v1/test_helpers/sources/{src}/authorize"))
    assert "chargeable" in e["message"]


def test_three_d_secure_authorize_then_charge(sb: Sandbox) -> None:
    src = make_source(sb, "three_d_secure", number="4000000000003063")
    after = ok(sb.request("POST", f"/v1/test_helpers/sources/{src['id']}/authorize"))
    assert after["three_d_secure"]["authenticated"] is True
    assert ok(charge(sb, source=src["id"]))["status"] == "succeeded"


def test_three_d_secure_processing_error_card(sb: Sandbox) -> None:
    # §10: 4000000000003097 — running 3DS gives a processing error
    src = make_source(sb, "three_d_secure", number="4000000000003097")
    after = ok(sb.request("POST", f"/v1/test_helpers/sources/{src['id']}/authorize"))
    assert after["status"] == "failed"
    assert after["redirect"]["failure_reason"] == "processing_error"


def test_retrieve_list_and_wrong_kind(sb: Sandbox) -> None:
    ids = [card_source(sb) for _ in range(3)]
    assert ok(sb.request("GET", f"/v1/sources/{ids[0]}"))["id"] == ids[0]
    page = ok(sb.request("GET", "/v1/sources", {"limit": "2"}))
    assert [s["id"] for s in page["data"]] == ids[::-1][:2] and page["has_more"]
    rest = ok(sb.request("GET", "/v1/sources", {"starting_after": ids[1]}))
    assert [s["id"] for s in rest["data"]] == [ids[0]] and not rest["has_more"]
    e = err(sb.request("GET", "/v1/sources/tok_123"), 404)
    assert e["message"] == "No such source: 'tok_123'" and e["code"] == "resource_missing"
