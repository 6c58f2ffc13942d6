"""Kill writers with SIGKILL at random moments, and look at the database after each kill.

Run by ``test_crash_safety`` as ``python -m tests.tracker.services.crash_worker MODE DB
ROUNDS SEED``. This process never holds the database open while it forks: each round it
forks a child that runs the real code (``tracker.cli.main([... "import", FILE])`` for
``import``, a stream of ``Tracker.update``/``create``/``delete`` calls for ``edits``),
waits until the child reports its first write, lets it run for a random time more,
SIGKILLs it, then opens the database and reports what it finds as one JSON line per
round. Timing the kill from the first write (not from the fork) puts every kill where
the writing is, however slowly a loaded machine gets the child going:

* ``killed``: the child died of the signal (rather than finishing first);
* ``acked``: what the child reported as done before it died (through a pipe, written
  only after the call returned, so after the commit); an import child also reports
  ``writing`` as it sends its first INSERT (seen by a SQLAlchemy event listener in the
  child: the command's own output is left alone);
* ``problems``: ``Tracker.check()`` (integrity_check, foreign_key_check, schema,
  full-text index count, audit hash chain) — empty when sound;
* for imports, how many of the round's engagements (and their children) exist;
* for edits, the stored values of the engagements the round edited.

Forking (rather than starting a new interpreter per kill) makes hundreds of kills
cheap; ``test_crash_safety`` also kills real ``tracker import`` processes.
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

from tracker.cli import main as cli_main
from tracker.domain.demo import demo_document
from tracker.services import Tracker

# Engagements per import file; children per engagement come from the demo data.
IMPORT_SIZE = 100
# How long a child may take to report its first write before the round is given up.
FIRST_REPORT_S = 120.0
# Kills land at a random moment of the kill window, which spans the writing measured in
# the calibration run (first write to reported success) and a quarter more: most land
# mid-write, some after the commit.
WINDOW = 1.25
CALIBRATION_RUNS = 3
CHILD_TABLES = (
    "scope_limit",
    "engagement_restriction",
    "clarification",
    "status_event",
    "source",
    "concern",
    "engagement_tag",
)


def import_document(round_no: int, size: int = IMPORT_SIZE) -> dict[str, Any]:
    """``size`` new engagements with ids ``r<round>-<n>``, children included."""
    demo = demo_document()
    items = []
    for n in range(size):
        item = json.loads(json.dumps(demo["engagements"][n % len(demo["engagements"])]))
        item["id"] = f"r{round_no}-{n}"
        item["title"] = f"{item['title']} (round {round_no}, copy {n})"
        item["links"] = []  # the demo's links name the demo's ids, not in this file
        items.append(item)
    return {**{k: v for k, v in demo.items() if k != "engagements"}, "engagements": items}


def read_until(fd: int, received: bytearray, wanted: bytes, timeout: float) -> float:
    """Read ``fd`` into ``received`` until it holds ``wanted``; the moment it did.

    Raises ``TimeoutError`` when it does not within ``timeout`` seconds, and
    ``EOFError`` when the writer is gone first (a pty whose child ended says ``EIO``).
    """
    deadline = time.perf_counter() + timeout
    while wanted not in received:
        left = deadline - time.perf_counter()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            raise TimeoutError(f"no {wanted!r} in {timeout:.0f} s; got {bytes(received)!r}")
        try:
            data = os.read(fd, 65536)
        except OSError:
            data = b""
        if not data:
            raise EOFError(f"ended before {wanted!r}; got {bytes(received)!r}")
        received += data
    return time.perf_counter()


def read_rest(fd: int, received: bytearray) -> None:
    """Once the writer is gone: read what is left of ``fd`` into ``received``, close it."""
    try:
        while select.select([fd], [], [], 0)[0]:
            data = os.read(fd, 65536)
            if not data:
                break
            received += data
    except OSError:  # a pseudo-terminal whose child ended: all read
        pass
    finally:
        os.close(fd)


def _read_acks(fd: int, received: bytearray) -> list[str]:
    """Everything reported (``received`` so far, and the rest), one ack per line."""
    read_rest(fd, received)
    return bytes(received).decode().split()


def _run_child(target: Any, ack_fd: int) -> None:
    """In the forked child: run ``target(ack)``, then leave without cleanup."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    code = 1
    try:
        code = int(target(lambda text: os.write(ack_fd, f"{text}\n".encode())) or 0)
    finally:
        os._exit(code)


