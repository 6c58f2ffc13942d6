"""The briefing's one stylesheet: colours, type scale, paragraph and table styles.

A restrained look for senior readers: near-black text, muted greys for secondary
information, one accent colour (a deep blue) for headings and rules, light table rules
and zebra rows. The type scale is fixed (8 / 9.5 / 11 / 14 / 20 / 26 pt) and every style
uses the embedded DejaVu Sans family (see :mod:`exports.typefaces`), so the briefing reads
the same at A4 and US Letter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from exports import typefaces
from tracker.domain import stance_tints
from tracker.domain.vocab import Stance, Status

# --- colours ------------------------------------------------------------------------

INK: Final = colors.HexColor("#1b1f23")
GREY_DARK: Final = colors.HexColor("#4a5259")
GREY: Final = colors.HexColor("#6b747c")
RULE: Final = colors.HexColor("#c9d0d6")
RULE_LIGHT: Final = colors.HexColor("#e1e6ea")
ZEBRA: Final = colors.HexColor("#f4f6f8")
PANEL: Final = colors.HexColor("#eef2f5")
HEADER_FILL: Final = colors.HexColor("#e3e9ef")
ACCENT: Final = colors.HexColor("#1f4e79")
WHITE: Final = colors.white

# Statuses in the chart: distinct but muted; the legend always names them.
STATUS_COLOURS: Final[dict[Status, colors.Color]] = {
    Status.EXPLORATORY: colors.HexColor("#8fb3d1"),
    Status.NEGOTIATING: colors.HexColor("#3f7cac"),
    Status.AGREED: colors.HexColor("#1f4e79"),
    Status.ACTIVE: colors.HexColor("#5b9a74"),
    Status.PAUSED: colors.HexColor("#c9a44c"),
    Status.BROKEN_DOWN: colors.HexColor("#b3574a"),
    Status.ENDED: colors.HexColor("#9aa3ab"),
}

# A light tint behind a stance in the restriction matrix; the label is always printed.
# The tints are the desktop app's too: their one home is tracker.domain.stance_tints.
STANCE_TINTS: Final[dict[Stance, colors.Color]] = {
    stance: colors.HexColor(tint) for stance, tint in stance_tints.STANCE_TINTS.items()
}

# --- type scale ---------------------------------------------------------------------

SIZE_SMALL: Final = 8.0
SIZE_BODY: Final = 9.5
SIZE_H3: Final = 11.0
SIZE_H2: Final = 14.0
SIZE_H1: Final = 20.0
SIZE_TITLE: Final = 26.0
SIZE_CELL: Final = 7.5
SIZE_MARKING_BANNER: Final = 9.0
SIZE_MARKING_COVER: Final = 22.0

LEADING: Final = 1.32  # leading as a multiple of the font size

# --- page geometry ------------------------------------------------------------------

MARGIN_X: Final = 18 * mm
MARGIN_TOP: Final = 24 * mm
MARGIN_BOTTOM: Final = 25 * mm
LABEL_COLUMN: Final = 30 * mm  # the left column of timelines, lists and references: room
# for the widest label ("Medium severity", "c. 27 Feb 2026") and a gap
FRENCH_LABEL_COLUMN: Final = 40 * mm  # French dates are longer ("vers 27 septembre 2026")
CELL_PADDING: Final = 4.0
# Headings are kept with what follows by a conditional page break before them (cheaper
# than keepWithNext, which lays each group out twice): a section heading needs room for
# itself, the facts panel and a few lines; a sub-heading for itself and two lines.
SECTION_MIN_SPACE: Final = 48 * mm
SUBSECTION_MIN_SPACE: Final = 22 * mm
TABLE_MIN_SPACE: Final = 40 * mm  # a table's caption, header and first rows


def _style(name: str, **kw: Any) -> ParagraphStyle:
    size = kw.pop("fontSize", SIZE_BODY)
    base: dict[str, Any] = {
        "fontName": typefaces.SANS,
        "fontSize": size,
        "leading": round(size * LEADING, 2),
        "textColor": INK,
        "alignment": TA_LEFT,
        "splitLongWords": 1,
        "uriWasteReduce": 0,  # (>0 can overflow the line with reportlab 4-5)
        "allowWidows": 0,
        "allowOrphans": 0,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


@dataclass(frozen=True)
class Styles:
    """Every paragraph style the briefing uses."""

    cover_kicker: ParagraphStyle
    cover_title: ParagraphStyle
    cover_meta: ParagraphStyle
    cover_marking: ParagraphStyle
    cover_statement: ParagraphStyle
    cover_fact: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    continued: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    lead: ParagraphStyle
    facts: ParagraphStyle
    item: ParagraphStyle
    reference: ParagraphStyle
    caption: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    key: ParagraphStyle


def stylesheet(label_column: float = LABEL_COLUMN) -> Styles:
    """The briefing's stylesheet (fonts registered on first use); ``label_column`` is
    the width of the items' label column."""
    typefaces.register()
    item = _style(
        "Item",
        leftIndent=label_column,
        bulletIndent=0,
        bulletFontName=typefaces.SANS_BOLD,
        bulletFontSize=SIZE_SMALL,
        spaceAfter=3,
    )
    return Styles(
        cover_kicker=_style(
            "CoverKicker",
            fontName=typefaces.SANS_BOLD,
            fontSize=SIZE_H3,
            textColor=ACCENT,
            spaceAfter=4 * mm,
        ),
        cover_title=_style(
            "CoverTitle",
            fontName=typefaces.SANS_BOLD,
            fontSize=SIZE_TITLE,
            leading=SIZE_TITLE * 1.18,
            spaceAfter=5 * mm,
        ),
        cover_meta=_style("CoverMeta", fontSize=SIZE_H3, textColor=GREY_DARK, spaceAfter=1.5 * mm),
        cover_marking=_style(
            "CoverMarking",
            fontName=typefaces.SANS_BOLD,
            fontSize=SIZE_MARKING_COVER,
            leading=SIZE_MARKING_COVER * 1.2,
            alignment=TA_CENTER,
        ),
        cover_statement=_style("CoverStatement", textColor=GREY_DARK, alignment=TA_CENTER),
        cover_fact=_style("CoverFact", fontSize=SIZE_BODY, textColor=GREY_DARK, spaceAfter=1),
        h1=_style(
            "H1",
            fontName=typefaces.SANS_BOLD,
            fontSize=SIZE_H1,
            textColor=ACCENT,
            spaceAfter=3 * mm,
            keepWithNext=1,
        ),
        h2=_style(
            "H2",
            fontName=typefaces.SANS_BOLD,
            fontSize=SIZE_H2,
            leading=SIZE_H2 * 1.25,
            spaceBefore=2 * mm,
            spaceAfter=2.5 * mm,
        ),
        # A section's heading again at the top of a page it continues onto: quieter.
        continued=_style(
            "Continued",
            fontName=typefaces.SANS_BOLD,
            fontSize=SIZE_H3,
            textColor=GREY_DARK,
            spaceAfter=2 * mm,
        ),
        h3=_style(
            "H3",
            fontName=typefaces.SANS_BOLD,
            fontSize=SIZE_H3,
            textColor=ACCENT,
            spaceBefore=3.5 * mm,
            spaceAfter=1.5 * mm,
        ),
        body=_style("Body", spaceAfter=2 * mm),
        lead=_style("Lead", fontSize=SIZE_H3 - 0.5, textColor=GREY_DARK, spaceAfter=4 * mm),
        facts=_style(
            "Facts",
            fontSize=SIZE_SMALL + 0.5,
            leading=(SIZE_SMALL + 0.5) * 1.5,
            textColor=GREY_DARK,
            backColor=PANEL,
            borderPadding=(2.2 * mm, 3 * mm, 2.2 * mm, 3 * mm),
            leftIndent=3 * mm,
            rightIndent=3 * mm,
            spaceBefore=1.5 * mm,
            spaceAfter=5 * mm,
        ),
        item=item,
        reference=_style(
            "Reference",
            parent=item,
            fontSize=SIZE_SMALL + 0.5,
            leading=(SIZE_SMALL + 0.5) * LEADING,
            bulletFontName=typefaces.SANS,
            bulletColor=GREY,
        ),
        caption=_style(
            "Caption",
            fontName=typefaces.SANS_BOLD,
            fontSize=SIZE_BODY,
            textColor=GREY_DARK,
            spaceBefore=3 * mm,
            spaceAfter=2 * mm,
        ),
        muted=_style("Muted", fontSize=SIZE_SMALL, textColor=GREY, spaceAfter=1.5 * mm),
        cell=_style(
            "Cell",
            fontSize=SIZE_CELL,
            leading=SIZE_CELL * 1.3,
            allowWidows=1,
            allowOrphans=1,
        ),
        cell_head=_style(
            "CellHead",
            fontName=typefaces.SANS_BOLD,
            fontSize=SIZE_CELL,
            leading=SIZE_CELL * 1.3,
            textColor=GREY_DARK,
        ),
        key=_style(
            "Key",
            fontSize=SIZE_SMALL,
            leading=SIZE_SMALL * 1.3,
            textColor=GREY_DARK,
            leftIndent=12 * mm,
            bulletIndent=0,
            bulletFontName=typefaces.SANS_BOLD,
            bulletFontSize=SIZE_SMALL,
            spaceAfter=1,
        ),
    )


def data_table_style(rows: int, *, header_rows: int = 1) -> TableStyle:
    """Light rules, a tinted header, zebra body rows, no vertical lines."""
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), typefaces.SANS),
            ("FONTSIZE", (0, 0), (-1, -1), SIZE_CELL),
            ("LEADING", (0, 0), (-1, -1), SIZE_CELL * 1.3),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("FONTNAME", (0, 0), (-1, header_rows - 1), typefaces.SANS_BOLD),
            ("TEXTCOLOR", (0, 0), (-1, header_rows - 1), GREY_DARK),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
            ("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [WHITE, ZEBRA]),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.6, RULE),
            ("LINEBELOW", (0, header_rows), (-1, -1), 0.25, RULE_LIGHT),
            ("LINEBELOW", (0, rows - 1), (-1, rows - 1), 0.6, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
    )
