"""Opening a saved view at scale, beside the same filter typed by hand, in the same run.

    python -m bench.saved_views --db /tmp/views100k.db [--repeats 5]

For each view below, the floor is what the window does once a filter is typed: the
ordered ids of the matching engagements (``Tracker.list_ids``, one read transaction).
Opening the view is ``Tracker.open_view`` (the view read, what it names checked, one
read transaction) and then the same ``list_ids`` with the filters it returned; the two
are run in turn, so that load and caches fall on both alike. The figures quoted are
the difference (the budget is +20 ms), the ratio, and ``open_view`` alone. The views are
saved into ``--db`` under the user "bench" (saved again, replacing, on each run).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.timing import median_seconds
from tracker.domain.model import Filters
from tracker.domain.saved_views import ViewBody
from tracker.domain.vocab import Region, Stance, Status
from tracker.services import Tracker

BUDGET_MS = 20.0


def _views(service: Tracker) -> dict[str, ViewBody]:
    """The views measured: a few filters of each kind; the last names a restriction and
    an owner that are gone (the owner, in no spelling, is the dearest check: a scan)."""
    vendor = service.names(kind="vendor")[0]
    owner = service.names(kind="owner")[0]
    code = service.names(kind="restriction")[0]
    tag = service.names(kind="tag")[0]
    return {
        "status and region": ViewBody(
            filters=Filters(statuses=(Status.ACTIVE, Status.AGREED), regions=(Region.EUROPE,))
        ),
        "vendor, tag and owner": ViewBody(
            filters=Filters(vendor=vendor, tag=tag, owner=owner), sort="updated_at"
        ),
        "restriction and stance": ViewBody(
            filters=Filters(restriction=code, stance=Stance.DISPUTED), sort="vendor"
        ),
        "search": ViewBody(filters=Filters(search="agreement"), sort="title"),
        "gone restriction and owner": ViewBody(
            filters=Filters(restriction="NO-SUCH-CODE", owner="Nobody here", vendor=vendor)
        ),
    }


@dataclass(frozen=True)
class ViewFigure:
    """Median seconds of a view opened and listed, beside the same filter typed."""

    name: str
    matched: int
    left_out: int
    typed_s: float
    opened_s: float
    open_s: float  # the view read and checked alone


def _one(service: Tracker, name: str, body: ViewBody, repeats: int) -> ViewFigure:
    service.save_view(name=name, body=body, replace=True)
    opened = service.open_view(name=name)

    def typed() -> list[int]:
        return service.list_ids(filters=opened.filters, sort=body.sort, descending=body.descending)

    def from_view() -> list[int]:
        shown = service.open_view(name=name)
        return service.list_ids(filters=shown.filters, sort=body.sort, descending=body.descending)

    typed_s, opened_s = alternating(typed, from_view, repeats)
    open_s = median_seconds(lambda: service.open_view(name=name), repeats)
    return ViewFigure(name, len(typed()), len(opened.left_out), typed_s, opened_s, open_s)


def alternating(
    first: Callable[[], object], second: Callable[[], object], repeats: int
) -> tuple[float, float]:
    """The median seconds of ``first`` and of ``second``, run in turn (after a warm-up
    of each), so that neither gains from a cache the other warmed or a load that came
    and went."""
    first()
    second()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeats):
        for run, kept in ((first, times[0]), (second, times[1])):
            began = time.perf_counter()
            run()
            kept.append(time.perf_counter() - began)
    return statistics.median(times[0]), statistics.median(times[1])


def measure(db: Path, repeats: int = 5) -> list[ViewFigure]:
    """Each view of ``_views`` opened and listed, beside its filter typed."""
    service = Tracker.open(db, user="bench")
    try:
        return [_one(service, n, body, repeats) for n, body in _views(service).items()]
    finally:
        service.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.saved_views", description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    for f in measure(args.db, args.repeats):
        extra = (f.opened_s - f.typed_s) * 1000
        gone = f", {f.left_out} left out" if f.left_out else ""
        print(
            f"view {f.name}: {f.matched:,} engagements{gone}; typed {f.typed_s * 1000:.1f} ms, "
            f"opened {f.opened_s * 1000:.1f} ms ({extra:+.1f} ms, budget +{BUDGET_MS:.0f}), "
            f"ratio {f.opened_s / f.typed_s:.2f}; open_view alone {f.open_s * 1000:.1f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
