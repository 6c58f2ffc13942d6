"""Output helpers: the engagement table, clipping, rows as JSON, progress on a terminal.

Text written for a terminal carries no control character (``tracker.domain.controls``):
an escape sequence stored in a record never reaches the terminal.

Columns are measured in terminal cells, not characters (:func:`display_width`, with
``wcwidth``): a Chinese, Japanese or Korean character takes two cells, a combining mark
(the accent of a decomposed "é", a Thai vowel sign) none, so every table's columns line
up whatever script its cells are in (:func:`pad`, :func:`clip`, :func:`aligned`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal, TextIO

from wcwidth import wcswidth, wcwidth

from tracker.domain.controls import one_line
from tracker.domain.model import EngagementRow

_HEADERS = (
    "ID",
    "TITLE",
    "COUNTERPART",
    "VENDOR",
    "REGION",
    "STATUS",
    "CONF.",
    "MARKING",
    "FOLLOW-UP",
)


def write_table(rows: Sequence[EngagementRow], out: TextIO) -> None:
    """The rows as an aligned text table, one line each under a header line."""
    cells = [
        (
            str(r.id),
            clip(r.title, 48),
            clip(r.counterpart, 28),
            clip(r.vendor, 16),
            r.region.label if r.region else "",
            r.status.label,
            r.confidence.label if r.confidence else "",
            one_line(r.marking),
            r.follow_up.label() if r.follow_up else "",
        )
        for r in rows
    ]
    out.write("\n".join(aligned([_HEADERS, *cells])) + "\n")


def display_width(text: str) -> int:
    """How many terminal cells ``text`` takes (wide characters two, combining marks none)."""
    cells = wcswidth(text)
    if cells >= 0:
        return int(cells)
    # A character wcwidth calls non-printable (none should be left here) takes no cell.
    return sum(max(int(wcwidth(char)), 0) for char in text)


def pad(text: str, width: int, align: Literal["left", "right"] = "left") -> str:
    """``text`` filled with spaces to ``width`` terminal cells (at the right or left)."""
    fill = " " * max(width - display_width(text), 0)
    return text + fill if align == "left" else fill + text


def clip(text: str, width: int) -> str:
    """``text`` on one line without control characters, cut to ``width`` terminal cells
    with an ellipsis when longer (never in the middle of a wide character, and a
    character's combining marks kept with it)."""
    text = " ".join(one_line(text).split())
    if display_width(text) <= width:
        return text
    kept, used = [], 0
    for char in text:
        cells = max(int(wcwidth(char)), 0)
        if used + cells > width - 1:  # a cell for the ellipsis
            break
        kept.append(char)
        used += cells
    return "".join(kept) + "…"


def row_json(r: EngagementRow) -> dict[str, Any]:
    """A list row as plain JSON values."""
    return {
        "id": r.id,
        "uid": r.uid,
        "title": r.title,
        "counterpart": r.counterpart,
        "vendor": r.vendor,
        "region": r.region.value if r.region else None,
        "status": r.status.value,
        "confidence": r.confidence.value if r.confidence else None,
        "marking": r.marking,
        "updated_at": r.updated_at,
        "follow_up": r.follow_up.iso() if r.follow_up else None,
        "version": r.version,
    }


def progress(stream: TextIO, verb: str = "importing") -> Callable[[int, int], None] | None:
    """A progress callback writing ``verb done/total`` to ``stream``; None unless a terminal."""
    if not stream.isatty():
        return None

    def report(done: int, total: int) -> None:
        if done == total or done % 100 == 0:
            stream.write(f"\r{verb} {done:,}/{total:,}")
            if done == total:
                stream.write("\n")
            stream.flush()

    return report


def aligned(rows: Sequence[Sequence[str]]) -> list[str]:
    """``rows`` (a header first) as lines of left-aligned columns, two spaces apart."""
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(map(pad, row, widths)).rstrip() for row in rows]
