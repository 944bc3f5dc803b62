"""``chargeable serve``: the sandbox as a local Stripe-compatible HTTP API.

No Qt here: this runs on a server or in CI without a display.

    chargeable serve [--host 127.0.0.1] [--port 12111] [--session FILE]
                     [--forward-to URL] [--quiet]

- Listens on loopback unless ``--host`` names another address; then it warns,
  because the sandbox has no real authentication.
- ``--session FILE`` loads the sandbox from FILE if it exists, saves it there
  a few seconds after each change (atomically: a kill leaves the previous or
  the new file, whole) and on shutdown (Ctrl+C or SIGTERM). A FILE that could
  not be saved (its folder is missing, it is a folder) is refused at start.
- ``--forward-to URL`` posts every event to URL, signed with a ``whsec_…``
  secret printed at start, like ``stripe listen --forward-to``.
"""

from __future__ import annotations

import argparse
import ipaddress
import signal
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # the CLI imports the core only once it runs
    from core.api import Sandbox

DEFAULT_PORT = 12111


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chargeable serve",
        description=(
            "Serve a Chargeable sandbox as a local Stripe-compatible API "
            "(point stripe.api_base at the printed URL; use a sk_test_ key)."
        ),
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1; anything else is reachable "
        "from other machines and prints a warning)",
    )
    parser.add_argument(
        "--port",
        type=_port,
        default=DEFAULT_PORT,
        help=f"TCP port (default: {DEFAULT_PORT}; 0 picks a free one)",
    )
    parser.add_argument(
        "--session",
        metavar="FILE",
        type=Path,
        help="load the sandbox from FILE if it exists; save it there a few seconds "
        "after each change and on shutdown",
    )
    parser.add_argument(
        "--forward-to",
        metavar="URL",
        help="POST every event to URL with a Stripe-Signature header",
    )
    parser.add_argument(
        "--api-version",
        metavar="VERSION",
        type=_api_version,
        help="the account's default API version, used when a request sends no "
        "Stripe-Version header (default: 2023-08-16)",
    )
    parser.add_argument("--quiet", action="store_true", help="do not print a line per request")
    return parser


def _api_version(text: str) -> str:
    from core.api import is_known_api_version

    if not is_known_api_version(text):
        raise argparse.ArgumentTypeError(f"not a Stripe API version: {text!r}")
    return text


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"port out of range 0-65535: {value}")
    return value


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


#: Seconds a change may wait before ``--session`` saves it (changes close together
#: are saved together; under a steady stream of requests a save still happens
#: every few seconds, since the wait counts from the first unsaved change).
SAVE_DELAY = 2.0


class _Saver:
    """Saves the served sandbox to ``--session`` a few seconds after it changes.

    :meth:`tick` runs on the main thread's loop; the session's JSON is taken under
    the server's lock (the sandbox is not thread-safe) and written outside it, to a
    temporary file renamed over the old one, so a kill at any moment leaves the
    previous or the new file, whole.
    """

    def __init__(self, sandbox: Sandbox, path: Path, lock: Any, err: TextIO) -> None:
        self.sandbox = sandbox
        self.path = path
        self.lock = lock
        self.err = err
        self.saved_revision = sandbox.revision
        self.since: float | None = None
        self.failing = ""
        self.saves = 0

    def tick(self) -> None:
        if self.sandbox.revision == self.saved_revision:
            self.since = None
            return
        now = time.monotonic()
        if self.since is None:
            self.since = now
        if now - self.since >= SAVE_DELAY:
            self.save()

    def save(self) -> bool:
        from core import session as sessions

        try:
            with self.lock:
                revision = self.sandbox.revision
                data = sessions.dumps(self.sandbox).encode("utf-8")
            sessions.write(data, self.path)
        except Exception as exc:  # noqa: BLE001 - said in words; the server keeps serving
            message = f"error: could not save the session to {self.path}: {exc}"
            if message != self.failing:
                print(message + " (will try again after the next change)", file=self.err)
                self.failing = message
            self.since = time.monotonic()  # try again in SAVE_DELAY, not on every tick
            return False
        if self.failing:
            print(f"Saved the session to {self.path} again.", file=self.err)
            self.failing = ""
        self.saved_revision = revision
        self.since = None
        self.saves += 1
        return True


def _check_session_path(session: Path, err: TextIO) -> bool:
    from core import session as sessions

    try:
        sessions.check_target(session)
    except sessions.SessionError as exc:
        print(f"error: {exc}", file=err)
        return False
    sessions.remove_stale_temps(session)  # left by a process killed while saving
    return True


def _load_sandbox(session: Path | None, out: TextIO) -> Sandbox:
    from core.api import Sandbox

    if session is None or not session.exists():
        return Sandbox(seed=0)
    from core import session as sessions

    sandbox = sessions.load(session)  # SessionError: reported by main()
    # A session the window saved has keys off (its buttons send none); over HTTP
    # the key rules always apply.
    sandbox.check_keys = True
    print(f"Loaded the session from {session}", file=out)
    return sandbox


