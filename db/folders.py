"""Folders the app creates: readable by their owner only, every one of them.

``Path.mkdir(parents=True, mode=0o700)`` gives the mode to the last folder only and
creates the missing ones above it with the umask's (often 0755): a folder that
names a project or a person is then listed by everybody on the machine.
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_FOLDER = 0o700


def make_private_folders(folder: str | os.PathLike[str]) -> None:
    """Create ``folder`` and every missing folder above it, mode 0700; folders that
    exist already are left as they are (they may be the user's own, shared ones)."""
    target = Path(folder)
    missing: list[Path] = []
    while not target.exists() and target != target.parent:
        missing.append(target)
        target = target.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=PRIVATE_FOLDER)
        except FileExistsError:  # made meanwhile by another program: it is not ours
            continue
        # mkdir's mode is masked by the umask: set it again so that it is 0700 whatever
        # the umask (one as strict as 0277 would leave the owner unable to write).
        os.chmod(path, PRIVATE_FOLDER)
