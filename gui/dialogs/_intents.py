"""What the PaymentMethod, PaymentIntent and SetupIntent dialogs share: choosers of a
customer and of a payment method, filled from the sandbox (stripe-intents-domain.md §6.1).

A chooser is an editable combo box: its items are ``id  (what it is)`` and any id can be
typed, so a learner can also see Stripe's answer to a wrong one. :func:`chosen_id` reads
the id back (the first word).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from gui.dialogs import _facts
from gui.dialogs._base import SandboxLike, fill_combo

#: What may be passed as ``payment_method`` (intents §6.1): PaymentMethods, saved cards
#: and card Sources; tokens are refused.
PM_PREFIXES = ("pm_", "card_", "src_")


def chosen_id(combo: QComboBox) -> str:
    """The id typed or chosen in ``combo`` (its first word; empty for none)."""
    text = combo.currentText().strip()
    return text.split()[0] if text and not text.startswith("(") else ""


def describe(sandbox: SandboxLike, object_id: str) -> str:
    """``id  (what it is)``: the words people recognise an object by."""
    obj = sandbox.get(object_id) or {}
    kind = obj.get("object", "")
    bits: list[str] = []
    if kind == "customer":
        bits = [str(obj.get("email") or ""), str(obj.get("name") or "")]
    elif kind == "payment_method":
        card = obj.get("card") or {}
        bits = [str(obj.get("type", ""))]
        if card:
            bits.append(f"{card.get('brand', '')} ····{card.get('last4', '')}")
        bits.append(str(obj.get("customer") or ""))
    elif kind == "card":
        bits = [f"{obj.get('brand', '')} ····{obj.get('last4', '')}", str(obj.get("customer", ""))]
    elif kind == "source":
        bits = [str(obj.get("type", "")), str(obj.get("status", "")), str(obj.get("customer", ""))]
    return f"{object_id}  ({', '.join(b for b in bits if b)})" if any(bits) else object_id


def editable_combo(parent: QWidget, placeholder: str = "") -> QComboBox:
    """An editable combo box whose chosen item writes its id into the line."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(34)
    line = combo.lineEdit()  # an editable combo always has one
    assert line is not None
    line.setPlaceholderText(placeholder)
    combo.activated.connect(lambda i: combo.setEditText(str(combo.itemData(i) or "")))
    return combo


def fill_customers(combo: QComboBox, sandbox: SandboxLike, selected: str = "") -> None:
    """Live customers, newest first; ``selected`` (or nothing) in the line."""
    ids = [c for c in reversed(sandbox.object_ids("customer")) if not _deleted(sandbox, c)]
    fill_combo(combo, [(describe(sandbox, c), c) for c in ids], keep=False)
    combo.setEditText(selected)


def _deleted(sandbox: SandboxLike, object_id: str) -> bool:
    return bool((sandbox.get(object_id) or {}).get("deleted"))


def payment_method_ids(sandbox: SandboxLike) -> list[str]:
    """Existing payment methods a PaymentIntent may name (§6.1), newest first."""
    out = list(reversed(sandbox.object_ids("payment_method")))
    out += list(reversed(sandbox.object_ids("card")))
    for object_id in reversed(sandbox.object_ids("source")):
        if (sandbox.get(object_id) or {}).get("type") == "card":
            out.append(object_id)
    return out


def fill_payment_methods(
    combo: QComboBox, sandbox: SandboxLike, selected: str = "", aliases: bool = True
) -> None:
    """The existing ``pm_``/``card_``/``src_`` ids, then the ``pm_card_*`` test aliases."""
    items = [(describe(sandbox, i), i) for i in payment_method_ids(sandbox)]
    if aliases:
        alias_words = QCoreApplication.translate("IntentDialogs", "test alias")
        items += [
            (f"{alias}  ({alias_words}: {_facts.alias_outcome(alias)})", alias)
            for alias in _facts.CARD_ALIASES
        ]
    fill_combo(combo, items, keep=False)
    combo.setEditText(selected)


def payment_method_problem(value: str, required: bool) -> str:
    """Why ``value`` cannot be sent as ``payment_method`` (empty when it can)."""
    if not value:
        return (
            QCoreApplication.translate(
                "IntentDialogs", "Choose or type a payment method (pm_…, card_… or src_…)."
            )
            if required
            else ""
        )
    if not value.startswith(PM_PREFIXES):
        return QCoreApplication.translate(
            "IntentDialogs",
            "A payment_method starts with pm_, card_ or src_ (a token is refused, §6.1).",
        )
    return ""


def customer_problem(value: str, required: bool = False) -> str:
    if not value:
        return (
            QCoreApplication.translate("IntentDialogs", "Choose or type a customer (cus_…).")
            if required
            else ""
        )
    if not value.startswith("cus_"):
        return QCoreApplication.translate("IntentDialogs", "A customer id starts with cus_.")
    return ""
