"""Three-way merge of engagement data, for saves that meet a newer version.

When a person saves an engagement that somebody else (a colleague, or a second
window) changed since it was opened, three versions exist: the *original* the
edit started from, *mine* (the form) and *theirs* (what is stored now).
:func:`three_way_merge` combines them field by field:

- a field only one side changed takes that side's value;
- a field both sides changed to the same value is not a conflict;
- a field both sides changed to different values is a :class:`FieldConflict`.

Child lists (scope limits, restrictions, clarifications, status history, sources,
concerns) and tags are merged as a whole per field: two different edits of the
same list are a conflict, not an item-by-item merge, so nothing is silently
combined into a list neither person wrote.

:func:`resolve` applies a per-field choice ("mine" or "theirs") to the conflicts;
:func:`describe` renders a field's value as text for people to compare.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from tracker.domain.dates import PartialDate
from tracker.domain.fields import ENGAGEMENT_FIELDS
from tracker.domain.model import (
    FIELD_NAMES,
    Clarification,
    Concern,
    EngagementData,
    RestrictionStance,
    ScopeLimit,
    Source,
    StatusEvent,
)
from tracker.domain.presenter import MISSING_DATE
from tracker.domain.vocab import Vocabulary

__all__ = [
    "FIELD_LABELS",
    "Choice",
    "FieldConflict",
    "MergeResult",
    "describe",
    "field_label",
    "resolve",
    "three_way_merge",
]

Choice = Literal["mine", "theirs"]

# The labels of tracker.domain.fields, so the conflict dialog names fields as the form,
# the detail pane and the briefing do.
FIELD_LABELS: Mapping[str, str] = {f.key: f.label for f in ENGAGEMENT_FIELDS}


@dataclass(frozen=True)
class FieldConflict:
    """A field both sides changed, to different values."""

    field: str
    original: object
    mine: object
    theirs: object


@dataclass(frozen=True)
class MergeResult:
    """The outcome of a three-way merge.

    ``merged`` holds every non-conflicting change of both sides; for a conflicting
    field it holds *mine* (the default choice) until :func:`resolve` says otherwise.
    The ``*_changed`` tuples name the fields each side changed against ``original``,
    in :data:`~tracker.domain.model.FIELD_NAMES` order.
    """

    merged: EngagementData
    conflicts: tuple[FieldConflict, ...]
    mine_changed: tuple[str, ...]
    theirs_changed: tuple[str, ...]
    original: EngagementData | None = None
    """The common ancestor both sides edited (to show what the other writer changed)."""

    @property
    def clean(self) -> bool:
        """True when no field is in conflict: ``merged`` can be saved as it is."""
        return not self.conflicts

    @property
    def conflict_fields(self) -> tuple[str, ...]:
        """The names of the conflicting fields."""
        return tuple(c.field for c in self.conflicts)

    @property
    def merged_from_theirs(self) -> tuple[str, ...]:
        """Fields the other writer changed that merged without a conflict.

        These are fields only they changed, plus fields both changed identically.
        """
        conflicting = set(self.conflict_fields)
        return tuple(f for f in self.theirs_changed if f not in conflicting)


def three_way_merge(
    original: EngagementData, mine: EngagementData, theirs: EngagementData
) -> MergeResult:
    """Merge ``mine`` and ``theirs``, both edited from ``original``, field by field."""
    values: dict[str, object] = {}
    conflicts: list[FieldConflict] = []
    mine_changed: list[str] = []
    theirs_changed: list[str] = []
    for name in FIELD_NAMES:
        o, m, t = getattr(original, name), getattr(mine, name), getattr(theirs, name)
        if m != o:
            mine_changed.append(name)
        if t != o:
            theirs_changed.append(name)
        if m == t or t == o:
            values[name] = m
        elif m == o:
            values[name] = t
        else:
            conflicts.append(FieldConflict(field=name, original=o, mine=m, theirs=t))
            values[name] = m
    return MergeResult(
        merged=dataclasses.replace(original, **values),  # type: ignore[arg-type]
        conflicts=tuple(conflicts),
        mine_changed=tuple(mine_changed),
        theirs_changed=tuple(theirs_changed),
        original=original,
    )


def resolve(result: MergeResult, choices: Mapping[str, Choice]) -> EngagementData:
    """``result.merged`` with each conflicting field set to the chosen side's value.

    Raises ValueError when a conflicting field has no choice, a choice is neither
    "mine" nor "theirs", or a choice names a field that is not in conflict.
    """
    conflicting = {c.field for c in result.conflicts}
    extra = sorted(set(choices) - conflicting)
    if extra:
        raise ValueError(f"not in conflict: {', '.join(extra)}")
    missing = [c.field for c in result.conflicts if c.field not in choices]
    if missing:
        raise ValueError(f"no choice made for: {', '.join(missing)}")
    values: dict[str, object] = {}
    for c in result.conflicts:
        choice = choices[c.field]
        if choice == "mine":
            values[c.field] = c.mine
        elif choice == "theirs":
            values[c.field] = c.theirs
        else:
            raise ValueError(f'choice for {c.field} must be "mine" or "theirs", not {choice!r}')
    return dataclasses.replace(result.merged, **values)  # type: ignore[arg-type]


def field_label(field: str) -> str:
    """How a field is named to people ("Follow-up" for ``follow_up``)."""
    try:
        return FIELD_LABELS[field]
    except KeyError:
        raise ValueError(f'unknown field "{field}"') from None


def describe(data: EngagementData, field: str) -> str:
    """The value of ``field`` in ``data`` as text for people; "" when empty.

    Vocabulary words show their labels, partial dates their ``label()`` ("Q3 2025"),
    tags are joined with ", ", and child lists give one item per line.
    """
    if field not in FIELD_NAMES:
        raise ValueError(f'unknown field "{field}"')
    value: object = getattr(data, field)
    if field == "tags":
        assert isinstance(value, tuple)
        return ", ".join(str(t) for t in value)
    if isinstance(value, tuple):
        # One item per line, even when an item's text has line breaks of its own.
        return "\n".join(" ".join(_item(v).splitlines()) for v in value)
    return _scalar(value)


def _scalar(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Vocabulary):
        return value.label
    if isinstance(value, PartialDate):
        return value.label()
    return str(value)


def _date(value: PartialDate | None) -> str:
    return value.label() if value is not None else ""


def _join(*parts: str, sep: str = " — ") -> str:
    return sep.join(p for p in parts if p)


def _item(item: object) -> str:
    if isinstance(item, ScopeLimit):
        return f"{item.kind.label}: {item.text}"
    if isinstance(item, RestrictionStance):
        return _join(f"{item.title}: {item.stance.label}", item.note)
    if isinstance(item, Clarification):
        said = _join(item.original_by, _date(item.original_on), sep=", ")
        fixed = _join(item.clarified_by, _date(item.clarified_on), sep=", ")
        text = f"{said + ': ' if said else ''}“{item.original}”"
        text += f" → {fixed + ': ' if fixed else ''}“{item.clarification}”"
        return text + (f" ({item.source})" if item.source else "")
    if isinstance(item, StatusEvent):
        when = _date(item.on) or MISSING_DATE
        return _join(f"{when}: {item.status.label}", item.note, item.source)
    if isinstance(item, Source):
        return _join(
            item.outlet,
            f"“{item.title}”" if item.title else "",
            _date(item.published),
            item.url,
            sep=", ",
        )
    if isinstance(item, Concern):
        severity = f" ({item.severity.label})" if item.severity else ""
        return f"{item.kind.label}{severity}: {item.text}"
    return _scalar(item)
