"""Every text the core makes and the GUI shows is in gui.words.core_texts, so it is translated.

The core's tables are read directly (edge labels, guard reasons, card notes,
unverified notes); the blocked reasons and notes of ``allowed_actions`` and of the graph's
edges, which depend on the object's state, are collected by walking the
sandbox: one object of every source type/usage/flow and a token of every test
card, then every enabled action (with the choices a user can make) three steps
deep, deleting the customer at each step too.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

import gui.words.i18n
from core.api import Sandbox
from core.facts import cards, catalog
from core.lifecycle import tables as lifecycle
from gui.words import core_texts

CARD = {"card[exp_month]": "12", "card[exp_year]": "2030", "card[cvc]": "123"}
DEPTH = 3


def _unknown(texts: set[str]) -> list[str]:
    return sorted(t for t in texts if t and core_texts.match(t) is None)


def test_lifecycle_tables_are_listed() -> None:
    texts = {t.label for table in lifecycle.TABLES.values() for t in table.transitions}
    texts |= {g.reason for g in lifecycle.GUARDS.values()}
    assert _unknown(texts) == [], "add these to gui/core_texts.py EXACT"


def test_card_notes_and_unverified_notes_are_listed() -> None:
    texts = {c.note for c in cards.TEST_CARDS}
    for facts in catalog.SOURCE_TYPES.values():
        texts |= {key.replace("_", " ") for key in facts.unverified}
        texts |= set(facts.unverified.values())
    assert _unknown(texts) == [], "add these to gui/core_texts.py EXACT"


def _source_params(type_name: str, usage: str, flow: str) -> dict[str, Any]:
    info = catalog.SOURCE_TYPES[type_name]
    params: dict[str, Any] = {
        "type": type_name,
        "usage": usage,
        "flow": flow,
        "owner[email]": "jenny@example.com",
        "owner[name]": "Jenny Rosen",
        "currency": sorted(info.currencies)[0] if info.currencies else "usd",
    }
    if "redirect" in info.flows:
        params["redirect[return_url]"] = "https://example.com/return"
    if info.amount_at_creation != "forbidden":
        params["amount"] = "1000"
    if type_name == "sepa_debit":
        params["sepa_debit[iban]"] = "DE89370400440532013000"
    if type_name == "sofort":
        params["sofort[country]"] = "DE"
    return params


def _starts() -> Iterator[Sandbox]:
    for type_name, info in catalog.SOURCE_TYPES.items():
        for usage in info.usages:
            for flow in info.flows:
                numbers = ["4242424242424242"]
                if type_name in ("card", "three_d_secure"):
                    numbers = [
                        "4242424242424242",
                        "4000000000003063",
                        "4000000000003097",
                        "4000000000000002",
                    ]
                for number in numbers:
                    sb = Sandbox(seed=1, check_keys=False)
                    sb.request("POST", "/v1/customers", {})
                    params = _source_params(type_name, usage, flow)
                    if type_name == "card":
                        params.update({"card[number]": number, **CARD})
                    if type_name == "three_d_secure":
                        base = sb.request(
                            "POST", "/v1/sources", {"type": "card", "card[number]": number, **CARD}
                        )
                        params["three_d_secure[card]"] = base.body["id"]
                    if type_name == "klarna":
                        yield _with(sb, "/v1/sources", params)  # no source_order yet
                        params["source_order[items][0][type]"] = "sku"
                        params["source_order[items][0][amount]"] = "1000"
                    yield _with(sb, "/v1/sources", params)
    for card in cards.TEST_CARDS:
        sb = Sandbox(seed=1, check_keys=False)
        sb.request("POST", "/v1/customers", {})
        yield _with(sb, "/v1/tokens", {"card[number]": card.number, **CARD})
    sb = Sandbox(seed=1, check_keys=False)
    sb.request("POST", "/v1/customers", {})
    sb.request(
        "POST",
        "/v1/tokens",
        {
            "bank_account[country]": "US",
            "bank_account[currency]": "usd",
            "bank_account[routing_number]": "110000000",
            "bank_account[account_number]": "000123456789",
            "bank_account[account_holder_name]": "Jenny Rosen",
            "bank_account[account_holder_type]": "individual",
        },
    )
    yield _with(sb, "/v1/tokens", {"pii[id_number]": "000000000"})
    # PaymentIntents and their kin: an open PaymentIntent (card, and a us_bank_account one
    # that will process), a saved PaymentMethod and a SetupIntent
    for method in ("pm_card_threeDSecure2Required", "pm_usBankAccount_success"):
        sb = Sandbox(seed=1, check_keys=False)
        customer = sb.request("POST", "/v1/customers", {}).body["id"]
        sb.request("POST", "/v1/payment_methods/pm_card_visa/attach", {"customer": customer})
        sb.request("POST", "/v1/setup_intents", {"payment_method_types[]": "card"})
        kind = "us_bank_account" if "BankAccount" in method else "card"
        yield _with(
            sb,
            "/v1/payment_intents",
            {
                "amount": "1000",
                "currency": "usd",
                "payment_method_types[]": kind,
                "payment_method": method,
                "capture_method": "manual" if kind == "card" else "automatic",
            },
        )


def _with(sb: Sandbox, path: str, params: dict[str, Any]) -> Sandbox:
    out = copy.deepcopy(sb)
    response = out.request("POST", path, params)
    assert response.status == 200, (path, params, response.body)
    return out


def _choices(sb: Sandbox, action: Any) -> list[dict[str, Any]]:
    choices: list[dict[str, Any]] = [{}]
    if "customer" in action.needs:
        choices = [{"customer": c} for c in sb.object_ids("customer")]
    if "values" in action.needs:
        choices = [{"values": ["32", "45"]}, {"values": ["1", "2"]}]
    if action.name == "charge":
        choices += [dict(c, capture="false") for c in choices]
    if action.name in ("refund", "receive_funds"):
        choices.append({"amount": "100"})
    return choices


def _collect(sb: Sandbox, into: set[str]) -> None:
    for object_id in sb.object_ids():
        for action in sb.allowed_actions(object_id):
            into.update(text for text in (action.reason, action.note) if text)
        into.update(e.reason for e in sb.graph(object_id).edges if e.reason)


def _walk(sb: Sandbox, depth: int, into: set[str], seen: set[str]) -> None:
    _collect(sb, into)
    key = repr(sb.state_snapshot())
    if depth == 0 or key in seen:
        return
    seen.add(key)
    for customer in sb.object_ids("customer"):
        deleted = copy.deepcopy(sb)
        deleted.request("DELETE", f"/v1/customers/{customer}", {})
        _collect(deleted, into)
    for object_id in sb.object_ids():
        for action in sb.allowed_actions(object_id):
            if not action.enabled:
                continue
            for chosen in _choices(sb, action):
                after = copy.deepcopy(sb)
                after.request(*action.request_args(chosen))
                _walk(after, depth - 1, into, seen)


@pytest.fixture(scope="module")
def reachable_reasons() -> set[str]:
    reasons: set[str] = set()
    for sb in _starts():
        _walk(sb, DEPTH, reasons, set())
    return reasons


def test_every_reachable_blocked_reason_is_listed(reachable_reasons: set[str]) -> None:
    assert len(reachable_reasons) > 60  # the walk really reached many states
    assert _unknown(reachable_reasons) == [], (
        "add these to gui/core_texts.py (EXACT, or TEMPLATES for variable parts)"
    )


def test_every_template_is_reached(reachable_reasons: set[str]) -> None:
    """A template the core no longer makes is dead weight (or the walk lost its reach)."""
    used = {core_texts.match(r)[0] for r in reachable_reasons if core_texts.match(r)}  # type: ignore[index]
    assert sorted(set(core_texts.TEMPLATES) - used) == []


@pytest.fixture
def japanese(qapp: Any, tmp_path: Path) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load(str(gui.words.i18n.compiled_qm("ja", tmp_path)))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_english_is_the_core_text_itself() -> None:
    for text in ("already attached to cus_123", "charge (single_use)", "not a core text"):
        assert core_texts.translate(text) == text


@pytest.mark.usefixtures("japanese")
def test_japanese_translates_templates_and_keeps_values() -> None:
    assert core_texts.translate("charge (single_use)") == "請求 (single_use)"
    said = core_texts.translate("already attached to cus_AkiA1uyT")
    assert "cus_AkiA1uyT" in said and "関連付け" in said
    said = core_texts.translate("only a pending source can be authorized; this one is canceled")
    assert "canceled (キャンセル)" in said and "pending (保留中)" in said
    assert core_texts.translate("not a core text") == "not a core text"
    for text in core_texts.EXACT:
        if text.isidentifier():  # topic words that are Stripe field names stay as they are
            continue
        assert core_texts.translate(text) != text, text
