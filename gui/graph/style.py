"""Colours, fonts and words of the state graph.

Status is never shown by colour alone: every status has an Okabe–Ito colour
*and* a glyph shape (drawn in the node) *and* its name as text; the object's
current/previous/terminal/unreachable flags are outline styles plus a status
line of words.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont, QFontMetricsF

from gui.widgets.status_style import high_contrast_colour

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

#: edges (the normal palette's; see :func:`colours`)
ALLOWED = BLUE
BLOCKED = GREY
LAST_TAKEN = VERMILLION
MARKER = VERMILLION


@dataclass(frozen=True, slots=True)
class Colours:
    """Every colour the graph paints, for one theme.

    Attributes:
        background: the scene behind everything.
        paper: inside nodes and edge labels.
        ink: text, and the outline of the current node.
        muted: blocked edges and their words, unreachable states.
        allowed: an edge the object can take now.
        taken: the last edge taken.
        trail: edges taken before the last one.
        marker: the dot travelling along an edge.
        focus: the keyboard focus ring and the focused edge's frame.
        alert: the rejection banner.
        high_contrast: this is the high-contrast palette (no see-through nodes).
    """

    background: QColor
    paper: QColor
    ink: QColor
    muted: QColor
    allowed: QColor
    taken: QColor
    trail: QColor
    marker: QColor
    focus: QColor
    alert: QColor
    high_contrast: bool = False

    def status(self, status: str) -> QColor:
        """A status's colour, light enough for the black paper in high contrast."""
        colour = status_style(status)[0]
        if not self.high_contrast:
            return colour
        return high_contrast_colour(status)  # as every pane draws it


NORMAL = Colours(
    background=QColor("#FAFAF7"),
    paper=PAPER,
    ink=INK,
    muted=GREY,
    allowed=BLUE,
    taken=VERMILLION,
    trail=INK,
    marker=VERMILLION,
    focus=BLUE,
    alert=QColor("#B34700"),  # vermillion darkened: 5.3:1 on the scene
)
HIGH_CONTRAST = Colours(
    background=QColor("#000000"),
    paper=QColor("#000000"),
    ink=QColor("#FFFFFF"),
    muted=QColor("#B3B3B3"),
    allowed=QColor("#00FFFF"),
    taken=QColor("#FFFF00"),
    trail=QColor("#FFFFFF"),
    marker=QColor("#FFFF00"),
    focus=QColor("#FFFF00"),
    alert=QColor("#FFFF00"),
    high_contrast=True,
)


def colours() -> Colours:
    """The palette in force: high contrast when the application's theme is."""
    from gui.theme import is_high_contrast

    return HIGH_CONTRAST if is_high_contrast() else NORMAL


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two opaque colours."""

    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def status_style(status: str) -> tuple[QColor, str]:
    return STATUS_STYLE.get(status, (GREY, "disc"))


def tr(text: str) -> str:
    return QCoreApplication.translate("StateGraph", text)


def tr_lifecycle(text: str) -> str:
    """Words that come from the core's tables (edge labels, reasons): see core.i18n.

    A merged edge's words (``core.graph.focus``) are each translated on their own."""
    from core.graph.focus import JOIN
    from gui.words.i18n import core_text

    return JOIN.join(core_text(part) for part in text.split(JOIN))


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


#: Pixel sizes of the graph's fonts at text scale 1 (the normal layout at 100 % zoom).
#: The smallest is 13 px: 12 px with a cap height of 9 px is the floor at 1280x800,
#: and the view never shrinks text below its own size (see ``gui.graph.legibility``).
NODE_PX = 17
SMALL_PX = 14
LABEL_PX = 14
TITLE_PX = 17
BADGE_PX = 13


def _font(px: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, round(px)))
    font.setBold(bold)
    font.setItalic(False)  # never: CJK has no italic, and slanted Latin reads worse on a wall
    return font


def _big(px: float, scale: float) -> float:
    """A larger font grows less than the smallest ones (they set the floor), so an
    enlarged graph stays narrow enough to fit: at 1.85x a 17 px name is 26 px, not 31."""
    return max(px * (1.0 + (scale - 1.0) * 0.6), BADGE_PX * scale + 1) if scale > 1 else px * scale


