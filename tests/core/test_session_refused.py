"""Sessions keep refused requests: in order, with status and Stripe's error; replay ignores them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from core_helpers import charge, customer, ok, token

from core import session
from core.api import Sandbox
from core.history import MAX_REFUSED, Refusal


def _prepared(sb: Sandbox) -> str:
    """A teacher's session: a token used once, then used again (refused), then more."""
    tok = token(sb)
    ok(charge(sb, source=tok))
    # §5.2 / §6.3: a token is single use; the second charge is refused with token_already_used
    again = charge(sb, source=tok)
    assert again.status == 400 and again.body["error"]["code"] == "token_already_used"
    missing = sb.request("GET", "/v1/customers/cus_doesnotexist00")
    assert missing.status == 404
    customer(sb, email="after@example.com")
    bad = sb.request("POST", "/v1/charges", {"amount": "ten", "currency": "usd"}, origin="lesson")
    assert bad.status == 400
    return tok


def test_a_refused_request_is_kept_in_its_place_and_changes_nothing(sb: Sandbox) -> None:
    before = sb.state_snapshot(), sb.revision, len(sb.log)
    response = sb.request("POST", "/v1/charges", {"amount": "ten"})
    assert response.status == 400
    assert (sb.state_snapshot(), sb.revision, len(sb.log)) == before  # nothing changed
    (kept,) = sb.refused
    assert (kept.method, kept.path, kept.status, kept.after) == ("POST", "/v1/charges", 400, 0)
    assert kept.error_json()["type"] == "invalid_request_error"
    assert kept.error_json()["message"] == response.body["error"]["message"]
    assert sb.session_revision == sb.revision + 1  # a session has something new to save


def test_session_round_trip_keeps_refused_requests(sb: Sandbox, tmp_path: Path) -> None:
    tok = _prepared(sb)
    path = tmp_path / "class.chargeable.json"
    session.save(sb, path)
    loaded = session.load(path)
    assert loaded.state_snapshot() == sb.state_snapshot()  # replay is unaffected
    assert loaded.refused == sb.refused
    shown = [(r.method, r.path, r.status, r.after, r.origin) for r in loaded.refused]
    assert shown == [
        ("POST", "/v1/charges", 400, 2, "api"),
        ("GET", "/v1/customers/cus_doesnotexist00", 404, 2, "api"),
        ("POST", "/v1/charges", 400, 3, "lesson"),
    ]
    used = loaded.refused[0]
    assert used.error_json()["code"] == "token_already_used"
    assert ("source", tok) in used.params
    assert "more than once" in used.error_json()["message"]
    # the events before each refusal are those of the accepted requests before it
    assert loaded.events_before(2) == sb.events_before(2) < len(loaded.events)
    # the next request gets the id it would have got without the save (ids unchanged)
    assert customer(loaded) == customer(sb)


def test_a_saved_refusal_never_holds_a_card_number(sb: Sandbox, tmp_path: Path) -> None:
    # §10: a live card number is refused in test mode; the session must not keep it
    response = sb.request("POST", "/v1/tokens", {"card[number]": "4111111111111111"})
    assert response.status >= 400
    live = sb.request(
        "POST",
        "/v1/tokens",
        {"card[number]": "5105105105105100", "card[exp_month]": "1", "card[exp_year]": "2000"},
    )
    assert live.status >= 400 and len(sb.refused) == 2
    path = tmp_path / "s.chargeable.json"
    session.save(sb, path)
    text = path.read_text()
    assert "4111111111111111" not in text and "5105105105105100" not in text
    assert "************1111" in text


def test_a_version_1_session_still_opens(sb: Sandbox, tmp_path: Path) -> None:
    token(sb)
    data = session.to_json(sb)
    data["version"] = 1
    del data["refused"]
    path = tmp_path / "old.chargeable.json"
    path.write_text(json.dumps(data))
    loaded = session.load(path)
    assert loaded.state_snapshot() == sb.state_snapshot() and loaded.refused == ()
    data["refused"] = []  # version 1 never had refused requests
    path.write_text(json.dumps(data))
    with pytest.raises(session.SessionError, match="refused"):
        session.load(path)


