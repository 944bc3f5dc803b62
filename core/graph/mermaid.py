"""Text renderers of a ``GraphModel`` (pure Python): Mermaid ``stateDiagram-v2``."""

from __future__ import annotations

import re

from core.graph.model import GraphModel

_SAFE_ID = re.compile(r"[^A-Za-z0-9_]")


def _state_id(node_id: str) -> str:
    """A Mermaid-safe state id (Stripe statuses are already safe; keep it so)."""
    safe = _SAFE_ID.sub("_", node_id)
    return safe if safe and not safe[0].isdigit() else f"s_{safe}"


def _label(text: str) -> str:
    """Edge/state text without the characters Mermaid treats as syntax."""
    out = text.replace("\n", " ")
    for ch, entity in (
        (";", "#59;"),
        (":", "#58;"),
        ("{", "#123;"),
        ("}", "#125;"),
        ('"', "#quot;"),
    ):
        out = out.replace(ch, entity)
    return out.strip()


def to_mermaid(model: GraphModel) -> str:
    """The graph as a Mermaid ``stateDiagram-v2``.

    Initial states (no incoming transition from another state) get ``[*] -->``;
    terminal ones ``--> [*]``. The object's flags become classes: ``current``,
    ``previous``, ``unreachable``; the last edge taken is noted in a comment,
    and blocked edges carry their reason in a comment (Mermaid cannot style
    single state-diagram transitions).
    """
    title = f"{model.kind} {model.variant}".strip()
    if model.object_id:
        title = f"{model.object_id} ({title})"
    lines = ["---", f"title: {_label(title)}", "---", "stateDiagram-v2", "    direction LR"]
    incoming = {e.target for e in model.edges if e.source != e.target}
    for node in model.nodes:
        sid = _state_id(node.id)
        if sid != node.label:
            lines.append(f'    state "{_label(node.label)}" as {sid}')
    for node in model.nodes:
        if node.id not in incoming:
            lines.append(f"    [*] --> {_state_id(node.id)}")
    for edge in model.edges:
        text = _label(edge.label or edge.trigger)
        lines.append(f"    {_state_id(edge.source)} --> {_state_id(edge.target)} : {text}")
        if model.object_id:
            if edge.last_taken:
                lines.append(f"    %% last taken: {edge.id} ({edge.trigger})")
            elif not edge.allowed and edge.reason:
                lines.append(f"    %% blocked {edge.id}: {_label(edge.reason)}")
    for node in model.nodes:
        if node.terminal:
            lines.append(f"    {_state_id(node.id)} --> [*]")
    if model.object_id:
        lines += [
            "    classDef current fill:#009E73,color:#fff,stroke:#000,stroke-width:4px",
            "    classDef previous stroke-dasharray:5 5,stroke-width:2px",
            "    classDef unreachable opacity:0.4",
        ]
        for flag in ("current", "previous"):
            ids = [_state_id(n.id) for n in model.nodes if getattr(n, flag)]
            if ids:
                lines.append(f"    class {','.join(ids)} {flag}")
        dim = [_state_id(n.id) for n in model.nodes if not n.reachable and not n.current]
        if dim:
            lines.append(f"    class {','.join(dim)} unreachable")
    return "\n".join(lines) + "\n"
