"""docs/reference-intents.md is shipped and opened: every intents citation links to its section."""

from __future__ import annotations

import io
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from helpers.window import make_window
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication
from test_reference import ROOT, SHOWN, cited_by_the_app

from core.facts import intents
from core.lessons.loader import builtin_lessons
from core.lessons.schema import iter_sections
from gui.words.citations import (
    CITATION,
    INTENTS,
    LEGACY,
    cited_sections,
    link_html,
    link_markdown,
    link_rich_text,
    reference_text,
    section_of,
    section_url,
    sections,
)

#: an explicit "intents §3.2" / "stripe-intents-domain.md §6.1", in any source text
EXPLICIT = re.compile(r"(?:stripe-)?intents(?:-domain(?:\.md)?)?\s+§\s?(\d+(?:\.\d+)*)")


def _intents_citations() -> dict[str, set[str]]:
    """Every intents section cited: strings shown, explicit citations in any source or
    comment, the core's unverified notes, and the lessons of the intents reference."""
    found: dict[str, set[str]] = {}

    def add(number: str, where: str) -> None:
        found.setdefault(number, set()).add(where)

    for (document, number), where in cited_by_the_app().items():
        if document == INTENTS:
            for place in where:
                add(number, place)
    for path in SHOWN:
        for match in EXPLICIT.finditer(path.read_text(encoding="utf-8")):
            add(match.group(1), path.relative_to(ROOT).as_posix())
    for note in [*intents.UNVERIFIED.values(), *intents.NOT_MODELED.values()]:
        for match in CITATION.finditer(note):
            add(match.group(1), "core/facts/intents.py")
    for lesson in builtin_lessons():
        for section in iter_sections(lesson):
            document, number = lesson.cited(section)
            if document == INTENTS:
                add(number, lesson.name)
    return found


def _missing(cited: dict[str, set[str]], titles: dict[str, str]) -> dict[str, list[str]]:
    missing = {}
    for number, where in cited.items():
        parent = number.rpartition(".")[0]
        # "§13.2" is fact 2 of §13, a numbered list: it opens §13, which must exist
        if number not in titles and not (parent == "13" and parent in titles):
            missing[number] = sorted(where)
    return missing


def test_the_intents_reference_has_every_section_the_app_cites() -> None:
    titles = sections(reference_text(INTENTS))
    for number in map(str, range(15)):  # 0–14, as in stripe-intents-domain.md
        assert number in titles, number
    research = ROOT.parent / "shared" / "reference" / "stripe-intents-domain.md"
    if research.is_file():  # numbered exactly like the research reference
        theirs = set(re.findall(r"^#{2,3} (\d+(?:\.\d+)?)\.? ", research.read_text("utf-8"), re.M))
        assert set(titles) == theirs
    cited = _intents_citations()
    assert len(cited) >= 30
    for number in ("3.2", "3.3", "4.4", "6.1", "8.6", "9", "13"):  # §3.3 T7, §13.2 …
        assert number in cited
    assert _missing(cited, titles) == {}


def test_the_intents_reference_is_written_like_the_legacy_one() -> None:
    text = reference_text(INTENTS)
    titles = sections(text)
    assert titles["3.2"] == "Transitions"
    assert titles["4.4"] == "Attach, detach, reuse"
    assert titles["14"] == "What is unverified, and what the sandbox does"
    assert text.count("Sources:") >= 20 and "**unverified**" in text
    # the sandbox's choices for the unverified transitions and what it does not simulate
    for transition in intents.NOT_MODELED:  # T18, T21
        assert f"**{transition}**" in text
    assert "48 hours" in text and "NOT_MODELED" in text
    # shipped in the wheel beside the legacy reference
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    shipped = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert shipped["docs/reference-intents.md"] == "resources/reference-intents.md"


def test_intents_citations_become_intents_links() -> None:
    assert section_url("3.2", INTENTS) == "chargeable-ref:intents/3.2"
    assert section_url("6.3") == "chargeable-ref:6.3"  # the legacy links are unchanged
    assert section_of("chargeable-ref:intents/3.2") == (INTENTS, "3.2")
    assert section_of("chargeable-ref:6.3") == (LEGACY, "6.3")
    assert section_of("https://stripe.com") == ("", "")
    assert link_html("refused (intents §3.3 T7)") == (
        'refused (<a href="chargeable-ref:intents/3.3">intents §3.3</a> T7)'
    )
    # a bare § right after an intents citation shares its reference; later ones do not
    assert cited_sections("(unverified, intents §3.2 T11, §9 E11) and (§6.3)") == [
        (INTENTS, "3.2"),
        (INTENTS, "9"),
        (LEGACY, "6.3"),
    ]
    assert cited_sections("stripe-intents-domain.md §6.1") == [(INTENTS, "6.1")]
    # in an intents lesson (or the intents reference) a bare § is the intents reference's
    assert link_html("(§4.4)", INTENTS) == '(<a href="chargeable-ref:intents/4.4">§4.4</a>)'
    assert link_rich_text("<b>§4.4</b> stripe-domain §6.3", INTENTS) == (
        '<b><a href="chargeable-ref:intents/4.4">§4.4</a></b> '
        '<a href="chargeable-ref:6.3">stripe-domain §6.3</a>'
    )
    assert link_markdown("§4.4", INTENTS) == "[§4.4](chargeable-ref:intents/4.4)"


