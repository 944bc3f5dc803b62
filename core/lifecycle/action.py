"""An action: one thing a user can try on an object now, enabled or blocked and why,
with the exact request that performs it (built by :mod:`core.lifecycle.actions`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.i18n import QT_TRANSLATE_NOOP
from core.store.state import State

ACTION_NAMES = (
    "charge",
    "attach",
    "detach",
    "set_default",
    "authorize",
    "fail",
    "receive_funds",
    "verify",
    "capture",
    "refund",
    "advance_clock",
    "confirm",
    "cancel",
)
DEFAULT_AMOUNT = "1000"


@dataclass(frozen=True, slots=True)
class Action:
    """One thing the user can try on an object.

    Attributes:
        name: one of ``ACTION_NAMES``.
        label: short words for a button (untranslated; the GUI wraps it in tr()).
        enabled: the request would be accepted now.
        reason: why it is blocked (empty when enabled).
        method, path: the request; ``{customer}`` in ``path`` is filled from the
            chosen ``customer`` (see :meth:`request_args`).
        params: the defaults the request would send.
        needs: parameters the user must still choose (e.g. ``customer``).
        note: where the reference marks the outcome unverified (§13), what the
            sandbox does instead; empty otherwise. Shown beside the action so a
            learner does not take a sandbox choice for Stripe's behaviour.
    """

    name: str
    label: str
    enabled: bool
    reason: str
    method: str
    path: str
    params: dict[str, Any] = field(default_factory=dict)
    needs: tuple[str, ...] = ()
    note: str = ""

    def request_args(self, chosen: dict[str, Any] | None = None) -> tuple[str, str, dict[str, Any]]:
        """``(method, path, params)`` to send, with ``chosen`` values merged in."""
        params = {**self.params, **(chosen or {})}
        path = self.path
        if "{customer}" in path:
            path = path.replace("{customer}", str(params.pop("customer", "")))
        return self.method, path, params


def act(
    name: str,
    label: str,
    reason: str,
    method: str,
    path: str,
    params: dict[str, Any] | None = None,
    needs: tuple[str, ...] = (),
    note: str = "",
) -> Action:
    return Action(name, label, not reason, reason, method, path, params or {}, needs, note)


def clock(rec: Any, st: State, due: int | None, label: str) -> Action:
    reason = (
        "" if due is not None else QT_TRANSLATE_NOOP("core", "no timer is running for this object")
    )
    seconds = max(due - st.now, 0) if due is not None else 0
    return act(
        "advance_clock",
        label,
        reason,
        "POST",
        "/v1/test_helpers/advance_clock",
        {"seconds": str(seconds)},
    )
