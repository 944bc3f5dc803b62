"""Throughput and latency of ``chargeable serve``, against the in-process ceiling.

One *unit* of the workload is 11 requests, the three typical integrations of
the legacy API: token → charge (2); card source → customer → attach → charge
×3 with customer + source (6); iDEAL redirect source → authorize (test
helper) → charge (3). ``unit_steps`` is the one definition of the sequence:
the clients and the ceiling all run it.

Every round runs, for each server and each client count (1, 2, 4, 8, 16 by
default), ``--units`` units shared among the clients, each client on its own
keep-alive connection, bounded by ``--run-seconds``. Rounds interleave the
servers, so a slow moment of this shared machine falls on all of them.
Printed per server and client count: req/s (median and range over rounds),
p50 and p99 latency, the server's CPU per request (from ``/proc/PID/stat``),
the client's own CPU per request, and the ratio to the *ceiling*.

The ceiling is the same request sequence sent to an in-process ``Sandbox``,
each body encoded by the server's own encoder (``core.http.mapping.encode_json``),
no HTTP, measured just before each client count's runs: ``x clock`` is each
run's req/s over the ceiling's of that moment (median over rounds), so a busy
moment of the machine falls on both. One ceiling sandbox answers ``--units``
units each time, as many as each server does, so it grows as a server's
sandbox does and meets the same garbage collections: full collections over
a growing sandbox cost 14-17 us per request in-process by the end of a run
(gc callbacks), which a new, small sandbox each round never meets. The
ceiling keeps CPython's collector settings; ``chargeable serve`` freezes its
heap (``core.http.collector``), which takes most of that cost away (see
below); ``--ceiling-collector`` gives the ceiling the same settings (in this
process: the client's few objects are frozen too). ``--fresh-ceiling`` measures
the ceiling as this script did before: a new sandbox each round, ``--units``
units, ``json.dumps``.

The client (``--client lean``, the default) is one thread driving every
connection over epoll, as wrk does: each connection sends its next request
when its answer is in; request bytes are assembled from parts encoded once;
each answer is read by its ``Content-Length`` and checked, not decoded (2xx,
and a JSON object of the kind the path answers with; ids for the next
request are the body's first ``"id"``). On 2 cores the client takes one and
the server the other: a client thread per connection (``--client json``, this
script's client before: blocking sockets, each request URL-encoded, answers
with an id JSON-decoded) makes its threads queue for their interpreter lock,
and that wait showed in the p99 as the server's. The lean client's own CPU,
printed beside the server's, is mostly the kernel's loopback work.

Servers (each its own process, listening on 127.0.0.1; output to a file):

- ``after``: ``chargeable serve`` from this tree (``--access-log``: without
  ``--quiet``, a line per request);
- ``--rev REV``: ``before``, ``chargeable serve`` from git revision REV
  (extracted with ``git archive``; same interpreter and packages);
- ``--candidates``: ``uvicorn``, the same mapping as an ASGI app under
  uvicorn + httptools (needs ``uv run --with uvicorn``);
- ``--json``: this tree's server as is (``asyncio``) and with its bodies
  encoded by orjson or msgspec, indented as the shipped encoder writes them
  (``--with orjson --with msgspec``); also compares every workload body's
  bytes with the shipped encoder's;
- ``--variants NAMES``: more ``serve_variant.py`` servers (``uvloop``);
- ``--peer URL [--peer-pid PID]``: another Stripe-compatible server (e.g.
  localstripe); it has no ``authorize`` test helper: errors are counted.

    uv run python benchmarks/serve_throughput.py [--rounds 3] [--units 300]
        [--threads 1,2,4,8,16] [--rev REV] [--candidates] [--json] [--peer URL]
        [--client lean|json] [--fresh-ceiling] [--ceiling-collector] [--access-log] [--pin]

``--pin`` keeps the client on the first CPU and each server on the second
(os.sched_setaffinity), as wrk's guide advises, and moves this process to the
second CPU while it measures the ceiling, so the ceiling and the servers run on
the same core; without it the kernel moves the server between cores mid-run,
cold caches each time (see the figures below).

The last line is ``serve throughput: N req/s at 8 clients = X of the in-process ceiling``.

Decisions this script measured. The wall-clock figures on this shared
machine swing by 2-5x with the other work on it, and even CPU per request
moves with it (caches); user-space instructions per request, counted by
``valgrind --tool=callgrind`` on the server process while this script's lean
client sent 150 units (1,650 requests), do not, so they decided what CPU
figures could not:

- the stack: asyncio + httptools (this tree) used 152-236 us of server CPU per
  request where uvicorn + httptools serving the same mapping used 224-285 us,
  at every client count; uvicorn also has no header-size cap or header/body
  read timeout on its httptools protocol.
- the HTTP layer's own work (``--instructions --units 150 --threads 1,8``):
  549,000 / 541,000 instructions per request at 1 / 8 clients with the first
  asyncio transport (86f3e62), 510,000 / 498,000 after its per-request work was
  cut, against 368,000 for the ceiling (the sandbox and its JSON encoding):
  the part beyond the core went from 173,000-181,000 to 130,000-142,000. The
  threaded server before it (941383d, with that revision's core): 611,000.
- uvloop instead of asyncio's loop: 481,000 instructions per request at one
  client (506,000 on asyncio's, same tree otherwise), 481,000 against 497,000
  at eight; server CPU per request, paired rounds (8 rounds of 200 units, load
  average 1.5-2.8), 1.10x [0.95-1.19] less at one client, 1.05x [0.90-1.25] at
  eight. Adopted where it is built (Linux, macOS: a platform marker), asyncio's
  loop elsewhere (``core.http.server.new_event_loop``; the limits tests run on both).
- the garbage collector (``core.http.collector``, ``chargeable serve`` only):
  over 49,500 requests at 8 clients (gc callbacks in the server), collections
  took 19.8-23.3 us a request with CPython's settings, full collections over
  the growing sandbox most of it; with the heap frozen at start and after each
  full collection, 7.1-7.5 us. A larger youngest generation (7,000 or 20,000
  allocations) took 10-12 us and is not used. The ceiling keeps CPython's
  settings: in-process, the same freezing takes its collections from 14-17 us
  a request to 5-6, so about 10 us of a request's gap to the ceiling closed by
  doing less than the ceiling does, not by a cheaper HTTP layer.
- JSON: the shipped encoder is pydantic-core's (``core.wire.emit.to_wire``),
  5-9 us per workload body; orjson (``OPT_INDENT_2``) 1.0-1.6 us and msgspec
  (``format(indent=2)``) 3-3.5 us, both byte-identical on all the workload's
  bodies. orjson takes 52,000 instructions (10 % of user space) off a request,
  but 4-7 us of the 100-180 us of CPU a request costs the server (the kernel's
  share is not in the instruction count): under the 10 % bar, not adopted.

Where the server's CPU goes by the clock (this session, load average 2-4):

- ``perf record`` (cpu-clock) on the server at 8 clients: the interpreter 71 %,
  the kernel 18 %, pydantic-core (encoding) 4 %, libc 3 %, llhttp 2 %, uvloop
  1.5 %. py-spy on asyncio's loop: ``Sandbox.request`` 56 %, encoding 6 %,
  ``transport.write`` (the ``send`` system call, in which the kernel delivers
  the answer to the client's socket and wakes it) 10 %, ``epoll_wait`` 5 %,
  parsing, mapping and the head about 15 %. In-process (a stand-in transport):
  ``data_received`` with a stub handler 10.8 us (llhttp and its callbacks
  4.5), ``to_core`` 2.4, ``from_core`` 1.2 plus encoding, ``render`` 1.0.
- per request the server makes one ``recvfrom``, one ``sendto`` and one
  ``epoll_wait`` (``strace -c -f``), and loopback carries two TCP segments
  (``/proc/net/snmp``): no pure ACKs, no extra writes; nothing to take out.
- the sandbox itself runs slower inside the server: ``Sandbox.request``, timed
  by the same wrapper, interleaved, 6 rounds, took 73.7 us [66.9-76.9]
  in-process and 95.2 [80.4-123.9] in the server at 8 clients (1.31x), 68.7
  and 92.2 at one client (1.63x), on asyncio with CPython's collector in both;
  on uvloop with the collector settings in both, 49.6 [43.2-62.2] against
  73.2 [69.6-83.2] (1.46x) and 46.7 against 83.8 (1.78x). That is the largest
  part of the gap, and not explained: not the server process's state (the
  same calls made in-process inside the server's own process between runs:
  60.2 [47.0-87.8], against 69.8 in the benchmark's), not 8 clients'
  requests interleaved (in-process, round-robin over 8 units: 0.96x), not a
  loopback TCP exchange between requests (1.05x), not the HTTP layer's Python
  around them (a stand-in transport in-process: the ~15 us it runs, no more),
  hardly the other CPU being busy (another ceiling on it: 1.09x; a spinning
  loop, 1.21x). At one client each request follows an idle wake-up.
  ``benchmarks/idle_wake.py`` then showed it without HTTP: the same in-process
  sequence, a 150 us sleep in ``epoll_wait`` before each request, took 1.82x
  [1.31-2.41] as long per request as back to back (271 against 150 us, 6
  rounds, on one CPU); a busy wait of the same length 1.01x [0.86-1.11]. Code
  that runs right after the thread slept runs slower on this machine (a KVM
  guest), whatever runs it: a server between a client's requests sleeps. A
  trial that kept the loop polling after each request instead of sleeping (a
  ready callback re-posted for 1-2 ms while requests came) did not win it back
  (``--pin``, against the same tree without it; 1 ms, 3 rounds: one client
  1,554 -> 1,327 req/s, 8 clients 2,049 -> 2,548, ranges overlapping; 2 ms, 5
  rounds: one client x clock 0.37 -> 0.41 for 282 -> 336 us of CPU a request,
  2-16 clients within 0.01-0.02 of each other, 8 clients 0.69 -> 0.68), and
  was not kept: it buys one client a few percent for a core kept busy.
- answers in batches, one per turn of the loop (``core.http.transport``: the
  handlers of every connection read in a turn run back to back after the
  reads, and the answers are written after the last of them, one write per
  connection; before, each request was answered inside its own read, between
  two system calls). ``--pin --rounds 5 --rev ce3de6a`` (before), ceiling 147 us
  a request [123-245], lean client: 8 clients 2,641 -> 3,649 req/s, 342 -> 270 us
  of server CPU, x clock 0.47 -> 0.64 (x CPU 0.50 -> 0.62), p99 7.41 -> 7.26 ms;
  16 clients 309 -> 264 us, 0.43 -> 0.53; 4 clients 312 -> 327 us; one client
  409 -> 415 us, 0.23 both (nothing to batch). The same with ``--client wrk``
  (ceiling 157 us): 8 clients 3,401 -> 3,973 req/s, 288 -> 243 us, x clock
  0.56 -> 0.66, p99 7.40 -> 10.22 ms; 16 clients 254 -> 241 us, 0.62 -> 0.66;
  one client 349 -> 351 us, 0.32 -> 0.31. The lean client's own CPU fell too
  (100 -> 65 us a request at 8 clients): answers come in bursts, fewer wake-ups.
- p99 at 8 clients: each of 8 connections has one request in flight, so a
  request waits for the other seven: at 243-270 us a request the p50 alone is
  1.8-2.1 ms. Under 2 ms for the p99 needs a server at about 200 us a request
  with no tail; this machine's tail is its host's. Server and client clocks
  compared (``perf_counter_ns``, one 300-unit run at 8 clients): answers the
  server had written waited 0.6 ms (p90) and 2.6 ms (p99) to be read by the
  client; in another run, over which ``/proc/stat`` counted 0.65 s of steal on
  the client's CPU (about 4 s in all), 1.8 and 3.6 ms.
- one client, client and server on one CPU (``--pin --together``): a lone
  client's request never overlaps the server's work, so a second CPU buys it
  nothing, and on one CPU neither side sleeps through a wake-up from the
  other core. 5 rounds, each round both placements, their order flipping
  (ceiling measured before each round on the servers' CPU): wrk 2,239 ->
  3,272 req/s, x clock 0.30 -> 0.39 [0.36-0.54], server CPU 349 -> 258 us a
  request, wrk's 77 -> 49 us; the lean client 2,054 -> 2,565 req/s, 0.29 ->
  0.38. Warm, the server's request still costs about twice the ceiling's
  (258 against 119-140 us): the kernel's share and the HTTP layer's, and the
  sandbox running slower between them; 0.50 would need the server and the
  client together within twice the ceiling.
- the access log is off here (``--quiet``; ``--access-log`` turns it on): a
  line costs 1.3 us (format, clean, print), flushed once per loop turn.
  ``Sandbox.request`` does nothing for HTTP alone: no ``Change`` is built
  without a subscriber (only ``--forward-to`` subscribes), the session saver
  runs only with ``--session`` (an integer compared every 0.2 s).
- the result, ``--rounds 9 --rev 6089045`` (before: asyncio, CPython's collector
  settings), medians [ranges]. At load average 1.5-1.7: the ceiling 57 us of CPU
  a request; 8 clients 6,166 [4,328-7,282] -> 7,107 [5,819-8,109] req/s, 142 ->
  133 us of server CPU, x clock 0.35 -> 0.41, p99 2.80 -> 2.59 ms; one client
  3,732 -> 3,897 req/s, 188 -> 179 us, x clock 0.21 -> 0.28. At load 2.0-4.2
  (another run): 8 clients 152 -> 145 us, x clock 0.40 -> 0.56 [the ceiling's
  own range 2,570-20,071 req/s: the clock ratio moves more with the machine than
  with the server]; one client 158 -> 155 us. With ``--ceiling-collector``
  (the ceiling 49 us, 5 rounds of 1 and 8 clients): 0.27 at 8 clients, 0.31 at
  one, before and after within each other's ranges. The aims (0.60 at 8
  clients with p99 under 2 ms, 0.50 at one) are not met.
- pinned (``--pin --rev 941383d``, 3 rounds, load average about 1, the ceiling
  141 us a request [97-198], a slower day than the figures above): 8 clients
  2,801 -> 3,584 req/s, x clock 0.42 -> 0.57 (x CPU 0.62), p99 9.14 -> 4.59 ms;
  2 clients 0.46 -> 0.67; one client 0.31 -> 0.33. The ceiling measured on the
  client's CPU instead read 0.84 at 8 clients: that CPU ran it slower, so it is
  measured on the servers' core.
- one client: a request's round trip is the server's time plus the client's
  (44-60 us of its own CPU a request, mostly the kernel's loopback work) plus
  two wake-ups. With the ceiling at 62-95 us, a server doing no more than the
  ceiling would still be at most ceiling / (ceiling + client), 0.55-0.6; for
  0.50 the server would have to answer in about the ceiling's own time.
- the machine's bound (2026-12-03). This workplace's VMs boot with
  ``haltpoll.guest_halt_poll_ns=0`` on the kernel's command line: a virtual
  CPU with nothing to run halts at once, and waking it goes through the host.
  ``benchmarks/loopback_rtt.py`` (300 bytes each way over 127.0.0.1, no HTTP,
  no sandbox, 3 rounds): both sides waiting in ``recv`` on two CPUs 88-103 us
  a round trip; either side spinning 24-29 us; both 8-12; both on one CPU
  14-16. Each wake of a halted CPU costs 35-45 us, twice a request. Set to
  200000 for a few minutes (root can, in ``/sys/module/haltpoll/parameters``;
  set back to 0 after): both waiting, 15 us. The header line ``this machine:``
  measures the round trip before every run. ``serve_variant.py floor`` is a
  bound for the HTTP layer: a bare epoll loop with the least HTTP the clients
  need, answering through the same ``StripeServer._handle`` and
  ``mapping.render``; ``benchmarks/serve_layers.py`` counts each layer of this
  server in-process. User-space instructions per request (``--instructions
  --units 100 --threads 1,8 --variants floor``): ceiling 371,700, ``floor``
  466,000 (x 0.80), this server 499,700 / 497,500 (x 0.74-0.75): the whole
  transport (limits, deadlines, batching, llhttp's callbacks) is 34,000 of
  it. Four runs, ``--pin --rounds 3 --client wrk --threads 1,8 --variants
  floor``, halt polling 200000 / 0 / 200000 / 0 (ceiling 111-116 us):

  ====================  =========  =========  =========  =========
  x clock               200000     0          200000     0
  ====================  =========  =========  =========  =========
  after, one client     0.39       0.13       0.33       0.30
  floor, one client     0.52       0.23       0.30       0.30
  after, 8 clients      0.50       0.49       0.38       0.62
  floor, 8 clients      0.72       0.43       0.58       0.75
  p99 at 8, after       10.1 ms    10.5       13.0       4.6
  p99 at 8, floor       62.8 ms    31.9       39.2       32.6
  ====================  =========  =========  =========  =========

  With halting as this machine has it, not even the floor reads 0.50 at one
  client. The p99 at 8 clients does not move with halt polling: it is the
  host's steal (``/proc/stat``, 4 runs of 1.1 s at 8 clients: 1-17 % of the
  server's CPU, 10-180 ms a run, in slices of milliseconds, each stopping all
  8 requests in flight). The loop traced in one quiet run (``answer_ready``
  timed, no gc callbacks: those slowed the server itself): a batch of 3.85
  requests took 503 us at the median (130 us a request, the ceiling's own),
  1.27 ms at p99, and that run's p99 was 3.05 ms; in a run with steal,
  batches of 1 ms or more took 470 ms of its 1.1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import selectors
import socket
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REQUESTS_PER_UNIT = 11
CARD = [
    ("card[number]", "4242424242424242"),
    ("card[exp_month]", "12"),
    ("card[exp_year]", "2034"),
    ("card[cvc]", "123"),
]
_CL = re.compile(rb"\r\ncontent-length:[ \t]*(\d+)", re.IGNORECASE)

Call = Callable[[str, str, list[tuple[str, str]], bool], tuple[int, Any]]


# --- the workload ------------------------------------------------------------------


Step = tuple[str, str, list[tuple[str, str]], bool]  # method, path, params, want_json
Steps = Generator[Step, tuple[int, Any], None]


def unit_steps(n: int) -> Steps:
    """The 11 requests of one unit; each ``yield`` sends one, and gets (status, body or None)."""
    _, tok = yield "POST", "/v1/tokens", CARD, True
    tok_id = (tok or {}).get("id", "")
    charge = [("amount", "1000"), ("currency", "usd"), ("source", tok_id)]
    yield "POST", "/v1/charges", charge, False
    _, src = yield "POST", "/v1/sources", [("type", "card"), *CARD], True
    _, cus = yield "POST", "/v1/customers", [("email", f"bench{n}@example.com")], True
    cus_id, src_id = (cus or {}).get("id", "cus_missing"), (src or {}).get("id", "")
    yield "POST", f"/v1/customers/{cus_id}/sources", [("source", src_id)], False
    for _ in range(3):
        yield (
            "POST",
            "/v1/charges",
            [("amount", "500"), ("currency", "usd"), ("customer", cus_id), ("source", src_id)],
            False,
        )
    _, redirect = yield (
        "POST",
        "/v1/sources",
        [
            ("type", "ideal"),
            ("amount", "1500"),
            ("currency", "eur"),
            ("owner[name]", "Jenny Rosen"),
            ("redirect[return_url]", "https://example.com/return"),
        ],
        True,
    )
    rid = (redirect or {}).get("id", "src_missing")
    yield "POST", f"/v1/test_helpers/sources/{rid}/authorize", [], False
    yield "POST", "/v1/charges", [("amount", "1500"), ("currency", "eur"), ("source", rid)], False


def unit(call: Call, n: int) -> None:
    """The 11 requests; ``call(method, path, params, want_json)`` -> (status, body or None)."""
    steps = unit_steps(n)
    answer: tuple[int, Any] | None = None
    try:
        while True:
            step = steps.send(answer)  # type: ignore[arg-type]  # None starts it
            answer = call(*step)
    except StopIteration:
        pass


def request_bytes(method: str, target: str, params: list[tuple[str, str]], fixed: str) -> bytes:
    """One request as a client sends it: ``fixed`` header lines, the form in the body
    (``POST``) or the query."""
    body = urllib.parse.urlencode(params)
    if method == "POST":
        return (
            f"POST {target} HTTP/1.1\r\n{fixed}"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {len(body)}\r\n\r\n{body}"
        ).encode()
    target += "?" + body if body else ""
    return f"{method} {target} HTTP/1.1\r\n{fixed}\r\n".encode()


class Stop(Exception):
    """The run's time is up (a server that stalls cannot hold the benchmark)."""


