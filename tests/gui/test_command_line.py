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
