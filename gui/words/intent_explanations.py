"""Why a PaymentIntent has its status now (stripe-intents-domain.md §3), and what of it
the sandbox chose where the reference says **unverified**.

The detail pane's *Properties* tab shows these words in its "why" box
(:func:`gui.words.explanations.why` calls :func:`why_payment_intent`). Which unverified
notes belong to which status is decided in one place, ``core.facts.intents``
(``STATUS_UNVERIFIED``); this module only words the status and appends them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from core.facts import intents
from gui.words.i18n import core_text
from gui.words.noop import QT_TRANSLATE_NOOP

_STATUS: dict[str, str] = {
    "requires_payment_method": QT_TRANSLATE_NOOP(
        "explain", "It needs a payment method: confirm it with one (§3.1)."
    ),
    "requires_confirmation": QT_TRANSLATE_NOOP(
        "explain", "A payment method is set, but nobody confirmed it yet (§3.2 T2)."
    ),
    "requires_action": QT_TRANSLATE_NOOP(
        "explain",
        "The customer must act (3D Secure or a redirect); next_action says how (§3.2 T5).",
    ),
    "processing": QT_TRANSLATE_NOOP(
        "explain", "A bank debit is on its way; the outcome comes later (§3.2 T12)."
    ),
    "requires_capture": QT_TRANSLATE_NOOP(
        "explain",
        "Authorized, not captured: capture up to amount_capturable (§3.2 T4, T15).",
    ),
    "succeeded": QT_TRANSLATE_NOOP(
        "explain", "Paid: amount_received is what was collected; terminal (§3.1)."
    ),
    "canceled": QT_TRANSLATE_NOOP("explain", "Canceled; terminal (§3.2 T16, T17)."),
}
_FAILED = QT_TRANSLATE_NOOP(
    "explain", "The last attempt failed: last_payment_error says why (§3.6)."
)


def unverified_notes(obj: dict[str, Any]) -> list[str]:
    """The sandbox's choices that hold for the PaymentIntent ``obj`` now, translated."""
    status = str(obj.get("status", ""))
    failed = bool(obj.get("last_payment_error"))
    prefix = QCoreApplication.translate("explain", "Unverified: %1")
    return [
        prefix.replace("%1", core_text(note))
        for note in intents.unverified_for_payment_intent(status, failed)
    ]


def why_payment_intent(path: str, obj: dict[str, Any]) -> str:
    """Why the PaymentIntent's ``status`` is what it is, then its unverified notes."""
    if path != "status":
        return ""
    status = str(obj.get("status", ""))
    words = _STATUS.get(status)
    if words is None:
        return ""
    lines = [QCoreApplication.translate("explain", words)]
    if status == "requires_payment_method" and obj.get("last_payment_error"):
        lines.append(QCoreApplication.translate("explain", _FAILED))
    lines += unverified_notes(obj)
    return " ".join(lines)
