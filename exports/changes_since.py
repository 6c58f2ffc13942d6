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
from tracker.domain.change_words import ARROW, CHANGES_SINCE, Change, EngagementChanges, word
from tracker.domain.languages import Language, counted, translate
from tracker.domain.presenter import reference, timestamp

TITLE_LIMIT = 160  # characters of a title in a heading
_HEADER = ("When", "Who", "Field", "Change")
_FIXED_WIDTHS = (31 * mm, 24 * mm, 28 * mm)

Para = Callable[[str, Any], Paragraph]


def heading(section: ChangesSince, language: Language = Language.EN) -> str:
    """ "Changes since 1 Mar 2026", "Changes since briefing 3 (…)"."""
    # The period's words without their first ("since", "depuis"): the name has it.
    period = section.period.label(language).split(" ", 1)[1]
    return f"{translate(CHANGES_SINCE, language)} {period}"


def _bold_count(count: int, singular: str, plural: str, language: Language) -> str:
    return f"<b>{count}</b>" + counted(count, singular, plural, language).removeprefix(str(count))


def lead(section: ChangesSince, language: Language = Language.EN) -> str:
    """The sentence under the heading: how many changes to how many engagements."""
    count = sum(len(g.changes) for g in section.groups)
    if not count:
        return translate("No engagement in this briefing changed in this period.", language)
    return translate(
        "{changes} to {engagements} of this briefing, the one changed last first; within "
        "each, the latest change first. Times are UTC.",
        language,
    ).format(
        changes=_bold_count(count, "change", "changes", language),
        engagements=_bold_count(len(section.groups), "engagement", "engagements", language),
    )


def changes_section(
    section: ChangesSince,
    styles: style.Styles,
    frame_width: float,
    p: Para,
    language: Language = Language.EN,
) -> list[Flowable]:
    """The section's flowables (the story starts it on a new page); ``p`` makes a
    paragraph (the story's)."""
    title = heading(section, language)
    out: list[Flowable] = [
        Heading(text.escape(title), styles.h1, Bookmark(title, "changes-since", 0)),
        p(lead(section, language), styles.lead),
    ]
    for group in section.groups:
        out.append(CondPageBreak(style.TABLE_MIN_SPACE))
        out.append(p(_group_heading(group), styles.h3))
        out.append(_table(group, styles, frame_width, p, language))
    return out


def _group_heading(group: EngagementChanges) -> str:
    return f"{reference(group.engagement)} {text.inline(text.truncate(group.title, TITLE_LIMIT))}"


def _change_cell(change: Change, language: Language) -> str:
    if change.items:
        return "<br/>".join(text.inline(i.text(language)) for i in change.items)
    if not change.old:
        return text.inline(change.new)
    return text.inline(f"{change.old} {ARROW} {change.new}")


def _table(
    group: EngagementChanges,
    styles: style.Styles,
    frame_width: float,
    p: Para,
    language: Language,
) -> Table:
    rows: list[list[Any]] = [[p(translate(h, language), styles.cell_head) for h in _HEADER]]
    for worded in group.changes:
        # The services word the changes in English; another language words them again.
        change = worded if language == Language.EN else word(worded.row, language=language)
        row = change.row
        rows.append(
            [
                p(text.inline(timestamp(row.at).removesuffix(" UTC")), styles.cell),
                p(text.inline(row.who), styles.cell),
                p(text.inline(change.label), styles.cell),
                p(_change_cell(change, language), styles.cell),
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
