"""What a briefing shows, as plain data: the input of :func:`exports.briefing.render_pdf`.

Built by the service layer from stored engagements; the renderer and the story builder
both read it, so it lives apart from either.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Final

from tracker.domain.briefing_sections import DEFAULT_SECTIONS, PARTS
from tracker.domain.change_words import ChangePeriod, EngagementChanges
from tracker.domain.due import DueItem, Period
from tracker.domain.languages import Language
from tracker.domain.letterhead import Logo
from tracker.domain.model import EngagementData, LinkEnd

DEFAULT_DISTRIBUTION: Final = (
    "Distribution: for official use by the recipients named; not for onward release."
)


@dataclass(frozen=True)
class BriefingEngagement:
    """One engagement as the briefing shows it."""

    number: int  # the engagement's number in the database
    uid: str
    data: EngagementData
    updated_at: str  # ISO UTC text, "last change"
    links: tuple[LinkEnd, ...] = ()  # from both ends, the other engagement named


@dataclass(frozen=True)
class FollowUpsDue:
    """The optional "Follow-ups due" section: of the engagements included, those whose
    follow-up was overdue on ``today`` (UTC), then those due ``within`` from it, in that
    order (``tracker.domain.due.due_items``)."""

    today: _dt.date
    within: Period
    items: tuple[DueItem, ...]


@dataclass(frozen=True)
class ChangesSince:
    """The optional "Changes since …" section: of the engagements included, the changes
    of ``period`` (``tracker.domain.change_words``), by engagement, the latest first."""

    period: ChangePeriod
    groups: tuple[EngagementChanges, ...]


@dataclass(frozen=True)
class Briefing:
    """Everything a briefing shows; the engagements in the order they are printed."""

    title: str
    marking: str  # the banner, already validated by the caller
    generated_at: _dt.datetime  # aware UTC
    revision: int  # the database's current revision
    engagements: tuple[BriefingEngagement, ...]
    # The optional sections, printed after the overview when given.
    follow_ups: FollowUpsDue | None = None
    changes: ChangesSince | None = None
    author: str = ""
    organisation: str = ""
    distribution: str = DEFAULT_DISTRIBUTION
    page_size: str = "A4"  # "A4" or "Letter"
    # The audit trail's count and latest seal as one token ("1234:3f2a…"), printed on
    # the cover when given, for ``tracker check --seal`` later.
    audit_seal: str | None = None
    # The record as of a past date (``tracker.domain.as_of.heading``), said on the cover.
    as_of: str = ""
    # The letterhead's logo (checked: tracker.domain.letterhead), on the cover and small
    # in the running header; the organisation's name is printed beside it on the cover.
    logo: Logo | None = None
    # The sections in the order printed (``tracker.domain.briefing_sections``); one
    # without anything to show (no key points, no follow-ups asked for) is left out.
    sections: tuple[str, ...] = DEFAULT_SECTIONS
    # The parts of each engagement's section (the presenter's section keys).
    parts: tuple[str, ...] = PARTS
    # The officer's own text, printed as "Key points": paragraphs and "- " bullets.
    key_points: str = ""
    # The language of every fixed text, and the PDF's /Lang (its BCP 47 code).
    language: Language = Language.EN