class RawClient:
    """One keep-alive connection; requests as bytes, answers read by Content-Length."""

    def __init__(self, url: str, key: str) -> None:
        parts = urllib.parse.urlsplit(url)
        self.address = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.prefix = parts.path.rstrip("/")
        self.fixed = f"Host: {self.address[0]}\r\nAuthorization: Bearer {key}\r\n"
        self.sock = self._connect()
        self.buf = b""
        self.latencies: list[int] = []
        self.errors: dict[str, int] = {}
        self.deadline = float("inf")  # perf_counter() past which call() raises Stop

    def _connect(self) -> socket.socket:
        sock = socket.create_connection(self.address, timeout=5)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    def call(self, method: str, path: str, params: list[tuple[str, str]], want: bool) -> Any:
        if time.perf_counter() > self.deadline:
            raise Stop
        data = request_bytes(method, self.prefix + path, params, self.fixed)
        started = time.perf_counter_ns()
        try:
            status, payload = self._exchange(data)
        except OSError:
            self.errors["connection"] = self.errors.get("connection", 0) + 1
            self.sock.close()
            self.sock, self.buf = self._connect(), b""
            return 0, None
        self.latencies.append(time.perf_counter_ns() - started)
        if not 200 <= status < 300:
            key = f"{path.split('/')[2] if path.count('/') > 1 else path}: HTTP {status}"
            self.errors[key] = self.errors.get(key, 0) + 1
        return status, (json.loads(payload) if want and payload else None)

    def _exchange(self, data: bytes) -> tuple[int, bytes]:
        sock = self.sock
        sock.sendall(data)
        buf = self.buf
        while (end := buf.find(b"\r\n\r\n")) < 0:
            chunk = sock.recv(65536)
            if not chunk:
                raise ConnectionResetError("closed")
            buf += chunk
        head = buf[:end]
        match = _CL.search(head)
        length = int(match.group(1)) if match else 0
        need = end + 4 + length
        while len(buf) < need:
            chunk = sock.recv(65536)
            if not chunk:
                raise ConnectionResetError("closed")
            buf += chunk
        self.buf = buf[need:]
        if b"\r\nconnection: close" in head.lower():
            sock.close()
            self.sock, self.buf = self._connect(), b""
        return int(head[9:12]), buf[end + 4 : need]


