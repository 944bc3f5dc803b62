"""A sandbox whose every response is validated against the intents OpenAPI subset.

The intents subset (``../shared/reference/stripe-openapi-intents-subset.json``) is cut
from the same OAS23 file as the legacy subset; the two are merged (legacy schemas for
source/token/card, the historical ``charge.source``), converted by the legacy test's
:class:`Spec`, and every PaymentIntent, PaymentMethod, SetupIntent, error and event the
tests make is checked plainly and strictly (no undeclared property).
"""

from __future__ import annotations

import functools
import json
from typing import Any

from test_schema_conformance import KIND_SCHEMA, REFERENCE_DIR, SPEC_PATH, CheckedSandbox, Spec

INTENTS_PATH = REFERENCE_DIR / "stripe-openapi-intents-subset.json"
INTENT_KINDS = {
    **KIND_SCHEMA,
    "payment_method": "payment_method",
    "payment_intent": "payment_intent",
    "setup_intent": "setup_intent",
}
HELPER_SCHEMAS = {
    "payment_intents": "payment_intent",
    "setup_intents": "setup_intent",
}


@functools.cache
def intents_spec() -> Spec:
    legacy = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    raw = json.loads(INTENTS_PATH.read_text(encoding="utf-8"))
    merged = dict(legacy)
    merged["components"] = {**legacy["components"], **raw["components"]}
    merged["paths"] = {**legacy["paths"], **raw["paths"]}
    return Spec(merged)


class IntentsSandbox(CheckedSandbox):
    """Every response checked; ``ok``/``err`` shortcuts; helpers' answers checked too."""

    def __init__(self, seed: int = 0) -> None:
        super().__init__(intents_spec(), seed)

    def request(
        self,
        method: str,
        path: str,
        params: Any = None,
        headers: Any = None,
        expect: int | None = 200,
    ) -> Any:  # noqa: E501
        body = super().request(method, path, params, headers, expect)
        parts = path.split("/")
        if method == "POST" and len(parts) == 6 and parts[2] == "test_helpers":
            schema = HELPER_SCHEMAS.get(parts[3])
            if schema is not None and "error" not in body:
                self.check(f"helper {path}", body, schema)
        if isinstance(body, dict) and "error" in body:
            inner = body["error"]
            for key in ("payment_intent", "payment_method", "setup_intent"):
                if key in inner:
                    self.check(f"{path} error.{key}", inner[key], key)
        return body

    def check_everything(self) -> None:
        sb = self.sandbox
        for object_id in sb.object_ids():
            kind = sb.kind_of(object_id)
            body = sb.get(object_id, expand=("sources",))
            assert body is not None and kind is not None
            schema = "deleted_customer" if body.get("deleted") else INTENT_KINDS[kind]
            self.check(f"stored {object_id}", body, schema)
        for event in sb.events:
            self.check(f"event {event['id']} {event['type']}", event, "event")
            obj = event["data"]["object"]
            self.check(f"event {event['id']} data.object", obj, INTENT_KINDS[obj["object"]])

    # shortcuts --------------------------------------------------------------------------

    def post(self, path: str, expect: int = 200, **params: Any) -> Any:
        return self.request("POST", path, params, expect=expect)

    def get(self, path: str, expect: int = 200, **params: Any) -> Any:
        return self.request("GET", path, params or None, expect=expect)

    def event_types(self) -> list[str]:
        return [e["type"] for e in self.sandbox.events]

    def pi(self, expect: int = 200, **params: Any) -> Any:
        base = {"amount": "2000", "currency": "usd", "payment_method_types[]": "card"}
        return self.post("/v1/payment_intents", expect, **{**base, **params})

    def customer(self) -> str:
        return str(self.post("/v1/customers", email="jenny@example.com")["id"])

    def pm(self, alias: str = "pm_card_visa") -> Any:
        """A fresh PaymentMethod of a test alias (each use mints a new ``pm_``, §8.2)."""
        return self.request("GET", f"/v1/payment_methods/{alias}")
