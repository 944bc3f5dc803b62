"""Webhook signing and forwarding, checked with stripe-python's own verifier."""

from __future__ import annotations

import json
import time

import pytest
import stripe
from serve_helpers import Receiver

from core.http.webhooks import (
    WebhookForwarder,
    compute_signature,
    generate_secret,
    signature_header,
)

EVENT = {
    "id": "evt_1",
    "object": "event",
    "type": "source.chargeable",
    "created": 1700000000,
    "livemode": False,
    "api_version": "2020-08-27",
    "data": {"object": {"id": "src_1", "object": "source", "status": "chargeable"}},
}


def test_secret_looks_like_the_stripe_cli_one() -> None:
    secret = generate_secret()
    assert secret.startswith("whsec_")
    assert len(secret) == len("whsec_") + 32
    assert secret != generate_secret()


def test_signature_is_hmac_sha256_of_timestamp_dot_payload() -> None:
    import hashlib
    import hmac

    expected = hmac.new(b"whsec_abc", b"123.{}", hashlib.sha256).hexdigest()
    assert compute_signature("{}", "whsec_abc", 123) == expected
    assert signature_header("{}", "whsec_abc", 123) == f"t=123,v1={expected}"


def test_stripe_python_accepts_the_signature_and_rejects_a_tampered_payload() -> None:
    secret = generate_secret()
    payload = json.dumps(EVENT)
    header = signature_header(payload, secret)
    event = stripe.Webhook.construct_event(payload, header, secret)
    assert event.id == "evt_1" and event.type == "source.chargeable"
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.Webhook.construct_event(payload.replace("src_1", "src_2"), header, secret)
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.Webhook.construct_event(payload, header, generate_secret())


def test_forwarded_events_verify_with_stripe_python(receiver: Receiver) -> None:
    forwarder = WebhookForwarder(receiver.url)
    forwarder.start()
    try:
        for n in range(3):
            assert forwarder.submit(EVENT | {"id": f"evt_{n}"})
        posts = receiver.wait_for(3)
    finally:
        forwarder.stop()
    assert [p.path for p in posts] == ["/webhooks"] * 3
    ids = []
    for post in posts:
        assert post.headers["Content-Type"].startswith("application/json")
        event = stripe.Webhook.construct_event(
            post.body.decode(), post.headers["Stripe-Signature"], forwarder.secret
        )
        ids.append(event.id)
    assert ids == ["evt_0", "evt_1", "evt_2"]  # in order, each once
    assert (forwarder.delivered, forwarder.failed, forwarder.dropped) == (3, 0, 0)


def test_a_non_2xx_answer_counts_as_failed(receiver: Receiver) -> None:
    receiver.status = 500
    seen = []
    forwarder = WebhookForwarder(receiver.url, on_delivery=seen.append)
    forwarder.start()
    forwarder.submit(EVENT)
    assert forwarder.wait_idle()
    forwarder.stop()
    assert (forwarder.delivered, forwarder.failed) == (0, 1)
    assert seen[0].status == 500 and seen[0].event_id == "evt_1"


def test_a_dead_endpoint_is_reported_not_raised() -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    seen = []
    forwarder = WebhookForwarder(f"http://127.0.0.1:{port}/", on_delivery=seen.append)
    forwarder.start()
    forwarder.submit(EVENT)
    assert forwarder.wait_idle()
    forwarder.stop()
    assert forwarder.failed == 1
    assert seen[0].status is None and "Connection" in seen[0].error


def test_a_stalled_endpoint_never_blocks_submit_and_the_queue_is_bounded(
    receiver: Receiver,
) -> None:
    receiver.delay = 30.0  # stalls until released
    forwarder = WebhookForwarder(receiver.url, max_queue=5, timeout=0.5)
    forwarder.start()
    started = time.monotonic()
    accepted = sum(forwarder.submit(EVENT | {"id": f"evt_{n}"}) for n in range(50))
    assert time.monotonic() - started < 0.5  # never waited for the endpoint
    assert accepted <= 6  # one in flight + five queued
    assert forwarder.dropped == 50 - accepted
    receiver.release.set()
    forwarder.stop(timeout=10)
    assert forwarder.delivered + forwarder.failed == accepted  # timed-out ones count as failed


def test_only_http_urls_are_accepted() -> None:
    with pytest.raises(ValueError, match="http"):
        WebhookForwarder("ftp://example.com/hook")
    with pytest.raises(ValueError):
        WebhookForwarder("localhost:8000/hook")
