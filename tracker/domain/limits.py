"""The limits: how much one field, one engagement, one import file and one user name
may hold. Every limit is stated here, once, and documented in docs/reliability.md (8.4).

They are generous for real use (a summary of 1,000,000 characters is a 400-page
book) and small enough that no record can make a colleague's machine slow: with a
field at its limit ``tracker show``, ``tracker brief`` and the detail pane stay
responsive, and the largest file an import accepts holds the database's write lock
for a few seconds, well inside the 10 s other writers wait for it.

Each is checked before the write lock is taken: a file's size before it is read,
its engagements when it is parsed, every field when it is validated
(:func:`tracker.domain.interchange.data_from_json`, which the form, the command
line and imports all go through). A violation is one ``ValidationError`` naming the
record and the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from tracker.domain.fields import CHILD_KINDS, ENGAGEMENT_FIELDS

LINE: Final = 1_000
"""Characters of a one-line text: the title, names, owner, next step, a tag, a code, a
catalogue title, a source's outlet and title, who said something."""

TEXT: Final = 1_000_000
"""Characters of a free text over several lines (:data:`FREE_TEXT`): the summary, a
scope limit, a note, a concern, a clarification's statements."""

URL: Final = 10_000
"""Characters of a source's URL (long query strings are real)."""

WORD: Final = 100
"""Characters of a vocabulary word, a marking or a date as typed ("Q3 2025")."""

TAGS: Final = 100
"""Tags of one engagement."""

CHILD_RECORDS: Final = 1_000
"""Records in one child list of an engagement (scope limits, sources...)."""

ENGAGEMENT: Final = 3_000_000
"""Characters of text in one engagement, all fields and child records together:
three free texts at their limit."""

FILE_BYTES: Final = 64_000_000
"""Bytes of an import file (JSON or CSV)."""

FILE_ENGAGEMENTS: Final = 10_000
"""Engagements in one import file: writing 10,000 realistic ones (about ten child
records each) holds the write lock about 3 s."""

NUMBER_DIGITS: Final = 100
"""Digits of a number in a JSON file (the format holds none; a longer one is refused
before Python's own 4,300-digit limit turns it into an error without a place)."""

USER_NAME: Final = 100
"""Characters of the name recorded in the audit trail."""

VIEW_NAME: Final = 200
"""Characters of a saved view's name (it is a menu entry and a ``--view`` argument)."""

TEMPLATE_NAME: Final = VIEW_NAME
"""Characters of a briefing template's name (a combo entry and a ``--template`` argument)."""

FREE_TEXT: Final[frozenset[str]] = frozenset(
    {
        "summary",
        "scope_limits.text",
        "restrictions.note",
        "clarifications.original",
        "clarifications.clarification",
        "status_history.note",
        "concerns.text",
    }
)
"""The texts that may run over several lines (they keep their line breaks and tabs);
every other text is one line."""

_TEXT_KINDS: Final = frozenset({"text", "multiline", "name", "code"})


def _text_limits() -> dict[str, int]:
    limits: dict[str, int] = {}
    for field in ENGAGEMENT_FIELDS:
        if field.kind in _TEXT_KINDS:
            limits[field.key] = LINE
    for kind in CHILD_KINDS:
        for column in kind.columns:
            if column.kind in _TEXT_KINDS:
                limits[f"{kind.key}.{column.key}"] = LINE
    limits.update(dict.fromkeys(FREE_TEXT, TEXT))
    limits["tags"] = LINE
    limits["sources.url"] = URL
    return limits


TEXT_LIMITS: Final[Mapping[str, int]] = _text_limits()
"""The most characters of each text, by key: ``"title"``, ``"concerns.text"``, ``"tags"``
(one tag)."""
