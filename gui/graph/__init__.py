"""The animated lifecycle graph: a Qt renderer of ``core.graph.model.GraphModel``."""

from gui.graph.view import StateGraphView

__all__ = ["StateGraphView"]
