"""The event log's own words (not Stripe's): a refusal, an undo or redo, an opened session.

Each function returns ``(text, detail)`` in the current language; the model keeps
the function with its arguments on the entry, so a language switch writes the line
again (``EventLogModel.retranslate``). Their translation context is ``EventLog``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from gui.sandbox_host import GUI_ORIGIN
from gui.words.error_codes import explain as explain_error


def error_words(
    method: str, path: str, status: int, error: dict[str, Any], origin: str
) -> tuple[str, str]:
    """A refused request's line and tooltip in the current language."""
    message = str(error.get("message", ""))
    code = " · ".join(
        str(error[k]) for k in ("type", "code", "decline_code", "param") if error.get(k)
    )
    text = (
        QCoreApplication.translate("EventLog", "%1 %2 → error %3: %4")
        .replace("%1", method.upper())
        .replace("%2", path)
        .replace("%3", str(status))
        .replace("%4", message)
    )
    if origin and origin != GUI_ORIGIN:  # an outside client's refusal says whose it was
        text += f"  [{origin}]"
    detail = "\n".join(
        x
        for x in (
            f"{method.upper()} {path}",
            f"HTTP {status} · {code}",
            message,
            explain_error(error),
            QCoreApplication.translate("EventLog", "from %1").replace("%1", origin)
            if origin
            else "",
        )
        if x
    )
    return text, detail


def history_words(kind: str, what: str, steps: int) -> tuple[str, str]:
    """An undo, redo or rebuild line in the current language."""
    if kind == "undo":
        text = QCoreApplication.translate("EventLog", "Undo: %1").replace("%1", what)
    elif kind == "redo":
        text = QCoreApplication.translate("EventLog", "Redo: %1").replace("%1", what)
    else:
        text = QCoreApplication.translate("EventLog", "Rebuilt from the action log")
    detail = QCoreApplication.translate(
        "EventLog", "The sandbox replayed its first %1 accepted requests."
    ).replace("%1", str(steps))
    return text, detail


def opened_words(accepted: int, refused: int) -> tuple[str, str]:
    """The line heading an opened session's earlier requests, in the current language."""
    text = (
        QCoreApplication.translate(
            "EventLog", "Opened with %1 earlier requests (%2 refused), in the order sent:"
        )
        .replace("%1", str(accepted + refused))
        .replace("%2", str(refused))
    )
    detail = QCoreApplication.translate(
        "EventLog",
        "The sandbox replayed the accepted requests; the refused ones changed nothing and "
        "are shown where they were sent.",
    )
    return text, detail
