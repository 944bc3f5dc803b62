"""*Charge*: the parameter combinations of the reference's §8.1, customer-only included.

Usage::

    dialog = ChargeDialog(window.host, parent=window, source_id="src_…", customer_id=None)
    dialog.succeeded.connect(lambda charge: window.select(charge["id"]))
    dialog.open()

Pre-selecting an object picks the matching combination (a token → ``source=tok_…``;
an attached source or card → ``customer`` + ``source``; a customer alone →
its ``default_source``) and copies a source's ``amount``/``currency``. Each
combination says in words what gets charged. The combination Stripe refuses
(``customer`` + a token that is not attached) is offered on purpose: the
refusal is the lesson, and the dialog shows Stripe's message.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from gui.dialogs import _facts
from gui.dialogs._base import ApiRequest, RequestDialog, fill_combo, wrap
from gui.dialogs._widgets import amount_problems
from gui.sandbox_host import SandboxHost


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChargeDialog", text)


@dataclass(frozen=True, slots=True)
class ChargeMode:
    """One row of §8.1.

    Attributes:
        key: stable name (``token``, ``source``, ``customer``,
            ``customer_attached``, ``customer_single_use``, ``customer_token``).
        request: the parameter shape, e.g. ``customer=cus_… + source=src_…``.
        needs_customer / needs_source: which ids the user must give.
        prefixes: the id prefixes ``source`` may have in this combination.
    """

    key: str
    request: str
    needs_customer: bool
    needs_source: bool
    prefixes: tuple[str, ...]

    def title(self) -> str:
        return {
            "token": QCoreApplication.translate("ChargeDialog", "A token"),
            "source": QCoreApplication.translate("ChargeDialog", "A source, not attached"),
            "customer": QCoreApplication.translate(
                "ChargeDialog", "A customer (its default source)"
            ),
            "customer_attached": QCoreApplication.translate(
                "ChargeDialog", "A customer and one of its attached sources"
            ),
            "customer_single_use": QCoreApplication.translate(
                "ChargeDialog", "A customer and an unattached single-use source"
            ),
            "customer_token": QCoreApplication.translate(
                "ChargeDialog", "A customer and a token that is not attached"
            ),
        }[self.key]

    def explanation(self) -> str:
        return {
            "token": QCoreApplication.translate(
                "ChargeDialog",
                "Charges the card in the token. The token becomes used, even if "
                "the charge is declined.",
            ),
            "source": QCoreApplication.translate(
                "ChargeDialog",
                "Charges the source. A single-use source becomes consumed; a "
                "reusable source is consumed too: attach it to a customer first "
                "to charge it again.",
            ),
            "customer": QCoreApplication.translate(
                "ChargeDialog",
                "Charges the customer's default_source. Stripe refuses it when "
                "the customer has none.",
            ),
            "customer_attached": QCoreApplication.translate(
                "ChargeDialog",
                "The required form for attached cards, bank accounts "
                "and sources. A reusable source stays chargeable.",
            ),
            "customer_single_use": QCoreApplication.translate(
                "ChargeDialog",
                "Charges the source and records the customer on the "
                "charge, without attaching the source.",
            ),
            "customer_token": QCoreApplication.translate(
                "ChargeDialog",
                "Stripe refuses it: the customer does not have a linked "
                "source with that token's id. Attach the token first, then "
                "charge the card_… it becomes.",
            ),
        }[self.key]


MODES: tuple[ChargeMode, ...] = (
    ChargeMode("token", "source=tok_…", False, True, ("tok_", "btok_")),
    ChargeMode("source", "source=src_…", False, True, ("src_",)),
    ChargeMode("customer", "customer=cus_…", True, False, ()),
    ChargeMode(
        "customer_attached",
        "customer=cus_… + source=card_…/ba_…/src_…",
        True,
        True,
        ("card_", "ba_", "src_"),
    ),
    ChargeMode(
        "customer_single_use", "customer=cus_… + source=src_… (single_use)", True, True, ("src_",)
    ),
    ChargeMode("customer_token", "customer=cus_… + source=tok_…", True, True, ("tok_",)),
)
MODE_BY_KEY = {m.key: m for m in MODES}


class ChargeDialog(RequestDialog):
    """Create a Charge (``POST /v1/charges``).

    Fields: ``mode`` (the §8.1 combination), ``customer``, ``source``,
    ``amount``, ``currency``, ``capture``, ``description``.

    Signals: see :class:`RequestDialog`.
    """

    def __init__(
        self,
        host: SandboxHost,
        parent: QWidget | None = None,
        source_id: str | None = None,
        customer_id: str | None = None,
    ) -> None:
        super().__init__(host, parent)
        sandbox = self._sandbox
        self.setObjectName("chargeDialog")
        self.setWindowTitle(self.tr("Charge"))
        self.ok_button.setText(self.tr("Charge"))
        self.setMinimumWidth(560)

        self.mode_combo = QComboBox(self)
        for mode in MODES:
            self.mode_combo.addItem(mode.title(), mode.key)
            self.mode_combo.setItemData(self.mode_combo.count() - 1, mode.request, 3)  # tooltip
        self.add_field("mode", self.tr("Charge"), self.mode_combo)
        self.mode_note = QLabel(self)
        self.mode_note.setObjectName("modeNote")
        self.form.addRow("", self.mode_note)

        self.customer_combo = QComboBox(self)
        self.customer_combo.setEditable(True)
        self.add_field("customer", self.tr("Customer"), self.customer_combo)
        self.source_combo = QComboBox(self)
        self.source_combo.setEditable(True)
        self.add_field("source", self.tr("Source"), self.source_combo)
        self.amount_edit = QLineEdit("1099", self)
        self.amount_edit.setPlaceholderText(self.tr("in the currency's smallest unit"))
        self.add_field("amount", self.tr("Amount"), self.amount_edit)
        self.amount_hint = QLabel(self)
        self.amount_hint.setEnabled(False)
        self._columns["amount"].insertWidget(1, self.amount_hint)
        self.currency_combo = QComboBox(self)
        self.currency_combo.setEditable(True)
        self.currency_combo.addItems(list(_facts.CURRENCIES))
        self.currency_combo.setCurrentText(_facts.DEFAULT_CURRENCY)
        self.add_field("currency", self.tr("Currency"), self.currency_combo)
        self.capture_check = QCheckBox(self.tr("Capture now"), self)
        self.capture_check.setChecked(True)
        self.capture_check.toggled.connect(self.refresh)
        self.add_field(
            "capture",
            "",
            self.capture_check,
            self.tr(
                "Untick to only authorize (capture=false): an uncaptured "
                "charge expires after 7 days."
            ),
        )
        self.description_edit = QLineEdit(self)
        self.description_edit.setPlaceholderText(self.tr("optional"))
        self.add_field("description", self.tr("Description"), self.description_edit)

        self.mode_combo.currentIndexChanged.connect(self._mode_changed)
        self.customer_combo.currentTextChanged.connect(self._customer_changed)
        self.customer_combo.activated.connect(
            lambda i: self.customer_combo.setEditText(str(self.customer_combo.itemData(i)))
        )
        self.source_combo.activated.connect(self._source_chosen)
        self.currency_combo.currentTextChanged.connect(self._update_amount_hint)
        self.amount_edit.textChanged.connect(self._update_amount_hint)

        fill_combo(
            self.customer_combo,
            [(self._describe(c), c) for c in reversed(sandbox.object_ids("customer"))],
        )
        self.customer_combo.setEditText("")
        self.preselect(source_id, customer_id)
        self._update_amount_hint()

    # -- reading the sandbox ----------------------------------------------

    def _describe(self, object_id: str) -> str:
        obj = self._sandbox.get(object_id) or {}
        kind = obj.get("object", "")
        bits: list[str] = []
        if kind == "customer":
            bits = [str(obj.get("email") or ""), f"default_source={obj.get('default_source')}"]
        elif kind == "token":
            card = obj.get("card") or {}
            bits = [
                str(obj.get("type", "")),
                f"····{card.get('last4', '')}" if card else "",
                "used" if obj.get("used") else "unused",
            ]
        elif kind == "source":
            bits = [str(obj.get("type", "")), str(obj.get("usage", "")), str(obj.get("status", ""))]
            if obj.get("amount") is not None:
                bits.append(f"{obj.get('amount')} {obj.get('currency', '')}")
        elif kind in ("card", "bank_account"):
            bits = [
                kind,
                str(obj.get("brand") or obj.get("bank_name") or ""),
                f"····{obj.get('last4', '')}",
            ]
        return f"{object_id}  ({', '.join(b for b in bits if b)})"

    def _candidates(self, mode: ChargeMode, customer: str) -> list[str]:
        sandbox = self._sandbox
        if mode.key in ("token", "customer_token"):
            tokens = list(reversed(sandbox.object_ids("token")))
            tokens.sort(key=lambda t: bool((sandbox.get(t) or {}).get("used")))
            return tokens
        if mode.key in ("source", "customer_single_use"):
            out = []
            for object_id in reversed(sandbox.object_ids("source")):
                source = sandbox.get(object_id) or {}
                if source.get("customer"):
                    continue
                if mode.key == "customer_single_use" and source.get("usage") != "single_use":
                    continue
                out.append(object_id)
            return out
        if mode.key == "customer_attached" and customer:
            out = []
            for kind in ("source", "card", "bank_account"):
                for object_id in reversed(sandbox.object_ids(kind)):
                    if (sandbox.get(object_id) or {}).get("customer") == customer:
                        out.append(object_id)
            return out
        return []

    # -- reacting to choices ------------------------------------------------

    def mode(self) -> ChargeMode:
        return MODE_BY_KEY[str(self.mode_combo.currentData())]

    def set_mode(self, key: str) -> None:
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(key))
        self._mode_changed()

    def preselect(self, source_id: str | None, customer_id: str | None) -> None:
        """Pick the §8.1 combination that fits ``source_id``/``customer_id`` and fill them."""
        source = self._sandbox.get(source_id) if source_id else None
        attached_to = (source or {}).get("customer") if source else None
        customer_id = customer_id or attached_to
        if source_id is None:
            key = "customer" if customer_id else "token"
        elif source_id.startswith(("tok_", "btok_")):
            key = "customer_token" if customer_id else "token"
        elif attached_to or source_id.startswith(("card_", "ba_")):
            key = "customer_attached"
        elif customer_id:
            key = "customer_single_use"
        else:
            key = "source"
        if customer_id:
            self.customer_combo.setEditText(customer_id)
        self.set_mode(key)
        if source_id:
            self.source_combo.setEditText(source_id)
            self._copy_amount(source_id)
        self.refresh()

    def _mode_changed(self) -> None:
        mode = self.mode()
        self.set_field_visible("customer", mode.needs_customer)
        self.set_field_visible("source", mode.needs_source)
        self.mode_note.setText(
            wrap(
                self.tr("Sends: {request}\n{explanation}").format(
                    request=mode.request, explanation=mode.explanation()
                )
            )
        )
        self._fill_sources()
        self.refresh()

    def _customer_changed(self) -> None:
        if self.mode().key == "customer_attached":
            self._fill_sources()

    def _fill_sources(self) -> None:
        mode = self.mode()
        ids = self._candidates(mode, self.customer_id())
        items = [(self._describe(i), i) for i in ids]
        if mode.key == "token":
            items += [
                (self.tr("{token}  (test token)").format(token=t), t) for t in _facts.TEST_TOKENS
            ]
        current = self.source_combo.currentText()
        fill_combo(self.source_combo, items, keep=False)
        keep = current.split()[0] if current.strip() else ""
        if keep and keep.startswith(mode.prefixes or ("",)):
            self.source_combo.setEditText(keep)
        elif ids:
            self.source_combo.setEditText(ids[0])
            self._copy_amount(ids[0])
        else:
            self.source_combo.setEditText("")

    def _source_chosen(self, index: int) -> None:
        object_id = str(self.source_combo.itemData(index) or "")
        self.source_combo.setEditText(object_id)
        self._copy_amount(object_id)

    def _copy_amount(self, object_id: str) -> None:
        obj = self._sandbox.get(object_id) or {}
        if obj.get("object") == "source":
            if obj.get("amount") is not None:
                self.amount_edit.setText(str(obj["amount"]))
            if obj.get("currency"):
                self.currency_combo.setCurrentText(str(obj["currency"]))

    def _update_amount_hint(self) -> None:
        text, currency = self.amount_edit.text().strip(), self.currency()
        self.amount_hint.setText(
            f"= {_facts.format_amount(int(text), currency)} {currency}"
            if text.isdigit() and currency in _facts.CURRENCIES
            else ""
        )

    # -- values, validation, request ------------------------------------------

    def customer_id(self) -> str:
        text = self.customer_combo.currentText().strip()
        return text.split()[0] if text else ""

    def source_id(self) -> str:
        text = self.source_combo.currentText().strip()
        return text.split()[0] if text else ""

    def currency(self) -> str:
        return self.currency_combo.currentText().strip().lower()

    def validate(self) -> dict[str, str]:
        mode = self.mode()
        errors: dict[str, str] = {}
        if mode.needs_customer:
            customer = self.customer_id()
            if not customer:
                errors["customer"] = self.tr("Choose or type a customer (cus_…).")
            elif not customer.startswith("cus_"):
                errors["customer"] = self.tr("A customer id starts with cus_.")
        if mode.needs_source:
            source = self.source_id()
            if not source:
                errors["source"] = self.tr("Choose or type what to charge ({prefixes}).").format(
                    prefixes=", ".join(p + "…" for p in mode.prefixes)
                )
            elif not source.startswith(mode.prefixes):
                errors["source"] = self.tr(
                    "In this combination the source starts with {prefixes}."
                ).format(prefixes=" or ".join(mode.prefixes))
        errors.update(amount_problems(self.amount_edit.text(), self.currency()))
        return errors

    def build_request(self) -> ApiRequest:
        mode = self.mode()
        params: list[tuple[str, str]] = [
            ("amount", self.amount_edit.text().strip()),
            ("currency", self.currency()),
        ]
        if mode.needs_customer:
            params.append(("customer", self.customer_id()))
        if mode.needs_source:
            params.append(("source", self.source_id()))
        if not self.capture_check.isChecked():
            params.append(("capture", "false"))
        if self.description_edit.text().strip():
            params.append(("description", self.description_edit.text().strip()))
        return ApiRequest("POST", "/v1/charges", tuple(params))
