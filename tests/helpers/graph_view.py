"""``graph_view``: a StateGraphView over a sandbox, as the graph tests use it."""

from __future__ import annotations

from typing import Any

from gui.graph import StateGraphView
from gui.sandbox_host import SandboxHost


def graph_view(qtbot: Any, sandbox: Any, width: int = 1000, height: int = 600) -> StateGraphView:
    """The view through a ``SandboxHost``, animations 0 ms (a test asks for more),
    reduced motion off, closed by ``qtbot`` after the test."""
    widget = StateGraphView(SandboxHost(sandbox))
    widget.set_animation_duration(0)
    widget.set_reduced_motion(False)
    widget.resize(width, height)
    qtbot.addWidget(widget)
    return widget
