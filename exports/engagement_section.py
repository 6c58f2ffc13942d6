"""One engagement's section of a briefing: its presentation laid out as flowables.

What is shown, in which order and in which words comes from
:mod:`tracker.domain.presenter` (the detail pane and ``tracker show`` say the same);
this module only lays it out: the numbered heading (a bookmark), the facts panel,
a sub-heading per section with its items hung off a label column, and the line
naming the empty sections. Every piece of user text goes through :mod:`exports.text`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Final

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from exports import style, text
from exports.document import BriefingEngagement
from exports.flowables import Bookmark, Heading, RunningHeading, SectionRule, keep_end, paragraph
from exports.rtl import BidiParagraph
from tracker.domain.briefing_sections import PARTS, part_label
from tracker.domain.languages import Language, translate
from tracker.domain.links import LinkItem
from tracker.domain.presenter import (
    SEPARATOR,
    ClarificationItem,
    ConcernItem,
    Fact,
    Item,
    Passage,
    Presentation,
    RestrictionItem,
    ScopeItem,
    Section,
    SourceItem,
    Statement,
    TimelineItem,
    pieces,
    present_data,
)

GREY: Final = "#" + style.GREY.hexval()[2:]
GREY_DARK: Final = "#" + style.GREY_DARK.hexval()[2:]
ACCENT: Final = "#" + style.ACCENT.hexval()[2:]
SHORT: Final = 24  # values up to this long are kept on one line in the facts panel
CONTINUED_LIMIT: Final = 120  # characters of the title in a "(continued)" heading


def presentation(e: BriefingEngagement, language: Language = Language.EN) -> Presentation:
    """The presentation of a briefed engagement (its record: number, id, last change)."""
    return present_data(
        e.data,
        number=e.number,
        uid=e.uid,
        updated_at=e.updated_at,
        language=language,
        links=e.links,
    )


def anchor(e: BriefingEngagement) -> str:
    """The name of the engagement's section in the PDF (its bookmark, the links to it)."""
    return f"engagement-{e.number}-{e.uid}"


def _nb(value: str) -> str:
    """Markup of a short value that must not break across lines."""
    return value.replace(" ", "&nbsp;")


def _grey(markup: str, colour: str = GREY) -> str:
    return f"<font color='{colour}'>{markup}</font>"


def _fact(fact: Fact) -> str:
    value = text.inline(fact.value)
    if len(fact.value) <= SHORT and "<" not in value:  # (not inside a fallback font's tag)
        value = _nb(value)
    return f"<b>{_nb(fact.label)}</b>&nbsp;{value}"


def _who(statement: Statement, tail: str = "") -> str:
    who = f" — {text.italic(text.inline(statement.attribution))}" if statement.attribution else ""
    return f"”{who}{tail}"


def _restriction(r: RestrictionItem) -> str:
    head = f"<b>{text.markup(r.title)}</b> {_grey(text.inline(r.code))}"
    return head + " — " if r.note else head


def _event(ev: TimelineItem) -> str:
    return f"<b>{ev.status_label}</b>" + (" — " if ev.note else "")


def citation(s: SourceItem) -> str:
    """A source as its section and the sources appendix print it (markup)."""
    parts = [
        f"<b>{text.inline(s.outlet)}</b>" if s.outlet else "",
        text.inline(s.title),
        _nb(s.date),
    ]
    body = SEPARATOR.join(p for p in parts if p)
    if s.url:
        body += "<br/>" + _grey(text.inline(s.url), GREY_DARK)
    return body


