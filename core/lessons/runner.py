"""Guided lessons: a file format, a loader and a headless runner (pure Python, no Qt).

A lesson is a JSON file in ``resources/lessons/`` (or anywhere, given by
path). It has a title and a goal in English and Japanese, the § sections of
``reference/stripe-domain.md`` it teaches, and steps. Each step is one
sandbox request, or a helper action that becomes one (``advance_clock``,
``authorize``, ``fail``, ``receive_funds``), with its narration in both
languages and what the core must answer::

    {
      "title": {"en": "...", "ja": "..."},
      "goal": {"en": "...", "ja": "..."},
      "references": ["§6.3", "§5.2"],
      "steps": [
        {"narration": {"en": "...", "ja": "..."},
         "cite": ["§6.3"],
         "request": {"method": "POST", "path": "/v1/tokens",
                     "params": {"card[number]": "4242424242424242", ...}},
         "save_as": "token",
         "expect": {"http": 200, "objects": {"{token}": {"used": false}}, "events": []}},
        {"narration": {...},
         "request": {"method": "POST", "path": "/v1/charges",
                     "params": {"amount": 1000, "currency": "usd", "source": "{token}"}},
         "expect": {"http": 400, "error_code": "token_already_used"}}
      ]
    }

``{name}`` placeholders in paths, parameter values, ``touches`` and
expectations stand for ids saved by earlier steps: ``save_as`` binds the
response's ``id``; ``save`` binds any dotted path of the response body (e.g.
``{"card": "default_source"}`` or ``{"charge": "error.charge"}``). Loading
checks that every placeholder is bound before it is used.

Expectations (all optional; each one given is checked):

- ``http``: the HTTP status; ``error_type``, ``error_code``, ``decline_code``,
  ``error_param``: fields of Stripe's error envelope; ``message_contains``:
  words of ``error.message``.
- ``body``: dotted paths of the response body and their values.
- ``objects``: for an object id (or placeholder), dotted paths of its JSON
  *after* the step and their values (``"<absent>"``: the field is not there).
- ``events``: the exact list of event types the step fired, in order.

:func:`run_lesson` plays a lesson through a fresh ``Sandbox(seed=lesson.seed,
check_keys=False)`` and returns a :class:`Transcript` (per step: ok, or what
differed). :class:`LessonRun` plays step by step; its :meth:`LessonRun.back`
rebuilds the sandbox from a prefix of its action log (``Sandbox.rebuild``, the
core's replay), so a step back and undo cannot drift apart.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from core.api import Sandbox
from core.graph.model import GraphModel

FORMAT_VERSION = 1
LANGUAGES = ("en", "ja")
ABSENT = "<absent>"
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
BUILTIN_DIR = Path(__file__).resolve().parents[2] / "resources" / "lessons"

Identifier = Annotated[str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")]
Section = Annotated[str, StringConstraints(pattern=r"^§\d+(\.\d+)*$")]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
JSONScalar = str | int | float | bool | None
ParamValue = str | int | bool


class LessonError(Exception):
    """A lesson file that cannot be read or is not a valid lesson (a clear message)."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Model):
    """The same words in English and Japanese."""

    en: NonEmpty
    ja: NonEmpty

    def get(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


class Request(_Model):
    """One sandbox request; strings may hold ``{placeholders}``."""

    method: Literal["GET", "POST", "DELETE"]
    path: Annotated[str, StringConstraints(pattern=r"^/v1/")]
    params: dict[str, ParamValue] = Field(default_factory=dict)


class Helper(_Model):
    """A simulator helper, sent as the matching ``/v1/test_helpers`` request.

    ``advance_clock`` needs ``seconds``; ``authorize``, ``fail`` and
    ``receive_funds`` need ``source`` (``receive_funds`` also ``amount``).
    """

    action: Literal["advance_clock", "authorize", "fail", "receive_funds"]
    source: str | None = None
    seconds: Annotated[int, Field(ge=0)] | None = None
    amount: Annotated[int, Field(gt=0)] | None = None
    failure_reason: Literal["user_abort", "declined", "processing_error"] | None = None

    @model_validator(mode="after")
    def _arguments(self) -> Helper:
        if self.action == "advance_clock":
            if self.seconds is None:
                raise ValueError("advance_clock needs 'seconds'")
            if self.source is not None:
                raise ValueError("advance_clock takes no 'source'")
        elif self.source is None:
            raise ValueError(f"{self.action} needs 'source' (e.g. \"{{source}}\")")
        if self.action == "receive_funds" and self.amount is None:
            raise ValueError("receive_funds needs 'amount'")
        if self.failure_reason is not None and self.action != "fail":
            raise ValueError("'failure_reason' only goes with the fail helper")
        return self

    def to_request(self) -> Request:
        if self.action == "advance_clock":
            return Request(
                method="POST",
                path="/v1/test_helpers/advance_clock",
                params={"seconds": self.seconds or 0},
            )
        params: dict[str, ParamValue] = {}
        if self.amount is not None:
            params["amount"] = self.amount
        if self.failure_reason is not None:
            params["failure_reason"] = self.failure_reason
        return Request(
            method="POST",
            path=f"/v1/test_helpers/sources/{self.source}/{self.action}",
            params=params,
        )


class Expect(_Model):
    """What the core must answer to a step (every field given is checked)."""

    http: Annotated[int, Field(ge=100, le=599)] | None = None
    error_type: str | None = None
    error_code: str | None = None
    decline_code: str | None = None
    error_param: str | None = None
    message_contains: str | None = None
    body: dict[str, JSONScalar] = Field(default_factory=dict)
    objects: dict[str, dict[str, JSONScalar]] = Field(default_factory=dict)
    events: list[str] | None = None

    def is_empty(self) -> bool:
        return self == Expect()


class Step(_Model):
    """One step: a request or a helper, its narration, and its expected outcome."""

    narration: Text
    request: Request | None = None
    helper: Helper | None = None
    save_as: Identifier | None = None
    save: dict[Identifier, str] = Field(default_factory=dict)
    touches: str | None = None
    cite: list[Section] = Field(default_factory=list)
    expect: Expect

    @model_validator(mode="after")
    def _one_action(self) -> Step:
        if (self.request is None) == (self.helper is None):
            raise ValueError("a step needs exactly one of 'request' or 'helper'")
        if self.expect.is_empty():
            raise ValueError("'expect' is empty: say what the core must answer")
        return self

    def action(self) -> Request:
        """The request the step sends (placeholders not yet filled)."""
        if self.request is not None:
            return self.request
        assert self.helper is not None
        return self.helper.to_request()


class Lesson(_Model):
    """A whole lesson. ``name`` defaults to the file name without ``.json``."""

    format: Literal[1] = 1
    #: Which reference its § sections number: ``stripe-domain.md`` (Sources, Tokens,
    #: Charges) or ``stripe-intents-domain.md`` (PaymentIntents and their kin).
    reference: Literal["stripe-domain", "intents"] = "stripe-domain"
    name: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")] = "lesson"
    title: Text
    goal: Text
    seed: int = 0
    references: Annotated[list[Section], Field(min_length=1)]
    steps: Annotated[list[Step], Field(min_length=1)]

    @field_validator("references")
    @classmethod
    def _unique(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("references are listed twice")
        return value

    @model_validator(mode="after")
    def _placeholders_bound(self) -> Lesson:
        bound: set[str] = set()
        for number, step in enumerate(self.steps, 1):
            action = step.action()
            used = _placeholders(action.path) | _placeholders(action.params)
            used |= _placeholders(step.touches)
            for name in sorted(used - bound):
                raise ValueError(
                    f"step {number}: {{{name}}} is used before an earlier "
                    "step saves it (save_as / save)"
                )
            if step.save_as:
                bound.add(step.save_as)
            bound |= set(step.save)
            checked = (
                _placeholders(list(step.expect.objects))
                | _placeholders(step.expect.objects)
                | _placeholders(step.expect.body)
            )
            for name in sorted(checked - bound):
                raise ValueError(
                    f"step {number}: the expectation uses {{{name}}}, which no step saves"
                )
        return self

    def text(self, lang: str) -> tuple[str, str]:
        return self.title.get(lang), self.goal.get(lang)


def _placeholders(value: object) -> set[str]:
    if value is None:
        return set()
    if isinstance(value, str):
        return set(PLACEHOLDER.findall(value))
    if isinstance(value, Mapping):
        out: set[str] = set()
        for item in value.values():
            out |= _placeholders(item)
        return out
    if isinstance(value, list | tuple):
        out = set()
        for item in value:
            out |= _placeholders(item)
        return out
    return set()


# --- loading ----------------------------------------------------------------------


def _where(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item + 1}]" if parts and parts[-1] == "steps" else f"[{item}]")
        else:
            parts.append(("." if parts else "") + str(item))
    return "".join(parts)


def format_validation_error(exc: ValidationError) -> str:
    lines = []
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not str(p).startswith(("function-", "tagged")))
        message = err["msg"].removeprefix("Value error, ")
        lines.append(f"  {_where(loc)}: {message}" if loc else f"  {message}")
    return "\n".join(lines)


