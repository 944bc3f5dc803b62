"""SessionController: New/Open/Save/Save As, dirty state, atomic saves, autosave, recovery."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from gui.sandbox_host import SandboxHost
from gui.session.controller import SessionController
from gui.session.files import SUFFIX, with_suffix


class FakeSandbox:
    """Enough of core.api.Sandbox for the controller: revision + subscribe."""

    def __init__(self, objects: list[str] | None = None) -> None:
        self.objects = list(objects or [])
        self.revision = len(self.objects)
        self.subscribers: list[Any] = []

    def subscribe(self, callback: Any) -> None:
        self.subscribers.append(callback)

    def unsubscribe(self, callback: Any) -> None:
        self.subscribers.remove(callback)

    @property
    def session_revision(self) -> int:
        return self.revision

    def create(self, name: str) -> None:  # stands for an accepted request
        self.objects.append(name)
        self.revision += 1
        for callback in list(self.subscribers):
            callback(None)


class LoadError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class JsonIO:
    """Stands for core.session: a versioned JSON file."""

    def __init__(self) -> None:
        self.fail_save = False

    def save(self, sandbox: FakeSandbox, path: Path) -> None:
        path.write_text(json.dumps({"version": 1, "objects": sandbox.objects[:1]}))
        if self.fail_save:  # a crash half-way through writing
            raise OSError("disk full")
        path.write_text(json.dumps({"version": 1, "objects": sandbox.objects}))

    def load(self, path: Path) -> FakeSandbox:
        try:
            data = json.loads(path.read_text())
        except json.JSONDecodeError as exc:
            raise LoadError(f"not a session file: {exc.msg}") from exc
        if data.get("version") != 1:
            raise LoadError(f"session version {data.get('version')} is not supported")
        return FakeSandbox(data["objects"])

    @staticmethod
    def error_types() -> tuple[type[BaseException], ...]:
        return (LoadError, OSError)


class FakePrompter:
    def __init__(self) -> None:
        self.save_answer = "cancel"
        self.recover_answer = True
        self.open_answer: str | None = None
        self.save_as_answer: str | None = None
        self.errors: list[tuple[str, str]] = []
        self.asked: list[str] = []

    def ask_save_changes(self, name: str) -> str:
        self.asked.append(f"save {name}")
        return self.save_answer

    def ask_recover(self, when: str) -> bool:
        self.asked.append("recover")
        return self.recover_answer

    def open_path(self, directory: str) -> str | None:
        return self.open_answer

    def save_path(self, suggested: str) -> str | None:
        return self.save_as_answer

    def error(self, title: str, message: str) -> None:
        self.errors.append((title, message))


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def prompter() -> FakePrompter:
    return FakePrompter()


@pytest.fixture
def io() -> JsonIO:
    return JsonIO()


def make(qtbot, settings, prompter, io, tmp_path, sandbox=None):
    controller = SessionController(
        SandboxHost(sandbox or FakeSandbox()),
        settings,
        prompter=prompter,
        session_io=io,
        new_sandbox=FakeSandbox,
        autosave_dir=tmp_path / "appdata",
        autosave_interval_ms=50,
    )
    return controller


def test_suffix_is_added_once() -> None:
    assert with_suffix("/x/a").name == "a" + SUFFIX
    assert with_suffix("/x/a.json").name == "a" + SUFFIX
    assert with_suffix("/x/a" + SUFFIX).name == "a" + SUFFIX


def test_changes_make_it_dirty_and_save_cleans(qtbot, settings, prompter, io, tmp_path) -> None:
    controller = make(qtbot, settings, prompter, io, tmp_path)
    assert not controller.dirty
    with qtbot.wait_signal(controller.dirtyChanged) as blocker:
        controller.sandbox.create("src_1")
    assert blocker.args == [True]
    prompter.save_as_answer = str(tmp_path / "lesson")
    with qtbot.wait_signal(controller.saved):
        assert controller.save()  # untitled: goes through Save As
    target = tmp_path / ("lesson" + SUFFIX)
    assert controller.path == target
    assert json.loads(target.read_text())["objects"] == ["src_1"]
    assert not controller.dirty
    assert settings.value("session/lastPath") == str(target)
    assert "lesson[*]" in controller.window_title()


def test_save_as_cancelled_changes_nothing(qtbot, settings, prompter, io, tmp_path) -> None:
    controller = make(qtbot, settings, prompter, io, tmp_path)
    controller.sandbox.create("src_1")
    prompter.save_as_answer = None
    assert not controller.save()
    assert controller.dirty and controller.path is None


def test_a_failed_save_keeps_the_old_file(qtbot, settings, prompter, io, tmp_path) -> None:
    controller = make(qtbot, settings, prompter, io, tmp_path)
    controller.sandbox.create("src_1")
    target = tmp_path / ("s" + SUFFIX)
    assert controller.save_as(target)
    before = target.read_bytes()
    controller.sandbox.create("src_2")
    io.fail_save = True
    assert not controller.save()
    assert target.read_bytes() == before  # atomic: the half-written temp never replaced it
    assert controller.dirty
    assert prompter.errors and "disk full" in prompter.errors[0][1]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp" + SUFFIX)] == []


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{not json", "not a session file"),
        ('{"version": 99}', "version 99"),
        ("", "not a session file"),
    ],
)
def test_a_bad_file_gets_a_message_and_the_session_stays(
    qtbot, settings, prompter, io, tmp_path, content, words
) -> None:
    controller = make(qtbot, settings, prompter, io, tmp_path)
    controller.sandbox.create("src_1")
    original = controller.sandbox
    bad = tmp_path / ("bad" + SUFFIX)
    bad.write_text(content)
    prompter.save_answer = "discard"
    with qtbot.assert_not_emitted(controller.sandboxReplaced):
        assert not controller.open(bad)
    assert controller.sandbox is original and controller.dirty
    assert words in prompter.errors[-1][1]
    assert bad.read_text() == content  # nothing overwritten


def test_open_replaces_the_sandbox(qtbot, settings, prompter, io, tmp_path) -> None:
    path = tmp_path / ("a" + SUFFIX)
    path.write_text(json.dumps({"version": 1, "objects": ["tok_1", "cus_1"]}))
    controller = make(qtbot, settings, prompter, io, tmp_path)
    prompter.open_answer = str(path)
    with qtbot.wait_signal(controller.sandboxReplaced) as blocker:
        assert controller.open(False)  # as QAction.triggered(checked=False) calls it
    assert blocker.args[0].objects == ["tok_1", "cus_1"]
    assert controller.path == path and not controller.dirty
    # the new sandbox is watched, the old one is not
    blocker.args[0].create("src_9")
    assert controller.dirty


@pytest.mark.parametrize(
    ("answer", "proceeds", "saved"),
    [("save", True, True), ("discard", True, False), ("cancel", False, False)],
)
def test_prompt_before_losing_work(
    qtbot, settings, prompter, io, tmp_path, answer, proceeds, saved
) -> None:
    controller = make(qtbot, settings, prompter, io, tmp_path)
    target = tmp_path / ("w" + SUFFIX)
    controller.save_as(target)
    controller.sandbox.create("src_1")
    prompter.save_answer = answer
    old = controller.sandbox
    assert controller.new() is proceeds
    assert prompter.asked == ["save w"]
    assert (controller.sandbox is not old) is proceeds
    assert ("src_1" in target.read_text()) is saved


def test_no_prompt_when_clean(qtbot, settings, prompter, io, tmp_path) -> None:
    controller = make(qtbot, settings, prompter, io, tmp_path)
    assert controller.maybe_save()
    assert prompter.asked == []


def test_autosave_writes_and_shutdown_stops_it(qtbot, settings, prompter, io, tmp_path) -> None:
    controller = make(qtbot, settings, prompter, io, tmp_path)
    controller.start_autosave()
    assert controller.autosave_active
    controller.sandbox.create("src_1")
    with qtbot.wait_signal(controller.autosaved, timeout=2000):
        pass
    assert "src_1" in controller.autosave_path.read_text()
    assert controller.autosave_now() is False  # nothing new since
    controller.shutdown()
    assert not controller.autosave_active
    assert not controller.autosave_path.exists()
    assert float(settings.value("session/lastCleanExit")) > 0


def test_recovery_after_a_crash(qtbot, settings, prompter, io, tmp_path) -> None:
    settings.setValue("session/lastCleanExit", 1.0)  # a clean exit long ago
    crashed = make(qtbot, settings, prompter, io, tmp_path)
    crashed.sandbox.create("src_1")
    assert crashed.autosave_now()
    # the app dies here: no shutdown(), and its autosave lock goes with its process
    crashed.autosave_files._lock.unlock()
    controller = make(qtbot, settings, prompter, io, tmp_path)
    assert controller.recoverable_autosave() == crashed.autosave_path
    with qtbot.wait_signal(controller.sandboxReplaced):
        assert controller.offer_recovery()
    assert controller.sandbox.objects == ["src_1"]
    assert controller.dirty  # recovered work is not saved to a file yet
    assert prompter.asked == ["recover"]


def test_no_recovery_offer_after_a_clean_exit(qtbot, settings, prompter, io, tmp_path) -> None:
    first = make(qtbot, settings, prompter, io, tmp_path)
    first.sandbox.create("src_1")
    first.autosave_now()
    os.utime(first.autosave_path, (1.0, 1.0))  # autosave older than the clean exit below
    settings.setValue("session/lastCleanExit", 2.0)
    controller = make(qtbot, settings, prompter, io, tmp_path)
    assert controller.recoverable_autosave() is None
    assert not controller.offer_recovery()
    assert prompter.asked == []


def test_declined_recovery_keeps_the_file_aside(qtbot, settings, prompter, io, tmp_path) -> None:
    crashed = make(qtbot, settings, prompter, io, tmp_path)
    crashed.sandbox.create("src_1")
    crashed.autosave_now()
    crashed.autosave_files._lock.unlock()  # its process is gone
    controller = make(qtbot, settings, prompter, io, tmp_path)
    prompter.recover_answer = False
    assert not controller.offer_recovery()
    assert not crashed.autosave_path.exists()
    aside = crashed.autosave_path.with_name("declined-" + crashed.autosave_path.name)
    assert aside.exists()
    assert controller.recoverable_autosave() is None
