"""Requests per second of ``chargeable serve`` for a fixed mixed workload.

One *unit* of the workload is 11 requests, the three typical integrations of
the legacy API:

1. token → charge (2 requests);
2. card source → customer → attach → charge ×3 with customer + source (6);
3. iDEAL redirect source → authorize (test helper) → charge (3).

``--units`` units are shared among ``--threads`` client threads, each on
its own persistent HTTP/1.1 connection (``http.client``). By default the
server is started as a child process (``chargeable serve --port 0
--quiet``), so client and server do not share one interpreter lock; pass
``--url`` to measure a server that is already running. ``--peer URL`` runs
the same workload against another Stripe-compatible server and prints the
ratio. A peer without Chargeable's ``/v1/test_helpers/sources/{id}/authorize``
answers that step with an error: every non-2xx answer is counted and shown.

    uv run python benchmarks/serve_throughput.py [--units 600] [--threads 8]
        [--url URL] [--peer URL] [--key sk_test_...]

The last line is ``serve throughput: N req/s`` (or ``... ratio: X.XX`` with a peer).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUESTS_PER_UNIT = 11
CARD = [
    ("card[number]", "4242424242424242"),
    ("card[exp_month]", "12"),
    ("card[exp_year]", "2034"),
    ("card[cvc]", "123"),
]


@dataclass
class Tally:
    requests: int = 0
    errors: dict[str, int] = field(default_factory=dict)

    def add(self, other: Tally) -> None:
        self.requests += other.requests
        for key, n in other.errors.items():
            self.errors[key] = self.errors.get(key, 0) + n


class Client:
    """One persistent connection; ``call`` returns the JSON body (or ``{}``)."""

    def __init__(self, url: str, key: str, tally: Tally) -> None:
        parts = urllib.parse.urlsplit(url)
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or 80
        self.prefix = parts.path.rstrip("/")
        self.key = key
        self.tally = tally
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)

    def call(
        self, method: str, path: str, params: list[tuple[str, str]] | None = None, step: str = ""
    ) -> dict:
        body = urllib.parse.urlencode(params or [])
        headers = {"Authorization": f"Bearer {self.key}"}
        target = self.prefix + path
        if method == "POST":
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            payload: bytes | None = body.encode()
        else:
            payload = None
            if body:
                target += "?" + body
        for attempt in (1, 2):
            try:
                self.conn.request(method, target, body=payload, headers=headers)
                response = self.conn.getresponse()
                raw = response.read()
                break
            except (OSError, http.client.HTTPException):
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
                if attempt == 2:
                    self.tally.requests += 1
                    self._error(f"{step}: connection")
                    return {}
        self.tally.requests += 1
        if not 200 <= response.status < 300:
            self._error(f"{step}: HTTP {response.status}")
        try:
            return json.loads(raw)
        except ValueError:
            self._error(f"{step}: not JSON")
            return {}

    def _error(self, key: str) -> None:
        self.tally.errors[key] = self.tally.errors.get(key, 0) + 1


def unit(client: Client, n: int) -> None:
    tok = client.call("POST", "/v1/tokens", CARD, "token")
    client.call(
        "POST",
        "/v1/charges",
        [("amount", "1000"), ("currency", "usd"), ("source", tok.get("id", ""))],
        "token charge",
    )

    src = client.call("POST", "/v1/sources", [("type", "card"), *CARD], "card source")
    cus = client.call("POST", "/v1/customers", [("email", f"bench{n}@example.com")], "customer")
    cus_id, src_id = cus.get("id", "cus_missing"), src.get("id", "")
    client.call("POST", f"/v1/customers/{cus_id}/sources", [("source", src_id)], "attach")
    for _ in range(3):
        client.call(
            "POST",
            "/v1/charges",
            [("amount", "500"), ("currency", "usd"), ("customer", cus_id), ("source", src_id)],
            "customer charge",
        )

    redirect = client.call(
        "POST",
        "/v1/sources",
        [
            ("type", "ideal"),
            ("amount", "1500"),
            ("currency", "eur"),
            ("owner[name]", "Jenny Rosen"),
            ("redirect[return_url]", "https://example.com/return"),
        ],
        "ideal source",
    )
    rid = redirect.get("id", "src_missing")
    client.call("POST", f"/v1/test_helpers/sources/{rid}/authorize", [], "authorize")
    client.call(
        "POST",
        "/v1/charges",
        [("amount", "1500"), ("currency", "eur"), ("source", rid)],
        "ideal charge",
    )


def run_workload(url: str, key: str, units: int, threads: int) -> tuple[float, Tally]:
    tallies = [Tally() for _ in range(threads)]
    share = [units // threads + (1 if i < units % threads else 0) for i in range(threads)]
    barrier = threading.Barrier(threads + 1)

    def worker(i: int) -> None:
        client = Client(url, key, tallies[i])
        client.call("GET", "/v1/events", [("limit", "1")], "warm-up")  # open the connection
        tallies[i].requests = 0
        tallies[i].errors.clear()
        barrier.wait()
        for n in range(share[i]):
            unit(client, i * 1_000_000 + n)
        client.conn.close()

    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for t in pool:
        t.start()
    barrier.wait()
    started = time.perf_counter()
    for t in pool:
        t.join()
    elapsed = time.perf_counter() - started
    total = Tally()
    for t in tallies:
        total.add(t)
    return elapsed, total


def start_server() -> tuple[subprocess.Popen[str], str]:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "gui.app", "serve", "--port", "0", "--quiet"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if "serving the Stripe API at " in line:
            return proc, line.rsplit(" ", 1)[1].strip()
    proc.kill()
    raise SystemExit(f"chargeable serve did not start: {proc.stderr.read() if proc.stderr else ''}")


def process_cpu(proc: subprocess.Popen[str] | None) -> float | None:
    """User + system CPU seconds of the server child (Linux ``/proc``), else ``None``."""
    if proc is None:
        return None
    try:
        fields = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def report(label: str, url: str, elapsed: float, tally: Tally) -> float:
    rate = tally.requests / elapsed
    errors = sum(tally.errors.values())
    print(
        f"{label}: {url}: {tally.requests} requests in {elapsed:.2f} s = {rate:,.0f} req/s, "
        f"{errors} non-2xx/errors"
    )
    for key, n in sorted(tally.errors.items()):
        print(f"    {key}: {n}")
    return rate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--units",
        type=int,
        default=600,
        help=f"workload units ({REQUESTS_PER_UNIT} requests each; default 600)",
    )
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--url", help="measure this running server instead of starting one")
    parser.add_argument("--peer", help="another Stripe-compatible server to compare with")
    parser.add_argument("--key", default="sk_test_benchmark")
    args = parser.parse_args()

    print(
        f"workload: {args.units} units x {REQUESTS_PER_UNIT} requests, "
        f"{args.threads} threads, persistent connections; {os.cpu_count()} CPUs"
    )
    proc = None
    url = args.url
    if url is None:
        proc, url = start_server()
    try:
        cpu_before = process_cpu(proc)
        elapsed, tally = run_workload(url, args.key, args.units, args.threads)
        cpu_after = process_cpu(proc)
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(10)
    ours = report("chargeable", url, elapsed, tally)
    if cpu_before is not None and cpu_after is not None:
        per_request = 1e6 * (cpu_after - cpu_before) / tally.requests
        print(f"    server CPU per request: {per_request:.0f} us")
    if args.peer:
        elapsed, tally = run_workload(args.peer, args.key, args.units, args.threads)
        theirs = report("peer", args.peer, elapsed, tally)
        print(
            f"serve throughput: {ours:,.0f} req/s; peer {theirs:,.0f} req/s; "
            f"ratio: {ours / theirs:.2f}"
        )
    else:
        print(f"serve throughput: {ours:,.0f} req/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
