"""A PaymentIntent whose behaviour the reference marks unverified says so on screen: the
detail pane's status explanation carries the sandbox's choice, read from the one place
that makes it (core.facts.intents)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers.window import make_window, ok, select

from core.facts import intents

pytestmark = pytest.mark.gui

RETURN_URL = ("return_url", "https://example.com/return")


def _intent(window: Any, card: str, *extra: tuple[str, str]) -> str:
    params = [("amount", "5000"), ("currency", "usd"), ("payment_method", card)]
    params += [("confirm", "true"), RETURN_URL, *extra]
    return str(ok(window.sandbox, "POST", "/v1/payment_intents", params)["id"])


def _status_why(window: Any) -> str:
    return {p: w for p, _v, _m, w in window.detail_pane.property_rows}["status"]


def test_an_authorized_intent_says_its_hold_expiry_is_unverified(
    qtbot: Any, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    pi = _intent(window, "pm_card_visa", ("capture_method", "manual"))
    select(window, pi)
    assert window.sandbox.get(pi)["status"] == "requires_capture"  # §3.2 T4
    why = _status_why(window)
    # §3.2 T17: the 7-day hold and its cancellation_reason are unverified (§14)
    assert "Unverified: " + intents.UNVERIFIED["hold_expiry"] in why
    assert "Unverified: " + intents.UNVERIFIED["processing_amounts"] in why  # §3.5
    shown = " ".join(window.detail_pane.properties.toPlainText().split())
    assert "canceled after 7 days" in shown and "unverified, §3.2 T17" in shown


def test_a_3ds_intent_says_its_48_hour_timeout_is_unverified(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    pi = _intent(window, "pm_card_authenticationRequired")
    select(window, pi)
    assert window.sandbox.get(pi)["status"] == "requires_action"  # §3.2 T5, §8.3
    assert intents.UNVERIFIED["requires_action_timeout"] in _status_why(window)  # §3.2 T8


def test_a_paid_intent_has_no_unverified_note(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    pi = _intent(window, "pm_card_visa")
    select(window, pi)
    why = _status_why(window)
    assert window.sandbox.get(pi)["status"] == "succeeded" and "Paid" in why  # §3.2 T3
    assert "Unverified" not in why


def test_the_choice_lives_in_core_facts_intents(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, tmp_path)
    pi = _intent(window, "pm_card_visa", ("capture_method", "manual"))
    monkeypatch.setitem(intents.STATUS_UNVERIFIED, "requires_capture", ())
    select(window, pi)
    assert "Unverified" not in _status_why(window)


def test_the_note_is_in_japanese(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    pi = _intent(window, "pm_card_visa", ("capture_method", "manual"))
    try:
        assert window.set_language("ja")
        select(window, pi)
        why = _status_why(window)
        assert "未検証" in why and "7 日" in why
        assert intents.UNVERIFIED["hold_expiry"] not in why
    finally:
        window.set_language("en")
