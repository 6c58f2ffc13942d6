"""The story builder: a briefing's flowables, from cover to the last engagement.

Order: cover; overview (key figures, the status × region chart, the table of all
engagements); when asked for, the follow-ups due (:mod:`exports.follow_ups`);
restriction matrix (restrictions × engagements, 8 engagement columns per
table, each table followed by its key); one section per engagement
(:mod:`exports.engagement_section`, from the domain's presenter). The tables use the
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
from exports.document import Briefing, BriefingEngagement
from exports.engagement_section import EngagementSection
from exports.flowables import Bookmark, Heading, ProgressMark, keep_end, paragraph
from exports.follow_ups import follow_ups_section
from exports.rtl import BidiParagraph
from tracker.domain.fields import CHILDREN_BY_KEY, label
from tracker.domain.model import EngagementData
from tracker.domain.presenter import LAST_CHANGE, NOT_RECORDED, reference
from tracker.domain.vocab import Confidence, Stance, Status

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
        """The whole story."""
        story: list[Flowable] = []
        story += self.cover()
        story += self.overview()
        story += self.optional_sections()
        story += self.matrix()
        story += self.sections()
        return story

    # --- helpers -----------------------------------------------------------------------

    @property
    def engagements(self) -> Sequence[BriefingEngagement]:
        return self.briefing.engagements

    def _p(self, markup: str, para_style: Any, bullet: str | None = None) -> Paragraph:
        return paragraph(markup, para_style, bullet, templates=self._templates)

    def _tag(self, engagement: BriefingEngagement) -> str:
        return reference(engagement.number)

    # --- cover -------------------------------------------------------------------------

    def cover(self) -> list[Flowable]:
        """Title, date, author, the marking (large), distribution and the key facts."""
        b, s = self.briefing, self.styles
        generated = b.generated_at.astimezone(_dt.UTC)
        out: list[Flowable] = [
            Spacer(1, 22 * mm),
            self._p("ENGAGEMENT BRIEFING", s.cover_kicker),
            self._p(text.markup(b.title) or "Untitled briefing", s.cover_title),
            HRFlowable(
                width="100%", thickness=1.4, color=style.ACCENT, spaceBefore=0, spaceAfter=5 * mm
            ),
            self._p(f"Generated {generated.day} {generated:%B %Y, %H:%M} UTC", s.cover_meta),
        ]
        if b.as_of:
            out.append(self._p(f"<b>{text.inline(b.as_of)}</b>", s.cover_meta))
        by = " · ".join(text.inline(v) for v in (b.author, b.organisation) if text.plain(v))
        if by:
            out.append(self._p("Prepared by " + by, s.cover_meta))
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
        out += [self._p(block, s.cover_statement) for block in text.blocks(b.distribution)]
        out.append(Spacer(1, 16 * mm))
        count = len(b.engagements)
        facts = [
            f"<b>{count}</b> engagement{'s' if count != 1 else ''} included",
            f"Database revision {b.revision}",
        ]
        if b.audit_seal:
            facts.append("Audit seal: " + text.inline(b.audit_seal))
        out += [self._p(fact, s.cover_fact) for fact in facts]
        out += [NextPageTemplate("body"), PageBreak()]
        return out

    # --- overview ----------------------------------------------------------------------

    def overview(self) -> list[Flowable]:
        """Key figures, the chart, and the table of all engagements."""
        s = self.styles
        out: list[Flowable] = [Heading("Overview", s.h1, Bookmark("Overview", "overview", 0))]
        datas = [e.data for e in self.engagements]
        if not datas:
            out.append(self._p("This briefing includes no engagements.", s.lead))
            return out
        out.append(self._p(self._key_figures(datas), s.lead))
        chart = status_region_chart(((d.status, d.region) for d in datas), self.frame_width)
        if chart is not None:
            out.append(CondPageBreak(chart.height + 12 * mm))
            out.append(self._p("Engagements by region and status", s.caption))
            out.append(chart)
        out.append(CondPageBreak(style.TABLE_MIN_SPACE))
        out.append(self._p("All engagements", s.caption))
        out.append(self._overview_table())
        return out

    def _key_figures(self, datas: Sequence[EngagementData]) -> str:
        n = len(datas)
        regions = {d.region for d in datas if d.region is not None}
        parts = [
            f"<b>{n}</b> engagement{'s' if n != 1 else ''}"
            + (
                f" across {len(regions)} region{'s' if len(regions) != 1 else ''}."
                if regions
                else "."
            )
        ]
        by_status = Counter(d.status for d in datas)
        parts.append(
            "By status: "
            + " · ".join(f"{st.label} {by_status[st]}" for st in Status if by_status[st])
            + "."
        )
        by_conf = Counter(d.confidence for d in datas)
        conf = [f"{c.label} {by_conf[c]}" for c in Confidence if by_conf[c]]
        if by_conf[None]:
            conf.append(f"not assessed {by_conf[None]}")
        parts.append("By confidence: " + " · ".join(conf) + ".")
        return "<br/>".join(parts)

    def _overview_table(self) -> Table:
        s = self.styles
        pad = 2 * style.CELL_PADDING + 1
        header = [
            "#",
            "Engagement",
            *(label(key) for key in ("counterpart", "vendor", "region", "status", "confidence")),
            LAST_CHANGE,
        ]
        rows: list[list[Any]] = [[self._p(h, s.cell_head) for h in header]]
        fixed: dict[int, list[str]] = {0: [], 4: [], 5: [], 6: [], 7: []}
        for e in self.engagements:
            d = e.data
            values = {
                0: self._tag(e),
                4: d.region.label if d.region is not None else NOT_RECORDED,
                5: d.status.label,
                6: d.confidence.label if d.confidence is not None else NOT_RECORDED,
                7: last_change(e.updated_at),
            }
            for col, value in values.items():
                fixed[col].append(value)
            rows.append(
                [
                    values[0],
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
        table = Table(
            rows,
            colWidths=[widths[i] for i in range(len(header))],
            repeatRows=1,
            hAlign="LEFT",
            style=style.data_table_style(len(rows)),
        )
        return table

    # --- optional sections -------------------------------------------------------------

    def optional_sections(self) -> list[Flowable]:
        """The sections the briefing was asked for, each from a new page."""
        out: list[Flowable] = []
        if self.briefing.follow_ups is not None:
            out += follow_ups_section(
                self.briefing.follow_ups, self.styles, self.frame_width, self._p
            )
        if self.briefing.changes is not None:
            out += changes_section(self.briefing.changes, self.styles, self.frame_width, self._p)
        return out

    # --- restriction matrix ------------------------------------------------------------

    def matrix(self) -> list[Flowable]:
        """Restrictions (rows) × engagements (columns) with the stance in each cell."""
        s = self.styles
        out: list[Flowable] = [
            PageBreak(),
            Heading("Restriction matrix", s.h1, Bookmark("Restriction matrix", "matrix", 0)),
        ]
        titles: dict[str, str] = {}
        for e in self.engagements:
            for r in e.data.restrictions:
                titles.setdefault(r.code, r.title or r.code)
        if not titles:
            out.append(
                self._p(
                    "No restrictions are recorded for the engagements in this briefing.", s.lead
                )
            )
            return out
        out.append(
            self._p(
                "Each cell gives an engagement's stance on a restriction (agreed, proposed, "
                f"disputed, rejected); {NOT_RECORDED} means none is recorded. Columns are the "
                "engagements' numbers, named in the key below each table.",
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
                        f"Engagements {first} to {last} (table {number} of {len(chunks)})",
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
        noun = CHILDREN_BY_KEY["restrictions"].noun
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
                    cells.append(stance.label)
                    tints.append(("BACKGROUND", (col, row), (col, row), style.STANCE_TINTS[stance]))
            rows.append(cells)
        pad = 2 * style.CELL_PADDING + 2
        narrowest = (
            max(
                [_width(st.label) for st in Stance]
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
        return Table(
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
        out: list[Flowable] = [
            PageBreak(),
            Heading("Engagements", s.h1, Bookmark("Engagements", "engagements", 0)),
        ]
        writer = EngagementSection(self.styles, self._templates)
        for index, engagement in enumerate(self.engagements):
            out += writer.flowables(engagement, first=index == 0)
            if self.report is not None:
                out.append(ProgressMark(self.report, index + 1))
        return out
