"""The in-window server: File ▸ Serve the API (``chargeable --serve``).

:class:`ServeController` runs :class:`core.http.server.StripeServer` over the
sandbox the window shows now, and follows it when New, Open, Recover or a
lesson replaces that sandbox: an outside client (the official ``stripe``
library, curl, your own integration) creates and changes objects, and the
object list, the graph and the event log (``[http 127.0.0.1:PORT]``) show
them live.

Keys: the rules of ``chargeable serve``, for HTTP requests only
---------------------------------------------------------------
The window's sandbox takes the window's own clicks, lessons and replays
without a key (``check_keys=False``). Requests that arrive over HTTP are run
with ``Sandbox.request(..., check_keys=True)``: a missing, live, garbage or
(outside the token endpoints) publishable key is refused with the same 401 as
``chargeable serve`` and changes nothing, so a web page's cross-site form POST
to 127.0.0.1 cannot change the sandbox.

Threading: the sandbox is confined to the GUI thread
-----------------------------------------------------
``core.api.Sandbox`` is not thread-safe and calls its subscribers
synchronously, on the thread that made the request. The window's one
subscriber, :class:`~gui.sandbox_host.SandboxHost`, relays every change to many
receivers (object list, event log, detail pane, graph, commands, session
controller) and there are many readers (timers, autosave, dialogs, lessons),
none of which may run on a server thread or read the sandbox while another thread writes it.

So the server never touches the sandbox itself. It is given a
:class:`_GuiThreadSandbox`: its ``request`` posts the call to the GUI thread
(a queued signal), waits for the answer and returns it. Every request, the
window's and the outside clients', therefore runs on the GUI thread, one at
a time; every subscriber is called there, exactly as for a click; and the
window's own requests need no lock (``SandboxHost.send`` calls
``sandbox.request`` directly). The server hands each request to
the proxy on one worker thread (``offload=True``), one at a time, so its event
loop keeps reading, timing out and refusing other connections while a request
waits for the GUI thread; the GUI thread never takes the server's lock (it
would wait for a worker that waits for the GUI thread).

A request the GUI thread does not pick up in :data:`REQUEST_TIMEOUT` seconds
(the window is stuck), or that arrives while serving stops, is withdrawn and
answered with a Stripe ``api_error`` (503): it never runs later.

Never make an HTTP request to the in-window server *from the GUI thread*: it
would wait for itself until the timeout. Tests use a worker thread.
"""

from __future__ import annotations

import errno
import threading
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from core.api import Sandbox

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 12111  # the same default as ``chargeable serve``
REQUEST_TIMEOUT = 30.0  # seconds a request may wait for the GUI thread
_POLL = 0.05  # seconds between checks for a stop while waiting


class _Job:
    """One request handed from a server thread to the GUI thread."""

    __slots__ = ("args", "done", "response", "error", "claimed", "withdrawn", "guard")

    def __init__(self, args: tuple[Any, ...]) -> None:
        self.args = args
        self.done = threading.Event()
        self.response: Any = None
        self.error: BaseException | None = None
        self.claimed = False  # the GUI thread has started it: it will finish
        self.withdrawn = False  # the server thread gave up: the GUI thread must skip it
        self.guard = threading.Lock()


class _Unavailable:
    """A Stripe ``api_error`` for a request that never reached the sandbox."""

    def __init__(self, message: str) -> None:
        self.status = 503
        self.body = {"error": {"type": "api_error", "message": message}}
        self.accepted = False


class _Dispatcher(QObject):
    """Lives on the GUI thread; runs the jobs the server threads post to it."""

    submitted = Signal(object)
    served = Signal(object, object)  # (job args, response), on the GUI thread

    def __init__(self, controller: ServeController) -> None:
        super().__init__(controller)
        self._controller = controller
        self.submitted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _run(self, job: _Job) -> None:
        with job.guard:
            if job.withdrawn:
                return
            job.claimed = True
        try:
            method, path, params, headers, origin = job.args
            sandbox = self._controller.sandbox
            # Over HTTP the key rules of ``chargeable serve`` apply whatever the
            # window's sandbox does for its own buttons: live, publishable, missing
            # or garbage keys are refused, so a cross-site form POST changes nothing.
            job.response = sandbox.request(
                method, path, params, headers, origin=origin, check_keys=True
            )
        except BaseException as exc:  # noqa: BLE001 - re-raised on the server thread
            job.error = exc
        finally:
            job.done.set()
        if job.error is None:
            self.served.emit(job.args, job.response)


