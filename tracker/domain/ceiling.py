"""The marking ceiling of an export or briefing: nothing above it leaves the database.

``tracker export --max-marking PUBLIC`` (and the window's export and briefing dialogs'
"Highest marking") writes only the engagements marked at or below the ceiling, in the
order of the database's markings (``tracker.domain.markings``: lowest first). A marking
that is not in the list, or an engagement whose marking is not, is above every ceiling:
the rule fails closed.

Every part of a file passes through one ``Ceiling``:

- the engagements: ``narrow(filters)`` adds the allowed markings to the query's
  filter, so that counts, the selection, follow-ups and the changes feed read only
  what may be shown;
- anything that names an engagement (a link's far end, an organisation's aliases or
  engagements, a saved view's ids) is written only when every engagement it names is
  itself written (``allows`` of its marking, or membership in the uids written): the
  organisations, links and catalogue parts of an export hook in there, in
  ``Transfer.export_document`` after the engagements are read;
- the "Changes since …" entries: ``changes(groups)`` leaves out an engagement's whole
  history of the period when any of its versions in the period was above the ceiling
  (its old values are text written under that marking).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tracker.domain.errors import ValidationError
from tracker.domain.markings import check_marking, normalise

if TYPE_CHECKING:
    from tracker.domain.change_words import ChangeRow, EngagementChanges
    from tracker.domain.model import EngagementData, Filters

OPTION = "--max-marking"


@dataclass(frozen=True)
class Ceiling:
    """The highest marking a file may show, and the markings at or below it."""

    marking: str
    allowed: tuple[str, ...]  # the database's markings up to and including ``marking``

    def allows(self, marking: str | None) -> bool:
        """Whether an engagement marked ``marking`` may be shown."""
        return marking is not None and normalise(marking) in self.allowed

    def narrow(self, filters: Filters) -> Filters:
        """``filters`` keeping only engagements at or below the ceiling."""
        if filters.markings:
            wanted = tuple(m for m in filters.markings if self.allows(m))
            # A filter that asked only for markings above the ceiling matches nothing;
            # an unknown marking word keeps it so (never an empty, unfiltered tuple).
            return replace(filters, markings=wanted or ("",))
        return replace(filters, markings=self.allowed)

    @staticmethod
    def links_within(data: EngagementData, written: Set[str]) -> EngagementData:
        """``data`` without its links to engagements not ``written`` (by stable id): a
        link's far end, left out by the ceiling, must not be named in the file."""
        kept = tuple(k for k in data.links if k.to in written)
        return data if kept == data.links else replace(data, links=kept)

    def changes(self, groups: Iterable[EngagementChanges]) -> list[EngagementChanges]:
        """The groups of change entries that show nothing written above the ceiling."""
        return [g for g in groups if all(self._shown(c.row) for c in g.changes)]

    def _shown(self, row: ChangeRow) -> bool:
        """Whether an entry shows no version above the ceiling (a change of marking from
        or to one above it says that the engagement's older text was above it)."""
        if row.field != "marking":
            return True
        return all(self.allows(m) for m in (row.old, row.new) if m)


def ceiling(marking: str | None, markings: Sequence[str]) -> Ceiling | None:
    """The ceiling ``marking`` names among the database's ``markings``; None: no ceiling.
    A marking not in the list is refused (``ValidationError`` naming the option)."""
    if marking is None or not marking.strip():
        return None
    try:
        top = check_marking(marking, markings)
    except ValueError as exc:
        raise ValidationError(str(exc), field=OPTION) from None
    return Ceiling(top, tuple(markings[: list(markings).index(top) + 1]))
