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
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QInputDialog, QStyle, QWidget

from core.api import Change, Response, Sandbox
from core.lifecycle.actions import Action
from gui.sandbox_host import SandboxHost, error_of
from gui.selection import Selection
from gui.words.core_texts import translate as core_text


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
    #: more shortcuts, always on (e.g. Ctrl++ beside Ctrl+=)
    extra: tuple[str, ...] = ()
    #: shortcuts added only while presenter mode is on (Space, arrows, Esc)
    presenter: tuple[str, ...] = ()


# Every shortcut in the application lives in this table (tests check they are unique).
SPECS: tuple[CommandSpec, ...] = (
    # File (the session controller does the work)
    CommandSpec(
        "file_new",
        "file",
        QT_TRANSLATE_NOOP("Commands", "&New Session"),
        "Ctrl+N",
        QT_TRANSLATE_NOOP("Commands", "Start an empty sandbox"),
    ),
    CommandSpec(
        "file_open",
        "file",
        QT_TRANSLATE_NOOP("Commands", "&Open…"),
        "Ctrl+O",
        QT_TRANSLATE_NOOP("Commands", "Open a *.chargeable.json session"),
    ),
    CommandSpec(
        "file_save",
        "file",
        QT_TRANSLATE_NOOP("Commands", "&Save"),
        "Ctrl+S",
        QT_TRANSLATE_NOOP("Commands", "Save the session"),
    ),
    CommandSpec(
        "file_save_as",
        "file",
        QT_TRANSLATE_NOOP("Commands", "Save &As…"),
        "Ctrl+Shift+S",
        QT_TRANSLATE_NOOP("Commands", "Save the session under a new name"),
    ),
    CommandSpec(
        "serve",
        "file",
        QT_TRANSLATE_NOOP("Commands", "Serve the &API on 127.0.0.1:12111"),
        "Ctrl+Alt+A",
        QT_TRANSLATE_NOOP(
            "Commands",
            "Run a local Stripe-compatible API: objects your own client code creates "
            "appear here live (chargeable --serve)",
        ),
        checkable=True,
    ),
    CommandSpec(
        "file_quit",
        "file",
        QT_TRANSLATE_NOOP("Commands", "&Quit"),
        "Ctrl+Q",
        QT_TRANSLATE_NOOP("Commands", "Close Chargeable"),
    ),
    # Edit
    CommandSpec(
        "undo",
        "edit",
        QT_TRANSLATE_NOOP("Commands", "&Undo"),
        "Ctrl+Z",
        QT_TRANSLATE_NOOP("Commands", "Take back the last accepted request"),
    ),
    CommandSpec(
        "redo",
        "edit",
        QT_TRANSLATE_NOOP("Commands", "&Redo"),
        "Ctrl+Shift+Z",
        QT_TRANSLATE_NOOP("Commands", "Send again the request you took back"),
    ),
    CommandSpec(
        "copy_id",
        "edit",
        QT_TRANSLATE_NOOP("Commands", "Copy Object &Id"),
        "Ctrl+Shift+I",
        QT_TRANSLATE_NOOP("Commands", "Copy the selected object's id"),
    ),
    CommandSpec(
        "find",
        "edit",
        QT_TRANSLATE_NOOP("Commands", "&Filter Objects…"),
        "Ctrl+F",
        QT_TRANSLATE_NOOP("Commands", "Filter the object list by id, type or e-mail"),
    ),
    CommandSpec(
        "palette",
        "edit",
        QT_TRANSLATE_NOOP("Commands", "Command &Palette…"),
        "Ctrl+K",
        QT_TRANSLATE_NOOP("Commands", "Search every command by name"),
    ),
    # Create (dialogs)
    CommandSpec(
        "new_source",
        "create",
        QT_TRANSLATE_NOOP("Commands", "New &Source…"),
        "Ctrl+Alt+S",
        QT_TRANSLATE_NOOP("Commands", "POST /v1/sources"),
    ),
    CommandSpec(
        "new_token",
        "create",
        QT_TRANSLATE_NOOP("Commands", "New &Token…"),
        "Ctrl+Alt+K",
        QT_TRANSLATE_NOOP("Commands", "POST /v1/tokens"),
    ),
    CommandSpec(
        "new_customer",
        "create",
        QT_TRANSLATE_NOOP("Commands", "New C&ustomer…"),
        "Ctrl+Alt+U",
        QT_TRANSLATE_NOOP("Commands", "POST /v1/customers"),
    ),
    CommandSpec(
        "new_charge",
        "create",
        QT_TRANSLATE_NOOP("Commands", "New &Charge…"),
        "Ctrl+Alt+C",
        QT_TRANSLATE_NOOP("Commands", "POST /v1/charges"),
    ),
    # Object actions: names are the core's Action names.
    CommandSpec(
        "charge",
        "object",
        QT_TRANSLATE_NOOP("Commands", "&Charge"),
        "Ctrl+Shift+C",
        QT_TRANSLATE_NOOP("Commands", "Charge the selected source or token"),
    ),
    CommandSpec(
        "attach",
        "object",
        QT_TRANSLATE_NOOP("Commands", "&Attach to Customer…"),
        "Ctrl+Shift+A",
        QT_TRANSLATE_NOOP("Commands", "Attach to a customer"),
    ),
    CommandSpec(
        "detach",
        "object",
        QT_TRANSLATE_NOOP("Commands", "&Detach"),
        "Ctrl+Shift+D",
        QT_TRANSLATE_NOOP("Commands", "Detach from its customer"),
    ),
    CommandSpec(
        "set_default",
        "object",
        QT_TRANSLATE_NOOP("Commands", "Set as D&efault"),
        "Ctrl+Shift+E",
        QT_TRANSLATE_NOOP("Commands", "Make it the customer's default_source"),
    ),
    CommandSpec(
        "authorize",
        "object",
        QT_TRANSLATE_NOOP("Commands", "Customer &Authorizes"),
        "Ctrl+Shift+Y",
        QT_TRANSLATE_NOOP("Commands", "The customer authorizes the redirect"),
    ),
    CommandSpec(
        "fail",
        "object",
        QT_TRANSLATE_NOOP("Commands", "Customer &Fails"),
        "Ctrl+Shift+X",
        QT_TRANSLATE_NOOP("Commands", "The customer declines or aborts the redirect"),
    ),
    CommandSpec(
        "receive_funds",
        "object",
        QT_TRANSLATE_NOOP("Commands", "&Funds Arrive"),
        "Ctrl+Shift+M",
        QT_TRANSLATE_NOOP("Commands", "The customer pushes the funds"),
    ),
    CommandSpec(
        "verify",
        "object",
        QT_TRANSLATE_NOOP("Commands", "&Verify Code…"),
        "Ctrl+Shift+V",
        QT_TRANSLATE_NOOP("Commands", "Enter the verification code"),
    ),
    CommandSpec(
        "capture",
        "object",
        QT_TRANSLATE_NOOP("Commands", "Ca&pture"),
        "Ctrl+Shift+P",
        QT_TRANSLATE_NOOP("Commands", "Capture an authorized charge"),
    ),
    CommandSpec(
        "refund",
        "object",
        QT_TRANSLATE_NOOP("Commands", "&Refund"),
        "Ctrl+Shift+R",
        QT_TRANSLATE_NOOP("Commands", "Refund the charge"),
    ),
    CommandSpec(
        "advance_clock",
        "object",
        QT_TRANSLATE_NOOP("Commands", "Run the Clock to Its &Timer"),
        "Ctrl+Shift+N",
        QT_TRANSLATE_NOOP(
            "Commands",
            "Move the clock to the moment the selected object's timer fires (expiry, settlement)",
        ),
    ),
    CommandSpec(
        "try_anyway",
        "object",
        QT_TRANSLATE_NOOP("Commands", "&Try Anyway"),
        "Ctrl+Shift+T",
        QT_TRANSLATE_NOOP(
            "Commands", "Let blocked actions send their request, to see Stripe's real error"
        ),
        checkable=True,
    ),
    # Clock
    CommandSpec(
        "clock_1h",
        "clock",
        QT_TRANSLATE_NOOP("Commands", "Advance &1 Hour"),
        "Ctrl+Alt+1",
        QT_TRANSLATE_NOOP("Commands", "Move the simulated clock 1 hour on"),
    ),
    CommandSpec(
        "clock_6h",
        "clock",
        QT_TRANSLATE_NOOP("Commands", "Advance &6 Hours"),
        "Ctrl+Alt+6",
        QT_TRANSLATE_NOOP("Commands", "Move the simulated clock 6 hours on"),
    ),
    CommandSpec(
        "clock_1d",
        "clock",
        QT_TRANSLATE_NOOP("Commands", "Advance 1 &Day"),
        "Ctrl+Alt+D",
        QT_TRANSLATE_NOOP("Commands", "Move the simulated clock 1 day on"),
    ),
    CommandSpec(
        "clock_custom",
        "clock",
        QT_TRANSLATE_NOOP("Commands", "Advance &By…"),
        "Ctrl+Alt+0",
        QT_TRANSLATE_NOOP("Commands", "Move the simulated clock on by any time"),
    ),
    # View
    CommandSpec(
        "focus_list",
        "view",
        QT_TRANSLATE_NOOP("Commands", "Go to &Objects"),
        "Alt+1",
        QT_TRANSLATE_NOOP("Commands", "Move the keyboard focus to the object list"),
    ),
    CommandSpec(
        "focus_graph",
        "view",
        QT_TRANSLATE_NOOP("Commands", "Go to State &Graph"),
        "Alt+2",
        QT_TRANSLATE_NOOP("Commands", "Move the keyboard focus to the graph"),
    ),
    CommandSpec(
        "focus_detail",
        "view",
        QT_TRANSLATE_NOOP("Commands", "Go to &Details"),
        "Alt+3",
        QT_TRANSLATE_NOOP("Commands", "Move the keyboard focus to the detail pane"),
    ),
    CommandSpec(
        "focus_log",
        "view",
        QT_TRANSLATE_NOOP("Commands", "Go to &Event Log"),
        "Alt+4",
        QT_TRANSLATE_NOOP("Commands", "Move the keyboard focus to the event log"),
    ),
    CommandSpec(
        "show_notice",
        "view",
        QT_TRANSLATE_NOOP("Commands", "Show the Sources API &Notice"),
        "Ctrl+Alt+N",
        QT_TRANSLATE_NOOP("Commands", "Why Sources are legacy"),
    ),
    CommandSpec(
        "show_lessons",
        "view",
        QT_TRANSLATE_NOOP("Commands", "&Lessons"),
        "Ctrl+L",
        QT_TRANSLATE_NOOP("Commands", "Show or hide the lesson player"),
        checkable=True,
    ),
    CommandSpec(
        "presenter",
        "view",
        QT_TRANSLATE_NOOP("Commands", "&Presenter Mode"),
        "F5",
        QT_TRANSLATE_NOOP(
            "Commands",
            "Full screen for the classroom: the graph and the narration only (Esc leaves)",
        ),
        checkable=True,
        presenter=("Esc",),
    ),
    CommandSpec(
        "zoom_in",
        "view",
        QT_TRANSLATE_NOOP("Commands", "Zoom &In"),
        "Ctrl+=",
        QT_TRANSLATE_NOOP("Commands", "Larger text in every pane"),
        extra=("Ctrl++",),
    ),
    CommandSpec(
        "zoom_out",
        "view",
        QT_TRANSLATE_NOOP("Commands", "Zoom &Out"),
        "Ctrl+-",
        QT_TRANSLATE_NOOP("Commands", "Smaller text in every pane"),
    ),
    CommandSpec(
        "zoom_reset",
        "view",
        QT_TRANSLATE_NOOP("Commands", "&Actual Size"),
        "Ctrl+0",
        QT_TRANSLATE_NOOP("Commands", "Text at its normal size"),
    ),
    CommandSpec(
        "high_contrast",
        "view",
        QT_TRANSLATE_NOOP("Commands", "&High Contrast"),
        "Ctrl+Alt+H",
        QT_TRANSLATE_NOOP("Commands", "Black, white and yellow, with a thick focus frame"),
        checkable=True,
    ),
    # View > Language: each language in its own name (never translated)
    CommandSpec("lang_en", "language", "English", "Ctrl+Alt+E", "English", checkable=True),
    CommandSpec("lang_ja", "language", "日本語", "Ctrl+Alt+J", "日本語", checkable=True),
    # Lesson: the lesson player's commands (presenter mode adds Space, arrows, Page keys)
    CommandSpec(
        "lesson_next",
        "lesson",
        QT_TRANSLATE_NOOP("Commands", "&Next Step"),
        "Alt+Right",
        QT_TRANSLATE_NOOP("Commands", "Play the lesson's next step"),
        presenter=("Space", "Right", "PgDown"),
    ),
    CommandSpec(
        "lesson_previous",
        "lesson",
        QT_TRANSLATE_NOOP("Commands", "&Previous Step"),
        "Alt+Left",
        QT_TRANSLATE_NOOP("Commands", "Step back (the sandbox replays its log up to there)"),
        presenter=("Left", "PgUp"),
    ),
    CommandSpec(
        "lesson_restart",
        "lesson",
        QT_TRANSLATE_NOOP("Commands", "&Restart Lesson"),
        "Alt+Home",
        QT_TRANSLATE_NOOP("Commands", "Back to the start of the lesson"),
    ),
    CommandSpec(
        "lesson_autoplay",
        "lesson",
        QT_TRANSLATE_NOOP("Commands", "&Autoplay"),
        "Alt+P",
        QT_TRANSLATE_NOOP("Commands", "Play the steps one after another"),
        checkable=True,
    ),
    # Help
    CommandSpec(
        "shortcuts",
        "help",
        QT_TRANSLATE_NOOP("Commands", "&Keyboard Shortcuts"),
        "F1",
        QT_TRANSLATE_NOOP("Commands", "Every command and its shortcut"),
    ),
    CommandSpec(
        "reference",
        "help",
        QT_TRANSLATE_NOOP("Commands", "&Reference"),
        "Shift+F1",
        QT_TRANSLATE_NOOP(
            "Commands", "The Stripe facts the app relies on; every (§6.3) opens its section"
        ),
    ),
    CommandSpec(
        "about",
        "help",
        QT_TRANSLATE_NOOP("Commands", "&About Chargeable"),
        "Ctrl+F1",
        QT_TRANSLATE_NOOP("Commands", "What Chargeable is"),
    ),
)

