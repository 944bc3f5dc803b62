"""The HTTP layer: what reaches the core, and Stripe-shaped answers to bad input."""

from __future__ import annotations

import base64
import json
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import KEY
from serve_helpers import Raw

from core.http.server import MAX_BODY, StripeServer, normalize_authorization

TOKEN_CARD = [
    ("card[number]", "4242424242424242"),
    ("card[exp_month]", "12"),
    ("card[exp_year]", "2034"),
    ("card[cvc]", "123"),
]


@pytest.fixture
def raw(server: StripeServer) -> Iterator[Raw]:
    r = Raw(server.url)
    yield r
    r.close()


def assert_stripe_error(status: int, headers: dict[str, str], body: dict, expected: int) -> None:
    assert status == expected
    assert headers["content-type"] == "application/json"
    assert headers["request-id"].startswith("req_")
    assert set(body) == {"error"}
    assert body["error"]["type"] in {"invalid_request_error", "api_error"}
    assert body["error"]["message"]


def state(sandbox: Any) -> list[Any]:
    return [sandbox.get(i) for i in sandbox.object_ids()]


def still_serving(raw: Raw) -> None:
    raw.reconnect()
    status, _, body = raw.form("POST", "/v1/tokens", TOKEN_CARD)
    assert status == 200 and body["id"].startswith("tok_")


# --- what reaches the core ----------------------------------------------------


def test_params_reach_the_core_as_ordered_pairs_with_brackets_and_repeats(
    server: StripeServer, sandbox: Any, raw: Raw, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[Any, ...]] = []
    real = sandbox.request

    def spy(method: str, path: str, params: Any = None, headers: Any = None, **kw: Any) -> Any:
        seen.append((method, path, params, headers))
        return real(method, path, params, headers, **kw)

    monkeypatch.setattr(sandbox, "request", spy)
    raw.form(
        "POST",
        "/v1/customers?expand[]=sources",
        [("metadata[a]", "1"), ("expand[]", "default_source"), ("email", "a b&c=d@x.io")],
        **{"Idempotency-Key": "abc"},
    )
    raw.form("GET", "/v1/customers", [("limit", "2"), ("email", "é")])
    raw.form("DELETE", "/v1/customers/cus_x", [])
    assert seen[0] == (
        "POST",
        "/v1/customers",
        [
            ("expand[]", "sources"),
            ("metadata[a]", "1"),
            ("expand[]", "default_source"),
            ("email", "a b&c=d@x.io"),
        ],
        {"Authorization": f"Bearer {KEY}", "Idempotency-Key": "abc"},
    )
    assert seen[1][:3] == ("GET", "/v1/customers", [("limit", "2"), ("email", "é")])
    assert seen[2][:3] == ("DELETE", "/v1/customers/cus_x", [])


def test_every_response_has_a_distinct_request_id(raw: Raw) -> None:
    ids = set()
    for _ in range(5):
        _, headers, _ = raw.form("POST", "/v1/tokens", TOKEN_CARD)
        ids.add(headers["request-id"])
    _, headers, _ = raw.form("GET", "/v1/nowhere")
    ids.add(headers["request-id"])
    assert len(ids) == 6 and all(i.startswith("req_") and len(i) == 18 for i in ids)


def test_json_objects_come_back_as_the_core_made_them(raw: Raw, sandbox: Any) -> None:
    status, headers, body = raw.form("POST", "/v1/sources", [("type", "card"), *TOKEN_CARD])
    assert status == 200 and headers["content-type"] == "application/json"
    assert body == sandbox.get(body["id"])


def test_basic_auth_with_the_key_as_user_name_is_accepted(raw: Raw) -> None:
    basic = "Basic " + base64.b64encode(f"{KEY}:".encode()).decode()
    status, _, body = raw.send("GET", "/v1/customers", headers={"Authorization": basic})
    assert status == 200 and body["object"] == "list"


