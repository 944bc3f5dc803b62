"""Reading the Stripe JSON the sandbox returns: the ids an event is about, the simulated clock.

Shared by the detail pane, the event log and the action bar.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDateTime, QTimeZone


def format_clock(seconds: int | float | None) -> str:
    """Unix seconds on the simulated clock as ``YYYY-MM-DD HH:MM:SS`` (UTC)."""
    if seconds is None:
        return ""
    stamp = QDateTime.fromSecsSinceEpoch(int(seconds), QTimeZone.utc())
    return stamp.toString("yyyy-MM-dd HH:mm:ss")


def event_object_ids(event: dict[str, Any]) -> set[str]:
    """The ids an event is about: its object, and the source/customer that object names."""
    data = event.get("data") or {}
    obj = data.get("object") or {}
    ids: set[str] = set()
    if isinstance(obj, dict):
        for key in ("id", "customer", "source", "charge", "payment_method"):
            value = obj.get(key)
            if isinstance(value, dict):
                value = value.get("id")
            if isinstance(value, str) and value:
                ids.add(value)
    return ids
