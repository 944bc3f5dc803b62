"""Create the QApplication and the main window, then run or screenshot it."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from gui.main_window import MainWindow


def _application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Chargeable")
    app.setOrganizationName("Chargeable")
    return app


def save_screenshot(window: MainWindow, path: str) -> bool:
    """Render ``window`` once into a PNG at ``path``; False if it could not be written."""
    window.show()
    QApplication.processEvents()
    return window.grab().save(str(Path(path)), "PNG")


def create_main_window(
    settings: QSettings | None = None, autosave_dir: str | None = None
) -> MainWindow:
    """The window ``chargeable`` opens, built without showing it."""
    from gui.main_window import MainWindow  # the core and every pane: imported here, not at start

    return MainWindow(settings=settings, autosave_dir=autosave_dir)


def read_only_settings(folder: Path) -> QSettings:
    """The user's settings copied into ``folder``: a screenshot run reads them (language,
    zoom, theme, layout) and, writing to the copy, changes nothing of the user's."""
    user = QSettings()
    copy = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    for key in user.allKeys():
        copy.setValue(key, user.value(key))
    return copy


def launch() -> MainWindow:
    """Paint a startup frame at once, build the main window, show it in the frame's place.

    The start-up benchmark calls this too, so it measures what a user sees.
    """
    from gui.widgets.startup_frame import StartupFrame

    frame = StartupFrame.show_now()
    window = create_main_window()
    window.show()
    frame.close()
    frame.deleteLater()
    return window


def apply_start_options(
    window: MainWindow,
    *,
    file: str | None = None,
    select: str | None = None,
    presenter: bool = False,
    lang: str | None = None,
) -> bool:
    """What the command line asked for: a language for this run, a session file, the
    object to select, presenter mode. False if the file could not be opened."""
    if lang is not None and lang != window.languages.language:
        from gui.words.i18n import SETTINGS_KEY

        saved = window.settings.value(SETTINGS_KEY)
        window.set_language(lang)
        # for this run only: the choice saved from the menu stays for the next start
        if saved is None:
            window.settings.remove(SETTINGS_KEY)
        else:
            window.settings.setValue(SETTINGS_KEY, saved)
    if file is not None and not window.session.open(file):
        return False
    if select is not None:
        window.selection.select(select)
    if presenter:
        window.set_presenter_mode(True)
    return True


def run(
    screenshot: str | None = None,
    *,
    serve: bool = False,
    port: int | None = None,
    file: str | None = None,
    select: str | None = None,
    presenter: bool = False,
    lang: str | None = None,
) -> int:
    if QApplication.instance() is None:
        from gui.cli.display import display_problem

        problem = display_problem()
        if problem and screenshot is None:
            print(f"chargeable: {problem}", file=sys.stderr)
            return 1
        if problem:  # a screenshot needs no screen: Qt renders it offscreen
            print(f"chargeable: {problem}\nRendering the screenshot offscreen.", file=sys.stderr)
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = _application()
    if screenshot is not None:
        # A screenshot run is read-only for settings: the session it opens, its language
        # and its geometry go to a copy of the user's settings, removed at the end, and
        # the autosave folder is its own (nothing of the user's is cleaned up).
        scratch = Path(tempfile.mkdtemp(prefix="chargeable-screenshot-"))
        try:
            return _screenshot(screenshot, scratch, serve, port, file, select, presenter, lang)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    window = launch()
    if not apply_start_options(window, file=file, select=select, presenter=presenter, lang=lang):
        return 2
    if port is not None:
        window.serve.set_port(port)
    if serve and not window.serve.start():  # the window says why in its status bar too
        print(f"chargeable: {window.serve.last_error}", file=sys.stderr)
    window.start_session()  # offer crash recovery, start autosave
    _close_on_signals(window)
    return app.exec()


def _screenshot(
    path: str,
    scratch: Path,
    serve: bool,
    port: int | None,
    file: str | None,
    select: str | None,
    presenter: bool,
    lang: str | None,
) -> int:
    """``chargeable --screenshot PATH``: the window rendered once, nothing remembered."""
    window = create_main_window(read_only_settings(scratch), str(scratch / "autosave"))
    window.remember_layout = False
    try:
        if not apply_start_options(
            window, file=file, select=select, presenter=presenter, lang=lang
        ):
            return 2
        if port is not None:
            window.serve.set_port(port)
        if serve and not window.serve.start():
            print(f"chargeable: {window.serve.last_error}", file=sys.stderr)
        if not save_screenshot(window, path):
            print(f"chargeable: could not write the screenshot to {path}", file=sys.stderr)
            return 1
        return 0
    finally:
        window.close()


def _close_on_signals(window: MainWindow) -> None:
    """SIGTERM and SIGINT close the window without a dialog, unsaved work autosaved.

    Python runs a signal handler only between bytecodes, so a timer gives it a turn
    while Qt's event loop waits (four times a second; it does nothing else).
    """
    import signal

    from PySide6.QtCore import QTimer

    def handler(signum: int, frame: object) -> None:
        QTimer.singleShot(0, window.close_without_asking)

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, handler)
    wake = QTimer(window)
    wake.setObjectName("signalWakeTimer")
    wake.setInterval(250)
    wake.timeout.connect(lambda: None)
    wake.start()
