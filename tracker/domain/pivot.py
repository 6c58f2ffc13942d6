"""Pivot counts: engagements counted by one dimension (rows) or two (rows × columns).

The dimensions are named once here (``DIMENSIONS``), with their labels from
``tracker.domain.fields`` and, for vocabulary dimensions, the vocabulary's labels for
their values. Counts are of engagements: restriction, stance and tag are lists, so an
engagement with three restrictions counts once under each of them, and the totals of
rows, columns and the grand total are of distinct engagements, not sums of cells.
An engagement with no value (no region, no restriction, no tag, an unknown start date)
counts under a "none" value (``None``), so every matching engagement is counted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from tracker.domain.errors import ValidationError
from tracker.domain.fields import CHILDREN_BY_KEY, label
from tracker.domain.presenter import EMPTY_SECTIONS, MISSING_DATE
from tracker.domain.vocab import Confidence, Region, Stance, Status, Vocabulary

# A value of a dimension as stored: a vocabulary word, a marking, an organisation's
# name, a restriction code, a tag, a year; None when the engagement has none.
Value = str | int | None


def _child_label(child: str, column: str) -> str:
    return next(c.label for c in CHILDREN_BY_KEY[child].columns if c.key == column)


@dataclass(frozen=True)
class Dimension:
    """One dimension: its name on the command line, its label, its vocabulary if any,
    and what an engagement without a value is counted under."""

    name: str
    label: str
    vocab: type[Vocabulary] | None = None
    none_label: str = EMPTY_SECTIONS


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension("status", label("status"), Status),
    Dimension("region", label("region"), Region),
    Dimension("vendor", label("vendor")),
    Dimension("counterpart", label("counterpart")),
    Dimension("confidence", label("confidence"), Confidence),
    Dimension("marking", label("marking")),
    Dimension("restriction", CHILDREN_BY_KEY["restrictions"].noun.capitalize()),
    Dimension("stance", _child_label("restrictions", "stance"), Stance),
    Dimension("tag", label("tags")),
    Dimension("year", f"{label('started')} (year)", none_label=MISSING_DATE),
)
DIMENSIONS_BY_NAME: dict[str, Dimension] = {d.name: d for d in DIMENSIONS}
# The dimensions over an engagement's lists: one engagement may count under several values.
LIST_DIMENSIONS: frozenset[str] = frozenset({"restriction", "stance", "tag"})


def parse_by(text: str) -> tuple[str, str | None]:
    """``ROW[,COLUMN]`` as (rows, columns); a ValidationError naming ``--by`` and the
    allowed dimensions for an unknown one, the same one twice, or more than two."""
    names = [n.strip() for n in text.split(",")]
    allowed = ", ".join(DIMENSIONS_BY_NAME)
    if len(names) > 2:
        raise ValidationError(f"--by takes one or two dimensions (ROW[,COLUMN]) of: {allowed}")
    for name in names:
        if name not in DIMENSIONS_BY_NAME:
            raise ValidationError(f'--by: unknown dimension "{name}" (allowed: {allowed})')
    if len(names) == 2 and names[0] == names[1]:
        raise ValidationError(f'--by: "{names[0]}" twice; pick two different ones of: {allowed}')
    return names[0], names[1] if len(names) == 2 else None


@dataclass(frozen=True)
class Pivot:
    """Counts of engagements by ``rows`` (and ``columns``): ``cells`` by (row value,
    column value), the column value None when there are no columns; the totals count
    distinct engagements (see the module's docstring)."""

    rows: str
    columns: str | None
    cells: Mapping[tuple[Value, Value], int]
    row_totals: Mapping[Value, int]
    column_totals: Mapping[Value, int]
    total: int
    markings: tuple[str, ...] = ()  # the database's, lowest first: the order of marking
    titles: Mapping[str, str] = field(default_factory=dict)  # restriction code → title

    def row_values(self) -> list[Value]:
        """The values of the rows with a count, in the dimension's order, none last."""
        return self._ordered(self.rows, self.row_totals)

    def column_values(self) -> list[Value]:
        """The values of the columns with a count (none without columns)."""
        return self._ordered(self.columns, self.column_totals) if self.columns else []

    def count(self, row: Value, column: Value = None) -> int:
        """The count of one cell (0 when no engagement is in it)."""
        return self.cells.get((row, column), 0)

    def label(self, dimension: str, value: Value) -> str:
        """How ``value`` of ``dimension`` reads: a vocabulary label, a restriction's
        title, a year, or the dimension's word for none."""
        found = DIMENSIONS_BY_NAME[dimension]
        if value is None:
            return found.none_label
        if found.vocab is not None:
            return found.vocab(str(value)).label
        if dimension == "restriction":
            return self.titles.get(str(value)) or str(value)
        return str(value)

    def _ordered(self, dimension: str | None, values: Mapping[Value, int]) -> list[Value]:
        assert dimension is not None
        vocab = DIMENSIONS_BY_NAME[dimension].vocab
        order: tuple[object, ...] = ()
        if vocab is not None:
            order = vocab.values()
        elif dimension == "marking":
            order = self.markings

        def key(value: Value) -> tuple[int, int, str]:
            if value is None:
                return (2, 0, "")
            if value in order:
                return (0, order.index(value), "")
            # Names and codes alphabetically (any case), years in order.
            return (1, 0, f"{value:>12}" if isinstance(value, int) else str(value).casefold())

        return sorted(values, key=key)
