"""Reading import files and writing output files safely.

Outputs are written atomically (a temporary file beside the target, flushed,
synced, then renamed over it) and readable by their owner only, in folders readable
by their owner only, so a crash never leaves half a file in place. No output may
replace the open database or one of SQLite's files beside it
(:func:`refuse_database_files`).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from db.folders import PRIVATE_FOLDER, make_private_folders
from tracker.domain import limits
from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.jsonfile import parse_file
from tracker.services.collector import collector_paused

# The files of an SQLite database: the database itself, then what SQLite keeps beside it.
SQLITE_FILES = ("", "-wal", "-shm", "-journal")


def write_atomic(path: str | os.PathLike[str], content: str | bytes) -> None:
    """Write ``content`` to ``path`` all at once, mode 0600."""
    target = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        make_private_folders(target.parent)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise TrackerError(f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise TrackerError(f"cannot write {target}: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def make_private_file(path: str | os.PathLike[str], *, own_folder: bool = False) -> None:
    """Create ``path`` empty, mode 0600, in folders created 0700, or make the file that is
    there 0600; with ``own_folder`` the folder holding it (the app's own) is made 0700
    even when it exists. For a file another program writes (Qt's settings), which
    keeps the mode of the file it replaces."""
    target = Path(path)
    make_private_folders(target.parent)
    if own_folder:
        os.chmod(target.parent, PRIVATE_FOLDER)
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT, 0o600))  # what it holds is kept
    os.chmod(target, 0o600)


def refuse_database_files(target: str | os.PathLike[str], database: Path | None) -> None:
    """Refuse ``target`` as an output when it is the SQLite file ``database`` or its
    ``-wal``, ``-shm`` or ``-journal`` file, by any name (a symbolic or hard link too):
    writing it would replace the database, or its committed changes, with the output."""
    if database is None:
        return
    output = Path(target).expanduser()
    for suffix in SQLITE_FILES:
        if _same_file(output, database.with_name(database.name + suffix)):
            what = f"the open database's {suffix} file" if suffix else "the open database"
            raise ValidationError(f"is {what}; nothing was written", record=str(target))


def _same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` name one file: the same file when both exist, else the
    same place once links are followed."""
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):  # a loop of links, a folder that cannot be read
        return False


def read_text(path: str | os.PathLike[str]) -> str:
    """The text of an input file, as UTF-8 (a leading BOM is ignored); a file larger than
    an import file may be (``limits.FILE_BYTES``) is refused before it is read."""
    try:
        size = Path(path).stat().st_size
        if size > limits.FILE_BYTES:
            raise ValidationError(
                f"is {size:,} bytes; an import file may hold at most {limits.FILE_BYTES:,}",
                record=str(path),
            )
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise TrackerError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise ValidationError(f"not UTF-8 text (byte {exc.start})", record=str(path)) from None
    except OSError as exc:
        raise TrackerError(f"cannot read {path}: {exc.strerror or exc}") from None


def read_json(path: str | os.PathLike[str]) -> Any:
    """The parsed JSON of an import file: syntax errors name the line and column, and
    its size, nesting, numbers and engagements are within the limits."""
    text = read_text(path)
    with collector_paused():  # a large file is a million values, none in a cycle
        return parse_file(text, source=str(path))


def dump_json(document: Any) -> str:
    """Canonical JSON text: UTF-8, indented, keys in their given order, final newline."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
