"""Plain data handed out by the service layer: frozen dataclasses, never ORM objects.

``EngagementData`` is what a person edits; ``Engagement`` is a stored engagement
(data plus identity, version and timestamps); ``EngagementRow`` is the flat summary
a table shows.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date

from tracker.domain.dates import PartialDate
from tracker.domain.fields import CHILD_KINDS
from tracker.domain.vocab import (
    ConcernKind,
    Confidence,
    LinkKind,
    Region,
    ScopeKind,
    Severity,
    Stance,
    Status,
)


@dataclass(frozen=True)
class ScopeLimit:
    """A bound on the deployment (network, data, personnel, hosting, geography, use)."""

    kind: ScopeKind
    text: str


@dataclass(frozen=True)
class RestrictionStance:
    """A catalogued restriction (by code) and this engagement's stance on it."""

    code: str
    title: str
    stance: Stance
    note: str = ""


@dataclass(frozen=True)
class Clarification:
    """A later statement correcting or narrowing an earlier one."""

    original_by: str = ""
    original_on: PartialDate | None = None
    original: str = ""
    clarified_by: str = ""
    clarified_on: PartialDate | None = None
    clarification: str = ""
    source: str = ""


@dataclass(frozen=True)
class StatusEvent:
    """A dated change of status, with a note and a source."""

    status: Status
    on: PartialDate | None = None
    note: str = ""
    source: str = ""


@dataclass(frozen=True)
class Source:
    """Where a claim comes from."""

    outlet: str = ""
    title: str = ""
    url: str = ""
    published: PartialDate | None = None


@dataclass(frozen=True)
class Concern:
    """A risk or objection raised about the engagement."""

    kind: ConcernKind
    text: str
    severity: Severity | None = None


@dataclass(frozen=True)
class EngagementLink:
    """A link from this engagement to another, named by its stable id (``to``): how
    the two relate (``kind``), since when, and a note."""

    to: str
    kind: LinkKind
    on: PartialDate | None = None
    note: str = ""


@dataclass(frozen=True)
class LinkEnd:
    """A link as one of its engagements sees it: the other engagement (number, stable
    id, title, in the trash or not) and whether the link comes from it (``incoming``)
    or goes to it. Read with the engagement (``Engagement.linked``), not edited."""

    kind: LinkKind
    incoming: bool
    number: int
    uid: str
    title: str
    on: PartialDate | None = None
    note: str = ""
    deleted: bool = False
    marking: str = ""  # the other engagement's (its title is shown: a briefing's banner)


@dataclass(frozen=True)
class EngagementData:
    """Everything a person edits about one engagement, children included."""

    title: str
    vendor: str
    counterpart: str
    status: Status
    region: Region | None = None
    confidence: Confidence | None = None
    marking: str = ""
    summary: str = ""
    started: PartialDate | None = None
    follow_up: PartialDate | None = None
    next_step: str = ""
    owner: str = ""
    tags: tuple[str, ...] = ()
    scope_limits: tuple[ScopeLimit, ...] = ()
    restrictions: tuple[RestrictionStance, ...] = ()
    clarifications: tuple[Clarification, ...] = ()
    status_history: tuple[StatusEvent, ...] = ()
    sources: tuple[Source, ...] = ()
    concerns: tuple[Concern, ...] = ()
    links: tuple[EngagementLink, ...] = ()


FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in fields(EngagementData))
# The child lists stored as child rows, in documented order (from tracker.domain.fields).
CHILD_FIELDS: tuple[str, ...] = tuple(c.key for c in CHILD_KINDS)


@dataclass(frozen=True)
class Engagement:
    """A stored engagement: its data, identity, version and timestamps."""

    id: int
    uid: str
    version: int
    data: EngagementData
    created_at: str
    updated_at: str
    deleted_at: str | None = None
    # Its links from both ends, the other engagement named (``db.loading`` reads them).
    linked: tuple[LinkEnd, ...] = ()

    @property
    def deleted(self) -> bool:
        """True while the engagement is in the trash."""
        return self.deleted_at is not None


@dataclass(frozen=True)
class EngagementRow:
    """The flat summary of an engagement shown in a table row."""

    id: int
    uid: str
    title: str
    counterpart: str
    vendor: str
    region: Region | None
    status: Status
    confidence: Confidence | None
    marking: str
    updated_at: str
    follow_up: PartialDate | None
    version: int
    deleted: bool = False


