"""What a played lesson did: one :class:`StepResult` per step (the request, the core's
answer, every expectation as a :class:`Check`), the :class:`Transcript` of a whole
lesson and its plain-text form in English or Japanese."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from core.graph.model import GraphModel
from core.lessons.schema import ABSENT, Lesson, Step


@dataclass(frozen=True, slots=True)
class Check:
    """One expectation compared with what the core did."""

    what: str
    expected: Any
    actual: Any

    @property
    def ok(self) -> bool:
        return bool(self.expected == self.actual)

    def describe(self) -> str:
        mark = "ok" if self.ok else "FAIL"
        text = f"[{mark}] {self.what} = {show_value(self.actual)}"
        if not self.ok:
            text += f" (expected {show_value(self.expected)})"
        return text


def show_value(value: Any) -> str:
    if isinstance(value, str) and value != ABSENT:
        return json.dumps(value, ensure_ascii=False)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


@dataclass(slots=True)
class StepResult:
    """What one step did.

    Attributes:
        index: 0-based step number.
        step: the lesson's step.
        method, path, params: the request as sent (placeholders filled).
        status, body: the core's response.
        events: the event types the step fired.
        checks: every expectation with the actual value.
        touched: the id of the object the step is about (for the selection), or None.
        bindings: the placeholder values after the step.
        log_length: ``len(sandbox.log)`` after the step (a step back replays up to here).
        graph: the touched object's lifecycle graph after the step, if it has one.
        refused_length: ``len(sandbox.refused)`` after the step (a step back keeps these).
    """

    index: int
    step: Step
    method: str
    path: str
    params: list[tuple[str, str]]
    status: int
    body: dict[str, Any]
    events: list[str]
    checks: list[Check]
    touched: str | None
    bindings: dict[str, str]
    log_length: int
    graph: GraphModel | None = None
    refused_length: int = 0

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    @property
    def failures(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]

    def request_line(self) -> str:
        shown = " ".join(f"{k}={v}" for k, v in self.params)
        return f"{self.method} {self.path}" + (f"  {shown}" if shown else "")

    def outcome_line(self) -> str:
        error = self.body.get("error") if isinstance(self.body, dict) else None
        if isinstance(error, dict):
            bits = [str(error.get(k)) for k in ("type", "code", "decline_code") if error.get(k)]
            return f"{self.status} {' / '.join(bits)}: {error.get('message', '')}"
        obj, oid = self.body.get("object", ""), self.body.get("id", "")
        state = self.body.get("status")
        if "used" in self.body:
            state = f"used={show_value(self.body['used'])}"
        return " ".join(str(x) for x in (self.status, obj, oid, state or "") if x != "")


@dataclass(slots=True)
class Transcript:
    """A lesson played through: one :class:`StepResult` per step played."""

    lesson: Lesson
    results: list[StepResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return len(self.results) == len(self.lesson.steps) and all(r.ok for r in self.results)

    @property
    def failed_steps(self) -> list[StepResult]:
        return [r for r in self.results if not r.ok]

    def to_text(self, lang: str = "en") -> str:
        return format_transcript(self, lang)

    def to_json(self) -> dict[str, Any]:
        return {
            "lesson": self.lesson.name,
            "ok": self.ok,
            "steps": [
                {
                    "step": r.index + 1,
                    "ok": r.ok,
                    "request": [r.method, r.path, [list(p) for p in r.params]],
                    "status": r.status,
                    "events": r.events,
                    "touched": r.touched,
                    "checks": [
                        {"what": c.what, "expected": c.expected, "actual": c.actual, "ok": c.ok}
                        for c in r.checks
                    ],
                }
                for r in self.results
            ],
        }


LABELS = {
    "en": {
        "lesson": "Lesson",
        "goal": "Goal",
        "refs": "Reference",
        "step": "Step",
        "passed": "PASSED",
        "failed": "FAILED",
        "steps_ok": "{ok}/{n} steps as expected",
    },
    "ja": {
        "lesson": "レッスン",
        "goal": "ねらい",
        "refs": "参照",
        "step": "手順",
        "passed": "合格",
        "failed": "不合格",
        "steps_ok": "{n} 手順中 {ok} 手順が期待どおり",
    },
}


def format_transcript(transcript: Transcript, lang: str = "en") -> str:
    labels = LABELS["ja" if lang == "ja" else "en"]
    lesson = transcript.lesson
    title, goal = lesson.text(lang)
    out = [
        f"{labels['lesson']} {lesson.name}: {title}",
        f"{labels['goal']}: {goal}",
        f"{labels['refs']}: {lesson.reference_file()} {', '.join(lesson.references)}",
        "",
    ]
    n = len(lesson.steps)
    for result in transcript.results:
        mark = "ok" if result.ok else "FAIL"
        cite = f"  ({', '.join(result.step.cite)})" if result.step.cite else ""
        out.append(f"{labels['step']} {result.index + 1}/{n} [{mark}]{cite}")
        out.append(f"  {result.step.narration.get(lang)}")
        out.append(f"  > {result.request_line()}")
        out.append(f"  < {result.outcome_line()}")
        if result.events:
            out.append(f"  events: {', '.join(result.events)}")
        for check in result.checks:
            out.append(f"    {check.describe()}")
        out.append("")
    ok = sum(1 for r in transcript.results if r.ok)
    verdict = labels["passed"] if transcript.ok else labels["failed"]
    out.append(f"{verdict}: {labels['steps_ok'].format(ok=ok, n=n)}")
    return "\n".join(out) + "\n"
