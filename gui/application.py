"""Create the QApplication and the main window, then run or screenshot it."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

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


def create_main_window() -> MainWindow:
    """The window ``chargeable`` opens, built without showing it."""
    from gui.main_window import MainWindow  # the core and every pane: imported here, not at start

    return MainWindow()


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
    window = create_main_window() if screenshot is not None else launch()
    if not apply_start_options(window, file=file, select=select, presenter=presenter, lang=lang):
        return 2
    if port is not None:
        window.serve.set_port(port)
    if serve and not window.serve.start():  # the window says why in its status bar too
        print(f"chargeable: {window.serve.last_error}", file=sys.stderr)
    if screenshot is not None:
        window.remember_layout = False
        if not save_screenshot(window, screenshot):
            print(f"chargeable: could not write the screenshot to {screenshot}", file=sys.stderr)
            return 1
        window.close()
        return 0
    window.start_session()  # offer crash recovery, start autosave
    _close_on_signals(window)
    return app.exec()


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
