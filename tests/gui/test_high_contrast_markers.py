"""In high contrast every status marker shows on the black paper, not only the graph's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.window import charge, make_window, populate, select
from PySide6.QtGui import QColor, QTextCursor

from gui.graph.style import contrast_ratio
from gui.theme import apply_high_contrast
from gui.widgets.status_style import known_statuses, status_icon, style_for

pytestmark = pytest.mark.gui

BLACK = QColor("#000000")


@pytest.fixture
def high_contrast(qapp: Any) -> Iterator[None]:
    apply_high_contrast(True)
    yield
    apply_high_contrast(False)


def _best_contrast_on_black(status: str, icon: Any = None) -> float:
    icon = icon if icon is not None else status_icon(status, 16)
    image = icon.pixmap(16, 16).toImage()
    colours = {
        image.pixelColor(x, y).rgb()
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    }
    return max(contrast_ratio(QColor(rgb), BLACK) for rgb in colours)


def test_every_status_icon_shows_on_black(high_contrast: None) -> None:
    # the list, the event log and the status filter draw these icons on black paper;
    # consumed and used are Okabe-Ito black in the normal theme
    for status in known_statuses():
        assert _best_contrast_on_black(status) >= 4.5, status


def test_the_normal_theme_keeps_its_okabe_ito_colours(qapp: Any) -> None:
    apply_high_contrast(False)
    image = status_icon("consumed", 16).pixmap(16, 16).toImage()
    centre = image.pixelColor(8, 8)
    assert centre.name() == QColor(style_for("consumed").colour).name()


def _marker_colour(window: Any, status: str) -> QColor:
    """The colour of the first ``status`` marker glyph in the Properties tab."""
    document = window.detail_pane.properties.document()
    found = document.find(style_for(status).glyph)
    assert not found.isNull()
    cursor = QTextCursor(document)
    cursor.setPosition(found.selectionEnd())  # the format of the glyph itself
    return cursor.charFormat().foreground().color()


def test_the_why_marker_of_a_used_token_shows_on_black(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    token = populate(window.sandbox)["token"]
    charge(window.sandbox, token)
    select(window, token)
    assert _marker_colour(window, "used").name() == style_for("used").colour.lower()
    try:
        # switched on while the token is shown: the pane draws it again in the light colour
        window.theme.set_high_contrast(True)
        colour = _marker_colour(window, "used")
        assert contrast_ratio(colour, BLACK) >= 4.5, colour.name()
    finally:
        window.theme.set_high_contrast(False)
    assert _marker_colour(window, "used").name() == style_for("used").colour.lower()


def test_the_status_filter_redraws_its_markers_when_the_theme_changes(
    qtbot: Any, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    box = window.object_panel.filter_bar.status_box
    row = box.findData("consumed")
    assert row > 0
    assert _best_contrast_on_black("consumed", box.itemIcon(row)) < 4.5  # black, as Okabe-Ito
    try:
        window.theme.set_high_contrast(True)
        assert _best_contrast_on_black("consumed", box.itemIcon(row)) >= 4.5
    finally:
        window.theme.set_high_contrast(False)
    assert _best_contrast_on_black("consumed", box.itemIcon(row)) < 4.5
