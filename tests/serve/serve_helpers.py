"""Helpers for the `chargeable serve` tests (imported by conftest and the tests)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """Records POSTs; ``status`` is what it answers, ``delay`` how long it stalls first."""

    status: int = 200
    delay: float = 0.0
    posts: list[Received] = field(default_factory=list)
    arrived: threading.Condition = field(default_factory=threading.Condition)
    release: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if receiver.delay:
                    receiver.release.wait(receiver.delay)
                with receiver.arrived:
                    receiver.posts.append(Received(self.path, dict(self.headers), body))
                    receiver.arrived.notify_all()
                self.send_response(receiver.status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/webhooks"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Received]:
        with self.arrived:
            self.arrived.wait_for(lambda: len(self.posts) >= count, timeout)
            return list(self.posts)

    def close(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


class Raw:
    """A persistent ``http.client`` connection that returns (status, headers, JSON)."""

    def __init__(self, url: str, key: str | None = "sk_test_chargeable") -> None:
        import http.client
        import urllib.parse

        parts = urllib.parse.urlsplit(url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.key = key
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)

    def send(
        self,
        method: str,
        path: str,
        body: bytes | str | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, dict[str, str], dict]:
        import json

        all_headers = {"Authorization": f"Bearer {self.key}"} if self.key else {}
        if body is not None and method == "POST":
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        all_headers.update(headers or {})
        self.conn.request(method, path, body=body, headers=all_headers)
        response = self.conn.getresponse()
        raw = response.read()
        if response.will_close:
            self.reconnect()
        data = json.loads(raw) if raw else {}
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data

    def form(
        self, method: str, path: str, pairs: list[tuple[str, str]] | None = None, **headers: str
    ) -> tuple[int, dict[str, str], dict]:
        import urllib.parse

        encoded = urllib.parse.urlencode(pairs or [])
        if method == "POST":
            return self.send(method, path, encoded, headers)
        return self.send(method, path + ("?" + encoded if encoded else ""), None, headers)

    def reconnect(self) -> None:
        import http.client

        self.conn.close()
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)

    def close(self) -> None:
        self.conn.close()
