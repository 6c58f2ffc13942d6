"""``tracker due``: the follow-ups overdue, then those due within a period.

The list takes the filters of ``tracker list`` (``--stale`` among them: the due
follow-ups of engagements nobody has changed for that long). Text shows two groups,
overdue first (the longest overdue first), then the soonest due; JSON and CSV give
one object or row per engagement with the same keys.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
from collections.abc import Sequence
from typing import Any, TextIO

from tracker.cli.context import Context
from tracker.cli.options import add_filters, filters_from_args, period
from tracker.cli.output import aligned, clip
from tracker.domain.dates import PartialDate
from tracker.domain.due import DEFAULT_WINDOW, DueItem, Period, due_until
from tracker.services.base import utc_today
from tracker.services.files import dump_json

# The keys of a JSON object and the columns of the CSV, in order.
KEYS = ("engagement", "id", "title", "status", "follow_up", "due", "days", "overdue", "updated_at")
_HEADERS = ("ID", "DUE", "WHEN", "STATUS", "FOLLOW-UP", "TITLE")


def configure_due(p: argparse.ArgumentParser) -> None:
    """``due [--within PERIOD | --overdue]``: the filters, the period and the format."""
    add_filters(p)
    when = p.add_mutually_exclusive_group()
    when.add_argument(
        "--within",
        metavar="PERIOD",
        default=DEFAULT_WINDOW.text(),
        help=f"also list those due within PERIOD: 30d, 2w, 1m, 1y (default {DEFAULT_WINDOW})",
    )
    when.add_argument("--overdue", action="store_true", help="list the overdue ones only")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text")


def run_due(ctx: Context) -> int:
    """The due list as text, JSON or CSV; "today" is the UTC date."""
    args = ctx.args
    today = utc_today()
    within = period(args.within, "--within")
    items = ctx.service.due(
        filters=filters_from_args(args, today=today),
        within=within,
        overdue_only=args.overdue,
        today=today,
    )
    if args.format == "json":
        ctx.out.write(dump_json([item_json(i) for i in items]))
    elif args.format == "csv":
        ctx.out.write(_csv(items))
    else:
        write_due(items, ctx.out, within=None if args.overdue else within, today=today)
    return 0


def item_json(item: DueItem) -> dict[str, Any]:
    """A due-list entry as plain JSON values (the keys of ``KEYS``)."""
    return {
        "engagement": item.number,
        "id": item.uid,
        "title": item.title,
        "status": item.status.value,
        "follow_up": item.follow_up.iso(),
        "due": item.due.isoformat(),
        "days": item.days,
        "overdue": item.overdue,
        "updated_at": item.updated_at,
    }


def _csv(items: Sequence[DueItem]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=KEYS, lineterminator="\n")
    writer.writeheader()
    for item in items:
        writer.writerow(
            {k: str(v).lower() if k == "overdue" else v for k, v in item_json(item).items()}
        )
    return buffer.getvalue()


def write_due(
    items: Sequence[DueItem], out: TextIO, *, within: Period | None, today: datetime.date
) -> None:
    """Two groups, each under a heading with its count: overdue, then due ``within``
    (None: the overdue ones were asked for alone). Columns line up across both."""
    scope = "overdue" if within is None else f"overdue or due within {within.label()}"
    if not items:
        out.write(f"No follow-ups {scope}.\n")
        return
    lines = aligned([_HEADERS, *(_cells(i) for i in items)])
    overdue = sum(1 for i in items if i.overdue)
    groups = [(f"Overdue: {overdue}", lines[1 : 1 + overdue])]
    if within is not None:
        until = PartialDate.of_day(due_until(today, within)).label()
        heading = f"Due within {within.label()}, by {until}: {len(items) - overdue}"
        groups.append((heading, lines[1 + overdue :]))
    blocks = [[heading, lines[0], *rows] if rows else [heading] for heading, rows in groups]
    out.write("\n\n".join("\n".join(block) for block in blocks) + "\n")


def _cells(item: DueItem) -> tuple[str, ...]:
    return (
        str(item.number),
        PartialDate.of_day(item.due).label(),
        item.when,
        item.status.label,
        item.follow_up.label(),
        clip(item.title, 60),
    )
