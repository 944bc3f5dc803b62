"""A PaymentMethod while an intent's attempt with it is still open, and a bank debit
that fails when it settles.

stripe-intents-domain.md §4.4 says a PaymentMethod used once without a customer (even a
declined use) cannot be used again, and a detached one never; it does not say what
happens when it is attached or detached while a PaymentIntent waits on it
(``requires_action``, ``processing``). The sandbox refuses both until the attempt ends
(``core.lifecycle.intent_requires.open_attempt``), so an attempt always ends on the
PaymentMethod it started with. The stateful test found both sequences this file pins:
each ended in a 500 or in a charge by a detached PaymentMethod before.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from intents_support import IntentsSandbox

PIS = "/v1/payment_intents"
PMS = "/v1/payment_methods"
HELP = "/v1/test_helpers"
TDS = "pm_card_threeDSecure2Required"


@pytest.fixture
def api() -> Iterator[IntentsSandbox]:
    checked = IntentsSandbox(seed=7)
    yield checked
    checked.check_everything()
    assert checked.failures == [], "\n".join(checked.failures[:10])


def _action(api: IntentsSandbox, object_id: str, name: str) -> object:
    return next(a for a in api.sandbox.allowed_actions(object_id) if a.name == name)


def test_attach_waits_until_a_customerless_3ds_attempt_ends(api: IntentsSandbox) -> None:
    # intents §4.4 (single use without a customer), §8.3 (3DS card → requires_action)
    pm = api.pm(TDS)["id"]
    customer = api.customer()
    pi = api.pi(payment_method=pm, confirm="true")
    assert pi["status"] == "requires_action"
    attach = _action(api, pm, "attach")
    assert not attach.enabled and "still paying with it" in attach.reason  # type: ignore[attr-defined]
    refused = api.post(f"{PMS}/{pm}/attach", expect=400, customer=customer)
    assert pi["id"] in refused["error"]["message"]
    assert api.get(f"{PMS}/{pm}")["customer"] is None  # nothing changed
    done = api.post(f"{HELP}/payment_intents/{pi['id']}/authenticate", result="success")
    assert done["status"] == "succeeded"
    # the attempt ended without a customer: the PaymentMethod is used up (intents §9 E13)
    again = api.post(f"{PMS}/{pm}/attach", expect=400, customer=customer)
    assert "may not be used again" in again["error"]["message"]


def test_detach_waits_until_a_processing_debit_settles(api: IntentsSandbox) -> None:
    # intents §8.5 (a US bank debit passes through processing), §4.4 (detach)
    customer = api.customer()
    pm = api.pm("pm_usBankAccount_success")["id"]
    api.post(f"{PMS}/{pm}/attach", customer=customer)
    pi = api.pi(
        **{"payment_method_types[]": "us_bank_account"},
        customer=customer,
        payment_method=pm,
        confirm="true",
    )
    assert pi["status"] == "processing"
    assert not _action(api, pm, "detach").enabled  # type: ignore[attr-defined]
    api.post(f"{PMS}/{pm}/detach", expect=400)
    assert api.get(f"{PMS}/{pm}")["customer"] == customer
    api.post(f"{HELP}/advance_clock", seconds=str(5 * 24 * 3600))
    assert api.get(f"{PIS}/{pi['id']}")["status"] == "succeeded"
    assert _action(api, pm, "detach").enabled  # type: ignore[attr-defined]
    assert api.post(f"{PMS}/{pm}/detach")["customer"] is None


def test_a_debit_that_fails_at_settlement_leaves_an_uncaptured_failed_charge(
    api: IntentsSandbox,
) -> None:
    # intents §8.5 (failing SEPA IBAN), stripe-domain §8.2 (a failed charge is not captured)
    pm = api.post(PMS, type="sepa_debit", **{"sepa_debit[iban]": "AT861904300235473202"})["id"]
    pi = api.pi(
        currency="eur",
        **{"payment_method_types[]": "sepa_debit"},
        payment_method=pm,
        confirm="true",
    )
    assert pi["status"] == "processing"
    api.post(f"{HELP}/advance_clock", seconds=str(14 * 24 * 3600))
    after = api.get(f"{PIS}/{pi['id']}")
    assert after["status"] == "requires_payment_method"
    charge = api.get(f"/v1/charges/{pi['latest_charge']}")
    assert charge["status"] == "failed" and charge["paid"] is False
    assert charge["captured"] is False
    assert charge["failure_code"] == "payment_method_provider_decline"
