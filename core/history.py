"""The action log: accepted requests, redacted, replayable.

An entry keeps the request's method, path, parameters (as bracket pairs) and
the headers that matter (``Idempotency-Key``). Secrets never enter it: a card
number is stored as ``************4242`` plus the *key* of the test card
(only test cards are ever accepted, §10), a CVC as ``***`` plus its length.
:func:`LogEntry.replay_params` puts working stand-ins back, with the same
outcome, so replaying a prefix of the log rebuilds exactly the live state
(:meth:`core.api.Sandbox.replay`: replaying is the Sandbox's own job).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.facts import cards

CARD_NUMBER_KEYS = frozenset({"card[number]"})
CVC_KEYS = frozenset({"card[cvc]", "cvc_update[cvc]"})
ID_NUMBER_KEYS = frozenset(
    {"pii[id_number]", "person[id_number]", "account[individual][id_number]"}
)
SECRET_KEYS = CARD_NUMBER_KEYS | CVC_KEYS | ID_NUMBER_KEYS


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One accepted request.

    Attributes:
        method, path: as sent (path without query string).
        params: bracket pairs, secrets redacted.
        stand_ins: for each redacted key, how to rebuild a working value
            (``card:<test card key>``, ``digits:<n>``).
        idempotency_key: the ``Idempotency-Key`` header, if any.
        changed_ids: the objects the request changed (used for undo notices).
        origin: who sent it (``gui``, ``lesson``...).
    """

    method: str
    path: str
    params: tuple[tuple[str, str], ...]
    stand_ins: tuple[tuple[str, str], ...] = ()
    idempotency_key: str | None = None
    changed_ids: tuple[str, ...] = field(default=(), compare=False)
    origin: str = field(default="", compare=False)

    def replay_params(self) -> list[tuple[str, str]]:
        subs = dict(self.stand_ins)
        out = []
        for key, value in self.params:
            spec = subs.get(key)
            if spec is None:
                out.append((key, value))
            elif spec.startswith("card:"):
                out.append((key, cards.BY_KEY[spec[5:]].number))
            else:
                out.append((key, "0" * int(spec.partition(":")[2])))
        return out

    def headers(self) -> dict[str, str]:
        return {"Idempotency-Key": self.idempotency_key} if self.idempotency_key else {}

    def to_json(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "path": self.path,
            "params": [list(p) for p in self.params],
            "stand_ins": [list(s) for s in self.stand_ins],
            "idempotency_key": self.idempotency_key,
            "origin": self.origin,
            "changed_ids": list(self.changed_ids),
        }

    @classmethod
    def from_json(cls, data: Any) -> LogEntry:
        if not isinstance(data, dict):
            raise ValueError("a log entry is not an object")
        method, path = data["method"], data["path"]
        params = tuple((str(k), str(v)) for k, v in data["params"])
        stand_ins = tuple((str(k), str(v)) for k, v in data.get("stand_ins", []))
        for key, spec in stand_ins:
            kind, _, arg = spec.partition(":")
            if not (
                (kind == "card" and arg in cards.BY_KEY)
                or (kind == "digits" and arg.isdigit() and int(arg) < 40)
            ):
                raise ValueError(f"bad stand-in for {key}")
        idem = data.get("idempotency_key")
        if not isinstance(method, str) or not isinstance(path, str):
            raise ValueError("method and path must be strings")
        if idem is not None and not isinstance(idem, str):
            raise ValueError("idempotency_key must be a string")
        changed = tuple(str(i) for i in data.get("changed_ids", []))
        return cls(method, path, params, stand_ins, idem, changed, str(data.get("origin", "")))


def redact(
    pairs: list[tuple[str, str]],
) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """Pairs with secrets replaced, and the stand-in specs that undo it for replay."""
    if SECRET_KEYS.isdisjoint([key for key, _ in pairs]):
        return tuple(pairs), ()
    out: list[tuple[str, str]] = []
    subs: list[tuple[str, str]] = []
    for key, value in pairs:
        if key in CARD_NUMBER_KEYS:
            found = cards.classify(value)
            test_key = found.key if isinstance(found, cards.TestCard) else "visa"
            out.append((key, cards.redact(value)))
            subs.append((key, f"card:{test_key}"))
        elif key in CVC_KEYS or key in ID_NUMBER_KEYS:
            out.append((key, "*" * len(value)))
            subs.append((key, f"digits:{len(value)}"))
        else:
            out.append((key, value))
    return tuple(out), tuple(subs)


def redact_pairs(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return list(redact(pairs)[0])
