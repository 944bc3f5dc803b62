"""``TableSandbox``: a stand-in with the sandbox's graph/subscribe surface (docs/core-api.md).

Its objects move along the core's own lifecycle tables, so the graph view's tests
exercise the view alone; ``tests/gui/test_graph_sandbox.py`` runs the real thing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from core.api import Change, RequestLine, Response
from core.graph.model import GraphModel
from core.lifecycle.tables import graph_for


class TableSandbox:
    """Objects that walk the core's lifecycle tables; notifies like ``Sandbox``."""

    def __init__(self) -> None:
        self.objects: dict[str, dict[str, Any]] = {}
        self.subscribers: list[Callable[[Any], None]] = []

    def add(self, object_id: str, kind: str, variant: str, state: str) -> str:
        self.objects[object_id] = {
            "kind": kind,
            "variant": variant,
            "state": state,
            "previous": "",
            "last": "",
        }
        return object_id

    def subscribe(self, cb: Callable[[Any], None]) -> None:
        self.subscribers.append(cb)

    def unsubscribe(self, cb: Callable[[Any], None]) -> None:
        if cb in self.subscribers:
            self.subscribers.remove(cb)

    def kind_of(self, object_id: str) -> str | None:
        obj = self.objects.get(object_id)
        return obj["kind"] if obj else None

    def graph(self, object_id: str) -> GraphModel:
        obj = self.objects[object_id]
        bare = graph_for(obj["kind"], obj["variant"])
        nodes = tuple(
            dataclasses.replace(
                n,
                current=n.id == obj["state"],
                previous=n.id == obj["previous"],
                reachable=n.id == obj["state"]
                or not n.terminal
                or obj["state"] not in {x.id for x in bare.nodes if x.terminal},
            )
            for n in bare.nodes
        )
        edges = tuple(
            dataclasses.replace(
                e,
                allowed=e.source == obj["state"],
                reason="" if e.source == obj["state"] else f"the object is {obj['state']}",
                last_taken=e.id == obj["last"],
            )
            for e in bare.edges
        )
        return dataclasses.replace(bare, object_id=object_id, nodes=nodes, edges=edges)

    def allowed_actions(self, object_id: str) -> list[Any]:
        return [
            SimpleNamespace(name=e.trigger, method="POST", path=f"/v1/x/{object_id}/" + e.trigger)
            for e in self.graph(object_id).edges
        ]

    def take(self, object_id: str, edge_id: str) -> None:
        obj = self.objects[object_id]
        edge = next(e for e in graph_for(obj["kind"], obj["variant"]).edges if e.id == edge_id)
        assert edge.source == obj["state"], (edge_id, obj)
        obj.update(previous=obj["state"], state=edge.target, last=edge_id)
        self._notify(
            Change(
                RequestLine("POST", f"/v1/x/{object_id}/{edge.trigger}", []),
                Response(200, {}, accepted=True),
                changed_ids=(object_id,),
                origin="test",
            )
        )

    def reject(self, object_id: str, trigger: str, message: str) -> None:
        body = {"error": {"type": "invalid_request_error", "message": message}}
        self._notify(
            Change(
                RequestLine("POST", f"/v1/x/{object_id}/{trigger}", []),
                Response(400, body),
                origin="test",
            )
        )

    def _notify(self, change: Any) -> None:
        for cb in list(self.subscribers):
            cb(change)