# The object each path answers with (for the lean client's check of every body).
_OBJECT_OF = {
    "tokens": b"token",
    "charges": b"charge",
    "sources": b"source",
    "customers": b"customer",
    "events": b"list",
}
_ID = re.compile(rb'"id":\s*"([^"]*)"')
_OBJECT = re.compile(rb'"object":\s*"([^"]*)"')


def _expected_object(path: str) -> bytes:
    parts = path.split("/")  # "", "v1", resource, [id, resource | action]
    if parts[2] == "test_helpers":
        return _OBJECT_OF[parts[3]]
    return _OBJECT_OF[parts[4] if len(parts) > 4 else parts[2]]


class _Wire:
    """Request bytes from parts encoded once; answers checked, not decoded.

    A form pair is URL-encoded the first time it is seen (the workload
    repeats most of them). An answer is read by its ``Content-Length`` and
    checked: the status is 2xx and the body is a JSON object of the kind the
    path answers with (its first ``"object"``); where the workload needs an
    id, it is the body's first ``"id"`` (Stripe writes ``id`` first).
    """

    def __init__(self, url: str, key: str) -> None:
        parts = urllib.parse.urlsplit(url)
        self.address = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.prefix = parts.path.rstrip("/")
        self.fixed = f"Host: {self.address[0]}\r\nAuthorization: Bearer {key}\r\n"
        self.pairs: dict[tuple[str, str], str] = {}
        self.heads: dict[tuple[str, str], bytes] = {}
        self.expected: dict[str, bytes] = {}

    def connect(self) -> socket.socket:
        sock = socket.create_connection(self.address, timeout=5)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    def request(self, method: str, path: str, params: list[tuple[str, str]]) -> bytes:
        pairs = self.pairs
        encoded = []
        for pair in params:
            text = pairs.get(pair)
            if text is None:
                text = pairs[pair] = urllib.parse.urlencode([pair])
            encoded.append(text)
        body = "&".join(encoded).encode()
        head = self.heads.get((method, path))
        if head is None:
            head = f"{method} {self.prefix}{path} HTTP/1.1\r\n{self.fixed}".encode()
            if method == "POST":
                head += b"Content-Type: application/x-www-form-urlencoded\r\n"
            self.heads[(method, path)] = head
        if method == "POST":
            return b"%sContent-Length: %d\r\n\r\n%s" % (head, len(body), body)
        # GET: only the warm-up's, its parameters in the query
        return head.replace(b" HTTP/1.1", b"?" + body + b" HTTP/1.1", 1) + b"\r\n"

    def check(self, path: str, status: int, payload: bytes, want: bool) -> tuple[Any, str]:
        """(the body as the workload needs it, or None; an error's name, or "")."""
        expected = self.expected.get(path)
        if expected is None:
            expected = self.expected[path] = _expected_object(path)
        found = _OBJECT.search(payload) if 200 <= status < 300 else None
        if found is None or found.group(1) != expected:
            error = f"{path.split('/')[2] if path.count('/') > 1 else path}: HTTP {status}"
            if found is not None:
                error += f", a {found.group(1).decode()} instead of a {expected.decode()}"
            return None, error
        if not want:
            return None, ""
        match = _ID.search(payload)
        return ({"id": match.group(1).decode()} if match else None), ""


