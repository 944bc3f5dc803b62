"""Session files: their suffix, how they are read and written, where a dialog starts.

- Files are ``*.chargeable.json`` written by ``core.session.save`` into a
  temporary file beside the target, then moved over it with ``os.replace``
  (:func:`write_atomically`): a failed save leaves the old file as it was.
- QSettings keeps the last session path (``session/lastPath``); the file dialogs
  start in its folder (:func:`start_directory`).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QSettings, QStandardPaths

if TYPE_CHECKING:
    from core.api import Sandbox

SUFFIX = ".chargeable.json"
LAST_PATH_KEY = "session/lastPath"


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

    def save(self, sandbox: Sandbox, path: Path) -> None: ...
    def load(self, path: Path) -> Sandbox: ...


class CoreSessionIO:
    """``core.session``, imported when first used."""

    def save(self, sandbox: Sandbox, path: Path) -> None:
        from core import session

        session.save(sandbox, path)

    def load(self, path: Path) -> Sandbox:
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


def error_types(io: object) -> tuple[type[BaseException], ...]:
    """What reading or writing through ``io`` raises for a bad file or disk."""
    types = getattr(io, "error_types", None)
    return types() if callable(types) else (OSError, ValueError)


def write_atomically(io: SessionIO, sandbox: Sandbox, target: Path) -> None:
    """Write ``sandbox`` to a temporary file next to ``target``, then move it over.

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
        io.save(sandbox, temp)
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)


def last_session_path(settings: QSettings) -> Path | None:
    """The last file opened or saved (QSettings), if it still exists."""
    value = settings.value(LAST_PATH_KEY, "")
    path = Path(str(value)) if value else None
    return path if path is not None and path.is_file() else None


def start_directory(current: Path | None, settings: QSettings) -> Path:
    """Where Open and Save As start: the current file's folder, the last one's, Documents."""
    if current is not None:
        return current.parent
    last = last_session_path(settings)
    if last is not None:
        return last.parent
    return Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        or Path.home()
    )
