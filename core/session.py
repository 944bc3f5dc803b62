"""Versioned session files: the action log as JSON, written atomically.

A session is the seed, the key-check setting, the accepted requests (already
redacted: no card number or CVC is ever written), the redo stack and the refused
requests (each with its place in the log, its status and Stripe's error; they
changed nothing, so they are kept, not replayed), plus a checksum of all that.
Version 2 added the refused requests; a version 1 file (without them) still
loads. Loading replays the log and checks the redo stack replays after it; a
file that is too big, not JSON, truncated, of another format version, damaged
in any field or that does not replay is refused with :class:`SessionError` and
a message for people, and nothing is changed.
:func:`load` lets no other exception out.

Saving writes a temporary ``.NAME.<pid>-<random>.tmp`` beside the target and
renames it over the target, so the previous file stays whole until the new one
is. Temporary files that a killed process left behind (their process is gone)
are removed at the next save, or by :func:`remove_stale_temps` at start.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from core.api import Sandbox
from core.history import LogEntry, Refusal

_Item = TypeVar("_Item")

FORMAT = "chargeable-session"
VERSION = 2
#: The versions this module reads (1: before refused requests were kept).
READS = (1, 2)
MAX_BYTES = 50 * 1024 * 1024
#: Seeds Chargeable makes are small; anything outside 64 bits is damage.
SEED_RANGE = range(-(2**63), 2**63)
KEYS_V1 = frozenset(
    {"format", "version", "seed", "check_keys", "now", "log", "redo", "id_floor", "checksum"}
)
KEYS = KEYS_V1 | {"refused"}
#: A temporary file whose process cannot be told is removed once it is this old.
STALE_AFTER = 60.0


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
        "id_floor": sandbox.id_floor,
        "refused": [r.to_json() for r in sandbox.refused],
    }


def _dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _checksum(text: str) -> str:
    return "blake2b:" + hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def dumps(sandbox: Sandbox) -> str:
    """The session file's text: the session's JSON with a checksum of it at the end."""
    body = to_json(sandbox)
    try:
        text = _dumps(body)
        return text[:-1] + f',"checksum":"{_checksum(text)}"}}'
    except (ValueError, UnicodeEncodeError) as exc:  # a lone surrogate in some text
        raise SessionError(
            "The session contains text that is not valid Unicode and cannot be saved."
        ) from exc


def save(sandbox: Sandbox, path: str | os.PathLike[str]) -> None:
    """Write atomically: a temporary file in the same folder, then rename."""
    write(dumps(sandbox).encode("utf-8"), path)


def check_target(path: str | os.PathLike[str]) -> None:
    """:class:`SessionError` unless a session can be saved at ``path`` (its folder
    exists and takes new files; ``path`` is not a folder). Changes nothing."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.exists():
        raise SessionError(
            f"Cannot save the session to {target}: the folder {folder} does not exist."
        )
    if not folder.is_dir():
        raise SessionError(f"Cannot save the session to {target}: {folder} is not a folder.")
    if target.is_dir():
        raise SessionError(f"Cannot save the session to {target}: it is a folder, not a file.")
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}-", suffix=".tmp", dir=folder
        )
        os.close(fd)
        os.unlink(tmp)
    except OSError as exc:
        raise SessionError(f"Cannot save the session to {target}: {exc.strerror or exc}.") from exc


