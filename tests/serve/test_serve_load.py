"""A bounded load test: >= 20,000 requests from 8 threads on loopback.

Each thread loops over: create a customer (Idempotency-Key), retry it with
the same key, create a token, charge it (Idempotency-Key), retry the charge,
read the charge back: six requests. Afterwards every answer was a 2xx, the
retries returned the same ids, and the sandbox holds exactly the objects the
clients were told about: none lost, none duplicated.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from serve_helpers import Raw

from core.http.server import StripeServer

THREADS = 8
LOOPS = 420  # x 6 requests x 8 threads = 20,160 requests
CARD = [
    ("card[number]", "4242424242424242"),
    ("card[exp_month]", "12"),
    ("card[exp_year]", "2034"),
    ("card[cvc]", "123"),
]


def test_twenty_thousand_requests_from_eight_threads(server: StripeServer, sandbox: Any) -> None:
    results: list[dict[str, Any]] = [{} for _ in range(THREADS)]
    barrier = threading.Barrier(THREADS)

    def worker(i: int) -> None:
        out = results[i]
        out.update(requests=0, errors=[], customers=[], tokens=[], charges=[], mismatches=[])
        raw = Raw(server.url)

        def call(
            method: str, path: str, pairs: list[tuple[str, str]] | None = None, **headers: str
        ) -> dict:
            status, _, body = raw.form(method, path, pairs, **headers)
            out["requests"] += 1
            if status != 200:
                out["errors"].append((method, path, status, body))
            return body

        barrier.wait()
        for n in range(LOOPS):
            key = f"t{i}-n{n}"
            pairs = [("email", f"{key}@example.com")]
            customer = call("POST", "/v1/customers", pairs, **{"Idempotency-Key": "c" + key})
            retry = call("POST", "/v1/customers", pairs, **{"Idempotency-Key": "c" + key})
            if retry.get("id") != customer.get("id"):
                out["mismatches"].append((customer.get("id"), retry.get("id")))
            token = call("POST", "/v1/tokens", CARD)
            charge_pairs = [
                ("amount", "1000"),
                ("currency", "usd"),
                ("source", token.get("id", "")),
                ("description", key),
            ]
            charge = call("POST", "/v1/charges", charge_pairs, **{"Idempotency-Key": "h" + key})
            again = call("POST", "/v1/charges", charge_pairs, **{"Idempotency-Key": "h" + key})
            if again.get("id") != charge.get("id"):
                out["mismatches"].append((charge.get("id"), again.get("id")))
            read = call("GET", f"/v1/charges/{charge.get('id')}")
            if read.get("status") != "succeeded" or read.get("amount") != 1000:
                out["mismatches"].append((charge.get("id"), read.get("status")))
            out["customers"].append(customer.get("id"))
            out["tokens"].append(token.get("id"))
            out["charges"].append(charge.get("id"))
        raw.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    elapsed = time.perf_counter() - started
    assert not any(t.is_alive() for t in threads), "a client thread hung"

    total = sum(r["requests"] for r in results)
    errors = [e for r in results for e in r["errors"]]
    mismatches = [m for r in results for m in r["mismatches"]]
    print(f"\n{total} requests in {elapsed:.1f} s = {total / elapsed:,.0f} req/s")
    assert total >= 20_000
    assert errors == [], errors[:5]
    assert mismatches == [], mismatches[:5]
    assert server.requests_served == total
    for kind in ("customers", "tokens", "charges"):
        told = [x for r in results for x in r[kind]]
        held = sandbox.object_ids(kind[:-1])
        assert len(set(told)) == len(told) == THREADS * LOOPS, f"duplicated {kind}"
        assert len(set(held)) == len(held), f"the sandbox holds a {kind[:-1]} twice"
        assert set(held) == set(told), f"lost or extra {kind}"
