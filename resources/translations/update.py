"""Update the Japanese translation: run lupdate, then fill it from ja_strings.json.

Usage (from the repository root)::

    UV_PYTHON_DOWNLOADS=never uv run python resources/translations/update.py
    UV_PYTHON_DOWNLOADS=never uv run python resources/translations/update.py --missing

What it does
------------
1. Runs ``pyside6-lupdate`` over every source file with UI strings
   (:func:`source_files`: the Python files under ``gui/``, and those under
   ``core/`` that mark strings with ``QT_TRANSLATE_NOOP``/``QT_TR_NOOP``;
   tracked files and new untracked ones, never ignored ones) into
   ``chargeable_ja.ts``, dropping strings the code no longer has
   (``-no-obsolete``).
2. Fills every message from ``ja_strings.json`` and marks it finished. A
   translation that loses a placeholder (``%1``, ``%n``, ``{name}``…) or a
   keyboard mnemonic is refused and reported; the message stays unfinished.
3. Runs lupdate once more so the file keeps lupdate's own layout (a later run
   by anyone, or Qt Linguist, gives a small diff).
4. Lists the messages still without a translation and exits 1 if there are any.

The ``.qm`` is never committed: ``gui.words.i18n.compiled_qm`` compiles it from the
``.ts`` on first use. ``tests/gui/test_translations.py`` fails when a string in
the sources is missing from the ``.ts`` or unfinished in it.

Adding or changing a UI string
------------------------------
1. Write it in the code through ``self.tr("…")``,
   ``QCoreApplication.translate("Context", "…")`` or
   ``QT_TRANSLATE_NOOP("Context", "…")``.
2. Run this script with ``--missing``: it prints the untranslated messages as
   JSON, ready to paste into ``ja_strings.json``.
3. Add the Japanese to ``ja_strings.json``:

   - ``"common"``: source text → Japanese, used in every context;
   - ``"contexts"``: ``{"Context": {source text → Japanese}}``, which wins
     over ``"common"`` (for words that read differently in different places).
     A message with a disambiguation comment (``tr("Open", "verb")``) is keyed
     ``"Open ||| verb"``.
   - Plurals (``%n`` with ``tr(text, None, n)``): one Japanese form, keeping
     ``%n``.

4. Run the script again (no argument) and commit ``chargeable_ja.ts`` and
   ``ja_strings.json`` together.

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

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS_FILE = HERE / "chargeable_ja.ts"
STRINGS_FILE = HERE / "ja_strings.json"
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


def load_strings() -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    data = json.loads(STRINGS_FILE.read_text(encoding="utf-8"))
    return data.get("common", {}), data.get("contexts", {})


def lookup(
    common: dict[str, str],
    contexts: dict[str, dict[str, str]],
    context: str,
    source: str,
    comment: str,
) -> str | None:
    key = f"{source}{DISAMBIGUATION_SEPARATOR}{comment}" if comment else source
    in_context = contexts.get(context, {})
    if key in in_context:
        return in_context[key]
    return common.get(key)


def fill(ts_file: Path) -> tuple[int, list[str], list[tuple[str, str, str]]]:
    """Fill ``ts_file`` from the mapping. Returns (filled, problems, still missing)."""
    common, contexts = load_strings()
    tree = ET.parse(ts_file)
    root = tree.getroot()
    root.set("language", TARGET_LANGUAGE)
    filled = 0
    problems: list[str] = []
    missing: list[tuple[str, str, str]] = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source, comment = message_key(message)
            text = lookup(common, contexts, name, source, comment)
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if text is None:
                if not is_finished(message):
                    missing.append((name, source, comment))
                continue
            problem = check_translation(source, text)
            if problem is not None:
                problems.append(f"{name}: {source!r} -> {text!r}: {problem}")
                missing.append((name, source, comment))
                continue
            if message.get("numerus") == "yes":
                for form in list(translation):
                    translation.remove(form)
                translation.text = None
                ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = text
            translation.attrib.pop("type", None)
            filled += 1
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return filled, problems, missing


def unused_keys(ts_file: Path) -> list[str]:
    """Mapping entries that match no message any more (kept; listed as a hint)."""
    common, contexts = load_strings()
    messages = read_messages(ts_file)
    keys = {
        f"{source}{DISAMBIGUATION_SEPARATOR}{comment}" if comment else source
        for (_context, source, comment) in messages
    }
    by_context: dict[str, set[str]] = {}
    for context, source, comment in messages:
        key = f"{source}{DISAMBIGUATION_SEPARATOR}{comment}" if comment else source
        by_context.setdefault(context, set()).add(key)
    unused = [f"common: {key!r}" for key in common if key not in keys]
    for context, entries in contexts.items():
        unused += [
            f"{context}: {key!r}" for key in entries if key not in by_context.get(context, ())
        ]
    return unused


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--missing",
        action="store_true",
        help="print the untranslated messages as JSON for ja_strings.json",
    )
    parser.add_argument(
        "--unused", action="store_true", help="list mapping entries no message uses"
    )
    args = parser.parse_args(argv)

    run_lupdate(TS_FILE)
    filled, problems, missing = fill(TS_FILE)
    run_lupdate(TS_FILE)  # lupdate's own layout
    messages = read_messages(TS_FILE)
    contexts = {context for context, _source, _comment in messages}
    print(
        f"{TS_FILE.relative_to(ROOT)}: {len(messages)} messages in {len(contexts)} contexts, "
        f"{filled} filled from {STRINGS_FILE.name}"
    )
    for problem in problems:
        print(f"refused: {problem}", file=sys.stderr)
    if args.unused:
        for entry in unused_keys(TS_FILE):
            print(f"unused: {entry}")
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