def _fork(target: Any) -> tuple[int, int]:
    """Fork a child running ``target(ack)``; its pid and the read end of its acks."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read_fd)
        _run_child(target, write_fd)
    os.close(write_fd)
    return pid, read_fd


def _fork_and_kill(target: Any, delay: float) -> tuple[bool, list[str], float]:
    """Run ``target`` in a child; ``delay`` seconds after its first report, kill it.

    Returns whether the signal killed it (rather than it ending first), what it
    reported, and how long it took to make its first report.
    """
    started = time.perf_counter()
    pid, read_fd = _fork(target)
    received = bytearray()
    try:
        first = read_until(read_fd, received, b"\n", FIRST_REPORT_S)
    except (TimeoutError, EOFError):
        os.kill(pid, signal.SIGKILL)  # a child that never reports fails the round
        os.waitpid(pid, 0)
        raise
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    return killed, _read_acks(read_fd, received), first - started


def _check(db: Path) -> list[str]:
    service = Tracker.open(db, user="checker")
    try:
        return list(service.check().problems)
    finally:
        service.close()


def import_rounds(db: Path, rounds: int, rng: random.Random, work: Path) -> None:
    files = []
    for r in range(rounds):
        path = work / f"import-{r}.json"
        path.write_text(json.dumps(import_document(r)), encoding="utf-8")
        files.append(path)
    Tracker.open(db).close()

    def importer(path: Path) -> Any:
        def run(ack: Any) -> int:
            _report_first_insert(ack)
            code = cli_main(["--db", str(db), "--user", "importer", "import", str(path)])
            if code == 0:
                ack("done")
            return code

        return run

    # Calibrate: how long one import writes, from its first INSERT to its reported
    # success (these rounds are not counted). The median of three: one run slowed by
    # other work on the machine would stretch every kill window past most writes.
    durations = []
    for n in range(CALIBRATION_RUNS):
        calibration = work / f"calibration-{n}.json"
        calibration.write_text(json.dumps(import_document(-1 - n)), encoding="utf-8")
        pid, read_fd = _fork(importer(calibration))
        received = bytearray()
        writing = read_until(read_fd, received, b"writing\n", FIRST_REPORT_S)
        durations.append(read_until(read_fd, received, b"done\n", FIRST_REPORT_S) - writing)
        os.waitpid(pid, 0)
        os.close(read_fd)
    duration = statistics.median(durations)
    print(json.dumps({"calibration_s": duration, "calibrations_s": durations}), flush=True)

    for r, path in enumerate(files):
        delay = rng.uniform(0.0, duration * WINDOW)
        killed, acks, first_report_s = _fork_and_kill(importer(path), delay)
        problems = _check(db)
        conn = sqlite3.connect(db)
        try:
            ids = [
                row[0]
                for row in conn.execute("SELECT id FROM engagement WHERE uid LIKE ?", (f"r{r}-%",))
            ]
            children = 0
            for table in CHILD_TABLES:
                children += conn.execute(
                    f"SELECT count(*) FROM {table} WHERE engagement_id IN "
                    "(SELECT id FROM engagement WHERE uid LIKE ?)",
                    (f"r{r}-%",),
                ).fetchone()[0]
        finally:
            conn.close()
        print(
            json.dumps(
                {
                    "round": r,
                    "first_report_s": first_report_s,
                    "delay_s": delay,
                    "killed": killed,
                    "writing": "writing" in acks,
                    "acked": "done" in acks,
                    "problems": problems,
                    "engagements": len(ids),
                    "children": children,
                }
            ),
            flush=True,
        )


def edit_rounds(db: Path, rounds: int, rng: random.Random) -> None:
    service = Tracker.open(db, user="setup")
    service.load_demo()
    targets = service.list_ids()[:3]
    service.close()

    def editor(r: int) -> Any:
        def run(ack: Any) -> int:
            editing = Tracker.open(db, user="editor")
            i = 0
            while True:
                eid = targets[i % len(targets)]
                current = editing.get(engagement_id=eid)
                value = f"r{r}-e{i}"
                saved = editing.update(
                    engagement_id=eid,
                    expected_version=current.version,
                    changes={"summary": value, "next_step": value},
                ).engagement
                ack(f"edit:{eid}:{saved.version}:{value}")
                if i % 5 == 4:  # now and then a create and a trash/restore too
                    made = editing.create(data={**_minimal(value)}, uid=value).engagement
                    ack(f"create:{made.id}:{value}")
                    editing.delete(engagement_id=made.id)
                    ack(f"delete:{made.id}:{value}")
                i += 1

        return run

    for r in range(rounds):
        delay = rng.uniform(0.0, 0.25)  # after the first reported edit
        killed, acks, first_report_s = _fork_and_kill(editor(r), delay)
        problems = _check(db)
        conn = sqlite3.connect(db)
        try:
            stored = {
                str(eid): [summary, next_step, version]
                for eid, summary, next_step, version in conn.execute(
                    "SELECT id, summary, next_step, version FROM engagement WHERE id IN "
                    f"({','.join(str(t) for t in targets)})"
                )
            }
            made = {
                uid: deleted is not None
                for uid, deleted in conn.execute(
                    "SELECT uid, deleted_at FROM engagement WHERE uid LIKE ?", (f"r{r}-e%",)
                )
            }
            audited = {
                str(row[0])
                for row in conn.execute(
                    "SELECT DISTINCT new FROM audit WHERE new LIKE ?",
                    (f"%r{r}-e%",),
                )
            }
        finally:
            conn.close()
        print(
            json.dumps(
                {
                    "round": r,
                    "first_report_s": first_report_s,
                    "delay_s": delay,
                    "killed": killed,
                    "acks": acks,
                    "problems": problems,
                    "stored": stored,
                    "made": made,
                    "audited": sorted(audited),
                }
            ),
            flush=True,
        )


def _report_first_insert(ack: Any) -> None:
    """In the child: ack ``writing`` as the first INSERT goes to the database (opening
    it writes no row, so this is the import's transaction starting to write)."""
    reported = False

    def on_statement(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        nonlocal reported
        if not reported and statement.lstrip().upper().startswith("INSERT"):
            reported = True
            ack("writing")

    event.listen(Engine, "before_cursor_execute", on_statement)


def _minimal(title: str) -> dict[str, Any]:
    return {
        "title": f"Crash test {title}",
        "counterpart": "NATO",
        "vendor": "OpenAI",
        "region": "Europe",
        "status": "exploratory",
        "confidence": "reported",
        "marking": "PUBLIC",
    }


def run(mode: str, db: Path, rounds: int, seed: int) -> None:
    """Run ``rounds`` kill rounds of ``mode`` against ``db``."""
    rng = random.Random(seed)
    if mode == "import":
        import_rounds(db, rounds, rng, db.parent)
    elif mode == "edits":
        edit_rounds(db, rounds, rng)
    else:
        raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    run(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
