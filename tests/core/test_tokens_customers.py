"""Tokens (§6) and customer sources (§7)."""

from __future__ import annotations

import pytest
from core_helpers import card, card_source, charge, customer, err, event_types, ok, token

from core.api import Sandbox
from core.facts import cards

TOKEN_CASES = [
    ("card", "tok_", card()),
    (
        "bank_account",
        "btok_",
        {
            "bank_account[country]": "US",
            "bank_account[currency]": "usd",
            "bank_account[routing_number]": "110000000",
            "bank_account[account_number]": "000123456789",
        },
    ),
    ("pii", "pii_", {"pii[id_number]": "000000000"}),
    ("cvc_update", "cvctok_", {"cvc_update[cvc]": "123"}),
    ("account", "ct_", {"account[business_type]": "individual"}),
    ("person", "cpt_", {"person[first_name]": "Jenny"}),
]


@pytest.mark.parametrize(("type_name", "prefix", "params"), TOKEN_CASES)
def test_every_token_type_and_prefix(
    sb: Sandbox, type_name: str, prefix: str, params: dict[str, str]
) -> None:
    # §1 prefixes, §6.1 fields
    tok = ok(sb.request("POST", "/v1/tokens", params))
    assert tok["object"] == "token" and tok["type"] == type_name
    assert tok["id"].startswith(prefix) and tok["used"] is False
    assert "client_ip" in tok
    assert ("card" in tok) == (type_name == "card")
    assert ("bank_account" in tok) == (type_name == "bank_account")
    assert ok(sb.request("GET", f"/v1/tokens/{tok['id']}")) == tok


def test_token_card_is_redacted(sb: Sandbox) -> None:
    tok = ok(sb.request("POST", "/v1/tokens", card("4242 4242 4242 4242", "123")))
    c = tok["card"]
    assert c["id"].startswith("card_") and c["last4"] == "4242" and c["brand"] == "Visa"
    assert c["exp_month"] == 12 and c["exp_year"] == 2030 and c["funding"] == "credit"
    assert c["fingerprint"] and c["cvc_check"] == "pass"
    assert "4242424242424242" not in repr(sb.state_snapshot())
    assert "number" not in c and "cvc" not in c


def test_same_number_same_fingerprint(sb: Sandbox) -> None:
    a, b = token(sb), token(sb)
    assert sb.get(a)["card"]["fingerprint"] == sb.get(b)["card"]["fingerprint"]
    assert (
        sb.get(token(sb, "5555555555554444"))["card"]["fingerprint"]
        != sb.get(a)["card"]["fingerprint"]
    )


def test_token_single_use_after_charge(sb: Sandbox) -> None:
    # §6.3
    tok = token(sb)
    ok(charge(sb, source=tok))
    assert sb.get(tok)["used"] is True
    e = err(charge(sb, source=tok))
    assert e["code"] == "token_already_used"
    assert e["message"] == f"You cannot use a Stripe token more than once: {tok}."


def test_declined_charge_still_uses_the_token(sb: Sandbox) -> None:
    # §5.2, §6.3, §12.4: a failed Charge, its id in error.charge, charge.failed
    tok = token(sb, "4000000000000002")
    resp = charge(sb, source=tok)
    e = err(resp, 402)
    assert resp.accepted
    assert e["type"] == "card_error" and e["code"] == "card_declined"
    assert e["decline_code"] == "generic_decline"
    failed = sb.get(e["charge"])
    assert failed["status"] == "failed" and failed["paid"] is False
    assert failed["failure_code"] == "card_declined"
    assert event_types(sb)[-1] == "charge.failed"
    assert sb.get(tok)["used"] is True
    assert err(charge(sb, source=tok))["code"] == "token_already_used"


def test_attach_token_makes_a_card_and_the_token_is_useless(sb: Sandbox) -> None:
    # §6.3, §12.5
    tok = token(sb)
    cus = customer(sb)
    n = len(sb.events)
    card_obj = ok(sb.request("POST", f"/v1/customers/{cus}/sources", {"source": tok}))
    assert card_obj["object"] == "card" and card_obj["id"].startswith("card_")
    assert card_obj["customer"] == cus
    assert card_obj["id"] == sb.get(tok)["card"]["id"]  # keeps the token card id (unverified)
    assert sb.get(tok)["used"] is True
    assert event_types(sb, n) == ["customer.source.created", "customer.updated"]
    e = err(charge(sb, customer=cus, source=tok), 404)
    assert e["message"] == f"Customer {cus} does not have a linked source with ID {tok}."
    ch = ok(charge(sb, customer=cus, source=card_obj["id"]))
    assert ch["payment_method"] == card_obj["id"] and ch["customer"] == cus


