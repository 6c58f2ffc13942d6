"""One engagement as people read it: its facts, sections, labels and wording, decided once.

The command line's ``show`` text (:mod:`tracker.cli.show_text`), the detail pane
(:mod:`ui.detail_pane`) and each engagement's part of the PDF briefing
(:mod:`exports.engagement_section`) all render a :class:`Presentation`, so they
agree on what is shown, in which order, under which label and in which words. A
renderer only lays the presentation out in its medium (text columns, escaped HTML,
reportlab flowables); it never words anything itself.

Labels come from :mod:`tracker.domain.fields`. Everything here is medium-neutral
plain text: no HTML, no paragraph markup; user text is as typed, only trimmed at its
ends and without control characters (:mod:`tracker.domain.controls`: a one-line text
on one line, a free text with its line breaks; each renderer escapes it for its
medium).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from tracker.domain.controls import one_line, printable
from tracker.domain.date_words import date_label
from tracker.domain.dates import PartialDate
from tracker.domain.fields import CHILDREN_BY_KEY, FIELDS_BY_KEY, label
from tracker.domain.languages import Language, colon, translate, vocab_label
from tracker.domain.links import LinkItem, link_items
from tracker.domain.model import (
    Clarification,
    Concern,
    Engagement,
    EngagementData,
    LinkEnd,
    RestrictionStance,
    ScopeLimit,
    Source,
    StatusEvent,
)
from tracker.domain.vocab import Status, Vocabulary

# --- the words ---------------------------------------------------------------------------

NOT_RECORDED: Final = "—"
"""What an absent value says (a fact with no value, a scope limit without text)."""

MISSING_DATE: Final = "Date unknown"
"""What a timeline event without a date says in place of its date."""

EMPTY_SECTIONS: Final = "Not recorded"
"""Heads the list of sections that have nothing in them ("Not recorded: Concerns")."""

UNTITLED: Final = "Untitled engagement"
UNTITLED_SOURCE: Final = "Untitled source"
ORIGINALLY_SAID: Final = "Originally said"
CLARIFIED: Final = "→ Clarified"
SOURCE: Final = "Source"  # where a clarification or a status change was reported
SEVERITY: Final = "severity"  # after the severity's word: "High severity"
SEPARATOR: Final = ", "  # between the parts of a citation or an attribution

# The record of an engagement (not fields a person edits, so not in the field list).
NUMBER: Final = "Number"
UID: Final = "Id"
VERSION: Final = "Version"
CREATED: Final = "Created"
LAST_CHANGE: Final = "Last change"
IN_TRASH: Final = "In the trash since"

# --- what is shown, in order ---------------------------------------------------------------

FACT_KEYS: Final = (
    "counterpart",
    "vendor",
    "region",
    "status",
    "confidence",
    "marking",
    "started",
    "follow_up",
    "next_step",
    "owner",
    "tags",
)
"""The flat fields shown as facts (the title heads the presentation, the summary is a
section). Who the engagement is with comes first, before the vendor."""

SECTION_KEYS: Final = (
    "summary",
    "scope_limits",
    "restrictions",
    "clarifications",
    "status_history",
    "concerns",
    "links",
    "sources",
)
"""The sections, in reading order: the references (sources) come last."""

_BLANK_LINES: Final = re.compile(r"\n[ \t\u00a0]*\n\s*")

PIECE: Final = 3_000
"""The longest run of text a renderer lays out as one paragraph, in characters: a
longer paragraph is cut into :func:`pieces` (reportlab lays a paragraph out again for
every page it runs onto, and Qt a block for every change, so one of a megabyte took
minutes in a briefing and a second in the detail pane)."""


# --- the presentation ----------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """One labelled value; ``value`` is :data:`NOT_RECORDED` when there is none."""

    key: str  # the field's key (or the record's: "number", "uid", "updated_at"...)
    label: str
    value: str
    recorded: bool = True
    words: tuple[str, ...] = ()  # a list value word by word (the tags)
    status: Status | None = None  # set on the status fact, for a coloured chip


@dataclass(frozen=True)
class Passage:
    """Free text (the summary) in paragraphs; line breaks inside a paragraph are kept."""

    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class ScopeItem:
    """A scope limit: what it bounds ("Network") and how."""

    kind: str
    text: str


@dataclass(frozen=True)
class RestrictionItem:
    """A catalogued restriction and the engagement's stance on it."""

    title: str  # the catalogue title, or the code when it has none
    code: str
    stance: str
    note: str


