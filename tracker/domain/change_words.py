"""How a change from the audit trail reads: "Status: negotiating → agreed", "added
restriction No mass domestic surveillance · agreed", "moved to the trash".

The changes feed (``tracker changes``, the window's Changes view and the briefing's
"Changes since …" section) words every audit entry here, once. An entry holds one
field's old and new text (``db.audit``): plain text for a flat field, interchange JSON
for the tags and the child lists, the whole engagement for the entry that created or
imported it. Lists are read as the items added, removed or changed, in the item's own
words, never as JSON. Labels come from ``tracker.domain.fields``.
"""

from __future__ import annotations

import datetime
import functools
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from tracker.domain.changes import DELETED
from tracker.domain.date_parser import parse_partial_date
from tracker.domain.date_words import date_label, day_label
from tracker.domain.dates import DateParseError
from tracker.domain.errors import ValidationError
from tracker.domain.fields import CHILDREN_BY_KEY, FIELDS_BY_KEY, ChildKind, Field
from tracker.domain.languages import Language, colon, translate, vocab_label
from tracker.domain.model import AuditEntry
from tracker.domain.presenter import timestamp
from tracker.domain.register import BriefingRecord
from tracker.domain.vocab import Vocabulary

CHANGES_SINCE = "Changes since"  # the briefing section's and the view's name, once
WHOLE = "engagement"  # the field of an entry that records the whole engagement
REORDERED = "put in another order"  # a list whose items were only moved
BASELINE = "baseline"  # the upgrade to schema 5 recorded what it found: not a change
EMPTY = "(empty)"  # a value that was not set, as read
ARROW = "→"
ITEM_LIMIT = 120  # characters of an item's words, of a long text value

# What the entry recording a whole engagement says, by its action.
_WHOLE_WORDS = {"create": "created", "import": "imported", BASELINE: "recorded as it stood"}
TRASHED = "moved to the trash"
RESTORED = "restored"

# The columns naming one child record (a changed item is matched on them).
_KEY_COLUMNS: dict[str, tuple[str, ...]] = {
    "scope_limits": ("kind",),
    "restrictions": ("code",),
    "clarifications": ("original",),
    "status_history": ("status", "on"),
    "sources": ("url", "title"),
    "concerns": ("kind", "text"),
}

ChangeKind = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class ItemChange:
    """One item of a list added, removed or changed, in its own words."""

    change: ChangeKind
    noun: str  # "restriction", "tag"
    words: str  # the item now (or, removed, as it was)
    before: str = ""  # a changed item as it was

    def text(self, language: Language = Language.EN) -> str:
        """ "added restriction No mass … · agreed"; "changed source X: A → B"."""
        if language == Language.EN:  # (the English words are the catalogue's keys)
            if self.change == "changed":
                return f"changed {self.noun} {self.before} {ARROW} {self.words}"
            return f"{self.change} {self.noun} {self.words}"
        noun = translate(self.noun, language)
        template = f"{self.change} {{noun}} " + (
            f"{{before}} {ARROW} {{words}}" if self.change == "changed" else "{words}"
        )
        words = translate(template, language)
        return words.format(noun=noun, before=self.before, words=self.words)


@dataclass(frozen=True)
class ChangeRow:
    """An audit entry as the changes feed reads it, with its engagement as it is now."""

    id: int  # the audit entry's number
    at: str
    who: str
    engagement: int
    uid: str
    title: str  # the engagement's title now
    version: int
    action: str
    field: str
    old: str | None
    new: str | None

    @classmethod
    def of_entry(cls, entry: AuditEntry, *, uid: str = "", title: str = "") -> ChangeRow:
        """The audit ``entry`` of one engagement's history (which knows the engagement,
        so need not name it)."""
        return cls(
            id=entry.id,
            at=entry.at,
            who=entry.who,
            engagement=entry.engagement_id,
            uid=uid,
            title=title,
            version=entry.version,
            action=entry.action,
            field=entry.field,
            old=entry.old,
            new=entry.new,
        )


@dataclass(frozen=True)
class Change:
    """One change, worded: ``old`` and ``new`` as people read them (for a list, the
    items removed or changed before and added or changed after, joined), ``items`` the
    list's items one by one."""

    row: ChangeRow
    label: str  # the field's label ("Status", "Restrictions", "Engagement", "Trash")
    old: str
    new: str
    items: tuple[ItemChange, ...] = ()

    def text(self) -> str:
        """The change on one line: "Status: Negotiating → Agreed"."""
        if self.items:
            return f"{self.label}: " + "; ".join(i.text() for i in self.items)
        if not self.old:
            return f"{self.label}: {self.new}"
        return f"{self.label}: {self.old} {ARROW} {self.new}"


