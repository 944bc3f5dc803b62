"""What one loopback TCP round trip costs on this machine, with nothing else in it.

    uv run python benchmarks/loopback_rtt.py [--rounds 3] [--trips 4000]

A bound for ``serve_throughput.py``'s one-client figure: an echo process and
this one send 300 bytes back and forth over 127.0.0.1 (``TCP_NODELAY``), no
HTTP, no sandbox. Ways, interleaved each round:

- ``2 CPUs, both block``: echo pinned to CPU 1, this side to CPU 0, each
  waiting in ``recv``, as a server and a client between requests do;
- ``2 CPUs, echo spins`` / ``client spins`` / ``both spin``: that side waits
  in a loop of non-blocking ``recv`` instead, so its CPU never idles;
- ``1 CPU, both block``: both on CPU 0 (``serve_throughput.py --together``).

Printed: the median round trip of each way in microseconds (median and range
over rounds), and the guest kernel's halt polling
(``/sys/module/haltpoll/parameters/guest_halt_poll_ns``): with 0, an idle
virtual CPU halts at once and waking it again goes through the host.

On this workplace's Firecracker VMs (2 vCPUs, ``haltpoll.guest_halt_poll_ns=0``
on the kernel's command line), 2026-12-03: both block 88-101 us; echo spins
25-29; client spins 24-25; both spin 8; one CPU 14-15. Each wake of a halted
CPU costs about 35-45 us. With ``guest_halt_poll_ns`` set to 200000 for a
few minutes (then back to 0), both block: 15 us. See ``serve_throughput.py``'s
notes for what this means for its one-client figure.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import time
from pathlib import Path

MESSAGE = b"x" * 300
HALT_POLL = Path("/sys/module/haltpoll/parameters/guest_halt_poll_ns")


def halt_polling() -> str:
    """The guest kernel's halt polling in ns (0: an idle CPU halts at once)."""
    return HALT_POLL.read_text().strip() if HALT_POLL.exists() else "none (not a haltpoll guest)"


def _receive(sock: socket.socket, size: int, spin: bool) -> bytes:
    data = b""
    while len(data) < size:
        try:
            chunk = sock.recv(65536)
        except BlockingIOError:
            if spin:
                continue
            raise
        if not chunk:
            break
        data += chunk
    return data


def _echo(listener: socket.socket, cpu: int, spin: bool) -> None:
    """The child process: echo each message until the peer closes."""
    os.sched_setaffinity(0, {cpu})
    conn, _ = listener.accept()
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    conn.setblocking(not spin)
    while data := _receive(conn, len(MESSAGE), spin):
        conn.sendall(data)
    os._exit(0)


def median_trip(
    echo_cpu: int, client_cpu: int, echo_spins: bool, client_spins: bool, trips: int
) -> float:
    """The median round trip in microseconds, a new echo process for this way."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    child = os.fork()
    if child == 0:
        _echo(listener, echo_cpu, echo_spins)
    listener.close()
    mask = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {client_cpu})
    times = []
    try:
        with socket.create_connection(("127.0.0.1", port)) as sock:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            sock.setblocking(not client_spins)
            for _ in range(trips):
                start = time.perf_counter_ns()
                sock.sendall(MESSAGE)
                if len(_receive(sock, len(MESSAGE), client_spins)) < len(MESSAGE):
                    raise SystemExit("the echo process closed early")
                times.append(time.perf_counter_ns() - start)
            sock.setblocking(True)
    finally:
        os.waitpid(child, 0)
        os.sched_setaffinity(0, mask)
    return statistics.median(times) / 1000


#: name: (echo CPU, client CPU, echo spins, client spins)
WAYS = {
    "2 CPUs, both block": (1, 0, False, False),
    "2 CPUs, echo spins": (1, 0, True, False),
    "2 CPUs, client spins": (1, 0, False, True),
    "2 CPUs, both spin": (1, 0, True, True),
    "1 CPU, both block": (0, 0, False, False),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--trips", type=int, default=4000, help="round trips per way and round")
    args = parser.parse_args()
    if len(os.sched_getaffinity(0)) < 2:
        raise SystemExit("needs two CPUs (0 and 1)")
    print(
        f"{args.trips} round trips of {len(MESSAGE)} bytes per way and round, "
        f"{args.rounds} rounds; guest_halt_poll_ns: {halt_polling()}"
    )
    results: dict[str, list[float]] = {name: [] for name in WAYS}
    for round_ in range(args.rounds):
        names = list(WAYS) if round_ % 2 == 0 else list(reversed(WAYS))
        for name in names:
            results[name].append(median_trip(*WAYS[name], args.trips))
    for name, trips in results.items():
        print(f"  {name:22} {statistics.median(trips):6.0f} us [{min(trips):.0f}-{max(trips):.0f}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
