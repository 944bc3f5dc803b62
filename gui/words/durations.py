"""Clock ▸ Advance by…: a duration as people write it (``90s``, ``45m``, ``1h30m``, ``2d``).

A bare number is hours, as the dialog always took (``1.5`` = 1 h 30 min).
"""

from __future__ import annotations

import re

UNITS = {"d": 86400, "h": 3600, "m": 60, "s": 1}
_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*([dhms])", re.IGNORECASE)
_WHOLE = re.compile(r"(?:\s*\d+(?:[.,]\d+)?\s*[dhms]\s*)+", re.IGNORECASE)


def parse_duration(text: str) -> int | None:
    """Seconds in ``text``; ``None`` when it is not a duration (or not a positive one)."""
    text = text.strip()
    if not text:
        return None
    try:
        hours = float(text.replace(",", "."))
    except ValueError:
        pass
    else:
        return int(round(hours * 3600)) if hours > 0 else None
    if not _WHOLE.fullmatch(text):
        return None
    seconds = sum(
        float(number.replace(",", ".")) * UNITS[unit.lower()]
        for number, unit in _PART.findall(text)
    )
    return int(round(seconds)) if seconds > 0 else None


def format_duration(seconds: int) -> str:
    """``5400`` → ``1h30m`` (the form :func:`parse_duration` reads)."""
    out = []
    for unit, size in UNITS.items():
        if seconds >= size:
            out.append(f"{seconds // size}{unit}")
            seconds %= size
    return "".join(out) or "0s"
