"""The "Sources appendix": every source of the engagements printed, numbered as in
their sections, grouped by engagement (in the briefing's order).

The citations are the presenter's (:mod:`tracker.domain.presenter`), laid out as in an
engagement's section (:func:`exports.engagement_section.citation`); URLs print as text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from exports import style, text
from exports.document import BriefingEngagement
from exports.engagement_section import citation, presentation
from exports.flowables import Bookmark, Heading
from tracker.domain.briefing_sections import SOURCES, section_label
from tracker.domain.languages import Language, translate
from tracker.domain.presenter import SourceItem

TITLE_LIMIT: Final = 160  # characters of an engagement's title in a group heading

Para = Callable[..., Paragraph]


def sources_appendix(
    engagements: Sequence[BriefingEngagement],
    styles: style.Styles,
    p: Para,
    language: Language = Language.EN,
) -> list[Flowable]:
    """The appendix's flowables; one line says so when no engagement has a source."""
    title = section_label(SOURCES, language)
    out: list[Flowable] = [Heading(title, styles.h1, Bookmark(title, SOURCES, 0))]
    groups = 0
    for e in engagements:
        shown = presentation(e, language)
        items = [
            item
            for section in shown.sections
            if section.key == "sources"
            for item in section.items
            if isinstance(item, SourceItem)
        ]
        if not items:
            continue
        groups += 1
        heading = text.inline(text.truncate(shown.title, TITLE_LIMIT))
        group: list[Flowable] = [
            CondPageBreak(style.SUBSECTION_MIN_SPACE),  # the heading with its first lines
            p(f"{shown.reference} {heading}", styles.h3),
        ]
        group += [p(citation(item), styles.reference, f"[{item.number}]") for item in items]
        out += group
    if not groups:
        none = translate("No engagement in this briefing has a recorded source.", language)
        out.append(p(none, styles.lead))
    return out
