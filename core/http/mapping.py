"""Requests and answers, Stripe-shaped: the HTTP mapping, testable without sockets.

The transport (``core.http.transport``) hands over a parsed :class:`Request`;
this module turns it into the call ``Sandbox.request`` takes, or refuses it
with Stripe's ``{"error": {...}}`` envelope when it can never reach the core
(an unreadable body, a wrong content type, a method the API lacks), and turns
what comes back into a :class:`Reply`. :func:`render` is the one place
response headers are made, for every answer, refusals included.

What reaches the core:

- ``GET`` / ``DELETE`` take their parameters from the query string, ``POST``
  from an ``application/x-www-form-urlencoded`` body (after the query's, if
  any), as ordered ``(key, value)`` pairs, brackets and repeats untouched.
- ``Authorization`` (``Bearer sk_…``, or ``Basic`` with the key as user name,
  as ``curl -u sk_test_…:`` sends it) and ``Idempotency-Key``; the core decides.
"""

from __future__ import annotations

import base64
import binascii
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from http import HTTPStatus
from typing import Any
from urllib.parse import unquote, urlsplit

from core.wire.emit import to_wire

FORM = "application/x-www-form-urlencoded"
API_METHODS = frozenset({"GET", "POST", "DELETE"})
SERVER_NAME = "Chargeable"
_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# Headers a core response may add (``Response.headers``), passed as they are.
_CORE_HEADERS = frozenset({"stripe-version", "idempotent-replayed", "original-request"})

#: Response bodies are encoded here (measured against orjson/msgspec in
#: ``benchmarks/serve_throughput.py --json``: see the note there), indented by two
#: spaces as the live API writes them (``core.wire.emit.to_wire``, pydantic-core).
encode_json: Callable[[Any], bytes] = to_wire


_ID_TABLE = bytes(ord(_BASE62[b % 62]) for b in range(256))
# A request id names a request in a log; it guards nothing, so it needs no
# system call per request (os.urandom): a generator seeded from the system once.
_ID_RANDOM = random.Random()


def new_request_id() -> str:
    """``req_`` and 14 random base-62 characters, the shape Stripe uses."""
    return "req_" + _ID_RANDOM.randbytes(14).translate(_ID_TABLE).decode("ascii")


def split_target(target: str) -> tuple[str, str]:
    """``(path, query)`` of a request target (``/v1/x?a=1``, or absolute-form)."""
    if target.startswith("/"):
        path, _, query = target.partition("?")
        return path, query.partition("#")[0]
    parts = urlsplit(target)
    return parts.path, parts.query


def stripe_error(
    message: str, type_: str = "invalid_request_error", **fields: Any
) -> dict[str, Any]:
    """A Stripe error envelope (for what the server rejects before the core)."""
    error: dict[str, Any] = {"type": type_, "message": message}
    error.update({k: v for k, v in fields.items() if v is not None})
    return {"error": error}


def unrecognized(method: str, path: str) -> dict[str, Any]:
    """Stripe's answer to a URL or method it does not have."""
    return stripe_error(
        f"Unrecognized request URL ({method}: {path}). Please see https://stripe.com/docs "
        "or we can help at https://support.stripe.com/."
    )


