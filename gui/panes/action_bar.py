"""The action bar (objectName ``actionBar``): what can be done to the selected object.

One button per action in ``sandbox.allowed_actions(id)`` (read through
:class:`~gui.commands.Commands`, which keeps the QActions in sync). Each button
*is* the command's QAction (``QToolButton.setDefaultAction``), so the bar, the
menu and the shortcut can never disagree. A blocked action stays visible but
disabled, with the core's reason as tooltip and status tip, and the reason
also written under the buttons. An enabled action whose outcome the reference
marks unverified (the core's ``Action.note``) says so there too. With
*Try anyway* on, blocked buttons are enabled, drawn with a dashed outline and
a warning sign, and send their request to show Stripe's real error.

The clock is global: its buttons sit at the right whatever is selected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.commands import OBJECT_ACTIONS, Commands
from gui.selection import Selection
from gui.stripe_json import format_clock
from gui.widgets.elided_label import ElidedLabel

if TYPE_CHECKING:
    from core.api import Sandbox
from gui.widgets.flow_layout import FlowLayout
from gui.words.citations import reference_of_kind
from gui.words.i18n import core_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("ActionBar", text)


class ActionBar(QWidget):
    """Buttons for the selected object's actions, the Try-anyway switch and the clock.

    Attributes:
        buttons: the visible action buttons by action name, in the core's order.
        try_anyway_box: the switch (objectName ``tryAnyway``), bound to the QAction.
        clock_label: the simulated clock (objectName ``clockLabel``).
        reasons_label: what is unverified and why the blocked buttons are blocked
            (objectName ``blockedReasons``).
    """

    STYLE = """
    QToolButton[blocked="true"] {
        border: 1px dashed #D55E00; border-radius: 3px; padding: 3px 6px;
    }
    QToolButton { padding: 3px 6px; }
    """

    def __init__(
        self,
        sandbox: Sandbox,
        selection: Selection,
        commands: Commands,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("actionBar")
        self.setStyleSheet(self.STYLE)
        self._sandbox = sandbox
        self._selection = selection
        self._commands = commands
        self.buttons: dict[str, QToolButton] = {}
        self._pool: dict[str, QToolButton] = {}

        self.title = QLabel(self)
        self.title.setObjectName("actionBarTitle")
        self.title.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)

        # wraps onto a second line when narrow: a source with many actions never makes
        # the window wider than the screen (beside the lesson panel, in Japanese...)
        self._button_row = FlowLayout(spacing=4)
        for name in OBJECT_ACTIONS:
            button = QToolButton(self)
            button.setObjectName(f"actionButton_{name}")
            button.setDefaultAction(commands.action(name))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setAutoRaise(False)
            button.setVisible(False)
            self._pool[name] = button
            self._button_row.addWidget(button)

        self.try_anyway_box = QCheckBox(self)
        self.try_anyway_box.setObjectName("tryAnyway")
        self.try_anyway_box.setToolTip(commands.action("try_anyway").toolTip())
        self.try_anyway_box.setStatusTip(commands.action("try_anyway").statusTip())
        self.try_anyway_box.toggled.connect(commands.action("try_anyway").setChecked)
        commands.action("try_anyway").toggled.connect(self._sync_switch)

        self.clock_label = QLabel(self)
        self.clock_label.setObjectName("clockLabel")
        self.clock_button = QToolButton(self)
        self.clock_button.setObjectName("clockButton")
        self.clock_button.setDefaultAction(commands.action("clock_1h"))
        self.clock_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        clock_menu = QMenu(self.clock_button)
        for name in ("clock_1h", "clock_6h", "clock_1d", "clock_custom"):
            clock_menu.addAction(commands.action(name))
        self.clock_button.setMenu(clock_menu)

        # the whole text is its tooltip; its "(§6.3)" open the reference there
        self.reasons_label = ElidedLabel(2, self, citation_links=True)
        self.reasons_label.setObjectName("blockedReasons")
        self.reasons_label.setStyleSheet("color: palette(placeholder-text);")
        small = self.reasons_label.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.reasons_label.setFont(small)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.try_anyway_box)
        top.addSpacing(12)
        top.addWidget(self.clock_label)
        top.addWidget(self.clock_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addLayout(self._button_row)
        layout.addWidget(self.reasons_label)

        commands.actionsChanged.connect(self.rebuild)
        self._fix_sizes()
        self.retranslate()

    def _fix_sizes(self) -> None:
        """Fixed sizes from the font and the words now (again after a zoom or a language change).

        The title's width and the reasons' two lines never change with the selection,
        so the bar (and the graph above it) never jumps.
        """
        words = (
            QCoreApplication.translate("ActionBar", "Actions: select an object"),
            QCoreApplication.translate("ActionBar", "No actions"),
            QCoreApplication.translate("ActionBar", "Actions"),
        )
        metrics = self.title.fontMetrics()
        self.title.setFixedWidth(max(metrics.horizontalAdvance(w) for w in words) + 12)
        clock = QCoreApplication.translate("ActionBar", "Clock %1").replace(
            "%1", "2026-12-31 23:59:59"
        )
        clock_width = self.clock_label.fontMetrics().horizontalAdvance(clock) + 8
        self.clock_label.setMinimumWidth(clock_width)
        self.reasons_label.set_height_probe(QCoreApplication.translate("ActionBar", "Blocked — "))

    def retranslate(self) -> None:
        self.try_anyway_box.setText(QCoreApplication.translate("ActionBar", "Try anyway"))
        self.try_anyway_box.setToolTip(self._commands.action("try_anyway").toolTip())
        self.try_anyway_box.setStatusTip(self._commands.action("try_anyway").statusTip())
        self.clock_label.setToolTip(
            QCoreApplication.translate(
                "ActionBar",
                "The simulated clock (UTC). Sources expire when it passes their window.",
            )
        )
        self._fix_sizes()
        self.rebuild()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._fix_sizes()
        super().changeEvent(event)

    def _sync_switch(self, checked: bool) -> None:
        blocked = self.try_anyway_box.blockSignals(True)
        self.try_anyway_box.setChecked(checked)
        self.try_anyway_box.blockSignals(blocked)

    def rebuild(self) -> None:
        """Show one button per action the core lists for the selection, in its order."""
        object_id = self._selection.current
        actions = [a for a in self._commands.current_actions if a.name in self._pool]
        wanted = [a.name for a in actions]
        try_anyway = self._commands.try_anyway
        reasons: list[str] = []
        notes: list[str] = []  # sandbox choices where Stripe's answer is unverified
        for name, button in self._pool.items():
            button.setVisible(name in wanted)
        # Keep the core's order: re-insert the visible buttons in sequence.
        for position, name in enumerate(wanted):
            button = self._pool[name]
            if self._button_row.indexOf(button) != position:
                self._button_row.removeWidget(button)
                self._button_row.insertWidget(position, button)
        self.buttons = {name: self._pool[name] for name in wanted}
        for action in actions:
            button = self._pool[action.name]
            blocked = not action.enabled
            if bool(button.property("blocked")) != blocked:
                button.setProperty("blocked", blocked)
                button.style().unpolish(button)
                button.style().polish(button)
            button.setToolButtonStyle(
                Qt.ToolButtonStyle.ToolButtonTextBesideIcon
                if blocked and try_anyway
                else Qt.ToolButtonStyle.ToolButtonTextOnly
            )
            label = self._commands.action(action.name).iconText().replace("&", "").rstrip("…")
            if blocked:
                reasons.append(f"{label}: {core_text(action.reason)}")
            elif action.note:
                notes.append(f"{label}: {core_text(action.note)}")
        if object_id is None:
            self.title.setText(QCoreApplication.translate("ActionBar", "Actions: select an object"))
        elif not wanted:
            self.title.setText(QCoreApplication.translate("ActionBar", "No actions"))
        else:
            self.title.setText(QCoreApplication.translate("ActionBar", "Actions"))
        # Tooltips only when they differ: each set sends a ToolTipChange event.
        if self.title.toolTip() != (object_id or ""):
            self.title.setToolTip(object_id or "")
        parts = []
        if notes:  # first: the two lines may not hold every blocked reason
            unverified = QCoreApplication.translate("ActionBar", "Unverified — ")
            parts.append(unverified + "; ".join(notes))
        if reasons:
            blocked_words = QCoreApplication.translate("ActionBar", "Blocked — ")
            parts.append(blocked_words + "; ".join(reasons))
        obj = self._sandbox.get(object_id) if object_id else None
        self.reasons_label.set_reference(reference_of_kind(str((obj or {}).get("object", ""))))
        self.reasons_label.set_full_text(" · ".join(parts))
        # the whole text as a tooltip: a tooltip cannot hold links, its citations stay text
        if self.reasons_label.toolTip() != self.reasons_label.full_text():
            self.reasons_label.setToolTip(self.reasons_label.full_text())
        self.clock_label.setText(
            QCoreApplication.translate("ActionBar", "Clock %1").replace(
                "%1", format_clock(self._sandbox.now)
            )
        )

    def button(self, name: str) -> QToolButton | None:
        """The visible button for action ``name``, or ``None`` when it is not shown."""
        return self.buttons.get(name)