SPEC_BY_NAME = {s.name: s for s in SPECS}

MENUS: tuple[tuple[str, str], ...] = (
    ("file", QT_TRANSLATE_NOOP("Commands", "&File")),
    ("edit", QT_TRANSLATE_NOOP("Commands", "&Edit")),
    ("create", QT_TRANSLATE_NOOP("Commands", "&Create")),
    ("object", QT_TRANSLATE_NOOP("Commands", "&Object")),
    ("clock", QT_TRANSLATE_NOOP("Commands", "C&lock")),
    ("view", QT_TRANSLATE_NOOP("Commands", "&View")),
    ("lesson", QT_TRANSLATE_NOOP("Commands", "Le&sson")),
    ("help", QT_TRANSLATE_NOOP("Commands", "&Help")),
)

#: submenus: key -> (parent menu key, title)
SUBMENUS: dict[str, tuple[str, str]] = {
    "language": ("view", QT_TRANSLATE_NOOP("Commands", "&Language")),
}

# Shorter words for the action bar's buttons (QAction.iconText).
SHORT_TEXT = {
    "charge": QT_TRANSLATE_NOOP("Commands", "Charge…"),
    "attach": QT_TRANSLATE_NOOP("Commands", "Attach…"),
    "detach": QT_TRANSLATE_NOOP("Commands", "Detach"),
    "set_default": QT_TRANSLATE_NOOP("Commands", "Make default"),
    "authorize": QT_TRANSLATE_NOOP("Commands", "Authorize"),
    "fail": QT_TRANSLATE_NOOP("Commands", "Fail"),
    "receive_funds": QT_TRANSLATE_NOOP("Commands", "Funds arrive…"),
    "verify": QT_TRANSLATE_NOOP("Commands", "Verify…"),
    "capture": QT_TRANSLATE_NOOP("Commands", "Capture"),
    "refund": QT_TRANSLATE_NOOP("Commands", "Refund"),
    "advance_clock": QT_TRANSLATE_NOOP("Commands", "Run to timer"),
}

