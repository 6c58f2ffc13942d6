"""After a monkey run: is each database sound, and is every saved edit there?

Two checks, on every database the monkey saved into (and the one it started on):

- ``tracker check`` in a subprocess (integrity, schema, the audit trail's seals and its
  replay against the stored engagements); its exit code must be 0;
- every save the monkey recorded (engagement, field, the value the form held, the
  version the save made) against the audit trail: the trail rebuilds that version of
  that engagement (``Tracker.versions``) and the field holds the value typed. And the
  engagement as stored now must equal the newest version its trail rebuilds: an edit
  that was later undone (or changed again) is then the value of that later version,
  which the trail also holds, so the expected value of every field is the trail's
  last one, and the typed value is checked where it was written, at its own version.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bench.monkey_log import Save
from tracker.domain.errors import TrackerError
from tracker.domain.interchange import data_to_json
from tracker.services import Tracker

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Verdict:
    """What the checks found: the problems (none: all is well) and what was checked."""

    problems: list[str] = field(default_factory=list)
    databases: int = 0
    saves: int = 0
    engagements: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def tracker_check(db: str) -> tuple[int, str]:
    """``tracker --db DB check``: its exit code and what it printed."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    done = subprocess.run(
        [sys.executable, "-m", "tracker", "--db", db, "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.returncode, (done.stdout + done.stderr).strip()


def check_saves(service: Tracker, saves: Iterable[Save], verdict: Verdict) -> None:
    """Each save against the trail of its engagement, and each engagement against its
    trail's newest version."""
    by_engagement: dict[int, list[Save]] = defaultdict(list)
    for save in saves:
        by_engagement[save.id].append(save)
    for eid, made in sorted(by_engagement.items()):
        verdict.engagements += 1
        try:
            versions = service.versions(engagement_id=eid)
            current = service.get(engagement_id=eid)
        except TrackerError as exc:
            verdict.problems.append(f"engagement {eid}: unreadable: {exc}")
            continue
        rebuilt = {v.engagement.version: data_to_json(v.engagement.data) for v in versions}
        for save in made:
            verdict.saves += 1
            held = rebuilt.get(save.version)
            if held is None:
                verdict.problems.append(f"engagement {eid}: no version {save.version} in its trail")
            elif held[save.field] != save.value:
                verdict.problems.append(
                    f"engagement {eid} version {save.version}: {save.field} is "
                    f"{held[save.field]!r}, saved as {save.value!r}"
                )
        newest = rebuilt.get(current.version)
        if newest != data_to_json(current.data):
            verdict.problems.append(
                f"engagement {eid}: stored version {current.version} is not what its trail rebuilds"
            )


def verify(start_db: str, saves: list[Save]) -> Verdict:
    """Both checks on every database of ``saves`` and on ``start_db``."""
    verdict = Verdict()
    by_db: dict[str, list[Save]] = defaultdict(list)
    for save in saves:
        by_db[save.db].append(save)
    for db in sorted({start_db, *by_db}):
        verdict.databases += 1
        code, said = tracker_check(db)
        if code != 0:
            verdict.problems.append(f"tracker check {db}: exit {code}: {said}")
        service = Tracker.open(db, user="monkey-check")
        try:
            check_saves(service, by_db.get(db, []), verdict)
        finally:
            service.close()
    return verdict
