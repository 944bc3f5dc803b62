"""``SessionController``: the current session file, its dirty state, autosave and recovery.

Usage (from the main window)::

    controller = SessionController(window.host, QSettings(), parent_widget=window)
    # New / Open / Recover hand their sandbox to the host, whose ``replaced`` the
    # window follows; a sandbox the host gets from elsewhere (a lesson's) becomes
    # the current, untitled session.
    controller.titleChanged.connect(window.setWindowTitle)   # "name[*] — Chargeable"
    controller.dirtyChanged.connect(window.setWindowModified)
    new_action.triggered.connect(controller.new)
    open_action.triggered.connect(controller.open)
    save_action.triggered.connect(controller.save)
    save_as_action.triggered.connect(controller.save_as)
    controller.offer_recovery()        # once, after the window is shown
    controller.start_autosave()
    # closeEvent: if not controller.maybe_save(): event.ignore(); else controller.shutdown()

What it guarantees:

- Saves are atomic (``gui.session.files.write_atomically``): a failed save leaves
  the old file as it was.
- A file that cannot be read (``core.session.SessionError``, ``OSError``) is
  reported in a message box with the core's message; the current session is
  left untouched.
- Before New, Open or quitting with unsaved changes it asks Save / Discard /
  Cancel.
- Autosave (a QTimer, stopped by :meth:`shutdown` and :meth:`stop_autosave`)
  writes this window's file of ``gui.session.autosave``. :meth:`shutdown` records
  a clean exit and removes the autosave; at the next start an autosave whose
  window is gone means a crash, and :meth:`offer_recovery` offers it.

Message boxes and file dialogs go through a ``gui.session.prompter.Prompter``, so
tests pass a fake one and nothing blocks.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import QWidget

from gui.sandbox_host import SandboxHost
from gui.session.autosave import AutosaveFiles, remove_stale_temps
from gui.session.files import (
    LAST_PATH_KEY,
    SUFFIX,
    CoreSessionIO,
    error_types,
    start_directory,
    with_suffix,
    write_atomically,
)
from gui.session.prompter import Prompter

if TYPE_CHECKING:
    from core.api import Sandbox

DEFAULT_AUTOSAVE_MS = 30_000


def _default_sandbox() -> Sandbox:
    from core.api import Sandbox

    return Sandbox(seed=0, check_keys=False)


def _reason(exc: BaseException) -> object:
    """What to tell of a failed read or write: the core's message, else the exception."""
    return getattr(exc, "message", None) or exc


