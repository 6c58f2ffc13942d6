"""Bulk edit: one change applied to many engagements, and what it did to each.

A :class:`BulkEdit` is what a person asks for, in the interchange format's words (the
CLI's ``--set status=paused`` and the GUI's dialog give the same text): fields to set
(``BULK_FIELDS``), tags to add or remove, restriction stances to set. The service
validates it once against the database's rules into a :class:`BulkChange`, whose
``apply`` makes each engagement's new data. A change of status adds its dated status
event as a single edit does (``tracker.domain.timeline.follow_status``, applied where
every write goes).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tracker.domain.changes import ChangeSet
from tracker.domain.dates import PartialDate
from tracker.domain.fields import CHILDREN_BY_KEY, FIELDS_BY_KEY
from tracker.domain.model import FIELD_NAMES, EngagementData, RestrictionStance, StatusEvent
from tracker.domain.vocab import Stance, Vocabulary

# The fields a bulk edit may set (by interchange key), in the order they are offered.
BULK_FIELDS: tuple[str, ...] = ("status", "owner", "marking", "follow_up", "confidence")
# The fields a value may clear (set to nothing): the rest need a value.
CLEARABLE: frozenset[str] = frozenset({"owner", "follow_up", "confidence"})


def field_label(key: str) -> str:
    """What people read for a bulk field ("Follow-up")."""
    return FIELDS_BY_KEY[key].label


@dataclass(frozen=True)
class BulkEdit:
    """A bulk edit as asked for: ``values`` by interchange key (text; None or "" clears),
    tags to add and to remove, and (code, stance word) pairs to set."""

    values: tuple[tuple[str, str | None], ...] = ()
    add_tags: tuple[str, ...] = ()
    remove_tags: tuple[str, ...] = ()
    stances: tuple[tuple[str, str], ...] = ()

    @property
    def empty(self) -> bool:
        """True when the edit changes nothing at all."""
        return not (self.values or self.add_tags or self.remove_tags or self.stances)


@dataclass(frozen=True)
class BulkChange:
    """A validated bulk edit: typed ``values`` by ``EngagementData`` field name, the tags
    to add and remove, the restrictions whose stance is set (with their titles)."""

    values: Mapping[str, Any]
    add_tags: tuple[str, ...] = ()
    remove_tags: tuple[str, ...] = ()
    stances: tuple[RestrictionStance, ...] = ()

    def apply(self, data: EngagementData) -> EngagementData:
        """``data`` with the change made: the values set; tags removed, then added at
        the end unless present; each restriction's stance set (its note kept), added
        at the end where the engagement did not carry it."""
        new = dataclasses.replace(data, **self.values) if self.values else data
        if self.add_tags or self.remove_tags:
            removed = {t.casefold() for t in self.remove_tags}
            tags = [t for t in new.tags if t.casefold() not in removed]
            present = {t.casefold() for t in tags}
            tags += [t for t in self.add_tags if t.casefold() not in present]
            new = dataclasses.replace(new, tags=tuple(dict.fromkeys(tags)))
        if self.stances:
            new = dataclasses.replace(new, restrictions=_with_stances(new, self.stances))
        return new


def _with_stances(
    data: EngagementData, stances: tuple[RestrictionStance, ...]
) -> tuple[RestrictionStance, ...]:
    wanted: dict[str, Stance] = {s.code: s.stance for s in stances}
    kept = tuple(
        dataclasses.replace(r, stance=wanted[r.code]) if r.code in wanted else r
        for r in data.restrictions
    )
    carried = {r.code for r in data.restrictions}
    return kept + tuple(s for s in stances if s.code not in carried)


@dataclass(frozen=True)
class BulkStep:
    """One engagement a bulk edit changed: its data before and after (what undo and
    redo merge back), and its title for messages."""

    engagement_id: int
    title: str
    before: EngagementData
    after: EngagementData

    @property
    def reversed(self) -> BulkStep:
        """The step that takes the engagement back (undo)."""
        return BulkStep(self.engagement_id, self.title, self.after, self.before)


@dataclass(frozen=True)
class Skipped:
    """An engagement left out: changed by somebody else since it was seen."""

    engagement_id: int
    title: str
    seen_version: int
    current_version: int

    def words(self) -> str:
        """One line naming it: ``engagement 12 "Title" (changed by someone else: …)``."""
        return (
            f'engagement {self.engagement_id} "{self.title}": left out, changed by someone '
            f"else since it was seen (version {self.seen_version} -> {self.current_version})"
        )


@dataclass(frozen=True)
class BulkResult:
    """What a bulk edit did (or, with ``dry_run``, would do): the engagements changed,
    how many were already so, those left out as changed meanwhile, the change set."""

    steps: tuple[BulkStep, ...]
    unchanged: int
    skipped: tuple[Skipped, ...]
    dry_run: bool = False
    changes: ChangeSet = dataclasses.field(default_factory=ChangeSet)

    @property
    def selected(self) -> int:
        """How many engagements the edit was asked of."""
        return len(self.steps) + self.unchanged + len(self.skipped)


def differences(step: BulkStep) -> tuple[tuple[str, str, str], ...]:
    """(label, old, new) for each field a step changes, in the words a dry run prints:
    a list as its items (tags by name, restrictions as ``code=stance``, the status
    history by how many events it holds)."""
    out: list[tuple[str, str, str]] = []
    for name in FIELD_NAMES:
        old, new = getattr(step.before, name), getattr(step.after, name)
        if old != new:
            out.append((_label(name), _words(old), _words(new)))
    return tuple(out)


def _label(name: str) -> str:
    found = FIELDS_BY_KEY.get(name)
    return found.label if found is not None else CHILDREN_BY_KEY[name].label


def _words(value: object) -> str:
    if value is None or value == "" or value == ():
        return "(none)"
    if isinstance(value, Vocabulary):
        return value.value
    if isinstance(value, PartialDate):
        return value.label()
    if isinstance(value, tuple):
        return ", ".join(_item(v) for v in value)
    return f'"{value}"'


def _item(value: object) -> str:
    if isinstance(value, RestrictionStance):
        return f"{value.code}={value.stance.value}"
    if isinstance(value, StatusEvent):
        on = f" {value.on.label()}" if value.on else ""
        return f"{value.status.value}{on}"
    return str(value)
