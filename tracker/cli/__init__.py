"""The command line: ``tracker [--db PATH_OR_URL] COMMAND``.

Exit codes: 0 success, 1 a user-facing error (one line on stderr, never a
traceback), 2 bad usage. Every command goes through :class:`tracker.services.Tracker`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, TextIO

from tracker import __version__
from tracker.cli.options import add_filters, filters_from_args, split_commas
from tracker.cli.output import progress, row_json, write_table
from tracker.cli.show_text import write_engagement
from tracker.domain.errors import DamagedDatabaseError, TrackerError, ValidationError
from tracker.domain.flatfile import from_csv, to_csv
from tracker.domain.interchange import data_to_json
from tracker.domain.model import SORT_KEYS, Engagement, Filters
from tracker.domain.vocab import Region, Status
from tracker.services import Tracker
from tracker.services.files import dump_json, read_json, read_text, write_atomic

GUI_ENTRY_POINTS = "engagement_tracker.gui"


class UsageError(Exception):
    """Bad usage of the command line (exit code 2)."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``tracker`` command."""
    parser = argparse.ArgumentParser(
        prog="tracker",
        description="Engagement Tracker: government and multinational AI engagements.",
    )
    parser.add_argument("--db", metavar="PATH_OR_URL", help="database file or SQLAlchemy URL")
    parser.add_argument("--user", metavar="NAME", help="name recorded in the audit trail")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("gui", help="open the desktop app (the default)")
    p = sub.add_parser("demo", help="load the demo engagements (idempotent)")
    p.add_argument("--if-empty", action="store_true", help="only into an empty database")

    p = sub.add_parser("list", help="list engagements")
    add_filters(p)
    p.add_argument("--sort", choices=SORT_KEYS, default="title")
    p.add_argument("--desc", action="store_true", help="sort descending")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")

    p = sub.add_parser("show", help="show one engagement")
    p.add_argument("id", metavar="ID", help="number or stable id")
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = sub.add_parser("edit", help="change fields of an engagement")
    p.add_argument("id", metavar="ID")
    p.add_argument(
        "--set",
        action="append",
        required=True,
        metavar="FIELD=VALUE",
        dest="assignments",
        help="a field and its new value (dates in any form; lists as JSON or comma-separated tags)",
    )
    p.add_argument(
        "--expect-version",
        type=int,
        metavar="N",
        help="refuse (conflict) unless the engagement is at this version",
    )

    for name, text in (
        ("delete", "move an engagement to the trash"),
        ("restore", "bring an engagement back from the trash, or restore a backup FILE"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument(
            "id",
            metavar="ID" if name == "delete" else "ID|FILE",
            help=None if name == "delete" else "an engagement, or a backup file to restore",
        )
        p.add_argument("--expect-version", type=int, metavar="N")

    p = sub.add_parser("backup", help="back up the database (SQLite) to a file")
    p.add_argument(
        "--out", metavar="FILE", help="where to write it (default: backups/ beside the database)"
    )

    p = sub.add_parser("history", help="the audit trail of an engagement, newest first")
    p.add_argument("id", metavar="ID")
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = sub.add_parser("import", help="import a .json or .csv file (all or nothing)")
    p.add_argument("file", metavar="FILE")

    p = sub.add_parser("export", help="export engagements as JSON or CSV")
    add_filters(p)
    p.add_argument("--format", choices=("json", "csv"), default="json")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")

    p = sub.add_parser("brief", help="export a PDF briefing of the matching engagements")
    add_filters(p, marking=False)
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    p.add_argument(
        "--ids",
        action="append",
        metavar="ID[,ID..]",
        help="only these engagements (numbers or stable ids)",
    )
    p.add_argument("--title", default="AI engagements briefing")
    p.add_argument(
        "--marking",
        metavar="MARKING",
        help="banner marking (default: the highest among the engagements)",
    )
    p.add_argument("--author", default="", metavar="NAME")
    p.add_argument("--organisation", default="", metavar="NAME")
    p.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
    p.add_argument("--sort", choices=SORT_KEYS, default="title")

    p = sub.add_parser("stats", help="counts by status and region")
    add_filters(p)

    sub.add_parser("check", help="check integrity and schema version")
    return parser


# -- output helpers -------------------------------------------------------------


def _show_json(e: Engagement) -> dict[str, Any]:
    return {
        "number": e.id,
        "version": e.version,
        "created_at": e.created_at,
        "updated_at": e.updated_at,
        "deleted_at": e.deleted_at,
        **data_to_json(e.data, uid=e.uid),
    }


def _parse_assignments(assignments: Sequence[str]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for item in assignments:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise UsageError(f'--set needs FIELD=VALUE, not "{item}"')
        if value.lstrip().startswith(("[", "{")):
            try:
                changes[name] = json.loads(value)
            except json.JSONDecodeError as exc:
                raise ValidationError(f"not valid JSON ({exc.msg})", field=name) from None
        elif name == "tags":
            changes[name] = [t.strip() for t in value.split(",") if t.strip()]
        else:
            changes[name] = value if value != "" else None
    return changes


# -- commands -------------------------------------------------------------------


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    command = args.command or "gui"
    if command == "gui":
        return _gui(args)
    if command == "restore" and _names_backup_file(args.id):
        return _restore_backup(args, err)
    service = Tracker.open(args.db, user=args.user)
    warning = service.location_warning
    if warning is not None:
        err.write(f"tracker: warning: {warning}\n")
    try:
        return _dispatch(command, service, args, out, err)
    finally:
        service.close()


def _names_backup_file(ref: str) -> bool:
    """True when ``tracker restore``'s argument is a file rather than an engagement."""
    if ref.strip().isdigit():
        return False
    return Path(ref).is_file() or ref.endswith(".db") or os.sep in ref or "/" in ref


def _restore_backup(args: argparse.Namespace, err: TextIO) -> int:
    from tracker.services.backups import database_file, restore

    if args.expect_version is not None:
        raise UsageError("--expect-version is for engagements, not backup files")
    if not Path(args.id).is_file():
        raise TrackerError(f"{args.id}: no such file")
    database = database_file(args.db)
    kept = restore(database=database, source=args.id)
    if kept == database:
        err.write(f"restored {args.id} into {database} (there was no database to keep)\n")
    else:
        err.write(f"restored {args.id} into {database}; the replaced database is kept as {kept}\n")
    return 0


def _gui(args: argparse.Namespace) -> int:
    found = list(entry_points(group=GUI_ENTRY_POINTS))
    if not found:
        raise TrackerError("the desktop app is not installed; use the commands of 'tracker --help'")
    launch = found[0].load()
    return int(launch(db=args.db, user=args.user))


def _dispatch(
    command: str, service: Tracker, args: argparse.Namespace, out: TextIO, err: TextIO
) -> int:
    if command == "demo":
        result = service.load_demo(if_empty=args.if_empty)
        err.write(
            f"demo: {result.created} created, {result.updated} updated, "
            f"{result.unchanged} unchanged\n"
        )
    elif command == "list":
        ids = service.list_ids(
            filters=filters_from_args(args), sort=args.sort, descending=args.desc
        )
        if args.format == "csv":
            engagements = service.get_many(ids=ids)
            out.write(to_csv(data_to_json(e.data, uid=e.uid) for e in engagements))
        else:
            rows = service.rows(ids=ids)
            if args.format == "json":
                out.write(dump_json([row_json(r) for r in rows]))
            else:
                write_table(rows, out)
    elif command == "show":
        engagement = service.get(engagement_id=args.id)
        if args.format == "json":
            out.write(dump_json(_show_json(engagement)))
        else:
            write_engagement(engagement, out)
    elif command == "edit":
        changes = _parse_assignments(args.assignments)
        expected = args.expect_version
        if expected is None:
            expected = service.get(engagement_id=args.id).version
        updated = service.update(engagement_id=args.id, expected_version=expected, changes=changes)
        err.write(f"engagement {updated.id} saved, now at version {updated.version}\n")
    elif command in ("delete", "restore"):
        action = service.delete if command == "delete" else service.restore
        done = action(engagement_id=args.id, expected_version=args.expect_version)
        err.write(f"engagement {done.id} {'moved to the trash' if done.deleted else 'restored'}\n")
    elif command == "history":
        entries = service.history(engagement_id=args.id)
        if args.format == "json":
            out.write(dump_json([e.__dict__ for e in entries]))
        for e in entries if args.format == "text" else ():
            out.write(f"{e.at}  v{e.version}  {e.who}  {e.action}  {e.field}\n")
            if e.old is not None or e.action == "update":
                out.write(f"    old: {e.old if e.old is not None else '—'}\n")
            out.write(f"    new: {e.new if e.new is not None else '—'}\n")
    elif command == "import":
        if args.file.lower().endswith(".csv"):
            flat = from_csv(read_text(args.file), source=args.file)
            result = service.import_flat_rows(rows=flat, on_progress=progress(err))
        else:
            result = service.import_document(
                document=read_json(args.file), on_progress=progress(err)
            )
        err.write(
            f"imported {result.total}: {result.created} created, {result.updated} updated, "
            f"{result.unchanged} unchanged\n"
        )
    elif command == "export":
        document = service.export_document(filters=filters_from_args(args))
        text = dump_json(document) if args.format == "json" else to_csv(document["engagements"])
        if args.out:
            write_atomic(args.out, text)
            err.write(f"exported {len(document['engagements'])} engagements to {args.out}\n")
        else:
            out.write(text)
    elif command == "brief":
        _brief(service, args, err)
    elif command == "stats":
        _stats(service, filters_from_args(args), out)
    elif command == "backup":
        written = service.backup(target=args.out)
        err.write(f"backup written to {written}\n")
    elif command == "check":
        report = service.check()
        for problem in report.problems:
            out.write(f"problem: {problem}\n")
        verdict = "sound" if report.ok else "NOT sound"
        out.write(
            f"{service.url}: schema version {report.schema_version}, "
            f"{report.engagements} engagements, {verdict}\n"
        )
        return 0 if report.ok else 1
    return 0


def _brief(service: Tracker, args: argparse.Namespace, err: TextIO) -> None:
    from tracker.services.briefings import BriefingRequest, render_briefing

    filters = filters_from_args(args)
    if args.ids:
        ids = tuple(service.get(engagement_id=ref).id for ref in split_commas(args.ids))
        filters = replace(filters, ids=ids)
    request = BriefingRequest(
        filters=filters,
        sort=args.sort,
        title=args.title,
        marking=args.marking,
        author=args.author,
        organisation=args.organisation,
        page_size=args.page_size,
    )
    pdf, count = render_briefing(service, request, on_progress=progress(err, "rendering"))
    write_atomic(args.out, pdf)
    err.write(f"briefing of {count} engagements written to {args.out}\n")


def _stats(service: Tracker, filters: Filters, out: TextIO) -> None:
    stats = service.statistics(filters=filters)
    regions = [r for r in (*Region, None) if any(k[1] == r for k in stats.by_status_region)]
    names = [r.label if r else "(none)" for r in regions]
    out.write(
        "STATUS".ljust(12) + "".join(n.rjust(max(len(n), 5) + 2) for n in names) + "  TOTAL\n"
    )
    for status in Status:
        counts = [stats.by_status_region.get((status, r), 0) for r in regions]
        if not any(counts):
            continue
        out.write(
            status.label.ljust(12)
            + "".join(str(c).rjust(max(len(n), 5) + 2) for c, n in zip(counts, names, strict=True))
            + str(sum(counts)).rjust(7)
            + "\n"
        )
    out.write(
        f"{'Total':12}{'':>{sum(max(len(n), 5) + 2 for n in names)}}"
        + str(stats.total).rjust(7)
        + "\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _run(args, sys.stdout, sys.stderr)
    except UsageError as exc:
        parser.error(str(exc))
    except TrackerError as exc:
        hint = ""
        if isinstance(exc, DamagedDatabaseError) and "damaged" in str(exc):
            hint = "; restore a backup with: tracker restore FILE"
        sys.stderr.write(f"tracker: error: {exc}{hint}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("tracker: interrupted; nothing more was written\n")
        return 130
    except BrokenPipeError:
        return 0
    return 0
