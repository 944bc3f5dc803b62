"""One server for ``serve_throughput.py`` to measure, started as its own process.

    python benchmarks/serve_variant.py asyncio|orjson|msgspec|uvloop|uvicorn|floor

Prints ``serving at URL`` once listening on 127.0.0.1 (a free port), then
serves until SIGTERM. Every variant answers with the same sandbox code and
the same mapping (``core.http.mapping``); they differ only in:

- ``asyncio``: ``core.http.server.StripeServer`` on asyncio's own event loop
  (what it runs on where uvloop is not installed: Windows);
- ``orjson`` / ``msgspec``: the same, with response bodies encoded by that
  library (indented by two spaces, as the shipped encoder writes them) instead
  of ``core.wire.emit.to_wire`` (pydantic-core);
- ``uvloop``: the same server on uvloop's event loop (as shipped where uvloop
  is installed: Linux, macOS);
- ``uvicorn``: the same mapping as an ASGI application under uvicorn with
  httptools (the other candidate stack; ``uv run --with uvicorn``);
- ``floor``: not a server anyone should run, a bound: one thread on a bare
  ``select.epoll`` loop with the least HTTP these benchmark clients need
  (a head split at CRLF, ``Content-Length``, one ``send`` per answer; no
  limits, timeouts, pipelining pauses or error handling), answering through
  the same ``StripeServer._handle`` and ``mapping.render``. What it reaches is
  about the most any Python server answering through this mapping reaches
  on this machine: the rest of a gap to the ceiling is the machine's
  (system calls, loopback TCP, waking after a sleep).

A variant whose library is not installed exits 3 with a message.
"""

from __future__ import annotations

import asyncio
import select
import signal
import socket
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.api import Sandbox  # noqa: E402
from core.http import mapping  # noqa: E402
from core.http.server import StripeServer  # noqa: E402


def _missing(name: str) -> None:
    print(f"variant needs {name}: run with `uv run --with {name} ...`", file=sys.stderr)
    sys.exit(3)


def use_encoder(name: str) -> None:
    if name == "orjson":
        try:
            import orjson
        except ImportError:
            _missing("orjson")

        def orjson_indented(body: Any) -> bytes:
            return orjson.dumps(body, option=orjson.OPT_INDENT_2)

        mapping.encode_json = orjson_indented
    elif name == "msgspec":
        try:
            import msgspec
        except ImportError:
            _missing("msgspec")
        encode = msgspec.json.Encoder().encode

        def msgspec_indented(body: Any) -> bytes:
            return msgspec.json.format(encode(body), indent=2)

        mapping.encode_json = msgspec_indented


def asgi_app(server: StripeServer) -> Any:
    """The mapping as an ASGI app: what uvicorn would serve."""

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        chunks = []
        while True:
            message = await receive()
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        headers: dict[str, str] = {}
        for name, value in scope["headers"]:
            headers.setdefault(name.decode("latin-1").lower(), value.decode("latin-1"))
        target = scope["raw_path"].decode("latin-1")
        if scope["query_string"]:
            target += "?" + scope["query_string"].decode("latin-1")
        client = scope.get("client") or ("", 0)
        request = mapping.Request(
            scope["method"],
            target,
            headers,
            b"".join(chunks),
            f"{client[0]}:{client[1]}",
            True,
            scope["http_version"],
        )
        reply = server._handle(request)
        head, _, _ = mapping.render(reply, request).partition(b"\r\n\r\n")
        out = []
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b": ")
            if name.lower() not in (b"server", b"date", b"connection"):
                out.append((name.lower(), value))
        await send({"type": "http.response.start", "status": reply.status, "headers": out})
        await send({"type": "http.response.body", "body": reply.body})

    return app


def serve_floor(server: StripeServer, stop: threading.Event) -> None:
    """The ``floor`` variant: epoll, recv, the mapping, send; nothing else."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.setblocking(False)
    poll = select.epoll()
    poll.register(listener.fileno(), select.EPOLLIN)
    peers: dict[int, tuple[socket.socket, bytearray, str]] = {}
    print(f"serving at http://127.0.0.1:{listener.getsockname()[1]}", flush=True)
    while not stop.is_set():
        for fd, _ in poll.poll(0.2):
            if fd == listener.fileno():
                conn, addr = listener.accept()
                conn.setblocking(True)  # read only when epoll says so; sendall may wait
                conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                peers[conn.fileno()] = (conn, bytearray(), f"{addr[0]}:{addr[1]}")
                poll.register(conn.fileno(), select.EPOLLIN)
                continue
            conn, buffer, client = peers[fd]
            try:
                data = conn.recv(65536)
            except OSError:  # reset by the client
                data = b""
            if not data:
                poll.unregister(fd)
                del peers[fd]
                conn.close()
                continue
            buffer += data
            while (end := buffer.find(b"\r\n\r\n")) >= 0:
                lines = buffer[:end].decode("latin-1").split("\r\n")
                headers = {}
                for line in lines[1:]:
                    name, _, value = line.partition(":")
                    headers.setdefault(name.lower(), value.strip())
                length = int(headers.get("content-length", "0"))
                if len(buffer) < end + 4 + length:
                    break
                body = bytes(buffer[end + 4 : end + 4 + length])
                del buffer[: end + 4 + length]
                method, target, version = lines[0].split(" ")
                request = mapping.Request(method, target, headers, body, client, True, version[5:])
                conn.sendall(mapping.render(server._handle(request), request))
    poll.close()
    listener.close()


def _announce(port: int) -> None:
    """Print the URL once the port accepts connections."""
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
        except OSError:
            time.sleep(0.05)
            continue
        print(f"serving at http://127.0.0.1:{port}", flush=True)
        return


def main() -> int:
    variant = sys.argv[1] if len(sys.argv) > 1 else "asyncio"
    sandbox = Sandbox(seed=0)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    loop_factory = asyncio.new_event_loop
    if variant == "uvloop":
        try:
            import uvloop
        except ImportError:
            _missing("uvloop")
        loop_factory = uvloop.new_event_loop
    if variant in ("asyncio", "orjson", "msgspec", "uvloop"):
        use_encoder(variant)
        server = StripeServer(sandbox, "127.0.0.1", 0, loop_factory=loop_factory)
        server.start()
        print(f"serving at {server.url}", flush=True)
        stop.wait()
        server.stop()
        return 0
    if variant == "floor":
        serve_floor(StripeServer(sandbox), stop)
        return 0
    if variant == "uvicorn":
        try:
            import uvicorn
        except ImportError:
            _missing("uvicorn")
        # uvicorn binds the port itself (handed a socket, it served each answer
        # 40 ms late here: head and body went out as two writes under Nagle).
        with socket.create_server(("127.0.0.1", 0)) as probe:
            port = probe.getsockname()[1]
        config = uvicorn.Config(
            asgi_app(StripeServer(sandbox)),
            host="127.0.0.1",
            port=port,
            http="httptools",
            loop="asyncio",
            lifespan="off",
            access_log=False,
            log_level="warning",
        )
        userver = uvicorn.Server(config)
        threading.Thread(target=_announce, args=(port,), daemon=True).start()
        userver.run()
        return 0
    print(f"unknown variant {variant!r}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
