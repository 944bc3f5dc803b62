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

- Files are ``*.chargeable.json`` written by ``core.session.save`` into a
  temporary file beside the target, then moved over it with ``os.replace``:
  a failed save leaves the old file as it was.
- A file that cannot be read (``core.session.SessionError``, ``OSError``) is
  reported in a message box with the core's message; the current session is
  left untouched.
- Before New, Open or quitting with unsaved changes it asks Save / Discard /
  Cancel.
- Autosave (a QTimer, stopped by :meth:`shutdown` and :meth:`stop_autosave`)
  writes to ``QStandardPaths.AppDataLocation``. :meth:`shutdown` records a
  clean exit and removes the autosave; at the next start an autosave newer
  than the last clean exit means a crash, and :meth:`offer_recovery` offers it.
- QSettings keeps the last session path (``session/lastPath``) and the time of
  the last clean exit (``session/lastCleanExit``).

Message boxes and file dialogs go through a :class:`Prompter`, so tests pass a
fake one and nothing blocks.
"""

from __future__ import annotations

import os
import re
import secrets
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, cast

from PySide6.QtCore import (
    QCoreApplication,
    QLockFile,
    QObject,
    QSettings,
    QStandardPaths,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from gui.sandbox_host import SandboxHost

SUFFIX = ".chargeable.json"
AUTOSAVE_NAME = "autosave" + SUFFIX  # before each window had its own (still recovered)
#: ``autosave-<pid>-<random>.chargeable.json``: one per running window.
_OWN_AUTOSAVE = re.compile(r"autosave-(\d+-[0-9a-f]+)" + re.escape(SUFFIX))
DEFAULT_AUTOSAVE_MS = 30_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("SessionController", text)


def with_suffix(path: str | Path) -> Path:
    """``path`` ending in ``.chargeable.json`` (added when missing)."""
    path = Path(path)
    if path.name.endswith(SUFFIX):
        return path
    if path.suffix == ".json":
        path = path.with_suffix("")
    return path.with_name(path.name + SUFFIX)


class SessionIO(Protocol):
    """What the controller needs from ``core.session``."""

    def save(self, sandbox: Any, path: Path) -> None: ...
    def load(self, path: Path) -> Any: ...


class _CoreSessionIO:
    """``core.session``, imported when first used."""

    def save(self, sandbox: Any, path: Path) -> None:
        from core import session

        session.save(sandbox, path)

    def load(self, path: Path) -> Any:
        from core import session

        sandbox = session.load(path)
        # The window's own buttons, lessons and replays carry no API key, even in a
        # session `chargeable serve` saved (with keys on); requests that come to the
        # window over HTTP are checked by the serve controller instead.
        sandbox.check_keys = False
        return sandbox

    @staticmethod
    def error_types() -> tuple[type[BaseException], ...]:
        from core import session

        return (session.SessionError, OSError, ValueError)


def _default_sandbox() -> Any:
    from core.api import Sandbox

    return Sandbox(seed=0, check_keys=False)


class Prompter:
    """Asks the user; the real one uses QMessageBox and QFileDialog.

    Tests give the controller an object with the same methods that answers
    at once.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def ask_save_changes(self, name: str) -> str:
        """``"save"``, ``"discard"`` or ``"cancel"``."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("SessionController", "Unsaved changes"),
            QCoreApplication.translate("SessionController", "Save the changes to {name}?").format(
                name=name
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self.parent,
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "SessionController", "If you don't save, your changes will be lost."
            )
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        return {
            QMessageBox.StandardButton.Save: "save",
            QMessageBox.StandardButton.Discard: "discard",
        }.get(QMessageBox.StandardButton(answer), "cancel")

    def ask_recover(self, when: str) -> bool:
        answer = QMessageBox.question(
            self.parent,
            QCoreApplication.translate("SessionController", "Recover session"),
            QCoreApplication.translate(
                "SessionController",
                "Chargeable did not close properly last time. An autosaved session from "
                "{when} was found. Recover it?",
            ).format(when=when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def open_path(self, directory: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self.parent,
            QCoreApplication.translate("SessionController", "Open session"),
            directory,
            QCoreApplication.translate(
                "SessionController", "Chargeable sessions (*{suffix});;All files (*)"
            ).format(suffix=SUFFIX),
        )
        return path or None

    def save_path(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            self.parent,
            QCoreApplication.translate("SessionController", "Save session as"),
            suggested,
            QCoreApplication.translate(
                "SessionController", "Chargeable sessions (*{suffix})"
            ).format(suffix=SUFFIX),
        )
        return path or None

    def error(self, title: str, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Ok, self.parent
        )
        box.setObjectName("sessionError")
        box.exec()


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
        new_sandbox: Callable[[], Any] = _default_sandbox,
        session_io: Any = None,
        autosave_dir: str | Path | None = None,
        autosave_interval_ms: int = DEFAULT_AUTOSAVE_MS,
    ) -> None:
        super().__init__(parent_widget)
        self._settings = settings
        self._prompter = prompter if prompter is not None else Prompter(parent_widget)
        self._new_sandbox = new_sandbox
        self._io = session_io if session_io is not None else _CoreSessionIO()
        if autosave_dir is None:
            autosave_dir = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.AppDataLocation
            )
        # One autosave per running window, held by a lock file (QLockFile: a lock
        # whose process is gone is stale), so a second window neither overwrites
        # nor, at a clean exit, deletes another's; at start every autosave whose
        # window is gone is offered (see offer_recovery).
        self.autosave_dir = Path(autosave_dir)
        self.autosave_id = f"{os.getpid()}-{secrets.token_hex(4)}"
        self.autosave_path = self.autosave_dir / f"autosave-{self.autosave_id}{SUFFIX}"
        self._lock: QLockFile | None = None
        self._claimed: dict[Path, QLockFile] = {}
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

    def _error_types(self) -> tuple[type[BaseException], ...]:
        types = getattr(self._io, "error_types", None)
        return types() if callable(types) else (OSError, ValueError)

    @property
    def sandbox(self) -> Any:
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
            self._settings.setValue("session/lastPath", str(path))
        self.pathChanged.emit(str(path) if path else "")
        self.titleChanged.emit(self.window_title())

    def _replace(self, sandbox: Any, path: Path | None, dirty: bool = False) -> None:
        self._pending = (path, dirty)
        try:
            self._host.set_sandbox(sandbox)  # emits replaced: _on_replaced
        finally:
            self._pending = (None, False)

    def _on_replaced(self, sandbox: Any) -> None:
        """The host holds another sandbox: ours (New, Open, Recover) or, say, a lesson's,
        which becomes the current untitled session."""
        path, dirty = self._pending
        self._clean_revision = self._autosaved_revision = sandbox.session_revision
        self.sandboxReplaced.emit(sandbox)
        self._set_path(path)
        self._set_dirty(dirty)

    # -- commands ---------------------------------------------------------------

    def adopt(self, sandbox: Any) -> None:
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
            chosen = self._prompter.open_path(str(self._directory()))
            if not chosen:
                return False
            path = chosen
        path = Path(path)
        try:
            sandbox = self._io.load(path)
        except self._error_types() as exc:
            self._prompter.error(
                QCoreApplication.translate("SessionController", "Could not open the session"),
                QCoreApplication.translate(
                    "SessionController", "{path} could not be opened:\n{reason}"
                ).format(path=path, reason=getattr(exc, "message", None) or exc),
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
            suggested = self.path or self._directory() / (
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
            self.write_atomically(target)
        except self._error_types() as exc:
            self._prompter.error(
                QCoreApplication.translate("SessionController", "Could not save the session"),
                QCoreApplication.translate(
                    "SessionController",
                    "{path} was not written (the file on disk is unchanged):\n{reason}",
                ).format(path=target, reason=getattr(exc, "message", None) or exc),
            )
            return False
        self._clean_revision = self.sandbox.session_revision
        self._set_dirty(False)
        self._remove_autosave()
        self.saved.emit(str(target))
        return True

    def write_atomically(self, target: Path) -> None:
        """Write the sandbox to a temporary file next to ``target``, then move it over.

        The temporary file is ``.NAME.<pid>-<random>.tmp``, the naming
        ``core.session.remove_stale_temps`` cleans up after a killed process.
        """
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}-", suffix=".tmp", dir=target.parent
        )
        os.close(fd)
        temp = Path(temp_name)
        try:
            self._io.save(self.sandbox, temp)
            os.replace(temp, target)
        finally:
            temp.unlink(missing_ok=True)

    def _directory(self) -> Path:
        if self.path is not None:
            return self.path.parent
        last = self.last_session_path()
        if last is not None:
            return last.parent
        return Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or Path.home()
        )

    def last_session_path(self) -> Path | None:
        """The last file opened or saved (QSettings), if it still exists."""
        value = self._settings.value("session/lastPath", "")
        path = Path(str(value)) if value else None
        return path if path is not None and path.is_file() else None

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
            self._hold_lock()
            self.write_atomically(self.autosave_path)
        except self._error_types():
            return False  # autosave is best effort; the user's file is never touched
        self._settings.setValue(self._origin_key(self.autosave_path), str(self.path or ""))
        self._autosaved_revision = self.sandbox.session_revision
        self.autosaved.emit(str(self.autosave_path))
        return True

    def _hold_lock(self) -> None:
        if self._lock is None:
            self.autosave_dir.mkdir(parents=True, exist_ok=True)
            lock = QLockFile(str(self._lock_path(self.autosave_path)))
            lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
            if lock.tryLock(0):
                self._lock = lock

    @staticmethod
    def _lock_path(autosave: Path) -> Path:
        return autosave.with_name(autosave.name.removesuffix(SUFFIX) + ".lock")

    @staticmethod
    def _origin_key(autosave: Path) -> str:
        """The QSettings key holding the file an autosave was autosaving."""
        match = _OWN_AUTOSAVE.fullmatch(autosave.name)
        return f"session/autosaveOf/{match.group(1)}" if match else "session/autosaveOf"

    def recoverable_autosaves(self) -> list[Path]:
        """Every autosave whose window is gone (killed, crashed), newest first.

        Each is claimed (its lock taken) until offered, so two windows starting
        together do not both recover it. The autosave of the time before each
        window had its own counts when it is newer than the last clean exit.
        """
        try:
            names = sorted(os.listdir(self.autosave_dir))
        except OSError:
            return []
        found: list[tuple[float, Path]] = []
        clean_exit = float(
            cast("float | str", self._settings.value("session/lastCleanExit", 0)) or 0
        )
        for name in names:
            path = self.autosave_dir / name
            if path == self.autosave_path or not path.is_file():
                continue
            try:
                mtime = path.stat().st_mtime
            except OSError:
                continue
            if name == AUTOSAVE_NAME:
                if mtime > clean_exit:
                    found.append((mtime, path))
                continue
            if _OWN_AUTOSAVE.fullmatch(name) is None:
                continue
            if path not in self._claimed:
                lock = QLockFile(str(self._lock_path(path)))
                lock.setStaleLockTime(0)
                if not lock.tryLock(0):
                    continue  # its window is running
                self._claimed[path] = lock
            found.append((mtime, path))
        found.sort(key=lambda item: -item[0])
        return [path for _, path in found]

    def recoverable_autosave(self) -> Path | None:
        """The newest orphaned autosave (see :meth:`recoverable_autosaves`), or None."""
        found = self.recoverable_autosaves()
        return found[0] if found else None

    def _release(self, path: Path) -> None:
        self._settings.remove(self._origin_key(path))
        lock = self._claimed.pop(path, None)
        if lock is not None:
            lock.unlock()  # removes the lock file

    def offer_recovery(self) -> bool:
        """Offer every orphaned autosave; True when one was recovered into this window.

        Declined ones are kept aside (``declined-…``), never silently lost. One
        window shows one session: once one is recovered, the others stay where
        they are, are offered again at the next start, and a message says where.
        """
        _remove_stale_temps(self.autosave_dir)  # left by autosaves a kill interrupted
        recovered = False
        kept: list[Path] = []
        for path in self.recoverable_autosaves():
            if recovered:
                kept.append(path)
                continue
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(path.stat().st_mtime))
            if not self._prompter.ask_recover(when):
                os.replace(path, path.with_name("declined-" + path.name))
                self._release(path)
                continue
            try:
                sandbox = self._io.load(path)
            except self._error_types() as exc:
                os.replace(path, path.with_name("unreadable-" + path.name))
                self._release(path)
                self._prompter.error(
                    QCoreApplication.translate(
                        "SessionController", "Could not recover the session"
                    ),
                    str(getattr(exc, "message", None) or exc),
                )
                continue
            original = str(self._settings.value(self._origin_key(path), "") or "")
            self._replace(sandbox, Path(original) if original else None, dirty=True)
            self._autosaved_revision = -1  # not yet in this window's own autosave
            if self.autosave_now():  # the recovered work is safe in our autosave first
                path.unlink(missing_ok=True)
                self._release(path)
            recovered = True
        for path in kept:
            lock = self._claimed.pop(path, None)
            if lock is not None:
                lock.unlock()
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

    def _remove_autosave(self) -> None:
        self.autosave_path.unlink(missing_ok=True)
        self._settings.remove(self._origin_key(self.autosave_path))

    def shutdown(self, keep_unsaved: bool = False) -> None:
        """A clean exit: stop autosave, drop the autosave file, remember the time.

        With ``keep_unsaved`` (the window closes without asking, e.g. on SIGTERM)
        unsaved work is autosaved and kept, and offered at the next start.
        """
        self.stop_autosave()
        if keep_unsaved and self._dirty:
            self.autosave_now()
        else:
            self._remove_autosave()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
        for path in list(self._claimed):
            self._claimed.pop(path).unlock()
        _remove_stale_temps(self.autosave_dir)
        self._settings.setValue("session/lastCleanExit", time.time())
        self._settings.sync()


def _remove_stale_temps(folder: Path) -> None:
    """Temporary files killed autosaves left (``.autosave….<pid>-….tmp``)."""
    from core import session

    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if name.startswith(".") and name.endswith(".tmp"):
            base = name[1:].split(".chargeable.json.", 1)[0] + SUFFIX
            session.remove_stale_temps(folder / base)
