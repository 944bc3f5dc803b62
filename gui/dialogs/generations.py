"""*Compare Three Generations*: one test card as a Token, a card Source and a PaymentMethod.

Three columns side by side, one per generation of Stripe's card objects. Each shows
the object's id, its reuse fields (a token's ``used``; a source's ``status`` and
``usage``; a PaymentMethod's ``customer``), a verdict at a glance (reusable, used up,
needs a customer, with the reference section), and *Pay once* / *Pay again* and
*Attach to a customer* buttons. After each attempt the column lists the answer:
accepted (the charge's or PaymentIntent's id and status) or refused in Stripe's own
words, with a *why* line (:mod:`gui.dialogs.generation_requests`).

Usage::

    dialog = GenerationsDialog(window.host, parent=window)   # non-modal
    dialog.show()
    dialog.make_objects()          # what "Make the three" does
    dialog.column("token").pay_button.click()
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontDatabase, QShowEvent, QTextDocumentFragment
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui.dialogs import _facts
from gui.dialogs import generation_words as words
from gui.dialogs.generation_requests import (
    AMOUNT,
    CREATE_PATHS,
    CURRENCY,
    DEFAULT_CARD,
    GENERATIONS,
    Attempt,
    Generation,
    ThreeGenerations,
)
from gui.sandbox_host import SandboxHost
from gui.words.citations import link_html, link_rich_text

COLUMN_WIDTH = 380  # three columns and their margins fit a 1280-pixel screen


def _label(parent: QWidget, name: str, rich: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
    )
    label.setOpenExternalLinks(True)  # a citation opens the reference at its section
    return label


class GenerationColumn(QFrame):
    """One generation's column (objectName ``generation_<kind>``).

    Attributes:
        title_label: the kind's name, large (objectName ``title``).
        id_label, fields_label, verdict_label, outcomes_label: what it shows
            (objectNames ``objectId``, ``reuseFields``, ``verdict``, ``outcomes``).
        pay_button, attach_button: ``payButton``, ``attachButton``.
    """

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName(f"generation_{kind}")
        self.setMinimumWidth(COLUMN_WIDTH)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title_label = _label(self, "title", rich=False)
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title_label.setFont(font)
        self.api_label = _label(self, "api")
        self.id_label = _label(self, "objectId", rich=False)
        self.id_label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.fields_label = _label(self, "reuseFields")
        self.verdict_label = _label(self, "verdict")
        self.pay_button = QPushButton(self)
        self.pay_button.setObjectName("payButton")
        self.attach_button = QPushButton(self)
        self.attach_button.setObjectName("attachButton")
        self.outcomes_label = _label(self, "outcomes")
        self.outcomes_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        buttons = QHBoxLayout()
        buttons.addWidget(self.pay_button)
        buttons.addWidget(self.attach_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.api_label)
        layout.addWidget(self.id_label)
        layout.addWidget(self.fields_label)
        layout.addWidget(self.verdict_label)
        layout.addLayout(buttons)
        layout.addWidget(self.outcomes_label)
        layout.addStretch(1)

    def outcome_texts(self) -> list[str]:
        """The outcomes as plain text, one per attempt (for tests and people reading logs)."""
        return [
            " ".join(QTextDocumentFragment.fromHtml(part).toPlainText().split())
            for part in self.outcomes_label.property("attempts") or []
        ]


class GenerationsDialog(QDialog):
    """The compare view (objectName ``generationsDialog``), non-modal.

    Attributes:
        generations: the :class:`ThreeGenerations` it drives (the objects and attempts).
        card_combo: the test card (objectName ``cardChoice``), 4242 4242 4242 4242 first.
        make_button: makes the three objects afresh (``makeButton``).
        columns: the :class:`GenerationColumn` of each kind.
    """

    def __init__(self, host: SandboxHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("generationsDialog")
        self.setModal(False)
        self._host = host
        self.generations = ThreeGenerations(host)

        self.intro = _label(self, "intro")
        self.card_label = QLabel(self)
        self.card_combo = QComboBox(self)
        self.card_combo.setObjectName("cardChoice")
        for card in _facts.TEST_CARDS:
            self.card_combo.addItem(_facts.card_title(card), card.number)
        self.card_combo.setCurrentIndex(max(0, self.card_combo.findData(DEFAULT_CARD)))
        self.card_label.setBuddy(self.card_combo)
        self.card_outcome = _label(self, "cardOutcome")
        self.make_button = QPushButton(self)
        self.make_button.setObjectName("makeButton")
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.make_objects)
        self.card_combo.currentIndexChanged.connect(self._show_card_outcome)

        card_row = QHBoxLayout()
        card_row.addWidget(self.card_label)
        card_row.addWidget(self.card_combo)
        card_row.addWidget(self.make_button)
        card_row.addStretch(1)

        self.columns = {kind: GenerationColumn(kind, self) for kind in GENERATIONS}
        self._row = row = QHBoxLayout()
        for kind, column in self.columns.items():
            row.addWidget(column, 1)
            column.pay_button.clicked.connect(lambda _c=False, k=kind: self.pay(k))
            column.attach_button.clicked.connect(lambda _c=False, k=kind: self.attach(k))
        inner = QWidget(self)
        inner.setLayout(row)
        inner.installEventFilter(self)  # its relayouts (a new text, a new font) may need room
        self._scroll = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(card_row)
        layout.addWidget(self.card_outcome)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)

        host.changed.connect(self.render)
        host.replaced.connect(self._on_replaced)
        self.retranslate()
        self.resize(3 * COLUMN_WIDTH + 80, 480)

    # -- what the buttons do ---------------------------------------------------

    def column(self, kind: str) -> GenerationColumn:
        return self.columns[kind]

    def make_objects(self) -> None:
        """A Token, a card Source and a PaymentMethod of the chosen test card."""
        self.generations.make(str(self.card_combo.currentData()))
        self.render()

    def pay(self, kind: str) -> Attempt | None:
        attempt = self.generations.pay(kind)
        self.render()
        return attempt

    def attach(self, kind: str) -> Attempt | None:
        attempt = self.generations.attach(kind)
        self.render()
        return attempt

    def _on_replaced(self, *_args: object) -> None:
        self.generations.reset()
        self.render()

    # -- words -----------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("One Card, Three Generations"))
        self.intro.setText(
            link_rich_text(
                html.escape(
                    self.tr(
                        "The same test card as a Token, a card Source and a PaymentMethod, "
                        "each paid for {amount} twice: which can be reused, which is "
                        "consumed, which needs a customer."
                    ).format(amount=_facts.format_amount(int(AMOUNT), CURRENCY))
                )
            )
        )
        self.card_label.setText(self.tr("&Test card:"))
        self.make_button.setText(self.tr("&Make the three objects"))
        titles = {
            "token": self.tr("Token"),
            "source": self.tr("Source (card)"),
            "payment_method": self.tr("PaymentMethod"),
        }
        apis = {
            "token": self.tr("Generation 1: the Tokens API"),
            "source": self.tr("Generation 2: the Sources API"),
            "payment_method": self.tr("Generation 3: PaymentMethods with PaymentIntents"),
        }
        for kind, column in self.columns.items():
            column.title_label.setText(titles[kind])
            column.api_label.setText(
                f"{html.escape(apis[kind])}<br>{words.code('POST ' + CREATE_PATHS[kind])}"
            )
        self._show_card_outcome()
        self.render()

    def _show_card_outcome(self) -> None:
        card = _facts.test_card_for(str(self.card_combo.currentData()))
        # "(§10)": the test cards' section of the legacy reference
        self.card_outcome.setText(link_html(_facts.card_outcome(card)) if card is not None else "")

    # -- showing the three -------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        self.render()  # a hidden dialog does not follow the sandbox
        super().showEvent(event)

    def render(self, *_args: object) -> None:
        """Every column from the sandbox's objects and the attempts made."""
        if not self.isVisible():
            return
        for kind, column in self.columns.items():
            self._render_column(column, self.generations.generations[kind])
        self._grow_to_fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible():
            self._grow_to_fit()
        return False

    def _grow_to_fit(self) -> None:
        """Taller when the columns' text needs it (up to the screen), so nothing scrolls."""
        inner = self._scroll.widget()
        frame = 2 * self._scroll.frameWidth()
        # measured as narrow as with a scroll bar: QScrollArea hides one only when the
        # text fits the viewport it has now
        bar = self._scroll.verticalScrollBar().sizeHint().width()
        width = self._scroll.width() - frame - bar
        for layout in (*(c.layout() for c in self.columns.values()), self._row):
            if layout is not None:
                layout.invalidate()  # a new text's height, not the one cached before it
        needed = inner.heightForWidth(width) if inner is not None else -1
        missing = needed - (self._scroll.height() - frame)
        screen = self.screen()
        if missing > 0 and screen is not None:
            room = screen.availableGeometry().height() - 60  # the title bar and a margin
            self.resize(self.width(), min(self.height() + missing, max(room, self.height())))

    def _render_column(self, column: GenerationColumn, generation: Generation) -> None:
        kind = generation.kind
        made = generation.object_id is not None
        obj = self.generations.get(generation.object_id)
        if made:
            column.id_label.setText(str(generation.object_id))
        elif generation.made is not None:
            column.id_label.setText(self.tr("Not made: Stripe refused it"))
        else:
            column.id_label.setText(self.tr("Not made yet: press Make the three objects"))
        reusable = self.generations.reusable_now(kind)
        column.fields_label.setText(words.fields_html(generation, obj) if made else "")
        column.verdict_label.setText(words.verdict_html(generation, obj, reusable) if made else "")
        column.pay_button.setEnabled(bool(obj))
        column.attach_button.setEnabled(bool(obj) and generation.customer is None)
        column.pay_button.setText(words.pay_text(generation))
        column.attach_button.setText(words.tr(words.ATTACH))
        attempts = list(generation.attempts)
        if generation.made is not None and not generation.made.accepted:
            attempts.insert(0, generation.made)
        parts = [words.outcome_html(kind, attempt) for attempt in attempts]
        column.outcomes_label.setProperty("attempts", parts)
        column.outcomes_label.setText("".join(f"<p>{p}</p>" for p in parts))
