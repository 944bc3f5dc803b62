"""Every object the sandbox returns validates against Stripe's OpenAPI subset.

The reference is ``../shared/reference/stripe-openapi-subset.json`` (OAS23,
API 2023-08-16), resolved once per session. OpenAPI 3.0 is not JSON Schema:

* ``nullable: true`` becomes ``type: [..., "null"]`` (and ``null`` joins an
  ``enum``); a nullable ``anyOf``/``$ref`` becomes ``anyOf: [..., {"type": "null"}]``.
* ``$ref: #/components/schemas/X``: the subset keeps its schemas directly under
  ``components``, so the converted schemas are mounted at ``components.schemas``
  and the references resolve unchanged.
* ``x-expandableFields`` is an annotation; expandable fields are already
  ``anyOf: [string, object]`` in the spec, which JSON Schema validates as is.

Additional properties: the spec never says ``additionalProperties: false``,
so a plain validation lets any undeclared field through (a misspelt field would
pass). Every object is therefore validated twice: as the spec has it, and
*strictly*, with undeclared properties refused. The only declared exception is
``charge.source``: OAS23 no longer describes it although Stripe still returns
it (stripe-domain.md §8.3); it is checked against the historical definition
the subset keeps (``historical.charge_source_property``, minus its 2019-only
``alipay_account``/``bitcoin_receiver`` branches).

Events: the subset has no ``event`` schema. The envelope is checked against a
local copy of OAS23's ``event`` / ``notification_event_data`` /
``notification_event_request`` (written out below), and ``data.object`` against
the subset's schema of its kind.

Every response is checked as it is received (:class:`CheckedSandbox`): a 2xx
body against the subset's response schema for that path and method, a 4xx
body against ``error``; afterwards every object the sandbox holds and every
event are checked too.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from core.api import Sandbox
from core.facts import source_catalog

REPO_ROOT = Path(__file__).resolve().parents[2]
REFERENCE_DIR = REPO_ROOT.parent / "shared" / "reference"
SPEC_PATH = REFERENCE_DIR / "stripe-openapi-subset.json"
REF_PREFIX = "#/components/schemas/"

# ---------------------------------------------------------------------------------------
# OpenAPI 3.0 -> JSON Schema
# ---------------------------------------------------------------------------------------

_SCHEMA_LISTS = ("anyOf", "oneOf", "allOf")


def to_json_schema(node: Any, strict: bool = False) -> Any:
    """One OpenAPI 3.0 schema object as JSON Schema (2020-12), recursively.

    With ``strict``, an object schema that declares ``properties`` and says
    nothing about ``additionalProperties`` refuses undeclared properties.
    """
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "properties":
            out[key] = {name: to_json_schema(sub, strict) for name, sub in value.items()}
        elif key in _SCHEMA_LISTS:
            out[key] = [to_json_schema(sub, strict) for sub in value]
        elif key in ("items", "not") or (key == "additionalProperties" and isinstance(value, dict)):
            out[key] = to_json_schema(value, strict)
        elif key == "nullable":
            continue
        else:
            out[key] = value
    if strict and "properties" in out and "additionalProperties" not in out:
        out["additionalProperties"] = False
    if node.get("nullable") is True:
        if "type" in out:
            types = out["type"] if isinstance(out["type"], list) else [out["type"]]
            out["type"] = [*types, "null"]
            if "enum" in out and None not in out["enum"]:
                out["enum"] = [*out["enum"], None]
        else:
            annotations = {k: out.pop(k) for k in ("description", "title") if k in out}
            out = {"anyOf": [out, {"type": "null"}], **annotations}
    return out


# OAS23 `event` and its sub-schemas: the subset does not carry them (it was cut to the
# Source/Token/Charge roots); copied from stripe/openapi spec3 (2023-08-16).
EVENT_SCHEMAS: dict[str, Any] = {
    "event": {
        "type": "object",
        "properties": {
            "account": {"type": "string", "maxLength": 5000},
            "api_version": {"type": "string", "maxLength": 5000, "nullable": True},
            "created": {"type": "integer", "format": "unix-time"},
            "data": {"$ref": REF_PREFIX + "notification_event_data"},
            "id": {"type": "string", "maxLength": 5000},
            "livemode": {"type": "boolean"},
            "object": {"type": "string", "enum": ["event"]},
            "pending_webhooks": {"type": "integer"},
            "request": {
                "anyOf": [{"$ref": REF_PREFIX + "notification_event_request"}],
                "nullable": True,
            },
            "type": {"type": "string", "maxLength": 5000},
        },
        "required": [
            "api_version",
            "created",
            "data",
            "id",
            "livemode",
            "object",
            "pending_webhooks",
            "request",
            "type",
        ],
    },
    "notification_event_data": {
        "type": "object",
        "properties": {"object": {"type": "object"}, "previous_attributes": {"type": "object"}},
        "required": ["object"],
    },
    "notification_event_request": {
        "type": "object",
        "properties": {
            "id": {"type": "string", "maxLength": 5000, "nullable": True},
            "idempotency_key": {"type": "string", "maxLength": 5000, "nullable": True},
        },
        "required": ["id", "idempotency_key"],
    },
}

# Sandbox-only endpoints (no Stripe schema): the test helpers answer with the source.
HELPER_SCHEMAS = {"authorize": "source", "fail": "source", "receive_funds": "source"}


def _list_schema(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "object": {"type": "string", "enum": ["list"]},
            "data": {"type": "array", "items": item},
            "has_more": {"type": "boolean"},
            "url": {"type": "string", "maxLength": 5000},
        },
        "required": ["object", "data", "has_more", "url"],
    }


class Spec:
    """The subset, converted once, with a validator per (schema name, strictness)."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw
        components = {**raw["components"], **EVENT_SCHEMAS}
        components["sandbox_source_list"] = _list_schema({"$ref": REF_PREFIX + "source"})
        components["sandbox_event_list"] = _list_schema({"$ref": REF_PREFIX + "event"})
        historical = copy.deepcopy(raw["historical"]["charge_source_property"]["schema"])
        historical["anyOf"] = [
            branch
            for branch in historical["anyOf"]
            if branch["$ref"].removeprefix(REF_PREFIX) in components
        ]
        self.roots: dict[bool, dict[str, Any]] = {}
        for strict in (False, True):
            converted = {
                name: to_json_schema(schema, strict) for name, schema in components.items()
            }
            charge = converted["charge"]
            assert "source" not in charge["properties"], "OAS23 charge has no source (§8.3)"
            charge["properties"] = {
                **charge["properties"],
                "source": to_json_schema(historical, strict),
            }
            self.roots[strict] = {"components": {"schemas": converted}}
        self.paths: dict[tuple[str, re.Pattern[str]], Any] = {}
        for template, ops in raw["paths"].items():
            pattern = re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$")
            for method, op in ops.items():
                if not isinstance(op, dict):
                    continue
                schema = (
                    op.get("responses", {})
                    .get("200", {})
                    .get("content", {})
                    .get("application/json", {})
                    .get("schema")
                )
                if schema is not None:
                    self.paths[(method.upper(), pattern)] = schema

    @functools.cache  # noqa: B019 - one Spec per session, the cache lives as long
    def validator(self, name_or_schema: str, strict: bool) -> Draft202012Validator:
        if name_or_schema.startswith("{"):
            schema = to_json_schema(json.loads(name_or_schema), strict)
        else:
            if name_or_schema not in self.roots[strict]["components"]["schemas"]:
                raise KeyError(f"no schema {name_or_schema!r} in the subset")
            schema = {"$ref": REF_PREFIX + name_or_schema}
        return Draft202012Validator({**schema, **self.roots[strict]})

    def problems(self, instance: Any, schema: str | dict[str, Any]) -> list[str]:
        """Messages for every way ``instance`` breaks ``schema`` (plain, then strict)."""
        key = schema if isinstance(schema, str) else json.dumps(schema, sort_keys=True)
        found = []
        for strict in (False, True):
            errors = list(self.validator(key, strict).iter_errors(instance))
            if errors:
                worst = best_match(errors)
                where = "/".join(str(p) for p in worst.absolute_path) or "(top)"
                label = "strict: undeclared or " if strict else ""
                found.append(
                    f"{label}{len(errors)} error(s); first at {where}: {worst.message[:400]}"
                )
                break  # strict failures repeat plain ones
        return found

    def response_schema(self, method: str, path: str) -> str | dict[str, Any] | None:
        path = path.partition("?")[0]
        for (route_method, pattern), schema in self.paths.items():
            if route_method == method and pattern.match(path):
                return schema
        if method == "GET" and path == "/v1/sources":
            return "sandbox_source_list"
        if method == "GET" and path == "/v1/events":
            return "sandbox_event_list"
        if method == "GET" and re.match(r"^/v1/events/[^/]+$", path):
            return "event"
        helper = re.match(r"^/v1/test_helpers/sources/[^/]+/(\w+)$", path)
        if method == "POST" and helper:
            return HELPER_SCHEMAS.get(helper.group(1))
        return None


