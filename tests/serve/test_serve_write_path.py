"""One answer on the wire: one write, no Nagle delay; the access log flushed per burst."""

from __future__ import annotations

import asyncio
import io
import socket
import time
from typing import Any

from serve_helpers import Raw

from core.http.server import StripeServer
from core.http.transport import Hub

CARD = "card[number]=4242424242424242&card[exp_month]=12&card[exp_year]=2034&card[cvc]=123"


class _Recorder:
    """A transport that keeps what is written, for a connection driven without sockets."""

    def __init__(self) -> None:
        self.writes: list[bytes] = []

    def write(self, data: bytes) -> None:
        self.writes.append(data)

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return ("127.0.0.1", 5555) if name == "peername" else default

    def is_closing(self) -> bool:
        return False

    def pause_reading(self) -> None: ...

    def resume_reading(self) -> None: ...

    def can_write_eof(self) -> bool:
        return True

    def write_eof(self) -> None: ...

    def close(self) -> None: ...

    def abort(self) -> None: ...


def test_each_answer_is_one_write_even_for_pipelined_requests(sandbox: Any) -> None:
    server = StripeServer(sandbox, "127.0.0.1", 0)
    hub = Hub(server._handle, server.limits, server._replied)
    loop = asyncio.new_event_loop()
    try:

        async def connect() -> Any:
            return hub()

        conn = loop.run_until_complete(connect())
        transport = _Recorder()
        conn.connection_made(transport)  # type: ignore[arg-type]
        one = (
            "POST /v1/tokens HTTP/1.1\r\nAuthorization: Bearer sk_test_1\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {len(CARD)}\r\n\r\n{CARD}"
        ).encode()
        conn.data_received(one * 3)  # three requests in one segment
    finally:
        loop.close()
    assert len(transport.writes) == 3
    for data in transport.writes:  # head and body together, so Nagle never splits them
        head, _, body = data.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 200 OK") and body.startswith(b"{")
        assert f"Content-Length: {len(body)}".encode() in head


def test_the_server_socket_does_not_wait_for_acks_before_sending(server: StripeServer) -> None:
    raw = Raw(server.url)
    assert raw.form("GET", "/v1/events", {"limit": "1"})[0] == 200
    hub = server._hub
    assert hub is not None and hub.connections
    for conn in list(hub.connections):
        assert conn.transport is not None
        sock = conn.transport.get_extra_info("socket")
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
    raw.close()


def test_the_access_log_is_flushed_once_per_burst_and_at_stop(sandbox: Any) -> None:
    out = io.StringIO()
    flushes: list[int] = []

    def flush() -> None:
        flushes.append(len(out.getvalue().splitlines()))

    server = StripeServer(
        sandbox,
        "127.0.0.1",
        0,
        access_log=lambda line: print(line, file=out),
        access_log_flush=flush,
    )
    with server:
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
            request = b"GET /v1/events?limit=1 HTTP/1.1\r\nAuthorization: Bearer sk_test_1\r\n\r\n"
            sock.sendall(request * 4)  # four answers in one turn of the loop
            received = b""
            deadline = time.monotonic() + 10
            while received.count(b"HTTP/1.1 200") < 4 and time.monotonic() < deadline:
                received += sock.recv(65536)
        deadline = time.monotonic() + 10
        while not flushes and time.monotonic() < deadline:
            time.sleep(0.01)
    lines = out.getvalue().splitlines()
    assert len(lines) == 4 and all(line.startswith("GET /v1/events -> 200") for line in lines)
    assert flushes and flushes[-1] == 4  # every line was flushed
    assert len(flushes) < 4  # not once per line
