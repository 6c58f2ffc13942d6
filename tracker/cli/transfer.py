"""Moving engagements in and out: ``import`` and ``export`` (JSON or CSV)."""

from __future__ import annotations

import argparse

from tracker.cli.context import Context
from tracker.cli.options import (
    add_as_of,
    add_filters,
    add_max_marking,
    as_of_from_args,
    filters_from_args,
)
from tracker.cli.output import progress
from tracker.domain.flatfile import for_spreadsheets, from_csv, to_csv
from tracker.services.files import dump_json, read_json, read_text, write_atomic


def configure_import(p: argparse.ArgumentParser) -> None:
    """``import FILE [--dry-run [--format text|json]]``."""
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="write nothing: list what the import would create, update (field by field), "
        "leave unchanged and refuse (exit 1 when anything is refused)",
    )
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help="of the --dry-run review"
    )


def run_import(ctx: Context) -> int:
    """Import a .csv file as flat rows, anything else as a JSON document; all or nothing.
    With ``--dry-run``, the review of what it would do instead (nothing written)."""
    file, service, err = ctx.args.file, ctx.service, ctx.err
    if ctx.args.dry_run:
        return _review(ctx)
    if file.lower().endswith(".csv"):
        flat = from_csv(read_text(file), source=file)
        result = service.import_flat_rows(rows=flat, on_progress=progress(err))
    else:
        result = service.import_document(document=read_json(file), on_progress=progress(err))
    err.write(
        f"imported {result.total}: {result.created} created, {result.updated} updated, "
        f"{result.unchanged} unchanged\n"
    )
    for note in result.view_notes:
        err.write(f"tracker: {note}\n")
    return 0


def _review(ctx: Context) -> int:
    """Print the review of ``FILE``'s import; exit 1 when the import would be refused."""
    file, service = ctx.args.file, ctx.service
    if file.lower().endswith(".csv"):
        review = service.review_flat_rows(rows=from_csv(read_text(file), source=file))
    else:
        review = service.review_import(document=read_json(file))
    if ctx.args.format == "json":
        ctx.out.write(dump_json(review.to_json()))
    else:
        ctx.out.write("".join(f"{line}\n" for line in review.lines()))
    return 0 if review.writable else 1


def configure_export(p: argparse.ArgumentParser) -> None:
    """``export``: the filters, the format and where to."""
    add_filters(p)
    p.add_argument("--format", choices=("json", "csv"), default="json")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument(
        "--no-bom",
        action="store_true",
        help="CSV without the byte order mark that makes Excel read UTF-8",
    )
    add_max_marking(p)
    add_as_of(p, "the engagements")


def run_export(ctx: Context) -> int:
    """Export the matching engagements to standard output or (atomically) to a file."""
    args = ctx.args
    if args.out:
        ctx.service.check_output(args.out)
    filters, day, top = filters_from_args(args), as_of_from_args(args), args.max_marking
    if day is None:
        document = ctx.service.export_document(filters=filters, max_marking=top)
    else:
        document = ctx.service.export_as_of(on=day, filters=filters, max_marking=top)
    if args.format == "json":
        text = dump_json(document)
    else:
        text = to_csv(document["engagements"])
        text = text if args.no_bom else for_spreadsheets(text)
    if args.out:
        write_atomic(args.out, text)
        ctx.err.write(f"exported {len(document['engagements'])} engagements to {args.out}\n")
    else:
        ctx.out.write(text)
    return 0
