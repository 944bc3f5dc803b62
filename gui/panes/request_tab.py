"""The detail pane's *Request* tab: every request that touched the object, as code.

Like Stripe's Workbench, it lists each request — accepted **and refused** —
that created, changed, used or named the selected object, newest last, with
its HTTP status; the one chosen shows its response JSON and the request as
``curl``, ``stripe-python`` and ``stripe-node``, each with a Copy button. While
the window serves the API (File ▸ Serve the API) the code targets the local
server's address, otherwise Stripe's live API (``https://api.stripe.com``).

:class:`RequestJournal` keeps what the pane needs: the sandbox's action log
gives the accepted requests made before the pane existed (their responses are
not kept in the log, and the tab says so) and its refused requests (kept with
their status and Stripe's error, the response as far as a session keeps it);
every request answered since, refused ones included, arrives through
:class:`~gui.sandbox_host.SandboxHost`'s ``changed`` with its response.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QTabWidget, QVBoxLayout, QWidget

from core.api import Change, Refusal, Sandbox
from gui.widgets.code_box import CodeBox

_ID = re.compile(r"(?!test_)[a-z]+_(?=[A-Za-z]*[A-Z0-9])[A-Za-z0-9]{8,}")


@dataclass(slots=True)
class Sent:
    """One request and what came back.

    Attributes:
        method, path, params: the request.
        status: the HTTP status (``0`` when not known: replayed from the action log).
        body: the response JSON, or ``None`` when not kept.
        ids: the objects it touched: created, changed, or named in its path,
            parameters or error (a refused charge names its failed charge).
        origin: who sent it (``gui``, ``lesson``, a client of the served API...).
    """

    method: str
    path: str
    params: list[tuple[str, str]]
    status: int = 0
    body: dict[str, Any] | None = None
    ids: set[str] = field(default_factory=set)
    origin: str = ""

    @property
    def refused(self) -> bool:
        return self.status >= 400


def _named_ids(path: str, params: Any, body: Any) -> set[str]:
    ids = set(_ID.findall(path))
    pairs = params.items() if isinstance(params, dict) else (params or [])
    for _key, value in pairs:
        ids.update(_ID.findall(str(value)))
    error = body.get("error") if isinstance(body, dict) else None
    if isinstance(error, dict):
        for key in ("charge", "source", "payment_intent", "payment_method", "setup_intent"):
            value = error.get(key)
            if isinstance(value, dict):
                value = value.get("id")
            if isinstance(value, str):
                ids.add(value)
    elif isinstance(body, dict) and isinstance(body.get("id"), str):
        ids.add(body["id"])
    return ids


def _refused(refusal: Refusal) -> Sent:
    """A refused request a session kept: its response is its status and Stripe's error."""
    params = list(refusal.params)
    body = {"error": refusal.error_json()}
    ids = _named_ids(refusal.path, params, body)
    return Sent(refusal.method, refusal.path, params, refusal.status, body, ids, refusal.origin)


