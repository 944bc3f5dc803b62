"""The core's words, marked for translation where they are written.

``core/`` never imports Qt, so it cannot call ``tr()``. Each text a person reads —
an edge label, why a guard blocks, an action's reason or note, a test card's note,
an unverified note — is written inside ``QT_TRANSLATE_NOOP("core", "…")``: defined
here as a no-op, it is the name ``pyside6-lupdate`` extracts from these Qt-free files
as from the GUI's (python-statemachine keeps its ``i18n.py`` the same way), so the
words land in ``resources/translations/chargeable_ja.ts`` under the context ``core``.
The GUI translates them when it shows them (``gui.words.i18n.core_text``).

A text with variable parts is a template with named fields, written once and marked
(``"already attached to {customer}"``). :func:`fill` returns the English with the
values in, as a :class:`Text`: a ``str`` everywhere (tests, JSON, logs) that also
keeps its template and values, so the GUI translates the template and puts the
values back; it never parses English.
"""

from __future__ import annotations

from typing import Any

CONTEXT = "core"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    return text


class Text(str):
    """English made from a marked template; ``template`` and ``values`` say how.

    Attributes:
        template: the marked source text, with ``{name}`` fields.
        values: the value of each field (already strings).
    """

    template: str
    values: dict[str, str]

    def __new__(
        cls, english: str, template: str | None = None, values: dict[str, str] | None = None
    ) -> Text:
        self = super().__new__(cls, english)
        self.template = english if template is None else template
        self.values = dict(values or {})
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Text, (str(self), self.template, self.values))


def fill(template: str, **values: object) -> Text:
    """``template`` (a marked text) with its ``{name}`` fields set to ``values``."""
    shown = {name: str(value) for name, value in values.items()}
    return Text(template.format(**shown), template, shown)


def template_of(text: str) -> tuple[str, dict[str, str]]:
    """(marked source text, values) of a core text; a plain text is its own template."""
    if isinstance(text, Text):
        return text.template, dict(text.values)
    return text, {}