class SessionController(QObject):
    """Owns the current session file, the dirty flag and autosave.

    Attributes:
        sandbox: the sandbox being edited (``host.sandbox``; New/Open/Recover replace it).
        path: the current file, or None for an untitled session.
        autosave_path: where autosave writes.

    Signals:
        sandboxReplaced(object): the host holds another sandbox (this controller's
            New/Open/Recover, or one the host got from elsewhere, e.g. a lesson's).
        pathChanged(str): the current file ("" when untitled).
        dirtyChanged(bool): unsaved changes appeared or were saved/discarded.
        titleChanged(str): a window title with Qt's ``[*]`` modified placeholder.
        saved(str): a session was written to this path.
        autosaved(str): the autosave file was written.
    """

    sandboxReplaced = Signal(object)
    pathChanged = Signal(str)
    dirtyChanged = Signal(bool)
    titleChanged = Signal(str)
    saved = Signal(str)
    autosaved = Signal(str)

    def __init__(
        self,
        host: SandboxHost,
        settings: QSettings,
        parent_widget: QWidget | None = None,
        *,
        prompter: Any = None,
        new_sandbox: Callable[[], Sandbox] = _default_sandbox,
        session_io: Any = None,
        autosave_dir: str | Path | None = None,
        autosave_interval_ms: int = DEFAULT_AUTOSAVE_MS,
    ) -> None:
        super().__init__(parent_widget)
        self._settings = settings
        self._prompter = prompter if prompter is not None else Prompter(parent_widget)
        self._new_sandbox = new_sandbox
        self._io = session_io if session_io is not None else CoreSessionIO()
        if autosave_dir is None:
            autosave_dir = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.AppDataLocation
            )
        self.autosave_files = AutosaveFiles(Path(autosave_dir), settings)
        interval = settings.value("session/autosaveIntervalMs", autosave_interval_ms)
        try:
            autosave_interval_ms = max(100, int(interval))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            pass
        self.path: Path | None = None
        self._host = host
        self._pending: tuple[Path | None, bool] = (None, False)  # (path, dirty) of _replace
        self._clean_revision = 0
        self._autosaved_revision = 0
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setObjectName("autosaveTimer")
        self._timer.setInterval(autosave_interval_ms)
        self._timer.timeout.connect(self.autosave_now)
        self._clean_revision = self._autosaved_revision = host.sandbox.session_revision
        host.changed.connect(self._on_change)
        host.replaced.connect(self._on_replaced)

    # -- state ----------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._dirty

    def display_name(self) -> str:
        if self.path is None:
            return QCoreApplication.translate("SessionController", "Untitled session")
        return self.path.name.removesuffix(SUFFIX)

    def window_title(self) -> str:
        return QCoreApplication.translate("SessionController", "{name}[*] — Chargeable").format(
            name=self.display_name()
        )

    @property
    def autosave_path(self) -> Path:
        return self.autosave_files.path

    @property
    def sandbox(self) -> Sandbox:
        return self._host.sandbox

    def _on_change(self, _change: object = None) -> None:
        self._set_dirty(self.sandbox.session_revision != self._clean_revision)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)

    def _set_path(self, path: Path | None) -> None:
        self.path = path
        if path is not None:
            self._settings.setValue(LAST_PATH_KEY, str(path))
        self.pathChanged.emit(str(path) if path else "")
        self.titleChanged.emit(self.window_title())

    def _replace(self, sandbox: Sandbox, path: Path | None, dirty: bool = False) -> None:
        self._pending = (path, dirty)
        try:
            self._host.set_sandbox(sandbox)  # emits replaced: _on_replaced
        finally:
            self._pending = (None, False)

    def _on_replaced(self, sandbox: Sandbox) -> None:
        """The host holds another sandbox: ours (New, Open, Recover) or, say, a lesson's,
        which becomes the current untitled session."""
        path, dirty = self._pending
        self._clean_revision = self._autosaved_revision = sandbox.session_revision
        self.sandboxReplaced.emit(sandbox)
        self._set_path(path)
        self._set_dirty(dirty)

    # -- commands ---------------------------------------------------------------

    def adopt(self, sandbox: Sandbox) -> None:
        """Make ``sandbox`` (e.g. a lesson's) the current, untitled session.

        The window shows it (``sandboxReplaced``) and File ▸ Save saves it. Nothing
        is asked: the caller offers to save unsaved work first (see ``maybe_save``).
        """
        self._replace(sandbox, None)  # the host ignores the sandbox it holds

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current session (saved, discarded or clean)."""
        if not self._dirty:
            return True
        answer = self._prompter.ask_save_changes(self.display_name())
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new(self) -> bool:
        """Start an empty untitled session (after asking about unsaved work)."""
        if not self.maybe_save():
            return False
        self._replace(self._new_sandbox(), None)
        return True

    def open(self, path: str | Path | None = None) -> bool:
        """Open ``path`` (or ask for one). On any error the current session stays."""
        if not self.maybe_save():
            return False
        if path is None or path is False:  # QAction.triggered passes checked=False
            chosen = self._prompter.open_path(str(start_directory(self.path, self._settings)))
            if not chosen:
                return False
            path = chosen
        path = Path(path)
        try:
            sandbox = self._io.load(path)
        except error_types(self._io) as exc:
            self._prompter.error(
                QCoreApplication.translate("SessionController", "Could not open the session"),
                QCoreApplication.translate(
                    "SessionController", "{path} could not be opened:\n{reason}"
                ).format(path=path, reason=_reason(exc)),
            )
            return False
        self._replace(sandbox, path)
        return True

    def save(self) -> bool:
        """Save to the current file, or ask for one (Save As) when untitled."""
        if self.path is None:
            return self.save_as()
        return self._write(self.path)

    def save_as(self, path: str | Path | None = None) -> bool:
        if path is None or path is False:
            suggested = self.path or start_directory(self.path, self._settings) / (
                QCoreApplication.translate("SessionController", "session") + SUFFIX
            )
            chosen = self._prompter.save_path(str(suggested))
            if not chosen:
                return False
            path = chosen
        target = with_suffix(path)
        if not self._write(target):
            return False
        self._set_path(target)
        return True

    def _write(self, target: Path) -> bool:
        try:
            write_atomically(self._io, self.sandbox, target)
        except error_types(self._io) as exc:
            self._prompter.error(
                QCoreApplication.translate("SessionController", "Could not save the session"),
                QCoreApplication.translate(
                    "SessionController",
                    "{path} was not written (the file on disk is unchanged):\n{reason}",
                ).format(path=target, reason=_reason(exc)),
            )
            return False
        self._clean_revision = self.sandbox.session_revision
        self._set_dirty(False)
        self.autosave_files.remove_own()
        self.saved.emit(str(target))
        return True

    # -- autosave and recovery ---------------------------------------------------

    def start_autosave(self) -> None:
        self._timer.start()

    def stop_autosave(self) -> None:
        self._timer.stop()

    @property
    def autosave_active(self) -> bool:
        return self._timer.isActive()

    def autosave_now(self) -> bool:
        """Write the autosave file if something changed since the last one."""
        if not self._dirty or self.sandbox.session_revision == self._autosaved_revision:
            return False
        try:
            self.autosave_files.hold_lock()
            write_atomically(self._io, self.sandbox, self.autosave_path)
        except error_types(self._io):
            return False  # autosave is best effort; the user's file is never touched
        self.autosave_files.record_origin(self.path)
        self._autosaved_revision = self.sandbox.session_revision
        self.autosaved.emit(str(self.autosave_path))
        return True

    def recoverable_autosaves(self) -> list[Path]:
        """Every autosave whose window is gone (``AutosaveFiles.orphans``), newest first."""
        return self.autosave_files.orphans()

    def recoverable_autosave(self) -> Path | None:
        """The newest orphaned autosave (see :meth:`recoverable_autosaves`), or None."""
        found = self.recoverable_autosaves()
        return found[0] if found else None

    def offer_recovery(self) -> bool:
        """Offer every orphaned autosave; True when one was recovered into this window.

        Declined ones are kept aside (``declined-…``), never silently lost. One
        window shows one session: once one is recovered, the others stay where
        they are, are offered again at the next start, and a message says where.
        """
        remove_stale_temps(self.autosave_files.folder)  # left by autosaves a kill interrupted
        recovered = False
        kept: list[Path] = []
        for path in self.recoverable_autosaves():
            if recovered:
                kept.append(path)
                continue
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(path.stat().st_mtime))
            if not self._prompter.ask_recover(when):
                os.replace(path, path.with_name("declined-" + path.name))
                self.autosave_files.release(path)
                continue
            try:
                sandbox = self._io.load(path)
            except error_types(self._io) as exc:
                os.replace(path, path.with_name("unreadable-" + path.name))
                self.autosave_files.release(path)
                self._prompter.error(
                    QCoreApplication.translate(
                        "SessionController", "Could not recover the session"
                    ),
                    str(_reason(exc)),
                )
                continue
            self._replace(sandbox, self.autosave_files.origin_of(path), dirty=True)
            self._autosaved_revision = -1  # not yet in this window's own autosave
            if self.autosave_now():  # the recovered work is safe in our autosave first
                path.unlink(missing_ok=True)
                self.autosave_files.release(path)
            recovered = True
        for path in kept:
            self.autosave_files.unclaim(path)
        if kept:
            self._prompter.error(
                QCoreApplication.translate("SessionController", "More autosaved sessions"),
                QCoreApplication.translate(
                    "SessionController",
                    "Other windows that did not close properly left autosaved sessions. "
                    "They are kept and offered again at the next start; you can also "
                    "open them with File ▸ Open:\n{paths}",
                ).format(paths="\n".join(str(p) for p in kept)),
            )
        return recovered

    def shutdown(self, keep_unsaved: bool = False) -> None:
        """A clean exit: stop autosave, drop the autosave file, remember the time.

        With ``keep_unsaved`` (the window closes without asking, e.g. on SIGTERM)
        unsaved work is autosaved and kept, and offered at the next start.
        """
        self.stop_autosave()
        if keep_unsaved and self._dirty:
            self.autosave_now()
        else:
            self.autosave_files.remove_own()
        self.autosave_files.close()
