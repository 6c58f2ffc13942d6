"""The monkey driver's record: one JSON object a line, flushed as it is written.

    {"kind": "save", "db": URL, "id": 12, "field": "title", "value": "…", "version": 4}
    {"kind": "failure", "where": "slot", "traceback": "…"}
    {"kind": "warning", "message": "…"}           a Qt warning, the first time it is seen
    {"kind": "message", "message": "…"}           a message box's title and text, as warning
    {"kind": "progress", "actions": 500, "seconds": 61.2, "saves": 31, "counts": {…}}
    {"kind": "done", …}                           as progress, once the window closed

The driver writes it as it goes so that a run that crashes still leaves its saves to
check; bench.monkey reads it back with :func:`read_log`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any


@dataclass(frozen=True)
class Save:
    """A value the monkey saved through the form: ``field`` of engagement ``id`` in the
    database ``db`` held ``value`` (as the interchange format writes it) at ``version``."""

    db: str
    id: int
    field: str
    value: Any
    version: int


class MonkeyLog:
    """Appends records to the log file, each flushed at once."""

    def __init__(self, path: Path) -> None:
        self._file: IO[str] = path.open("a", encoding="utf-8")
        self._seen: set[tuple[str, str]] = set()

    def write(self, kind: str, **fields: Any) -> None:
        """One record of ``kind``."""
        self._file.write(json.dumps({"kind": kind, **fields}, ensure_ascii=False) + "\n")
        self._file.flush()

    def save(self, save: Save) -> None:
        """A saved value."""
        self.write(
            "save",
            db=save.db,
            id=save.id,
            field=save.field,
            value=save.value,
            version=save.version,
        )

    def once(self, kind: str, message: str) -> None:
        """A record of ``kind`` (a Qt warning, a message box's text) the first time its
        message is seen."""
        if (kind, message) in self._seen:
            return
        self._seen.add((kind, message))
        self.write(kind, message=message)

    def close(self) -> None:
        self._file.close()


def read_log(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a log, in order; a last line cut short by a crash is skipped."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(record, dict):
                yield record


def saves_in(path: Path) -> list[Save]:
    """The saves a log records."""
    return [
        Save(db=r["db"], id=r["id"], field=r["field"], value=r["value"], version=r["version"])
        for r in read_log(path)
        if r.get("kind") == "save"
    ]
