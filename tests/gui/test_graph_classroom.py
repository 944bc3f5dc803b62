"""The graph in the classroom: trail and counters drawn, high contrast, keys, F1, zoom, names."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.window import make_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget

from gui.graph import style
from gui.theme import apply_high_contrast, is_high_contrast
from gui.widgets.status_style import HIGH_CONTRAST_STATUS, high_contrast_colour
from gui.zoom import set_application_zoom

CARD = [("card[number]", "4242424242424242"), ("card[exp_month]", "12"), ("card[exp_year]", "2034")]
IDEAL = [
    ("type", "ideal"),
    ("amount", "1500"),
    ("currency", "eur"),
    ("redirect[return_url]", "https://example.com/return"),
]


@pytest.fixture(autouse=True)
def _plain_application() -> Iterator[None]:
    yield
    set_application_zoom(1.0)
    apply_high_contrast(False)


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Any:
    return make_window(qtbot, tmp_path)


def _card_source(window: Any) -> str:
    tok = window.host.send("POST", "/v1/tokens", CARD).body["id"]
    return window.host.send("POST", "/v1/sources", [("type", "card"), ("token", tok)]).body["id"]


def _charged_three_times(window: Any) -> str:
    send = window.host.send
    src = _card_source(window)
    cus = send("POST", "/v1/customers", [("email", "a@example.com")]).body["id"]
    send("POST", f"/v1/customers/{cus}/sources", [("source", src)])
    window.selection.select(src)
    for _ in range(3):
        send(
            "POST",
            "/v1/charges",
            [("customer", cus), ("source", src), ("amount", "500"), ("currency", "usd")],
        )
    return src


# ------------------------------------------------------------------ the trail


def test_repeated_edges_carry_a_counter_and_undo_takes_it_back(window: Any) -> None:
    # §3.3 T6: charging an attached reusable source keeps it chargeable, each charge a loop
    _charged_three_times(window)
    panel = window.graph.panel()
    loop = panel.edges["T6"]
    assert loop.edge.taken == 3 and loop.edge.last_taken
    assert any(text.endswith("×3") for _font, text in loop.label.texts())
    assert "×3" in loop.toolTip()
    assert panel.edges["T8b"].look_name() == "trail"  # taken before: drawn as the path
    assert [t for _f, t in panel.nodes["chargeable"].texts()][-1] == "1–5"  # visit badge
    window.commands.action("undo").trigger()
    loop = window.graph.panel().edges["T6"]
    assert loop.edge.taken == 2
    assert any(text.endswith("×2") for _font, text in loop.label.texts())
    window.commands.action("undo").trigger()
    window.commands.action("undo").trigger()
    loop = window.graph.panel().edges["T6"]
    assert loop.edge.taken == 0 and loop.look_name() != "trail"
    assert not any("×" in text for _font, text in loop.label.texts())


def test_visited_states_are_numbered_in_order_and_never_unreachable(window: Any) -> None:
    # §3.3 T1 then T5a
    send = window.host.send
    src = send("POST", "/v1/sources", IDEAL).body["id"]
    window.selection.select(src)
    send("POST", f"/v1/test_helpers/sources/{src}/authorize")
    send("POST", "/v1/charges", [("source", src), ("amount", "1500"), ("currency", "eur")])
    panel = window.graph.panel()
    badges = {n: [t for _f, t in item.texts()][-1] for n, item in panel.nodes.items()}
    assert badges["pending"] == "1" and badges["chargeable"] == "2" and badges["consumed"] == "3"
    for state in ("pending", "chargeable", "consumed"):
        assert panel.nodes[state].status_word() != style.status_words()["unreachable"]
        assert panel.nodes[state].opacity() == 1.0
    assert panel.nodes["failed"].status_word() == style.status_words()["unreachable"]
    assert panel.edges["T5a"].look_name() == "taken"
    assert panel.edges["T1"].look_name() == "trail"
    window.commands.action("undo").trigger()  # undo walks the trail back
    panel = window.graph.panel()
    assert panel.nodes["chargeable"].node.current
    assert panel.edges["T1"].look_name() == "taken"
    assert panel.nodes["consumed"].node.visits == ()


def test_a_card_source_draws_no_other_flow(window: Any) -> None:
    # §3.2: a card source is born chargeable; the toggle shows the whole flow again
    window.selection.select(_card_source(window))
    graph = window.graph
    assert set(graph.panel().nodes) == {"chargeable", "consumed"}
    assert not {"T1", "T7", "T3", "T4"} & set(graph.panel().edges)
    graph.set_every_flow(True)
    assert {"T1", "T7"} <= set(graph.panel().edges) and "pending" in graph.panel().nodes
    assert "every flow" in graph.panel().title.text()
    graph.set_every_flow(False)
    assert "T7" not in graph.panel().edges


# ------------------------------------------------------------------ names


def test_a_nickname_titles_the_graph(window: Any) -> None:
    send = window.host.send
    src = send("POST", "/v1/sources", [*IDEAL, ("metadata[nickname]", "B")]).body["id"]
    window.selection.select(src)
    assert window.graph.panel().title.text().startswith(f"B · {src}")


# ------------------------------------------------------------------ contrast and keys


def _path(widget: QWidget) -> str:
    parts = []
    while widget is not None:
        parent = widget.parentWidget()
        siblings = parent.findChildren(type(widget)) if parent is not None else [widget]
        direct = [w for w in siblings if w.parentWidget() is parent]
        index = direct.index(widget) if widget in direct else 0
        parts.append(f"{type(widget).__name__}#{widget.objectName()}[{index}]")
        widget = parent
    return "/".join(reversed(parts))


def _palettes(window: Any) -> dict[str, tuple]:
    out = {}
    for widget in [window, *window.findChildren(QWidget)]:
        pal = widget.palette()
        key = _path(widget)
        out[key] = tuple(
            pal.color(group, role).rgba()
            for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Disabled)
            for role in (
                QPalette.ColorRole.Window,
                QPalette.ColorRole.WindowText,
                QPalette.ColorRole.Base,
                QPalette.ColorRole.Text,
                QPalette.ColorRole.Button,
                QPalette.ColorRole.ButtonText,
                QPalette.ColorRole.Highlight,
            )
        ) + (widget.styleSheet(),)
    return out


def test_high_contrast_round_trip_restores_every_palette(qtbot: Any, window: Any) -> None:
    window.lesson_panel()
    window.selection.select(_card_source(window))
    QApplication.processEvents()
    before = _palettes(window)
    scene_before = window.graph.scene().backgroundBrush().color().name()
    window.commands.action("high_contrast").trigger()
    assert is_high_contrast()
    QApplication.processEvents()
    assert window.graph.scene().backgroundBrush().color().name() == "#000000"
    window.commands.action("high_contrast").trigger()
    assert not is_high_contrast()
    QApplication.processEvents()
    after = _palettes(window)
    # (widgets rebuilt meanwhile, such as the detail pane's rows, are compared when present)
    changed = [k for k in before if k in after and before[k] != after[k]]
    assert not changed, [(k.split("/")[-3:], before[k], after[k]) for k in changed[:6]]
    assert len(set(before) & set(after)) > 0.8 * len(before)
    assert window.graph.scene().backgroundBrush().color().name() == scene_before


def test_high_contrast_graph_colours_reach_4_5_to_1() -> None:
    c = style.HIGH_CONTRAST
    for name in ("ink", "muted", "allowed", "taken", "trail", "focus", "alert"):
        assert style.contrast_ratio(getattr(c, name), c.background) >= 4.5, name
        assert style.contrast_ratio(getattr(c, name), c.paper) >= 4.5, name
    for status in HIGH_CONTRAST_STATUS:  # the status colours every pane draws in high contrast
        colour = high_contrast_colour(status)
        assert style.contrast_ratio(colour, c.background) >= 4.5, status
    n = style.NORMAL  # the normal palette's words too
    for name in ("ink", "muted", "alert"):
        assert style.contrast_ratio(getattr(n, name), n.paper) >= 4.5, name


def test_high_contrast_paints_the_graph_in_its_palette(window: Any) -> None:
    window.selection.select(_card_source(window))
    window.commands.action("high_contrast").trigger()
    QApplication.processEvents()
    assert style.colours() is style.HIGH_CONTRAST
    image = window.graph.grab().toImage()
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    }
    assert "#000000" in colours and "#ffffff" in colours
    assert "#fafaf7" not in colours  # the light paper is gone


def test_the_focused_graph_shows_a_ring_and_enter_takes_the_framed_edge(
    qtbot: Any, window: Any
) -> None:
    src = window.host.send("POST", "/v1/sources", IDEAL).body["id"]
    window.selection.select(src)
    graph = window.graph
    graph.setFocus()
    qtbot.waitUntil(graph.hasFocus)
    ring = graph.grab().toImage()
    blue = style.NORMAL.focus.name()
    assert ring.pixelColor(2, ring.height() // 2).name() == blue  # the focus ring
    assert graph.enabled_edges() == ["T1", "T2", "T3", "T8a"]
    qtbot.keyClick(graph, Qt.Key.Key_Right)
    assert graph.focused_edge() == "T1"
    assert graph.panel().focus_frame.isVisible()
    qtbot.keyClick(graph, Qt.Key.Key_Tab)
    assert graph.focused_edge() == "T2"
    qtbot.keyClick(graph, Qt.Key.Key_Left)
    assert graph.focused_edge() == "T1"
    qtbot.keyClick(graph, Qt.Key.Key_Return)  # performs authorize (§3.3 T1)
    assert window.sandbox.state_of(src) == "chargeable"
    assert graph.panel().edges["T1"].edge.last_taken


def test_tab_leaves_the_graph_after_its_last_edge(qtbot: Any, window: Any) -> None:
    window.selection.select(_card_source(window))
    graph = window.graph
    graph.setFocus()
    qtbot.waitUntil(graph.hasFocus)
    edges = graph.enabled_edges()
    assert edges
    for edge_id in edges:
        qtbot.keyClick(graph, Qt.Key.Key_Tab)
        assert graph.focused_edge() == edge_id
    qtbot.keyClick(graph, Qt.Key.Key_Tab)
    assert not graph.hasFocus()  # never trapped


def test_the_shortcut_sheet_lists_graph_and_presenter_keys(window: Any) -> None:
    window.open_shortcut_sheet()
    sheet = window._sheet
    rows = sheet.rows()
    keys = {shortcut for _command, shortcut in rows}
    for key in ("+", "−", "F", "E", "Tab", "Enter", "Space", "PgDown", "Esc"):
        assert any(key in k for k in keys), key
    sheet.close()


def test_window_zoom_enlarges_the_graph_text(window: Any) -> None:
    window.selection.select(_card_source(window))

    def smallest() -> float:
        return min(f.pixelSize() for item in window.graph.text_items() for f, _t in item.texts())

    before = smallest()
    window.commands.action("zoom_in").trigger()
    window.commands.action("zoom_in").trigger()
    assert window.zoom.factor > 1.0
    assert smallest() >= before * window.zoom.factor - 1
    assert window.graph.zoom_factor() >= 1.0
    window.commands.action("zoom_reset").trigger()
    assert smallest() == before
