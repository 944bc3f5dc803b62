"""How a status looks: an Okabe–Ito colour, a shape and a text label.

A status is never shown by colour alone (DESIGN.md): every status has a shape
that differs from its neighbours' and its Stripe name as text. The Stripe name
(``chargeable``, ``consumed``...) stays untranslated; its gloss is translated.

The palette is Okabe & Ito's eight colours for colour-vision deficiency
(https://jfly.uni-koeln.de/color/).

Functions:
    style_for(status): the :class:`StatusStyle` of a status name.
    status_icon(status, size): a cached QIcon of the status's shape and colour.
    kind_icon(kind, size): a cached QIcon badge for an object kind.
    display_status(obj): the status word to show for a Stripe object dict.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from gui.theme import is_high_contrast
from gui.words.noop import QT_TRANSLATE_NOOP


class OkabeIto:
    """The eight Okabe–Ito colours, by name."""

    BLACK = "#000000"
    ORANGE = "#E69F00"
    SKY_BLUE = "#56B4E9"
    BLUISH_GREEN = "#009E73"
    YELLOW = "#F0E442"
    BLUE = "#0072B2"
    VERMILLION = "#D55E00"
    REDDISH_PURPLE = "#CC79A7"


class Shape(Enum):
    """A marker shape; each status gets one its neighbours do not share."""

    RING = "ring"  # hollow circle: waiting
    DISC = "disc"  # filled circle: ready
    SQUARE = "square"  # filled square: used up
    CROSS = "cross"  # x: failed
    SLASHED = "slashed"  # circle with a slash: canceled
    DIAMOND = "diamond"  # hollow diamond: fresh, not used yet
    CHECK = "check"  # tick: done well
    TRIANGLE = "triangle"  # back-pointing triangle: money went back
    DOT = "dot"  # small dot: no status to speak of


_GLYPHS = {
    Shape.RING: "○",
    Shape.DISC: "●",
    Shape.SQUARE: "■",
    Shape.CROSS: "✕",
    Shape.SLASHED: "⊘",
    Shape.DIAMOND: "◇",
    Shape.CHECK: "✓",
    Shape.TRIANGLE: "◀",
    Shape.DOT: "·",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("status", text)


@dataclass(frozen=True, slots=True)
class StatusStyle:
    """The look of one status.

    Attributes:
        status: the Stripe status name, shown untranslated.
        colour: an Okabe–Ito colour as ``#RRGGBB``.
        shape: the marker shape.
        gloss_source: the untranslated gloss; use :attr:`gloss` to show it.
    """

    status: str
    colour: str
    shape: Shape
    gloss_source: str

    @property
    def gloss(self) -> str:
        """The gloss in the user's language."""
        return _tr(self.gloss_source)

    @property
    def glyph(self) -> str:
        """A text character with the marker's shape, for rich text."""
        return _GLYPHS[self.shape]

    @property
    def label(self) -> str:
        """The text shown next to the marker: the Stripe name itself."""
        return self.status