@functools.cache
def load_spec() -> Spec:
    if not SPEC_PATH.is_file():
        pytest.fail(
            f"The OpenAPI subset is missing: expected {SPEC_PATH} (the shared/ "
            "checkout must sit beside the repository, as in CI: "
            f"{REPO_ROOT.parent}/shared/reference/).",
            pytrace=False,
        )
    try:
        raw = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        pytest.fail(f"The OpenAPI subset at {SPEC_PATH} cannot be read: {exc}", pytrace=False)
    return Spec(raw)


@pytest.fixture(scope="session")
def spec() -> Spec:
    return load_spec()


# ---------------------------------------------------------------------------------------
# A sandbox that checks every response as it comes back
# ---------------------------------------------------------------------------------------

KIND_SCHEMA = {
    "source": "source",
    "token": "token",
    "card": "card",
    "bank_account": "bank_account",
    "customer": "customer",
    "charge": "charge",
    "refund": "refund",
    "source_transaction": "source_transaction",
    "balance_transaction": "balance_transaction",
    "event": "event",
}
KEY = {"Authorization": "Bearer sk_test_schema"}
RETURN_URL = "https://example.com/return"


class CheckedSandbox:
    """Wraps a Sandbox; every response body is validated against the subset."""

    def __init__(self, spec: Spec, seed: int = 0) -> None:
        self.spec = spec
        self.sandbox = Sandbox(seed=seed)
        self.failures: list[str] = []
        self.checked: Counter[str] = Counter()

    def check(self, label: str, instance: Any, schema: str | dict[str, Any]) -> None:
        name = schema if isinstance(schema, str) else "paths response"
        self.checked[name] += 1
        for problem in self.spec.problems(instance, schema):
            self.failures.append(f"{label} [{name}]: {problem}")

    def request(
        self,
        method: str,
        path: str,
        params: Any = None,
        headers: dict[str, str] | None = None,
        expect: int | None = 200,
    ) -> Any:
        response = self.sandbox.request(method, path, params, {**KEY, **(headers or {})})
        label = f"{method} {path}"
        if expect is not None:
            assert response.status == expect, (label, params, response.body)
        assert response.status != 500, (label, params, response.body)
        if response.status >= 400:
            self.check(label, response.body, "error")
        else:
            schema = self.spec.response_schema(method, path)
            if schema is not None:
                self.check(label, response.body, schema)
            else:
                self.checked["(no schema: " + path.split("/")[-1] + ")"] += 1
        return response.body

    def check_everything(self) -> None:
        """Every stored object (customers with sources expanded) and every event."""
        sb = self.sandbox
        for object_id in sb.object_ids():
            kind = sb.kind_of(object_id)
            body = sb.get(object_id, expand=("sources",))
            assert body is not None and kind is not None
            schema = "deleted_customer" if body.get("deleted") else KIND_SCHEMA[kind]
            self.check(f"stored {object_id}", body, schema)
        for event in sb.events:
            self.check(f"event {event['id']} {event['type']}", event, "event")
            obj = event["data"]["object"]
            self.check(
                f"event {event['id']} {event['type']} data.object", obj, KIND_SCHEMA[obj["object"]]
            )

    def assert_clean(self) -> None:
        self.check_everything()
        assert not self.failures, "\n".join(self.failures[:20])


