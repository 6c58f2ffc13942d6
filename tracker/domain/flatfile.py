"""CSV of the flat engagement fields, for spreadsheets.

One row per engagement, the columns of ``FLAT_FIELDS``; tags are joined with
"; ". Children (scope limits, restrictions...) are not part of the CSV: importing
a CSV row for an existing id changes its flat fields and keeps its children.

A cell may hold as much as a field may (``limits.TEXT``, more than the ``csv``
module's own 131,072 characters), so that an exported summary imports back; a
longer cell, a file of more rows than one import may hold, or anything the ``csv``
module cannot read is one ``ValidationError`` naming the line.

Formulas: a spreadsheet runs a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return as a formula (an owner ``=HYPERLINK(...)`` would be a live link).
Such a cell is written with a leading apostrophe, which spreadsheets show as text. So
that our own import gives back exactly what was exported, a cell that starts with an
apostrophe is written with one more, and reading removes one leading apostrophe from
every cell that has one: ``'=1+1`` reads ``=1+1``, ``''quoted`` reads ``'quoted``.

Excel reads a CSV file as UTF-8 only when it starts with a byte order mark: an export
for spreadsheets (``tracker export --format csv``, the window's CSV export) is prefixed
with ``EXCEL_BOM`` (``for_spreadsheets``); reading ignores it.
"""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from tracker.domain import fields, limits
from tracker.domain.errors import ValidationError
from tracker.domain.jsonfile import check_file_engagements

# The CSV columns: the stable id, then the flat fields in documented order.
FLAT_FIELDS: tuple[str, ...] = ("id", *(f.key for f in fields.FLAT_FIELDS))
TAG_SEPARATOR = "; "
# What a spreadsheet would run as a formula at the start of a cell.
FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
# Shows a cell as text in a spreadsheet; written before a formula start (and before an
# apostrophe of the value itself, so that reading can always take one away).
NEUTRAL_PREFIX = "'"
# The byte order mark that makes Excel read the file as UTF-8 (Greek, Cyrillic, CJK).
EXCEL_BOM = "\ufeff"


def neutralised(cell: str) -> str:
    """``cell`` as a spreadsheet shows it as text: a formula start gets an apostrophe."""
    if cell.startswith((*FORMULA_STARTS, NEUTRAL_PREFIX)):
        return NEUTRAL_PREFIX + cell
    return cell


def restored(cell: str) -> str:
    """The value ``neutralised`` wrote as ``cell``: one leading apostrophe taken away."""
    return cell[1:] if cell.startswith(NEUTRAL_PREFIX) else cell


def for_spreadsheets(text: str) -> str:
    """CSV text as written to a file for spreadsheets: with Excel's byte order mark."""
    return EXCEL_BOM + text


def to_csv(engagements: Iterable[Mapping[str, Any]]) -> str:
    """CSV text for interchange-format engagement objects."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(FLAT_FIELDS)
    for obj in engagements:
        row = []
        for name in FLAT_FIELDS:
            value = obj.get(name)
            if name == "tags":
                value = TAG_SEPARATOR.join(value or [])
            row.append("" if value is None else neutralised(str(value)))
        writer.writerow(row)
    return out.getvalue()


def from_csv(text: str, *, source: str = "CSV") -> list[dict[str, Any]]:
    """Interchange-format objects (flat fields only) from CSV text."""
    reader = csv.reader(io.StringIO(text.removeprefix(EXCEL_BOM), newline=""))
    with _cells_up_to(limits.TEXT):
        try:
            return _rows(reader, source)
        except csv.Error as exc:
            raise ValidationError(_reason(exc), record=f"{source} line {reader.line_num}") from None


def _rows(reader: Iterator[list[str]], source: str) -> list[dict[str, Any]]:
    header = _read_header(reader, source)
    rows: list[dict[str, Any]] = []
    for line_no, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            raise ValidationError(
                f"has {len(values)} cells, the header {len(header)}",
                record=f"{source} line {line_no}",
            )
        rows.append(_row_object(header, values))
        if len(rows) > limits.FILE_ENGAGEMENTS:
            more = sum(1 for values in reader if any(v.strip() for v in values))
            check_file_engagements(len(rows) + more, source)
    return rows


def _reason(exc: csv.Error) -> str:
    if "field larger than field limit" in str(exc):
        return f"a cell holds more than {limits.TEXT:,} characters, the most a field may hold"
    return f"not valid CSV ({exc})"


# ``csv.field_size_limit`` is one setting of the whole process: it is raised only while
# a file is read, one file at a time, and put back after.
_field_limit_lock = threading.Lock()


@contextmanager
def _cells_up_to(characters: int) -> Iterator[None]:
    with _field_limit_lock:
        before = csv.field_size_limit(characters)
        try:
            yield
        finally:
            csv.field_size_limit(before)


def _read_header(reader: Iterator[list[str]], source: str) -> list[str]:
    """The column names of the first row; refused if unknown or a required one is missing."""
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise ValidationError("the file is empty", record=source) from None
    for name in header:
        if name not in FLAT_FIELDS:
            raise ValidationError("unknown column", record=source, field=name)
    for name in fields.REQUIRED_KEYS:
        if name not in header:
            raise ValidationError("required column is missing", record=source, field=name)
    return header


def _row_object(header: list[str], values: list[str]) -> dict[str, Any]:
    """One row's cells as an interchange-format object: an empty cell is no value."""
    obj: dict[str, Any] = {}
    for name, cell in zip(header, values, strict=True):
        value = restored(cell)
        if name == "tags":
            obj[name] = [t.strip() for t in value.split(";") if t.strip()]
        elif name == "id":
            if value.strip():
                obj[name] = value.strip()
        else:
            obj[name] = value if value != "" else None
    return obj
