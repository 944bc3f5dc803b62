"""The ``chargeable`` command line: --help, --version, a bad option, --screenshot."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def run_chargeable(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    return subprocess.run(
        [sys.executable, "-m", "gui.app", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_help_describes_the_options() -> None:
    result = run_chargeable("--help")
    assert result.returncode == 0
    assert "usage: chargeable" in result.stdout
    assert "--screenshot" in result.stdout


def test_version_prints_the_distribution_version() -> None:
    from importlib.metadata import version

    result = run_chargeable("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"chargeable {version('chargeable')}"


def test_bad_option_prints_usage_and_exits_2() -> None:
    result = run_chargeable("--no-such-option")
    assert result.returncode == 2
    assert "usage: chargeable" in result.stderr
    assert "--no-such-option" in result.stderr


def test_screenshot_writes_a_png_of_the_window(tmp_path: Path) -> None:
    out = tmp_path / "window.png"
    result = run_chargeable("--screenshot", str(out))
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1280, 800)
    # Not blank: a real window has many colours (text, frames, widgets).
    sampled = {image.pixel(x, y) for x in range(0, 1280, 7) for y in range(0, 800, 7)}
    assert len(sampled) > 2


def test_screenshot_to_an_unwritable_path_fails_cleanly(tmp_path: Path) -> None:
    result = run_chargeable("--screenshot", str(tmp_path / "missing-dir" / "x.png"))
    assert result.returncode == 1
    assert "could not write" in result.stderr
    assert "Traceback" not in result.stderr


def _without_display(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # as a user's shell has it: Qt would pick xcb
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # never the user's saved geometry
    env.update(extra)
    return env


def _run_with(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gui.app", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_window_without_a_display_says_what_to_do_and_exits_1(tmp_path: Path) -> None:
    result = _run_with(_without_display(tmp_path))
    assert result.returncode == 1, (result.returncode, result.stderr)  # not 134 (abort)
    assert "no display" in result.stderr
    assert "xvfb-run" in result.stderr
    assert "xcb-cursor0 is needed" not in result.stderr  # Qt's misleading message


def test_a_screenshot_without_a_display_renders_offscreen(tmp_path: Path) -> None:
    out = tmp_path / "window.png"
    result = _run_with(_without_display(tmp_path), "--screenshot", str(out))
    assert result.returncode == 0, result.stderr
    assert "offscreen" in result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)


def test_a_display_nobody_answers_on_is_named(tmp_path: Path) -> None:
    result = _run_with(_without_display(tmp_path, DISPLAY=":97"))
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "DISPLAY=:97" in result.stderr


def test_a_missing_system_library_is_named_from_dlopen() -> None:
    from gui.cli.display import missing_library

    error = "libxcb-cursor.so.0: cannot open shared object file: No such file or directory"
    assert missing_library(error) == "libxcb-cursor.so.0"
    assert missing_library("/x/libqxcb.so: undefined symbol: foo") == ""


def test_a_screenshot_run_writes_nothing_into_the_users_settings(tmp_path: Path) -> None:
    """--screenshot reads the user's settings and writes none back: not the session it
    opened, not the window geometry, not a clean-exit time (a documentation run must
    not change what the user's next start opens)."""
    from core import session
    from core.api import Sandbox

    env = _without_display(tmp_path, XDG_DATA_HOME=str(tmp_path / "data"))
    conf = tmp_path / "config" / "Chargeable" / "Chargeable.conf"
    conf.parent.mkdir(parents=True)
    conf.write_text("[view]\nzoom=1\n")
    before = conf.read_bytes()
    prepared = tmp_path / "class.chargeable.json"
    session.save(Sandbox(check_keys=False), prepared)
    out = tmp_path / "window.png"
    result = _run_with(env, str(prepared), "--lang", "ja", "--screenshot", str(out))
    assert result.returncode == 0, result.stderr
    assert out.exists()
    assert conf.read_bytes() == before
    assert sorted(p.name for p in (tmp_path / "config").rglob("*")) == [
        "Chargeable",
        "Chargeable.conf",
    ]
    assert not (tmp_path / "data").exists()
