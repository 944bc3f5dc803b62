"""Fixtures for the `chargeable serve` tests: a server on 127.0.0.1, a webhook receiver."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import stripe
from serve_helpers import Receiver

from core.http.server import StripeServer

KEY = "sk_test_chargeable"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()


@pytest.fixture
def sandbox() -> Any:
    from core.api import Sandbox

    return Sandbox(seed=0)


@pytest.fixture
def server(sandbox: Any) -> Iterator[StripeServer]:
    s = StripeServer(sandbox, "127.0.0.1", 0)
    s.start()
    yield s
    s.stop()


@pytest.fixture
def client(server: StripeServer) -> stripe.StripeClient:
    """The official client pointed at the server; no retries, so every call is one request."""
    return stripe.StripeClient(KEY, base_addresses={"api": server.url}, max_network_retries=0)
