"""The create dialogs: pre-filled from the core's catalog, inline validation, the request
they send, and Stripe's error shown in the dialog with the user's input kept."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from core.facts import cards, source_catalog
from gui.dialogs import ChargeDialog, NewCustomerDialog, NewSourceDialog, NewTokenDialog
from gui.dialogs.charge import MODES
from gui.sandbox_host import SandboxHost
from gui.widgets.cited_text import plain_text


class FakeSandbox:
    """Records requests and answers with a canned response."""

    def __init__(
        self,
        objects: dict[str, dict[str, Any]] | None = None,
        status: int = 200,
        body: dict[str, Any] | None = None,
    ) -> None:
        self.objects = objects or {}
        self.status, self.body = status, body or {"id": "obj_1"}
        self.sent: list[tuple[str, str, list[tuple[str, str]]]] = []

    def subscribe(self, callback: Any) -> None:  # the host's; it never notifies
        pass

    def unsubscribe(self, callback: Any) -> None:
        pass

    def object_ids(self, kind: str | None = None) -> list[str]:
        return [i for i, o in self.objects.items() if kind in (None, o.get("object"))]

    def get(self, object_id: str) -> dict[str, Any] | None:
        obj = self.objects.get(object_id)
        return dict(obj) if obj is not None else None

    def request(
        self,
        method: str,
        path: str,
        params: Any = None,
        headers: Any = None,
        *,
        origin: str = "api",
    ) -> Any:
        assert origin == "gui"
        self.sent.append((method, path, list(params or [])))
        return SimpleNamespace(status=self.status, body=self.body)


OBJECTS: dict[str, dict[str, Any]] = {
    "src_card": {"object": "source", "type": "card", "usage": "reusable", "status": "chargeable"},
    "src_ideal": {
        "object": "source",
        "type": "ideal",
        "usage": "single_use",
        "status": "chargeable",
        "amount": 2500,
        "currency": "eur",
    },
    "src_attached": {
        "object": "source",
        "type": "sepa_debit",
        "usage": "reusable",
        "status": "chargeable",
        "customer": "cus_1",
        "currency": "eur",
    },
    "tok_new": {
        "object": "token",
        "type": "card",
        "used": False,
        "card": {"brand": "Visa", "last4": "4242"},
    },
    "tok_old": {
        "object": "token",
        "type": "card",
        "used": True,
        "card": {"brand": "Visa", "last4": "0002"},
    },
    "cus_1": {"object": "customer", "email": "j@example.com", "default_source": "card_1"},
    "card_1": {"object": "card", "brand": "Visa", "last4": "4242", "customer": "cus_1"},
}

STRIPE_ERROR = {
    "error": {
        "type": "invalid_request_error",
        "code": "invalid_owner_name",
        "param": "owner[name]",
        "message": "The owner name must be at least 3 characters.",
    }
}


@pytest.fixture
def sandbox() -> FakeSandbox:
    return FakeSandbox(OBJECTS)


def source_dialog(qtbot: Any, sandbox: Any, source_type: str) -> NewSourceDialog:
    dialog = NewSourceDialog(SandboxHost(sandbox), source_type=source_type)
    qtbot.addWidget(dialog)
    return dialog


# -- New Source ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source_type", "expected"),
    [
        ("ideal", "pending canceled after 1 hour · chargeable canceled after 6 hours"),  # §3.4
        ("multibanco", "pending canceled after 7 days · chargeable canceled after 6 hours"),  # §3.4
        ("wechat", "after 6 hours, or at 23:45 China time"),  # §3.4: China settlement cut-off
        ("card", "Expiry: none"),  # §3.4: card sources do not expire
    ],
)
def test_the_types_own_expiry_timers_are_said(qtbot, sandbox, source_type, expected) -> None:
    dialog = source_dialog(qtbot, sandbox, source_type)
    assert expected in " ".join(plain_text(dialog.facts_label).split())


@pytest.mark.parametrize("source_type", source_catalog.SOURCE_TYPE_NAMES)
def test_every_type_is_prefilled_from_the_core(qtbot, sandbox, source_type) -> None:
    facts = source_catalog.SOURCE_TYPES[source_type]
    dialog = source_dialog(qtbot, sandbox, source_type)
    request = dialog.request()
    assert (request.method, request.path) == ("POST", "/v1/sources")
    assert request.param("type") == source_type
    assert request.param("usage") == facts.default_usage
    assert [dialog.usage_combo.itemData(i) for i in range(dialog.usage_combo.count())] == list(
        facts.usages
    )
    assert dialog.flow_combo.currentData() == facts.flow
    assert request.param("flow") is None  # the default flow is not sent
    if facts.currencies is not None:
        assert request.param("currency") in facts.currencies
    if facts.amount_at_creation == "forbidden":
        assert request.param("amount") is None
        assert not dialog.field_visible("amount")
    for key in facts.required:
        assert dialog.field_visible(key), key
    if source_type == "three_d_secure":
        assert request.param("three_d_secure[card]") == "src_card"
    for note in facts.unverified.values():
        assert " ".join(note.split()) in " ".join(plain_text(dialog.facts_label).split())
    if source_type != "three_d_secure" or sandbox.object_ids("source"):
        assert dialog.errors() == {}, dialog.errors()
        assert dialog.ok_button.isEnabled()


def test_switching_type_updates_the_form(qtbot, sandbox) -> None:
    dialog = source_dialog(qtbot, sandbox, "card")
    assert dialog.field_visible("card[number]")
    assert not dialog.field_visible("sepa_debit[iban]")
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData("sepa_debit"))
    assert not dialog.field_visible("card[number]")
    assert dialog.field_visible("sepa_debit[iban]")
    assert dialog.request().param("sepa_debit[iban]") == "DE89370400440532013000"
    assert dialog.request().param("card[number]") is None
    assert dialog.request().param("currency") == "eur"


def test_choosing_a_reusable_usage_is_sent(qtbot, sandbox) -> None:
    dialog = source_dialog(qtbot, sandbox, "ach_credit_transfer")
    dialog.usage_combo.setCurrentIndex(dialog.usage_combo.findData("single_use"))
    assert dialog.request().param("usage") == "single_use"
    assert dialog.request().param("currency") == "usd"


def test_amount_validation_is_inline(qtbot, sandbox) -> None:
    dialog = source_dialog(qtbot, sandbox, "sofort")
    dialog.amount_edit.setText("")
    assert "needs an amount" in dialog.error_text("amount")
    assert not dialog.ok_button.isEnabled()
    dialog.amount_edit.setText("12.5")
    assert "smallest unit" in dialog.error_text("amount")
    dialog.amount_edit.setText("50")
    assert "At least €1.00" in dialog.error_text("amount")
    dialog.amount_edit.setText("100")
    assert dialog.error_text("amount") == ""
    assert dialog.ok_button.isEnabled()


def test_required_owner_fields(qtbot, sandbox) -> None:
    dialog = source_dialog(qtbot, sandbox, "multibanco")
    assert dialog.request().param("owner[email]") == "jenny.rosen@example.com"  # pre-filled
    dialog.email_edit.setText("")
    assert "email" in dialog.error_text("owner[email]")
    dialog.email_edit.setText("not an email")
    assert "not an email" in dialog.error_text("owner[email]")
    dialog.email_edit.setText("jenny@example.com")
    assert dialog.errors() == {}
    dialog.set_source_type("bancontact")
    assert dialog.request().param("owner[name]") == "Jenny Rosen"
    dialog.name_edit.setText("")
    assert "owner's name" in dialog.error_text("owner[name]")


def test_multibanco_presets_fill_the_email(qtbot, sandbox) -> None:
    dialog = source_dialog(qtbot, sandbox, "multibanco")
    labels = [dialog.preset_combo.itemText(i) for i in range(dialog.preset_combo.count())]
    assert any("+fill_now" in label for label in labels)
    assert any("+fill_never" in label for label in labels)
    index = next(i for i, label in enumerate(labels) if "+fill_never" in label)
    dialog.preset_combo.setCurrentIndex(index)
    dialog.preset_combo.activated.emit(index)
    assert dialog.request().param("owner[email]") == "jenny+fill_never@example.com"


@pytest.mark.parametrize("source_type", ["ideal", "bancontact", "giropay", "p24", "sofort"])
def test_redirect_types_offer_the_chargeable_email(qtbot, sandbox, source_type) -> None:
    dialog = source_dialog(qtbot, sandbox, source_type)
    dialog.preset_combo.activated.emit(1)
    assert dialog.request().param("owner[email]").endswith("_chargeable@example.com")


def test_sepa_test_ibans_with_outcomes(qtbot, sandbox) -> None:
    dialog = source_dialog(qtbot, sandbox, "sepa_debit")
    items = [dialog.iban_combo.itemText(i) for i in range(dialog.iban_combo.count())]
    for iban in (
        "DE89370400440532013000",
        *source_catalog.SEPA_FAILING_IBANS,
        *source_catalog.SEPA_DISPUTE_IBANS,
    ):
        assert any(item.startswith(iban) for item in items)
    dialog.iban_combo.activated.emit(
        next(i for i, t in enumerate(items) if t.startswith("DE62370400440532013001"))
    )
    assert dialog.request().param("sepa_debit[iban]") == "DE62370400440532013001"
    dialog.iban_combo.setEditText("DE12")
    assert "IBAN" in dialog.error_text("sepa_debit[iban]")


def test_card_number_typed_or_picked(qtbot, sandbox) -> None:
    dialog = source_dialog(qtbot, sandbox, "card")
    assert dialog.request().param("card[number]") == "4242424242424242"
    dialog.card_picker.set_number("4242 4242 4242 4241")
    assert dialog.card_picker.typing()
    assert dialog.errors() == {}  # Stripe answers incorrect_number; the lesson is its error
    assert "Luhn" in dialog.card_picker.outcome_text()
    assert dialog.request().param("card[number]") == "4242424242424241"
    dialog.card_picker.number_edit.setText("4242abc")
    assert "digits only" in dialog.error_text("card[number]")
    dialog.card_picker.set_number("4000000000000341")
    assert not dialog.card_picker.typing()
    dialog.expiry.month.setText("13")
    assert "month" in dialog.error_text("card[exp_month]")


def test_submit_sends_exactly_the_previewed_request(qtbot, sandbox) -> None:
    sandbox.body = {"id": "src_new", "object": "source"}
    dialog = source_dialog(qtbot, sandbox, "ideal")
    request = dialog.request()
    assert dialog.preview.toPlainText() == request.as_text()
    with qtbot.wait_signal(dialog.succeeded) as blocker:
        assert dialog.submit()
    assert blocker.args == [{"id": "src_new", "object": "source"}]
    assert sandbox.sent == [("POST", "/v1/sources", list(request.params))]
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_invalid_form_sends_nothing(qtbot, sandbox) -> None:
    dialog = source_dialog(qtbot, sandbox, "ideal")
    dialog.amount_edit.setText("")
    dialog.accept()  # OK and Enter go through submit
    assert sandbox.sent == []
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_a_stripe_error_stays_in_the_dialog_with_the_input(qtbot) -> None:
    sandbox = FakeSandbox(OBJECTS, status=400, body=STRIPE_ERROR)
    dialog = source_dialog(qtbot, sandbox, "bancontact")
    dialog.name_edit.setText("Jo")
    dialog.amount_edit.setText("2000")
    with qtbot.wait_signal(dialog.failed) as blocker, qtbot.assert_not_emitted(dialog.succeeded):
        assert not dialog.submit()
    assert blocker.args == [STRIPE_ERROR["error"]]
    assert "The owner name must be at least 3 characters." in dialog.stripe_message()
    assert "invalid_owner_name" in dialog.stripe_message()
    assert dialog.error_text("owner[name]") == "The owner name must be at least 3 characters."
    assert dialog.name_edit.text() == "Jo" and dialog.amount_edit.text() == "2000"
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.name_edit.setText("Jenny Rosen")  # editing clears the field's note, not the banner
    assert dialog.error_text("owner[name]") == ""
    assert dialog.stripe_message()


# -- New Token ----------------------------------------------------------------------


def test_token_picker_lists_every_test_card_with_its_outcome(qtbot, sandbox) -> None:
    dialog = NewTokenDialog(SandboxHost(sandbox))
    qtbot.addWidget(dialog)
    combo = dialog.card_picker.combo
    numbers = [combo.itemData(i) for i in range(combo.count())]
    assert numbers[:-1] == [card.number for card in cards.TEST_CARDS]
    dialog.card_picker.set_number("4000000000009995")
    assert "insufficient_funds" in dialog.card_picker.outcome_text()
    assert "cannot be attached" in dialog.card_picker.outcome_text()
    dialog.card_picker.set_number("4000000000000341")
    assert "every charge fails" in dialog.card_picker.outcome_text()
    request = dialog.request()
    assert (request.method, request.path) == ("POST", "/v1/tokens")
    assert request.param("card[number]") == "4000000000000341"
    assert request.param("card[cvc]") == "123"
    dialog.expiry.cvc.setText("")
    assert dialog.request().param("card[cvc]") is None  # §10: no CVC, no CVC check


def test_bank_account_token(qtbot, sandbox) -> None:
    dialog = NewTokenDialog(SandboxHost(sandbox), kind="bank_account")
    qtbot.addWidget(dialog)
    assert not dialog.field_visible("card[number]")
    params = dict(dialog.request().params)
    assert params["bank_account[routing_number]"] == "110000000"
    assert params["bank_account[account_number]"] == "000123456789"
    assert not any(key.startswith("card[") for key in params)
    dialog.ba_account.activated.emit(3)
    assert dialog.request().param("bank_account[account_number]") == "000222222227"
    dialog.ba_routing.setText("12")
    assert "9 digits" in dialog.error_text("bank_account[routing_number]")


def test_pii_token(qtbot, sandbox) -> None:
    dialog = NewTokenDialog(SandboxHost(sandbox), kind="pii")
    qtbot.addWidget(dialog)
    assert dialog.request().params == (("pii[id_number]", "000000000"),)
    dialog.pii_number.setText(" ")
    assert not dialog.ok_button.isEnabled()


# -- New Customer -------------------------------------------------------------------


def test_customer_with_and_without_a_source(qtbot, sandbox) -> None:
    dialog = NewCustomerDialog(SandboxHost(sandbox))
    qtbot.addWidget(dialog)
    offered = [dialog.source_combo.itemData(i) for i in range(dialog.source_combo.count())]
    assert "tok_new" in offered and "src_card" in offered
    assert "tok_old" not in offered  # used tokens cannot be attached
    assert "src_attached" not in offered  # already on a customer
    assert "tok_visa" in offered
    assert dialog.request().param("source") is None
    dialog.source_combo.activated.emit(offered.index("tok_new"))
    assert dialog.request().param("source") == "tok_new"
    dialog.source_combo.setEditText("cus_1")
    assert "tok_" in dialog.error_text("source")
    dialog.email_edit.setText("nope")
    assert "email" in dialog.error_text("email")


def test_customer_preselected_source(qtbot, sandbox) -> None:
    dialog = NewCustomerDialog(SandboxHost(sandbox), source_id="src_card")
    qtbot.addWidget(dialog)
    request = dialog.request()
    assert (request.path, request.param("source")) == ("/v1/customers", "src_card")


# -- Charge -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source_id", "customer_id", "mode", "params"),
    [
        ("tok_new", None, "token", {"source": "tok_new"}),
        ("src_ideal", None, "source", {"source": "src_ideal", "amount": "2500", "currency": "eur"}),
        (None, "cus_1", "customer", {"customer": "cus_1"}),
        (
            "src_attached",
            None,
            "customer_attached",
            {"customer": "cus_1", "source": "src_attached"},
        ),
        ("card_1", "cus_1", "customer_attached", {"customer": "cus_1", "source": "card_1"}),
        ("src_ideal", "cus_1", "customer_single_use", {"customer": "cus_1", "source": "src_ideal"}),
        ("tok_new", "cus_1", "customer_token", {"customer": "cus_1", "source": "tok_new"}),
    ],
)
def test_charge_combinations_of_8_1(qtbot, sandbox, source_id, customer_id, mode, params) -> None:
    dialog = ChargeDialog(SandboxHost(sandbox), source_id=source_id, customer_id=customer_id)
    qtbot.addWidget(dialog)
    assert dialog.mode().key == mode
    request = dialog.request()
    assert (request.method, request.path) == ("POST", "/v1/charges")
    sent = dict(request.params)
    for key, value in params.items():
        assert sent[key] == value
    assert ("source" in sent) is MODES[[m.key for m in MODES].index(mode)].needs_source
    assert ("customer" in sent) is (mode.startswith("customer"))
    assert dialog.errors() == {}


def test_charge_customer_only_sends_no_source(qtbot, sandbox) -> None:
    dialog = ChargeDialog(SandboxHost(sandbox), source_id="tok_new")
    qtbot.addWidget(dialog)
    dialog.set_mode("customer")
    assert not dialog.field_visible("source")
    assert "customer" in dialog.error_text("customer")
    dialog.customer_combo.setEditText("cus_1")
    assert [k for k, _ in dialog.request().params] == ["amount", "currency", "customer"]
    assert "default_source" in dialog.mode_note.text()


def test_charge_source_list_follows_the_mode(qtbot, sandbox) -> None:
    dialog = ChargeDialog(SandboxHost(sandbox), customer_id="cus_1")
    qtbot.addWidget(dialog)
    dialog.set_mode("customer_attached")
    listed = [dialog.source_combo.itemData(i) for i in range(dialog.source_combo.count())]
    assert set(listed) == {"src_attached", "card_1"}
    dialog.set_mode("token")
    listed = [dialog.source_combo.itemData(i) for i in range(dialog.source_combo.count())]
    assert listed[:2] == ["tok_new", "tok_old"]  # unused first; used ones show Stripe's error
    assert "tok_visa" in listed
    dialog.set_mode("customer_single_use")
    listed = [dialog.source_combo.itemData(i) for i in range(dialog.source_combo.count())]
    assert listed == ["src_ideal"]


def test_charge_validation_and_capture(qtbot, sandbox) -> None:
    dialog = ChargeDialog(SandboxHost(sandbox), source_id="tok_new")
    qtbot.addWidget(dialog)
    dialog.amount_edit.setText("49")
    assert "minimum charge is $0.50" in dialog.error_text("amount")
    dialog.amount_edit.setText("50")
    assert dialog.errors() == {}
    dialog.currency_combo.setCurrentText("xyz")
    assert dialog.error_text("currency")
    dialog.currency_combo.setCurrentText("usd")
    dialog.source_combo.setEditText("src_card")
    assert "tok_" in dialog.error_text("source")
    dialog.source_combo.setEditText("tok_new")
    dialog.capture_check.setChecked(False)
    assert dialog.request().param("capture") == "false"


def test_charge_error_is_shown_and_input_kept(qtbot) -> None:
    error = {
        "error": {
            "type": "invalid_request_error",
            "code": "missing",
            "param": "source",
            "message": "Customer cus_1 does not have a linked source with ID tok_new.",
        }
    }
    sandbox = FakeSandbox(OBJECTS, status=400, body=error)
    dialog = ChargeDialog(SandboxHost(sandbox), source_id="tok_new", customer_id="cus_1")
    qtbot.addWidget(dialog)
    assert not dialog.submit()
    assert "does not have a linked source" in dialog.stripe_message()
    assert "does not have a linked source" in dialog.error_text("source")
    assert (dialog.customer_id(), dialog.source_id()) == ("cus_1", "tok_new")


# -- against the real core: what the fakes above stand for must hold there too ---------


@pytest.fixture
def real_sandbox() -> Any:
    from core.api import Sandbox

    return Sandbox(seed=0, check_keys=False)


def test_real_card_source_is_created(qtbot, real_sandbox) -> None:
    dialog = source_dialog(qtbot, real_sandbox, "card")
    with qtbot.wait_signal(dialog.succeeded) as blocker:
        assert dialog.submit(), dialog.stripe_message()
    source = blocker.args[0]
    assert source["object"] == "source" and source["type"] == "card"
    assert source["status"] == "chargeable" and source["usage"] == "reusable"
    assert real_sandbox.object_ids("source") == [source["id"]]


@pytest.mark.parametrize("source_type", source_catalog.SOURCE_TYPE_NAMES)
def test_real_core_accepts_every_prefilled_type(qtbot, real_sandbox, source_type) -> None:
    if source_type == "three_d_secure":
        source_dialog(qtbot, real_sandbox, "card").submit()
    dialog = source_dialog(qtbot, real_sandbox, source_type)
    assert dialog.submit(), dialog.stripe_message()
    assert dialog.last_response.body["type"] == source_type


def test_real_customer_only_charge_without_default_is_refused_in_the_dialog(
    qtbot, real_sandbox
) -> None:
    customer = NewCustomerDialog(SandboxHost(real_sandbox))
    qtbot.addWidget(customer)
    assert customer.submit(), customer.stripe_message()
    customer_id = customer.last_response.body["id"]
    revision = real_sandbox.revision
    dialog = ChargeDialog(SandboxHost(real_sandbox), customer_id=customer_id)
    qtbot.addWidget(dialog)
    assert dialog.mode().key == "customer"
    assert not dialog.submit()
    message = dialog.last_response.body["error"]["message"]
    assert message in dialog.stripe_message()
    assert dialog.customer_id() == customer_id  # the input is kept
    assert real_sandbox.revision == revision  # a rejected request changes nothing


def test_real_token_then_customer_then_charge(qtbot, real_sandbox) -> None:
    token = NewTokenDialog(SandboxHost(real_sandbox))
    qtbot.addWidget(token)
    assert token.submit(), token.stripe_message()
    token_id = token.last_response.body["id"]
    customer = NewCustomerDialog(SandboxHost(real_sandbox), source_id=token_id)
    qtbot.addWidget(customer)
    assert customer.submit(), customer.stripe_message()
    customer_id = customer.last_response.body["id"]
    charge = ChargeDialog(SandboxHost(real_sandbox), customer_id=customer_id)
    qtbot.addWidget(charge)
    assert charge.submit(), charge.stripe_message()
    assert charge.last_response.body["status"] == "succeeded"
