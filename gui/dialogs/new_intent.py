"""*New PaymentIntent* and *New SetupIntent* (stripe-intents-domain.md §2, §3, §5).

Usage::

    dialog = NewPaymentIntentDialog(window.host, parent=window, payment_method_id="pm_…")
    dialog = NewSetupIntentDialog(window.host, parent=window, customer_id="cus_…")
    dialog.succeeded.connect(lambda intent: window.select(intent["id"]))
    dialog.open()

Both can confirm at once (``confirm=true``, §3.2 T3–T5, §5.2); confirming on-session sends
``return_url``, which automatic payment methods need for the redirect methods (§10).
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from gui.dialogs import _facts
from gui.dialogs._base import ApiRequest, RequestDialog
from gui.dialogs._intents import (
    chosen_id,
    customer_problem,
    editable_combo,
    fill_customers,
    fill_payment_methods,
    payment_method_problem,
)
from gui.dialogs._widgets import amount_problems
from gui.sandbox_host import SandboxHost
from gui.words.citations import INTENTS


class NewPaymentIntentDialog(RequestDialog):
    """Create a PaymentIntent (``POST /v1/payment_intents``).

    Fields: ``amount``, ``currency``, ``customer``, ``payment_method``,
    ``capture_method``, ``setup_future_usage``, ``confirm``, ``off_session``.

    Signals: see :class:`RequestDialog`.
    """

    reference = INTENTS  # a bare "§3.2" in its words is the intents reference's

    def __init__(
        self,
        host: SandboxHost,
        parent: QWidget | None = None,
        customer_id: str | None = None,
        payment_method_id: str | None = None,
    ) -> None:
        super().__init__(host, parent)
        self.setObjectName("newPaymentIntentDialog")
        self.setWindowTitle(self.tr("New PaymentIntent"))
        self.ok_button.setText(self.tr("Create PaymentIntent"))
        self.setMinimumWidth(600)

        amount_row = QWidget(self)  # the amount in words beside it, not under: one row less
        amount_line = QHBoxLayout(amount_row)
        amount_line.setContentsMargins(0, 0, 0, 0)
        self.amount_edit = QLineEdit("2000", amount_row)
        self.amount_edit.setObjectName("amount")
        self.amount_edit.setPlaceholderText(self.tr("in the currency's smallest unit"))
        self.amount_hint = QLabel(amount_row)
        self.amount_hint.setEnabled(False)
        amount_line.addWidget(self.amount_edit, 1)
        amount_line.addWidget(self.amount_hint)
        self.add_field("amount", self.tr("Amount"), amount_row)
        self.currency_combo = QComboBox(self)
        self.currency_combo.setEditable(True)
        self.currency_combo.addItems(list(_facts.CURRENCIES))
        self.currency_combo.setCurrentText(_facts.DEFAULT_CURRENCY)
        self.add_field("currency", self.tr("Currency"), self.currency_combo)
        self.customer_combo = editable_combo(self, self.tr("none"))
        fill_customers(self.customer_combo, self._sandbox, customer_id or "")
        self.add_field(
            "customer",
            self.tr("Customer"),
            self.customer_combo,
            self.tr("Optional; with setup_future_usage the payment method is attached to it."),
        )
        self.pm_combo = editable_combo(self, self.tr("none: confirm later with one"))
        fill_payment_methods(self.pm_combo, self._sandbox, payment_method_id or "")
        self.add_field("payment_method", self.tr("Payment method"), self.pm_combo)
        self.capture_combo = QComboBox(self)
        self.capture_combo.addItem(self.tr("automatic: capture when authorized"), "automatic")
        self.capture_combo.addItem(self.tr("manual: authorize now, capture later"), "manual")
        self.capture_combo.setItemData(1, self.tr("manual stops in requires_capture (§3.2 T4)."), 3)
        self.add_field("capture_method", self.tr("Capture"), self.capture_combo)
        self.sfu_combo = QComboBox(self)
        self.sfu_combo.addItem(self.tr("(none)"), "")
        self.sfu_combo.addItem("on_session", "on_session")
        self.sfu_combo.addItem("off_session", "off_session")
        self.add_field(
            "setup_future_usage",
            self.tr("Save for later"),
            self.sfu_combo,
            self.tr("setup_future_usage: keep the payment method for later payments (§4.5)."),
        )
        # confirm and off_session share a row: the dialog fits a 1280x800 projector
        row = QWidget(self)
        checks = QHBoxLayout(row)
        checks.setContentsMargins(0, 0, 0, 0)
        self.confirm_check = QCheckBox(self.tr("Confirm now (confirm=true)"), row)
        self.confirm_check.toggled.connect(self._confirm_toggled)
        self.off_session_check = QCheckBox(
            self.tr("The customer is not present (off_session=true)"), row
        )
        self.off_session_check.setObjectName("off_session")
        self.off_session_check.toggled.connect(self.refresh)
        checks.addWidget(self.confirm_check)
        checks.addWidget(self.off_session_check)
        checks.addStretch(1)
        self.add_field(
            "confirm",
            "",
            row,
            self.tr("off_session: a card that needs authentication is declined (§3.2 T10, §8.4)."),
        )

        self.currency_combo.currentTextChanged.connect(self._update_amount_hint)
        self.amount_edit.textChanged.connect(self._update_amount_hint)
        self.confirm_check.setChecked(bool(payment_method_id))
        self._confirm_toggled()
        self._update_amount_hint()

    def _confirm_toggled(self, *_args: object) -> None:
        self.off_session_check.setEnabled(self.confirm_check.isChecked())
        if not self.confirm_check.isChecked():
            self.off_session_check.setChecked(False)
        self.refresh()

    def _update_amount_hint(self) -> None:
        text, currency = self.amount_edit.text().strip(), self.currency()
        self.amount_hint.setText(
            f"= {_facts.format_amount(int(text), currency)} {currency}"
            if text.isdigit() and currency in _facts.CURRENCIES
            else ""
        )

    def currency(self) -> str:
        return self.currency_combo.currentText().strip().lower()

    def customer_id(self) -> str:
        return chosen_id(self.customer_combo)

    def payment_method_id(self) -> str:
        return chosen_id(self.pm_combo)

    def validate(self) -> dict[str, str]:
        errors = amount_problems(self.amount_edit.text(), self.currency())
        if problem := customer_problem(self.customer_id()):
            errors["customer"] = problem
        confirm = self.confirm_check.isChecked()
        if problem := payment_method_problem(self.payment_method_id(), required=confirm):
            errors["payment_method"] = problem
        return errors

    def build_request(self) -> ApiRequest:
        params: list[tuple[str, str]] = [
            ("amount", self.amount_edit.text().strip()),
            ("currency", self.currency()),
        ]
        if self.customer_id():
            params.append(("customer", self.customer_id()))
        if self.payment_method_id():
            params.append(("payment_method", self.payment_method_id()))
        if self.capture_combo.currentData() != "automatic":
            params.append(("capture_method", str(self.capture_combo.currentData())))
        if self.sfu_combo.currentData():
            params.append(("setup_future_usage", str(self.sfu_combo.currentData())))
        if self.confirm_check.isChecked():
            params.append(("confirm", "true"))
            if self.off_session_check.isChecked():
                params.append(("off_session", "true"))
            else:
                params.append(("return_url", _facts.RETURN_URL))
        return ApiRequest("POST", "/v1/payment_intents", tuple(params))


class NewSetupIntentDialog(RequestDialog):
    """Create a SetupIntent (``POST /v1/setup_intents``).

    Fields: ``customer``, ``payment_method``, ``usage``, ``confirm``.

    Signals: see :class:`RequestDialog`.
    """

    reference = INTENTS  # a bare "§3.2" in its words is the intents reference's

    def __init__(
        self,
        host: SandboxHost,
        parent: QWidget | None = None,
        customer_id: str | None = None,
        payment_method_id: str | None = None,
    ) -> None:
        super().__init__(host, parent)
        self.setObjectName("newSetupIntentDialog")
        self.setWindowTitle(self.tr("New SetupIntent"))
        self.ok_button.setText(self.tr("Create SetupIntent"))
        self.setMinimumWidth(600)

        self.customer_combo = editable_combo(self, self.tr("none"))
        fill_customers(self.customer_combo, self._sandbox, customer_id or "")
        self.add_field(
            "customer",
            self.tr("Customer"),
            self.customer_combo,
            self.tr("Success attaches the payment method to this customer (§5.3)."),
        )
        self.pm_combo = editable_combo(self, self.tr("none: confirm later with one"))
        fill_payment_methods(self.pm_combo, self._sandbox, payment_method_id or "")
        self.add_field("payment_method", self.tr("Payment method"), self.pm_combo)
        self.usage_combo = QComboBox(self)
        self.usage_combo.addItem(
            self.tr("off_session: pay later without the customer"), "off_session"
        )
        self.usage_combo.addItem(self.tr("on_session: pay later with the customer"), "on_session")
        self.add_field("usage", self.tr("Usage"), self.usage_combo)
        self.confirm_check = QCheckBox(self.tr("Confirm now (confirm=true)"), self)
        self.confirm_check.toggled.connect(self.refresh)
        self.add_field("confirm", "", self.confirm_check)
        self.confirm_check.setChecked(bool(payment_method_id))
        self.refresh()

    def customer_id(self) -> str:
        return chosen_id(self.customer_combo)

    def payment_method_id(self) -> str:
        return chosen_id(self.pm_combo)

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if problem := customer_problem(self.customer_id()):
            errors["customer"] = problem
        confirm = self.confirm_check.isChecked()
        if problem := payment_method_problem(self.payment_method_id(), required=confirm):
            errors["payment_method"] = problem
        return errors

    def build_request(self) -> ApiRequest:
        params: list[tuple[str, str]] = []
        if self.customer_id():
            params.append(("customer", self.customer_id()))
        if self.payment_method_id():
            params.append(("payment_method", self.payment_method_id()))
        params.append(("usage", str(self.usage_combo.currentData())))
        if self.confirm_check.isChecked():
            params += [("confirm", "true"), ("return_url", _facts.RETURN_URL)]
        return ApiRequest("POST", "/v1/setup_intents", tuple(params))
