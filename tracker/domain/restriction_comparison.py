"""The restriction comparison: for the engagements a filter keeps, how many stand at
each stance on each restriction of the catalogue.

An engagement takes one stance on a restriction it records (the pair is unique), so a
restriction's count of engagements is the sum of its stances' counts, and every
restriction of the catalogue is listed, those no kept engagement records at zero.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tracker.domain.vocab import Stance


@dataclass(frozen=True)
class RestrictionCounts:
    """One restriction of the catalogue and how many kept engagements take each stance
    on it (a stance no engagement takes is absent: ``count`` reads it as 0)."""

    code: str
    title: str
    by_stance: Mapping[Stance, int]

    def count(self, stance: Stance) -> int:
        """How many kept engagements take ``stance`` on this restriction."""
        return self.by_stance.get(stance, 0)

    @property
    def total(self) -> int:
        """How many kept engagements record this restriction at all."""
        return sum(self.by_stance.values())


@dataclass(frozen=True)
class RestrictionComparison:
    """Every restriction of the catalogue, in the catalogue's order, with its counts
    over the ``engagements`` engagements the filter keeps."""

    restrictions: tuple[RestrictionCounts, ...]
    engagements: int

    def of(self, code: str) -> RestrictionCounts:
        """The counts of the restriction ``code`` (KeyError for one not catalogued)."""
        for counts in self.restrictions:
            if counts.code == code:
                return counts
        raise KeyError(code)
