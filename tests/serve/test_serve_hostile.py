"""Hostile clients against ``chargeable serve`` as a process (bounded in count and time).

200 connections hold half-sent requests open (100 stop inside the headers,
100 inside the body) and 40 send headers far over the cap. Meanwhile a
normal request on a new connection still answers within 100 ms, the server
process's peak memory (``VmHWM``) stays under 150 MB, and it keeps serving.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_helpers import Raw

from core.http.addresses import reachable_host
from core.http.server import StripeServer

ROOT = Path(__file__).resolve().parents[2]
HALF_SENT = 200
OVERSIZED = 40
OVERSIZED_BYTES = 2 * 1024 * 1024  # each: 2 MB of 60 KB header lines (the cap: 64 KB in all)


def memory_mb(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no {field} for {pid}")


@pytest.fixture
def served() -> Iterator[tuple[subprocess.Popen[str], str]]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "gui.app", "serve", "--port", "0", "--quiet"],
        cwd=ROOT,
        env=dict(os.environ, PYTHONUNBUFFERED="1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    url = ""
    for line in proc.stdout:
        if "serving the Stripe API at " in line:
            url = line.rsplit(" ", 1)[1].strip()
            break
    try:
        assert url, proc.stderr.read() if proc.stderr else ""
        yield proc, url
    finally:
        proc.terminate()
        proc.communicate(timeout=30)


def timed_request(url: str) -> float:
    raw = Raw(url)
    started = time.perf_counter()
    status, _, body = raw.form("POST", "/v1/customers", [("email", "ok@example.com")])
    elapsed = time.perf_counter() - started
    raw.close()
    assert status == 200 and body["id"].startswith("cus_")
    return elapsed


def test_half_sent_and_oversized_requests_neither_starve_nor_bloat_the_server(
    served: tuple[subprocess.Popen[str], str],
) -> None:
    proc, url = served
    port = int(url.rsplit(":", 1)[1])
    timed_request(url)  # warm
    baseline = memory_mb(proc.pid, "VmRSS")
    held: list[socket.socket] = []
    oversized: list[socket.socket] = []
    try:
        for n in range(HALF_SENT):
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
            if n % 2:
                sock.sendall(b"POST /v1/customers HTTP/1.1\r\nHost: x\r\nX-Wait: ")
            else:
                sock.sendall(b"POST /v1/customers HTTP/1.1\r\nContent-Length: 1000\r\n\r\nemail=")
            held.append(sock)
        line = b"X-Big: " + b"v" * 60_000 + b"\r\n"  # 34 lines: under the line count
        chunk = b"GET /v1/customers HTTP/1.1\r\n" + line * (OVERSIZED_BYTES // len(line))
        for _ in range(OVERSIZED):
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
            sock.setblocking(False)
            try:
                sock.send(chunk)  # as much as the kernel takes now
            except BlockingIOError:
                pass
            oversized.append(sock)
        latencies = [timed_request(url) for _ in range(5)]
        answers = []
        for sock in oversized:
            sock.settimeout(5)
            try:
                answers.append(sock.recv(64)[:12])
            except OSError as exc:
                answers.append(repr(exc).encode())
        peak = memory_mb(proc.pid, "VmHWM")
        during = [timed_request(url) for _ in range(3)]  # all 200 still held open
    finally:
        for sock in held + oversized:
            sock.close()
    print(
        f"\nnormal request: median {1000 * statistics.median(latencies):.1f} ms, "
        f"max {1000 * max(latencies):.1f} ms; server RSS {baseline:.0f} MB before, "
        f"peak {peak:.0f} MB"
    )
    assert statistics.median(latencies) < 0.100
    assert max(latencies + during) < 1.0
    assert peak < 150
    assert answers == [b"HTTP/1.1 431"] * OVERSIZED
    assert timed_request(url) < 1.0  # and after they are gone


def test_a_server_on_every_address_prints_one_a_client_can_use(sandbox: object) -> None:
    # Not started: tests listen on 127.0.0.1 only.
    for unspecified in ("0.0.0.0", "::"):
        host = reachable_host(unspecified)
        assert host not in ("0.0.0.0", "::") and host
        server = StripeServer(sandbox, unspecified, 12111)
        assert "0.0.0.0" not in server.client_url and "[::]" not in server.client_url
    assert reachable_host("127.0.0.1") == "127.0.0.1"
    assert reachable_host("192.168.1.10") == "192.168.1.10"
    assert reachable_host("localhost") == "localhost"
    assert StripeServer(sandbox, "::1", 8).client_url == "http://[::1]:8"
