"""The lesson file format: pydantic models that validate a lesson (pure Python, no Qt).

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
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

FORMAT_VERSION = 1
LANGUAGES = ("en", "ja")
ABSENT = "<absent>"
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
BUILTIN_DIR = Path(__file__).resolve().parents[2] / "resources" / "lessons"

Identifier = Annotated[str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")]
#: "§6.3" (a section of the lesson's ``reference``), or "stripe-domain §6.3" for a step of
#: an intents lesson that is about a legacy object (a Token beside a PaymentMethod)
Section = Annotated[str, StringConstraints(pattern=r"^(?:stripe-domain )?§\d+(\.\d+)*$")]
#: where each reference a lesson can cite is, for its readers
REFERENCE_FILES = {"stripe-domain": "docs/reference.md", "intents": "docs/reference-intents.md"}
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

    def reference_file(self) -> str:
        """The reference its bare "§" sections are in ("docs/reference-intents.md")."""
        return REFERENCE_FILES[self.reference]

    def cited(self, section: str) -> tuple[str, str]:
        """The reference and number a section names: "§4.4" → (``reference``, "4.4")."""
        reference, _, number = section.rpartition("§")
        return (reference.strip() or self.reference), number


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


def iter_sections(lesson: Lesson) -> Iterator[str]:
    """Every § the lesson cites (lesson references, then step citations)."""
    yield from lesson.references
    for step in lesson.steps:
        yield from step.cite
