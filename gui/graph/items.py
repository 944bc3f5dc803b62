"""The state graph's items, by job: ``pictured`` (cached looks), ``nodes``, ``edges``
(routes, labels, the marker) and ``panel`` (one object's graph in the scene)."""

from __future__ import annotations

from gui.graph.edges import EdgeItem, EdgeLabel, EdgePiece, MarkerItem, route_path
from gui.graph.nodes import NodeItem, PulseRing
from gui.graph.panel import MARGIN_X, FocusFrame, GraphPanel, TextItem
from gui.graph.pictured import Pictured

__all__ = [
    "MARGIN_X",
    "EdgeItem",
    "EdgeLabel",
    "EdgePiece",
    "FocusFrame",
    "GraphPanel",
    "MarkerItem",
    "NodeItem",
    "Pictured",
    "PulseRing",
    "TextItem",
    "route_path",
]
