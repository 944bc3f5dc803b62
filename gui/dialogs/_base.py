"""``RequestDialog``: the shape every create dialog shares.

A form whose fields are named by the Stripe parameter they fill
(``amount``, ``owner[email]``, ``card[number]``...), an inline error under
each field, a read-only preview of the request, and an error banner for what
the core answers. Subclasses implement :meth:`validate` and
:meth:`build_request`; the base does the rest:

- every edit re-validates: OK is disabled and each problem is written next
  to its field (icon + text, never colour alone);
- OK (or :meth:`accept`, or :meth:`submit`) sends the request through
  ``SandboxHost.send``, the path the window's buttons take. An accepted
  request closes the dialog and emits ``succeeded(body)``; an error keeps the
  dialog open with the user's input and shows Stripe's message in the banner
  (and next to the field Stripe's ``param`` names, when the form has it).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.sandbox_host import SandboxHost
from gui.widgets.cited_text import cited_html, make_cited, plain_text, quiet, set_cited
from gui.words.citations import LEGACY
from gui.words.error_codes import explain as explain_error

ERROR_GLYPH = "⚠"
WRAP = 66  # characters per line of a hint, an error or a fact (see wrap())
_ERROR_STYLE = "color: #b42318;"  # a red that stays legible on light and dark greys
_BANNER_STYLE = (
    "QLabel#stripeError { background: #fdecea; color: #7a1a14; border: 1px solid #d5a29c;"
    " border-radius: 4px; padding: 6px 8px; }"
)


@dataclass(frozen=True, slots=True)
class ApiRequest:
    """A request as the core takes it.

    Attributes:
        method: ``"POST"``, ``"GET"`` or ``"DELETE"``.
        path: e.g. ``"/v1/sources"``.
        params: ``(bracket_key, value)`` pairs in the order they are sent.
    """

    method: str
    path: str
    params: tuple[tuple[str, str], ...]

    def param(self, key: str) -> str | None:
        """The value of ``key`` (the first one), or None when it is not sent."""
        return next((v for k, v in self.params if k == key), None)

    def as_text(self) -> str:
        """``POST /v1/sources`` then one ``key=value`` per line, as the preview shows it."""
        lines = [f"{self.method} {self.path}"]
        lines += [f"  {key}={value}" for key, value in self.params]
        return "\n".join(lines)


class SandboxLike(Protocol):
    """What the dialogs read of the sandbox (they send through the host)."""

    def object_ids(self, kind: str | None = ...) -> list[str]: ...
    def get(self, object_id: str) -> dict[str, Any] | None: ...


# A word, a run of spaces, or one wide (CJK) character with the punctuation that holds
# to it: a line never starts with a closing mark nor ends with an opening one
# (Japanese kinsoku shori, simplified).
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_TOKEN = re.compile(
    r"[（「『【〔〈《(\[{]*"  # opening marks hold to what follows
    rf"(?:[{_WIDE}]|[^\s{_WIDE}]+)"
    r"[、。，．・：；？！）」』】〕〉》ー～…)\]},.;:!?]*"  # closing marks hold to what precedes
    r"|\s+"
)


def text_width(text: str) -> int:
    """Columns ``text`` takes: a wide (CJK) character counts two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _fill(paragraph: str, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for token in _TOKEN.findall(paragraph):
        if token.isspace():
            if line:
                line += token
            continue
        if line and text_width(line.rstrip() + token) > width:
            lines.append(line.rstrip())
            line = token
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def wrap(text: str, width: int = WRAP) -> str:
    """Break ``text`` into lines of at most ``width`` columns (a CJK character is two).

    Latin text breaks at spaces (a longer word keeps its own line); Japanese,
    which has no spaces, breaks between characters, never before a closing
    mark (、。」) nor after an opening one (「（).

    Labels in a QFormLayout with ``wordWrap`` on get a wrong height until the
    dialog is resized; labels with explicit line breaks always measure right.
    """
    return "\n".join(
        "\n".join(_fill(paragraph, width)) if paragraph else "" for paragraph in text.split("\n")
    )


def stripe_error(body: dict[str, Any]) -> dict[str, Any] | None:
    """The ``error`` object of a response body, or None."""
    error = body.get("error") if isinstance(body, dict) else None
    return error if isinstance(error, dict) else None


class RequestDialog(QDialog):
    """Base of the create dialogs.

    Attributes:
        form: the QFormLayout subclasses add rows to with :meth:`add_field`.
        ok_button: the button that submits (disabled while the form is invalid).
        error_banner: Stripe's answer when a request was refused
            (objectName ``stripeError``).
        preview: the request the dialog would send (objectName ``requestPreview``).
        last_response: the core's response to the last submit, or None.

    Signals:
        succeeded(dict): the body of the created object after an accepted request.
        failed(dict): the ``error`` object of a refused request.
    """

    succeeded = Signal(dict)
    failed = Signal(dict)

    #: the reference a bare "§3.2" in the dialog's words cites (the intents dialogs': intents)
    reference = LEGACY

    #: text of the OK button; subclasses set it (through tr) in their __init__
    def __init__(self, host: SandboxHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._sandbox: SandboxLike = host.sandbox
        self.last_response: Any = None
        self._fields: dict[str, QWidget] = {}
        self._columns: dict[str, QVBoxLayout] = {}  # each field's widget, hint and error
        self._error_labels: dict[str, QLabel] = {}
        self._stripe_param_error: tuple[str, str] | None = None
        self._refreshing = False
        self._focused = False

        self.error_banner = QLabel(self)
        self.error_banner.setObjectName("stripeError")
        self.error_banner.setWordWrap(True)
        self.error_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_banner.setStyleSheet(_BANNER_STYLE)
        make_cited(self.error_banner)  # an error gloss's citation opens its section
        self.error_banner.hide()

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)

        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("requestPreview")
        self.preview.setReadOnly(True)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.preview.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.preview.setMaximumHeight(self.preview.fontMetrics().lineSpacing() * 9 + 12)
        self.preview.setToolTip(self.tr("The request this dialog sends to the sandbox"))
        preview_label = QLabel(self.tr("Request"), self)
        preview_label.setBuddy(self.preview)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert isinstance(ok, QPushButton)
        self.ok_button: QPushButton = ok
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.error_banner)
        layout.addLayout(self.form)
        layout.addSpacing(6)
        layout.addWidget(preview_label)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self._focused:
            self._focused = True
            # An explicit minimum width overrides the layout's: never open narrower than
            # the widest row needs (a long translation would be cut off at the right).
            needed = self.minimumSizeHint().width()
            if self.width() < needed:
                self.resize(needed, self.height())
            self.focus_first_field()

    def focus_first_field(self) -> QWidget | None:
        """Put the keyboard in the first field shown (typing works at once, not after Tab)."""
        for box in self._fields.values():
            if box.isHidden():
                continue
            for widget in (box, *box.findChildren(QWidget)):
                if (
                    widget.isEnabled()
                    and not widget.isHidden()
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                    and not isinstance(widget, QAbstractButton | QLabel)
                ):
                    widget.setFocus(Qt.FocusReason.TabFocusReason)
                    return widget
        return None

    # -- building the form ------------------------------------------------

    def add_field(self, name: str, label: str, widget: QWidget, hint: str = "") -> QWidget:
        """Add a row for the parameter ``name``; returns ``widget``.

        The row holds the widget, an optional grey hint and an error label
        (objectName ``error:<name>``) that :meth:`refresh` fills.
        """
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        if hint:
            hint_label = quiet(QLabel(box))
            hint_label.setObjectName(f"hint:{name}")
            self.set_cited(hint_label, wrap(hint))  # "(intents §4.4)" opens that section
            column.addWidget(hint_label)
        error = QLabel(box)
        error.setObjectName(f"error:{name}")
        error.setStyleSheet(_ERROR_STYLE)
        error.hide()
        column.addWidget(error)
        widget.setObjectName(name)
        self.form.addRow(label, box)
        self._fields[name] = box
        self._columns[name] = column
        self._error_labels[name] = error
        self._watch(widget)
        return widget

    def set_cited(self, label: QLabel, text: str, default: str = "") -> None:
        """Show plain ``text`` in ``label``, each citation a link (a bare "§" is
        ``default``'s, else the dialog's :attr:`reference`)."""
        set_cited(label, text, default or self.reference)

    def set_field_visible(self, name: str, visible: bool) -> None:
        self.form.setRowVisible(self._fields[name], visible)

    def field_visible(self, name: str) -> bool:
        return not self._fields[name].isHidden()

    def _watch(self, widget: QWidget) -> None:
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(self.refresh)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self.refresh)
            if widget.isEditable():
                widget.editTextChanged.connect(self.refresh)
        for child in widget.findChildren(QLineEdit) + widget.findChildren(QComboBox):
            if child is not widget and not child.property("_watched"):
                child.setProperty("_watched", True)
                self._watch(child)

    # -- what subclasses provide -------------------------------------------

    def validate(self) -> dict[str, str]:
        """Field name → what is wrong with it (empty when the form can be sent)."""
        return {}

    def build_request(self) -> ApiRequest:
        raise NotImplementedError

    # -- validation and preview --------------------------------------------

    def request(self) -> ApiRequest:
        """The request the dialog would send now (method, path, params)."""
        return self.build_request()

    def errors(self) -> dict[str, str]:
        """The current inline errors (field name → message)."""
        return self.validate()

    def error_text(self, name: str) -> str:
        """What the error label of ``name`` says now (empty when hidden)."""
        label = self._error_labels[name]
        text = " ".join(plain_text(label).split())
        return "" if label.isHidden() else text.removeprefix(ERROR_GLYPH).strip()

    def refresh(self) -> None:
        """Re-validate, update the error labels, the OK button and the preview."""
        if self._refreshing:
            return
        self._refreshing = True
        try:
            self._stripe_param_error = None
            errors = self.validate()
            for name, label in self._error_labels.items():
                message = errors.get(name, "")
                if self._fields[name].isHidden():
                    message = ""
                self.set_cited(label, wrap(f"{ERROR_GLYPH} {message}") if message else "")
                label.setVisible(bool(message))
            self.ok_button.setEnabled(not errors)
            self.ok_button.setToolTip(
                ""
                if not errors
                else self.tr("Fix the fields marked {glyph} first").format(glyph=ERROR_GLYPH)
            )
            self.preview.setPlainText(
                self.preview_text() if not errors else self._partial_preview()
            )
        finally:
            self._refreshing = False

    def preview_text(self) -> str:
        """What the preview shows: the request (a dialog that sends a second one adds it)."""
        return self.build_request().as_text()

    def follow_up(self, body: dict[str, Any]) -> ApiRequest | None:
        """A second request to send once the first was accepted with ``body`` (None: none)."""
        return None

    def _partial_preview(self) -> str:
        try:
            return self.preview_text()
        except (ValueError, KeyError):
            return ""

    # -- sending -------------------------------------------------------------

    def accept(self) -> None:
        """OK, Enter and callers all go through :meth:`submit`."""
        self.submit()

    def submit(self) -> bool:
        """Send the request; True (and the dialog closes) when the core accepted it."""
        self.refresh()
        if self.validate():
            return False
        request: ApiRequest | None = self.build_request()
        body: dict[str, Any] = {}
        while request is not None:
            # the window's one request path: a refusal also reaches the lesson bar,
            # the status bar and the event log, as a button's does
            response = self._host.send(request.method, request.path, list(request.params))
            self.last_response = response
            error = stripe_error(response.body) if response.status >= 400 else None
            if error is not None or response.status >= 400:
                self.show_stripe_error(error or {"message": self.tr("The request was refused.")})
                self.failed.emit(error or {})
                return False
            body = response.body
            request = self.follow_up(body)
        self.error_banner.hide()
        self.succeeded.emit(body)
        super().accept()
        return True

    def show_stripe_error(self, error: dict[str, Any]) -> None:
        """Show Stripe's ``error`` in the banner and next to the field it names."""
        message = str(error.get("message") or self.tr("The request was refused."))
        codes = [str(error[k]) for k in ("type", "code", "decline_code") if error.get(k)]
        head = self.tr("Stripe refused the request:")
        text = f"{ERROR_GLYPH} {head} {message}"
        if codes:
            text += f"\n({' · '.join(codes)})"
        shown = cited_html(text, self.reference)
        meaning = explain_error(error)
        if meaning:
            text += f"\n{meaning}"
            # the glosses cite the legacy reference with a bare "§" in any dialog
            shown += "<br>" + cited_html(meaning, LEGACY)
        self.error_banner.setProperty("plainText", text)
        self.error_banner.setText(shown)
        self.error_banner.show()
        param = error.get("param")
        if isinstance(param, str) and param in self._error_labels:
            label = self._error_labels[param]
            self.set_cited(label, wrap(f"{ERROR_GLYPH} {message}"))
            label.show()

    def add_to_banner(self, line: str) -> None:
        """One more line (plain text) under Stripe's answer in the banner."""
        self.error_banner.setProperty("plainText", f"{plain_text(self.error_banner)}\n{line}")
        shown = cited_html(line, self.reference)
        self.error_banner.setText(f"{self.error_banner.text()}<br>{shown}")

    def stripe_message(self) -> str:
        """The text of the error banner (empty when hidden)."""
        return "" if self.error_banner.isHidden() else plain_text(self.error_banner)


def fill_combo(combo: QComboBox, items: Iterable[tuple[str, object]], keep: bool = True) -> None:
    """Replace ``combo``'s items with (text, data) pairs, keeping the current data if present."""
    current = combo.currentData() if keep else None
    text = combo.currentText() if keep and combo.isEditable() else None
    blocked = combo.blockSignals(True)
    combo.clear()
    for label, data in items:
        combo.addItem(label, data)
    index = combo.findData(current) if current is not None else -1
    if index >= 0:
        combo.setCurrentIndex(index)
    elif text and combo.isEditable():
        combo.setEditText(text)
    combo.blockSignals(blocked)
