"""Helpers shared by the pure-core tests (no Qt)."""

from __future__ import annotations

from typing import Any

from core.api import Response, Sandbox
from core.facts import source_catalog

CARD = {"card[exp_month]": "12", "card[exp_year]": "2030"}


def ok(resp: Response) -> dict[str, Any]:
    assert resp.status == 200, resp.body
    return resp.body


def err(resp: Response, status: int = 400) -> dict[str, Any]:
    assert resp.status == status, resp.body
    assert not resp.accepted or status == 402
    inner: dict[str, Any] = resp.body["error"]
    return inner


def card(number: str = "4242424242424242", cvc: str | None = None) -> dict[str, str]:
    params = {"card[number]": number, **CARD}
    if cvc is not None:
        params["card[cvc]"] = cvc
    return params


def token(sb: Sandbox, number: str = "4242424242424242", cvc: str | None = None) -> str:
    return str(ok(sb.request("POST", "/v1/tokens", card(number, cvc)))["id"])


def card_source(sb: Sandbox, number: str = "4242424242424242", cvc: str | None = None) -> str:
    return str(ok(sb.request("POST", "/v1/sources", {"type": "card", **card(number, cvc)}))["id"])


def customer(sb: Sandbox, **params: str) -> str:
    return str(ok(sb.request("POST", "/v1/customers", params))["id"])


def source_params(type_name: str, **extra: Any) -> dict[str, Any]:
    """Valid creation params for any source type (card uses 4242)."""
    info = source_catalog.SOURCE_TYPES[type_name]
    params: dict[str, Any] = {
        "type": type_name,
        "owner[email]": "jenny@example.com",
        "owner[name]": "Jenny Rosen",
    }
    if info.flow == "redirect":
        params["redirect[return_url]"] = "https://example.com/return"
    params["currency"] = sorted(info.currencies)[0] if info.currencies else "usd"
    if info.amount_at_creation != "forbidden":
        params["amount"] = "1000"
    if type_name == "card":
        params.update(card())
    if type_name == "sepa_debit":
        params["sepa_debit[iban]"] = "DE89370400440532013000"
    if type_name == "sofort":
        params["sofort[country]"] = "DE"
    if type_name == "klarna":
        params["source_order[items][0][type]"] = "sku"
        params["source_order[items][0][amount]"] = "1000"
    params.update(extra)
    return params


def make_source(sb: Sandbox, type_name: str, **extra: Any) -> dict[str, Any]:
    if type_name == "three_d_secure":
        base = card_source(sb, extra.pop("number", "4000000000003063"))
        extra.setdefault("three_d_secure[card]", base)
    return ok(sb.request("POST", "/v1/sources", source_params(type_name, **extra)))


def chargeable_source(sb: Sandbox, type_name: str, **extra: Any) -> dict[str, Any]:
    src = make_source(sb, type_name, **extra)
    if src["status"] == "pending":
        src = ok(
            sb.request(
                "POST",
                f"/v1/test_helpers/sources/{src['id']}/authorize",
                {"amount": "1000"} if src["flow"] == "receiver" else None,
            )
        )
    assert src["status"] == "chargeable", src
    return src


def charge(sb: Sandbox, **params: Any) -> Response:
    params.setdefault("amount", "1000")
    params.setdefault("currency", "usd")
    return sb.request("POST", "/v1/charges", params)


def event_types(sb: Sandbox, since: int = 0) -> list[str]:
    return [e["type"] for e in sb.events[since:]]
