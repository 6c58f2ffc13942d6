"""Composing a briefing: which engagements, which marking, then the PDF.

The banner marking is the one chosen, by default the highest marking of what is
printed: the included engagements' markings and, with a "Changes since …" section,
the markings their old values were recorded under (an engagement downgraded in the
period shows text of its higher-marked version). A chosen marking lower than that, or
outside the database's list, is refused, as is an empty selection. Rendering is done
by ``exports``, which receives plain data only.

The sections are printed in the order asked for (``tracker.domain.briefing_sections``;
by default today's: cover, overview, the optional sections asked for, restriction
matrix, engagements). Named explicitly, "follow-ups" without a period uses the
default window, and "changes-since" without a period or "key-points" without text is
refused.

The optional sections are made of the engagements included, read in the same
transaction: "Follow-ups due" lists those overdue on the briefing's day (UTC), then
those due within the period asked for; "Changes since …" their changes in the period
asked for, read up to the selection's revision.

``write_briefing`` is what the command line and the window both do: render, write the
file atomically, then record it in the briefing register (``Tracker.record_briefing``)
once the file is complete.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from tracker.domain.as_of import heading
from tracker.domain.briefing_sections import (
    CHANGES,
    DEFAULT_SECTIONS,
    FOLLOW_UPS,
    KEY_POINTS,
    PARTS,
)
from tracker.domain.ceiling import ceiling
from tracker.domain.change_words import ChangePeriod, EngagementChanges, grouped
from tracker.domain.due import DEFAULT_WINDOW, Period, due_items, due_until
from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.languages import Language, translate
from tracker.domain.letterhead import Logo
from tracker.domain.markings import check_marking, highest, normalise
from tracker.domain.model import Filters, LinkEnd, Selection
from tracker.domain.register import BriefingRecord
from tracker.services import Tracker
from tracker.services.files import write_atomic

if TYPE_CHECKING:
    from exports.document import ChangesSince, FollowUpsDue

PAGE_SIZES = ("A4", "Letter")
DEFAULT_TITLE = "AI engagements briefing"


@dataclass(frozen=True)
class BriefingRequest:
    """What the briefing officer asked for."""

    filters: Filters = Filters()
    sort: str = "title"
    title: str = DEFAULT_TITLE
    marking: str | None = None
    author: str = ""
    organisation: str = ""
    page_size: str = "A4"
    due_within: Period | None = None  # a "Follow-ups due" section, to this far ahead
    changes_since: ChangePeriod | None = None  # a "Changes since …" section of this period
    as_of: date | None = None  # the record as it stood at the end of this day
    logo: Logo | None = None  # the letterhead's (tracker.services.letterhead.load_logo)
    # The sections in the order printed; None: the default (DEFAULT_SECTIONS).
    sections: tuple[str, ...] | None = None
    parts: tuple[str, ...] = PARTS  # of each engagement's section
    key_points: str = ""  # the officer's text, printed after the cover
    language: Language = Language.EN  # of every fixed text, dates and words
    # Only engagements marked at or below this (tracker.domain.ceiling); None: all.
    max_marking: str | None = None


def banner_marking(selection: Selection, chosen: str | None, shown: Iterable[str] = ()) -> str:
    """The marking for the banner; refuses a marking lower than the records need (those
    of the engagements and the markings ``shown`` of the old values printed)."""
    printed = [*(e.data.marking for e in selection.engagements), *shown]
    needed = highest(printed, selection.markings)
    if needed is None:
        raise ValidationError("the briefing would contain no engagements", field="selection")
    if chosen is None or not chosen.strip():
        return needed
    try:
        marking = check_marking(chosen, selection.markings)
    except ValueError as exc:
        raise ValidationError(str(exc), field="--marking") from None
    if selection.markings.index(marking) < selection.markings.index(needed):
        raise ValidationError(
            f'"{marking}" is lower than "{needed}", the highest marking of what the '
            "briefing prints",
            field="--marking",
        )
    return marking


@dataclass(frozen=True)
class Rendered:
    """A briefing's PDF and what the register records of it."""

    pdf: bytes
    count: int  # engagements in it
    marking: str  # its banner marking
    revision: int  # the audit trail's latest entry it was read at
    audit_seal: str  # the seal token it printed, or "" for an empty trail


