"""Every citation the app shows ("(§6.3)", "(intents §3.2 T5)") is a link that opens the
right reference at its section: the detail pane's Why box and property glosses, the
action bar's blocked line, the dialogs' hints and refusal banner, the compare view.

Which reference a citation means: "intents §…" the intents one (docs/reference-intents.md),
"stripe-domain §…" the legacy one (docs/reference.md); a bare "§…" the one of what it is
said about: the intents reference for a PaymentIntent, PaymentMethod or SetupIntent and
their dialogs, the legacy one for Sources, Tokens, Charges, customers; the error glosses
and the test cards' facts are written against the legacy reference wherever they are shown.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from helpers.window import CARD, charge, make_window, ok, populate, select
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QTextBrowser, QWidget

from gui.dialogs.generations import GenerationsDialog
from gui.dialogs.intent_steps import ConfirmIntentDialog
from gui.words.citations import INTENTS, LEGACY, reference_text, resolve, section_of, sections

pytestmark = pytest.mark.gui

RETURN_URL = ("return_url", "https://example.com/return")
TITLES = {doc: sections(reference_text(doc)) for doc in (LEGACY, INTENTS)}


class _Citations(HTMLParser):
    """Each "§" of some rich text: (its link's href or "", the words around it)."""

    def __init__(self) -> None:
        super().__init__()
        self.href = ""
        self.link_text = ""
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.href = dict(attrs).get("href") or ""
            self.link_text = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            if "§" in self.link_text:
                self.found.append((self.href, self.link_text))
            self.href = ""

    def handle_data(self, data: str) -> None:
        if self.href:
            self.link_text += data
        else:
            self.found += [("", m.group(0)) for m in re.finditer(r".{0,30}§\S*", data)]


def shown_citations(html: str) -> list[tuple[str, str]]:
    parser = _Citations()
    parser.feed(html)
    return parser.found


def rich_texts(widget: QWidget) -> list[tuple[str, str]]:
    """(objectName, rich text) of every visible label and browser in ``widget``."""
    found = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisible():
            continue
        if isinstance(child, QLabel) and "§" in child.text():
            found.append((child.objectName(), child.text()))
        elif isinstance(child, QTextBrowser) and "§" in child.toPlainText():
            found.append((child.objectName(), child.toHtml()))
    return found


def assert_linked(html: str, bare: str, where: str = "") -> list[str]:
    """Every "§" of ``html`` is inside a link to its section of the reference it means
    (``bare`` for a bare "§"); returns the links."""
    citations = shown_citations(html)
    assert citations, where
    hrefs = []
    for href, words in citations:
        assert href, f"{where}: {words!r} is not a link"
        document, section = section_of(href)
        words = " ".join(words.split())
        if words.startswith("intents"):
            expected = INTENTS
        elif words.startswith("stripe-domain"):
            expected = LEGACY
        else:
            expected = bare
        assert document == expected, f"{where}: {words!r} links to {href}"
        number = re.search(r"§\s?(\d+(?:\.\d+)*)", words)
        assert number is not None and section == number.group(1), (where, words, href)
        assert resolve(section, TITLES[document]), f"{where}: {href} has no section"
        hrefs.append(href)
    return hrefs


def _viewer_at(window: Any, document: str) -> str:
    links = window.reference_links
    viewer = links.intents_viewer if document == INTENTS else links.viewer
    assert viewer is not None and viewer.isVisible()
    return str(viewer.browser.textCursor().block().text())


def _click_link(browser: QTextBrowser, href: str) -> None:
    """A mouse click on the first anchor of ``browser`` whose href is ``href``."""
    document = browser.document()
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + 1)
                browser.ensureCursorVisible()
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                centre = browser.cursorRect(cursor).center()
                point = QPoint(centre.x(), centre.y())
                from PySide6.QtTest import QTest

                QTest.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
                QApplication.processEvents()
                return
            fragments += 1
        block = block.next()
    raise AssertionError(f"no anchor {href}")


def _pi(window: Any, card: str, *extra: tuple[str, str]) -> str:
    params = [("amount", "5000"), ("currency", "usd"), ("payment_method", card)]
    return str(ok(window.sandbox, "POST", "/v1/payment_intents", [*params, *extra])["id"])


