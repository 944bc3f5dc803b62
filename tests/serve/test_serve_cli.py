"""``chargeable serve`` as a process: start, answer, shut down cleanly, save the session."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from serve_helpers import Raw

from gui.cli import serve as serve_cli

ROOT = Path(__file__).resolve().parents[2]
CARD = [
    ("card[number]", "4242424242424242"),
    ("card[exp_month]", "12"),
    ("card[exp_year]", "2034"),
    ("card[cvc]", "123"),
]


def already_set() -> threading.Event:
    """A stop event that is set: should main() ever get to serve, it returns at once."""
    event = threading.Event()
    event.set()
    return event


class Served:
    """``python -m gui.app serve ...`` with its URL read from the first lines."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gui.app", "serve", "--port", "0", *args],
            cwd=ROOT,
            env=dict(os.environ, PYTHONUNBUFFERED="1"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        self.url = ""
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)
            if "serving the Stripe API at " in line:
                self.url = line.rsplit(" ", 1)[1].strip()
            if line.startswith("Press Ctrl+C"):
                break
        assert self.url, "".join(self.lines) + self.proc.stderr.read()  # type: ignore[union-attr]

    def stop(self, sig: int) -> tuple[int, str, str]:
        self.proc.send_signal(sig)
        try:
            out, err = self.proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()  # a hung server must not outlive the test
            self.proc.communicate(timeout=10)
            raise
        return self.proc.returncode, "".join(self.lines) + out, err


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_serves_then_shuts_down_cleanly_and_saves_the_session(tmp_path: Path, sig: int) -> None:
    session = tmp_path / "session.json"
    served = Served("--session", str(session))
    assert served.url.startswith("http://127.0.0.1:")
    raw = Raw(served.url)
    status, _, token = raw.form("POST", "/v1/tokens", CARD)
    assert status == 200
    raw.close()
    code, out, err = served.stop(sig)
    assert code == 0, err
    assert "Traceback" not in err
    assert "POST /v1/tokens -> 200" in out  # the access line
    assert f"Saved the session to {session}" in out
    assert session.exists()

    again = Served("--session", str(session), "--quiet")  # the objects come back
    raw = Raw(again.url)
    status, _, body = raw.form("GET", f"/v1/tokens/{token['id']}")
    raw.close()
    code, out, _ = again.stop(signal.SIGTERM)
    assert status == 200 and body["id"] == token["id"]
    assert "Loaded the session" in out and code == 0


def test_forward_to_prints_a_whsec_secret(tmp_path: Path) -> None:
    served = Served("--quiet", "--forward-to", "http://127.0.0.1:9/hooks")
    code, out, _ = served.stop(signal.SIGTERM)
    assert code == 0
    assert "Ready! Your webhook signing secret is whsec_" in out


def test_a_corrupt_session_file_is_refused_clearly(tmp_path: Path) -> None:
    session = tmp_path / "bad.json"
    session.write_text("{ not json")
    result = subprocess.run(
        [sys.executable, "-m", "gui.app", "serve", "--port", "0", "--session", str(session)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "could not load the session" in result.stderr
    assert "Traceback" not in result.stderr
    assert session.read_text() == "{ not json"  # untouched


@pytest.mark.parametrize(
    "args",
    [
        ["--port", "99999"],
        ["--port", "x"],
        ["--nope"],
        ["--forward-to", "ftp://x/y"],
        ["--api-version", "garbage"],
    ],
)
def test_bad_options_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        code = serve_cli.main(args, stop_event=already_set())
        raise SystemExit(code)
    assert caught.value.code == 2
    assert "chargeable serve" in capsys.readouterr().err or args[0] == "--forward-to"


def test_a_taken_port_is_reported_without_a_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = serve_cli.main(["--port", str(port)], stop_event=already_set())
    assert code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


def test_a_non_loopback_host_warns(capsys: pytest.CaptureFixture[str]) -> None:
    # 192.0.2.1 (TEST-NET-1) is not on this machine: the bind fails, nothing is exposed,
    # but the warning comes first.
    code = serve_cli.main(["--host", "192.0.2.1", "--port", "0"], stop_event=already_set())
    err = capsys.readouterr().err
    assert "warning: listening on 192.0.2.1, not loopback" in err
    assert code == 1


def test_is_loopback() -> None:
    assert serve_cli.is_loopback("127.0.0.1")
    assert serve_cli.is_loopback("127.5.6.7")
    assert serve_cli.is_loopback("::1")
    assert serve_cli.is_loopback("localhost")
    assert not serve_cli.is_loopback("0.0.0.0")
    assert not serve_cli.is_loopback("192.168.1.10")
    assert not serve_cli.is_loopback("example.com")


def test_main_stops_on_its_event(capsys: pytest.CaptureFixture[str]) -> None:
    stop = threading.Event()
    timer = threading.Timer(0.5, stop.set)
    timer.start()
    code = serve_cli.main(["--port", "0", "--quiet"], stop_event=stop)
    timer.join()
    assert code == 0
    out = capsys.readouterr().out
    assert "serving the Stripe API at http://127.0.0.1:" in out and "Shutting down" in out


def test_every_address_host_prints_an_address_a_client_can_use(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from core.http.server import StripeServer

    # Nothing is bound: tests listen on 127.0.0.1 only.
    monkeypatch.setattr(StripeServer, "start", lambda self: None)
    monkeypatch.setattr(StripeServer, "stop", lambda self, timeout=5.0: None)
    code = serve_cli.main(["--host", "0.0.0.0", "--port", "5000"], stop_event=already_set())
    captured = capsys.readouterr()
    assert code == 0
    line = next(x for x in captured.out.splitlines() if "serving the Stripe API at" in x)
    url = line.rsplit(" ", 1)[1]
    assert url.startswith("http://") and url.endswith(":5000") and "0.0.0.0" not in url
    assert "listening on 0.0.0.0: every address of this machine" in captured.out
    assert "warning: listening on 0.0.0.0, not loopback" in captured.err