def _save_sandbox(sandbox: Sandbox, session: Path, out: TextIO, err: TextIO) -> bool:
    try:
        from core import session as sessions
    except ImportError:
        print(f"error: cannot save {session}: core.session is not available", file=err)
        return False
    try:
        sessions.save(sandbox, session)
    except Exception as exc:  # noqa: BLE001 - report any failure in words and exit 1
        print(f"error: could not save the session to {session}: {exc}", file=err)
        return False
    print(f"Saved the session to {session}", file=out)
    return True


def main(
    argv: Sequence[str] | None = None,
    *,
    stop_event: threading.Event | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Run the server until Ctrl+C / SIGTERM (or ``stop_event``, for tests)."""
    out = out or sys.stdout
    err = err or sys.stderr
    args = build_parser().parse_args(argv)  # exits 2 on a bad option

    from core.http.collector import ServingCollector
    from core.http.server import StripeServer
    from core.http.webhooks import WebhookForwarder

    if args.session is not None:
        from core.session import SessionError

        load_errors: tuple[type[BaseException], ...] = (SessionError, OSError)
    else:
        load_errors = (OSError,)
    if args.session is not None and not _check_session_path(args.session, err):
        return 1
    try:
        sandbox = _load_sandbox(args.session, out)
        if args.api_version:
            sandbox.api_version = args.api_version
    except load_errors as exc:
        print(f"error: could not load the session {args.session}: {exc}", file=err)
        return 1

    forwarder = None
    if args.forward_to:

        def report(delivery: Any) -> None:
            status = delivery.status if delivery.status is not None else delivery.error
            print(
                f"  --> {delivery.event_type} [{delivery.event_id}] "
                f"<-- [{status}] POST {args.forward_to}",
                file=out,
                flush=True,
            )

        try:
            forwarder = WebhookForwarder(args.forward_to, on_delivery=report)
        except ValueError as exc:
            print(f"error: {exc}", file=err)
            return 2

    def access(line: str) -> None:
        print(line, file=out)  # flushed once per burst of answers, by the server

    server = StripeServer(
        sandbox,
        args.host,
        args.port,
        forward_to=forwarder,
        access_log=None if args.quiet else access,
        access_log_flush=None if args.quiet else out.flush,
    )
    if not is_loopback(args.host):
        print(
            f"warning: listening on {args.host}, not loopback: anyone who can reach this "
            "machine can use the sandbox (it has no real authentication).",
            file=err,
            flush=True,
        )
    # Before the server starts: a request that comes as soon as the address is printed
    # must count as unsaved, not as what the saver found already there.
    saver = None if args.session is None else _Saver(sandbox, args.session, server.lock, err)
    collector = ServingCollector()  # the sandbox only grows: see core.http.collector
    collector.start()
    try:
        server.start()
    except OSError as exc:
        collector.stop()
        print(f"error: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", file=err)
        return 1

    stop = stop_event or threading.Event()
    signalled: list[int] = []
    previous = _install_signal_handlers(signalled)
    url = server.client_url  # for 0.0.0.0 / ::, an address of this machine a client can use
    print(f"Chargeable is serving the Stripe API at {url}", file=out)
    if url != server.url:
        print(f"  (listening on {args.host}: every address of this machine)", file=out)
    print(f"  stripe.api_base = {url!r}; use any sk_test_ key", file=out)
    if forwarder is not None:
        print(
            f"Ready! Your webhook signing secret is {forwarder.secret} "
            f"(forwarding events to {args.forward_to})",
            file=out,
        )
    print("Press Ctrl+C to stop.", file=out, flush=True)
    try:
        while not stop.wait(0.2) and not signalled:
            collector.tick()
            if saver is not None:
                saver.tick()
    except KeyboardInterrupt:
        pass
    finally:
        _restore_signal_handlers(previous)
        print("Shutting down...", file=out, flush=True)
        server.stop()
        collector.stop()
    if forwarder is not None:
        print(
            f"Webhooks: {forwarder.delivered} delivered, {forwarder.failed} failed, "
            f"{forwarder.dropped} dropped",
            file=out,
        )
    if args.session is not None and not _save_sandbox(sandbox, args.session, out, err):
        return 1
    return 0


def _install_signal_handlers(signalled: list[int]) -> dict[int, Any]:
    """SIGINT and SIGTERM are noted in ``signalled`` (only possible on the main thread).

    The handler takes no lock: it runs on the main thread between two bytecodes,
    possibly while that thread holds the very lock ``Event.set`` would take (inside
    ``Event.wait``), which hung the process for good on some SIGTERMs.
    """
    previous: dict[int, Any] = {}
    if threading.current_thread() is not threading.main_thread():
        return previous

    def handler(signum: int, frame: object) -> None:
        signalled.append(signum)

    for signum in (signal.SIGINT, signal.SIGTERM):
        previous[signum] = signal.signal(signum, handler)
    return previous


def _restore_signal_handlers(previous: dict[int, Any]) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler)


if __name__ == "__main__":
    sys.exit(main())
