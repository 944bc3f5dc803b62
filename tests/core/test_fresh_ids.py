"""Ids after undo: new requests get fresh ids, never an undone object's (Stripe never
reuses ids), while a replay of the log, a reopened session, a redo and a lesson
stepped back and forward again still give the same ids."""

from __future__ import annotations

from pathlib import Path

from core_helpers import customer, ok

from core import session
from core.api import Sandbox


def test_a_request_after_undo_gets_a_fresh_id() -> None:
    sb = Sandbox(seed=1, check_keys=False)
    first = customer(sb)
    undone = customer(sb)
    undone_event = sb.events[-1]["id"]
    assert sb.undo()
    fresh = customer(sb)
    assert fresh not in (first, undone)
    assert sb.events[-1]["id"] != undone_event  # its customer.created event too
    assert sb.object_ids("customer") == [first, fresh]


def test_a_replay_of_the_log_gives_the_same_ids() -> None:
    sb = Sandbox(seed=1, check_keys=False)
    customer(sb)
    customer(sb)
    sb.undo()
    customer(sb)
    sb.undo()
    customer(sb)
    replayed = Sandbox.replay(1, sb.log, check_keys=False)
    assert replayed.state_snapshot() == sb.state_snapshot()


def test_redo_brings_the_undone_object_back_with_its_id() -> None:
    sb = Sandbox(seed=1, check_keys=False)
    undone = customer(sb)
    sb.undo()
    assert sb.redo() and sb.object_ids("customer") == [undone]


def test_a_reopened_session_keeps_ids_and_never_reuses_undone_ones(tmp_path: Path) -> None:
    sb = Sandbox(seed=1, check_keys=False)
    kept = customer(sb)
    undone = customer(sb)
    sb.undo()  # the redo stack holds the undone request
    path = tmp_path / "s.chargeable.json"
    session.save(sb, path)
    reopened = session.load(path)
    assert reopened.state_snapshot() == sb.state_snapshot()
    fresh = ok(reopened.request("POST", "/v1/customers", {}))["id"]
    assert fresh not in (kept, undone)
    assert fresh == customer(sb)  # the live sandbox would have given the same one


def test_a_log_entry_whose_ids_overlap_is_refused_on_load(tmp_path: Path) -> None:
    import json

    sb = Sandbox(seed=1, check_keys=False)
    customer(sb)
    customer(sb)
    path = tmp_path / "s.chargeable.json"
    data = json.loads(session.dumps(sb))
    del data["checksum"]
    data["log"][1]["ids_from"] = 0  # would make the first customer's id again
    path.write_text(json.dumps(data))
    try:
        session.load(path)
    except session.SessionError as exc:
        assert "damaged" in str(exc)
    else:
        raise AssertionError("an overlapping log was loaded")
