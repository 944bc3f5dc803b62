"""Before Qt starts: is there a display the window can open on?

Qt answers a missing display with ``qFatal`` (an abort, exit status 134) and, on
Linux, with a message that blames ``xcb-cursor0`` whatever is really wrong. This
module asks the same questions first, without Qt, and says what to do:

- no ``DISPLAY`` and no ``WAYLAND_DISPLAY``: there is no screen at all;
- the X11 platform plugin cannot be loaded: ``dlopen`` names the system library
  that is missing (often ``libxcb-cursor.so.0``, from Debian's ``libxcb-cursor0``);
- ``DISPLAY`` names an X server that does not answer.

Only the X11 path is probed (``libxcb``'s own ``xcb_connect``); Wayland, macOS,
Windows and an explicit ``QT_QPA_PLATFORM`` are left to Qt.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from pathlib import Path

INSTALL_HINT = (
    "On Debian or Ubuntu: sudo apt-get install libxcb-cursor0 (the README's "
    '"Headless Linux" section lists every library Qt needs).'
)
XVFB_HINT = "On a machine without a screen: xvfb-run -a uv run chargeable"


def _xcb_plugin() -> Path | None:
    try:
        import PySide6  # no Qt library is loaded by the package itself
    except ImportError:
        return None
    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.exists() else None


def missing_library(error: str) -> str:
    """The library ``dlopen``'s message says it could not open (``""`` if none)."""
    if ": cannot open shared object file" not in error:
        return ""
    head = error.split(": cannot open shared object file", 1)[0]
    return head.rsplit(": ", 1)[-1].strip()


def _plugin_problem() -> str:
    plugin = _xcb_plugin()
    if plugin is None:
        return ""
    try:
        ctypes.CDLL(str(plugin))  # the same file Qt would load; dlopen names what is missing
    except OSError as exc:
        library = missing_library(str(exc)) or str(exc)
        return (
            f"the window cannot open: Qt's X11 plugin needs the system library {library}, "
            f"which is not installed. {INSTALL_HINT}"
        )
    return ""


def _x_server_problem(display: str) -> str:
    name = ctypes.util.find_library("xcb")
    if name is None:
        return ""
    try:
        xcb = ctypes.CDLL(name)
    except OSError:
        return ""
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        failed = bool(xcb.xcb_connection_has_error(connection))
    finally:
        xcb.xcb_disconnect(connection)
    if failed:
        return f"the window cannot open: no X server answers on DISPLAY={display}. {XVFB_HINT}"
    return ""


def display_problem() -> str:
    """Why the window cannot open here, in one sentence with what to do; ``""`` if it can."""
    if not sys.platform.startswith("linux"):
        return ""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return ""  # the user chose a platform (offscreen, wayland...): Qt answers for it
    display = os.environ.get("DISPLAY", "")
    if not display and (platform or not os.environ.get("WAYLAND_DISPLAY")):
        return f"the window cannot open: there is no display (DISPLAY is not set). {XVFB_HINT}"
    if not display:
        return ""  # a Wayland session: Qt picks its Wayland plugin
    return _plugin_problem() or _x_server_problem(display)
