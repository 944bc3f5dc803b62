"""Playing a lesson headless (pure Python, no Qt).

:func:`run_lesson` plays a lesson through a fresh ``Sandbox(seed=lesson.seed,
check_keys=False)`` and returns a :class:`Transcript` (per step: ok, or what
differed). :class:`LessonRun` plays step by step; its :meth:`LessonRun.back`
rebuilds the sandbox from a prefix of its action log (``Sandbox.rebuild``, the
core's replay), so a step back and undo cannot drift apart.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from core.api import Sandbox
from core.lessons.schema import (
    ABSENT,
    PLACEHOLDER,
    Expect,
    JSONScalar,
    Lesson,
    ParamValue,
    Step,
)
from core.lessons.transcript import Check, StepResult, Transcript, show_value


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
                checks.append(Check(f"save {name}: response {dotted}", "an id", show_value(value)))
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
        keep = self.results[-1].log_length if self.results else self._base
        self.sandbox.rebuild(self.sandbox.log[:keep])

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