def normalize_authorization(value: str | None) -> str | None:
    """``Basic base64(key:)`` becomes ``Bearer key``; anything else is passed as is.

    stripe-python sends ``Bearer``; ``curl -u sk_test_…:`` sends ``Basic``
    with the key as the user name and an empty password. A ``Basic`` value
    that does not decode is passed unchanged, so the core refuses it.
    """
    if value is None:
        return None
    scheme, _, credentials = value.strip().partition(" ")
    if scheme.lower() == "bearer":
        return "Bearer " + credentials.strip()
    if scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(credentials.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return value
        user = decoded.partition(":")[0]
        return "Bearer " + user if user else value
    return value


def parse_form(text: str, max_fields: int = 10_000) -> list[tuple[str, str]]:
    """``a=1&b[c]=2&d[]=x&d[]=y`` as ordered pairs; ``ValueError`` if malformed.

    What ``parse_qsl(text, keep_blank_values=True, strict_parsing=True,
    errors="strict", max_num_fields=max_fields)`` returns and refuses, written
    out so that a field without ``%`` or ``+`` costs no call (a test compares
    the two on every shape of field).
    """
    if not text:
        return []
    fields = text.split("&")
    if len(fields) > max_fields:
        raise ValueError("Max number of fields exceeded")
    pairs = []
    for text_field in fields:
        name, equals, value = text_field.partition("=")
        if not equals:
            raise ValueError(f"bad query field: {text_field!r}")
        if "+" in text_field:
            name = name.replace("+", " ")
            value = value.replace("+", " ")
        if "%" in name:
            name = _unquote_name(name)
        if "%" in value:
            value = unquote(value, errors="strict")
        pairs.append((name, value))
    return pairs


_NAMES: dict[str, str] = {}  # unquoted field names: the same few come in every request


def _unquote_name(name: str) -> str:
    known = _NAMES.get(name)
    if known is None:
        known = unquote(name, errors="strict")  # UnicodeDecodeError: not cached
        if len(name) <= 64:
            if len(_NAMES) >= 4096:
                _NAMES.clear()
            _NAMES[name] = known
    return known


@dataclass(slots=True)
class Request:
    """One request as the transport read it.

    Attributes:
        method: the method as sent (``"POST"``).
        target: the request target (``/v1/customers?limit=3``), undecoded.
        headers: header values by lower-case name; the first of repeated names.
        body: the body bytes (at most the body limit).
        client: ``host:port`` of the peer.
        keep_alive: the client will send another request on this connection.
        version: ``"1.1"`` or ``"1.0"``.
    """

    method: str
    target: str
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    client: str = ""
    keep_alive: bool = True
    version: str = "1.1"

    @property
    def path(self) -> str:
        return split_target(self.target)[0]


@dataclass(slots=True)
class Reply:
    """An answer before it is rendered: ``render`` makes the bytes.

    Attributes:
        status: the HTTP status.
        body: the JSON body, encoded.
        request_id: the ``Request-Id`` header.
        close: close the connection after this answer.
        headers: further ``(name, value)`` headers the core asked for.
    """

    status: int
    body: bytes
    request_id: str = field(default_factory=new_request_id)
    close: bool = False
    headers: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class CoreCall:
    """The arguments of ``Sandbox.request`` for one request."""

    method: str
    path: str
    params: list[tuple[str, str]]
    headers: dict[str, str]
    origin: str


class _Refused(Exception):
    def __init__(self, status: int, body: dict[str, Any]) -> None:
        super().__init__(status)
        self.status = status
        self.body = body


def refusal(status: int, message: str, *, close: bool = False, type_: str | None = None) -> Reply:
    """A Stripe-shaped error for what never reaches the core."""
    kind = type_ or ("api_error" if status >= 500 else "invalid_request_error")
    return Reply(status, encode_json(stripe_error(message, kind)), close=close)


def http_refusal(status: int, what: str) -> Reply:
    """A refusal of a request the HTTP layer could not read (the connection closes)."""
    return refusal(status, f"Invalid HTTP request: {what}.", close=True)


def to_core(request: Request, max_fields: int = 10_000) -> CoreCall | Reply:
    """What ``Sandbox.request`` gets for ``request``, or the refusal it never gets past."""
    method = request.method
    path, query = split_target(request.target)
    try:
        if method not in API_METHODS:
            raise _Refused(404, unrecognized(method, path))
        params = _params(request, query, max_fields)
    except _Refused as refused:
        return Reply(refused.status, encode_json(refused.body), close=not request.keep_alive)
    headers: dict[str, str] = {}
    auth = normalize_authorization(request.headers.get("authorization"))
    if auth is not None:
        headers["Authorization"] = auth
    key = request.headers.get("idempotency-key")
    if key is not None:
        headers["Idempotency-Key"] = key
    version = request.headers.get("stripe-version")
    if version is not None:
        headers["Stripe-Version"] = version
    return CoreCall(method, path, params, headers, f"http {request.client}")


def _params(request: Request, query: str, max_fields: int) -> list[tuple[str, str]]:
    try:
        params = parse_form(query, max_fields)
    except ValueError:
        raise _Refused(
            400, stripe_error("Invalid query string: it is not form-encoded UTF-8.")
        ) from None
    body = request.body
    if request.method != "POST" or not body:
        return params  # GET and DELETE take the query (a body is ignored, as Stripe does)
    content_type = request.headers.get("content-type")
    media_type = (content_type or FORM).split(";", 1)[0].strip().lower()
    if media_type != FORM:
        raise _Refused(
            400,
            stripe_error(
                f"Invalid request: unsupported Content-Type {content_type}. "
                f"Send parameters as {FORM} (e.g. card[number]=4242424242424242)."
            ),
        )
    try:
        params += parse_form(body.decode("utf-8", "strict"), max_fields)
    except ValueError:  # UnicodeDecodeError is one too
        raise _Refused(
            400, stripe_error(f"Invalid request body: it is not {FORM} UTF-8 (key=value&...).")
        ) from None
    return params


def from_core(response: Any, request: Request) -> Reply:
    """The reply for what ``Sandbox.request`` returned."""
    extra = getattr(response, "headers", None)
    headers = (
        [(str(k), str(v)) for k, v in extra.items() if str(k).lower() in _CORE_HEADERS]
        if extra
        else []
    )
    return Reply(
        int(response.status),
        encode_json(response.body),
        close=not request.keep_alive,
        headers=headers,
    )


def internal_error() -> Reply:
    """The core raised (it promises never to): a Stripe ``api_error``, and serving goes on."""
    return refusal(500, "An internal error occurred in the sandbox.")


# --- rendering --------------------------------------------------------------------

_REASONS = {s.value: s.phrase for s in HTTPStatus}
# The part of every head that never changes after the status line.
_FIXED = f"Server: {SERVER_NAME}\r\n"
_TYPE = "Content-Type: application/json\r\nContent-Length: "
_CACHE = "\r\nCache-Control: no-cache, no-store\r\nRequest-Id: "
_STATUS_LINES = {code: f"HTTP/1.1 {code} {phrase}\r\n" for code, phrase in _REASONS.items()}
_date_cache: tuple[int, str] = (0, "")


def _date() -> str:
    global _date_cache
    now = int(time.time())
    if _date_cache[0] != now:
        _date_cache = (now, f"Date: {formatdate(now, usegmt=True)}\r\n")
    return _date_cache[1]


def render(reply: Reply, request: Request | None = None) -> bytes:
    """The response bytes: status line, headers, body (none for ``HEAD``)."""
    status = reply.status
    body = reply.body
    head = (
        (_STATUS_LINES.get(status) or f"HTTP/1.1 {status} Unknown\r\n")
        + _FIXED
        + _date()
        + f"{_TYPE}{len(body)}{_CACHE}{reply.request_id}\r\n"
    )
    if request is not None:
        key = request.headers.get("idempotency-key")
        if key is not None and "\r" not in key and "\n" not in key:
            head += f"Idempotency-Key: {key}\r\n"
    extra = reply.headers
    if status == 409 or status >= 500:
        if not any(name.lower() == "stripe-should-retry" for name, _ in extra):
            head += "Stripe-Should-Retry: false\r\n"  # no retry would go differently
    for name, value in extra:
        if "\r" not in value and "\n" not in value:
            head += f"{name}: {value}\r\n"
    if reply.close:
        head += "Connection: close\r\n"
    elif request is not None and request.version == "1.0":
        head += "Connection: keep-alive\r\n"
    data = (head + "\r\n").encode("latin-1")
    if request is not None and request.method == "HEAD":
        return data
    return data + body


CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"
