"""A Stripe request written out as ``curl`` and as ``stripe-python`` code.

The detail pane's *Request* tab shows the request that created or last
changed the selected object, so a learner can replay it against Stripe's
test mode. Parameters use Stripe's bracket syntax (``card[number]``,
``values[]``); the Python form nests them the way stripe-python expects.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Iterable
from typing import Any

API_BASE = "https://api.stripe.com"
TEST_KEY = "sk_test_123"

_INT_KEYS = {
    "amount",
    "exp_month",
    "exp_year",
    "amounts",
    "application_fee_amount",
    "attempts_remaining",
}
_BOOL_VALUES = {"true": True, "false": False}


def pairs_of(params: Any) -> list[tuple[str, str]]:
    """Params (a mapping or a list of pairs) as a list of ``(key, value)`` strings."""
    if not params:
        return []
    items: Iterable[Any] = params.items() if isinstance(params, dict) else params
    out: list[tuple[str, str]] = []
    for k, v in items:
        if isinstance(v, list | tuple):
            key = str(k) if str(k).endswith("[]") else f"{k}[]"
            out.extend((key, str(x)) for x in v)
        else:
            out.append((str(k), "" if v is None else str(v)))
    return out


def curl(method: str, path: str, params: Any) -> str:
    """The request as a ``curl`` command line, in Stripe's documentation style."""
    method = method.upper()
    lines = [f"curl {API_BASE}{path}"]
    if method == "GET" and params:
        lines.append("-G")
    elif method not in ("GET", "POST"):
        lines.append(f"-X {method}")
    lines.append(f'-u "{TEST_KEY}:"')
    for key, value in pairs_of(params):
        lines.append(f"-d {_curl_quote(key)}={_curl_quote(value)}")
    return " \\\n  ".join(lines)


def _curl_quote(text: str) -> str:
    if re.fullmatch(r"[A-Za-z0-9_.@:/+-]+", text or "x"):
        return text
    if "[" in text or "]" in text or " " in text:
        if '"' not in text and "$" not in text and "`" not in text and "\\" not in text:
            return f'"{text}"'
    return shlex.quote(text)


def nest(params: Any) -> dict[str, Any]:
    """Bracket-syntax pairs as nested dicts and lists (``a[b][]=1`` -> ``{"a": {"b": ["1"]}}``)."""
    root: dict[str, Any] = {}
    for key, value in pairs_of(params):
        parts = re.findall(r"[^\[\]]+|\[\]", key.replace("][", "]["))
        names = [p for p in re.split(r"\[|\]", key) if p != ""]
        is_list = key.endswith("[]")
        if not parts:
            continue
        node = root
        for name in names[:-1]:
            child = node.get(name)
            if not isinstance(child, dict):
                child = {}
                node[name] = child
            node = child
        leaf = names[-1]
        typed = _typed(leaf, value)
        if is_list:
            existing = node.get(leaf)
            if not isinstance(existing, list):
                existing = []
                node[leaf] = existing
            existing.append(typed)
        else:
            node[leaf] = typed
    return root


def _typed(key: str, value: str) -> Any:
    if key in _INT_KEYS and re.fullmatch(r"-?\d+", value):
        return int(value)
    if value in _BOOL_VALUES:
        return _BOOL_VALUES[value]
    return value


def _py(value: Any, indent: int) -> str:
    pad = "    " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = ",\n".join(f'{pad}    "{k}": {_py(v, indent + 1)}' for k, v in value.items())
        return "{\n" + inner + ",\n" + pad + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_py(v, indent) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return repr(value)


# (method, path regex) -> (call, number of path ids passed positionally)
_CALLS: list[tuple[str, str, str]] = [
    ("POST", r"/v1/sources", "stripe.Source.create"),
    ("GET", r"/v1/sources/([^/]+)", "stripe.Source.retrieve"),
    ("POST", r"/v1/sources/([^/]+)/verify", "stripe.Source.verify"),
    ("POST", r"/v1/sources/([^/]+)", "stripe.Source.modify"),
    ("POST", r"/v1/tokens", "stripe.Token.create"),
    ("GET", r"/v1/tokens/([^/]+)", "stripe.Token.retrieve"),
    ("POST", r"/v1/customers", "stripe.Customer.create"),
    ("GET", r"/v1/customers/([^/]+)", "stripe.Customer.retrieve"),
    ("POST", r"/v1/customers/([^/]+)/sources", "stripe.Customer.create_source"),
    ("DELETE", r"/v1/customers/([^/]+)/sources/([^/]+)", "stripe.Customer.delete_source"),
    ("POST", r"/v1/customers/([^/]+)/sources/([^/]+)/verify", "stripe.Customer.verify_source"),
    ("POST", r"/v1/customers/([^/]+)/sources/([^/]+)", "stripe.Customer.modify_source"),
    ("POST", r"/v1/customers/([^/]+)", "stripe.Customer.modify"),
    ("DELETE", r"/v1/customers/([^/]+)", "stripe.Customer.delete"),
    ("POST", r"/v1/charges", "stripe.Charge.create"),
    ("GET", r"/v1/charges/([^/]+)", "stripe.Charge.retrieve"),
    ("POST", r"/v1/charges/([^/]+)/capture", "stripe.Charge.capture"),
    ("POST", r"/v1/charges/([^/]+)/refunds", "stripe.Refund.create"),
    ("POST", r"/v1/charges/([^/]+)", "stripe.Charge.modify"),
    ("POST", r"/v1/refunds", "stripe.Refund.create"),
]


def python(method: str, path: str, params: Any) -> str:
    """The request as stripe-python code (``stripe.Source.create(...)`` and friends)."""
    method = method.upper()
    args: list[str] = []
    call = None
    for m, pattern, name in _CALLS:
        match = re.fullmatch(pattern, path)
        if m == method and match:
            call = name
            args = [_py(g, 1) for g in match.groups()]
            break
    nested = nest(params)
    if call == "stripe.Refund.create" and path.startswith("/v1/charges/") and args:
        nested = {"charge": json.loads(args[0]), **nested}
        args = []
    header = f'import stripe\n\nstripe.api_key = "{TEST_KEY}"\n\n'
    if call is None:
        # Not a public Stripe endpoint (a simulator helper): a raw request.
        header += (
            "# This endpoint exists only in Chargeable's simulator;\n"
            "# in Stripe's test mode you would do this step in the Dashboard or the browser.\n"
        )
        call = "stripe.raw_request"
        args = [_py(method.lower(), 1), _py(path, 1)]
    kwarg_lines = [f"    {k}={_py(v, 1)}," for k, v in nested.items()]
    arg_lines = [f"    {a}," for a in args]
    body = arg_lines + kwarg_lines
    if not body:
        return header + f"{call}()"
    return header + f"{call}(\n" + "\n".join(body) + "\n)"
