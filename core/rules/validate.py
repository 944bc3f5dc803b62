"""Typed access to parsed request parameters, raising Stripe-shaped errors."""

from __future__ import annotations

from typing import Any

from core.facts import catalog, errors

IGNORED = frozenset({"expand"})


_Str = str
_Int = int
_Bool = bool
_List = list


class Params:
    """A parsed parameter hash checked against the keys an endpoint accepts.

    Unknown keys raise ``parameter_unknown`` immediately, so a handler never
    starts work on a request it will refuse.
    """

    def __init__(
        self, data: dict[_Str, Any], allowed: frozenset[_Str] | set[_Str], prefix: _Str = ""
    ) -> None:
        self.data = data
        self.prefix = prefix
        for key in data:
            if key not in allowed and key not in IGNORED:
                raise errors.unknown_param(self.name(key))

    def name(self, key: _Str) -> _Str:
        return f"{self.prefix}[{key}]" if self.prefix else key

    def has(self, key: _Str) -> _Bool:
        return key in self.data

    def str(self, key: _Str, required: _Bool = False, max_len: _Int = 5000) -> _Str | None:
        value = self.data.get(key)
        if value is None:
            if required:
                raise errors.missing_param(self.name(key))
            return None
        if not isinstance(value, str):
            raise errors.invalid_string(self.name(key))
        if required and value == "":
            raise errors.missing_param(self.name(key))
        if len(value) > max_len:
            raise errors.invalid(
                f"Invalid {self.name(key)}: must be at most {max_len} characters",
                param=self.name(key),
            )
        return value

    def req(self, key: _Str, max_len: _Int = 5000) -> _Str:
        value = self.str(key, True, max_len)
        assert value is not None
        return value

    def int(self, key: _Str, required: _Bool = False) -> _Int | None:
        raw = self.str(key, required, 40)
        if raw is None or raw == "":
            if required:
                raise errors.missing_param(self.name(key))
            return None
        # Digits only, with an optional leading minus: no spaces, no plus sign, no
        # underscores or non-ASCII digits (all of which int() would accept).
        body = raw[1:] if raw[:1] == "-" else raw
        if not body.isdigit() or not body.isascii():
            raise errors.invalid_integer(self.name(key), raw)
        return int(raw)

    def amount(self, key: _Str = "amount", required: _Bool = False) -> _Int | None:
        value = self.int(key, required)
        if value is None:
            return None
        if value <= 0:
            raise errors.invalid_positive_integer(self.name(key))
        if value > catalog.MAX_AMOUNT:
            raise errors.amount_too_large(self.name(key))
        return value

    def bool(self, key: _Str, default: _Bool) -> _Bool:
        raw = self.str(key)
        if raw is None:
            return default
        if raw in ("true", "True", "1"):
            return True
        if raw in ("false", "False", "0"):
            return False
        raise errors.invalid_boolean(self.name(key), raw)

    def enum(self, key: _Str, allowed: tuple[_Str, ...], required: _Bool = False) -> _Str | None:
        value = self.str(key, required)
        if value is None:
            return None
        if value not in allowed:
            raise errors.invalid_enum(self.name(key), value, allowed)
        return value

    def currency(self, key: _Str = "currency", required: _Bool = False) -> _Str | None:
        value = self.str(key, required, 10)
        if value is None:
            return None
        value = value.lower()
        if value not in catalog.CURRENCIES:
            raise errors.invalid_currency(value)
        return value

    def hash(self, key: _Str, allowed: frozenset[_Str] | set[_Str] | None = None) -> Params | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            raise errors.invalid_hash(self.name(key))
        return Params(value, allowed if allowed is not None else set(value), self.name(key))

    def list(self, key: _Str, required: _Bool = False) -> _List[_Str] | None:
        value = self.data.get(key)
        if value is None:
            if required:
                raise errors.missing_param(self.name(key))
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise errors.invalid_array(self.name(key))
        return list(value)

    def metadata(self, key: _Str = "metadata") -> dict[_Str, _Str] | None:
        """Stripe's metadata: ``metadata[k]=v``; an empty value deletes ``k``."""
        value = self.data.get(key)
        if value is None:
            return None
        if value == "":
            return {}
        if not isinstance(value, dict):
            raise errors.invalid_hash(self.name(key))
        out: dict[_Str, _Str] = {}
        for k, v in value.items():
            if not isinstance(v, str):
                raise errors.invalid_string(f"{self.name(key)}[{k}]")
            if len(k) > 40:
                raise errors.invalid(
                    f"Invalid {key}: keys must be at most 40 characters", param=self.name(key)
                )
            if len(v) > 500:
                raise errors.invalid(
                    f"Invalid {key}[{k}]: values must be at most 500 characters",
                    param=f"{self.name(key)}[{k}]",
                )
            out[k] = v
        if len(out) > 50:
            raise errors.invalid("Invalid metadata: at most 50 keys", param=self.name(key))
        return out

    def raw_hash(self, key: _Str) -> dict[_Str, Any] | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            raise errors.invalid_hash(self.name(key))
        return value


def check_minimum_amount(amount: int, currency: str) -> None:
    """Refuse an ``amount`` below Stripe's minimum charge for ``currency`` (50 units by default)."""
    minimum = catalog.MIN_CHARGE.get(currency, 50)
    if amount < minimum:
        raise errors.amount_too_small("amount", currency, minimum)


def merge_metadata(
    current: dict[str, str], update: dict[str, str] | None, raw: object
) -> dict[str, str]:
    """Stripe's metadata update: keys merge; ``""`` deletes a key; ``metadata=`` clears."""
    if update is None:
        return current
    if raw == "":
        return {}
    merged = dict(current)
    for k, v in update.items():
        if v == "":
            merged.pop(k, None)
        else:
            merged[k] = v
    return merged
