"""``SandboxHost``: the one Qt adapter between the core's sandbox and the window.

It is the only subscriber to :class:`core.api.Sandbox` in the GUI. Panes,
commands, the session and the server controller take the host and connect to
its signals in their ``__init__`` (as napari's ``QtDims`` connects to
``dims.events``)::

    host.changed.connect(self._on_change)     # every core Change, typed
    host.replaced.connect(self._on_replaced)  # New, Open, Recover, a lesson's sandbox

Every request the window itself sends — a button, a menu, a shortcut, a graph
edge, the palette or a create dialog — goes through :meth:`SandboxHost.send`,
so a refusal from any of them is reported once, the same way (``refused``:
the lesson bar and the status bar; the event log reads it from ``changed``).

The sandbox is confined to the GUI thread (see :mod:`gui.serve_controller`);
should a request ever come from another thread, Qt queues the signals to the
receivers' thread.

Signals:
    changed(Change): the sandbox answered a request, or undid/redid/rebuilt.
    replaced(Sandbox): the host holds another sandbox now.
    answered(Response): a request the window sent (:meth:`SandboxHost.send`) got its answer.
    refused(str, str): (title, text) of Stripe's refusal of a request the window sent.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from core.api import Change, Response, Sandbox
from gui.words.error_codes import explain as explain_error

#: the origin of every request the window sends (the event log shows others' origins)
GUI_ORIGIN = "gui"


def error_of(response: Response) -> dict[str, Any] | None:
    """The ``error`` hash of an error response, or ``None``."""
    body = getattr(response, "body", None)
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        return body["error"]
    return None


def refusal_text(method: str, path: str, response: Response) -> tuple[str, str] | None:
    """(title, text) telling Stripe's refusal of ``method path``; None if it was accepted."""
    error = error_of(response)
    if error is None:
        return None
    title = (
        QCoreApplication.translate("Commands", "Stripe said no: %1 %2 → %3")
        .replace("%1", method.upper())
        .replace("%2", path)
        .replace("%3", str(response.status))
    )
    code = " · ".join(
        str(error[k]) for k in ("type", "code", "decline_code", "param") if error.get(k)
    )
    meaning = explain_error(error)
    return title, f"{error.get('message', '')}\n{code}\n{meaning}".strip()


class SandboxHost(QObject):
    """Holds the sandbox the window shows, relays its changes, sends the window's requests.

    Attributes:
        sandbox: the current sandbox (read-only property; :meth:`set_sandbox` swaps it).
    """

    changed = Signal(object)
    replaced = Signal(object)
    answered = Signal(object)
    refused = Signal(str, str)

    def __init__(self, sandbox: Sandbox, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sandbox = sandbox
        held = [sandbox]  # what the relay is subscribed to, for when the host is gone
        signal = self.changed

        def relay(change: Change) -> None:
            try:
                signal.emit(change)
            except RuntimeError:  # the host is gone; its sandbox outlived it
                _unsubscribe(held[0], relay)

        self._held = held
        self._relay: Callable[[Change], None] = relay
        sandbox.subscribe(relay)
        self.destroyed.connect(lambda *_: _unsubscribe(held[0], relay))

    @property
    def sandbox(self) -> Sandbox:
        return self._sandbox

    def set_sandbox(self, sandbox: Sandbox) -> None:
        """Hold ``sandbox``; emits ``replaced`` only if it is another object."""
        if sandbox is self._sandbox:
            return
        _unsubscribe(self._sandbox, self._relay)
        self._sandbox = self._held[0] = sandbox
        sandbox.subscribe(self._relay)
        self.replaced.emit(sandbox)

    def send(self, method: str, path: str, params: Any = None) -> Response:
        """Send one request as the window; a refusal is reported through ``refused``."""
        response = self._sandbox.request(method, path, params if params else {}, origin=GUI_ORIGIN)
        refusal = refusal_text(method, path, response)
        if refusal is not None:
            self.refused.emit(*refusal)
        self.answered.emit(response)
        return response


def _unsubscribe(sandbox: Sandbox, callback: Callable[[Change], None]) -> None:
    try:
        sandbox.unsubscribe(callback)
    except (KeyError, ValueError, AttributeError):
        pass
