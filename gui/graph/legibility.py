"""How large the graph's text must be, and the text scale that makes it so.

The floors (from the classroom brief): at 1280x800 in the normal layout no graph
text is smaller than 12 px with a cap height of 9 px; in presenter mode no
smaller than 24 px at 800 px of screen height and 32 px at 1080 px (24 px grown
with the screen's height). Cap heights follow the same ratio (9/12).

The view meets them by building its fonts at a *text scale* (``text_scale``),
times the window's zoom, and by never drawing the scene smaller than 1:1 (the
view's own zoom and its fit stop there): when the picture does not fit, the
labels are shortened (the full words stay in the tooltip) and then the view
scrolls. Text is never shrunk below its floor.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF

from gui.graph import style

NORMAL_MIN_PX = 12.0
PRESENTER_MIN_PX = 24.0
#: presenter floor grows with the screen: 24 px at 800 px high, 32.4 px at 1080
PRESENTER_REFERENCE_HEIGHT = 800.0
CAP_RATIO = 9.0 / 12.0
#: the scene is never drawn smaller than this (text would shrink)
MIN_VIEW_SCALE = 1.0


def minimum_px(presenter: bool, screen_height: float = 800.0) -> float:
    """The smallest text height allowed (px)."""
    if not presenter:
        return NORMAL_MIN_PX
    return PRESENTER_MIN_PX * max(1.0, screen_height / PRESENTER_REFERENCE_HEIGHT)


def text_px(font: QFont, view_scale: float = 1.0) -> tuple[float, float]:
    """(em height, cap height) in device pixels of ``font`` drawn at ``view_scale``."""
    fm = QFontMetricsF(font)
    return (font.pixelSize() * view_scale, fm.capHeight() * view_scale)


def cjk_ink_px(font: QFont, view_scale: float = 1.0, sample: str = "請") -> float:
    """The ink height of a CJK glyph in ``font`` (through font fallback) at ``view_scale``."""
    return QFontMetricsF(font).tightBoundingRect(sample).height() * view_scale


def legible(font: QFont, floor: float, view_scale: float = 1.0) -> bool:
    em, cap = text_px(font, view_scale)
    return em >= floor - 1e-6 and cap >= floor * CAP_RATIO - 1e-6


def text_scale(floor: float) -> float:
    """The smallest text scale (>= 1) at which every graph font meets ``floor``."""
    scale = max(1.0, floor / min(style.BADGE_PX, style.SMALL_PX, style.LABEL_PX))
    for _ in range(200):
        if all(legible(f, floor) for f in style.all_fonts(scale)):
            return scale
        scale *= 1.02
    return scale
