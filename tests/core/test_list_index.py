"""The list index of charges by customer stays exact through rollbacks and undo."""

from __future__ import annotations

from core.api import Sandbox

KEY = {"Authorization": "Bearer sk_test_x"}


def _ids(sb: Sandbox, path: str) -> list[str]:
    response = sb.request("GET", path, None, KEY)
    assert response.status == 200, response.body
    return [o["id"] for o in response.body["data"]]


def _scan(sb: Sandbox, customer: str) -> list[str]:
    charges = [sb.get(i) for i in sb.object_ids("charge")]
    return [c["id"] for c in reversed(charges) if c and c["customer"] == customer][:10]


def test_a_rolled_back_charge_does_not_stay_in_the_index() -> None:
    sb = Sandbox(seed=3)
    a = sb.request("POST", "/v1/customers", {"source": "tok_visa"}, KEY).body["id"]
    b = sb.request("POST", "/v1/customers", {"source": "tok_visa"}, KEY).body["id"]
    sb.request("POST", "/v1/charges", {"amount": "500", "currency": "usd", "customer": a}, KEY)
    assert _ids(sb, f"/v1/charges?customer={a}") == _scan(sb, a)  # the index is built
    refused = sb.request(
        "POST",
        "/v1/charges",
        [("amount", "500"), ("currency", "usd"), ("customer", a), ("expand[]", "nope")],
        KEY,
    )
    assert refused.status == 400  # the charge was made, then rolled back
    # the next charge may reuse the rolled-back position and id, for another customer
    sb.request("POST", "/v1/charges", {"amount": "700", "currency": "usd", "customer": b}, KEY)
    assert _ids(sb, f"/v1/charges?customer={a}") == _scan(sb, a)
    assert _ids(sb, f"/v1/charges?customer={b}") == _scan(sb, b)
    assert len(_scan(sb, a)) == 1 and len(_scan(sb, b)) == 1
    assert sb.undo()
    assert _ids(sb, f"/v1/charges?customer={b}") == [] == _scan(sb, b)
    assert sb.redo()
    assert _ids(sb, f"/v1/charges?customer={b}") == _scan(sb, b)


def test_refunds_by_charge_use_the_index() -> None:
    sb = Sandbox(seed=4)
    charge = sb.request(
        "POST", "/v1/charges", {"amount": "900", "currency": "usd", "source": "tok_visa"}, KEY
    ).body["id"]
    made = [
        sb.request("POST", "/v1/refunds", {"charge": charge, "amount": "100"}, KEY).body["id"]
        for _ in range(3)
    ]
    assert _ids(sb, f"/v1/refunds?charge={charge}") == made[::-1]
    assert _ids(sb, f"/v1/refunds?charge={charge}&ending_before={made[0]}") == made[:0:-1]