pytestmark = pytest.mark.gui


def test_an_intents_link_opens_the_intents_reference_at_its_section(
    qtbot: Any, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    links = window.reference_links
    QDesktopServices.openUrl(QUrl("chargeable-ref:intents/3.2"))
    viewer = links.intents_viewer
    assert viewer is not None and viewer.isVisible()
    qtbot.addWidget(viewer)
    assert links.viewer is None  # the legacy reference was not opened
    assert viewer.objectName() == "intentsReferenceViewer"
    assert viewer.windowTitle() == "PaymentIntents Reference"
    browser = viewer.browser
    block = browser.textCursor().block()
    assert block.text() == "3.2 Transitions"
    assert block.blockFormat().headingLevel() == 3
    top = browser.document().documentLayout().blockBoundingRect(block).top()
    assert browser.verticalScrollBar().value() == pytest.approx(top, abs=2)
    assert top > 1000
    assert "PaymentIntents reference" in browser.toPlainText()[:200]
    # the legacy §6.3 still opens docs/reference.md, in its own viewer
    QDesktopServices.openUrl(QUrl("chargeable-ref:6.3"))
    legacy = links.viewer
    assert legacy is not None and legacy is not viewer
    qtbot.addWidget(legacy)
    assert legacy.browser.textCursor().block().text() == "6.3 How a token is used up"
    assert viewer.current == "3.2"
    # a link inside the intents reference: its own bare § stays in it ...
    anchors = re.findall(r'href="(chargeable-ref:[^"]+)"', browser.toHtml())
    assert "chargeable-ref:intents/4.4" in anchors and "chargeable-ref:6.3" in anchors
    browser.anchorClicked.emit(QUrl("chargeable-ref:intents/9"))
    assert viewer.current == "9" and browser.textCursor().block().text() == "9. Errors"
    # ... and its "stripe-domain §6.3" opens the legacy one
    legacy.open_section("1")
    browser.anchorClicked.emit(QUrl("chargeable-ref:6.3"))
    QApplication.processEvents()
    assert legacy.current == "6.3"


def test_help_has_the_intents_reference(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    action = window.commands.action("reference_intents")
    assert action in window.menus["help"].actions()
    assert window.commands.action("reference") in window.menus["help"].actions()
    action.trigger()
    viewer = window.reference_links.intents_viewer
    qtbot.addWidget(viewer)
    assert viewer.isVisible()
    assert "## " not in viewer.browser.toPlainText()


def _play(window: Any, name: str, steps: int) -> Any:
    lesson = next(lesson for lesson in builtin_lessons() if lesson.name == name)
    window.show_lessons(True)
    window.lesson_player.load_lesson(lesson)
    for _ in range(steps):
        window.commands.action("lesson_next").trigger()
    return window.lesson_player.page.citations


def test_an_intents_lesson_links_its_bare_sections_to_the_intents_reference(
    qtbot: Any, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    # lesson 22, step 7: a PaymentMethod used once; "§4.4" is intents §4.4
    citations = _play(window, "22-three-generations-compared", 7)
    anchors = re.findall(r'href="(chargeable-ref:[^"]+)"', citations.toHtml())
    assert anchors == ["chargeable-ref:intents/4.4"]
    citations.anchorClicked.emit(QUrl(anchors[0]))
    QApplication.processEvents()
    viewer = window.reference_links.intents_viewer
    qtbot.addWidget(viewer)
    assert viewer.current == "4.4"
    assert viewer.browser.textCursor().block().text() == "4.4 Attach, detach, reuse"


def test_lesson_22_cites_the_legacy_token_rule_on_its_token_steps(
    qtbot: Any, tmp_path: Path
) -> None:
    lesson = next(lesson for lesson in builtin_lessons() if lesson.name.startswith("22-"))
    assert lesson.reference == INTENTS
    for step in lesson.steps[:3]:  # the Token: stripe-domain §6.3, not intents §4.4
        assert step.cite == ["stripe-domain §6.3"]
        assert lesson.cited(step.cite[0]) == (LEGACY, "6.3")
    window = make_window(qtbot, tmp_path)
    citations = _play(window, lesson.name, 1)
    assert re.findall(r'href="(chargeable-ref:[^"]+)"', citations.toHtml()) == [
        "chargeable-ref:6.3"
    ]
    assert "stripe-domain §6.3" in citations.toPlainText()


def test_the_lesson_command_line_names_the_intents_reference() -> None:
    from gui.cli.lesson import main

    out, err = io.StringIO(), io.StringIO()
    assert main(["run", "22-three-generations-compared"], out=out, err=err) == 0
    text = out.getvalue()
    assert "Reference: docs/reference-intents.md §4.4, §6.1, §13" in text
    assert "§4.4 Attach, detach, reuse: docs/reference-intents.md#44-attach-detach-reuse" in text
    assert "§6.3 How a token is used up: docs/reference.md#63-how-a-token-is-used-up" in text
    assert "§4 Source types" not in text  # the legacy §4 is not what "§4.4" means here
