"""Fixed vocabularies of the domain, as enums with display labels.

The enum values are the words used in files and on the command line
(``broken_down``); ``label`` is what a person reads (``Broken down``).
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Self


class Vocabulary(StrEnum):
    """A closed list of words; parse with :meth:`parse`, show with :attr:`label`."""

    @property
    def label(self) -> str:
        """The word as shown to people."""
        value = str(self.value)
        return _LABELS.get(value, value[:1].upper() + value[1:].replace("_", " "))

    @classmethod
    def parse(cls, text: str) -> Self:
        """The member whose value or label matches ``text`` (case, space, dash insensitive)."""
        key = _fold(text)
        for member in cls:
            if key in (_fold(member.value), _fold(member.label), _fold(member.name)):
                return member
        allowed = ", ".join(m.value for m in cls)
        raise ValueError(f'unknown {cls.noun()} "{text}" (allowed: {allowed})')

    @classmethod
    def noun(cls) -> str:
        """What one member is called in messages."""
        return cls.__name__.lower()

    @classmethod
    def values(cls) -> tuple[str, ...]:
        """All words, in their natural order."""
        return tuple(m.value for m in cls)


def _fold(text: str) -> str:
    return re.sub(r"[\s_\-.]+", "", text).casefold()


_LABELS = {
    "data_sovereignty": "Data sovereignty",
    "local_hosting": "Local hosting",
    "strategic_dependence": "Strategic dependence",
    "broken_down": "Broken down",
}


class Region(Vocabulary):
    """Where the counterpart (and the engagement) sits; the files use the names as shown."""

    EUROPE = "Europe"
    NORTH_AMERICA = "North America"
    LATIN_AMERICA = "Latin America"
    ASIA_PACIFIC = "Asia-Pacific"
    MIDDLE_EAST = "Middle East"
    AFRICA = "Africa"
    GLOBAL = "Global"


class Status(Vocabulary):
    """Where an engagement stands."""

    EXPLORATORY = "exploratory"
    NEGOTIATING = "negotiating"
    AGREED = "agreed"
    ACTIVE = "active"
    PAUSED = "paused"
    BROKEN_DOWN = "broken_down"
    ENDED = "ended"


# The statuses of an engagement still under way: one of these with no change for a while
# is stale (``tracker.domain.due``); broken down and ended engagements never are.
OPEN_STATUSES: tuple[Status, ...] = (
    Status.EXPLORATORY,
    Status.NEGOTIATING,
    Status.AGREED,
    Status.ACTIVE,
    Status.PAUSED,
)


class Confidence(Vocabulary):
    """How sure we are of a fact."""

    CONFIRMED = "confirmed"
    REPORTED = "reported"
    UNCONFIRMED = "unconfirmed"
    DENIED = "denied"


class ScopeKind(Vocabulary):
    """What a scope limit bounds."""

    NETWORK = "network"
    DATA = "data"
    PERSONNEL = "personnel"
    HOSTING = "hosting"
    GEOGRAPHY = "geography"
    USE = "use"

    @classmethod
    def noun(cls) -> str:
        return "scope limit kind"


class Stance(Vocabulary):
    """An engagement's position on a catalogued restriction."""

    AGREED = "agreed"
    PROPOSED = "proposed"
    DISPUTED = "disputed"
    REJECTED = "rejected"


class ConcernKind(Vocabulary):
    """The sort of risk or objection a concern raises."""

    DATA_SOVEREIGNTY = "data_sovereignty"
    LOCAL_HOSTING = "local_hosting"
    STRATEGIC_DEPENDENCE = "strategic_dependence"
    REPUTATIONAL = "reputational"
    LEGAL = "legal"
    OTHER = "other"

    @classmethod
    def noun(cls) -> str:
        return "concern kind"


class Severity(Vocabulary):
    """How much a concern weighs."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class OrgKind(Vocabulary):
    """What an organisation is (the kinds of the interchange format's version 2).
    ``other`` is kept for organisations stored before the kinds were complete."""

    GOVERNMENT = "government"
    MINISTRY = "ministry"
    AGENCY = "agency"
    MILITARY = "military"
    MULTINATIONAL = "multinational"
    VENDOR = "vendor"
    COMPANY = "company"
    OTHER = "other"

    @classmethod
    def noun(cls) -> str:
        return "organisation kind"


class LinkKind(Vocabulary):
    """How one engagement relates to another (a link from the first to the second)."""

    FOLLOWS = "follows"
    SUPERSEDES = "supersedes"
    PART_OF = "part_of"
    ALTERNATIVE_TO = "alternative_to"
    RELATED = "related"

    @classmethod
    def noun(cls) -> str:
        return "link kind"


# The link kinds that order engagements: a chain of them may never come back to its start.
ACYCLIC_LINK_KINDS: tuple[LinkKind, ...] = (LinkKind.SUPERSEDES, LinkKind.PART_OF)
