"""View ▸ Compare Three Generations: one test card as a Token, a Source and a PaymentMethod.

Each column pays twice; what it shows is what the sandbox answered, and every request
goes through the window's one request path (the log, the refusals, the event log).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers.window import make_window
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel

from gui.dialogs.generations import GenerationsDialog

pytestmark = pytest.mark.gui

KINDS = ("token", "source", "payment_method")


def _open(qtbot: Any, tmp_path: Path) -> tuple[Any, GenerationsDialog]:
    window = make_window(qtbot, tmp_path)
    window.commands.action("compare_generations").trigger()
    dialog = window.findChild(GenerationsDialog, "generationsDialog")
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    return window, dialog


def _click(qtbot: Any, button: Any) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _text(label: QLabel) -> str:
    from PySide6.QtGui import QTextDocumentFragment

    return " ".join(QTextDocumentFragment.fromHtml(label.text()).toPlainText().split())


def test_view_menu_palette_and_shortcut_open_one_compare_view(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    action = window.commands.action("compare_generations")
    assert action in window.menus["view"].actions()
    assert action.shortcut().toString() == "Ctrl+Alt+G"
    qtbot.keyClick(
        window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    dialog = window.findChild(GenerationsDialog, "generationsDialog")
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert dialog.card_combo.currentData() == "4242424242424242"
    dialog.make_objects()
    dialog.close()
    assert not dialog.isVisible()
    # the command palette (Ctrl+K) finds it by name; the same view comes back, as it was
    window.open_palette()
    palette = window._palette
    palette.set_filter("three generations")
    assert palette.visible_actions() == [action]
    assert palette.trigger_current()
    assert window.findChildren(GenerationsDialog) == [dialog] and dialog.isVisible()
    assert dialog.generations.generations["token"].object_id is not None
    dialog.close()


def test_paying_twice_without_a_customer_refuses_all_three_in_stripes_words(
    qtbot: Any, tmp_path: Path
) -> None:
    window, dialog = _open(qtbot, tmp_path)
    sandbox = window.sandbox
    with qtbot.assertNotEmitted(window.host.refused):
        _click(qtbot, dialog.make_button)
    ids = {kind: dialog.generations.generations[kind].object_id for kind in KINDS}
    for kind, prefix in zip(KINDS, ("tok_", "src_", "pm_"), strict=True):
        assert str(ids[kind]).startswith(prefix)
    columns = {kind: dialog.column(kind) for kind in KINDS}
    for kind in KINDS:
        assert columns[kind].id_label.text() == ids[kind]
    assert _text(columns["token"].fields_label) == "used: false"
    assert _text(columns["source"].fields_label) == (
        "status: chargeable usage: reusable customer: null"
    )
    assert _text(columns["payment_method"].fields_label) == "customer: null"

    # pay once: all three accepted (a charge for the legacy two, a PaymentIntent for the PM)
    for kind in KINDS:
        assert columns[kind].pay_button.text() == "Pay once"
        _click(qtbot, columns[kind].pay_button)
    for kind, prefix in zip(KINDS, ("ch_", "ch_", "pi_"), strict=True):
        (first,) = columns[kind].outcome_texts()
        assert first.startswith("Pay once · POST")
        assert f"✓ Accepted: {prefix}" in first and first.endswith("· succeeded")
    assert _text(columns["token"].fields_label) == "used: true"  # §6.3
    assert "status: consumed" in _text(columns["source"].fields_label)  # §5.1 rule 2

    # pay again: all three refused, each in Stripe's words as the sandbox answered them
    with qtbot.waitSignals([window.host.refused] * 3):
        for kind in KINDS:
            assert columns[kind].pay_button.text() == "Pay again"
            _click(qtbot, columns[kind].pay_button)
    said = {kind: dialog.generations.generations[kind].attempts[-1] for kind in KINDS}
    assert said["token"].error["code"] == "token_already_used"  # stripe-domain §5.2, §6.3
    for kind in KINDS:
        second = columns[kind].outcome_texts()[1]
        assert second.startswith("Pay again · POST")
        assert f"✕ Refused, Stripe says: “{said[kind].error['message']}”" in second
    token, source, method = (columns[k].outcome_texts()[1] for k in KINDS)
    assert "You cannot use a Stripe token more than once" in token
    assert "Why: A token is used once" in token and "(§6.3)" in token  # §6.3
    # §5.1 rule 2: a reusable source charged without a customer is consumed
    assert "The reusable source you provided is consumed" in source
    assert "Why: A reusable source charged without being attached" in source
    # intents §4.4 / §9 E12: a PaymentMethod used without a customer may not be used again
    assert "It may not be used again." in method
    assert "Why: A PaymentMethod used without a customer" in method
    assert "✕ Used: a token can never be used again (§6.3)." == _text(
        columns["token"].verdict_label
    )
    assert _text(columns["source"].verdict_label).startswith("✕ Consumed")
    assert _text(columns["payment_method"].verdict_label).startswith("✕ Used without a customer")

    # every request went through the window's path: 5 accepted, 3 refused, all from "gui"
    accepted = [(e.method, e.path) for e in sandbox.log]
    assert accepted == [
        ("POST", "/v1/tokens"),
        ("POST", "/v1/sources"),
        ("POST", "/v1/payment_methods"),
        ("POST", "/v1/charges"),
        ("POST", "/v1/charges"),
        ("POST", "/v1/payment_intents"),
    ]
    assert {e.origin for e in sandbox.log} == {"gui"}
    refused = [(r.method, r.path, r.status, r.origin) for r in sandbox.refused]
    assert refused == [
        ("POST", "/v1/charges", 400, "gui"),
        ("POST", "/v1/charges", 400, "gui"),
        ("POST", "/v1/payment_intents", 400, "gui"),
    ]
    log_model = window.event_log.model()
    shown = [
        str(log_model.index(row, column).data())
        for row in range(log_model.rowCount())
        for column in range(log_model.columnCount())
    ]
    assert sum("error 400" in text for text in shown) == 3, shown
    # the object list shows the three (the window's own panes followed the requests)
    for object_id in ids.values():
        assert window.object_panel.model.row_of(object_id) is not None
    dialog.close()


def test_attached_to_a_customer_first_the_source_and_the_payment_method_pay_twice(
    qtbot: Any, tmp_path: Path
) -> None:
    window, dialog = _open(qtbot, tmp_path)
    _click(qtbot, dialog.make_button)
    columns = {kind: dialog.column(kind) for kind in KINDS}
    for kind in KINDS:
        _click(qtbot, columns[kind].attach_button)
    generations = dialog.generations.generations
    customer = dialog.generations.customer
    assert customer and all(generations[k].customer == customer for k in KINDS)
    assert not any(columns[k].attach_button.isEnabled() for k in KINDS)
    # §6.3: attaching a token makes a card_ on the customer and uses the token up
    card = generations["token"].card_id
    assert card and card.startswith("card_")
    assert _text(columns["token"].fields_label) == f"used: true the customer's card: {card}"
    assert f"customer: {customer}" in _text(columns["source"].fields_label)
    assert _text(columns["payment_method"].fields_label) == f"customer: {customer}"
    for kind in KINDS:
        assert columns[kind].pay_button.text() == "Pay with the customer"
        _click(qtbot, columns[kind].pay_button)
        assert columns[kind].pay_button.text() == "Pay again with the customer"
        _click(qtbot, columns[kind].pay_button)
    for kind in KINDS:
        attach, first, second = columns[kind].outcome_texts()
        assert attach.startswith("Attach to a customer · POST") and "✓ Accepted:" in attach
        # §5.1 rule 3 (a reusable source attached is charged again and again);
        # intents §4.4 (a PaymentMethod attached before its first use is reusable)
        assert "✓ Accepted:" in first and "✓ Accepted:" in second, (first, second)
    assert _text(columns["source"].verdict_label).startswith("✓ Reusable")
    assert _text(columns["payment_method"].verdict_label).startswith("✓ Reusable")
    assert _text(columns["token"].verdict_label).startswith("✓ Used by the attach")
    charges = [e.params for e in window.sandbox.log if e.path == "/v1/charges"]
    assert all(("customer", customer) in params for params in charges)
    assert [("source", card) in p for p in charges] == [True, True, False, False]
    intents = [e.params for e in window.sandbox.log if e.path == "/v1/payment_intents"]
    assert len(intents) == 2 and all(("customer", customer) in p for p in intents)
    assert not window.sandbox.refused
    dialog.close()


def test_attaching_after_a_use_without_customer_is_refused_too(qtbot: Any, tmp_path: Path) -> None:
    window, dialog = _open(qtbot, tmp_path)
    dialog.make_objects()
    for kind in KINDS:
        dialog.pay(kind)
        attempt = dialog.attach(kind)
        assert attempt is not None and not attempt.accepted
    columns = {kind: dialog.column(kind) for kind in KINDS}
    # §6.3 (attaching is a use), §5.1 rule 5 (only chargeable/pending attach),
    # intents §9 E13 (a used PaymentMethod may not be attached)
    assert "Why: Attaching is a use too" in columns["token"].outcome_texts()[-1]
    assert "Why: Only a chargeable or pending source" in columns["source"].outcome_texts()[-1]
    method = columns["payment_method"].outcome_texts()[-1]
    assert "This PaymentMethod was previously used without being attached" in method
    assert "Why: Too late" in method
    assert [r.path.rsplit("/", 1)[-1] for r in window.sandbox.refused] == [
        "sources",
        "sources",
        "attach",
    ]
    dialog.close()


def test_a_declined_card_is_refused_first_with_the_decline_then_with_the_reuse_rule(
    qtbot: Any, tmp_path: Path
) -> None:
    window, dialog = _open(qtbot, tmp_path)
    dialog.card_combo.setCurrentIndex(dialog.card_combo.findData("4000000000000002"))
    dialog.make_objects()
    token = dialog.column("token")
    dialog.pay("token")
    dialog.pay("token")
    declined, again = token.outcome_texts()
    assert "Your card was declined." in declined and "Why: A token is used once" not in declined
    # §6.3: a declined charge still uses up the token
    assert "You cannot use a Stripe token more than once" in again
    assert "Why: A token is used once" in again
    dialog.close()


def test_a_new_sandbox_empties_the_columns(qtbot: Any, tmp_path: Path) -> None:
    window, dialog = _open(qtbot, tmp_path)
    dialog.make_objects()
    dialog.pay("token")
    window.session.new()
    QApplication.processEvents()
    assert dialog.generations.generations["token"].object_id is None
    assert dialog.column("token").outcome_texts() == []
    assert not dialog.column("token").pay_button.isEnabled()
    dialog.close()


def test_the_compare_view_in_japanese(qtbot: Any, tmp_path: Path) -> None:
    window, dialog = _open(qtbot, tmp_path)
    try:
        assert window.set_language("ja")
        QApplication.processEvents()  # Qt posts LanguageChange to each window
        dialog.make_objects()
        for _ in range(2):
            for kind in KINDS:
                dialog.pay(kind)
        assert dialog.windowTitle() == "1 枚のカード、3 つの世代"
        assert dialog.make_button.text() == "3 つのオブジェクトを作成(&M)"
        assert dialog.column("source").title_label.text() == "ソース（カード）"
        assert dialog.column("token").pay_button.text() == "もう一度支払う"
        assert "消費した" in _text(dialog.column("source").fields_label)  # status consumed
        token = dialog.column("token").outcome_texts()[1]
        assert token.startswith("もう一度支払う · POST")
        assert "拒否されました。Stripe の言葉：" in token
        # Stripe's own words stay as the API returned them; the why line is Japanese
        assert "You cannot use a Stripe token more than once" in token
        assert "理由： トークンは一回だけ使えます" in token
        assert _text(dialog.column("payment_method").verdict_label).startswith(
            "✕ 顧客なしで使われました"
        )
        assert window.commands.action("compare_generations").text() == "3 つの世代を比較(&G)…"
    finally:
        window.set_language("en")
        QApplication.processEvents()
    assert dialog.column("token").pay_button.text() == "Pay again"
    assert QCoreApplication.translate("GenerationsDialog", "Why:") == "Why:"
    dialog.close()


@pytest.mark.parametrize("language", ["en", "ja"])
def test_after_paying_twice_no_column_text_is_cut_off(
    qtbot: Any, tmp_path: Path, language: str
) -> None:
    window, dialog = _open(qtbot, tmp_path)
    try:
        if language == "ja":
            assert window.set_language("ja")
            QApplication.processEvents()  # Qt posts LanguageChange to each window
        dialog.make_objects()
        for _ in range(2):
            for kind in KINDS:
                dialog.pay(kind)
        QApplication.processEvents()  # the posted relayouts: the dialog grows to its text
        labels = [
            label
            for column in dialog.columns.values()
            for label in column.findChildren(QLabel)
            if label.isVisible() and label.text()
        ]
        assert len(labels) >= 3 * 6
        cut = [
            (label.objectName(), label.height(), label.heightForWidth(label.width()))
            for label in labels
            if label.wordWrap() and label.height() < label.heightForWidth(label.width())
        ]
        assert not cut
        for column in dialog.columns.values():  # the refusal wraps inside its column
            outcomes = column.outcomes_label
            assert outcomes.width() <= column.contentsRect().width()
            assert outcomes.height() > 5 * outcomes.fontMetrics().lineSpacing()
        # nothing scrolls sideways; the dialog grew to show the columns (up to the screen)
        scroll = dialog._scroll
        assert scroll.horizontalScrollBar().maximum() == 0
        room = dialog.screen().availableGeometry().height() - 60
        if dialog.height() < room:
            assert scroll.verticalScrollBar().maximum() == 0, (dialog.height(), room)
    finally:
        window.set_language("en")
        QApplication.processEvents()
    dialog.close()


def test_an_undone_object_is_said_gone_and_cannot_be_paid(qtbot: Any, tmp_path: Path) -> None:
    window, dialog = _open(qtbot, tmp_path)
    dialog.make_objects()
    window.commands.action("undo").trigger()  # takes back the PaymentMethod's creation
    method = dialog.column("payment_method")
    assert (
        window.sandbox.get(str(dialog.generations.generations["payment_method"].object_id)) is None
    )
    assert _text(method.fields_label) == "No longer in the sandbox (undone?)"
    assert not method.pay_button.isEnabled() and not method.attach_button.isEnabled()
    assert dialog.column("token").pay_button.isEnabled()
    dialog.close()
