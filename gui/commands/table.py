"""The command table: every command's name, menu, words and shortcuts (untranslated).

Every shortcut in the application lives in :data:`SPECS` (tests check they are
unique); :class:`~gui.commands.qactions.Commands` makes one QAction of each.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from core.lifecycle.action import Action
from gui.words.noop import QT_TRANSLATE_NOOP


def command_text(text: str) -> str:
    """``text`` (a command's, marked with QT_TRANSLATE_NOOP) in the current language."""
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
    CommandSpec(
        "new_payment_method",
        "create",
        QT_TRANSLATE_NOOP("Commands", "New Payment&Method…"),
        "Ctrl+Alt+M",
        QT_TRANSLATE_NOOP("Commands", "POST /v1/payment_methods"),
    ),
    CommandSpec(
        "new_payment_intent",
        "create",
        QT_TRANSLATE_NOOP("Commands", "New &PaymentIntent…"),
        "Ctrl+Alt+I",
        QT_TRANSLATE_NOOP("Commands", "POST /v1/payment_intents"),
    ),
    CommandSpec(
        "new_setup_intent",
        "create",
        QT_TRANSLATE_NOOP("Commands", "New Setup&Intent…"),
        "Ctrl+Alt+Y",
        QT_TRANSLATE_NOOP("Commands", "POST /v1/setup_intents"),
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
        "confirm",
        "object",
        QT_TRANSLATE_NOOP("Commands", "C&onfirm…"),
        "Ctrl+Shift+O",
        QT_TRANSLATE_NOOP("Commands", "Confirm the PaymentIntent or SetupIntent"),
    ),
    CommandSpec(
        "cancel",
        "object",
        QT_TRANSLATE_NOOP("Commands", "Cance&l Intent…"),
        "Ctrl+Shift+L",
        QT_TRANSLATE_NOOP("Commands", "Cancel the PaymentIntent or SetupIntent"),
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
        "compare_generations",
        "view",
        QT_TRANSLATE_NOOP("Commands", "Compare Three &Generations…"),
        "Ctrl+Alt+G",
        QT_TRANSLATE_NOOP(
            "Commands", "One test card as a Token, a Source and a PaymentMethod, paid twice"
        ),
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
        "reference_intents",
        "help",
        QT_TRANSLATE_NOOP("Commands", "&PaymentIntents Reference"),
        "Ctrl+Shift+F1",
        QT_TRANSLATE_NOOP("Commands", "PaymentIntents facts the app relies on, by section"),
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

CLOCK_PATH = "/v1/test_helpers/advance_clock"
CLOCK_SECONDS = {"clock_1h": 3600, "clock_6h": 6 * 3600, "clock_1d": 24 * 3600}

# Chooser: (parameter name, core Action or None, object id) -> value, or None to cancel.
Chooser = Callable[[str, Action | None, str | None], str | None]
