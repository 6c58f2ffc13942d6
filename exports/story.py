"""The story builder: a briefing's flowables, from cover to the last engagement.

The sections are printed in the order the briefing names them
(:mod:`tracker.domain.briefing_sections`), each from a new page; by default: cover;
key points (:mod:`exports.key_points`, when given); overview (key figures, the
status × region chart, the table of all engagements); when asked for, the follow-ups
due (:mod:`exports.follow_ups`) and the changes (:mod:`exports.changes_since`);
restriction matrix (restrictions × engagements, 8 engagement columns per table, each
table followed by its key); one section per engagement
(:mod:`exports.engagement_section`, from the domain's presenter). A contents page
(:mod:`exports.contents`) and a sources appendix (:mod:`exports.sources_appendix`) are
printed when named. With a contents page the cover is in the outline too and each
overview row's number links to the engagement's section. The tables use the
presenter's labels and words too.

Every piece of user text goes through :mod:`exports.text`. Text that can be long goes
into splittable paragraphs; table cells only ever hold short or truncated text, so no
row can outgrow a page.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from exports import style, text, typefaces
from exports.changes_since import changes_section
from exports.chart import status_region_chart
from exports.contents import bookmarks, contents_bookmark, contents_section
from exports.document import DEFAULT_DISTRIBUTION, Briefing, BriefingEngagement
from exports.engagement_section import EngagementSection, anchor
from exports.flowables import (
    Bookmark,
    Captioned,
    Heading,
    ProgressMark,
    RowsTable,
    keep_end,
    paragraph,
)
from exports.follow_ups import follow_ups_section
from exports.key_points import key_points_section
from exports.letterhead import cover_letterhead
from exports.rtl import BidiParagraph
from exports.sources_appendix import sources_appendix
from tracker.domain.briefing_sections import (
    CHANGES,
    CONTENTS,
    COVER,
    ENGAGEMENTS,
    FOLLOW_UPS,
    KEY_POINTS,
    MATRIX,
    OVERVIEW,
    SOURCES,
    section_label,
)
from tracker.domain.date_words import long_day
from tracker.domain.fields import CHILDREN_BY_KEY, label
from tracker.domain.languages import Language, counted, translate, vocab_label
from tracker.domain.model import EngagementData
from tracker.domain.presenter import LAST_CHANGE, NOT_RECORDED, reference
from tracker.domain.vocab import Confidence, Stance, Status, Vocabulary

MATRIX_COLUMNS: Final = 8  # engagement columns per restriction-matrix table
CELL_LIMIT: Final = 160  # characters of user text in a table cell
KEY_LIMIT: Final = 300  # characters of a title in a matrix key


def last_change(updated_at: str) -> str:
    """``YYYY-MM-DD`` (UTC) of an ISO timestamp; the text itself if it is not one."""
    raw = updated_at.strip()
    try:
        stamp = _dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return text.truncate(raw, 20) or NOT_RECORDED
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(_dt.UTC)
    return stamp.strftime("%Y-%m-%d")


def _width(value: str, font: str = typefaces.SANS, size: float = style.SIZE_CELL) -> float:
    return float(stringWidth(value, font, size))


@dataclass
class StoryBuilder:
    """Builds the flowables of one briefing."""

    briefing: Briefing
    styles: style.Styles
    frame_width: float
    report: Callable[[int], None] | None = None
    _templates: dict[str, Any] = field(default_factory=dict)

    def build(self) -> list[Flowable]:
        """The whole story: the sections named, each from a new page, those with
        nothing to show left out; the cover on the cover page template."""
        builders: dict[str, Callable[[], list[Flowable]]] = {
            COVER: self.cover,
            KEY_POINTS: lambda: key_points_section(
                self.briefing.key_points, self.styles, self._p, self.language
            ),
            OVERVIEW: self.overview,
            FOLLOW_UPS: self.follow_ups,
            CHANGES: self.changes,
            MATRIX: self.matrix,
            ENGAGEMENTS: self.sections,
            SOURCES: lambda: sources_appendix(
                self.engagements, self.styles, self._p, self.language
            ),
        }
        parts = {k: builders[k]() for k in self.briefing.sections if k != CONTENTS}
        if CONTENTS in self.briefing.sections:  # every entry is known before the layout
            entries = [
                mark
                for k in self.briefing.sections
                for mark in (
                    [contents_bookmark(self.language)] if k == CONTENTS else bookmarks(parts[k])
                )
            ]
            parts[CONTENTS] = contents_section(self.styles, entries, self.language)
        story: list[Flowable] = []
        for key in self.briefing.sections:
            part = parts[key]
            if not part:
                continue
            if story:
                if key == COVER:
                    story.append(NextPageTemplate("cover"))
                story.append(PageBreak())
            story += part
            if key == COVER:
                story.append(NextPageTemplate("body"))
        return story

    @property
    def navigation(self) -> bool:
        """Whether the briefing has a contents page (and so links and a cover bookmark)."""
        return CONTENTS in self.briefing.sections

    # --- helpers -----------------------------------------------------------------------

    @property
    def engagements(self) -> Sequence[BriefingEngagement]:
        return self.briefing.engagements

    @property
    def language(self) -> Language:
        return self.briefing.language

    def _w(self, words: str) -> str:
        """A fixed text in the briefing's language."""
        return translate(words, self.language)

    def _label(self, word: Vocabulary | None) -> str:
        return NOT_RECORDED if word is None else vocab_label(word, self.language)

    def _p(self, markup: str, para_style: Any, bullet: str | None = None) -> Paragraph:
        return paragraph(markup, para_style, bullet, templates=self._templates)

    def _tag(self, engagement: BriefingEngagement) -> str:
        return reference(engagement.number)

    # --- cover -------------------------------------------------------------------------

    def cover(self) -> list[Flowable]:
        """Title, date, author, the marking (large), distribution and the key facts."""
        b, s = self.briefing, self.styles
        generated = b.generated_at.astimezone(_dt.UTC)
        mark = Bookmark(section_label(COVER, self.language), COVER, 0) if self.navigation else None
        kicker = self._w("ENGAGEMENT BRIEFING")
        day, time = long_day(generated.date(), self.language), f"{generated:%H:%M}"
        when = self._w("Generated {day}, {time} UTC").format(day=day, time=time)
        out: list[Flowable] = [
            *cover_letterhead(b.logo, b.organisation, s.cover_meta, self.frame_width),
            Heading(kicker, s.cover_kicker, mark) if mark else self._p(kicker, s.cover_kicker),
            self._p(text.markup(b.title) or self._w("Untitled briefing"), s.cover_title),
            HRFlowable(
                width="100%", thickness=1.4, color=style.ACCENT, spaceBefore=0, spaceAfter=5 * mm
            ),
            self._p(when, s.cover_meta),
        ]
        if b.as_of:
            out.append(self._p(f"<b>{text.inline(b.as_of)}</b>", s.cover_meta))
        by = " · ".join(text.inline(v) for v in (b.author, b.organisation) if text.plain(v))
        if by:
            out.append(self._p(self._w("Prepared by ") + by, s.cover_meta))
        out.append(Spacer(1, 16 * mm))
        marking = Table(
            [[self._p(text.inline(b.marking), s.cover_marking)]],
            colWidths=[self.frame_width],
            style=TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), typefaces.SANS),
                    ("BOX", (0, 0), (-1, -1), 1.6, style.INK),
                    ("TOPPADDING", (0, 0), (-1, -1), 5 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5 * mm),
                ]
            ),
        )
        out.append(marking)
        out.append(Spacer(1, 4 * mm))
        # The default statement is fixed text (translated); one typed is the user's own.
        distribution = b.distribution
        if distribution == DEFAULT_DISTRIBUTION:
            distribution = self._w(distribution)
        out += [self._p(block, s.cover_statement) for block in text.blocks(distribution)]
        out.append(Spacer(1, 16 * mm))
        included = self._counted(len(b.engagements), "engagement", "engagements")
        facts = [
            self._w("{count} included").format(count=included),
            self._w("Database revision {revision}").format(revision=b.revision),
        ]
        if b.audit_seal:
            facts.append(self._w("Audit seal: ") + text.inline(b.audit_seal))
        out += [self._p(fact, s.cover_fact) for fact in facts]
        return out

    def _counted(self, count: int, singular: str, plural: str) -> str:
        """ "<b>4</b> engagements": the count in bold and its noun."""
        words = counted(count, singular, plural, self.language)
        return f"<b>{count}</b>" + words.removeprefix(str(count))

    # --- overview ----------------------------------------------------------------------

    def overview(self) -> list[Flowable]:
        """Key figures, the chart, and the table of all engagements."""
        s = self.styles
        title = section_label(OVERVIEW, self.language)
        out: list[Flowable] = [Heading(title, s.h1, Bookmark(title, "overview", 0))]
        datas = [e.data for e in self.engagements]
        if not datas:
            out.append(self._p(self._w("This briefing includes no engagements."), s.lead))
            return out
        out.append(self._p(self._key_figures(datas), s.lead))
        chart = status_region_chart(
            ((d.status, d.region) for d in datas), self.frame_width, self.language
        )
        if chart is not None:
            out.append(CondPageBreak(chart.height + 12 * mm))
            out.append(self._p(self._w("Engagements by region and status"), s.caption))
            out.append(chart)
        out.append(CondPageBreak(style.TABLE_MIN_SPACE))
        caption = self._p(self._w("All engagements"), s.caption)
        out.append(Captioned(caption, self._overview_table()))
        return out

    def _key_figures(self, datas: Sequence[EngagementData]) -> str:
        regions = len({d.region for d in datas if d.region is not None})
        across = counted(regions, "region", "regions", self.language)
        parts = [
            self._counted(len(datas), "engagement", "engagements")
            + (self._w(" across {regions}.").format(regions=across) if regions else ".")
        ]
        by_status = Counter(d.status for d in datas)
        parts.append(
            self._w("By status: ")
            + " · ".join(f"{self._label(st)} {by_status[st]}" for st in Status if by_status[st])
            + "."
        )
        by_conf = Counter(d.confidence for d in datas)
        conf = [f"{self._label(c)} {by_conf[c]}" for c in Confidence if by_conf[c]]
        if by_conf[None]:
            conf.append(self._w("not assessed {count}").format(count=by_conf[None]))
        parts.append(self._w("By confidence: ") + " · ".join(conf) + ".")
        return "<br/>".join(parts)

    def _overview_table(self) -> Table:
        s = self.styles
        pad = 2 * style.CELL_PADDING + 1
        header = [
            "#",
            self._w("Engagement"),
            *(
                self._w(label(key))
                for key in ("counterpart", "vendor", "region", "status", "confidence")
            ),
            self._w(LAST_CHANGE),
        ]
        rows: list[list[Any]] = [[self._p(h, s.cell_head) for h in header]]
        fixed: dict[int, list[str]] = {0: [], 4: [], 5: [], 6: [], 7: []}
        # Each number links to its engagement's section, when the briefing has one.
        links = self.navigation and ENGAGEMENTS in self.briefing.sections
        for e in self.engagements:
            d = e.data
            values = {
                0: self._tag(e),
                4: self._label(d.region),
                5: self._label(d.status),
                6: self._label(d.confidence),
                7: last_change(e.updated_at),
            }
            for col, value in values.items():
                fixed[col].append(value)
            number: Any = values[0]
            if links:
                number = Paragraph(f'<a href="#{text.escape(anchor(e))}">{values[0]}</a>', s.cell)
            rows.append(
                [
                    number,
                    self._p(text.inline(text.truncate(d.title, CELL_LIMIT)), s.cell),
                    self._p(text.inline(text.truncate(d.counterpart, CELL_LIMIT)), s.cell),
                    self._p(text.inline(text.truncate(d.vendor, CELL_LIMIT)), s.cell),
                    values[4],
                    values[5],
                    values[6],
                    values[7],
                ]
            )
        widths: dict[int, float] = {}
        for col, column in fixed.items():
            head_word = max(_width(w, typefaces.SANS_BOLD) for w in header[col].split())
            widths[col] = max([head_word, *(_width(v) for v in column)]) + pad
        rest = self.frame_width - sum(widths.values())
        widths[1], widths[2], widths[3] = rest * 0.48, rest * 0.30, rest * 0.22
        for col in (2, 3):  # never a header word cut ("Fournisseur"): taken from the title's
            least = max(_width(w, typefaces.SANS_BOLD) for w in header[col].split()) + pad
            if widths[col] < least:
                widths[1] -= least - widths[col]
                widths[col] = least
        table = RowsTable(
            rows,
            colWidths=[widths[i] for i in range(len(header))],
            repeatRows=1,
            hAlign="LEFT",
            style=style.data_table_style(len(rows)),
        )
        return table

    # --- optional sections -------------------------------------------------------------

    def follow_ups(self) -> list[Flowable]:
        """The "Follow-ups due" section, when asked for."""
        if self.briefing.follow_ups is None:
            return []
        return follow_ups_section(
            self.briefing.follow_ups, self.styles, self.frame_width, self._p, self.language
        )

    def changes(self) -> list[Flowable]:
        """The "Changes since …" section, when asked for."""
        if self.briefing.changes is None:
            return []
        return changes_section(
            self.briefing.changes, self.styles, self.frame_width, self._p, self.language
        )

    # --- restriction matrix ------------------------------------------------------------

    def matrix(self) -> list[Flowable]:
        """Restrictions (rows) × engagements (columns) with the stance in each cell."""
        s = self.styles
        title = section_label(MATRIX, self.language)
        out: list[Flowable] = [Heading(title, s.h1, Bookmark(title, "matrix", 0))]
        titles: dict[str, str] = {}
        for e in self.engagements:
            for r in e.data.restrictions:
                titles.setdefault(r.code, r.title or r.code)
        if not titles:
            out.append(
                self._p(
                    self._w("No restrictions are recorded for the engagements in this briefing."),
                    s.lead,
                )
            )
            return out
        out.append(
            self._p(
                self._w(
                    "Each cell gives an engagement's stance on a restriction (agreed, proposed, "
                    "disputed, rejected); {none} means none is recorded. Columns are the "
                    "engagements' numbers, named in the key below each table."
                ).format(none=NOT_RECORDED),
                s.lead,
            )
        )
        codes = sorted(titles, key=lambda c: (text.plain(titles[c]).casefold(), c))
        chunks = [
            self.engagements[i : i + MATRIX_COLUMNS]
            for i in range(0, len(self.engagements), MATRIX_COLUMNS)
        ]
        for number, chunk in enumerate(chunks, start=1):
            if number > 1:
                # The gap before a table, not after the last key: a spacer after it could
                # fall onto a page of its own before the engagements' page break.
                out.append(Spacer(1, 5 * mm))
            out.append(CondPageBreak(style.TABLE_MIN_SPACE + 5 * mm * min(len(codes), 6)))
            if len(chunks) > 1:
                first, last = self._tag(chunk[0]), self._tag(chunk[-1])
                out.append(
                    self._p(
                        self._w("Engagements {first} to {last} (table {number} of {count})").format(
                            first=first, last=last, number=number, count=len(chunks)
                        ),
                        s.caption,
                    )
                )
            table = [self._matrix_table(codes, titles, chunk), Spacer(1, 2.5 * mm)]
            # The key's last line never goes alone onto a page.
            out += keep_end([*table, *(self._key_line(e) for e in chunk)])
        return out

    def _key_line(self, e: BriefingEngagement) -> Paragraph:
        """``#N`` and the engagement's title, counterpart and vendor (a matrix key line)."""
        d = e.data
        label = text.inline(text.truncate(d.title, KEY_LIMIT))
        who = " · ".join(
            text.inline(text.truncate(v, CELL_LIMIT)) for v in (d.counterpart, d.vendor)
        )
        return BidiParagraph(
            f"{label} <font color='#6b747c'>({who})</font>",
            self.styles.key,
            bulletText=self._tag(e),
        )

    def _matrix_table(
        self, codes: Sequence[str], titles: dict[str, str], chunk: Sequence[BriefingEngagement]
    ) -> Table:
        s = self.styles
        noun = self._w(CHILDREN_BY_KEY["restrictions"].noun)
        header: list[Any] = [self._p(noun[:1].upper() + noun[1:], s.cell_head)]
        header += [self._tag(e) for e in chunk]
        rows: list[list[Any]] = [header]
        tints: list[tuple[Any, ...]] = []
        for row, code in enumerate(codes, start=1):
            cells: list[Any] = [
                self._p(text.inline(text.truncate(titles[code], CELL_LIMIT)), s.cell)
            ]
            for col, e in enumerate(chunk, start=1):
                stance = next((r.stance for r in e.data.restrictions if r.code == code), None)
                if stance is None:
                    cells.append(NOT_RECORDED)
                    tints.append(("TEXTCOLOR", (col, row), (col, row), style.GREY))
                else:
                    cells.append(self._label(stance))
                    tints.append(("BACKGROUND", (col, row), (col, row), style.STANCE_TINTS[stance]))
            rows.append(cells)
        pad = 2 * style.CELL_PADDING + 2
        narrowest = (
            max(
                [_width(self._label(st)) for st in Stance]
                + [_width(self._tag(e), typefaces.SANS_BOLD) for e in chunk]
            )
            + pad
        )
        # Few engagements: wider stance columns, so the table still spans the page.
        col_width = max(narrowest, 0.58 * self.frame_width / len(chunk))
        first = self.frame_width - len(chunk) * col_width
        table_style = style.data_table_style(len(rows))
        table_style.add("ALIGN", (1, 0), (-1, -1), "CENTER")
        for command in tints:
            table_style.add(*command)
        return RowsTable(
            rows,
            colWidths=[first] + [col_width] * len(chunk),
            repeatRows=1,
            hAlign="LEFT",
            style=table_style,
        )

    # --- sections ----------------------------------------------------------------------

    def sections(self) -> list[Flowable]:
        """One section per engagement, each followed by a progress mark; none at all
        (not even the part's heading on a page of its own) without engagements."""
        if not self.engagements:
            return []
        s = self.styles
        title = section_label(ENGAGEMENTS, self.language)
        out: list[Flowable] = [Heading(title, s.h1, Bookmark(title, "engagements", 0))]
        writer = EngagementSection(self.styles, self._templates, self.briefing.parts, self.language)
        for index, engagement in enumerate(self.engagements):
            out += writer.flowables(engagement, first=index == 0)
            if self.report is not None:
                out.append(ProgressMark(self.report, index + 1))
        return out
