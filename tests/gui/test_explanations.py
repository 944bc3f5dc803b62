"""The Properties tab's "why": a status is explained by the lifecycle edge the object took.

``gui.words.explanations.why`` reads ``Sandbox.last_edge`` (the table's edge id), not
the path of the request that made the change, so the same edge explains the same
status whichever request took it (§3.3 T5c/T6/T8, §6.3, §12.5).
"""

from __future__ import annotations

from typing import Any

import pytest

from core.api import Sandbox
from gui.words import explanations

CARD = {
    "type": "card",
    "card[number]": "4242424242424242",
    "card[exp_month]": "12",
    "card[exp_year]": "2034",
}
TOKEN = {k: v for k, v in CARD.items() if k != "type"}


def _why(sb: Sandbox, object_id: str, path: str) -> str:
    obj = sb.get(object_id)
    assert obj is not None
    return explanations.why(obj["object"], path, obj, None, sb.last_edge(object_id))


@pytest.fixture
def sb() -> Sandbox:
    return Sandbox(seed=3, check_keys=False)


def _ok(sb: Sandbox, method: str, path: str, params: Any = None) -> dict[str, Any]:
    response = sb.request(method, path, params or {})
    assert response.status == 200, response.body
    return response.body


def test_a_reusable_source_is_explained_by_the_edge_it_took(sb: Sandbox) -> None:
    source = _ok(sb, "POST", "/v1/sources", CARD)["id"]
    customer = _ok(sb, "POST", "/v1/customers", {"email": "a@example.com"})["id"]
    assert sb.last_edge(source) == ""
    assert "as soon as they are created" in _why(sb, source, "status")  # §3.2
    _ok(sb, "POST", f"/v1/customers/{customer}/sources", {"source": source})
    assert sb.last_edge(source) == "T8b"
    assert "Attaching keeps the status" in _why(sb, source, "status")  # §3.3 T8
    # A later request that takes no edge (metadata) leaves the edge's explanation.
    _ok(sb, "POST", f"/v1/sources/{source}", {"metadata[order]": "1"})
    assert "Attaching keeps the status" in _why(sb, source, "status")
    charge = {"amount": "1000", "currency": "usd", "customer": customer, "source": source}
    _ok(sb, "POST", "/v1/charges", charge)
    assert sb.last_edge(source) == "T6"
    assert "stays chargeable after a charge" in _why(sb, source, "status")  # §3.3 T6
    _ok(sb, "DELETE", f"/v1/customers/{customer}/sources/{source}")
    assert sb.last_edge(source) == "T5c"
    assert "detaching a source consumes it" in _why(sb, source, "status")  # §5.1 rule 4


def test_a_token_is_explained_by_the_edge_that_used_it(sb: Sandbox) -> None:
    charged = _ok(sb, "POST", "/v1/tokens", TOKEN)["id"]
    assert "Nothing has used it yet" in _why(sb, charged, "used")
    _ok(sb, "POST", "/v1/charges", {"amount": "1000", "currency": "usd", "source": charged})
    assert sb.last_edge(charged) == "U1"
    assert "A charge used it" in _why(sb, charged, "used")  # §6.3
    attached = _ok(sb, "POST", "/v1/tokens", TOKEN)["id"]
    customer = _ok(sb, "POST", "/v1/customers", {"source": attached})["id"]
    assert customer and sb.last_edge(attached) == "U3"
    assert "Attaching it to a customer used it" in _why(sb, attached, "used")  # §12.5
