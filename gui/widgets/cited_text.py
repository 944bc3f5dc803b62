"""Citations ("§6.3", "intents §3.2 T5") shown as links wherever the app writes words.

:mod:`gui.words.citations` finds the citations and names their links
(``chargeable-ref:…``); the window's :class:`~gui.panes.reference.ReferenceLinks`
opens those links through :class:`QDesktopServices`. This module puts the links into
the two kinds of widget that show them:

- a :class:`QLabel` (a dialog's hint, a refusal's banner): rich text, links opened
  by the label itself (``setOpenExternalLinks``), the text still selectable;
- a :class:`QTextDocument` written with a :class:`QTextCursor` (the detail pane's
  Properties): each citation an anchor, the browser's ``anchorClicked`` opened by
  :func:`open_link`.

Tooltips and the status bar cannot hold links: their citations stay text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel

from gui.words.citations import LEGACY, citations, link_html, section_url


def cited_html(text: str, default: str = LEGACY) -> str:
    """Plain ``text`` (lines broken with "\\n") as rich text, each citation a link."""
    return link_html(text, default).replace("\n", "<br>")


def make_cited(label: QLabel) -> QLabel:
    """Let ``label`` show rich text whose links open the reference (and stay selectable)."""
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setOpenExternalLinks(True)
    # by mouse only: a link reachable by Tab would put every hint in a form's tab order
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
    )
    return label


def quiet(label: QLabel) -> QLabel:
    """A hint's quiet grey, without disabling the label (a disabled link cannot be clicked)."""
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


def set_cited(label: QLabel, text: str, default: str = LEGACY) -> None:
    """Show plain ``text`` in ``label``, each citation a link to its section.

    The plain text stays in the label's ``plainText`` property (for tests, copying).
    """
    make_cited(label)
    label.setProperty("plainText", text)
    label.setText(cited_html(text, default))


def plain_text(label: QLabel) -> str:
    """What :func:`set_cited` showed in ``label`` (else its text as it is)."""
    plain = label.property("plainText")
    return str(plain) if plain is not None else label.text()


def insert_cited(
    cursor: QTextCursor,
    text: str,
    fmt: QTextCharFormat,
    link_colour: QColor,
    default: str = LEGACY,
) -> None:
    """Insert ``text`` in ``fmt``, each citation an anchor (underlined, ``link_colour``)."""
    last = 0
    for match, document in citations(text, default):
        if match.start() > last:
            cursor.insertText(text[last : match.start()], fmt)
        link = QTextCharFormat(fmt)
        link.setAnchor(True)
        link.setAnchorHref(section_url(match.group(1), document))
        link.setForeground(link_colour)
        link.setFontUnderline(True)
        cursor.insertText(match.group(0), link)
        last = match.end()
    if last < len(text):
        cursor.insertText(text[last:], fmt)


def open_link(url: QUrl) -> None:
    """Open a link a browser reported (``anchorClicked``): a citation opens its reference."""
    QDesktopServices.openUrl(url)
