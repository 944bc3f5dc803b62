"""Help ▸ Reference and Help ▸ PaymentIntents Reference: the facts the app cites, by section.

Each reference has its own viewer: ``docs/reference.md`` (objectName
``referenceViewer``) and ``docs/reference-intents.md`` (``intentsReferenceViewer``;
in an installed wheel both are in ``resources/``), rendered as Markdown, their own
citations made links. :class:`ReferenceLinks` registers the ``chargeable-ref:`` scheme
with :class:`QDesktopServices`, so a citation shown anywhere in the app ("(§6.3)" in a
blocked reason, "(intents §3.3)" in a dialog's banner, the lesson panel) opens the
viewer of its reference at that section.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication, QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from gui.words.citations import (
    DOCUMENTS,
    INTENTS,
    LEGACY,
    SCHEME,
    link_markdown,
    reference_text,
    resolve,
    section_of,
    sections,
)


class ReferenceViewer(QDialog):
    """One reference in a non-modal window; :meth:`open_section` scrolls to a section.

    Attributes:
        document: which reference (``LEGACY`` or ``INTENTS``).
        browser: the :class:`QTextBrowser` showing it (``referenceText``).
        titles: section number → heading title.
    """

    def __init__(self, parent: QWidget | None = None, document: str = LEGACY) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName("referenceViewer" if document == LEGACY else "intentsReferenceViewer")
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("referenceText")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        text = reference_text(document)
        self.titles = sections(text)
        if text:  # a bare "§4.4" in a reference is one of its own sections
            self.browser.setMarkdown(link_markdown(text, default=document))
        else:
            missing = self.tr("The reference (%1) is missing.")
            self.browser.setPlainText(missing.replace("%1", f"docs/{DOCUMENTS[document]}"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        if document == LEGACY:
            self.setWindowTitle(self.tr("Reference"))
        else:
            self.setWindowTitle(self.tr("PaymentIntents Reference"))
        self.resize(720, 640)

    def open_section(self, section: str) -> bool:
        """Show the heading of ``section`` ("6.3", or "6" for a whole section) at the top."""
        section = resolve(section, self.titles)  # §5.1 rule 2 → 5.1; §12.5 → 12
        if not section:
            return False
        heading = f"{section} {self.titles[section]}"
        if "." not in section:
            heading = f"{section}. {self.titles[section]}"
        document = self.browser.document()
        cursor = document.find(heading, 0, QTextDocument.FindFlag.FindCaseSensitively)
        while not cursor.isNull() and cursor.block().blockFormat().headingLevel() == 0:
            cursor = document.find(heading, cursor, QTextDocument.FindFlag.FindCaseSensitively)
        if cursor.isNull():
            return False
        self.bring_up()
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        self.browser.setTextCursor(cursor)
        top = document.documentLayout().blockBoundingRect(cursor.block()).top()
        self.browser.verticalScrollBar().setValue(int(top))  # the heading at the top
        self.current = section
        return True

    def bring_up(self) -> None:
        """Show the viewer in front (offscreen rendering has no stacking to change)."""
        self.show()
        if QGuiApplication.platformName() != "offscreen":
            self.raise_()

    #: the section shown last ("" before the first)
    current = ""

    def _link(self, url: QUrl) -> None:
        document, section = section_of(url.toString())
        if document == self.document and section:
            self.open_section(section)
        else:  # the other reference's viewer (through the scheme's handler), or a web page
            QDesktopServices.openUrl(url)


class ReferenceLinks(QObject):
    """Opens ``chargeable-ref:`` links (from any widget) in one viewer per reference.

    Signals: none; a reference's viewer is built on its first link (:attr:`viewers`).
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._window = parent
        self.viewers: dict[str, ReferenceViewer] = {}
        QDesktopServices.setUrlHandler(SCHEME, self, "open_url")  # type: ignore[arg-type]
        global _handler
        _handler = mine = id(self)
        self.destroyed.connect(lambda *_: _unset(mine))

    @property
    def viewer(self) -> ReferenceViewer | None:
        """The legacy reference's viewer (``None`` before its first link)."""
        return self.viewers.get(LEGACY)

    @property
    def intents_viewer(self) -> ReferenceViewer | None:
        """The intents reference's viewer (``None`` before its first link)."""
        return self.viewers.get(INTENTS)

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        document, section = section_of(url.toString())
        self.open_section(section or "0", document or LEGACY)

    def open_section(self, section: str = "", document: str = LEGACY) -> ReferenceViewer:
        viewer = self.viewers.get(document)
        if viewer is None:
            viewer = self.viewers[document] = ReferenceViewer(self._window, document)
        if not section or not viewer.open_section(section):
            viewer.bring_up()
        return viewer


_handler = 0  # id() of the ReferenceLinks that holds the scheme (the newest window's)


def _unset(owner: int) -> None:
    global _handler
    if _handler == owner:
        QDesktopServices.unsetUrlHandler(SCHEME)
        _handler = 0
