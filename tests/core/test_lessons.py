"""Lessons: every built-in lesson agrees with the core; wrong ones fail; bad files are refused."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from core.api import Sandbox
from core.lessons.loader import builtin_paths, find_lesson, load_lesson, parse_lesson
from core.lessons.runner import LessonRun, run_lesson
from core.lessons.schema import ABSENT, LessonError

BUILTIN = builtin_paths()
# the user-facing reference, numbered like the research reference it was written from
REFERENCE = Path(__file__).resolve().parents[2] / "docs" / "reference.md"
#: The sections a lesson cites are those of the reference it names (``reference``), or of
#: the one a step names ("stripe-domain §6.3"): both user-facing references, in docs/.
REFERENCES = {
    "stripe-domain": REFERENCE,
    "intents": REFERENCE.with_name("reference-intents.md"),
}
GLOSSES = {
    "pending": "保留中",
    "chargeable": "請求可能",
    "consumed": "消費した",
    "failed": "失敗",
    "canceled": "キャンセル",
    "reusable": "再利用可能",
    "single_use": "使い捨て",
}
KANA_OR_KANJI = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _raw(name: str) -> dict[str, Any]:
    path = next(p for p in BUILTIN if p.stem.endswith(name))
    return json.loads(path.read_text(encoding="utf-8"))


def test_there_are_at_least_twelve_builtin_lessons() -> None:
    assert len(BUILTIN) >= 12


@pytest.mark.parametrize("path", BUILTIN, ids=[p.stem for p in BUILTIN])
def test_every_builtin_lesson_passes_headless(path: Path) -> None:
    lesson = load_lesson(path)
    transcript = run_lesson(lesson)
    assert transcript.ok, transcript.to_text()
    assert len(transcript.results) == len(lesson.steps)
    # every step checked something
    assert all(result.checks for result in transcript.results)


@pytest.mark.parametrize("path", BUILTIN, ids=[p.stem for p in BUILTIN])
def test_every_builtin_lesson_cites_the_reference_and_speaks_japanese(path: Path) -> None:
    lesson = load_lesson(path)
    assert lesson.references
    headings = {
        name: set(re.findall(r"^#{2,3} (\d+(?:\.\d+)?)\.? ", path.read_text("utf-8"), re.M))
        for name, path in REFERENCES.items()
    }
    for step in lesson.steps:
        assert step.cite, f"{lesson.name}: a step cites no §"
        for section in [*lesson.references, *step.cite]:
            reference, number = lesson.cited(section)
            assert number in headings[reference], f"{lesson.name}: {section} is not a section"
        ja = step.narration.ja
        assert KANA_OR_KANJI.search(ja), f"{lesson.name}: narration.ja is not Japanese: {ja}"
        unquoted = re.sub(r"「[^」]*」", "", ja)  # Stripe's own messages stay as they are
        for status, gloss in GLOSSES.items():
            if re.search(rf"(?<![\w.]){status}(?![\w.])", unquoted):
                assert gloss in ja, f"{lesson.name}: {status} without its gloss {gloss}: {ja}"


def test_builtin_lessons_are_found_by_name_number_or_path() -> None:
    full = find_lesson("01-token-charged-twice")
    assert find_lesson("token-charged-twice") == full
    assert find_lesson("01") == full
    assert find_lesson(str(BUILTIN[0])) == full


def test_the_required_topics_are_covered() -> None:
    text = json.dumps([_raw(p.stem[3:]) for p in BUILTIN], ensure_ascii=False)
    for must in (
        "token_already_used",
        "generic_decline",
        "default_source",
        "consumed",
        "customer.source.deleted",
        "source.canceled",
        "source.failed",
        "receive_funds",
        "Invalid usage",
        "No such token",
        "4000000000000341",
        "invalid_source_usage",
    ):
        assert must in text, must


# --- a lesson that disagrees with the core fails ------------------------------------


def test_a_wrong_expectation_fails_and_says_what_differed() -> None:
    data = copy.deepcopy(_raw("token-charged-twice"))
    # the myth: "the second charge of a token just works"
    data["steps"][2]["expect"] = {"http": 200, "error_code": None, "events": ["charge.succeeded"]}
    lesson = parse_lesson(data, "wrong-copy")
    transcript = run_lesson(lesson)
    assert not transcript.ok
    failed = transcript.failed_steps
    assert [r.index for r in failed] == [2]
    what = {c.what: (c.expected, c.actual) for c in failed[0].failures}
    assert what["http"] == (200, 400)
    assert what["events"] == (["charge.succeeded"], [])
    text = transcript.to_text()
    assert "[FAIL] http = 400 (expected 200)" in text
    assert text.rstrip().endswith("FAILED: 4/5 steps as expected")


def test_a_wrong_object_status_fails() -> None:
    data = copy.deepcopy(_raw("reusable-source-without-customer"))
    data["steps"][1]["expect"]["objects"]["{source}"]["status"] = "chargeable"  # the myth
    transcript = run_lesson(parse_lesson(data, "wrong-status"))
    assert not transcript.ok
    (check,) = transcript.failed_steps[0].failures
    assert check.what.endswith(".status")
    assert (check.expected, check.actual) == ("chargeable", "consumed")


def test_an_absent_field_is_checked_as_absent() -> None:
    data = copy.deepcopy(_raw("reusable-source-without-customer"))
    data["steps"][1]["expect"]["objects"]["{source}"]["customer"] = "cus_nobody"
    (check,) = run_lesson(parse_lesson(data, "x")).failed_steps[0].failures
    assert check.actual == ABSENT


def test_save_as_on_a_refused_request_is_a_failed_check() -> None:
    data = copy.deepcopy(_raw("token-charged-twice"))
    data["steps"][2]["save_as"] = "nothing"
    transcript = run_lesson(parse_lesson(data, "x"))
    assert [r.index for r in transcript.failed_steps] == [2]


# --- stepping back replays the log's prefix -------------------------------------------


def test_back_and_restart_rebuild_the_same_state() -> None:
    lesson = find_lesson("detach-consumes")
    sandbox = Sandbox(seed=lesson.seed, check_keys=False)
    run = LessonRun(lesson, sandbox)
    snapshots = [sandbox.state_snapshot()]
    while run.forward() is not None:
        snapshots.append(sandbox.state_snapshot())
    assert run.at_end and run.transcript().ok
    for position in range(len(lesson.steps) - 1, -1, -1):
        assert run.back()
        assert run.position == position
        assert sandbox.state_snapshot() == snapshots[position]
    assert not run.back()
    run.go_to(5)
    assert sandbox.state_snapshot() == snapshots[5]
    # the same sandbox object is rebuilt in place: subscribers keep working
    run.restart()
    assert sandbox.state_snapshot() == snapshots[0] and run.at_start
    replayed = run.play_all()
    assert replayed.ok and sandbox.state_snapshot() == snapshots[-1]


def test_back_keeps_what_was_in_the_sandbox_before_the_lesson() -> None:
    sandbox = Sandbox(seed=3, check_keys=False)
    sandbox.request("POST", "/v1/customers", {"email": "before@example.com"})
    before = sandbox.object_ids()
    run = LessonRun(find_lesson("token-charged-twice"), sandbox)
    run.forward()
    run.forward()
    run.restart()
    assert sandbox.object_ids() == before


def test_each_step_reports_the_object_it_touches_and_its_graph() -> None:
    run = LessonRun(find_lesson("single-use-source-consumed"))
    results = [run.forward() for _ in range(3)]
    source_id = run.bindings["source"]
    assert [r.touched for r in results if r] == [source_id] * 3
    last = results[-1]
    assert last is not None and last.graph is not None
    assert last.graph.current is not None and last.graph.current.id == "consumed"


def test_requests_carry_the_lesson_origin() -> None:
    sandbox = Sandbox(seed=0, check_keys=False)
    seen: list[str] = []
    sandbox.subscribe(lambda change: seen.append(change.origin))
    LessonRun(find_lesson("01"), sandbox).forward()
    assert seen == ["lesson"]


# --- loading: bad files are refused clearly ---------------------------------------------


def _minimal() -> dict[str, Any]:
    return {
        "title": {"en": "T", "ja": "題"},
        "goal": {"en": "G", "ja": "目的"},
        "references": ["§6.3"],
        "steps": [
            {
                "narration": {"en": "n", "ja": "説明"},
                "cite": ["§6.3"],
                "request": {
                    "method": "POST",
                    "path": "/v1/tokens",
                    "params": {
                        "card[number]": "4242424242424242",
                        "card[exp_month]": 12,
                        "card[exp_year]": 2034,
                    },
                },
                "save_as": "token",
                "expect": {"http": 200},
            }
        ],
    }


def test_a_minimal_lesson_loads_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "My Lesson.json"
    path.write_text(json.dumps(_minimal()), encoding="utf-8")
    lesson = load_lesson(path)
    assert lesson.name == "my-lesson"
    assert run_lesson(lesson).ok


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("title"), "title: Field required"),
        (lambda d: d["goal"].pop("ja"), "goal.ja: Field required"),
        (lambda d: d.update(references=["6.3"]), "references[0]: String should match"),
        (lambda d: d.update(steps=[]), "steps: List should have at least 1 item"),
        (
            lambda d: d["steps"][0].update(helper={"action": "advance_clock", "seconds": 5}),
            "steps[1]: Value error, a step needs exactly one of 'request' or 'helper'".replace(
                "Value error, ", ""
            ),
        ),
        (lambda d: d["steps"][0].update(expect={}), "steps[1]: 'expect' is empty"),
        (lambda d: d["steps"][0].update(colour="red"), "steps[1].colour: Extra inputs"),
        (
            lambda d: d["steps"][0]["request"].update(method="PATCH"),
            "steps[1].request.method: Input should be 'GET', 'POST' or 'DELETE'",
        ),
        (
            lambda d: d["steps"][0]["request"].update(path="/v1/charges/{charge}"),
            "step 1: {charge} is used before an earlier step saves it",
        ),
        (
            lambda d: d["steps"][0]["expect"].update(objects={"{card}": {"used": False}}),
            "step 1: the expectation uses {card}, which no step saves",
        ),
        (
            lambda d: d["steps"].append(
                {
                    "narration": {"en": "x", "ja": "エ"},
                    "expect": {"http": 1},
                    "helper": {"action": "fail"},
                }
            ),
            "steps[2]",
        ),
        (
            lambda d: d["steps"].append(
                {
                    "narration": {"en": "x", "ja": "エ"},
                    "expect": {"http": 200},
                    "helper": {"action": "authorize"},
                }
            ),
            "authorize needs 'source'",
        ),
    ],
)
def test_bad_lessons_are_refused_with_where_and_why(mutate: Any, message: str) -> None:
    data = _minimal()
    mutate(data)
    with pytest.raises(LessonError) as info:
        parse_lesson(data, "bad", "bad.json")
    text = str(info.value)
    assert text.startswith("bad.json is not a valid lesson:")
    assert message in text, text
    assert "Traceback" not in text and "pydantic" not in text.lower()


def test_unreadable_and_non_json_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(LessonError, match="no such file"):
        load_lesson(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text('{"title": ', encoding="utf-8")
    with pytest.raises(LessonError, match=r"not valid JSON \(line 1, column 11"):
        load_lesson(broken)
    listed = tmp_path / "list.json"
    listed.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(LessonError, match="must be a JSON object, not list"):
        load_lesson(listed)
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(LessonError, match="cannot read"):
        load_lesson(binary)


def test_an_unknown_name_is_a_clear_error() -> None:
    with pytest.raises(LessonError, match="no built-in lesson named 'nope'"):
        find_lesson("nope")
