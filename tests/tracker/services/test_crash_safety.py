"""Crash safety: writers killed with SIGKILL at random moments lose nothing they reported.

``crash_worker`` forks the real import command and a stream of edits, kills each at a
random moment after it reported its first write, and reports the database after each
kill. Here every round must show:

* ``Tracker.check()`` clean (SQLite integrity_check and foreign_key_check, the audit
  hash chain, the full-text index);
* an import either wholly there (every engagement and child) or wholly absent, and
  wholly there when the command had reported success;
* every edit, create and trash that had been reported as saved still saved, each
  edit's two fields written together, and each in the audit trail.

The suite runs ``TRACKER_CRASH_KILLS`` rounds per kind (default 170, so 340 rounds
with two kinds); set it higher for the long run (docs/reliability.md). A few real
``tracker import`` processes are killed too, each after it reported its progress (its
standard error is a pseudo-terminal, so the command prints progress as it does for a
person), and ``tracker check`` is run at the end.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.tracker.cli.test_cli import ok, run_cli
from tests.tracker.services.crash_worker import (
    FIRST_REPORT_S,
    IMPORT_SIZE,
    WINDOW,
    import_document,
    read_rest,
    read_until,
)
from tracker.domain.fields import LIST_KEYS

ROOT = Path(__file__).resolve().parents[3]
# Rounds of each kind. A round whose writer ends before its signal kills nothing; on a
# loaded machine about a third do, and 150 rounds of each kind once killed 198 writers,
# so 170 leave room above the 200 the suite promises.
ROUNDS = int(os.environ.get("TRACKER_CRASH_KILLS", "170"))
SEED = int(os.environ.get("TRACKER_CRASH_SEED", "20261127"))
# The kill rounds run in the first test's setup (crash_results), which waits for them as
# long as run_workers does: longer than the suite's 300 s when CI's other test pass runs
# beside this one on a busy machine, or when TRACKER_CRASH_KILLS asks for the long run.
pytestmark = pytest.mark.timeout(120 + ROUNDS * 3)


def children_of_import(round_no: int) -> int:
    """How many child rows a whole import of round ``round_no`` writes."""
    return sum(
        len(item.get(key, []))
        for item in import_document(round_no)["engagements"]
        for key in LIST_KEYS
    )


def run_workers(tmp_path: Path) -> dict[str, list[dict[str, Any]]]:
    """Both kinds of kill rounds at once, on their own databases."""
    procs = {}
    for mode in ("import", "edits"):
        folder = tmp_path / mode
        folder.mkdir()
        procs[mode] = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.tracker.services.crash_worker",
                mode,
                str(folder / "tracker.db"),
                str(ROUNDS),
                str(SEED),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    results = {}
    for mode, proc in procs.items():
        out, err = proc.communicate(timeout=60 + ROUNDS * 3)
        assert proc.returncode == 0, err[-3000:]
        results[mode] = [json.loads(line) for line in out.splitlines()]
    return results


@pytest.fixture(scope="module")
def crash_results(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("crash")
    return tmp, run_workers(tmp)


def test_an_interrupted_import_is_all_or_nothing(crash_results: tuple[Path, Any]) -> None:
    folder, results = crash_results
    rounds = [r for r in results["import"] if "round" in r]
    assert len(rounds) == ROUNDS
    interrupted = complete = 0
    for r in rounds:
        assert r["writing"], f"killed before the import wrote: {r}"
        assert r["problems"] == [], r
        whole = children_of_import(r["round"])
        assert (r["engagements"], r["children"]) in ((0, 0), (IMPORT_SIZE, whole)), r
        if r["acked"]:
            assert r["engagements"] == IMPORT_SIZE, f"reported success, then lost: {r}"
        if r["killed"] and r["engagements"] == 0:
            interrupted += 1
        if r["engagements"]:
            complete += 1
    # The kills landed both in the middle of imports (after their first INSERT) and
    # after them.
    assert interrupted >= ROUNDS // 5, interrupted
    assert complete >= ROUNDS // 10, complete
    ok(run_cli(folder / "import" / "tracker.db", "check"))


def _parse(acks: list[str]) -> tuple[dict[str, tuple[int, int, str]], list[str], list[str]]:
    """Last acked edit per engagement (order, version, value), created and deleted uids."""
    last: dict[str, tuple[int, int, str]] = {}
    created, deleted = [], []
    for order, ack in enumerate(acks):
        kind, eid, *rest = ack.split(":")
        if kind == "edit":
            last[eid] = (order, int(rest[0]), rest[1])
        elif kind == "create":
            created.append(rest[0])
        elif kind == "delete":
            deleted.append(rest[0])
    return last, created, deleted


EDIT_VALUE = re.compile(r"^r\d+-e\d+$")


def _step(value: str) -> int:
    return int(value.rsplit("-e", 1)[1])


def test_every_reported_edit_survives_a_kill(crash_results: tuple[Path, Any]) -> None:
    folder, results = crash_results
    rounds = results["edits"]
    assert len(rounds) == ROUNDS
    acked_in_window = 0
    for r in rounds:
        assert r["problems"] == [], r
        assert r["killed"], "an edit stream never ends by itself"
        assert r["acks"], "each kill comes after the stream's first reported write"
        last, created, deleted = _parse(r["acks"])
        acked_in_window += len(r["acks"]) - 1
        for eid, (summary, next_step, version) in r["stored"].items():
            if EDIT_VALUE.match(summary) or EDIT_VALUE.match(next_step):
                assert summary == next_step, f"half an edit was saved: {r}"
            if eid not in last:
                continue
            _order, acked_version, acked_value = last[eid]
            if version == acked_version:
                assert summary == acked_value, r
            else:  # one more edit committed before the kill, not yet reported
                assert version == acked_version + 1, r
                assert summary.startswith(f"r{r['round']}-e"), r
                assert _step(summary) > _step(acked_value), r
        values = {a.split(":")[-1] for a in r["acks"] if a.startswith("edit:")}
        assert values <= set(r["audited"]), "a reported edit is missing from the audit trail"
        for uid in created:
            assert uid in r["made"], f"reported created, then lost: {uid}"
        for uid in deleted:
            assert r["made"][uid] is True, f"reported trashed, then back: {uid}"
    # The kills landed in the stream, with writes reported between its first one and the
    # kill: on average at least one a round (many more on an idle machine).
    assert acked_in_window >= ROUNDS, acked_in_window
    ok(run_cli(folder / "edits" / "tracker.db", "check"))


# Engagements per real import: the command reports progress every 100, so its first
# report ("importing 100/300") comes inside the write transaction before any row is
# inserted (new engagements go in at the end, in bulk).
REAL_IMPORT_SIZE = 300
PROGRESS = b"importing "  # what the command's progress line starts with
SUCCESS = b"imported "  # its last line, once the import has committed


class ImportProcess:
    """``python -m tracker import FILE`` with its standard error on a pseudo-terminal,
    where the command prints its progress as it would for a person."""

    def __init__(self, db: Path, path: Path) -> None:
        env = {**os.environ, "TRACKER_USER": "importer"}
        env.pop("TRACKER_DB", None)
        self.terminal, child_end = os.openpty()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tracker", "--db", str(db), "import", str(path)],
            stdout=subprocess.DEVNULL,
            stderr=child_end,
            env=env,
        )
        os.close(child_end)
        self.said = bytearray()

    def wait_for(self, text: bytes) -> float:
        """The moment the command's output first held ``text``."""
        return read_until(self.terminal, self.said, text, FIRST_REPORT_S)

    def end(self, *, kill: bool) -> int:
        """Kill the command (or let it finish) and read what it said to the end; its
        exit code."""
        if kill:
            self.proc.send_signal(signal.SIGKILL)
        code = self.proc.wait(timeout=60)
        read_rest(self.terminal, self.said)
        return code