@dataclass(frozen=True)
class Statement:
    """One side of a clarification: what was said, by whom, when."""

    heading: str  # ORIGINALLY_SAID or CLARIFIED
    text: str
    attribution: str  # "OpenAI spokesperson, Mar 2026", or ""


@dataclass(frozen=True)
class ClarificationItem:
    """An earlier statement and the later one that corrected it."""

    said: Statement
    clarified: Statement
    source: str  # "Source: Company statement", or ""


@dataclass(frozen=True)
class TimelineItem:
    """A dated change of status."""

    date: str  # the partial date's label, or MISSING_DATE
    status: Status
    status_label: str
    note: str
    source: str  # "Source: Press report", or ""


@dataclass(frozen=True)
class ConcernItem:
    """A risk or objection and how much it weighs."""

    kind: str
    severity: str  # "High severity", or "" when not assessed
    text: str


@dataclass(frozen=True)
class SourceItem:
    """A numbered reference: outlet, quoted title and date (never all empty), and URL."""

    number: int
    outlet: str
    title: str  # “quoted”; UNTITLED_SOURCE when outlet, title and date are all missing
    date: str
    url: str

    @property
    def citation(self) -> str:
        """Outlet, title and date as one line of text."""
        return SEPARATOR.join(p for p in (self.outlet, self.title, self.date) if p)


Item = (
    Passage
    | ScopeItem
    | RestrictionItem
    | ClarificationItem
    | TimelineItem
    | ConcernItem
    | SourceItem
    | LinkItem
)


@dataclass(frozen=True)
class Section:
    """A heading and what comes under it (never empty: empty sections are listed apart)."""

    key: str
    heading: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Presentation:
    """Everything shown about one engagement, in order, worded."""

    title: str
    reference: str  # "#12": how a briefing and its tables name the engagement
    facts: tuple[Fact, ...]
    sections: tuple[Section, ...]
    empty_sections: tuple[str, ...]  # headings of the sections with nothing in them
    record: tuple[Fact, ...]  # number, id, version, created, last change (those known)
    trashed: Fact | None = None  # "In the trash since …" for a deleted engagement
    empty_words: str = EMPTY_SECTIONS + ": "  # in the presentation's language

    @property
    def empty_note(self) -> str:
        """The one line naming the empty sections ("Not recorded: Concerns"), or ""."""
        if not self.empty_sections:
            return ""
        return self.empty_words + ", ".join(self.empty_sections)


# --- building it ---------------------------------------------------------------------------


def present(engagement: Engagement, language: Language = Language.EN) -> Presentation:
    """The presentation of a stored engagement, its record included, in ``language``."""
    return present_data(
        engagement.data,
        number=engagement.id,
        uid=engagement.uid,
        updated_at=engagement.updated_at,
        version=engagement.version,
        created_at=engagement.created_at,
        deleted_at=engagement.deleted_at,
        language=language,
        links=engagement.linked,
    )