_STYLES: dict[str, StatusStyle] = {
    s.status: s
    for s in (
        # Source statuses (§3.1)
        StatusStyle(
            "pending",
            OkabeIto.ORANGE,
            Shape.RING,
            QT_TRANSLATE_NOOP("status", "waiting for the customer or for funds"),
        ),
        StatusStyle(
            "chargeable",
            OkabeIto.BLUISH_GREEN,
            Shape.DISC,
            QT_TRANSLATE_NOOP("status", "can be charged now"),
        ),
        StatusStyle(
            "consumed",
            OkabeIto.BLACK,
            Shape.SQUARE,
            QT_TRANSLATE_NOOP("status", "used up; can never be charged again"),
        ),
        StatusStyle(
            "failed",
            OkabeIto.VERMILLION,
            Shape.CROSS,
            QT_TRANSLATE_NOOP("status", "failed; no way back"),
        ),
        StatusStyle(
            "canceled",
            OkabeIto.REDDISH_PURPLE,
            Shape.SLASHED,
            QT_TRANSLATE_NOOP("status", "expired or abandoned"),
        ),
        # Token `used` (§6.1)
        StatusStyle(
            "unused",
            OkabeIto.SKY_BLUE,
            Shape.DIAMOND,
            QT_TRANSLATE_NOOP("status", "not used yet; can be used once"),
        ),
        StatusStyle(
            "used",
            OkabeIto.BLACK,
            Shape.SQUARE,
            QT_TRANSLATE_NOOP("status", "already used; a token works once"),
        ),
        # Charge / refund statuses (§8.2, §8.4)
        StatusStyle(
            "succeeded", OkabeIto.BLUE, Shape.CHECK, QT_TRANSLATE_NOOP("status", "the money moved")
        ),
        StatusStyle(
            "refunded",
            OkabeIto.YELLOW,
            Shape.TRIANGLE,
            QT_TRANSLATE_NOOP("status", "the money went back"),
        ),
        StatusStyle(
            "requires_action",
            OkabeIto.ORANGE,
            Shape.RING,
            QT_TRANSLATE_NOOP("status", "waiting for an action"),
        ),
        # PaymentIntent / SetupIntent statuses (intents §3.1, §5.1)
        StatusStyle(
            "requires_payment_method",
            OkabeIto.SKY_BLUE,
            Shape.DIAMOND,
            QT_TRANSLATE_NOOP("status", "needs a payment method (again, after a failure)"),
        ),
        StatusStyle(
            "requires_confirmation",
            OkabeIto.BLUISH_GREEN,
            Shape.DISC,
            QT_TRANSLATE_NOOP("status", "has a payment method; waiting for confirm"),
        ),
        StatusStyle(
            "processing",
            OkabeIto.YELLOW,
            Shape.RING,
            QT_TRANSLATE_NOOP("status", "submitted; the bank has not answered yet"),
        ),
        StatusStyle(
            "requires_capture",
            OkabeIto.BLUISH_GREEN,
            Shape.SQUARE,
            QT_TRANSLATE_NOOP("status", "authorized; waiting for capture"),
        ),
        # PaymentMethod lifecycle (intents §4.4)
        StatusStyle(
            "unattached",
            OkabeIto.SKY_BLUE,
            Shape.DIAMOND,
            QT_TRANSLATE_NOOP("status", "belongs to no customer: one use only"),
        ),
        StatusStyle(
            "attached",
            OkabeIto.BLUISH_GREEN,
            Shape.DISC,
            QT_TRANSLATE_NOOP("status", "saved to a customer: reusable with it"),
        ),
        StatusStyle(
            "detached",
            OkabeIto.REDDISH_PURPLE,
            Shape.SLASHED,
            QT_TRANSLATE_NOOP("status", "detached: can never be used again"),
        ),
        # Bank accounts (§7)
        StatusStyle(
            "new", OkabeIto.SKY_BLUE, Shape.DIAMOND, QT_TRANSLATE_NOOP("status", "not verified yet")
        ),
        StatusStyle(
            "verified", OkabeIto.BLUE, Shape.CHECK, QT_TRANSLATE_NOOP("status", "verified")
        ),
        StatusStyle(
            "verification_failed",
            OkabeIto.VERMILLION,
            Shape.CROSS,
            QT_TRANSLATE_NOOP("status", "verification failed"),
        ),
        StatusStyle(
            "errored", OkabeIto.VERMILLION, Shape.CROSS, QT_TRANSLATE_NOOP("status", "errored")
        ),
    )
}

_NO_STATUS = StatusStyle("", "#767676", Shape.DOT, QT_TRANSLATE_NOOP("status", "no status"))


#: Short glosses of Stripe's status and usage words, shown beside the word itself
#: (the word stays English: it is what the API returns). The English "translation"
#: of each is the word itself, so English shows no gloss. Japanese: pending 保留中,
#: chargeable 請求可能, consumed 消費した, failed 失敗, canceled キャンセル,
#: reusable 再利用可能, single_use 使い捨て.
WORD_GLOSSES: dict[str, str] = {
    "pending": QT_TRANSLATE_NOOP("StatusWord", "pending"),
    "chargeable": QT_TRANSLATE_NOOP("StatusWord", "chargeable"),
    "consumed": QT_TRANSLATE_NOOP("StatusWord", "consumed"),
    "failed": QT_TRANSLATE_NOOP("StatusWord", "failed"),
    "canceled": QT_TRANSLATE_NOOP("StatusWord", "canceled"),
    "reusable": QT_TRANSLATE_NOOP("StatusWord", "reusable"),
    "single_use": QT_TRANSLATE_NOOP("StatusWord", "single_use"),
    "unused": QT_TRANSLATE_NOOP("StatusWord", "unused"),
    "used": QT_TRANSLATE_NOOP("StatusWord", "used"),
    "succeeded": QT_TRANSLATE_NOOP("StatusWord", "succeeded"),
    "refunded": QT_TRANSLATE_NOOP("StatusWord", "refunded"),
}


