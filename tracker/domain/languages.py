"""The languages a briefing (and later the window) is printed in, and their words.

One home for the language: :class:`Language` is the code the command line
(``tracker brief --lang fr``), the briefing dialog, the templates and the PDF's
``/Lang`` use. Words are keyed by their English text, as gettext keys them, so the
same catalogue (:mod:`tracker.domain.french`) serves the briefing's fixed text and,
later, the window's: :func:`translate` gives a text in a language (English as it
is), :func:`vocab_label` a vocabulary word (keyed by its vocabulary: an agreed
status is "Conclu", an agreed stance "Accepté"), :func:`counted` a count and its
noun in the right number.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from tracker.domain.french import FRENCH, FRENCH_VOCABULARY
from tracker.domain.vocab import Vocabulary


class Language(StrEnum):
    """A language a briefing is printed in; the value is its BCP 47 code."""

    EN = "en"
    FR = "fr"

    @property
    def label(self) -> str:
        """The language's name in itself ("Français"), as a choice offers it."""
        return _NAMES[self]

    @classmethod
    def parse(cls, text: str) -> Language:
        """The language coded ``text`` (any case); ValueError names the codes allowed."""
        code = text.strip().lower()
        for member in cls:
            if code == member.value:
                return member
        raise ValueError(f'unknown language "{text}" (allowed: {", ".join(CODES)})')


_NAMES: Final = {Language.EN: "English", Language.FR: "Français"}

CODES: Final = tuple(m.value for m in Language)
"""The codes, as the command line and the templates write them."""

_CATALOGUES: Final = {Language.FR: FRENCH}
_VOCABULARIES: Final = {Language.FR: FRENCH_VOCABULARY}


def translate(text: str, language: Language) -> str:
    """``text`` (an English fixed text, or a template with ``{…}`` fields) in
    ``language``; as it is in English or when the catalogue lacks it."""
    catalogue = _CATALOGUES.get(language)
    return text if catalogue is None else catalogue.get(text, text)


def vocab_label(word: Vocabulary, language: Language) -> str:
    """A vocabulary word as shown in ``language`` ("Exploratoire")."""
    table = _VOCABULARIES.get(language)
    if table is None:
        return word.label
    return table.get((type(word).__name__, str(word.value)), word.label)


def colon(language: Language) -> str:
    """A colon and the space after it: French also sets a no-break space before it."""
    return ": " if language == Language.EN else "\u00a0: "


def counted(count: int, singular: str, plural: str, language: Language) -> str:
    """ "1 engagement", "4 engagements": the count and its noun (English words,
    translated) in the right number; French keeps 0 and 1 singular."""
    one = count == 1 or (language == Language.FR and count == 0)
    return f"{count} {translate(singular if one else plural, language)}"