def present_data(
    data: EngagementData,
    *,
    number: int,
    uid: str,
    updated_at: str,
    version: int | None = None,
    created_at: str | None = None,
    deleted_at: str | None = None,
    language: Language = Language.EN,
    links: Sequence[LinkEnd] | None = None,
) -> Presentation:
    """The presentation of ``data`` with what is known of its record (a briefing knows
    the number, id and last change only; the unknown parts are left out), worded in
    ``language``; ``links`` are its links from both ends (without them, its own links
    name the other ends by their stable ids)."""
    w = _Words(language)
    sections = [_section(key, data, w) for key in SECTION_KEYS if key != "links"]
    at = SECTION_KEYS.index("links")
    linked = link_items(links, data.links, language)
    sections.insert(at, Section("links", w(CHILDREN_BY_KEY["links"].label), linked))
    record = [
        Fact("number", w(NUMBER), str(number)),
        Fact("uid", w(UID), one_line(uid)),
        Fact("version", w(VERSION), str(version)) if version is not None else None,
        Fact("created_at", w(CREATED), timestamp(created_at)) if created_at else None,
        Fact("updated_at", w(LAST_CHANGE), timestamp(updated_at)),
    ]
    trashed = Fact("deleted_at", w(IN_TRASH), timestamp(deleted_at)) if deleted_at else None
    return Presentation(
        title=one_line(data.title) if _given(data.title) else w(UNTITLED),
        reference=reference(number),
        facts=tuple(_fact(key, data, w) for key in FACT_KEYS),
        sections=tuple(s for s in sections if s.items),
        empty_sections=tuple(s.heading for s in sections if not s.items),
        record=tuple(f for f in record if f is not None),
        trashed=trashed,
        empty_words=w(EMPTY_SECTIONS) + colon(language),
    )


@dataclass(frozen=True)
class _Words:
    """The presenter's words in one language: fixed texts, vocabulary and dates."""

    language: Language

    def __call__(self, text: str) -> str:
        return translate(text, self.language)

    def vocab(self, word: Vocabulary) -> str:
        return vocab_label(word, self.language)

    def date(self, value: PartialDate | None, missing: str = "") -> str:
        return date_label(value, self.language) if value is not None else missing


def reference(number: int) -> str:
    """How a briefing and its tables name an engagement: "#12"."""
    return f"#{number}"


def date_text(value: PartialDate | None, missing: str = "") -> str:
    """A partial date as people read it ("Q3 2025", "c. 2026"), or ``missing``."""
    return value.label() if value is not None else missing