OBJECT_ACTIONS = tuple(s.name for s in SPECS if s.menu == "object" and s.name != "try_anyway")
CLOCK_PATH = "/v1/test_helpers/advance_clock"
CLOCK_SECONDS = {"clock_1h": 3600, "clock_6h": 6 * 3600, "clock_1d": 24 * 3600}

# Chooser: (parameter name, core Action or None, object id) -> value, or None to cancel.
Chooser = Callable[[str, Action | None, str | None], str | None]


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
        self.chooser: Chooser = self._ask
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
            (_tr(title), [self.actions[s.name] for s in SPECS if s.menu == key])
            for key, title in MENUS
        ]

    def menu_keys(self) -> list[tuple[str, str, list[QAction]]]:
        """(menu key, translated title, its actions) for each menu and submenu, in order.

        A submenu's key is listed after its parent's (see :data:`SUBMENUS`).
        """
        menus = [*MENUS, *((key, title) for key, (_parent, title) in SUBMENUS.items())]
        return [
            (key, _tr(title), [self.actions[s.name] for s in SPECS if s.menu == key])
            for key, title in menus
        ]

    @staticmethod
    def menu_title(key: str) -> str:
        """The translated title of the menu or submenu ``key``."""
        titles = dict(MENUS) | {k: t for k, (_p, t) in SUBMENUS.items()}
        return _tr(titles[key])

    def _set_texts(self) -> None:
        """(Re)set every QAction's text and tips in the current language."""
        for spec in SPECS:
            action = self.actions[spec.name]
            action.setText(_tr(spec.text))
            action.setStatusTip(_tr(spec.tip))
            action.setToolTip(_tr(spec.tip))
            if spec.name in SHORT_TEXT:
                action.setIconText(_tr(SHORT_TEXT[spec.name]))
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
            spec_tip = _tr(SPEC_BY_NAME[name].tip)
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
                reason = core_text(str(core.reason)) or QCoreApplication.translate(
                    "Commands", "blocked"
                )
                blocked = QCoreApplication.translate("Commands", "Blocked: %1").replace(
                    "%1", reason
                )
                if try_anyway:
                    blocked += "\n" + QCoreApplication.translate(
                        "Commands", "Try anyway is on: it sends the request to show Stripe's error."
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
    def perform_on_selection(self, name: str, _checked: bool = False) -> Response | None:
        """Do ``name`` on the selected object (``_checked``: QAction.triggered's argument)."""
        object_id = self._selection.current
        if not object_id:
            self.message.emit(QCoreApplication.translate("Commands", "Select an object first."))
            return None
        return self.perform(object_id, name)

    def perform(
        self, object_id: str, name: str, chosen: dict[str, str] | None = None
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
                    "%1", core_text(str(core.reason))
                )
            )
            return None
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
        value = self.chooser("clock_hours", None, None)
        if value is None:
            return None
        try:
            hours = float(value)
        except ValueError:
            self.message.emit(
                QCoreApplication.translate("Commands", "Not a number of hours: %1").replace(
                    "%1", value
                )
            )
            return None
        if hours <= 0:
            self.message.emit(
                QCoreApplication.translate("Commands", "The clock only moves forward.")
            )
            return None
        return self.advance_clock(int(hours * 3600))

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

    # ------------------------------------------------------------- asking
    def _ask(self, need: str, action: Action | None, object_id: str | None) -> str | None:
        """Ask the user for one parameter with a small dialog (tests replace this)."""
        parent = self._parent_widget
        if need == "clock_hours":
            value, ok = QInputDialog.getDouble(
                parent,
                QCoreApplication.translate("Commands", "Advance the clock"),
                QCoreApplication.translate("Commands", "Hours to move the simulated clock on:"),
                2.0,
                0.01,
                24 * 400,
                2,
            )
            return str(value) if ok else None
        if need == "customer":
            customers = list(self._sandbox.object_ids("customer"))
            if not customers:
                self.message.emit(
                    QCoreApplication.translate(
                        "Commands", "Create a customer first (Create ▸ New Customer)."
                    )
                )
                return None
            value, ok = QInputDialog.getItem(
                parent,
                QCoreApplication.translate("Commands", "Choose a customer"),
                QCoreApplication.translate("Commands", "customer (the customer to attach to):"),
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
                self.message.emit(QCoreApplication.translate("Commands", "No source to choose."))
                return None
            value, ok = QInputDialog.getItem(
                parent,
                QCoreApplication.translate("Commands", "Choose a source"),
                QCoreApplication.translate("Commands", "source:"),
                choices,
                0,
                False,
            )
            return value if ok else None
        if need in ("amount",):
            value_int, ok = QInputDialog.getInt(
                parent,
                QCoreApplication.translate("Commands", "Amount"),
                QCoreApplication.translate("Commands", "amount (smallest currency unit):"),
                1000,
                1,
            )
            return str(value_int) if ok else None
        label = QCoreApplication.translate("Commands", "%1:").replace("%1", need)
        text, ok = QInputDialog.getText(
            parent, QCoreApplication.translate("Commands", "A value is needed"), label
        )
        return text if ok else None
