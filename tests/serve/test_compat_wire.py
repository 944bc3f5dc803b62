"""Wire details real integrations read, through the official ``stripe`` package.

A deleted customer is still retrievable (spec ``GET /v1/customers/{customer}``: 200
with ``customer`` or ``deleted_customer``); a replayed idempotent request says so in
``Idempotent-Replayed``; a missing object named in the URL has ``param: "id"``; the
body is indented by two spaces as the live API writes it.
"""

from __future__ import annotations

from typing import Any

import pytest
import stripe
from serve_helpers import Raw

from core.http.server import StripeServer

CARD = {"number": "4242424242424242", "exp_month": 12, "exp_year": 2034, "cvc": "123"}


def test_a_deleted_customer_is_retrieved_as_deleted(client: stripe.StripeClient) -> None:
    # spec: GET /v1/customers/{customer} answers 200 with a deleted_customer
    customer = client.v1.customers.create(params={"email": "gone@example.com"})
    deleted = client.v1.customers.delete(customer.id)
    assert deleted.deleted is True
    again = client.v1.customers.retrieve(customer.id)
    assert again.id == customer.id and again.object == "customer"
    assert again.deleted is True
    assert again.to_dict() == {"id": customer.id, "object": "customer", "deleted": True}
    with pytest.raises(stripe.InvalidRequestError) as caught:  # it cannot be updated
        client.v1.customers.update(customer.id, params={"name": "x"})
    assert caught.value.code == "resource_missing"


def test_a_replayed_request_carries_idempotent_replayed(client: stripe.StripeClient) -> None:
    options: Any = {"idempotency_key": "order-1"}
    first = client.v1.customers.create(params={"email": "a@example.com"}, options=options)
    second = client.v1.customers.create(params={"email": "a@example.com"}, options=options)
    assert first.id == second.id
    first_headers = first.last_response.headers
    second_headers = second.last_response.headers
    assert "Idempotent-Replayed" not in first_headers
    assert second_headers["Idempotent-Replayed"] == "true"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/v1/customers/cus_nope", "No such customer: 'cus_nope'"),
        ("/v1/charges/ch_nope", "No such charge: 'ch_nope'"),
        ("/v1/refunds/re_nope", "No such refund: 're_nope'"),
        ("/v1/tokens/tok_nope", "No such token: 'tok_nope'"),
        ("/v1/sources/src_nope", "No such source: 'src_nope'"),
        ("/v1/events/evt_nope", "No such event: 'evt_nope'"),
    ],
)
def test_a_missing_path_id_is_param_id(server: StripeServer, path: str, message: str) -> None:
    status, _, body = Raw(server.url).send("GET", path)
    assert status == 404
    assert body["error"]["code"] == "resource_missing"
    assert body["error"]["param"] == "id"
    assert body["error"]["message"] == message


def test_the_official_client_sees_param_id(client: stripe.StripeClient) -> None:
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.charges.retrieve("ch_missing")
    assert caught.value.param == "id" and caught.value.http_status == 404
    customer = client.v1.customers.create()
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.customers.payment_sources.retrieve(customer.id, "card_missing")
    assert caught.value.param == "id"


def test_a_body_lookup_names_its_parameter(client: stripe.StripeClient) -> None:
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.charges.create(params={"amount": 500, "currency": "usd", "customer": "cus_x"})
    assert caught.value.param == "customer"


def test_json_is_indented_by_two_spaces(server: StripeServer) -> None:
    raw = Raw(server.url)
    raw.conn.request(
        "POST",
        "/v1/customers",
        body="email=pretty%40example.com&metadata[k]=v",
        headers={
            "Authorization": "Bearer sk_test_x",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    text = raw.conn.getresponse().read().decode()
    lines = text.splitlines()
    assert lines[0] == "{"
    assert lines[1].startswith('  "id": "cus_')
    assert lines[2] == '  "object": "customer",'
    assert '  "metadata": {\n    "k": "v"\n  },' in text
    assert lines[-1] == "}"
