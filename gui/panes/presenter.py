"""Presenter mode (F5): the window as a classroom projection.

Entering it:

- the window goes full screen; the menu bar, status bar, info bars and the
  secondary panes (object list, detail pane, event log) are hidden; the state
  graph comes first: it takes the screen's width and most of its height, with
  text of at least 24 px (32 px on a 1080 px screen) and short edge labels;
  the action bar and the lesson player stay, the player (its narration in
  larger type) as a short band under the graph;
- the lesson commands get the presenter keys (Space / → / PageDown forward,
  ← / PageUp back) and the presenter command gets Esc: they are window
  shortcuts on QActions, so they work whichever pane has the focus (the
  graph's own keys are +, -, F, E, Tab and Enter);
- everything needed to come back is remembered first: window state and
  geometry, dock layout, which panes were visible, splitter sizes and the
  narration's font.

Leaving it (Esc or F5 again) restores exactly that layout.

Signals:
    toggled(bool): presenter mode switched on/off.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, QRect, Qt, Signal
from PySide6.QtWidgets import QWidget

#: the narration and lesson title grow by this much in presenter mode
NARRATION_SCALE = 1.5
#: share of the screen height the lesson band takes in presenter mode (the graph comes first)
BAND_SHARE = 0.315


def presenter_key_rows(commands: Any) -> list[tuple[str, str]]:
    """(command, keys) of the keys presenter mode adds (the F1 sheet lists them)."""
    from gui.commands import SPECS
    from gui.panes.command_palette import action_label

    rows = []
    for spec in SPECS:
        if spec.presenter:
            action = commands.actions[spec.name]
            rows.append((action_label(action), "  /  ".join(spec.presenter)))
    return rows


@dataclass
class _Saved:
    window_state: Qt.WindowState
    geometry: QByteArray
    rect: QRect
    dock_state: QByteArray
    visible: dict[str, bool]
    top_sizes: list[int]
    main_sizes: list[int]
    fonts: dict[str, float] = field(default_factory=dict)


class PresenterMode(QObject):
    """Enters and leaves presenter mode on a :class:`gui.main_window.MainWindow`.

    Attributes:
        active: presenter mode is on.
    """

    toggled = Signal(bool)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self._window = window
        self._saved: _Saved | None = None
        self._sizes: tuple[list[int], list[int]] | None = None

    @property
    def active(self) -> bool:
        return self._saved is not None

    def saved_geometry(self) -> QByteArray | None:
        """The window's geometry from before presenter mode (None when not presenting)."""
        return QByteArray(self._saved.geometry) if self._saved is not None else None

    def set_active(self, on: bool) -> None:
        if on:
            self.enter()
        else:
            self.leave()

    def _hidden_parts(self) -> dict[str, QWidget]:
        w = self._window
        return {
            "objectList": w.object_panel,
            "detailPane": w.detail_pane,
            "eventLog": w.event_log,
            "deprecationNotice": w.notice,
            "lessonBar": w.lesson_bar,
            "menuBar": w.menuBar(),
            "statusBar": w.statusBar(),
            # graph first: its edges are the actions (click, or Tab then Enter)
            "actionBar": w.action_bar,
        }

    def enter(self) -> None:
        if self.active:
            return
        w = self._window
        player = w.lesson_panel()  # built (and docked) on first use
        dock = w.lesson_dock
        parts = self._hidden_parts()
        self._saved = _Saved(
            window_state=w.windowState(),
            geometry=w.saveGeometry(),
            rect=w.geometry(),
            dock_state=w.saveState(),
            visible={name: not part.isHidden() for name, part in parts.items()}
            | {"lessonDock": not dock.isHidden()},
            top_sizes=w.top_splitter.sizes(),
            main_sizes=w.main_splitter.sizes(),
        )
        for name in ("narration", "title"):
            label = getattr(player.page, name)
            self._saved.fonts[name] = label.font().pointSizeF() / max(1.0, w.font().pointSizeF())
            font = label.font()
            font.setPointSizeF(label.font().pointSizeF() * NARRATION_SCALE)
            label.setFont(font)
        self.hide_parts()
        w.set_lesson_buttons_compact(False)
        w.show_lessons(True)
        player.page.set_step_first(True)
        w.commands.set_presenter_keys(True)
        # the hidden panes must leave the minimum size before the window takes the screen's
        for _level in range(6):  # each level of splitters posts the next level's request
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        layout = w.layout()
        if layout is not None:
            layout.activate()
        if w.screen() is not None:  # without a window manager (bare Xvfb) nobody resizes it
            w.setGeometry(w.screen().geometry())
        w.showFullScreen()
        w.installEventFilter(self)
        # graph first: the narration is a short band under it, the graph gets the rest
        w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.show()
        height = w.screen().geometry().height() if w.screen() else w.height()
        w.resizeDocks([dock], [int(height * BAND_SHARE)], Qt.Orientation.Vertical)
        if hasattr(w.graph, "set_presenter"):
            w.graph.set_presenter(True, float(height))
        w.graph.setFocus()
        self._sync_action(True)
        self.toggled.emit(True)

    def hide_parts(self) -> None:
        """Hide what presenter mode hides: on entering, and again when the window has
        built new panes meanwhile (a lesson that starts replaces the sandbox)."""
        for part in self._hidden_parts().values():
            part.hide()

    def leave(self) -> None:
        saved = self._saved
        if saved is None:
            return
        self._saved = None
        w = self._window
        w.commands.set_presenter_keys(False)
        if hasattr(w.graph, "set_presenter"):
            w.graph.set_presenter(False)
        w.set_lesson_buttons_compact(True)
        player = w.lesson_player
        if player is not None:
            player.page.set_step_first(False)
            for name, ratio in saved.fonts.items():
                label = getattr(player.page, name)
                font = label.font()
                font.setPointSizeF(ratio * max(1.0, w.font().pointSizeF()))
                label.setFont(font)
        if saved.window_state & Qt.WindowState.WindowFullScreen:
            w.showFullScreen()
        elif saved.window_state & Qt.WindowState.WindowMaximized:
            w.showMaximized()
        else:
            w.showNormal()
            w.restoreGeometry(saved.geometry)
            w.setGeometry(saved.rect)
        for name, part in self._hidden_parts().items():
            part.setVisible(saved.visible.get(name, True))
        w.restoreState(saved.dock_state)
        if w.lesson_dock is not None:
            w.lesson_dock.setVisible(saved.visible.get("lessonDock", False))
        self._sizes = (saved.top_sizes, saved.main_sizes)
        self._restore_sizes()
        # the window system resizes the window a moment later: set the sizes again then
        w.installEventFilter(self)
        self._sync_action(False)
        self.toggled.emit(False)

    def _restore_sizes(self) -> None:
        if self._sizes is None:
            return
        top, main = self._sizes
        self._window.top_splitter.setSizes(top)
        self._window.main_splitter.setSizes(main)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        window: Any = self._window  # compared below: mypy would narrow self._window to QObject
        if watched is window and event.type() == QEvent.Type.Resize and self.active:
            # keep the projection on the screen (Qt grows a window when a dock's hint grows,
            # and under bare Xvfb no window manager enforces full screen)
            screen = self._window.screen()
            if screen is not None and self._window.width() > screen.geometry().width():
                self._window.setGeometry(screen.geometry())
            return False
        if watched is window and event.type() == QEvent.Type.Resize and not self.active:
            self._restore_sizes()
            if not self._window.isFullScreen():
                self._window.removeEventFilter(self)
                self._sizes = None
        return False

    def _sync_action(self, on: bool) -> None:
        action = self._window.commands.actions["presenter"]
        blocked = action.blockSignals(True)
        action.setChecked(on)
        action.blockSignals(blocked)
