"""Stripe's form-encoded bracket syntax, parsed into nested dicts.

``card[number]=4242`` becomes ``{"card": {"number": "4242"}}``,
``values[]=32&values[]=45`` becomes ``{"values": ["32", "45"]}`` and
``values[0]=32`` likewise. Callers may also pass an already nested mapping.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl

Params = dict[str, Any]

#: How many levels of brackets a parameter name may have (``a[b][c]`` has 2).
#: Stripe's deepest parameters have a handful; the limit keeps parsing flat and
#: bounded (a 1,000-level key would otherwise exhaust the recursion limit).
MAX_DEPTH = 32

_KEY = re.compile(r"^([A-Za-z0-9_.\-]+)((?:\[[A-Za-z0-9_.\-]*\])*)$")
_PART = re.compile(r"\[([A-Za-z0-9_.\-]*)\]")


class ParamError(ValueError):
    """A parameter list that cannot be parsed; ``param`` names the culprit."""

    def __init__(self, message: str, param: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.param = param


def _scalar(key: str, value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | str):
        return str(value)
    if value is None:
        return ""
    raise ParamError(f"Invalid value for {key}: expected a string.", key)


def flatten(params: object) -> list[tuple[str, str]]:
    """Any accepted ``params`` shape as a list of ``(bracket_key, str)`` pairs."""
    if params is None:
        return []
    if isinstance(params, list | tuple):
        plain = _plain_pairs(params)
        if plain is not None:
            return plain
    if isinstance(params, Mapping):
        items: list[tuple[object, object]] = list(params.items())
    elif isinstance(params, list | tuple):
        items = []
        for pair in params:
            if not isinstance(pair, list | tuple) or len(pair) != 2:
                raise ParamError("Invalid request body: expected (key, value) pairs.")
            items.append((pair[0], pair[1]))
    elif isinstance(params, str | bytes):
        text = params.decode("utf-8", "replace") if isinstance(params, bytes) else params
        try:
            items = list(parse_qsl(text, keep_blank_values=True, strict_parsing=bool(text)))
        except ValueError as exc:
            raise ParamError("Invalid request body: it is not form-encoded.") from exc
    else:
        raise ParamError("Invalid request body: expected a mapping or (key, value) pairs.")
    out: list[tuple[str, str]] = []
    for key, value in items:
        if not isinstance(key, str) or not key:
            raise ParamError("Invalid request body: parameter names must be strings.")
        _flatten_into(out, key, value)
    return out


def _plain_pairs(params: list[Any] | tuple[Any, ...]) -> list[tuple[str, str]] | None:
    """The common case, already flat: ``(str, str)`` tuples with non-empty keys.

    None when anything else is in there; the general path then handles (or
    refuses) it.
    """
    for pair in params:
        if (
            type(pair) is not tuple
            or len(pair) != 2
            or type(pair[0]) is not str
            or type(pair[1]) is not str
            or not pair[0]
        ):
            return None
    return list(params)


def _flatten_into(out: list[tuple[str, str]], key: str, value: object, depth: int = 0) -> None:
    if isinstance(value, Mapping | list | tuple) and depth >= MAX_DEPTH:
        raise _too_deep(key)
    if isinstance(value, Mapping):
        for sub, val in value.items():
            _flatten_into(out, f"{key}[{sub}]", val, depth + 1)
    elif isinstance(value, list | tuple):
        for val in value:
            _flatten_into(out, f"{key}[]", val, depth + 1)
    else:
        out.append((key, _scalar(key, value)))


def parse(pairs: list[tuple[str, str]]) -> Params:
    """Bracket-syntax pairs as a nested dict (lists for ``[]`` and ``[0]``)."""
    root: Params = {}
    indexed = False  # some key has a [] or [0] part: hashes may turn into lists
    for key, value in pairs:
        if not value.isascii():
            _check_unicode(key, value)
        parts = _key_parts(key)
        if not indexed and len(parts) > 1:
            indexed = any(not part or part.isdigit() for part in parts[1:])
        _assign(root, parts, value, key)
    return _lists(root) if indexed else root


def _check_unicode(key: str, value: str) -> None:
    """Refuse a lone surrogate (``"\ud800"``): no HTTP client can send one, and a
    session holding it could never be saved again."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        shown = key if len(key) <= 80 else key[:77] + "..."
        message = f"Invalid value for {shown}: it is not valid Unicode text."
        raise ParamError(message, shown) from None


def _key_parts(key: str) -> tuple[str, ...]:
    """``card[number]`` → ``("card", "number")``."""
    return _cached_key_parts(key) if len(key) <= 100 else _split_key(key)


@functools.lru_cache(maxsize=2048)  # clients reuse their keys; long ones are not kept
def _cached_key_parts(key: str) -> tuple[str, ...]:
    return _split_key(key)


def _split_key(key: str) -> tuple[str, ...]:
    match = _KEY.match(key)
    if match is None:
        raise ParamError(f"Invalid parameter name: {key[:80]}", key[:80])
    parts = (match.group(1), *_PART.findall(match.group(2)))
    if len(parts) > MAX_DEPTH + 1:
        raise _too_deep(key)
    return parts


def _too_deep(key: str) -> ParamError:
    shown = key if len(key) <= 80 else key[:77] + "..."
    return ParamError(
        f"Invalid parameter name: {shown} is nested too deeply; parameters can have "
        f"at most {MAX_DEPTH} levels of brackets.",
        shown,
    )


def _assign(root: Params, parts: tuple[str, ...], value: str, key: str) -> None:
    node = root
    for head in parts[:-1]:
        if head == "":
            head = str(len(node))
        child = node.get(head)
        if child is None:
            child = node[head] = {}
        if not isinstance(child, dict):
            raise ParamError(f"Invalid parameter: {key} mixes a value and a hash.", key)
        node = child
    last = parts[-1]
    if isinstance(node.get(last), dict):
        raise ParamError(f"Invalid parameter: {key} is given twice.", key)
    node[str(len(node)) if last == "" else last] = value


def _lists(node: Params) -> Params:
    for key, value in list(node.items()):
        if isinstance(value, dict):
            value = _lists(value)
            if value and all(k.isdigit() for k in value):
                node[key] = [value[k] for k in sorted(value, key=int)]
            else:
                node[key] = value
    return node
