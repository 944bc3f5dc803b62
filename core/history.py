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
        ids_from: the id counter when the request started (``-1``: not kept, in
            older files); a replay starts there, so it gives the same ids even when
            undone requests in between used some.
        fingerprint: for a request with an ``Idempotency-Key``, the hash of the
            request as it was sent (secrets included, so never the secrets
            themselves): a retry after a replay compares against it, because the
            redacted ``params`` would hash differently.
    """

    method: str
    path: str
    params: tuple[tuple[str, str], ...]
    stand_ins: tuple[tuple[str, str], ...] = ()
    idempotency_key: str | None = None
    changed_ids: tuple[str, ...] = field(default=(), compare=False)
    origin: str = field(default="", compare=False)
    fingerprint: str = field(default="", compare=False)
    ids_from: int = field(default=-1, compare=False)

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
            **({"fingerprint": self.fingerprint} if self.fingerprint else {}),
            **({"ids_from": self.ids_from} if self.ids_from >= 0 else {}),
        }

    @classmethod
    def from_json(cls, data: Any) -> LogEntry:
        """An entry from a session file; ``ValueError`` with words for people if damaged.

        Every field must have its own type (no number where text belongs, no
        ``true`` for a list), so a damaged entry is refused here rather than
        replayed into something else.
        """
        if not isinstance(data, dict):
            raise ValueError("it is not a JSON object")
        for name in ("method", "path", "params"):
            if name not in data:
                raise ValueError(f'it has no "{name}"')
        method, path = data["method"], data["path"]
        if not isinstance(method, str) or method not in ("POST", "DELETE", "GET"):
            raise ValueError("its method is not POST, DELETE or GET")
        if not isinstance(path, str) or not path.startswith("/") or len(path) > 5000:
            raise ValueError("its path is not a path such as /v1/customers")
        params = _pairs(data["params"], "parameters")
        stand_ins = _pairs(data.get("stand_ins", []), "stand-ins")
        for key, spec in stand_ins:
            kind, _, arg = spec.partition(":")
            if not (
                (kind == "card" and arg in cards.BY_KEY)
                or (kind == "digits" and arg.isascii() and arg.isdigit() and int(arg) < 40)
            ):
                raise ValueError(f"its stand-in for {key[:40]} is not one Chargeable writes")
        idem = data.get("idempotency_key")
        if idem is not None and (not isinstance(idem, str) or len(idem) > 255):
            raise ValueError("its idempotency_key is not text of at most 255 characters")
        changed = data.get("changed_ids", [])
        if not isinstance(changed, list) or not all(isinstance(i, str) for i in changed):
            raise ValueError("its changed_ids are not a list of ids")
        origin = data.get("origin", "")
        if not isinstance(origin, str) or len(origin) > 200:
            raise ValueError("its origin is not short text")
        fingerprint = data.get("fingerprint", "")
        if not isinstance(fingerprint, str) or not (
            fingerprint == ""
            or (len(fingerprint) == 32 and all(c in "0123456789abcdef" for c in fingerprint))
        ):
            raise ValueError("its idempotency fingerprint is not one Chargeable writes")
        ids_from = data.get("ids_from", -1)
        if type(ids_from) is not int or not -1 <= ids_from < 2**53:
            raise ValueError("its ids_from is not a whole number Chargeable writes")
        return cls(
            method, path, params, stand_ins, idem, tuple(changed), origin, fingerprint, ids_from
        )


def _pairs(value: Any, what: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, list):
        raise ValueError(f"its {what} are not a list")
    out = []
    for pair in value:
        if (
            not isinstance(pair, list)
            or len(pair) != 2
            or not isinstance(pair[0], str)
            or not isinstance(pair[1], str)
        ):
            raise ValueError(f"its {what} are not pairs of text")
        out.append((pair[0], pair[1]))
    return tuple(out)


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
