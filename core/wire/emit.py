"""Emit the JSON the serializers build, checked by the pydantic models only under STRICT.

The models (``core.wire.models``) take about 0.3 s to build, a third of the app's
start-up, and production does not need them: the serializers (``core.wire.serialize``)
build exactly Stripe's JSON, keys in the models' field order. So the models are
imported only when :data:`STRICT` is on, which the test suite does
(tests/core/conftest.py); then every dump must also equal the model's own dump,
key order included, so any difference between the two paths fails the tests.
"""

from __future__ import annotations

import json
from typing import Any

import pydantic_core

Json = dict[str, Any]

#: Validate every emitted object through its model (the tests turn it on).
STRICT = False


def fresh(value: Any) -> Any:
    """A copy of nested JSON containers held by a record, so that a caller who edits a
    response can never edit the sandbox's state through it (scalars are shared)."""
    if isinstance(value, dict):
        return {k: fresh(v) for k, v in value.items()}
    if isinstance(value, list):
        return [fresh(v) for v in value]
    return value


class DumpMismatch(AssertionError):
    """The built JSON and the model's dump of it differ (a serializer bug)."""


def dump(kind: str, fields: Json) -> Json:
    """``fields`` (a fresh dict, keys in the model's order) as a ``kind`` object's JSON.

    Under :data:`STRICT` it is validated by the model and must equal the model's
    dump exactly: an undeclared field, a value the model would coerce, or a key
    out of order raises :class:`DumpMismatch`.
    """
    if not STRICT:
        return fields
    from pydantic import ValidationError

    from core.wire.models import MODELS

    try:
        dumped = MODELS[kind].model_validate(fields).json_dict()
    except ValidationError as exc:
        raise DumpMismatch(f"{kind} {fields.get('id')}: {exc}") from exc
    if json.dumps(dumped) != json.dumps(fields):
        raise DumpMismatch(
            f"{kind} {fields.get('id')}: built JSON {json.dumps(fields)} != "
            f"model dump {json.dumps(dumped)}"
        )
    return dumped


def to_wire(body: Any) -> bytes:
    """A response body as the live API writes it: UTF-8 JSON indented by two spaces.

    pydantic-core's encoder (already a dependency) does it several times faster than
    ``json.dumps(indent=2)``, whose indenting path is pure Python.
    """
    return pydantic_core.to_json(body, indent=2)
