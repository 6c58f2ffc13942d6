"""Saved views: a name for a filter (every filter and the search text), an order, the
table's columns and which view is shown (table, overview, restriction comparison,
timeline).

A view's body is stored as JSON (:func:`body_json`, :func:`body_from_json`), its
filters by ``tracker.domain.filter_json``. The quick filters of the window (overdue,
due soon, stale) are kept as what they are, counted from the day the view is opened:
a view saved as "Overdue" on Monday shows Friday's overdue follow-ups on Friday.

A view that names something that no longer exists (a restriction code gone from the
catalogue, a vendor renamed) still opens: the rest of it applies, and what it left out
is said in words (:func:`left_out_words`).
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from tracker.domain import limits
from tracker.domain.controls import has_controls
from tracker.domain.due import DEFAULT_STALE, Period, QuickFilters
from tracker.domain.errors import ValidationError
from tracker.domain.filter_json import FilterJsonError, filters_from_json, filters_json
from tracker.domain.model import SORT_KEYS, Filters

VIEW_KINDS: Final = ("table", "overview", "restrictions", "timeline")
"""The views a saved view can show, by the names ``ui.views.ViewKind`` gives them (the
domain does not import the window; a test holds the two equal)."""

MAX_COLUMNS: Final = 100
"""Columns one view may list (the table has a dozen: room for later ones)."""

# The filters that name something stored, which may since have gone, and how a
# missing one reads.
NAMED_FILTERS: Final = ("vendor", "counterpart", "restriction", "tag", "owner")
_MISSING: Mapping[str, str] = {
    "vendor": "no engagement has that vendor",
    "counterpart": "no engagement has that counterpart",
    "restriction": "no longer in the catalogue",
    "tag": "no engagement has that tag",
    "owner": "no engagement has that owner",
    "markings": "no longer one of the database's markings",
}


@dataclass(frozen=True)
class ViewBody:
    """What a saved view restores. ``columns`` are the table's visible columns by key,
    in their order (empty: as the table has them); ``kind`` one of ``VIEW_KINDS``."""

    filters: Filters = Filters()
    quick: QuickFilters = dataclasses.field(default_factory=QuickFilters)
    sort: str = "title"
    descending: bool = False
    columns: tuple[str, ...] = ()
    kind: str = "table"

    def filters_on(self, today: datetime.date, *, stale_for: Period = DEFAULT_STALE) -> Filters:
        """The filters to apply on ``today``: the stored ones with the quick filters
        counted from that day (stale: no change for ``stale_for``)."""
        if self.quick == QuickFilters():
            return self.filters
        made = self.quick.applied(self.filters, today=today, stale_for=stale_for)
        due = made if (self.quick.overdue or self.quick.due_soon) else self.filters
        stale = made if self.quick.stale else self.filters
        return dataclasses.replace(
            self.filters,
            due_from=due.due_from,
            due_by=due.due_by,
            stale_before=stale.stale_before,
        )


@dataclass(frozen=True)
class SavedView:
    """A saved view as stored: its owner sees it, and everybody when it is shared."""

    id: int
    name: str
    owner: str
    shared: bool
    body: ViewBody
    created_at: str  # ISO 8601 UTC
    created_by: str
    updated_at: str
    updated_by: str
    version: int  # 1 when created, one more for each update, rename or change of sharing


@dataclass(frozen=True)
class OpenedView:
    """A view opened on a day: the filters to apply (what still exists of them) and
    what was left out, in words ("restriction NO-SURV (no longer in the catalogue)")."""

    view: SavedView
    filters: Filters
    left_out: tuple[str, ...] = ()


@dataclass(frozen=True)
class ViewEvent:
    """One entry of the saved views' trail (one of ``VIEW_ACTIONS``), with the view as it
    was after it (before it, for a deletion) as JSON."""

    id: int
    at: str
    who: str
    view_id: int
    name: str
    action: str
    body: str  # the JSON text


VIEW_ACTIONS: Final = ("created", "updated", "renamed", "deleted")


def body_of(
    filters: Filters,
    *,
    today: datetime.date,
    sort: str = "title",
    descending: bool = False,
    columns: Sequence[str] = (),
    kind: str = "table",
    stale_for: Period = DEFAULT_STALE,
) -> ViewBody:
    """The body that saves ``filters`` as shown on ``today``: follow-up days or a stale
    day that the quick filters make on that day (stale: no change for ``stale_for``) are
    kept as those quick filters."""
    quick = QuickFilters.of(filters, today=today)
    plain = dataclasses.replace(filters, due_from=None, due_by=None, stale_before=None)
    made = quick.applied(plain, today=today, stale_for=stale_for)
    due_quick = (made.due_from, made.due_by) == (filters.due_from, filters.due_by)
    stale_quick = quick.stale and made.stale_before == filters.stale_before
    kept = QuickFilters(
        overdue=quick.overdue and due_quick,
        due_soon=quick.due_soon and due_quick,
        stale=stale_quick,
    )
    stored = dataclasses.replace(
        filters,
        due_from=None if due_quick else filters.due_from,
        due_by=None if due_quick else filters.due_by,
        stale_before=None if stale_quick else filters.stale_before,
    )
    return check_body(
        ViewBody(
            filters=stored,
            quick=kept,
            sort=sort,
            descending=descending,
            columns=tuple(columns),
            kind=kind,
        )
    )


def check_body(body: ViewBody) -> ViewBody:
    """``body`` when its order, columns and view are ones a view can hold."""
    if body.sort not in SORT_KEYS:
        allowed = ", ".join(SORT_KEYS)
        raise ValidationError(f'unknown order "{body.sort}" (allowed: {allowed})', field="sort")
    if body.kind not in VIEW_KINDS:
        allowed = ", ".join(VIEW_KINDS)
        raise ValidationError(f'unknown view "{body.kind}" (allowed: {allowed})', field="view")
    if len(body.columns) > MAX_COLUMNS or not all(
        isinstance(c, str) and 0 < len(c) <= limits.WORD for c in body.columns
    ):
        raise ValidationError(
            f"at most {MAX_COLUMNS} column keys of 1 to {limits.WORD} characters",
            field="columns",
        )
    return body


def body_json(body: ViewBody) -> dict[str, Any]:
    """The body as plain JSON (what is stored, and what ``tracker export`` writes)."""
    quick = [name for name, on in dataclasses.asdict(body.quick).items() if on]
    return {
        "filters": filters_json(body.filters),
        "quick": quick,
        "sort": body.sort,
        "descending": body.descending,
        "columns": list(body.columns),
        "view": body.kind,
    }


def body_from_json(raw: object) -> ViewBody:
    """The body :func:`body_json` wrote; a ``ValidationError`` naming the part that is
    not one."""
    if not isinstance(raw, Mapping):
        raise ValidationError("must be a JSON object", field="body")
    filters = raw.get("filters", {})
    if not isinstance(filters, Mapping):
        raise ValidationError("must be a JSON object", field="filters")
    try:
        read = filters_from_json(filters)
    except FilterJsonError as exc:
        raise ValidationError(str(exc), field="filters") from None
    quick = raw.get("quick", [])
    fields = {f.name for f in dataclasses.fields(QuickFilters)}
    if not isinstance(quick, list) or not set(quick) <= fields:
        raise ValidationError(f"must be a list of {', '.join(sorted(fields))}", field="quick")
    columns = raw.get("columns", [])
    descending = raw.get("descending", False)
    if not isinstance(columns, list) or not isinstance(descending, bool):
        raise ValidationError("columns must be a list, descending true or false", field="body")
    return check_body(
        ViewBody(
            filters=read,
            quick=QuickFilters(**dict.fromkeys(quick, True)),
            sort=str(raw.get("sort", "title")),
            descending=descending,
            columns=tuple(columns),
            kind=str(raw.get("view", "table")),
        )
    )


def check_name(name: str, *, field: str = "name") -> str:
    """A view's name stripped; refused when blank, longer than ``limits.VIEW_NAME`` or
    holding a control character or line break."""
    stripped = name.strip() if isinstance(name, str) else ""
    if not stripped:
        problem = "must not be blank"
    elif len(stripped) > limits.VIEW_NAME:
        problem = f"is {len(stripped):,} characters long; at most {limits.VIEW_NAME:,} are allowed"
    elif has_controls(stripped) or "\u2028" in stripped or "\u2029" in stripped:
        problem = "must not contain control characters or line breaks"
    else:
        return stripped
    raise ValidationError(problem, record=f'the saved view "{stripped[:60]}"', field=field)


def name_key(name: str) -> str:
    """What two names must differ in: "Q3 review" and "q3 REVIEW" are one name."""
    return name.strip().casefold()


def without(filters: Filters, missing: Iterable[str]) -> Filters:
    """``filters`` without the named filters in ``missing`` (``Filters`` field names;
    ``"markings"`` for the markings the database no longer has, given as
    ``"markings:VALUE"``)."""
    gone = set(missing)
    changes: dict[str, Any] = {key: None for key in NAMED_FILTERS if key in gone}
    dropped = {m.split(":", 1)[1] for m in gone if m.startswith("markings:")}
    if dropped:
        changes["markings"] = tuple(m for m in filters.markings if m not in dropped)
    if "restriction" in gone and filters.stance is not None:
        # The stance was of that restriction: of any restriction it would keep others.
        changes["stance"] = None
    return dataclasses.replace(filters, **changes)


def left_out_words(filters: Filters, missing: Iterable[str]) -> tuple[str, ...]:
    """What :func:`without` left out, in words: "restriction NO-SURV (no longer in the
    catalogue)", "vendor Acme (no engagement has that vendor)"."""
    words: list[str] = []
    for key in missing:
        if key.startswith("markings:"):
            value, why = key.split(":", 1)[1], _MISSING["markings"]
            words.append(f"marking {value} ({why})")
            continue
        words.append(f"{key} {getattr(filters, key)} ({_MISSING[key]})")
        if key == "restriction" and filters.stance is not None:
            words.append(f"stance {filters.stance.value} (of that restriction)")
    return tuple(words)