class RequestJournal:
    """Every request the sandbox answered that the window knows of, oldest first."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sent: list[Sent] = []
        log, refused = sandbox.log, sandbox.refused
        waiting = 0
        for step in range(len(log) + 1):
            while waiting < len(refused) and refused[waiting].after <= step:
                self.sent.append(_refused(refused[waiting]))
                waiting += 1
            if step < len(log):
                entry = log[step]
                params = [(str(k), str(v)) for k, v in entry.params]
                ids = _named_ids(entry.path, params, None) | set(entry.changed_ids)
                self.sent.append(Sent(entry.method, entry.path, params, ids=ids, origin="log"))

    def record(self, change: Change) -> Sent | None:
        """Add the request a change answered (a replay — undo, redo, rebuild — is not one)."""
        if change.replayed:
            return None
        method, path, raw = change.request
        params = [(str(k), str(v)) for k, v in (raw.items() if isinstance(raw, dict) else raw)]
        body = change.response.body if isinstance(change.response.body, dict) else None
        ids = _named_ids(path, params, body) | set(change.changed_ids)
        sent = Sent(method, path, params, change.response.status, body, ids, change.origin)
        self.sent.append(sent)
        return sent

    def of(self, object_id: str) -> list[Sent]:
        return [s for s in self.sent if object_id in s.ids]


class RequestTab(QWidget):
    """The list of requests about one object, and the chosen one as response and code.

    Attributes:
        journal: the :class:`RequestJournal`.
        request_list: the requests (``requestList``), oldest first; the newest is chosen.
        request_label: the chosen request's line and status (``requestLabel``).
        response_box, curl_box, python_box, node_box: :class:`CodeBox` es with Copy.
        code_tabs: curl / stripe-python / stripe-node (``requestCodeTabs``).
        api_base: where the code sends the request (:meth:`set_api_base`).
    """

    LIVE_API = "https://api.stripe.com"

    def __init__(self, sandbox: Sandbox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("requestTab")
        self.journal = RequestJournal(sandbox)
        self.api_base = self.LIVE_API
        self._object_id: str | None = None
        self._shown: list[Sent] = []
        self.request_list = QListWidget(self)
        self.request_list.setObjectName("requestList")
        self.request_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 8)
        self.request_list.currentRowChanged.connect(self._show_row)
        self.request_label = QLabel(self)
        self.request_label.setObjectName("requestLabel")
        self.request_label.setWordWrap(True)
        self.response_box = CodeBox(self.tr("Response"), "responseBox", self)
        self.curl_box = CodeBox("curl", "curlBox", self)
        self.python_box = CodeBox("stripe-python", "pythonBox", self)
        self.node_box = CodeBox("stripe-node", "nodeBox", self)
        self.code_tabs = QTabWidget(self)
        self.code_tabs.setObjectName("requestCodeTabs")
        self.code_tabs.setDocumentMode(True)
        for box in (self.curl_box, self.python_box, self.node_box):
            self.code_tabs.addTab(box, box.caption.text())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.request_list)
        layout.addWidget(self.request_label)
        layout.addWidget(self.code_tabs, 3)
        layout.addWidget(self.response_box, 2)
        self.retranslate()

    # ------------------------------------------------------------------ API
    def record(self, change: Change) -> bool:
        """Note a change's request; True if it touched the object shown."""
        sent = self.journal.record(change)
        return sent is not None and self._object_id is not None and self._object_id in sent.ids

    def set_api_base(self, url: str | None) -> None:
        """Write the code for ``url`` (the window's server) or, with ``None``, the live API."""
        base = (url or self.LIVE_API).rstrip("/")
        if base != self.api_base:
            self.api_base = base
            self._show_row(self.request_list.currentRow())

    def show_object(self, object_id: str | None) -> None:
        """List the requests about ``object_id`` and show the newest."""
        self._object_id = object_id
        self._shown = self.journal.of(object_id) if object_id else []
        blocked = self.request_list.blockSignals(True)
        self.request_list.clear()
        for sent in self._shown:
            item = QListWidgetItem(self._line(sent))
            item.setData(Qt.ItemDataRole.ToolTipRole, self._line(sent))
            self.request_list.addItem(item)
        self.request_list.blockSignals(blocked)
        if self._shown:
            self.request_list.setCurrentRow(len(self._shown) - 1)
            self._show_row(len(self._shown) - 1)
        else:
            self._show_row(-1)

    def clear(self) -> None:
        self.show_object(None)

    # -------------------------------------------------------------- render
    def _line(self, sent: Sent) -> str:
        status = (
            str(sent.status)
            if sent.status
            else self.tr("accepted", "a request replayed from the log")
        )
        mark = "✗" if sent.refused else "✓"
        return f"{mark} {sent.method.upper()} {sent.path} → {status}"

    def _show_row(self, row: int) -> None:
        from gui.words.request_code import curl, node, python

        if not 0 <= row < len(self._shown):
            self.request_label.setText(
                self.tr("No request in this session touched this object.")
                if self._object_id
                else ""
            )
            for box in (self.response_box, self.curl_box, self.python_box, self.node_box):
                box.set_text("")
            return
        sent = self._shown[row]
        if sent.refused:
            error = (sent.body or {}).get("error") or {}
            what = self.tr("Refused by Stripe: %1 %2 → %3 (%4)")
            code = error.get("code") or error.get("type") or ""
            text = what.replace("%4", str(code))
        elif sent.status:
            text = self.tr("%1 %2 → %3")
        else:
            text = self.tr("%1 %2 (accepted; replayed from the action log)")
        self.request_label.setText(
            text.replace("%1", sent.method.upper())
            .replace("%2", sent.path)
            .replace("%3", str(sent.status))
        )
        if sent.body is not None:
            self.response_box.set_text(json.dumps(sent.body, indent=2, ensure_ascii=False))
        else:
            self.response_box.set_text("")
            self.response_box.editor.setPlaceholderText(
                self.tr("The action log keeps requests, not responses.")
            )
        base = self.api_base
        self.curl_box.set_text(curl(sent.method, sent.path, sent.params, base))
        self.python_box.set_text(python(sent.method, sent.path, sent.params, base))
        self.node_box.set_text(node(sent.method, sent.path, sent.params, base))

    def retranslate(self) -> None:
        self.response_box.set_caption(self.tr("Response"))
        self.request_list.setAccessibleName(self.tr("Requests about this object"))
        self.request_list.setToolTip(
            self.tr("Every request that touched this object, accepted and refused; newest last")
        )
        self.show_object(self._object_id)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
