"""The access log: control characters escaped, card-number-like digit runs masked."""

from __future__ import annotations

import socket
from typing import Any

from serve_helpers import Raw

from core.http.access_log import access_line, clean
from core.http.server import StripeServer


def test_control_characters_are_escaped() -> None:
    assert clean("/v1/x\x1b[2J\x07\x00\x7f\x9b") == "/v1/x\\x1b[2J\\x07\\x00\\x7f\\x9b"
    assert clean("/v1/é") == "/v1/é"  # printable text stays


def test_card_like_digit_runs_keep_only_their_last_four() -> None:
    assert clean("/v1/tokens/4242424242424242") == "/v1/tokens/************4242"
    assert clean("4000 0566 5566 5556") == "**** **** **** 5556"
    assert clean("3782-822463-10005") == "****-******-*0005"  # 15 digits (Amex)
    assert clean("ch_1234567890") == "ch_1234567890"  # 10 digits: not a card
    assert clean("12345678901234567890123") == "12345678901234567890123"  # too long
    assert clean("tok_aB3dE5gH7jK9mN1pQ3sT5vX") == "tok_aB3dE5gH7jK9mN1pQ3sT5vX"


def test_access_line_shape() -> None:
    assert access_line("POST", "/v1/tokens", 200, "req_x") == "POST /v1/tokens -> 200 [req_x]"


def test_the_server_logs_cleaned_lines(sandbox: Any) -> None:
    lines: list[str] = []
    with StripeServer(sandbox, "127.0.0.1", 0, access_log=lines.append) as server:
        raw = Raw(server.url)
        raw.form("GET", "/v1/tokens/4242424242424242")
        raw.close()
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
            sock.sendall(b"GET /v1/\x1b[2Jx HTTP/1.1\r\n\r\n")  # llhttp refuses it: 400
            assert sock.recv(65536).startswith(b"HTTP/1.1 400")
    assert lines[0].startswith("GET /v1/tokens/************4242 -> 404 [req_")
    assert len(lines) == 2 and lines[1].startswith("- - -> 400")
    assert not any("\x1b" in line or "4242424242424242" in line for line in lines)


def test_the_fast_path_cleans_as_the_patterns_do() -> None:
    import random

    from core.http import access_log

    def by_patterns(text: str) -> str:
        text = access_log._CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)
        return access_log._CARD_LIKE.sub(access_log._mask, text)

    rng = random.Random(15)
    alphabet = ["4", "2", "0", " ", "-", "/", "a", "_", "\x1b", "\x7f", "\x9b", "\u0664", "é"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert clean(text) == by_patterns(text), repr(text)
    for text in ("/v1/tokens/4242424242424242", "4000 0566 5566 5556", "/v1/x\x1b[2J"):
        assert clean(text) == by_patterns(text)