# -- a view narrowed by filters given beside it (``--view NAME --status active``) -------

_LATER = ("started_from", "due_from", "stale_before")
# The filters whose command-line option is not named as their field is.
_OPTIONS = {
    "statuses": "status",
    "regions": "region",
    "confidences": "confidence",
    "markings": "marking",
    "linked_to": "linked-to",
}
_EARLIER = ("started_to", "due_by")


def narrowed(view: Filters, given: Filters) -> Filters:
    """The engagements both ``view`` and ``given`` keep: a list filter set in both keeps
    the values in both, a one-value filter set in both must be the same (in any case),
    a range the overlap, the search text both texts' words; the trash when either asks.
    Filters that keep nothing together are a ``ValidationError`` naming the option."""
    out: dict[str, Any] = {"trash": view.trash or given.trash}
    for spec in dataclasses.fields(Filters):
        key = spec.name
        mine, theirs = getattr(view, key), getattr(given, key)
        if key == "trash" or theirs == spec.default:
            continue
        if mine == spec.default:
            out[key] = theirs
        else:
            out[key] = _both(key, mine, theirs)
    return dataclasses.replace(view, **out)


def _both(key: str, mine: Any, theirs: Any) -> Any:
    """What filter ``key`` keeps when set by a view (``mine``) and an option."""
    if key in _LATER:
        return max(mine, theirs, key=_start) if key == "started_from" else max(mine, theirs)
    if key in _EARLIER:
        return min(mine, theirs, key=_end) if key == "started_to" else min(mine, theirs)
    if key == "search":
        return f"{mine} {theirs}"
    if isinstance(mine, tuple):
        kept = tuple(v for v in mine if v in theirs)
        if kept:
            return kept
    elif str(mine).casefold() == str(theirs).casefold():
        return theirs
    option = _OPTIONS.get(key, key)
    raise ValidationError(
        f"keeps nothing beside the view's own {option} filter", field=f"--{option}"
    )


def _start(value: Any) -> datetime.date:
    return value.first_day  # type: ignore[no-any-return]


def _end(value: Any) -> datetime.date:
    return value.last_day  # type: ignore[no-any-return]
