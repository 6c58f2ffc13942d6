"""A monkey test of the real main window: random keys, clicks, edits, undo/redo,
filters and dialogs for N actions (or M minutes), then the database checked.

    QT_QPA_PLATFORM=offscreen python -m bench.monkey [--engagements 10000] [--db PATH]
        [--actions 20000] [--minutes M] [--seed 0] [--work DIR] [--json FILE]

Builds a generated database of ``--engagements`` engagements (bench.build_db), or
copies ``--db`` (the original is left as it is), and runs bench.monkey_driver on it in
a subprocess, so that a segfault or an abort is counted as a crash with its exit code
and faulthandler's stacks; after a crash a new driver (the next seed) goes on with the
actions left. Then it checks every database the monkey wrote to (bench.monkey_check):
``tracker check``, and each saved edit against the audit trail.

It prints actions per minute, crashes, the failures (Python exceptions raised in Qt
slots, with their tracebacks; values stored unlike they were typed; undo or redo that
did not restore an edit's values) and the verdict. Exit code 0 when there were no
crashes, no failures and the checks passed. The same seed makes the same choices;
only timing (a worker thread finishing sooner or later) can make two runs differ.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench.monkey_check import verify
from bench.monkey_driver import LOG_NAME
from bench.monkey_log import Save, read_log, saves_in

ROOT = Path(__file__).resolve().parent.parent
MAX_CRASHES = 5  # then the run stops: something is badly wrong
SLACK_SECONDS = 600  # a driver gets its minutes and this long to wind down


@dataclass
class DriverRun:
    """One driver process: its seed, exit code, actions done, and its stderr's tail
    when it crashed."""

    seed: int
    exit_code: int
    actions: int
    seconds: float
    finished: bool
    stderr: str = ""


@dataclass
class MonkeyReport:
    """What the whole run did and found."""

    engagements: int
    seed: int
    runs: list[DriverRun] = field(default_factory=list)
    failures: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stuck: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)  # what the message boxes said
    counts: dict[str, int] = field(default_factory=dict)
    saves: int = 0
    undo_checks: int = 0
    problems: list[str] = field(default_factory=list)
    databases: int = 0

    @property
    def actions(self) -> int:
        return sum(r.actions for r in self.runs)

    @property
    def minutes(self) -> float:
        return sum(r.seconds for r in self.runs) / 60

    @property
    def per_minute(self) -> float:
        return self.actions / self.minutes if self.minutes else 0.0

    @property
    def crashes(self) -> int:
        return sum(1 for r in self.runs if not r.finished)

    @property
    def ok(self) -> bool:
        return not (self.crashes or self.failures or self.problems)


def _child_env(work: Path) -> dict[str, str]:
    from db.audit_keys import KEY_DIR_VAR, key_folder

    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    # HOME moves (nothing the window writes lands in the user's); the audit keys stay
    # where the database's key is, so that the checks afterwards verify every seal.
    env[KEY_DIR_VAR] = str(key_folder())
    env["HOME"] = str(work)
    env["PYTHONFAULTHANDLER"] = "1"
    return env


def _drive(db: Path, work: Path, *, actions: int, seconds: float, seed: int) -> DriverRun:
    """One driver process, to its end; what its log says it did."""
    work.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "bench.monkey_driver", "--db", str(db), "--work", str(work)]
    command += ["--actions", str(actions), "--minutes", str(seconds / 60), "--seed", str(seed)]
    began = time.monotonic()
    with (work / "stderr.txt").open("w") as err:
        try:
            done = subprocess.run(
                command,
                cwd=ROOT,
                env=_child_env(work),
                stdout=subprocess.DEVNULL,
                stderr=err,
                timeout=seconds + SLACK_SECONDS,
                check=False,
            )
            code = done.returncode
        except subprocess.TimeoutExpired:
            code = -9
    records = list(read_log(work / LOG_NAME))
    ends = [r for r in records if r.get("kind") in ("progress", "done")]
    finished = code == 0 and bool(ends) and ends[-1]["kind"] == "done"
    last = ends[-1] if ends else {"actions": 0, "seconds": time.monotonic() - began}
    tail = "" if finished else (work / "stderr.txt").read_text(errors="replace")[-6000:]
    return DriverRun(seed, code, int(last["actions"]), float(last["seconds"]), finished, tail)


def _gather(report: MonkeyReport, work: Path) -> list[Save]:
    """The failures, warnings, stuck dialogs and counts of one driver's log; its saves."""
    for record in read_log(work / LOG_NAME):
        kind = record.get("kind")
        if kind in ("failure", "mismatch"):
            report.failures.append(record)
        elif kind == "warning" and record["message"] not in report.warnings:
            report.warnings.append(record["message"])
        elif kind == "message" and record["message"] not in report.messages:
            report.messages.append(record["message"])
        elif kind == "stuck":
            report.stuck.append(record["dialog"])
        elif kind == "done":
            report.undo_checks += record.get("undo_checks", 0)
            for name, n in record["counts"].items():
                report.counts[name] = report.counts.get(name, 0) + n
    return saves_in(work / LOG_NAME)


