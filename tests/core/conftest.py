from __future__ import annotations

import pytest

from core.api import Sandbox


@pytest.fixture
def sb() -> Sandbox:
    """A sandbox without the key check (like the GUI's)."""
    return Sandbox(seed=7, check_keys=False)