def _split_answer(buf: bytes) -> tuple[int, bytes, bytes, bool] | None:
    """(status, body, the rest of ``buf``, closes) once ``buf`` holds a whole answer."""
    end = buf.find(b"\r\n\r\n")
    if end < 0:
        return None
    head = buf[:end]
    match = _CL.search(head)
    need = end + 4 + (int(match.group(1)) if match else 0)
    if len(buf) < need:
        return None
    closes = b"\r\nconnection: close" in head.lower()
    return int(head[9:12]), buf[end + 4 : need], buf[need:], closes


class _Connection:
    __slots__ = ("sock", "buf", "steps", "step", "started", "latencies")

    def __init__(self, sock: socket.socket, steps: Steps) -> None:
        self.sock = sock
        self.buf = b""
        self.steps = steps
        self.step: Step | None = None
        self.started = 0
        self.latencies: list[int] = []


def run_lean(url: str, key: str, units: int, clients: int, seconds: float, seed: int) -> Run:
    """``clients`` keep-alive connections driven by one thread over epoll, as wrk does.

    Each connection sends its next request as soon as its answer is read, so
    up to ``clients`` requests are in flight; a latency runs from the
    request's send to its answer's last byte. One thread means no client
    thread waits for another's interpreter lock (with threads, that wait
    showed in the p99), and the client's own CPU per request stays small.
    """
    wire = _Wire(url, key)
    share = [units // clients + (1 if i < units % clients else 0) for i in range(clients)]

    def sequence(i: int) -> Steps:
        for n in range(share[i]):
            yield from unit_steps(seed + i * 100_000 + n)

    selector = selectors.DefaultSelector()
    conns = []
    for i in range(clients):  # open and warm each connection, blocking
        sock = wire.connect()
        sock.sendall(wire.request("GET", "/v1/events", [("limit", "1")]))
        buf = b""
        while _split_answer(buf) is None:
            buf += sock.recv(65536)
        sock.setblocking(False)
        conn = _Connection(sock, sequence(i))
        selector.register(sock, selectors.EVENT_READ, conn)
        conns.append(conn)
    run = Run()
    deadline = time.perf_counter() + seconds
    open_conns = len(conns)

    def advance(conn: _Connection, answer: tuple[int, Any] | None) -> None:
        nonlocal open_conns
        try:
            if time.perf_counter() > deadline:
                run.errors["stopped: out of time"] = 1
                raise StopIteration
            step = conn.steps.send(answer)  # type: ignore[arg-type]  # None starts it
        except StopIteration:
            selector.unregister(conn.sock)
            conn.sock.close()
            open_conns -= 1
            return
        conn.step = step
        data = wire.request(step[0], step[1], step[2])
        conn.started = time.perf_counter_ns()
        if conn.sock.send(data) != len(data):  # a request is far smaller than a buffer
            conn.sock.setblocking(True)
            conn.sock.sendall(data[len(data) :])
            conn.sock.setblocking(False)

    cpu_started = time.thread_time()
    started = time.perf_counter()
    for conn in conns:
        advance(conn, None)
    while open_conns:
        for selected, _ in selector.select(5.0):
            conn = selected.data
            try:
                chunk = conn.sock.recv(65536)
            except BlockingIOError:
                continue
            except OSError:
                chunk = b""
            if not chunk:
                run.errors["connection"] = run.errors.get("connection", 0) + 1
                selector.unregister(conn.sock)
                conn.sock.close()
                open_conns -= 1
                continue
            conn.buf += chunk
            whole = _split_answer(conn.buf)
            if whole is None:
                continue
            status, payload, conn.buf, closes = whole
            conn.latencies.append(time.perf_counter_ns() - conn.started)
            assert conn.step is not None
            body, error = wire.check(conn.step[1], status, payload, conn.step[3])
            if error:
                run.errors[error] = run.errors.get(error, 0) + 1
            if closes:  # not expected of a keep-alive server: reconnect and go on
                selector.unregister(conn.sock)
                conn.sock.close()
                conn.sock, conn.buf = wire.connect(), b""
                conn.sock.setblocking(False)
                selector.register(conn.sock, selectors.EVENT_READ, conn)
            advance(conn, (status, body))
    run.elapsed = time.perf_counter() - started
    run.client_cpu = time.thread_time() - cpu_started
    selector.close()
    for conn in conns:
        run.requests += len(conn.latencies)
        run.latencies += conn.latencies
    return run


@dataclass
class Run:
    requests: int = 0
    elapsed: float = 0.0
    latencies: list[int] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    cpu: float | None = None
    client_cpu: float = 0.0
    ceiling_rate: float = 0.0  # the ceiling's, measured just before this run
    ceiling_cpu: float = 0.0  # us per request

    @property
    def rate(self) -> float:
        return self.requests / self.elapsed if self.elapsed else 0.0


CLIENTS = ("lean", "json", "wrk")


def run_clients(
    url: str, key: str, units: int, threads: int, seconds: float, seed: int, client: str = "lean"
) -> Run:
    if client == "lean":
        return run_lean(url, key, units, threads, seconds, seed)
    if client == "wrk":
        return run_wrk(url, key, units, threads, seed)
    share = [units // threads + (1 if i < units % threads else 0) for i in range(threads)]
    clients = [RawClient(url, key) for _ in range(threads)]
    for c in clients:  # open and warm each connection
        c.call("GET", "/v1/events", [("limit", "1")], False)
        c.latencies.clear()
        c.errors.clear()
    barrier = threading.Barrier(threads + 1)
    deadline = [0.0]
    client_cpu = [0.0] * threads

    def worker(i: int) -> None:
        barrier.wait()
        clients[i].deadline = deadline[0]  # bounded in time as well as in count
        cpu_started = time.thread_time()
        try:
            for n in range(share[i]):
                unit(clients[i].call, seed + i * 100_000 + n)
        except Stop:
            clients[i].errors["stopped: out of time"] = 1
        client_cpu[i] = time.thread_time() - cpu_started

    pool = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(threads)]
    for t in pool:
        t.start()
    deadline[0] = time.perf_counter() + seconds
    barrier.wait()
    started = time.perf_counter()
    for t in pool:
        t.join(seconds + 30)
    run = Run(elapsed=time.perf_counter() - started, client_cpu=sum(client_cpu))
    for c in clients:
        run.requests += len(c.latencies) + sum(
            v for k, v in c.errors.items() if not k.startswith("stopped")
        )
        run.latencies += c.latencies
        for k, v in c.errors.items():
            run.errors[k] = run.errors.get(k, 0) + v
        c.sock.close()
    return run


def run_wrk(url: str, key: str, units: int, clients: int, seed: int) -> Run:
    """The workload sent by wrk (``benchmarks/serve_wrk.py``), a second per 300 units."""
    import serve_wrk

    steps = serve_wrk.templates(unit_steps, _expected_object)
    done = serve_wrk.run_wrk(url, key, clients, units / 300, seed, steps)
    run = Run(requests=done["requests"], elapsed=done["elapsed"], client_cpu=done["client_cpu"])
    run.latencies = [us * 1000 for us, count in done["latency_us"] for _ in range(count)]
    for name in ("bad", "connect", "read", "write", "status", "timeout"):
        if done[name]:
            run.errors[f"wrk {name}"] = done[name]
    return run


def new_sandbox() -> Any:
    sys.path.insert(0, str(ROOT))
    from core.api import Sandbox

    return Sandbox(seed=0)


def ceiling_run(units: int, encode: Callable[[Any], bytes], sandbox: Any = None) -> Run:
    """The same sequence into an in-process Sandbox, each body encoded: no HTTP.

    ``sandbox``: one that has answered earlier rounds (default: a new one).
    """
    sandbox = sandbox if sandbox is not None else new_sandbox()
    auth = {"Authorization": "Bearer sk_test_benchmark"}
    count = [0]

    def call(method: str, path: str, params: list[tuple[str, str]], want: bool) -> Any:
        response = sandbox.request(method, path, params, auth)
        encode(response.body)
        count[0] += 1
        return response.status, response.body

    started, cpu_started = time.perf_counter(), time.thread_time()
    for n in range(units):
        unit(call, n)
    run = Run(requests=count[0], elapsed=time.perf_counter() - started)
    run.cpu = time.thread_time() - cpu_started
    return run


# --- servers ------------------------------------------------------------------------


@dataclass
class Server:
    label: str
    url: str
    proc: subprocess.Popen[str] | None = None
    pid: int | None = None
    output: Path | None = None  # where the server's stdout goes

    def cpu(self) -> float | None:
        pid = self.proc.pid if self.proc is not None else self.pid
        if pid is None:
            return None
        try:
            stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")

    def rss_mb(self) -> float | None:
        pid = self.proc.pid if self.proc is not None else self.pid
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        except (OSError, TypeError):
            pass
        return None

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        if self.output is not None:
            self.output.unlink(missing_ok=True)


#: the CPUs servers (and the ceiling) run on, and the client's (--pin); empty:
#: wherever the kernel puts them
SERVER_CPUS: set[int] = set()
CLIENT_CPUS: set[int] = set()


def launch(label: str, argv: list[str], cwd: Path, marker: str, wait: float = 60) -> Server:
    """Start a server whose output goes to a file (no pipe for the benchmark to drain)."""
    env = dict(os.environ, PYTHONUNBUFFERED="1", PYTHONPATH=str(cwd))
    out = tempfile.NamedTemporaryFile("w+", prefix="serve-bench-out-", delete=False)  # noqa: SIM115
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=out, stderr=subprocess.PIPE, text=True)
    if SERVER_CPUS:  # --pin
        os.sched_setaffinity(proc.pid, SERVER_CPUS)
    deadline = time.monotonic() + wait
    pending = ""
    with open(out.name) as lines:
        while time.monotonic() < deadline and proc.poll() is None:
            pending += lines.readline()
            if not pending.endswith("\n"):
                time.sleep(0.05)  # the rest of the line is not written yet
                continue
            if marker in pending:
                url = pending.rsplit(" ", 1)[1].strip()
                return Server(label, url, proc, output=Path(out.name))
            pending = ""
    proc.kill()
    err = proc.stderr.read() if proc.stderr else ""
    Path(out.name).unlink(missing_ok=True)
    raise SystemExit(f"{label} did not start: {err.strip()[-500:]}")


