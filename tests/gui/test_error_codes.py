"""Every error code the core can answer has a one-line explanation, shown beside Stripe's message.

The codes are read from the core's sources (``code="…"`` and ``decline_code="…"``
arguments, ``code = "…"`` assignments, the error types given to ``_err``) and
from the declines of ``core.facts.cards``, so a new code in the core fails here
until ``gui/error_codes.py`` explains it.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from helpers.window import make_window, populate, select
from PySide6.QtCore import QCoreApplication, Qt

from core.facts import cards
from gui.words import error_codes

CORE = Path(__file__).resolve().parents[2] / "core"


def _strings(node: ast.AST | None) -> set[str]:
    """The string values ``node`` can take: a constant, or either branch of ``a if c else b``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _strings(node.body) | _strings(node.orelse)
    return set()


def _core_catalogue() -> tuple[set[str], set[str], set[str]]:
    codes: set[str] = set()
    declines: set[str] = set()
    types: set[str] = set()
    for path in sorted(CORE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                for keyword in node.keywords:
                    if keyword.arg == "code":
                        codes |= _strings(keyword.value)
                    elif keyword.arg == "decline_code":
                        declines |= _strings(keyword.value)
                name = getattr(node.func, "id", "")
                if name == "_err" and len(node.args) > 1:
                    types |= _strings(node.args[1])
            elif isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "code" for t in node.targets
            ):
                codes |= _strings(node.value)
    for value in vars(cards).values():
        if isinstance(value, cards.Decline):
            codes.add(value.code)
            if value.decline_code:
                declines.add(value.decline_code)
    return codes, declines, types


def test_the_scan_finds_the_catalogue() -> None:
    codes, declines, types = _core_catalogue()
    assert {"resource_missing", "token_already_used", "card_declined"} <= codes
    assert {"generic_decline", "insufficient_funds"} <= declines
    assert {"invalid_request_error", "card_error", "api_error"} <= types


def test_every_core_error_code_is_explained() -> None:
    codes, declines, types = _core_catalogue()
    assert sorted(codes - set(error_codes.CODES)) == []
    assert sorted(declines - set(error_codes.DECLINE_CODES)) == []
    assert sorted(types - set(error_codes.TYPES)) == []


def test_explain_uses_the_code_else_the_type_and_adds_the_decline_code() -> None:
    assert (
        error_codes.explain({"type": "invalid_request_error", "code": "token_already_used"})
        == error_codes.CODES["token_already_used"]
    )
    assert (
        error_codes.explain({"type": "invalid_request_error"})
        == error_codes.TYPES["invalid_request_error"]
    )
    said = error_codes.explain(
        {"type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds"}
    )
    assert said == (
        error_codes.CODES["card_declined"] + " " + error_codes.DECLINE_CODES["insufficient_funds"]
    )
    assert error_codes.explain(None) == ""
    assert error_codes.explain({"type": "something_new"}) == ""


def test_in_japanese_the_lesson_bar_shows_stripes_message_and_the_japanese_meaning(
    qtbot: Any, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    ids = populate(window.sandbox)
    try:
        assert window.set_language("ja")
        select(window, ids["ideal_source"])  # pending: charge is blocked
        window.commands.action("try_anyway").setChecked(True)
        # "Charge…" opens the Charge dialog prefilled with the source; OK sends it
        qtbot.mouseClick(window.action_bar.button("charge"), Qt.MouseButton.LeftButton)
        dialog = window.current_dialog
        assert dialog is not None and dialog.source_combo.currentText() == ids["ideal_source"]
        with qtbot.waitSignal(window.host.refused):
            dialog.submit()
        dialog.close()
        shown = window.lesson_bar.text.text()
        # Stripe's own message stays as the API returns it ...
        assert "The source you provided is not in a chargeable state." in shown
        # ... and the meaning of its code is said in Japanese beside it.
        meaning = QCoreApplication.translate("errorcode", error_codes.CODES["invalid_source_usage"])
        assert meaning != error_codes.CODES["invalid_source_usage"]
        assert "請求" in meaning and meaning in shown
        entry = window.event_log.log_model.entries[-1]
        assert entry.kind == "error" and meaning in entry.detail
    finally:
        window.commands.action("try_anyway").setChecked(False)
        window.set_language("en")
    said = error_codes.explain({"type": "invalid_request_error", "code": "invalid_source_usage"})
    assert said == error_codes.CODES["invalid_source_usage"]  # English again
