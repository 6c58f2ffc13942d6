"""The sections of a briefing and the parts of each engagement's section, named once.

The command line (``tracker brief --sections … --parts …``), the window's briefing
dialog and the PDF renderer all use these keys and labels. An engagement's parts are
the presenter's sections (:data:`tracker.domain.presenter.SECTION_KEYS`), labelled as
the field list labels them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from tracker.domain.change_words import CHANGES_SINCE
from tracker.domain.due import FOLLOW_UPS_DUE
from tracker.domain.fields import label
from tracker.domain.languages import Language, translate
from tracker.domain.presenter import SECTION_KEYS

COVER: Final = "cover"
KEY_POINTS: Final = "key-points"
CONTENTS: Final = "contents"
OVERVIEW: Final = "overview"
FOLLOW_UPS: Final = "follow-ups"
CHANGES: Final = "changes-since"
MATRIX: Final = "restriction-matrix"
ENGAGEMENTS: Final = "engagements"
SOURCES: Final = "sources-appendix"


@dataclass(frozen=True)
class BriefingSection:
    """A section a briefing can hold: its key (command line, settings) and its label."""

    key: str
    label: str


SECTIONS: Final = (
    BriefingSection(COVER, "Cover"),
    BriefingSection(KEY_POINTS, "Key points"),
    BriefingSection(CONTENTS, "Contents"),
    BriefingSection(OVERVIEW, "Overview"),
    BriefingSection(FOLLOW_UPS, FOLLOW_UPS_DUE),
    BriefingSection(CHANGES, CHANGES_SINCE + " …"),
    BriefingSection(MATRIX, "Restriction matrix"),
    BriefingSection(ENGAGEMENTS, "Engagements"),
    BriefingSection(SOURCES, "Sources appendix"),
)
"""Every section, in the order offered first."""

SECTION_LABELS: Final = {s.key: s.label for s in SECTIONS}

DEFAULT_SECTIONS: Final = (COVER, KEY_POINTS, OVERVIEW, FOLLOW_UPS, CHANGES, MATRIX, ENGAGEMENTS)
"""What a briefing holds when no sections are chosen (each only when it has something
to show: key points when given, the follow-ups and changes when asked for)."""

PARTS: Final = SECTION_KEYS
"""The parts of an engagement's section: the presenter's sections, in its order."""


def part_label(key: str, language: Language = Language.EN) -> str:
    """The heading of an engagement's part ("Scope limits")."""
    return translate(label(key), language)


def section_label(key: str, language: Language = Language.EN) -> str:
    """The name of a briefing's section in ``language`` ("Sommaire")."""
    return translate(SECTION_LABELS[key], language)


class SectionsError(ValueError):
    """A list of sections or parts that names an unknown word, or one twice."""


def _words(text: str, what: str) -> list[str]:
    words = [w.strip().lower() for w in text.split(",")]
    words = [w for w in words if w]
    if not words:
        raise SectionsError(f"no {what} named")
    return words


def _checked(words: list[str], allowed: tuple[str, ...], what: str) -> tuple[str, ...]:
    seen: list[str] = []
    for word in words:
        if word not in allowed:
            raise SectionsError(f'unknown {what} "{word}" (allowed: {", ".join(allowed)})')
        if word in seen:
            raise SectionsError(f'{what} "{word}" is named twice')
        seen.append(word)
    return tuple(seen)


def parse_sections(text: str) -> tuple[str, ...]:
    """``"cover,overview"`` → the section keys in that order; SectionsError names a bad word."""
    return _checked(_words(text, "sections"), tuple(SECTION_LABELS), "section")


def parse_parts(text: str) -> tuple[str, ...]:
    """``"summary,status-history"`` → the part keys (``-`` or ``_`` alike), in the
    presenter's order; SectionsError names a bad word."""
    words = [w.replace("-", "_") for w in _words(text, "parts")]
    chosen = set(_checked(words, PARTS, "part"))
    return tuple(k for k in PARTS if k in chosen)


def sections_text(keys: tuple[str, ...]) -> str:
    """The keys as the command line and the settings write them."""
    return ",".join(keys)