@pytest.fixture
def checked(spec: Spec) -> Iterator[CheckedSandbox]:
    box = CheckedSandbox(spec)
    yield box


# ---------------------------------------------------------------------------------------
# Recipes: how to create each source type, and drive it to each status
# ---------------------------------------------------------------------------------------

CARD = {
    "card[number]": "4242424242424242",
    "card[exp_month]": "12",
    "card[exp_year]": "2034",
    "card[cvc]": "123",
}
TDS_PENDING_CARD = {**CARD, "card[number]": "4000000000003055"}  # 3DS optional: pending


def _currency(source_type: str) -> str:
    currencies = source_catalog.SOURCE_TYPES[source_type].currencies
    if currencies is None:
        return "usd"
    return "eur" if "eur" in currencies else sorted(currencies)[0]


def create_params(
    box: CheckedSandbox,
    source_type: str,
    flow: str,
    usage: str,
) -> dict[str, str]:
    info = source_catalog.SOURCE_TYPES[source_type]
    params: dict[str, str] = {
        "type": source_type,
        "usage": usage,
        "owner[email]": "jenny@example.com",
        "owner[name]": "Jenny Rosen",
    }
    if flow != info.flow:
        params["flow"] = flow
    currency = _currency(source_type)
    forbidden = info.amount_at_creation == "forbidden" and usage == "reusable"
    if usage == "single_use" or info.amount_at_creation == "required" or not forbidden:
        params["currency"] = currency
    if not forbidden and (usage == "single_use" or info.amount_at_creation == "required"):
        params["amount"] = "1500"
    if flow == "redirect":
        params["redirect[return_url]"] = RETURN_URL
    if source_type == "card":
        params.update(CARD)
    elif source_type == "three_d_secure":
        card = box.request("POST", "/v1/sources", {"type": "card", **TDS_PENDING_CARD})
        params["three_d_secure[card]"] = card["id"]
    elif source_type == "sepa_debit":
        params["sepa_debit[iban]"] = "DE89370400440532013000"
    elif source_type == "sofort":
        params["sofort[country]"] = "DE"
    elif source_type == "klarna":
        params["source_order[items][0][type]"] = "sku"
        params["source_order[items][0][amount]"] = "1500"
        params["source_order[items][0][currency]"] = currency
        params["source_order[items][0][quantity]"] = "1"
    return params


