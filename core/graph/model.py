"""Renderer-neutral lifecycle graph of one object.

The core computes it from the lifecycle tables (``core.lifecycle.tables``); the Qt
scene, the SVG/PNG export and the Mermaid export are all renderers of it, so
no view ever draws a hand-made copy of a state machine.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class GraphNode:
    """One state of an object's lifecycle.

    Attributes:
        id: the state's Stripe name (``pending``, ``chargeable``, ``unused``...).
        label: what to print on the node (untranslated Stripe identifier).
        terminal: no transition leaves this state.
        current: the object is in this state now.
        previous: the state the object was in before its last transition.
        reachable: the object can still get here from its current state.
        visits: the positions (1 = where it was born) at which the object was in
            this state, in order; empty if it never was (the trail).
    """

    id: str
    label: str
    terminal: bool = False
    current: bool = False
    previous: bool = False
    reachable: bool = True
    visits: tuple[int, ...] = ()

    @property
    def visited(self) -> bool:
        return bool(self.visits)


@dataclass(frozen=True, slots=True)
class GraphEdge:
    """One transition of an object's lifecycle.

    Attributes:
        id: unique within the graph, e.g. ``"T5a"``.
        source: id of the node it leaves.
        target: id of the node it enters (equal to ``source`` for a self-loop).
        trigger: the action name that takes it (``charge``, ``attach``,
            ``expire``...), the same name ``allowed_actions`` uses.
        label: human words for the edge ("charge (single_use)").
        allowed: the trigger is allowed on the object right now and would take
            this edge.
        reason: why it is blocked (empty when allowed).
        last_taken: this is the edge the object's last transition took.
        events: the webhook events fired when the edge is taken.
        taken: how many times the object took this edge (the trail).
    """

    id: str
    source: str
    target: str
    trigger: str
    label: str
    allowed: bool = False
    reason: str = ""
    last_taken: bool = False
    events: tuple[str, ...] = ()
    taken: int = 0


@dataclass(frozen=True, slots=True)
class GraphModel:
    """The lifecycle graph of one object kind (and flow), with its flags.

    Attributes:
        kind: ``source``, ``token`` or ``charge``.
        variant: the flow for a source (``none``, ``redirect``, ``receiver``,
            ``code_verification``); empty for other kinds.
        object_id: the object the flags describe, or empty for a bare table.
        nodes: in a stable order (the table's order).
        edges: in a stable order (the table's order).
        trail: the ids of the edges the object took, oldest first.
        every_flow: True when the graph shows the whole table of the flow; False
            when it keeps only what this object's type, usage and birth allow.
    """

    kind: str
    variant: str
    object_id: str
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...] = field(default_factory=tuple)
    trail: tuple[str, ...] = ()
    every_flow: bool = True

    def node(self, node_id: str) -> GraphNode:
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(node_id)

    @property
    def current(self) -> GraphNode | None:
        return next((n for n in self.nodes if n.current), None)
