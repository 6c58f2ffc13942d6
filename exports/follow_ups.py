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
from tracker.domain.briefing_sections import FOLLOW_UPS, section_label
from tracker.domain.date_words import date_label, day_label
from tracker.domain.due import due_until, when_due
from tracker.domain.fields import label
from tracker.domain.languages import Language, counted, translate, vocab_label
from tracker.domain.presenter import reference

TITLE_LIMIT = 160  # characters of a title in the table
_HEADER = ("#", "Engagement", label("status"), label("follow_up"), "Due", "When")
# The columns sized to their widest text; the title takes the rest of the width.
_FIXED = (0, 2, 3, 4, 5)

Para = Callable[[str, Any], Paragraph]


def _day(day: datetime.date, language: Language) -> str:
    return day_label(day, language)


def _period(section: FollowUpsDue, language: Language) -> str:
    """The period in words ("2 weeks", "2 semaines")."""
    if language == Language.EN:
        return section.within.label()
    unit = section.within.unit
    return counted(section.within.count, unit, unit + "s", language)


def when(days: int, language: Language) -> str:
    """A due item's days in words ("overdue by 12 days", "en retard de 12 jours")."""
    if language == Language.EN:
        return when_due(days)
    if days == 0:
        return translate("due today", language)
    words = counted(abs(days), "day", "days", language)
    return translate("overdue by {days}" if days < 0 else "due in {days}", language).format(
        days=words
    )


def lead(section: FollowUpsDue, language: Language = Language.EN) -> str:
    """The sentence under the heading: the day, how many are overdue and how many due."""
    until = _day(due_until(section.today, section.within), language)
    window = translate("within {period} (by {until})", language).format(
        period=_period(section, language), until=until
    )
    today = _day(section.today, language)
    if not section.items:
        return translate(
            "As of {day} (UTC), no follow-up of the engagements in this briefing is overdue "
            "or due {window}.",
            language,
        ).format(day=today, window=window)
    overdue = sum(1 for item in section.items if item.overdue)
    due = len(section.items) - overdue
    overdue_words = counted(overdue, "follow-up", "follow-ups", language)
    return translate(
        "As of {day} (UTC): {overdue} overdue, {due} due {window}. The longest overdue come first.",
        language,
    ).format(
        day=today,
        overdue=f"<b>{overdue}</b>" + overdue_words.removeprefix(str(overdue)),
        due=f"<b>{due}</b>",
        window=window,
    )


def follow_ups_section(
    section: FollowUpsDue,
    styles: style.Styles,
    frame_width: float,
    p: Para,
    language: Language = Language.EN,
) -> list[Flowable]:
    """The section's flowables (the story starts it on a new page); ``p`` makes a
    paragraph (the story's)."""
    title = section_label(FOLLOW_UPS, language)
    out: list[Flowable] = [
        Heading(title, styles.h1, Bookmark(title, "follow-ups", 0)),
        p(lead(section, language), styles.lead),
    ]
    if section.items:
        out.append(CondPageBreak(style.TABLE_MIN_SPACE))
        out.append(_table(section, styles, frame_width, p, language))
    return out


def _table(
    section: FollowUpsDue, styles: style.Styles, frame_width: float, p: Para, language: Language
) -> Table:
    header = tuple(translate(h, language) for h in _HEADER)
    rows: list[list[Any]] = [[p(h, styles.cell_head) for h in header]]
    fixed: list[list[str]] = [[h] for h in header]
    overdue_rows: list[int] = []
    for row, item in enumerate(section.items, start=1):
        values = (
            reference(item.number),
            text.inline(text.truncate(item.title, TITLE_LIMIT)),
            vocab_label(item.status, language),
            date_label(item.follow_up, language),
            _day(item.due, language),
            when(item.days, language),
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
