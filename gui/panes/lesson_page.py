"""What the lesson player shows of a step: title, goal, narration, the request, the verdict.

``LessonPage`` (objectName ``lessonScroll``) is the scrolling page of the lesson
player: it renders a lesson and the run playing it, and at the end the summary with
the way on to the next lesson. It holds no playing state; ``LessonPlayer`` tells it
what to show (:meth:`LessonPage.show_lesson`). Its words keep the player's
translation context, ``LessonPlayer``, but for the one plural, which lupdate marks
only in ``self.tr`` (context ``LessonPage``).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gui.widgets.flow_text import FlowText
from gui.words.citations import section_url

if TYPE_CHECKING:
    from core.lessons.runner import LessonRun
    from core.lessons.schema import Lesson
    from core.lessons.transcript import StepResult

NARRATION_SCALE = 1.7


class LessonPage(QScrollArea):
    """The texts of a lesson and its current step, in a page that scrolls.

    Everything a step shows scrolls inside the panel: however long a text is, in
    whatever language, the panel never asks the window for more width or height.

    Attributes:
        title, goal, progress, narration, citations, request, verdict: the texts.
        summary, summary_text, next_lesson_button: the end of the lesson.
        step_first: keep the step's line and narration at the top of the view, the
            title and goal scrolled above it (presenter mode: the band under the
            graph is short, and what to say now is the step, not the lesson's title).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonScroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        page = QWidget(self)
        page.setObjectName("lessonPage")
        self.title = QLabel(page)
        self.title.setObjectName("lessonTitle")
        self.title.setWordWrap(True)
        title_font = QFont(self.font())
        title_font.setBold(True)
        title_font.setPointSizeF(self.font().pointSizeF() * 1.25)
        self.title.setFont(title_font)
        self.title.setMinimumWidth(1)  # the dock's width is the window's, not a title word's
        self.goal = FlowText(page, fit=True)
        self.goal.setObjectName("lessonGoal")
        self.progress = QLabel(page)
        self.progress.setObjectName("lessonProgress")
        # Markdown (`used` in code type), wrapped anywhere a word is too long for the dock
        self.narration = FlowText(page, fit=True)
        self.narration.setObjectName("lessonNarration")
        big = QFont(self.font())
        big.setPointSizeF(self.font().pointSizeF() * NARRATION_SCALE)
        self.narration.setFont(big)
        self.citations = FlowText(page, fit=True)  # the step's sections, links to the reference
        self.citations.setObjectName("lessonCitations")
        self.request = FlowText(page, fit=True)
        self.request.setObjectName("lessonRequest")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.TypeWriter)
        self.request.setFont(mono)
        self.verdict = FlowText(page, fit=True)
        self.verdict.setObjectName("lessonVerdict")
        # the end of the lesson: what happened, and the way on
        self.summary = QFrame(page)
        self.summary.setObjectName("lessonSummary")
        self.summary.setFrameShape(QFrame.Shape.StyledPanel)
        self.summary_text = FlowText(self.summary, fit=True)
        self.summary_text.setObjectName("lessonSummaryText")
        self.next_lesson_button = QPushButton(self.summary)
        self.next_lesson_button.setObjectName("lessonNextLesson")
        summary_layout = QVBoxLayout(self.summary)
        summary_layout.setContentsMargins(6, 6, 6, 6)
        summary_layout.addWidget(self.summary_text)
        summary_layout.addWidget(self.next_lesson_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.summary.hide()

        rule = QFrame(page)
        rule.setFrameShape(QFrame.Shape.HLine)
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
            page_layout.addWidget(widget)
        page_layout.addStretch(1)
        self.setWidget(page)
        self.step_first = False
        # a longer step makes the page taller only after the layout runs: scroll again then
        self.verticalScrollBar().rangeChanged.connect(self._range_changed)

    def set_step_first(self, on: bool) -> None:
        self.step_first = on
        self._scroll()

    def _scroll(self) -> None:
        """To the step's line in ``step_first`` mode, else to the top."""
        page = self.widget()
        layout = page.layout() if page is not None else None
        if layout is not None:
            layout.activate()  # the texts just set have their heights, and the lines below them
        self.verticalScrollBar().setValue(self.progress.y() if self.step_first else 0)

    def _range_changed(self, _low: int, _high: int) -> None:
        if self.step_first:  # the layout has just run: no need to activate it again
            self.verticalScrollBar().setValue(self.progress.y())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self.step_first:
            self._scroll()

    def retranslate(self) -> None:
        self.next_lesson_button.setText(QCoreApplication.translate("LessonPlayer", "Next lesson"))

    def show_no_lesson(self, error: str) -> None:
        """No lesson to play: say so, with why (a lesson file that could not be read)."""
        self.title.setText(QCoreApplication.translate("LessonPlayer", "No lessons"))
        self.goal.set_plain(error)
        self.narration.set_plain("")
        self.citations.set_plain("")
        self.progress.setText("")
        self.request.set_plain("")
        self.verdict.set_plain("")
        self.summary.hide()

    def show_lesson(
        self,
        lesson: Lesson,
        run: LessonRun | None,
        *,
        language: str,
        error: str = "",
        detached: bool = False,
        following: Lesson | None = None,
    ) -> None:
        """Show ``lesson`` as ``run`` has played it (None: not started, or ``detached``).

        ``error`` is why the lesson file cannot be used; ``detached``: the window
        shows another sandbox now; ``following`` is the lesson the summary leads to.
        """
        title, goal = lesson.text(language)
        self.title.setText(title)
        self.goal.set_markdown(goal)
        total = len(lesson.steps)
        position = run.position if run is not None else 0
        last = run.results[-1] if run is not None and run.results else None
        cites: list[str] = []
        if error:
            self.progress.setText(
                QCoreApplication.translate("LessonPlayer", "This lesson file cannot be used")
            )
            self.narration.set_plain(error)
        elif detached:
            self.progress.setText(QCoreApplication.translate("LessonPlayer", "Lesson interrupted"))
            self.narration.set_plain(
                QCoreApplication.translate(
                    "LessonPlayer",
                    "The window now shows another sandbox. Press Restart to play this lesson again.",  # noqa: E501 - one literal for lupdate
                )
            )
        elif last is None:
            # self.tr: lupdate marks a plural only in tr() with a variable count
            self.progress.setText(self.tr("%n step(s)", "", total))
            self.narration.set_plain(
                QCoreApplication.translate("LessonPlayer", "Press Next to play the first step.")
            )
            cites = list(lesson.references)
        else:
            self.progress.setText(
                QCoreApplication.translate("LessonPlayer", "Step %1 of %2")
                .replace("%1", str(position))
                .replace("%2", str(total))
            )
            self.narration.set_markdown(last.step.narration.get(language))
            cites = list(last.step.cite)
        self._show_citations([lesson.cited(c) for c in cites], cites)
        if last is not None and not error:
            self._show_answer(last)
        else:
            self.request.set_plain("")
            self.verdict.set_plain("")
        at_end = run is not None and run.at_end
        self._show_summary(run if at_end else None, following, language)
        if self.step_first:
            self._scroll()

    def _show_answer(self, last: StepResult) -> None:
        """The request the step sent, what it got, and whether that is what the lesson expects."""
        self.request.set_plain(f"> {last.request_line()}\n< {last.outcome_line()}")
        if last.ok:
            self.verdict.set_plain(
                "✓ " + QCoreApplication.translate("LessonPlayer", "As the lesson expects")
            )
        else:
            lines = "; ".join(c.describe() for c in last.failures)
            disagrees = QCoreApplication.translate(
                "LessonPlayer", "The sandbox disagrees with the lesson:"
            )
            self.verdict.set_plain(f"✗ {disagrees} {lines}")
        colour = "color: #006d4f;" if last.ok else "color: #a0321a; font-weight: bold;"
        self.verdict.setStyleSheet(f"QTextBrowser {{ background: transparent; {colour} }}")

    def _show_citations(self, sections: list[tuple[str, str]], words: list[str]) -> None:
        """Each cited (reference, number) a link to its reference, shown as the lesson says it."""
        if not sections:
            self.citations.set_plain("")
            return
        links = " · ".join(
            f'<a href="{section_url(number, reference)}">{html.escape(said)}</a>'
            for (reference, number), said in zip(sections, words, strict=True)
        )
        label = html.escape(QCoreApplication.translate("LessonPlayer", "Reference:"))
        self.citations.setHtml(f"{label} {links}")

    def _show_summary(self, run: LessonRun | None, following: Lesson | None, language: str) -> None:
        """At the end of a lesson: the steps that held, what each request got, the way on."""
        if run is None:
            self.summary.hide()
            return
        results = run.results
        held = sum(1 for r in results if r.ok)
        head = (
            QCoreApplication.translate(
                "LessonPlayer", "Lesson complete: %1 of %2 steps as the lesson expects."
            )
            .replace("%1", str(held))
            .replace("%2", str(len(results)))
        )
        lines = [f"**{head}**", ""]
        for number, result in enumerate(results, 1):
            mark = "✓" if result.ok else "✗"
            lines.append(f"{number}. {mark} `{result.method} {result.path}` → {_outcome(result)}")
        self.summary_text.set_markdown("\n".join(lines))
        self.next_lesson_button.setVisible(following is not None)
        if following is not None:
            self.next_lesson_button.setToolTip(following.title.get(language))
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
