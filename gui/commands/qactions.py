"""Every user command as a QAction with a unique shortcut.

Menus, the action bar, the graph's edges, the command palette, the keyboard
and the tests all go through these QActions and :meth:`Commands.perform`, so
a click, a shortcut and a test do exactly the same thing; the request itself
goes through :meth:`gui.sandbox_host.SandboxHost.send`, as the dialogs' do.

Object actions (charge, attach, ...) follow the selected object: each QAction
is enabled when ``sandbox.allowed_actions(id)`` says so; a blocked action is
disabled with the core's reason as tooltip and status tip. With *Try anyway*
on, blocked actions are enabled and send their request regardless, so Stripe's
real error can be read in the event log and a message: an error is a lesson.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QStyle, QWidget

from core.api import Change, Response, Sandbox
from core.lifecycle.action import Action
from gui.commands.ask import ParameterAsker
from gui.commands.menus import MENUS, OBJECT_ACTIONS, SHORT_TEXT, SUBMENUS
from gui.commands.table import (
    CLOCK_PATH,
    CLOCK_SECONDS,
    SPEC_BY_NAME,
    SPECS,
    Chooser,
    command_text,
)
from gui.sandbox_host import SandboxHost, error_of
from gui.selection import Selection
from gui.words.i18n import core_text


def unverified_note(note: str) -> str:
    """A core ``Action.note`` in words: what the sandbox did where Stripe's answer is unknown."""
    return QCoreApplication.translate("Commands", "Unverified: %1").replace("%1", core_text(note))