def write(data: bytes, path: str | os.PathLike[str]) -> None:
    """Write a session file's bytes atomically (see :func:`save`)."""
    target = Path(path)
    if len(data) > MAX_BYTES:
        raise SessionError(
            f"The session is larger than {MAX_BYTES // 2**20} MB and cannot be saved."
        )
    remove_stale_temps(target)
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}-", suffix=".tmp", dir=target.parent or Path(".")
        )
    except OSError as exc:
        raise SessionError(f"Cannot write {target}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
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


def _temp_pattern(target: Path) -> re.Pattern[str]:
    return re.compile(re.escape(f".{target.name}.") + r"(?:(\d+)-)?[A-Za-z0-9_]+\.tmp")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process: leave its file alone
    return True


def remove_stale_temps(target: str | os.PathLike[str]) -> int:
    """Remove ``.NAME.*.tmp`` files a killed save left beside ``target``; how many.

    Only files of this module's own naming are touched, and only when the process
    that wrote one is gone (or, for a name without a process id, when it is older
    than :data:`STALE_AFTER` seconds). Never raises.
    """
    target = Path(target)
    pattern = _temp_pattern(target)
    removed = 0
    try:
        names = os.listdir(target.parent or Path("."))
    except OSError:
        return 0
    now = time.time()
    for name in names:
        match = pattern.fullmatch(name)
        if match is None:
            continue
        path = target.with_name(name)
        try:
            if match.group(1) is not None:
                if _alive(int(match.group(1))):
                    continue
            elif now - path.stat().st_mtime < STALE_AFTER:
                continue
            path.unlink()
            removed += 1
        except (OSError, ValueError):
            continue
    return removed


def _damaged(where: str, why: str) -> SessionError:
    return SessionError(f"{where} is damaged: {why}.")


def _check_text(data: Any, where: str) -> None:
    """Refuse lone surrogates anywhere (``"\\ud800"``): such text can never be saved."""
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            if not node.isascii():
                try:
                    node.encode("utf-8")
                except UnicodeEncodeError:
                    raise _damaged(
                        where,
                        "it contains text that is not valid Unicode (an escaped lone "
                        "surrogate such as \\ud800)",
                    ) from None
        elif isinstance(node, dict):
            stack.extend(node.keys())
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def _is_int(value: Any) -> bool:
    return type(value) is int  # not bool, not float


def from_json(data: Any, where: str = "the session") -> Sandbox:
    """A Sandbox from a session's parsed JSON, or :class:`SessionError`."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SessionError(f"{where} is not a Chargeable session file.")
    version = data.get("version")
    if not _is_int(version) or version not in READS:
        shown = json.dumps(version) if _is_int(version) or version is None else repr(version)
        raise SessionError(
            f"{where} is a session of format version {shown[:20]}; this Chargeable reads "
            f"versions {READS[0]} to {READS[-1]}."
        )
    _check_text(data, where)
    unknown = sorted(set(data) - (KEYS if version >= 2 else KEYS_V1))
    if unknown:
        raise _damaged(where, f'it has a field Chargeable does not write ("{unknown[0][:40]}")')
    seed: Any = data.get("seed")
    check_keys = data.get("check_keys", True)
    if not _is_int(seed):
        raise _damaged(where, "its seed is not a whole number")
    if seed not in SEED_RANGE:
        raise _damaged(where, "its seed is far larger than any Chargeable makes")
    if not isinstance(check_keys, bool):
        raise _damaged(where, "its check_keys setting is not true or false")
    if "now" in data and not _is_int(data["now"]):
        raise _damaged(where, "its clock is not a whole number")
    if "log" not in data:
        raise _damaged(where, "it has no log of requests")
    log = _entries(data["log"], "log", where)
    redo = _entries(data.get("redo", []), "redo", where)
    refused = _refusals(data.get("refused", []), where)
    try:
        sandbox = Sandbox.replay(seed, log, check_keys, redo=redo, refused=refused)
    except ValueError as exc:
        raise _damaged(where, str(exc)) from exc
    if "now" in data and data["now"] != sandbox.now:
        raise _damaged(where, "its clock does not match its log")
    if redo:
        # The redo stack must replay after the log, as Redo would replay it.
        try:
            Sandbox.replay(seed, [*log, *reversed(redo)], check_keys)
        except ValueError as exc:
            raise _damaged(where, f"its redo stack does not replay after its log ({exc})") from exc
    floor = data.get("id_floor", 0)
    if not _is_int(floor) or not 0 <= floor < 2**53:
        raise _damaged(where, "its id counter is not a whole number Chargeable writes")
    sandbox.id_floor = max(sandbox.id_floor, floor)
    return sandbox


def _entries(value: Any, name: str, where: str) -> list[LogEntry]:
    return _parsed(
        value, LogEntry.from_json, where, f"its {name} is not a list of requests", f"{name} entry"
    )


def _refusals(value: Any, where: str) -> list[Refusal]:
    return _parsed(
        value, Refusal.from_json, where, "its refused requests are not a list", "refused request"
    )


def _parsed(
    value: Any, parse: Callable[[Any], _Item], where: str, not_a_list: str, each: str
) -> list[_Item]:
    """Each item of the list ``value`` parsed; a damaged file says which item is wrong."""
    if not isinstance(value, list):
        raise _damaged(where, not_a_list)
    items = []
    for index, item in enumerate(value):
        try:
            items.append(parse(item))
        except ValueError as exc:
            raise _damaged(where, f"{each} {index} is malformed: {exc}") from exc
    return items


def loads(raw: bytes, where: str = "the session") -> Sandbox:
    """A Sandbox from a session file's bytes, or :class:`SessionError` (nothing else)."""
    try:
        return _loads(raw, where)
    except SessionError:
        raise
    except RecursionError as exc:
        raise _damaged(where, "it is nested far too deeply to be a session") from exc
    except MemoryError as exc:
        raise SessionError(f"{where} is too large to load in the memory available.") from exc
    except Exception as exc:  # noqa: BLE001 - the loader's promise: only SessionError
        raise SessionError(
            f"{where} could not be loaded: it does not replay in this Chargeable "
            f"({type(exc).__name__})."
        ) from exc


def _loads(raw: bytes, where: str) -> Sandbox:
    if len(raw) > MAX_BYTES:
        raise SessionError(f"{where} is over {MAX_BYTES // 2**20} MB and is refused.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SessionError(f"{where} is not a text file (corrupt).") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SessionError(
            f"{where} is corrupt or truncated (invalid JSON at line "
            f"{exc.lineno}, column {exc.colno})."
        ) from exc
    except RecursionError as exc:
        raise _damaged(where, "it is nested far too deeply to be a session") from exc
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise _damaged(where, "it holds a number far too long to be part of a session") from exc
    if isinstance(data, dict) and "checksum" in data:
        stored = data["checksum"]
        rest = {k: v for k, v in data.items() if k != "checksum"}
        try:
            expected = _checksum(_dumps(rest))
        except (ValueError, UnicodeEncodeError):
            expected = ""
        if stored != expected:
            _check_text(data, where)  # a clearer reason when there is one
            raise _damaged(
                where,
                "its contents do not match the checksum Chargeable wrote (the file was "
                "changed or corrupted after it was saved)",
            )
    return from_json(data, where)


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
    return loads(raw, source.name)
