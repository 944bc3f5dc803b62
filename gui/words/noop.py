"""``QT_TRANSLATE_NOOP`` typed as what it returns: its text (PySide6's stub says ``object``).

Marks a string for ``pyside6-lupdate`` (which finds it by this name) without
translating it; ``QCoreApplication.translate(context, text)`` translates it
where it is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:

    def QT_TRANSLATE_NOOP(context: str, source_text: str, /) -> str:  # noqa: N802 - Qt's name
        ...

else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

__all__ = ["QT_TRANSLATE_NOOP"]
