"""Requests as code for the PaymentIntent endpoints T19 and §3.3 added: Stripe's own
methods, not the simulator's raw-request fallback (stripe-intents-domain.md §3.2, §3.3)."""

from __future__ import annotations

from gui.words import request_code


def test_increment_authorization_is_stripes_own_method() -> None:
    # intents §3.2 T19: POST /v1/payment_intents/{id}/increment_authorization
    path = "/v1/payment_intents/pi_1/increment_authorization"
    python = request_code.python("POST", path, {"amount": "3000"})
    assert 'stripe.PaymentIntent.increment_authorization(\n    "pi_1",\n    amount=3000,' in python
    assert "raw_request" not in python and "only in Chargeable's simulator" not in python
    node = request_code.node("POST", path, {"amount": "3000"})
    assert 'stripe.paymentIntents.incrementAuthorization("pi_1", {' in node


def test_verify_microdeposits_is_stripes_own_method() -> None:
    # intents §3.3 verify_microdeposits
    path = "/v1/payment_intents/pi_1/verify_microdeposits"
    assert "stripe.PaymentIntent.verify_microdeposits(" in request_code.python("POST", path, {})
    assert "stripe.paymentIntents.verifyMicrodeposits(" in request_code.node("POST", path, {})


def test_the_simulator_helper_stays_a_raw_request() -> None:
    # intents §8.6: the authenticate helper is the sandbox's own
    path = "/v1/test_helpers/payment_intents/pi_1/authenticate"
    python = request_code.python("POST", path, {"result": "success"})
    assert "stripe.raw_request" in python and "only in Chargeable's simulator" in python
