"""The main window: object list, state graph + action bar, detail pane, event log.

Layout (stable objectNames)::

    ┌ deprecationNotice (dismissible, once) ─────────────────────────────┐
    │ lessonBar (Stripe's error after a refused request; non-modal)      │
    ├ objectList ──┬ stateGraph ──────────────────────┬ detailPane ──────┤
    │ (filter bar) │                                  │ Properties/JSON/ │
    │              ├ actionBar ───────────────────────┤ Request/Events   │
    ├──────────────┴──────────────────────────────────┴──────────────────┤
    │ eventLog                                                           │
    └────────────────────────────────────────────────────────────────────┘

The panes share only the :class:`~gui.sandbox_host.SandboxHost` (the one
subscriber to the sandbox), a :class:`~gui.selection.Selection` and the
:class:`~gui.commands.Commands`; each connects to the host's signals itself and
never reaches into another. Splitter sizes and the window geometry are kept
in QSettings.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt
from PySide6.QtGui import QActionGroup, QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.api import Sandbox
from gui.commands import SUBMENUS, Commands
from gui.panes.action_bar import ActionBar
from gui.panes.detail_pane import DetailPane
from gui.panes.event_log import EventLogView
from gui.panes.object_list import ObjectListPanel
from gui.sandbox_host import SandboxHost
from gui.selection import Selection
from gui.serve_controller import ServeController
from gui.session_controller import SessionController
from gui.theme import ThemeController
from gui.words.citations import link_rich_text
from gui.words.i18n import LANGUAGES, LanguageManager, TranslationError
from gui.zoom import ZoomController

if TYPE_CHECKING:
    from gui.graph.view import StateGraphView

NOTICE_KEY = "notice/sourcesDeprecatedDismissed"
ANIMATION_KEY = "graph/animation_ms"  # the graph view reads the same key
DEFAULT_ANIMATION_MS = 600

#: a menu separator goes before these commands
MENU_SEPARATORS_BEFORE = frozenset(
    {
        "charge",
        "try_anyway",
        "clock_custom",
        "serve",
        "file_quit",
        "focus_list",
        "shortcuts",
        "show_lessons",
        "zoom_in",
        "high_contrast",
        "lesson_autoplay",
    }
)

# Create action -> (module, class) of its dialog, imported when first opened.
DIALOGS = {
    "new_source": ("gui.dialogs.new_source", "NewSourceDialog"),
    "new_token": ("gui.dialogs.new_token", "NewTokenDialog"),
    "new_customer": ("gui.dialogs.new_customer", "NewCustomerDialog"),
    "new_charge": ("gui.dialogs.charge", "ChargeDialog"),
}


def default_sandbox() -> Sandbox:
    return Sandbox(seed=0, check_keys=False)


class InfoBar(QFrame):
    """A one-line notice with an icon, rich text and a close button."""

    def __init__(
        self, object_name: str, icon: QStyle.StandardPixmap, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.icon = QLabel(self)
        self.icon.setPixmap(self.style().standardIcon(icon).pixmap(18, 18))
        self.title = QLabel(self)
        self.title.setObjectName(f"{object_name}Title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel(self)
        self.text.setObjectName(f"{object_name}Text")
        self.text.setWordWrap(True)
        self.text.setOpenExternalLinks(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName(f"{object_name}Close")
        self.close_button.setAutoRaise(True)
        self.close_button.setText("✕")
        self.retranslate()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        text_box = QVBoxLayout()
        text_box.setSpacing(0)
        text_box.addWidget(self.title)
        text_box.addWidget(self.text)
        layout.addLayout(text_box, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)

    def retranslate(self) -> None:
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class MainWindow(QMainWindow):
    """Chargeable's one top-level window.

    Attributes:
        host: the :class:`~gui.sandbox_host.SandboxHost`: the sandbox every pane shows,
            its changes, and the one path of the window's requests.
        sandbox: the core sandbox every pane shows (``host.sandbox``).
        selection: the shared selection.
        commands: every QAction (see :mod:`gui.commands`).
        object_panel, graph, action_bar, detail_pane, event_log: the panes.
        notice: the Sources-deprecation info bar (``deprecationNotice``).
        lesson_bar: Stripe's last refusal, non-modal (``lessonBar``).
        current_dialog: the create dialog open now, or ``None``.
        serve: the in-window API server (:mod:`gui.serve_controller`).
        languages: the :class:`~gui.words.i18n.LanguageManager` (View ▸ Language).
        reference_links: opens `chargeable-ref:` citations (and Help ▸ Reference) in one viewer.
        zoom: the global text zoom (:mod:`gui.zoom`).
        theme: the high-contrast switch (:mod:`gui.theme`).
        presenter: presenter mode (:mod:`gui.panes.presenter`), built on first use.
        lesson_player, lesson_dock: the lesson player and its dock (``lessonDock``),
            ``None`` until View ▸ Lessons (or a lesson command) first needs them.
    """

    def __init__(
        self,
        sandbox: Sandbox | None = None,
        settings: QSettings | None = None,
        *,
        prompter: Any = None,
        autosave_dir: str | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.resize(1280, 800)
        self.host = SandboxHost(sandbox if sandbox is not None else default_sandbox(), self)
        self._shown: Sandbox = self.host.sandbox  # the sandbox the panes were built for
        self.settings = settings if settings is not None else QSettings()
        # language, zoom and theme first, so every pane is built with them
        self.languages = LanguageManager(self.settings, self)
        self._restore_language()
        self.zoom = ZoomController(self.settings, self)
        self.zoom.apply()
        self.theme = ThemeController(self.settings, self)
        self.theme.apply()
        self.selection = Selection(self)
        self.commands = Commands(self.host, self.selection, self)
        from gui.panes.reference import ReferenceLinks  # the viewer is built on the first link

        self.reference_links = ReferenceLinks(self)
        self.session = SessionController(
            self.host, self.settings, self, prompter=prompter, autosave_dir=autosave_dir
        )
        self.host.replaced.connect(self._rebuild_panes)
        self.session.titleChanged.connect(self.setWindowTitle)
        self.session.dirtyChanged.connect(self.setWindowModified)
        self.current_dialog: QDialog | None = None
        self._palette: QWidget | None = None
        self._sheet: QWidget | None = None
        self.lesson_player: Any = None
        self.lesson_dock: QDockWidget | None = None
        self.presenter: Any = None
        self._lesson_position = 0
        self._lesson_sandbox: Any = None

        # --- panes
        self._build_panes()
        centre = QWidget(self)
        centre.setObjectName("centrePane")
        self._centre_layout = QVBoxLayout(centre)
        self._centre_layout.setContentsMargins(0, 6, 0, 0)
        self._centre_layout.setSpacing(0)
        self._centre_layout.addWidget(self.graph, 1)
        self._centre_layout.addWidget(self.action_bar)

        self.top_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.top_splitter.setObjectName("topSplitter")
        self.top_splitter.addWidget(self.object_panel)
        self.top_splitter.addWidget(centre)
        self.top_splitter.addWidget(self.detail_pane)
        self.top_splitter.setStretchFactor(0, 0)
        self.top_splitter.setStretchFactor(1, 1)
        self.top_splitter.setStretchFactor(2, 0)
        self.top_splitter.setSizes([300, 600, 380])
        self.top_splitter.setChildrenCollapsible(False)

        self.main_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.top_splitter)
        self.main_splitter.addWidget(self.event_log)
        self.main_splitter.setStretchFactor(0, 1)
        self.main_splitter.setStretchFactor(1, 0)
        self.main_splitter.setSizes([560, 170])

        # --- info bars
        self.notice = InfoBar(
            "deprecationNotice", QStyle.StandardPixmap.SP_MessageBoxInformation, self
        )
        self.notice.close_button.clicked.connect(self.dismiss_notice)
        self.notice.setVisible(not _truthy(self.settings.value(NOTICE_KEY, False)))

        self.lesson_bar = InfoBar("lessonBar", QStyle.StandardPixmap.SP_MessageBoxWarning, self)
        self.lesson_bar.close_button.clicked.connect(self.lesson_bar.hide)
        self.lesson_bar.hide()

        container = QWidget(self)
        container.setObjectName("windowBody")
        body = QVBoxLayout(container)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.notice)
        body.addWidget(self.lesson_bar)
        body.addWidget(self.main_splitter, 1)
        self.setCentralWidget(container)
        self._apply_window_style()

        # --- menus, status bar, wiring
        self._build_menus()
        self.statusBar().setObjectName("statusBar")
        self.commands.message.connect(lambda text: self.statusBar().showMessage(text, 0))
        self.host.refused.connect(self.show_lesson)
        self.selection.changed.connect(self._on_selection)
        self._connect_commands()
        self._connect_classroom()
        self.serve = ServeController.for_window(self)
        # the Request tab's code targets the window's own server while it serves
        self.serve.started.connect(lambda url: self.detail_pane.set_api_base(url))
        self.serve.stopped.connect(lambda: self.detail_pane.set_api_base(None))
        self._restore_layout()
        self.retranslate()
        self.object_panel.view.setFocus()

    def start_session(self) -> None:
        """Once the window is shown: offer to recover a crashed session, start autosave."""
        self.session.offer_recovery()
        self.session.start_autosave()

    # ------------------------------------------------------------ building
    def _build_panes(self) -> None:
        self.object_panel = ObjectListPanel(self.host, self.selection, self)
        self.graph = self._make_graph()
        self.action_bar = ActionBar(self.sandbox, self.selection, self.commands, self)
        self.detail_pane = DetailPane(self.host, self.selection, self)
        self.event_log = EventLogView(self.host, self.selection, self)

    @property
    def sandbox(self) -> Sandbox:
        return self.host.sandbox

    def set_sandbox(self, sandbox: Sandbox) -> None:
        """Show another sandbox: the host holds it and the panes are rebuilt around it."""
        self.host.set_sandbox(sandbox)

    def _rebuild_panes(self, sandbox: Sandbox) -> None:
        """The host holds another sandbox (New, Open, Recover, a lesson): new panes."""
        if sandbox is self._shown:
            return
        old = (self.object_panel, self.graph, self.action_bar, self.detail_pane, self.event_log)
        top_sizes, main_sizes = self.top_splitter.sizes(), self.main_splitter.sizes()
        self.selection.select(None)
        self._shown = sandbox
        self._build_panes()
        self.detail_pane.set_api_base(self.serve.url or None)
        self.top_splitter.replaceWidget(0, self.object_panel)
        self.top_splitter.replaceWidget(2, self.detail_pane)
        self.main_splitter.replaceWidget(1, self.event_log)
        self._centre_layout.replaceWidget(old[1], self.graph)
        self._centre_layout.replaceWidget(old[2], self.action_bar)
        self.top_splitter.setSizes(top_sizes)
        self.main_splitter.setSizes(main_sizes)
        for widget in old:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
        self.lesson_bar.hide()
        if self.presenting:  # a lesson started in presenter mode: keep the projection
            for pane in (self.object_panel, self.detail_pane, self.event_log):
                pane.hide()
            self.graph.setFocus()
        else:
            self.object_panel.view.setFocus()

    def _make_graph(self) -> StateGraphView:
        from gui.graph.view import StateGraphView

        graph = StateGraphView(self.host, self)
        graph.actionRequested.connect(self._on_graph_action)
        graph.set_animation_duration(self.animation_ms())
        # the window's zoom (Ctrl+= / Ctrl+-) enlarges the graph's text with the rest
        graph.set_text_zoom(self.zoom.factor)
        self.zoom.zoomChanged.connect(graph.set_text_zoom)
        self.theme.themeChanged.connect(graph.restyle)  # high contrast reaches the graph
        if self.presenter is not None and self.presenter.active:
            graph.set_presenter(True, float(self.height()))
        return graph

    def animation_ms(self) -> int:
        """The graph's animation length from QSettings (0 = jump)."""
        try:
            return max(0, int(self.settings.value(ANIMATION_KEY, DEFAULT_ANIMATION_MS)))
        except (TypeError, ValueError):
            return DEFAULT_ANIMATION_MS

    def set_animation_ms(self, ms: int) -> None:
        """Store the animation length and apply it to the graph."""
        self.settings.setValue(ANIMATION_KEY, max(0, int(ms)))
        if hasattr(self.graph, "set_animation_duration"):
            self.graph.set_animation_duration(self.animation_ms())

    def _build_menus(self) -> None:
        """One menu per key of :data:`gui.commands.MENUS` (objectName ``menu_<key>``);
        submenus (View ▸ Language) go at the end of their parent menu."""
        bar = self.menuBar()
        self.menus: dict[str, QMenu] = {}
        layout = self.commands.menu_keys()
        for key, title, actions in layout:
            parent = SUBMENUS.get(key, (None, ""))[0]
            if parent is None:
                menu = bar.addMenu(title)
            else:
                holder = self.menus[parent]
                holder.addSeparator()
                menu = holder.addMenu(title)
            menu.setObjectName(f"menu_{key}")
            self.menus[key] = menu
            for action in actions:
                if action.data() in MENU_SEPARATORS_BEFORE and menu.actions():
                    menu.addSeparator()
                menu.addAction(action)
        language_group = QActionGroup(self)
        language_group.setExclusive(True)
        for name in ("lang_en", "lang_ja"):
            language_group.addAction(self.commands.actions[name])

    def _retranslate_menus(self) -> None:
        for key, menu in self.menus.items():
            menu.setTitle(self.commands.menu_title(key))

    def _connect_commands(self) -> None:
        a = self.commands.actions
        for name in DIALOGS:
            a[name].triggered.connect(lambda _checked=False, n=name: self.open_create_dialog(n))
        a["copy_id"].triggered.connect(self.copy_selected_id)
        a["find"].triggered.connect(self._focus_filter)
        a["focus_list"].triggered.connect(lambda: self.object_panel.view.setFocus())
        a["focus_graph"].triggered.connect(lambda: self.graph.setFocus())
        a["focus_detail"].triggered.connect(lambda: self.detail_pane.tabs.setFocus())
        a["focus_log"].triggered.connect(lambda: self.event_log.setFocus())
        a["show_notice"].triggered.connect(self.show_notice)
        a["file_quit"].triggered.connect(self.close)
        a["about"].triggered.connect(self.show_about)
        a["reference"].triggered.connect(lambda: self.open_reference())
        a["palette"].triggered.connect(self.open_palette)
        a["shortcuts"].triggered.connect(self.open_shortcut_sheet)
        a["file_new"].triggered.connect(self.session.new)
        a["file_open"].triggered.connect(self.session.open)
        a["file_save"].triggered.connect(self.session.save)
        a["file_save_as"].triggered.connect(self.session.save_as)

    # ----------------------------------------------------------- classroom
    def _connect_classroom(self) -> None:
        a = self.commands.actions
        # window shortcuts keep working while the menu bar is hidden (presenter mode)
        self.addActions(self.commands.all_actions())
        a["show_lessons"].toggled.connect(self.show_lessons)
        a["presenter"].toggled.connect(self.set_presenter_mode)
        a["zoom_in"].triggered.connect(self.zoom.zoom_in)
        a["zoom_out"].triggered.connect(self.zoom.zoom_out)
        a["zoom_reset"].triggered.connect(self.zoom.reset)
        self.zoom.zoomChanged.connect(self._sync_zoom_actions)
        self._sync_zoom_actions()
        a["high_contrast"].setChecked(self.theme.high_contrast)
        a["high_contrast"].toggled.connect(self.theme.set_high_contrast)
        self.theme.themeChanged.connect(lambda _on: self._apply_window_style())
        for code in LANGUAGES:
            a[f"lang_{code}"].triggered.connect(lambda _checked=False, c=code: self.set_language(c))
        a[f"lang_{self.languages.language}"].setChecked(True)
        a["lesson_next"].triggered.connect(lambda: self._lesson_command("next"))
        a["lesson_previous"].triggered.connect(lambda: self._lesson_command("previous"))
        a["lesson_restart"].triggered.connect(lambda: self._lesson_command("restart"))
        a["lesson_autoplay"].toggled.connect(self._lesson_autoplay)

    def _apply_window_style(self) -> None:
        """Colour the two info bars. Each bar gets its own style sheet: one on the window
        would make Qt restyle every widget in it for two rules (~10 ms at start-up)."""
        from gui.theme import is_high_contrast

        if is_high_contrast():
            high = "background: #000000; border: 0; border-bottom: 2px solid #FFFF00;"
            notice, lesson = high, high
        else:
            notice = "background: #e8f1f8; border: 0; border-bottom: 1px solid #b7cfe2;"
            lesson = "background: #fbeee6; border: 0; border-bottom: 1px solid #e2b9a0;"
        self.notice.setStyleSheet(f"QFrame#deprecationNotice {{ {notice} }}")
        self.lesson_bar.setStyleSheet(f"QFrame#lessonBar {{ {lesson} }}")

    def _sync_zoom_actions(self, *_args: object) -> None:
        self.commands.actions["zoom_in"].setEnabled(self.zoom.can_zoom_in)
        self.commands.actions["zoom_out"].setEnabled(self.zoom.can_zoom_out)

    # lessons
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

    # presenter mode
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

    # language
    def _restore_language(self) -> None:
        language = self.languages.saved_language()
        if language == self.languages.language:
            return
        try:
            self.languages.set_language(language)
        except TranslationError:
            pass  # stays English; the menu shows English checked

    def set_language(self, language: str) -> bool:
        """Switch the whole interface to ``language`` now (View ▸ Language); remembered."""
        try:
            self.languages.set_language(language)
        except TranslationError as exc:
            self.statusBar().showMessage(str(exc), 0)
            ok = False
        else:
            ok = True
        current = self.languages.language
        self.commands.actions[f"lang_{current}"].setChecked(True)
        if self.lesson_player is not None:
            self.lesson_player.set_language(current)
        return ok

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Every text the window itself sets, in the current language."""
        self.notice.title.setText(self.tr("Sources are a legacy API"))
        self.notice.text.setText(
            self.tr(
                "Stripe has deprecated the Sources API (and raw Tokens) in favour of "
                "PaymentMethods with PaymentIntents. A PaymentMethod is stateless: the payment's "
                "state lives on the PaymentIntent, so there is no <code>chargeable</code> "
                "(&ldquo;ready to charge&rdquo;) status to wait for. Chargeable teaches the legacy "
                "objects so you can read and migrate old integrations."
            )
        )
        self.commands.retranslate()
        if hasattr(self, "menus"):
            self._retranslate_menus()
        self._retranslate_dock()
        self.setWindowTitle(self.session.window_title())

    def _retranslate_dock(self) -> None:
        if self.lesson_dock is not None:
            self.lesson_dock.setWindowTitle(self.tr("Lessons"))

    # ------------------------------------------------------------- actions
    def _on_selection(self, object_id: str) -> None:
        if hasattr(self.graph, "set_object"):
            self.graph.set_object(object_id or None)

    def _on_graph_action(self, object_id: str, action_name: str) -> None:
        self.selection.select(object_id)
        self.commands.perform(object_id, action_name)

    def show_lesson(self, title: str, text: str) -> None:
        """Show Stripe's refusal in the (non-modal) lesson bar."""
        self.lesson_bar.title.setText(title)
        self.lesson_bar.text.setText(link_rich_text(text.replace("\n", "<br>")))
        self.lesson_bar.show()
        self.statusBar().showMessage(title, 0)

    def dismiss_notice(self) -> None:
        self.notice.hide()
        self.settings.setValue(NOTICE_KEY, True)

    def show_notice(self) -> None:
        self.notice.show()
        self.settings.setValue(NOTICE_KEY, False)

    def copy_selected_id(self) -> None:
        if self.selection.current:
            QGuiApplication.clipboard().setText(self.selection.current)
            self.statusBar().showMessage(
                self.tr("Copied %1").replace("%1", self.selection.current), 0
            )

    def _focus_filter(self) -> None:
        self.object_panel.filter_bar.text_edit.setFocus()
        self.object_panel.filter_bar.text_edit.selectAll()

    def open_create_dialog(self, name: str) -> QDialog | None:
        """Open the create dialog for ``name`` (``new_source``...) without blocking."""
        module_name, class_name = DIALOGS[name]
        try:
            cls = getattr(importlib.import_module(module_name), class_name)
        except (ImportError, AttributeError):
            self.statusBar().showMessage(self.tr("That dialog is not available yet."), 0)
            return None
        if self.current_dialog is not None:
            self.current_dialog.close()
        dialog: QDialog = cls(self.host, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if hasattr(dialog, "succeeded"):
            dialog.succeeded.connect(self._created)
        dialog.finished.connect(lambda _result, d=dialog: self._dialog_closed(d))
        self.current_dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.current_dialog is dialog:
            self.current_dialog = None

    def _created(self, body: dict[str, Any]) -> None:
        object_id = body.get("id") if isinstance(body, dict) else None
        if isinstance(object_id, str):
            self.selection.select(object_id)

    def open_palette(self) -> None:
        from gui.panes.command_palette import CommandPalette

        palette = CommandPalette(self.commands.all_actions(), parent=self)
        palette.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._palette = palette
        palette.destroyed.connect(lambda *_: setattr(self, "_palette", None))
        palette.open()

    def open_shortcut_sheet(self) -> None:
        from gui.panes.presenter import presenter_key_rows
        from gui.panes.shortcut_sheet import ShortcutSheet

        sheet = ShortcutSheet(
            self.commands.all_actions(),
            parent=self,
            presenter_keys=presenter_key_rows(self.commands),
        )
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._sheet = sheet
        sheet.destroyed.connect(lambda *_: setattr(self, "_sheet", None))
        sheet.show()

    def open_reference(self, section: str = "") -> Any:
        """Help ▸ Reference, at ``section`` ("6.3") if given; the viewer is returned."""
        return self.reference_links.open_section(section)

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowTitle(self.tr("About Chargeable"))
        box.setText(
            self.tr(
                "Chargeable simulates Stripe's legacy Source and Token objects in a local sandbox, "
                "so you can watch their lifecycles and read Stripe's real errors."
            )
        )
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.show()

    # -------------------------------------------------------------- layout
    def _restore_layout(self) -> None:
        for key, widget in (
            ("window/topSplitter", self.top_splitter),
            ("window/mainSplitter", self.main_splitter),
        ):
            state = self.settings.value(key)
            if isinstance(state, QByteArray | bytes) and state:
                widget.restoreState(QByteArray(state))
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes) and geometry:
            self.restoreGeometry(QByteArray(geometry))

    def save_layout(self) -> None:
        """Write the splitter sizes and the window geometry to QSettings."""
        self.settings.setValue("window/topSplitter", self.top_splitter.saveState())
        self.settings.setValue("window/mainSplitter", self.main_splitter.saveState())
        self.settings.setValue("window/geometry", self.saveGeometry())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if not self.session.maybe_save():
            event.ignore()
            return
        self.serve.stop()
        self.session.shutdown()
        self.save_layout()
        super().closeEvent(event)


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)
