"""*New Source*: every Source type, with its facts pre-filled from the core's catalog.

Usage::

    dialog = NewSourceDialog(window.host, parent=window, source_type="ideal")
    dialog.succeeded.connect(lambda source: window.select(source["id"]))
    dialog.open()

Choosing a type fills flow, allowed usages (default selected), currency and
amount from ``core.facts.catalog``, shows the type's own fields (card number, IBAN,
``three_d_secure[card]``, ``sofort[country]``, ``redirect[return_url]``...)
and offers the reference's test presets (``…_chargeable@example.com``,
``+fill_now``/``+fill_never``, SEPA test IBANs). What the reference marks
unverified for the type is said under the type.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from gui.dialogs import _facts
from gui.dialogs._base import ApiRequest, RequestDialog, fill_combo, wrap
from gui.dialogs._widgets import CardPicker, ExpiryCvc
from gui.sandbox_host import SandboxHost
from gui.words.i18n import core_text

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
IBAN = re.compile(r"^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$")
RETURN_URL = "https://example.com/return"


def parse_amount(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() else None


class NewSourceDialog(RequestDialog):
    """Create a Source of any type (``POST /v1/sources``).

    Fields are named by the parameter they fill: ``type``, ``flow``, ``usage``,
    ``amount``, ``currency``, ``owner[name]``, ``owner[email]``,
    ``owner[phone]``, ``card[number]``, ``card[exp_month]``,
    ``three_d_secure[card]``, ``sepa_debit[iban]``, ``sofort[country]``,
    ``redirect[return_url]``; plus ``preset`` (test behaviours).

    Signals: see :class:`RequestDialog` (``succeeded(dict)``, ``failed(dict)``).
    """

    def __init__(
        self, host: SandboxHost, parent: QWidget | None = None, source_type: str = "card"
    ) -> None:
        super().__init__(host, parent)
        self.setObjectName("newSourceDialog")
        self.setWindowTitle(self.tr("New Source"))
        self.ok_button.setText(self.tr("Create source"))
        self.setMinimumWidth(560)

        self.type_combo = QComboBox(self)
        for name in _facts.SOURCE_TYPE_NAMES:
            self.type_combo.addItem(name, name)  # Stripe identifiers: untranslated
        self.type_combo.setMaxVisibleItems(20)
        self.add_field("type", self.tr("Type"), self.type_combo)
        self.facts_label = QLabel(self)
        self.facts_label.setObjectName("typeFacts")
        self.form.addRow("", self.facts_label)

        self.flow_combo = QComboBox(self)
        self.add_field("flow", self.tr("Flow"), self.flow_combo)
        self.usage_combo = QComboBox(self)
        self.add_field("usage", self.tr("Usage"), self.usage_combo)
        # wide enough for their longest word from the start: sized at first show for a
        # card ("none", "reusable"), they cut iDEAL's "redirect" and "single_use"
        for combo, longest in (
            (self.flow_combo, "code_verification"),
            (self.usage_combo, "single_use"),
        ):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(len(longest) + 1)
        self.amount_edit = QLineEdit(self)
        self.amount_edit.setPlaceholderText(self.tr("in the currency's smallest unit, e.g. 1099"))
        self.add_field("amount", self.tr("Amount"), self.amount_edit)
        self.amount_hint = QLabel(self)
        self.amount_hint.setObjectName("amountHint")
        self.amount_hint.setEnabled(False)
        self._columns["amount"].insertWidget(1, self.amount_hint)
        self.currency_combo = QComboBox(self)
        self.add_field("currency", self.tr("Currency"), self.currency_combo)

        self.preset_combo = QComboBox(self)
        self.preset_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.preset_combo.setMinimumContentsLength(24)
        self.add_field("preset", self.tr("Test behaviour"), self.preset_combo)

        self.card_picker = CardPicker(self)
        self.add_field("card[number]", self.tr("Card"), self.card_picker)
        self.expiry = ExpiryCvc(self)
        self.add_field("card[exp_month]", self.tr("Expires"), self.expiry)
        self.tds_card_combo = QComboBox(self)
        self.tds_card_combo.setEditable(True)
        self.add_field(
            "three_d_secure[card]",
            self.tr("Card source"),
            self.tds_card_combo,
            self.tr("The card Source (src_…) to authenticate with 3D Secure."),
        )
        self.iban_combo = QComboBox(self)
        self.iban_combo.setEditable(True)
        for iban, outcome in _facts.sepa_test_ibans():
            self.iban_combo.addItem(f"{iban} — {outcome}", iban)
        iban_line = self.iban_combo.lineEdit()  # an editable combo always has one
        assert iban_line is not None
        iban_line.setText(self.iban_combo.itemData(0))
        self.iban_combo.activated.connect(lambda i: iban_line.setText(self.iban_combo.itemData(i)))
        self.add_field("sepa_debit[iban]", self.tr("IBAN"), self.iban_combo)
        self.country_combo = QComboBox(self)
        for code in _facts.SOFORT_COUNTRIES:
            self.country_combo.addItem(code, code)
        self.add_field("sofort[country]", self.tr("Bank country"), self.country_combo)
        self.return_url_edit = QLineEdit(RETURN_URL, self)
        self.add_field(
            "redirect[return_url]",
            self.tr("Return URL"),
            self.return_url_edit,
            self.tr("Where the customer comes back after the redirect."),
        )

        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("Jenny Rosen"))
        self.add_field("owner[name]", self.tr("Owner name"), self.name_edit)
        self.email_edit = QLineEdit(self)
        self.email_edit.setPlaceholderText("jenny.rosen@example.com")
        self.add_field("owner[email]", self.tr("Owner email"), self.email_edit)
        self.phone_edit = QLineEdit(self)
        self.add_field("owner[phone]", self.tr("Owner phone"), self.phone_edit)

        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self.currency_combo.currentIndexChanged.connect(self._update_amount_hint)
        self.amount_edit.textChanged.connect(self._update_amount_hint)
        self.preset_combo.activated.connect(self._apply_preset)
        self.tds_card_combo.activated.connect(
            lambda i: self.tds_card_combo.setEditText(str(self.tds_card_combo.itemData(i) or ""))
        )
        self.set_source_type(source_type)

    # -- type switching ---------------------------------------------------

    def source_type(self) -> str:
        return str(self.type_combo.currentData())

    def facts(self) -> _facts.SourceType:
        return _facts.SOURCE_TYPES[self.source_type()]

    def set_source_type(self, source_type: str) -> None:
        index = self.type_combo.findData(source_type)
        if index < 0:
            raise ValueError(f"unknown source type {source_type!r}")
        if index == self.type_combo.currentIndex():
            self._type_changed()
        else:
            self.type_combo.setCurrentIndex(index)

    def _type_changed(self) -> None:
        facts = self.facts()
        fill_combo(self.flow_combo, [(f, f) for f in facts.flows], keep=False)
        self.flow_combo.setEnabled(len(facts.flows) > 1)
        fill_combo(self.usage_combo, [(u, u) for u in facts.usages], keep=False)
        self.usage_combo.setEnabled(len(facts.usages) > 1)
        fill_combo(
            self.currency_combo, [(c, c) for c in _facts.currencies_for(facts.name)], keep=False
        )
        self.currency_combo.setEnabled(self.currency_combo.count() > 1)
        if facts.amount_at_creation == "forbidden":
            self.amount_edit.clear()
        elif not self.amount_edit.text():
            low, _ = _facts.amount_limits(facts.name, self.currency())
            self.amount_edit.setText(str(max(1099, low)))
        required = set(facts.required)
        # a required owner field starts with the docs' example owner, so OK works at once
        if "owner[name]" in required and not self.name_edit.text().strip():
            self.name_edit.setText("Jenny Rosen")
        if "owner[email]" in required and not self.email_edit.text().strip():
            self.email_edit.setText("jenny.rosen@example.com")
        presets = _facts.source_presets(facts.name)
        fill_combo(
            self.preset_combo,
            [(self.tr("(none)"), -1)] + [(p.label, i) for i, p in enumerate(presets)],
            keep=False,
        )
        self._fill_tds_cards()

        visible = {
            "flow": True,
            "usage": True,
            "currency": True,
            "amount": facts.amount_at_creation != "forbidden",
            "preset": bool(presets),
            "card[number]": facts.name == "card",
            "card[exp_month]": facts.name == "card",
            "three_d_secure[card]": "three_d_secure[card]" in required,
            "sepa_debit[iban]": "sepa_debit[iban]" in required,
            "sofort[country]": "sofort[country]" in required,
            "redirect[return_url]": "redirect[return_url]" in required,
        }
        for name, show in visible.items():
            self.set_field_visible(name, show)
        self._describe(facts)
        self._update_amount_hint()
        self.refresh()
        self.adjustSize()

    def _describe(self, facts: _facts.SourceType) -> None:
        currencies = ", ".join(facts.currencies and sorted(facts.currencies) or [self.tr("any")])
        amount = {
            "required": self.tr("required"),
            "optional": self.tr("optional"),
            "forbidden": self.tr("not accepted at creation"),
        }[facts.amount_at_creation]
        lines = [
            self.tr("Flow: {flow} · usage: {usages} (default {default}) · starts {status}").format(
                flow=" / ".join(facts.flows),
                usages=" / ".join(facts.usages),
                default=facts.default_usage,
                status=facts.initial_status,
            ),
            self.tr(
                "Currency: {currencies} · amount: {amount} · {kind} payment, charge {sync}"
            ).format(
                currencies=currencies,
                amount=amount,
                kind=self.tr("pull") if facts.pull else self.tr("push"),
                sync=self.tr("synchronous") if facts.charge_sync else self.tr("asynchronous"),
            ),
        ]
        lines.append(self._expiry(facts))
        lines += [
            self.tr("Unverified ({topic}): {note}").format(
                topic=core_text(_facts.unverified_topic(key)), note=core_text(note)
            )
            for key, note in facts.unverified.items()
        ]
        self.set_cited(self.facts_label, wrap("\n".join(lines)))

    def _expiry(self, facts: _facts.SourceType) -> str:
        """The type's own timers (§3.4): they differ by type, not by flow."""
        if facts.pending_expiry is None and facts.chargeable_expiry is None:
            return self.tr("Expiry: none; the source waits until used or canceled (§3.4)")
        line = self.tr(
            "Expiry (§3.4): pending canceled after {pending} · chargeable canceled "
            "after {chargeable}"
        ).format(
            pending=self._duration(facts.pending_expiry),
            chargeable=self._duration(facts.chargeable_expiry),
        )
        if facts.china_cutoff:
            line += self.tr(", or at 23:45 China time, whichever comes first")
        return line

    def _duration(self, seconds: int | None) -> str:
        if seconds is None:
            return self.tr("never")
        if seconds % 86400 == 0:
            days = seconds // 86400
            return self.tr("1 day") if days == 1 else self.tr("{n} days").format(n=days)
        hours = max(1, seconds // 3600)
        return self.tr("1 hour") if hours == 1 else self.tr("{n} hours").format(n=hours)

    def _fill_tds_cards(self) -> None:
        ids = []
        for object_id in self._sandbox.object_ids("source"):
            obj = self._sandbox.get(object_id) or {}
            if obj.get("type") == "card":
                ids.append(object_id)
        fill_combo(self.tds_card_combo, [(i, i) for i in reversed(ids)])
        if not self.tds_card_combo.currentText() and ids:
            self.tds_card_combo.setEditText(ids[-1])

    def _apply_preset(self, index: int) -> None:
        number = self.preset_combo.itemData(index)
        presets = _facts.source_presets(self.source_type())
        if not isinstance(number, int) or not 0 <= number < len(presets):
            return
        edits = {"owner[email]": self.email_edit, "owner[name]": self.name_edit}
        for key, value in presets[number].values.items():
            edits[key].setText(value)

    def currency(self) -> str:
        return str(self.currency_combo.currentData() or "")

    def _update_amount_hint(self) -> None:
        amount = parse_amount(self.amount_edit.text())
        self.amount_hint.setText(
            "= " + _facts.format_amount(amount, self.currency()) + f" {self.currency()}"
            if amount is not None and self.currency()
            else ""
        )

    # -- validation and request -------------------------------------------

    def validate(self) -> dict[str, str]:
        facts = self.facts()
        errors: dict[str, str] = {}
        required = set(facts.required)
        if facts.amount_at_creation != "forbidden":
            text = self.amount_edit.text().strip()
            amount = parse_amount(text)
            low, high = _facts.amount_limits(facts.name, self.currency())
            if not text:
                if facts.amount_at_creation == "required":
                    errors["amount"] = self.tr("A {type} source needs an amount.").format(
                        type=facts.name
                    )
            elif amount is None:
                errors["amount"] = self.tr("Whole number in the smallest unit (1099 means 10.99).")
            elif amount < low:
                errors["amount"] = self.tr("At least {min} for {type}.").format(
                    min=_facts.format_amount(low, self.currency()), type=facts.name
                )
            elif amount > high:
                errors["amount"] = self.tr("At most {max} for {type}.").format(
                    max=_facts.format_amount(high, self.currency()), type=facts.name
                )
        email = self.email_edit.text().strip()
        if email and not EMAIL.match(email):
            errors["owner[email]"] = self.tr("This is not an email address.")
        elif not email and "owner[email]" in required:
            errors["owner[email]"] = self.tr("A {type} source needs the owner's email.").format(
                type=facts.name
            )
        if "owner[name]" in required and not self.name_edit.text().strip():
            errors["owner[name]"] = self.tr("A {type} source needs the owner's name.").format(
                type=facts.name
            )
        if facts.name == "card":
            problem = self.card_picker.problem()
            if problem:
                errors["card[number]"] = problem
            problem = self.expiry.problem()
            if problem:
                errors["card[exp_month]"] = problem
        if "three_d_secure[card]" in required:
            card = self.tds_card_combo.currentText().strip()
            if not card:
                errors["three_d_secure[card]"] = self.tr(
                    "Create a card source first, then pick it here."
                )
            elif not card.startswith("src_"):
                errors["three_d_secure[card]"] = self.tr("A card Source id starts with src_.")
        if "sepa_debit[iban]" in required:
            iban = self._iban()
            if not IBAN.match(iban):
                errors["sepa_debit[iban]"] = self.tr(
                    "An IBAN is 2 letters, 2 digits, then 11 to 30 letters or digits."
                )
        if "redirect[return_url]" in required:
            url = self.return_url_edit.text().strip()
            if not url.startswith(("https://", "http://")):
                errors["redirect[return_url]"] = self.tr(
                    "The return URL starts with https:// or http://."
                )
        return errors

    def _iban(self) -> str:
        return self.iban_combo.currentText().replace(" ", "").upper().split("—")[0].strip()

    def build_request(self) -> ApiRequest:
        facts = self.facts()
        required = set(facts.required)
        params: list[tuple[str, str]] = [("type", facts.name)]
        flow = str(self.flow_combo.currentData() or facts.flow)
        if flow != facts.flow:
            params.append(("flow", flow))
        params.append(("usage", str(self.usage_combo.currentData() or facts.default_usage)))
        amount = self.amount_edit.text().strip() if facts.amount_at_creation != "forbidden" else ""
        if amount:
            params.append(("amount", amount))
        if amount or facts.currencies is not None:
            params.append(("currency", self.currency()))
        if facts.name == "card":
            params.append(("card[number]", self.card_picker.number()))
            params += self.expiry.params("card")
        if "three_d_secure[card]" in required:
            params.append(("three_d_secure[card]", self.tds_card_combo.currentText().strip()))
        if "sepa_debit[iban]" in required:
            params.append(("sepa_debit[iban]", self._iban()))
        if "sofort[country]" in required:
            params.append(("sofort[country]", str(self.country_combo.currentData())))
        if "redirect[return_url]" in required:
            params.append(("redirect[return_url]", self.return_url_edit.text().strip()))
        for key, edit in (
            ("owner[name]", self.name_edit),
            ("owner[email]", self.email_edit),
            ("owner[phone]", self.phone_edit),
        ):
            if edit.text().strip():
                params.append((key, edit.text().strip()))
        return ApiRequest("POST", "/v1/sources", tuple(params))
