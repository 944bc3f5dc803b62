"""Every user command as a QAction with a unique shortcut, and the one request path.

Menus, the action bar, the graph's edges, the command palette, the keyboard
and the tests all go through these QActions and :meth:`Commands.perform`, so
a click, a shortcut and a test do exactly the same thing.

Object actions (charge, attach, ...) follow the selected object: each QAction
is enabled when ``sandbox.allowed_actions(id)`` says so; a blocked action is
disabled with the core's reason as tooltip and status tip. With *Try anyway*
on, blocked actions are enabled and send their request regardless, so Stripe's
real error can be read in the event log and a message: an error is a lesson.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QInputDialog, QStyle, QWidget

from gui.selection import Selection

ORIGIN = "gui"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


@dataclass(frozen=True, slots=True)
class CommandSpec:
    """One command: its name, menu, text, shortcut and status tip (untranslated)."""

    name: str
    menu: str
    text: str
    shortcut: str
    tip: str
    checkable: bool = False


# Every shortcut in the application lives in this table (tests check they are unique).
SPECS: tuple[CommandSpec, ...] = (
    # File (the session controller does the work)
    CommandSpec("file_new", "file", "&New Session", "Ctrl+N", "Start an empty sandbox"),
    CommandSpec("file_open", "file", "&Open…", "Ctrl+O", "Open a *.chargeable.json session"),
    CommandSpec("file_save", "file", "&Save", "Ctrl+S", "Save the session"),
    CommandSpec(
        "file_save_as", "file", "Save &As…", "Ctrl+Shift+S", "Save the session under a new name"
    ),
    CommandSpec("file_quit", "file", "&Quit", "Ctrl+Q", "Close Chargeable"),
    # Edit
    CommandSpec("undo", "edit", "&Undo", "Ctrl+Z", "Take back the last accepted request"),
    CommandSpec("redo", "edit", "&Redo", "Ctrl+Shift+Z", "Send again the request you took back"),
    CommandSpec(
        "copy_id", "edit", "Copy Object &Id", "Ctrl+Shift+I", "Copy the selected object's id"
    ),
    CommandSpec(
        "find", "edit", "&Filter Objects…", "Ctrl+F", "Filter the object list by id, type or e-mail"
    ),
    CommandSpec("palette", "edit", "Command &Palette…", "Ctrl+K", "Search every command by name"),
    # Create (dialogs)
    CommandSpec("new_source", "create", "New &Source…", "Ctrl+Alt+S", "POST /v1/sources"),
    CommandSpec("new_token", "create", "New &Token…", "Ctrl+Alt+K", "POST /v1/tokens"),
    CommandSpec("new_customer", "create", "New C&ustomer…", "Ctrl+Alt+U", "POST /v1/customers"),
    CommandSpec("new_charge", "create", "New &Charge…", "Ctrl+Alt+C", "POST /v1/charges"),
    # Object actions: names are the core's Action names.
    CommandSpec(
        "charge", "object", "&Charge", "Ctrl+Shift+C", "Charge the selected source or token"
    ),
    CommandSpec("attach", "object", "&Attach to Customer…", "Ctrl+Shift+A", "Attach to a customer"),
    CommandSpec("detach", "object", "&Detach", "Ctrl+Shift+D", "Detach from its customer"),
    CommandSpec(
        "set_default",
        "object",
        "Set as D&efault",
        "Ctrl+Shift+E",
        "Make it the customer's default_source",
    ),
    CommandSpec(
        "authorize",
        "object",
        "Customer &Authorizes",
        "Ctrl+Shift+Y",
        "The customer authorizes the redirect",
    ),
    CommandSpec(
        "fail",
        "object",
        "Customer &Fails",
        "Ctrl+Shift+X",
        "The customer declines or aborts the redirect",
    ),
    CommandSpec(
        "receive_funds", "object", "&Funds Arrive", "Ctrl+Shift+M", "The customer pushes the funds"
    ),
    CommandSpec("verify", "object", "&Verify Code…", "Ctrl+Shift+V", "Enter the verification code"),
    CommandSpec("capture", "object", "Ca&pture", "Ctrl+Shift+P", "Capture an authorized charge"),
    CommandSpec("refund", "object", "&Refund", "Ctrl+Shift+R", "Refund the charge"),
    CommandSpec(
        "advance_clock",
        "object",
        "Run the Clock to Its &Timer",
        "Ctrl+Shift+N",
        "Move the clock to the moment the selected object's timer fires (expiry, settlement)",
    ),
    CommandSpec(
        "try_anyway",
        "object",
        "&Try Anyway",
        "Ctrl+Shift+T",
        "Let blocked actions send their request, to see Stripe's real error",
        checkable=True,
    ),
    # Clock
    CommandSpec(
        "clock_1h", "clock", "Advance &1 Hour", "Ctrl+Alt+1", "Move the simulated clock 1 hour on"
    ),
    CommandSpec(
        "clock_6h", "clock", "Advance &6 Hours", "Ctrl+Alt+6", "Move the simulated clock 6 hours on"
    ),
    CommandSpec(
        "clock_1d", "clock", "Advance 1 &Day", "Ctrl+Alt+D", "Move the simulated clock 1 day on"
    ),
    CommandSpec(
        "clock_custom",
        "clock",
        "Advance &By…",
        "Ctrl+Alt+0",
        "Move the simulated clock on by any time",
    ),
    # View
    CommandSpec(
        "focus_list",
        "view",
        "Go to &Objects",
        "Alt+1",
        "Move the keyboard focus to the object list",
    ),
    CommandSpec(
        "focus_graph", "view", "Go to State &Graph", "Alt+2", "Move the keyboard focus to the graph"
    ),
    CommandSpec(
        "focus_detail",
        "view",
        "Go to &Details",
        "Alt+3",
        "Move the keyboard focus to the detail pane",
    ),
    CommandSpec(
        "focus_log", "view", "Go to &Event Log", "Alt+4", "Move the keyboard focus to the event log"
    ),
    CommandSpec(
        "show_notice",
        "view",
        "Show the Sources API &Notice",
        "Ctrl+Alt+N",
        "Why Sources are legacy",
    ),
    # Help
    CommandSpec("shortcuts", "help", "&Keyboard Shortcuts", "F1", "Every command and its shortcut"),
    CommandSpec("about", "help", "&About Chargeable", "Ctrl+F1", "What Chargeable is"),
)

SPEC_BY_NAME = {s.name: s for s in SPECS}

MENUS: tuple[tuple[str, str], ...] = (
    ("file", "&File"),
    ("edit", "&Edit"),
    ("create", "&Create"),
    ("object", "&Object"),
    ("clock", "C&lock"),
    ("view", "&View"),
    ("help", "&Help"),
)

# Shorter words for the action bar's buttons (QAction.iconText).
SHORT_TEXT = {
    "charge": "Charge…",
    "attach": "Attach…",
    "detach": "Detach",
    "set_default": "Make default",
    "authorize": "Authorize",
    "fail": "Fail",
    "receive_funds": "Funds arrive…",
    "verify": "Verify…",
    "capture": "Capture",
    "refund": "Refund",
    "advance_clock": "Run to timer",
}

OBJECT_ACTIONS = tuple(s.name for s in SPECS if s.menu == "object" and s.name != "try_anyway")
CLOCK_PATH = "/v1/test_helpers/advance_clock"
CLOCK_SECONDS = {"clock_1h": 3600, "clock_6h": 6 * 3600, "clock_1d": 24 * 3600}

# Chooser: (parameter name, core Action or None, object id) -> value, or None to cancel.
Chooser = Callable[[str, Any, str | None], str | None]


def error_of(response: Any) -> dict[str, Any] | None:
    """The ``error`` hash of an error response, or ``None``."""
    body = getattr(response, "body", None)
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        return body["error"]
    return None


class Commands(QObject):
    """The window's QActions and the request path they share.

    Attributes:
        actions: QAction by command name (see :data:`SPECS`).
        chooser: asks the user for a parameter an action ``needs``; tests replace it.
        current_actions: the core's ``allowed_actions`` for the selected object.

    Signals:
        actionsChanged(): ``current_actions`` or the Try-anyway switch changed.
        requestFinished(object): a request this object sent got its response.
        lesson(str, str): (title, text) of an error worth reading (a rejected request).
        message(str): a short status-bar message.
    """

    actionsChanged = Signal()
    requestFinished = Signal(object)
    lesson = Signal(str, str)
    message = Signal(str)

    def __init__(self, sandbox: Any, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commands")
        self._sandbox = sandbox
        self._selection = selection
        self._parent_widget = parent
        self.actions: dict[str, QAction] = {}
        self.current_actions: list[Any] = []
        self._warning: QIcon | None = None
        self._warned: dict[str, bool] = {}
        self.chooser: Chooser = self._ask
        for spec in SPECS:
            action = QAction(_tr(spec.text), parent or self)
            action.setObjectName(f"action_{spec.name}")
            action.setShortcut(QKeySequence(spec.shortcut))
            action.setStatusTip(_tr(spec.tip))
            action.setToolTip(_tr(spec.tip))
            action.setCheckable(spec.checkable)
            action.setData(spec.name)
            if spec.name in SHORT_TEXT:
                action.setIconText(_tr(SHORT_TEXT[spec.name]))
            self.actions[spec.name] = action
        for name in OBJECT_ACTIONS:
            self.actions[name].triggered.connect(
                lambda _checked=False, n=name: self.perform_on_selection(n)
            )
        self.actions["try_anyway"].toggled.connect(self._on_try_anyway)
        self.actions["undo"].triggered.connect(self.undo)
        self.actions["redo"].triggered.connect(self.redo)
        for name, seconds in CLOCK_SECONDS.items():
            self.actions[name].triggered.connect(
                lambda _checked=False, s=seconds: self.advance_clock(s)
            )
        self.actions["clock_custom"].triggered.connect(self.advance_clock_custom)
        selection.changed.connect(self.refresh)
        sandbox.subscribe(self._on_change)
        self.destroyed.connect(lambda *_: _safe_unsubscribe(self._sandbox, self._on_change))
        self.refresh()

    def set_sandbox(self, sandbox: Any) -> None:
        """Follow another sandbox (after New, Open or Recover)."""
        _safe_unsubscribe(self._sandbox, self._on_change)
        self._sandbox = sandbox
        sandbox.subscribe(self._on_change)
        self.refresh()

    # -------------------------------------------------------------- access
    def action(self, name: str) -> QAction:
        return self.actions[name]

    def all_actions(self) -> list[QAction]:
        """Every QAction, in menu order."""
        return [self.actions[s.name] for s in SPECS]

    def menu_layout(self) -> list[tuple[str, list[QAction]]]:
        """(translated menu title, its actions) for each menu, in order."""
        return [
            (_tr(title), [self.actions[s.name] for s in SPECS if s.menu == key])
            for key, title in MENUS
        ]

    @property
    def try_anyway(self) -> bool:
        return self.actions["try_anyway"].isChecked()

    # ------------------------------------------------------------ syncing
    def _on_change(self, _change: Any) -> None:
        self.refresh()

    def _on_try_anyway(self, _checked: bool) -> None:
        self.refresh()

    def refresh(self, *_args: object) -> None:
        """Re-read ``allowed_actions`` for the selection and sync every QAction."""
        object_id = self._selection.current
        if object_id and self._sandbox.get(object_id) is not None:
            self.current_actions = list(self._sandbox.allowed_actions(object_id))
        else:
            self.current_actions = []
        by_name = {a.name: a for a in self.current_actions}
        try_anyway = self.try_anyway
        for name in OBJECT_ACTIONS:
            spec_tip = _tr(SPEC_BY_NAME[name].tip)
            core = by_name.get(name)
            if core is None:
                tip = (
                    _tr("Select an object first.")
                    if not object_id
                    else _tr("Does not apply to %1.").replace("%1", object_id)
                )
                self._sync(name, False, False, f"{spec_tip}\n{tip}", f"{spec_tip} — {tip}")
            elif core.enabled:
                self._sync(name, True, False, spec_tip, spec_tip)
            else:
                reason = str(core.reason or _tr("blocked"))
                blocked = _tr("Blocked: %1").replace("%1", reason)
                if try_anyway:
                    blocked += "\n" + _tr(
                        "Try anyway is on: it sends the request to show Stripe's error."
                    )
                self._sync(name, try_anyway, try_anyway, blocked, blocked.replace("\n", " "))
        for name, enabled in (
            ("undo", bool(self._sandbox.can_undo)),
            ("redo", bool(self._sandbox.can_redo)),
            ("copy_id", bool(object_id)),
        ):
            if self.actions[name].isEnabled() != enabled:
                self.actions[name].setEnabled(enabled)
        self.actionsChanged.emit()

    def _sync(self, name: str, enabled: bool, warn: bool, tool_tip: str, status_tip: str) -> None:
        """Set a QAction's state, touching only what differs (each set repaints its buttons)."""
        qaction = self.actions[name]
        if qaction.isEnabled() != enabled:
            qaction.setEnabled(enabled)
        if self._warned.get(name, False) != warn:
            self._warned[name] = warn
            qaction.setIcon(self._warning_icon() if warn else QIcon())
        if qaction.toolTip() != tool_tip:
            qaction.setToolTip(tool_tip)
        if qaction.statusTip() != status_tip:
            qaction.setStatusTip(status_tip)

    def _warning_icon(self) -> QIcon:
        if self._warning is None:
            self._warning = QApplication.style().standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxWarning
            )
        return self._warning

    # ------------------------------------------------------------ requests
    def send(self, method: str, path: str, params: Any = None) -> Any:
        """Send one request through the sandbox as the GUI; report a rejection as a lesson."""
        response = self._sandbox.request(method, path, params if params else {}, origin=ORIGIN)
        error = error_of(response)
        if error is not None:
            title = (
                _tr("Stripe said no: %1 %2 → %3")
                .replace("%1", method.upper())
                .replace("%2", path)
                .replace("%3", str(response.status))
            )
            code = " · ".join(
                str(error[k]) for k in ("type", "code", "decline_code", "param") if error.get(k)
            )
            self.lesson.emit(title, f"{error.get('message', '')}\n{code}".strip())
        self.requestFinished.emit(response)
        return response

    def perform_on_selection(self, name: str) -> Any:
        object_id = self._selection.current
        if not object_id:
            self.message.emit(_tr("Select an object first."))
            return None
        return self.perform(object_id, name)

    def perform(self, object_id: str, name: str, chosen: dict[str, str] | None = None) -> Any:
        """Do the core action ``name`` on ``object_id``; ask for what it ``needs``.

        Returns the response, or ``None`` when nothing was sent (the action does
        not apply, it is blocked and Try anyway is off, or the user cancelled).
        """
        core = next((a for a in self._sandbox.allowed_actions(object_id) if a.name == name), None)
        if core is None:
            self.message.emit(
                _tr("%1 does not apply to %2.").replace("%1", name).replace("%2", object_id)
            )
            return None
        if not core.enabled and not self.try_anyway:
            self.message.emit(_tr("Blocked: %1").replace("%1", str(core.reason)))
            return None
        chosen = dict(chosen or {})
        for need in core.needs or ():
            if need in chosen:
                continue
            value = self.chooser(need, core, object_id)
            if value is None:
                if core.enabled:
                    self.message.emit(_tr("Cancelled."))
                    return None
                continue  # a blocked request goes out without it: Stripe will say what is missing
            chosen[need] = value
        if "values" in chosen and isinstance(chosen["values"], str):
            chosen["values"] = [v for v in re.split(r"[\s,]+", chosen["values"]) if v]
        method, path, params = core.request_args(chosen)
        return self.send(method, path, params)

    def advance_clock(self, seconds: int) -> Any:
        """Move the simulated clock on by ``seconds`` (timers may expire sources)."""
        return self.send("POST", CLOCK_PATH, {"seconds": str(int(seconds))})

    def advance_clock_custom(self) -> Any:
        value = self.chooser("clock_hours", None, None)
        if value is None:
            return None
        try:
            hours = float(value)
        except ValueError:
            self.message.emit(_tr("Not a number of hours: %1").replace("%1", value))
            return None
        if hours <= 0:
            self.message.emit(_tr("The clock only moves forward."))
            return None
        return self.advance_clock(int(hours * 3600))

    def undo(self) -> bool:
        done = bool(self._sandbox.undo())
        self.message.emit(_tr("Undone.") if done else _tr("Nothing to undo."))
        return done

    def redo(self) -> bool:
        done = bool(self._sandbox.redo())
        self.message.emit(_tr("Redone.") if done else _tr("Nothing to redo."))
        return done

    # ------------------------------------------------------------- asking
    def _ask(self, need: str, action: Any, object_id: str | None) -> str | None:
        """Ask the user for one parameter with a small dialog (tests replace this)."""
        parent = self._parent_widget
        if need == "clock_hours":
            value, ok = QInputDialog.getDouble(
                parent,
                _tr("Advance the clock"),
                _tr("Hours to move the simulated clock on:"),
                2.0,
                0.01,
                24 * 400,
                2,
            )
            return str(value) if ok else None
        if need == "customer":
            customers = list(self._sandbox.object_ids("customer"))
            if not customers:
                self.message.emit(_tr("Create a customer first (Create ▸ New Customer)."))
                return None
            value, ok = QInputDialog.getItem(
                parent,
                _tr("Choose a customer"),
                _tr("customer (the customer to attach to):"),
                customers,
                0,
                False,
            )
            return value if ok else None
        if need == "source":
            obj = self._sandbox.get(object_id) if object_id else None
            choices = list(self._sandbox.object_ids("source")) + list(
                self._sandbox.object_ids("card")
            )
            if obj and obj.get("object") == "customer":
                choices = [
                    c for c in choices if (self._sandbox.get(c) or {}).get("customer") == object_id
                ]
            if not choices:
                self.message.emit(_tr("No source to choose."))
                return None
            value, ok = QInputDialog.getItem(
                parent, _tr("Choose a source"), _tr("source:"), choices, 0, False
            )
            return value if ok else None
        if need in ("amount",):
            value_int, ok = QInputDialog.getInt(
                parent, _tr("Amount"), _tr("amount (smallest currency unit):"), 1000, 1
            )
            return str(value_int) if ok else None
        label = _tr("%1:").replace("%1", need)
        text, ok = QInputDialog.getText(parent, _tr("A value is needed"), label)
        return text if ok else None


def _safe_unsubscribe(sandbox: Any, callback: Any) -> None:
    try:
        sandbox.unsubscribe(callback)
    except (KeyError, ValueError):
        pass
