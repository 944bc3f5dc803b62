"""A Stripe request written out as ``curl``, ``stripe-python`` and ``stripe-node`` code.

The detail pane's *Request* tab shows every request that touched the selected
object, so a learner can replay it against Stripe's test mode — or, while the
window serves the API, against the window itself (``base``: the local
server's address). Parameters use Stripe's bracket syntax (``card[number]``,
``values[]``); the Python and Node forms nest them the way the libraries expect.
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


def curl(method: str, path: str, params: Any, base: str = API_BASE) -> str:
    """The request as a ``curl`` command line, in Stripe's documentation style."""
    method = method.upper()
    lines = [f"curl {base.rstrip('/')}{path}"]
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
    ("POST", r"/v1/payment_intents", "stripe.PaymentIntent.create"),
    ("GET", r"/v1/payment_intents/([^/]+)", "stripe.PaymentIntent.retrieve"),
    ("POST", r"/v1/payment_intents/([^/]+)/confirm", "stripe.PaymentIntent.confirm"),
    ("POST", r"/v1/payment_intents/([^/]+)/capture", "stripe.PaymentIntent.capture"),
    ("POST", r"/v1/payment_intents/([^/]+)/cancel", "stripe.PaymentIntent.cancel"),
    (
        "POST",
        r"/v1/payment_intents/([^/]+)/increment_authorization",
        "stripe.PaymentIntent.increment_authorization",
    ),
    (
        "POST",
        r"/v1/payment_intents/([^/]+)/verify_microdeposits",
        "stripe.PaymentIntent.verify_microdeposits",
    ),
    ("POST", r"/v1/payment_intents/([^/]+)", "stripe.PaymentIntent.modify"),
    ("POST", r"/v1/payment_methods", "stripe.PaymentMethod.create"),
    ("GET", r"/v1/payment_methods/([^/]+)", "stripe.PaymentMethod.retrieve"),
    ("POST", r"/v1/payment_methods/([^/]+)/attach", "stripe.PaymentMethod.attach"),
    ("POST", r"/v1/payment_methods/([^/]+)/detach", "stripe.PaymentMethod.detach"),
    ("POST", r"/v1/payment_methods/([^/]+)", "stripe.PaymentMethod.modify"),
    ("POST", r"/v1/setup_intents", "stripe.SetupIntent.create"),
    ("GET", r"/v1/setup_intents/([^/]+)", "stripe.SetupIntent.retrieve"),
    ("POST", r"/v1/setup_intents/([^/]+)/confirm", "stripe.SetupIntent.confirm"),
    ("POST", r"/v1/setup_intents/([^/]+)/cancel", "stripe.SetupIntent.cancel"),
    ("POST", r"/v1/setup_intents/([^/]+)", "stripe.SetupIntent.modify"),
]

#: stripe-python call -> stripe-node call (``stripe.sources.create`` and friends)
_NODE = {
    "Source": "sources",
    "Token": "tokens",
    "Customer": "customers",
    "Charge": "charges",
    "Refund": "refunds",
    "PaymentIntent": "paymentIntents",
    "PaymentMethod": "paymentMethods",
    "SetupIntent": "setupIntents",
}
_NODE_METHOD = {
    "modify": "update",
    "delete": "del",
    "create_source": "createSource",
    "delete_source": "deleteSource",
    "verify_source": "verifySource",
    "modify_source": "updateSource",
    "increment_authorization": "incrementAuthorization",
    "verify_microdeposits": "verifyMicrodeposits",
}


def _call_of(method: str, path: str) -> tuple[str | None, list[str]]:
    """The stripe-python call for ``method path`` and the ids it takes positionally."""
    for m, pattern, name in _CALLS:
        match = re.fullmatch(pattern, path)
        if m == method and match:
            return name, list(match.groups())
    return None, []


def python(method: str, path: str, params: Any, base: str = API_BASE) -> str:
    """The request as stripe-python code (``stripe.Source.create(...)`` and friends)."""
    method = method.upper()
    call, ids = _call_of(method, path)
    args = [_py(g, 1) for g in ids]
    nested = nest(params)
    if call == "stripe.Refund.create" and path.startswith("/v1/charges/") and args:
        nested = {"charge": json.loads(args[0]), **nested}
        args = []
    header = f'import stripe\n\nstripe.api_key = "{TEST_KEY}"\n'
    if base.rstrip("/") != API_BASE:
        header += f'stripe.api_base = "{base.rstrip("/")}"  # the window serves the API\n'
    header += "\n"
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


def node(method: str, path: str, params: Any, base: str = API_BASE) -> str:
    """The request as stripe-node code (``await stripe.sources.create({...})``)."""
    method = method.upper()
    call, ids = _call_of(method, path)
    nested = nest(params)
    if call == "stripe.Refund.create" and path.startswith("/v1/charges/") and ids:
        nested = {"charge": ids[0], **nested}
        ids = []
    options = ""
    url = _Address(base)
    if base.rstrip("/") != API_BASE:
        options = (
            f", {{\n  host: {json.dumps(url.host)},\n  port: {url.port},\n"
            f"  protocol: {json.dumps(url.scheme)}, // the window serves the API\n}}"
        )
    header = f"const stripe = require('stripe')({json.dumps(TEST_KEY)}{options});\n\n"
    body = json.dumps(nested, indent=2, ensure_ascii=False) if nested else ""
    if call is None:
        header += (
            "// This endpoint exists only in Chargeable's simulator;\n"
            "// in Stripe's test mode you would do this step in the Dashboard or the browser.\n"
        )
        args = [json.dumps(method), json.dumps(path), body or "{}"]
        return header + f"const response = await stripe.rawRequest({', '.join(args)});"
    resource, _, name = call.removeprefix("stripe.").partition(".")
    function = f"stripe.{_NODE[resource]}.{_NODE_METHOD.get(name, name)}"
    args = [json.dumps(i) for i in ids] + ([body] if body else [])
    return header + f"const result = await {function}({', '.join(args)});"


class _Address:
    """scheme, host and port of an ``http://host:port`` address (no Qt needed)."""

    def __init__(self, url: str) -> None:
        scheme, _, rest = url.partition("://")
        hostport = rest.split("/", 1)[0]
        host, _, port = hostport.rpartition(":")
        if not host:
            host, port = hostport, ""
        self.scheme = scheme or "http"
        self.host = host
        self.port = int(port) if port.isdigit() else (443 if self.scheme == "https" else 80)
