"""The tables, declared with SQLModel; queries use their SQLAlchemy Core ``__table__``.

Texts are stored as given; partial dates as their canonical text (``2025-Q3``) plus
the first and last day they cover (``*_from``, ``*_to``) so that they sort and
filter correctly. Timestamps are ISO 8601 UTC texts.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlmodel import Field, SQLModel

from tracker.domain.change_words import BASELINE


def _fk(target: str, *, nullable: bool = False) -> Any:
    return Field(
        sa_column=Column(
            Integer, ForeignKey(target, ondelete="CASCADE"), nullable=nullable, index=True
        )
    )


def _live(name: str, *columns: str) -> Index:
    """A partial index over the live (not trashed) engagements."""
    return Index(
        name,
        *columns,
        sqlite_where=text("deleted_at IS NULL"),
        postgresql_where=text("deleted_at IS NULL"),
    )


# The due list (``db.queries.due_query``): the live engagements with a follow-up, by
# the day it falls due (schema version 6). On SQLite the index also holds every column
# the list reads (``deleted_at`` too: SQLite does not infer it from the index's WHERE),
# so that a list of tens of thousands reads no table row; PostgreSQL limits the size of
# an index entry, which a long title would pass, so there it holds the day and the id.
_DUE = "deleted_at IS NULL AND follow_up_to IS NOT NULL"
_DUE_COLUMNS = ("follow_up_to", "id")
_DUE_SHOWN = ("uid", "title", "status", "follow_up", "updated_at", "deleted_at")


def _due_indexes() -> tuple[Index, ...]:
    return (
        Index("ix_engagement_due", *_DUE_COLUMNS, *_DUE_SHOWN, sqlite_where=text(_DUE)).ddl_if(
            dialect="sqlite"
        ),
        Index("ix_engagement_due", *_DUE_COLUMNS, postgresql_where=text(_DUE)).ddl_if(
            dialect="postgresql"
        ),
    )


def _text(*, nullable: bool = False, default: str | None = "") -> Any:
    return Field(default=default, sa_column=Column(Text, nullable=nullable))


class Meta(SQLModel, table=True):
    """Key/value facts about the database: schema version, markings."""

    __tablename__ = "meta"
    key: str = Field(primary_key=True)
    value: str = _text()


class Organisation(SQLModel, table=True):
    """A vendor or counterpart; names are unique regardless of case. An organisation may
    be a part of another (CDAO within the DoD: ``parent_id``, schema version 10)."""

    __tablename__ = "organisation"
    id: int | None = Field(default=None, primary_key=True)
    name: str = _text()
    name_key: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    kind: str | None = _text(nullable=True, default=None)
    country: str | None = _text(nullable=True, default=None)
    region: str | None = _text(nullable=True, default=None)
    parent_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("organisation.id"), nullable=True, index=True),
    )


class OrganisationAliasTable(SQLModel, table=True):
    """Another name of an organisation ("Pentagon", "DoD"), schema version 10. An alias
    names one organisation only: ``alias_key`` (folded as ``name_key``) is unique."""

    __tablename__ = "organisation_alias"
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = _fk("organisation.id")
    alias: str = _text()
    alias_key: str = Field(sa_column=Column(Text, nullable=False, unique=True))


class OrganisationWordTable(SQLModel, table=True):
    """A word of an organisation's name or of one of its aliases, folded as the
    full-text index folds words (schema version 11): what a search matches the vendor
    and counterpart of an engagement by (``db.org_words``)."""

    __tablename__ = "organisation_word"
    __table_args__ = (UniqueConstraint("organisation_id", "word"),)
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = _fk("organisation.id")
    word: str = _text()


class EngagementTable(SQLModel, table=True):
    """One relationship between a vendor and a counterpart."""

    __tablename__ = "engagement"
    __table_args__ = (
        # One partial index per sort order of the live (not trashed) engagements, so
        # that SQLite walks the index in order instead of sorting (schema version 3).
        _live("ix_engagement_by_title", "title_key"),
        _live("ix_engagement_by_updated", "updated_at"),
        _live("ix_engagement_by_region", "region", "title_key"),
        _live("ix_engagement_by_status", "status", "title_key"),
        _live("ix_engagement_by_confidence", "confidence", "title_key"),
        _live("ix_engagement_by_marking", "marking", "title_key"),
        _live("ix_engagement_by_vendor", "vendor_id", "title_key"),
        _live("ix_engagement_by_counterpart", "counterpart_id", "title_key"),
        _live("ix_engagement_by_follow_up", "follow_up_from", "follow_up_to"),
        _live("ix_engagement_by_started", "started_from", "started_to"),
        # The overview's counts by status × region and by vendor (schema version 8).
        _live("ix_engagement_overview", "status", "region", "vendor_id"),
        *_due_indexes(),
        # The owners in use, for the owner filter's pick-list (schema version 7).
        Index("ix_engagement_owner", "owner"),
        Index(
            "ix_engagement_trash",
            "deleted_at",
            sqlite_where=text("deleted_at IS NOT NULL"),
            postgresql_where=text("deleted_at IS NOT NULL"),
        ),
    )
    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    title: str = _text()
    title_key: str = _text()
    vendor_id: int = Field(
        sa_column=Column(Integer, ForeignKey("organisation.id"), nullable=False, index=True)
    )
    counterpart_id: int = Field(
        sa_column=Column(Integer, ForeignKey("organisation.id"), nullable=False, index=True)
    )
    region: str | None = _text(nullable=True, default=None)
    status: str = _text()
    confidence: str | None = _text(nullable=True, default=None)
    marking: str = _text()
    summary: str = _text()
    started: str | None = _text(nullable=True, default=None)
    started_from: str | None = _text(nullable=True, default=None)
    started_to: str | None = _text(nullable=True, default=None)
    follow_up: str | None = _text(nullable=True, default=None)
    follow_up_from: str | None = _text(nullable=True, default=None)
    follow_up_to: str | None = _text(nullable=True, default=None)
    next_step: str = _text()
    owner: str = _text()
    version: int = Field(default=1, nullable=False)
    created_at: str = _text()
    updated_at: str = _text()
    deleted_at: str | None = _text(nullable=True, default=None)


class ScopeLimitTable(SQLModel, table=True):
    """A scope limit of an engagement."""

    __tablename__ = "scope_limit"
    id: int | None = Field(default=None, primary_key=True)
    engagement_id: int = _fk("engagement.id")
    position: int = 0
    kind: str = _text()
    text: str = _text()


class RestrictionTable(SQLModel, table=True):
    """The shared catalogue of restrictions (red lines)."""

    __tablename__ = "restriction"
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    title: str = _text()
    description: str = _text()


class RestrictionAliasTable(SQLModel, table=True):
    """An older code that means the same restriction (schema version 10); an engagement
    that names it is stored under the restriction's main code."""

    __tablename__ = "restriction_alias"
    id: int | None = Field(default=None, primary_key=True)
    restriction_id: int = _fk("restriction.id")
    code: str = Field(sa_column=Column(Text, nullable=False, unique=True))


