"""The core's words are marked where they are written and reach the GUI translated.

The core marks every text a person reads with ``core.i18n.QT_TRANSLATE_NOOP`` and
fills templates with ``core.i18n.fill``; lupdate puts them in the ``.ts`` (context
``core``). These tests read the core's tables and walk the sandbox (one object of
every source type/usage/flow and a token of every test card, then every enabled
action three steps deep, deleting the customer at each step too) and check that each
text it makes — edge labels, guard and action reasons, notes — is a message of the
committed ``.ts``, finished: a text the core makes without marking it fails here.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

import gui.words.i18n
from core.api import Sandbox
from core.facts import cards, source_catalog
from core.i18n import CONTEXT, Text, fill, template_of
from core.lifecycle import requires
from core.lifecycle import tables as lifecycle
from gui.words.i18n import core_text

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "chargeable_ja.ts"
CARD = {"card[exp_month]": "12", "card[exp_year]": "2030", "card[cvc]": "123"}
DEPTH = 3


@pytest.fixture(scope="module")
def translated() -> set[str]:
    """The source texts of the finished messages of context ``core`` in the .ts."""
    out = set()
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and not translation.get("type") and translation.text:
                out.add(message.findtext("source") or "")
    return out


def _unmarked(texts: set[str], translated: set[str]) -> list[str]:
    return sorted(text for text in texts if text and template_of(text)[0] not in translated)


def test_tables_requirements_cards_and_catalog_are_marked(translated: set[str]) -> None:
    texts = {t.label for table in lifecycle.TABLES.values() for t in table.transitions}
    texts |= {g.reason for g in lifecycle.GUARDS.values()}
    texts |= {g.reason for g in requires.GUARDS.values()}
    texts |= {c.note for c in cards.TEST_CARDS}
    for facts in source_catalog.SOURCE_TYPES.values():
        texts |= {source_catalog.UNVERIFIED_TOPICS[key] for key in facts.unverified}
        texts |= set(facts.unverified.values())
    assert len(texts) > 100
    assert _unmarked(texts, translated) == [], "mark these with core.i18n.QT_TRANSLATE_NOOP"


def _source_params(type_name: str, usage: str, flow: str) -> dict[str, Any]:
    info = source_catalog.SOURCE_TYPES[type_name]
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
    for type_name, info in source_catalog.SOURCE_TYPES.items():
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


def test_every_reachable_reason_and_note_is_marked(
    reachable_reasons: set[str], translated: set[str]
) -> None:
    assert len(reachable_reasons) > 60  # the walk really reached many states
    assert _unmarked(reachable_reasons, translated) == [], (
        "mark these with core.i18n.QT_TRANSLATE_NOOP (a template with fields: core.i18n.fill)"
    )
    templates = {template_of(r)[0] for r in reachable_reasons if isinstance(r, Text) and r.values}
    assert len(templates) >= 8  # variable reasons carry their template to the GUI


def test_a_filled_template_is_its_english_and_keeps_how_it_was_made() -> None:
    said = fill("already attached to {customer}", customer="cus_123")
    assert said == "already attached to cus_123" and isinstance(said, str)
    assert template_of(said) == ("already attached to {customer}", {"customer": "cus_123"})
    assert template_of(copy.deepcopy(said)) == template_of(said)
    assert template_of("plain") == ("plain", {})


@pytest.fixture
def japanese(qapp: Any, tmp_path: Path) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load(str(gui.words.i18n.compiled_qm("ja", tmp_path)))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_english_is_the_core_text_itself() -> None:
    for text in (
        fill("already attached to {customer}", customer="cus_123"),
        "charge (single_use)",
        "not a core text",
    ):
        assert core_text(text) == text


@pytest.mark.usefixtures("japanese")
def test_japanese_translates_templates_and_keeps_values(translated: set[str]) -> None:
    assert core_text("charge (single_use)") == "請求 (single_use)"
    sb = Sandbox(seed=1, check_keys=False)
    customer = sb.request("POST", "/v1/customers", {}).body["id"]
    ideal = {"type": "ideal", "amount": "1000", "currency": "eur"}
    source = sb.request(
        "POST", "/v1/sources", {**ideal, "redirect[return_url]": "https://example.com/r"}
    ).body["id"]
    sb.request("POST", f"/v1/customers/{customer}/sources", {"source": source})
    attach = {a.name: a for a in sb.allowed_actions(source)}["attach"]
    said = core_text(attach.reason)
    assert customer in said and "関連付け" in said, said
    sb.request("POST", "/v1/test_helpers/advance_clock", {"seconds": "3601"})  # §3.4: canceled
    authorize = {a.name: a for a in sb.allowed_actions(source)}["authorize"]
    said = core_text(authorize.reason)
    assert "canceled (キャンセル)" in said, said
    edge = next(e for e in sb.graph(source).edges if e.id == "T3")
    said = core_text(edge.reason)
    assert "canceled (キャンセル)" in said and "pending (保留中)" in said, said
    assert core_text("not a core text") == "not a core text"
    for text in translated:
        if text.isidentifier() or "{" in text:  # Stripe field names stay as they are
            continue
        assert core_text(text) != text, text
