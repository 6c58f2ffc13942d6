"""Where the command line writes (issue 19, point 5), driven in subprocesses.

* ``--out`` naming the open database, by any name (``./``, ``..``, a symbolic or a hard
  link, a linked folder) or one of SQLite's files beside it (``-wal``, ``-shm``), is
  refused in one line, exit 1, by every command that writes a file: the database is
  the same file afterwards, sound and complete.
* Every folder an output creates is readable by its owner only, not just the last.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.tracker.cli.test_cli import ok, one_line_error, run_cli

# The commands that write a file named by --out.
WRITERS = ("export", "brief", "backup")


# Other names of the database file ``db``, made by the test, then given to --out.
def same_path(db: Path) -> Path:
    return db


def dotted(db: Path) -> Path:
    return db.parent / "." / "sub" / ".." / db.name


def symbolic_link(db: Path) -> Path:
    link = db.parent / "link.db"
    link.symlink_to(db)
    return link


def hard_link(db: Path) -> Path:
    link = db.parent / "hard.db"
    os.link(db, link)
    return link


def linked_folder(db: Path) -> Path:
    folder = db.parent.parent / f"{db.parent.name}-alias"
    folder.symlink_to(db.parent, target_is_directory=True)
    return folder / db.name


def write_ahead_log(db: Path) -> Path:
    return db.with_name(db.name + "-wal")


def shared_memory(db: Path) -> Path:
    return db.with_name(db.name + "-shm")


ALIASES: list[Callable[[Path], Path]] = [
    same_path,
    dotted,
    symbolic_link,
    hard_link,
    linked_folder,
    write_ahead_log,
    shared_memory,
]


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("template") / "tracker.db"
    ok(run_cli(db, "demo"))
    return db


@pytest.fixture
def demo_db(tmp_path: Path, demo_template: Path) -> Path:
    (tmp_path / "sub").mkdir()
    target = tmp_path / "tracker.db"
    target.write_bytes(demo_template.read_bytes())
    return target


@pytest.mark.parametrize("command", WRITERS)
def test_out_naming_the_open_database_is_refused(command: str, demo_db: Path) -> None:
    before = demo_db.stat().st_ino
    for alias in ALIASES:
        out = alias(demo_db)
        line = one_line_error(run_cli(demo_db, command, "--out", str(out)))
        assert "open database" in line and "nothing was written" in line, alias.__name__
        assert demo_db.stat().st_ino == before, f"{alias.__name__}: the database was replaced"
        for link in (demo_db.parent / "link.db", demo_db.parent / "hard.db"):
            link.unlink(missing_ok=True)
    assert "4 engagements, sound" in ok(run_cli(demo_db, "check"))
    assert not write_ahead_log(demo_db).exists() and not shared_memory(demo_db).exists()


@pytest.mark.parametrize("command", WRITERS)
def test_every_folder_an_output_creates_is_private(command: str, demo_db: Path) -> None:
    out = demo_db.parent / "new" / "deeper" / "deepest" / "out.file"
    ok(run_cli(demo_db, command, "--out", str(out)))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    for folder in (out.parent, out.parent.parent, out.parent.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_every_folder_a_new_database_creates_is_private(tmp_path: Path) -> None:
    db = tmp_path / "team" / "2026" / "q4" / "tracker.db"
    ok(run_cli(db, "demo"))
    for folder in (db.parent, db.parent.parent, db.parent.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
