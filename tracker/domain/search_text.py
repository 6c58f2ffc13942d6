"""The text the full-text index holds for an engagement, from the field specification.

Every field and child column of an indexed kind (``fields.INDEXED_KINDS``: words, not
vocabulary words or dates) is indexed; the title has a column of its own. The vendor's
and counterpart's names are not: a search finds them through the organisations' words
(``db.org_words``), so that merging an organisation rewrites no engagement's row.
"""

from __future__ import annotations

from collections.abc import Sequence

from tracker.domain.fields import CHILDREN_BY_KEY, ENGAGEMENT_FIELDS, INDEXED_KINDS
from tracker.domain.model import EngagementData


def child_lines(key: str, records: Sequence[object]) -> list[str]:
    """The lines the index holds for the records of child list ``key``, one a record."""
    columns = [c.key for c in CHILDREN_BY_KEY[key].columns if c.kind in INDEXED_KINDS]
    return [" ".join(getattr(record, c) for c in columns) for record in records]


def child_block(key: str, records: Sequence[object]) -> str:
    """The text the records of child list ``key`` make in ``indexed_body``: a part of it
    that a write changing only that list replaces."""
    return "\n".join(p for p in child_lines(key, records) if p and p.strip())


def indexed_body(data: EngagementData) -> str:
    """All searchable text of an engagement except its title, one item a line."""
    parts: list[str] = []
    for field in ENGAGEMENT_FIELDS:
        value = getattr(data, field.key)
        if field.key == "title":
            continue
        if field.kind == "children":
            parts += child_lines(field.key, value)
        elif field.kind == "tags":
            parts += value
        elif field.kind in INDEXED_KINDS:
            parts.append(value)
    return "\n".join(p for p in parts if p and p.strip())