@pytest.mark.parametrize("test_token", sorted(cards.TEST_TOKENS))
def test_test_tokens_work_and_never_get_used_up(sb: Sandbox, test_token: str) -> None:
    # §6.4: tok_visa & co. stand for a fresh token of their card every time
    test = cards.BY_KEY[cards.TEST_TOKENS[test_token]]
    for _ in range(2):
        resp = charge(sb, source=test_token)
        if test.charge_decline is None:
            assert ok(resp)["source"]["last4"] == test.last4
        else:
            assert err(resp, 402)["code"] == test.charge_decline.code


def test_unknown_token_ids(sb: Sandbox) -> None:
    assert err(sb.request("GET", "/v1/tokens/tok_nope"), 404)["code"] == "resource_missing"
    assert err(charge(sb, source="tok_nope"))["message"] == "No such token: 'tok_nope'"


def test_token_needs_exactly_one_kind(sb: Sandbox) -> None:
    err(sb.request("POST", "/v1/tokens", {}))
    err(sb.request("POST", "/v1/tokens", {**card(), "pii[id_number]": "1"}))


def test_other_token_types_cannot_be_charged_or_attached(sb: Sandbox) -> None:
    pii = ok(sb.request("POST", "/v1/tokens", {"pii[id_number]": "1"}))["id"]
    cus = customer(sb)
    err(charge(sb, source=pii))
    err(sb.request("POST", f"/v1/customers/{cus}/sources", {"source": pii}))
    assert sb.get(pii)["used"] is False


def test_bank_account_token_attaches_as_ba(sb: Sandbox) -> None:
    btok = ok(sb.request("POST", "/v1/tokens", TOKEN_CASES[1][2]))["id"]
    cus = customer(sb)
    ba = ok(sb.request("POST", f"/v1/customers/{cus}/sources", {"source": btok}))
    assert ba["object"] == "bank_account" and ba["id"].startswith("ba_")
    assert ba["status"] == "new" and ba["last4"] == "6789"
    e = err(charge(sb, customer=cus))
    assert e["message"] == (
        "The customer's bank account must be verified in order to create an ACH payment."
    )


# --- customers (§7) --------------------------------------------------------------


def test_create_with_source_sets_default(sb: Sandbox) -> None:
    src = card_source(sb)
    cus = ok(sb.request("POST", "/v1/customers", {"source": src, "email": "a@b.co"}))
    assert cus["default_source"] == src and "sources" not in cus  # 2020-08-27: not expanded
    assert sb.get(src)["customer"] == cus["id"]
    full = sb.get(cus["id"], expand=("sources",))
    assert [s["id"] for s in full["sources"]["data"]] == [src]
    expanded = ok(sb.request("GET", f"/v1/customers/{cus['id']}", {"expand[]": "sources"}))
    assert expanded["sources"]["data"][0]["id"] == src


def test_attach_does_not_change_an_existing_default(sb: Sandbox) -> None:
    first = card_source(sb)
    cus = ok(sb.request("POST", "/v1/customers", {"source": first}))["id"]
    second = card_source(sb)
    n = len(sb.events)
    ok(sb.request("POST", f"/v1/customers/{cus}/sources", {"source": second}))
    assert sb.get(cus)["default_source"] == first
    assert event_types(sb, n) == ["customer.source.created"]


def test_update_with_source_replaces_and_detaches_the_default(sb: Sandbox) -> None:
    first = card_source(sb)
    cus = ok(sb.request("POST", "/v1/customers", {"source": first}))["id"]
    second = card_source(sb)
    n = len(sb.events)
    body = ok(sb.request("POST", f"/v1/customers/{cus}", {"source": second}))
    assert body["default_source"] == second
    assert sb.get(first)["status"] == "consumed" and "customer" not in sb.get(first)
    assert event_types(sb, n) == [
        "customer.source.created",
        "customer.source.deleted",
        "customer.updated",
    ]
    assert sb.events[-1]["data"]["previous_attributes"] == {"default_source": first}


def test_update_with_token_deletes_the_old_default_card(sb: Sandbox) -> None:
    cus = ok(sb.request("POST", "/v1/customers", {"source": token(sb)}))
    old = cus["default_source"]
    body = ok(sb.request("POST", f"/v1/customers/{cus['id']}", {"source": token(sb)}))
    assert body["default_source"] != old and sb.get(old) is None


def test_set_default_source(sb: Sandbox) -> None:
    a, b = card_source(sb), card_source(sb)
    cus = ok(sb.request("POST", "/v1/customers", {"source": a}))["id"]
    ok(sb.request("POST", f"/v1/customers/{cus}/sources", {"source": b}))
    assert (
        ok(sb.request("POST", f"/v1/customers/{cus}", {"default_source": b}))["default_source"] == b
    )
    e = err(sb.request("POST", f"/v1/customers/{cus}", {"default_source": "card_x"}), 404)
    assert e["param"] == "default_source"