def cli(label: str, tree: Path, access_log: bool = False) -> Server:
    argv = [sys.executable, "-m", "gui.app", "serve", "--port", "0"]
    return launch(
        label, argv + ([] if access_log else ["--quiet"]), tree, "serving the Stripe API at "
    )


def variant(name: str) -> Server:
    argv = [sys.executable, str(ROOT / "benchmarks" / "serve_variant.py"), name]
    return launch(name, argv, ROOT, "serving at ")


def extract(rev: str, into: Path) -> Path:
    archive = subprocess.run(
        ["git", "archive", "--format=tar", rev], cwd=ROOT, capture_output=True, check=True
    ).stdout
    tar_path = into / "tree.tar"
    tar_path.write_bytes(archive)
    with tarfile.open(tar_path) as tar:
        tar.extractall(into / "tree", filter="data")
    return into / "tree"


def json_check(encoders: dict[str, Callable[[Any], bytes]]) -> None:
    """Every workload body each encoder made, compared with the shipped encoder's bytes."""
    sys.path.insert(0, str(ROOT))
    from core.api import Sandbox

    sandbox = Sandbox(seed=0)
    bodies: list[Any] = []

    def call(method: str, path: str, params: list[tuple[str, str]], want: bool) -> Any:
        response = sandbox.request(method, path, params, {"Authorization": "Bearer sk_test_b"})
        bodies.append(response.body)
        return response.status, response.body

    for n in range(20):
        unit(call, n)
    shipped = server_encoder()
    reference = [shipped(b) for b in bodies]
    everyone: dict[str, Callable[[Any], bytes]] = {
        "shipped (core.wire.emit.to_wire)": shipped,
        "stdlib json.dumps(indent=2)": lambda b: json.dumps(
            b, indent=2, ensure_ascii=False
        ).encode(),
    }
    everyone.update(encoders)
    per_body: dict[str, list[float]] = {name: [] for name in everyone}
    for _ in range(5):  # interleaved rounds, CPU time of this thread
        for name, encode in everyone.items():
            started = time.thread_time()
            for _ in range(20):
                for b in bodies:
                    encode(b)
            per_body[name].append(1e6 * (time.thread_time() - started) / (20 * len(bodies)))
    for name, times in per_body.items():
        same = sum(everyone[name](b) == r for b, r in zip(bodies, reference, strict=True))
        print(
            f"  {name}: {statistics.median(times):.1f} us CPU per response body "
            f"[{min(times):.1f}-{max(times):.1f}]; byte-identical to the shipped encoder: "
            f"{same}/{len(bodies)}"
        )