def parse_lesson(data: object, name: str = "lesson", origin: str = "<lesson>") -> Lesson:
    """Validate already-decoded JSON as a lesson; raises :class:`LessonError`."""
    if not isinstance(data, dict):
        raise LessonError(f"{origin}: a lesson must be a JSON object, not {type(data).__name__}")
    if "name" not in data:
        data = {**data, "name": name}
    try:
        return Lesson.model_validate(data)
    except ValidationError as exc:
        raise LessonError(
            f"{origin} is not a valid lesson:\n{format_validation_error(exc)}"
        ) from None


def _name_from_path(path: Path) -> str:
    stem = path.name.removesuffix(".json")
    slug = re.sub(r"[^a-z0-9-]+", "-", stem.lower()).strip("-")
    return slug or "lesson"


def load_lesson(path: str | Path) -> Lesson:
    """Read and validate one lesson file; raises :class:`LessonError` with a clear message."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LessonError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LessonError(f"{path}: cannot read it ({exc})") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise LessonError(
            f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    return parse_lesson(data, _name_from_path(path), str(path))


def builtin_paths() -> list[Path]:
    return sorted(BUILTIN_DIR.glob("*.json"))


def builtin_lessons() -> list[Lesson]:
    """Every built-in lesson, in file-name order (raises :class:`LessonError` on a bad one)."""
    return [load_lesson(p) for p in builtin_paths()]


def _short(name: str) -> str:
    return re.sub(r"^\d+-", "", name)


def find_lesson(name_or_path: str) -> Lesson:
    """A built-in lesson by name (with or without its number) or a lesson file by path."""
    path = Path(name_or_path)
    if path.suffix == ".json" or path.is_file() or "/" in name_or_path:
        return load_lesson(path)
    for candidate in builtin_paths():
        name = _name_from_path(candidate)
        if name_or_path in (name, _short(name)) or name.startswith(f"{name_or_path}-"):
            return load_lesson(candidate)
    raise LessonError(
        f"no built-in lesson named {name_or_path!r} "
        "(see `chargeable lesson list`, or give a path to a .json file)"
    )


# --- playing ------------------------------------------------------------------------


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
        text = f"[{mark}] {self.what} = {_show(self.actual)}"
        if not self.ok:
            text += f" (expected {_show(self.expected)})"
        return text


def _show(value: Any) -> str:
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
            state = f"used={_show(self.body['used'])}"
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
        f"{labels['refs']}: docs/reference.md {', '.join(lesson.references)}",
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


def _fill(value: str, bindings: Mapping[str, str]) -> str:
    return PLACEHOLDER.sub(lambda m: bindings.get(m.group(1), m.group(0)), value)


def _param_str(value: ParamValue) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _dig(data: Any, dotted: str) -> Any:
    current = data
    for part in dotted.split("."):
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and part.isdigit() and int(part) < len(current):
            current = current[int(part)]
        else:
            return ABSENT
    return current


def _fill_expected(value: JSONScalar, bindings: Mapping[str, str]) -> JSONScalar:
    return _fill(value, bindings) if isinstance(value, str) else value


class LessonRun:
    """Plays one lesson step by step in a sandbox.

    The sandbox is a fresh ``Sandbox(seed=lesson.seed, check_keys=False)``
    unless one is given (the GUI passes the one the window shows). Stepping
    back or restarting rebuilds that same sandbox object from a prefix of its
    action log, so whoever subscribed to it sees the change.

    Attributes:
        lesson: the lesson.
        sandbox: the sandbox it plays in.
        results: one :class:`StepResult` per step played so far.
        origin: the ``origin`` every request carries (``lesson``).
    """

    def __init__(
        self, lesson: Lesson, sandbox: Sandbox | None = None, origin: str = "lesson"
    ) -> None:
        self.lesson = lesson
        self.sandbox = (
            sandbox if sandbox is not None else Sandbox(seed=lesson.seed, check_keys=False)
        )
        self.origin = origin
        self.results: list[StepResult] = []
        self._base = len(self.sandbox.log)
        self._base_refused = len(self.sandbox.refused)

    @property
    def position(self) -> int:
        """How many steps have been played (0 … ``len(lesson.steps)``)."""
        return len(self.results)

    @property
    def at_start(self) -> bool:
        return not self.results

    @property
    def at_end(self) -> bool:
        return len(self.results) >= len(self.lesson.steps)

    @property
    def bindings(self) -> dict[str, str]:
        return dict(self.results[-1].bindings) if self.results else {}

    def transcript(self) -> Transcript:
        return Transcript(self.lesson, list(self.results))

    def forward(self) -> StepResult | None:
        """Play the next step; ``None`` at the end."""
        if self.at_end:
            return None
        index = len(self.results)
        step = self.lesson.steps[index]
        bindings = self.bindings
        action = step.action()
        path = _fill(action.path, bindings)
        params = [(k, _fill(_param_str(v), bindings)) for k, v in action.params.items()]
        sandbox = self.sandbox
        first_event = len(sandbox.events)
        response = sandbox.request(action.method, path, params, origin=self.origin)
        body = response.body if isinstance(response.body, dict) else {}
        events = [e["type"] for e in sandbox.events[first_event:]]
        checks: list[Check] = []
        if step.save_as:
            value = body.get("id")
            if isinstance(value, str):
                bindings[step.save_as] = value
            else:
                checks.append(Check(f"save_as {step.save_as}: response id", "an id", ABSENT))
        for name, dotted in step.save.items():
            value = _dig(body, dotted)
            if isinstance(value, str):
                bindings[name] = value
            else:
                checks.append(Check(f"save {name}: response {dotted}", "an id", _show(value)))
        checks += self._check(step.expect, response.status, body, events, bindings)
        touched = self._touched(step, path, params, bindings)
        graph = None
        if touched is not None:
            try:
                graph = sandbox.graph(touched)
            except (KeyError, ValueError):
                graph = None
        result = StepResult(
            index,
            step,
            action.method,
            path,
            params,
            response.status,
            body,
            events,
            checks,
            touched,
            bindings,
            len(sandbox.log),
            graph,
            len(sandbox.refused),
        )
        self.results.append(result)
        return result

    def back(self) -> bool:
        """Undo the last step by replaying the log up to the step before; False at the start."""
        if not self.results:
            return False
        self.results.pop()
        self._rebuild()
        return True

    def restart(self) -> None:
        """Back to before the first step."""
        self.results.clear()
        self._rebuild()

    def go_to(self, position: int) -> None:
        """Stand after ``position`` steps (back by replay, forward by playing)."""
        position = max(0, min(position, len(self.lesson.steps)))
        if position < len(self.results):
            del self.results[position:]
            self._rebuild()
        while len(self.results) < position:
            self.forward()

    def play_all(self) -> Transcript:
        while self.forward() is not None:
            pass
        return self.transcript()

    def _rebuild(self) -> None:
        last = self.results[-1] if self.results else None
        keep = last.log_length if last else self._base
        refused = last.refused_length if last else self._base_refused
        self.sandbox.rebuild(self.sandbox.log[:keep], refused=self.sandbox.refused[:refused])

    def _check(
        self,
        expect: Expect,
        status: int,
        body: dict[str, Any],
        events: list[str],
        bindings: Mapping[str, str],
    ) -> list[Check]:
        checks: list[Check] = []
        if expect.http is not None:
            checks.append(Check("http", expect.http, status))
        raw_error = body.get("error")
        error: dict[str, Any] = raw_error if isinstance(raw_error, dict) else {}
        for key in ("type", "code", "decline_code", "param"):
            wanted = getattr(expect, f"error_{key}" if key != "decline_code" else key)
            if wanted is not None:
                checks.append(Check(f"error.{key}", wanted, error.get(key, ABSENT)))
        if expect.message_contains is not None:
            message = str(error.get("message", ""))
            wanted = _fill(expect.message_contains, bindings)
            checks.append(
                Check("error.message contains", wanted, wanted if wanted in message else message)
            )
        for dotted, value in expect.body.items():
            checks.append(
                Check(f"response.{dotted}", _fill_expected(value, bindings), _dig(body, dotted))
            )
        for key, fields in expect.objects.items():
            object_id = _fill(key, bindings)
            data = self.sandbox.get(object_id)
            for dotted, value in fields.items():
                actual = ABSENT if data is None else _dig(data, dotted)
                checks.append(
                    Check(f"{object_id}.{dotted}", _fill_expected(value, bindings), actual)
                )
        if expect.events is not None:
            checks.append(Check("events", list(expect.events), events))
        return checks

    def _touched(
        self, step: Step, path: str, params: list[tuple[str, str]], bindings: Mapping[str, str]
    ) -> str | None:
        sandbox = self.sandbox
        if step.touches is not None:
            return _fill(step.touches, bindings)
        candidates: list[str] = []
        if step.save_as and step.save_as in bindings:
            candidates.append(bindings[step.save_as])
        candidates += [v for k, v in params if k == "source"]
        candidates += reversed([part for part in path.split("/") if part])
        for candidate in candidates:
            if sandbox.kind_of(candidate) is not None:
                return candidate
        return None


def run_lesson(lesson: Lesson, sandbox: Sandbox | None = None) -> Transcript:
    """Play every step of ``lesson`` in a fresh sandbox (or ``sandbox``) and check each one."""
    return LessonRun(lesson, sandbox).play_all()


def iter_sections(lesson: Lesson) -> Iterator[str]:
    """Every § the lesson cites (lesson references, then step citations)."""
    yield from lesson.references
    for step in lesson.steps:
        yield from step.cite


__all__ = [
    "Lesson",
    "Step",
    "Request",
    "Helper",
    "Expect",
    "Text",
    "LessonError",
    "LessonRun",
    "StepResult",
    "Transcript",
    "Check",
    "run_lesson",
    "load_lesson",
    "parse_lesson",
    "find_lesson",
    "builtin_lessons",
    "builtin_paths",
    "format_transcript",
    "BUILTIN_DIR",
]
