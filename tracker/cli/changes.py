"""``tracker changes``: what changed on the engagements in a period, from the audit trail.

The period is ``--since DATE [--until DATE]`` (whole days, UTC) or ``--since-briefing
[ID]`` (the entries after that briefing's revision; the latest briefing without an
ID); ``tracker brief`` takes the same options for its "Changes since …" section. The
filters are those of ``tracker list``, applied to the engagements as they are now.

Text groups the changes by engagement, the engagement changed last first, each
change on a line (a list's items one a line under it). JSON is a list of objects,
newest first, with the keys of ``KEYS``: ``old`` and ``new`` are the stored values of a
flat field (null when unset); for the tags and the child lists the words of the items
before (removed, or changed from) and after (added, or changed to), with ``changes``
listing each item as ``{"change": "added"|"removed"|"changed", "item": …, "before": …}``;
for the entry that created, imported, trashed or restored the engagement, ``old`` is
null and ``new`` says which. ``text`` is the change as one line. CSV has one row per
change with the same columns (``changes`` left out, lists joined with "; ").
"""

from __future__ import annotations

import argparse
import csv
import io
from collections.abc import Sequence
from typing import Any, TextIO

from tracker.cli.context import Context
from tracker.cli.options import add_filters, filters_from_args
from tracker.domain.change_words import Change, ChangePeriod, grouped
from tracker.domain.date_parser import parse_partial_date
from tracker.domain.dates import DateParseError, PartialDate
from tracker.domain.errors import ValidationError
from tracker.domain.fields import FIELDS_BY_KEY
from tracker.domain.presenter import timestamp
from tracker.services import Tracker
from tracker.services.files import dump_json

KEYS = (
    "engagement",
    "id",
    "title",
    "at",
    "who",
    "version",
    "action",
    "field",
    "label",
    "old",
    "new",
    "text",
)
LATEST = "latest"  # what a bare --since-briefing stands for


def add_period(p: argparse.ArgumentParser, *, required: bool, until: bool = True) -> None:
    """``--since DATE`` (with ``--until DATE``) or ``--since-briefing [ID]``."""
    g = p.add_argument_group("period")
    one = g.add_mutually_exclusive_group(required=required)
    one.add_argument("--since", metavar="DATE", help="changes from the start of that day (UTC)")
    one.add_argument(
        "--since-briefing",
        nargs="?",
        const=LATEST,
        metavar="ID",
        help="changes after that briefing was written (default: the latest briefing)",
    )
    if until:
        g.add_argument("--until", metavar="DATE", help="to the end of that day (UTC)")


def _day(args: argparse.Namespace, name: str) -> PartialDate | None:
    text = getattr(args, name, None)
    if text is None:
        return None
    try:
        return parse_partial_date(text)
    except DateParseError as exc:
        raise ValidationError(str(exc), field="--" + name) from None


def period_from_args(args: argparse.Namespace, service: Tracker) -> ChangePeriod | None:
    """The period the options name, None when none was given; a ``ValidationError``
    naming the option for a date that is not one or an unknown briefing."""
    wanted = args.since_briefing
    if wanted is not None:
        briefing_id = None
        if wanted != LATEST:
            try:
                briefing_id = int(wanted)
            except ValueError:
                raise ValidationError(
                    f'"{wanted}" is not a briefing number', field="--since-briefing"
                ) from None
        try:
            record = service.briefing(briefing_id=briefing_id)
        except ValidationError as exc:
            raise ValidationError(exc.reason, field="--since-briefing") from None
        return ChangePeriod.after_briefing(record.id, revision=record.revision, at=record.at)
    since, until = _day(args, "since"), _day(args, "until")
    if since is None:
        if until is not None:
            raise ValidationError("needs --since or --since-briefing", field="--until")
        return None
    return ChangePeriod(since=since.first_day, until=until.last_day if until else None)


def configure_changes(p: argparse.ArgumentParser) -> None:
    """``changes --since DATE [--until DATE] | --since-briefing [ID]``, filters, format."""
    add_period(p, required=True)
    add_filters(p)
    p.add_argument("--format", choices=("text", "json", "csv"), default="text")


def run_changes(ctx: Context) -> int:
    """The changes of the period as text, JSON or CSV."""
    period = period_from_args(ctx.args, ctx.service)
    assert period is not None  # the period group is required
    found = ctx.service.changes(filters=filters_from_args(ctx.args), period=period).changes
    if ctx.args.format == "json":
        ctx.out.write(dump_json([change_json(c) for c in found]))
    elif ctx.args.format == "csv":
        ctx.out.write(_csv(found))
    else:
        write_changes(found, ctx.out, period=period)
    return 0


def _list_kind(change: Change) -> bool:
    spec = FIELDS_BY_KEY.get(change.row.field)
    return spec is not None and spec.kind in ("tags", "children")


def change_json(change: Change) -> dict[str, Any]:
    """One change as plain JSON values (the keys of ``KEYS``, ``changes`` for a list)."""
    row = change.row
    out: dict[str, Any] = {
        "engagement": row.engagement,
        "id": row.uid,
        "title": row.title,
        "at": row.at,
        "who": row.who,
        "version": row.version,
        "action": row.action,
        "field": row.field,
        "label": change.label,
        "old": row.old,
        "new": row.new,
        "text": change.text(),
    }
    if _list_kind(change):
        out["old"] = [i.before or i.words for i in change.items if i.change != "added"]
        out["new"] = [i.words for i in change.items if i.change != "removed"]
        out["changes"] = [
            {"change": i.change, "item": i.words, "before": i.before or None} for i in change.items
        ]
    elif row.field not in FIELDS_BY_KEY:  # the whole engagement, or the trash
        out["old"], out["new"] = None, change.new
    return out


def _csv(found: Sequence[Change]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=KEYS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for change in found:
        row = change_json(change)
        for key in ("old", "new"):
            if isinstance(row[key], list):
                row[key] = "; ".join(row[key])
        writer.writerow(row)
    return buffer.getvalue()


def write_changes(found: Sequence[Change], out: TextIO, *, period: ChangePeriod) -> None:
    """The changes under one heading per engagement, the engagement changed last first."""
    groups = grouped(found)
    if not groups:
        out.write(f"No changes {period.label()}.\n")
        return
    out.write(
        f"Changes {period.label()}: {len(found)} "
        f"change{'s' if len(found) != 1 else ''} to {len(groups)} "
        f"engagement{'s' if len(groups) != 1 else ''}\n"
    )
    for group in groups:
        out.write(f"\n#{group.engagement}  {group.title}  ({group.uid})\n")
        for change in group.changes:
            out.write(_line(change))


def _line(change: Change) -> str:
    row = change.row
    head = f"  {timestamp(row.at)}  {row.who}  v{row.version}  "
    if len(change.items) <= 1:
        return head + change.text() + "\n"
    lines = [head + change.label + ":"]
    lines += ["      " + item.text() for item in change.items]
    return "\n".join(lines) + "\n"
