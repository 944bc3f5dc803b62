"""Test set-up shared by every test.

- Qt runs offscreen unless the caller chose a platform (CI runs the GUI tests
  a second time under Xvfb with ``QT_QPA_PLATFORM=xcb``).
- Tests never read or write the user's settings, autosaves or caches: the
  XDG folders (and so QSettings and QStandardPaths) point into one temporary
  folder for the whole run, subprocesses included.
- Tests under ``tests/gui`` are marked ``gui`` so they can be selected.
- A test that leaves a QTimer or an animation running fails: a leaked timer
  fires into the next test and makes failures appear far from their cause.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_ISOLATED_HOME = Path(tempfile.mkdtemp(prefix="chargeable-tests-"))
for _variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_variable] = str(_ISOLATED_HOME / _variable.lower())

_GUI_DIR = Path(__file__).parent / "gui"


def pytest_sessionfinish(session: pytest.Session) -> None:
    shutil.rmtree(_ISOLATED_HOME, ignore_errors=True)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _GUI_DIR in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)


class _RunningTracker:
    """Remembers every QTimer and animation started during one test."""

    def __init__(self) -> None:
        self.started: list[weakref.ref[object]] = []

    def still_running(self) -> list[str]:
        from PySide6.QtCore import QAbstractAnimation, QTimer

        running = []
        for ref in self.started:
            thing = ref()
            if thing is None:
                continue
            try:
                if isinstance(thing, QTimer) and thing.isActive():
                    thing.stop()
                    running.append(f"QTimer {thing.objectName()!r} ({thing.interval()} ms)")
                elif (
                    isinstance(thing, QAbstractAnimation)
                    and thing.state() == QAbstractAnimation.State.Running
                ):
                    thing.stop()
                    running.append(f"{type(thing).__name__} {thing.objectName()!r}")
            except RuntimeError:  # the C++ object is already deleted: not running
                continue
        return running


@pytest.fixture(autouse=True)
def fail_on_running_timers_and_animations(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    if not _uses_qt(request):
        yield
        return
    from PySide6.QtCore import QAbstractAnimation, QTimer

    tracker = _RunningTracker()
    original_timer_start = QTimer.start
    original_animation_start = QAbstractAnimation.start

    def timer_start(self: QTimer, *args: object) -> None:
        tracker.started.append(weakref.ref(self))
        original_timer_start(self, *args)

    def animation_start(self: QAbstractAnimation, *args: object) -> None:
        tracker.started.append(weakref.ref(self))
        original_animation_start(self, *args)

    monkeypatch.setattr(QTimer, "start", timer_start)
    monkeypatch.setattr(QAbstractAnimation, "start", animation_start)
    yield
    running = tracker.still_running()
    if running:
        pytest.fail("test left running: " + ", ".join(running))


def _uses_qt(request: pytest.FixtureRequest) -> bool:
    return "qtbot" in request.fixturenames or request.node.get_closest_marker("gui") is not None
