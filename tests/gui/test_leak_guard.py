"""The autouse guard in conftest fails a test that leaves a timer or animation running."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

LEAKY_TEST = """
from PySide6.QtCore import QTimer, QVariantAnimation

def test_leaves_timer(qtbot):
    timer = QTimer()
    timer.setObjectName("leaky")
    timer.start(1000)
    test_leaves_timer.keep = timer

def test_leaves_animation(qtbot):
    animation = QVariantAnimation()
    animation.setStartValue(0.0)
    animation.setEndValue(1.0)
    animation.setDuration(10000)
    animation.start()
    test_leaves_animation.keep = animation

def test_stops_its_timer(qtbot):
    timer = QTimer()
    timer.start(1000)
    timer.stop()
"""


def test_guard_fails_leaky_tests_and_passes_clean_ones(pytester: pytest.Pytester) -> None:
    conftest = Path(__file__).parents[1] / "conftest.py"
    (pytester.path / "conftest.py").write_text(conftest.read_text())
    pytester.makepyfile(test_leaky=LEAKY_TEST)
    result = pytester.runpytest_subprocess("-q")
    result.assert_outcomes(passed=3, errors=2)
    result.stdout.fnmatch_lines(["*test left running: QTimer 'leaky'*"])
