"""``tracker brief``: a PDF briefing of the matching engagements."""

from __future__ import annotations

import argparse
from dataclasses import replace

from tracker.cli.changes import add_period, period_from_args
from tracker.cli.context import Context
from tracker.cli.options import (
    add_as_of,
    add_filters,
    add_max_marking,
    as_of_from_args,
    filters_from_args,
    period,
    split_commas,
)
from tracker.cli.output import progress
from tracker.cli.templates import add_settings, brief_settings
from tracker.domain.due import DEFAULT_WINDOW, FOLLOW_UPS_DUE
from tracker.domain.languages import Language
from tracker.domain.model import SORT_KEYS
from tracker.domain.presenter import counted
from tracker.services.briefings import BriefingRequest, write_briefing
from tracker.services.files import read_text


def configure_brief(p: argparse.ArgumentParser) -> None:
    """``brief --out FILE.pdf``: the filters (``--marking`` is the banner here), ids, layout."""
    add_filters(p, marking=False)
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    p.add_argument(
        "--ids",
        action="append",
        metavar="ID[,ID..]",
        help="only these engagements (numbers or stable ids)",
    )
    add_settings(p)
    p.add_argument(
        "--template",
        metavar="NAME",
        help="start from this briefing template (tracker templates); options given win",
    )
    p.add_argument("--sort", choices=SORT_KEYS, default=None, help="default: title")
    p.add_argument(
        "--due",
        nargs="?",
        const=DEFAULT_WINDOW.text(),
        metavar="WINDOW",
        help=f'add a "{FOLLOW_UPS_DUE}" section: those overdue, then those due within '
        f"WINDOW (30d, 2w, 1m; default {DEFAULT_WINDOW})",
    )
    add_max_marking(p)
    add_period(p, required=False, until=False)  # a "Changes since …" section
    add_as_of(p, "the engagements")
    p.add_argument(
        "--key-points",
        metavar="FILE",
        help='a "Key points" section after the cover: the UTF-8 text of FILE '
        '(blank lines between paragraphs, "- " before a bullet)',
    )


def run_brief(ctx: Context) -> int:
    """Render the briefing, write it atomically to ``--out`` and record it."""
    args, service = ctx.args, ctx.service
    service.check_output(args.out)
    filters = filters_from_args(args)
    due_within = period(args.due, "--due") if args.due is not None else None
    settings, logo = brief_settings(args, service)
    if args.ids:
        ids = tuple(service.get(engagement_id=ref).id for ref in split_commas(args.ids))
        filters = replace(filters, ids=ids)
    request = BriefingRequest(
        filters=filters,
        sort=args.sort,
        title=settings.title,
        marking=settings.marking,
        author=settings.author,
        organisation=settings.organisation,
        page_size=settings.page_size,
        due_within=due_within,
        changes_since=period_from_args(args, service),
        as_of=as_of_from_args(args),
        logo=logo,
        sections=settings.sections,
        parts=settings.parts,
        key_points=read_text(args.key_points) if args.key_points else "",
        language=Language(settings.language),
        max_marking=args.max_marking,
    )
    record = write_briefing(service, request, args.out, on_progress=progress(ctx.err, "rendering"))
    ctx.err.write(
        f"briefing of {counted(record.engagement_count, 'engagement')} written to {args.out} "
        f"(recorded as briefing {record.id})\n"
    )
    return 0