def counted(count: int, noun: str) -> str:
    """ "1 engagement", "4 engagements": a count and its noun, in the right number."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def timestamp(text: str) -> str:
    """An ISO 8601 timestamp to the minute in UTC ("2026-02-27 10:15 UTC"); text that is
    not a timestamp is returned as it is (:data:`NOT_RECORDED` when blank)."""
    raw = text.strip()
    try:
        stamp = _dt.datetime.fromisoformat(raw)
    except ValueError:
        return raw or NOT_RECORDED
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(_dt.UTC)
    return stamp.strftime("%Y-%m-%d %H:%M UTC")


def _given(text: str) -> bool:
    return bool(text.strip())


def _fact(key: str, data: EngagementData, w: _Words) -> Fact:
    name = w(label(key))
    value: object = getattr(data, key)
    if isinstance(value, tuple):  # the tags
        words = tuple(one_line(str(t)) for t in value if _given(str(t)))
        return Fact(key, name, ", ".join(words), True, words) if words else _absent(key, w)
    if isinstance(value, Status):
        return Fact(key, name, w.vocab(value), status=value)
    if isinstance(value, PartialDate):
        return Fact(key, name, w.date(value))
    if isinstance(value, Vocabulary):
        return Fact(key, name, w.vocab(value))
    if isinstance(value, str) and _given(value):
        # Kept on its lines: each renderer hangs a fact's later lines under its first.
        return Fact(key, name, printable(value))
    return _absent(key, w)  # None, or blank text


def _absent(key: str, w: _Words) -> Fact:
    return Fact(key, w(FIELDS_BY_KEY[key].label), NOT_RECORDED, recorded=False)


def _section(key: str, data: EngagementData, w: _Words) -> Section:
    if key == "summary":
        paragraphs = _paragraphs(data.summary)
        items: tuple[Item, ...] = (Passage(paragraphs),) if paragraphs else ()
        return Section(key, w(label(key)), items)
    children: tuple[object, ...] = getattr(data, key)
    items = tuple(_item(child, n, w) for n, child in enumerate(children, start=1))
    return Section(key, w(CHILDREN_BY_KEY[key].label), items)


def _paragraphs(text: str) -> tuple[str, ...]:
    text = printable(text).strip()
    return tuple(p.strip() for p in _BLANK_LINES.split(text) if p.strip())


def _item(child: object, number: int, w: _Words) -> Item:
    """The presented form of one child record (``number`` counts the sources)."""
    match child:
        case ScopeLimit():
            text = printable(child.text) if _given(child.text) else NOT_RECORDED
            return ScopeItem(w.vocab(child.kind), text)
        case RestrictionStance():
            title = one_line(child.title if _given(child.title) else child.code)
            code = one_line(child.code)
            return RestrictionItem(title, code, w.vocab(child.stance), _free(child.note))
        case Clarification():
            return _clarification(child, w)
        case StatusEvent():
            return TimelineItem(
                w.date(child.on, w(MISSING_DATE)),
                child.status,
                w.vocab(child.status),
                _free(child.note),
                _sourced(child.source, w),
            )
        case Concern():
            severity = _severity(child, w)
            return ConcernItem(w.vocab(child.kind), severity, _free(child.text) or NOT_RECORDED)
        case Source():
            return _source(child, number, w)
    raise TypeError(f"not a child record: {child!r}")


def _severity(c: Concern, w: _Words) -> str:
    if not c.severity:
        return ""
    if w.language == Language.EN:
        return f"{c.severity.label} {SEVERITY}"
    # French: "Gravité élevée", the adjective in lower case after its noun.
    return w("{word} severity").format(word=w.vocab(c.severity).lower())


def _clarification(c: Clarification, w: _Words) -> ClarificationItem:
    return ClarificationItem(
        said=Statement(
            w(ORIGINALLY_SAID), _free(c.original), _attribution(c.original_by, c.original_on, w)
        ),
        clarified=Statement(
            w(CLARIFIED),
            _free(c.clarification),
            _attribution(c.clarified_by, c.clarified_on, w),
        ),
        source=_sourced(c.source, w),
    )


def _attribution(who: str, when: PartialDate | None, w: _Words) -> str:
    return SEPARATOR.join(p for p in (_line(who), w.date(when)) if p)


def _sourced(source: str, w: _Words) -> str:
    return f"{w(SOURCE)}{colon(w.language)}{_line(source)}" if _given(source) else ""


def _line(text: str) -> str:
    """A one-line text as shown: on one line, trimmed."""
    return one_line(text).strip()


def _free(text: str) -> str:
    """A free text as shown: its line breaks kept, trimmed."""
    return printable(text).strip()


def _source(s: Source, number: int, w: _Words) -> SourceItem:
    outlet = _line(s.outlet)
    title = f"“{_line(s.title)}”" if _given(s.title) else ""
    date = w.date(s.published)
    if not (outlet or title or date):
        title = w(UNTITLED_SOURCE)
    return SourceItem(number, outlet, title, date, _line(s.url))


def pieces(text: str, size: int = PIECE) -> list[str]:
    """``text`` as it is when at most ``size`` characters long, else cut into pieces of
    at most ``size``: after the last sentence's end (". ") or line break in the second
    half of each piece, else at its last space, else (one long word) at ``size``."""
    if len(text) <= size:
        return [text] if text else []
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        end, half = start + size, start + size // 2
        cut = max(text.rfind(". ", half, end) + 1, text.rfind("\n", half, end))
        if cut <= 0:
            cut = text.rfind(" ", start + 1, end)
            cut = cut if cut > 0 else end
        piece = text[start:cut].rstrip()
        if piece:
            out.append(piece)
        start = cut
        while start < len(text) and text[start].isspace():
            start += 1
    return [*out, text[start:]] if start < len(text) else out
