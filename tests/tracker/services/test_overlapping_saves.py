"""Many saves of one engagement from the same base version, all in flight at once.

``test_concurrent_editors`` takes strict turns, so two of its saves never overlap. Here
each round every editor opens the engagement (all at the same version), waits for one
shared start signal, and saves through ``Tracker.save()`` (the edit form's path) at
that moment: in threads of one process (a ``threading.Barrier``) and in processes of
their own (a ``multiprocessing`` barrier). Every round must give:

* exactly one save that wins, storing the next version;
* a ``ConflictError`` for every other, naming the base version, the winner's version
  and the fields the winner changed;
* the winner's data stored, nothing of the losers';

and afterwards the audit trail holds every stored version once, written by its winner,
and ``Tracker.check()`` is clean. On PostgreSQL (``TRACKER_TEST_DB``) the same rounds run
on the server. ``TRACKER_OVERLAP_ROUNDS`` sets the rounds per test (default 40).
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

from tracker.domain.errors import ConflictError
from tracker.services import Tracker

ROUNDS = int(os.environ.get("TRACKER_OVERLAP_ROUNDS", "40"))
THREADS = 8
PROCESSES = 6
WAIT_S = 120  # how long a barrier or a result may take before the test gives up
EDITED = frozenset({"summary", "next_step"})


class StartSignal(Protocol):
    """A barrier: ``wait()`` returns once every party has called it."""

    def wait(self, timeout: float | None = None) -> int: ...


@dataclass(frozen=True)
class Outcome:
    """What one editor's save of one round gave."""

    editor: int
    base: int  # the version the editor opened
    saved: int | None  # the version stored by this save, None when refused
    conflict: tuple[int, int, frozenset[str]] | None = None  # expected, current, fields


def value(round_no: int, editor: int) -> str:
    return f"round {round_no} editor {editor}"


def attempt(
    service: Tracker, target: int, round_no: int, editor: int, start: StartSignal
) -> Outcome:
    """Open the engagement, wait for the start signal, save an edit at the opened version."""
    base = service.get(engagement_id=target)
    mine = dataclasses.replace(
        base.data, summary=value(round_no, editor), next_step=value(round_no, editor)
    )
    start.wait(WAIT_S)
    try:
        saved = service.save(engagement_id=target, expected_version=base.version, data=mine)
    except ConflictError as exc:
        refused = (exc.expected_version, exc.current_version, frozenset(exc.fields))
        return Outcome(editor, base.version, None, refused)
    return Outcome(editor, base.version, saved.engagement.version)


def make_target(url: str) -> int:
    service = Tracker.open(url, user="setup")
    try:
        made = service.create(
            data={
                "title": "Overlapping saves",
                "vendor": "OpenAI",
                "counterpart": "NATO",
                "status": "exploratory",
            }
        )
        return made.engagement.id
    finally:
        service.close()


