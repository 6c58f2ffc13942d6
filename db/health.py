"""Checks on where a database file lives, made before SQLite opens it.

* :func:`read_only_reason` says why a file (or the folder it would be created in)
  cannot be written: SQLite would otherwise fail with "unable to open database file"
  on its first write, or leave WAL files behind.
* :func:`shared_location_reason` says when a file is on a network file system or in
  a folder a sync client (Dropbox, OneDrive, ...) copies behind SQLite's back: SQLite's
  locking is unreliable there and two machines can corrupt the file.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath

# File-system types (as /proc/mounts names them) whose locking SQLite cannot rely on.
NETWORK_FILE_SYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "afs",
        "9p",
        "ncpfs",
        "coda",
        "davfs",
        "fuse.davfs",
        "fuse.sshfs",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.gvfsd-fuse",
        "fuse.glusterfs",
        "glusterfs",
        "ceph",
        "fuse.ceph",
        "lustre",
        "gpfs",
        "webdav",
    }
)

# Folder names that sync clients create (compared case-insensitively, by prefix).
SYNCED_FOLDER_PREFIXES = (
    "dropbox",
    "onedrive",
    "google drive",
    "googledrive",
    "my drive",
    "icloud drive",
    "iclouddrive",
    "mobile documents",
    "nextcloud",
    "owncloud",
    "box sync",
    "synologydrive",
    "pcloud",
    "megasync",
    "mega",
    "seafile",
    "sync.com",
    "resilio sync",
)


def _existing_folder(path: Path) -> Path:
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def _on_read_only_medium(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # AttributeError: no statvfs (Windows)
        return False


def read_only_reason(path: str | os.PathLike[str]) -> str | None:
    """Why the database at ``path`` cannot be written, or None when it can."""
    file = Path(path)
    folder = _existing_folder(file)
    if _on_read_only_medium(folder):
        return f"{file} is on a read-only medium"
    if file.exists() and not os.access(file, os.W_OK):
        return f"{file} is read-only (no permission to write it)"
    if not os.access(folder, os.W_OK | os.X_OK):
        if file.exists():
            return f"the folder of {file} is read-only (SQLite must write its journal beside it)"
        return f"cannot create {file}: {folder} is read-only"
    return None


def _mount_table() -> str:
    try:
        return Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _unescape_mount_path(text: str) -> str:
    # /proc/mounts writes space, tab, newline and backslash as octal escapes.
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        text = text.replace(code, char)
    return text


def file_system_type(path: str | os.PathLike[str], mounts: str | None = None) -> str | None:
    """The type of the file system holding ``path`` (from a /proc/mounts text), or None."""
    table = _mount_table() if mounts is None else mounts
    target = str(Path(path).absolute())
    best_point, best_type = "", None
    for line in table.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescape_mount_path(fields[1])
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best_point):
            best_point, best_type = point, fields[2]
    return best_type


def _synced_folder(path: PurePath) -> str | None:
    for part in path.parts[:-1]:
        lowered = part.lower()
        for prefix in SYNCED_FOLDER_PREFIXES:
            if (
                lowered == prefix
                or lowered.startswith(prefix + " ")
                or (lowered.startswith(prefix + "-") and prefix != "mega")
            ):
                return part
    return None


def shared_location_reason(
    path: str | os.PathLike[str], *, mounts: str | None = None
) -> str | None:
    """Why keeping a database at ``path`` is unsafe (network or synced folder), or None."""
    text = os.fspath(path)
    if text.startswith(("\\\\", "//")):
        return f"{text} is on a network share"
    fs_type = file_system_type(text, mounts)
    if fs_type is not None and fs_type.lower() in NETWORK_FILE_SYSTEMS:
        return f"{text} is on a network file system ({fs_type})"
    synced = _synced_folder(PurePath(Path(text).absolute()))
    if synced is not None:
        return f'{text} is in a synced folder ("{synced}")'
    return None


SHARED_LOCATION_ADVICE = (
    "SQLite's locking is unreliable there and the file can be corrupted; keep the "
    "database on a local disk, or use a team database (PostgreSQL)"
)
