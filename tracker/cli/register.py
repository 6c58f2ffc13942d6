"""``tracker briefings``: the briefing register, and which briefing a PDF file is.

Text is a table, the latest briefing first, each row followed by its selection in
words; JSON is a list of the full records. ``--verify FILE.pdf`` hashes the file and
names the recorded briefing with that content, or fails (exit 1): the briefing
officer's way to check that a PDF on someone's desk is the one the register says.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Sequence
from typing import Any, TextIO

from tracker.cli.context import Context
from tracker.cli.output import aligned, clip
from tracker.domain.controls import one_line
from tracker.domain.errors import TrackerError
from tracker.domain.presenter import timestamp
from tracker.domain.register import BriefingRecord, describe_selection
from tracker.services.files import dump_json

EMPTY = "No briefing has been recorded yet."
HASH_SHOWN = 12  # hex digits of the SHA-256 in the table: enough to tell files apart by eye
_HEADERS = ("#", "WHEN", "WHO", "TITLE", "MARKING", "ENG.", "FILE", "SHA-256")
_INDENT = " " * 4


def configure_briefings(p: argparse.ArgumentParser) -> None:
    """``briefings [--verify FILE.pdf] [--format text|json]``."""
    p.add_argument(
        "--verify",
        metavar="FILE.pdf",
        help="say which recorded briefing this file is (by its SHA-256)",
    )
    p.add_argument("--format", choices=("text", "json"), default="text")


def run_briefings(ctx: Context) -> int:
    """The register, or the briefing a file is (exit 1 when none has its content)."""
    args, service = ctx.args, ctx.service
    if args.verify is not None:
        found = service.briefing_for_file(path=args.verify)
        if found is None:
            raise TrackerError(f"{args.verify}: no recorded briefing has this content")
        ctx.out.write(dump_json(record_json(found)) if args.format == "json" else verified(found))
        return 0
    records = service.briefings()
    if args.format == "json":
        ctx.out.write(dump_json([record_json(r) for r in records]))
    else:
        write_register(records, ctx.out)
    return 0


def record_json(record: BriefingRecord) -> dict[str, Any]:
    """A register entry as plain JSON: every field, the selection as it was recorded."""
    return dataclasses.asdict(record)


def verified(record: BriefingRecord) -> str:
    """The line saying which briefing a file is."""
    return (
        f"briefing {record.id}, written {timestamp(record.at)} by {clip(record.who, 60)}: "
        f"{clip(record.title, 120)}\n"
    )


def write_register(records: Sequence[BriefingRecord], out: TextIO) -> None:
    """The table, the latest first; under each row, its selection in words."""
    if not records:
        out.write(EMPTY + "\n")
        return
    lines = aligned([_HEADERS, *(_cells(r) for r in records)])
    out.write(lines[0] + "\n")
    for line, record in zip(lines[1:], records, strict=True):
        out.write(f"{line}\n{_INDENT}{clip(describe_selection(record.selection), 100)}\n")


def _cells(record: BriefingRecord) -> tuple[str, ...]:
    return (
        str(record.id),
        timestamp(record.at),
        clip(record.who, 20),
        clip(record.title, 40),
        one_line(record.marking),
        str(record.engagement_count),
        clip(record.file_name, 32),
        record.sha256[:HASH_SHOWN],
    )
