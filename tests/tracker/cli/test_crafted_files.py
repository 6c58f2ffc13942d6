"""Crafted database files on the command line: one line naming the object, exit 1, untouched.

Each file is a demo backup given a trigger, a view, a table or a changed table
definition (its backup checksum dropped, as an attacker can). Opening it (``list``), checking it
(``check``) and restoring it (``restore FILE``) are refused, and neither the file nor
the database it would replace changes by a byte.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.db.crafted import CRAFTED, DOWNGRADE, UNSEAL, craft
from tests.db.test_schema import _load_fixture
from tests.tracker.cli.test_bad_files import folder_state
from tests.tracker.cli.test_cli import export_json, ok, one_line_error, run_cli

# The crafts of the issue: the kinds of object and a changed definition.
ATTACKS = [
    c for c in CRAFTED if c[0] in ("extra-trigger", "extra-view", "extra-table", "altered-table")
]


@pytest.fixture(scope="module")
def demo_backup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("crafted")
    db = folder / "demo.db"
    ok(run_cli(db, "demo"))
    ok(run_cli(db, "backup", "--out", str(folder / "backup.db")))
    return folder / "backup.db"


def crafted(demo_backup: Path, folder: Path, statements: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return craft(Path(shutil.copyfile(demo_backup, folder / "crafted.db")), [*statements, UNSEAL])


@pytest.mark.parametrize(
    ("statements", "message"), [c[1:] for c in ATTACKS], ids=[c[0] for c in ATTACKS]
)
def test_opening_a_crafted_file_is_refused_untouched(
    demo_backup: Path, tmp_path: Path, statements: list[str], message: str
) -> None:
    db = crafted(demo_backup, tmp_path / "files", statements)
    before = folder_state(db.parent)
    line = one_line_error(run_cli(db, "list"), f"refusing {db}: it {message}")
    assert line.endswith("; restore a backup with: tracker restore FILE")
    assert folder_state(db.parent) == before


def test_checking_a_crafted_file_is_refused_untouched(demo_backup: Path, tmp_path: Path) -> None:
    db = crafted(demo_backup, tmp_path / "files", [DOWNGRADE])
    before = folder_state(db.parent)
    proc = run_cli(db, "check")
    one_line_error(proc, f'refusing {db}: it holds a trigger "t" on engagement')
    assert proc.stdout == ""
    assert folder_state(db.parent) == before


def test_opening_a_crafted_older_file_is_refused_before_migrating(tmp_path: Path) -> None:
    """No backup before the migration, no migration: the folder stays as it was."""
    (tmp_path / "files").mkdir()
    db = craft(_load_fixture(3, tmp_path / "files" / "v3.db"), [DOWNGRADE])
    before = folder_state(db.parent)
    one_line_error(run_cli(db, "edit", "1", "--set", "next_step=x"), 'trigger "t" on engagement')
    assert folder_state(db.parent) == before


@pytest.mark.parametrize(
    ("statements", "message"), [c[1:] for c in ATTACKS], ids=[c[0] for c in ATTACKS]
)
def test_restoring_a_crafted_backup_is_refused_untouched(
    demo_backup: Path, tmp_path: Path, statements: list[str], message: str
) -> None:
    backup = crafted(demo_backup, tmp_path / "incoming", statements)
    live = tmp_path / "live" / "tracker.db"
    live.parent.mkdir()
    shutil.copyfile(demo_backup, live)
    exported = export_json(live)
    before, offered = folder_state(live.parent), backup.read_bytes()

    line = one_line_error(run_cli(live, "restore", str(backup)), str(backup), f"it {message}")

    assert "nothing was changed" in line
    assert folder_state(live.parent) == before
    assert backup.read_bytes() == offered
    assert export_json(live) == exported