class _GuiThreadSandbox:
    """What the server sees as its sandbox: ``request`` runs on the GUI thread."""

    def __init__(self, dispatcher: _Dispatcher, timeout: float = REQUEST_TIMEOUT) -> None:
        self._dispatcher = dispatcher
        self._timeout = timeout
        self.closed = threading.Event()

    def request(
        self,
        method: str,
        path: str,
        params: object = None,
        headers: object = None,
        *,
        origin: str = "api",
    ) -> Any:
        if self.closed.is_set():
            return _Unavailable(
                QCoreApplication.translate(
                    "ServeController", "The Chargeable window stopped serving the API."
                )
            )
        job = _Job((method, path, params, headers, origin))
        try:
            self._dispatcher.submitted.emit(job)
        except RuntimeError:  # the window is gone
            return _Unavailable(
                QCoreApplication.translate("ServeController", "The Chargeable window is closed.")
            )
        deadline = time.monotonic() + self._timeout
        while not job.done.wait(_POLL):
            if self.closed.is_set() or time.monotonic() >= deadline:
                with job.guard:
                    if not job.claimed:
                        job.withdrawn = True
                if job.withdrawn:
                    message = (
                        QCoreApplication.translate(
                            "ServeController", "The Chargeable window stopped serving the API."
                        )
                        if self.closed.is_set()
                        else QCoreApplication.translate(
                            "ServeController",
                            "The Chargeable window did not answer in time; nothing changed.",
                        )
                    )
                    return _Unavailable(message)
                # the GUI thread is running it now: it finishes (the lock-free wait above)
        if job.error is not None:
            raise job.error
        return job.response