def gloss_word(word: str) -> str:
    """The translated gloss of a Stripe status/usage word, or "" (English, unknown)."""
    if word not in WORD_GLOSSES:
        return ""
    translated = QCoreApplication.translate("StatusWord", WORD_GLOSSES[word])
    return "" if translated == word else translated


def with_gloss(word: str) -> str:
    """``chargeable (請求可能)`` in Japanese, ``chargeable`` in English."""
    gloss = gloss_word(word)
    return f"{word} ({gloss})" if gloss else word


def style_for(status: str) -> StatusStyle:
    """The style of ``status``; an unknown status gets a grey dot and its own name."""
    known = _STYLES.get(status)
    if known is not None:
        return known
    if not status:
        return _NO_STATUS
    return StatusStyle(status, "#767676", Shape.DOT, QT_TRANSLATE_NOOP("status", "status"))


def known_statuses() -> list[str]:
    """Every status with a style of its own, in a stable order."""
    return list(_STYLES)


def display_status(obj: dict[str, Any] | None) -> str:
    """The status word of a Stripe object as the window shows it.

    Sources, charges, refunds and bank accounts have a ``status`` field; a
    token's status is its ``used`` flag (``used``/``unused``); a fully
    refunded charge shows ``refunded``. Customers and cards have none.
    """
    if not obj:
        return ""
    kind = obj.get("object")
    if kind == "token":
        return "used" if obj.get("used") else "unused"
    if kind == "charge" and obj.get("refunded"):
        return "refunded"
    status = obj.get("status")
    return status if isinstance(status, str) else ""


_ICON_CACHE: dict[tuple[str, int, bool], QIcon] = {}


def _shape_path(shape: Shape, rect: QRectF) -> QPainterPath:
    path = QPainterPath()
    c = rect.center()
    r = rect.width() / 2
    if shape in (Shape.RING, Shape.DISC, Shape.SLASHED):
        path.addEllipse(c, r, r)
    elif shape is Shape.DOT:
        path.addEllipse(c, r * 0.45, r * 0.45)
    elif shape is Shape.SQUARE:
        path.addRect(rect.adjusted(r * 0.12, r * 0.12, -r * 0.12, -r * 0.12))
    elif shape is Shape.DIAMOND:
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(c.x(), rect.top()),
                    QPointF(rect.right(), c.y()),
                    QPointF(c.x(), rect.bottom()),
                    QPointF(rect.left(), c.y()),
                    QPointF(c.x(), rect.top()),
                ]
            )
        )
    elif shape is Shape.TRIANGLE:
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(rect.left(), c.y()),
                    QPointF(rect.right(), rect.top()),
                    QPointF(rect.right(), rect.bottom()),
                    QPointF(rect.left(), c.y()),
                ]
            )
        )
    return path


#: Okabe–Ito colours lightened for black paper (each >= 4.5:1 on black): a status's
#: colour in high contrast, where black (consumed, used) would not show at all.
HIGH_CONTRAST_STATUS: dict[str, str] = {
    "pending": "#FFB000",
    "unused": "#FFB000",
    "chargeable": "#33E0A8",
    "succeeded": "#33E0A8",
    "consumed": "#7FC6FF",
    "used": "#7FC6FF",
    "failed": "#FF8A50",
    "canceled": "#F0A8D8",
    "refunded": "#9ED8F7",
    "uncaptured": "#F0E442",
}


def high_contrast_colour(status: str) -> QColor:
    """The status's colour on high contrast's black paper."""
    return QColor(HIGH_CONTRAST_STATUS.get(status, "#FFFFFF"))