class EngagementRestrictionTable(SQLModel, table=True):
    """An engagement's stance on a catalogued restriction."""

    __tablename__ = "engagement_restriction"
    __table_args__ = (
        UniqueConstraint("engagement_id", "restriction_id"),
        # The restriction comparison's counts of every engagement by restriction and
        # stance, read from the index alone (schema version 8).
        Index("ix_engagement_restriction_stance", "restriction_id", "stance"),
    )
    id: int | None = Field(default=None, primary_key=True)
    engagement_id: int = _fk("engagement.id")
    restriction_id: int = Field(
        sa_column=Column(Integer, ForeignKey("restriction.id"), nullable=False, index=True)
    )
    position: int = 0
    stance: str = _text()
    note: str = _text()


class ClarificationTable(SQLModel, table=True):
    """A statement later corrected or narrowed."""

    __tablename__ = "clarification"
    id: int | None = Field(default=None, primary_key=True)
    engagement_id: int = _fk("engagement.id")
    position: int = 0
    original_by: str = _text()
    original_on: str | None = _text(nullable=True, default=None)
    original: str = _text()
    clarified_by: str = _text()
    clarified_on: str | None = _text(nullable=True, default=None)
    clarification: str = _text()
    source: str = _text()


class StatusEventTable(SQLModel, table=True):
    """A dated change of status."""

    __tablename__ = "status_event"
    id: int | None = Field(default=None, primary_key=True)
    engagement_id: int = _fk("engagement.id")
    position: int = 0
    status: str = _text()
    on: str | None = _text(nullable=True, default=None)
    on_from: str | None = _text(nullable=True, default=None)
    note: str = _text()
    source: str = _text()


