"""The main window's lesson dock and presenter mode.

A part of :class:`~gui.main_window.MainWindow`, which inherits it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QMainWindow,
)

if TYPE_CHECKING:  # the mixin's methods run on the MainWindow (a QMainWindow)
    from core.api import Sandbox
    from gui.commands import Commands
    from gui.graph.view import StateGraphView
    from gui.sandbox_host import SandboxHost
    from gui.selection import Selection
    from gui.session.controller import SessionController
    from gui.words.i18n import LanguageManager

    _Base = QMainWindow
else:
    _Base = object


class LessonsMixin(_Base):
    """The lesson player in its dock (built on first use), its commands, presenter mode."""

    if TYPE_CHECKING:  # what MainWindow.__init__ sets, for the type checker
        commands: Commands
        graph: StateGraphView
        host: SandboxHost
        languages: LanguageManager
        selection: Selection
        session: SessionController
        lesson_player: Any
        lesson_dock: QDockWidget | None
        presenter: Any
        _forward: bool
        _lesson_position: int
        _lesson_sandbox: Sandbox | None

        @property
        def sandbox(self) -> Sandbox: ...

    def lesson_panel(self) -> Any:
        """The lesson player, built and docked on first use (it loads every lesson)."""
        if self.lesson_player is not None:
            return self.lesson_player
        from gui.panes.lesson_player import LessonPlayer

        dock = QDockWidget(self)
        dock.setObjectName("lessonDock")
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        player = LessonPlayer(self.host, dock)
        player.set_language(self.languages.language)
        # long lesson titles must not widen the dock (and the window) beyond the screen
        player.chooser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        player.chooser.setMinimumContentsLength(12)
        dock.setWidget(player)
        dock.hide()
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.visibilityChanged.connect(self._dock_visibility)
        self.lesson_player, self.lesson_dock = player, dock
        a = self.commands.actions
        # the panel's buttons run the window's commands (shortcuts, unsaved-work guard)
        for name, theirs in (
            ("next", player.next_action),
            ("previous", player.previous_action),
            ("restart", player.restart_action),
            ("autoplay", player.autoplay_action),
        ):
            mine = a[f"lesson_{name}"]
            button = player.buttons[name]
            button.removeAction(theirs)  # else the button counts two actions: a menu arrow
            button.setDefaultAction(mine)
            theirs.changed.connect(lambda m=mine, t=theirs: self._sync_lesson_action(m, t))
            self._sync_lesson_action(mine, theirs)
        self.set_lesson_buttons_compact(True)
        player.objectTouched.connect(self._on_lesson_touched)
        player.stepShown.connect(self._on_lesson_step)
        player.lessonChanged.connect(lambda _name: self._on_lesson_step(0))
        self._retranslate_dock()
        return player

    def set_lesson_buttons_compact(self, compact: bool) -> None:
        """Icons only beside the other panes (the dock stays narrow); words in presenter mode."""
        if self.lesson_player is None:
            return
        style = (
            Qt.ToolButtonStyle.ToolButtonIconOnly
            if compact
            else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )
        for button in self.lesson_player.buttons.values():
            button.setToolButtonStyle(style)
        self.lesson_player.speed_label.setVisible(not compact)  # the slider's tooltip says it

    @staticmethod
    def _sync_lesson_action(mine: Any, theirs: Any) -> None:
        if mine.isEnabled() != theirs.isEnabled():
            mine.setEnabled(theirs.isEnabled())
        mine.setIcon(theirs.icon())
        if mine.isCheckable() and mine.isChecked() != theirs.isChecked():
            blocked = mine.blockSignals(True)
            mine.setChecked(theirs.isChecked())
            mine.blockSignals(blocked)

    def show_lessons(self, visible: bool = True) -> None:
        """Show (building it if needed) or hide the lesson player (View ▸ Lessons)."""
        if not visible and self.lesson_dock is None:
            return
        self.lesson_panel()
        assert self.lesson_dock is not None
        if bool(visible) == (not self.lesson_dock.isHidden()):
            return
        size = self.size()
        self.lesson_dock.setVisible(bool(visible))
        if visible:
            self.lesson_dock.raise_()
            # QMainWindow grows the window by the dock's width; on a projector that pushes
            # the window off the screen. Keep the width: the panes make room instead.
            layout = self.layout()
            if layout is not None:
                layout.activate()
            if not self.isFullScreen() and not self.isMaximized():
                self.resize(size.expandedTo(self.minimumSizeHint()))

    def _dock_visibility(self, _visible: bool) -> None:
        action = self.commands.actions["show_lessons"]
        shown = self.lesson_dock is not None and not self.lesson_dock.isHidden()
        if action.isChecked() != shown:
            blocked = action.blockSignals(True)
            action.setChecked(shown)
            action.blockSignals(blocked)

    def _lesson_command(self, name: str) -> None:
        player = self.lesson_panel()
        self.show_lessons(True)
        if name in ("next", "restart") and not self._lesson_may_replace_sandbox(player):
            return
        getattr(player, name)()

    def _lesson_autoplay(self, on: bool) -> None:
        player = self.lesson_panel()
        if on:
            self.show_lessons(True)
            if not self._lesson_may_replace_sandbox(player):
                self._sync_lesson_action(
                    self.commands.actions["lesson_autoplay"], player.autoplay_action
                )
                return
        player.set_autoplay(on)

    def _lesson_may_replace_sandbox(self, player: Any) -> bool:
        """Before a lesson starts in a fresh sandbox: offer to save unsaved work."""
        run = player.run
        if run is not None and run.sandbox is self.sandbox:
            return True  # the lesson plays on in the sandbox shown now
        if self.sandbox is self._lesson_sandbox:
            return True  # the sandbox shown is an earlier lesson's: nothing of the user's
        return bool(self.session.maybe_save())

    def _on_lesson_step(self, position: int) -> None:
        player = self.lesson_player
        if player is not None and player.run is not None:
            self._lesson_sandbox = player.run.sandbox
        self._forward = position > self._lesson_position
        self._lesson_position = position

    def _on_lesson_touched(self, object_id: str) -> None:
        """Select what the step touched; a new object's graph shows its last transition."""
        shown = self.graph.object_id() if hasattr(self.graph, "object_id") else None
        self.selection.select(object_id or None)
        if not object_id or shown == object_id or not getattr(self, "_forward", False):
            return
        graph = self.graph
        if not hasattr(graph, "panel"):
            return
        model = graph.panel().model
        taken = next((e for e in model.edges if e.last_taken), None) if model else None
        if taken is not None:
            graph.panel().animate_transition(taken.id, graph.effective_duration())

    def set_presenter_mode(self, on: bool) -> None:
        """Enter or leave presenter mode (F5; Esc leaves)."""
        if self.presenter is None:
            if not on:
                return
            from gui.panes.presenter import PresenterMode

            self.presenter = PresenterMode(self)
        self.presenter.set_active(on)

    @property
    def presenting(self) -> bool:
        return self.presenter is not None and self.presenter.active

    def _retranslate_dock(self) -> None:
        if self.lesson_dock is not None:
            self.lesson_dock.setWindowTitle(QCoreApplication.translate("MainWindow", "Lessons"))
