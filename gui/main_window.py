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

from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QMainWindow,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from core.api import Sandbox
from gui.commands import Commands
from gui.panes.action_bar import ActionBar
from gui.panes.detail_pane import DetailPane
from gui.panes.event_log import EventLogView
from gui.panes.object_list import ObjectListPanel
from gui.sandbox_host import SandboxHost
from gui.selection import Selection
from gui.serve_controller import ServeController
from gui.session.controller import SessionController
from gui.theme import ThemeController
from gui.widgets.info_bar import InfoBar
from gui.window_commands import WindowCommandsMixin
from gui.window_lessons import LessonsMixin
from gui.words.citations import link_rich_text
from gui.words.i18n import LanguageManager, TranslationError
from gui.zoom import ZoomController

if TYPE_CHECKING:
    from gui.graph.view import StateGraphView

NOTICE_KEY = "notice/sourcesDeprecatedDismissed"
ANIMATION_KEY = "graph/animation_ms"  # the graph view reads the same key
DEFAULT_ANIMATION_MS = 600


def default_sandbox() -> Sandbox:
    return Sandbox(seed=0, check_keys=False)


class MainWindow(WindowCommandsMixin, LessonsMixin, QMainWindow):
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
        #: False for a one-off render (``--screenshot``): it must not change the next start
        self.remember_layout = True
        self._lesson_position = 0
        self._lesson_sandbox: Sandbox | None = None

        # --- panes
        self._build_panes()
        centre = QWidget(self)
        centre.setObjectName("centrePane")
        self._centre_layout = QVBoxLayout(centre)
        self._centre_layout.setContentsMargins(0, 6, 0, 0)
        self._centre_layout.setSpacing(0)
        self._centre_layout.addWidget(self.graph, 1)
        from gui.panes.customer_page import CustomerPage

        # a customer has no lifecycle to draw: its sources and charges take the graph's place
        self.customer_page = CustomerPage(self.host, self.selection, centre)
        self.customer_page.hide()
        self._centre_layout.addWidget(self.customer_page, 1)
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
        # the status bar cannot hold links: a "(§6.3)" in a message stays text
        self.commands.message.connect(lambda text: self.statusBar().showMessage(text, 0))
        # a message is about the last thing done: the next request's answer clears it
        # (its own message, if any, follows), so "Undone." does not linger actions later
        self.host.changed.connect(lambda _change: self.statusBar().clearMessage())
        self.host.refused.connect(self.show_lesson)
        self.selection.changed.connect(self._on_selection)
        self._connect_commands()
        self.commands.charge_dialog = self.open_charge_dialog  # "Charge…" asks, as its … says
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
            self.presenter.hide_parts()
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
            stored = cast("int | str", self.settings.value(ANIMATION_KEY, DEFAULT_ANIMATION_MS))
            return max(0, int(stored))
        except (TypeError, ValueError):
            return DEFAULT_ANIMATION_MS

    def set_animation_ms(self, ms: int) -> None:
        """Store the animation length and apply it to the graph."""
        self.settings.setValue(ANIMATION_KEY, max(0, int(ms)))
        if hasattr(self.graph, "set_animation_duration"):
            self.graph.set_animation_duration(self.animation_ms())

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

    # ------------------------------------------------------------- actions
    def _on_selection(self, object_id: str) -> None:
        obj = self.sandbox.get(object_id) if object_id else None
        customer = obj is not None and obj.get("object") == "customer"
        if hasattr(self, "customer_page"):
            self.customer_page.show_customer(object_id if customer else None)
            self.customer_page.setVisible(customer)
            self.graph.setVisible(not customer)
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

    def open_reference(self, section: str = "", document: str = "stripe-domain") -> Any:
        """Help ▸ Reference (or, ``document="intents"``, Help ▸ PaymentIntents Reference), at
        ``section`` ("6.3") if given; the viewer is returned."""
        return self.reference_links.open_section(section, document)

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

    def save_layout(self, geometry: QByteArray | None = None) -> None:
        """Write the splitter sizes and the window geometry (or ``geometry``) to QSettings."""
        self.settings.setValue("window/topSplitter", self.top_splitter.saveState())
        self.settings.setValue("window/mainSplitter", self.main_splitter.saveState())
        self.settings.setValue(
            "window/geometry", geometry if geometry is not None else self.saveGeometry()
        )

    def close_without_asking(self) -> None:
        """Close now, unsaved work kept in the autosave (SIGTERM, Ctrl+C in a terminal)."""
        self._closing_without_asking = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        keep = getattr(self, "_closing_without_asking", False)
        if not keep and not self.session.maybe_save():
            event.ignore()
            return
        self.serve.stop()
        self.session.shutdown(keep_unsaved=keep)
        geometry = None
        if self.presenting:  # keep the layout of the window, not the projection's
            geometry = self.presenter.saved_geometry()
            self.set_presenter_mode(False)
        if self.remember_layout:
            self.save_layout(geometry)
        super().closeEvent(event)


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)
