"""A selected customer shows its default source, sources and charges, not an empty graph."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers.window import CARD, make_window, ok, populate, select
from PySide6.QtCore import QUrl

pytestmark = pytest.mark.gui


def test_a_customer_shows_its_sources_default_and_charges(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    ids = populate(window.sandbox)
    customer = ids["customer"]
    sandbox = window.sandbox
    page = window.customer_page
    select(window, ids["card_source"])
    assert window.graph.isVisible() and page.isHidden()
    select(window, customer)
    assert page.isVisible() and not window.graph.isVisible()
    text = page.view.toPlainText()
    assert "jenny@example.com" in text and "Sources (0)" in text and "Charges (0)" in text
    assert "None: a charge with only this customer is refused (§8.1)." in text
    # attach a card source and a token's card (§7: the first attached becomes the default)
    ok(sandbox, "POST", f"/v1/customers/{customer}/sources", [("source", ids["card_source"])])
    token = ok(sandbox, "POST", "/v1/tokens", [(k, v) for k, v in CARD if k != "type"])["id"]
    card = ok(sandbox, "POST", f"/v1/customers/{customer}/sources", [("source", token)])["id"]
    charge = ok(
        sandbox,
        "POST",
        "/v1/charges",
        [("amount", "1500"), ("currency", "usd"), ("customer", customer), ("source", card)],
    )["id"]
    text = page.view.toPlainText()  # refreshed by the changes, still selected
    assert "Sources (2)" in text and "Charges (1)" in text
    assert f"★ {ids['card_source']}" in text  # the default, marked
    assert card in text and "card Visa •••• 4242" in text
    assert charge in text and "15.00 USD" in text and "succeeded" in text
    assert {s["id"] for s in page.sources()} == {ids["card_source"], card}
    # an id is a link that selects the object, and its graph comes back
    page.view.anchorClicked.emit(QUrl(f"select:{charge}"))
    assert window.selection.current == charge
    assert window.graph.isVisible() and page.isHidden()
