"""The filter options of list, export, brief and stats, and the ``Filters`` they name."""

from __future__ import annotations

import argparse
import datetime
from collections.abc import Sequence
from typing import Any

from tracker.domain.as_of import as_of_day
from tracker.domain.date_parser import parse_partial_date
from tracker.domain.dates import DateParseError
from tracker.domain.due import Period, PeriodError, parse_period
from tracker.domain.errors import ValidationError
from tracker.domain.model import Filters
from tracker.domain.saved_views import narrowed
from tracker.domain.vocab import Confidence, Region, Stance, Status, Vocabulary
from tracker.services.base import utc_today


def split_commas(values: Sequence[str] | None) -> list[str]:
    """The comma-separated items of a repeatable option (``--x a,b --x c``), blanks dropped."""
    out: list[str] = []
    for value in values or ():
        out += [part.strip() for part in value.split(",") if part.strip()]
    return out


def _words(cls: type[Vocabulary], values: Sequence[str] | None, option: str) -> tuple[Any, ...]:
    try:
        return tuple(cls.parse(v) for v in split_commas(values))
    except ValueError as exc:
        raise ValidationError(str(exc), field=option) from None


# What ``--region`` takes for "no region set" (beside the region names).
NO_REGION = ("none", "not set", "(not set)")


def _regions(values: Sequence[str] | None) -> tuple[Region | None, ...]:
    out: list[Region | None] = []
    for value in split_commas(values):
        if value.casefold() in NO_REGION:
            out.append(None)
            continue
        try:
            out.append(Region.parse(value))
        except ValueError:
            allowed = ", ".join(Region.values())
            raise ValidationError(
                f'unknown region "{value}" (allowed: {allowed}, or none for no region set)',
                field="--region",
            ) from None
    return tuple(out)


def _stance(text: str | None) -> Stance | None:
    if text is None:
        return None
    try:
        return Stance.parse(text)
    except ValueError as exc:
        raise ValidationError(str(exc), field="--stance") from None


def add_filters(p: argparse.ArgumentParser, *, marking: bool = True) -> None:
    """Add the filter options; ``marking=False`` leaves ``--marking`` to the command."""
    g = p.add_argument_group("filters")
    g.add_argument(
        "--view",
        metavar="NAME",
        help="start from this saved view (its filters, and its order when no --sort is "
        "given); the filter options given beside it narrow it further",
    )
    g.add_argument("--status", action="append", metavar="S[,S..]", help="status words")
    g.add_argument(
        "--region", action="append", metavar="R[,R..]", help='regions ("none": no region set)'
    )
    g.add_argument("--vendor", metavar="NAME")
    g.add_argument("--counterpart", metavar="NAME")
    g.add_argument(
        "--org",
        metavar="NAME",
        help="vendor or counterpart is this organisation (name or alias) or a part of it",
    )
    g.add_argument("--restriction", metavar="CODE", help="restriction code or title")
    g.add_argument(
        "--stance",
        metavar="STANCE",
        help=f"a restriction's stance ({', '.join(Stance.values())}): of --restriction "
        "when given, of any restriction otherwise",
    )
    g.add_argument("--confidence", action="append", metavar="C[,C..]")
    if marking:
        # Its own dest, so that brief's --marking (the banner) is never read as a filter.
        g.add_argument("--marking", action="append", dest="markings", metavar="M[,M..]")
    g.add_argument("--tag", metavar="TAG")
    g.add_argument("--owner", metavar="NAME", help="the desk or person who holds it (any case)")
    g.add_argument("--from", dest="date_from", metavar="DATE", help="started on or after")
    g.add_argument("--to", dest="date_to", metavar="DATE", help="started on or before")
    g.add_argument(
        "--stale",
        metavar="PERIOD",
        help="open engagements with no change for PERIOD (90d, 12w, 3m, 1y)",
    )
    g.add_argument("--search", metavar="TEXT", help="full-text search over everything")
    g.add_argument(
        "--linked-to",
        type=int,
        metavar="N",
        help="engagements linked to engagement N, from either end",
    )
    g.add_argument("--trash", action="store_true", help="deleted engagements instead")


def add_as_of(p: argparse.ArgumentParser, what: str) -> None:
    """``--as-of DATE``: ``what`` as it stood at the end of that day (UTC)."""
    p.add_argument(
        "--as-of",
        metavar="DATE",
        help=f"{what} as it stood at the end of DATE (UTC), rebuilt from the audit trail "
        "(a month or year: its last day)",
    )


def add_max_marking(p: argparse.ArgumentParser) -> None:
    """``--max-marking M``: nothing marked above M in the file (``tracker.domain.ceiling``)."""
    p.add_argument(
        "--max-marking",
        metavar="MARKING",
        help="leave out every engagement marked above MARKING (and anything naming one)",
    )


def as_of_from_args(args: argparse.Namespace) -> datetime.date | None:
    """The day ``--as-of`` names, or None when it is not given."""
    text = getattr(args, "as_of", None)
    return None if text is None else as_of_day(text, today=utc_today())


def period(text: str, option: str) -> Period:
    """The period an option names ("2w", "30 days"); a ``ValidationError`` naming the
    option otherwise."""
    try:
        return parse_period(text)
    except PeriodError as exc:
        raise ValidationError(str(exc), field=option) from None


def filters_from_args(args: argparse.Namespace, *, today: datetime.date | None = None) -> Filters:
    """The ``Filters`` named by the options that :func:`add_filters` added; ``--stale``
    counts back from ``today`` (by default the UTC date). With ``--view``, the view's
    filters narrowed by those options."""
    dates = {}
    for option in ("date_from", "date_to"):
        text = getattr(args, option, None)
        if text:
            try:
                dates[option] = parse_partial_date(text)
            except DateParseError as exc:
                raise ValidationError(str(exc), field="--" + option.removeprefix("date_")) from None
    stale = getattr(args, "stale", None)
    stale_before = None
    if stale is not None:
        stale_before = period(stale, "--stale").before(today or utc_today())
    given = Filters(
        statuses=_words(Status, args.status, "--status"),
        regions=_regions(args.region),
        confidences=_words(Confidence, args.confidence, "--confidence"),
        markings=tuple(m.upper() for m in split_commas(getattr(args, "markings", None))),
        vendor=args.vendor,
        counterpart=args.counterpart,
        organisation=args.org,
        restriction=args.restriction,
        stance=_stance(getattr(args, "stance", None)),
        tag=args.tag,
        owner=args.owner,
        started_from=dates.get("date_from"),
        started_to=dates.get("date_to"),
        stale_before=stale_before,
        search=args.search,
        linked_to=getattr(args, "linked_to", None),
        trash=args.trash,
    )
    opened = getattr(args, "opened_view", None)  # --view, opened by tracker.cli.views
    return given if opened is None else narrowed(opened.filters, given)
