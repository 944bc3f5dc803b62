"""Languages: compile and install translations, switch them live, load the CJK font.

The ``.ts`` files in ``resources/translations`` are the only committed form of
a translation. The ``.qm`` a translator loads is compiled from them with
``pyside6-lrelease`` on first use into the user's cache folder, keyed by the
``.ts`` file's content, so a stale binary can never drift from its source.

Switching language installs a new ``QTranslator``; Qt then sends every widget
a ``LanguageChange`` event, which the widgets answer by setting their texts
again (``retranslate()``). The choice is kept in ``QSettings`` under
``ui/language``.

Qt's own words (the Cancel/OK/Save/Discard of standard dialog buttons, the
context menu of a text field) come from Qt's ``qtbase_<language>.qm``, which
PySide6 ships in ``QLibraryInfo``'s translations folder: it is installed beside
the app's translator when present, and removed with it.

Japanese needs a CJK font. IPAexGothic is bundled in ``resources/fonts`` (IPA
Font License, beside it) and registered with ``QFontDatabase`` when Japanese is
first chosen, so Japanese renders on a machine without any CJK font.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QObject,
    QSettings,
    QStandardPaths,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QFontDatabase

from core.i18n import CONTEXT as CORE_CONTEXT
from core.i18n import template_of

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
TRANSLATIONS = RESOURCES / "translations"
CJK_FONT = RESOURCES / "fonts" / "ipaexg.ttf"
SETTINGS_KEY = "ui/language"

#: Languages the UI offers, with their own names (shown untranslated in menus).
LANGUAGES: dict[str, str] = {"en": "English", "ja": "日本語"}
SOURCE_LANGUAGE = "en"


class TranslationError(RuntimeError):
    """A translation could not be compiled or loaded."""


def ts_file(language: str) -> Path:
    return TRANSLATIONS / f"chargeable_{language}.ts"


def _tool(name: str) -> str:
    """The path of a PySide6 Linguist tool (``lrelease``, ``lupdate``)."""
    import shutil  # only for a language other than English: not at every start

    beside_python = Path(sys.executable).parent / f"pyside6-{name}"
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise TranslationError(f"pyside6-{name} was not found; is PySide6-Essentials installed?")
    return found


def _cache_dir() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(location or Path.home() / ".cache" / "chargeable") / "translations"


def compiled_qm(language: str, cache_dir: Path | None = None) -> Path:
    """The ``.qm`` for ``language``, compiled from its ``.ts`` if not cached yet."""
    import hashlib
    import subprocess  # only for a language other than English: ~10 ms not paid at start

    source = ts_file(language)
    if not source.exists():
        raise TranslationError(f"no translation for {language!r} ({source.name} is missing)")
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    target_dir = cache_dir or _cache_dir()
    target = target_dir / f"chargeable_{language}-{digest}.qm"
    if target.exists():
        return target
    target_dir.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".qm.partial")
    result = subprocess.run(
        [_tool("lrelease"), "-silent", str(source), "-qm", str(partial)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not partial.exists():
        raise TranslationError(f"lrelease failed for {source.name}: {result.stderr.strip()}")
    partial.replace(target)  # atomic: a reader never sees half a file
    return target


_cjk_font_families: list[str] = []


def ensure_cjk_font() -> list[str]:
    """Register the bundled CJK font once; its family names (empty if it failed)."""
    if not _cjk_font_families:
        font_id = QFontDatabase.addApplicationFont(str(CJK_FONT))
        if font_id != -1:
            _cjk_font_families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return list(_cjk_font_families)


def qt_translator(language: str, parent: QObject | None = None) -> QTranslator | None:
    """Qt's own translation (``qtbase_<language>.qm``) as PySide6 ships it, or None."""
    translator = QTranslator(parent)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", folder):
        return translator
    translator.deleteLater()
    return None


class LanguageManager(QObject):
    """Owns the installed translator and switches it live.

    Signals:
        languageChanged(str): the new language code, after the translator is
            installed (widgets have already received ``LanguageChange``).
    """

    languageChanged = Signal(str)

    def __init__(self, settings: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._translator: QTranslator | None = None
        self._qt_translator: QTranslator | None = None
        self.language = SOURCE_LANGUAGE

    def saved_language(self) -> str:
        if self._settings is None:
            return SOURCE_LANGUAGE
        value = self._settings.value(SETTINGS_KEY, SOURCE_LANGUAGE)
        return value if isinstance(value, str) and value in LANGUAGES else SOURCE_LANGUAGE

    def set_language(self, language: str) -> None:
        """Install ``language``'s translation (``en`` removes it) and remember it."""
        if language not in LANGUAGES:
            raise TranslationError(f"unknown language {language!r}")
        if language == self.language and (self._translator is not None or language == "en"):
            return
        app = QCoreApplication.instance()
        if app is None:
            raise TranslationError("no QApplication")
        new_translator = None
        if language != SOURCE_LANGUAGE:
            new_translator = QTranslator(self)
            if not new_translator.load(str(compiled_qm(language))):
                raise TranslationError(f"could not load the {LANGUAGES[language]} translation")
            ensure_cjk_font()
        new_qt = qt_translator(language, self) if language != SOURCE_LANGUAGE else None
        for old in (self._translator, self._qt_translator):
            if old is not None:
                app.removeTranslator(old)
                old.deleteLater()
        self._translator, self._qt_translator = new_translator, new_qt
        # Qt's own words first, so the app's translation wins where both have a text.
        for translator in (new_qt, new_translator):
            if translator is not None:
                app.installTranslator(translator)
        self.language = language
        if self._settings is not None:
            self._settings.setValue(SETTINGS_KEY, language)
        self.languageChanged.emit(language)


#: Fields of a core template whose values are Stripe statuses: shown with their gloss.
_STATUS_FIELDS = frozenset({"state", "status", "source"})
_FIELD = re.compile(r"\{(\w+)\}")


def core_text(text: str) -> str:
    """A text the core made (see :mod:`core.i18n`), in the current language.

    Its marked template is translated and its values put back; a value that is a
    Stripe status stays English, with its gloss (``canceled (キャンセル)``) in Japanese.
    A text the translation does not know comes back as it is (English).
    """
    if not text:
        return text
    template, values = template_of(text)
    translated = QCoreApplication.translate(CORE_CONTEXT, template)
    if not values:
        return translated
    from gui.widgets.status_style import with_gloss

    shown = {k: with_gloss(v) if k in _STATUS_FIELDS else v for k, v in values.items()}
    return _FIELD.sub(lambda m: shown.get(m.group(1), m.group(0)), translated)