@pytest.mark.parametrize(
    "damage",
    [
        {"status": 200},
        {"status": "400"},
        {"after": 99},
        {"after": -1},
        {"error": {"message": 3}},
        {"params": [["a"]]},
        {"method": ""},
    ],
)
def test_damaged_refusals_are_refused(
    sb: Sandbox, tmp_path: Path, damage: dict[str, object]
) -> None:
    _prepared(sb)
    data = session.to_json(sb)
    data["refused"][0].update(damage)
    path = tmp_path / "s.chargeable.json"
    path.write_text(json.dumps(data))
    with pytest.raises(session.SessionError, match="refused request|out of place"):
        session.load(path)


def test_refusals_out_of_order_are_damage(sb: Sandbox) -> None:
    _prepared(sb)
    data = session.to_json(sb)
    data["refused"].reverse()
    with pytest.raises(session.SessionError, match="out of place"):
        session.from_json(data)


def test_undo_keeps_refusals_and_a_new_branch_drops_the_undone_ones(sb: Sandbox) -> None:
    tok = token(sb)
    charge(sb, amount="ten")  # refused after 1 accepted request
    ok(charge(sb, source=tok))
    charge(sb, source=tok)  # refused after 2
    assert [r.after for r in sb.refused] == [1, 2]
    assert sb.undo()
    assert [r.after for r in sb.refused] == [1, 2]  # kept while the charge can be redone
    assert sb.redo() and sb.undo()
    customer(sb)  # a new request: the undone branch (and what was refused in it) goes
    assert [r.after for r in sb.refused] == [1]


def test_a_lesson_stepped_back_keeps_the_refusals_of_its_kept_steps(sb: Sandbox) -> None:
    tok = token(sb)
    charge(sb, amount="ten")
    log, refused = sb.log, sb.refused
    ok(charge(sb, source=tok))
    charge(sb, source=tok)
    sb.rebuild(log, refused=refused)
    assert sb.refused == refused and len(sb.log) == 1
    sb.rebuild(log)  # by default: the refusals sent before the last entry kept
    assert sb.refused == ()


def test_the_sandbox_keeps_the_latest_refusals_only() -> None:
    sb = Sandbox(check_keys=False)
    for _ in range(MAX_REFUSED + 5):
        sb.request("GET", "/v1/charges/ch_missing0000000")
    assert len(sb.refused) == MAX_REFUSED
    assert sb.session_revision == sb.revision + MAX_REFUSED + 5


def test_refusal_json_round_trip() -> None:
    refusal = Refusal.of(
        "POST",
        "/v1/charges",
        [("amount", "x"), ("card[cvc]", "123")],
        400,
        {
            "error": {
                "type": "invalid_request_error",
                "param": "amount",
                "payment_intent": {"id": "pi_1"},
            }
        },
        "gui",
        0,
    )
    assert ("card[cvc]", "***") in refusal.params
    assert refusal.error_json() == {
        "type": "invalid_request_error",
        "param": "amount",
        "payment_intent": "pi_1",
    }
    assert Refusal.from_json(json.loads(json.dumps(refusal.to_json()))) == refusal


def test_a_refusal_with_a_lone_surrogate_is_kept_as_text(sb: Sandbox, tmp_path: Path) -> None:
    response = sb.request("POST", "/v1/customers", {"email": "a\ud800@example.com"})
    assert response.status == 400
    session.save(sb, tmp_path / "s.chargeable.json")
    (kept,) = session.load(tmp_path / "s.chargeable.json").refused
    assert ("email", "a?@example.com") in kept.params


def test_a_lesson_step_back_keeps_the_refusals_of_the_steps_still_done() -> None:
    from core.lessons.loader import find_lesson
    from core.lessons.runner import LessonRun

    sandbox = Sandbox(seed=3, check_keys=False)
    run = LessonRun(find_lesson("token-charged-twice"), sandbox)
    for _ in range(4):  # the third step charges the used token again: refused (§6.3)
        run.forward()
    assert [r.status for r in sandbox.refused] == [400]
    assert run.back()  # the fourth step goes; the third step's refusal stays
    assert [r.status for r in sandbox.refused] == [400]
    assert run.back()  # the refused step itself goes, and its refusal with it
    assert sandbox.refused == ()
    run.forward()  # sent again: one refusal, not two
    assert len(sandbox.refused) == 1
