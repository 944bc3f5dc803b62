"""The graph view follows the sandbox (a mixin of ``StateGraphView``).

After every request, undo and redo it re-reads the graph; it animates the edge
just taken, shakes the edge of a rejected request and says why, and turns a
click (or Enter) on an edge into the action that takes it.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QAbstractAnimation, QCoreApplication

from core.api import Change, RequestLine
from core.graph.model import GraphModel
from gui.graph import style

#: Edge triggers that are not action names: the action that makes them happen.
TRIGGER_ACTIONS = {"expire": "advance_clock", "settle": "advance_clock"}


class SandboxFollowMixin:
    """Needs from the view: ``_sandbox``, ``_panels()``, ``_show()``, ``_relayout()``,
    ``fit()``, ``_follow()``, ``effective_duration()``, the signals
    ``actionRequested`` and ``actionBlocked``, ``_object_id``, ``_pinned_id``,
    ``_pinned_panel``, ``_auto_fit``."""

    def show_rejected(self: Any, object_id: str, action_name: str, message: str) -> None:
        """Shake the edge of a rejected ``action_name`` and show ``message``."""
        for panel in self._panels():
            model = panel.model
            if model is None or model.object_id != object_id:
                continue
            edge_id = self._edge_for_action(model, action_name)
            self._watch(panel.animate_rejection(edge_id, message, self.effective_duration()))

    def _watch(self: Any, anim: QAbstractAnimation | None) -> None:
        if anim is None:
            return

    def _on_edge_clicked(self: Any, object_id: str, edge_id: str) -> None:
        panel = next(
            (p for p in self._panels() if p.model is not None and p.model.object_id == object_id),
            None,
        )
        if panel is None or panel.model is None:
            return
        edge = next(e for e in panel.model.edges if e.id == edge_id)
        action = self.action_for_edge(object_id, edge.trigger)
        if edge.allowed and action:
            self.actionRequested.emit(object_id, action)
            return
        if edge.allowed:
            reason = QCoreApplication.translate(
                "StateGraph", "this happens by itself: no action performs it"
            )
        else:
            reason = (
                style.tr_lifecycle(edge.reason)
                if edge.reason
                else QCoreApplication.translate("StateGraph", "not possible now")
            )
        self._watch(panel.animate_rejection(edge_id, reason, self.effective_duration()))
        self.actionBlocked.emit(object_id, action or edge.trigger, reason)

    def action_for_edge(self: Any, object_id: str, trigger: str) -> str | None:
        """The action name that takes an edge with ``trigger`` (None if no action does)."""
        name = TRIGGER_ACTIONS.get(trigger, trigger)
        try:
            names = {a.name for a in self._sandbox.allowed_actions(object_id)}
        except Exception:  # noqa: BLE001 - the object may be gone
            return None
        return name if name in names else None

    @staticmethod
    def _edge_for_action(model: GraphModel, action_name: str) -> str | None:
        current = model.current
        candidates = [
            e for e in model.edges if TRIGGER_ACTIONS.get(e.trigger, e.trigger) == action_name
        ]
        here = [e for e in candidates if current is not None and e.source == current.id]
        chosen = (here or candidates)[:1]
        return chosen[0].id if chosen else None

    def _action_for_request(self: Any, object_id: str, request: RequestLine) -> str | None:
        try:
            actions = self._sandbox.allowed_actions(object_id)
        except Exception:  # noqa: BLE001 - the object may be gone
            return None
        method, path = request.method.upper(), request.path
        for action in actions:
            pattern = re.escape(str(action.path)).replace(re.escape("{customer}"), "[^/]+")
            if action.path and action.method == method and re.fullmatch(pattern, path):
                return str(action.name)
        return None

    def _on_change(self: Any, change: Change) -> None:
        if self._host.sandbox is not self._sandbox:
            return  # the window replaced the sandbox: this view is about to go
        changed = set(change.changed_ids)
        response = change.response
        # a 402 decline is accepted (it used the token, left a failed charge): a transition
        rejected = change.rejected
        # an undo or a rebuild jumps (a redo animates again what it takes)
        quiet = change.replayed and change.origin != "redo"
        request = change.request
        for panel in self._panels():
            object_id = self._pinned_id if panel is self._pinned_panel else self._object_id
            if not object_id:
                continue
            if rejected:
                if request.mentions(object_id):
                    body = response.body
                    message = str((body.get("error") or {}).get("message", ""))
                    model = panel.model
                    action = self._action_for_request(object_id, request)
                    edge_id = self._edge_for_action(model, action) if model and action else None
                    anim = panel.animate_rejection(edge_id, message, self.effective_duration())
                    self._watch(anim)
                    if action:
                        self.actionBlocked.emit(object_id, action, message)
                continue
            if object_id not in changed and changed:
                continue
            old = panel.model
            old_taken = next((e.id for e in old.edges if e.last_taken), None) if old else None
            old_current = old.current.id if old and old.current else None
            panel.clear_banner()
            rebuilt = self._show(panel, object_id)
            new = panel.model
            if rebuilt:  # a focused graph changes with every step: laid out again, animated
                self._relayout()
                if self._auto_fit:
                    self.fit()
            if new is None or object_id not in changed:
                continue
            taken = next((e for e in new.edges if e.last_taken), None)
            new_current = new.current.id if new.current else None
            moved = taken is not None and (
                taken.id != old_taken or new_current != old_current or taken.source == taken.target
            )
            if taken is not None and moved and not quiet:
                self._watch(panel.animate_transition(taken.id, self.effective_duration()))
                if not self._auto_fit:
                    self._follow(panel)
            panel.refresh_pictures()  # now if nothing animates, else when it ends
