"""The lesson player panel (objectName ``lessonPlayer``): step through a guided lesson.

The player never owns the window and never reaches into it. It plays a
:class:`core.lessons.runner.LessonRun` in the sandbox the window shows, reached
through the window's :class:`~gui.sandbox_host.SandboxHost`:

- When a lesson starts (first *Next*, or *Restart*), the player makes a fresh
  ``Sandbox(seed=lesson.seed, check_keys=False)`` and hands it to
  ``host.set_sandbox``; the host emits ``replaced``, which the window and the
  session controller follow (so File ▸ Save saves what is shown).
- When the window's sandbox is replaced by someone else (File ▸ New / Open /
  Recover, through the same host), the player sees a sandbox that is not its
  lesson's, stops autoplay and asks for *Restart* (which starts the lesson again
  in a fresh sandbox). Nothing loops: ``set_sandbox`` only emits on a real change.
- *Previous* and *Restart* rebuild the *same* sandbox object from a prefix of
  its action log (``LessonRun.back`` → ``Sandbox.rebuild``), so the panes that
  subscribed to it refresh in place, exactly like undo.

How the window wires it::

    player = LessonPlayer(window.host, window)
    player.objectTouched.connect(window.selection.select)
    # player.next_action / previous_action / restart_action / autoplay_action are
    # QActions without shortcuts: the window gives them theirs (gui/window_lessons.py),
    # so that they stay unique among its commands.

Signals:
    objectTouched(str): the id of the object the step just shown is about
        (``""`` when none); connect it to the window's selection.
    stepShown(int): the number of steps played now (0 = before the first).
    lessonChanged(str): another lesson was loaded (its name).
    finished(bool): the last step was played; True if every expectation held.
    autoplayChanged(bool): autoplay started / stopped.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.api import Sandbox
from gui.sandbox_host import SandboxHost
from gui.widgets.flow_text import FlowText
from gui.words.citations import section_url

if TYPE_CHECKING:
    from core.lessons.runner import LessonRun
    from core.lessons.schema import Lesson
    from core.lessons.transcript import StepResult

DEFAULT_SECONDS = 5
MIN_SECONDS, MAX_SECONDS = 1, 20
NARRATION_SCALE = 1.7


class LessonPlayer(QWidget):
    """Next / previous / restart / autoplay through a lesson, narration in large type.

    Attributes:
        host: the :class:`SandboxHost`.
        lessons: the lessons offered in the chooser (built-in ones by default).
        run: the :class:`LessonRun` being played, or ``None`` before the first step.
        language: ``"en"`` or ``"ja"`` (narration and lesson texts).
        next_action, previous_action, restart_action, autoplay_action: the commands.
        timer: the autoplay ``QTimer`` (``lessonAutoplay``); stopped whenever
            autoplay stops, the panel hides, or the lesson ends.
    """

    objectTouched = Signal(str)
    stepShown = Signal(int)
    lessonChanged = Signal(str)
    finished = Signal(bool)
    autoplayChanged = Signal(bool)

    def __init__(
        self, host: SandboxHost, parent: QWidget | None = None, lessons: list[Lesson] | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lessonPlayer")
        self.host = host
        self.language = "en"
        self.run: LessonRun | None = None
        self._detached = False
        self._error = ""
        if lessons is None:
            # pydantic models: imported only once a player exists
            from core.lessons.loader import builtin_lessons
            from core.lessons.schema import LessonError

            try:
                lessons = builtin_lessons()
            except LessonError as exc:
                lessons, self._error = [], str(exc)
        self.lessons = list(lessons)
        self.lesson: Lesson | None = self.lessons[0] if self.lessons else None

        self.timer = QTimer(self)
        self.timer.setObjectName("lessonAutoplay")
        self.timer.setInterval(DEFAULT_SECONDS * 1000)
        self.timer.timeout.connect(self._autoplay_tick)

        style = self.style()
        self.previous_action = QAction(self)
        self.previous_action.setObjectName("lessonPrevious")
        self.previous_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaSeekBackward))
        self.previous_action.triggered.connect(self.previous)
        self.next_action = QAction(self)
        self.next_action.setObjectName("lessonNext")
        self.next_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward))
        self.next_action.triggered.connect(self.next)
        self.restart_action = QAction(self)
        self.restart_action.setObjectName("lessonRestart")
        self.restart_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaSkipBackward))
        self.restart_action.triggered.connect(self.restart)
        self.autoplay_action = QAction(self)
        self.autoplay_action.setObjectName("lessonAutoplayAction")
        self.autoplay_action.setCheckable(True)
        self.autoplay_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.autoplay_action.toggled.connect(self.set_autoplay)

        self.chooser = QComboBox(self)
        self.chooser.setObjectName("lessonChooser")
        self.chooser.currentIndexChanged.connect(self._chosen)
        self.title = QLabel(self)
        self.title.setObjectName("lessonTitle")
        self.title.setWordWrap(True)
        title_font = QFont(self.font())
        title_font.setBold(True)
        title_font.setPointSizeF(self.font().pointSizeF() * 1.25)
        self.title.setFont(title_font)
        self.title.setMinimumWidth(1)  # the dock's width is the window's, not a title word's
        self.goal = FlowText(self, fit=True)
        self.goal.setObjectName("lessonGoal")
        self.progress = QLabel(self)
        self.progress.setObjectName("lessonProgress")
        # Markdown (`used` in code type), wrapped anywhere a word is too long for the dock
        self.narration = FlowText(self, fit=True)
        self.narration.setObjectName("lessonNarration")
        big = QFont(self.font())
        big.setPointSizeF(self.font().pointSizeF() * NARRATION_SCALE)
        self.narration.setFont(big)
        self.citations = FlowText(self, fit=True)  # the step's sections, links to the reference
        self.citations.setObjectName("lessonCitations")
        self.request = FlowText(self, fit=True)
        self.request.setObjectName("lessonRequest")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.TypeWriter)
        self.request.setFont(mono)
        self.verdict = FlowText(self, fit=True)
        self.verdict.setObjectName("lessonVerdict")
        # the end of the lesson: what happened, and the way on
        self.summary = QFrame(self)
        self.summary.setObjectName("lessonSummary")
        self.summary.setFrameShape(QFrame.Shape.StyledPanel)
        self.summary_text = FlowText(self.summary, fit=True)
        self.summary_text.setObjectName("lessonSummaryText")
        self.next_lesson_button = QPushButton(self.summary)
        self.next_lesson_button.setObjectName("lessonNextLesson")
        self.next_lesson_button.clicked.connect(self.next_lesson)
        summary_layout = QVBoxLayout(self.summary)
        summary_layout.setContentsMargins(6, 6, 6, 6)
        summary_layout.addWidget(self.summary_text)
        summary_layout.addWidget(self.next_lesson_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.summary.hide()

        self.speed = QSlider(Qt.Orientation.Horizontal, self)
        self.speed.setObjectName("autoplaySpeed")
        self.speed.setRange(MIN_SECONDS, MAX_SECONDS)
        self.speed.setValue(DEFAULT_SECONDS)
        self.speed.setMaximumWidth(160)
        self.speed.valueChanged.connect(self._speed_changed)
        self.speed_label = QLabel(self)
        self.speed_label.setObjectName("autoplaySpeedLabel")

        buttons = QHBoxLayout()
        self.buttons: dict[str, QToolButton] = {}
        for name, action in (
            ("restart", self.restart_action),
            ("previous", self.previous_action),
            ("next", self.next_action),
            ("autoplay", self.autoplay_action),
        ):
            button = QToolButton(self)
            button.setObjectName(f"lesson{name.capitalize()}Button")
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            buttons.addWidget(button)
            self.buttons[name] = button
        buttons.addStretch(1)
        buttons.addWidget(self.speed_label)
        buttons.addWidget(self.speed)

        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        # Everything a step shows scrolls inside the panel: however long a text is, in
        # whatever language, the panel never asks the window for more width or height.
        self.step_scroll = QScrollArea(self)
        self.step_scroll.setObjectName("lessonScroll")
        self.step_scroll.setWidgetResizable(True)
        self.step_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.step_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.step_scroll.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        page = QWidget(self.step_scroll)
        page.setObjectName("lessonPage")
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.title,
            self.goal,
            rule,
            self.progress,
            self.narration,
            self.citations,
            self.request,
            self.verdict,
            self.summary,
        ):
            widget.setParent(page)
            page_layout.addWidget(widget)
        page_layout.addStretch(1)
        self.step_scroll.setWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chooser)
        layout.addWidget(self.step_scroll, 1)
        layout.addLayout(buttons)

        host.replaced.connect(self._host_changed)
        self._fill_chooser()
        self.retranslate()

    # ------------------------------------------------------------------ public API
    def set_language(self, language: str) -> None:
        """Show lesson texts and narration in ``"en"`` or ``"ja"``."""
        self.language = "ja" if language == "ja" else "en"
        self._fill_chooser()
        self._refresh()

    def load_lesson(self, lesson: Lesson) -> None:
        """Offer ``lesson`` (added to the chooser if new); it starts at the first *Next*."""
        if lesson not in self.lessons:
            self.lessons.append(lesson)
            self._fill_chooser()
        self.chooser.setCurrentIndex(self.lessons.index(lesson))

    def open_file(self, path: str | Path) -> bool:
        """Load a lesson file; on a bad file the panel shows why and returns False."""
        from core.lessons.loader import load_lesson
        from core.lessons.schema import LessonError

        try:
            lesson = load_lesson(path)
        except LessonError as exc:
            self._error = str(exc)
            self._refresh()
            return False
        self._error = ""
        self.load_lesson(lesson)
        return True

    @property
    def position(self) -> int:
        return self.run.position if self.run is not None else 0

    def next(self) -> StepResult | None:
        """Play the next step (starting the lesson if needed)."""
        if self.lesson is None:
            return None
        self._error = ""
        if self.run is None or self._detached:
            self._start()
        assert self.run is not None
        result = self.run.forward()
        self._refresh()
        if result is None:
            return None
        self.stepShown.emit(self.run.position)
        self.objectTouched.emit(result.touched or "")
        if self.run.at_end:
            self.set_autoplay(False)
            self.finished.emit(self.run.transcript().ok)
        return result

    def previous(self) -> bool:
        """Step back: the sandbox is rebuilt from its log's prefix."""
        self.set_autoplay(False)
        if self.run is None or self._detached or not self.run.back():
            return False
        self._refresh()
        self.stepShown.emit(self.run.position)
        last = self.run.results[-1] if self.run.results else None
        self.objectTouched.emit(last.touched or "" if last else "")
        return True

    def restart(self) -> None:
        """Back to before the first step (a fresh sandbox if the window's was replaced)."""
        self.set_autoplay(False)
        if self.lesson is None:
            return
        self._error = ""
        if self.run is None or self._detached:
            self._start()
        else:
            self.run.restart()
        self._refresh()
        self.stepShown.emit(0)
        self.objectTouched.emit("")

    def next_lesson(self) -> bool:
        """Offer the lesson after this one in the chooser (it starts at the first *Next*)."""
        if self.lesson is None or self.lesson not in self.lessons:
            return False
        index = self.lessons.index(self.lesson) + 1
        if index >= len(self.lessons):
            return False
        self.chooser.setCurrentIndex(index)  # _chosen loads it
        return True

    def set_autoplay(self, on: bool) -> None:
        """Start or stop autoplay (one step per ``speed`` seconds)."""
        on = (
            bool(on)
            and self.lesson is not None
            and not (self.run is not None and not self._detached and self.run.at_end)
        )
        if on == self.timer.isActive():
            self._sync_autoplay_action(on)
            return
        if on:
            self.timer.start()
        else:
            self.timer.stop()
        self._sync_autoplay_action(on)
        self.autoplayChanged.emit(on)

    def set_autoplay_interval(self, ms: int) -> None:
        """Time between autoplay steps (the slider sets whole seconds; tests use ms)."""
        self.timer.setInterval(max(1, ms))

    # ------------------------------------------------------------------ internals
    def _start(self) -> None:
        assert self.lesson is not None
        sandbox = Sandbox(seed=self.lesson.seed, check_keys=False)
        from core.lessons.runner import LessonRun

        self.run = LessonRun(self.lesson, sandbox)
        self._detached = False
        self.host.set_sandbox(sandbox)

    def _host_changed(self, sandbox: Any) -> None:
        if self.run is not None and sandbox is not self.run.sandbox and not self._detached:
            self._detached = True
            self.set_autoplay(False)
            self._refresh()

    def _chosen(self, index: int) -> None:
        if not 0 <= index < len(self.lessons) or self.lessons[index] is self.lesson:
            return
        self.set_autoplay(False)
        self.lesson = self.lessons[index]
        self.run = None
        self._detached = False
        self._error = ""
        self._refresh()
        self.lessonChanged.emit(self.lesson.name)

    def _autoplay_tick(self) -> None:
        if self.next() is None:
            self.set_autoplay(False)

    def _speed_changed(self, seconds: int) -> None:
        self.timer.setInterval(seconds * 1000)
        self._show_speed()

    def _show_speed(self) -> None:
        self.speed_label.setText(self.tr("%n s per step", "", self.speed.value()))

    def _sync_autoplay_action(self, on: bool) -> None:
        blocked = self.autoplay_action.blockSignals(True)
        self.autoplay_action.setChecked(on)
        self.autoplay_action.blockSignals(blocked)
        icon = QStyle.StandardPixmap.SP_MediaPause if on else QStyle.StandardPixmap.SP_MediaPlay
        self.autoplay_action.setIcon(self.style().standardIcon(icon))

    def _fill_chooser(self) -> None:
        blocked = self.chooser.blockSignals(True)
        self.chooser.clear()
        for lesson in self.lessons:
            self.chooser.addItem(lesson.title.get(self.language), lesson.name)
        if self.lesson is not None and self.lesson in self.lessons:
            self.chooser.setCurrentIndex(self.lessons.index(self.lesson))
        self.chooser.blockSignals(blocked)

    def retranslate(self) -> None:
        self.previous_action.setText(self.tr("Previous"))
        self.previous_action.setToolTip(
            self.tr("Step back (the sandbox replays its log up to the step before)")
        )
        self.next_action.setText(self.tr("Next"))
        self.next_action.setToolTip(self.tr("Play the next step"))
        self.restart_action.setText(self.tr("Restart"))
        self.restart_action.setToolTip(self.tr("Back to the start of the lesson"))
        self.autoplay_action.setText(self.tr("Autoplay"))
        self.autoplay_action.setToolTip(self.tr("Play the steps one after another"))
        self.speed.setToolTip(self.tr("Autoplay speed: seconds per step"))
        self.chooser.setToolTip(self.tr("Lesson"))
        self.next_lesson_button.setText(self.tr("Next lesson"))
        self._show_speed()
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self.set_autoplay(False)
        super().hideEvent(event)

    def _refresh(self) -> None:
        lang = self.language
        lesson = self.lesson
        if lesson is None:
            self.title.setText(self.tr("No lessons"))
            self.goal.set_plain(self._error)
            self.narration.set_plain("")
            self.citations.set_plain("")
            self.progress.setText("")
            self.request.set_plain("")
            self.verdict.set_plain("")
            self.summary.hide()
            for action in (
                self.next_action,
                self.previous_action,
                self.restart_action,
                self.autoplay_action,
            ):
                action.setEnabled(False)
            return
        title, goal = lesson.text(lang)
        self.title.setText(title)
        self.goal.set_markdown(goal)
        total = len(lesson.steps)
        run = None if self._detached else self.run
        position = run.position if run is not None else 0
        last = run.results[-1] if run is not None and run.results else None
        cites: list[str] = []
        if self._error:
            self.progress.setText(self.tr("This lesson file cannot be used"))
            self.narration.set_plain(self._error)
        elif self._detached:
            self.progress.setText(self.tr("Lesson interrupted"))
            self.narration.set_plain(
                self.tr(
                    "The window now shows another sandbox. Press Restart to play this lesson again."
                )
            )
        elif last is None:
            self.progress.setText(self.tr("%n step(s)", "", total))
            self.narration.set_plain(self.tr("Press Next to play the first step."))
            cites = list(lesson.references)
        else:
            self.progress.setText(
                self.tr("Step %1 of %2").replace("%1", str(position)).replace("%2", str(total))
            )
            self.narration.set_markdown(last.step.narration.get(lang))
            cites = list(last.step.cite)
        self._show_citations([lesson.cited(c) for c in cites], cites)
        if last is not None and not self._error:
            self.request.set_plain(f"> {last.request_line()}\n< {last.outcome_line()}")
            if last.ok:
                self.verdict.set_plain("✓ " + self.tr("As the lesson expects"))
            else:
                lines = "; ".join(c.describe() for c in last.failures)
                self.verdict.set_plain(
                    "✗ " + self.tr("The sandbox disagrees with the lesson:") + " " + lines
                )
            colour = "color: #006d4f;" if last.ok else "color: #a0321a; font-weight: bold;"
            self.verdict.setStyleSheet(f"QTextBrowser {{ background: transparent; {colour} }}")
        else:
            self.request.set_plain("")
            self.verdict.set_plain("")
        at_end = run is not None and run.at_end
        self._show_summary(run if at_end else None)
        self.next_action.setEnabled(not at_end)
        self.previous_action.setEnabled(position > 0)
        self.restart_action.setEnabled(True)
        self.autoplay_action.setEnabled(not at_end)

    def _show_citations(self, sections: list[tuple[str, str]], words: list[str]) -> None:
        """Each cited (reference, number) a link to its reference, shown as the lesson says it."""
        if not sections:
            self.citations.set_plain("")
            return
        links = " · ".join(
            f'<a href="{section_url(number, reference)}">{html.escape(said)}</a>'
            for (reference, number), said in zip(sections, words, strict=True)
        )
        label = html.escape(self.tr("Reference:"))
        self.citations.setHtml(f"{label} {links}")

    def _show_summary(self, run: LessonRun | None) -> None:
        """At the end of a lesson: the steps that held, what each request got, the way on."""
        if run is None or self.lesson is None:
            self.summary.hide()
            return
        results = run.results
        held = sum(1 for r in results if r.ok)
        head = (
            self.tr("Lesson complete: %1 of %2 steps as the lesson expects.")
            .replace("%1", str(held))
            .replace("%2", str(len(results)))
        )
        lines = [f"**{head}**", ""]
        for number, result in enumerate(results, 1):
            mark = "✓" if result.ok else "✗"
            lines.append(f"{number}. {mark} `{result.method} {result.path}` → {_outcome(result)}")
        self.summary_text.set_markdown("\n".join(lines))
        index = self.lessons.index(self.lesson) if self.lesson in self.lessons else -1
        following = self.lessons[index + 1] if 0 <= index < len(self.lessons) - 1 else None
        self.next_lesson_button.setVisible(following is not None)
        if following is not None:
            self.next_lesson_button.setToolTip(following.title.get(self.language))
        self.summary.show()


def _outcome(result: StepResult) -> str:
    """One step's answer in a few words: the status and the error code, or the new state."""
    body = result.body if isinstance(result.body, dict) else {}
    error = body.get("error")
    if isinstance(error, dict):
        code = error.get("decline_code") or error.get("code") or error.get("type") or ""
        return f"{result.status} `{code}`"
    state = body.get("status")
    if "used" in body:
        state = f"used={str(body['used']).lower()}"
    return " ".join(str(x) for x in (result.status, body.get("object", ""), state or "") if x)
