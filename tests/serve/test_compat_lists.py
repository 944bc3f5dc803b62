"""List filters and paging through the official ``stripe`` package.

``created`` (exact or ``gt``/``gte``/``lt``/``lte``) on charges, customers, refunds
and events; charges by ``customer``, ``payment_intent`` and ``transfer_group``;
``ending_before`` gives the page just newer than its cursor, so auto-paging backwards
yields every object; an events filter the sandbox cannot honour is refused, never
ignored.
"""

from __future__ import annotations

from typing import Any

import pytest
import stripe


def _advance(client: stripe.StripeClient, seconds: int) -> None:
    client.raw_request("post", "/v1/test_helpers/advance_clock", seconds=seconds)


def test_created_filters_on_charges_customers_refunds_events(
    client: stripe.StripeClient, sandbox: Any
) -> None:
    customers, charges, refunds = [], [], []
    for _ in range(3):
        customer = client.v1.customers.create(params={"source": "tok_visa"})
        charge = client.v1.charges.create(
            params={"amount": 900, "currency": "usd", "customer": customer.id}
        )
        refunds.append(client.v1.refunds.create(params={"charge": charge.id, "amount": 100}))
        customers.append(customer)
        charges.append(charge)
        _advance(client, 100)
    t0, t1, t2 = (c.created for c in charges)
    assert t0 < t1 < t2

    def ids(items: Any) -> list[str]:
        return [x.id for x in items.data]

    assert ids(client.v1.charges.list(params={"created": {"gt": t0}})) == [
        charges[2].id,
        charges[1].id,
    ]
    assert ids(client.v1.charges.list(params={"created": {"gte": t1, "lt": t2}})) == [charges[1].id]
    assert ids(client.v1.charges.list(params={"created": {"lte": t0}})) == [charges[0].id]
    assert ids(client.v1.charges.list(params={"created": t2})) == [charges[2].id]
    assert ids(client.v1.customers.list(params={"created": {"lt": t1}})) == [customers[0].id]
    assert ids(client.v1.refunds.list(params={"created": {"gte": t2}})) == [refunds[2].id]
    events = client.v1.events.list(params={"created": {"gte": t2}, "limit": 100})
    assert events.data and all(e.created >= t2 for e in events.data)
    assert len(events.data) < len(sandbox.events)  # not silently ignored
    older = client.v1.events.list(params={"created": {"lt": t1}, "limit": 100})
    assert {e.id for e in older.data}.isdisjoint({e.id for e in events.data})


def test_bad_created_values_are_refused(client: stripe.StripeClient) -> None:
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.charges.list(params={"created": {"after": 5}})
    assert caught.value.param == "created[after]"
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.customers.list(params={"created": "yesterday"})
    assert caught.value.param == "created"


def test_charges_by_customer_payment_intent_transfer_group(client: stripe.StripeClient) -> None:
    a = client.v1.customers.create(params={"source": "tok_visa"})
    b = client.v1.customers.create(params={"source": "tok_mastercard"})
    mine = [
        client.v1.charges.create(params={"amount": 600, "currency": "usd", "customer": a.id})
        for _ in range(3)
    ]
    grouped = client.v1.charges.create(
        params={"amount": 600, "currency": "usd", "customer": b.id, "transfer_group": "ORDER-7"}
    )
    got = client.v1.charges.list(params={"customer": a.id})
    assert [c.id for c in got.data] == [c.id for c in reversed(mine)]
    page = client.v1.charges.list(params={"customer": a.id, "limit": 2})
    assert page.has_more is True
    rest = client.v1.charges.list(params={"customer": a.id, "starting_after": page.data[-1].id})
    assert [c.id for c in rest.data] == [mine[0].id] and rest.has_more is False
    assert [c.id for c in client.v1.charges.list(params={"transfer_group": "ORDER-7"}).data] == [
        grouped.id
    ]
    assert client.v1.charges.list(params={"payment_intent": "pi_none"}).data == []


def test_ending_before_pages_backwards(client: stripe.StripeClient) -> None:
    made = [client.v1.customers.create(params={"name": f"c{i}"}) for i in range(23)]
    cursor = made[5]
    page = client.v1.customers.list(params={"ending_before": cursor.id, "limit": 4})
    # the 4 customers just newer than the cursor, newest first
    assert [c.id for c in page.data] == [c.id for c in reversed(made[6:10])]
    assert page.has_more is True
    last = client.v1.customers.list(params={"ending_before": made[19].id, "limit": 4})
    assert [c.id for c in last.data] == [c.id for c in reversed(made[20:])]
    assert last.has_more is False
    # auto-paging backwards from the oldest yields every newer one, oldest first
    start = client.v1.customers.list(params={"ending_before": made[0].id, "limit": 5})
    walked = [c.id for c in start.auto_paging_iter()]
    assert walked == [c.id for c in made[1:]]
    with pytest.raises(stripe.InvalidRequestError):
        client.v1.customers.list(params={"ending_before": made[3].id, "starting_after": made[9].id})


def test_forward_auto_paging_with_a_filter(client: stripe.StripeClient) -> None:
    a = client.v1.customers.create(params={"source": "tok_visa"})
    other = client.v1.customers.create(params={"source": "tok_visa"})
    ids = []
    for i in range(12):
        who = a if i % 3 else other
        ids.append(
            (
                who.id,
                client.v1.charges.create(
                    params={"amount": 500, "currency": "usd", "customer": who.id}
                ).id,
            )
        )
    listed = client.v1.charges.list(params={"customer": a.id, "limit": 3})
    assert [c.id for c in listed.auto_paging_iter()] == [i for w, i in reversed(ids) if w == a.id]


def test_events_delivery_success_is_refused_not_ignored(client: stripe.StripeClient) -> None:
    client.v1.customers.create()
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.events.list(params={"delivery_success": True})
    assert caught.value.param == "delivery_success"
    assert "Sandbox wording" in str(caught.value.user_message)
