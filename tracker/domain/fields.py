"""Every field of an engagement, named once: its key, label, kind and vocabulary.

The interchange format, the CSV columns, the edit form, the presenter (CLI text,
detail pane, PDF) and the filters all read their field lists from here. Adding a
field means adding it to :class:`tracker.domain.model.EngagementData` and to
``ENGAGEMENT_FIELDS`` (tests/tracker/test_fields.py checks the two agree).

The order of ``ENGAGEMENT_FIELDS`` is the documented order of the interchange format.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tracker.domain.vocab import (
    ConcernKind,
    Confidence,
    LinkKind,
    Region,
    ScopeKind,
    Severity,
    Stance,
    Status,
    Vocabulary,
)

# How a value is written and edited:
#   text      one line of text            multiline  free text over several lines
#   name      an organisation's name      vocab      a word of ``vocab``
#   marking   a handling marking          date       a partial date
#   tags      a list of words             code       a restriction catalogue code
#   children  a list of child records (see ``ChildKind``)
#   engagement another engagement, by its stable id (a link's other end)
FieldKind = Literal[
    "text",
    "multiline",
    "name",
    "vocab",
    "marking",
    "date",
    "tags",
    "code",
    "children",
    "engagement",
]


@dataclass(frozen=True)
class Field:
    """One field: the key in files and code, what people read, and how it is written."""

    key: str
    label: str
    kind: FieldKind = "text"
    vocab: type[Vocabulary] | None = None
    required: bool = False
    hint: str = ""  # an example shown in an empty input

    @property
    def optional_word(self) -> bool:
        """True for a vocabulary field that may be left unset."""
        return self.kind == "vocab" and not self.required


@dataclass(frozen=True)
class ChildKind:
    """One list of child records of an engagement (scope limits, sources...)."""

    key: str  # the EngagementData field and interchange key
    label: str  # the section's heading ("Scope limits")
    noun: str  # one record ("scope limit")
    columns: tuple[Field, ...]

    @property
    def keys(self) -> frozenset[str]:
        """The keys a child object of this kind may carry in a file."""
        return frozenset(c.key for c in self.columns)


ENGAGEMENT_FIELDS: tuple[Field, ...] = (
    Field("title", "Title", required=True, hint="What is being discussed, between whom"),
    Field("vendor", "Vendor", "name", required=True, hint="e.g. OpenAI"),
    Field("counterpart", "Counterpart", "name", required=True, hint="e.g. NATO"),
    Field("region", "Region", "vocab", Region),
    Field("status", "Status", "vocab", Status, required=True),
    Field("confidence", "Confidence", "vocab", Confidence),
    Field("marking", "Marking", "marking"),
    Field("summary", "Summary", "multiline", hint="What is known, in a few sentences"),
    Field("started", "Started", "date"),
    Field("follow_up", "Follow-up", "date"),
    Field("next_step", "Next step"),
    Field("owner", "Owner", hint="person or desk"),
    Field("tags", "Tags", "tags", hint="comma-separated, e.g. defence, europe-expansion"),
    Field("scope_limits", "Scope limits", "children"),
    Field("restrictions", "Restrictions", "children"),
    Field("clarifications", "Clarifications", "children"),
    Field("status_history", "Status timeline", "children"),
    Field("sources", "Sources", "children"),
    Field("concerns", "Concerns", "children"),
    Field("links", "Links", "children"),
)

CHILD_KINDS: tuple[ChildKind, ...] = (
    ChildKind(
        "scope_limits",
        "Scope limits",
        "scope limit",
        (Field("kind", "Kind", "vocab", ScopeKind, required=True), Field("text", "Text")),
    ),
    ChildKind(
        "restrictions",
        "Restrictions",
        "restriction",
        (
            Field("code", "Code", "code", required=True),
            Field("title", "Title"),
            Field("stance", "Stance", "vocab", Stance, required=True),
            Field("note", "Note"),
        ),
    ),
    ChildKind(
        "clarifications",
        "Clarifications",
        "clarification",
        (
            Field("original_by", "Originally by"),
            Field("original_on", "Originally on", "date"),
            Field("original", "Original"),
            Field("clarified_by", "Clarified by"),
            Field("clarified_on", "Clarified on", "date"),
            Field("clarification", "Clarification"),
            Field("source", "Source"),
        ),
    ),
    ChildKind(
        "status_history",
        "Status timeline",
        "status event",
        (
            Field("status", "Status", "vocab", Status, required=True),
            Field("on", "On", "date"),
            Field("note", "Note"),
            Field("source", "Source"),
        ),
    ),
    ChildKind(
        "sources",
        "Sources",
        "source",
        (
            Field("outlet", "Outlet"),
            Field("title", "Title"),
            Field("url", "URL"),
            Field("published", "Published", "date"),
        ),
    ),
    ChildKind(
        "concerns",
        "Concerns",
        "concern",
        (
            Field("kind", "Kind", "vocab", ConcernKind, required=True),
            Field("text", "Text"),
            Field("severity", "Severity", "vocab", Severity),
        ),
    ),
    ChildKind(
        "links",
        "Links",
        "link",
        (
            Field("to", "Engagement", "engagement", required=True),
            Field("kind", "Kind", "vocab", LinkKind, required=True),
            Field("on", "On", "date"),
            Field("note", "Note"),
        ),
    ),
)

FIELDS_BY_KEY: dict[str, Field] = {f.key: f for f in ENGAGEMENT_FIELDS}
CHILDREN_BY_KEY: dict[str, ChildKind] = {c.key: c for c in CHILD_KINDS}

# The flat fields: one value each (what a CSV row and the form's upper half hold).
FLAT_FIELDS: tuple[Field, ...] = tuple(f for f in ENGAGEMENT_FIELDS if f.kind != "children")
# The scalar fields: flat, and not a list (the tags are a list of words).
SCALAR_FIELDS: tuple[Field, ...] = tuple(f for f in FLAT_FIELDS if f.kind != "tags")
# The kinds of value the full-text index holds (words, not vocabulary words or dates).
SEARCHED_KINDS: frozenset[FieldKind] = frozenset({"text", "multiline", "name", "tags", "code"})
# The kinds an engagement's own index row holds: all searched kinds but organisation
# names, which a search matches through the organisation's words (``db.org_words``):
# a merge or a new alias then re-indexes no engagement (schema version 11).
INDEXED_KINDS: frozenset[FieldKind] = SEARCHED_KINDS - {"name"}
# The fields full-text search looks at: every field holding searched words itself or in
# one of its child records' columns.
SEARCHED_KEYS: frozenset[str] = frozenset(
    f.key
    for f in ENGAGEMENT_FIELDS
    if f.kind in SEARCHED_KINDS
    or (
        f.kind == "children"
        and any(c.kind in SEARCHED_KINDS for c in CHILDREN_BY_KEY[f.key].columns)
    )
)
REQUIRED_KEYS: tuple[str, ...] = tuple(f.key for f in ENGAGEMENT_FIELDS if f.required)
# Fields whose lists are stored as child rows (the tags too, through the tag table).
LIST_KEYS: frozenset[str] = frozenset(
    f.key for f in ENGAGEMENT_FIELDS if f.kind in ("children", "tags")
)


def label(key: str) -> str:
    """The label of an engagement field or child list, e.g. ``follow_up`` → "Follow-up"."""
    return FIELDS_BY_KEY[key].label


def column_label(child: str, key: str) -> str:
    """The label of a child list's column, e.g. ``("restrictions", "stance")`` → "Stance"."""
    return next(c.label for c in CHILDREN_BY_KEY[child].columns if c.key == key)
