"""Production emits JSON without pydantic validation (``core.wire.emit.STRICT`` off).

The core tests run strict (conftest.py): there every dump is validated and must
equal the model's own dump, so the whole suite checks the fast path. These tests
add what that cannot see: the two paths give byte-identical responses along
every recipe of the schema-conformance test, and no response shares a mutable
container with the sandbox's state (editing a response never edits the state).
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from test_schema_conformance import KEY, SOURCE_CASES, drive

from core.api import Sandbox
from core.wire import emit


class RecordingBox:
    """Stands in for the conformance test's CheckedSandbox: records every body."""

    def __init__(self, scribble: bool = False) -> None:
        self.sandbox = Sandbox(seed=3)
        self.bodies: list[str] = []
        self.scribble = scribble

    def request(
        self,
        method: str,
        path: str,
        params: Any = None,
        headers: dict[str, str] | None = None,
        expect: int | None = 200,
    ) -> Any:
        response = self.sandbox.request(method, path, params, {**KEY, **(headers or {})})
        assert response.status != 500, (method, path, response.body)
        if expect is not None:
            assert response.status == expect, (method, path, response.body)
        self.bodies.append(json.dumps(response.body))
        if self.scribble:
            kept = copy.deepcopy(response.body)
            self.assert_isolated(response.body)
            return kept
        return response.body

    def everything(self) -> list[Any]:
        sb = self.sandbox
        return [sb.get(i, expand=("sources",)) for i in sb.object_ids()] + list(sb.events)

    def assert_isolated(self, body: Any) -> None:
        before = self.sandbox.state_snapshot()
        for value in [body, *self.everything()]:
            _scribble(value)
        assert self.sandbox.state_snapshot() == before


def _scribble(value: Any) -> None:
    """Change every nested container in place."""
    if isinstance(value, dict):
        for item in list(value.values()):
            _scribble(item)
        value["scribbled"] = True
    elif isinstance(value, list):
        for item in value:
            _scribble(item)
        value.append("scribbled")


def _run(
    strict: bool,
    monkeypatch: pytest.MonkeyPatch,
    scribble: bool = False,
    cases: list[tuple[str, str, str]] = SOURCE_CASES,
) -> RecordingBox:
    monkeypatch.setattr(emit, "STRICT", strict)
    box = RecordingBox(scribble)
    for source_type, flow, usage in cases:
        drive(box, source_type, flow, usage)  # type: ignore[arg-type]
    box.request(
        "POST",
        "/v1/tokens",
        {"card[number]": "4000000000000002", "card[exp_month]": "12", "card[exp_year]": "2034"},
    )
    box.request("POST", "/v1/customers", {"metadata[a]": "b", "source": "tok_visa"})
    box.request("POST", "/v1/charges", {"amount": "nope"}, expect=400)
    box.request("GET", "/v1/events", {"limit": "100"})
    box.bodies.extend(json.dumps(x) for x in box.everything())
    return box


def test_fast_and_strict_paths_emit_identical_json(monkeypatch: pytest.MonkeyPatch) -> None:
    strict = _run(True, monkeypatch).bodies
    fast = _run(False, monkeypatch).bodies
    assert len(fast) == len(strict) > 1000
    for index, (got, expected) in enumerate(zip(fast, strict, strict=True)):
        assert got == expected, index


@pytest.mark.parametrize("strict", [False, True], ids=["fast", "strict"])
def test_editing_a_response_never_edits_the_state(
    strict: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    cases = [
        c
        for c in SOURCE_CASES
        if c[0]
        in ("card", "ideal", "klarna", "ach_credit_transfer", "three_d_secure", "multibanco")
    ]
    box = _run(strict, monkeypatch, scribble=True, cases=cases)
    sb = box.sandbox
    cus = box.request("POST", "/v1/customers", {"email": "a@example.com"})["id"]
    box.request("POST", f"/v1/customers/{cus}", {"metadata[k]": "v", "email": "b@example.com"})
    src = box.request(
        "POST",
        "/v1/sources",
        {
            "type": "ideal",
            "amount": "100",
            "currency": "eur",
            "redirect[return_url]": "https://example.com",
            "owner[address][city]": "Utrecht",
            "source_order[items][0][parent][sku]": "x",
        },
    )["id"]
    box.request("POST", f"/v1/sources/{src}", {"owner[address][line1]": "Main 1"})
    box.assert_isolated(sb.get(src))


def test_strict_path_refuses_json_that_differs_from_the_model() -> None:
    assert emit.STRICT
    refund = {"id": "re_1", "object": "refund", "amount": 1, "created": 0, "currency": "usd"}
    assert emit.dump("refund", dict(refund)) == refund
    with pytest.raises(emit.DumpMismatch):  # the model would coerce "1" to 1
        emit.dump("refund", {**refund, "amount": "1"})
    with pytest.raises(emit.DumpMismatch):  # a key out of the model's order
        emit.dump("refund", {"amount": 1, **refund})
    with pytest.raises(emit.DumpMismatch):  # a field the model does not declare
        emit.dump("refund", {**refund, "bogus": 1})
    with pytest.raises(emit.DumpMismatch):  # nested keys out of the model's order
        emit.dump(
            "event",
            {
                "id": "evt_1",
                "object": "event",
                "api_version": "x",
                "created": 0,
                "data": {"previous_attributes": None, "object": {}},
                "livemode": False,
                "pending_webhooks": 0,
                "type": "t",
            },
        )
