"""docs/reference.md is shipped and opened: every citation in the app is a link to its section."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
from helpers.window import charge, make_window, populate, select
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from gui.words.citations import (
    INTENTS,
    LEGACY,
    citations,
    github_anchor,
    link_html,
    link_markdown,
    link_rich_text,
    reference_text,
    resolve,
    sections,
)

ROOT = Path(__file__).resolve().parents[2]
#: what the app shows a user: the core's and the GUI's words, and the lessons
SHOWN = [
    *ROOT.glob("core/**/*.py"),
    *ROOT.glob("gui/**/*.py"),
    *ROOT.glob("resources/lessons/*.json"),
]


def _shown_strings(path: Path) -> list[str]:
    """The strings a user can see: string literals, not docstrings or comments."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return [text]
    tree = ast.parse(text)
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


#: Strings about PaymentIntents and their kin cite the PaymentIntents reference
#: (docs/reference-intents.md) with a bare "§N" too; tests/gui/test_reference_intents.py
#: checks those, this file the legacy reference's.
INTENTS_WORDS = re.compile(r"PaymentIntent|PaymentMethod|SetupIntent|payment_method|pm_|intent")


def intents_context(path: Path, text: str) -> bool:
    """Whether a bare "§N" in ``text`` (shown by ``path``) means the intents reference."""
    if path.suffix == ".json":
        return '"reference": "intents"' in text
    return (
        "intent" in path.name or "payment_method" in path.name or bool(INTENTS_WORDS.search(text))
    )


def cited_by_the_app() -> dict[tuple[str, str], set[str]]:
    """Every (reference, section) a string the app shows cites, and the files citing it."""
    found: dict[tuple[str, str], set[str]] = {}
    for path in SHOWN:
        for text in _shown_strings(path):
            default = INTENTS if intents_context(path, text) else LEGACY
            for match, document in citations(text, default):
                where = path.relative_to(ROOT).as_posix()
                found.setdefault((document, match.group(1)), set()).add(where)
    return found


def _citations() -> dict[str, set[str]]:
    return {number: where for (doc, number), where in cited_by_the_app().items() if doc == LEGACY}


def test_the_reference_has_every_section_the_app_cites() -> None:
    titles = sections(reference_text())
    assert len(titles) >= 35  # 0–14 and their subsections, as in the research reference
    cited = _citations()
    assert len(cited) >= 25
    missing = {}
    for number, where in cited.items():
        if number in titles:
            continue
        parent = number.rpartition(".")[0]
        # "§12.5" is fact 5 of §12, "§5.1 rule 2" is parsed as 5.1: the parent must exist
        if not (parent == "12" and parent in titles):
            missing[number] = sorted(where)
    assert missing == {}, missing


def test_sections_are_numbered_like_the_research_reference() -> None:
    titles = sections(reference_text())
    for number, title in {
        "3.4": "Expiry timers",
        "5.1": "Rules",
        "5.2": "Errors",
        "6.3": "How a token is used up",
        "7.1": '"No such token: src_…"',
        "8.1": "What a charge request charges",
        "13": "What is unverified, and what the sandbox does",
    }.items():
        assert titles[number] == title
    text = reference_text()
    # says where its facts come from
    assert text.count("Sources:") >= 20 and "[obs stripe/stripe-java#550" in text


def test_citations_become_links() -> None:
    assert resolve("§5.1 rule 2", {"5": "", "5.1": ""}) == "5.1"
    assert resolve("§12.5", {"12": ""}) == "12"
    assert (
        link_html("blocked (§6.3) <now>")
        == 'blocked (<a href="chargeable-ref:6.3">§6.3</a>) &lt;now&gt;'
    )
    assert link_rich_text("<b>x</b> (stripe-domain §3.1)") == (
        '<b>x</b> (<a href="chargeable-ref:3.1">stripe-domain §3.1</a>)'
    )
    assert link_rich_text('<a href="x">§2</a>') == '<a href="x">§2</a>'  # no link in a link
    assert link_markdown("`§6.3` and §6.3") == "`§6.3` and [§6.3](chargeable-ref:6.3)"
    titles = sections(reference_text())
    assert github_anchor("§6.3", titles) == "63-how-a-token-is-used-up"
    assert github_anchor("§8.2", titles) == "82-the-charges-status"