def test_a_tokens_why_box_and_blocked_line_link_the_legacy_reference(
    qtbot: Any, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    ids = populate(window.sandbox)
    charge(window.sandbox, ids["token"])
    select(window, ids["token"])
    properties = window.detail_pane.properties
    assert "(§6.3, observed)" in properties.toPlainText()  # the Why box: §6.3 used up
    hrefs = assert_linked(properties.toHtml(), LEGACY, "token properties")
    assert hrefs.count("chargeable-ref:6.3") >= 2  # the Why box and the `used` gloss
    assert_linked(window.action_bar.reasons_label.link_html(), LEGACY, "token blocked line")
    # a click on the Why box's link opens the legacy reference at §6.3
    _click_link(properties, "chargeable-ref:6.3")
    assert _viewer_at(window, LEGACY) == "6.3 How a token is used up"
    assert window.reference_links.intents_viewer is None
    qtbot.addWidget(window.reference_links.viewer)


def test_a_card_sources_glosses_link_the_legacy_reference(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    source = ok(window.sandbox, "POST", "/v1/sources", CARD)["id"]
    select(window, source)
    hrefs = assert_linked(window.detail_pane.properties.toHtml(), LEGACY, "card source")
    assert {"chargeable-ref:3.2", "chargeable-ref:4"} <= set(hrefs)  # §3.2 at creation, §4


def test_a_payment_intent_in_requires_action_links_the_intents_reference(
    qtbot: Any, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    pi = _pi(window, "pm_card_authenticationRequired", ("confirm", "true"), RETURN_URL)
    assert window.sandbox.get(pi)["status"] == "requires_action"  # intents §3.2 T5
    select(window, pi)
    properties = window.detail_pane.properties
    text = " ".join(properties.toPlainText().split())
    assert "(§3.2 T5)" in text and "§3.2 T8" in text  # T8: its timeout, unverified
    # a bare § said of a PaymentIntent is the intents reference's
    hrefs = assert_linked(properties.toHtml(), INTENTS, "requires_action properties")
    assert set(hrefs) == {"chargeable-ref:intents/3.2"}
    # "Authorize: simulator-only … (intents §8.6)"
    blocked = assert_linked(window.action_bar.reasons_label.link_html(), INTENTS, "blocked line")
    assert "chargeable-ref:intents/8.6" in blocked
    _click_link(properties, "chargeable-ref:intents/3.2")
    assert _viewer_at(window, INTENTS) == "3.2 Transitions"
    assert window.reference_links.viewer is None  # not the legacy reference's §3.2
    qtbot.addWidget(window.reference_links.intents_viewer)
    # the terminal line, shared by every kind, links the reference of the one selected
    ok(window.sandbox, "POST", f"/v1/payment_intents/{pi}/cancel")
    select(window, pi)
    reasons = window.action_bar.reasons_label
    if "§3.1" in reasons.full_text():  # "{state} is terminal: nothing leaves it (§3.1)"
        assert "chargeable-ref:intents/3.1" in assert_linked(reasons.link_html(), INTENTS)


def test_the_compare_view_links_every_citation(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    window.commands.action("compare_generations").trigger()
    dialog = window.findChild(GenerationsDialog, "generationsDialog")
    assert dialog is not None
    # 4000 0000 0000 0341: attaches, every charge fails (§10, the legacy test cards)
    dialog.card_combo.setCurrentIndex(dialog.card_combo.findData("4000000000000341"))
    dialog.make_objects()
    for kind in ("token", "source", "payment_method"):
        dialog.pay(kind)
        dialog.pay(kind)  # refused: the token used, the source consumed, the PM used once
    dialog.attach("token")  # refused: attaching is a use too (§6.3)
    QApplication.processEvents()
    shown = rich_texts(dialog)
    names = {name for name, _html in shown}
    assert {"verdict", "outcomes", "cardOutcome"} <= names, names
    hrefs: list[str] = []
    for name, html in shown:
        hrefs += assert_linked(html, LEGACY, name)
    assert "chargeable-ref:6.3" in hrefs and "chargeable-ref:intents/4.4" in hrefs
    # each label opens its links itself (QDesktopServices, the reference's scheme)
    for label in dialog.findChildren(QLabel):
        if "href=" in label.text():
            assert label.openExternalLinks() and label.isEnabled(), label.objectName()
    QDesktopServices.openUrl(QUrl("chargeable-ref:intents/4.4"))
    assert _viewer_at(window, INTENTS) == "4.4 Attach, detach, reuse"
    qtbot.addWidget(window.reference_links.intents_viewer)


def test_an_intents_dialogs_hints_and_refusal_link_the_right_reference(
    qtbot: Any, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    pi = str(
        ok(
            window.sandbox, "POST", "/v1/payment_intents", [("amount", "5000"), ("currency", "usd")]
        )["id"]
    )
    dialog = ConfirmIntentDialog(window.host, window, intent_id=pi)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = dict(rich_texts(dialog))
    # "Confirming with another one replaces the intent's (§3.2 T2)": intents §3.2
    assert assert_linked(shown["hint:payment_method"], INTENTS) == ["chargeable-ref:intents/3.2"]
    assert assert_linked(shown["hint:off_session"], INTENTS) == [
        "chargeable-ref:intents/3.2",
        "chargeable-ref:intents/8.4",
    ]
    for name in ("hint:payment_method", "hint:off_session"):
        label = dialog.findChild(QLabel, name)
        assert label.openExternalLinks() and label.isEnabled()  # a disabled link is dead
        assert label.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByMouse
    # an inline error: "(a token is refused, §6.1)" is intents §6.1, what payment_method takes
    dialog.pm_combo.setEditText("tok_visa")
    error = dialog.findChild(QLabel, "error:payment_method")
    assert error.isVisible() and "§6.1" in dialog.error_text("payment_method")
    assert assert_linked(error.text(), INTENTS) == ["chargeable-ref:intents/6.1"]
    # Stripe refuses an off-session confirm of a card that needs authentication:
    # the banner's gloss cites intents §8.4
    dialog.pm_combo.setEditText("pm_card_authenticationRequired")
    dialog.off_session_check.setChecked(True)
    assert not dialog.submit()
    assert "authentication_required" in dialog.stripe_message()
    assert "intents §8.4" in dialog.stripe_message()  # the plain words, for tests and copying
    banner = dialog.error_banner.text()
    assert assert_linked(banner, INTENTS, "banner") == ["chargeable-ref:intents/8.4"]
    # an error gloss's bare § is the legacy reference's, even in an intents dialog
    dialog.show_stripe_error({"code": "amount_too_small", "message": "Amount too small"})
    assert assert_linked(dialog.error_banner.text(), LEGACY) == ["chargeable-ref:8.1"]
    QDesktopServices.openUrl(QUrl("chargeable-ref:intents/8.4"))
    assert _viewer_at(window, INTENTS) == "8.4 Off-session, card by card"
    qtbot.addWidget(window.reference_links.intents_viewer)
