"""The Japanese translation is complete, keeps its placeholders, and compiles.

``resources/translations/chargeable_ja.ts`` must hold every string the sources
pass through ``tr()``/``translate()``/``QT_TRANSLATE_NOOP``, each finished.
When this fails after you added or changed a UI string, run::

    uv run python resources/translations/update.py --missing

give the Japanese it asks for (``--set-file`` with that JSON filled in, or ``--set``,
or edit the ``.ts``: the script's docstring says how), and commit ``chargeable_ja.ts``.
"""

from __future__ import annotations

import importlib.util
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QTranslator

import gui.words.i18n

ROOT = Path(__file__).resolve().parents[2]
UPDATE_SCRIPT = ROOT / "resources" / "translations" / "update.py"
HOW_TO_FIX = (
    "run `uv run python resources/translations/update.py --missing`, give the Japanese "
    "with its --set-file or --set (see its docstring) and commit chargeable_ja.ts"
)


def _load_update() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_translations_update", UPDATE_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


update = _load_update()
Key = tuple[str, str, str]


def _label(key: Key) -> str:
    context, source, comment = key
    return f"{context}: {source!r}" + (f" ({comment})" if comment else "")


@pytest.fixture(scope="module")
def committed() -> dict[Key, ET.Element]:
    assert update.TS_FILE.exists(), f"{update.TS_FILE} is missing; {HOW_TO_FIX}"
    return update.read_messages(update.TS_FILE)


@pytest.fixture(scope="module")
def from_sources(tmp_path_factory: pytest.TempPathFactory) -> dict[Key, ET.Element]:
    """What lupdate finds in the sources now, in a fresh .ts."""
    ts = tmp_path_factory.mktemp("lupdate") / "fresh.ts"
    update.run_lupdate(ts)
    return update.read_messages(ts)


def test_lupdate_finds_the_ui_strings(from_sources: dict[Key, ET.Element]) -> None:
    files = update.source_files()
    assert any(path.name == "main_window.py" for path in files), files
    assert len(from_sources) > 100, (
        "lupdate found almost nothing: were the files passed one by one?"
    )
    contexts = {context for context, _source, _comment in from_sources}
    assert {"Commands", "StatusWord", "explain"} <= contexts


def test_every_source_string_is_in_the_ts_and_finished(
    committed: dict[Key, ET.Element], from_sources: dict[Key, ET.Element]
) -> None:
    missing = sorted(key for key in from_sources if key not in committed)
    unfinished = sorted(
        key for key in from_sources if key in committed and not update.is_finished(committed[key])
    )
    problems = [f"missing: {_label(key)}" for key in missing]
    problems += [f"unfinished: {_label(key)}" for key in unfinished]
    assert not problems, (
        f"{len(missing)} missing, {len(unfinished)} unfinished in chargeable_ja.ts "
        f"({HOW_TO_FIX}):\n" + "\n".join(problems)
    )


def test_no_unfinished_entries_at_all(committed: dict[Key, ET.Element]) -> None:
    unfinished = [
        _label(key) for key, message in committed.items() if not update.is_finished(message)
    ]
    assert not unfinished, "\n".join(unfinished)


def test_translations_keep_placeholders_and_mnemonics(committed: dict[Key, ET.Element]) -> None:
    problems = []
    for key, message in committed.items():
        source = key[1]
        for translation in update.translations_of(message):
            problem = update.check_translation(source, translation)
            if problem is not None:
                problems.append(f"{_label(key)} -> {translation!r}: {problem}")
    assert not problems, "\n".join(problems)


def test_plural_messages_have_one_japanese_form(committed: dict[Key, ET.Element]) -> None:
    plurals = {key: m for key, m in committed.items() if m.get("numerus") == "yes"}
    assert plurals
    for key, message in plurals.items():
        forms = update.translations_of(message)
        assert len(forms) == 1 and "%n" in forms[0], (_label(key), forms)


def test_the_mapping_checker_catches_bad_translations() -> None:
    assert update.check_translation("Clock %1", "時計") is not None
    assert update.check_translation("Save the changes to {name}?", "保存しますか?") is not None
    assert update.check_translation("&File", "ファイル") is not None
    assert update.check_translation("&File", "ファイル(&E)") is not None
    assert update.check_translation("&Open…", "開く(&O)") is not None
    assert update.check_translation("&Open…", "開く(&O)…") is None
    assert update.check_translation("a &ldquo;b&rdquo;", "a 「b」") is None


@pytest.mark.usefixtures("qapp")
def test_the_committed_ts_compiles_and_translates(tmp_path: Path) -> None:
    qm = gui.words.i18n.compiled_qm("ja", cache_dir=tmp_path)
    assert qm.parent == tmp_path and qm.stat().st_size > 0
    translator = QTranslator()
    assert translator.load(str(qm))
    expected = {
        ("Commands", "&File"): "ファイル(&F)",
        ("Commands", "&Edit"): "編集(&E)",
        ("Commands", "&View"): "表示(&V)",
        ("Commands", "&Help"): "ヘルプ(&H)",
        ("Commands", "&Undo"): "元に戻す(&U)",
        ("Commands", "&Redo"): "やり直す(&R)",
        ("Commands", "Save &As…"): "名前を付けて保存(&A)…",
        ("StatusWord", "pending"): "保留中",
        ("StatusWord", "chargeable"): "請求可能",
        ("StatusWord", "consumed"): "消費した",
        ("StatusWord", "failed"): "失敗",
        ("StatusWord", "canceled"): "キャンセル",
        ("StatusWord", "reusable"): "再利用可能",
        ("StatusWord", "single_use"): "使い捨て",
    }
    for (context, source), japanese in expected.items():
        assert translator.translate(context, source) == japanese, (context, source)
    assert translator.translate("FilterBar", "%n objects", None, 3) == "オブジェクト %n 個"
    assert "%1" in translator.translate("ActionBar", "Clock %1")


def test_set_writes_a_translation_into_the_ts_and_refuses_a_lost_placeholder(
    tmp_path: Path,
) -> None:
    ts = tmp_path / "copy.ts"
    ts.write_bytes(update.TS_FILE.read_bytes())
    key = ("ActionBar", "Clock %1", "")
    entries = [("ActionBar", "Clock %1", "", "時計 %1"), ("StatusWord", "pending", "", "保留")]
    entries.append(("Commands", "Save &As…", "", "名前を付けて保存"))  # loses &A and …
    written, problems, _copied = update.write(ts, entries)
    messages = update.read_messages(ts)
    assert written == 2 and update.translations_of(messages[key]) == ["時計 %1"]
    assert update.translations_of(messages[("StatusWord", "pending", "")]) == ["保留"]
    assert len(problems) == 1 and "Save &As" in problems[0]
    assert update.translations_of(messages[("Commands", "Save &As…", "")]) == [
        "名前を付けて保存(&A)…"
    ]  # the refused one keeps the translation it had


def test_the_former_mapping_shape_is_read_for_set_file() -> None:
    entries = update.entries_of(
        {"common": {"Cancel": "キャンセル"}, "contexts": {"Commands": {"Open ||| verb": "開く"}}}
    )
    assert sorted(entries) == [
        ("*", "Cancel", "", "キャンセル"),
        ("Commands", "Open", "verb", "開く"),
    ]
    assert update.entries_of({"Commands": {"&File": "ファイル(&F)"}}) == [
        ("Commands", "&File", "", "ファイル(&F)")
    ]
