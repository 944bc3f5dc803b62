"""Update the Japanese translation: ``chargeable_ja.ts`` is its one store.

Usage (from the repository root)::

    uv run python resources/translations/update.py              # sync with the sources
    uv run python resources/translations/update.py --missing    # ... and print the gaps as JSON
    uv run python resources/translations/update.py --set CONTEXT "source text" "日本語"
    uv run python resources/translations/update.py --set-file new.json

What it does
------------
1. Runs ``pyside6-lupdate`` over every source file with UI strings
   (:func:`source_files`: the Python files under ``gui/``, and those under
   ``core/`` that mark strings with ``QT_TRANSLATE_NOOP`` — the core's no-op marker
   in ``core/i18n.py``; tracked files and new untracked ones, never ignored ones)
   into ``chargeable_ja.ts``. lupdate keeps every translation the file has, adds
   the new strings unfinished and drops those the code no longer has
   (``-no-obsolete``).
2. A new string whose exact text is already translated in another context gets
   that translation (menu words, statuses...), and says so.
3. ``--set`` / ``--set-file`` write translations into the ``.ts``. A translation
   that loses a placeholder (``%1``, ``%n``, ``{name}``…) or a keyboard mnemonic is
   refused and reported; the message stays unfinished.
4. Runs lupdate once more so the file keeps lupdate's own layout (a later run by
   anyone, or Qt Linguist, gives a small diff).
5. Lists the messages still without a translation and exits 1 if there are any.

The ``.qm`` is never committed: ``gui.words.i18n.compiled_qm`` compiles it from the
``.ts`` on first use. ``tests/gui/test_translations.py`` fails when a string in
the sources is missing from the ``.ts`` or unfinished in it.

Adding or changing a UI string
------------------------------
1. Write it in the code through ``self.tr("…")``,
   ``QCoreApplication.translate("Context", "…")`` or ``QT_TRANSLATE_NOOP("Context",
   "…")`` (in ``core/``: ``from core.i18n import QT_TRANSLATE_NOOP``, context
   ``"core"``; a text with variable parts is a template with named fields, filled
   with ``core.i18n.fill``).
2. Run this script with ``--missing``: it prints the untranslated messages as JSON,
   ``{"Context": {"source text": ""}}``.
3. Give the Japanese, either way:

   - save that JSON with the Japanese filled in and run ``--set-file FILE``
     (the file is not committed; the former ``ja_strings.json`` shape, with
     ``"common"`` and ``"contexts"``, is read too);
   - or one at a time: ``--set Context "source text" "日本語"`` (``--comment`` for
     a message with a disambiguation comment, ``tr("Open", "verb")``);
   - or edit ``chargeable_ja.ts`` in Qt Linguist (``pyside6-linguist``) or a text
     editor: fill ``<translation>`` and remove its ``type="unfinished"``.

   Plurals (``%n`` with ``tr(text, None, n)``): one Japanese form, keeping ``%n``.
4. Run the script again (no argument) and commit ``chargeable_ja.ts``.

Japanese conventions used throughout: menu words as Japanese software says
them (ファイル, 編集, 表示, ヘルプ, 元に戻す, やり直す, 保存, 名前を付けて保存…);
mnemonics Japanese style, the letter of the English one in brackets after the
text (``&File`` → ``ファイル(&F)``, ``Save &As…`` → ``名前を付けて保存(&A)…``);
Stripe identifiers (``source.chargeable``, ``src_…``, parameter names, HTTP
methods, JSON keys, error codes) stay as they are; statuses and usages keep
the Stripe word with a gloss: pending 保留中, chargeable 請求可能, consumed
消費した, failed 失敗, canceled キャンセル, reusable 再利用可能, single_use
使い捨て.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS_FILE = HERE / "chargeable_ja.ts"
TARGET_LANGUAGE = "ja_JP"
DISAMBIGUATION_SEPARATOR = " ||| "

_MARKERS = ("QT_TRANSLATE_NOOP", "QT_TR_NOOP")

# %1..%99, %L1, %n, %Ln; Python format fields {name}, {0}, {name!r:>4}.
_PLACEHOLDER = re.compile(r"%L?(?:\d{1,2}|n)|\{[A-Za-z_0-9.\[\]!:<>^+\- ]*\}")
# An HTML entity (&ldquo; &#8220;) is not a mnemonic.
_ENTITY = re.compile(r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")


def placeholders(text: str) -> list[str]:
    """The placeholders of ``text``, sorted (a translation may reorder them)."""
    return sorted(_PLACEHOLDER.findall(text))


def mnemonics(text: str) -> list[str]:
    """The keyboard mnemonic letters of ``text``, upper case (``&File`` -> ``["F"]``)."""
    text = _ENTITY.sub("", text.replace("&&", ""))
    return [letter.upper() for letter in re.findall(r"&(\S)", text)]


def check_translation(source: str, translation: str) -> str | None:
    """Why ``translation`` cannot stand for ``source``, or None if it can."""
    if not translation.strip():
        return "empty"
    if placeholders(source) != placeholders(translation):
        return f"placeholders {placeholders(source)} != {placeholders(translation)}"
    if mnemonics(source) != mnemonics(translation):
        return f"mnemonic {mnemonics(source)} != {mnemonics(translation)}"
    if source.endswith("…") != translation.endswith("…"):
        return "the source ends with … and the translation does not, or the reverse"
    return None


def _git_files(*patterns: str) -> list[str]:
    result = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "--", *patterns],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return [line for line in result.stdout.splitlines() if (ROOT / line).is_file()]


def source_files() -> list[Path]:
    """Every Python source with UI strings, sorted: gui/, and core/ files with markers."""
    files = set(_git_files("gui/*.py"))
    for name in _git_files("core/*.py"):
        text = (ROOT / name).read_text(encoding="utf-8", errors="replace")
        if any(marker in text for marker in _MARKERS):
            files.add(name)
    return [ROOT / name for name in sorted(files)]


def lupdate_tool() -> str:
    beside_python = Path(sys.executable).parent / "pyside6-lupdate"
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which("pyside6-lupdate")
    if found is None:
        raise SystemExit("pyside6-lupdate was not found; is PySide6-Essentials installed?")
    return found


def run_lupdate(ts_file: Path, files: list[Path] | None = None) -> None:
    """Run lupdate over ``files`` (default: :func:`source_files`) into ``ts_file``."""
    files = source_files() if files is None else files
    result = subprocess.run(
        [
            lupdate_tool(),
            "-silent",
            "-no-obsolete",
            "-locations",
            "relative",
            "-target-language",
            TARGET_LANGUAGE,
            *map(str, files),
            "-ts",
            str(ts_file),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"lupdate failed:\n{result.stdout}{result.stderr}")


def message_key(message: ET.Element) -> tuple[str, str]:
    """(source, disambiguation comment) of a ``<message>``."""
    return message.findtext("source") or "", message.findtext("comment") or ""


def read_messages(ts_file: Path) -> dict[tuple[str, str, str], ET.Element]:
    """Every message of a .ts: (context, source, comment) -> ``<message>``."""
    root = ET.parse(ts_file).getroot()
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, *message_key(message))] = message
    return found


def is_finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    forms = translation.findall("numerusform")
    texts = [form.text or "" for form in forms] if forms else [translation.text or ""]
    return all(text.strip() for text in texts)


def translations_of(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if translation is None:
        return []
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def _set(message: ET.Element, text: str) -> None:
    translation = message.find("translation")
    if translation is None:
        translation = ET.SubElement(message, "translation")
    if message.get("numerus") == "yes":
        for form in list(translation):
            translation.remove(form)
        translation.text = None
        ET.SubElement(translation, "numerusform").text = text
    else:
        translation.text = text
    translation.attrib.pop("type", None)


def entries_of(data: Any) -> list[tuple[str, str, str, str]]:
    """(context, source, comment, Japanese) from ``{"Context": {"source": "日本語"}}``.

    A key ``"source ||| comment"`` names a message with a disambiguation comment.
    The former ``ja_strings.json`` shape, ``{"common": {...}, "contexts": {...}}``,
    is read too: ``"common"`` entries apply in every context (``*``).
    """
    if not isinstance(data, dict):
        raise SystemExit("the file must hold a JSON object")
    by_context: dict[str, Any]
    data = {k: v for k, v in data.items() if not str(k).startswith("_")}  # "_about": a note
    if data and set(data) <= {"common", "contexts"}:
        by_context = dict(data.get("contexts", {}))
        if data.get("common"):
            by_context["*"] = data["common"]
    else:
        by_context = data
    out = []
    for context, messages in by_context.items():
        if not isinstance(messages, dict):
            raise SystemExit(f"{context!r}: expected an object of source text -> Japanese")
        for key, text in messages.items():
            source, _, comment = str(key).partition(DISAMBIGUATION_SEPARATOR)
            if text:
                out.append((str(context), source, comment, str(text)))
    return out


def write(
    ts_file: Path, entries: list[tuple[str, str, str, str]]
) -> tuple[int, list[str], list[tuple[str, str, str]]]:
    """Put translations into ``ts_file`` and copy known ones to new messages.

    ``entries`` are (context or ``*``, source, comment, Japanese). Returns (how many
    were set, problems, copied: (context, source, the context it was copied from)).
    """
    tree = ET.parse(ts_file)
    root = tree.getroot()
    root.set("language", TARGET_LANGUAGE)
    messages: dict[tuple[str, str, str], ET.Element] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            messages[(name, *message_key(message))] = message
    written, problems = 0, []
    for context, source, comment, text in entries:
        targets = [
            key for key in messages if key[1:] == (source, comment) and context in ("*", key[0])
        ]
        if not targets:
            problems.append(f"{context}: {source!r}: no such message in the sources")
        for key in targets:
            problem = check_translation(source, text)
            if problem is not None:
                problems.append(f"{key[0]}: {source!r} -> {text!r}: {problem}")
                continue
            _set(messages[key], text)
            written += 1
    known: dict[tuple[str, str], tuple[str, str]] = {}
    for (name, source, comment), message in messages.items():
        if is_finished(message) and message.get("numerus") != "yes":
            known.setdefault((source, comment), (name, translations_of(message)[0]))
    copied = []
    for (name, source, comment), message in messages.items():
        found = known.get((source, comment))
        if found is not None and not is_finished(message) and message.get("numerus") != "yes":
            _set(message, found[1])
            copied.append((name, source, found[0]))
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return written, problems, copied


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--missing", action="store_true", help="print the untranslated messages as JSON"
    )
    parser.add_argument(
        "--set",
        nargs=3,
        metavar=("CONTEXT", "SOURCE", "JAPANESE"),
        action="append",
        default=[],
        help="translate one message (may be repeated)",
    )
    parser.add_argument("--comment", default="", help="the disambiguation comment for --set")
    parser.add_argument(
        "--set-file", type=Path, help='translations as JSON: {"Context": {"source text": "日本語"}}'
    )
    args = parser.parse_args(argv)

    entries = [(context, source, args.comment, text) for context, source, text in args.set]
    if args.set_file is not None:
        try:
            data = json.loads(args.set_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise SystemExit(f"cannot read {args.set_file}: {exc}") from exc
        entries += entries_of(data)

    run_lupdate(TS_FILE)
    written, problems, copied = write(TS_FILE, entries)
    run_lupdate(TS_FILE)  # lupdate's own layout
    messages = read_messages(TS_FILE)
    contexts = {context for context, _source, _comment in messages}
    print(
        f"{TS_FILE.relative_to(ROOT)}: {len(messages)} messages in {len(contexts)} contexts, "
        f"{written} translation(s) set"
    )
    for context, source, origin in copied:
        print(f"copied: {context}: {source!r} (as in {origin})")
    for problem in problems:
        print(f"refused: {problem}", file=sys.stderr)
    missing = sorted(key for key, message in messages.items() if not is_finished(message))
    if missing:
        print(f"{len(missing)} message(s) without a translation:", file=sys.stderr)
        if args.missing:
            skeleton: dict[str, dict[str, str]] = {}
            for context, source, comment in missing:
                key = f"{source}{DISAMBIGUATION_SEPARATOR}{comment}" if comment else source
                skeleton.setdefault(context, {})[key] = ""
            print(json.dumps(skeleton, ensure_ascii=False, indent=2))
        else:
            for context, source, comment in missing:
                print(
                    f"  {context}: {source!r}" + (f" ({comment})" if comment else ""),
                    file=sys.stderr,
                )
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
