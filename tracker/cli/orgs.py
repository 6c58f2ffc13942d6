"""``tracker orgs``: organisations as records.

``tracker orgs [--format text|json]`` lists them (kind, country, region, parent,
aliases, how many engagements name each); ``orgs merge FROM INTO`` merges one into
another (engagements re-pointed, its names kept as aliases); ``orgs alias ORG ALIAS``
gives one another name; ``orgs set ORG [--kind K] [--country CC] [--region R]
[--parent P]`` sets its details (an empty value clears one).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TextIO

from tracker.cli.context import Context
from tracker.cli.output import aligned, clip
from tracker.domain.controls import one_line
from tracker.domain.organisations import Organisation, listing_json
from tracker.services.files import dump_json
from tracker.services.organisations import EDITABLE

EMPTY = "No organisations yet: they come with the engagements that name them"
ALIASES_WIDTH = 50


def configure_orgs(p: argparse.ArgumentParser) -> None:
    """``orgs [--format text|json]`` and its actions."""
    p.add_argument("--format", choices=("text", "json"), default="text")
    actions = p.add_subparsers(dest="orgs_action", metavar="ACTION")
    merge = actions.add_parser("merge", help="merge organisation FROM into INTO")
    merge.add_argument("source", metavar="FROM")
    merge.add_argument("into", metavar="INTO")
    alias = actions.add_parser("alias", help="give an organisation another name")
    alias.add_argument("name", metavar="ORG")
    alias.add_argument("alias", metavar="ALIAS")
    edit = actions.add_parser("set", help="set an organisation's kind, country, region, parent")
    edit.add_argument("name", metavar="ORG")
    for key in EDITABLE:
        edit.add_argument(f"--{key}", default=None, metavar=key.upper())


def run_orgs(ctx: Context) -> int:
    """List the organisations, or do the action asked for and say what was done."""
    args, service = ctx.args, ctx.service
    action = args.orgs_action
    if action is None:
        _write(service.organisations(), args.format, ctx.out)
    elif action == "merge":
        done = service.merge_organisations(source=args.source, into=args.into).merged
        count = len(done.engagements)
        ctx.err.write(
            f'tracker: merged "{one_line(done.name)}" into "{one_line(done.into)}"'
            f" ({count} engagement{'' if count == 1 else 's'} re-pointed)\n"
        )
    elif action == "alias":
        service.add_alias(name=args.name, alias=args.alias)
        ctx.err.write(f'tracker: "{one_line(args.alias)}" now names "{one_line(args.name)}"\n')
    else:
        changes = {k: getattr(args, k) for k in EDITABLE if getattr(args, k) is not None}
        service.update_organisation(name=args.name, changes=changes)
        ctx.err.write(f'tracker: updated "{one_line(args.name)}"\n')
    return 0


def _write(orgs: Sequence[Organisation], form: str, out: TextIO) -> None:
    if form == "json":
        out.write(dump_json(listing_json(orgs)))
        return
    if not orgs:
        out.write(EMPTY + "\n")
        return
    rows = [("NAME", "KIND", "COUNTRY", "REGION", "PARENT", "ENGAGEMENTS", "ALIASES")]
    for o in orgs:
        d = o.details
        rows.append(
            (
                one_line(o.name),
                d.kind.value if d.kind else "",
                d.country or "",
                d.region.value if d.region else "",
                one_line(d.parent or ""),
                str(o.engagements),
                clip(one_line(", ".join(o.aliases)), ALIASES_WIDTH),
            )
        )
    out.write("\n".join(aligned(rows)) + "\n")
