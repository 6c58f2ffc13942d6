"""Organisations at scale: merging one named by 10,000 engagements, and alias search.

    python -m bench.organisations --db /tmp/orgs100k.db [--repeats 5]

Set-up (through the services, kept in ``--db``): the organisation naming the most
engagements gets organisations merged into it until at least 10,000 engagements name
it, and the alias "Bench alias organisation". Then, in turn:

- merge: ``Tracker.merge_organisations`` of that organisation into the next largest
  (one write transaction: engagements re-pointed, audited, re-indexed, sealed), then
  ``unmerge_organisation`` (its undo) back; the budget is 2 s for the merge. The raw
  floor, in the same run, is one SQL ``UPDATE`` re-pointing the same engagements,
  rolled back.
- alias search: every keystroke of the alias typed into the search box is
  ``Tracker.list_ids(filters=Filters(search=...))`` (as the window asks); the budget is
  a p95 of 100 ms. The floor is the same keystrokes of a word that is no alias (the
  full-text search alone).
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import time
from pathlib import Path

from tracker.domain.model import Filters
from tracker.domain.organisations import Organisation
from tracker.services import Tracker

TARGET = 10_000
ALIAS = "Bench alias organisation"
MERGE_BUDGET_S = 2.0
KEYSTROKE_BUDGET_MS = 100.0


def _largest(service: Tracker) -> list[Organisation]:
    return sorted(service.organisations(), key=lambda o: -o.engagements)


def prepare(service: Tracker) -> tuple[str, str]:
    """The organisation with at least ``TARGET`` engagements (made so) and another."""
    orgs = _largest(service)
    source, others = orgs[0], orgs[2:]
    while service.organisation(name=source.name).engagements < TARGET:
        service.merge_organisations(source=others.pop(0).name, into=source.name)
    if ALIAS not in service.organisation(name=source.name).aliases:
        service.add_alias(name=source.name, alias=ALIAS)
    return source.name, orgs[1].name


def raw_floor(db: Path, source: str, into: str) -> float:
    """One UPDATE re-pointing the source's engagements (counterpart and vendor), rolled
    back: what moving the rows costs without audit, index or seal."""
    conn = sqlite3.connect(db)
    try:
        ids = dict(
            conn.execute("SELECT name, id FROM organisation WHERE name IN (?, ?)", (source, into))
        )
        began = time.perf_counter()
        conn.execute("BEGIN")
        for column in ("counterpart_id", "vendor_id"):
            conn.execute(
                f"UPDATE engagement SET {column} = ? WHERE {column} = ?", (ids[into], ids[source])
            )
        spent = time.perf_counter() - began
        conn.rollback()
        return spent
    finally:
        conn.close()


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def keystrokes(service: Tracker, word: str, repeats: int) -> list[float]:
    """Seconds of each prefix of ``word`` searched, ``repeats`` times over."""
    prefixes = [word[:n] for n in range(1, len(word) + 1)]
    service.list_ids(filters=Filters(search=word))  # warm-up
    times: list[float] = []
    for _ in range(repeats):
        for prefix in prefixes:
            began = time.perf_counter()
            service.list_ids(filters=Filters(search=prefix))
            times.append(time.perf_counter() - began)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.organisations", description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    service = Tracker.open(args.db, user="bench")
    try:
        source, into = prepare(service)
        count = service.organisation(name=source).engagements
        total = service.count()
        merges, undos, floors = [], [], []
        for _ in range(args.repeats):
            floors.append(raw_floor(args.db, source, into))
            began = time.perf_counter()
            done = service.merge_organisations(source=source, into=into)
            merges.append(time.perf_counter() - began)
            began = time.perf_counter()
            service.unmerge_organisation(merged=done.merged)
            undos.append(time.perf_counter() - began)
        print(
            f"merge of an organisation named by {count:,} engagements (of {total:,}): "
            f"median {statistics.median(merges):.2f} s, max {max(merges):.2f} s "
            f"(budget {MERGE_BUDGET_S:.0f} s); its undo median {statistics.median(undos):.2f} s; "
            f"raw floor (one UPDATE, rolled back) {statistics.median(floors) * 1000:.0f} ms"
        )
        alias = keystrokes(service, ALIAS.split()[0] + " alias", args.repeats)
        plain = keystrokes(service, "agreement", args.repeats)
        found = len(service.list_ids(filters=Filters(search=ALIAS)))
        print(
            f"alias search ({found:,} engagements): keystroke p95 {p95(alias) * 1000:.0f} ms, "
            f"median {statistics.median(alias) * 1000:.0f} ms (budget p95 "
            f"{KEYSTROKE_BUDGET_MS:.0f} ms); floor, a word that is no alias: p95 "
            f"{p95(plain) * 1000:.0f} ms, median {statistics.median(plain) * 1000:.0f} ms"
        )
    finally:
        service.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