class Referee:
    """Checks each round as it ends, and the audit trail at the end."""

    def __init__(self, url: str, target: int, editors: int) -> None:
        self.reader = Tracker.open(url, user="referee")
        self.target = target
        self.editors = editors
        self.winners: dict[int, int] = {}  # stored version -> the editor who wrote it
        self.wrong: list[str] = []  # what went wrong, one line per round
        self.misaudited: list[str] = []  # versions the audit trail has wrong, one line each

    def round(self, round_no: int, outcomes: Sequence[Outcome]) -> None:
        bases = {o.base for o in outcomes}
        assert len(outcomes) == self.editors and len(bases) == 1, outcomes
        base = bases.pop()
        won = [o for o in outcomes if o.saved is not None]
        refused = {o.conflict for o in outcomes if o.saved is None}
        stored = self.reader.get(engagement_id=self.target)
        problems = []
        if [o.saved for o in won] != [base + 1]:
            problems.append(f"{len(won)} saves won: {[o.saved for o in won]}")
        if refused - {(base, base + 1, EDITED)}:
            problems.append(f"refusals {refused}")
        if stored.version != base + 1:
            problems.append(f"stored v{stored.version}")
        if len(won) == 1:
            self.winners[base + 1] = won[0].editor
            mine = value(round_no, won[0].editor)
            if (stored.data.summary, stored.data.next_step) != (mine, mine):
                problems.append(f"stored {stored.data.summary!r}, the winner saved {mine!r}")
        if problems:
            self.wrong.append(f"round {round_no} from v{base}: {'; '.join(problems)}")

    def finish(self) -> None:
        try:
            audited: dict[int, list[tuple[str, str | None]]] = {}
            for entry in self.reader.history(engagement_id=self.target):
                if entry.field == "summary":
                    audited.setdefault(entry.version, []).append((entry.who, entry.new))
            final = self.reader.get(engagement_id=self.target).version
            problems = self.reader.check().problems
        finally:
            self.reader.close()
        for version in range(2, final + 1):
            writer = self.winners.get(version)
            expected = (
                [(f"editor{writer}", value(version - 2, writer))] if writer is not None else []
            )
            if audited.get(version) != expected:
                self.misaudited.append(f"v{version}: {audited.get(version)}, not {expected}")
        assert final == ROUNDS + 1 and not (self.wrong or self.misaudited or problems), (
            f"{len(self.wrong)} of {ROUNDS} rounds of {self.editors} overlapping saves went"
            f" wrong, {len(self.misaudited)} versions are audited wrongly (final version"
            f" {final}, check {list(problems)}):\n"
            + "\n".join([*self.wrong[:10], *self.misaudited[:5]])
        )


def test_overlapping_saves_in_threads_one_wins_per_version(tmp_db_url: str) -> None:
    target = make_target(tmp_db_url)
    referee = Referee(tmp_db_url, target, THREADS)
    services = [Tracker.open(tmp_db_url, user=f"editor{n}") for n in range(THREADS)]
    start = threading.Barrier(THREADS)
    try:
        with ThreadPoolExecutor(THREADS) as pool:
            for r in range(ROUNDS):
                futures = [
                    pool.submit(attempt, services[n], target, r, n, start) for n in range(THREADS)
                ]
                referee.round(r, [f.result(timeout=WAIT_S) for f in futures])
    except BaseException:
        start.abort()  # release the editors still waiting, so that the pool can end
        raise
    finally:
        for service in services:
            service.close()
    referee.finish()


def process_editor(url: str, target: int, editor: int, barrier: StartSignal, results: Any) -> None:
    """One editor in a process of its own: each round, wait until the round may begin,
    then open, wait for the start signal and save (``attempt``), and report."""
    service = Tracker.open(url, user=f"editor{editor}")
    try:
        for r in range(ROUNDS):
            barrier.wait(WAIT_S)  # the previous round is over and checked
            results.put(attempt(service, target, r, editor, barrier))
    finally:
        service.close()


def test_overlapping_saves_in_processes_one_wins_per_version(tmp_db_url: str) -> None:
    target = make_target(tmp_db_url)
    referee = Referee(tmp_db_url, target, PROCESSES)
    context = multiprocessing.get_context("spawn")  # no fork of a process with threads
    # The editors and this process: the referee lets each round begin, and takes part in
    # the start signal only to know when the saves are under way.
    barrier = context.Barrier(PROCESSES + 1)
    results = context.Queue()
    editors = [
        context.Process(target=process_editor, args=(tmp_db_url, target, n, barrier, results))
        for n in range(PROCESSES)
    ]
    for proc in editors:
        proc.start()
    try:
        for r in range(ROUNDS):
            barrier.wait(WAIT_S)  # the round begins: each editor opens the engagement
            barrier.wait(WAIT_S)  # the start signal: every editor opened it; all save now
            referee.round(r, [results.get(timeout=WAIT_S) for _ in range(PROCESSES)])
    except BaseException:
        barrier.abort()  # release the editors still waiting, so that they end
        raise
    finally:
        for proc in editors:
            proc.join(timeout=WAIT_S)
            if proc.is_alive():
                proc.kill()
    assert [proc.exitcode for proc in editors] == [0] * PROCESSES
    referee.finish()
