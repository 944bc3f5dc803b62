"""This window's autosave file, and the autosaves windows that are gone left behind.

Autosave writes to ``QStandardPaths.AppDataLocation``, one file per running window
(``autosave-<pid>-<random>.chargeable.json``) held by a lock file (QLockFile: a
lock whose process is gone is stale), so a second window neither overwrites nor,
at a clean exit, deletes another's. At the next start an autosave whose window is
gone is an orphan the controller offers to recover. QSettings keeps the time of
the last clean exit (``session/lastCleanExit``) and, per autosave, the file it was
autosaving (``session/autosaveOf/<pid>-<random>``).
"""

from __future__ import annotations

import os
import re
import secrets
import time
from pathlib import Path
from typing import cast

from PySide6.QtCore import QLockFile, QSettings

from gui.session.files import SUFFIX

AUTOSAVE_NAME = "autosave" + SUFFIX  # before each window had its own (still recovered)
#: ``autosave-<pid>-<random>.chargeable.json``: one per running window.
_OWN_AUTOSAVE = re.compile(r"autosave-(\d+-[0-9a-f]+)" + re.escape(SUFFIX))
CLEAN_EXIT_KEY = "session/lastCleanExit"


def _lock_path(autosave: Path) -> Path:
    return autosave.with_name(autosave.name.removesuffix(SUFFIX) + ".lock")


def _origin_key(autosave: Path) -> str:
    """The QSettings key holding the file an autosave was autosaving."""
    match = _OWN_AUTOSAVE.fullmatch(autosave.name)
    return f"session/autosaveOf/{match.group(1)}" if match else "session/autosaveOf"


def remove_stale_temps(folder: Path) -> None:
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


class AutosaveFiles:
    """The autosave files of one window's folder: its own (``path``) and the orphans.

    Attributes:
        folder: where every window autosaves.
        id: ``<pid>-<random>``, this window's.
        path: this window's autosave file.
    """

    def __init__(self, folder: Path, settings: QSettings) -> None:
        self.folder = folder
        self.id = f"{os.getpid()}-{secrets.token_hex(4)}"
        self.path = folder / f"autosave-{self.id}{SUFFIX}"
        self._settings = settings
        self._lock: QLockFile | None = None
        self._claimed: dict[Path, QLockFile] = {}

    def hold_lock(self) -> None:
        """Take this window's lock (once), so no other window offers its autosave."""
        if self._lock is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            lock = QLockFile(str(_lock_path(self.path)))
            lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
            if lock.tryLock(0):
                self._lock = lock

    def record_origin(self, original: Path | None) -> None:
        """Remember that this window's autosave is of ``original`` (None: untitled)."""
        self._settings.setValue(_origin_key(self.path), str(original or ""))

    def origin_of(self, autosave: Path) -> Path | None:
        """The file ``autosave`` was autosaving, or None for an untitled session."""
        original = str(self._settings.value(_origin_key(autosave), "") or "")
        return Path(original) if original else None

    def orphans(self) -> list[Path]:
        """Every autosave whose window is gone (killed, crashed), newest first.

        Each is claimed (its lock taken) until released, so two windows starting
        together do not both recover it. The autosave of the time before each
        window had its own counts when it is newer than the last clean exit.
        """
        try:
            names = sorted(os.listdir(self.folder))
        except OSError:
            return []
        found: list[tuple[float, Path]] = []
        clean_exit = float(cast("float | str", self._settings.value(CLEAN_EXIT_KEY, 0)) or 0)
        for name in names:
            path = self.folder / name
            if path == self.path or not path.is_file():
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
                lock = QLockFile(str(_lock_path(path)))
                lock.setStaleLockTime(0)
                if not lock.tryLock(0):
                    continue  # its window is running
                self._claimed[path] = lock
            found.append((mtime, path))
        found.sort(key=lambda item: -item[0])
        return [path for _, path in found]

    def release(self, orphan: Path) -> None:
        """``orphan`` is dealt with (recovered, declined, unreadable): forget it."""
        self._settings.remove(_origin_key(orphan))
        self.unclaim(orphan)

    def unclaim(self, orphan: Path) -> None:
        """Let go of ``orphan``'s lock, keeping it to be offered again."""
        lock = self._claimed.pop(orphan, None)
        if lock is not None:
            lock.unlock()  # removes the lock file

    def remove_own(self) -> None:
        """Delete this window's autosave (its work was saved or discarded)."""
        self.path.unlink(missing_ok=True)
        self._settings.remove(_origin_key(self.path))

    def close(self) -> None:
        """A clean exit: every lock let go, stale temporaries gone, the time recorded."""
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
        for path in list(self._claimed):
            self._claimed.pop(path).unlock()
        remove_stale_temps(self.folder)
        self._settings.setValue(CLEAN_EXIT_KEY, time.time())
        self._settings.sync()