SOURCE_CASES = [
    (t, flow, usage)
    for t, info in source_catalog.SOURCE_TYPES.items()
    for flow in info.flows
    for usage in info.usages
]


def _authorize(box: CheckedSandbox, src: dict[str, Any]) -> dict[str, Any]:
    params = {"amount": str(src["amount"] or 1500)} if src["flow"] == "receiver" else {}
    if src["flow"] == "code_verification":
        return box.request(
            "POST", f"/v1/sources/{src['id']}/verify", [("values[]", "32"), ("values[]", "45")]
        )
    return box.request("POST", f"/v1/test_helpers/sources/{src['id']}/authorize", params)


def _charge_params(src: dict[str, Any]) -> dict[str, str]:
    amount = src["amount"] or 1500
    if src["flow"] == "receiver":
        receiver = src["receiver"]
        amount = (
            receiver["amount_received"] - receiver["amount_charged"] - receiver["amount_returned"]
        ) or amount
    return {
        "amount": str(amount),
        "currency": src["currency"] or _currency(src["type"]),
        "source": src["id"],
    }


def drive(box: CheckedSandbox, source_type: str, flow: str, usage: str) -> set[str]:
    """Create sources of this case along every path; returns the statuses observed."""
    seen: set[str] = set()

    def new() -> dict[str, Any]:
        src = box.request("POST", "/v1/sources", create_params(box, source_type, flow, usage))
        seen.add(src["status"])
        return src

    def chargeable() -> dict[str, Any]:
        src = new()
        if src["status"] == "pending":
            src = _authorize(box, src)
            seen.add(src["status"])
        return src

    def note(src_id: str) -> dict[str, Any]:
        src = box.request("GET", f"/v1/sources/{src_id}")
        seen.add(src["status"])
        return src

    # pending -> failed (T2), pending -> canceled (T3)
    src = new()
    if src["status"] == "pending":
        box.request(
            "POST", f"/v1/test_helpers/sources/{src['id']}/fail", {"failure_reason": "declined"}
        )
        note(src["id"])
        src = new()
        box.request("POST", "/v1/test_helpers/advance_clock", {"seconds": str(8 * 86400)})
        note(src["id"])
    # chargeable -> canceled (T4)
    src = chargeable()
    box.request("POST", "/v1/test_helpers/advance_clock", {"seconds": str(8 * 86400)})
    note(src["id"])
    # chargeable -> consumed by a charge (T5a/T5b), async settles as the clock runs
    src = chargeable()
    if src["status"] == "chargeable":
        charge = box.request("POST", "/v1/charges", _charge_params(src))
        assert charge["status"] in ("succeeded", "pending")
        note(src["id"])
        box.request("POST", "/v1/test_helpers/advance_clock", {"seconds": str(15 * 86400)})
        box.request("GET", f"/v1/charges/{charge['id']}")
    # attach (T8), charge with the customer (T6), detach (T5c)
    src = chargeable()
    customer = box.request("POST", "/v1/customers", {"email": "jenny@example.com"})
    attached = box.request("POST", f"/v1/customers/{customer['id']}/sources", {"source": src["id"]})
    assert attached["customer"] == customer["id"]
    box.request("GET", f"/v1/customers/{customer['id']}", {"expand[]": "sources"})
    box.request("GET", f"/v1/customers/{customer['id']}/sources")
    box.request("GET", f"/v1/customers/{customer['id']}/sources/{src['id']}")
    if attached["status"] == "chargeable" and usage == "reusable":
        for _ in range(2):
            if flow == "receiver":  # each charge spends what the customer pushed
                box.request(
                    "POST",
                    f"/v1/test_helpers/sources/{src['id']}/receive_funds",
                    {"amount": "1500"},
                )
            box.request(
                "POST",
                "/v1/charges",
                {**_charge_params(note(src["id"])), "customer": customer["id"]},
            )
    detached = box.request("DELETE", f"/v1/customers/{customer['id']}/sources/{src['id']}")
    seen.add(detached["status"])
    # a pending source attached then detached (T5d)
    src = new()
    if src["status"] == "pending":
        box.request("POST", f"/v1/sources/{src['id']}", {"metadata[step]": "update"})
        box.request("POST", f"/v1/customers/{customer['id']}/sources", {"source": src["id"]})
        box.request("DELETE", f"/v1/customers/{customer['id']}/sources/{src['id']}")
        note(src["id"])
    return seen


