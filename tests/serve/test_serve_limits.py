"""Hardening: header and body limits, read timeouts, the connection cap, pipelining.

Each test runs its own server with small limits, so a timeout is a fraction
of a second; every wait is bounded.
"""

from __future__ import annotations

import asyncio
import json
import socket
import time
import weakref
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import KEY
from serve_helpers import Raw

from core.http.limits import Limits
from core.http.server import StripeServer, new_event_loop

FAST = Limits(header_timeout=0.3, body_timeout=0.3, idle_timeout=0.5, linger=0.3)


# Where uvloop is installed the server runs on it; Windows has only asyncio's loop:
# every limit must hold on both.
LOOPS = {"default": new_event_loop, "asyncio": asyncio.new_event_loop}


@pytest.fixture(params=sorted(LOOPS))
def fast(sandbox: Any, request: pytest.FixtureRequest) -> Iterator[StripeServer]:
    s = StripeServer(sandbox, "127.0.0.1", 0, limits=FAST, loop_factory=LOOPS[request.param])
    s.start()
    yield s
    s.stop()


# Bytes read past one answer, by socket (pipelining).
_LEFT: weakref.WeakKeyDictionary[socket.socket, bytes] = weakref.WeakKeyDictionary()


def read_answer(sock: socket.socket, timeout: float = 5.0) -> tuple[int, dict[str, str], dict]:
    """One whole answer (status, headers, JSON) from a raw socket."""
    sock.settimeout(timeout)
    data = _LEFT.pop(sock, b"")
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, f"closed before an answer: {data!r}"
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v for k, _, v in (line.partition(": ") for line in lines[1:])}
    length = int(headers["content-length"])
    while len(rest) < length:
        rest += sock.recv(65536)
    _LEFT[sock] = rest[length:]
    return int(lines[0].split()[1]), headers, json.loads(rest[:length])


def still_serving(server: StripeServer) -> None:
    raw = Raw(server.url)
    assert raw.form("GET", "/v1/customers")[0] == 200
    raw.close()


@pytest.mark.parametrize("length", ["+13", "1_3", "0013", "-1", "1e3", "13 13"])
def test_content_length_must_be_plain_digits(server: StripeServer, length: str) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(
            f"POST /v1/customers HTTP/1.1\r\nContent-Length: {length}\r\n\r\nemail=abcdefg".encode()
        )
        status, headers, body = read_answer(sock)
    assert status == 400 and headers["request-id"].startswith("req_")
    assert headers["connection"] == "close"
    assert body["error"]["type"] == "invalid_request_error"
    still_serving(server)


def test_headers_larger_than_the_cap_get_431_even_under_the_line_count(
    server: StripeServer,
) -> None:
    filler = "".join(f"X-Fill-{n}: {'v' * 1000}\r\n" for n in range(70))  # 70 KB > 64 KB
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(f"GET /v1/customers HTTP/1.1\r\n{filler}\r\n".encode())
        status, _, body = read_answer(sock)
    assert status == 431 and "headers" in body["error"]["message"]
    still_serving(server)


def test_one_endless_header_line_is_cut_off_with_431(server: StripeServer) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(b"GET /v1/customers HTTP/1.1\r\nX-Long: ")
        try:
            for _ in range(32):  # 2 MB, far past the cap
                sock.sendall(b"v" * 65536)
        except OSError:
            pass  # the server may stop reading once it has answered
        status, _, body = read_answer(sock)
    assert status == 431 and "headers" in body["error"]["message"]
    still_serving(server)


def test_headers_that_trickle_in_get_408_after_the_header_timeout(fast: StripeServer) -> None:
    with socket.create_connection(("127.0.0.1", fast.port), timeout=5) as sock:
        started = time.monotonic()
        sock.sendall(b"GET /v1/customers HTTP/1.1\r\nHost: x\r\n")
        time.sleep(0.1)
        sock.sendall(b"X-Slow: 1\r\n")  # more bytes do not extend the deadline
        status, headers, body = read_answer(sock)
        waited = time.monotonic() - started
    assert status == 408 and headers["connection"] == "close"
    assert "headers" in body["error"]["message"]
    assert 0.3 <= waited < 3.0
    still_serving(fast)


def test_a_body_that_never_ends_gets_408_after_the_body_timeout(fast: StripeServer) -> None:
    with socket.create_connection(("127.0.0.1", fast.port), timeout=5) as sock:
        sock.sendall(
            b"POST /v1/customers HTTP/1.1\r\nAuthorization: Bearer " + KEY.encode() + b"\r\n"
            b"Content-Length: 100\r\n\r\nemail="
        )
        status, _, body = read_answer(sock)
    assert status == 408 and "body" in body["error"]["message"]
    still_serving(fast)


