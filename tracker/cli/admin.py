"""Looking after the database: ``demo``, ``stats``, ``check``, ``backup``, restoring a
backup file, and ``gui`` (the desktop app, found through an entry point)."""

from __future__ import annotations

import argparse
import os
from importlib.metadata import entry_points
from pathlib import Path

from tracker.cli import pivots
from tracker.cli.context import Context, UsageError
from tracker.cli.options import add_filters, filters_from_args
from tracker.domain.errors import TrackerError
from tracker.domain.pivot import parse_by
from tracker.domain.vocab import Region, Status
from tracker.services import backups

# The command line never imports ui: the desktop app registers itself under this group.
GUI_ENTRY_POINTS = "engagement_tracker.gui"


def run_gui(ctx: Context) -> int:
    """Open the desktop app on ``--db``; its exit code is ours."""
    found = list(entry_points(group=GUI_ENTRY_POINTS))
    if not found:
        raise TrackerError("the desktop app is not installed; use the commands of 'tracker --help'")
    launch = found[0].load()
    return int(launch(db=ctx.args.db, user=ctx.args.user))


def configure_demo(p: argparse.ArgumentParser) -> None:
    """``demo [--if-empty]``."""
    p.add_argument("--if-empty", action="store_true", help="only into an empty database")


def run_demo(ctx: Context) -> int:
    """Load the demo engagements (idempotent)."""
    result = ctx.service.load_demo(if_empty=ctx.args.if_empty)
    ctx.err.write(
        f"demo: {result.created} created, {result.updated} updated, {result.unchanged} unchanged\n"
    )
    return 0


def configure_stats(p: argparse.ArgumentParser) -> None:
    """``stats [--by ROW[,COLUMN]] [--format table|json|csv]``: and the filters."""
    add_filters(p)
    p.add_argument("--by", metavar="ROW[,COLUMN]", help=pivots.BY_HELP)
    p.add_argument("--format", choices=pivots.FORMATS, help=pivots.FORMAT_HELP)


def run_stats(ctx: Context) -> int:
    """Counts of the matching engagements: by ``--by`` (or status by region) in a
    ``--format``, else the table of status by region as it always read."""
    args = ctx.args
    if args.by is None and args.format in (None, "table"):
        return _run_status_region(ctx)
    rows, columns = parse_by(args.by or "status,region")
    found = ctx.service.pivot(rows=rows, columns=columns, filters=filters_from_args(args))
    pivots.write(found, args.format or "table", ctx.out)
    return 0


def _run_status_region(ctx: Context) -> int:
    """Status (rows) by region (columns), each row and column with its total."""
    stats = ctx.service.statistics(filters=filters_from_args(ctx.args))
    regions = [r for r in (*Region, None) if any(k[1] == r for k in stats.by_status_region)]
    names = [r.label if r else "(none)" for r in regions]
    # One width per column (the regions', then TOTAL's), shared by every row.
    widths = [*(max(len(n), 5) + 2 for n in names), 7]

    def row(label: str, cells: list[str]) -> str:
        return label.ljust(12) + "".join(c.rjust(w) for c, w in zip(cells, widths, strict=True))

    lines = [row("STATUS", [*names, "TOTAL"])]
    for status in Status:
        counts = [stats.by_status_region.get((status, r), 0) for r in regions]
        if any(counts):
            lines.append(row(status.label, [*map(str, counts), str(sum(counts))]))
    per_region = stats.by_region()
    lines.append(row("Total", [*(str(per_region[r]) for r in regions), str(stats.total)]))
    ctx.out.write("".join(line + "\n" for line in lines))
    return 0


def configure_check(p: argparse.ArgumentParser) -> None:
    """``check [--seal TOKEN]``."""
    p.add_argument(
        "--seal",
        metavar="TOKEN",
        help="an audit seal printed on an earlier briefing's cover (ENTRIES:SEAL): the "
        "trail must still carry it",
    )


def run_check(ctx: Context) -> int:
    """Integrity and schema version; exit code 1 when the database is not sound."""
    service, out = ctx.service, ctx.out
    report = service.check(seal=ctx.args.seal)
    for problem in report.problems:
        out.write(f"problem: {problem}\n")
    for warning in report.warnings:
        out.write(f"warning: {warning}\n")
    verdict = "sound" if report.ok else "NOT sound"
    out.write(
        f"{service.url}: schema version {report.schema_version}, "
        f"{report.engagements} engagements, {verdict}\n"
    )
    return 0 if report.ok else 1


def configure_backup(p: argparse.ArgumentParser) -> None:
    """``backup [--out FILE]``."""
    p.add_argument(
        "--out", metavar="FILE", help="where to write it (default: backups/ beside the database)"
    )


def run_backup(ctx: Context) -> int:
    """Back up the (SQLite) database."""
    written = ctx.service.backup(target=ctx.args.out)
    ctx.err.write(f"backup written to {written}\n")
    return 0


def names_backup_file(ref: str) -> bool:
    """True when ``tracker restore``'s argument is a file rather than an engagement."""
    if ref.strip().isdigit():
        return False
    return Path(ref).is_file() or ref.endswith(".db") or os.sep in ref or "/" in ref


def run_restore_backup(ctx: Context) -> int:
    """Put the backup file ``ctx.args.id`` in place of the database, keeping the replaced one."""
    args = ctx.args
    if args.expect_version is not None:
        raise UsageError("--expect-version is for engagements, not backup files")
    if not Path(args.id).is_file():
        raise TrackerError(f"{args.id}: no such file")
    database = backups.database_file(args.db)
    kept = backups.restore(database=database, source=args.id)
    if kept == database:
        ctx.err.write(f"restored {args.id} into {database} (there was no database to keep)\n")
    else:
        ctx.err.write(
            f"restored {args.id} into {database}; the replaced database is kept as {kept}\n"
        )
    return 0
