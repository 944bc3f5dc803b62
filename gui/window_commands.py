"""The main window's menus, command wiring and the dialogs its commands open.

A part of :class:`~gui.main_window.MainWindow`, which inherits it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QActionGroup, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QMenu,
    QMessageBox,
)

from gui.commands import SUBMENUS
from gui.words.i18n import LANGUAGES

if TYPE_CHECKING:  # the mixin's methods run on the MainWindow (a QMainWindow)
    from PySide6.QtWidgets import QWidget

    from gui.panes.detail_pane import DetailPane
    from gui.panes.event_log import EventLogView
    from gui.panes.object_list import ObjectListPanel
    from gui.theme import ThemeController
    from gui.window_lessons import LessonsMixin
    from gui.zoom import ZoomController

    _Base = LessonsMixin  # a QMainWindow with the lesson part's methods
else:
    _Base = object


#: a menu separator goes before these commands
MENU_SEPARATORS_BEFORE = frozenset(
    {
        "charge",
        "new_payment_method",
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
    "new_payment_method": ("gui.dialogs.new_payment_method", "NewPaymentMethodDialog"),
    "new_payment_intent": ("gui.dialogs.new_intent", "NewPaymentIntentDialog"),
    "new_setup_intent": ("gui.dialogs.new_intent", "NewSetupIntentDialog"),
}
#: Create actions whose dialog takes the selected customer or payment method.
INTENT_DIALOGS = frozenset({"new_payment_method", "new_payment_intent", "new_setup_intent"})


class WindowCommandsMixin(_Base):
    """Menus from the command table, what each window command does, the dialogs it opens."""

    if TYPE_CHECKING:  # what MainWindow.__init__ sets, for the type checker
        object_panel: ObjectListPanel
        detail_pane: DetailPane
        event_log: EventLogView
        theme: ThemeController
        zoom: ZoomController
        current_dialog: QDialog | None
        _palette: QWidget | None
        _sheet: QWidget | None

        def _apply_window_style(self) -> None: ...
        def open_reference(self, section: str = "", document: str = "stripe-domain") -> Any: ...
        def set_language(self, language: str) -> bool: ...
        def show_notice(self) -> None: ...

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
        self.commands.step_dialog = self.open_step_dialog
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
        a["reference_intents"].triggered.connect(lambda: self.open_reference("", "intents"))
        a["palette"].triggered.connect(self.open_palette)
        a["compare_generations"].triggered.connect(self.open_generations)
        a["shortcuts"].triggered.connect(self.open_shortcut_sheet)
        a["file_new"].triggered.connect(self.session.new)
        a["file_open"].triggered.connect(self.session.open)
        a["file_save"].triggered.connect(self.session.save)
        a["file_save_as"].triggered.connect(self.session.save_as)

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

    def _sync_zoom_actions(self, *_args: object) -> None:
        self.commands.actions["zoom_in"].setEnabled(self.zoom.can_zoom_in)
        self.commands.actions["zoom_out"].setEnabled(self.zoom.can_zoom_out)

    def copy_selected_id(self) -> None:
        if self.selection.current:
            QGuiApplication.clipboard().setText(self.selection.current)
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Copied %1").replace(
                    "%1", self.selection.current
                ),
                0,
            )

    def _focus_filter(self) -> None:
        self.object_panel.filter_bar.text_edit.setFocus()
        self.object_panel.filter_bar.text_edit.selectAll()

    def open_charge_dialog(self, object_id: str | None = None) -> QDialog | None:
        """The one Charge dialog, prefilled from ``object_id`` (or the selection).

        Create ▸ New Charge, Object ▸ Charge, the action bar's *Charge…* and a graph's
        charge edge all open it: a token, source or card fills *source* (and its
        customer when attached), a customer fills *customer*.
        """
        object_id = object_id if object_id is not None else self.selection.current
        obj = self.sandbox.get(object_id) if object_id else None
        kind = str((obj or {}).get("object", ""))
        source_id = object_id if kind in ("token", "source", "card", "bank_account") else None
        customer_id = object_id if kind == "customer" else None
        return self.open_create_dialog("new_charge", source_id=source_id, customer_id=customer_id)

    def _selected_prefill(self, name: str) -> dict[str, Any]:
        """The selected customer (and, for an intent, payment method) a dialog starts with."""
        object_id = self.selection.current or ""
        obj = self.sandbox.get(object_id) if object_id else None
        kind = str((obj or {}).get("object", ""))
        if kind == "customer":
            return {"customer_id": object_id}
        pm = kind == "payment_method" or (
            kind in ("card", "source") and obj and obj.get("customer")
        )
        if name != "new_payment_method" and pm and obj is not None:
            return {"payment_method_id": object_id, "customer_id": obj.get("customer")}
        return {}

    def open_step_dialog(self, object_id: str, action: str) -> bool:
        """Confirm…, Capture… or Cancel… of an intent: its dialog asks what the request takes."""
        from gui.dialogs.intent_steps import STEP_DIALOGS, fits

        if not fits(action, object_id):
            return False
        self._show_dialog(STEP_DIALOGS[action](self.host, self, intent_id=object_id))
        return True

    def open_create_dialog(self, name: str, **prefill: Any) -> QDialog | None:
        """Open the create dialog for ``name`` (``new_source``...) without blocking."""
        if name == "new_charge" and not prefill:
            return self.open_charge_dialog()
        if name in INTENT_DIALOGS and not prefill:
            prefill = self._selected_prefill(name)
        module_name, class_name = DIALOGS[name]
        try:
            cls = getattr(importlib.import_module(module_name), class_name)
        except (ImportError, AttributeError):
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "That dialog is not available yet."), 0
            )
            return None
        return self._show_dialog(cls(self.host, self, **prefill))

    def _show_dialog(self, dialog: QDialog) -> QDialog:
        """Open ``dialog`` window-modal, without blocking; the one create dialog at a time."""
        if self.current_dialog is not None:
            self.current_dialog.close()
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

    def open_generations(self) -> QDialog:
        """View ▸ Compare Three Generations: the one non-modal compare view, raised if open."""
        from gui.dialogs.generations import GenerationsDialog

        dialog = self.findChild(GenerationsDialog, "generationsDialog")
        if dialog is None:  # closing hides it: reopened, it shows what was tried
            dialog = GenerationsDialog(self.host, self)
        dialog.show()
        if QGuiApplication.platformName() != "offscreen":  # which says it cannot raise
            dialog.raise_()
        dialog.activateWindow()
        return dialog

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

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowTitle(QCoreApplication.translate("MainWindow", "About Chargeable"))
        box.setText(
            QCoreApplication.translate(
                "MainWindow",
                "Chargeable simulates Stripe's legacy Source and Token objects in a local sandbox, "
                "so you can watch their lifecycles and read Stripe's real errors.",
            )
        )
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.show()
