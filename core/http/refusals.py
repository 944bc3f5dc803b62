"""Stripe-shaped answers to what llhttp refused, and the descriptor budget.

Kept apart from the transport so the choice of words and statuses can be read
(and tested) without a connection.
"""

from __future__ import annotations

import re

import httptools

from core.http import mapping
from core.http.mapping import Reply, Request

_TOKEN = re.compile(rb"[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,32}")


def parser_error(exc: httptools.HttpParserError) -> Reply:
    """llhttp's reason, as a 400 (or 505 for a version it does not speak)."""
    text = str(exc) or "unreadable request"
    status = 505 if "version" in text.lower() else 400
    return mapping.http_refusal(status, text)


def not_http() -> Reply:
    return mapping.http_refusal(400, "the request line is not HTTP/1.1")


def unknown_method(data: bytes) -> Reply:
    """A method llhttp does not know (``BREW``): Stripe's 404 when the rest is HTTP.

    ``data`` starts with the refused request. llhttp refuses methods outside
    its list before reading the target; the same bytes with the method
    replaced are given to llhttp again, for the path Stripe's message names.
    Only the method's end (the first space) is found here.
    """
    token, space, rest = data.partition(b" ")
    if not space or not _TOKEN.fullmatch(token):
        return not_http()
    probe = _TargetProbe()
    try:
        httptools.HttpRequestParser(probe).feed_data(b"GET " + rest)
    except httptools.HttpParserError:
        pass
    if probe.target is None:
        return not_http()
    method = token.decode("ascii")
    path = Request(method, probe.target).path
    return Reply(404, mapping.encode_json(mapping.unrecognized(method, path)), close=True)


class _TargetProbe:
    """Keeps the request target llhttp read, once the request line is whole."""

    def __init__(self) -> None:
        self.fragments: list[bytes] = []
        self.target: str | None = None

    def on_url(self, fragment: bytes) -> None:
        self.fragments.append(fragment)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._done()

    def on_headers_complete(self) -> None:
        self._done()

    def _done(self) -> None:
        if self.target is None:
            self.target = b"".join(self.fragments).decode("latin-1")


def within_descriptors(cap: int) -> int:
    """``cap``, lowered to leave file descriptors for everything else in the process.

    Past the descriptor limit ``accept`` fails and asyncio stops accepting for a
    second, which is the starving this cap is there to prevent.
    """
    try:
        import resource

        soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    except (ImportError, OSError, ValueError):
        return cap
    if soft == resource.RLIM_INFINITY:
        return cap
    return min(cap, max(8, soft - 64))


def body_framing(headers: dict[str, str], version: str, max_body: int) -> tuple[int, bool] | Reply:
    """``(Content-Length, the client waits for 100 Continue)``, or the refusal of the head.

    ``Transfer-Encoding``: 411 (chunked bodies are not read); a ``Content-Length``
    that is not plain digits (no sign, no ``_``, no leading zero): 400; over
    ``max_body``: 413. Each closes the connection.
    """
    if "transfer-encoding" in headers:
        return mapping.refusal(
            411, "Chunked request bodies are not supported: send a Content-Length.", close=True
        )
    raw_length = headers.get("content-length")
    length = 0
    if raw_length is not None:
        if not (
            raw_length.isascii()
            and raw_length.isdigit()
            and (raw_length == "0" or not raw_length.startswith("0"))
            and len(raw_length) <= 18
        ):
            return mapping.refusal(
                400, f"Invalid Content-Length header: {raw_length!r}.", close=True
            )
        length = int(raw_length)
    if length > max_body:
        return mapping.refusal(
            413,
            f"Request body too large: {length} bytes. The limit is {max_body} bytes.",
            close=True,
        )
    expects = version == "1.1" and headers.get("expect", "").lower() == "100-continue"
    return length, expects