def test_normalize_authorization() -> None:
    assert normalize_authorization(None) is None
    assert normalize_authorization("bearer  sk_test_1") == "Bearer sk_test_1"
    encoded = base64.b64encode(b"sk_test_2:").decode()
    assert normalize_authorization(f"Basic {encoded}") == "Bearer sk_test_2"
    assert normalize_authorization("Basic !!!") == "Basic !!!"  # left for the core to refuse
    assert normalize_authorization("Token abc") == "Token abc"


def test_missing_and_live_keys_get_401(server: StripeServer) -> None:
    anonymous = Raw(server.url, key=None)
    status, headers, body = anonymous.form("GET", "/v1/customers")
    assert_stripe_error(status, headers, body, 401)
    live = Raw(server.url, key="sk_live_123")
    status, headers, body = live.form("GET", "/v1/customers")
    assert_stripe_error(status, headers, body, 401)


# --- bad input --------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [b"junk", b"a=1&&b=2", b"email=%FF", b"\xff\xfe=1", b"=&="],
    ids=["no-equals", "empty-field", "bad-percent-utf8", "raw-non-utf8", "empty-keys"],
)
def test_malformed_bodies_get_400_and_change_nothing(raw: Raw, sandbox: Any, body: bytes) -> None:
    before = state(sandbox)
    status, headers, answer = raw.send("POST", "/v1/customers", body)
    if body == b"=&=":  # well-formed but meaningless: the core answers (unknown parameter)
        assert 400 <= status < 500
    else:
        assert_stripe_error(status, headers, answer, 400)
        assert "form" in answer["error"]["message"]
    assert state(sandbox) == before
    still_serving(raw)


@pytest.mark.parametrize(
    "content_type",
    ["application/json", "text/plain", "multipart/form-data; boundary=x"],
)
def test_bad_content_types_get_400(raw: Raw, sandbox: Any, content_type: str) -> None:
    status, headers, answer = raw.send(
        "POST",
        "/v1/customers",
        json.dumps({"email": "a@b.c"}),
        headers={"Content-Type": content_type},
    )
    assert_stripe_error(status, headers, answer, 400)
    assert content_type.split(";")[0] in answer["error"]["message"]
    assert sandbox.object_ids() == []
    still_serving(raw)


def test_form_content_type_with_charset_is_fine(raw: Raw) -> None:
    status, _, body = raw.send(
        "POST",
        "/v1/customers",
        "email=x%40y.z",
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
    )
    assert status == 200 and body["email"] == "x@y.z"


def test_a_body_over_1_mb_gets_413_and_the_server_keeps_serving(raw: Raw, sandbox: Any) -> None:
    big = "description=" + "x" * MAX_BODY
    status, headers, answer = raw.send("POST", "/v1/customers", big)
    assert_stripe_error(status, headers, answer, 413)
    assert headers["connection"] == "close"
    assert sandbox.object_ids() == []
    still_serving(raw)


def test_a_body_of_exactly_1_mb_is_read(raw: Raw) -> None:
    body = "description=" + "x" * (MAX_BODY - len("description="))
    status, headers, answer = raw.send("POST", "/v1/customers", body)
    assert status != 413  # the core judges it (a 1 MB description may well be refused)
    assert headers["request-id"].startswith("req_") and answer


def test_unknown_paths_get_404_from_the_core(raw: Raw) -> None:
    for method, path in [("GET", "/v1/nowhere"), ("POST", "/v2/core/events"), ("GET", "/")]:
        status, headers, answer = raw.form(method, path)
        assert_stripe_error(status, headers, answer, 404)


@pytest.mark.parametrize("method", ["PUT", "PATCH", "OPTIONS", "TRACE", "BREW"])
def test_methods_the_api_lacks_get_a_stripe_404(raw: Raw, method: str) -> None:
    status, headers, answer = raw.send(method, "/v1/charges", "")
    assert_stripe_error(status, headers, answer, 404)
    assert f"({method}: /v1/charges)" in answer["error"]["message"]
    still_serving(raw)


