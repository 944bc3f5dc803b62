"""Answers on the wire: a batch per turn, one write per connection, no Nagle delay;
the access log flushed per burst."""

from __future__ import annotations

import asyncio
import io
import socket
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from serve_helpers import Raw

from core.http.server import StripeServer
from core.http.transport import Hub

CARD = "card[number]=4242424242424242&card[exp_month]=12&card[exp_year]=2034&card[cvc]=123"


class _Recording:
    """A transport that keeps what is written, for a connection driven without sockets.

    ``order``: a list shared with the test, to which each write adds ``"write"``.
    """

    def __init__(self, order: list[str] | None = None) -> None:
        self.writes: list[bytes] = []
        self.order = order if order is not None else []
        self.paused = False
        self.closed = False

    def write(self, data: bytes) -> None:
        self.writes.append(data)
        self.order.append("write")

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return ("127.0.0.1", 5555) if name == "peername" else default

    def is_closing(self) -> bool:
        return self.closed

    def pause_reading(self) -> None:
        self.paused = True

    def resume_reading(self) -> None:
        self.paused = False

    def can_write_eof(self) -> bool:
        return True

    def write_eof(self) -> None: ...

    def close(self) -> None:
        self.closed = True

    def abort(self) -> None:
        self.closed = True


def _token_request() -> bytes:
    return (
        "POST /v1/tokens HTTP/1.1\r\nAuthorization: Bearer sk_test_1\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(CARD)}\r\n\r\n{CARD}"
    ).encode()


def _whole_answers(data: bytes) -> list[bytes]:
    """Split written bytes into answers, checking each is a whole head and body."""
    answers = []
    while data:
        head, _, rest = data.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 200 OK")
        length = int(head.split(b"Content-Length: ", 1)[1].split(b"\r\n", 1)[0])
        body, data = rest[:length], rest[length:]
        assert body.startswith(b"{") and body.rstrip().endswith(b"}")
        answers.append(head + b"\r\n\r\n" + body)
    return answers


class _Socketless:
    """A hub of connections driven by hand on an event loop of their own, no sockets."""

    def __init__(self, sandbox: Any, wrap: Callable[[Any], Any] | None = None) -> None:
        self.server = StripeServer(sandbox, "127.0.0.1", 0)
        handler = self.server._handle if wrap is None else wrap(self.server._handle)
        self.hub = Hub(handler, self.server.limits, self.server._replied)
        self.loop = asyncio.new_event_loop()

    def connection(self, transport: _Recording) -> Any:
        async def connect() -> Any:
            return self.hub()

        conn = self.loop.run_until_complete(connect())
        conn.connection_made(transport)
        return conn

    def turn(self) -> None:
        """The rest of this turn of the loop: the batch read so far is answered."""
        self.loop.run_until_complete(asyncio.sleep(0))


@pytest.fixture
def socketless(sandbox: Any) -> Iterator[Callable[..., _Socketless]]:
    made: list[_Socketless] = []

    def make(wrap: Callable[[Any], Any] | None = None) -> _Socketless:
        made.append(_Socketless(sandbox, wrap))
        return made[-1]

    yield make
    for hub in made:
        hub.loop.close()


def test_pipelined_answers_go_out_whole_in_one_write(socketless: Any) -> None:
    hub = socketless()
    transport = _Recording()
    hub.connection(transport).data_received(_token_request() * 3)  # three in one segment
    assert transport.writes == []  # answered after this turn's reads
    hub.turn()
    # One write; head and body of each answer together, so Nagle never splits one.
    assert len(transport.writes) == 1
    assert len(_whole_answers(transport.writes[0])) == 3


def test_requests_read_in_one_turn_are_answered_before_any_answer_is_written(
    socketless: Any,
) -> None:
    """The batch: every handler first, back to back, then every write."""
    order: list[str] = []

    def wrap(handle: Any) -> Any:
        def handler(request: Any) -> Any:
            order.append("answer")
            return handle(request)

        return handler

    hub = socketless(wrap)
    transports = [_Recording(order) for _ in range(3)]
    conns = [hub.connection(transport) for transport in transports]
    for conn in conns:  # three connections read in one turn
        conn.data_received(_token_request())
    hub.turn()
    assert order == ["answer"] * 3 + ["write"] * 3
    assert all(len(_whole_answers(t.writes[0])) == 1 for t in transports)


def test_a_flood_of_pipelined_requests_pauses_reading_before_the_batch(socketless: Any) -> None:
    hub = socketless()
    transport = _Recording()
    request = b"GET /v1/events?limit=1 HTTP/1.1\r\n\r\n"
    conn = hub.connection(transport)
    conn.data_received(request * 2)  # the first read of the turn: no pause yet
    assert not transport.paused
    flood = hub.server.limits.max_pipelined + 5
    conn.data_received(request * (flood - 2))  # a second read, in the same turn
    assert transport.paused  # at once: the reads of this turn stop here
    hub.turn()
    assert not transport.paused  # answered, so reading goes on
    assert transport.writes[0].count(b"HTTP/1.1 ") == flood


def test_a_request_read_just_before_stop_is_answered_not_dropped(socketless: Any) -> None:
    """Read in the turn the server stops, before its batch: answered, then closed."""
    hub = socketless()
    transport = _Recording()
    conn = hub.connection(transport)
    conn.data_received(_token_request())
    hub.hub.stopping = True
    conn.stop()  # what Hub.close_all does to each connection
    hub.turn()
    assert hub.server.requests_served == 1
    (answer,) = _whole_answers(transport.writes[0])
    assert b"\r\nConnection: close\r\n" in answer


_EVENTS = b"GET /v1/events?limit=1 HTTP/1.1\r\nAuthorization: Bearer sk_test_1\r\n\r\n"


def test_a_connection_that_breaks_in_a_batch_leaves_the_others_answered(
    socketless: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.http import transport as transport_module

    render = transport_module.mapping.render

    def breaks_on_boom(reply: Any, request: Any = None) -> bytes:
        if request is not None and request.target.startswith("/boom"):
            raise RuntimeError("a bug in rendering")
        return render(reply, request)

    monkeypatch.setattr(transport_module.mapping, "render", breaks_on_boom)
    hub = socketless()
    broken, healthy = _Recording(), _Recording()
    first, second = hub.connection(broken), hub.connection(healthy)
    first.data_received(b"GET /boom HTTP/1.1\r\n\r\n")
    second.data_received(_EVENTS)
    hub.turn()
    assert broken.closed  # the broken one is cut
    assert healthy.writes and healthy.writes[0].startswith(b"HTTP/1.1 200")
    second.data_received(_EVENTS)
    hub.turn()
    assert len(healthy.writes) == 2  # and it is still answered afterwards


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
