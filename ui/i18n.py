"""The window's language: Qt's translators (the app's own catalogue and Qt's standard
buttons and dialogs), the locale that dates and numbers follow, and the domain words.

Every fixed text of the window goes through :func:`translate` with its module's
context, so that ``pyside6-lupdate`` finds it (``make translations`` refreshes
ui/translations/tracker_fr.ts and builds the .qm the app loads). Words of the domain
(field labels, vocabulary words, briefing sections) have one home,
:mod:`tracker.domain.french`, shared with the briefings: :func:`domain_text` and
:func:`vocab_word` show them in the window's language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from tracker.domain.date_words import date_label
from tracker.domain.dates import PartialDate
from tracker.domain.due import Period
from tracker.domain.languages import Language, counted, vocab_label
from tracker.domain.languages import translate as translate_domain
from tracker.domain.overview import NO_REGION
from tracker.domain.vocab import Region, Vocabulary

TRANSLATIONS: Final = Path(__file__).with_name("translations")
"""Where the app's catalogues are: tracker_<code>.ts (sources) and .qm (built)."""

SYSTEM: Final = "system"
"""The setting's value that follows the system's language."""

_LOCALES: Final = {
    Language.EN: QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
    Language.FR: QLocale(QLocale.Language.French, QLocale.Country.France),
}


class _State:
    """The language shown and the translators installed for it (one application)."""

    language: Language = Language.EN
    translators: list[QTranslator] = []  # noqa: RUF012 (one list, replaced whole)


def chosen_language(setting: object, system: QLocale | None = None) -> Language:
    """The language a setting ("system", "en", "fr") asks for: "system" (or anything
    unknown) is French when the system's language is French, else English."""
    if isinstance(setting, str) and setting != SYSTEM:
        try:
            return Language.parse(setting)
        except ValueError:
            pass
    locale = system if system is not None else QLocale.system()
    return Language.FR if locale.language() == QLocale.Language.French else Language.EN


def install_translators(app: QCoreApplication, language: object) -> Language:
    """Show the app in ``language`` (a setting's value: "system", "en" or "fr"):
    replace the translators installed before with the app's catalogue and Qt's own
    (qtbase), and make the language's locale the default for dates and numbers.
    Returns the language chosen. Windows built before keep their texts: call this
    before building them (a change of language applies at the next start)."""
    chosen = chosen_language(language)
    for old in _State.translators:
        app.removeTranslator(old)
    _State.translators = []
    if chosen != Language.EN:
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in ((f"qtbase_{chosen}", qt_folder), (f"tracker_{chosen}", TRANSLATIONS)):
            translator = QTranslator(app)
            if translator.load(name, str(folder)) and app.installTranslator(translator):
                _State.translators.append(translator)
    QLocale.setDefault(_LOCALES[chosen])
    _State.language = chosen
    return chosen


def ui_language() -> Language:
    """The language the window is shown in."""
    return _State.language


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` of ``context`` (the module's name) in the window's language; ``%n`` in
    it is ``n`` in the language's plural form. Call it with literal arguments, so that
    ``pyside6-lupdate`` finds the text."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate reads
    """``text`` marked for ``pyside6-lupdate`` under ``context``, as it is: a table's
    text built at import, translated with :func:`translate` where it is shown."""
    del context
    return text


QT_GAPS: Final = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
"""Texts of Qt's own file dialog that its French catalogue (qtbase_fr.qm) lacks: ours
holds them, and is asked before Qt's."""


def domain_text(text: str) -> str:
    """A domain word or fixed text (a field's label, a section's name) in the window's
    language, from the catalogue the briefings use."""
    return translate_domain(text, _State.language)


def vocab_word(word: Vocabulary) -> str:
    """A vocabulary word (a status, region, stance ...) in the window's language."""
    return vocab_label(word, _State.language)


def region_text(region: Region | None) -> str:
    """A region as the overview and the filters show it, "not set" for none."""
    return vocab_word(region) if region is not None else domain_text(NO_REGION)


def date_text(value: PartialDate) -> str:
    """A partial date as the window's language writes it ("27 février 2026")."""
    return date_label(value, _State.language)


def period_text(period: Period) -> str:
    """A period as the window's language reads it ("2 semaines")."""
    return counted(period.count, period.unit, f"{period.unit}s", _State.language)


def locale() -> QLocale:
    """The locale of the window's language: how its dates and numbers are written."""
    return _LOCALES[_State.language]


def number(value: int) -> str:
    """A whole number as the window's language writes it (1,234 / 1 234)."""
    return _LOCALES[_State.language].toString(value)
