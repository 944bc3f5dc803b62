"""*Confirm…*, *Capture…* and *Cancel…* of a selected PaymentIntent (or SetupIntent):
the requests of stripe-intents-domain.md §3.2 that take input.

Usage::

    dialog = CaptureIntentDialog(window.host, parent=window, intent_id="pi_…")
    dialog.succeeded.connect(lambda intent: window.select(intent["id"]))
    dialog.open()

Confirm chooses the ``payment_method`` (prefilled with the intent's own) and, for a
PaymentIntent, ``off_session`` (§3.2 T3–T5, T10); Capture takes ``amount_to_capture``,
prefilled with ``amount_capturable`` (§3.2 T15); Cancel takes a ``cancellation_reason``
from the API's list (§3.2 T16; OpenAPI ``cancellation_reason`` enum).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from gui.dialogs import _facts
from gui.dialogs._base import ApiRequest, RequestDialog
from gui.dialogs._intents import (
    chosen_id,
    editable_combo,
    fill_payment_methods,
    payment_method_problem,
)
from gui.sandbox_host import SandboxHost
from gui.words.citations import INTENTS


class _IntentStepDialog(RequestDialog):
    """A dialog about one existing intent: its id and status shown on top."""

    reference = INTENTS  # a bare "§3.2" in its words is the intents reference's

    def __init__(self, host: SandboxHost, parent: QWidget | None, intent_id: str) -> None:
        super().__init__(host, parent)
        self.intent_id = intent_id
        self.intent: dict[str, Any] = self._sandbox.get(intent_id) or {}
        self.is_payment = intent_id.startswith("pi_")
        self.setMinimumWidth(560)
        status = str(self.intent.get("status", ""))
        self.intent_label = QLabel(f"{intent_id}  ({status})", self)
        self.intent_label.setObjectName("intentLabel")
        name = "PaymentIntent" if self.is_payment else "SetupIntent"  # Stripe names: as is
        self.form.addRow(name, self.intent_label)

    def _path(self, verb: str) -> str:
        kind = "payment_intents" if self.is_payment else "setup_intents"
        return f"/v1/{kind}/{self.intent_id}/{verb}"


class ConfirmIntentDialog(_IntentStepDialog):
    """``POST /v1/{payment_intents|setup_intents}/{id}/confirm``.

    Fields: ``payment_method``, ``off_session`` (PaymentIntents only).
    """

    def __init__(
        self, host: SandboxHost, parent: QWidget | None = None, intent_id: str = ""
    ) -> None:
        super().__init__(host, parent, intent_id)
        self.setObjectName("confirmIntentDialog")
        self.setWindowTitle(self.tr("Confirm"))
        self.ok_button.setText(self.tr("Confirm"))
        current = str(self.intent.get("payment_method") or "")
        self.pm_combo = editable_combo(self, self.tr("the intent's own"))
        fill_payment_methods(self.pm_combo, self._sandbox, current or "pm_card_visa")
        self.add_field(
            "payment_method",
            self.tr("Payment method"),
            self.pm_combo,
            self.tr("Confirming with another one replaces the intent's (§3.2 T2)."),
        )
        self.off_session_check = QCheckBox(
            self.tr("The customer is not present (off_session=true)"), self
        )
        self.off_session_check.toggled.connect(self.refresh)
        self.add_field(
            "off_session",
            "",
            self.off_session_check,
            self.tr("A card that needs authentication is then declined (§3.2 T10, §8.4)."),
        )
        self.set_field_visible("off_session", self.is_payment)
        self.refresh()

    def payment_method_id(self) -> str:
        return chosen_id(self.pm_combo)

    def validate(self) -> dict[str, str]:
        needed = not self.intent.get("payment_method")
        problem = payment_method_problem(self.payment_method_id(), required=needed)
        return {"payment_method": problem} if problem else {}

    def build_request(self) -> ApiRequest:
        params: list[tuple[str, str]] = []
        chosen = self.payment_method_id()
        if chosen and chosen != self.intent.get("payment_method"):
            params.append(("payment_method", chosen))
        if self.is_payment and self.off_session_check.isChecked():
            params.append(("off_session", "true"))
        else:
            params.append(("return_url", _facts.RETURN_URL))
        return ApiRequest("POST", self._path("confirm"), tuple(params))


class CaptureIntentDialog(_IntentStepDialog):
    """``POST /v1/payment_intents/{id}/capture`` with ``amount_to_capture``."""

    def __init__(
        self, host: SandboxHost, parent: QWidget | None = None, intent_id: str = ""
    ) -> None:
        super().__init__(host, parent, intent_id)
        self.setObjectName("captureIntentDialog")
        self.setWindowTitle(self.tr("Capture"))
        self.ok_button.setText(self.tr("Capture"))
        self.capturable = int(self.intent.get("amount_capturable") or 0)
        currency = str(self.intent.get("currency", ""))
        self.amount_edit = QLineEdit(str(self.capturable), self)
        self.add_field(
            "amount_to_capture",
            self.tr("Amount to capture"),
            self.amount_edit,
            self.tr(
                "At most amount_capturable = {amount} {currency}; a partial capture "
                "releases the rest (§3.2 T15)."
            ).format(amount=_facts.format_amount(self.capturable, currency), currency=currency),
        )
        self.refresh()

    def validate(self) -> dict[str, str]:
        text = self.amount_edit.text().strip()
        if not text.isdigit() or int(text) < 1:
            return {"amount_to_capture": self.tr("A whole number in the smallest unit, 1 or more.")}
        return {}

    def build_request(self) -> ApiRequest:
        amount = self.amount_edit.text().strip()
        return ApiRequest("POST", self._path("capture"), (("amount_to_capture", amount),))


class CancelIntentDialog(_IntentStepDialog):
    """``POST /v1/{payment_intents|setup_intents}/{id}/cancel`` with a reason."""

    def __init__(
        self, host: SandboxHost, parent: QWidget | None = None, intent_id: str = ""
    ) -> None:
        super().__init__(host, parent, intent_id)
        self.setObjectName("cancelIntentDialog")
        self.setWindowTitle(self.tr("Cancel Intent"))
        self.ok_button.setText(self.tr("Cancel the intent"))
        self.reason_combo = QComboBox(self)
        self.reason_combo.addItem(self.tr("(no reason)"), "")
        reasons = _facts.CANCEL_REASONS if self.is_payment else _facts.SI_CANCEL_REASONS
        for reason in reasons:
            self.reason_combo.addItem(reason, reason)  # Stripe's values: untranslated
        self.add_field(
            "cancellation_reason",
            self.tr("Reason"),
            self.reason_combo,
            self.tr("canceled is terminal; an authorized amount is released (§3.2 T16)."),
        )
        self.refresh()

    def reasons(self) -> list[str]:
        return [str(self.reason_combo.itemData(i)) for i in range(1, self.reason_combo.count())]

    def build_request(self) -> ApiRequest:
        reason = str(self.reason_combo.currentData() or "")
        params = (("cancellation_reason", reason),) if reason else ()
        return ApiRequest("POST", self._path("cancel"), params)


#: Object action -> the dialog that asks for its input.
STEP_DIALOGS: dict[str, type[_IntentStepDialog]] = {
    "confirm": ConfirmIntentDialog,
    "capture": CaptureIntentDialog,
    "cancel": CancelIntentDialog,
}


def fits(action: str, intent_id: str) -> bool:
    """Whether ``action`` on ``intent_id`` has a dialog (capture: PaymentIntents only)."""
    if action not in STEP_DIALOGS or not intent_id.startswith(("pi_", "seti_")):
        return False
    return action != "capture" or intent_id.startswith("pi_")
