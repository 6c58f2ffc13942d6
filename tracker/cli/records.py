"""The commands on engagements: list, show, edit, delete, restore, history."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Any

from tracker.cli import admin
from tracker.cli.context import Context, UsageError
from tracker.cli.options import add_as_of, add_filters, as_of_from_args, filters_from_args
from tracker.cli.output import progress, row_json, write_table
from tracker.cli.show_text import write_engagement
from tracker.domain.as_of import AsOfRows, AsOfSelection, heading, not_rebuilt_count
from tracker.domain.change_words import EMPTY, WHOLE, ChangeRow, word
from tracker.domain.changes import DELETED, Saved
from tracker.domain.controls import one_line, printable
from tracker.domain.flatfile import to_csv
from tracker.domain.interchange import data_to_json
from tracker.domain.jsonfile import parse_json
from tracker.domain.model import SORT_KEYS, AuditEntry, Engagement, EngagementRow
from tracker.services.files import dump_json


def configure_list(p: argparse.ArgumentParser) -> None:
    """``list``: the filters, the order and the format."""
    add_filters(p)
    p.add_argument("--sort", choices=SORT_KEYS, default=None, help="default: title")
    p.add_argument("--desc", action="store_true", help="sort descending")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    add_as_of(p, "the engagements")


def run_list(ctx: Context) -> int:
    """The matching engagements as a table, JSON rows or CSV (every field); with
    ``--as-of``, as they stood then."""
    args, service = ctx.args, ctx.service
    filters, day = filters_from_args(args), as_of_from_args(args)
    if day is not None:
        asked: dict[str, Any] = {
            "on": day,
            "filters": filters,
            "sort": args.sort,
            "descending": args.desc,
            "on_progress": progress(ctx.err, "rebuilding"),
        }
        if args.format != "csv":  # the rows alone: no engagement read whole
            listed = service.rows_as_of(**asked)
            _say_not_rebuilt(ctx, listed)
            return _write_list(ctx, lambda: listed.rows, tuple)
        found = service.selection_as_of(**asked)
        _say_not_rebuilt(ctx, found)
        return _write_list(ctx, lambda: found.rows, lambda: found.selection.engagements)
    ids = service.list_ids(filters=filters, sort=args.sort, descending=args.desc)
    return _write_list(ctx, lambda: service.rows(ids=ids), lambda: service.get_many(ids=ids))


def _write_list(
    ctx: Context,
    rows: Callable[[], Sequence[EngagementRow]],
    engagements: Callable[[], Sequence[Engagement]],
) -> int:
    """Write the list in the format asked for: table rows, JSON rows, or CSV of every
    field (only what that format needs is read)."""
    if ctx.args.format == "csv":
        ctx.out.write(to_csv(data_to_json(e.data, uid=e.uid) for e in engagements()))
    elif ctx.args.format == "json":
        ctx.out.write(dump_json([row_json(r) for r in rows()]))
    else:
        write_table(rows(), ctx.out)
    return 0


def configure_show(p: argparse.ArgumentParser) -> None:
    """``show ID``."""
    p.add_argument("id", metavar="ID", help="number or stable id")
    p.add_argument("--format", choices=("text", "json"), default="text")
    add_as_of(p, "the engagement")


def run_show(ctx: Context) -> int:
    """One engagement, as text or as JSON; with ``--as-of``, as it stood then (the JSON
    exactly as ``show --format json`` printed it at that moment)."""
    day = as_of_from_args(ctx.args)
    if day is None:
        engagement = ctx.service.get(engagement_id=ctx.args.id)
    else:
        engagement = ctx.service.engagement_as_of(engagement_id=ctx.args.id, on=day)
    if ctx.args.format == "json":
        ctx.out.write(dump_json(_show_json(engagement)))
        return 0
    if day is not None:
        ctx.out.write(heading(day) + "\n\n")
    write_engagement(engagement, ctx.out)
    return 0


def _say_not_rebuilt(ctx: Context, found: AsOfSelection | AsOfRows) -> None:
    """One line on stderr for the engagements that existed but cannot be rebuilt."""
    if found.not_rebuilt:
        count = len(found.not_rebuilt)
        ctx.err.write(not_rebuilt_count(count, found.day) + "\n")


def _show_json(e: Engagement) -> dict[str, Any]:
    return {
        "number": e.id,
        "version": e.version,
        "created_at": e.created_at,
        "updated_at": e.updated_at,
        "deleted_at": e.deleted_at,
        **data_to_json(e.data, uid=e.uid),
    }


def run_edit(ctx: Context) -> int:
    """Change the assigned fields, at the version given or else the current one."""
    args, service = ctx.args, ctx.service
    changes = _parse_assignments(args.assignments)
    expected = args.expect_version
    if expected is None:
        expected = service.get(engagement_id=args.id).version
    saved = service.update(engagement_id=args.id, expected_version=expected, changes=changes)
    updated = saved.engagement
    ctx.err.write(f"engagement {updated.id} saved, now at version {updated.version}\n")
    return 0


def _parse_assignments(assignments: Sequence[str]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for item in assignments:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise UsageError(f'--set needs FIELD=VALUE, not "{item}"')
        if value.lstrip().startswith(("[", "{")):
            changes[name] = parse_json(value, source=f"--set {name}")
        elif name == "tags":
            changes[name] = [t.strip() for t in value.split(",") if t.strip()]
        else:
            changes[name] = value if value != "" else None
    return changes


def configure_delete(p: argparse.ArgumentParser) -> None:
    """``delete ID``."""
    p.add_argument("id", metavar="ID")
    p.add_argument("--expect-version", type=int, metavar="N")


def run_delete(ctx: Context) -> int:
    """Move the engagement to the trash."""
    return _move(ctx, ctx.service.delete)


def configure_restore(p: argparse.ArgumentParser) -> None:
    """``restore ID|FILE``."""
    p.add_argument("id", metavar="ID|FILE", help="an engagement, or a backup file to restore")
    p.add_argument("--expect-version", type=int, metavar="N")


def restore_needs_database(args: argparse.Namespace) -> bool:
    """Whether ``restore`` brings back an engagement rather than a backup file.

    A backup file is restored without opening the database: it may be damaged.
    """
    return not admin.names_backup_file(args.id)


def run_restore(ctx: Context) -> int:
    """Bring the engagement back from the trash, or restore the backup file."""
    if ctx.opened is None:  # restore_needs_database found a backup file
        return admin.run_restore_backup(ctx)
    return _move(ctx, ctx.service.restore)


def _move(ctx: Context, action: Callable[..., Saved]) -> int:
    done = action(engagement_id=ctx.args.id, expected_version=ctx.args.expect_version).engagement
    ctx.err.write(f"engagement {done.id} {'moved to the trash' if done.deleted else 'restored'}\n")
    return 0


def configure_history(p: argparse.ArgumentParser) -> None:
    """``history ID``."""
    p.add_argument("id", metavar="ID")
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default): each entry in words, as the changes feed has them; json: "
        "the raw audit entries, for programs (old and new as recorded: interchange JSON "
        "for the tags and child lists, the whole engagement for its creation)",
    )


def run_history(ctx: Context) -> int:
    """The audit trail of the engagement, newest first, in words or as JSON."""
    entries = ctx.service.history(engagement_id=ctx.args.id)
    out = ctx.out
    if ctx.args.format == "json":
        out.write(dump_json([e.__dict__ for e in entries]))
        return 0
    for e in entries:
        # The server's own name for who logged in, where it is not the name given.
        role = f" (database role {e.server_user})" if e.server_user not in (None, e.who) else ""
        who = one_line(e.who + role)
        out.write(f"{one_line(e.at)}  v{e.version}  {who}  {e.action}  {e.field}\n")
        out.writelines(f"    {_value(line)}\n" for line in _entry_lines(e))
    return 0


def _entry_lines(entry: AuditEntry) -> list[str]:
    """What an entry says (``change_words``): the title a whole engagement was recorded
    with, the items of a list one by one, a field's old and new value."""
    change = word(ChangeRow.of_entry(entry), whole_text=True)
    if entry.field == WHOLE:
        return [f"{change.new}: {entry.recorded_title or EMPTY}"]
    if change.items:
        return [f"{change.label}: {item.text()}" for item in change.items]
    if entry.field == DELETED:
        return [change.new]
    lines = [f"old: {change.old}"] if entry.old is not None or entry.action == "update" else []
    return [*lines, f"new: {change.new}"]


def _value(value: str) -> str:
    """An entry's line: without control characters, and each line after the first
    indented, so that no value can pass for an entry of its own."""
    return "\n         ".join(printable(value).split("\n"))
