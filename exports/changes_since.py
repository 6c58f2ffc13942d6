"""The "Changes since …" section of a briefing: per engagement included, what changed in
the period asked for (old → new, who and when), the engagement changed last first.

It reads :class:`exports.document.ChangesSince` (plain data built by the service
layer); the words of each change come from ``tracker.domain.change_words``, the same
as ``tracker changes`` and the window's Changes view say them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table

from exports import style, text
from exports.document import ChangesSince
from exports.flowables import Bookmark, Heading, RowsTable
from tracker.domain.change_words import ARROW, CHANGES_SINCE, Change, EngagementChanges
from tracker.domain.presenter import reference, timestamp

TITLE_LIMIT = 160  # characters of a title in a heading
_HEADER = ("When", "Who", "Field", "Change")
_FIXED_WIDTHS = (31 * mm, 24 * mm, 28 * mm)

Para = Callable[[str, Any], Paragraph]


def heading(section: ChangesSince) -> str:
    """ "Changes since 1 Mar 2026", "Changes since briefing 3 (…)"."""
    return f"{CHANGES_SINCE} {section.period.label().removeprefix('since ')}"


def lead(section: ChangesSince) -> str:
    """The sentence under the heading: how many changes to how many engagements."""
    count = sum(len(g.changes) for g in section.groups)
    if not count:
        return "No engagement in this briefing changed in this period."
    engagements = len(section.groups)
    return (
        f"<b>{count}</b> change{'' if count == 1 else 's'} to <b>{engagements}</b> "
        f"engagement{'' if engagements == 1 else 's'} of this briefing, the one changed "
        "last first; within each, the latest change first. Times are UTC."
    )


def changes_section(
    section: ChangesSince, styles: style.Styles, frame_width: float, p: Para
) -> list[Flowable]:
    """The section's flowables (the story starts it on a new page); ``p`` makes a
    paragraph (the story's)."""
    title = heading(section)
    out: list[Flowable] = [
        Heading(text.escape(title), styles.h1, Bookmark(title, "changes-since", 0)),
        p(lead(section), styles.lead),
    ]
    for group in section.groups:
        out.append(CondPageBreak(style.TABLE_MIN_SPACE))
        out.append(p(_group_heading(group), styles.h3))
        out.append(_table(group, styles, frame_width, p))
    return out


def _group_heading(group: EngagementChanges) -> str:
    return f"{reference(group.engagement)} {text.inline(text.truncate(group.title, TITLE_LIMIT))}"


def _change_cell(change: Change) -> str:
    if change.items:
        return "<br/>".join(text.inline(i.text()) for i in change.items)
    if not change.old:
        return text.inline(change.new)
    return text.inline(f"{change.old} {ARROW} {change.new}")


def _table(group: EngagementChanges, styles: style.Styles, frame_width: float, p: Para) -> Table:
    rows: list[list[Any]] = [[p(h, styles.cell_head) for h in _HEADER]]
    for change in group.changes:
        row = change.row
        rows.append(
            [
                p(text.inline(timestamp(row.at).removesuffix(" UTC")), styles.cell),
                p(text.inline(row.who), styles.cell),
                p(text.inline(change.label), styles.cell),
                p(_change_cell(change), styles.cell),
            ]
        )
    widths = [*_FIXED_WIDTHS, max(frame_width - sum(_FIXED_WIDTHS), frame_width * 0.4)]
    return RowsTable(
        rows,
        colWidths=widths,
        repeatRows=1,
        hAlign="LEFT",
        style=style.data_table_style(len(rows)),
    )