class Commands(QObject):
    """The window's QActions and the request path they share.

    Attributes:
        actions: QAction by command name (see :data:`SPECS`).
        chooser: asks the user for a parameter an action ``needs``; tests replace it.
        current_actions: the core's ``allowed_actions`` for the selected object.

    Signals:
        actionsChanged(): ``current_actions`` or the Try-anyway switch changed.
        message(str): a short status-bar message.

    Requests go through the host (:meth:`SandboxHost.send`), which reports their
    answers and refusals (``answered``, ``refused``) whoever sent them.
    """

    actionsChanged = Signal()
    message = Signal(str)

    def __init__(
        self, host: SandboxHost, selection: Selection, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("commands")
        self._host = host
        self._selection = selection
        self._parent_widget = parent
        self.actions: dict[str, QAction] = {}
        self.current_actions: list[Action] = []
        self._warning: QIcon | None = None
        self._warned: dict[str, bool] = {}
        self.chooser: Chooser = ParameterAsker(host, parent, self.message.emit)
        #: opens the Charge dialog for an object (the window sets it); without one,
        #: "charge" asks for what it needs and sends at once
        self.charge_dialog: Callable[[str], object] | None = None
        #: opens the dialog asking what an intent's confirm/capture/cancel takes (the
        #: window sets it); True when it opened one, which then sends
        self.step_dialog: Callable[[str, str], bool] | None = None
        self._presenter_keys = False
        for spec in SPECS:
            action = QAction(parent or self)
            action.setObjectName(f"action_{spec.name}")
            action.setShortcuts([QKeySequence(k) for k in (spec.shortcut, *spec.extra)])
            action.setCheckable(spec.checkable)
            action.setData(spec.name)
            self.actions[spec.name] = action
        self._set_texts()
        for name in OBJECT_ACTIONS:  # a partial is no Python frame between click and request
            self.actions[name].triggered.connect(partial(self.perform_on_selection, name))
        self.actions["try_anyway"].toggled.connect(self._on_try_anyway)
        self.actions["undo"].triggered.connect(self.undo)
        self.actions["redo"].triggered.connect(self.redo)
        for name, seconds in CLOCK_SECONDS.items():
            self.actions[name].triggered.connect(
                lambda _checked=False, s=seconds: self.advance_clock(s)
            )
        self.actions["clock_custom"].triggered.connect(self.advance_clock_custom)
        selection.changed.connect(self.refresh)
        host.changed.connect(self._on_change)
        host.replaced.connect(self.refresh)
        self.refresh()

    @property
    def _sandbox(self) -> Sandbox:
        return self._host.sandbox

    # -------------------------------------------------------------- access
    def action(self, name: str) -> QAction:
        return self.actions[name]

    def all_actions(self) -> list[QAction]:
        """Every QAction, in menu order."""
        return [self.actions[s.name] for s in SPECS]

    def menu_layout(self) -> list[tuple[str, list[QAction]]]:
        """(translated menu title, its actions) for each menu, in order."""
        return [
            (command_text(title), [self.actions[s.name] for s in SPECS if s.menu == key])
            for key, title in MENUS
        ]

    def menu_keys(self) -> list[tuple[str, str, list[QAction]]]:
        """(menu key, translated title, its actions) for each menu and submenu, in order.

        A submenu's key is listed after its parent's (see :data:`SUBMENUS`).
        """
        menus = [*MENUS, *((key, title) for key, (_parent, title) in SUBMENUS.items())]
        return [
            (key, command_text(title), [self.actions[s.name] for s in SPECS if s.menu == key])
            for key, title in menus
        ]

    @staticmethod
    def menu_title(key: str) -> str:
        """The translated title of the menu or submenu ``key``."""
        titles = dict(MENUS) | {k: t for k, (_p, t) in SUBMENUS.items()}
        return command_text(titles[key])

    def _set_texts(self) -> None:
        """(Re)set every QAction's text and tips in the current language."""
        for spec in SPECS:
            action = self.actions[spec.name]
            action.setText(command_text(spec.text))
            action.setStatusTip(command_text(spec.tip))
            action.setToolTip(command_text(spec.tip))
            if spec.name in SHORT_TEXT:
                action.setIconText(command_text(SHORT_TEXT[spec.name]))
            else:  # a button's words: no mnemonic, not even Japanese-style "(&N)"
                action.setIconText(re.sub(r"\s*\(&\w\)", "", action.text()).replace("&", ""))

    def retranslate(self) -> None:
        """After a language change: every text again, then the object actions' tips."""
        self._set_texts()
        self.refresh()

    def set_presenter_keys(self, on: bool) -> None:
        """Add (or remove) the presenter-mode keys: Space/arrows/Page keys step, Esc leaves.

        They are window shortcuts, so they work whichever pane has the focus.
        """
        self._presenter_keys = bool(on)
        for spec in SPECS:
            if not spec.presenter:
                continue
            keys = (spec.shortcut, *spec.extra, *(spec.presenter if on else ()))
            action = self.actions[spec.name]
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    @property
    def presenter_keys(self) -> bool:
        return self._presenter_keys

    @property
    def try_anyway(self) -> bool:
        return self.actions["try_anyway"].isChecked()

    # ------------------------------------------------------------ syncing
    def _on_change(self, _change: Change) -> None:
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
            spec_tip = command_text(SPEC_BY_NAME[name].tip)
            core = by_name.get(name)
            if core is None:
                tip = (
                    QCoreApplication.translate("Commands", "Select an object first.")
                    if not object_id
                    else QCoreApplication.translate("Commands", "Does not apply to %1.").replace(
                        "%1", object_id
                    )
                )
                self._sync(name, False, False, f"{spec_tip}\n{tip}", f"{spec_tip} — {tip}")
            elif core.enabled and core.note:
                caveat = unverified_note(core.note)
                self._sync(name, True, False, f"{spec_tip}\n{caveat}", f"{spec_tip} — {caveat}")
            elif core.enabled:
                self._sync(name, True, False, spec_tip, spec_tip)
            else:
                reason = core_text(core.reason) or QCoreApplication.translate("Commands", "blocked")
                blocked = QCoreApplication.translate("Commands", "Blocked: %1").replace(
                    "%1", reason
                )
                if try_anyway:
                    blocked += "\n" + QCoreApplication.translate(
                        "Commands", "Try anyway is on: it sends the request to show Stripe's error."
                    )
                # a tooltip and a status tip cannot hold links: their "(§6.3)" stays text
                # (the action bar's blocked line shows the same reason with its link)
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
    def perform_on_selection(self, name: str, _checked: bool = False) -> Response | None:
        """Do ``name`` on the selected object (``_checked``: QAction.triggered's argument)."""
        object_id = self._selection.current
        if not object_id:
            self.message.emit(QCoreApplication.translate("Commands", "Select an object first."))
            return None
        return self.perform(object_id, name)

    def perform(
        self, object_id: str, name: str, chosen: dict[str, Any] | None = None
    ) -> Response | None:
        """Do the core action ``name`` on ``object_id``; ask for what it ``needs``.

        Returns the response, or ``None`` when nothing was sent (the action does
        not apply, it is blocked and Try anyway is off, or the user cancelled).
        """
        core = next((a for a in self._actions_of(object_id) if a.name == name), None)
        if core is None:
            self.message.emit(
                QCoreApplication.translate("Commands", "%1 does not apply to %2.")
                .replace("%1", name)
                .replace("%2", object_id)
            )
            return None
        if not core.enabled and not self.try_anyway:
            self.message.emit(
                QCoreApplication.translate("Commands", "Blocked: %1").replace(
                    "%1", core_text(core.reason)
                )
            )
            return None
        if name == "charge" and self.charge_dialog is not None and not chosen:
            self.charge_dialog(object_id)  # the one Charge dialog, prefilled; it sends
            return None
        if self.step_dialog is not None and not chosen and self.step_dialog(object_id, name):
            return None  # the dialog asks for the input (a reason, an amount) and sends
        chosen = dict(chosen or {})
        for need in core.needs or ():
            if need in chosen:
                continue
            value = self.chooser(need, core, object_id)
            if value is None:
                if core.enabled:
                    self.message.emit(QCoreApplication.translate("Commands", "Cancelled."))
                    return None
                continue  # a blocked request goes out without it: Stripe will say what is missing
            chosen[need] = value
        if "values" in chosen and isinstance(chosen["values"], str):
            chosen["values"] = [v for v in re.split(r"[\s,]+", chosen["values"]) if v]
        method, path, params = core.request_args(chosen)
        response = self._host.send(method, path, params)
        if core.enabled and core.note and error_of(response) is None:
            self.message.emit(unverified_note(core.note))  # accepted here; maybe not by Stripe
        return response

    def _actions_of(self, object_id: str) -> list[Action]:
        """The selected object's actions as :meth:`refresh` read them after the last
        change (every change and selection refreshes them); another object's, read now."""
        if object_id == self._selection.current:
            return self.current_actions
        return self._sandbox.allowed_actions(object_id)

    def advance_clock(self, seconds: int) -> Response:
        """Move the simulated clock on by ``seconds`` (timers may expire sources)."""
        return self._host.send("POST", CLOCK_PATH, {"seconds": str(int(seconds))})

    def advance_clock_custom(self) -> Response | None:
        """Clock ▸ Advance by…: ``90s``, ``45m``, ``1h30m``, ``2d``, or hours (``1.5``)."""
        from gui.words.durations import parse_duration

        value = self.chooser("clock_hours", None, None)
        if value is None:
            return None
        seconds = parse_duration(value)
        if seconds is None:
            self.message.emit(
                QCoreApplication.translate(
                    "Commands",
                    "Not a duration: %1 (write 90s, 45m, 1h30m, 2d, or a number of hours)",
                ).replace("%1", value)
            )
            return None
        return self.advance_clock(seconds)

    def undo(self) -> bool:
        done = bool(self._sandbox.undo())
        self.message.emit(
            QCoreApplication.translate("Commands", "Undone.")
            if done
            else QCoreApplication.translate("Commands", "Nothing to undo.")
        )
        return done

    def redo(self) -> bool:
        done = bool(self._sandbox.redo())
        self.message.emit(
            QCoreApplication.translate("Commands", "Redone.")
            if done
            else QCoreApplication.translate("Commands", "Nothing to redo.")
        )
        return done
