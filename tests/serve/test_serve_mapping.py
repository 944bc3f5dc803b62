"""The HTTP mapping without sockets: what reaches the core, and the headers of every answer."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import pytest

from core.http import mapping
from core.http.mapping import CoreCall, Reply, Request

FORM = {"content-type": "application/x-www-form-urlencoded", "authorization": "Bearer sk_test_1"}


def head_of(data: bytes) -> tuple[str, dict[str, str], bytes]:
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(": ")
        headers[name.lower()] = value
    return lines[0], headers, body


def test_post_params_are_the_query_then_the_body_in_order() -> None:
    request = Request(
        "POST", "/v1/customers?expand[]=sources", dict(FORM), b"metadata[a]=1&email=a%40b.c", "h:1"
    )
    call = mapping.to_core(request)
    assert call == CoreCall(
        "POST",
        "/v1/customers",
        [("expand[]", "sources"), ("metadata[a]", "1"), ("email", "a@b.c")],
        {"Authorization": "Bearer sk_test_1"},
        "http h:1",
    )


def test_get_ignores_a_body_and_idempotency_key_reaches_the_core() -> None:
    headers = dict(FORM, **{"idempotency-key": "k1"})
    call = mapping.to_core(Request("GET", "/v1/customers?limit=2", headers, b"junk"))
    assert isinstance(call, CoreCall)
    assert call.params == [("limit", "2")]
    assert call.headers == {"Authorization": "Bearer sk_test_1", "Idempotency-Key": "k1"}


@pytest.mark.parametrize(
    ("request_", "status", "words"),
    [
        (Request("PUT", "/v1/charges", dict(FORM)), 404, "(PUT: /v1/charges)"),
        (Request("POST", "/v1/customers", dict(FORM), b"a=1&&b"), 400, "form"),
        (
            Request("POST", "/v1/customers", {"content-type": "application/json"}, b"{}"),
            400,
            "application/json",
        ),
        (Request("GET", "/v1/customers?email=%FF", dict(FORM)), 400, "query string"),
    ],
    ids=["method", "body", "content-type", "query"],
)
def test_what_never_reaches_the_core_is_refused_stripe_shaped(
    request_: Request, status: int, words: str
) -> None:
    reply = mapping.to_core(request_)
    assert isinstance(reply, Reply) and reply.status == status
    error = json.loads(reply.body)["error"]
    assert error["type"] == "invalid_request_error" and words in error["message"]
    assert reply.request_id.startswith("req_") and len(reply.request_id) == 18


@dataclass
class FakeResponse:
    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


def test_every_answer_carries_the_stripe_headers() -> None:
    request = Request("POST", "/v1/customers", {"idempotency-key": "abc"})
    reply = mapping.from_core(FakeResponse(200, {"id": "cus_1"}), request)
    status_line, headers, body = head_of(mapping.render(reply, request))
    assert status_line == "HTTP/1.1 200 OK"
    assert headers["content-type"] == "application/json"
    assert headers["content-length"] == str(len(body))
    assert headers["request-id"] == reply.request_id
    assert headers["idempotency-key"] == "abc"
    assert "connection" not in headers and "stripe-should-retry" not in headers
    assert json.loads(body) == {"id": "cus_1"}


def test_a_conflict_or_server_error_says_do_not_retry_and_close_says_close() -> None:
    for status in (409, 500, 503):
        _, headers, _ = head_of(mapping.render(Reply(status, b"{}", close=True)))
        assert headers["stripe-should-retry"] == "false" and headers["connection"] == "close"
    _, headers, _ = head_of(mapping.render(Reply(400, b"{}")))
    assert "stripe-should-retry" not in headers


def test_headers_a_core_response_asks_for_pass_and_others_do_not() -> None:
    request = Request("POST", "/v1/customers")
    response = FakeResponse(200, {}, {"Stripe-Version": "2020-08-27", "X-Injected": "1"})
    _, headers, _ = head_of(mapping.render(mapping.from_core(response, request), request))
    assert headers["stripe-version"] == "2020-08-27"
    assert "x-injected" not in headers


def test_head_gets_the_headers_without_the_body_and_http_1_0_keeps_alive_when_asked() -> None:
    reply = Reply(404, b'{"error": {}}')
    data = mapping.render(reply, Request("HEAD", "/v1/x"))
    assert data.endswith(b"\r\n\r\n") and b"Content-Length: 13" in data
    _, headers, _ = head_of(mapping.render(reply, Request("GET", "/v1/x", version="1.0")))
    assert headers["connection"] == "keep-alive"


def test_request_ids_are_distinct_base62() -> None:
    ids = {mapping.new_request_id() for _ in range(1000)}
    assert len(ids) == 1000
    assert all(i[4:].isalnum() and i.isascii() and len(i) == 18 for i in ids)


def test_split_target() -> None:
    assert mapping.split_target("/v1/a?b=1#f") == ("/v1/a", "b=1")
    assert mapping.split_target("http://h:1/v1/a?b=2") == ("/v1/a", "b=2")
    assert mapping.split_target("/v1/a") == ("/v1/a", "")


def test_a_method_llhttp_does_not_know_gets_stripes_404_naming_it() -> None:
    from core.http import refusals

    reply = refusals.unknown_method(b"BREW /v1/charges?x=1 HTTP/1.1\r\nHost: x\r\n\r\n")
    assert reply.status == 404 and reply.close
    assert "(BREW: /v1/charges)" in json.loads(reply.body)["error"]["message"]
    for garbage in (b"GARBAGE\r\n\r\n", b"\x16\x03\x01 hello", b"BREW"):
        assert refusals.unknown_method(garbage).status == 400


def test_the_connection_cap_leaves_descriptors_for_the_rest_of_the_process() -> None:
    import resource

    from core.http import refusals

    soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    cap = refusals.within_descriptors(10**9)
    assert cap == 10**9 if soft == resource.RLIM_INFINITY else cap <= soft - 64
    assert refusals.within_descriptors(16) <= 16


def _parse_qsl_result(text: str, max_fields: int) -> list[tuple[str, str]] | str:
    from urllib.parse import parse_qsl

    try:
        return parse_qsl(
            text,
            keep_blank_values=True,
            strict_parsing=True,
            encoding="utf-8",
            errors="strict",
            max_num_fields=max_fields,
        )
    except ValueError:
        return "refused"


def _parse_form_result(text: str, max_fields: int) -> list[tuple[str, str]] | str:
    try:
        return mapping.parse_form(text, max_fields)
    except ValueError:
        return "refused"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "a=1",
        "a=",
        "=1",
        "=",
        "a",
        "a=1&",
        "&a=1",
        "a=1&&b=2",
        "a=1=2",
        "a+b=c+d",
        "card%5Bnumber%5D=4242&card%5Bcvc%5D=1%2B2",
        "e=a%40b.c&n=%C3%A9t%C3%A9",
        "bad=%C3",
        "bad%FF=1",
        "x=%zz&y=%4",
        "u=%E2%82%AC+%2B",
        "r=caf\u00e9&s=%C3\u00a9",
        "a=1;b=2",
        "k[]=1&k[]=2&k[]=3",
    ],
)
def test_parse_form_reads_and_refuses_exactly_what_parse_qsl_does(text: str) -> None:
    # written out for speed: it must not drift from the standard library's reading
    for max_fields in (2, 10_000):
        assert _parse_form_result(text, max_fields) == _parse_qsl_result(text, max_fields)
    assert _parse_form_result(text, 10_000) == _parse_form_result(text, 10_000)  # cached names


def test_parse_form_matches_parse_qsl_on_random_forms() -> None:
    import random

    rng = random.Random(15)
    alphabet = ["a", "b", "[", "]", "=", "&", "+", "%", "2", "B", "C3", "A9", "\u00e9", "%5B", " "]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert _parse_form_result(text, 4) == _parse_qsl_result(text, 4), text