def expected_statuses(source_type: str, flow: str, usage: str) -> set[str]:
    info = source_catalog.SOURCE_TYPES[source_type]
    starts_pending = info.initial_status == "pending"
    expected = {"chargeable", "consumed"}
    if starts_pending:
        expected |= {"pending", "failed"}
    if info.pending_expiry is not None or info.chargeable_expiry is not None:
        expected.add("canceled")
    return expected


@pytest.mark.parametrize(
    ("source_type", "flow", "usage"), SOURCE_CASES, ids=[f"{t}-{f}-{u}" for t, f, u in SOURCE_CASES]
)
def test_every_source_type_flow_and_status_validates(spec, source_type, flow, usage) -> None:
    box = CheckedSandbox(spec)
    seen = drive(box, source_type, flow, usage)
    assert expected_statuses(source_type, flow, usage) <= seen, seen
    box.request("GET", "/v1/sources", {"limit": "100"})
    box.request("GET", "/v1/events", {"limit": "100"})
    box.assert_clean()


def test_all_eighteen_types_are_covered(spec) -> None:
    enum = spec.raw["components"]["source"]["properties"]["type"]["enum"]
    assert (
        sorted({t for t, _, _ in SOURCE_CASES})
        == sorted(enum)
        == sorted(source_catalog.SOURCE_TYPE_NAMES)
    )
    assert len(enum) == 18
    assert {f for _, f, _ in SOURCE_CASES} == {"none", "redirect", "receiver", "code_verification"}


@pytest.mark.parametrize(
    "card_number", ["4242424242424242", "4000000000003055", "378282246310005", "4000000000003097"]
)
def test_three_d_secure_born_in_each_state_validates(checked, card_number) -> None:
    """§3.2: a 3DS source starts chargeable (not_required), pending or failed."""
    card = checked.request(
        "POST", "/v1/sources", {"type": "card", **CARD, "card[number]": card_number}
    )
    src = checked.request(
        "POST",
        "/v1/sources",
        {
            "type": "three_d_secure",
            "amount": "1500",
            "currency": "usd",
            "three_d_secure[card]": card["id"],
            "redirect[return_url]": RETURN_URL,
        },
    )
    if src["status"] == "pending":
        checked.request("POST", f"/v1/test_helpers/sources/{src['id']}/authorize")
    checked.assert_clean()


def test_sepa_failing_iban_reaches_failed_and_validates(checked) -> None:
    """T7: a failed SEPA charge fails the source; the pending charge settles failed."""
    src = checked.request(
        "POST",
        "/v1/sources",
        {
            "type": "sepa_debit",
            "sepa_debit[iban]": "DE62370400440532013001",
            "owner[name]": "Jenny Rosen",
            "currency": "eur",
        },
    )
    customer = checked.request("POST", "/v1/customers", {"source": src["id"]})
    charge = checked.request(
        "POST", "/v1/charges", {"amount": "1000", "currency": "eur", "customer": customer["id"]}
    )
    assert charge["status"] == "pending"
    checked.request("POST", "/v1/test_helpers/advance_clock", {"seconds": str(30 * 86400)})
    assert checked.request("GET", f"/v1/charges/{charge['id']}")["status"] == "failed"
    assert checked.request("GET", f"/v1/sources/{src['id']}")["status"] == "failed"
    checked.assert_clean()


# ---------------------------------------------------------------------------------------
# Tokens, cards, customers
# ---------------------------------------------------------------------------------------

TOKEN_PARAMS: dict[str, dict[str, str]] = {
    "card": {f"card[{k[5:-1]}]": v for k, v in CARD.items()},
    "bank_account": {
        "bank_account[country]": "US",
        "bank_account[currency]": "usd",
        "bank_account[account_number]": "000123456789",
        "bank_account[routing_number]": "110000000",
        "bank_account[account_holder_name]": "Jenny Rosen",
        "bank_account[account_holder_type]": "individual",
    },
    "pii": {"pii[id_number]": "000000000"},
    "cvc_update": {"cvc_update[cvc]": "123"},
    "account": {"account[business_type]": "individual", "account[tos_shown_and_accepted]": "true"},
    "person": {"person[first_name]": "Jenny", "person[last_name]": "Rosen"},
}
TOKEN_PREFIX = {
    "card": "tok_",
    "bank_account": "btok_",
    "pii": "pii_",
    "cvc_update": "cvctok_",
    "account": "ct_",
    "person": "cpt_",
}


