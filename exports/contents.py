"""The contents page: every section and engagement of the briefing with its page number,
each entry an internal link to where it starts.

reportlab's :class:`TableOfContents` is filled from the outline entries the document
template notifies (:meth:`exports.briefing.BriefingDocTemplate.afterFlowable`); a
briefing with a contents page is laid out until the page numbers settle
(``multiBuild``). Links are named destinations (``/GoTo``), never URIs.
"""

from __future__ import annotations

from typing import Final

from reportlab.lib.units import mm
from reportlab.platypus import Flowable
from reportlab.platypus.tableofcontents import TableOfContents

from exports import style
from exports.flowables import Bookmark, Heading
from tracker.domain.briefing_sections import CONTENTS, SECTION_LABELS

TITLE: Final = SECTION_LABELS[CONTENTS]
ENTRY: Final = "TOCEntry"  # reportlab's notification kind


def contents_section(styles: style.Styles) -> list[Flowable]:
    """The heading and the table of contents (filled in as the layout proceeds)."""
    toc = TableOfContents(dotsMinLevel=0)
    toc.levelStyles = [
        styles.body.clone("Contents0", leftIndent=0, firstLineIndent=0, spaceBefore=2),
        styles.body.clone(
            "Contents1", leftIndent=6 * mm, firstLineIndent=0, spaceBefore=0, spaceAfter=1
        ),
    ]
    return [Heading(TITLE, styles.h1, Bookmark(TITLE, CONTENTS, 0)), toc]


def entry(mark: Bookmark, markup: str, page: int) -> tuple[int, str, int, str]:
    """What the document template notifies for an outline entry (``markup``: its title,
    made safe)."""
    return (mark.level, markup, page, mark.key)
