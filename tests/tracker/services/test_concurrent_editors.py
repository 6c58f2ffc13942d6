"""Two editors in two processes on one engagement, in many random interleavings.

Each trial interleaves the two editors' open → change fields → save cycles at random
(``editor_worker`` runs each in its own process, on the same SQLite file). The test
keeps a model of what must be stored and checks every answer against it:

* a save is refused as a conflict exactly when the other editor saved since this
  one opened the engagement, naming the fields the other changed, and writes nothing;
* after a conflict, the merge saves at once when the two edits touched different
  fields, and is refused (nothing written) when they touched the same field;
* after every trial the stored fields and version equal the model: no save lost,
  none silently overwritten; every save is in the audit trail.

``TRACKER_EDITOR_TRIALS`` sets the number of trials (default 150).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tracker.services import Tracker

ROOT = Path(__file__).resolve().parents[3]
TRIALS = int(os.environ.get("TRACKER_EDITOR_TRIALS", "150"))
FIELDS = ("summary", "next_step", "owner")


class EditorProcess:
    """One ``editor_worker`` process and its line protocol."""

    def __init__(self, db: Path, name: str) -> None:
        self.name = name
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.tracker.services.editor_worker", str(db), name],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ask(self, **command: Any) -> dict[str, Any]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(command) + "\n")
        self.proc.stdin.flush()
        answer: dict[str, Any] = json.loads(self.proc.stdout.readline())
        assert "error" not in answer, answer
        return answer

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


@dataclass
class Opened:
    """What one editor's form holds: the version and values it was opened at."""

    version: int
    values: dict[str, str]
    changes: dict[str, str] = field(default_factory=dict)


@pytest.fixture
def editors(tmp_path: Path) -> Iterator[tuple[Path, int, list[EditorProcess]]]:
    db = tmp_path / "tracker.db"
    service = Tracker.open(db, user="setup")
    service.load_demo()
    target = service.list_ids()[0]
    service.close()
    procs = [EditorProcess(db, "alice"), EditorProcess(db, "bruno")]
    yield db, target, procs
    for proc in procs:
        proc.close()


def stored(reader: Tracker, target: int) -> tuple[int, dict[str, str]]:
    """The stored version and fields (each call reads in a new transaction)."""
    found = reader.get(engagement_id=target)
    return found.version, {f: getattr(found.data, f) for f in FIELDS}


def test_stale_saves_are_refused_and_no_save_is_lost(
    editors: tuple[Path, int, list[EditorProcess]],
) -> None:
    db, target, procs = editors
    rng = random.Random(20261127)
    reader = Tracker.open(db, user="reader")
    version, values = stored(reader, target)
    written: list[tuple[str, str]] = []  # (field, value) of every successful save
    tally = {"saved": 0, "conflict": 0, "merged": 0, "clash": 0}

    for trial in range(TRIALS):
        # Each editor does 1-3 open → save cycles; the steps are shuffled together.
        steps = [(e, c, s) for e in range(2) for c in range(rng.randint(1, 3)) for s in (0, 1)]
        order: list[tuple[int, int, int]] = []
        pending = {e: [st for st in steps if st[0] == e] for e in range(2)}
        while pending[0] or pending[1]:
            e = rng.choice([k for k in (0, 1) if pending[k]])
            order.append(pending[e].pop(0))
        forms: dict[int, Opened] = {}
        for e, cycle, step in order:
            editor = procs[e]
            if step == 0:
                answer = editor.ask(op="open", id=target)
                assert answer["version"] == version, "opened what is stored"
                form = Opened(version, dict(values))
                for name in rng.sample(FIELDS, rng.randint(1, 2)):
                    form.changes[name] = f"{editor.name} {trial}.{cycle} {name}"
                    editor.ask(op="set", field=name, value=form.changes[name])
                forms[e] = form
                continue
            form = forms.pop(e)
            changed_since = {f for f in FIELDS if values[f] != form.values[f]}
            answer = editor.ask(op="save")
            if form.version == version:
                assert answer["result"] == "saved", (trial, answer)
            else:
                assert answer["result"] == "conflict", (trial, answer)
                assert set(answer["fields"]) == changed_since, (trial, answer, changed_since)
                assert stored(reader, target) == (version, values), "a refused save wrote nothing"
                tally["conflict"] += 1
                answer = editor.ask(op="merge")
                clashing = changed_since & set(form.changes)
                if clashing:
                    assert answer == {
                        "result": "clash",
                        "fields": sorted(clashing, key=FIELDS.index),
                    }, (trial, answer)
                    assert stored(reader, target) == (version, values)
                    tally["clash"] += 1
                    continue
                assert answer["result"] == "merged", (trial, answer)
            tally[answer["result"]] += 1
            version += 1
            assert answer["version"] == version
            values.update(form.changes)
            written += form.changes.items()
        assert stored(reader, target) == (version, values), f"trial {trial}"

    try:
        audited = {(e.field, e.new) for e in reader.history(engagement_id=target)}
        assert reader.check().ok
    finally:
        reader.close()
    missing = [w for w in written if w not in audited]
    assert not missing, f"saves missing from the audit trail: {missing[:5]}"
    # Every kind of outcome happened, many times.
    assert min(tally.values()) >= TRIALS // 10, tally
    print(f"concurrent editors: {TRIALS} trials, {tally}")
