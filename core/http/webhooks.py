"""Webhook signing and forwarding, the way the Stripe CLI's ``listen`` does it.

Each event is POSTed as JSON to one URL with a ``Stripe-Signature`` header::

    Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, f"{t}.{payload}")>

where ``secret`` is the whole ``whsec_…`` string, so the official libraries'
``Webhook.construct_event(payload, header, secret)`` accepts it. The
timestamp is the wall clock (libraries reject signatures older than five
minutes), not the sandbox's simulated clock.

Delivery runs on one background thread fed by a bounded queue: submitting
an event never blocks the caller, a full queue drops the event (and counts
it), and every POST has a timeout. No retries: like ``stripe listen``, a
failed delivery is reported and forgotten.
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import queue
import secrets
import string
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_ALPHABET = string.ascii_letters + string.digits


def generate_secret() -> str:
    """A fresh ``whsec_…`` signing secret (32 random alphanumerics)."""
    return "whsec_" + "".join(secrets.choice(_ALPHABET) for _ in range(32))


def compute_signature(payload: str | bytes, secret: str, timestamp: int) -> str:
    """The hex ``v1`` signature of ``payload`` signed at ``timestamp``."""
    body = payload.decode("utf-8") if isinstance(payload, bytes) else payload
    signed = f"{timestamp}.{body}".encode()
    return hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).hexdigest()


def signature_header(payload: str | bytes, secret: str, timestamp: int | None = None) -> str:
    """The ``Stripe-Signature`` header value for ``payload``."""
    t = int(time.time()) if timestamp is None else int(timestamp)
    return f"t={t},v1={compute_signature(payload, secret, t)}"


@dataclass(frozen=True)
class Delivery:
    """The outcome of one POST: ``status`` is ``None`` when no answer came."""

    event_id: str
    event_type: str
    status: int | None
    error: str = ""


class WebhookForwarder:
    """Posts events to ``url`` from a background thread.

    Attributes:
        url: where events go.
        secret: the ``whsec_…`` signing secret.
        delivered: events answered with a 2xx.
        failed: events answered otherwise, or not answered.
        dropped: events refused because the queue was full (or after stop).
    """

    def __init__(
        self,
        url: str,
        secret: str | None = None,
        *,
        max_queue: int = 1000,
        timeout: float = 5.0,
        on_delivery: Callable[[Delivery], None] | None = None,
    ) -> None:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"--forward-to needs an http:// or https:// URL, not {url!r}")
        self.url = url
        self._parts = parts
        self.secret = secret or generate_secret()
        self.timeout = timeout
        self._on_delivery = on_delivery
        self._queue: queue.Queue[dict[str, Any] | None] = queue.Queue(maxsize=max_queue)
        self._thread: threading.Thread | None = None
        self._conn: http.client.HTTPConnection | None = None
        self._counts_lock = threading.Lock()
        self._stopping = False
        self.delivered = 0
        self.failed = 0
        self.dropped = 0

    # --- life cycle ----------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="webhook-forwarder", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Deliver what is queued (within ``timeout`` seconds), then stop."""
        self._stopping = True
        thread = self._thread
        if thread is None:
            return
        deadline = time.monotonic() + timeout
        while True:  # the sentinel must get in even if the queue is full
            try:
                self._queue.put(None, timeout=max(0.01, deadline - time.monotonic()))
                break
            except queue.Full:
                if time.monotonic() >= deadline:
                    break
        thread.join(max(0.0, deadline - time.monotonic()))
        self._thread = None

    # --- producer side -------------------------------------------------------

    def submit(self, event: dict[str, Any]) -> bool:
        """Queue ``event`` for delivery; never blocks. ``False`` if dropped."""
        if self._stopping:
            with self._counts_lock:
                self.dropped += 1
            return False
        try:
            self._queue.put_nowait(event)
            return True
        except queue.Full:
            with self._counts_lock:
                self.dropped += 1
            return False

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """Block until everything queued so far was handled (tests, shutdown)."""
        deadline = time.monotonic() + timeout
        while self._queue.unfinished_tasks:
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.005)
        return True

    # --- worker side ---------------------------------------------------------

    def _run(self) -> None:
        while True:
            event = self._queue.get()
            try:
                if event is None:
                    return
                self._deliver(event)
            finally:
                self._queue.task_done()

    def _connection(self) -> http.client.HTTPConnection:
        if self._conn is None:
            host = self._parts.hostname or ""
            port = self._parts.port
            if self._parts.scheme == "https":
                self._conn = http.client.HTTPSConnection(host, port, timeout=self.timeout)
            else:
                self._conn = http.client.HTTPConnection(host, port, timeout=self.timeout)
        return self._conn

    def _deliver(self, event: dict[str, Any]) -> None:
        payload = json.dumps(event, indent=2)
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": "Chargeable/1.0 (+webhook forwarder)",
            "Stripe-Signature": signature_header(payload, self.secret),
        }
        target = self._parts.path or "/"
        if self._parts.query:
            target += "?" + self._parts.query
        event_id = str(event.get("id", ""))
        event_type = str(event.get("type", ""))
        status: int | None = None
        error = ""
        for attempt in (1, 2):  # a second try only when a kept-alive socket went stale
            conn = self._connection()
            try:
                conn.request("POST", target, body=payload.encode("utf-8"), headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
                if response.will_close:
                    self._close()
                break
            except (OSError, http.client.HTTPException) as exc:
                self._close()
                error = f"{type(exc).__name__}: {exc}"
                if attempt == 2 or isinstance(exc, TimeoutError):
                    break
        with self._counts_lock:
            if status is not None and 200 <= status < 300:
                self.delivered += 1
            else:
                self.failed += 1
        if self._on_delivery is not None:
            try:
                self._on_delivery(Delivery(event_id, event_type, status, error))
            except Exception:  # a reporting callback must not kill the worker
                pass

    def _close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
