"""A local Stripe-compatible HTTP API over one :class:`core.api.Sandbox`.

Pure Python (stdlib ``http.server``), no Qt: ``chargeable serve`` runs it on
the main thread's behalf, and the window can run the same class inside the
app::

    server = StripeServer(sandbox, "127.0.0.1", 0, on_change=callback)
    server.start()            # binds, then serves on a background thread
    server.url                # "http://127.0.0.1:54321"
    ...
    server.stop()

What it does on the wire, and nothing more (the rules are the core's):

- ``GET`` / ``DELETE`` take their parameters from the query string, ``POST``
  from an ``application/x-www-form-urlencoded`` body (plus the query, if
  any). Parameters reach ``Sandbox.request`` as a list of ``(key, value)``
  pairs, in order, brackets and repeated keys untouched.
- ``Authorization`` (``Bearer sk_…``, or ``Basic`` with the key as user name
  as ``curl -u sk_test_…:`` sends it) and ``Idempotency-Key`` are passed to
  the core, which decides.
- Every response is JSON with a ``Request-Id: req_…`` header; errors are
  Stripe's ``{"error": {...}}`` envelope. What never reaches the core
  (unreadable bodies, wrong content types, bodies over 1 MB, HTTP methods
  the API does not have, broken request lines) is answered here in the same
  shape, and the server keeps serving.

Threading: one connection per thread (persistent HTTP/1.1 connections), but
the sandbox is not thread-safe, so every ``request`` runs under
:attr:`StripeServer.lock`. Anything else that touches the same sandbox while
the server runs (the window) must hold that lock too.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import inspect
import json
import logging
import os
import socket
import sys
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from core.wire.emit import to_wire

log = logging.getLogger(__name__)

MAX_BODY = 1024 * 1024  # bytes; larger bodies get a 413
DRAIN_LIMIT = 16 * MAX_BODY  # a refused body up to this size is read and dropped
MAX_FIELDS = 10_000  # parameters in one body or query string
MAX_LINE = 65536  # bytes in one header line (the request line: http.server's own limit)
MAX_HEADERS = 100
FORM = "application/x-www-form-urlencoded"
API_METHODS = frozenset({"GET", "POST", "DELETE"})
_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def new_request_id() -> str:
    """``req_`` and 14 random base-62 characters, the shape Stripe uses."""
    n = int.from_bytes(os.urandom(11), "big")
    chars = []
    for _ in range(14):
        n, r = divmod(n, 62)
        chars.append(_BASE62[r])
    return "req_" + "".join(chars)


def stripe_error(
    message: str, type_: str = "invalid_request_error", **fields: Any
) -> dict[str, Any]:
    """A Stripe error envelope (for what the server rejects before the core)."""
    error: dict[str, Any] = {"type": type_, "message": message}
    error.update({k: v for k, v in fields.items() if v is not None})
    return {"error": error}


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


def parse_form(text: str) -> list[tuple[str, str]]:
    """``a=1&b[c]=2&d[]=x&d[]=y`` as ordered pairs; ``ValueError`` if malformed."""
    if not text:
        return []
    return parse_qsl(
        text,
        keep_blank_values=True,
        strict_parsing=True,
        encoding="utf-8",
        errors="strict",
        max_num_fields=MAX_FIELDS,
    )


class _Reject(Exception):
    """Answer with this Stripe error and never call the core."""

    def __init__(self, status: int, body: dict[str, Any], close: bool = False) -> None:
        super().__init__(status)
        self.status = status
        self.body = body
        self.close = close


class _Headers:
    """Request headers by case-insensitive name; the first of repeated names wins."""

    def __init__(self) -> None:
        self._values: dict[str, str] = {}
        self._items: list[tuple[str, str]] = []
        self.conflicting_lengths = False

    def add(self, name: str, value: str) -> None:
        key = name.lower()
        self._items.append((name, value))
        if key not in self._values:
            self._values[key] = value
        elif key == "content-length" and self._values[key] != value:
            self.conflicting_lengths = True

    def get(self, name: str, default: Any = None) -> Any:
        return self._values.get(name.lower(), default)

    def __getitem__(self, name: str) -> str | None:
        return self._values.get(name.lower())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._values

    def items(self) -> list[tuple[str, str]]:
        return list(self._items)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, address: tuple[str, int], owner: StripeServer) -> None:
        self.owner = owner
        host = address[0]
        if ":" in host:  # an IPv6 literal
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up mid-request is routine: no traceback on stderr for it."""
        if isinstance(sys.exc_info()[1], OSError):
            log.debug("connection from %s ended: %s", client_address, sys.exc_info()[1])
        else:
            log.exception("error while serving %s", client_address)


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    protocol_version = "HTTP/1.1"  # persistent connections
    server_version = "Chargeable"
    sys_version = ""
    disable_nagle_algorithm = True
    timeout = 120  # seconds an idle kept-alive connection may sit

    # --- connection bookkeeping, so stop() can close idle keep-alives ------

    def setup(self) -> None:
        super().setup()
        self.server.owner._connection_opened(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.owner._connection_closed(self.connection)

    # --- request line and headers ------------------------------------------

    def parse_request(self) -> bool:
        """The stdlib's request-line checks, with a plain header parser.

        ``http.server`` parses headers with the ``email`` package, which cost
        about a quarter of a request's time in this server. Headers here are
        simple ``Name: value`` lines (no obsolete line folding).
        """
        self.command = None  # type: ignore[assignment]
        self.request_version = self.default_request_version
        self.close_connection = True
        raw: bytes = self.raw_requestline  # type: ignore[attr-defined]  # set by handle_one_request
        requestline = str(raw, "iso-8859-1").rstrip("\r\n")
        self.requestline = requestline
        words = requestline.split()
        if not words:
            return False
        if len(words) != 3:
            self.send_error(400, f"Bad request syntax ({requestline[:100]!r})")
            return False
        command, path, version = words
        major, _, minor = version.removeprefix("HTTP/").partition(".")
        if (
            not version.startswith("HTTP/")
            or not (major.isdigit() and minor.isdigit())
            or len(major) > 10
            or len(minor) > 10
        ):
            self.send_error(400, f"Bad request version ({version[:20]!r})")
            return False
        number = (int(major), int(minor))
        if number >= (2, 0):
            self.send_error(505, f"Invalid HTTP version ({version[:20]})")
            return False
        self.request_version = version
        self.close_connection = number < (1, 1)
        self.command, self.path = command, path
        headers = _Headers()
        for _ in range(MAX_HEADERS + 1):
            line = self.rfile.readline(MAX_LINE + 1)
            if len(line) > MAX_LINE:
                self.send_error(431, "Line too long")
                return False
            if line in (b"\r\n", b"\n", b""):
                break
            name, colon, value = line.decode("iso-8859-1").partition(":")
            if not colon or not name or name != name.strip():
                self.send_error(400, f"Bad header line ({line[:100]!r})")
                return False
            headers.add(name, value.strip())
        else:
            self.send_error(431, "Too many headers")
            return False
        if headers.conflicting_lengths:
            self.send_error(400, "Conflicting Content-Length headers")
            return False
        self.headers = headers  # type: ignore[assignment]
        connection = headers.get("Connection", "").lower()
        if connection == "close":
            self.close_connection = True
        elif connection == "keep-alive":
            self.close_connection = False
        if headers.get("Expect", "").lower() == "100-continue" and number >= (1, 1):
            return self.handle_expect_100()
        return True

    # --- dispatch ------------------------------------------------------------

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_DELETE(self) -> None:
        self._handle()

    def do_PUT(self) -> None:
        self._handle()

    def do_PATCH(self) -> None:
        self._handle()

    def do_OPTIONS(self) -> None:
        self._handle()

    def _handle(self) -> None:
        owner = self.server.owner
        with owner._in_flight:  # stop() lets this answer reach the client before closing
            self._handle_one(owner)

    def _handle_one(self, owner: StripeServer) -> None:
        request_id = new_request_id()
        method = self.command
        target = urlsplit(self.path)
        path = target.path
        try:
            body = self._read_body()
            if method not in API_METHODS:
                raise _Reject(404, _unrecognized(method, path))
            params = self._params(method, target.query, body)
            headers: dict[str, str] = {}
            auth = normalize_authorization(self.headers.get("Authorization"))
            if auth is not None:
                headers["Authorization"] = auth
            for name in ("Idempotency-Key", "Stripe-Version"):
                value = self.headers.get(name)
                if value is not None:
                    headers[name] = value
            origin = f"http {self.client_address[0]}:{self.client_address[1]}"
            status, payload, extra_headers = owner._call(method, path, params, headers, origin)
        except _Reject as reject:
            status, extra_headers = reject.status, {}
            payload = json.dumps(reject.body, indent=2).encode("utf-8")
            if reject.close:
                self.close_connection = True
        self._respond(status, payload, request_id, extra_headers)
        owner._log_access(f"{method} {path} -> {status} [{request_id}]")

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding"):
            raise _Reject(
                411,
                stripe_error("Chunked request bodies are not supported: send a Content-Length."),
                close=True,
            )
        raw_length = self.headers.get("Content-Length")
        if raw_length is None:
            return b""
        try:
            length = int(raw_length)
            if length < 0:
                raise ValueError(raw_length)
        except ValueError:
            raise _Reject(
                400, stripe_error(f"Invalid Content-Length header: {raw_length!r}."), close=True
            ) from None
        limit = self.server.owner.max_body
        if length > limit:
            self._drain(length)  # so the client reads the 413 rather than a reset
            raise _Reject(
                413,
                stripe_error(
                    f"Request body too large: {length} bytes. The limit is {limit} bytes."
                ),
                close=True,
            )
        body = self.rfile.read(length)
        if len(body) < length:
            raise _Reject(400, stripe_error("The request body ended early."), close=True)
        return body

    def _drain(self, length: int) -> None:
        """Read and drop up to ``DRAIN_LIMIT`` bytes of a refused body, briefly."""
        remaining = min(length, DRAIN_LIMIT)
        with contextlib.suppress(OSError):
            self.connection.settimeout(2.0)
            while remaining > 0:
                chunk = self.rfile.read1(min(remaining, 65536))
                if not chunk:
                    break
                remaining -= len(chunk)

    def _params(self, method: str, query: str, body: bytes) -> list[tuple[str, str]]:
        try:
            params = parse_form(query)
        except ValueError:
            raise _Reject(
                400, stripe_error("Invalid query string: it is not form-encoded UTF-8.")
            ) from None
        if method != "POST" or not body:
            return params  # GET and DELETE take the query (a body is ignored, as Stripe does)
        content_type = self.headers.get("Content-Type")
        media_type = (content_type or FORM).split(";", 1)[0].strip().lower()
        if media_type != FORM:
            raise _Reject(
                400,
                stripe_error(
                    f"Invalid request: unsupported Content-Type {content_type}. "
                    f"Send parameters as {FORM} (e.g. card[number]=4242424242424242)."
                ),
            )
        try:
            params += parse_form(body.decode("utf-8", "strict"))
        except ValueError:  # UnicodeDecodeError is one too
            raise _Reject(
                400,
                stripe_error(f"Invalid request body: it is not {FORM} UTF-8 (key=value&...)."),
            ) from None
        return params

    def _respond(
        self, status: int, payload: bytes, request_id: str, extra: dict[str, str] | None = None
    ) -> None:
        lines = [
            f"{self.protocol_version} {status} {_reason(status)}",
            f"Server: {self.server_version}",
            f"Date: {self.date_time_string()}",
            "Content-Type: application/json",
            f"Content-Length: {len(payload)}",
            "Cache-Control: no-cache, no-store",
            f"Request-Id: {request_id}",
        ]
        request_headers = getattr(self, "headers", None)
        key = request_headers.get("Idempotency-Key") if request_headers is not None else None
        if key is not None and "\r" not in key and "\n" not in key:
            lines.append(f"Idempotency-Key: {key}")
        for name, value in (extra or {}).items():  # the core's own (Stripe-Version...)
            if "\r" not in value and "\n" not in value:
                lines.append(f"{name}: {value}")
        if status == 409 or status >= 500:
            lines.append("Stripe-Should-Retry: false")  # no retry would go differently
        if self.close_connection:
            lines.append("Connection: close")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        self.log_request(status, len(payload))
        if self.command == "HEAD":
            payload = b""
        self.wfile.write(head + payload)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Errors from http.server itself (bad request line, unknown verb...), Stripe-shaped."""
        if code == 501 and self.command:  # a verb http.server has no do_ method for
            code, body = 404, _unrecognized(self.command, urlsplit(self.path).path)
        else:
            text = message or _reason(code)
            type_ = "api_error" if code >= 500 else "invalid_request_error"
            body = stripe_error(f"Invalid HTTP request: {text}.", type_)
        self.close_connection = True
        try:  # a full HTTP/1.1 answer even when the request line was unreadable
            self._respond(code, json.dumps(body).encode("utf-8"), new_request_id())
        except OSError:
            pass

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
        log.debug("%s " + format, self.address_string(), *args)


def _unrecognized(method: str, path: str) -> dict[str, Any]:
    return stripe_error(
        f"Unrecognized request URL ({method}: {path}). Please see https://stripe.com/docs "
        "or we can help at https://support.stripe.com/."
    )


def _reason(status: int) -> str:
    return BaseHTTPRequestHandler.responses.get(status, ("",))[0] or "Unknown"


class StripeServer:
    """Serves one sandbox over HTTP until :meth:`stop`.

    Args:
        sandbox: the :class:`core.api.Sandbox` to serve.
        host: the address to listen on; loopback unless asked otherwise.
        port: the TCP port; ``0`` picks a free one (read :attr:`url`).
        on_change: called with each ``core.api.Change`` caused by an HTTP
            request, on the server's thread, while :attr:`lock` is held
            (a Qt window should re-emit it as a queued signal).
        forward_to: a :class:`core.http.webhooks.WebhookForwarder`; every event the
            sandbox fires while the server runs is queued to it (each event id
            once, whatever its origin). The server starts and stops it.
        lock: share a lock with other users of the sandbox (default: a new one).
        access_log: called with one line per request (``None``: silent).
        max_body: the largest request body accepted, in bytes.

    Attributes:
        lock: held around every ``sandbox.request`` the server makes.
        requests_served: how many requests reached the core.
    """

    def __init__(
        self,
        sandbox: Any,
        host: str = "127.0.0.1",
        port: int = 12111,
        *,
        on_change: Callable[[Any], None] | None = None,
        forward_to: Any = None,
        lock: threading.Lock | threading.RLock | None = None,
        access_log: Callable[[str], None] | None = None,
        max_body: int = MAX_BODY,
    ) -> None:
        self.sandbox = sandbox
        self.host = host
        self.port = port
        self.on_change = on_change
        self.forwarder = forward_to
        self.lock = lock if lock is not None else threading.RLock()
        self.access_log = access_log
        self.max_body = max_body
        self.requests_served = 0
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._local = threading.local()
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        self._in_flight = _Counter()
        self._forwarded: set[str] = set()
        self._passes_origin = _accepts_keyword(sandbox.request, "origin")
        self._subscribed = False

    # --- life cycle ----------------------------------------------------------

    @property
    def url(self) -> str:
        """``http://host:port`` (the bound port once started)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Bind (``OSError`` if the port is taken) and serve on a background thread."""
        if self._httpd is not None:
            raise RuntimeError("the server is already started")
        httpd = _HTTPServer((self.host, self.port), self)
        self._httpd = httpd
        self.port = httpd.server_address[1]
        if self.forwarder is not None or self.on_change is not None:
            # Only then: building each Change's events costs the core ~15%.
            self.sandbox.subscribe(self._sandbox_changed)
            self._subscribed = True
        if self.forwarder is not None:
            self.forwarder.start()
        self._thread = threading.Thread(
            target=httpd.serve_forever,
            kwargs={"poll_interval": 0.2},
            name="stripe-server",
            daemon=True,
        )
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop accepting, close open connections, flush webhooks. Idempotent."""
        httpd = self._httpd
        if httpd is None:
            return
        httpd.shutdown()
        if self._thread is not None:
            self._thread.join(timeout)
        # Requests being answered finish first; only idle keep-alives are cut below.
        self._in_flight.wait_idle(timeout)
        with self._connections_lock:
            connections = list(self._connections)
        for conn in connections:  # wake handler threads blocked on idle keep-alives
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        httpd.server_close()
        with self.lock:  # let a request in progress finish before unsubscribing
            if self._subscribed:
                self.sandbox.unsubscribe(self._sandbox_changed)
                self._subscribed = False
        if self.forwarder is not None:
            self.forwarder.stop(timeout)
        self._httpd = None
        self._thread = None

    def __enter__(self) -> StripeServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- called by the handler ----------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        params: list[tuple[str, str]],
        headers: dict[str, str],
        origin: str,
    ) -> tuple[int, bytes, dict[str, str]]:
        extra = {"origin": origin} if self._passes_origin else {}
        answer_headers: dict[str, str] = {}
        with self.lock:
            self._local.origin = origin
            try:
                response = self.sandbox.request(method, path, params, headers, **extra)
                status = int(response.status)
                payload = to_wire(response.body)
                answer_headers = dict(getattr(response, "headers", None) or {})
            except Exception:  # the core promises never to raise; do not die if it does
                log.exception("sandbox.request raised for %s %s", method, path)
                status = 500
                payload = json.dumps(
                    stripe_error("An internal error occurred in the sandbox.", "api_error"),
                    indent=2,
                ).encode("utf-8")
            finally:
                self._local.origin = None
                self.requests_served += 1
        return status, payload, answer_headers

    def _sandbox_changed(self, change: Any) -> None:
        if self.forwarder is not None:
            for event in getattr(change, "events", None) or ():
                event_id = event.get("id") if isinstance(event, dict) else None
                if event_id is None or event_id in self._forwarded:
                    continue  # an undo/redo replay fires the same ids again
                self._forwarded.add(event_id)
                self.forwarder.submit(event)
        if self.on_change is not None and getattr(self._local, "origin", None):
            try:
                self.on_change(change)
            except Exception:
                log.exception("on_change callback failed")

    def _log_access(self, line: str) -> None:
        if self.access_log is not None:
            self.access_log(line)

    def _connection_opened(self, conn: socket.socket) -> None:
        with self._connections_lock:
            self._connections.add(conn)

    def _connection_closed(self, conn: socket.socket) -> None:
        with self._connections_lock:
            self._connections.discard(conn)


class _Counter:
    """How many requests are being answered; a context manager around each one."""

    def __init__(self) -> None:
        self._count = 0
        self._idle = threading.Condition()

    def __enter__(self) -> None:
        with self._idle:
            self._count += 1

    def __exit__(self, *exc: object) -> None:
        with self._idle:
            self._count -= 1
            if self._count == 0:
                self._idle.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        with self._idle:
            return self._idle.wait_for(lambda: self._count == 0, timeout)


def _accepts_keyword(func: Callable[..., Any], name: str) -> bool:
    try:
        parameters = inspect.signature(func).parameters
    except (TypeError, ValueError):
        return False
    return name in parameters or any(
        p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()
    )
