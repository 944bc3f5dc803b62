"""What each layer of ``chargeable serve`` adds to a request, in-process, no sockets.

    uv run python benchmarks/serve_layers.py [--units 100] [--rounds 6]

The request sequence is ``serve_throughput.unit_steps``, recorded once from a
``Sandbox(seed=0)``: a new sandbox with the same seed given the same requests
makes the same ids, so each layer replays the same recorded requests (every
answer is checked to be 2xx) with no client work in the measured part. Layers,
each adding to the one before:

- ``ceiling``: ``Sandbox.request`` and the server's encoder (what
  ``serve_throughput.py`` calls the ceiling);
- ``to_core``: the request starts as a ``mapping.Request`` (the form body
  parsed, the authorization normalised);
- ``handle``: ``StripeServer._handle`` (the lock, ``from_core``, the ``Reply``);
- ``render``: and the response bytes (``mapping.render``);
- ``transport``: the request starts as bytes fed to a
  ``core.http.transport.Connection`` (llhttp and its callbacks, the queue, the
  batch, the write), on a stand-in transport and loop.

With valgrind installed, each layer runs in a process of its own under
``valgrind --tool=callgrind`` and the figure is user-space instructions per
request, the same from one run to the next on this noisy machine; without it
(or with ``--clock``), CPU time per request, layers interleaved over rounds
(median and range). 2026-12-03, instructions per request over 1,100 requests
after 605 to warm: ceiling 370,400; to_core 401,600 (+31,200); handle 418,200
(+16,600); render 429,900 (+11,700); transport 494,900 (+65,000), against
497,500-499,700 for the running server (``serve_throughput.py
--instructions``): the event loop and its system calls' Python side add
almost nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import serve_throughput  # noqa: E402 - the workload lives there

from core.api import Sandbox  # noqa: E402
from core.http import mapping  # noqa: E402
from core.http.server import StripeServer  # noqa: E402
from core.http.transport import Hub  # noqa: E402

LAYERS = ("ceiling", "to_core", "handle", "render", "transport")
AUTH = "Bearer sk_test_benchmark"
WARM_UNITS = 5

Step = tuple[str, str, list[tuple[str, str]]]


def recorded_steps(units: int) -> list[Step]:
    """``units`` units of the workload as a ``Sandbox(seed=0)`` answered them."""
    sandbox = Sandbox(seed=0)
    steps: list[Step] = []

    def call(method: str, path: str, params: list[tuple[str, str]], want: bool) -> Any:
        steps.append((method, path, params))
        response = sandbox.request(method, path, params, {"Authorization": AUTH})
        return response.status, response.body

    for n in range(units):
        serve_throughput.unit(call, n)
    return steps


def _request(method: str, path: str, params: list[tuple[str, str]]) -> mapping.Request:
    body = urllib.parse.urlencode(params).encode()
    headers = {
        "host": "127.0.0.1",
        "authorization": AUTH,
        "content-type": mapping.FORM,
        "content-length": str(len(body)),
    }
    return mapping.Request(method, path, headers, body, "127.0.0.1:5555", True, "1.1")


class _Transport:
    """Enough of an asyncio transport for a connection driven by hand."""

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


class _Loop:
    """The loop a connection asks for the time; the batch is run by hand instead."""

    time = staticmethod(time.monotonic)

    def call_soon(self, *args: Any) -> None: ...


def layer(name: str, steps: list[Step]) -> tuple[list[Any], Callable[[Any], int]]:
    """The items to replay for layer ``name`` and the call that answers one (its status)."""
    sandbox = Sandbox(seed=0)
    server = StripeServer(sandbox, "127.0.0.1", 0)
    encode = serve_throughput.server_encoder()
    if name == "ceiling":
        auth = {"Authorization": AUTH}

        def ceiling(step: Step) -> int:
            response = sandbox.request(*step, auth)
            encode(response.body)
            return int(response.status)

        return list(steps), ceiling
    if name == "to_core":

        def to_core(request: mapping.Request) -> int:
            call = mapping.to_core(request)
            assert isinstance(call, mapping.CoreCall)
            response = sandbox.request(
                call.method, call.path, call.params, call.headers, origin=call.origin
            )
            encode(response.body)
            return int(response.status)

        return [_request(*step) for step in steps], to_core
    if name == "handle":
        return [_request(*step) for step in steps], lambda request: server._handle(request).status
    if name == "render":

        def render(request: mapping.Request) -> int:
            data = mapping.render(server._handle(request), request)
            return int(data[9:12])

        return [_request(*step) for step in steps], render
    hub = Hub(server._handle, server.limits, server._replied)
    loop = asyncio.new_event_loop()

    async def connect() -> Any:
        return hub()

    conn = loop.run_until_complete(connect())
    loop.close()
    conn.loop = _Loop()
    transport = _Transport()
    conn.connection_made(transport)

    def answer(data: bytes) -> int:
        conn.data_received(data)
        hub.answer_ready()
        return int(transport.writes.pop()[9:12])

    fixed = f"Host: 127.0.0.1\r\nAuthorization: {AUTH}\r\n"
    return [serve_throughput.request_bytes(*step, fixed) for step in steps], answer


def _check(statuses: list[int], name: str) -> None:
    bad = [status for status in statuses if not 200 <= status < 300]
    if bad:
        raise SystemExit(f"{name}: {len(bad)} answers not 2xx (first {bad[0]})")


def instructions(name: str, units: int) -> float:
    """User-space instructions per request of layer ``name``, in a callgrind process."""
    out = Path(tempfile.gettempdir()) / f"serve-layers-{os.getpid()}-{name}.cg"
    done = subprocess.run(
        [
            *serve_throughput._callgrind(str(out)),
            sys.executable,
            __file__,
            "--child",
            name,
            "--units",
            str(units),
        ],
        capture_output=True,
        text=True,
    )
    try:
        if done.returncode != 0:
            raise SystemExit(f"{name} failed under callgrind: {done.stderr.strip()[-400:]}")
        return serve_throughput._instructions(str(out)) / int(done.stdout.split()[-1])
    finally:
        out.unlink(missing_ok=True)


def child(name: str, units: int) -> int:
    """``--child``: warm, then replay the measured part with callgrind collecting."""
    steps = recorded_steps(WARM_UNITS + units)
    items, answer = layer(name, steps)
    warm = WARM_UNITS * serve_throughput.REQUESTS_PER_UNIT
    _check([answer(item) for item in items[:warm]], name)
    serve_throughput._instrument(os.getpid(), True)
    statuses = [answer(item) for item in items[warm:]]
    serve_throughput._instrument(os.getpid(), False)
    _check(statuses, name)
    print(len(statuses))
    return 0


def clock(units: int, rounds: int) -> None:
    """CPU time per request of each layer, interleaved over rounds."""
    steps = recorded_steps(WARM_UNITS + units * rounds)
    warm = WARM_UNITS * serve_throughput.REQUESTS_PER_UNIT
    per = units * serve_throughput.REQUESTS_PER_UNIT
    layers = {name: layer(name, steps) for name in LAYERS}
    for name, (items, answer) in layers.items():
        _check([answer(item) for item in items[:warm]], name)
    times: dict[str, list[float]] = {name: [] for name in LAYERS}
    for round_ in range(rounds):
        start = warm + round_ * per
        for name in LAYERS if round_ % 2 == 0 else reversed(LAYERS):
            items, answer = layers[name]
            began = time.thread_time()
            statuses = [answer(item) for item in items[start : start + per]]
            times[name].append((time.thread_time() - began) / per * 1e6)
            _check(statuses, name)
    print(f"CPU time per request, {rounds} rounds of {per} requests, interleaved:")
    for name in LAYERS:
        values = times[name]
        ratio = statistics.median(v / c for v, c in zip(values, times["ceiling"], strict=True))
        print(
            f"  {name:10} {statistics.median(values):6.1f} us "
            f"[{min(values):.1f}-{max(values):.1f}], x{ratio:.2f} of the ceiling"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=100, help="measured units (11 requests)")
    parser.add_argument("--rounds", type=int, default=6, help="rounds (--clock)")
    parser.add_argument("--clock", action="store_true", help="CPU time, not instructions")
    parser.add_argument("--child", choices=LAYERS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.units)
    if args.clock or shutil.which("valgrind") is None:
        clock(args.units, args.rounds)
        return 0
    print(
        f"user-space instructions per request (callgrind; {args.units} units after "
        f"{WARM_UNITS} to warm):"
    )
    previous = None
    for name in LAYERS:
        count = instructions(name, args.units)
        step = "" if previous is None else f" (+{count - previous:,.0f})"
        print(f"  {name:10} {count:9,.0f}{step}", flush=True)
        previous = count
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