@dataclass(frozen=True)
class EngagementChanges:
    """The changes of one engagement, newest first."""

    engagement: int
    uid: str
    title: str
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class ChangesPage:
    """A screen of the changes feed, newest first; ``more`` when older ones follow,
    fetched by passing ``next_key`` as ``before``."""

    changes: tuple[Change, ...]
    more: bool
    next_key: tuple[str, int] | None  # (at, id) of the last change on this page


@dataclass(frozen=True)
class ChangePeriod:
    """Which changes: from the start of day ``since`` to the end of day ``until`` (UTC,
    each open when None), or those after a briefing (the audit entries after its
    ``revision``: exact, where a time is not)."""

    since: datetime.date | None = None
    until: datetime.date | None = None
    briefing: int | None = None
    revision: int | None = None
    briefing_at: str = ""

    @classmethod
    def after_briefing(cls, briefing_id: int, *, revision: int, at: str) -> ChangePeriod:
        """The changes since briefing ``briefing_id``, written at ``at`` at ``revision``."""
        return cls(briefing=briefing_id, revision=revision, briefing_at=at)

    def label(self, language: Language = Language.EN) -> str:
        """ "since 1 Mar 2026", "since briefing 3 (1 Dec 2026 14:26 UTC)"."""

        def w(text: str, **fields: object) -> str:
            return translate(text, language).format(**fields)

        if self.briefing is not None:
            at = timestamp(self.briefing_at)
            return w("since briefing {number} ({at})", number=self.briefing, at=at)
        since, until = self.since, self.until
        words = w("since {day}", day=day_label(since, language)) if since else w("since the start")
        return words + (w(" to {day}", day=day_label(until, language)) if until else "")


# The periods the window offers (the Changes view, the briefing dialog), by key.
SINCE_BRIEFING, SINCE_DATE = "briefing", "date"
PERIOD_CHOICES: tuple[tuple[str, str], ...] = (
    (SINCE_BRIEFING, "Since last briefing"),
    ("7", "Last 7 days"),
    ("30", "Last 30 days"),
    (SINCE_DATE, "Since a date…"),
)


def chosen_period(
    choice: str,
    *,
    today: datetime.date,
    briefing: BriefingRecord | None = None,
    day: datetime.date | None = None,
) -> ChangePeriod:
    """The period of a choice of ``PERIOD_CHOICES``: since ``briefing`` (the latest; all
    changes when none was recorded), the last N days including ``today``, since ``day``."""
    if choice == SINCE_BRIEFING:
        if briefing is None:
            return ChangePeriod()
        return ChangePeriod.after_briefing(briefing.id, revision=briefing.revision, at=briefing.at)
    if choice == SINCE_DATE:
        return ChangePeriod(since=day or today)
    return ChangePeriod(since=today - datetime.timedelta(days=int(choice) - 1))


def check_period(
    since: datetime.date | None, until: datetime.date | None, *, today: datetime.date
) -> None:
    """Refuse a period that cannot hold changes: one starting after ``today`` (UTC), or
    ending before it starts. A start older than the database is fine: all is new."""
    if since is not None and since > today:
        raise ValidationError(f"{since.isoformat()} is in the future", field="--since")
    if since is not None and until is not None and until < since:
        raise ValidationError(
            f"{until.isoformat()} is before --since {since.isoformat()}", field="--until"
        )


def word(row: ChangeRow, *, whole_text: bool = False, language: Language = Language.EN) -> Change:
    """The entry ``row`` as people read it (in ``language``). A text value is put on one
    line and cut to ``ITEM_LIMIT`` characters, unless ``whole_text``: an engagement's
    history shows it as written (line breaks and all) and lays out or cuts it itself."""
    keep = _as_written if whole_text else _cut

    def w(text: str) -> str:
        return translate(text, language)

    if row.field == WHOLE:
        done = _WHOLE_WORDS.get(row.action, row.action.replace("_", " ") + "d")
        return Change(row, w("Engagement"), "", w(done))
    if row.field == DELETED:
        return Change(row, w("Trash"), "", w(TRASHED if row.new is not None else RESTORED))
    spec = FIELDS_BY_KEY.get(row.field)
    if spec is None:  # a field this program does not know: as it was recorded
        return Change(row, row.field, keep(row.old or ""), keep(row.new or EMPTY))
    if spec.kind == "tags":
        items = _tag_changes(_json_list(row.old), _json_list(row.new))
        return _listed(row, w(spec.label), items, language)
    if spec.kind == "children":
        kind = CHILDREN_BY_KEY[row.field]
        items = _child_changes(kind, _json_list(row.old), _json_list(row.new), language)
        return _listed(row, w(spec.label), items, language)
    old, new = _value(spec, row.old, keep, language), _value(spec, row.new, keep, language)
    return Change(row, w(spec.label), old, new)