def ceiling_collector() -> Any:
    """``chargeable serve``'s collector settings, started in this process."""
    sys.path.insert(0, str(ROOT))
    from core.http.collector import ServingCollector

    collector = ServingCollector()
    collector.start()
    return collector


def server_encoder() -> Callable[[Any], bytes]:
    """What this tree's server encodes response bodies with (the ceiling uses it too)."""
    sys.path.insert(0, str(ROOT))
    from core.http import mapping

    return mapping.encode_json


def machine_bound(client_cpus: set[int], server_cpus: set[int]) -> str:
    """What one bare loopback round trip costs here (``loopback_rtt.py``): a bound on
    every figure, and at one client most of the gap to the ceiling."""
    import loopback_rtt

    usable = sorted(os.sched_getaffinity(0))
    client = min(client_cpus) if client_cpus else usable[0]
    server = min(server_cpus) if server_cpus else usable[-1]
    trip = loopback_rtt.median_trip(server, client, False, False, 1000)
    return (
        f"a bare loopback round trip (no HTTP, both sides blocking, CPU {client} to {server}) "
        f"{trip:.0f} us at the median; guest_halt_poll_ns {loopback_rtt.halt_polling()}"
    )


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


# --- report -------------------------------------------------------------------------


def _clock_ratios(runs: list[Run]) -> list[float]:
    return [r.rate / r.ceiling_rate for r in runs if r.ceiling_rate]


def _cpu_ratios(runs: list[Run]) -> list[float]:
    return [r.ceiling_cpu / (1e6 * r.cpu / r.requests) for r in runs if r.cpu and r.requests]


def pct(values: list[int], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] / 1e6


# --- instructions: what the clock cannot measure on a busy machine ----------------------


def _callgrind(out: str) -> list[str]:
    return ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}"]