@dataclass(frozen=True)
class AuditEntry:
    """One recorded change: when, who, which engagement, which field, old and new value."""

    id: int
    at: str
    who: str
    engagement_id: int
    version: int
    action: str
    field: str
    old: str | None
    new: str | None
    server_user: str | None = None  # the role logged in to the server (PostgreSQL only)

    @property
    def recorded_title(self) -> str | None:
        """The title an entry that records the whole engagement (``field`` "engagement":
        created, imported, baseline) gives it; None for other entries."""
        if self.field != "engagement" or self.new is None:
            return None
        try:
            recorded = json.loads(self.new)
        except ValueError:
            return self.new  # entries before schema 5 recorded the title alone
        title = recorded.get("title") if isinstance(recorded, dict) else None
        return title if isinstance(title, str) else self.new


@dataclass(frozen=True)
class NewerVersions:
    """An engagement as stored now and the audit entries of its versions after a given
    one, newest first: who saved the versions a stale save met, when, and what changed."""

    engagement: Engagement
    entries: tuple[AuditEntry, ...]


@dataclass(frozen=True)
class Filters:
    """What a list, export, statistics or briefing is restricted to (empty means all).

    Each tuple keeps the engagements with any of its values; ``None`` among the
    ``regions`` keeps those whose region is not set. ``due_from`` and ``due_by`` keep
    those whose follow-up falls due (``tracker.domain.due``) on or after, on or before
    those days; ``stale_before`` those in an open status last changed before that day.
    ``stance`` keeps those with a restriction of that stance: of the ``restriction``
    when one is named, of any restriction otherwise. ``vendor``, ``counterpart`` and
    ``organisation`` name an organisation by its name or an alias; ``organisation``
    keeps those whose vendor or counterpart is it or one of its parts (CDAO in the DoD).
    """

    statuses: tuple[Status, ...] = ()
    regions: tuple[Region | None, ...] = ()
    vendor: str | None = None
    counterpart: str | None = None
    organisation: str | None = None
    restriction: str | None = None
    stance: Stance | None = None
    confidences: tuple[Confidence, ...] = ()
    markings: tuple[str, ...] = ()
    tag: str | None = None
    owner: str | None = None  # the desk or person who holds it, in any case
    started_from: PartialDate | None = None
    started_to: PartialDate | None = None
    due_from: date | None = None
    due_by: date | None = None
    stale_before: date | None = None
    search: str | None = None
    linked_to: int | None = None  # linked to this engagement, from either end
    ids: tuple[int, ...] | None = None
    trash: bool = False

    def is_empty(self) -> bool:
        """True when no filter is set (the trash view still counts as a filter)."""
        return self == Filters()


SORT_KEYS: tuple[str, ...] = (
    "title",
    "counterpart",
    "vendor",
    "region",
    "status",
    "confidence",
    "marking",
    "updated_at",
    "follow_up",
    "started",
    "id",
)


@dataclass(frozen=True)
class Statistics:
    """Counts of engagements by status and region."""

    total: int
    by_status_region: Mapping[tuple[Status, Region | None], int] = field(default_factory=dict)

    def by_status(self) -> dict[Status, int]:
        """Totals per status."""
        out: dict[Status, int] = {}
        for (status, _), n in self.by_status_region.items():
            out[status] = out.get(status, 0) + n
        return out

    def by_region(self) -> dict[Region | None, int]:
        """Totals per region."""
        out: dict[Region | None, int] = {}
        for (_, region), n in self.by_status_region.items():
            out[region] = out.get(region, 0) + n
        return out


@dataclass(frozen=True)
class DatabaseInfo:
    """Facts about the open database (for Help → About and ``tracker check``)."""

    url: str
    backend: str
    schema_version: int
    revision: int
    markings: tuple[str, ...]
    engagements: int
    deleted: int


@dataclass(frozen=True)
class CheckReport:
    """The outcome of ``tracker check``: an empty ``problems`` list means sound."""

    schema_version: int
    engagements: int
    problems: tuple[str, ...] = ()
    # What could not be checked but is no damage: audit entries sealed with a key
    # that is not at hand ("unkeyed").
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems


@dataclass(frozen=True)
class Selection:
    """Engagements read in one transaction, with the database revision they were read at."""

    engagements: tuple[Engagement, ...]
    revision: int
    markings: tuple[str, ...]
    audit_seal: str = ""  # the trail's count and latest seal (tracker.domain.seals)


@dataclass(frozen=True)
class SelectionSummary:
    """How many engagements a filter selects and the highest marking among them (what a
    briefing needs to know before it is written); ``highest`` is None when none match."""

    count: int
    highest: str | None
    markings: tuple[str, ...]
