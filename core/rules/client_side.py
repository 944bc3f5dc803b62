"""What Stripe.js and the mobile SDKs send: requests made with a publishable key (§1).

- The key may come in the body or query string (``key=pk_test_…``) instead of an
  ``Authorization`` header; Stripe.js does that for ``POST /v1/tokens`` and
  ``POST /v1/sources`` and for ``GET /v1/sources/{id}``.
- Those requests carry Stripe.js's own telemetry fields (``payment_user_agent``,
  ``time_on_page``, ``guid``, ``muid``, ``sid``, ``referrer``, ``pasted_fields``); they
  are accepted and dropped.
- A card hash as ``source`` on a customer (``source[object]=card&source[number]=…``,
  the legacy Cards API form) becomes a card token first, then is attached as a token
  would be (§7, §6.3).
- A publishable key may read a source only with its ``client_secret`` (§2.1: the
  secret lets the client poll the source's status). A missing or wrong secret is
  answered as a missing source (the live wording is not in the reference:
  unverified).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from typing import Any

from core.facts import errors
from core.rules import engine
from core.rules.validate import Params
from core.store.records import SourceRec, TokenRec
from core.store.state import State

#: Telemetry Stripe.js adds to what it sends; never stored, never refused.
TELEMETRY = frozenset(
    {
        "key",
        "payment_user_agent",
        "time_on_page",
        "guid",
        "muid",
        "sid",
        "referrer",
        "pasted_fields",
    }
)
_SOURCE_PATH = re.compile(r"^/v1/sources/([A-Za-z0-9_]+)$")
_CREATES = frozenset({("POST", "/v1/tokens"), ("POST", "/v1/sources")})


def is_client_route(method: str, path: str) -> bool:
    """A request a publishable key may make."""
    return (method, path) in _CREATES or (method == "GET" and bool(_SOURCE_PATH.match(path)))


def key_in_params(pairs: list[tuple[str, str]]) -> str | None:
    """The ``key`` a client sent among its parameters (the last one wins), or None."""
    found = None
    for name, value in pairs:
        if name == "key":
            found = value
    return found


def strip_telemetry(data: dict[str, Any]) -> None:
    for name in TELEMETRY.intersection(data):
        del data[name]


def check_source_secret(st: State, path: str, data: dict[str, Any]) -> None:
    """A publishable key reads a source only with the source's own client_secret."""
    found = _SOURCE_PATH.match(path)
    if found is None:
        return
    source_id = found.group(1)
    rec = st.objects.get(source_id)
    secret = data.get("client_secret")
    if not isinstance(rec, SourceRec) or not isinstance(secret, str) or secret != rec.client_secret:
        raise errors.no_such("source", source_id)


def source_param(st: State, p: Params, required: bool = False) -> str | None:
    """``source`` as an id; a card hash is tokenized first and its token's id returned."""
    raw = p.data.get("source")
    if isinstance(raw, dict):
        card = p.hash("source", {*engine.CARD_KEYS, "object"})
        assert card is not None
        if card.str("object") not in (None, "card"):
            raise errors.invalid_enum("source[object]", str(card.str("object")), ("card",))
        tok = TokenRec(st.new_id("tok_"), "card", st.now, card=engine.card_from_params(st, card))
        st.add(tok)
        return tok.id
    return p.req("source") if required else p.str("source")


# --- the headers and API key of a request -------------------------------------------


def headers_of(raw: object) -> dict[str, str]:
    """Request headers (a mapping or pairs) by lower-case name; Stripe's 400 if malformed."""
    if raw is None:
        return {}
    items: Any = raw.items() if isinstance(raw, Mapping) else raw
    out: dict[str, str] = {}
    try:
        for key, value in items:
            if not isinstance(key, str) or not isinstance(value, str):
                raise errors.bad_body("Invalid headers: names and values must be strings.")
            out[key.lower()] = value
    except (TypeError, ValueError) as exc:
        raise errors.bad_body("Invalid headers.") from exc
    return out


def request_key(
    headers: dict[str, str], pairs: list[tuple[str, str]], client_route: bool
) -> str | None:
    """The key from ``Authorization``, else (Stripe.js) a ``key`` parameter."""
    key = api_key(headers)
    if key is None and client_route:
        key = key_in_params(pairs)
    return key


def api_key(headers: dict[str, str]) -> str | None:
    auth = headers.get("authorization", "").strip()
    if not auth:
        return None
    scheme, _, value = auth.partition(" ")
    if scheme.lower() == "bearer":
        return value.strip()
    if scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(value.strip(), validate=True).decode()
        except (ValueError, UnicodeDecodeError):
            return ""
        return decoded.partition(":")[0]
    return ""


def check_key(key: str | None, method: str, path: str) -> None:
    if key is None:
        raise errors.no_api_key()
    if key.startswith(("sk_live_", "rk_live_", "pk_live_")):
        raise errors.live_key_refused()
    if key.startswith(("sk_test_", "rk_test_")) and len(key) > 8:
        return
    if key.startswith("pk_test_") and len(key) > 8:
        if is_client_route(method, path):
            return
        raise errors.publishable_key_not_allowed()
    shown = (key[:8] + "*" * max(len(key) - 12, 0) + key[-4:]) if len(key) > 12 else "****"
    raise errors.invalid_api_key(shown)
