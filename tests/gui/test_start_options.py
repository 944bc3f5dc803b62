"""The command line a teacher prepares: FILE, --select ID, --presenter, --lang; bad ones exit 2."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers.window import make_window
from test_command_line import run_chargeable

from core import session
from core.api import Sandbox
from gui.application import apply_start_options
from gui.theme import apply_high_contrast
from gui.zoom import set_application_zoom

CARD = {"card[number]": "4242424242424242", "card[exp_month]": "12", "card[exp_year]": "2034"}


@pytest.fixture(autouse=True)
def _plain_application() -> Any:
    yield
    set_application_zoom(1.0)
    apply_high_contrast(False)


@pytest.fixture
def prepared(tmp_path: Path) -> tuple[Path, str]:
    """A session file with a card source in it (what File ▸ Save writes)."""
    sandbox = Sandbox(seed=3, check_keys=False)
    tok = sandbox.request("POST", "/v1/tokens", CARD).body["id"]
    src = sandbox.request("POST", "/v1/sources", {"type": "card", "token": tok}).body["id"]
    path = tmp_path / "lesson.chargeable"
    session.save(sandbox, path)
    return path, src


def test_file_select_presenter_and_lang_open_the_prepared_class(
    qtbot: Any, tmp_path: Path, prepared: tuple[Path, str]
) -> None:
    path, src = prepared
    window = make_window(qtbot, tmp_path)
    saved_language = window.languages.language
    assert apply_start_options(window, file=str(path), select=src, presenter=True, lang="ja")
    assert window.sandbox.kind_of(src) == "source"
    assert window.selection.current == src
    assert window.graph.object_id() == src
    assert window.presenting and window.graph.presenter()
    assert window.languages.language == "ja"
    # --lang is for this run: the language saved for the next start is unchanged
    assert window.languages.saved_language() == saved_language
    window.set_presenter_mode(False)
    window.set_language("en")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lang", "fr"], "invalid choice: 'fr'"),
        (["no-such-file.chargeable"], "cannot open no-such-file.chargeable: no such file"),
        (["--select", "src_123"], "--select src_123: name a session FILE that holds it"),
    ],
)
def test_bad_arguments_say_why_and_exit_2(args: list[str], message: str) -> None:
    result = run_chargeable(*args)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert "usage: chargeable" in result.stderr


def test_a_file_that_is_not_a_session_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("not json at all")
    result = run_chargeable(str(bad))
    assert result.returncode == 2
    assert f"{bad} is not a Chargeable session" in result.stderr
    assert "Traceback" not in result.stderr


def test_select_an_id_the_file_does_not_hold_exits_2(prepared: tuple[Path, str]) -> None:
    path, _src = prepared
    result = run_chargeable(str(path), "--select", "src_nothere")
    assert result.returncode == 2
    assert f"--select src_nothere: {path} has no object with that id" in result.stderr


def test_screenshot_of_a_prepared_file_in_presenter_mode(
    tmp_path: Path, prepared: tuple[Path, str]
) -> None:
    from PySide6.QtGui import QImage

    path, src = prepared
    out = tmp_path / "shot.png"
    result = run_chargeable(
        str(path), "--select", src, "--presenter", "--lang", "ja", "--screenshot", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert not QImage(str(out)).isNull()