def test_delete_default_card_makes_the_most_recent_default(sb: Sandbox) -> None:
    cus = customer(sb)
    ids = [
        ok(sb.request("POST", f"/v1/customers/{cus}/sources", {"source": token(sb)}))["id"]
        for _ in range(3)
    ]
    assert sb.get(cus)["default_source"] == ids[0]
    body = ok(sb.request("DELETE", f"/v1/customers/{cus}/sources/{ids[0]}"))
    assert body == {"id": ids[0], "object": "card", "deleted": True}
    assert sb.get(cus)["default_source"] == ids[2]
    ok(sb.request("DELETE", f"/v1/customers/{cus}/sources/{ids[2]}"))
    ok(sb.request("DELETE", f"/v1/customers/{cus}/sources/{ids[1]}"))
    assert sb.get(cus)["default_source"] is None


def test_customer_sources_list_and_retrieve(sb: Sandbox) -> None:
    cus = customer(sb)
    src = card_source(sb)
    ok(sb.request("POST", f"/v1/customers/{cus}/sources", {"source": src}))
    c = ok(sb.request("POST", f"/v1/customers/{cus}/sources", {"source": token(sb)}))
    listed = ok(sb.request("GET", f"/v1/customers/{cus}/sources"))
    assert [x["id"] for x in listed["data"]] == [c["id"], src]
    only = ok(sb.request("GET", f"/v1/customers/{cus}/sources", {"object": "card"}))
    assert [x["id"] for x in only["data"]] == [c["id"]]
    assert ok(sb.request("GET", f"/v1/customers/{cus}/sources/{src}"))["id"] == src
    err(sb.request("GET", f"/v1/customers/{cus}/sources/src_other"), 404)


def test_decline_cards_cannot_be_attached_but_0341_can(sb: Sandbox) -> None:
    # §10
    cus = customer(sb)
    tok = token(sb, "4000000000000002")
    before = sb.state_snapshot()
    e = err(sb.request("POST", f"/v1/customers/{cus}/sources", {"source": tok}), 402)
    assert e["code"] == "card_declined" and "charge" not in e
    assert sb.state_snapshot() == before  # refused: token unused, nothing attached
    fine = ok(
        sb.request(
            "POST", f"/v1/customers/{cus}/sources", {"source": token(sb, "4000000000000341")}
        )
    )
    e = err(charge(sb, customer=cus), 402)
    assert e["code"] == "card_declined" and sb.get(e["charge"])["customer"] == cus
    assert sb.get(fine["id"])["customer"] == cus


def test_delete_customer(sb: Sandbox) -> None:
    src = card_source(sb)
    cus = ok(sb.request("POST", "/v1/customers", {"source": src}))["id"]
    tok_card = ok(sb.request("POST", f"/v1/customers/{cus}/sources", {"source": token(sb)}))
    body = ok(sb.request("DELETE", f"/v1/customers/{cus}"))
    assert body == {"id": cus, "object": "customer", "deleted": True}
    assert sb.get(src)["status"] == "consumed" and sb.get(tok_card["id"]) is None
    assert event_types(sb)[-1] == "customer.deleted"
    # spec GET /v1/customers/{customer}: a deleted customer is still read, as deleted
    assert ok(sb.request("GET", f"/v1/customers/{cus}")) == body
    err(charge(sb, customer=cus), 404)
    err(sb.request("POST", f"/v1/customers/{cus}", {"name": "x"}), 404)


def test_pm_is_not_a_customer_source(sb: Sandbox) -> None:
    cus = customer(sb)
    e = err(sb.request("POST", f"/v1/customers/{cus}/sources", {"source": "pm_card_visa"}))
    assert e["message"].startswith("You cannot use a PaymentMethod as a source for Customers")


def test_customer_create_with_unknown_src_says_no_such_token(sb: Sandbox) -> None:
    # §7.1: the shared lookup names the wrong kind
    before = sb.state_snapshot()
    e = err(sb.request("POST", "/v1/customers", {"source": "src_missing"}))
    assert e["message"] == "No such token: 'src_missing'" and e["param"] == "source"
    assert sb.state_snapshot() == before  # the customer was not created either


def test_customer_list_and_update_fields(sb: Sandbox) -> None:
    a = customer(sb, email="a@x.io")
    customer(sb, email="b@x.io")
    found = ok(sb.request("GET", "/v1/customers", {"email": "a@x.io"}))
    assert [c["id"] for c in found["data"]] == [a]
    body = ok(sb.request("POST", f"/v1/customers/{a}", {"name": "Ann", "metadata[k]": "v"}))
    assert body["name"] == "Ann" and body["metadata"] == {"k": "v"}
    body = ok(sb.request("POST", f"/v1/customers/{a}", {"metadata[k]": ""}))
    assert body["metadata"] == {}
