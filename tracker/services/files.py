"""Reading import files and writing output files safely.

Outputs are written atomically (a temporary file beside the target, flushed,
synced, then renamed over it) and readable by their owner only, so a crash never
leaves half a file in place.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from tracker.domain.errors import TrackerError, ValidationError


def write_atomic(path: str | os.PathLike[str], content: str | bytes) -> None:
    """Write ``content`` to ``path`` all at once, mode 0600."""
    target = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
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


def read_text(path: str | os.PathLike[str]) -> str:
    """The text of an input file, as UTF-8 (a leading BOM is ignored)."""
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise TrackerError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise ValidationError(f"not UTF-8 text (byte {exc.start})", record=str(path)) from None
    except OSError as exc:
        raise TrackerError(f"cannot read {path}: {exc.strerror or exc}") from None


def read_json(path: str | os.PathLike[str]) -> Any:
    """A parsed JSON file; syntax errors name the line and column."""
    text = read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
            record=str(path),
        ) from None


def dump_json(document: Any) -> str:
    """Canonical JSON text: UTF-8, indented, keys in their given order, final newline."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