@pytest.mark.parametrize("token_type", list(TOKEN_PARAMS))
def test_every_token_type_validates_unused_and_used(checked, token_type) -> None:
    token = checked.request("POST", "/v1/tokens", TOKEN_PARAMS[token_type])
    assert token["type"] == token_type and token["used"] is False
    assert token["id"].startswith(TOKEN_PREFIX[token_type])
    checked.request("GET", f"/v1/tokens/{token['id']}")
    if token_type in ("card", "bank_account"):
        customer = checked.request("POST", "/v1/customers", {"source": token["id"]})
        assert checked.request("GET", f"/v1/tokens/{token['id']}")["used"] is True
        checked.request("GET", f"/v1/customers/{customer['id']}/sources")
    checked.assert_clean()


def test_token_charges_succeeded_failed_and_test_tokens_validate(checked) -> None:
    token = checked.request("POST", "/v1/tokens", TOKEN_PARAMS["card"])
    charge = checked.request(
        "POST", "/v1/charges", {"amount": "2000", "currency": "usd", "source": token["id"]}
    )
    assert charge["status"] == "succeeded"
    declined = checked.request(
        "POST", "/v1/tokens", {**TOKEN_PARAMS["card"], "card[number]": "4000000000000002"}
    )
    error = checked.request(
        "POST",
        "/v1/charges",
        {"amount": "2000", "currency": "usd", "source": declined["id"]},
        expect=402,
    )
    failed = checked.request("GET", f"/v1/charges/{error['error']['charge']}")
    assert failed["status"] == "failed"
    for test_token in ("tok_visa", "tok_mastercard", "tok_amex", "tok_chargeDeclined"):
        checked.request(
            "POST",
            "/v1/charges",
            {"amount": "2000", "currency": "usd", "source": test_token},
            expect=None,
        )
    checked.request(
        "POST",
        "/v1/charges",
        {"amount": "2000", "currency": "usd", "source": token["id"]},
        expect=400,
    )
    checked.assert_clean()


def test_customers_cards_and_deleted_objects_validate(checked) -> None:
    bare = checked.request(
        "POST", "/v1/customers", {"email": "a@example.com", "name": "Ann", "metadata[k]": "v"}
    )
    checked.request("GET", f"/v1/customers/{bare['id']}")
    checked.request("GET", f"/v1/customers/{bare['id']}", {"expand[]": "sources"})
    with_card = checked.request("POST", "/v1/customers", {"source": "tok_visa"})
    card_id = with_card["default_source"]
    assert card_id.startswith("card_")
    checked.request(
        "POST", f"/v1/customers/{with_card['id']}/sources", {"source": "tok_mastercard"}
    )
    src = checked.request("POST", "/v1/sources", {"type": "card", **CARD})
    checked.request("POST", f"/v1/customers/{with_card['id']}/sources", {"source": src["id"]})
    expanded = checked.request("GET", f"/v1/customers/{with_card['id']}", {"expand[]": "sources"})
    assert {item["object"] for item in expanded["sources"]["data"]} == {"card", "source"}
    checked.request("GET", f"/v1/customers/{with_card['id']}/sources", {"limit": "1"})
    checked.request("GET", f"/v1/customers/{with_card['id']}/sources/{card_id}")
    checked.request(
        "POST", "/v1/charges", {"amount": "700", "currency": "usd", "customer": with_card["id"]}
    )
    checked.request("POST", f"/v1/customers/{with_card['id']}", {"default_source": src["id"]})
    checked.request("POST", f"/v1/customers/{with_card['id']}", {"source": "tok_amex"})
    deleted_card = checked.request(
        "DELETE", f"/v1/customers/{with_card['id']}/sources/{card_id}", expect=None
    )
    if deleted_card.get("deleted"):
        checked.check("deleted card", deleted_card, "deleted_payment_source")
    other = checked.request("POST", "/v1/customers", {"source": "tok_visa"})
    gone = checked.request(
        "DELETE", f"/v1/customers/{other['id']}/sources/{other['default_source']}"
    )
    assert gone == {"id": other["default_source"], "object": "card", "deleted": True}
    checked.check("deleted card", gone, "deleted_card")
    checked.request("DELETE", f"/v1/customers/{bare['id']}")
    checked.request("GET", "/v1/customers", {"limit": "100"})
    checked.assert_clean()


# ---------------------------------------------------------------------------------------
# Charges, refunds, events, errors, lists
# ---------------------------------------------------------------------------------------


def _charge(box: CheckedSandbox, **params: str) -> dict[str, Any]:
    return box.request(
        "POST", "/v1/charges", {"amount": "5000", "currency": "usd", "source": "tok_visa", **params}
    )


