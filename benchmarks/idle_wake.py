"""Does ``Sandbox.request`` run slower right after the thread slept? In-process, no HTTP.

    uv run python benchmarks/idle_wake.py [--rounds 6] [--units 150] [--gap-us 150] [--cpu N]

``serve_throughput.py`` found the sandbox 1.3-1.8x slower inside ``chargeable
serve`` than in-process, and nothing in the HTTP layer explained it. Here the
same request sequence (``serve_throughput.unit_steps``, each body encoded by the
server's encoder) goes into a new in-process sandbox per round, with between two
requests:

- ``back``: nothing, back to back (the ceiling's way);
- ``idle``: a ``--gap-us`` sleep in ``epoll_wait`` on a socket nobody writes to,
  so the thread sleeps and the CPU may idle, as a server's loop does between a
  client's answer and its next request;
- ``busy``: a busy wait of the same length (the CPU stays busy), the control.

Only the requests are timed (``perf_counter_ns`` around each). Rounds interleave
the three, the order flipping each round. Printed: the median time per request
of each (median and range over rounds) and the ratios idle/back and busy/back
(median over rounds).
"""

from __future__ import annotations

import argparse
import os
import select
import socket
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import serve_throughput  # noqa: E402 - the workload lives there

MODES = ("back", "idle", "busy")


class Waits:
    """The three ways to spend the gap before a request."""

    def __init__(self, gap: float) -> None:
        self.gap = gap
        # a socket nobody writes to: epoll on it sleeps the whole gap
        self._quiet, self._other_end = socket.socketpair()
        self._poller = select.epoll()
        self._poller.register(self._quiet, select.EPOLLIN)

    def back(self) -> None:
        pass

    def idle(self) -> None:
        self._poller.poll(self.gap)

    def busy(self) -> None:
        end = time.perf_counter() + self.gap
        while time.perf_counter() < end:
            pass


def median_request_us(wait: Callable[[], None], units: int) -> float:
    """Median time of a request of ``units`` units into a new sandbox, ``wait`` before each."""
    from core.api import Sandbox
    from core.http import mapping

    sandbox = Sandbox(seed=0)
    auth = {"Authorization": "Bearer sk_test_benchmark"}
    times: list[int] = []

    def call(method: str, path: str, params: list[tuple[str, str]], _want: bool) -> Any:
        wait()
        started = time.perf_counter_ns()
        response = sandbox.request(method, path, params, auth)
        mapping.encode_json(response.body)
        times.append(time.perf_counter_ns() - started)
        if response.status != 200:
            raise SystemExit(f"{method} {path}: HTTP {response.status}")
        return response.status, response.body

    for n in range(units):
        serve_throughput.unit(call, n)
    return statistics.median(times) / 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--units", type=int, default=150)
    parser.add_argument("--gap-us", type=float, default=150.0)
    parser.add_argument("--cpu", type=int, help="run on this CPU only (os.sched_setaffinity)")
    args = parser.parse_args()
    if args.cpu is not None:
        os.sched_setaffinity(0, {args.cpu})
    waits = Waits(args.gap_us / 1e6)
    results: dict[str, list[float]] = {mode: [] for mode in MODES}
    for round_ in range(args.rounds):
        for mode in MODES if round_ % 2 == 0 else tuple(reversed(MODES)):
            results[mode].append(median_request_us(getattr(waits, mode), args.units))
    print(
        f"{args.units} units x {serve_throughput.REQUESTS_PER_UNIT} requests per run, "
        f"{args.rounds} rounds, gap {args.gap_us:g} us"
        + (f", on CPU {args.cpu}" if args.cpu is not None else "")
    )
    for mode in MODES:
        values = results[mode]
        print(
            f"{mode}: {statistics.median(values):.1f} us per request "
            f"[{min(values):.1f}-{max(values):.1f}]"
        )
    for mode in ("idle", "busy"):
        ratios = [a / b for a, b in zip(results[mode], results["back"], strict=True)]
        print(
            f"{mode} / back: {statistics.median(ratios):.2f} [{min(ratios):.2f}-{max(ratios):.2f}]"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
