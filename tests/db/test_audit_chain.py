"""The audit trail is tamper-evident: ``tracker check`` finds the first broken entry."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.services import Tracker
from tracker.services.briefings import BriefingRequest, render_briefing


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "t.db"
    service = Tracker.open(path, user="alice")
    service.load_demo()
    nato = service.get(engagement_id="demo-nato-openai")
    service.update(
        engagement_id=nato.id,
        expected_version=nato.version,
        changes={"summary": "Confirmed.", "owner": "Bob"},
    )
    service.close()
    return path


def check(path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "TRACKER_DB"}
    return subprocess.run(
        [sys.executable, "-m", "tracker", "--db", str(path), "check"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def tamper(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)  # behind the program's back: no foreign keys, no seals
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def test_an_untouched_trail_is_sound_and_every_row_sealed(db: Path) -> None:
    result = check(db)
    assert result.returncode == 0, result.stdout + result.stderr
    conn = sqlite3.connect(db)
    audits, seals = (
        conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("audit", "audit_seal")
    )
    conn.close()
    assert audits == seals > 4


@pytest.mark.parametrize(
    ("statements", "expected"),
    [
        (["UPDATE audit SET new = 'Nothing to see' WHERE id = 3"], "audit entry 3 does not match"),
        (["UPDATE audit SET who = 'mallory' WHERE id = 1"], "audit entry 1 does not match"),
        (["DELETE FROM audit WHERE id = 2"], "audit entry 2 is missing"),
        (["DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)"], "was deleted"),
        (
            [
                "INSERT INTO audit (at, who, engagement_id, version, action, field, old, new) "
                "VALUES ('2026-01-01T00:00:00Z', 'mallory', 1, 9, 'update', 'summary', 'a', 'b')"
            ],
            "is not sealed",
        ),
        (
            [
                "UPDATE audit SET id = -1 WHERE id = 2",
                "UPDATE audit SET id = 2 WHERE id = 3",
                "UPDATE audit SET id = 3 WHERE id = -1",
            ],
            "audit entry 2 does not match",
        ),
    ],
    ids=["edited-value", "edited-who", "deleted-middle", "deleted-last", "inserted", "reordered"],
)
def test_tampering_is_reported_with_the_first_broken_entry(
    db: Path, statements: list[str], expected: str
) -> None:
    tamper(db, *statements)
    result = check(db)
    assert result.returncode == 1
    assert expected in result.stdout, result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_the_latest_seal_is_printed_on_the_briefing_cover(db: Path) -> None:
    import io

    from pypdf import PdfReader

    service = Tracker.open(db)
    seal = service.selection().audit_hash
    pdf, _ = render_briefing(service, BriefingRequest())
    cover = PdfReader(io.BytesIO(pdf)).pages[0].extract_text() or ""
    assert len(seal) == 64
    assert seal in "".join(cover.split())


def test_writes_after_a_reopen_continue_the_chain(db: Path) -> None:
    service = Tracker.open(db)
    e = service.get(engagement_id="demo-dod-openai")
    service.update(engagement_id=e.id, expected_version=e.version, changes={"owner": "Carol"})
    service.delete(engagement_id=e.id)
    assert service.check().ok