def test_an_idle_keep_alive_connection_is_closed_after_the_idle_timeout(
    fast: StripeServer,
) -> None:
    with socket.create_connection(("127.0.0.1", fast.port), timeout=5) as sock:
        sock.sendall(
            b"GET /v1/customers HTTP/1.1\r\nAuthorization: Bearer " + KEY.encode() + b"\r\n\r\n"
        )
        assert read_answer(sock)[0] == 200
        started = time.monotonic()
        assert sock.recv(100) == b""  # closed by the server, quietly
        assert 0.4 <= time.monotonic() - started < 3.0


def test_past_the_connection_cap_a_client_is_refused_at_once_with_503(sandbox: Any) -> None:
    limits = Limits(max_connections=4)
    with StripeServer(sandbox, "127.0.0.1", 0, limits=limits) as server:
        held = [socket.create_connection(("127.0.0.1", server.port), timeout=5) for _ in range(4)]
        try:
            time.sleep(0.2)  # let the server accept them all
            with socket.create_connection(("127.0.0.1", server.port), timeout=5) as extra:
                status, headers, body = read_answer(extra)
            assert status == 503 and headers["stripe-should-retry"] == "true"
            assert "too many open connections (4)" in body["error"]["message"]
        finally:
            for sock in held:
                sock.close()
        deadline = time.monotonic() + 5
        while True:  # the slots free as the server sees the closes
            raw = Raw(server.url)
            try:
                if raw.form("GET", "/v1/customers")[0] == 200:
                    break
            except OSError:
                pass
            finally:
                raw.close()
            assert time.monotonic() < deadline, "the cap never freed"
            time.sleep(0.05)


def test_pipelined_requests_are_answered_in_order(server: StripeServer) -> None:
    auth = b"Authorization: Bearer " + KEY.encode() + b"\r\n"
    one = b"POST /v1/customers HTTP/1.1\r\n" + auth + b"Content-Length: 11\r\n\r\nemail=a%40b"
    two = b"GET /v1/customers?limit=1 HTTP/1.1\r\n" + auth + b"\r\n"
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(one + two + b"GET /v1/nowhere HTTP/1.1\r\n" + auth + b"\r\n")
        first, second, third = read_answer(sock), read_answer(sock), read_answer(sock)
    assert first[0] == 200 and first[2]["email"] == "a@b"
    assert second[0] == 200 and second[2]["data"][0]["id"] == first[2]["id"]
    assert third[0] == 404


def test_a_bad_request_after_good_pipelined_ones_is_answered_last(server: StripeServer) -> None:
    auth = b"Authorization: Bearer " + KEY.encode() + b"\r\n"
    good = b"GET /v1/customers HTTP/1.1\r\n" + auth + b"\r\n"
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(good + good + b"GET /x HTTP/1.1\r\nno colon\r\n\r\n")
        assert [read_answer(sock)[0] for _ in range(3)] == [200, 200, 400]


class SlowSandbox:
    """A sandbox whose requests wait (as the window's wait for its GUI thread)."""

    def __init__(self, sandbox: Any, delay: float) -> None:
        self.sandbox = sandbox
        self.delay = delay
        self.threads: set[str] = set()

    def request(self, *args: Any, **kwargs: Any) -> Any:
        import threading

        self.threads.add(threading.current_thread().name)
        time.sleep(self.delay)
        return self.sandbox.request(*args, **kwargs)


def test_offloaded_requests_run_on_one_worker_in_order_while_the_loop_keeps_refusing(
    sandbox: Any,
) -> None:
    slow = SlowSandbox(sandbox, 0.3)
    limits = Limits(max_connections=2)
    with StripeServer(slow, "127.0.0.1", 0, limits=limits, offload=True) as server:
        auth = b"Authorization: Bearer " + KEY.encode() + b"\r\n"
        post = b"POST /v1/customers HTTP/1.1\r\n" + auth + b"Content-Length: 11\r\n\r\nemail=a%40b"
        get = b"GET /v1/customers HTTP/1.1\r\n" + auth + b"\r\n"
        with socket.create_connection(("127.0.0.1", server.port), timeout=5) as busy:
            busy.sendall(post + get)  # two pipelined requests, 0.6 s of waiting in all
            with socket.create_connection(("127.0.0.1", server.port), timeout=5) as second:
                time.sleep(0.05)
                started = time.monotonic()
                with socket.create_connection(("127.0.0.1", server.port), timeout=5) as third:
                    assert read_answer(third)[0] == 503
                assert time.monotonic() - started < 0.3  # not queued behind the slow ones
                second.sendall(get)
                first, then = read_answer(busy), read_answer(busy)
                assert read_answer(second)[0] == 200
        assert first[0] == 200 and then[2]["data"][0]["id"] == first[2]["id"]
    assert len(slow.threads) == 1 and next(iter(slow.threads)).startswith("stripe-request")


def test_the_default_loop_is_uvloops_where_it_is_installed() -> None:
    uvloop = pytest.importorskip("uvloop")
    loop = new_event_loop()
    try:
        assert isinstance(loop, uvloop.Loop)
    finally:
        loop.close()
