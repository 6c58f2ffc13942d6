"""The command table, the parser built from it, and :func:`main` with its exit codes.

Exit codes: 0 success, 1 a user-facing error (one line on stderr, never a traceback),
2 bad usage, 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TextIO

from tracker import __version__
from tracker.cli import (
    admin,
    briefs,
    changes,
    edits,
    follow_ups,
    orgs,
    records,
    restrictions,
    templates,
    transfer,
    views,
)
from tracker.cli.context import Context, UsageError
from tracker.cli.register import configure_briefings, run_briefings
from tracker.domain.controls import one_line
from tracker.domain.errors import DamagedDatabaseError, ForeignDatabaseError, TrackerError
from tracker.services import Tracker
from tracker.services.base import check_user_name


def _no_options(_parser: argparse.ArgumentParser) -> None:
    """For commands that take no arguments of their own."""


def _always(_args: argparse.Namespace) -> bool:
    return True


def _never(_args: argparse.Namespace) -> bool:
    return False


@dataclass(frozen=True)
class Command:
    """One subcommand, declared once: the parser and the dispatch are built from these.

    ``needs_database`` says from the parsed arguments whether the database is opened
    before ``run`` (then ``Context.service`` is it) or not at all.
    """

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[Context], int]
    needs_database: Callable[[argparse.Namespace], bool] = _always


# In the order of ``tracker --help``.
COMMANDS: tuple[Command, ...] = (
    Command(
        "gui",
        "open the desktop app (the default)",
        _no_options,
        admin.run_gui,
        needs_database=_never,
    ),
    Command("demo", "load the demo engagements (idempotent)", admin.configure_demo, admin.run_demo),
    Command("list", "list engagements", records.configure_list, records.run_list),
    Command("show", "show one engagement", records.configure_show, records.run_show),
    Command(
        "edit",
        "change fields of an engagement, or of many at once (ids or --where; --dry-run)",
        edits.configure_edit,
        edits.run_edit,
    ),
    Command(
        "delete", "move an engagement to the trash", records.configure_delete, records.run_delete
    ),
    Command(
        "restore",
        "bring an engagement back from the trash, or restore a backup FILE",
        records.configure_restore,
        records.run_restore,
        needs_database=records.restore_needs_database,
    ),
    Command(
        "backup",
        "back up the database (SQLite) to a file",
        admin.configure_backup,
        admin.run_backup,
    ),
    Command(
        "history",
        "the audit trail of an engagement, newest first",
        records.configure_history,
        records.run_history,
    ),
    Command(
        "changes",
        "what changed since a date or a briefing, from the audit trail",
        changes.configure_changes,
        changes.run_changes,
    ),
    Command(
        "due",
        "follow-ups overdue, then those due within a period (default 2 weeks)",
        follow_ups.configure_due,
        follow_ups.run_due,
    ),
    Command(
        "import",
        "import a .json or .csv file (all or nothing)",
        transfer.configure_import,
        transfer.run_import,
    ),
    Command(
        "export",
        "export engagements as JSON or CSV",
        transfer.configure_export,
        transfer.run_export,
    ),
    Command(
        "brief",
        "export a PDF briefing of the matching engagements",
        briefs.configure_brief,
        briefs.run_brief,
    ),
    Command(
        "briefings",
        "the briefing register, latest first; --verify FILE.pdf says which briefing it is",
        configure_briefings,
        run_briefings,
    ),
    Command(
        "views",
        "the saved views; save, rename, share, delete one, or its history",
        views.configure_views,
        views.run_views,
    ),
    Command(
        "restrictions",
        "the restriction catalogue; retitle, describe or merge restrictions",
        restrictions.configure,
        restrictions.run,
    ),
    Command(
        "templates",
        "the briefing templates; save or delete one (tracker brief --template NAME)",
        templates.configure_templates,
        templates.run_templates,
    ),
    Command(
        "orgs",
        "the organisations; merge one into another, give one an alias, set its details",
        orgs.configure_orgs,
        orgs.run_orgs,
    ),
    Command(
        "stats",
        "counts by status and region, or by any two dimensions (--by)",
        admin.configure_stats,
        admin.run_stats,
    ),
    Command(
        "check",
        "check integrity, schema version and the audit trail",
        admin.configure_check,
        admin.run_check,
    ),
)
BY_NAME: Mapping[str, Command] = {command.name: command for command in COMMANDS}
DEFAULT_COMMAND = "gui"


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
    for command in COMMANDS:
        command.configure(sub.add_parser(command.name, help=command.help))
    return parser


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    command = BY_NAME[args.command or DEFAULT_COMMAND]
    if args.user:  # refused before anything is opened, by every command
        args.user = check_user_name(args.user)
    if not command.needs_database(args):
        return command.run(Context(args, out, err))
    service = Tracker.open(args.db, user=args.user)
    warning = service.location_warning
    if warning is not None:
        err.write(f"tracker: warning: {warning}\n")
    try:
        views.apply_view(args, service, err)
        return command.run(Context(args, out, err, service))
    finally:
        service.close()


def _error_line(exc: TrackerError) -> str:
    hint = ""
    if isinstance(exc, DamagedDatabaseError) and not isinstance(exc, ForeignDatabaseError):
        hint = "; restore a backup with: tracker restore FILE"
    # One line, whatever the message quotes: no control character reaches the terminal.
    return f"tracker: error: {one_line(str(exc))}{hint}\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _run(args, sys.stdout, sys.stderr)
    except UsageError as exc:
        parser.error(str(exc))  # exits with 2
    except TrackerError as exc:
        sys.stderr.write(_error_line(exc))
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("tracker: interrupted; nothing more was written\n")
        return 130
    except BrokenPipeError:
        return 0
