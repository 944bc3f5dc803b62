"""Help ▸ Reference (objectName ``referenceViewer``): the facts the app cites, by section.

The text is ``docs/reference.md`` (in an installed wheel, ``resources/reference.md``),
rendered as Markdown, its own citations made links. :class:`ReferenceLinks`
registers the ``chargeable-ref:`` scheme with :class:`QDesktopServices`, so a
citation shown anywhere in the app ("(§6.3)" in a blocked reason, a dialog's
banner, the lesson panel) opens this viewer at that section.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication, QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from gui.words.citations import (
    SCHEME,
    link_markdown,
    reference_text,
    resolve,
    section_of,
    sections,
)


class ReferenceViewer(QDialog):
    """The reference in a non-modal window; :meth:`open_section` scrolls to a section.

    Attributes:
        browser: the :class:`QTextBrowser` showing it (``referenceText``).
        titles: section number → heading title.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referenceViewer")
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("referenceText")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        text = reference_text()
        self.titles = sections(text)
        if text:
            self.browser.setMarkdown(link_markdown(text))
        else:
            self.browser.setPlainText(self.tr("The reference (docs/reference.md) is missing."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.setWindowTitle(self.tr("Reference"))
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
        section = section_of(url.toString())
        if section:
            self.open_section(section)
        else:
            QDesktopServices.openUrl(url)


class ReferenceLinks(QObject):
    """Opens ``chargeable-ref:N.N`` links (from any widget) in one :class:`ReferenceViewer`.

    Signals: none; :attr:`viewer` is built on the first link.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._window = parent
        self.viewer: ReferenceViewer | None = None
        QDesktopServices.setUrlHandler(SCHEME, self, "open_url")  # type: ignore[arg-type]
        global _handler
        _handler = mine = id(self)
        self.destroyed.connect(lambda *_: _unset(mine))

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        self.open_section(section_of(url.toString()) or "0")

    def open_section(self, section: str = "") -> ReferenceViewer:
        if self.viewer is None:
            self.viewer = ReferenceViewer(self._window)
        if not section or not self.viewer.open_section(section):
            self.viewer.bring_up()
        return self.viewer


_handler = 0  # id() of the ReferenceLinks that holds the scheme (the newest window's)


def _unset(owner: int) -> None:
    global _handler
    if _handler == owner:
        QDesktopServices.unsetUrlHandler(SCHEME)
        _handler = 0
