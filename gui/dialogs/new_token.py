"""*New Token*: a card token (any test card, outcome spelled out, or a typed number),
a bank-account token (the ACH test numbers) or a pii token.

Usage::

    dialog = NewTokenDialog(window.host, parent=window)      # kind="card" | "bank_account" | "pii"
    dialog.succeeded.connect(lambda token: window.select(token["id"]))
    dialog.open()
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from gui.dialogs import _facts
from gui.dialogs._base import ApiRequest, RequestDialog, wrap
from gui.dialogs._widgets import CardPicker, ExpiryCvc
from gui.sandbox_host import SandboxHost

KINDS = ("card", "bank_account", "pii")


class NewTokenDialog(RequestDialog):
    """Create a Token (``POST /v1/tokens``).

    Fields: ``kind`` (card / bank_account / pii), then ``card[number]``,
    ``card[exp_month]``, ``card[name]``; or ``bank_account[country]``,
    ``bank_account[currency]``, ``bank_account[account_holder_name]``,
    ``bank_account[account_holder_type]``, ``bank_account[routing_number]``,
    ``bank_account[account_number]``; or ``pii[id_number]``.

    Signals: see :class:`RequestDialog`.
    """

    def __init__(
        self, host: SandboxHost, parent: QWidget | None = None, kind: str = "card"
    ) -> None:
        super().__init__(host, parent)
        self.setObjectName("newTokenDialog")
        self.setWindowTitle(self.tr("New Token"))
        self.ok_button.setText(self.tr("Create token"))
        self.setMinimumWidth(540)

        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("Card"), "card")
        self.kind_combo.addItem(self.tr("Bank account"), "bank_account")
        self.kind_combo.addItem(self.tr("PII (personal id number)"), "pii")
        self.add_field("kind", self.tr("Kind"), self.kind_combo)
        self.kind_note = QLabel(self)
        self.kind_note.setObjectName("kindNote")
        self.kind_note.setEnabled(False)
        self.form.addRow("", self.kind_note)

        self.card_picker = CardPicker(self)
        self.add_field("card[number]", self.tr("Card"), self.card_picker)
        self.expiry = ExpiryCvc(self)
        self.add_field("card[exp_month]", self.tr("Expires"), self.expiry)
        self.card_name = QLineEdit(self)
        self.card_name.setPlaceholderText(self.tr("optional"))
        self.add_field("card[name]", self.tr("Name on card"), self.card_name)

        self.ba_country = QLineEdit("US", self)
        self.ba_country.setMaxLength(2)
        self.add_field("bank_account[country]", self.tr("Country"), self.ba_country)
        self.ba_currency = QLineEdit("usd", self)
        self.ba_currency.setMaxLength(3)
        self.add_field("bank_account[currency]", self.tr("Currency"), self.ba_currency)
        self.ba_holder = QLineEdit("Jenny Rosen", self)
        self.add_field(
            "bank_account[account_holder_name]", self.tr("Account holder"), self.ba_holder
        )
        self.ba_type = QComboBox(self)
        self.ba_type.addItem(self.tr("individual"), "individual")
        self.ba_type.addItem(self.tr("company"), "company")
        self.add_field("bank_account[account_holder_type]", self.tr("Holder type"), self.ba_type)
        self.ba_routing = QLineEdit(_facts.ACH_TEST_ROUTING, self)
        self.add_field("bank_account[routing_number]", self.tr("Routing number"), self.ba_routing)
        self.ba_account = QComboBox(self)
        self.ba_account.setEditable(True)
        for number, outcome in _facts.ach_test_accounts():
            self.ba_account.addItem(f"{number} — {outcome}", number)
        self.ba_account.setEditText(_facts.ach_test_accounts()[0][0])
        self.ba_account.activated.connect(
            lambda i: self.ba_account.setEditText(str(self.ba_account.itemData(i)))
        )
        self.add_field(
            "bank_account[account_number]",
            self.tr("Account number"),
            self.ba_account,
            self.tr("Test numbers work with routing number 110000000."),
        )

        self.pii_number = QLineEdit("000000000", self)
        self.add_field(
            "pii[id_number]",
            self.tr("ID number"),
            self.pii_number,
            self.tr("A PII token replaces an id_number in Account or Person updates, once only."),
        )

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.set_kind(kind)

    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def set_kind(self, kind: str) -> None:
        index = self.kind_combo.findData(kind)
        if index < 0:
            raise ValueError(f"unknown token kind {kind!r}")
        if index == self.kind_combo.currentIndex():
            self._kind_changed()
        else:
            self.kind_combo.setCurrentIndex(index)

    def _kind_changed(self) -> None:
        kind = self.kind()
        for name in self._fields:
            if name == "kind":
                continue
            self.set_field_visible(name, name.startswith(kind + "["))
        note = {
            "card": self.tr(
                "A token is used once: by a charge or by attaching it to a "
                "customer (then the customer's card_… id is what you charge)."
            ),
            "bank_account": self.tr(
                "Bank-account tokens are attached to a customer "
                "(source=btok_…), then verified with microdeposits."
            ),
            "pii": self.tr("PII tokens carry a personal id number for Connect accounts."),
        }[kind]
        self.kind_note.setText(wrap(note))
        self.refresh()
        self.adjustSize()

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        kind = self.kind()
        if kind == "card":
            if problem := self.card_picker.problem():
                errors["card[number]"] = problem
            if problem := self.expiry.problem():
                errors["card[exp_month]"] = problem
        elif kind == "bank_account":
            country = self.ba_country.text().strip()
            if len(country) != 2 or not country.isalpha():
                errors["bank_account[country]"] = self.tr("Two letters, e.g. US.")
            currency = self.ba_currency.text().strip().lower()
            if currency not in _facts.CURRENCIES:
                errors["bank_account[currency]"] = self.tr(
                    "A three-letter currency the sandbox knows, e.g. usd."
                )
            if not self.ba_holder.text().strip():
                errors["bank_account[account_holder_name]"] = self.tr(
                    "The account holder's name is needed."
                )
            routing = self.ba_routing.text().strip()
            if not (routing.isdigit() and len(routing) == 9):
                errors["bank_account[routing_number]"] = self.tr(
                    "A US routing number has 9 digits."
                )
            account = self._account_number()
            if not (account.isdigit() and 4 <= len(account) <= 17):
                errors["bank_account[account_number]"] = self.tr(
                    "An account number has 4 to 17 digits."
                )
        elif not self.pii_number.text().strip():
            errors["pii[id_number]"] = self.tr("Type an id number (000000000 in test mode).")
        return errors

    def _account_number(self) -> str:
        return self.ba_account.currentText().split("—")[0].strip()

    def build_request(self) -> ApiRequest:
        kind = self.kind()
        params: list[tuple[str, str]] = []
        if kind == "card":
            params.append(("card[number]", self.card_picker.number()))
            params += self.expiry.params("card")
            if self.card_name.text().strip():
                params.append(("card[name]", self.card_name.text().strip()))
        elif kind == "bank_account":
            params += [
                ("bank_account[country]", self.ba_country.text().strip().upper()),
                ("bank_account[currency]", self.ba_currency.text().strip().lower()),
                ("bank_account[account_holder_name]", self.ba_holder.text().strip()),
                ("bank_account[account_holder_type]", str(self.ba_type.currentData())),
                ("bank_account[routing_number]", self.ba_routing.text().strip()),
                ("bank_account[account_number]", self._account_number()),
            ]
        else:
            params.append(("pii[id_number]", self.pii_number.text().strip()))
        return ApiRequest("POST", "/v1/tokens", tuple(params))
