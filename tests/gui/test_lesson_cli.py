"""``chargeable lesson``: list, run (exit 1 on a failed expectation), clear errors, handouts."""

from __future__ import annotations

import base64
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from core.lessons.loader import builtin_paths, find_lesson
from gui.cli.lesson import main

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def run_chargeable(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gui.app", *args],
        cwd=ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def _wrong_lesson(tmp_path: Path) -> Path:
    data = json.loads(find_lesson("01").model_dump_json(exclude={"name"}))
    data["steps"][2]["expect"]["http"] = 200  # "a token can be charged twice": false
    path = tmp_path / "wrong.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_list_names_every_builtin_lesson() -> None:
    code, out, _ = run_cli("list")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(builtin_paths())
    assert lines[0].startswith("01-token-charged-twice")
    assert "A token can be used only once" in lines[0]
    _, out_ja, _ = run_cli("list", "--lang", "ja")
    assert "トークンは一度しか使えない" in out_ja


def test_run_prints_a_transcript_and_exits_0() -> None:
    code, out, err = run_cli("run", "token-charged-twice")
    assert code == 0, out + err
    assert "Step 3/5 [ok]" in out
    assert "token_already_used" in out
    assert out.rstrip().endswith("PASSED: 5/5 steps as expected")


def test_run_in_japanese() -> None:
    code, out, _ = run_cli("run", "04", "--lang", "ja")
    assert code == 0
    assert "手順 3/4 [ok]" in out and "consumed（消費した）" in out
    assert out.rstrip().endswith("合格: 4 手順中 4 手順が期待どおり")


def test_run_all_builtin_lessons_as_ci_does() -> None:
    code, out, err = run_cli("run", "--all")
    assert code == 0, out + err
    assert out.count("ok   ") == len(builtin_paths())


def test_a_lesson_that_disagrees_with_the_core_exits_1(tmp_path: Path) -> None:
    code, out, err = run_cli("run", str(_wrong_lesson(tmp_path)))
    assert code == 1
    assert "[FAIL] http = 400 (expected 200)" in out
    assert "FAILED: 4/5 steps as expected" in out
    assert "disagree" in err


def test_run_json() -> None:
    code, out, _ = run_cli("run", "01", "--json")
    assert code == 0
    report = json.loads(out)
    assert report["ok"] is True and len(report["steps"]) == 5
    assert report["steps"][2]["status"] == 400


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("run", "no-such-lesson"), "error: no built-in lesson named 'no-such-lesson'"),
        (("run", "missing.json"), "error: missing.json: no such file"),
        (("run",), "error: give a lesson NAME|FILE or --all"),
    ],
)
def test_unknown_lessons_are_clear_errors(args: tuple[str, ...], message: str) -> None:
    code, out, err = run_cli(*args)
    assert code == 2
    assert err.startswith(message)
    assert "Traceback" not in err and out == ""


def test_a_bad_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"title": {"en": "x", "ja": "x"}, "steps": "many"}), encoding="utf-8")
    code, _, err = run_cli("run", str(bad))
    assert code == 2
    assert f"{bad} is not a valid lesson:" in err
    assert "goal: Field required" in err and "steps: Input should be a valid list" in err


def test_the_chargeable_command_dispatches_lesson() -> None:
    result = run_chargeable("lesson", "run", "nope")
    assert result.returncode == 2
    assert result.stderr.startswith("error: no built-in lesson named 'nope'")
    assert "Traceback" not in result.stderr
    result = run_chargeable("lesson", "run", "02", "--lang", "ja")
    assert result.returncode == 0, result.stderr
    assert "token_already_used" in result.stdout and "合格" in result.stdout


def test_handout_html_embeds_a_graph_image_per_step(qapp: object, tmp_path: Path) -> None:
    target = tmp_path / "handout.html"
    code, out, err = run_cli("handout", "04", str(target), "--lang", "ja")
    assert code == 0, err
    assert out.strip() == f"wrote {target}"
    text = target.read_text(encoding="utf-8")
    assert '<html lang="ja">' in text
    assert "使い捨てソースは一度請求すると consumed になる" in text
    images = re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', text)
    assert len(images) == 4  # every step touches the source
    image = QImage.fromData(base64.b64decode(images[-1]), "PNG")
    assert not image.isNull() and image.width() > 100


def test_handout_markdown_with_mermaid_needs_no_qt(tmp_path: Path) -> None:
    target = tmp_path / "handout.md"
    code, _, err = run_cli("handout", "01", str(target), "--images", "mermaid")
    assert code == 0, err
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# A token can be used only once")
    assert text.count("```mermaid") == 5
    assert "stateDiagram-v2" in text


def test_handout_to_an_unwritable_path_fails_cleanly(tmp_path: Path) -> None:
    code, _, err = run_cli("handout", "01", str(tmp_path / "no" / "dir.md"), "--images", "mermaid")
    assert code == 1
    assert err.startswith("error: could not write the handout")
