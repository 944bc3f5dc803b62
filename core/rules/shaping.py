"""What every accepted answer goes through after its handler, in one place.

1. balance transactions for the charges captured and refunds made (``balance``);
2. the request's API version's shape (``versions``, §14);
3. the ``expand`` paths (``expand``), objects fetched shaped by the version too.
"""

from __future__ import annotations

from typing import Any

from core.rules import balance, expand, versions
from core.store.state import State

Json = dict[str, Any]


def finish(
    st: State, body: Json, mutates: bool, version: str, expand_paths: tuple[str, ...]
) -> Json:
    if mutates:
        balance.record_for_touched(st)
        balance.patch(st, body)
    old = version < versions.REFUNDS_LISTED_UNTIL
    if old:
        body = versions.shape(st, body, version)
    if expand_paths:

        def shape(obj: Json) -> Json:
            return versions.shape_object(st, obj, version)

        body = expand.apply(st, body, expand_paths, shape if old else None)
    return body
