"""Small input widgets the dialogs share: a test-card picker and an expiry/CVC row."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from gui.dialogs import _facts
from gui.dialogs._base import wrap
from gui.widgets.cited_text import plain_text, set_cited
from gui.words.citations import LEGACY

OTHER = "__other__"


class CardPicker(QWidget):
    """Every test card with its outcome, or a typed number.

    Attributes:
        combo: the test cards (objectName ``cardChoice``); the last entry is
            "Type a number…".
        number_edit: the typed number, shown only for that entry
            (objectName ``cardNumberEdit``).
        outcome: the chosen card's outcome in words (objectName ``cardOutcome``).

    Signals:
        changed(): the number changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.setObjectName("cardChoice")
        for card in _facts.TEST_CARDS:
            self.combo.addItem(_facts.card_title(card), card.number)
            self.combo.setItemData(
                self.combo.count() - 1, _facts.card_outcome(card), role=3
            )  # Qt.ToolTipRole: a tooltip cannot hold links, its "(§10)" stays text
        self.combo.addItem(self.tr("Type a number…"), OTHER)
        self.combo.setMaxVisibleItems(16)
        self.number_edit = QLineEdit(self)
        self.number_edit.setObjectName("cardNumberEdit")
        self.number_edit.setPlaceholderText(self.tr("Card number, digits only"))
        self.number_edit.setInputMask("")
        self.number_edit.setMaxLength(23)
        self.number_edit.hide()
        self.outcome = QLabel(self)
        self.outcome.setObjectName("cardOutcome")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.combo)
        layout.addWidget(self.number_edit)
        layout.addWidget(self.outcome)
        self.combo.currentIndexChanged.connect(self._sync)
        self.number_edit.textChanged.connect(self._sync)
        self._sync()

    def typing(self) -> bool:
        return self.combo.currentData() == OTHER

    def number(self) -> str:
        """The card number that will be sent (digits, spaces removed)."""
        if self.typing():
            return _facts.normalize_number(self.number_edit.text())
        return str(self.combo.currentData())

    def set_number(self, number: str) -> None:
        """Choose the test card with ``number``, or type it when it is not one."""
        index = self.combo.findData(_facts.normalize_number(number))
        if index >= 0:
            self.combo.setCurrentIndex(index)
        else:
            self.combo.setCurrentIndex(self.combo.findData(OTHER))
            self.number_edit.setText(number)

    def outcome_text(self) -> str:
        """The outcome shown under the picker, on one line."""
        return " ".join(plain_text(self.outcome).split())

    def problem(self) -> str:
        """Why the typed number cannot be sent (empty when it can)."""
        number = self.number()
        if not self.typing():
            return ""
        if not number:
            return self.tr("Type a card number or pick a test card.")
        if not number.isdigit():
            return self.tr("A card number has digits only.")
        if not 12 <= len(number) <= 19:
            return self.tr("A card number has 12 to 19 digits.")
        return ""

    def _sync(self) -> None:
        self.number_edit.setVisible(self.typing())
        number = self.number()
        card = _facts.test_card_for(number)
        if card is not None:
            text = _facts.card_outcome(card)
        elif not number or self.problem():
            text = ""
        elif not _facts.luhn_ok(number):
            text = self.tr("Fails the Luhn check: Stripe answers incorrect_number.")
        else:
            text = self.tr(
                "Not a test card: in test mode Stripe declines it (test_mode_live_card). "
                "Never type a real card number."
            )
        # the test cards' facts cite the legacy reference's §10, in any dialog
        set_cited(self.outcome, wrap(text, 64), LEGACY)
        self.changed.emit()


class ExpiryCvc(QWidget):
    """``MM`` / ``YYYY`` and CVC, pre-filled with a future date as the reference advises (§10)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        year = datetime.date.today().year + 3
        self.month = QLineEdit("12", self)
        self.month.setObjectName("expMonth")
        self.month.setMaxLength(2)
        self.month.setFixedWidth(self.month.fontMetrics().horizontalAdvance("000") + 16)
        self.year = QLineEdit(str(year), self)
        self.year.setObjectName("expYear")
        self.year.setMaxLength(4)
        self.year.setFixedWidth(self.year.fontMetrics().horizontalAdvance("00000") + 16)
        self.cvc = QLineEdit("123", self)
        self.cvc.setObjectName("cvc")
        self.cvc.setMaxLength(4)
        self.cvc.setFixedWidth(self.cvc.fontMetrics().horizontalAdvance("00000") + 16)
        self.cvc.setPlaceholderText(self.tr("none"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.month)
        row.addWidget(QLabel("/", self))
        row.addWidget(self.year)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("CVC"), self))
        row.addWidget(self.cvc)
        row.addStretch(1)
        for edit in (self.month, self.year, self.cvc):
            edit.textChanged.connect(self.changed)

    def problem(self) -> str:
        month, year, cvc = self.month.text().strip(), self.year.text().strip(), self.cvc.text()
        if not month.isdigit() or not 1 <= int(month) <= 12:
            return self.tr("The expiry month is 1 to 12.")
        if not year.isdigit() or len(year) not in (2, 4):
            return self.tr("The expiry year has 2 or 4 digits.")
        if cvc and (not cvc.isdigit() or len(cvc) not in (3, 4)):
            return self.tr("A CVC has 3 or 4 digits (or leave it empty to send none).")
        return ""

    def params(self, prefix: str) -> list[tuple[str, str]]:
        out = [
            (f"{prefix}[exp_month]", self.month.text().strip()),
            (f"{prefix}[exp_year]", self.year.text().strip()),
        ]
        if self.cvc.text():
            out.append((f"{prefix}[cvc]", self.cvc.text()))
        return out


def amount_problems(amount_text: str, currency: str) -> dict[str, str]:
    """What is wrong with an amount and currency a dialog will charge (``{}`` if nothing):
    a currency the sandbox knows, a whole number in the smallest unit, Stripe's minimum
    charge and at most 8 digits."""
    errors: dict[str, str] = {}
    if currency not in _facts.CURRENCIES:
        errors["currency"] = QCoreApplication.translate(
            "AmountFields", "A three-letter currency the sandbox knows, e.g. usd."
        )
    text = amount_text.strip()
    if not text.isdigit():
        errors["amount"] = QCoreApplication.translate(
            "AmountFields", "Whole number in the smallest unit (1099 means 10.99)."
        )
    elif currency in _facts.CURRENCIES:
        low = _facts.min_charge(currency)
        if int(text) < low:
            errors["amount"] = QCoreApplication.translate(
                "AmountFields", "Stripe's minimum charge is {min} {currency}."
            ).format(min=_facts.format_amount(low, currency), currency=currency)
        elif int(text) > _facts.MAX_AMOUNT:
            errors["amount"] = QCoreApplication.translate("AmountFields", "At most 8 digits.")
    return errors