class ServeController(QObject):
    """Runs the Stripe-compatible API over the window's current sandbox.

    Attributes:
        host, port: where to listen (``port`` is the bound one while running;
            ``0`` picks a free port).
        server: the running :class:`core.http.server.StripeServer`, or ``None``.
        requests_served: requests outside clients sent since serving started.
        last_error: the message of the last failure to start, or ``""``.

    Signals:
        started(str): serving at this URL.
        stopped(): no longer serving.
        failed(str): could not start; a message for people (no traceback).
        requestServed(str, str, str, int): (origin, method, path, status) of
            each outside request, on the GUI thread, after the window saw it.
    """

    started = Signal(str)
    stopped = Signal()
    failed = Signal(str)
    requestServed = Signal(str, str, str, int)

    def __init__(
        self,
        sandbox: Sandbox,
        parent: QObject | None = None,
        *,
        host: str = DEFAULT_HOST,
        port: int = DEFAULT_PORT,
        timeout: float = REQUEST_TIMEOUT,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("serveController")
        self._sandbox = sandbox
        self.host = host
        self.port = port
        self.configured_port = port
        self.server: Any = None
        self.requests_served = 0
        self.last_error = ""
        self._timeout = timeout
        self._proxy: _GuiThreadSandbox | None = None
        self._dispatcher = _Dispatcher(self)
        self._dispatcher.served.connect(self._on_served)

    # ------------------------------------------------------------ sandbox
    @property
    def sandbox(self) -> Sandbox:
        """The sandbox outside requests go to (the window's current one)."""
        return self._sandbox

    def set_sandbox(self, sandbox: Sandbox) -> None:
        """Follow another sandbox (New, Open, Recover, a lesson); serving goes on."""
        self._sandbox = sandbox

    # -------------------------------------------------------------- state
    @property
    def running(self) -> bool:
        return self.server is not None

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT`` while serving, else ``""``."""
        return self.server.url if self.server is not None else ""

    def set_port(self, port: int) -> None:
        """The port the next :meth:`start` listens on (``chargeable --port N``)."""
        self.port = self.configured_port = int(port)

    # ---------------------------------------------------------- start/stop
    def set_serving(self, on: bool) -> None:
        """The File ▸ Serve toggle."""
        if on:
            self.start()
        else:
            self.stop()

    def start(self) -> bool:
        """Listen and serve; ``failed`` (and False) if the port cannot be had."""
        if self.server is not None:
            return True
        from core.http.server import StripeServer  # asyncio, httptools: only when serving

        self.last_error = ""
        self.requests_served = 0
        proxy = _GuiThreadSandbox(self._dispatcher, self._timeout)
        server = StripeServer(proxy, self.host, self.configured_port, offload=True)
        try:
            server.start()
        except OSError as exc:
            server.stop()
            self.last_error = self._failure_text(exc)
            self.failed.emit(self.last_error)
            return False
        self.server, self._proxy = server, proxy
        self.port = server.port
        self.started.emit(server.url)
        return True

    def stop(self) -> None:
        """Stop serving: no thread is left running. Idempotent."""
        server, proxy = self.server, self._proxy
        if server is None:
            return
        self.server, self._proxy = None, None
        if proxy is not None:
            proxy.closed.set()  # handlers waiting for the GUI thread give up now
        server.stop()
        self.port = self.configured_port
        self.stopped.emit()

    def _failure_text(self, exc: OSError) -> str:
        where = f"{self.host}:{self.configured_port}"
        if exc.errno == errno.EADDRINUSE:
            return QCoreApplication.translate(
                "ServeController",
                "Cannot serve the API on %1: the port is already in use (another "
                "Chargeable window or `chargeable serve`?). Stop it, or start with "
                "--port N to choose another port.",
            ).replace("%1", where)
        if exc.errno == errno.EACCES:
            return QCoreApplication.translate(
                "ServeController",
                "Cannot serve the API on %1: permission denied (ports below 1024 "
                "need privileges; choose another with --port N).",
            ).replace("%1", where)
        reason = exc.strerror or str(exc)
        return (
            QCoreApplication.translate("ServeController", "Cannot serve the API on %1: %2")
            .replace("%1", where)
            .replace("%2", reason)
        )

    # ------------------------------------------------------------- served
    def _on_served(self, args: tuple[Any, ...], response: Any) -> None:
        method, path, _params, _headers, origin = args
        self.requests_served += 1
        self.requestServed.emit(str(origin), str(method), str(path), int(response.status))

    # ------------------------------------------------------------- window
    @classmethod
    def for_window(cls, window: Any) -> ServeController:
        """The controller of ``window``: its File ▸ Serve toggle, its status-bar
        indicator (``serveIndicator``), and it follows the window's sandbox."""
        controller = cls(window.sandbox, window)
        window.host.replaced.connect(controller.set_sandbox)
        action = window.commands.actions.get("serve")
        indicator = ServeIndicator(controller, window)
        window.statusBar().addPermanentWidget(indicator)

        def sync(on: bool) -> None:
            if action is not None and action.isChecked() != on:
                blocked = action.blockSignals(True)
                action.setChecked(on)
                action.blockSignals(blocked)

        def report(text: str) -> None:
            window.statusBar().showMessage(text, 0)

        controller.started.connect(lambda url: sync(True))
        controller.started.connect(
            lambda url: report(
                QCoreApplication.translate(
                    "ServeController", "Serving the Stripe API at %1"
                ).replace("%1", url)
            )
        )
        controller.stopped.connect(lambda: sync(False))
        controller.stopped.connect(
            lambda: report(
                QCoreApplication.translate("ServeController", "Stopped serving the API.")
            )
        )
        controller.failed.connect(lambda _message: sync(False))
        controller.failed.connect(report)
        if action is not None:
            action.toggled.connect(controller.set_serving)
        return controller


class ServeIndicator(QLabel):
    """The status bar's ``Serving http://127.0.0.1:12111 · 3 requests`` (hidden when not)."""

    def __init__(self, controller: ServeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serveIndicator")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._controller = controller
        controller.started.connect(self.refresh)
        controller.stopped.connect(self.refresh)
        controller.requestServed.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args: object) -> None:
        controller = self._controller
        if not controller.running:
            self.hide()
            self.clear()
            return
        count = controller.requests_served
        self.setText(
            QCoreApplication.translate("ServeController", "● Serving %1 · %2 requests")
            .replace("%1", controller.url)
            .replace("%2", str(count))
        )
        tip = QCoreApplication.translate(
            "ServeController",
            'Point the stripe library here: stripe.api_base = "%1" (any sk_test_ key). '
            "Outside requests appear in the event log with their origin.",
        ).replace("%1", controller.url)
        self.setToolTip(tip)
        self.setAccessibleName(self.text())
        self.show()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)