class SourceTable(SQLModel, table=True):
    """Where a claim comes from."""

    __tablename__ = "source"
    id: int | None = Field(default=None, primary_key=True)
    engagement_id: int = _fk("engagement.id")
    position: int = 0
    outlet: str = _text()
    title: str = _text()
    url: str = _text()
    published: str | None = _text(nullable=True, default=None)


class ConcernTable(SQLModel, table=True):
    """A risk or objection."""

    __tablename__ = "concern"
    id: int | None = Field(default=None, primary_key=True)
    engagement_id: int = _fk("engagement.id")
    position: int = 0
    kind: str = _text()
    text: str = _text()
    severity: str | None = _text(nullable=True, default=None)


class EngagementLinkTable(SQLModel, table=True):
    """A link from one engagement to another (schema version 10): ``kind`` is one of
    ``tracker.domain.vocab.LinkKind``; ``on`` is a partial date (canonical text and the
    days it covers). The link belongs to the engagement it starts from (its child row);
    the other end reads it through ``ix_engagement_link_to``."""

    __tablename__ = "engagement_link"
    __table_args__ = (
        UniqueConstraint("engagement_id", "to_id", "kind"),
        Index("ix_engagement_link_to", "to_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    engagement_id: int = _fk("engagement.id")
    position: int = 0
    to_id: int = Field(
        sa_column=Column(Integer, ForeignKey("engagement.id", ondelete="CASCADE"), nullable=False)
    )
    kind: str = _text()
    on: str | None = _text(nullable=True, default=None)
    on_from: str | None = _text(nullable=True, default=None)
    on_to: str | None = _text(nullable=True, default=None)
    note: str = _text()


class TagTable(SQLModel, table=True):
    """A tag name, shared across engagements."""

    __tablename__ = "tag"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=Column(Text, nullable=False, unique=True))


class EngagementTagTable(SQLModel, table=True):
    """A tag on an engagement."""

    __tablename__ = "engagement_tag"
    __table_args__ = (UniqueConstraint("engagement_id", "tag_id"),)
    id: int | None = Field(default=None, primary_key=True)
    engagement_id: int = _fk("engagement.id")
    tag_id: int = Field(sa_column=Column(Integer, ForeignKey("tag.id"), nullable=False, index=True))
    position: int = 0


CHANGE_ENTRY = f"action <> '{BASELINE}'"  # an audit entry that is a change (not a baseline)


class AuditTable(SQLModel, table=True):
    """The audit trail: one row per changed field or child list."""

    __tablename__ = "audit"
    # ix_audit_at (schema version 7): the changes of a period (``tracker changes``)
    # read only that period's rows, newest first. The baselines the upgrade to schema 5
    # wrote, one per engagement at the moment of the upgrade, are no changes: left out
    # of the index, a feed of the last 30 days after an upgrade does not step over
    # 100,000 of them (``CHANGE_ENTRY``, which a query repeats word for word for SQLite
    # to use the partial index).
    __table_args__ = (
        Index("ix_audit_engagement", "engagement_id", "version"),
        Index(
            "ix_audit_at",
            "at",
            "id",
            sqlite_where=text(CHANGE_ENTRY),
            postgresql_where=text(CHANGE_ENTRY),
        ),
    )
    id: int | None = Field(default=None, primary_key=True)
    at: str = _text()
    who: str = _text()
    engagement_id: int = Field(
        sa_column=Column(Integer, ForeignKey("engagement.id"), nullable=False)
    )
    version: int = 0
    action: str = _text()
    field: str = _text()
    old: str | None = _text(nullable=True, default=None)
    new: str | None = _text(nullable=True, default=None)
    # The role that logged in to the server (PostgreSQL's session_user), set by the
    # server itself; None on SQLite (schema version 5).
    server_user: str | None = _text(nullable=True, default=None)


class AuditSealTable(SQLModel, table=True):
    """The keyed hash chain over the audit trail: one seal per audit row, in id order,
    naming the key it was made with (``db.audit_chain``)."""

    __tablename__ = "audit_seal"
    audit_id: int = Field(
        sa_column=Column(Integer, ForeignKey("audit.id"), primary_key=True, autoincrement=False)
    )
    key_id: str = _text()
    hash: str = _text()


class BriefingTable(SQLModel, table=True):
    """The briefing register (schema version 7): one row per PDF briefing written, from
    the command line or the window, recorded once the file is complete."""

    __tablename__ = "briefing"
    id: int | None = Field(default=None, primary_key=True)
    at: str = _text()  # when the file was written (UTC, ISO 8601)
    who: str = _text()
    title: str = _text()
    marking: str = _text()  # the briefing's overall marking
    engagement_count: int = 0
    # What was briefed, as JSON: the filters (and sort) or the list of engagement ids.
    selection: str = _text()
    file_name: str = _text()  # the file's name, without its folder
    sha256: str = _text()  # of the file's bytes, hex
    # The audit trail at that moment: its latest entry (``revision``) and the seal token
    # the briefing printed (``tracker.domain.seals``); empty for an empty trail.
    revision: int = 0
    audit_seal: str = _text()


class SavedViewTable(SQLModel, table=True):
    """Saved views (schema version 8): a named filter, order, columns and view, owned by
    the user who saved it and seen by everyone when shared. A name is unique per owner
    (in any case: ``name_key`` is it casefolded), not across owners: a private view's
    name says nothing to anyone else, not even that it is taken."""

    __tablename__ = "saved_view"
    __table_args__ = (UniqueConstraint("owner", "name_key", name="uq_saved_view_owner_name"),)
    id: int | None = Field(default=None, primary_key=True)
    owner: str = _text()
    name: str = _text()
    name_key: str = _text()
    shared: bool = False
    body: str = _text()  # the JSON of ``tracker.domain.saved_views.body_json``
    created_at: str = _text()
    created_by: str = _text()
    updated_at: str = _text()
    updated_by: str = _text()
    version: int = 1


class SavedViewEventTable(SQLModel, table=True):
    """The saved views' trail (schema version 8): one row per view created, updated,
    renamed or deleted, with the view after it (before it, for a deletion) as JSON. The
    engagements' audit trail holds changes of engagements only; this is its sibling,
    written in the same transaction as the change it records."""

    __tablename__ = "saved_view_event"
    id: int | None = Field(default=None, primary_key=True)
    at: str = _text()
    who: str = _text()
    view_id: int = 0  # no foreign key: the trail outlives a deleted view
    name: str = _text()
    action: str = _text()
    body: str = _text()


class BriefingTemplateTable(SQLModel, table=True):
    """Briefing templates (schema version 9): named briefing settings and a letterhead
    logo, owned and shared as the saved views are (a name unique per owner in any case)."""

    __tablename__ = "briefing_template"
    __table_args__ = (
        UniqueConstraint("owner", "name_key", name="uq_briefing_template_owner_name"),
    )
    id: int | None = Field(default=None, primary_key=True)
    owner: str = _text()
    name: str = _text()
    name_key: str = _text()
    shared: bool = False
    body: str = _text()  # the JSON of ``tracker.domain.briefing_templates.settings_json``
    # The letterhead's PNG or JPEG bytes (at most 2 MB), checked again when used.
    logo: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    created_at: str = _text()
    created_by: str = _text()
    updated_at: str = _text()
    updated_by: str = _text()
    version: int = 1


def table(model: type[SQLModel]) -> Table:
    """The Core table behind a SQLModel class."""
    result = model.__table__  # type: ignore[attr-defined]
    assert isinstance(result, Table)
    return result


meta = table(Meta)
organisation = table(Organisation)
organisation_alias = table(OrganisationAliasTable)
organisation_word = table(OrganisationWordTable)
engagement = table(EngagementTable)
scope_limit = table(ScopeLimitTable)
restriction = table(RestrictionTable)
restriction_alias = table(RestrictionAliasTable)
engagement_restriction = table(EngagementRestrictionTable)
clarification = table(ClarificationTable)
status_event = table(StatusEventTable)
source = table(SourceTable)
concern = table(ConcernTable)
tag = table(TagTable)
engagement_tag = table(EngagementTagTable)
engagement_link = table(EngagementLinkTable)
audit = table(AuditTable)
audit_seal = table(AuditSealTable)
briefing = table(BriefingTable)
saved_view = table(SavedViewTable)
saved_view_event = table(SavedViewEventTable)
briefing_template = table(BriefingTemplateTable)

CHILD_TABLES: tuple[Table, ...] = (
    scope_limit,
    engagement_restriction,
    clarification,
    status_event,
    source,
    concern,
    engagement_tag,
    engagement_link,
)
metadata = SQLModel.metadata