def shown_colour(status: str) -> QColor:
    """The status's colour as drawn now: its light variant when the theme is high contrast."""
    if is_high_contrast():
        return high_contrast_colour(status)
    return QColor(style_for(status).colour)


def paint_marker(painter: QPainter, rect: QRectF, status: str) -> None:
    """Draw the status's marker into ``rect`` (a square) with ``painter``."""
    style = style_for(status)
    colour = shown_colour(status)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    w = max(1.5, rect.width() / 7)
    inner = rect.adjusted(w / 2, w / 2, -w / 2, -w / 2)
    shape = style.shape
    if shape is Shape.CROSS:
        painter.setPen(QPen(colour, w * 1.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(inner.topLeft(), inner.bottomRight())
        painter.drawLine(inner.topRight(), inner.bottomLeft())
    elif shape is Shape.CHECK:
        painter.setPen(QPen(colour, w * 1.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawPolyline(
            QPolygonF(
                [
                    QPointF(inner.left(), inner.center().y()),
                    QPointF(inner.left() + inner.width() * 0.38, inner.bottom()),
                    QPointF(inner.right(), inner.top()),
                ]
            )
        )
    else:
        path = _shape_path(shape, inner)
        hollow = shape in (Shape.RING, Shape.DIAMOND, Shape.SLASHED)
        painter.setPen(QPen(colour.darker(130) if shape is Shape.TRIANGLE else colour, w))
        painter.setBrush(Qt.BrushStyle.NoBrush if hollow else colour)
        painter.drawPath(path)
        if shape is Shape.SLASHED:
            painter.drawLine(
                QPointF(
                    inner.left() + inner.width() * 0.18, inner.bottom() - inner.height() * 0.18
                ),
                QPointF(inner.right() - inner.width() * 0.18, inner.top() + inner.height() * 0.18),
            )
    painter.restore()


def status_icon(status: str, size: int = 16) -> QIcon:
    """A QIcon of the status's marker, cached per status, size and theme."""
    key = (status, size, is_high_contrast())
    icon = _ICON_CACHE.get(key)
    if icon is None:
        icon = QIcon()
        for scale in (1, 2):
            pixmap = QPixmap(size * scale, size * scale)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            paint_marker(painter, QRectF(0, 0, size * scale, size * scale), status)
            painter.end()
            pixmap.setDevicePixelRatio(scale)
            icon.addPixmap(pixmap)
        _ICON_CACHE[key] = icon
    return icon


# A short badge per object kind (letters, not translated: they echo Stripe's id prefixes).
_KIND_BADGES: dict[str, tuple[str, str]] = {
    "source": ("src", "#3d4f7c"),
    "token": ("tok", "#5b4a7a"),
    "customer": ("cus", "#2f6b62"),
    "charge": ("ch", "#6b5a2f"),
    "card": ("card", "#555555"),
    "refund": ("re", "#6b3a3a"),
    "bank_account": ("ba", "#555555"),
}

_KIND_CACHE: dict[tuple[str, int], QIcon] = {}


def kind_badge(kind: str) -> tuple[str, str]:
    """The (letters, background colour) of a kind's badge."""
    return _KIND_BADGES.get(kind, (kind[:3] or "?", "#555555"))


def paint_kind_badge(painter: QPainter, rect: QRectF, kind: str) -> None:
    """Draw a rounded badge with the kind's id prefix into ``rect``."""
    letters, colour = kind_badge(kind)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(rect, rect.height() * 0.25, rect.height() * 0.25)
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(max(6, int(rect.height() * (0.5 if len(letters) <= 3 else 0.42))))
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, letters)
    painter.restore()


def kind_icon(kind: str, size: int = 16) -> QIcon:
    """A QIcon badge for an object kind, cached."""
    key = (kind, size)
    icon = _KIND_CACHE.get(key)
    if icon is None:
        icon = QIcon()
        for scale in (1, 2):
            pixmap = QPixmap(int(size * 1.6) * scale, size * scale)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            paint_kind_badge(painter, QRectF(0, 0, pixmap.width(), pixmap.height()), kind)
            painter.end()
            pixmap.setDevicePixelRatio(scale)
            icon.addPixmap(pixmap)
        _KIND_CACHE[key] = icon
    return icon
