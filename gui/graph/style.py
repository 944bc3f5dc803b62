"""Colours, fonts and words of the state graph.

Status is never shown by colour alone: every status has an Okabe–Ito colour
*and* a glyph shape (drawn in the node) *and* its name as text; the object's
current/previous/terminal/unreachable flags are outline styles plus a status
line of words.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont, QFontMetricsF

# Okabe & Ito (2008), "Color Universal Design".
BLACK = QColor("#000000")
ORANGE = QColor("#E69F00")
SKY_BLUE = QColor("#56B4E9")
BLUISH_GREEN = QColor("#009E73")
YELLOW = QColor("#F0E442")
BLUE = QColor("#0072B2")
VERMILLION = QColor("#D55E00")
REDDISH_PURPLE = QColor("#CC79A7")
GREY = QColor("#6E6E6E")
INK = QColor("#1A1A1A")
PAPER = QColor("#FFFFFF")

#: status name -> (colour, glyph). Glyphs: clock, check, disc, cross, slash, arrow.
STATUS_STYLE: dict[str, tuple[QColor, str]] = {
    "pending": (ORANGE, "clock"),
    "unused": (ORANGE, "clock"),
    "chargeable": (BLUISH_GREEN, "check"),
    "succeeded": (BLUISH_GREEN, "check"),
    "consumed": (BLUE, "disc"),
    "used": (BLUE, "disc"),
    "failed": (VERMILLION, "cross"),
    "canceled": (REDDISH_PURPLE, "slash"),
    "refunded": (SKY_BLUE, "arrow"),
    "uncaptured": (YELLOW, "pause"),
    "partially_refunded": (SKY_BLUE, "arrow"),
}

#: edges
ALLOWED = BLUE
BLOCKED = GREY
LAST_TAKEN = VERMILLION
MARKER = VERMILLION


def status_style(status: str) -> tuple[QColor, str]:
    return STATUS_STYLE.get(status, (GREY, "disc"))


def tr(text: str) -> str:
    return QCoreApplication.translate("StateGraph", text)


def tr_lifecycle(text: str) -> str:
    """Words that come from the core's tables (edge labels, reasons): see gui.words.core_texts."""
    from gui.words.core_texts import translate

    return translate(text)


def gloss(status: str) -> str:
    """A translated explanation of a Stripe status (the status itself stays English)."""
    glosses = {
        "pending": QCoreApplication.translate(
            "StateGraph", "waiting for the customer (or for funds)"
        ),
        "chargeable": QCoreApplication.translate("StateGraph", "can be charged now"),
        "consumed": QCoreApplication.translate("StateGraph", "used up: can never be charged again"),
        "failed": QCoreApplication.translate("StateGraph", "authentication or verification failed"),
        "canceled": QCoreApplication.translate("StateGraph", "expired or abandoned"),
        "unused": QCoreApplication.translate("StateGraph", "not used yet: can be used once"),
        "used": QCoreApplication.translate("StateGraph", "used once: cannot be used again"),
        "succeeded": QCoreApplication.translate("StateGraph", "the money was taken"),
        "refunded": QCoreApplication.translate("StateGraph", "the money was given back"),
    }
    return glosses.get(status, "")


def status_words() -> dict[str, str]:
    return {
        "current": QCoreApplication.translate("StateGraph", "● current"),
        "previous": QCoreApplication.translate("StateGraph", "previous"),
        "unreachable": QCoreApplication.translate("StateGraph", "unreachable"),
        "terminal": QCoreApplication.translate("StateGraph", "final"),
    }


def node_font(scale: float = 1.0) -> QFont:
    font = QFont()
    font.setPixelSize(round(15 * scale))
    font.setBold(True)
    return font


def small_font(scale: float = 1.0) -> QFont:
    font = QFont()
    font.setPixelSize(round(11 * scale))
    return font


def label_font(scale: float = 1.0) -> QFont:
    font = QFont()
    font.setPixelSize(round(12 * scale))
    return font


def title_font(scale: float = 1.0) -> QFont:
    font = QFont()
    font.setPixelSize(round(16 * scale))
    font.setBold(True)
    return font


class Metrics:
    """Exact text sizes for ``core.graph.layout.layout_graph``."""

    def __init__(self) -> None:
        self.node = QFontMetricsF(node_font())
        self.small = QFontMetricsF(small_font())
        bold = label_font()
        bold.setBold(True)  # allowed edges are bold: measure the wider face
        self.label = QFontMetricsF(bold)
        self.words = status_words()

    def node_size(self, node: object) -> tuple[float, float]:
        lines = node_lines(getattr(node, "label", ""))
        w = max(self.node.horizontalAdvance(line) for line in lines) + 22 + 28  # glyph, padding
        w = max([w] + [self.small.horizontalAdvance(t) + 24 for t in self.words.values()])
        h = len(lines) * self.node.height() + self.small.height() + 28
        return (max(112.0, w), max(56.0, h))

    def label_size(self, edge: object) -> tuple[float, float]:
        lines = edge_text(getattr(edge, "label", "")).split("\n")
        w = max(self.label.horizontalAdvance(line) for line in lines)
        return (w + 20, len(lines) * self.label.height() + 8)


def node_lines(label: str) -> list[str]:
    from core.graph.layout import wrap_label

    return wrap_label(label, 16).split("\n")


def edge_text(label: str) -> str:
    """An edge label, translated, wrapped as ``core.graph.layout`` wraps it."""
    from core.graph.layout import wrap_label

    return wrap_label(tr_lifecycle(label))
