"""``python -m bench``: every scale figure of issue 5, each beside its raw floor.

    python -m bench [--engagements 100000] [--db PATH] [--json FILE] [--repeats 5]

Builds (or reuses) a generated database of N engagements (about 10 children each),
then measures import rate, start-up to first painted rows, filter/search keystrokes,
sorting, the detail pane, the due list, the changes feed, the record as of a date,
briefings and peak memory, and prints one table: the figure, the raw floor measured in
the same run, their ratio, and the target.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.gui import percentile


@dataclass(frozen=True)
class Figure:
    """One line of the table."""

    name: str
    value: float
    floor: float
    unit: str
    target: str
    floor_name: str

    @property
    def ratio(self) -> float:
        """How many times the floor's cost: for rates, floor rate / our rate."""
        if self.unit == "rows/s":
            return self.floor / self.value if self.value else 0.0
        return self.value / self.floor if self.floor else 0.0


def _import_rate(engagements: int) -> Figure:
    from bench.import_rate import measure

    rates = measure(engagements)
    return Figure(
        "import rate",
        rates.app_rate,
        rates.floor_rate,
        "rows/s",
        ">= 75,000 rows/s (<= 3x raw)",
        "raw sqlite3 executemany",
    )


def _due(db: Path, repeats: int) -> list[Figure]:
    from bench.due import measure

    due = measure(db, repeats)
    return [
        Figure(
            f"due list ({due.items:,} follow-ups)",
            due.due_s * 1000,
            due.due_floor_s * 1000,
            "ms",
            "<= 100 ms",
            "the same SELECT in sqlite3",
        ),
        Figure(
            f"overdue count ({due.overdue:,})",
            due.count_s * 1000,
            due.count_floor_s * 1000,
            "ms",
            "-",
            "the same count(*) in sqlite3",
        ),
    ]


def _as_of(db: Path, repeats: int) -> list[Figure]:
    from bench.as_of import VERSIONS, measure

    f = measure(db, repeats)
    return [
        Figure(
            f"one engagement as of, {VERSIONS} versions",
            f.one_s * 1000,
            f.one_floor_s * 1000,
            "ms",
            "<= 20 ms",
            "its entries SELECTed in sqlite3",
        ),
        Figure(
            f"list --as-of ({f.audit_rows:,} entries)",
            f.whole_s * 1000,
            f.list_s * 1000,
            "ms",
            "reported",
            "a plain list (ids + rows)",
        ),
        Figure(
            "list --as-of, its SQL alone",
            f.whole_s * 1000,
            f.whole_floor_s * 1000,
            "ms",
            "reported",
            "every entry SELECTed in sqlite3",
        ),
    ]


def _changes(db: Path, repeats: int) -> list[Figure]:
    from bench.changes import measure
    from tracker.domain.model import Filters
    from tracker.domain.vocab import Status

    everything = measure(db, repeats)
    paused = measure(db, repeats, filters=Filters(statuses=(Status.PAUSED,)))
    figures = []
    for label, feed in (
        (f"changes, 30 days ({everything.entries:,} entries)", everything),
        ("changes, 30 days, one status", paused),
    ):
        figures.append(
            Figure(
                label,
                feed.first_screen_s * 1000,
                feed.floor_s * 1000,
                "ms",
                "<= 100 ms",
                "the same SELECTs in sqlite3",
            )
        )
    return figures


