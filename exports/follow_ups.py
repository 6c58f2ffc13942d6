"""The "Follow-ups due" section of a briefing: the included engagements whose follow-up
is overdue, then those due within the period asked for, in one table.

It reads :class:`exports.document.FollowUpsDue` (plain data built by the service
layer); its heading is the section's one name, ``tracker.domain.due.FOLLOW_UPS_DUE``.
The rows are in the order given: overdue first, the longest overdue first.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table

from exports import style, text, typefaces
from exports.document import FollowUpsDue
from exports.flowables import Bookmark, Heading, RowsTable
from tracker.domain.dates import PartialDate
from tracker.domain.due import FOLLOW_UPS_DUE, due_until
from tracker.domain.fields import label
from tracker.domain.presenter import reference

TITLE_LIMIT = 160  # characters of a title in the table
_HEADER = ("#", "Engagement", label("status"), label("follow_up"), "Due", "When")
# The columns sized to their widest text; the title takes the rest of the width.
_FIXED = (0, 2, 3, 4, 5)

Para = Callable[[str, Any], Paragraph]


def _day(day: datetime.date) -> str:
    return PartialDate.of_day(day).label()


def lead(section: FollowUpsDue) -> str:
    """The sentence under the heading: the day, how many are overdue and how many due."""
    until = _day(due_until(section.today, section.within))
    window = f"within {section.within.label()} (by {until})"
    if not section.items:
        return (
            f"As of {_day(section.today)} (UTC), no follow-up of the engagements in this "
            f"briefing is overdue or due {window}."
        )
    overdue = sum(1 for item in section.items if item.overdue)
    due = len(section.items) - overdue
    return (
        f"As of {_day(section.today)} (UTC): <b>{overdue}</b> follow-up"
        f"{'' if overdue == 1 else 's'} overdue, <b>{due}</b> due {window}. "
        "The longest overdue come first."
    )


def follow_ups_section(
    section: FollowUpsDue, styles: style.Styles, frame_width: float, p: Para
) -> list[Flowable]:
    """The section's flowables (the story starts it on a new page); ``p`` makes a
    paragraph (the story's)."""
    out: list[Flowable] = [
        Heading(FOLLOW_UPS_DUE, styles.h1, Bookmark(FOLLOW_UPS_DUE, "follow-ups", 0)),
        p(lead(section), styles.lead),
    ]
    if section.items:
        out.append(CondPageBreak(style.TABLE_MIN_SPACE))
        out.append(_table(section, styles, frame_width, p))
    return out


def _table(section: FollowUpsDue, styles: style.Styles, frame_width: float, p: Para) -> Table:
    rows: list[list[Any]] = [[p(h, styles.cell_head) for h in _HEADER]]
    fixed: list[list[str]] = [[h] for h in _HEADER]
    overdue_rows: list[int] = []
    for row, item in enumerate(section.items, start=1):
        values = (
            reference(item.number),
            text.inline(text.truncate(item.title, TITLE_LIMIT)),
            item.status.label,
            item.follow_up.label(),
            _day(item.due),
            item.when,
        )
        for column in _FIXED:
            fixed[column].append(values[column])
        rows.append([p(values[1], styles.cell) if c == 1 else v for c, v in enumerate(values)])
        if item.overdue:
            overdue_rows.append(row)
    pad = 2 * style.CELL_PADDING + 1
    widths = [0.0] * len(_HEADER)
    for column in _FIXED:
        # The header is bold, and so is an overdue "When": sized as if all were.
        bold = (True,) * len(fixed[column]) if column == 5 else (True,)
        widths[column] = (
            max(_width(v, bold=i < len(bold)) for i, v in enumerate(fixed[column])) + pad
        )
    widths[1] = max(frame_width - sum(widths), frame_width * 0.3)
    table_style = style.data_table_style(len(rows))
    for row in overdue_rows:  # "overdue by …" in bold, the words carry it, not a colour
        table_style.add("FONTNAME", (5, row), (5, row), typefaces.SANS_BOLD)
    return RowsTable(rows, colWidths=widths, repeatRows=1, hAlign="LEFT", style=table_style)


def _width(value: str, *, bold: bool) -> float:
    font = typefaces.SANS_BOLD if bold else typefaces.SANS
    return float(stringWidth(value, font, style.SIZE_CELL))
