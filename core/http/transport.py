"""HTTP/1.1 connections on asyncio, parsed by httptools (llhttp), with limits.

No request line or header is parsed here by hand: llhttp reads the wire and
calls back; this module keeps count of what each connection costs
(:class:`core.http.limits.Limits`) and hands each complete request to a
``handler`` that returns a :class:`core.http.mapping.Reply`.

One event loop on one thread serves every connection. The handler runs on
that thread, one request at a time, so whatever it calls (the sandbox) sees a
single thread and needs no lock. When the handler has to wait for someone
else (the window's GUI thread), pass an ``executor`` of one thread: requests
then run there, one at a time, and the loop keeps reading, timing out and
refusing other connections meanwhile.

Requests are answered in batches, one per turn of the loop: a connection's
``data_received`` only parses, and the requests every connection read in
that turn are answered together after the reads (:meth:`core.http.hub.Hub.answer_ready`);
the answers are written after the last of them, each connection's in one
write. The interpreter then runs the handlers back to back instead of
between system calls, whose kernel work (TCP over loopback) evicts its
caches: at 8 clients the server spent 270 us of CPU a request instead of 342,
and answered 0.64 of the in-process ceiling instead of 0.47
(``benchmarks/serve_throughput.py``, 5 interleaved rounds). A lone request
waits for nothing.

Limits and what the client reads at each (every answer Stripe-shaped, then
the connection closes):

- a request target over ``max_target`` bytes: 414; headers over
  ``max_header_bytes`` or ``max_headers`` lines: 431, read no further;
- headers not complete ``header_timeout`` seconds after the request's first
  byte, or a body not complete ``body_timeout`` seconds after its headers: 408;
- ``Content-Length`` not plain digits (no sign, no ``_``, no leading zero),
  or given twice: 400; ``Transfer-Encoding``: 411; over ``max_body``: 413;
- more than ``max_connections`` open: 503 at once, instead of a wait in the
  backlog that looks like a hung server.

An answer that closes the connection is followed by a short *lingering close*
(half-close, then read and drop what the client still sends for ``linger``
seconds), so the client reads the answer instead of a reset.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import functools
import logging
import socket
from concurrent.futures import Future
from typing import cast

import httptools

from core.http import hub as shared
from core.http import mapping, refusals
from core.http.mapping import Reply, Request

log = logging.getLogger(__name__)

IDLE, HEAD, BODY, WAIT, LINGER = range(5)
_NEVER = float("inf")


class _Fail(Exception):
    """Raised in a parser callback: answer ``reply`` and close."""

    def __init__(self, reply: Reply) -> None:
        super().__init__(reply.status)
        self.reply = reply


class Hub(shared.Hub):
    """The connections of one listening socket; called, it makes one (the protocol factory)."""

    def __call__(self) -> Connection:
        return Connection(self)


def _no_delay(transport: asyncio.BaseTransport) -> None:
    """``TCP_NODELAY``, which asyncio skips on an accepted socket whose ``proto`` is 0
    (``socket.create_server``'s): else a pipelined answer waits for a delayed ACK."""
    sock = transport.get_extra_info("socket")
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        with contextlib.suppress(OSError):  # the peer is gone; connection_lost follows
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class Connection(asyncio.Protocol):
    """One client connection: llhttp callbacks, limits, and the queue of its requests."""

    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self.limits = hub.limits
        self.max_headers = hub.limits.max_headers
        self.max_header_bytes = hub.limits.max_header_bytes
        self.loop = asyncio.get_running_loop()
        self.transport: asyncio.Transport | None = None
        self.parser = httptools.HttpRequestParser(self)
        self.client = ""
        self.phase = IDLE
        self.deadline = _NEVER
        self.counted = False
        self.queue: collections.deque[tuple[Request | None, Reply | None]] = collections.deque()
        self.scheduled = False  # in the hub's ready list
        self.outgoing: list[bytes] = []  # answers held back until the batch is answered
        self.busy = False
        self.closing = False
        self.read_paused = False
        self.write_paused = False
        self.drained = 0
        self.chunk_starts_request = True
        self.begun_in_chunk = 0
        self.head_bytes = 0
        self.closing_pending = False
        self._reset()

    def _reset(self) -> None:
        self.url: list[bytes] = []
        self.url_len = 0
        self.headers: dict[str, str] = {}
        self.header_count = 0
        self.header_bytes = 0
        self.body: list[bytes] = []
        self.request: Request | None = None

    # --- asyncio.Protocol -------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's is not a subclass
        hub = self.hub
        hub.connections.add(self)
        _no_delay(transport)
        peer = transport.get_extra_info("peername")
        self.client = f"{peer[0]}:{peer[1]}" if isinstance(peer, tuple) else str(peer or "")
        if hub.stopping or hub.active >= hub.max_connections:
            message = (
                "The server is stopping."
                if hub.stopping
                else f"The server has too many open connections ({hub.max_connections}); "
                "close idle ones or try again later."
            )
            reply = mapping.refusal(503, message, close=True)
            reply.headers.append(("Stripe-Should-Retry", "true"))
            self._send(None, reply)
            return
        hub.active += 1
        self.counted = True
        self.deadline = self.loop.time() + self.limits.idle_timeout

    def data_received(self, data: bytes) -> None:
        if self.closing or self.closing_pending:  # nothing more is read as a request
            self._drain(len(data))
            return
        if self.phase == HEAD:
            self.head_bytes += len(data)
        self.chunk_starts_request = self.phase in (IDLE, WAIT)
        self.begun_in_chunk = 0
        failure: Reply | None = None
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserCallbackError as exc:
            cause = exc.__context__
            failure = cause.reply if isinstance(cause, _Fail) else mapping.internal_error()
            if not isinstance(cause, _Fail):
                log.error("HTTP callback failed", exc_info=cause)
        except httptools.HttpParserInvalidMethodError:
            whole = self.chunk_starts_request and self.begun_in_chunk <= 1
            failure = refusals.unknown_method(data) if whole else refusals.not_http()
        except httptools.HttpParserUpgrade:
            failure = None  # answered as a plain request; the connection then closes
            self._close_after_queue()
        except httptools.HttpParserError as exc:
            failure = refusals.parser_error(exc)
        if failure is None and self.phase == HEAD and self.head_bytes > self.limits.max_head_bytes:
            # on_url refuses a long target as it arrives: what grows here is a header
            # llhttp has not finished (httptools reports a header once it is whole).
            failure = mapping.http_refusal(431, "the request headers are too large")
        if failure is not None:
            self._fail(self.request, failure)
        elif self.queue:
            if not self.scheduled:
                self.scheduled = True
                self.hub.answer_soon(self)
            if len(self.queue) > self.limits.max_pipelined:
                self._pause_reading()  # now, not after the reads of this turn

    def _fail(self, request: Request | None, reply: Reply) -> None:
        """Answer ``reply`` after what is queued before it, then close."""
        self.queue.append((request, reply))
        self.phase = WAIT
        self.deadline = _NEVER
        self.closing_pending = True
        self.answer_queued()

    def eof_received(self) -> bool | None:
        if self.closing or not (self.busy or self.queue):
            return None  # the transport closes
        self._close_after_queue()
        return True

    def connection_lost(self, exc: Exception | None) -> None:
        hub = self.hub
        hub.connections.discard(self)
        if self.counted:
            hub.active -= 1
            self.counted = False
        self.closing = True
        self.queue.clear()
        self.deadline = _NEVER
        # The parser holds this connection's callbacks: without it the two are freed
        # now, by their reference counts, instead of waiting for the collector.
        del self.parser

    def pause_writing(self) -> None:
        self.write_paused = True
        self._pause_reading()

    def resume_writing(self) -> None:
        self.write_paused = False
        self._resume_reading()

    # --- llhttp callbacks ---------------------------------------------------------

    def on_message_begin(self) -> None:
        self._reset()
        self.phase = HEAD
        self.head_bytes = 0
        self.begun_in_chunk += 1
        self.deadline = self.loop.time() + self.limits.header_timeout

    def on_url(self, fragment: bytes) -> None:
        self.url_len += len(fragment)
        if self.url_len > self.limits.max_target:
            raise _Fail(
                mapping.http_refusal(
                    414, f"the request target is longer than {self.limits.max_target} bytes"
                )
            )
        self.url.append(fragment)

    def on_header(self, name: bytes, value: bytes) -> None:
        self.header_count += 1
        self.header_bytes += len(name) + len(value)
        if self.header_count > self.max_headers or self.header_bytes > self.max_header_bytes:
            self._too_large()
        key = name.decode("latin-1").lower()
        headers = self.headers
        if key not in headers:  # the first of repeated names
            headers[key] = value.decode("latin-1")

    def _too_large(self) -> None:
        limits = self.limits
        if self.header_count > limits.max_headers:
            what = f"more than {limits.max_headers} header lines"
        else:
            what = f"the request headers are larger than {limits.max_header_bytes} bytes"
        raise _Fail(mapping.http_refusal(431, what))

    def on_headers_complete(self) -> None:
        parser = self.parser
        version = parser.get_http_version()
        if not version.startswith(("1.", "0.")):
            raise _Fail(mapping.http_refusal(505, f"HTTP/{version} is not supported"))
        headers = self.headers
        request = Request(
            parser.get_method().decode("latin-1"),
            b"".join(self.url).decode("latin-1"),
            headers,
            b"",
            self.client,
            parser.should_keep_alive(),
            version,
        )
        self.request = request
        framing = refusals.body_framing(headers, version, self.limits.max_body)
        if isinstance(framing, Reply):
            raise _Fail(framing)
        length, expects = framing
        if expects and length and self.transport is not None:
            self.transport.write(mapping.CONTINUE)
        self.phase = BODY
        self.deadline = self.loop.time() + self.limits.body_timeout

    def on_body(self, chunk: bytes) -> None:
        self.body.append(chunk)

    def on_message_complete(self) -> None:
        request = self.request
        if request is None:  # not reachable: llhttp completes headers first
            return
        body = self.body
        request.body = body[0] if len(body) == 1 else b"".join(body)
        self.queue.append((request, None))
        self.request = None
        self.phase = WAIT
        self.deadline = _NEVER

    # --- answering ---------------------------------------------------------------

    def answer_queued(self) -> None:
        """Answer queued requests in order: here, or one at a time on the executor."""
        hub = self.hub
        queue = self.queue
        transport = self.transport
        while queue and not self.busy and not self.closing:
            if transport is None or transport.is_closing():
                queue.clear()  # closed or aborted meanwhile: nobody to answer, apply nothing
                break
            request, reply = queue.popleft()
            if reply is None and request is not None:
                if hub.executor is not None:
                    self.busy = True
                    hub.in_flight += 1
                    future = hub.executor.submit(hub.handler, request)
                    future.add_done_callback(functools.partial(self._done_soon, request))
                    break
                try:
                    reply = hub.handler(request)
                except Exception:  # the handler promises a reply; keep serving if it breaks
                    log.exception("answering %s %s failed", request.method, request.target)
                    reply = mapping.internal_error()
            if reply is not None:
                self._send(request, reply)
        if self.closing:
            return
        if len(queue) > self.limits.max_pipelined:
            self._pause_reading()
        elif not self.write_paused:
            self._resume_reading()
        if not queue and not self.busy and self.phase == WAIT:
            self.phase = IDLE
            self.deadline = self.loop.time() + self.limits.idle_timeout
            if self.closing_pending:
                self._linger()

    def _done_soon(self, request: Request, future: Future[Reply]) -> None:
        """On the executor's thread: hand the answer back to the loop."""
        try:
            self.loop.call_soon_threadsafe(self._done, request, future)
        except RuntimeError:  # the loop is closed: the server stopped meanwhile
            pass

    def _done(self, request: Request, future: Future[Reply]) -> None:
        self.busy = False
        self.hub.in_flight -= 1
        try:
            reply = future.result()
        except Exception:  # the handler promises a reply; never leave the client waiting
            log.exception("answering %s %s failed", request.method, request.target)
            reply = mapping.internal_error()
        if self.transport is None or self.transport.is_closing():
            return
        if self.hub.stopping:
            reply.close = True
        self._send(request, reply)
        self.answer_queued()

    def _send(self, request: Request | None, reply: Reply) -> None:
        transport = self.transport
        if transport is None or transport.is_closing():
            return
        if self.hub.stopping or (request is not None and not request.keep_alive):
            reply.close = True
        self._write(mapping.render(reply, request))
        try:
            self.hub.on_reply(request, reply)
        except Exception:  # an access log that cannot write must not stop the answers
            log.exception("the access log failed")
        if reply.close:
            self._linger()

    def _write(self, data: bytes) -> None:
        writing = self.hub.writing
        if writing is None:
            if self.transport is not None:
                self.transport.write(data)
            return
        if not self.outgoing:
            writing.append(self)
        self.outgoing.append(data)

    def flush_answers(self) -> None:
        """Write the answers held back, in one write (each whole: no Nagle split)."""
        outgoing = self.outgoing
        if not outgoing:
            return
        data = outgoing[0] if len(outgoing) == 1 else b"".join(outgoing)
        outgoing.clear()
        transport = self.transport
        if transport is not None and not transport.is_closing():
            transport.write(data)

    def _close_after_queue(self) -> None:
        self.closing_pending = True
        if not self.queue and not self.busy:
            self._linger()

    def _linger(self) -> None:
        """Half-close, then drop what still arrives for a moment before closing."""
        if self.closing:
            return
        self.closing = True
        self.queue.clear()
        self.phase = LINGER
        self.deadline = self.loop.time() + self.limits.linger
        transport = self.transport
        if transport is None:
            return
        self.flush_answers()  # the answers before the end
        self._resume_reading()
        if transport.can_write_eof():
            transport.write_eof()
        else:
            transport.close()

    def _drain(self, size: int) -> None:
        self.drained += size
        if self.drained > self.limits.drain_limit:
            self.abort()
        else:
            self.deadline = self.loop.time() + self.limits.linger

    def expire(self) -> None:
        """The deadline of the current phase passed."""
        phase = self.phase
        self.deadline = _NEVER
        if phase == HEAD:
            timeout = self.limits.header_timeout
            self._fail(
                None,
                mapping.http_refusal(408, f"the request headers took longer than {timeout:g} s"),
            )
        elif phase == BODY:
            timeout = self.limits.body_timeout
            self._fail(
                self.request,
                mapping.http_refusal(408, f"the request body took longer than {timeout:g} s"),
            )
        elif phase == IDLE:
            self.abort() if self.write_paused else self.close()
        elif phase == LINGER:
            self.abort()

    def stop(self) -> None:
        """The server stops: finish the answers in progress or read, close everything else.

        A request read but not yet answered (the batch comes later in the turn)
        is answered too, with ``Connection: close``: closing instead would drop
        the answer to a request the sandbox may still be about to apply.
        """
        if self.busy or self.queue:
            self.closing_pending = True
        elif self.phase != LINGER:
            self.close()

    def close(self) -> None:
        self.flush_answers()
        if self.transport is not None:
            self.transport.close()

    def abort(self) -> None:
        if self.transport is not None:
            self.transport.abort()

    def _pause_reading(self) -> None:
        if not self.read_paused and self.transport is not None:
            self.read_paused = True
            self.transport.pause_reading()

    def _resume_reading(self) -> None:
        if self.read_paused and self.transport is not None and not self.transport.is_closing():
            self.read_paused = False
            self.transport.resume_reading()