def test_killing_real_tracker_import_processes(tmp_path: Path) -> None:
    """The same promise for whole ``tracker import`` processes, each killed at a random
    moment after it reported that it is importing."""
    db = tmp_path / "tracker.db"
    ok(run_cli(db, "stats"))
    rng = random.Random(SEED)

    def file_of(round_no: int) -> Path:
        path = tmp_path / f"import-{round_no}.json"
        document = import_document(round_no, REAL_IMPORT_SIZE)
        path.write_text(json.dumps(document), encoding="utf-8")
        return path

    # Calibrate: how long the command writes, from its first progress report to its
    # success line (this round is not counted).
    calibration = ImportProcess(db, file_of(-1))
    try:
        reported = calibration.wait_for(PROGRESS)
        duration = calibration.wait_for(SUCCESS) - reported
    except BaseException:
        calibration.end(kill=True)
        raise
    assert calibration.end(kill=False) == 0, calibration.said

    outcomes = []
    for r in range(6):
        running = ImportProcess(db, file_of(r))
        try:
            running.wait_for(PROGRESS)
            time.sleep(rng.uniform(0.0, duration * WINDOW))
        finally:
            importing = PROGRESS in running.said  # what it had said by the kill
            code = running.end(kill=True)
        found = _count_round(db, r)
        assert found in (0, REAL_IMPORT_SIZE), (code, found)
        if code == 0 or SUCCESS in running.said:
            assert found == REAL_IMPORT_SIZE, (code, bytes(running.said))
        outcomes.append((code, found, importing))
        ok(run_cli(db, "check"))
    # Every kill came after the command said it was importing, and some landed while it
    # was writing: nothing of that import was kept.
    assert all(importing for _, _, importing in outcomes), outcomes
    assert (-signal.SIGKILL, 0, True) in outcomes, (duration, outcomes)


def _count_round(db: Path, round_no: int) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(
            conn.execute(
                "SELECT count(*) FROM engagement WHERE uid LIKE ?", (f"r{round_no}-%",)
            ).fetchone()[0]
        )
    finally:
        conn.close()


def test_the_suite_kills_at_least_200_writers(crash_results: tuple[Path, Any]) -> None:
    _folder, results = crash_results
    kills = sum(r["killed"] for mode in ("import", "edits") for r in results[mode] if "round" in r)
    assert kills >= (200 if ROUNDS >= 150 else ROUNDS), kills
