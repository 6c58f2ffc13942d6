"""Restoring a backup, rotating backups, and the once-a-day automatic backup.

A backup is made by :meth:`tracker.services.Tracker.backup`. :func:`restore` puts
one back: it verifies the backup first (nothing is written when it is not a sound
tracker database, or holds tables, views or triggers this program did not create),
keeps the database it replaces as ``<name>.replaced-YYYYmmdd-HHMMSS.db`` beside it
(never deleting it), and moves the copy into place atomically.
"""

from __future__ import annotations

import os
import re
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from db import backup as db_backup
from db.backup import BACKUP_FOLDER
from db.engine import resolve_url, sqlite_path
from db.errors import DatabaseError
from db.urls import hide_secrets, public_url, refuse_keyword_string
from tracker.domain.errors import StorageError, ValidationError

if TYPE_CHECKING:
    from tracker.services import Tracker

# The folder, beside the database file, that holds its backups.
# Names of the backups ``Tracker.backup`` makes by default.
AUTOMATIC_NAME = re.compile(r"^tracker-(\d{8})-(\d{6})(?:-\d+)?\.db$")
KEPT_BACKUPS = 10  # the automatic backups kept unless the caller says otherwise


def database_file(database: str | os.PathLike[str] | None) -> Path:
    """The SQLite file named by a path or URL (None: ``$TRACKER_DB`` or the default)."""
    text = ""  # until resolved: a keyword string in $TRACKER_DB is refused unread
    try:
        text = os.fspath(database) if database is not None else resolve_url(None)
        if "://" not in text:
            refuse_keyword_string(text)
            return Path(text).expanduser()
        path = sqlite_path(text)
    except DatabaseError as exc:
        raise StorageError(hide_secrets(str(exc), text)) from None
    if path is None:
        raise StorageError(
            f"restoring {public_url(text)}: only SQLite database files can be restored"
        )
    return path


def _refusal(source: Path, problems: list[str]) -> ValidationError:
    first = " ".join(problems[0].split())
    more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
    return ValidationError(f"not restored, {first}{more}; nothing was changed", record=str(source))


def _free_name(directory: Path, stem: str, stamp: str) -> Path:
    candidate = directory / f"{stem}.replaced-{stamp}.db"
    n = 1
    while candidate.exists():
        n += 1
        candidate = directory / f"{stem}.replaced-{stamp}-{n}.db"
    return candidate


def restore(*, database: str | os.PathLike[str], source: str | os.PathLike[str]) -> Path:
    """Replace ``database`` by the backup ``source``; returns the file the old one is kept as.

    When there was no database yet, returns the database path itself. Refuses (and
    writes nothing) when the backup is not a sound tracker database or the database
    is in use by another program.
    """
    src = Path(source)
    target = database_file(database)
    problems = db_backup.verify(src)
    if problems:
        raise _refusal(src, problems)
    if target.exists() and src.resolve() == target.resolve():
        raise ValidationError("is the database itself; nothing was changed", record=str(src))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".restoring", dir=target.parent
        )
        os.close(fd)
    except OSError as exc:
        raise StorageError(f"cannot write beside {target}: {exc.strerror or exc}") from None
    tmp = Path(tmp_name)
    try:
        os.chmod(tmp, 0o600)
        db_backup.copy_database(src, tmp, read_only=True)
        db_backup.fsync_file(tmp)
        problems = db_backup.verify(tmp)
        if problems:
            raise _refusal(src, problems)
        db_backup.unseal(tmp)
        db_backup.fsync_file(tmp)
        kept = _set_aside(target)
        os.replace(tmp, target)
        db_backup.fsync_dir(target.parent)
    except DatabaseError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(str(exc)) from None
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(f"cannot restore into {target}: {exc.strerror or exc}") from None
    except Exception as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, ValidationError | StorageError):
            raise
        raise StorageError(f"cannot restore {src}: {exc}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return kept if kept is not None else target


def _set_aside(target: Path) -> Path | None:
    """Keep the current database under a ``.replaced-`` name and clear its WAL files.

    The WAL is first folded into the file with the database closed (refused when
    another program holds it open), so the kept file is complete on its own; a WAL
    that still holds pages is moved beside the kept file, never deleted.
    """
    if not target.exists():
        return None
    db_backup.checkpoint_and_close(target)
    kept = _free_name(target.parent, target.stem, datetime.now().strftime("%Y%m%d-%H%M%S"))
    try:
        os.link(target, kept)  # the database stays in place until the new one replaces it
    except OSError:
        os.replace(target, kept)
    db_backup.fsync_dir(target.parent)
    wal = target.with_name(target.name + "-wal")
    if wal.exists():
        if wal.stat().st_size > 0:
            os.replace(wal, kept.with_name(kept.name + "-wal"))
        else:
            wal.unlink()
    target.with_name(target.name + "-shm").unlink(missing_ok=True)
    return kept


def automatic_backups(directory: str | os.PathLike[str]) -> list[Path]:
    """The automatic backups in ``directory``, oldest first."""
    folder = Path(directory)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.is_file() and AUTOMATIC_NAME.match(p.name)]
    return sorted(found, key=_sort_key)


def _sort_key(path: Path) -> tuple[str, str, int]:
    match = AUTOMATIC_NAME.match(path.name)
    assert match is not None
    suffix = path.stem.rsplit("-", 1)[-1] if path.stem.count("-") == 3 else "1"
    return match.group(1), match.group(2), int(suffix)


def rotate_backups(directory: str | os.PathLike[str], keep: int = KEPT_BACKUPS) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups in ``directory``; returns those
    deleted. Other files (renamed or hand-made backups) are never touched."""
    if keep < 0:
        raise ValueError("keep must be 0 or more")
    backups = automatic_backups(directory)
    doomed = backups[: max(0, len(backups) - keep)]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def automatic_backup(service: Tracker, keep: int = KEPT_BACKUPS) -> Path | None:
    """Back up once a day: skip when a backup from today exists, else make one and rotate
    (``keep``: the desktop app passes its user's preference).

    Returns the new backup, or None when there already was one today. Only SQLite
    databases are backed up (others: None).
    """
    path = service.database.path
    if not service.database.is_sqlite or path is None:
        return None
    directory = path.parent / BACKUP_FOLDER
    day = date.today().strftime("%Y%m%d")
    if any(_sort_key(p)[0] == day for p in automatic_backups(directory)):
        return None
    made = service.backup()
    rotate_backups(directory, keep=keep)
    return made


def latest_backup(database: str | os.PathLike[str] | None) -> Path | None:
    """The newest backup (daily, before a migration, or ``tracker backup``) of the SQLite
    database named by ``database``, or None. Only names the tracker gives are considered."""
    try:
        folder = database_file(database).parent / BACKUP_FOLDER
    except StorageError:
        return None
    if not folder.is_dir():
        return None
    found = [p for p in folder.glob("tracker-*.db") if p.is_file()]
    return max(found, key=lambda p: (p.stat().st_mtime, p.name), default=None)
