"""One line per request, safe to print on a terminal and to keep in a file.

What a client sends is not trusted to be printable: control characters (an
escape sequence in a path would reach the terminal as a command) are shown as
``\\xNN``, and a digit run that looks like a card number (13 to 19 digits,
single spaces or dashes allowed between them, as people type them) keeps only
its last four digits, so a card number sent in a path is not written to the
log. Stripe's own ids never hold such a run: they are base-62.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# C0 controls, DEL, and C1 controls (0x80-0x9f: some terminals obey them too).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# 13-19 digits, optionally split by single spaces or dashes; not part of a longer run.
_CARD_LIKE = re.compile(r"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)")
_SEPARATOR_OR_DIGIT = re.compile(r"\d")


def _mask(match: re.Match[str]) -> str:
    run = match.group(0)
    digits = sum(c.isdigit() for c in run)
    keep_from = digits - 4
    seen = 0

    def star(m: re.Match[str]) -> str:
        nonlocal seen
        seen += 1
        return m.group(0) if seen > keep_from else "*"

    return _SEPARATOR_OR_DIGIT.sub(star, run)


_ASCII_DIGITS = b"0123456789"


def clean(text: str) -> str:
    """``text`` with control characters escaped and card-like digit runs masked."""
    if text.isascii():
        # Most lines: printable ASCII with fewer than 13 digits in all, which
        # neither pattern can match; counted at C speed instead of scanned.
        if not text.isprintable():
            text = _CONTROL.sub(_escape, text)
        digits = len(text) - len(text.encode("ascii").translate(None, _ASCII_DIGITS))
        return _CARD_LIKE.sub(_mask, text) if digits >= 13 else text
    text = _CONTROL.sub(_escape, text)
    return _CARD_LIKE.sub(_mask, text)


def _escape(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group(0)):02x}"


def access_line(method: str, path: str, status: int, request_id: str) -> str:
    """``POST /v1/tokens -> 200 [req_…]``, cleaned."""
    return f"{clean(method)} {clean(path)} -> {status} [{request_id}]"


class AccessLog:
    """Hands a cleaned line per request to ``sink`` (``None``: nothing is formatted)."""

    def __init__(self, sink: Callable[[str], None] | None) -> None:
        self.sink = sink

    def __call__(self, method: str, path: str, status: int, request_id: str) -> None:
        if self.sink is not None:
            self.sink(access_line(method, path, status, request_id))
