"""The keys that seal an SQLite database's audit trail: files beside the user's settings.

A key is 32 random bytes in ``<folder>/<database id>/<key id>.key`` (file 0600,
folders 0700), where the folder is ``audit-keys`` in the user's configuration folder
(``platformdirs``; ``$TRACKER_AUDIT_KEY_DIR`` instead, for tests and for users who
keep keys elsewhere) and the database id is the random id in the database's meta
table. The key id is derived from the key (``key_id``), never the key itself, so
that the database can name the key each seal was made with while holding nothing
that would let a thief of the file forge a seal.

A database whose key is missing (a new machine, a lost home folder) is never
refused: writing makes a new key and carries the chain on, and the entries sealed
with the absent key verify as "unkeyed" until the key file is put back.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from db.engine import APP_NAME
from db.folders import make_private_folders

KEY_DIR_VAR = "TRACKER_AUDIT_KEY_DIR"
KEY_BYTES = 32
_SUFFIX = ".key"


def key_id(key: bytes) -> str:
    """The public name of ``key``: the first 16 hex digits of HMAC(key, "key-id")."""
    return hmac.new(key, b"key-id", hashlib.sha256).hexdigest()[:16]


def key_folder() -> Path:
    """Where the audit keys live: ``$TRACKER_AUDIT_KEY_DIR``, else ``audit-keys`` in the
    user's configuration folder."""
    configured = os.environ.get(KEY_DIR_VAR, "").strip()
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / "audit-keys"


def key_path(database_id: str, kid: str) -> Path:
    """The file that holds (or would hold) key ``kid`` of database ``database_id``."""
    return key_folder() / database_id / f"{kid}{_SUFFIX}"


def _read(path: Path) -> bytes | None:
    """The key in ``path`` when it is one (32 bytes named by their key id), else None."""
    try:
        key = path.read_bytes()
    except OSError:
        return None
    if len(key) != KEY_BYTES or path.name != f"{key_id(key)}{_SUFFIX}":
        return None
    return key


def find(database_id: str, kids: Iterable[str]) -> dict[str, bytes]:
    """The keys among ``kids`` on this machine, by key id: in the database's own folder,
    else in any database's folder (a key outlives a change of the database's id)."""
    folder = key_folder()
    found: dict[str, bytes] = {}
    for kid in kids:
        if not kid.isalnum():  # a key id read from the database names no path but its own
            continue
        for path in (folder / database_id / f"{kid}{_SUFFIX}", *folder.glob(f"*/{kid}{_SUFFIX}")):
            key = _read(path)
            if key is not None:
                found[kid] = key
                break
    return found


def own_keys(database_id: str) -> dict[str, bytes]:
    """Every key in the database's own folder, by key id."""
    folder = key_folder() / database_id
    if not folder.is_dir():
        return {}
    keys = (_read(path) for path in sorted(folder.glob(f"*{_SUFFIX}")))
    return {key_id(key): key for key in keys if key is not None}


def create(database_id: str) -> tuple[str, bytes]:
    """Make and keep a new random key for the database; returns (key id, key).

    The file is written under a temporary name and renamed into place, so that a
    crash never leaves half a key behind.
    """
    key = secrets.token_bytes(KEY_BYTES)
    kid = key_id(key)
    target = key_path(database_id, kid)
    make_private_folders(target.parent)
    tmp = target.with_name(f".{kid}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, key)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, target)
    return kid, key
