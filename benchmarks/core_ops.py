"""In-process requests per second of ``Sandbox.request``, and the memory of 100k objects.

One *unit* of the workload is 16 requests: the three typical integrations of the
legacy API (the same mix as ``serve_throughput.py``, without HTTP) and two of the
PaymentIntents API:

1. token → charge (2 requests);
2. card source → customer → attach → charge ×3 with customer + source (6);
3. iDEAL redirect source → authorize (test helper) → charge (3);
4. PaymentIntent created and confirmed in one call with ``pm_card_visa`` (1), and one
   created, then confirmed (2);
5. a manual-capture PaymentIntent confirmed at creation, then captured (2).

PaymentIntents vs charges: interleaved rounds of ``--compare`` requests of each kind in
fresh sandboxes: ``POST /v1/charges`` of an attached card source (customer + source) and
the PaymentIntent requests of 4–5; each prints the median time per request and the
ratio PaymentIntent / charge (median, min, max over the rounds).

Every request carries ``Authorization: Bearer sk_test_…`` (the key check runs,
as for an API client) and every answer must be 200: a round with any other
status is reported and the script exits non-zero. Each round starts from a
fresh ``Sandbox``; the figure is the median over ``--rounds`` rounds.

Memory: the same workload is run until the sandbox holds ``--objects`` objects
(``len(sandbox.object_ids())``: sources, tokens, customers, charges...; events
come on top). It is built twice: once plain, for the resident-set growth
(``/proc/self/statm``), once under ``tracemalloc``, for the peak of traced
allocations.

Lists and search: on the plain 100k-object sandbox, each list or search request of
``LIST_PATHS`` is timed ``--list-repeats`` times, the paths interleaved round by
round (so a slow moment of the machine falls on all of them); medians and ranges in
milliseconds; "first" is the first request of each (an index is built then). "by
customer" asks for the charges of the oldest customer, whose
charges are the furthest from the newest end of the list.

    uv run python benchmarks/core_ops.py [--units 500] [--rounds 7] [--objects 100000]
    uv run python benchmarks/core_ops.py --lists-only [--objects 100000]

The last line is the summary: ``core_ops: N req/s (median of R); K objects:
tracemalloc peak X MB, RSS +Y MB``.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.api import Sandbox  # noqa: E402

REQUESTS_PER_UNIT = 16
HEADERS = {"Authorization": "Bearer sk_test_core_ops"}
CARD = [
    ("card[number]", "4242424242424242"),
    ("card[exp_month]", "12"),
    ("card[exp_year]", "2034"),
    ("card[cvc]", "123"),
]
USD = [("amount", "2000"), ("currency", "usd")]
PI_CARD = [("amount", "2000"), ("currency", "usd"), ("payment_method_types[]", "card")]
PI_NOW = [*PI_CARD, ("payment_method", "pm_card_visa"), ("confirm", "true")]
IDEAL = [
    ("type", "ideal"),
    ("amount", "1500"),
    ("currency", "eur"),
    ("redirect[return_url]", "https://example.com/return"),
]


def unit(sandbox: Sandbox, statuses: Counter[int]) -> None:
    """One unit of the mixed workload (16 requests)."""
    request = sandbox.request

    def ok(method: str, path: str, params: list[tuple[str, str]] | None = None) -> dict:
        response = request(method, path, params, HEADERS)
        statuses[response.status] += 1
        return response.body

    token = ok("POST", "/v1/tokens", CARD)
    ok("POST", "/v1/charges", [*USD, ("source", token.get("id", ""))])

    source = ok("POST", "/v1/sources", [("type", "card"), *CARD]).get("id", "")
    customer = ok("POST", "/v1/customers", [("email", "jenny@example.com")]).get("id", "")
    ok("POST", f"/v1/customers/{customer}/sources", [("source", source)])
    for _ in range(3):
        ok("POST", "/v1/charges", [*USD, ("customer", customer), ("source", source)])

    ideal = ok("POST", "/v1/sources", IDEAL).get("id", "")
    ok("POST", f"/v1/test_helpers/sources/{ideal}/authorize")
    ok("POST", "/v1/charges", [("amount", "1500"), ("currency", "eur"), ("source", ideal)])
    intents(ok)


def intents(ok: Any) -> None:
    """The PaymentIntent part of a unit (5 requests)."""
    ok("POST", "/v1/payment_intents", PI_NOW)
    pi = ok("POST", "/v1/payment_intents", PI_CARD).get("id", "")
    ok("POST", f"/v1/payment_intents/{pi}/confirm", [("payment_method", "pm_card_visa")])
    held = ok("POST", "/v1/payment_intents", [*PI_NOW, ("capture_method", "manual")]).get("id", "")
    ok("POST", f"/v1/payment_intents/{held}/capture")


def compare(requests: int, rounds: int) -> tuple[list[float], list[float], Counter[int]]:
    """Seconds per request of charges and of PaymentIntent requests, interleaved rounds."""
    statuses: Counter[int] = Counter()
    charge_times: list[float] = []
    intent_times: list[float] = []
    for index in range(rounds):
        sandbox = Sandbox(seed=100 + index)

        def ok(method: str, path: str, params: Any = None, sb: Sandbox = sandbox) -> dict:
            response = sb.request(method, path, params, HEADERS)
            statuses[response.status] += 1
            return response.body

        source = ok("POST", "/v1/sources", [("type", "card"), *CARD]).get("id", "")
        customer = ok("POST", "/v1/customers", [("email", "jenny@example.com")]).get("id", "")
        ok("POST", f"/v1/customers/{customer}/sources", [("source", source)])
        params = [*USD, ("customer", customer), ("source", source)]
        gc.collect()
        start = time.perf_counter()
        for _ in range(requests):
            ok("POST", "/v1/charges", params)
        charge_times.append((time.perf_counter() - start) / requests)
        gc.collect()
        start = time.perf_counter()
        for _ in range(requests // 5):
            intents(ok)
        intent_times.append((time.perf_counter() - start) / (requests // 5 * 5))
        print(
            f"  round {index + 1}: charge {charge_times[-1] * 1e6:.1f} µs/request, "
            f"PaymentIntent {intent_times[-1] * 1e6:.1f} µs/request, "
            f"ratio {intent_times[-1] / charge_times[-1]:.2f}",
            flush=True,
        )
    return charge_times, intent_times, statuses


def throughput(units: int, rounds: int) -> tuple[list[float], Counter[int]]:
    rates: list[float] = []
    statuses: Counter[int] = Counter()
    for index in range(rounds):
        sandbox = Sandbox(seed=index)
        gc.collect()
        start = time.perf_counter()
        for _ in range(units):
            unit(sandbox, statuses)
        elapsed = time.perf_counter() - start
        rates.append(units * REQUESTS_PER_UNIT / elapsed)
        print(
            f"  round {index + 1}: {units * REQUESTS_PER_UNIT} requests in "
            f"{elapsed:.3f} s = {rates[-1]:,.0f} req/s",
            flush=True,
        )
    return rates, statuses


def rss_bytes() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def build(objects: int) -> tuple[Sandbox, int, Counter[int]]:
    """A sandbox holding at least ``objects`` objects, and the requests it took."""
    sandbox = Sandbox(seed=1)
    statuses: Counter[int] = Counter()
    sent = 0
    while len(sandbox.object_ids()) < objects:  # O(objects): counted every 100 units only
        for _ in range(100):
            unit(sandbox, statuses)
            sent += REQUESTS_PER_UNIT
    return sandbox, sent, statuses


def list_paths(sandbox: Sandbox) -> list[tuple[str, str]]:
    """(label, path) of the list and search requests timed on a built sandbox."""
    customers = sandbox.object_ids("customer")
    oldest = customers[0]
    paths = [
        ("charges, newest 10", "/v1/charges"),
        ("charges, limit 100", "/v1/charges?limit=100"),
        ("charges by customer (oldest)", f"/v1/charges?customer={oldest}"),
        ("charges created >= middle", "/v1/charges?created[gte]=" + str(sandbox.now - 1)),
        ("customers by email", "/v1/customers?email=jenny@example.com"),
        ("events by type", "/v1/events?type=charge.succeeded"),
    ]
    probe = sandbox.request("GET", "/v1/charges/search?query=amount>1000", None, HEADERS)
    if probe.status == 200:  # search exists on this revision
        paths += [
            ("search charges customer:", f"/v1/charges/search?query=customer:'{oldest}'"),
            ("search customers email:", "/v1/customers/search?query=email:'jenny@example.com'"),
            ("search charges, none match (scan)", "/v1/charges/search?query=amount>99999999"),
            ("search customers name~ (scan)", "/v1/customers/search?query=name~'nobody'"),
        ]
    return paths


def time_lists(sandbox: Sandbox, repeats: int) -> list[tuple[str, list[float], int]]:
    """Each path's timings in ms, interleaved round by round; (label, times, status)."""
    paths = list_paths(sandbox)
    times: dict[str, list[float]] = {label: [] for label, _ in paths}
    statuses: dict[str, int] = {}
    for _ in range(repeats):
        for label, path in paths:
            start = time.perf_counter()
            response = sandbox.request("GET", path, None, HEADERS)
            times[label].append((time.perf_counter() - start) * 1000)
            statuses[label] = response.status
    return [(label, times[label], statuses[label]) for label, _ in paths]


