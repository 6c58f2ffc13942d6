"""Moving engagements in and out: ``import`` and ``export`` (JSON or CSV)."""

from __future__ import annotations

import argparse

from tracker.cli.context import Context
from tracker.cli.options import add_as_of, add_filters, as_of_from_args, filters_from_args
from tracker.cli.output import progress
from tracker.domain.flatfile import from_csv, to_csv
from tracker.services.files import dump_json, read_json, read_text, write_atomic


def configure_import(p: argparse.ArgumentParser) -> None:
    """``import FILE``."""
    p.add_argument("file", metavar="FILE")


def run_import(ctx: Context) -> int:
    """Import a .csv file as flat rows, anything else as a JSON document; all or nothing."""
    file, service, err = ctx.args.file, ctx.service, ctx.err
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


def configure_export(p: argparse.ArgumentParser) -> None:
    """``export``: the filters, the format and where to."""
    add_filters(p)
    p.add_argument("--format", choices=("json", "csv"), default="json")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    add_as_of(p, "the engagements")


def run_export(ctx: Context) -> int:
    """Export the matching engagements to standard output or (atomically) to a file."""
    args = ctx.args
    if args.out:
        ctx.service.check_output(args.out)
    filters, day = filters_from_args(args), as_of_from_args(args)
    if day is None:
        document = ctx.service.export_document(filters=filters)
    else:
        document = ctx.service.export_as_of(on=day, filters=filters)
    text = dump_json(document) if args.format == "json" else to_csv(document["engagements"])
    if args.out:
        write_atomic(args.out, text)
        ctx.err.write(f"exported {len(document['engagements'])} engagements to {args.out}\n")
    else:
        ctx.out.write(text)
    return 0