def test_charges_in_every_status_and_refunds_validate(checked) -> None:
    succeeded = _charge(checked)
    uncaptured = _charge(checked, capture="false")
    assert uncaptured["captured"] is False and uncaptured["status"] == "succeeded"
    captured = checked.request(
        "POST", f"/v1/charges/{uncaptured['id']}/capture", {"amount": "3000"}
    )
    assert captured["captured"] is True
    expiring = _charge(checked, capture="false")
    partial = checked.request(
        "POST",
        "/v1/refunds",
        {"charge": succeeded["id"], "amount": "1000", "reason": "requested_by_customer"},
    )
    assert partial["object"] == "refund"
    checked.request("POST", "/v1/refunds", {"charge": succeeded["id"]})
    refunded = checked.request("GET", f"/v1/charges/{succeeded['id']}")
    assert refunded["refunded"] is True and refunded["amount_refunded"] == 5000
    for number in ("4000000000007726", "4000000000005126"):  # async refund outcomes
        tok = checked.request(
            "POST", "/v1/tokens", {**TOKEN_PARAMS["card"], "card[number]": number}
        )
        charge = _charge(checked, source=tok["id"])
        checked.request("POST", "/v1/refunds", {"charge": charge["id"]})
    sepa = checked.request(
        "POST",
        "/v1/sources",
        {
            "type": "sepa_debit",
            "sepa_debit[iban]": "DE89370400440532013000",
            "owner[name]": "Jenny Rosen",
            "currency": "eur",
        },
    )
    pending = _charge(checked, source=sepa["id"], currency="eur")
    assert pending["status"] == "pending"
    checked.request(
        "POST", "/v1/charges/" + pending["id"], {"description": "d", "metadata[a]": "b"}
    )
    for code in (
        "4000000000000002",
        "4000000000009995",
        "4000000000000069",
        "4000000000000127",
        "4000000000000119",
        "4100000000000019",
    ):
        tok = checked.request("POST", "/v1/tokens", {**TOKEN_PARAMS["card"], "card[number]": code})
        checked.request(
            "POST",
            "/v1/charges",
            {"amount": "5000", "currency": "usd", "source": tok["id"]},
            expect=402,
        )
    checked.request("POST", "/v1/test_helpers/advance_clock", {"seconds": str(8 * 86400)})
    expired = checked.request("GET", f"/v1/charges/{expiring['id']}")
    assert expired["refunded"] is True
    assert checked.request("GET", f"/v1/charges/{pending['id']}")["status"] == "succeeded"
    checked.request("GET", "/v1/charges", {"limit": "100"})
    checked.request("GET", "/v1/refunds", {"limit": "100"})
    refunds = checked.request("GET", "/v1/refunds", {"limit": "1"})
    checked.request("GET", f"/v1/refunds/{refunds['data'][0]['id']}")
    statuses = {
        c["status"] for c in checked.request("GET", "/v1/charges", {"limit": "100"})["data"]
    }
    assert statuses == {"succeeded", "failed"}
    checked.assert_clean()


def test_events_retrieved_and_listed_validate(checked) -> None:
    _charge(checked)
    customer = checked.request("POST", "/v1/customers", {"source": "tok_visa"})
    checked.request("POST", f"/v1/customers/{customer['id']}", {"email": "b@example.com"})
    src = checked.request(
        "POST",
        "/v1/sources",
        {
            "type": "multibanco",
            "amount": "1500",
            "currency": "eur",
            "owner[email]": "a@example.com",
        },
    )
    checked.request(
        "POST", f"/v1/test_helpers/sources/{src['id']}/receive_funds", {"amount": "500"}
    )
    events = checked.request("GET", "/v1/events", {"limit": "100"})["data"]
    assert events, "no events"
    for event in events:
        checked.request("GET", f"/v1/events/{event['id']}")
    checked.request("GET", "/v1/events", {"type": "customer.*"})
    checked.request("GET", "/v1/events", {"limit": "2", "starting_after": events[0]["id"]})
    checked.assert_clean()


BAD_REQUESTS: list[tuple[str, str, Any, dict[str, str], int]] = [
    ("POST", "/v1/charges", {"amount": "100", "currency": "usd"}, {}, 400),
    ("POST", "/v1/charges", {"amount": "-1", "currency": "usd", "source": "tok_visa"}, {}, 400),
    (
        "POST",
        "/v1/charges",
        {"amount": "999999999", "currency": "usd", "source": "tok_visa"},
        {},
        400,
    ),
    ("POST", "/v1/charges", {"amount": "100", "currency": "xyz", "source": "tok_visa"}, {}, 400),
    ("POST", "/v1/charges", {"amount": "100", "currency": "usd", "source": "src_nope"}, {}, 400),
    ("POST", "/v1/sources", {"type": "bogus"}, {}, 400),
    (
        "POST",
        "/v1/sources",
        {"type": "ideal", "usage": "reusable", "amount": "100", "currency": "eur"},
        {},
        400,
    ),
    ("POST", "/v1/sources", {"junk": "1"}, {}, 400),
    ("GET", "/v1/sources/src_nope", None, {}, 404),
    ("GET", "/v1/customers/tok_wrongkind", None, {}, 404),
    ("DELETE", "/v1/tokens/tok_x", None, {}, 404),
    ("GET", "/v1/nowhere", None, {}, 404),
    (
        "POST",
        "/v1/tokens",
        {"card[number]": "4242424242424241", "card[exp_month]": "12", "card[exp_year]": "2034"},
        {},
        402,
    ),
    (
        "POST",
        "/v1/tokens",
        {"card[number]": "4111111111111111", "card[exp_month]": "12", "card[exp_year]": "2034"},
        {},
        402,
    ),
    ("POST", "/v1/test_helpers/advance_clock", {"seconds": "-5"}, {}, 400),
    ("POST", "/v1/customers", None, {"Authorization": ""}, 401),
    ("POST", "/v1/customers", None, {"Authorization": "Bearer sk_live_abcdefgh"}, 401),
    ("GET", "/v1/charges", {"limit": "1000"}, {}, 400),
    ("POST", "/v1/customers", "%%%&&&==", {}, 400),
]


