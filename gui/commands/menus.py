"""The menus the commands go in, and the shorter words of the action bar's buttons.

:data:`~gui.commands.table.SPECS` says which menu each command is in; this module
names the menus (in menu-bar order) and the submenus, and gives the buttons of the
action bar (``QAction.iconText``) their shorter words.
"""

from __future__ import annotations

from gui.commands.table import SPECS
from gui.words.noop import QT_TRANSLATE_NOOP

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
    "confirm": QT_TRANSLATE_NOOP("Commands", "Confirm…"),
    "cancel": QT_TRANSLATE_NOOP("Commands", "Cancel…"),
}

OBJECT_ACTIONS = tuple(s.name for s in SPECS if s.menu == "object" and s.name != "try_anyway")
