"""``tracker show``'s text: an engagement's presentation laid out for a terminal.

What is shown and how it is worded comes from :mod:`tracker.domain.presenter`; this
module only lays it out: a title underlined with ``=``, aligned ``Label: value``
facts, section headings with indented items, text wrapped at 78 columns.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from typing import TextIO

from tracker.domain.links import LinkItem
from tracker.domain.model import Engagement
from tracker.domain.presenter import (
    ClarificationItem,
    ConcernItem,
    Fact,
    Item,
    Passage,
    RestrictionItem,
    ScopeItem,
    SourceItem,
    TimelineItem,
    present,
)

WIDTH = 78
DATE_COLUMN = 14  # wide enough for the longest partial date, "c. 27 Feb 2026"


def write_engagement(engagement: Engagement, out: TextIO) -> None:
    """Write ``engagement`` as readable text to ``out``."""
    p = present(engagement)
    out.write(f"{p.title}\n{'=' * min(len(p.title), WIDTH)}\n")
    facts = [*p.facts, *p.record, *([p.trashed] if p.trashed else [])]
    out.writelines(_facts(facts))
    for section in p.sections:
        out.write(f"\n{section.heading}\n")
        for item in section.items:
            out.writelines(line.rstrip() + "\n" for line in _item(item))
    if p.empty_note:
        out.write(f"\n{p.empty_note}\n")


def _facts(facts: Iterable[Fact]) -> list[str]:
    """``Label:`` padded to the longest label, then the value (later lines indented)."""
    facts = list(facts)
    width = max(len(f.label) for f in facts) + 1
    return [f"{f.label + ':':{width}} {_hang(f.value, ' ' * (width + 1))}\n" for f in facts]


def _hang(text: str, indent: str) -> str:
    """``text`` with every line after the first indented by ``indent``."""
    return ("\n" + indent).join(text.splitlines() or [""])


def _wrapped(text: str, indent: str, first: str | None = None) -> list[str]:
    """``text`` wrapped at :data:`WIDTH`, each of its own lines kept as a line."""
    lines: list[str] = []
    for line in text.splitlines() or [""]:
        start = first if first is not None and not lines else indent
        # Long words (URLs, codes) stay whole: a terminal wraps them, copying keeps them.
        lines += textwrap.wrap(
            line,
            WIDTH,
            initial_indent=start,
            subsequent_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [start]
    return lines


def _item(item: Item) -> list[str]:
    """The lines of one item of a section."""
    match item:
        case Passage():
            return _passage(item)
        case ScopeItem():
            return _wrapped(f"{item.kind}: {item.text}", "    ", "  - ")
        case RestrictionItem():
            note = f" — {item.note}" if item.note else ""
            return _wrapped(f"{item.title} ({item.code}): {item.stance}{note}", "    ", "  - ")
        case ClarificationItem():
            return _clarification(item)
        case TimelineItem():
            details = " — ".join(x for x in (item.note, item.source) if x)
            text = item.status_label + (f": {details}" if details else "")
            indent = " " * (DATE_COLUMN + 4)
            return _wrapped(text, indent, f"  {item.date:>{DATE_COLUMN}}  ")
        case ConcernItem():
            severity = f" ({item.severity})" if item.severity else ""
            return _wrapped(f"{item.kind}{severity}: {item.text}", "    ", "  - ")
        case SourceItem():
            head = _wrapped(item.citation, "      ", f"  [{item.number}] ")
            return head + ([f"      {item.url}"] if item.url else [])
        case LinkItem():
            details = f" — {item.details}" if item.details else ""
            return _wrapped(f"{item.relation}: {item.other}{details}", "    ", "  - ")


def _passage(item: Passage) -> list[str]:
    lines: list[str] = []
    for paragraph in item.paragraphs:
        lines += ([""] if lines else []) + _wrapped(paragraph, "")
    return lines


def _clarification(item: ClarificationItem) -> list[str]:
    lines: list[str] = []
    for statement, first in ((item.said, "  - "), (item.clarified, "    ")):
        who = f" ({statement.attribution})" if statement.attribution else ""
        lines += _wrapped(f"{statement.heading}{who}: “{statement.text}”", "      ", first)
    if item.source:
        lines += _wrapped(item.source, "      ", "    ")
    return lines