def print_lists(sandbox: Sandbox, repeats: int) -> bool:
    held = len(sandbox.object_ids())
    print(f"lists and search at {held:,} objects ({repeats} interleaved repeats each)")
    ok = True
    for label, times, status in time_lists(sandbox, repeats):
        print(
            f"  {label:32s} median {statistics.median(times):8.3f} ms "
            f"(min {min(times):.3f}, max {max(times):.3f}; first {times[0]:.3f}) status {status}"
        )
        ok = ok and status == 200
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=500, help="units per round (11 req each)")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--objects", type=int, default=100_000)
    parser.add_argument("--compare", type=int, default=2000, help="requests per kind and round")
    parser.add_argument("--list-repeats", type=int, default=21)
    parser.add_argument("--lists-only", action="store_true", help="only the list timings")
    args = parser.parse_args()

    if args.lists_only:
        sandbox, _, build_statuses = build(args.objects)
        ok = print_lists(sandbox, args.list_repeats)
        return 0 if ok and set(build_statuses) == {200} else 1

    print(f"PaymentIntents vs charges: {args.rounds} interleaved rounds of {args.compare}")
    charge_times, intent_times, compare_statuses = compare(args.compare, args.rounds)
    ratios = [i / c for i, c in zip(intent_times, charge_times, strict=True)]
    pi_ratio = statistics.median(ratios)
    print(
        f"  charge median {statistics.median(charge_times) * 1e6:.1f} µs/request "
        f"(min {min(charge_times) * 1e6:.1f}, max {max(charge_times) * 1e6:.1f}); "
        f"PaymentIntent median {statistics.median(intent_times) * 1e6:.1f} µs/request "
        f"(min {min(intent_times) * 1e6:.1f}, max {max(intent_times) * 1e6:.1f}); "
        f"ratio median {pi_ratio:.2f} (min {min(ratios):.2f}, max {max(ratios):.2f})"
    )

    print(
        f"throughput: {args.rounds} rounds of {args.units} units "
        f"({args.units * REQUESTS_PER_UNIT} requests), fresh sandbox each round",
        flush=True,
    )
    rates, statuses = throughput(args.units, args.rounds)
    median = statistics.median(rates)
    print(
        f"  median {median:,.0f} req/s (min {min(rates):,.0f}, max {max(rates):,.0f}); "
        f"statuses {dict(statuses)}"
    )

    print(f"memory: a sandbox holding {args.objects:,} objects", flush=True)
    gc.collect()
    rss_before = rss_bytes()
    start = time.perf_counter()
    sandbox, sent, build_statuses = build(args.objects)
    elapsed = time.perf_counter() - start
    gc.collect()
    rss_delta = rss_bytes() - rss_before
    held = len(sandbox.object_ids())
    kinds = Counter(sandbox.kind_of(i) for i in sandbox.object_ids())
    events = len(sandbox.events)
    print(
        f"  {sent:,} requests in {elapsed:.1f} s ({sent / elapsed:,.0f} req/s at 0 to "
        f"{held:,} objects): {held:,} objects {dict(kinds)}, "
        f"{events:,} events, {len(sandbox.log):,} log entries"
    )
    print(f"  RSS growth {rss_delta / 2**20:,.1f} MB (plain run)")
    statuses.update(build_statuses)
    lists_ok = print_lists(sandbox, args.list_repeats)
    del sandbox
    gc.collect()

    tracemalloc.start()
    sandbox, _, traced_statuses = build(args.objects)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    statuses.update(traced_statuses)
    statuses.update(compare_statuses)
    print(f"  tracemalloc: {current / 2**20:,.1f} MB held at the end, peak {peak / 2**20:,.1f} MB")

    bad = {status: n for status, n in statuses.items() if status != 200}
    if bad:
        print(f"  NOT ALL REQUESTS SUCCEEDED: {bad}")
    aims = (
        f"aims: >= 10,000 req/s {'met' if median >= 10_000 else 'NOT met'}; "
        f"< 300 MB {'met' if max(peak, rss_delta) < 300 * 2**20 else 'NOT met'}; "
        f"PaymentIntent <= 1.25 x charge per request {'met' if pi_ratio <= 1.25 else 'NOT met'}"
    )
    print(aims)
    print(
        f"core_ops: {median:,.0f} req/s (median of {args.rounds}); {held:,} objects: "
        f"tracemalloc peak {peak / 2**20:,.1f} MB, RSS +{rss_delta / 2**20:,.1f} MB; "
        f"PaymentIntent/charge per request {pi_ratio:.2f}"
    )
    return 1 if bad or not lists_ok else 0


if __name__ == "__main__":
    sys.exit(main())
