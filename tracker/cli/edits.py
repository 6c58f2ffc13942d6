"""``tracker edit``: change one engagement, or many at once (bulk edit).

    tracker edit 12 --set summary="…"                      one engagement, any field
    tracker edit 3,7,12 --set status=paused --set owner="Desk B" \\
        --add-tag x --remove-tag y --set-stance CODE=agreed
    tracker edit --where --status active --owner "Desk A" --set owner="Desk B" --dry-run

Several ids (comma-separated, numbers or stable ids), ``--where`` with the filter
options of ``tracker list``, or any of ``--add-tag``, ``--remove-tag``,
``--set-stance``, ``--dry-run`` make it a bulk edit: ``--set`` then takes the fields
of ``tracker.domain.bulk_edit.BULK_FIELDS`` (an empty value clears owner, follow-up
or confidence), all engagements change in one transaction or none does, and
``--dry-run`` prints what would change and writes nothing. The restriction's stance
has its own option, ``--set-stance``, because ``--stance`` is a filter.
"""

from __future__ import annotations

import argparse

from tracker.cli import records
from tracker.cli.context import Context, UsageError
from tracker.cli.options import add_filters, filters_from_args, split_commas
from tracker.domain.bulk_edit import BULK_FIELDS, BulkEdit, BulkResult, differences
from tracker.domain.controls import printable
from tracker.domain.model import Filters


def configure_edit(p: argparse.ArgumentParser) -> None:
    """``edit ID[,ID..] --set FIELD=VALUE ...`` or ``edit --where [filters] --set ...``."""
    p.add_argument("id", metavar="ID[,ID..]", nargs="?", help="one id, or several: 3,7,12")
    p.add_argument(
        "--set",
        action="append",
        metavar="FIELD=VALUE",
        dest="assignments",
        help="a field and its new value (dates in any form; lists as JSON or comma-separated "
        f"tags); in a bulk edit one of {', '.join(BULK_FIELDS)}",
    )
    p.add_argument("--add-tag", action="append", metavar="TAG[,TAG..]", help="bulk: add tags")
    p.add_argument("--remove-tag", action="append", metavar="TAG[,TAG..]", help="bulk: remove tags")
    p.add_argument(
        "--set-stance",
        action="append",
        metavar="CODE=STANCE",
        help="bulk: set a restriction's stance (added where an engagement lacks it)",
    )
    p.add_argument(
        "--where",
        action="store_true",
        help="bulk: edit every engagement matching the filter options (those of list)",
    )
    p.add_argument(
        "--dry-run", action="store_true", help="bulk: print what would change, write nothing"
    )
    p.add_argument(
        "--expect-version",
        type=int,
        metavar="N",
        help="refuse (conflict) unless the engagement is at this version (one engagement)",
    )
    add_filters(p)


def _is_bulk(args: argparse.Namespace) -> bool:
    several = args.id is not None and "," in args.id
    extras = (args.add_tag, args.remove_tag, args.set_stance, args.where, args.dry_run)
    return several or any(extras)


def run_edit(ctx: Context) -> int:
    """One engagement through ``Tracker.update``, or a bulk edit."""
    args = ctx.args
    filters = filters_from_args(args)
    if not args.where and filters != Filters():
        raise UsageError("filter options select engagements only after --where")
    if args.where == (args.id is not None):
        raise UsageError("give the ids to edit, or --where with filter options, not both")
    if not _is_bulk(args):
        if not args.assignments:
            raise UsageError("edit needs --set FIELD=VALUE")
        return records.run_edit(ctx)
    if args.expect_version is not None:
        raise UsageError("--expect-version is for one engagement, not a bulk edit")
    edit = BulkEdit(
        values=tuple(_assignment(item, "--set") for item in args.assignments or ()),
        add_tags=tuple(split_commas(args.add_tag)),
        remove_tags=tuple(split_commas(args.remove_tag)),
        stances=tuple(_assignment(item, "--set-stance") for item in args.set_stance or ()),
    )
    if edit.empty:
        raise UsageError("a bulk edit needs --set, --add-tag, --remove-tag or --set-stance")
    result = ctx.service.bulk_edit(
        edit=edit,
        engagement_ids=None if args.where else split_commas([args.id]),
        filters=filters if args.where else None,
        dry_run=args.dry_run,
    )
    _report(ctx, result)
    return 0


def _assignment(item: str, option: str) -> tuple[str, str]:
    name, sep, value = item.partition("=")
    if not sep or not name.strip():
        raise UsageError(f'{option} needs NAME=VALUE, not "{item}"')
    return name.strip(), value.strip()


def _report(ctx: Context, result: BulkResult) -> None:
    """A dry run: each engagement that would change, field by field, on stdout. A
    write: how many changed, on stderr. Either way those left out."""
    if result.dry_run:
        for step in result.steps:
            ctx.out.write(f'engagement {step.engagement_id} "{printable(step.title)}"\n')
            for label, old, new in differences(step):
                ctx.out.write(f"  {label}: {printable(old)} -> {printable(new)}\n")
    verb = "would change" if result.dry_run else "changed"
    summary = _summary(verb, len(result.steps), result.unchanged)
    (ctx.out if result.dry_run else ctx.err).write(summary + "\n")
    for skipped in result.skipped:
        ctx.err.write(f"tracker: warning: {printable(skipped.words())}\n")


def _summary(verb: str, changed: int, unchanged: int) -> str:
    noun = "engagement" if changed == 1 else "engagements"
    written = "; nothing written" if verb == "would change" else ""
    return f"{verb} {changed:,} {noun} ({unchanged:,} already so){written}"
