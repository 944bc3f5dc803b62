"""Deterministic Stripe-looking ids derived from a seed and a counter.

The counter is plain state (an int), so a rejected request can restore it and
a replay of the same accepted requests produces the same ids.
"""

from __future__ import annotations

import hashlib

_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


_TABLE = bytes(ord(_ALPHABET[b % 62]) for b in range(256))


def _base62(data: bytes, length: int) -> str:
    """``length`` alphanumeric characters from ``data`` (one byte each, fast)."""
    return data[:length].translate(_TABLE).decode("ascii")


class IdGenerator:
    """Makes ids like ``src_1Nq3...`` from ``(seed, counter)``.

    Attributes:
        seed: the sandbox seed.
        counter: how many ids were made so far (part of the sandbox state).
    """

    __slots__ = ("seed", "counter", "floor", "_prefix")

    def __init__(self, seed: int, counter: int = 0) -> None:
        self.seed = seed
        self.counter = counter
        #: The next id comes after this one even if ``counter`` is lower (set per
        #: request by the sandbox: ids an undone request used are never made again).
        self.floor = 0
        self._prefix = f"{seed}:".encode()

    def token(self, length: int = 24) -> str:
        self.counter = max(self.counter, self.floor) + 1
        # hashes b"<seed>:<counter>": changing these bytes would change every id and
        # break saved sessions, whose logs name ids in their paths
        digest = hashlib.blake2b(self._prefix + b"%d" % self.counter, digest_size=32).digest()
        return _base62(digest, length)

    def make(self, prefix: str) -> str:
        """A new id such as ``make("src_")``."""
        return prefix + self.token()


def fingerprint(seed: int, secret: str) -> str:
    """A stable 16-character fingerprint of a secret (card number, IBAN...)."""
    digest = hashlib.blake2b(f"fp:{seed}:{secret}".encode(), digest_size=16).digest()
    return _base62(digest, 16)
