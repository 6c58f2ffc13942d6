"""The review of a 10,000-engagement import into a large database, beside a floor.

    python -m bench.import_review --db /tmp/ri-100k.db [--engagements 10000] [--repeats 3]

The file is made from the database itself: of its first ``--engagements`` engagements,
half come back with a changed owner and a tag more (updates, worded field by field),
a quarter as they are (unchanged), and a quarter are new (their ids taken away). What
the window does before its review dialog shows is timed: the file read (``read_json``),
``Tracker.review_import`` and the review's lines (the dialog's text). The floor, from
the same run, is what any review must do at least: the file read and the stored
engagements it names read whole (``export_document`` of their ids). Nothing is written.
Both are given as wall time and as the process's CPU time (on a shared, loaded machine
the wall time also counts the waits for the cores).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tracker.domain.model import Filters
from tracker.services import Tracker
from tracker.services.files import read_json

BUDGET_S = 3.0


@dataclass(frozen=True)
class ReviewFigure:
    """Median seconds of the review before the dialog, and of the floor."""

    engagements: int
    created: int
    updated: int
    unchanged: int
    review_s: float
    floor_s: float
    review_cpu_s: float
    floor_cpu_s: float


def timed(run: Callable[[], Any], repeats: int) -> tuple[float, float, Any]:
    """Median wall and CPU seconds of ``repeats`` runs (after a warm-up), the last result."""
    result = run()
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        result = run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), result


def review_file(service: Tracker, count: int, folder: Path) -> tuple[Path, tuple[int, ...]]:
    """Write the file reviewed; the ids of the stored engagements it names."""
    ids = tuple(service.list_ids(filters=Filters(), sort="id")[:count])
    items: list[dict[str, Any]] = service.export_document(filters=Filters(ids=ids))["engagements"]
    for n, item in enumerate(items):
        if n % 4 in (0, 1):  # updated
            item["owner"] = f"Reviewed desk {n}"
            item["tags"] = [*item["tags"], "reviewed"]
        elif n % 4 == 3:  # new
            item.pop("id")
    path = folder / "review.json"
    path.write_text(json.dumps({"format": "engagement-tracker/2", "engagements": items}))
    named = tuple(i for n, i in enumerate(ids) if n % 4 != 3)
    return path, named


def measure(db: Path, *, engagements: int, repeats: int) -> ReviewFigure:
    """Time the review and the floor, in turn, on a file made from ``db``."""
    service = Tracker.open(db, user="bench")
    try:
        with tempfile.TemporaryDirectory() as folder:
            path, named = review_file(service, engagements, Path(folder))

            def before_dialog() -> Any:
                review = service.review_import(document=read_json(path))
                review.lines()
                return review

            def floor() -> None:
                read_json(path)
                service.export_document(filters=Filters(ids=named))

            review_s, review_cpu_s, review = timed(before_dialog, repeats)
            floor_s, floor_cpu_s, _ = timed(floor, repeats)
    finally:
        service.close()
    assert review.writable, review.refused[:3]
    return ReviewFigure(
        engagements=engagements,
        created=len(review.created),
        updated=len(review.updated),
        unchanged=len(review.unchanged),
        review_s=review_s,
        floor_s=floor_s,
        review_cpu_s=review_cpu_s,
        floor_cpu_s=floor_cpu_s,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.import_review", description=__doc__)
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--engagements", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    f = measure(args.db, engagements=args.engagements, repeats=args.repeats)
    print(
        f"review of {f.engagements:,} engagements ({f.created:,} created, {f.updated:,} "
        f"updated, {f.unchanged:,} unchanged): {f.review_s:.2f} s before the dialog, "
        f"CPU {f.review_cpu_s:.2f} s (budget {BUDGET_S:.0f} s); floor (file read, named "
        f"engagements read) {f.floor_s:.2f} s, CPU {f.floor_cpu_s:.2f} s; "
        f"ratio {f.review_cpu_s / f.floor_cpu_s:.1f}x"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
