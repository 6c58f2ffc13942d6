"""The restriction catalogue at scale: retitling and merging a restriction used by
many engagements, beside a raw floor measured in the same run.

    python -m bench.restriction_catalogue --db /tmp/bench100k.db

The database given is copied first (a merge cannot be undone); the copy is removed
after. The two restrictions with the most engagements are used: the first is
retitled (and retitled back, as Edit → Undo does), the second merged into it.

The floor is what any audited change of that many engagements must do at least, in
plain ``sqlite3`` on its own connection and rolled back: one ``UPDATE`` of their
versions and one audit row inserted for each.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from tracker.services import Tracker


def _top_two(service: Tracker) -> tuple[tuple[str, int], tuple[str, int]]:
    ranked = sorted(service.catalogue(), key=lambda e: -e.engagements)
    first, second = ranked[0], ranked[1]
    return (first.code, first.engagements), (second.code, second.engagements)


def floor_s(db: Path, code: str) -> float:
    """The raw floor for the engagements carrying ``code``: their versions updated and
    one audit row inserted each, in one transaction, rolled back."""
    conn = sqlite3.connect(db)
    try:
        started = time.perf_counter()
        ids = [
            i
            for (i,) in conn.execute(
                "SELECT er.engagement_id FROM engagement_restriction er "
                "JOIN restriction r ON r.id = er.restriction_id WHERE r.code = ?",
                (code,),
            )
        ]
        conn.executemany(
            "UPDATE engagement SET version = version + 1 WHERE id = ?", [(i,) for i in ids]
        )
        conn.executemany(
            "INSERT INTO audit (at, who, engagement_id, version, action, field, old, new) "
            "VALUES ('now', 'bench', ?, 0, 'bench', 'restrictions', '[]', '[]')",
            [(i,) for i in ids],
        )
        elapsed = time.perf_counter() - started
        conn.rollback()
        return elapsed
    finally:
        conn.close()


def _timed(step: Callable[[], object]) -> float:
    started = time.perf_counter()
    step()
    return time.perf_counter() - started


def run(db: Path, *, check: bool = False) -> None:
    """Copy ``db``, measure on the copy, print the figures."""
    with tempfile.TemporaryDirectory(prefix="bench-catalogue-") as folder:
        copy = Path(folder) / "catalogue.db"
        shutil.copyfile(db, copy)
        service = Tracker.open(copy, user="bench")
        try:
            (first, n_first), (second, n_second) = _top_two(service)
            total = service.count()
            print(f"{total:,} engagements; {first}: {n_first:,}, {second}: {n_second:,}")
            floor = floor_s(copy, first)
            old = next(e.title for e in service.catalogue() if e.code == first)
            retitle = _timed(lambda: service.retitle_restriction(code=first, title="Bench title"))
            back = _timed(lambda: service.retitle_restriction(code=first, title=old))
            preview = service.merge_preview(source=second, target=first)
            merge_floor = floor_s(copy, second)
            merge = _timed(lambda: service.merge_restrictions(source=second, target=first))
            print(f"retitle {first} ({n_first:,} live): {retitle:.2f} s, floor {floor:.2f} s")
            print(f"retitle back (undo): {back:.2f} s")
            print(
                f"merge {second} into {first} ({preview.affected:,} engagements, "
                f"{preview.both:,} with both): {merge:.2f} s, floor {merge_floor:.2f} s"
            )
            if check:  # the whole trail replayed: minutes at 100,000 engagements
                report = service.check()
                print(f"check after: {'sound' if report.ok else report.problems[0]}")
        finally:
            service.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the options and run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a database to copy and use")
    parser.add_argument("--check", action="store_true", help="run tracker check after")
    args = parser.parse_args(argv)
    run(args.db, check=args.check)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
