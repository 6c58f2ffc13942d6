"""What an import would do, before it writes: the review of a file.

``Tracker.review_import`` / ``review_flat_rows`` read the file as the import would and
write nothing. The review lists the engagements the file would create (by title), those
it would update (field by field, old → new, worded as the changes feed words an audit
entry: ``tracker.domain.change_words``), those it leaves as they are, and every
refusal it can find (each naming the record and the field, as the import's one error
line would). An import is all or nothing: while any refusal is left, the import writes
nothing, so a review with refusals is a file to fix, not a partial import.

The review carries a ``token``: a digest of what it was computed against (the
database's markings and the version of every stored engagement the file names, or
that none had its uid). Importing with ``reviewed=token`` refuses to write when the
database changed in between (``ReviewOutdated``), so that what is written is what was
shown.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tracker.domain.errors import TrackerError, ValidationError

ARROW = "→"


class ReviewOutdated(TrackerError):
    """The database changed between the review of an import and its confirmation."""

    def __init__(self) -> None:
        super().__init__(
            "the database changed since the import was reviewed (an engagement of the file "
            "was created, changed or removed, or the markings changed); nothing was "
            "written: review the file again"
        )


@dataclass(frozen=True)
class FieldChange:
    """One field an update changes: its label, old → new, and a list's items one by one."""

    label: str
    old: str
    new: str
    items: tuple[str, ...] = ()

    def text(self) -> str:
        """ "Status: negotiating → agreed"; "Tags: added tag defence"."""
        if self.items:
            return f"{self.label}: {'; '.join(self.items)}"
        return f"{self.label}: {self.old or '(empty)'} {ARROW} {self.new or '(empty)'}"


@dataclass(frozen=True)
class Updated:
    """An engagement of the file that exists and would change."""

    uid: str
    title: str
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class Refused:
    """A record of the file the import refuses, and why (as the import's error says)."""

    record: str
    field: str
    reason: str

    @classmethod
    def of(cls, error: ValidationError) -> Refused:
        """The refusal ``error`` names."""
        return cls(error.record, error.field, error.reason)

    def text(self) -> str:
        """The import's one error line."""
        return str(ValidationError(self.reason, record=self.record, field=self.field))


@dataclass(frozen=True)
class ImportReview:
    """What importing a file would do; nothing of it is written."""

    created: tuple[str, ...] = ()  # titles, in the file's order
    updated: tuple[Updated, ...] = ()
    unchanged: tuple[str, ...] = ()  # titles
    refused: tuple[Refused, ...] = ()
    token: str = ""  # what the review was computed against (see the module's text)

    @property
    def writable(self) -> bool:
        """Whether importing the file would write it (no refusal is left)."""
        return not self.refused

    def summary(self) -> str:
        """ "3 created, 2 updated, 5 unchanged, 1 refused"."""
        counts = (len(self.created), len(self.updated), len(self.unchanged), len(self.refused))
        words = ("created", "updated", "unchanged", "refused")
        return ", ".join(f"{n} {w}" for n, w in zip(counts, words, strict=True))

    def lines(self) -> list[str]:
        """The review as text, one line each (a field change indented under its title)."""
        out = [self.summary()]
        if self.refused:
            out.append("nothing will be written while a record is refused:")
            out += [f"refused: {r.text()}" for r in self.refused]
        out += [f"create: {t}" for t in self.created]
        for u in self.updated:
            out.append(f"update: {u.title} ({u.uid})")
            out += [f"    {c.text()}" for c in u.changes]
        out += [f"unchanged: {t}" for t in self.unchanged]
        return out

    def to_json(self) -> dict[str, Any]:
        """The review as plain JSON (``tracker import --dry-run --format json``)."""
        return {
            "writable": self.writable,
            "created": list(self.created),
            "updated": [
                {
                    "id": u.uid,
                    "title": u.title,
                    "changes": [
                        {"field": c.label, "old": c.old, "new": c.new, "items": list(c.items)}
                        for c in u.changes
                    ],
                }
                for u in self.updated
            ],
            "unchanged": list(self.unchanged),
            "refused": [
                {"record": r.record, "field": r.field, "reason": r.reason} for r in self.refused
            ],
        }


def review_token(markings: Sequence[str], default: str, versions: Mapping[str, int]) -> str:
    """The digest of the rules and the stored versions a review was computed against
    (``versions``: the stored engagements the file names, by uid)."""
    body = json.dumps([list(markings), default, sorted(versions.items())], ensure_ascii=False)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()
