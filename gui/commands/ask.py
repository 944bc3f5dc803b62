"""The input dialogs that ask for what an action needs (a customer, a source, an amount...)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from core.lifecycle.action import Action
from gui.sandbox_host import SandboxHost


class ParameterAsker:
    """The window's :data:`~gui.commands.table.Chooser`: asks for a parameter an action needs.

    Tests give :class:`~gui.commands.qactions.Commands` a chooser that answers at once.
    """

    def __init__(
        self, host: SandboxHost, parent: QWidget | None, say: Callable[[str], None]
    ) -> None:
        self._host = host
        self._parent = parent
        self._say = say  # a short status-bar message (Commands.message)

    def __call__(self, need: str, action: Action | None, object_id: str | None) -> str | None:
        """Ask the user for ``need`` with a small dialog; None when cancelled."""
        parent = self._parent
        sandbox = self._host.sandbox
        if need == "clock_hours":
            text, ok = QInputDialog.getText(
                parent,
                QCoreApplication.translate("Commands", "Advance the clock"),
                QCoreApplication.translate(
                    "Commands",
                    "Move the simulated clock on by (90s, 45m, 1h30m, 2d; a number is hours):",
                ),
                text="1h",
            )
            return text if ok else None
        if need == "customer":
            customers = list(sandbox.object_ids("customer"))
            if not customers:
                self._say(
                    QCoreApplication.translate(
                        "Commands", "Create a customer first (Create ▸ New Customer)."
                    )
                )
                return None
            # the id, with the email and name people recognise a customer by
            labels = [customer_label(sandbox.get(c) or {}, c) for c in customers]
            value, ok = QInputDialog.getItem(
                parent,
                QCoreApplication.translate("Commands", "Choose a customer"),
                QCoreApplication.translate("Commands", "customer (the customer to attach to):"),
                labels,
                0,
                False,
            )
            return customers[labels.index(value)] if ok and value in labels else None
        if need == "source":
            obj = sandbox.get(object_id) if object_id else None
            choices = list(sandbox.object_ids("source")) + list(sandbox.object_ids("card"))
            if obj and obj.get("object") == "customer":
                choices = [
                    c for c in choices if (sandbox.get(c) or {}).get("customer") == object_id
                ]
            if not choices:
                self._say(QCoreApplication.translate("Commands", "No source to choose."))
                return None
            value, ok = QInputDialog.getItem(
                parent,
                QCoreApplication.translate("Commands", "Choose a source"),
                QCoreApplication.translate("Commands", "source:"),
                choices,
                0,
                False,
            )
            return value if ok else None
        if need in ("amount",):
            value_int, ok = QInputDialog.getInt(
                parent,
                QCoreApplication.translate("Commands", "Amount"),
                QCoreApplication.translate("Commands", "amount (smallest currency unit):"),
                1000,
                1,
            )
            return str(value_int) if ok else None
        label = QCoreApplication.translate("Commands", "%1:").replace("%1", need)
        text, ok = QInputDialog.getText(
            parent, QCoreApplication.translate("Commands", "A value is needed"), label
        )
        return text if ok else None


def customer_label(customer: dict[str, Any], customer_id: str) -> str:
    """``cus_… — jenny@example.com (Jenny Rosen)``: what the attach chooser lists."""
    words = [str(customer[k]) for k in ("email",) if customer.get(k)]
    if customer.get("name"):
        words.append(f"({customer['name']})" if words else str(customer["name"]))
    return f"{customer_id} — {' '.join(words)}" if words else customer_id
