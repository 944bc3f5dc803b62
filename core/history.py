"""The action log: accepted requests, redacted, replayable; and refused ones, kept.

An entry keeps the request's method, path, parameters (as bracket pairs) and
the headers that matter (``Idempotency-Key``). Secrets never enter it: a card
number is stored as ``************4242`` plus the *key* of the test card
(only test cards are ever accepted, §10), a CVC as ``***`` plus its length.
:func:`LogEntry.replay_params` puts working stand-ins back, with the same
outcome, so replaying a prefix of the log rebuilds exactly the live state
(:meth:`core.api.Sandbox.replay`: replaying is the Sandbox's own job).

A :class:`Refusal` is a request Stripe refused: it changed nothing, so replay
skips it, but a session keeps it (with its status and Stripe's error) so that a
prepared "watch Stripe refuse this" survives saving and opening.
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


#: Refused requests a sandbox keeps (the oldest go first): a client that sends
#: nothing but bad requests cannot make a session grow without end.
MAX_REFUSED = 1000
#: The fields of Stripe's error object a refusal keeps (its nested objects, such as
#: a PaymentIntent in ``payment_intent``, are kept by id only).
ERROR_FIELDS = ("type", "code", "decline_code", "param", "message", "doc_url")
_ERROR_IDS = ("charge", "source", "payment_intent", "payment_method", "setup_intent")


@dataclass(frozen=True, slots=True)
class Refusal:
    """One refused request (status 400 or more, nothing changed), for the record.

    Attributes:
        method, path: as sent (path without query string).
        params: bracket pairs, secrets redacted (no stand-ins: it is never replayed).
        status: the HTTP status Stripe answered.
        error: Stripe's error object, its text fields and the ids it names.
        origin: who sent it (``gui``, ``lesson``...).
        after: how many accepted requests came before it (its place in the log).
    """

    method: str
    path: str
    params: tuple[tuple[str, str], ...]
    status: int
    error: tuple[tuple[str, str], ...]
    origin: str = ""
    after: int = 0

    @classmethod
    def of(
        cls,
        method: str,
        path: str,
        pairs: list[tuple[str, str]],
        status: int,
        body: Any,
        origin: str,
        after: int,
    ) -> Refusal:
        """The refusal of a request as sent (``pairs`` are redacted here)."""
        raw = body.get("error") if isinstance(body, dict) else None
        kept: list[tuple[str, str]] = []
        if isinstance(raw, dict):
            for key in (*ERROR_FIELDS, *_ERROR_IDS):
                value = raw.get(key)
                if isinstance(value, dict):
                    value = value.get("id")
                if isinstance(value, str) and value:
                    kept.append((key, _text(value)))
        shown = tuple((_text(k), _text(v)) for k, v in redact(pairs)[0])
        return cls(_text(method), _text(path), shown, status, tuple(kept), _text(origin), after)

    def error_json(self) -> dict[str, str]:
        """The error object as far as it is kept (``{"type": …, "message": …}``)."""
        return dict(self.error)

    def to_json(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "path": self.path,
            "params": [list(p) for p in self.params],
            "status": self.status,
            "error": self.error_json(),
            "origin": self.origin,
            "after": self.after,
        }

    @classmethod
    def from_json(cls, data: Any) -> Refusal:
        """A refusal from a session file; ``ValueError`` with words for people if damaged."""
        if not isinstance(data, dict):
            raise ValueError("it is not a JSON object")
        for name in ("method", "path", "status", "after"):
            if name not in data:
                raise ValueError(f'it has no "{name}"')
        method, path, status, after = data["method"], data["path"], data["status"], data["after"]
        if not isinstance(method, str) or not 0 < len(method) <= 10:
            raise ValueError("its method is not a short word")
        if not isinstance(path, str) or len(path) > 5000:
            raise ValueError("its path is not text of at most 5,000 characters")
        if type(status) is not int or not 400 <= status <= 599:
            raise ValueError("its status is not an HTTP error status")
        if type(after) is not int or not 0 <= after < 2**53:
            raise ValueError("its place in the log is not a whole number")
        params = _pairs(data.get("params", []), "parameters")
        error = data.get("error", {})
        if not isinstance(error, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and len(v) <= 5000 for k, v in error.items()
        ):
            raise ValueError("its error is not an object of texts")
        origin = data.get("origin", "")
        if not isinstance(origin, str) or len(origin) > 200:
            raise ValueError("its origin is not short text")
        return cls(method, path, params, status, tuple(error.items()), origin, after)


def _text(value: str) -> str:
    """``value`` as text a session can hold: a lone surrogate (a request may carry
    one; that is often why it was refused) becomes ``?``."""
    if value.isascii():
        return value
    return value.encode("utf-8", "replace").decode("utf-8")


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