def _instrument(pid: int, on: bool) -> None:
    subprocess.run(
        ["callgrind_control", "-i", "on" if on else "off", str(pid)],
        capture_output=True,
        check=True,
    )


def _instructions(prefix: str) -> int:
    """The total of every callgrind output file starting with ``prefix``."""
    total = 0
    for path in Path(prefix).parent.glob(Path(prefix).name + "*"):
        lines = path.read_text().splitlines()
        totals = [line for line in lines if line.startswith("totals:")]
        total += int(
            (totals or [line for line in lines if line.startswith("summary:")])[-1].split()[1]
        )
    return total


def server_instructions(
    label: str, tree: Path | None, units: int, clients: int, work: Path
) -> float:
    """User-space instructions per request of ``chargeable serve`` from ``tree``.

    ``tree`` None: the ``serve_variant.py`` server named ``label``.
    """
    out = str(work / f"cg-{label}-{clients}")
    if tree is None:
        argv = [*_callgrind(out + ".%p"), sys.executable, "benchmarks/serve_variant.py", label]
        server = launch(label, argv, ROOT, "serving at ", 600)
    else:
        argv = [*_callgrind(out + ".%p"), sys.executable, "-m", "gui.app", "serve"]
        server = launch(
            label, [*argv, "--port", "0", "--quiet"], tree, "serving the Stripe API at ", 600
        )
    assert server.proc is not None
    try:
        run_lean(server.url, "sk_test_benchmark", 5, 1, 600, 99)  # warm: code paths, caches
        _instrument(server.proc.pid, True)
        run = run_lean(server.url, "sk_test_benchmark", units, clients, 3600, 0)
        _instrument(server.proc.pid, False)
    finally:
        server.stop()
    if run.errors:
        raise SystemExit(f"{label}: errors under valgrind: {run.errors}")
    return _instructions(out) / run.requests


