"""Reading lessons: a lesson file or decoded JSON validated into a :class:`Lesson`, with a
clear :class:`LessonError` (the file, the step, the field) when it is not one; the
built-in lessons of ``resources/lessons/`` by name."""

from __future__ import annotations

import json
import re
from pathlib import Path

from pydantic import (
    ValidationError,
)

from core.lessons.schema import BUILTIN_DIR, Lesson, LessonError


def _where(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item + 1}]" if parts and parts[-1] == "steps" else f"[{item}]")
        else:
            parts.append(("." if parts else "") + str(item))
    return "".join(parts)


def format_validation_error(exc: ValidationError) -> str:
    lines = []
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not str(p).startswith(("function-", "tagged")))
        message = err["msg"].removeprefix("Value error, ")
        lines.append(f"  {_where(loc)}: {message}" if loc else f"  {message}")
    return "\n".join(lines)


def parse_lesson(data: object, name: str = "lesson", origin: str = "<lesson>") -> Lesson:
    """Validate already-decoded JSON as a lesson; raises :class:`LessonError`."""
    if not isinstance(data, dict):
        raise LessonError(f"{origin}: a lesson must be a JSON object, not {type(data).__name__}")
    if "name" not in data:
        data = {**data, "name": name}
    try:
        return Lesson.model_validate(data)
    except ValidationError as exc:
        raise LessonError(
            f"{origin} is not a valid lesson:\n{format_validation_error(exc)}"
        ) from None


def _name_from_path(path: Path) -> str:
    stem = path.name.removesuffix(".json")
    slug = re.sub(r"[^a-z0-9-]+", "-", stem.lower()).strip("-")
    return slug or "lesson"


def load_lesson(path: str | Path) -> Lesson:
    """Read and validate one lesson file; raises :class:`LessonError` with a clear message."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LessonError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LessonError(f"{path}: cannot read it ({exc})") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise LessonError(
            f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    return parse_lesson(data, _name_from_path(path), str(path))


def builtin_paths() -> list[Path]:
    return sorted(BUILTIN_DIR.glob("*.json"))


def builtin_lessons() -> list[Lesson]:
    """Every built-in lesson, in file-name order (raises :class:`LessonError` on a bad one)."""
    return [load_lesson(p) for p in builtin_paths()]


def _short(name: str) -> str:
    return re.sub(r"^\d+-", "", name)


def find_lesson(name_or_path: str) -> Lesson:
    """A built-in lesson by name (with or without its number) or a lesson file by path."""
    path = Path(name_or_path)
    if path.suffix == ".json" or path.is_file() or "/" in name_or_path:
        return load_lesson(path)
    for candidate in builtin_paths():
        name = _name_from_path(candidate)
        if name_or_path in (name, _short(name)) or name.startswith(f"{name_or_path}-"):
            return load_lesson(candidate)
    raise LessonError(
        f"no built-in lesson named {name_or_path!r} "
        "(see `chargeable lesson list`, or give a path to a .json file)"
    )


# --- playing ------------------------------------------------------------------------
