"""Every user command as a QAction with a unique shortcut.

Modules:
    table: the command table (:data:`SPECS`, menus, short words).
    qactions: :class:`Commands`, the QActions, their sync with the selected object's
        actions, and :meth:`Commands.perform`.
    ask: :class:`ParameterAsker`, the input dialogs for what an action needs.

Requests go through :meth:`gui.sandbox_host.SandboxHost.send`, as the dialogs' do.
"""

from gui.commands.ask import ParameterAsker
from gui.commands.menus import MENUS, OBJECT_ACTIONS, SHORT_TEXT, SUBMENUS
from gui.commands.qactions import Commands, unverified_note
from gui.commands.table import (
    CLOCK_PATH,
    CLOCK_SECONDS,
    SPEC_BY_NAME,
    SPECS,
    Chooser,
    CommandSpec,
)

__all__ = [
    "CLOCK_PATH",
    "CLOCK_SECONDS",
    "MENUS",
    "OBJECT_ACTIONS",
    "SHORT_TEXT",
    "SPECS",
    "SPEC_BY_NAME",
    "SUBMENUS",
    "Chooser",
    "CommandSpec",
    "Commands",
    "ParameterAsker",
    "unverified_note",
]