def collect(db: Path, engagements: int, repeats: int, *, with_import: bool) -> list[Figure]:
    """Run every measurement; returns the figures in print order."""
    from bench import briefing as briefing_bench
    from bench import memory
    from bench.detail import measure_detail
    from bench.gui import (
        close_window,
        measure_keystrokes,
        measure_sorts,
        measure_startup,
        measure_statuses,
        open_window,
    )
    from bench.save import measure_save

    figures: list[Figure] = []
    if with_import:
        figures.append(_import_rate(engagements))
    startup = measure_startup(db, repeats)
    figures.append(
        Figure(
            "start to first painted rows",
            startup.app["painted"] * 1000,
            startup.floor["painted"] * 1000,
            "ms",
            "<= 1000 ms",
            "bare Qt window",
        )
    )
    with tempfile.TemporaryDirectory() as tmp:
        window = open_window(db, Path(tmp) / "settings.ini")
        try:
            steps = measure_keystrokes(window, "nato defence", repeats)
            steps += measure_statuses(window, repeats)
            gui = [s.gui_s * 1000 for s in steps]
            floor = [s.floor_s * 1000 for s in steps]
            for p in (50, 95):
                figures.append(
                    Figure(
                        f"filter/search keystroke p{p}",
                        percentile(gui, p),
                        percentile(floor, p),
                        "ms",
                        "p95 <= 100 ms",
                        "the SQL query alone",
                    )
                )
            sorts = measure_sorts(window, repeats)
            worst = max(sorts, key=lambda s: s.gui_s)
            figures.append(
                Figure(
                    f"sort, slowest column ({worst.label})",
                    worst.gui_s * 1000,
                    worst.floor_s * 1000,
                    "ms",
                    "<= 150 ms",
                    "the SQL ORDER BY alone",
                )
            )
            saved = measure_save(window, repeats)
            figures.append(
                Figure(
                    f"save -> repainted ({saved.id_queries_per_save:g} id queries a save)",
                    saved.gui_s * 1000,
                    saved.floor_s * 1000,
                    "ms",
                    "no id query",
                    "the service's save alone",
                )
            )
            shown, reads = measure_detail(window)
            figures.append(
                Figure(
                    "show one engagement's detail",
                    shown * 1000,
                    reads * 1000,
                    "ms",
                    "-",
                    "service reads alone",
                )
            )
        finally:
            close_window(window)
    figures += _due(db, repeats)
    figures += _changes(db, repeats)
    figures += _as_of(db, repeats)  # last: it adds history to the database (once)
    for size, target in ((50, "<= 1 s"), (500, "<= 4 s")):
        b = briefing_bench.briefing(size)
        spec, _ = briefing_bench.bare_spec(b)
        from functools import partial

        from exports.briefing import render_pdf

        seconds, _pdf = briefing_bench._best(partial(render_pdf, b), 3)
        bare, _ = briefing_bench._best(partial(briefing_bench.render_bare, spec), 3)
        figures.append(
            Figure(
                f"{size}-engagement briefing",
                seconds * 1000,
                bare * 1000,
                "ms",
                target,
                "bare reportlab, same size",
            )
        )
    rss = memory.measure(db)
    figures.append(
        Figure(
            "peak RSS while browsing",
            rss["browse"],
            rss["floor"],
            "MB",
            "<= 150 MB",
            "Qt window + all ids",
        )
    )
    figures.append(
        Figure(
            "peak RSS after 500 briefing",
            rss["briefing"],
            rss["floor"],
            "MB",
            "-",
            "Qt window + all ids",
        )
    )
    return figures


def format_table(figures: list[Figure], engagements: int) -> str:
    """The printed table."""
    lines = [
        f"Engagement Tracker benchmark: {engagements:,} engagements, {os.cpu_count()} cores",
        "",
        f"{'figure':38} {'value':>12} {'floor':>12} {'ratio':>6}  {'target':30} floor is",
    ]
    for f in figures:
        lines.append(
            f"{f.name:38} {f.value:>9,.1f} {f.unit:<2} {f.floor:>9,.1f} {f.unit:<2} "
            f"{f.ratio:>6.2f}  {f.target:30} {f.floor_name}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Build or reuse the dataset, measure, print, optionally write JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engagements", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="reuse (or build here) the generated database")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--no-import", action="store_true", help="skip the import-rate run")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from bench.build_db import build

    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        db = args.db or Path(tmp) / f"bench{args.engagements}.db"
        if not db.exists():
            print(f"building {args.engagements:,} engagements in {db} …", flush=True)
            build(db, args.engagements, verbose=True)
        figures = collect(db, args.engagements, args.repeats, with_import=not args.no_import)
    print(format_table(figures, args.engagements))
    if args.json:
        rows = [{**asdict(f), "ratio": f.ratio} for f in figures]
        args.json.write_text(
            json.dumps({"engagements": args.engagements, "figures": rows}, indent=2) + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
