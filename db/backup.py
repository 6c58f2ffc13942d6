"""Backups of SQLite databases, and checks that a file is a sound tracker database.

``backup_to`` uses SQLite's online backup API, so the copy is consistent even while
the app (or another process) reads and writes the database. The copy is written to
a temporary file beside the target, synced, made readable by its owner only and
renamed into place, so a crash never leaves half a backup under the target's name.
Backups use a rollback journal (not WAL), so they are a single self-contained file.

``verify`` opens a file read-only and reports what is wrong with it (empty when
sound): not SQLite, damaged, not a tracker database, a newer schema, or tables,
views or triggers this program did not create (``db.schema_guard``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import tempfile
from pathlib import Path

from db import schema_guard
from db.errors import DatabaseError
from db.folders import make_private_folders
from db.schema import GUARD, SCHEMA_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"
# The meta key under which a backup carries the digest of its content.
DIGEST_KEY = "backup_digest"
# The folder beside a database where its backups are kept.
BACKUP_FOLDER = "backups"


def private_temp_beside(target: Path) -> Path:
    """A new empty file, readable by its owner only, in ``target``'s folder (created if
    missing): written in full, then renamed onto ``target``, it replaces it atomically."""
    try:
        make_private_folders(target.parent)
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
        os.chmod(name, 0o600)
    except OSError as exc:
        raise DatabaseError(f"cannot write {target}: {exc.strerror or exc}") from None
    return Path(name)


def backup_to(database_path: str | os.PathLike[str], target_path: str | os.PathLike[str]) -> Path:
    """Copy the SQLite database at ``database_path`` to ``target_path`` atomically, mode 0600."""
    source_path = Path(database_path)
    target = Path(target_path)
    if not source_path.is_file():
        raise DatabaseError(f"cannot back up {source_path}: no such database file")
    tmp = private_temp_beside(target)
    try:
        copy_database(source_path, tmp)
        # Sealing writes to the copy: no trigger this program did not create may run there.
        schema_guard.refuse(source_path, GUARD.file_problems(tmp))
        seal(tmp)
        fsync_file(tmp)
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        raise DatabaseError(f"cannot back up {source_path} to {target}: {exc}") from None
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DatabaseError(f"cannot write {target}: {exc.strerror or exc}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def copy_database(source: Path, destination: Path, *, read_only: bool = False) -> None:
    """Copy ``source`` into the (empty or new) file ``destination`` with the backup API.

    The copy uses a rollback journal. With ``read_only`` the source is opened with
    ``mode=ro`` (for restoring from a backup that must not be touched).
    """
    mode = "ro" if read_only else "rw"
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode={mode}", uri=True, timeout=10)
    try:
        dst = sqlite3.connect(destination, isolation_level=None)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def content_digest(conn: sqlite3.Connection) -> str:
    """A SHA-256 over every row of every table (but the digest itself), in a fixed order.

    SQLite's integrity check finds damaged structure, not changed values; the digest a
    backup carries in its meta table finds those.
    """
    previous = conn.text_factory
    conn.text_factory = bytes
    try:
        return _content_digest(conn)
    finally:
        conn.text_factory = previous


def _content_digest(conn: sqlite3.Connection) -> str:
    digest = hashlib.sha256()
    tables = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"
    ).fetchall()
    for raw_name, raw_sql in tables:
        name = raw_name.decode("utf-8", "replace") if isinstance(raw_name, bytes) else raw_name
        sql = raw_sql.decode("utf-8", "replace") if isinstance(raw_sql, bytes) else raw_sql or ""
        if sql.upper().startswith("CREATE VIRTUAL"):
            continue  # its content lives in its shadow tables, which are digested
        quoted = '"' + name.replace('"', '""') + '"'
        where = f" WHERE key <> '{DIGEST_KEY}'" if name == "meta" else ""
        order = "" if "WITHOUT ROWID" in sql.upper() else " ORDER BY rowid"
        digest.update(repr(("table", name)).encode())
        for row in conn.execute(f"SELECT * FROM {quoted}{where}{order}"):
            digest.update(repr(row).encode())
    return digest.hexdigest()


def page_digest(path: Path, conn: sqlite3.Connection) -> str | None:
    """A SHA-256 over the file's pages but the meta table's one leaf page (where the digest
    is written) and the header bytes SQLite changes on its own; None when meta spans pages.

    Finds changed bytes that hold no rows (unused space in pages), which
    ``content_digest`` cannot see.
    """
    meta_pages = {
        int(row[0])
        for row in conn.execute("SELECT rootpage FROM sqlite_master WHERE tbl_name = 'meta'")
        if row[0]
    }
    size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    if not meta_pages:
        return None
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        number = 0
        while chunk := handle.read(size):
            number += 1
            page = bytearray(chunk)
            if number == 1:
                for start, end in ((18, 20), (24, 28), (92, 96)):
                    page[start:end] = bytes(end - start)
            elif number in meta_pages:
                if page[0] not in (0x0A, 0x0D):  # not a lone leaf: the write may touch more
                    return None
                continue
            digest.update(page)
    return digest.hexdigest()


def _seal_value(path: Path, conn: sqlite3.Connection) -> str:
    return f"{page_digest(path, conn) or '-'}:{content_digest(conn)}"


def seal(path: Path) -> None:
    """Store the content digest in the meta table of the tracker database copy at ``path``."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        if not conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
        ).fetchone():
            return
        conn.execute("BEGIN")
        conn.execute("DELETE FROM meta WHERE key = ?", (DIGEST_KEY,))
        conn.execute("COMMIT")
        value = _seal_value(path, conn)
        conn.execute("BEGIN")
        conn.execute("DELETE FROM meta WHERE key = ?", (DIGEST_KEY,))
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (DIGEST_KEY, value))
        conn.execute("COMMIT")
    finally:
        conn.close()


