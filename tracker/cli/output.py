"""Output helpers: the engagement table, clipping, rows as JSON, progress on a terminal.

Text written for a terminal carries no control character (``tracker.domain.controls``):
an escape sequence stored in a record never reaches the terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TextIO

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
    widths = [max([len(h)] + [len(c[i]) for c in cells]) for i, h in enumerate(_HEADERS)]
    for line in (_HEADERS, *cells):
        out.write("  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip() + "\n")


def clip(text: str, width: int) -> str:
    """``text`` on one line without control characters, cut to ``width`` characters with
    an ellipsis when longer."""
    text = " ".join(one_line(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


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
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
