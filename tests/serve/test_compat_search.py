"""Search for charges and customers through the official ``stripe`` package.

Stripe's query language (field:value, ``~`` substring, ``-`` negation, AND/OR,
``metadata['key']:'value'``, numeric and ``created`` comparisons, ``null``),
``search_result`` objects with ``next_page``, and errors for a bad query. The
reference has no section on search; the behaviour follows Stripe's search docs, and
refusal wordings Stripe does not publish carry the sandbox's mark.
"""

from __future__ import annotations

from typing import Any

import pytest
import stripe


@pytest.fixture
def people(client: stripe.StripeClient) -> list[Any]:
    made = []
    for i, (name, tier) in enumerate(
        [("Jenny Rosen", "gold"), ("Jim Beam", "silver"), ("Jenna Ortega", "gold")]
    ):
        customer = client.v1.customers.create(
            params={
                "email": f"{name.split()[0].lower()}@example.com",
                "name": name,
                "metadata": {"tier": tier},
                "source": "tok_visa" if i != 1 else "tok_mastercard",
            }
        )
        charge = client.v1.charges.create(
            params={"amount": 1000 * (i + 1), "currency": "usd", "customer": customer.id}
        )
        made.append((customer, charge))
    return made


def _emails(result: Any) -> list[str]:
    return [c.email for c in result.data]


def test_customer_search_equality_substring_negation_metadata(
    client: stripe.StripeClient, people: list[Any]
) -> None:
    found = client.v1.customers.search(params={"query": 'email:"jim@example.com"'})
    assert found.object == "search_result" and _emails(found) == ["jim@example.com"]
    assert found.url == "/v1/customers/search" and found.has_more is False
    assert found.next_page is None
    assert _emails(client.v1.customers.search(params={"query": "name~'Jen'"})) == [
        "jenna@example.com",
        "jenny@example.com",
    ]
    gold = client.v1.customers.search(params={"query": "metadata['tier']:'gold'"})
    assert _emails(gold) == ["jenna@example.com", "jenny@example.com"]
    not_gold = client.v1.customers.search(params={"query": "-metadata['tier']:'gold'"})
    assert _emails(not_gold) == ["jim@example.com"]
    either = client.v1.customers.search(
        params={"query": 'email:"jim@example.com" OR name:"Jenny Rosen"'}
    )
    assert _emails(either) == ["jim@example.com", "jenny@example.com"]
    both = client.v1.customers.search(params={"query": "name~'Jen' AND metadata['tier']:'gold'"})
    assert len(both.data) == 2
    missing = client.v1.customers.search(params={"query": "metadata['vip']:null"})
    assert len(missing.data) == 3


def test_charge_search_numbers_created_and_card(
    client: stripe.StripeClient, people: list[Any]
) -> None:
    amounts = client.v1.charges.search(params={"query": "amount>1000 AND status:'succeeded'"})
    assert [c.amount for c in amounts.data] == [3000, 2000]
    first = people[0][1]
    since = client.v1.charges.search(params={"query": f"created>={first.created}"})
    assert len(since.data) == 3
    assert client.v1.charges.search(params={"query": f"created<{first.created}"}).data == []
    mine = client.v1.charges.search(params={"query": f"customer:'{people[1][0].id}'"})
    assert [c.id for c in mine.data] == [people[1][1].id]
    brand = client.v1.charges.search(
        params={"query": "payment_method_details.card.brand:'mastercard'"}
    )
    assert [c.id for c in brand.data] == [people[1][1].id]
    expanded = client.v1.charges.search(
        params={"query": "amount>=3000", "expand": ["data.customer", "total_count"]}
    )
    assert expanded.data[0].customer.email == "jenna@example.com"
    assert expanded.total_count == 1


def test_next_page_and_auto_paging(client: stripe.StripeClient, people: list[Any]) -> None:
    page = client.v1.customers.search(params={"query": "email~'example.com'", "limit": 2})
    assert page.has_more is True and page.next_page
    rest = client.v1.customers.search(
        params={"query": "email~'example.com'", "limit": 2, "page": page.next_page}
    )
    assert _emails(rest) == ["jenny@example.com"] and rest.next_page is None
    walked = client.v1.customers.search(params={"query": "email~'example.com'", "limit": 1})
    assert [c.email for c in walked.auto_paging_iter()] == [
        "jenna@example.com",
        "jim@example.com",
        "jenny@example.com",
    ]


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("foo:'x'", "unsupported search field"),
        ("amount:", "cannot parse"),
        ("email:'a@b.c' AND name:'x' OR phone:'1'", "AND and OR"),
        ("email~'ab'", "at least 3"),
        ("amount>'lots'", "takes a number"),
        ("status>3", "cannot be compared"),
    ],
)
def test_bad_queries_are_refused(client: stripe.StripeClient, query: str, words: str) -> None:
    resource = client.v1.customers if query.startswith(("email", "name")) else client.v1.charges
    with pytest.raises(stripe.InvalidRequestError) as caught:
        resource.search(params={"query": query})
    assert caught.value.http_status == 400 and caught.value.param == "query"
    assert words in str(caught.value.user_message)


def test_query_is_required(client: stripe.StripeClient) -> None:
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.charges.search(params={"query": ""})
    assert caught.value.param == "query"


def test_deleted_customers_are_not_found(client: stripe.StripeClient) -> None:
    gone = client.v1.customers.create(params={"email": "gone@example.com"})
    client.v1.customers.delete(gone.id)
    assert client.v1.customers.search(params={"query": "email:'gone@example.com'"}).data == []
