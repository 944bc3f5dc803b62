"""The layering of docs/architecture.md holds, and no project module imports itself back.

Every ``import`` of ``core``/``gui`` code is read from the sources (``ast``: lazy
imports inside functions and ``TYPE_CHECKING`` ones included, as they tie modules as
much as top-level ones). ``from package import name`` depends on ``package.name`` when
that is a module, else on ``package`` (as import-linter's grimp does). The import
graph is then checked with the standard library's ``graphlib`` (its ``CycleError``
names the cycle) against the layer table below, which is the one of
docs/architecture.md ("What may import what"): a part of core imports its own modules
and parts of lower layers only; a part of gui may also import parts of its own layer
(the shared helpers of layer 0 use each other), as long as no modules form a cycle.
"""

from __future__ import annotations

import ast
import graphlib
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: Layer of each part of core: a part imports parts of lower layers only.
CORE_LAYERS: dict[str, int] = {
    "core.i18n": 0,
    "core.facts": 1,
    "core.store": 1,
    "core.graph": 1,
    "core.wire": 2,
    "core.lifecycle": 2,
    "core.history": 2,
    "core.rules": 3,
    "core.api": 4,
    "core.session": 5,
    "core.lessons": 5,
    "core.http": 5,
}
#: Layer of each part of gui: the same rule; gui imports core only through CORE_FOR_GUI.
GUI_LAYERS: dict[str, int] = {
    "gui.widgets": 0,
    "gui.theme": 0,
    "gui.zoom": 0,
    "gui.stripe_json": 0,
    "gui.words": 0,
    "gui.sandbox_host": 2,
    "gui.selection": 2,
    "gui.commands": 3,
    "gui.dialogs": 3,
    "gui.graph": 3,
    "gui.session": 3,
    "gui.serve_controller": 3,
    "gui.panes": 4,
    "gui.main_window": 5,
    "gui.window_commands": 5,
    "gui.window_lessons": 5,
    "gui.cli": 6,
    "gui.application": 7,
    "gui.app": 8,
}
#: What of core the GUI may use: the Sandbox and what docs/core-api.md lists, never the
#: rules, the records or the serializers behind it.
CORE_FOR_GUI = frozenset(
    {
        "core",
        "core.api",
        "core.session",
        "core.lessons",
        "core.http",
        "core.graph",
        "core.lifecycle",
        "core.facts",
        "core.i18n",
    }
)


def _modules() -> dict[str, Path]:
    found = {}
    for top in ("core", "gui"):
        for path in sorted((ROOT / top).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


MODULES = _modules()


def _imported(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                yield submodule if submodule in MODULES else node.module


def _owner(name: str) -> str | None:
    """The project module ``name`` lives in (``core.api.Sandbox`` -> ``core.api``)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for name, path in MODULES.items():
        targets = {_owner(imported) for imported in _imported(path)}
        graph[name] = {t for t in targets if t is not None and t != name}
    return graph


def part_of(module: str) -> str:
    """``core.rules.charge`` -> ``core.rules``; ``core.api`` -> ``core.api``."""
    return ".".join(module.split(".")[:2])


def test_the_graph_sees_the_imports_it_should() -> None:
    graph = import_graph()
    assert "core.api" in graph["core.session"]
    assert "core.rules.engine" in graph["core.rules.charge"]
    assert "core.graph.model" in graph["core.lifecycle.graphs"]  # a from-import of a class


def test_no_import_cycle_among_the_projects_modules() -> None:
    try:
        tuple(graphlib.TopologicalSorter(import_graph()).static_order())
    except graphlib.CycleError as exc:
        cycle = " -> ".join(exc.args[1])
        pytest.fail(f"import cycle: {cycle}")


def test_every_part_has_a_layer() -> None:
    parts = {part_of(m) for m in MODULES} - {"core", "gui"}
    unknown = sorted(p for p in parts if p not in CORE_LAYERS and p not in GUI_LAYERS)
    assert unknown == [], "give these a layer in docs/architecture.md and tests/test_layers.py"


def _layer(part: str) -> int | None:
    return CORE_LAYERS.get(part, GUI_LAYERS.get(part))


@pytest.mark.parametrize("top", ["core", "gui"])
def test_each_part_imports_only_lower_layers(top: str) -> None:
    wrong = []
    for module, targets in sorted(import_graph().items()):
        if not module.startswith(top + ".") or module == top:
            continue
        here = part_of(module)
        for target in sorted(targets):
            there = part_of(target)
            if there == here or target in ("core", "gui"):
                continue
            if top == "core" and there.startswith("gui"):
                wrong.append(f"{module} -> {target} (core never imports gui)")
            elif top == "gui" and there.startswith("core"):
                if there not in CORE_FOR_GUI:
                    wrong.append(f"{module} -> {target} (behind the Sandbox)")
            else:
                mine, theirs = _layer(here), _layer(there)
                if mine is None or theirs is None:
                    wrong.append(f"{module} -> {target} (a part without a layer)")
                elif theirs > mine or (top == "core" and theirs == mine):
                    wrong.append(f"{module} -> {target} (layer {mine} -> {theirs})")
    assert wrong == [], "imports against docs/architecture.md's layers"
