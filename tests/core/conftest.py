from __future__ import annotations

from collections.abc import Iterator

import pytest

from core.api import Sandbox
from core.wire import emit


@pytest.fixture(autouse=True)
def strict_models(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Core tests run on the strict path: every emitted object is validated by its
    pydantic model, and the fast JSON production emits must equal the model's dump."""
    monkeypatch.setattr(emit, "STRICT", True)
    yield


@pytest.fixture
def sb() -> Sandbox:
    """A sandbox without the key check (like the GUI's)."""
    return Sandbox(seed=7, check_keys=False)