def grouped(changes: Iterable[Change]) -> list[EngagementChanges]:
    """The changes by engagement, the engagement changed last first; within one, the
    order given (newest first)."""
    groups: dict[int, list[Change]] = {}
    for change in changes:
        groups.setdefault(change.row.engagement, []).append(change)
    return [
        EngagementChanges(
            engagement=number, uid=found[0].row.uid, title=found[0].row.title, changes=tuple(found)
        )
        for number, found in groups.items()
    ]


def _listed(row: ChangeRow, label: str, items: Sequence[ItemChange], language: Language) -> Change:
    if not items:  # the same items, in another order
        return Change(row, label, "", translate(REORDERED, language))
    before = [i.before or i.words for i in items if i.change != "added"]
    after = [i.words for i in items if i.change != "removed"]
    return Change(row, label, "; ".join(before), "; ".join(after), tuple(items))


def _cut(text: str, limit: int = ITEM_LIMIT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _as_written(text: str) -> str:
    return text


def _value(
    spec: Field,
    text: str | None,
    keep: Callable[[str], str] = _cut,
    language: Language = Language.EN,
) -> str:
    """A flat field's audit text as read: a vocabulary word's label, a date as known,
    text as ``keep`` has it."""
    if text is None or not text.strip():
        return translate(EMPTY, language)
    if spec.vocab is not None:
        return _vocab_label(spec.vocab, text, language)
    if spec.kind == "date":
        try:
            return date_label(parse_partial_date(text), language)
        except DateParseError:
            return text
    return keep(text)


@functools.lru_cache(maxsize=1024)
def _vocab_label(vocab: type[Vocabulary], text: str, language: Language) -> str:
    # A feed repeats a few dozen words thousands of times; parsing one costs ~60 µs.
    try:
        return vocab_label(vocab.parse(text), language)
    except ValueError:
        return text


def _json_list(text: str | None) -> list[Any]:
    if not text:
        return []
    try:
        value = json.loads(text)
    except ValueError:
        return [text]
    return value if isinstance(value, list) else [value]


def _tag_changes(old: list[Any], new: list[Any]) -> list[ItemChange]:
    gone = [str(t) for t in old if t not in new]
    came = [str(t) for t in new if t not in old]
    return [ItemChange("removed", "tag", t) for t in gone] + [
        ItemChange("added", "tag", t) for t in came
    ]


def _child_changes(
    kind: ChildKind, old: list[Any], new: list[Any], language: Language
) -> list[ItemChange]:
    """Items in ``old`` only were removed, in ``new`` only added; a removed and an added
    item with the same key columns (a restriction's code...) are one item changed."""
    removed = [c for c in old if c not in new]
    added = [c for c in new if c not in old]
    out: list[ItemChange] = []
    for child in removed:
        twin = next((a for a in added if _key(kind, a) == _key(kind, child)), None)
        if twin is None:
            out.append(ItemChange("removed", kind.noun, _item_words(kind, child, language)))
            continue
        added.remove(twin)
        before, after = _differences(kind, child, twin, language)
        out.append(ItemChange("changed", kind.noun, after, before))
    out += [ItemChange("added", kind.noun, _item_words(kind, a, language)) for a in added]
    return out


def _key(kind: ChildKind, child: Any) -> tuple[Any, ...] | None:
    if not isinstance(child, dict):
        return None
    key = tuple(child.get(c) for c in _KEY_COLUMNS.get(kind.key, ()))
    return key if any(key) else None


def _column_text(column: Field, value: Any, language: Language) -> str:
    if value is None or value == "":
        return ""
    if column.vocab is not None:
        return _vocab_label(column.vocab, str(value), language)
    if column.kind == "date":
        return _value(column, str(value), language=language)
    return _cut(str(value))


def _item_words(kind: ChildKind, child: Any, language: Language = Language.EN) -> str:
    """A child record's words: its set columns, the catalogue code left out when the
    restriction has a title."""
    if not isinstance(child, dict):
        return _cut(str(child))
    columns = [c for c in kind.columns if not (c.kind == "code" and child.get("title"))]
    words = [_column_text(c, child.get(c.key), language) for c in columns]
    return _cut(" · ".join(w for w in words if w), ITEM_LIMIT) or EMPTY


def _differences(
    kind: ChildKind, old: dict[str, Any], new: dict[str, Any], language: Language
) -> tuple[str, str]:
    """A changed item: its name, then the columns that differ ("stance Proposed")."""
    named = (*_KEY_COLUMNS.get(kind.key, ()), "title")
    name = _item_words(kind, {k: new.get(k) for k in named}, language)
    moved = [c for c in kind.columns if old.get(c.key) != new.get(c.key)]

    def side(child: dict[str, Any]) -> str:
        parts = [
            f"{translate(c.label, language).lower()} "
            + (_column_text(c, child.get(c.key), language) or EMPTY)
            for c in moved
        ]
        return ", ".join(parts)

    return f"{name}{colon(language)}{side(old)}", side(new)