pytestmark = pytest.mark.gui


def test_a_citation_link_opens_the_reference_at_its_section(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    assert window.reference_links.viewer is None  # built on the first link
    QDesktopServices.openUrl(QUrl("chargeable-ref:6.3"))
    viewer = window.reference_links.viewer
    assert viewer is not None and viewer.isVisible()
    qtbot.addWidget(viewer)
    browser = viewer.browser
    block = browser.textCursor().block()
    assert block.text() == "6.3 How a token is used up"
    assert block.blockFormat().headingLevel() == 3
    # the heading is at the top of the view, not merely somewhere on screen
    top = browser.document().documentLayout().blockBoundingRect(block).top()
    assert browser.verticalScrollBar().value() == pytest.approx(top, abs=2)
    assert top > 1000
    QDesktopServices.openUrl(QUrl("chargeable-ref:12.5"))  # fact 5 of §12
    assert viewer.current == "12"
    assert browser.textCursor().block().text() == "12. Ten facts that surprise people"
    # links inside the reference open their section in the same viewer
    QDesktopServices.openUrl(QUrl("chargeable-ref:3.4"))
    assert browser.textCursor().block().text() == "3.4 Expiry timers"


def test_help_reference_opens_the_viewer(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    action = window.commands.action("reference")
    assert action in window.menus["help"].actions()
    action.trigger()
    viewer = window.reference_links.viewer
    qtbot.addWidget(viewer)
    assert viewer.isVisible()
    assert "Chargeable reference" in viewer.browser.toPlainText()[:200]
    # a rendered document: headings, not Markdown marks
    assert "## " not in viewer.browser.toPlainText()


def test_blocked_reasons_and_the_lesson_panel_link_their_sections(
    qtbot: Any, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    ids = populate(window.sandbox)
    charge(window.sandbox, ids["token"])
    select(window, ids["token"])
    reasons = window.action_bar.reasons_label
    assert "(§6.3)" in reasons.full_text()
    assert '<a href="chargeable-ref:6.3">§6.3</a>' in reasons.link_html()
    # a click on the blocked line's painted "§6.3" opens the reference there
    centre, href = reasons.link_rect(0)
    assert href == "chargeable-ref:6.3" and reasons.href_at(centre) == href
    assert reasons.href_at(centre + QPoint(0, reasons.height())) == ""  # below it: none
    qtbot.mouseClick(reasons, Qt.MouseButton.LeftButton, pos=centre)
    QApplication.processEvents()
    opened = window.reference_links.viewer
    assert opened is not None and opened.current == "6.3"
    qtbot.addWidget(opened)
    # the lesson panel: the step's sections, each a link
    window.show_lessons(True)
    window.commands.action("lesson_next").trigger()
    citations = window.lesson_player.page.citations
    anchors = re.findall(r'href="(chargeable-ref:[^"]+)"', citations.toHtml())
    assert anchors == ["chargeable-ref:6.1", "chargeable-ref:10"]
    citations.anchorClicked.emit(QUrl(anchors[0]))  # what a click on the link does
    QApplication.processEvents()
    viewer = window.reference_links.viewer
    assert viewer is opened  # the same viewer, moved to the lesson's section
    assert viewer.current == "6.1"


def test_the_lesson_command_line_says_where_its_sections_are() -> None:
    import io

    from gui.cli.lesson import main

    out, err = io.StringIO(), io.StringIO()
    assert main(["run", "01-token-charged-twice"], out=out, err=err) == 0
    text = out.getvalue()
    assert "docs/reference.md §6.1, §6.3, §5.2, §10" in text
    assert "§6.3 How a token is used up: docs/reference.md#63-how-a-token-is-used-up" in text