def _selection(service: Tracker, request: BriefingRequest) -> Selection:
    """The engagements to brief on: as stored, or as they stood at the end of ``as_of``
    (then without an audit seal: the trail's seal now is not the record's then)."""
    if request.as_of is None:
        return service.selection(filters=request.filters, sort=request.sort)
    return service.selection_as_of(
        on=request.as_of, filters=request.filters, sort=request.sort
    ).selection


def render_briefing(
    service: Tracker,
    request: BriefingRequest,
    *,
    now: datetime | None = None,
    on_progress: Callable[[int, int], bool | None] | None = None,
    first_pages: int | None = None,
) -> tuple[bytes, int]:
    """The PDF bytes and the number of engagements in it; nothing is written or recorded.
    With ``first_pages``, a draft of that many pages (``exports.briefing.render_pdf``)."""
    request = _within_ceiling(service, request)
    rendered = _render(service, request, now=now, on_progress=on_progress, first_pages=first_pages)
    return rendered.pdf, rendered.count


def write_briefing(
    service: Tracker,
    request: BriefingRequest,
    path: str,
    *,
    now: datetime | None = None,
    on_progress: Callable[[int, int], bool | None] | None = None,
) -> BriefingRecord:
    """Render the briefing, write it atomically to ``path`` and record it in the register
    (with the filter as narrowed by the marking ceiling)."""
    request = _within_ceiling(service, request)
    rendered = _render(service, request, now=now, on_progress=on_progress)
    write_atomic(path, rendered.pdf)
    return service.record_briefing(
        title=request.title.strip() or DEFAULT_TITLE,
        marking=rendered.marking,
        engagement_count=rendered.count,
        filters=request.filters,
        sort=request.sort,
        as_of=request.as_of,
        file_name=path,
        pdf=rendered.pdf,
        revision=rendered.revision,
        audit_seal=rendered.audit_seal,
    )


def _printed_links(
    request: BriefingRequest, selection: Selection
) -> dict[int, tuple[LinkEnd, ...]]:
    """Each engagement's links as the briefing prints them: under a marking ceiling,
    none to an engagement above it (its title would be printed)."""
    limit = ceiling(request.max_marking, selection.markings)
    return {
        e.id: tuple(k for k in e.linked if limit is None or limit.allows(k.marking))
        for e in selection.engagements
    }


def _within_ceiling(service: Tracker, request: BriefingRequest) -> BriefingRequest:
    """``request`` with its filter narrowed to the engagements at or below its ceiling:
    the selection, the follow-ups and the changes feed then read nothing above it."""
    limit = ceiling(request.max_marking, service.markings())
    if limit is None:
        return request
    return replace(request, filters=limit.narrow(request.filters))


