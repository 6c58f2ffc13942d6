"""``tracker restrictions``: the managed restriction catalogue.

``tracker restrictions [list] [--format text|json]`` lists every restriction with its
aliases and the number of engagements (not in the trash) using it;
``restrictions retitle CODE TITLE``, ``restrictions describe CODE TEXT`` and
``restrictions merge FROM INTO`` change it and say what they did on stderr (a merge
first says how many engagements it touches).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import asdict
from typing import TextIO

from tracker.cli.context import Context
from tracker.cli.output import aligned, clip
from tracker.domain.controls import one_line
from tracker.domain.restriction_catalogue import CatalogueEntry
from tracker.services.files import dump_json

EMPTY = "No restrictions catalogued yet: they come with the engagements that name them"
TITLE_WIDTH = 60


def configure(p: argparse.ArgumentParser) -> None:
    """``restrictions [list|retitle|describe|merge]``."""
    p.add_argument("--format", choices=("text", "json"), default="text")
    actions = p.add_subparsers(dest="restrictions_action", metavar="ACTION")
    listing = actions.add_parser("list", help="every restriction with its engagements")
    listing.add_argument("--format", choices=("text", "json"), default=argparse.SUPPRESS)
    retitle = actions.add_parser("retitle", help="give a restriction a new title")
    retitle.add_argument("code", metavar="CODE")
    retitle.add_argument("title", metavar="TITLE")
    describe = actions.add_parser("describe", help="set a restriction's description")
    describe.add_argument("code", metavar="CODE")
    describe.add_argument("text", metavar="TEXT")
    merge = actions.add_parser("merge", help="merge FROM into INTO (FROM becomes an alias)")
    merge.add_argument("source", metavar="FROM")
    merge.add_argument("target", metavar="INTO")


def run(ctx: Context) -> int:
    """List the catalogue, or make the change asked for."""
    args, service = ctx.args, ctx.service
    action = args.restrictions_action
    if action in (None, "list"):
        _write(service.catalogue(), args.format, ctx.out)
        return 0
    if action == "retitle":
        changes = service.retitle_restriction(code=args.code, title=args.title)
        said = f"retitled; {_engagements(len(changes.engagements))} show the new title"
    elif action == "describe":
        service.describe_restriction(code=args.code, description=args.text)
        said = "described"
    else:
        preview = service.merge_preview(source=args.source, target=args.target)
        ctx.err.write(
            f"tracker: merging {_code(args.source)} into {_code(args.target)} touches "
            f"{_engagements(preview.affected)} ({preview.both:,} with both)\n"
        )
        service.merge_restrictions(source=args.source, target=args.target)
        ctx.err.write(f"tracker: merged; {_code(args.source)} is an alias now\n")
        return 0
    ctx.err.write(f"tracker: restriction {_code(args.code)} {said}\n")
    return 0


def _code(code: str) -> str:
    return f'"{one_line(code)}"'


def _engagements(count: int) -> str:
    return "1 engagement" if count == 1 else f"{count:,} engagements"


def _write(entries: Sequence[CatalogueEntry], form: str, out: TextIO) -> None:
    if form == "json":
        out.write(dump_json([asdict(e) for e in entries]))
        return
    if not entries:
        out.write(EMPTY + "\n")
        return
    rows = [
        (
            clip(e.code, TITLE_WIDTH),
            clip(e.title, TITLE_WIDTH),
            f"{e.engagements:,}",
            clip(", ".join(e.aliases), TITLE_WIDTH),
        )
        for e in entries
    ]
    out.write("\n".join(aligned([("CODE", "TITLE", "ENGAGEMENTS", "ALIASES"), *rows])) + "\n")