def _raw_exchange(server: StripeServer, data: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"GARBAGE\r\n\r\n", 400),
        (b"GET /v1/customers HTTP/9.9\r\n\r\n", 505),
        (b"POST /v1/customers HTTP/1.1\r\nContent-Length: abc\r\n\r\n", 400),
        (b"POST /v1/customers HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 411),
        (b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\n\r\n", 414),
        (b"GET /v1/customers HTTP/1.1\r\n" + b"X-A: b\r\n" * 101 + b"\r\n", 431),
        (b"GET /v1/customers HTTP/1.1\r\nno colon here\r\n\r\n", 400),
        (b"GET /v1/customers HTTP/1.1\r\n folded: x\r\n\r\n", 400),
        (
            b"POST /v1/customers HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\na=123",
            400,
        ),
    ],
    ids=[
        "garbage",
        "bad-version",
        "bad-length",
        "chunked",
        "uri-too-long",
        "too-many-headers",
        "no-colon",
        "folded-header",
        "two-lengths",
    ],
)
def test_broken_http_gets_a_stripe_shaped_answer(
    server: StripeServer, raw: Raw, request_bytes: bytes, status: int
) -> None:
    answer = _raw_exchange(server, request_bytes)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.split(b" ", 2)[1] == str(status).encode()
    assert b"Request-Id: req_" in head
    assert json.loads(body)["error"]["message"]
    still_serving(raw)


def test_a_request_cut_short_does_not_hurt_the_server(server: StripeServer, raw: Raw) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(b"POST /v1/customers HTTP/1.1\r\nContent-Length: 100\r\n\r\nemail=")
    still_serving(raw)


def test_stop_closes_idle_keep_alive_connections(sandbox: Any) -> None:
    server = StripeServer(sandbox, "127.0.0.1", 0)
    server.start()
    idle = Raw(server.url)
    assert idle.form("GET", "/v1/customers")[0] == 200  # a kept-alive connection now idles
    server.stop()
    assert not server.running
    with pytest.raises((ConnectionError, OSError)):
        idle.form("GET", "/v1/customers")
    server.stop()  # stopping twice is harmless


def test_expect_100_continue_is_honoured(server: StripeServer) -> None:
    body = b"email=a%40b.c"
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(
            b"POST /v1/customers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + KEY.encode()
            + b"\r\nContent-Type: application/x-www-form-urlencoded\r\nExpect: 100-continue"
            + b"\r\nConnection: close\r\nContent-Length: "
            + str(len(body)).encode()
            + b"\r\n\r\n"
        )
        interim = sock.recv(4096)
        assert interim.startswith(b"HTTP/1.1 100")
        sock.sendall(body)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    head, _, answer = b"".join(chunks).partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200") and b"Connection: close" in head
    assert json.loads(answer)["email"] == "a@b.c"


def test_an_idempotency_key_replays_and_a_conflict_is_not_retried(raw: Raw) -> None:
    first = raw.form("POST", "/v1/customers", [("email", "a@b.c")], **{"Idempotency-Key": "k"})
    again = raw.form("POST", "/v1/customers", [("email", "a@b.c")], **{"Idempotency-Key": "k"})
    assert first[0] == again[0] == 200 and first[2]["id"] == again[2]["id"]
    assert again[1]["idempotency-key"] == "k"
    status, headers, body = raw.form(
        "POST", "/v1/customers", [("email", "x@y.z")], **{"Idempotency-Key": "k"}
    )
    assert body["error"]["type"] == "idempotency_error"
    assert status in (400, 409)  # the core's choice (it answers 400 for other parameters)
    if status == 409:
        assert headers["stripe-should-retry"] == "false"  # stripe-python would retry a 409
    else:
        assert "stripe-should-retry" not in headers
