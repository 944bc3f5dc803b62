"""The collector settings of ``chargeable serve``, and what a closed connection leaves."""

from __future__ import annotations

import collections
import gc
import socket
import time
from collections.abc import Iterator
from typing import Any

import pytest

from core.http.collector import ServingCollector
from core.http.server import StripeServer


@pytest.fixture
def collector() -> Iterator[ServingCollector]:
    c = ServingCollector()
    yield c
    c.stop()


def test_start_freezes_what_exists_and_stop_unfreezes(collector: ServingCollector) -> None:
    collector.start()
    assert gc.get_freeze_count() > 0
    collector.stop()
    assert gc.get_freeze_count() == 0


def test_a_full_collection_is_followed_by_a_freeze_of_its_survivors(
    collector: ServingCollector,
) -> None:
    collector.start()
    collector.tick()
    assert collector.freezes == 0  # no full collection since start: nothing to do
    kept = [[i] for i in range(5000)]  # long-lived, like the sandbox's records
    frozen_before = gc.get_freeze_count()
    gc.collect()
    collector.tick()
    assert collector.freezes == 1
    assert gc.get_freeze_count() >= frozen_before + len(kept)
    collector.tick()
    assert collector.freezes == 1


def test_a_cycle_that_is_garbage_at_the_freeze_is_collected_not_frozen(
    collector: ServingCollector,
) -> None:
    collector.start()

    class Node:
        other: Any = None

    a, b = Node(), Node()
    a.other, b.other = b, a
    del a, b
    gc.collect(2)  # the full collection the tick reacts to ran before the cycle died
    cycle = [Node(), Node()]
    cycle[0].other, cycle[1].other = cycle[1], cycle[0]
    del cycle
    collector.tick()
    assert not any(isinstance(o, Node) for o in gc.get_objects())


def _exchange(url: str) -> None:
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(
            b"POST /v1/customers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sk_test_x\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 0\r\n\r\n"
        )
        data = b""
        while b"\r\n\r\n" not in data:
            data += sock.recv(65536)
        assert data.startswith(b"HTTP/1.1 200")


def test_a_closed_connection_leaves_no_cycle_of_the_servers_own(server: StripeServer) -> None:
    _exchange(server.url)
    time.sleep(0.2)
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for _ in range(5):
            _exchange(server.url)
        deadline = time.monotonic() + 5
        while server._hub is not None and server._hub.connections and time.monotonic() < deadline:
            time.sleep(0.02)
        gc.collect()
        kinds = collections.Counter(type(o).__name__ for o in gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert kinds["Connection"] == 0
    assert kinds["HttpRequestParser"] == 0
