"""Backups of PostgreSQL team databases with ``pg_dump``.

The dump is PostgreSQL's custom format (restore with ``pg_restore``), written to a
temporary file beside the target, made readable by its owner only and renamed into
place. The password is never passed on the command line, where every user of the
machine can read it: a password in the URL is handed over in pg_dump's environment
(``PGPASSWORD``, readable by its owner only), else libpq finds it the usual way
(``~/.pgpass``, ``PGPASSWORD``, a service file).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url

from db.backup import private_temp_beside
from db.errors import DatabaseError
from db.urls import public_url


def libpq_url(url: str) -> str:
    """The SQLAlchemy URL as libpq takes it (no driver name, no password)."""
    parsed = make_url(url)._replace(drivername="postgresql")
    return public_url(parsed.render_as_string(hide_password=False))


def _environment(url: str) -> dict[str, str]:
    """pg_dump's environment: ours, with the URL's password (if any) as ``PGPASSWORD``."""
    parsed = make_url(url)
    given = parsed.query.get("password")
    password = parsed.password or (given if isinstance(given, str) else None)
    return {**os.environ, "PGPASSWORD": str(password)} if password else dict(os.environ)


def dump_to(url: str, target: str | os.PathLike[str]) -> Path:
    """Dump the database at ``url`` into ``target`` atomically, mode 0600."""
    program = shutil.which("pg_dump")
    if program is None:
        raise DatabaseError("pg_dump is not installed; back up with: tracker export")
    final = Path(target)
    tmp = private_temp_beside(final)
    try:
        done = subprocess.run(
            [program, "--format=custom", "--no-password", f"--file={tmp}", libpq_url(url)],
            capture_output=True,
            text=True,
            env=_environment(url),
            timeout=3600,
            check=False,
        )
        if done.returncode != 0:
            reason = " ".join(done.stderr.strip().splitlines()[-1:]) or f"exit {done.returncode}"
            raise DatabaseError(f"pg_dump failed: {reason}")
        os.replace(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return final
