"""The overview chart: engagements by region (bars) and status (stacked segments).

A vector drawing (reportlab.graphics), not an image. Colour is never the only key: the
legend names every status, and each bar ends with its total.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from exports import style, typefaces
from tracker.domain.languages import Language, translate, vocab_label
from tracker.domain.vocab import Region, Status

UNSPECIFIED_REGION = "Unspecified"
_BAR = 16.0  # height of one bar with its gap
_LABEL_SIZE = 7.5


def _nice_step(top: int) -> int:
    """An axis step giving at most about six ticks: 1, 2, 5, 10, 20, 50, …"""
    if top <= 6:
        return 1
    raw = top / 6
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return int(factor * power)
    return int(10 * power)  # pragma: no cover - the loop always returns


def status_region_chart(
    pairs: Iterable[tuple[Status, Region | None]],
    width: float,
    language: Language = Language.EN,
) -> Drawing | None:
    """A stacked horizontal bar chart of (status, region) counts; None when empty."""
    counts = Counter(pairs)
    if not counts:
        return None
    regions: list[Region | None] = [r for r in Region if any(k[1] is r for k in counts)]
    if any(k[1] is None for k in counts):
        regions.append(None)
    statuses = [s for s in Status if any(k[0] is s for k in counts)]
    unspecified = translate(UNSPECIFIED_REGION, language)
    region_labels = [vocab_label(r, language) if r is not None else unspecified for r in regions]
    totals = [sum(counts[(s, r)] for s in statuses) for r in regions]

    label_width = max(
        typefaces_width(label, typefaces.SANS, _LABEL_SIZE) for label in region_labels
    )
    legend_rows = math.ceil(len(statuses) / 4)
    legend_height = legend_rows * 12.0
    plot_height = _BAR * len(regions)
    bottom = legend_height + 18  # legend, axis labels
    height = bottom + plot_height + 6

    drawing = Drawing(width, height, initialFontName=typefaces.SANS, initialFontSize=_LABEL_SIZE)
    chart = HorizontalBarChart()
    chart.x = label_width + 8
    chart.y = bottom
    chart.width = width - chart.x - 28
    chart.height = plot_height
    # reportlab draws the first category at the bottom: reverse for top-to-bottom order.
    chart.data = [[counts[(s, r)] for r in reversed(regions)] for s in statuses]
    chart.categoryAxis.categoryNames = list(reversed(region_labels))
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.labels.fontName = typefaces.SANS
    chart.categoryAxis.labels.fontSize = _LABEL_SIZE
    chart.categoryAxis.labels.fillColor = style.INK
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = style.RULE
    chart.categoryAxis.tickLeft = 0
    chart.barSpacing = 0
    chart.groupSpacing = 4
    chart.barWidth = _BAR - 4
    top = max(totals)
    step = _nice_step(top)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = step * math.ceil(top / step) if top % step else top + step
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = typefaces.SANS
    chart.valueAxis.labels.fontSize = _LABEL_SIZE - 0.5
    chart.valueAxis.labels.fillColor = style.GREY
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.strokeColor = style.RULE
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = style.RULE_LIGHT
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.valueAxis.tickDown = 2
    for i, status in enumerate(statuses):
        chart.bars[i].fillColor = style.STATUS_COLOURS[status]
        chart.bars[i].strokeColor = style.WHITE
        chart.bars[i].strokeWidth = 0.5
    drawing.add(chart)

    scale = chart.width / chart.valueAxis.valueMax
    for index, total in enumerate(reversed(totals)):
        y = chart.y + (index + 0.5) * (chart.height / len(regions)) - _LABEL_SIZE / 3
        drawing.add(
            String(
                chart.x + total * scale + 3,
                y,
                str(total),
                fontName=typefaces.SANS_BOLD,
                fontSize=_LABEL_SIZE,
                fillColor=style.GREY_DARK,
            )
        )

    legend = Legend()
    legend.colorNamePairs = [(style.STATUS_COLOURS[s], vocab_label(s, language)) for s in statuses]
    legend.fontName = typefaces.SANS
    legend.fontSize = _LABEL_SIZE
    legend.fillColor = style.INK
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.boxAnchor = "nw"
    legend.x = chart.x
    legend.y = legend_height - 2
    legend.dx = 7
    legend.dy = 7
    legend.dxTextSpace = 4
    legend.deltax = max(60.0, (chart.width) / 4)
    legend.deltay = 12
    legend.autoXPadding = 12
    legend.strokeWidth = 0
    legend.strokeColor = None
    if len(statuses) > 4:
        legend.columnMaximum = legend_rows
    drawing.add(legend)
    drawing.hAlign = "LEFT"
    return drawing


def typefaces_width(text: str, font: str, size: float) -> float:
    """Width of ``text`` in points."""
    return float(stringWidth(text, font, size))