def node_font(scale: float = 1.0) -> QFont:
    return _font(_big(NODE_PX, scale), bold=True)


def small_font(scale: float = 1.0) -> QFont:
    return _font(SMALL_PX * scale)


def label_font(scale: float = 1.0, bold: bool = False) -> QFont:
    return _font(LABEL_PX * scale, bold=bold)


def title_font(scale: float = 1.0) -> QFont:
    return _font(_big(TITLE_PX, scale), bold=True)


def badge_font(scale: float = 1.0) -> QFont:
    return _font(BADGE_PX * scale, bold=True)


def all_fonts(scale: float = 1.0) -> list[QFont]:
    """Every font the graph draws with at ``scale`` (the legibility floor is theirs)."""
    return [
        node_font(scale),
        small_font(scale),
        label_font(scale),
        label_font(scale, bold=True),
        title_font(scale),
        badge_font(scale),
    ]


class Metrics:
    """Exact text sizes for ``core.graph.layout.layout_graph`` at one text scale.

    Attributes:
        scale: the text scale (window zoom × presenter enlargement).
        short: edge labels are shortened to their first words (the full text is
            the tooltip) because the full ones would not fit at a legible size.
    """

    def __init__(self, scale: float = 1.0, short: bool = False) -> None:
        self.scale = scale
        self.short = short
        self.node = QFontMetricsF(node_font(scale))
        self.small = QFontMetricsF(small_font(scale))
        self.label = QFontMetricsF(label_font(scale, bold=True))  # allowed edges: the wider face
        self.badge = QFontMetricsF(badge_font(scale))
        self.words = status_words()

    def node_size(self, node: object) -> tuple[float, float]:
        s = self.scale
        lines = node_lines(getattr(node, "label", ""))
        glyph = 16 * s + 6 * s
        w = max(self.node.horizontalAdvance(line) for line in lines) + glyph + 28 * s
        w = max([w] + [self.small.horizontalAdvance(t) + 24 * s for t in self.words.values()])
        h = len(lines) * self.node.height() + self.small.height() + 28 * s
        return (max(112.0 * s, w), max(56.0 * s, h))

    def label_size(self, edge: object) -> tuple[float, float]:
        text = edge_text(getattr(edge, "label", ""), self.short)
        if getattr(edge, "source", 1) == getattr(edge, "target", 2):
            text += COUNTER_ROOM  # a self-loop can be taken again: room for "×99"
        lines = text.split("\n")
        w = max(self.label.horizontalAdvance(line) for line in lines)
        return (w + 20 * self.scale, len(lines) * self.label.height() + 8 * self.scale)


#: what a self-loop's label keeps free for its counter
COUNTER_ROOM = " ×99"


def counted(text: str, taken: int) -> str:
    """An edge's words with its counter when it was taken more than once ("charge ×3")."""
    return f"{text} ×{taken}" if taken > 1 else text


def node_lines(label: str) -> list[str]:
    from core.graph.text_size import wrap_label

    return wrap_label(label, 16).split("\n")


def short_text(label: str) -> str:
    """An edge's first words, translated: "charge" for "charge (single_use)"."""
    from core.graph.focus import JOIN

    if JOIN in label:  # a merged edge: each of its edges' first words
        return JOIN.join(dict.fromkeys(short_text(part) for part in label.split(JOIN)))
    text = tr_lifecycle(label)
    for sep in (" (", "（", " · "):
        at = text.find(sep)
        if at > 0:
            return text[:at]
    return text


def edge_text(label: str, short: bool = False) -> str:
    """An edge label, translated, wrapped as ``core.graph.text_size`` wraps it (or shortened)."""
    from core.graph.focus import JOIN
    from core.graph.text_size import wrap_label

    if short:
        return "\n".join(wrap_label(part, 16) for part in short_text(label).split(JOIN))
    # a merged edge's words: one line (or more) for each of its edges
    return "\n".join(wrap_label(tr_lifecycle(part)) for part in label.split(JOIN))
