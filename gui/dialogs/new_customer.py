"""*New Customer*, optionally with a payment source (a token or a Source).

Usage::

    dialog = NewCustomerDialog(window.host, parent=window, source_id=None)
    dialog.succeeded.connect(lambda customer: window.select(customer["id"]))
    dialog.open()

The source list offers unused tokens and sources that can still be attached
(``pending``/``chargeable`` and not attached yet), newest first, plus the
test tokens (``tok_visa``…); any id can be typed, so a learner can also see
Stripe's answer to a wrong one.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from gui.dialogs import _facts
from gui.dialogs._base import ApiRequest, RequestDialog, SandboxLike
from gui.sandbox_host import SandboxHost

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
ID_PREFIXES = ("tok_", "btok_", "src_", "card_", "ba_")


def attachable_sources(sandbox: SandboxLike) -> list[tuple[str, str]]:
    """(id, description) of unused tokens and attachable sources, newest first."""
    out: list[tuple[str, str]] = []
    for object_id in reversed(sandbox.object_ids("token")):
        token = sandbox.get(object_id) or {}
        if not token.get("used"):
            card = token.get("card") or {}
            what = (
                f"{card.get('brand', '')} ····{card.get('last4', '')}"
                if card
                else token.get("type", "")
            )
            out.append((object_id, f"{object_id}  (token, {what})"))
    for object_id in reversed(sandbox.object_ids("source")):
        source = sandbox.get(object_id) or {}
        if source.get("status") in ("pending", "chargeable") and not source.get("customer"):
            out.append(
                (
                    object_id,
                    f"{object_id}  ({source.get('type')}, "
                    f"{source.get('usage')}, {source.get('status')})",
                )
            )
    return out


class NewCustomerDialog(RequestDialog):
    """Create a Customer (``POST /v1/customers``).

    Fields: ``email``, ``name``, ``description``, ``source`` (empty: none).

    Signals: see :class:`RequestDialog`.
    """

    def __init__(
        self, host: SandboxHost, parent: QWidget | None = None, source_id: str | None = None
    ) -> None:
        super().__init__(host, parent)
        sandbox = self._sandbox
        self.setObjectName("newCustomerDialog")
        self.setWindowTitle(self.tr("New Customer"))
        self.ok_button.setText(self.tr("Create customer"))
        self.setMinimumWidth(520)

        self.email_edit = QLineEdit("jenny.rosen@example.com", self)
        self.add_field("email", self.tr("Email"), self.email_edit)
        self.name_edit = QLineEdit("Jenny Rosen", self)
        self.add_field("name", self.tr("Name"), self.name_edit)
        self.description_edit = QLineEdit(self)
        self.description_edit.setPlaceholderText(self.tr("optional"))
        self.add_field("description", self.tr("Description"), self.description_edit)
        self.source_combo = QComboBox(self)
        self.source_combo.setEditable(True)
        line = self.source_combo.lineEdit()  # an editable combo always has one
        assert line is not None
        line.setPlaceholderText(self.tr("none"))
        self.source_combo.addItem(self.tr("(no payment source)"), "")
        for object_id, label in attachable_sources(sandbox):
            self.source_combo.addItem(label, object_id)
        for token in _facts.TEST_TOKENS:
            self.source_combo.addItem(self.tr("{token}  (test token)").format(token=token), token)
        self.source_combo.activated.connect(
            lambda i: self.source_combo.setEditText(str(self.source_combo.itemData(i) or ""))
        )
        self.add_field(
            "source",
            self.tr("Payment source"),
            self.source_combo,
            self.tr(
                "A token or Source to attach; it becomes the default_source. "
                "A token is used up, and the customer gets a card_… in its place."
            ),
        )
        self.source_combo.setEditText(source_id or "")
        self.refresh()

    def source_id(self) -> str:
        text = self.source_combo.currentText().strip()
        return text.split()[0] if text else ""

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        email = self.email_edit.text().strip()
        if email and not EMAIL.match(email):
            errors["email"] = self.tr("This is not an email address.")
        source = self.source_id()
        if source and not source.startswith(ID_PREFIXES):
            errors["source"] = self.tr("A payment source id starts with tok_, btok_ or src_.")
        return errors

    def build_request(self) -> ApiRequest:
        params: list[tuple[str, str]] = []
        for key, edit in (
            ("email", self.email_edit),
            ("name", self.name_edit),
            ("description", self.description_edit),
        ):
            if edit.text().strip():
                params.append((key, edit.text().strip()))
        if self.source_id():
            params.append(("source", self.source_id()))
        return ApiRequest("POST", "/v1/customers", tuple(params))
