"""Sessions: damaged files are a SessionError with words for people, and nothing else;
idempotent retries survive replays; stale temporary files are cleaned up.

The damaged-file corpus: truncated, bit-flipped, nested 100,000 deep, huge numbers,
wrong types, booleans for numbers, lone surrogates, bad redo entries.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from core_helpers import card, customer, ok, token

from core import session
from core.api import Sandbox
from core.session import SessionError

NAME = "s.chargeable.json"
IDEM = {"Idempotency-Key": "retry-me"}
CARD_SOURCE = {"type": "card", **card("4242424242424242", "123")}


def _busy() -> Sandbox:
    sb = Sandbox(seed=4, check_keys=False)
    ok(sb.request("POST", "/v1/sources", CARD_SOURCE, IDEM))
    cus = customer(sb, email="jenny@example.com")
    tok = token(sb, "5555555555554444", "123")
    ok(sb.request("POST", f"/v1/customers/{cus}/sources", {"source": tok}))
    ok(sb.request("POST", "/v1/charges", {"customer": cus, "amount": "700", "currency": "usd"}))
    ok(sb.request("POST", "/v1/test_helpers/advance_clock", {"seconds": "60"}))
    customer(sb, email="undone@example.com")
    assert sb.undo()  # a redo stack of one
    return sb


@pytest.fixture
def saved(tmp_path: Path) -> tuple[Sandbox, Path]:
    sb = _busy()
    path = tmp_path / NAME
    session.save(sb, path)
    return sb, path


def _refused(path: Path) -> str:
    with pytest.raises(SessionError) as info:
        session.load(path)
    message = str(info.value)
    assert path.name in message, message
    assert "Traceback" not in message and len(message) < 400, message
    return message


# --- the corpus ------------------------------------------------------------------------


def test_truncated_files_are_refused_at_every_length(saved: tuple[Sandbox, Path]) -> None:
    _, path = saved
    raw = path.read_bytes()
    cuts = sorted({0, 1, 2, len(raw) - 1, *range(0, len(raw), max(1, len(raw) // 60))})
    for cut in cuts:
        path.write_bytes(raw[:cut])
        message = _refused(path)
        assert "corrupt or truncated" in message or "not a text file" in message, (cut, message)


def test_every_bit_flip_is_refused(saved: tuple[Sandbox, Path]) -> None:
    """The checksum catches a flip that still parses (a digit of an amount, a letter)."""
    _, path = saved
    raw = path.read_bytes()
    rng = random.Random(11)
    positions = rng.sample(range(len(raw)), min(300, len(raw)))
    for position in positions:
        flipped = bytearray(raw)
        flipped[position] ^= 1 << rng.randrange(8)
        path.write_bytes(bytes(flipped))
        _refused(path)


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 100_000 + "1" + "}" * 100_000,
        '{"format":"chargeable-session","version":1,"seed":0,"log":'
        + "[" * 100_000
        + "]" * 100_000
        + "}",
    ],
    ids=["lists", "objects", "inside-a-session"],
)
def test_nesting_100k_deep_is_refused(tmp_path: Path, text: str) -> None:
    path = tmp_path / NAME
    path.write_text(text)
    message = _refused(path)
    assert "nested" in message or "not a Chargeable session" in message or "log" in message


def _damage(sb: Sandbox, change: Any) -> dict[str, Any]:
    data = json.loads(session.dumps(sb))
    del data["checksum"]  # as if written by hand: the field checks must catch it
    change(data)
    return data


def _set(*keys: Any, value: Any) -> Any:
    def change(data: dict[str, Any]) -> None:
        node = data
        for key in keys[:-1]:
            node = node[key]
        node[keys[-1]] = value

    return change


CORPUS: dict[str, Any] = {
    # huge numbers
    "seed of 6,000 digits": "6" * 6000,
    "seed of 30 digits": _set("seed", value=10**30),
    "clock of 6,000 digits": ("now", "1" * 6000),
    "version of 5,000 digits": ("version", "9" * 5000),
    "seed 1e400": ("seed", "1e400"),
    "seed NaN": ("seed", "NaN"),
    # booleans and floats for numbers
    "version true": _set("version", value=True),
    "version 1.0": _set("version", value=1.0),
    "seed true": _set("seed", value=True),
    "seed 0.0": _set("seed", value=0.0),
    "now false": _set("now", value=False),
    "check_keys 1": _set("check_keys", value=1),
    # wrong types
    "seed text": _set("seed", value="4"),
    "log an object": _set("log", value={}),
    "log text": _set("log", value="[]"),
    "log null": _set("log", value=None),
    "no log": lambda d: d.pop("log"),
    "entry a list": _set("log", 0, value=["POST", "/v1/customers"]),
    "entry without path": lambda d: d["log"][0].pop("path"),
    "method a number": _set("log", 0, "method", value=5),
    "method PUT": _set("log", 0, "method", value="PUT"),
    "path null": _set("log", 0, "path", value=None),
    "params an object": _set("log", 0, "params", value={"type": "card"}),
    "param of numbers": _set("log", 0, "params", 0, value=[1, 2]),
    "param of three": _set("log", 0, "params", 0, value=["a", "b", "c"]),
    "param value true": _set("log", 1, "params", 0, 1, value=True),
    "idempotency key a number": _set("log", 0, "idempotency_key", value=7),
    "changed ids numbers": _set("log", 0, "changed_ids", value=[1]),
    "origin a list": _set("log", 0, "origin", value=["gui"]),
    "fingerprint forged": _set("log", 0, "fingerprint", value="x" * 32),
    "stand-in unknown card": _set("log", 0, "stand_ins", 0, 1, value="card:nope"),
    "stand-in huge": _set("log", 0, "stand_ins", 0, 1, value="digits:99999999"),
    "unknown field": _set("extra", value=1),
    "format other": _set("format", value="other"),
    "not an object": lambda d: d.clear(),
    # lone surrogates
    "surrogate in a value": ("email", "\\ud800"),
    "surrogate in a key": _set("log", 1, "params", 0, 0, value="\ud800"),
    "surrogate in origin": _set("log", 0, "origin", value="\udfff"),
    # redo entries
    "redo not a list": _set("redo", value={}),
    "redo entry malformed": _set("redo", 0, value={"method": "POST"}),
    "redo entry that does not replay": _set(
        "redo", 0, value={"method": "POST", "path": "/v1/charges/ch_nope/capture", "params": []}
    ),
    "redo entry with a bad param": _set("redo", 0, "params", value=[["amount", "x"]]),
    # the log itself
    "log entry that does not replay": _set(
        "log", 1, value={"method": "POST", "path": "/v1/customers/cus_nope", "params": []}
    ),
    "clock off by one": lambda d: d.__setitem__("now", d["now"] + 1),
}


def _text_for(sb: Sandbox, damage: Any) -> str:
    if isinstance(damage, str):  # the seed's JSON replaced as text
        data = _damage(sb, lambda d: None)
        return json.dumps(data).replace(f'"seed": {sb.seed}', f'"seed": {damage}', 1)
    if isinstance(damage, tuple):
        field, raw = damage
        data = _damage(sb, lambda d: None)
        if field == "email":
            return json.dumps(data).replace("jenny@example.com", "jenny" + raw, 1)
        text = json.dumps(data)
        old = f'"{field}": {json.dumps(data[field])}'
        assert old in text
        return text.replace(old, f'"{field}": {raw}', 1)
    return json.dumps(_damage(sb, damage))


@pytest.mark.parametrize("name", list(CORPUS))
def test_damaged_fields_are_a_session_error_with_a_message(
    saved: tuple[Sandbox, Path], name: str
) -> None:
    sb, path = saved
    path.write_text(_text_for(sb, CORPUS[name]), encoding="utf-8")
    message = _refused(path)
    assert "damaged" in message or "not a Chargeable" in message or "version" in message, message


def test_the_corpus_files_are_refused_with_their_checksum_too(
    saved: tuple[Sandbox, Path],
) -> None:
    """Damage to a file Chargeable wrote (checksum kept) is caught by the checksum."""
    sb, path = saved
    data = json.loads(path.read_text())
    data["log"][1]["params"][0][1] = "mallory@example.com"
    path.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False))
    assert "checksum" in _refused(path)


def test_files_without_a_checksum_still_load(saved: tuple[Sandbox, Path]) -> None:
    """Sessions written before the checksum existed, or tidied by hand, load as before."""
    sb, path = saved
    path.write_text(json.dumps(_damage(sb, lambda d: None), indent=2))
    loaded = session.load(path)
    assert loaded.state_snapshot() == sb.state_snapshot()
    assert loaded.can_redo and loaded.redo()


def test_a_lone_surrogate_never_enters_a_session(tmp_path: Path) -> None:
    sb = Sandbox(check_keys=False)
    response = sb.request("POST", "/v1/customers", {"email": "a\ud800@example.com"})
    assert response.status == 400 and response.body["error"]["param"] == "email"
    assert not sb.log
    session.save(sb, tmp_path / NAME)  # and saving still works


def test_chargeable_serve_refuses_a_damaged_session_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / NAME
    path.write_text("[" * 100_000 + "]" * 100_000)
    done = subprocess.run(
        [sys.executable, "-m", "gui.cli.serve", "--port", "0", "--session", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert f"{NAME} is damaged: it is nested far too deeply" in done.stderr


# --- idempotent retries after replays ----------------------------------------------------


def test_a_retry_after_undo_reload_and_replay_returns_the_original(tmp_path: Path) -> None:
    sb = Sandbox(seed=2, check_keys=False)
    first = ok(sb.request("POST", "/v1/sources", CARD_SOURCE, IDEM))
    customer(sb)
    assert sb.undo()  # the log is replayed from its redacted entries
    again = sb.request("POST", "/v1/sources", CARD_SOURCE, IDEM)
    assert (again.status, again.body, again.accepted) == (200, first, False)

    session.save(sb, tmp_path / NAME)
    assert "4242424242424242" not in (tmp_path / NAME).read_text()
    assert '"123"' not in (tmp_path / NAME).read_text()  # the CVC is not kept either
    loaded = session.load(tmp_path / NAME)
    after_reload = loaded.request("POST", "/v1/sources", CARD_SOURCE, IDEM)
    assert (after_reload.status, after_reload.body, after_reload.accepted) == (200, first, False)
    # a different request under the same key is still refused
    other = loaded.request("POST", "/v1/sources", {**CARD_SOURCE, "card[cvc]": "999"}, IDEM)
    assert other.status == 400 and other.body["error"]["type"] == "idempotency_error"


def test_the_fingerprint_kept_is_a_hash_not_the_secret(tmp_path: Path) -> None:
    sb = Sandbox(seed=2, check_keys=False)
    ok(sb.request("POST", "/v1/tokens", card("4242424242424242", "123"), IDEM))
    entry = sb.log[0].to_json()
    assert len(entry["fingerprint"]) == 32 and int(entry["fingerprint"], 16) >= 0
    text = json.dumps(entry)
    assert "4242424242424242" not in text and "123" not in text.replace(entry["fingerprint"], "")


# --- stale temporary files -----------------------------------------------------------------


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_save_removes_temp_files_a_killed_save_left(tmp_path: Path) -> None:
    target = tmp_path / NAME
    dead = _dead_pid()
    stale = [tmp_path / f".{NAME}.{dead}-abc123.tmp", tmp_path / f".{NAME}.old_naming1.tmp"]
    for path in stale:
        path.write_bytes(b"x" * 1000)
    old = time.time() - 3600
    os.utime(stale[1], (old, old))
    live = tmp_path / f".{NAME}.{os.getppid()}-live01.tmp"  # a running process's: kept
    live.write_bytes(b"y")
    recent = tmp_path / f".{NAME}.recent01.tmp"  # no pid, just written: kept
    recent.write_bytes(b"z")
    others = [tmp_path / ".other.json.123-abc.tmp", tmp_path / "notes.tmp"]  # not ours
    for path in others:
        path.write_bytes(b"o")
    session.save(Sandbox(check_keys=False), target)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([NAME, live.name, recent.name, *(p.name for p in others)])


def test_remove_stale_temps_at_start_counts_what_it_removed(tmp_path: Path) -> None:
    dead = _dead_pid()
    for index in range(3):
        (tmp_path / f".{NAME}.{dead}-x{index}.tmp").write_bytes(b"x")
    assert session.remove_stale_temps(tmp_path / NAME) == 3
    assert list(tmp_path.iterdir()) == []
    assert session.remove_stale_temps(tmp_path / "missing" / NAME) == 0  # never raises
