"""Backups and restores: consistent while the database is in use, atomic, private, and
never replacing a database by a file that is not a sound tracker database.

Command-line behaviour is driven in subprocesses (``python -m tracker --db FILE``), as
a user would; the service functions (rotation, the daily automatic backup) directly.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from db.backup import backup_to, verify
from tracker.domain.errors import StorageError, ValidationError
from tracker.services import Tracker
from tracker.services.backups import automatic_backup, restore, rotate_backups

USER = "backup-tester"
NATO = "demo-nato-openai"


def run_cli(db: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("TRACKER_DB", None)
    env["TRACKER_USER"] = USER
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [sys.executable, "-m", "tracker", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def export(db: Path) -> dict[str, Any]:
    service = Tracker.open(db, user=USER)
    try:
        return service.export_document()
    finally:
        service.close()


def title_of(db: Path, uid: str = NATO) -> str:
    service = Tracker.open(db, user=USER)
    try:
        return service.get(engagement_id=uid).data.title
    finally:
        service.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "tracker.db"
    service = Tracker.open(path, user=USER)
    try:
        service.load_demo()
    finally:
        service.close()
    return path


# -- making backups -------------------------------------------------------------------------


def test_backup_while_a_reader_holds_a_transaction_and_after_an_unflushed_write(
    demo_db: Path, tmp_path: Path
) -> None:
    service = Tracker.open(demo_db, user=USER)
    reader = sqlite3.connect(demo_db, isolation_level=None)
    writer = sqlite3.connect(demo_db, isolation_level=None, timeout=10)
    try:
        current = service.get(engagement_id=NATO)
        # A committed write still in the WAL (the service keeps the database open).
        service.update(
            engagement_id=NATO,
            expected_version=current.version,
            changes={"title": "Written just before the backup"},
        )
        reader.execute("BEGIN")
        assert reader.execute("SELECT count(*) FROM engagement").fetchone()[0] == 4
        # Another writer is half-way through a transaction it has not committed.
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE meta SET value = 'uncommitted' WHERE key = 'default_marking'")

        made = service.backup(target=tmp_path / "out" / "copy.db")

        assert made == tmp_path / "out" / "copy.db"
        assert verify(made) == []
        assert title_of(made) == "Written just before the backup"
        copy = sqlite3.connect(made)
        marking = copy.execute("SELECT value FROM meta WHERE key = 'default_marking'").fetchone()[0]
        copy.close()
        assert marking != "uncommitted"
    finally:
        writer.execute("ROLLBACK")
        writer.close()
        reader.execute("ROLLBACK")
        reader.close()
        service.close()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["copy.db"]  # no temp left


def test_cli_backup_is_private_and_passes_check(demo_db: Path, tmp_path: Path) -> None:
    done = run_cli(demo_db, "backup")
    assert done.returncode == 0, done.stderr
    written = Path(done.stderr.strip().rsplit(" ", 1)[-1])
    assert written.parent == demo_db.parent / "backups"
    assert written.name.startswith("tracker-") and written.suffix == ".db"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert stat.S_IMODE(written.parent.stat().st_mode) == 0o700, "the backups folder too"

    out = tmp_path / "elsewhere" / "mine.db"
    done = run_cli(demo_db, "backup", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert str(out) in done.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600

    for path in (written, out):
        checked = run_cli(path, "check")
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert "sound" in checked.stdout and "NOT" not in checked.stdout
        assert export(path) == export(demo_db)


def test_backups_of_other_backends_are_refused() -> None:
    fake: Any = SimpleNamespace(is_sqlite=False, backend="mysql", path=None)
    with pytest.raises(StorageError, match="backups of mysql databases are not supported"):
        Tracker(fake, user=USER).backup()


# -- restoring ------------------------------------------------------------------------------


def test_cli_restore_brings_back_the_old_content_and_keeps_the_replaced_file(
    demo_db: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "before.db"
    assert run_cli(demo_db, "backup", "--out", str(backup)).returncode == 0
    original = export(demo_db)
    edited = run_cli(demo_db, "edit", NATO, "--set", "title=Changed after the backup")
    assert edited.returncode == 0, edited.stderr

    done = run_cli(demo_db, "restore", str(backup))

    assert done.returncode == 0, done.stderr
    kept = sorted(demo_db.parent.glob("tracker.replaced-*.db"))
    assert len(kept) == 1
    assert str(kept[0]) in done.stderr
    assert export(demo_db) == original
    assert title_of(kept[0]) == "Changed after the backup"
    assert verify(backup) == []  # the backup itself is untouched
    assert not demo_db.with_name("tracker.db-wal").exists() or (
        demo_db.with_name("tracker.db-wal").stat().st_size == 0
    )
    assert run_cli(demo_db, "check").returncode == 0


def test_restore_keeps_the_committed_writes_of_the_replaced_database(
    demo_db: Path, tmp_path: Path
) -> None:
    backup = backup_to(demo_db, tmp_path / "b.db")
    service = Tracker.open(demo_db, user=USER)
    current = service.get(engagement_id=NATO)
    service.update(
        engagement_id=NATO, expected_version=current.version, changes={"title": "Only in WAL"}
    )
    service.close()

    kept = restore(database=demo_db, source=backup)

    assert kept.name.startswith("tracker.replaced-")
    assert title_of(kept) == "Only in WAL"
    assert title_of(demo_db) != "Only in WAL"


def test_restore_into_a_missing_database(tmp_path: Path, demo_db: Path) -> None:
    backup = backup_to(demo_db, tmp_path / "b.db")
    target = tmp_path / "new" / "tracker.db"
    assert restore(database=target, source=backup) == target
    assert export(target) == export(demo_db)


def _not_a_database(source: Path, into: Path) -> str:
    into.write_text("engagements, but not a database\n", encoding="utf-8")
    return "not an SQLite database"


def _truncated(source: Path, into: Path) -> str:
    into.write_bytes(source.read_bytes()[: source.stat().st_size // 2])
    return "truncated"


def _flipped(source: Path, into: Path) -> str:
    data = bytearray(source.read_bytes())
    middle = len(data) // 2
    for i in range(middle, middle + 64):
        data[i] ^= 0xFF
    into.write_bytes(bytes(data))
    return "damaged"


def _newer_schema(source: Path, into: Path) -> str:
    service = Tracker.open(into, user=USER)
    service.close()
    conn = sqlite3.connect(into)
    with conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.close()
    return "schema version 99"


@pytest.mark.parametrize(
    "spoil", [_not_a_database, _truncated, _flipped, _newer_schema], ids=lambda f: f.__name__
)
def test_cli_restore_refuses_a_bad_file_and_changes_nothing(
    demo_db: Path, tmp_path: Path, spoil: Any
) -> None:
    good = backup_to(demo_db, tmp_path / "good.db")
    bad = tmp_path / "bad.db"
    expected = spoil(good, bad)
    before_export = json.dumps(export(demo_db), sort_keys=True)
    before_bytes = digest(demo_db)
    before_files = sorted(p.name for p in demo_db.parent.iterdir())

    done = run_cli(demo_db, "restore", str(bad))

    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert str(bad) in lines[0] and expected in lines[0]
    assert "nothing was changed" in lines[0]
    assert digest(demo_db) == before_bytes
    assert sorted(p.name for p in demo_db.parent.iterdir()) == before_files
    assert json.dumps(export(demo_db), sort_keys=True) == before_export


def test_restore_refuses_a_bad_file_with_a_validation_error(demo_db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    _truncated(backup_to(demo_db, tmp_path / "good.db"), bad)
    before = digest(demo_db)
    with pytest.raises(ValidationError, match=r"bad\.db"):
        restore(database=demo_db, source=bad)
    assert digest(demo_db) == before


def test_cli_restore_still_restores_engagements_from_the_trash(demo_db: Path) -> None:
    assert run_cli(demo_db, "delete", NATO).returncode == 0
    done = run_cli(demo_db, "restore", NATO)
    assert done.returncode == 0, done.stderr
    assert "restored" in done.stderr
    assert not list(demo_db.parent.glob("*.replaced-*"))


# -- rotation and the daily backup ------------------------------------------------------------


def test_rotation_keeps_the_newest_automatic_backups(tmp_path: Path) -> None:
    names = [
        "tracker-20250101-120000.db",
        "tracker-20250102-090000.db",
        "tracker-20250102-090000-2.db",
        "tracker-20250103-080000.db",
        "tracker-20241231-235959.db",
    ]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "before-upgrade.db").write_bytes(b"mine")

    deleted = rotate_backups(tmp_path, keep=3)

    assert sorted(p.name for p in deleted) == [
        "tracker-20241231-235959.db",
        "tracker-20250101-120000.db",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "before-upgrade.db",
        "tracker-20250102-090000-2.db",
        "tracker-20250102-090000.db",
        "tracker-20250103-080000.db",
    ]


def test_automatic_backup_runs_at_most_once_a_day(demo_db: Path) -> None:
    directory = demo_db.parent / "backups"
    directory.mkdir()
    old = [
        directory / f"tracker-{(date.today() - timedelta(days=n)):%Y%m%d}-120000.db"
        for n in range(1, 4)
    ]
    for path in old:
        path.write_bytes(b"old")
    service = Tracker.open(demo_db, user=USER)
    try:
        first = automatic_backup(service, keep=2)
        second = automatic_backup(service, keep=2)
    finally:
        service.close()

    assert first is not None and first.parent == directory
    assert first.name.startswith(f"tracker-{date.today():%Y%m%d}-")
    assert verify(first) == []
    assert second is None
    assert sorted(directory.iterdir()) == sorted([old[0], first])
