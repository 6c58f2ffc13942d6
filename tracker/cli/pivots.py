"""``tracker stats --by ROW[,COLUMN]``: pivot counts as a text table, JSON or CSV.

The table and the CSV show labels (vocabulary labels, restriction titles, "Not
recorded" for no value, "Date unknown" for no start date); the JSON keeps the stored
values (words, codes, names, years as numbers, null for none). See ``BY_HELP``.
"""

from __future__ import annotations

import csv
import io
from typing import Any, TextIO

from tracker.cli.output import clip, display_width, pad
from tracker.domain.controls import one_line
from tracker.domain.pivot import DIMENSIONS_BY_NAME, LIST_DIMENSIONS, Pivot, Value
from tracker.services.files import dump_json

FORMATS = ("table", "json", "csv")
TOTAL = "Total"
ROW_WIDTH = 28  # a row's label is clipped to this, like the list's counterpart column
COLUMN_WIDTH = 16  # a column's label, like the list's vendor column

BY_HELP = (
    f"count by ROW or ROW,COLUMN, each one of: {', '.join(DIMENSIONS_BY_NAME)} "
    "(year: of the start date). "
    f"{', '.join(sorted(LIST_DIMENSIONS))} are lists: an engagement counts once under "
    "each of its values, so the totals (distinct engagements) may be less than the sum "
    "of their cells; an engagement without a value counts under Not recorded (or Date "
    "unknown). Without --by: status by region"
)
FORMAT_HELP = (
    "table (default), csv (labels, as the table) or json: "
    '{"rows": ROW, "columns": COLUMN or null, "cells": [{"row", "column", "count"}], '
    '"row_totals": [{"row", "count"}], "column_totals": [{"column", "count"}], '
    '"total": N} with the stored values (null for none)'
)


def write(pivot: Pivot, form: str, out: TextIO) -> None:
    """``pivot`` to ``out`` in the format ``form`` of ``FORMATS``."""
    if form == "json":
        out.write(dump_json(as_json(pivot)))
    elif form == "csv":
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(_grid(pivot))
        out.write(buffer.getvalue())
    else:
        write_table(pivot, out)


def as_json(pivot: Pivot) -> dict[str, Any]:
    """The pivot as plain JSON values (the shape of ``FORMAT_HELP``)."""
    rows, columns = pivot.row_values(), pivot.column_values() or [None]
    return {
        "rows": pivot.rows,
        "columns": pivot.columns,
        "cells": [
            {"row": r, "column": c, "count": pivot.count(r, c)}
            for r in rows
            for c in columns
            if pivot.count(r, c)
        ],
        "row_totals": [{"row": r, "count": pivot.row_totals[r]} for r in rows],
        "column_totals": [
            {"column": c, "count": pivot.column_totals[c]} for c in pivot.column_values()
        ],
        "total": pivot.total,
    }


def _grid(pivot: Pivot) -> list[list[str]]:
    """The header, a line per row value and the totals line, as labels and counts."""
    columns = pivot.column_values()

    def name(dimension: str, value: Value) -> str:
        return " ".join(one_line(pivot.label(dimension, value)).split())

    header = [DIMENSIONS_BY_NAME[pivot.rows].label]
    if pivot.columns is not None:
        header += [name(pivot.columns, c) for c in columns]
    lines = [[*header, TOTAL]]
    for r in pivot.row_values():
        counts = [pivot.count(r, c) for c in columns]
        lines.append([name(pivot.rows, r), *map(str, counts), str(pivot.row_totals[r])])
    lines.append([TOTAL, *(str(pivot.column_totals[c]) for c in columns), str(pivot.total)])
    return lines


def write_table(pivot: Pivot, out: TextIO) -> None:
    """Rows × columns, each row with its total, then the totals line: the first column
    left-aligned, the counts right-aligned under their (clipped) labels."""
    grid = _grid(pivot)
    grid = [[clip(line[0], ROW_WIDTH), *(clip(c, COLUMN_WIDTH) for c in line[1:])] for line in grid]
    widths = [max(display_width(line[i]) for line in grid) for i in range(len(grid[0]))]
    for line in grid:
        cells = [pad(line[0], widths[0])]
        cells += [pad(c, w, "right") for c, w in zip(line[1:], widths[1:], strict=True)]
        out.write("  ".join(cells).rstrip() + "\n")