@pytest.mark.parametrize(
    ("method", "path", "params", "headers", "status"),
    BAD_REQUESTS,
    ids=[f"{m} {p} {s}" for m, p, _, _, s in BAD_REQUESTS],
)
def test_error_envelopes_validate(checked, method, path, params, headers, status) -> None:
    body = checked.request(method, path, params, headers, expect=status)
    assert set(body) == {"error"} and body["error"]["message"]
    checked.assert_clean()


def test_idempotency_conflict_envelope_validates(checked) -> None:
    key = {"Idempotency-Key": "k1"}
    checked.request("POST", "/v1/customers", {"email": "a@example.com"}, key)
    body = checked.request("POST", "/v1/customers", {"email": "b@example.com"}, key, expect=None)
    assert body["error"]["type"] == "idempotency_error"
    checked.assert_clean()


# ---------------------------------------------------------------------------------------
# The checker itself can fail
# ---------------------------------------------------------------------------------------


def test_nullable_conversion() -> None:
    assert to_json_schema({"type": "string", "nullable": True}) == {"type": ["string", "null"]}
    assert to_json_schema({"type": "string", "enum": ["a"], "nullable": True}) == {
        "type": ["string", "null"],
        "enum": ["a", None],
    }
    assert to_json_schema({"anyOf": [{"$ref": "#/x"}], "nullable": True}) == {
        "anyOf": [{"anyOf": [{"$ref": "#/x"}]}, {"type": "null"}]
    }
    strict = to_json_schema(
        {"type": "object", "properties": {"a": {"type": "integer"}}}, strict=True
    )
    assert strict["additionalProperties"] is False


def test_checker_rejects_broken_objects(spec) -> None:
    box = CheckedSandbox(spec)
    src = box.request("POST", "/v1/sources", {"type": "card", **CARD})
    assert spec.problems(src, "source") == []
    assert spec.problems({**src, "customer": None}, "source"), "customer is absent, not null"
    assert spec.problems({**src, "created": "yesterday"}, "source")
    assert spec.problems({**src, "owner": {**src["owner"], "email": 5}}, "source")
    assert spec.problems({k: v for k, v in src.items() if k != "client_secret"}, "source")
    undeclared = spec.problems({**src, "colour": "red"}, "source")
    assert len(undeclared) == 1 and undeclared[0].startswith("strict"), undeclared
    charge = _charge(box)
    assert spec.problems(charge, "charge") == []
    assert spec.problems({**charge, "source": {"object": "nonsense"}}, "charge")
    assert spec.problems({"error": {"message": "x"}}, "error")  # type is required


def test_spec_never_forbids_additional_properties_hence_the_strict_pass(spec) -> None:
    """The decision documented at the top: plain validation alone would let any field in."""

    def forbids(node: Any) -> bool:
        if isinstance(node, dict):
            return node.get("additionalProperties") is False or any(
                forbids(v) for v in node.values()
            )
        return isinstance(node, list) and any(forbids(v) for v in node)

    assert not forbids(spec.raw["components"])
    assert "source" not in spec.raw["components"]["charge"]["properties"]  # §8.3


def test_charge_source_is_returned_and_matches_the_historical_definition(checked) -> None:
    """§8.3: charge.source is still sent; it must be one of the historical shapes."""
    token_charge = _charge(checked)
    src = checked.request("POST", "/v1/sources", {"type": "card", **CARD})
    source_charge = _charge(checked, source=src["id"])
    assert token_charge["source"]["object"] == "card"
    assert source_charge["source"]["object"] == "source"
    assert source_charge["source"]["id"] == src["id"] == source_charge["payment_method"]
    broken = {**source_charge, "source": {**source_charge["source"], "status": 5}}
    assert checked.spec.problems(broken, "charge")
    checked.assert_clean()
