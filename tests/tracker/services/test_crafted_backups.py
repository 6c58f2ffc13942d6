"""Restoring a crafted backup: what ``tracker restore`` and the app's restore both call.

The attack (issue 19): a backup gains ``AFTER UPDATE ON engagement ... SET
marking='PUBLIC'`` and loses its checksum (backups without one restore). Before the
schema guard it restored, passed ``check``, and the next edit of an engagement made
it PUBLIC with nothing in its history. Now the backup is refused before anything is
replaced, naming the trigger, and the live database stays as it was.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from db.backup import backup_to, seal
from db.schema import SCHEMA_VERSION
from tests.db.crafted import CRAFTED, DOWNGRADE, UNSEAL, craft
from tests.db.test_schema import _load_fixture
from tracker.domain.errors import ValidationError
from tracker.services import Tracker
from tracker.services.backups import restore

USER = "crafted-backup-tester"
NATO = "demo-nato-openai"  # marked NATO UNCLASSIFIED


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*"))


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "tracker.db"
    service = Tracker.open(path, user=USER)
    try:
        service.load_demo()
    finally:
        service.close()
    return path


def crafted_backup(demo_db: Path, folder: Path, statements: list[str]) -> Path:
    """A backup of ``demo_db`` changed by ``statements``, its checksum dropped."""
    return craft(backup_to(demo_db, folder / "crafted.db"), [*statements, UNSEAL])


def test_a_backup_whose_trigger_downgrades_markings_is_not_restored(
    demo_db: Path, tmp_path: Path
) -> None:
    backup = crafted_backup(demo_db, tmp_path, [DOWNGRADE])
    before, listed = digest(demo_db), files(demo_db.parent)

    with pytest.raises(ValidationError) as refused:
        restore(database=demo_db, source=backup)

    assert str(refused.value) == (
        f'{backup}: not restored, it holds a trigger "t" on engagement that this program '
        "did not create; nothing was changed"
    )
    assert digest(demo_db) == before
    assert files(demo_db.parent) == listed
    # The next edit keeps its marking, and its history says what changed.
    service = Tracker.open(demo_db, user=USER)
    try:
        current = service.get(engagement_id=NATO)
        service.update(
            engagement_id=NATO,
            expected_version=current.version,
            changes={"next_step": "Ask for the draft"},
        )
        assert service.get(engagement_id=NATO).data.marking == "NATO UNCLASSIFIED"
        assert next(e.field for e in service.history(engagement_id=NATO)) == "next_step"
        assert service.check().ok
    finally:
        service.close()


@pytest.mark.parametrize(
    ("statements", "message"), [c[1:] for c in CRAFTED], ids=[c[0] for c in CRAFTED]
)
def test_a_crafted_backup_is_refused_before_it_replaces_anything(
    demo_db: Path, tmp_path: Path, statements: list[str], message: str
) -> None:
    backup = crafted_backup(demo_db, tmp_path, statements)
    before, listed = digest(demo_db), files(demo_db.parent)
    with pytest.raises(ValidationError, match=f"^{backup}: not restored, it {message}"):
        restore(database=demo_db, source=backup)
    assert digest(demo_db) == before
    assert files(demo_db.parent) == listed


def test_a_resealed_crafted_backup_is_refused_too(demo_db: Path, tmp_path: Path) -> None:
    backup = craft(backup_to(demo_db, tmp_path / "crafted.db"), [DOWNGRADE])
    seal(backup)
    before = digest(demo_db)
    with pytest.raises(ValidationError, match='trigger "t" on engagement'):
        restore(database=demo_db, source=backup)
    assert digest(demo_db) == before


def test_an_older_backup_restores_and_migrates(demo_db: Path, tmp_path: Path) -> None:
    backup = _load_fixture(3, tmp_path / "v3.db")
    restore(database=demo_db, source=backup)
    service = Tracker.open(demo_db, user=USER)
    try:
        report = service.check()
    finally:
        service.close()
    assert report.ok, report.problems
    assert report.schema_version == SCHEMA_VERSION


def test_an_older_backup_with_a_trigger_is_not_restored(demo_db: Path, tmp_path: Path) -> None:
    backup = craft(_load_fixture(3, tmp_path / "v3.db"), [DOWNGRADE])
    before = digest(demo_db)
    with pytest.raises(ValidationError, match='trigger "t" on engagement'):
        restore(database=demo_db, source=backup)
    assert digest(demo_db) == before


def test_restoring_into_a_missing_database_refuses_a_crafted_backup(
    demo_db: Path, tmp_path: Path
) -> None:
    backup = crafted_backup(demo_db, tmp_path, [DOWNGRADE])
    target = tmp_path / "new" / "tracker.db"
    with pytest.raises(ValidationError, match='trigger "t"'):
        restore(database=target, source=backup)
    assert not target.parent.exists()
