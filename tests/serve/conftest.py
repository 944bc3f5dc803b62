"""Fixtures for the `chargeable serve` tests: a server on 127.0.0.1, a webhook receiver."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from serve_helpers import Receiver


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()