def ceiling_instructions(units: int, work: Path) -> float:
    """User-space instructions per request of the ceiling (a new sandbox, warmed by 5 units)."""
    out = str(work / "cg-ceiling")
    code = (
        "import sys, os; sys.path.insert(0, 'benchmarks'); import serve_throughput as st; "
        "box = st.new_sandbox(); enc = st.server_encoder(); st.ceiling_run(5, enc, box); "
        "st._instrument(os.getpid(), True); r = st.ceiling_run(int(sys.argv[1]), enc, box); "
        "st._instrument(os.getpid(), False); print(r.requests)"
    )
    done = subprocess.run(
        [*_callgrind(out), sys.executable, "-c", code, str(units)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return _instructions(out) / int(done.stdout.split()[-1])


def instructions_main(args: argparse.Namespace, counts: list[int]) -> int:
    """``--instructions``: callgrind counts, repeatable whatever else the machine does."""
    with tempfile.TemporaryDirectory(prefix="serve-bench-cg-") as tmp:
        work = Path(tmp)
        trees: list[tuple[str, Path | None]] = [("after", ROOT)]
        if args.rev:
            trees.insert(0, (f"before ({args.rev[:10]})", extract(args.rev, work)))
        trees += [(name, None) for name in args.variants.split(",") if name]
        ceiling = ceiling_instructions(args.units, work)
        print(
            f"user-space instructions per request (valgrind --tool=callgrind, {args.units} "
            f"units after 5 to warm; the kernel's share is not counted)\n"
            f"  ceiling (in-process Sandbox + the server's encoder): {ceiling:,.0f}"
        )
        for label, tree in trees:
            for clients in counts:
                per = server_instructions(label.split()[0], tree, args.units, clients, work)
                print(
                    f"  {label}, {clients} clients: {per:,.0f} "
                    f"(x {ceiling / per:.2f} of the ceiling)",
                    flush=True,
                )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--units", type=int, default=300, help="units per run (11 requests each)")
    parser.add_argument("--threads", default="1,2,4,8,16")
    parser.add_argument("--run-seconds", type=float, default=8.0, help="time bound of one run")
    parser.add_argument("--url", help="measure this running server instead of starting one")
    parser.add_argument("--rev", help="also measure chargeable serve from this git revision")
    parser.add_argument("--candidates", action="store_true", help="also uvicorn + httptools")
    parser.add_argument("--json", action="store_true", help="also orjson and msgspec encoders")
    parser.add_argument("--variants", default="", help="more serve_variant.py names, a,b")
    parser.add_argument("--no-after", action="store_true", help="skip this tree's server")
    parser.add_argument("--peer", help="another Stripe-compatible server to compare with")
    parser.add_argument("--peer-pid", type=int, help="the peer's process id (for its CPU)")
    parser.add_argument("--key", default="sk_test_benchmark")
    parser.add_argument(
        "--client",
        choices=sorted(CLIENTS),
        default="lean",
        help="lean: parts encoded once, answers checked, not decoded (default); json: each "
        "request URL-encoded, answers with an id JSON-decoded (this script's client before); "
        "wrk: the same requests sent by wrk, in C (benchmarks/serve_wrk.py)",
    )
    parser.add_argument(
        "--access-log",
        action="store_true",
        help="run chargeable serve without --quiet: a line per request, to a file",
    )
    parser.add_argument(
        "--fresh-ceiling",
        action="store_true",
        help="the ceiling as this script measured it before: a new Sandbox each round, "
        "--units units, json.dumps (no growth, no full garbage collections)",
    )
    parser.add_argument(
        "--ceiling-collector",
        action="store_true",
        help="run the ceiling with chargeable serve's collector settings "
        "(core.http.collector) instead of CPython's",
    )
    parser.add_argument(
        "--pin",
        action="store_true",
        help="pin the client to the first CPU and each server, and the ceiling, to the "
        "second, as wrk's guide advises: no process moves between cores mid-run and the "
        "server's caches stay its own (Linux; needs 2 CPUs)",
    )
    parser.add_argument(
        "--together",
        action="store_true",
        help="with --pin: the client on the servers' CPU too (for one client, whose "
        "requests never overlap the server's work: no wake-up crosses cores)",
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count user-space instructions per request under callgrind instead (slow: "
        "about a minute per server and client count; use --units 150 --threads 1,8)",
    )
    args = parser.parse_args()
    counts = [int(t) for t in args.threads.split(",")]
    if args.instructions:
        return instructions_main(args, counts)
    if args.pin:
        if not hasattr(os, "sched_setaffinity") or len(os.sched_getaffinity(0)) < 2:
            raise SystemExit("--pin needs Linux and at least 2 CPUs")
        client_cpu, server_cpu = sorted(os.sched_getaffinity(0))[:2]
        if args.together:
            client_cpu = server_cpu
        os.sched_setaffinity(0, {client_cpu})
        CLIENT_CPUS.update({client_cpu})
        SERVER_CPUS.update({server_cpu})

    print(
        f"workload: {args.units} units x {REQUESTS_PER_UNIT} requests per run, threads "
        f"{counts}, {args.rounds} rounds interleaved, raw-socket keep-alive {args.client} "
        f"clients; {os.cpu_count()} CPUs"
        + (
            f" (the client on CPU {sorted(CLIENT_CPUS)},"
            f" the servers and the ceiling on {sorted(SERVER_CPUS)})"
            if SERVER_CPUS
            else ""
        )
        + f"; load average {_load()}"
    )
    print(f"this machine: {machine_bound(CLIENT_CPUS, SERVER_CPUS)}")
    servers: list[Server] = []
    tmp = tempfile.TemporaryDirectory(prefix="serve-bench-")
    try:
        if args.rev:
            tree = extract(args.rev, Path(tmp.name))
            servers.append(cli(f"before ({args.rev[:10]})", tree, args.access_log))
        if args.url:
            servers.append(Server("url", args.url))
        elif not args.no_after:
            servers.append(cli("after", ROOT, args.access_log))
        if args.candidates:
            servers.append(variant("uvicorn"))
        if args.json:
            servers += [variant("asyncio"), variant("orjson"), variant("msgspec")]
        servers += [variant(name) for name in args.variants.split(",") if name]
        if args.peer:
            servers.append(Server("peer", args.peer.rstrip("/"), pid=args.peer_pid))
        results: dict[tuple[str, int], list[Run]] = {}
        ceilings: list[float] = []
        ceiling_cpus: list[float] = []
        encode = server_encoder()
        grown = None if args.fresh_ceiling else new_sandbox()
        collector = ceiling_collector() if args.ceiling_collector else None
        for r in range(args.rounds):
            for threads in counts:
                # The ceiling's share of this moment, just before the servers' runs at it:
                # one sandbox answers as many units as each server does, so it grows as theirs.
                if SERVER_CPUS:  # --pin: the ceiling runs on the servers' CPU, as they do
                    os.sched_setaffinity(0, SERVER_CPUS)
                if args.fresh_ceiling:
                    top = ceiling_run(args.units, lambda b: json.dumps(b).encode())
                else:
                    top = ceiling_run(args.units, encode, grown)
                if SERVER_CPUS:
                    os.sched_setaffinity(0, CLIENT_CPUS)
                if collector is not None:
                    collector.tick()
                ceilings.append(top.rate)
                ceiling_cpus.append(1e6 * (top.cpu or 0.0) / top.requests)
                for server in servers:
                    before = server.cpu()
                    run = run_clients(
                        server.url,
                        args.key,
                        args.units,
                        threads,
                        args.run_seconds,
                        r * 10**7,
                        args.client,
                    )
                    after = server.cpu()
                    if before is not None and after is not None:
                        run.cpu = after - before
                    run.ceiling_rate, run.ceiling_cpu = ceilings[-1], ceiling_cpus[-1]
                    results.setdefault((server.label, threads), []).append(run)
            print(f"  round {r + 1}/{args.rounds} done; load average {_load()}", flush=True)
        ceiling = statistics.median(ceilings)
        ceiling_cpu = statistics.median(ceiling_cpus)
        what = (
            "a new in-process Sandbox each time + json.dumps"
            if args.fresh_ceiling
            else "in-process Sandbox answering what each server does, + the server's encoder"
        )
        if collector is not None:
            what += ", chargeable serve's collector settings"
        print(
            f"\nceiling ({what}, same sequence, one thread): "
            f"{ceiling:,.0f} req/s median [{min(ceilings):,.0f}-{max(ceilings):,.0f}] by the "
            f"clock; CPU {ceiling_cpu:.0f} us per request "
            f"[{min(ceiling_cpus):.0f}-{max(ceiling_cpus):.0f}] = {1e6 / ceiling_cpu:,.0f} req/s "
            "on a core of its own"
        )
        print(
            "  x clock: req/s / the ceiling's req/s measured just before (same moment, same\n"
            "  load), median over rounds; x CPU: the ceiling's CPU per request / the server's"
        )
        print(
            f"\n{'server':<22}{'clients':>7}{'req/s median [range]':>28}{'p50 ms':>9}"
            f"{'p99 ms':>9}{'CPU us/req':>12}{'x clock':>9}{'x CPU':>7}{'client us/req':>15}"
            "  errors"
        )
        for server in servers:
            for threads in counts:
                runs = results[(server.label, threads)]
                rates = [run.rate for run in runs]
                lat = [x for run in runs for x in run.latencies]
                cpus = [1e6 * run.cpu / run.requests for run in runs if run.cpu and run.requests]
                cpu = f"{statistics.median(cpus):.0f}" if cpus else "-"
                by_cpu = "-"
                if cpus:
                    by_cpu = f"{statistics.median(_cpu_ratios(runs)):.2f}"
                errors: dict[str, int] = {}
                for run in runs:
                    for k, v in run.errors.items():
                        errors[k] = errors.get(k, 0) + v
                client = statistics.median(1e6 * r.client_cpu / r.requests for r in runs)
                rate = statistics.median(rates)
                shown = f"{rate:,.0f} [{min(rates):,.0f}-{max(rates):,.0f}]"
                err = ", ".join(f"{k} x{v}" for k, v in sorted(errors.items())) or "0"
                print(
                    f"{server.label:<22}{threads:>7}{shown:>28}{pct(lat, 0.5):>9.2f}"
                    f"{pct(lat, 0.99):>9.2f}{cpu:>12}"
                    f"{statistics.median(_clock_ratios(runs)):>9.2f}{by_cpu:>7}"
                    f"{client:>15.0f}  {err}"
                )
            rss = server.rss_mb()
            if rss is not None:
                print(f"{'':<22}server RSS after the runs: {rss:.0f} MB")
        if args.json:
            encoders: dict[str, Callable[[Any], bytes]] = {}
            try:
                import orjson

                encoders["orjson OPT_INDENT_2"] = lambda b: orjson.dumps(
                    b, option=orjson.OPT_INDENT_2
                )
            except ImportError:
                pass
            try:
                import msgspec

                encoder = msgspec.json.Encoder()
                encoders["msgspec + format(indent=2)"] = lambda b: msgspec.json.format(
                    encoder.encode(b), indent=2
                )
            except ImportError:
                pass
            print("\nJSON output check:")
            json_check(encoders)
        main_label = next((s.label for s in servers if s.label in ("after", "url")), None)
        if main_label is not None and 8 in counts:
            runs = results[(main_label, 8)]
            rate = statistics.median(r.rate for r in runs)
            ratios = _cpu_ratios(runs)
            by_cpu = f", {statistics.median(ratios):.2f} by CPU" if ratios else ""
            print(
                f"\nserve throughput: {rate:,.0f} req/s at 8 clients = "
                f"{statistics.median(_clock_ratios(runs)):.2f} of the in-process ceiling "
                f"by the clock{by_cpu}"
            )
    finally:
        for server in servers:
            server.stop()
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
