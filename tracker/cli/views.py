"""``tracker views``: the saved views, and ``--view NAME`` on the commands with filters.

``tracker views [--format text|json]`` lists the views the user sees (their own and the
shared ones); ``views save NAME [filters] [--sort KEY] [--desc] [--show KIND]
[--shared] [--replace]``, ``views rename OLD NEW``, ``views share NAME [--private]``,
``views delete NAME`` and ``views history NAME`` change and show them.

``--view NAME`` (list, stats, export, brief, changes, due) applies the view's filters,
and its order where the command has one and no ``--sort`` is given; the command's own
filter options narrow it further (``tracker.domain.saved_views.narrowed``). What the
view names that no longer exists is left out, said in one warning line on stderr.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any, TextIO

from tracker.cli.context import Context
from tracker.cli.options import add_filters, filters_from_args
from tracker.cli.output import aligned, clip
from tracker.domain.controls import one_line
from tracker.domain.filter_json import filters_json
from tracker.domain.model import SORT_KEYS
from tracker.domain.register import describe_selection
from tracker.domain.saved_views import VIEW_KINDS, SavedView, body_of
from tracker.services import Tracker
from tracker.services.base import utc_today
from tracker.services.files import dump_json
from tracker.services.views import view_json

EMPTY = "No saved views yet: save one with  tracker views save NAME [filters]"
WHAT_WIDTH = 70
_QUICK_WORDS = {"overdue": "overdue", "due_soon": "due soon", "stale": "stale"}


def apply_view(args: argparse.Namespace, service: Tracker, err: TextIO) -> None:
    """Open ``--view`` if given, for ``filters_from_args`` to start from; put its order
    (or the default one) where the command has ``--sort`` and none was given."""
    name = getattr(args, "view", None)
    opened = None if name is None else service.open_view(name=name)
    args.opened_view = opened
    if opened is not None and opened.left_out:
        what = "; ".join(opened.left_out)
        err.write(f'tracker: warning: view "{one_line(opened.view.name)}" left out {what}\n')
    if getattr(args, "sort", "") is None:
        body = opened.view.body if opened is not None else None
        args.sort = body.sort if body is not None else "title"
        if body is not None and hasattr(args, "desc"):
            args.desc = args.desc or body.descending


def configure_views(p: argparse.ArgumentParser) -> None:
    """``views [--format text|json]`` and its actions."""
    p.add_argument("--format", choices=("text", "json"), default="text")
    actions = p.add_subparsers(dest="views_action", metavar="ACTION")
    save = actions.add_parser("save", help="save the filters given as a view")
    save.add_argument("name", metavar="NAME")
    add_filters(save)
    save.add_argument("--sort", choices=SORT_KEYS, default=None)
    save.add_argument("--desc", action="store_true", help="sort descending")
    save.add_argument("--show", choices=VIEW_KINDS, default="table", help="the view it shows")
    save.add_argument("--shared", action="store_true", help="seen by everyone, not you alone")
    save.add_argument("--replace", action="store_true", help="update your view of that name")
    rename = actions.add_parser("rename", help="rename one of your views")
    rename.add_argument("name", metavar="OLD")
    rename.add_argument("new_name", metavar="NEW")
    share = actions.add_parser("share", help="share one of your views (--private: stop)")
    share.add_argument("name", metavar="NAME")
    share.add_argument("--private", action="store_true")
    for action, text in (("delete", "delete one of your views"), ("history", "a view's trail")):
        actions.add_parser(action, help=text).add_argument("name", metavar="NAME")


def run_views(ctx: Context) -> int:
    """List the views, or do the action asked for and say what was done on stderr."""
    args, service = ctx.args, ctx.service
    action = args.views_action
    if action is None:
        _write_views(service.views(), args.format, ctx.out)
        return 0
    if action == "history":
        events = service.view_history(name=args.name)
        if args.format == "json":
            ctx.out.write(dump_json([e.__dict__ for e in events]))
        else:
            rows = [(e.at, e.who, e.action, e.name) for e in events]
            ctx.out.write("\n".join(aligned([("WHEN", "WHO", "WHAT", "NAME"), *rows])) + "\n")
        return 0
    done = _change(args, service)
    ctx.err.write(f'tracker: {action}d view "{one_line(done)}"\n')  # saved, renamed...
    return 0


def _change(args: argparse.Namespace, service: Tracker) -> str:
    """Do one of the changing actions; the view's name after it."""
    if args.views_action == "save":
        body = body_of(
            filters_from_args(args),
            today=utc_today(),
            sort=args.sort,
            descending=args.desc,
            kind=args.show,
        )
        return service.save_view(
            name=args.name, body=body, shared=args.shared, replace=args.replace
        ).name
    if args.views_action == "rename":
        return service.rename_view(name=args.name, new_name=args.new_name).name
    if args.views_action == "share":
        return service.share_view(name=args.name, shared=not args.private).name
    return service.delete_view(name=args.name).name


def _write_views(views: Sequence[SavedView], form: str, out: TextIO) -> None:
    if form == "json":
        out.write(dump_json([_json(v) for v in views]))
        return
    if not views:
        out.write(EMPTY + "\n")
        return
    rows = [
        (clip(v.name, 40), v.owner, "shared" if v.shared else "private", _what(v)) for v in views
    ]
    out.write("\n".join(aligned([("NAME", "OWNER", "SEEN BY", "WHAT"), *rows])) + "\n")


def _json(view: SavedView) -> dict[str, Any]:
    return {
        "id": view.id,
        **view_json(view),
        "created_at": view.created_at,
        "created_by": view.created_by,
        "updated_at": view.updated_at,
        "updated_by": view.updated_by,
        "version": view.version,
    }


def _what(view: SavedView) -> str:
    """A view's filters, quick filters, order and view, in words, on one line."""
    body = view.body
    words = describe_selection({"filters": filters_json(body.filters), "sort": body.sort})
    quick = [_QUICK_WORDS[k] for k, on in body.quick.__dict__.items() if on]
    extra = [*quick, "descending" if body.descending else "", body.kind]
    return clip(" · ".join([words, *(w for w in extra if w)]), WHAT_WIDTH)
