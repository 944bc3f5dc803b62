"""Keys, idempotency, change notification, history/replay and session files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from core_helpers import card, card_source, charge, customer, make_source, ok, token

from core import session
from core.api import Change, Sandbox

KEY = {"Authorization": "Bearer sk_test_123"}


# --- API keys ---------------------------------------------------------------------


def test_key_rules() -> None:
    sb = Sandbox()
    assert sb.request("GET", "/v1/charges").status == 401
    live = sb.request("GET", "/v1/charges", headers={"Authorization": "Bearer sk_live_abc"})
    assert live.status == 401 and "never accepts live keys" in live.body["error"]["message"]
    assert sb.request("GET", "/v1/charges", headers=KEY).status == 200
    assert (
        sb.request("GET", "/v1/charges", headers={"authorization": "Bearer nonsense_key"}).status
        == 401
    )
    import base64

    basic = "Basic " + base64.b64encode(b"sk_test_123:").decode()
    assert sb.request("GET", "/v1/charges", headers={"Authorization": basic}).status == 200
    pk = {"Authorization": "Bearer pk_test_123"}
    assert sb.request("POST", "/v1/tokens", card(), headers=pk).status == 200
    assert sb.request("GET", "/v1/charges", headers=pk).status == 401


def test_check_keys_off_changes_nothing_else() -> None:
    a, b = Sandbox(seed=3), Sandbox(seed=3, check_keys=False)
    for sb, headers in ((a, KEY), (b, None)):
        ok(sb.request("POST", "/v1/sources", {"type": "card", **card()}, headers=headers))
    assert a.state_snapshot() == b.state_snapshot()


# --- idempotency ------------------------------------------------------------------


def test_idempotency_same_key_same_params_same_response(sb: Sandbox) -> None:
    h = {"Idempotency-Key": "k1"}
    first = sb.request("POST", "/v1/customers", {"email": "a@b.co"}, headers=h)
    again = sb.request("POST", "/v1/customers", {"email": "a@b.co"}, headers=h)
    assert first.body == again.body and len(sb.object_ids("customer")) == 1
    other = sb.request("POST", "/v1/customers", {"email": "x@b.co"}, headers=h)
    assert other.status == 400 and other.body["error"]["type"] == "idempotency_error"
    assert len(sb.object_ids("customer")) == 1


def test_idempotent_decline_replays_the_same_error(sb: Sandbox) -> None:
    tok = token(sb, "4000000000000002")
    h = {"Idempotency-Key": "pay-1"}
    first = sb.request(
        "POST", "/v1/charges", {"source": tok, "amount": "1000", "currency": "usd"}, headers=h
    )
    again = sb.request(
        "POST", "/v1/charges", {"source": tok, "amount": "1000", "currency": "usd"}, headers=h
    )
    assert first.status == again.status == 402 and first.body == again.body
    assert len(sb.object_ids("charge")) == 1


def test_events_carry_the_idempotency_key(sb: Sandbox) -> None:
    sb.request(
        "POST", "/v1/sources", {"type": "card", **card()}, headers={"Idempotency-Key": "abc"}
    )
    assert sb.events[0]["request"]["idempotency_key"] == "abc"


# --- reading state, subscribe -------------------------------------------------------


def test_object_ids_get_kind_of(sb: Sandbox) -> None:
    src = card_source(sb)
    tok = token(sb)
    cus = customer(sb)
    assert sb.object_ids() == [src, tok, cus]
    assert sb.object_ids("token") == [tok]
    assert sb.kind_of(src) == "source" and sb.kind_of("nope") is None
    assert sb.get("nope") is None
    got = sb.get(src)
    assert got is not None
    got["status"] = "mutated"
    assert sb.get(src)["status"] == "chargeable"  # a fresh dict every time


def test_subscribe_reports_changes_and_rejections(sb: Sandbox) -> None:
    seen: list[Change] = []
    sb.subscribe(seen.append)
    sb.request("POST", "/v1/tokens", card("4242424242424242", "123"), origin="gui")
    src = card_source(sb)
    sb.request("POST", "/v1/charges", {"amount": "1"})
    assert len(seen) == 3
    assert seen[0].origin == "gui" and seen[0].response.status == 200
    assert ("card[number]", "************4242") in seen[0].request[2]
    assert ("card[cvc]", "***") in seen[0].request[2]
    assert src in seen[1].changed_ids
    assert [e["type"] for e in seen[1].events] == ["source.chargeable"]
    assert seen[2].response.status == 400 and seen[2].changed_ids == ()
    sb.undo()
    assert seen[-1].origin == "undo" and src in seen[-1].changed_ids
    sb.unsubscribe(seen.append)
    sb.redo()
    assert len(seen) == 4


def test_a_failing_subscriber_does_not_break_request(sb: Sandbox) -> None:
    def bad(change: Change) -> None:
        raise ValueError("gui bug")

    sb.subscribe(bad)
    assert ok(sb.request("POST", "/v1/customers"))
    assert sb.subscriber_errors


def test_events_list_filters_and_pages(sb: Sandbox) -> None:
    card_source(sb)
    cus = customer(sb)
    ok(sb.request("POST", f"/v1/customers/{cus}/sources", {"source": token(sb)}))
    every = ok(sb.request("GET", "/v1/events"))["data"]
    assert [e["type"] for e in every] == [
        "customer.updated",
        "customer.source.created",
        "customer.created",
        "source.chargeable",
    ]
    only = ok(sb.request("GET", "/v1/events", {"type": "customer.*"}))["data"]
    assert len(only) == 3
    page = ok(sb.request("GET", "/v1/events", {"limit": "1", "starting_after": every[0]["id"]}))
    assert page["data"][0]["id"] == every[1]["id"] and page["has_more"]
    assert ok(sb.request("GET", f"/v1/events/{every[-1]['id']}"))["type"] == "source.chargeable"
    assert sb.events[0]["id"] == every[-1]["id"] and len(sb.events) == 4


# --- history --------------------------------------------------------------------------


def _busy(sb: Sandbox) -> None:
    src = card_source(sb, cvc="123")
    cus = ok(sb.request("POST", "/v1/customers", {"source": src}))["id"]
    ok(charge(sb, customer=cus))
    ok(charge(sb, source=token(sb, "5555555555554444", "123"), capture="false"))
    sb.request(
        "POST",
        "/v1/charges",
        {"source": token(sb, "4000000000000002"), "amount": "700", "currency": "usd"},
    )
    ideal = make_source(sb, "ideal")["id"]
    ok(sb.request("POST", f"/v1/test_helpers/sources/{ideal}/authorize"))
    make_source(sb, "multibanco")
    ok(sb.request("POST", "/v1/test_helpers/advance_clock", {"seconds": "7200"}))
    sb.request("POST", "/v1/charges", {"amount": "bad"})  # rejected: not logged


def test_replay_of_every_prefix_equals_the_live_state() -> None:
    live = Sandbox(seed=11, check_keys=False)
    snapshots = [live.state_snapshot()]
    original_request = live.request

    def recording(*args: Any, **kwargs: Any) -> Any:
        resp = original_request(*args, **kwargs)
        if resp.accepted:
            snapshots.append(live.state_snapshot())
        return resp

    live.request = recording  # type: ignore[method-assign]
    _busy(live)
    assert len(snapshots) == len(live.log) + 1
    for n in range(len(live.log) + 1):
        assert Sandbox.replay(11, live.log[:n]).state_snapshot() == snapshots[n]


def test_undo_redo(sb: Sandbox) -> None:
    _busy(sb)
    full = sb.state_snapshot()
    n = len(sb.log)
    assert sb.undo() and sb.undo()
    assert len(sb.log) == n - 2 and sb.can_redo
    assert sb.state_snapshot() == Sandbox.replay(sb.seed, sb.log).state_snapshot()
    assert sb.redo() and sb.redo() and not sb.redo()
    assert sb.state_snapshot() == full
    sb.undo()
    ok(sb.request("POST", "/v1/customers"))
    assert not sb.can_redo  # a new request clears the redo stack
    while sb.undo():
        pass
    assert sb.object_ids() == [] and not sb.can_undo


def test_log_never_holds_a_card_number(sb: Sandbox) -> None:
    _busy(sb)
    text = json.dumps([e.to_json() for e in sb.log]) + json.dumps(sb.state_snapshot())
    for number in ("4242424242424242", "5555555555554444", "4000000000000002"):
        assert number not in text
    assert "************4242" in text


# --- sessions -------------------------------------------------------------------------


def test_session_round_trip(sb: Sandbox, tmp_path: Path) -> None:
    _busy(sb)
    sb.undo()
    path = tmp_path / "s.chargeable.json"
    session.save(sb, path)
    assert "4242424242424242" not in path.read_text()
    loaded = session.load(path)
    assert loaded.state_snapshot() == sb.state_snapshot()
    assert loaded.can_redo and loaded.redo()
    assert [p.name for p in tmp_path.iterdir()] == ["s.chargeable.json"]  # no temp left


@pytest.mark.parametrize(
    "damage", ["truncate", "junk", "version", "not_session", "bad_entry", "unreplayable", "clock"]
)
def test_session_refuses_damaged_files(sb: Sandbox, tmp_path: Path, damage: str) -> None:
    _busy(sb)
    path = tmp_path / "s.json"
    session.save(sb, path)
    text = path.read_text()
    data = json.loads(text)
    if damage == "truncate":
        text = text[: len(text) // 2]
    elif damage == "junk":
        text = "\x00\x01garbage"
    else:
        if damage == "version":
            data["version"] = 99
        elif damage == "not_session":
            data = [1, 2, 3]
        elif damage == "bad_entry":
            data["log"][0] = {"method": "POST"}
        elif damage == "unreplayable":
            data["log"].insert(0, {"method": "POST", "path": "/v1/charges", "params": []})
        elif damage == "clock":
            data["now"] += 1
        text = json.dumps(data)
    path.write_text(text)
    with pytest.raises(session.SessionError) as info:
        session.load(path)
    assert str(info.value)


def test_session_refuses_big_files(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as handle:
        handle.truncate(session.MAX_BYTES + 1)
    with pytest.raises(session.SessionError, match="50 MB"):
        session.load(path)


def test_failed_save_leaves_the_old_file(
    sb: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.json"
    session.save(sb, path)
    old = path.read_text()
    customer(sb)

    def broken(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("core.session.os.replace", broken)
    with pytest.raises(session.SessionError, match="No space"):
        session.save(sb, path)
    assert path.read_text() == old
    assert [p.name for p in tmp_path.iterdir()] == ["s.json"]


def test_fast_dump_equals_the_validated_dump(monkeypatch: pytest.MonkeyPatch) -> None:
    # core.wire.emit.STRICT=False (benchmarks) must emit exactly what the models emit
    from core.wire import emit

    strict = Sandbox(seed=5, check_keys=False)
    _busy(strict)
    expected = strict.state_snapshot()
    monkeypatch.setattr(emit, "STRICT", False)
    fast = Sandbox(seed=5, check_keys=False)
    _busy(fast)
    got = fast.state_snapshot()
    assert got == expected
    assert json.dumps(got) == json.dumps(expected)  # same key order too
