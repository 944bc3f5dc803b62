"""A local Stripe-compatible HTTP API over one :class:`core.api.Sandbox`.

No Qt: ``chargeable serve`` runs it, and the window runs the same class::

    server = StripeServer(sandbox, "127.0.0.1", 0)
    server.start()            # binds, then serves on a background thread
    # each request's Change reaches sandbox.subscribe's callbacks, origin "http <client>"
    server.url                # "http://127.0.0.1:54321"
    ...
    server.stop()

The layers, each its own module:

- ``core.http.mapping``: requests to ``Sandbox.request`` calls and answers to
  bytes, Stripe-shaped errors for what never reaches the core; no sockets.
- ``core.http.transport``: asyncio connections parsed by httptools (llhttp),
  with the caps and timeouts of ``core.http.limits``.
- ``core.http.access_log``: one escaped, card-masked line per request.
- this module: the thread and event loop, the sandbox, webhook forwarding.

Threading: one event loop on one thread (``stripe-server``) reads every
connection and calls the sandbox, one request at a time, so nothing contends
for a lock. With ``offload=True`` (the window, whose sandbox ``request`` waits
for the GUI thread) requests run one at a time on one worker thread instead,
and the loop keeps serving other connections while it waits.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import socket
import threading
from collections.abc import Callable
from typing import Any

from core.http import mapping
from core.http.access_log import AccessLog
from core.http.addresses import reachable_host, url_for
from core.http.limits import MAX_BODY, Limits
from core.http.mapping import (
    Reply,
    Request,
    new_request_id,
    normalize_authorization,
    parse_form,
    stripe_error,
)
from core.http.transport import Hub

__all__ = [
    "MAX_BODY",
    "Limits",
    "StripeServer",
    "new_request_id",
    "normalize_authorization",
    "parse_form",
    "stripe_error",
]

log = logging.getLogger(__name__)


def new_event_loop() -> asyncio.AbstractEventLoop:
    """uvloop's event loop where it is installed (Linux, macOS), else asyncio's.

    Both serve the same bytes (the serve tests run on either); uvloop's costs the
    server less CPU a request (``benchmarks/serve_throughput.py``), and it has no
    Windows build.
    """
    try:
        import uvloop
    except ImportError:
        return asyncio.new_event_loop()
    return uvloop.new_event_loop()


class StripeServer:
    """Serves one sandbox over HTTP until :meth:`stop`.

    Args:
        sandbox: the :class:`core.api.Sandbox` to serve.
        host: the address to listen on; loopback unless asked otherwise.
        port: the TCP port; ``0`` picks a free one (read :attr:`url`).
        forward_to: a :class:`core.http.webhooks.WebhookForwarder`; every event the
            sandbox fires while the server runs is queued to it (each event id
            once, whatever its origin). The server starts and stops it.
        lock: held around every ``sandbox.request`` the server makes (default:
            a new one). Only the server's own thread takes it, so it is never
            contended unless another user of the sandbox takes it too.
        access_log: called with one cleaned line per request (``None``: silent).
        access_log_flush: called once per turn of the event loop in which lines
            were logged (a terminal then gets one write per burst of answers,
            not one per request); without it the sink flushes as it likes.
        max_body: the largest request body accepted, in bytes.
        limits: every other cap and timeout (``max_body`` overrides its own).
        offload: run requests on one worker thread instead of the loop's (for a
            sandbox whose ``request`` blocks, waiting for another thread).
        loop_factory: makes the server's event loop (default: :func:`new_event_loop`).

    Attributes:
        requests_served: how many requests reached the core.
    """

    def __init__(
        self,
        sandbox: Any,
        host: str = "127.0.0.1",
        port: int = 12111,
        *,
        forward_to: Any = None,
        lock: threading.Lock | threading.RLock | None = None,
        access_log: Callable[[str], None] | None = None,
        access_log_flush: Callable[[], None] | None = None,
        max_body: int = MAX_BODY,
        limits: Limits | None = None,
        offload: bool = False,
        loop_factory: Callable[[], asyncio.AbstractEventLoop] = new_event_loop,
    ) -> None:
        self.sandbox = sandbox
        self.host = host
        self.port = port
        self.forwarder = forward_to
        self.lock = lock if lock is not None else threading.RLock()
        self.access_log = access_log
        base = limits or Limits()
        if max_body != base.max_body:
            from dataclasses import replace

            base = replace(base, max_body=max_body)
        self.limits = base
        self.max_body = base.max_body
        self.offload = offload
        self.loop_factory = loop_factory
        self.requests_served = 0
        self._access = AccessLog(access_log)
        self._access_flush = access_log_flush
        self._flush_pending = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._hub: Hub | None = None
        self._executor: concurrent.futures.ThreadPoolExecutor | None = None
        self._forwarded: set[str] = set()
        self._subscribed = False

    # --- life cycle ----------------------------------------------------------

    @property
    def url(self) -> str:
        """``http://host:port`` as bound (the bound port once started)."""
        return url_for(self.host, self.port)

    @property
    def client_url(self) -> str:
        """The URL a client uses: for ``0.0.0.0`` / ``::``, an address of this machine."""
        return url_for(reachable_host(self.host), self.port)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Bind (``OSError`` if the port is taken) and serve on a background thread."""
        if self._thread is not None:
            raise RuntimeError("the server is already started")
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        sock = socket.create_server((self.host, self.port), family=family, backlog=128)
        self.port = sock.getsockname()[1]
        if self.forwarder is not None:
            # Only then: building each Change's events costs the core ~15%.
            self.sandbox.subscribe(self._sandbox_changed)
            self._subscribed = True
        if self.forwarder is not None:
            self.forwarder.start()
        if self.offload:
            self._executor = concurrent.futures.ThreadPoolExecutor(
                1, thread_name_prefix="stripe-request"
            )
        hub = Hub(self._handle, self.limits, self._replied, self._executor)
        self._hub = hub
        ready = threading.Event()
        self._thread = threading.Thread(
            target=self._serve, args=(sock, hub, ready), name="stripe-server", daemon=True
        )
        self._thread.start()
        ready.wait(10)

    def _serve(self, sock: socket.socket, hub: Hub, ready: threading.Event) -> None:
        loop = self.loop_factory()
        self._loop = loop
        try:
            listener = loop.run_until_complete(loop.create_server(hub, sock=sock))
            sweeper = loop.create_task(hub.sweep())
            loop.call_soon(ready.set)
            loop.run_forever()
            listener.close()
            sweeper.cancel()
            loop.run_until_complete(asyncio.gather(sweeper, return_exceptions=True))
        finally:
            ready.set()
            sock.close()
            loop.close()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop accepting, answer what is being answered, close the rest. Idempotent."""
        thread, loop, hub = self._thread, self._loop, self._hub
        if thread is None:
            return
        if loop is not None and hub is not None and not loop.is_closed():
            try:
                done = asyncio.run_coroutine_threadsafe(self._shutdown(hub, timeout), loop)
                done.result(timeout + 2)
            except (RuntimeError, concurrent.futures.TimeoutError):
                pass  # the loop ended on its own
            with contextlib.suppress(RuntimeError):  # closed meanwhile by its own thread
                loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout)
        if self._flush_pending:  # the loop stopped before its last turn's flush
            self._flush_access()
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
        with self.lock:  # let a request in progress finish before unsubscribing
            if self._subscribed:
                self.sandbox.unsubscribe(self._sandbox_changed)
                self._subscribed = False
        if self.forwarder is not None:
            self.forwarder.stop(timeout)
        self._thread = self._loop = self._hub = None

    async def _shutdown(self, hub: Hub, timeout: float) -> None:
        await hub.close_all(timeout)
        asyncio.get_running_loop().stop()

    def __enter__(self) -> StripeServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- called by the transport --------------------------------------------

    def _handle(self, request: Request) -> Reply:
        call = mapping.to_core(request, self.limits.max_fields)
        if isinstance(call, Reply):
            return call
        with self.lock:
            try:
                response = self.sandbox.request(
                    call.method, call.path, call.params, call.headers, origin=call.origin
                )
                reply = mapping.from_core(response, request)
            except Exception:  # the core promises never to raise; do not die if it does
                log.exception("sandbox.request raised for %s %s", call.method, call.path)
                reply = mapping.internal_error()
            finally:
                self.requests_served += 1
        return reply

    def _replied(self, request: Request | None, reply: Reply) -> None:
        if self._access.sink is None:
            return
        if request is None:
            self._access("-", "-", reply.status, reply.request_id)
        else:
            self._access(request.method, request.path, reply.status, reply.request_id)
        if self._access_flush is not None and not self._flush_pending and self._loop is not None:
            self._flush_pending = True
            self._loop.call_soon(self._flush_access)

    def _flush_access(self) -> None:
        self._flush_pending = False
        if self._access_flush is not None:
            try:
                self._access_flush()
            except Exception:  # a log that cannot be written must not stop the answers
                log.exception("the access log failed")

    def _sandbox_changed(self, change: Any) -> None:
        if self.forwarder is not None:
            for event in getattr(change, "events", None) or ():
                event_id = event.get("id") if isinstance(event, dict) else None
                if event_id is None or event_id in self._forwarded:
                    continue  # an undo/redo replay fires the same ids again
                self._forwarded.add(event_id)
                self.forwarder.submit(event)