def _render(
    service: Tracker,
    request: BriefingRequest,
    *,
    now: datetime | None,
    on_progress: Callable[[int, int], bool | None] | None,
    first_pages: int | None = None,
) -> Rendered:
    if request.page_size not in PAGE_SIZES:
        raise ValidationError(
            f'unknown page size "{request.page_size}" (allowed: {", ".join(PAGE_SIZES)})',
            field="--page-size",
        )
    sections = _sections(request)
    selection = _selection(service, request)
    if not selection.engagements:
        raise ValidationError(
            "no engagements match: the briefing would be empty", field="selection"
        )

    from exports.briefing import Briefing, BriefingCancelled, BriefingEngagement, render_pdf

    generated = now or datetime.now(UTC)
    follow_ups = _follow_ups(request, selection, generated, sections)
    changes = _changes(service, request, selection, sections)
    shown = _old_markings(changes.groups) if changes is not None else []
    links = _printed_links(request, selection)
    # The linked engagements' titles are printed too: their markings count.
    shown += [k.marking for ends in links.values() for k in ends]
    marking = banner_marking(selection, request.marking, shown)
    title = request.title.strip() or DEFAULT_TITLE
    briefing = Briefing(
        # The default title is fixed text, printed in the briefing's language.
        title=translate(title, request.language) if title == DEFAULT_TITLE else title,
        marking=marking,
        generated_at=generated,
        revision=selection.revision,
        engagements=tuple(
            BriefingEngagement(
                number=e.id, uid=e.uid, data=e.data, updated_at=e.updated_at, links=links[e.id]
            )
            for e in selection.engagements
        ),
        follow_ups=follow_ups,
        changes=changes,
        author=request.author,
        organisation=request.organisation,
        page_size=request.page_size,
        audit_seal=selection.audit_seal or None,
        as_of=heading(request.as_of, request.language) if request.as_of else "",
        logo=request.logo,
        sections=sections,
        parts=request.parts,
        key_points=request.key_points,
        language=request.language,
    )
    try:
        pdf = render_pdf(briefing, on_progress=on_progress, first_pages=first_pages)
    except BriefingCancelled:
        raise TrackerError("briefing cancelled; no file was written") from None
    return Rendered(
        pdf=pdf,
        count=len(briefing.engagements),
        marking=marking,
        revision=selection.revision,
        audit_seal=selection.audit_seal,
    )


def _sections(request: BriefingRequest) -> tuple[str, ...]:
    """The sections to print; a section named that has nothing to print is refused."""
    if request.sections is None:
        return DEFAULT_SECTIONS
    if not request.sections:
        raise ValidationError("no sections chosen: the briefing would be empty", field="--sections")
    if CHANGES in request.sections and request.changes_since is None:
        raise ValidationError(
            f'the "{CHANGES}" section needs a period (--since or --since-briefing)',
            field="--sections",
        )
    if KEY_POINTS in request.sections and not request.key_points.strip():
        raise ValidationError(
            f'the "{KEY_POINTS}" section needs the key points (--key-points FILE)',
            field="--sections",
        )
    return request.sections


def _follow_ups(
    request: BriefingRequest, selection: Selection, generated: datetime, sections: Sequence[str]
) -> FollowUpsDue | None:
    """The "Follow-ups due" section: asked for with a period, or named (default window)."""
    from exports.document import FollowUpsDue

    within = request.due_within
    if within is None and request.sections is not None and FOLLOW_UPS in sections:
        within = DEFAULT_WINDOW
    if within is None or FOLLOW_UPS not in sections:
        return None
    today = request.as_of or generated.astimezone(UTC).date()  # due as of that day
    items = due_items(selection.engagements, today=today, until=due_until(today, within))
    return FollowUpsDue(today=today, within=within, items=items)


def _changes(
    service: Tracker, request: BriefingRequest, selection: Selection, sections: Sequence[str]
) -> ChangesSince | None:
    """The "Changes since …" section of the included engagements, read up to the
    selection's revision (so that a write in between is left out)."""
    from exports.document import ChangesSince

    if request.changes_since is None or CHANGES not in sections:
        return None
    page = service.changes(
        filters=request.filters,
        period=request.changes_since,
        through_revision=selection.revision,
    )
    included = {e.id for e in selection.engagements}
    mine = grouped(c for c in page.changes if c.row.engagement in included)
    limit = ceiling(request.max_marking, selection.markings)
    shown = limit.changes(mine) if limit else mine
    return ChangesSince(period=request.changes_since, groups=tuple(shown))


def _old_markings(groups: Iterable[EngagementChanges]) -> list[str]:
    """The markings the old values shown were recorded under, beyond the engagements'
    markings now: each marking an engagement had before a change of its marking in the
    period (every older value shown is of a version under one of these or of today's)."""
    return [
        normalise(change.row.old)
        for group in groups
        for change in group.changes
        if change.row.field == "marking" and change.row.old
    ]