def run_monkey(
    db: Path, work: Path, *, engagements: int, actions: int, minutes: float, seed: int
) -> MonkeyReport:
    """Drive the window on ``db`` for ``actions`` actions or ``minutes`` minutes in all,
    driver after driver while they crash; then verify."""
    from tracker.services import Tracker

    report = MonkeyReport(engagements=engagements, seed=seed)
    saves: list[Save] = []
    deadline = time.monotonic() + minutes * 60
    while report.actions < actions and report.crashes < MAX_CRASHES:
        left = deadline - time.monotonic()
        if left <= 0:
            break
        run_dir = work / f"run-{len(report.runs) + 1}"
        driver_seed = seed + len(report.runs)
        done = _drive(db, run_dir, actions=actions - report.actions, seconds=left, seed=driver_seed)
        report.runs.append(done)
        saves += _gather(report, run_dir)
        if done.finished:
            break
    report.saves = len(saves)
    service = Tracker.open(db, user="monkey-check")
    start_url = service.url
    service.close()
    verdict = verify(start_url, saves)
    report.problems = verdict.problems
    report.databases = verdict.databases
    return report


def print_report(report: MonkeyReport) -> None:
    print(
        f"monkey: {report.actions:,} actions in {report.minutes:.1f} min on "
        f"{report.engagements:,} engagements (seed {report.seed}): "
        f"{report.per_minute:,.0f} actions/min, {report.crashes} crashes, "
        f"{len(report.failures)} failures"
    )
    for run in report.runs:
        state = "finished" if run.finished else "CRASHED"
        print(f"  driver seed {run.seed}: exit {run.exit_code}, {run.actions:,} actions, {state}")
        if run.stderr:
            print("    " + run.stderr.replace("\n", "\n    "))
    for failure in report.failures:
        print(f"failure ({failure.get('where', failure['kind'])}, action {failure.get('action')}):")
        print("  " + str(failure.get("traceback", failure)).replace("\n", "\n  "))
    print(f"saved values checked against the audit trail: {report.saves:,}")
    print(f"undos and redos of the monkey's own edits checked: {report.undo_checks:,}")
    print(f"databases checked with tracker check: {report.databases}")
    for problem in report.problems:
        print(f"problem: {problem}")
    if report.stuck:
        print(f"dialogs closed as stuck: {', '.join(sorted(set(report.stuck)))}")
    print(f"Qt warnings seen: {len(report.warnings)}")
    for warning in report.warnings:
        print(f"  {warning}")
    commands = sorted({n.split(":", 1)[1] for n in report.counts if n.startswith("command:")})
    print(f"menu commands triggered ({len(commands)}): {', '.join(commands)}")
    dialogs = sorted({n.rsplit("-", 1)[-1] for n in report.counts if n.startswith("dialog:")})
    print(f"dialogs acted in ({len(dialogs)}): {', '.join(dialogs)}")
    print(f"message boxes answered, distinct texts: {len(report.messages)}")
    for message in report.messages:
        print(f"  {message}")
    print("verdict: " + ("OK" if report.ok else "FAILED"))


def _database(args: argparse.Namespace, work: Path) -> tuple[Path, int]:
    """The database the monkey works on (a copy of --db, or a generated one)."""
    target = work / "monkey.db"
    if args.db is not None:
        shutil.copyfile(args.db, target)
        from tracker.domain.model import Filters
        from tracker.services import Tracker

        service = Tracker.open(target, user="monkey-check")
        try:
            return target, service.count(filters=Filters())
        finally:
            service.close()
    from bench.build_db import build
    from db.audit_keys import KEY_DIR_VAR

    # A database of the run's own, sealed with a key of its own (not in the user's keys).
    os.environ.setdefault(KEY_DIR_VAR, str(work / "audit-keys"))
    build(target, args.engagements, seed=args.seed)
    return target, args.engagements


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.monkey", description=__doc__)
    parser.add_argument("--engagements", type=int, default=10_000, metavar="N")
    parser.add_argument("--db", type=Path, metavar="PATH", help="copy this database instead")
    parser.add_argument("--actions", type=int, default=20_000, metavar="N")
    parser.add_argument("--minutes", type=float, default=600.0, metavar="M")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", type=Path, metavar="DIR", help="keep logs and files here")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the report as JSON")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="monkey-"))
    work.mkdir(parents=True, exist_ok=True)
    db, engagements = _database(args, work)
    report = run_monkey(
        db,
        work,
        engagements=engagements,
        actions=args.actions,
        minutes=args.minutes,
        seed=args.seed,
    )
    print_report(report)
    print(f"logs in {work}")
    if args.json is not None:
        summary = {
            **asdict(report),
            "actions": report.actions,
            "per_minute": report.per_minute,
            "crashes": report.crashes,
        }
        args.json.write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
