"""*New PaymentMethod*: every type the sandbox models (stripe-intents-domain.md §4.2) with
its own fields, and optionally a customer to attach it to (§4.4).

Usage::

    dialog = NewPaymentMethodDialog(window.host, parent=window, customer_id=None)
    dialog.succeeded.connect(lambda pm: window.select(pm["id"]))
    dialog.open()

A card is a test card (number, outcome spelled out) or a ``pm_card_*`` alias (§8.2: each
use mints a new ``pm_``, so the alias is retrieved, or attached at once when a customer is
chosen). With a customer, the created PaymentMethod is then attached
(``POST /v1/payment_methods/{pm}/attach``): the preview shows both requests.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from gui.dialogs import _facts
from gui.dialogs._base import ApiRequest, RequestDialog, wrap
from gui.dialogs._intents import chosen_id, customer_problem, editable_combo, fill_customers
from gui.dialogs._widgets import CardPicker, ExpiryCvc
from gui.dialogs.new_source import EMAIL, IBAN
from gui.sandbox_host import SandboxHost
from gui.widgets.cited_text import quiet
from gui.words.citations import INTENTS

#: The rows each type shows, beside type, billing details and customer.
TYPE_FIELDS: dict[str, tuple[str, ...]] = {
    "card": ("alias", "card[number]", "card[exp_month]"),
    "sepa_debit": ("sepa_debit[iban]",),
    "ideal": ("ideal[bank]",),
    "bancontact": (),
    "us_bank_account": (
        "us_bank_account[routing_number]",
        "us_bank_account[account_number]",
        "us_bank_account[account_holder_type]",
    ),
}


class NewPaymentMethodDialog(RequestDialog):
    """Create a PaymentMethod (``POST /v1/payment_methods``), then attach it if asked.

    Fields: ``type``, ``alias`` (a ``pm_card_*`` alias instead of a number),
    ``card[number]``, ``card[exp_month]``, ``sepa_debit[iban]``, ``ideal[bank]``,
    ``us_bank_account[routing_number]``, ``us_bank_account[account_number]``,
    ``us_bank_account[account_holder_type]``, ``billing_details[name]``,
    ``billing_details[email]``, ``customer``.

    Signals: see :class:`RequestDialog` (``succeeded`` carries the last answer: the
    attached PaymentMethod when a customer was chosen).
    """

    reference = INTENTS  # a bare "§3.2" in its words is the intents reference's

    def __init__(
        self,
        host: SandboxHost,
        parent: QWidget | None = None,
        pm_type: str = "card",
        customer_id: str | None = None,
    ) -> None:
        super().__init__(host, parent)
        self.setObjectName("newPaymentMethodDialog")
        self.setWindowTitle(self.tr("New PaymentMethod"))
        self.ok_button.setText(self.tr("Create payment method"))
        self.setMinimumWidth(580)
        self._created: str | None = None  # a pm_ made by an earlier OK whose attach failed

        self.type_combo = QComboBox(self)
        for name in _facts.PM_TYPES:
            self.type_combo.addItem(name, name)  # Stripe identifiers: untranslated
        self.add_field("type", self.tr("Type"), self.type_combo)
        self.type_note = quiet(QLabel(self))
        self.type_note.setObjectName("typeNote")
        self.form.addRow("", self.type_note)

        self.alias_combo = QComboBox(self)
        self.alias_combo.addItem(self.tr("(none: send the card number below)"), "")
        for alias in _facts.CARD_ALIASES:
            self.alias_combo.addItem(alias, alias)
            self.alias_combo.setItemData(
                self.alias_combo.count() - 1, _facts.alias_outcome(alias), 3
            )  # Qt.ToolTipRole
        self.alias_combo.setMaxVisibleItems(16)
        self.add_field(
            "alias",
            self.tr("Test alias"),
            self.alias_combo,
            self.tr("Each use mints a new PaymentMethod (intents §8.2)."),
        )
        self.card_picker = CardPicker(self)
        self.add_field("card[number]", self.tr("Card"), self.card_picker)
        self.intent_outcome = QLabel(self)  # what a PaymentIntent does with it (§8.3)
        self.intent_outcome.setObjectName("intentOutcome")
        self._columns["card[number]"].insertWidget(1, self.intent_outcome)
        self.card_picker.changed.connect(self._card_changed)
        self.expiry = ExpiryCvc(self)
        self.add_field("card[exp_month]", self.tr("Expires"), self.expiry)

        self.iban_combo = editable_combo(self)
        for iban, outcome in _facts.pm_sepa_test_ibans():
            self.iban_combo.addItem(f"{iban} — {outcome}", iban)
        self.iban_combo.setEditText(_facts.pm_sepa_test_ibans()[0][0])
        self.add_field("sepa_debit[iban]", self.tr("IBAN"), self.iban_combo)
        self.bank_combo = QComboBox(self)
        self.bank_combo.addItem(self.tr("(customer chooses)"), "")
        for bank in _facts.IDEAL_BANKS:
            self.bank_combo.addItem(bank, bank)
        self.add_field("ideal[bank]", self.tr("Bank"), self.bank_combo)
        self.routing_edit = QLineEdit(_facts.US_BANK_ROUTING, self)
        self.add_field(
            "us_bank_account[routing_number]", self.tr("Routing number"), self.routing_edit
        )
        self.account_combo = editable_combo(self)
        for number, outcome in _facts.us_bank_test_accounts():
            self.account_combo.addItem(f"{number} — {outcome}", number)
        self.account_combo.setEditText(_facts.us_bank_test_accounts()[0][0])
        self.add_field(
            "us_bank_account[account_number]",
            self.tr("Account number"),
            self.account_combo,
            self.tr("Test numbers work with routing number 110000000 (intents §8.5)."),
        )
        self.holder_combo = QComboBox(self)
        self.holder_combo.addItem(self.tr("individual"), "individual")
        self.holder_combo.addItem(self.tr("company"), "company")
        self.add_field(
            "us_bank_account[account_holder_type]", self.tr("Holder type"), self.holder_combo
        )

        self.name_edit = QLineEdit("Jenny Rosen", self)
        self.add_field("billing_details[name]", self.tr("Name"), self.name_edit)
        self.email_edit = QLineEdit(self)
        self.email_edit.setPlaceholderText(self.tr("optional"))
        self.add_field("billing_details[email]", self.tr("Email"), self.email_edit)
        self.customer_combo = editable_combo(self, self.tr("none: leave it unattached"))
        fill_customers(self.customer_combo, self._sandbox, customer_id or "")
        self.add_field(
            "customer",
            self.tr("Attach to customer"),
            self.customer_combo,
            self.tr("Optional; unattached, it pays once (intents §4.4)."),
        )

        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self.alias_combo.currentIndexChanged.connect(self._type_changed)
        self._card_changed()
        self.set_pm_type(pm_type)

    def _card_changed(self) -> None:
        card = _facts.test_card_for(self.card_picker.number())
        self.intent_outcome.setText(_facts.intent_outcome(card) if card else "")

    # -- type switching ---------------------------------------------------

    def pm_type(self) -> str:
        return str(self.type_combo.currentData())

    def set_pm_type(self, pm_type: str) -> None:
        index = self.type_combo.findData(pm_type)
        if index < 0:
            raise ValueError(f"unknown payment method type {pm_type!r}")
        if index == self.type_combo.currentIndex():
            self._type_changed()
        else:
            self.type_combo.setCurrentIndex(index)

    def alias(self) -> str:
        return str(self.alias_combo.currentData() or "") if self.pm_type() == "card" else ""

    def _type_changed(self) -> None:
        pm_type, alias = self.pm_type(), self.alias()
        shown = set(TYPE_FIELDS[pm_type])
        if alias:  # an alias stands for the whole card
            shown -= {"card[number]", "card[exp_month]", "billing_details[name]"}
        else:
            shown.add("billing_details[name]")
        if pm_type == "sepa_debit":  # elsewhere no email row: the dialog fits 1280x800
            shown.add("billing_details[email]")
        for names in TYPE_FIELDS.values():
            for name in names:
                self.set_field_visible(name, name in shown)
        for name in ("billing_details[name]", "billing_details[email]"):
            self.set_field_visible(name, name in shown)
        self.set_cited(self.type_note, wrap(self._type_words(pm_type)))
        self.refresh()
        self.adjustSize()

    def _type_words(self, pm_type: str) -> str:
        currencies = _facts.type_currencies(pm_type)
        money = ", ".join(sorted(currencies)) if currencies else self.tr("any currency")
        words = {
            "card": self.tr("Synchronous; 3D Secure cards go to requires_action (intents §4.2)."),
            "sepa_debit": self.tr(
                "A bank debit: the PaymentIntent goes processing (intents §4.2)."
            ),
            "ideal": self.tr("Redirects the customer (next_action.redirect_to_url, intents §4.2)."),
            "bancontact": self.tr(
                "Redirects the customer (next_action.redirect_to_url, intents §4.2)."
            ),
            "us_bank_account": self.tr(
                "An ACH debit: the PaymentIntent goes processing (intents §8.5)."
            ),
        }[pm_type]
        manual = (
            self.tr("no manual capture")
            if pm_type in _facts.NO_MANUAL_CAPTURE
            else self.tr("manual capture supported")
        )
        return f"{words}\n{money} · {manual}"

    # -- values, validation, requests ----------------------------------------

    def customer_id(self) -> str:
        return chosen_id(self.customer_combo)

    def _first(self, combo: QComboBox) -> str:
        return combo.currentText().split("—")[0].strip()

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        pm_type = self.pm_type()
        if pm_type == "card" and not self.alias():
            if problem := self.card_picker.problem():
                errors["card[number]"] = problem
            if problem := self.expiry.problem():
                errors["card[exp_month]"] = problem
        elif pm_type == "sepa_debit":
            if not IBAN.match(self._first(self.iban_combo).replace(" ", "").upper()):
                errors["sepa_debit[iban]"] = self.tr(
                    "An IBAN is 2 letters, 2 digits, then 11 to 30 letters or digits."
                )
        elif pm_type == "us_bank_account":
            routing = self.routing_edit.text().strip()
            if not (routing.isdigit() and len(routing) == 9):
                errors["us_bank_account[routing_number]"] = self.tr(
                    "A US routing number has 9 digits."
                )
            account = self._first(self.account_combo)
            if not (account.isdigit() and 4 <= len(account) <= 17):
                errors["us_bank_account[account_number]"] = self.tr(
                    "An account number has 4 to 17 digits."
                )
        email = self.email_edit.text().strip()
        if email and self.field_visible("billing_details[email]") and not EMAIL.match(email):
            errors["billing_details[email]"] = self.tr("This is not an email address.")
        if problem := customer_problem(self.customer_id()):
            errors["customer"] = problem
        return errors

    def build_request(self) -> ApiRequest:
        alias, customer = self.alias(), self.customer_id()
        if self._created and customer:
            return self._attach(self._created)
        if alias:  # §8.2: retrieving (or attaching) an alias mints a new pm_
            if customer:
                return ApiRequest(
                    "POST", f"/v1/payment_methods/{alias}/attach", (("customer", customer),)
                )
            return ApiRequest("GET", f"/v1/payment_methods/{alias}", ())
        pm_type = self.pm_type()
        params: list[tuple[str, str]] = [("type", pm_type)]
        if pm_type == "card":
            params.append(("card[number]", self.card_picker.number()))
            params += self.expiry.params("card")
        elif pm_type == "sepa_debit":
            params.append(("sepa_debit[iban]", self._first(self.iban_combo).replace(" ", "")))
        elif pm_type == "ideal" and self.bank_combo.currentData():
            params.append(("ideal[bank]", str(self.bank_combo.currentData())))
        elif pm_type == "us_bank_account":
            params += [
                ("us_bank_account[routing_number]", self.routing_edit.text().strip()),
                ("us_bank_account[account_number]", self._first(self.account_combo)),
                ("us_bank_account[account_holder_type]", str(self.holder_combo.currentData())),
            ]
        for key, edit in (
            ("billing_details[name]", self.name_edit),
            ("billing_details[email]", self.email_edit),
        ):
            if edit.text().strip():
                params.append((key, edit.text().strip()))
        return ApiRequest("POST", "/v1/payment_methods", tuple(params))

    def _attach(self, pm_id: str) -> ApiRequest:
        return ApiRequest(
            "POST", f"/v1/payment_methods/{pm_id}/attach", (("customer", self.customer_id()),)
        )

    def preview_text(self) -> str:
        first = self.build_request()
        if not self.customer_id() or "/attach" in first.path:
            return first.as_text()
        then = self.tr("then (with the new id):")
        return f"{first.as_text()}\n{then}\n{self._attach('pm_…').as_text()}"

    def show_stripe_error(self, error: dict[str, Any]) -> None:
        super().show_stripe_error(error)
        if self._created:  # the create was accepted: say so, or OK looks like it did nothing
            made = self.tr("{id} was created, unattached; OK tries the attach again.").format(
                id=self._created
            )
            self.add_to_banner(made)

    def follow_up(self, body: dict[str, Any]) -> ApiRequest | None:
        pm_id = str(body.get("id", ""))
        if self.customer_id() and body.get("customer") is None and pm_id.startswith("pm_"):
            self._created = pm_id  # if the attach is refused, OK retries only the attach
            return self._attach(pm_id)
        self._created = None
        return None
