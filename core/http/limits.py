"""What one client may cost the server: sizes, counts and times, in one place.

Every limit is a field of :class:`Limits`, so a test (or ``chargeable
serve``) can tighten one without touching the transport. What happens at
each limit is the transport's job (``core.http.transport``); what the client
reads there is a Stripe-shaped error made by ``core.http.mapping``.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_BODY = 1024 * 1024  # bytes; a larger body gets a 413


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps on what one request or connection may take.

    Attributes:
        max_body: the largest request body read, in bytes (413 past it).
        drain_limit: a refused body up to this size is read and dropped, so
            the client reads the 413 instead of a reset connection.
        max_target: bytes in the request target (414 past it).
        max_header_bytes: bytes in all header names and values (431 past it).
        max_headers: header lines in one request (431 past it).
        max_fields: form parameters in one body or query string.
        header_timeout: seconds from a request's first byte to the end of its
            headers (408 past it: a client that trickles its headers, the
            "slowloris", holds a connection at most this long).
        body_timeout: seconds from the end of the headers to the end of the body.
        idle_timeout: seconds a kept-alive connection may wait for its next request.
        linger: seconds a connection being closed keeps reading (and dropping)
            what the client still sends, so the answer is not lost to a reset.
        max_connections: open connections at once; one more is answered with a
            503 at once and closed, instead of waiting unseen in the backlog.
        max_pipelined: requests read ahead on one connection before reading pauses.
    """

    max_body: int = MAX_BODY
    drain_limit: int = 16 * MAX_BODY
    max_target: int = 65536
    max_header_bytes: int = 65536
    max_headers: int = 100
    max_fields: int = 10_000
    header_timeout: float = 10.0
    body_timeout: float = 30.0
    idle_timeout: float = 60.0
    linger: float = 2.0
    max_connections: int = 512
    max_pipelined: int = 32

    @property
    def max_head_bytes(self) -> int:
        """Bytes a request head may take on the wire before it is refused unread."""
        return self.max_target + self.max_header_bytes + 8192
