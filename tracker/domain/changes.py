"""What a write changed: the change set every service write returns and views apply.

Like Anki's ``OpChanges``: a view holding a filtered, sorted list of ids asks the
change set whether its order or membership may have moved; if not, it refreshes the
changed rows in place instead of running its id query again over every engagement.

Which filter and which sort order depend on which field is said here, once.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from tracker.domain.fields import SEARCHED_KEYS
from tracker.domain.model import FIELD_NAMES, Engagement, Filters

# A pseudo-field: the engagement went into the trash or came back out of it.
DELETED = "deleted"

# Every field a write may change: a filter on "last change" watches them all, since
# every write moves it.
ANY_WRITE = frozenset(FIELD_NAMES) | {DELETED}

# The engagement fields each filter of ``Filters`` looks at. ``search`` looks at the
# indexed text (``tracker.domain.fields.SEARCHED_KEYS``); ``ids`` at none.
FILTER_FIELDS: dict[str, frozenset[str]] = {
    "statuses": frozenset({"status"}),
    "regions": frozenset({"region"}),
    "vendor": frozenset({"vendor"}),
    "counterpart": frozenset({"counterpart"}),
    "organisation": frozenset({"vendor", "counterpart"}),
    "restriction": frozenset({"restrictions"}),
    "stance": frozenset({"restrictions"}),
    "confidences": frozenset({"confidence"}),
    "markings": frozenset({"marking"}),
    "tag": frozenset({"tags"}),
    "owner": frozenset({"owner"}),
    "started_from": frozenset({"started"}),
    "started_to": frozenset({"started"}),
    "due_from": frozenset({"follow_up"}),
    "due_by": frozenset({"follow_up"}),
    "stale_before": ANY_WRITE,
    "search": SEARCHED_KEYS,
    "linked_to": frozenset({"links"}),  # the links of either end
    "ids": frozenset(),
    "trash": frozenset({DELETED}),
}

# The fields each sort key of ``tracker.domain.model.SORT_KEYS`` orders by, but
# "last change" (``updated_at``), which every write moves.
SORT_FIELDS: dict[str, frozenset[str]] = {
    "title": frozenset({"title"}),
    "counterpart": frozenset({"counterpart"}),
    "vendor": frozenset({"vendor"}),
    "region": frozenset({"region"}),
    "status": frozenset({"status"}),
    "confidence": frozenset({"confidence"}),
    "marking": frozenset({"marking"}),
    "follow_up": frozenset({"follow_up"}),
    "started": frozenset({"started"}),
    "id": frozenset(),
}

# Fields whose change may change the names offered in pick-lists, and the catalogue.
NAME_FIELDS = frozenset({"vendor", "counterpart", "tags", "owner"})
CATALOGUE_FIELDS = frozenset({"restrictions"})


@dataclass(frozen=True)
class ChangeSet:
    """Which engagements a write changed and what about them.

    ``fields`` are the engagement fields written (``DELETED`` for a move to or from
    the trash); ``created`` says new engagements exist; ``names`` and ``catalogue``
    that the vendor/counterpart/tag names in use or the restriction catalogue may
    differ; ``markings`` that the database's marking list changed.
    """

    engagements: frozenset[int] = frozenset()
    fields: frozenset[str] = frozenset()
    created: bool = False
    names: bool = False
    catalogue: bool = False
    markings: bool = False

    @classmethod
    def of_fields(cls, engagement_ids: frozenset[int], changed: frozenset[str]) -> ChangeSet:
        """The change set of writing ``changed`` fields on existing engagements."""
        if not changed:
            return cls()
        return cls(
            engagements=engagement_ids,
            fields=changed,
            names=bool(changed & NAME_FIELDS),
            catalogue=bool(changed & CATALOGUE_FIELDS),
        )

    @classmethod
    def of_created(cls, engagement_ids: frozenset[int]) -> ChangeSet:
        """The change set of adding new engagements."""
        if not engagement_ids:
            return cls()
        return cls(engagements=engagement_ids, created=True, names=True, catalogue=True)

    def __or__(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet(
            engagements=self.engagements | other.engagements,
            fields=self.fields | other.fields,
            created=self.created or other.created,
            names=self.names or other.names,
            catalogue=self.catalogue or other.catalogue,
            markings=self.markings or other.markings,
        )

    @property
    def empty(self) -> bool:
        """True when nothing was written."""
        return self == ChangeSet()

    @property
    def count_may_change(self) -> bool:
        """True when how many engagements are live or in the trash may differ."""
        return self.created or DELETED in self.fields

    def may_change_membership(self, filters: Filters) -> bool:
        """True when which engagements match ``filters`` may differ after this write."""
        if self.count_may_change:
            return True
        watched: set[str] = set()
        for f in dataclasses.fields(Filters):
            if getattr(filters, f.name) not in (None, (), False):
                watched |= FILTER_FIELDS[f.name]
        return bool(self.fields & watched)

    def may_change_order(self, sort: str) -> bool:
        """True when the order of a list sorted by ``sort`` may differ after this write."""
        if self.empty:
            return False
        if self.created or sort == "updated_at":
            return True
        return bool(self.fields & SORT_FIELDS[sort])


@dataclass(frozen=True)
class Saved:
    """A write of one engagement: the engagement as stored now, and what changed."""

    engagement: Engagement
    changes: ChangeSet


@dataclass(frozen=True)
class ImportResult:
    """What an import did."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # What became of the file's saved views that did not go in under their own name.
    view_notes: tuple[str, ...] = ()
    # What the views must refresh (not part of the counts' equality).
    changes: ChangeSet = dataclasses.field(
        default_factory=lambda: ChangeSet(), compare=False, repr=False
    )

    @property
    def total(self) -> int:
        """Engagements read from the file."""
        return self.created + self.updated + self.unchanged