def unseal(path: Path) -> None:
    """Remove the backup's digest (from a restored copy, which will change from now on)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("DELETE FROM meta WHERE key = ?", (DIGEST_KEY,))
    finally:
        conn.close()


def verify(path: str | os.PathLike[str]) -> list[str]:
    """What is wrong with the tracker database file at ``path`` (empty when it is sound)."""
    file = Path(path)
    try:
        with file.open("rb") as handle:
            head = handle.read(100)
    except FileNotFoundError:
        return ["no such file"]
    except IsADirectoryError:
        return ["a directory, not a database file"]
    except OSError as exc:
        return [f"cannot read it: {exc.strerror or exc}"]
    if not head.startswith(SQLITE_HEADER):
        return ["not an SQLite database"]
    if len(head) < 100:
        return ["damaged: truncated SQLite header"]
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    size = file.stat().st_size
    if page_size and pages and size < page_size * pages:
        return [f"damaged: truncated ({size} bytes, the header says {page_size * pages})"]
    try:
        with schema_guard.read_only(file) as conn:
            return _verify_open(file, conn)
    except sqlite3.Error as exc:
        return [f"cannot open it: {exc}"]


def _verify_open(file: Path, conn: sqlite3.Connection) -> list[str]:
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        return _verify_content(file, conn)
    except sqlite3.Error as exc:
        return [f"damaged: {exc}"]
    except UnicodeDecodeError:
        return ["damaged: unreadable names in its schema"]


def _verify_content(file: Path, conn: sqlite3.Connection) -> list[str]:
    """The problems of the open database ``conn`` (of ``file``), worst first."""
    problems = [
        f"damaged: {row[0]}"
        for row in conn.execute("PRAGMA integrity_check")
        if str(row[0]) != "ok"
    ]
    if problems:
        return problems
    problems += [
        f"damaged: foreign key broken: {row[0]} row {row[1]} -> {row[2]}"
        for row in conn.execute("PRAGMA foreign_key_check")
    ]
    names = {
        str(row[0]) for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    if "meta" not in names or "engagement" not in names:
        return [*problems, "an SQLite database, but not an Engagement Tracker database"]
    version = schema_guard.stored_version(conn)
    if not _seal_matches(file, conn):
        return [*problems, "damaged: its content does not match the backup's checksum"]
    if version is None:
        problems.append("no valid schema version in its meta table")
    elif version > SCHEMA_VERSION:
        problems.append(f"schema version {version} is newer than this program's {SCHEMA_VERSION}")
    problems += [f"it {p}" for p in GUARD.problems(schema_guard.listed(conn), version)]
    return problems


def _seal_matches(file: Path, conn: sqlite3.Connection) -> bool:
    """False when the file carries a seal (see :func:`seal`) its content no longer matches."""
    sealed = conn.execute("SELECT value FROM meta WHERE key = ?", (DIGEST_KEY,)).fetchone()
    if sealed is None:
        return True
    expected = sealed[0].decode() if isinstance(sealed[0], bytes) else str(sealed[0])
    pages, _, rows = expected.partition(":")
    found_pages, _, found_rows = _seal_value(file, conn).partition(":")
    # "-" for the pages: no page digest could be taken then (meta spanned pages).
    return rows == found_rows and (pages == "-" or pages == found_pages)


def checkpoint_and_close(path: Path) -> None:
    """Fold the WAL of the database at ``path`` into the file; refuse if it is in use.

    Raises ``DatabaseError`` when another connection keeps the checkpoint from
    completing (the database is open elsewhere). A damaged file is left as it is.
    """
    try:
        conn = sqlite3.connect(path, timeout=10, isolation_level=None)
    except sqlite3.Error as exc:
        raise DatabaseError(f"cannot open {path}: {exc}") from None
    try:
        row = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        busy = row is not None and int(row[0]) != 0
    except sqlite3.DatabaseError as exc:
        if exc.sqlite_errorcode in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            raise DatabaseError(
                f"{path} is in use by another program; close it and try again"
            ) from None
        # A damaged file cannot be checkpointed; it is kept as it is, WAL beside it.
        busy = False
    except (sqlite3.Error, UnicodeDecodeError):
        busy = False
    finally:
        conn.close()
    if busy:
        raise DatabaseError(f"{path} is in use by another program; close it and try again")


def fsync_file(path: Path) -> None:
    """Flush a file's content to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable (where the platform allows it)."""
    with contextlib.suppress(OSError):  # not every platform can sync a directory
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
