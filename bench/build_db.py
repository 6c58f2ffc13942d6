"""Build a benchmark database of generated engagements through the service layer.

    python -m bench.build_db --engagements 100000 --db /tmp/bench100k.db

Engagements go in through ``Tracker.import_document`` (the same validation and
writes as ``tracker import``), in batches of ``--batch`` engagements: each call
is one transaction. The import rate is printed as it goes.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.generate import child_count, generate_engagements
from tracker.domain.interchange import FORMAT
from tracker.domain.model import Filters
from tracker.services import Tracker

DEFAULT_BATCH = 2000


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote and how fast."""

    engagements: int
    children: int
    seconds: float

    @property
    def engagements_per_second(self) -> float:
        return self.engagements / self.seconds if self.seconds else 0.0

    @property
    def rows_per_second(self) -> float:
        """Engagements plus their child records, per second."""
        return (self.engagements + self.children) / self.seconds if self.seconds else 0.0


def build(
    db: str | Path,
    engagements: int,
    *,
    seed: int = 0,
    batch: int = DEFAULT_BATCH,
    verbose: bool = False,
) -> BuildResult:
    """Import ``engagements`` generated engagements into ``db`` (created if missing)."""
    service = Tracker.open(db, user="bench")
    children = 0
    seconds = 0.0
    try:
        done = 0
        while done < engagements:
            size = min(batch, engagements - done)
            items = generate_engagements(size, seed, start=done)
            children += sum(child_count(e) for e in items)
            began = time.perf_counter()
            service.import_document(document={"format": FORMAT, "engagements": items})
            seconds += time.perf_counter() - began
            done += size
            if verbose:
                print(
                    f"  {done:>9,} / {engagements:,}  {done / seconds:8.0f} engagements/s  "
                    f"elapsed {seconds:6.1f} s",
                    file=sys.stderr,
                    flush=True,
                )
    finally:
        service.close()
    return BuildResult(engagements=engagements, children=children, seconds=seconds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.build_db", description=__doc__)
    parser.add_argument("--engagements", type=int, required=True, metavar="N")
    parser.add_argument("--db", type=Path, required=True, metavar="PATH")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--batch",
        type=int,
        default=DEFAULT_BATCH,
        metavar="N",
        help=f"engagements per import_document call (default {DEFAULT_BATCH})",
    )
    parser.add_argument(
        "--replace", action="store_true", help="delete the database first if it exists"
    )
    args = parser.parse_args(argv)
    if args.engagements < 1 or args.batch < 1:
        parser.error("--engagements and --batch must be positive")
    if args.db.exists():
        if not args.replace:
            parser.error(f"{args.db} exists (use --replace to rebuild it)")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    result = build(args.db, args.engagements, seed=args.seed, batch=args.batch, verbose=True)
    service = Tracker.open(args.db, user="bench")
    try:
        stored = service.count(filters=Filters())
    finally:
        service.close()
    print(
        f"imported {result.engagements:,} engagements ({result.children:,} children) "
        f"in {result.seconds:.1f} s: {result.engagements_per_second:,.0f} engagements/s, "
        f"{result.rows_per_second:,.0f} rows/s (engagements + children); "
        f"{stored:,} engagements in {args.db}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
