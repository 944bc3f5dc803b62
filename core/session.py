"""Versioned session files: the action log as JSON, written atomically.

A session is the seed, the key-check setting, the accepted requests (already
redacted: no card number or CVC is ever written) and the redo stack. Loading
replays the log; a file that is too big, not JSON, truncated, of another
format version or that does not replay is refused with :class:`SessionError`
and nothing is changed.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from core.api import Sandbox
from core.history import LogEntry

FORMAT = "chargeable-session"
VERSION = 1
MAX_BYTES = 50 * 1024 * 1024


class SessionError(Exception):
    """A session file that cannot be loaded or saved; the message says why."""


def to_json(sandbox: Sandbox) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "seed": sandbox.seed,
        "check_keys": sandbox.check_keys,
        "now": sandbox.now,
        "log": [e.to_json() for e in sandbox.log],
        "redo": [e.to_json() for e in sandbox.redo_stack],
    }


def save(sandbox: Sandbox, path: str | os.PathLike[str]) -> None:
    """Write atomically: a temporary file in the same folder, then rename."""
    target = Path(path)
    data = json.dumps(to_json(sandbox), ensure_ascii=False, separators=(",", ":"))
    if len(data.encode()) > MAX_BYTES:
        raise SessionError(
            f"The session is larger than {MAX_BYTES // 2**20} MB and cannot be saved."
        )
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or Path(".")
        )
    except OSError as exc:
        raise SessionError(f"Cannot write {target}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise SessionError(f"Cannot write {target}: {exc.strerror or exc}") from exc


def from_json(data: Any, where: str = "the session") -> Sandbox:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SessionError(f"{where} is not a Chargeable session file.")
    version = data.get("version")
    if version != VERSION:
        raise SessionError(
            f"{where} is a version {version!r} session; this Chargeable reads "
            f"version {VERSION} only."
        )
    seed, check_keys = data.get("seed"), data.get("check_keys", True)
    if not isinstance(seed, int) or isinstance(seed, bool) or not isinstance(check_keys, bool):
        raise SessionError(f"{where} is damaged: bad seed or settings.")
    try:
        log = [LogEntry.from_json(e) for e in data["log"]]
        redo = [LogEntry.from_json(e) for e in data.get("redo", [])]
    except (KeyError, TypeError, ValueError) as exc:
        raise SessionError(f"{where} is damaged: a log entry is malformed ({exc}).") from exc
    try:
        sandbox = Sandbox.replay(seed, log, check_keys, redo=redo)
    except ValueError as exc:
        raise SessionError(f"{where} is damaged: {exc}.") from exc
    if "now" in data and data["now"] != sandbox.now:
        raise SessionError(f"{where} is damaged: its clock does not match its log.")
    return sandbox


def load(path: str | os.PathLike[str]) -> Sandbox:
    """A new Sandbox from a session file, or :class:`SessionError` (nothing changes)."""
    source = Path(path)
    try:
        size = source.stat().st_size
        if size > MAX_BYTES:
            raise SessionError(
                f"{source.name} is {size / 2**20:.1f} MB; session files over "
                f"{MAX_BYTES // 2**20} MB are refused."
            )
        raw = source.read_bytes()
    except OSError as exc:
        raise SessionError(f"Cannot read {source}: {exc.strerror or exc}") from exc
    if len(raw) > MAX_BYTES:
        raise SessionError(f"{source.name} is over {MAX_BYTES // 2**20} MB and is refused.")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise SessionError(f"{source.name} is not a text file (corrupt).") from exc
    except json.JSONDecodeError as exc:
        raise SessionError(
            f"{source.name} is corrupt or truncated (invalid JSON at line "
            f"{exc.lineno}, column {exc.colno})."
        ) from exc
    return from_json(data, source.name)