@dataclass
class EngagementSection:
    """Builds the flowables of one engagement's section."""

    styles: style.Styles
    templates: dict[str, Any]  # the paragraph templates of the whole story
    parts: tuple[str, ...] = PARTS  # the presenter's sections printed
    language: Language = Language.EN

    def flowables(self, e: BriefingEngagement, *, first: bool = False) -> list[Flowable]:
        """The section; its heading is kept with what follows, repeated with "(continued)"
        at the top of each page the section continues onto, and its last line is never
        left alone on a page."""
        s, p = self.styles, presentation(e, self.language)
        out: list[Flowable] = []
        if not first:
            out += [CondPageBreak(style.SECTION_MIN_SPACE), SectionRule()]
        heading = f"{_grey(p.reference, ACCENT)}&nbsp;&nbsp;{text.markup(p.title)}"
        bookmark = Bookmark(f"{p.reference} {text.truncate(p.title, 120)}", anchor(e), 1)
        continued = f"{_grey(p.reference, ACCENT)}&nbsp;&nbsp;" + text.markup(
            text.truncate(p.title, CONTINUED_LIMIT)
        )
        out += [
            Heading(heading, s.h2, bookmark),
            RunningHeading(
                BidiParagraph(f"{continued} {translate('(continued)', self.language)}", s.continued)
            ),
        ]
        facts = "&nbsp;&nbsp;· ".join(_fact(f) for f in (*p.facts, *p.record))
        out.append(self._p(facts, s.facts))
        for section in p.sections:
            if section.key in self.parts:
                out += self._section(section)
        # The note names the empty parts among those printed only.
        chosen = {part_label(key, self.language) for key in self.parts}
        p = replace(p, empty_sections=tuple(h for h in p.empty_sections if h in chosen))
        if p.empty_note:
            out += [Spacer(1, 1.5 * mm), self._p(text.inline(p.empty_note), s.muted)]
        return [*keep_end(out), RunningHeading(None)]

    def _p(self, markup: str, para_style: Any, bullet: str | None = None) -> Paragraph:
        return paragraph(markup, para_style, bullet, templates=self.templates)

    def _text(self, head: str, free: str, tail: str, bullet: str | None) -> list[Paragraph]:
        """``head`` (markup), the free text ``free`` and ``tail`` (markup) as an item's
        paragraph; a long text as several (``presenter.pieces``), the label on the first."""
        parts = pieces(free) or [""]
        last = len(parts) - 1
        return [
            self._p(
                (head if i == 0 else "") + text.markup(part) + (tail if i == last else ""),
                self.styles.item,
                bullet if i == 0 else None,
            )
            for i, part in enumerate(parts)
        ]

    def _section(self, section: Section) -> list[Flowable]:
        out: list[Flowable] = [
            CondPageBreak(style.SUBSECTION_MIN_SPACE),
            self._p(section.heading, self.styles.h3),
        ]
        for item in section.items:
            out += self._item(item)
        return out

    def _item(self, item: Item) -> list[Flowable]:
        """One item: a label (date, stance, kind...) in the left column, the text beside."""
        s = self.styles
        match item:
            case Passage():
                # A long paragraph in pieces: reportlab lays a paragraph out again for
                # every page it runs onto (a 200,000-character summary took seconds).
                return [
                    self._p(block, s.body)
                    for part in item.paragraphs
                    for piece in pieces(part)
                    for block in text.blocks(piece)
                ]
            case ScopeItem():
                return self._text("", item.text, "", item.kind)
            case RestrictionItem():
                return self._text(_restriction(item), item.note, "", item.stance)
            case ClarificationItem():
                return self._clarification(item)
            case TimelineItem():
                source = " " + _grey(text.inline(item.source)) if item.source else ""
                return self._text(_event(item), item.note, source, item.date)
            case ConcernItem():
                return self._text(f"<b>{item.kind}</b> — ", item.text, "", item.severity or None)
            case SourceItem():
                return [self._p(citation(item), s.reference, f"[{item.number}]")]
            case LinkItem():
                dash = " — " if item.details else ""
                return self._text(
                    f"<b>{text.inline(item.other)}</b>{dash}", item.details, "", item.relation
                )

    def _clarification(self, c: ClarificationItem) -> list[Flowable]:
        source = " " + _grey(text.inline(c.source)) if c.source else ""
        return [
            *self._text("“", c.said.text, _who(c.said), c.said.heading),
            *self._text("“", c.clarified.text, _who(c.clarified, source), c.clarified.heading),
        ]
