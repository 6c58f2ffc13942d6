"""Shared test setup: Qt runs offscreen, and each test can have its own database.

``QT_QPA_PLATFORM`` is set here, at import time of the top-level conftest, so it is
in place before any test module imports PySide6 or pytest-qt creates a QApplication.
``TRACKER_AUDIT_KEY_DIR`` too, to a folder of this run's own (removed at exit), so that
no test, nor any program a test starts, reads or writes the user's audit keys.

``tmp_db_url`` is the backend switch: a fresh SQLite file by default, or, when
``TRACKER_TEST_DB`` names a PostgreSQL server (``postgresql+psycopg://user@host:port/db``,
a role allowed to create databases), a fresh database created on that server for the
test and dropped after it. Tests that are about SQLite files (backups, bad files,
migration fixtures) keep using files on both runs.

The PostgreSQL pass runs only the tests that reach the server: those that request
``tmp_db_url`` (directly or through another fixture) and those marked ``postgres`` (they
reach it through ``server_url()`` alone). Every other test would only repeat the SQLite
pass, so it is deselected there (not skipped), and the header says how many and why.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_AUDIT_KEYS = tempfile.mkdtemp(prefix="tracker-test-audit-keys-")
os.environ["TRACKER_AUDIT_KEY_DIR"] = _AUDIT_KEYS
atexit.register(shutil.rmtree, _AUDIT_KEYS, ignore_errors=True)

TEST_DB_VAR = "TRACKER_TEST_DB"


def server_url() -> str | None:
    """The PostgreSQL server the tests run against, or None for SQLite."""
    return os.environ.get(TEST_DB_VAR) or None


def reaches_server(item: pytest.Item) -> bool:
    """Whether ``item`` would use the PostgreSQL server when ``TRACKER_TEST_DB`` names one."""
    fixtures: list[str] = getattr(item, "fixturenames", [])
    return "tmp_db_url" in fixtures or item.get_closest_marker("postgres") is not None


_SELECTION = pytest.StashKey[str]()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    server = server_url()
    if server is None:
        return
    kept = [item for item in items if reaches_server(item)]
    dropped = [item for item in items if not reaches_server(item)]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
    config.stash[_SELECTION] = (
        f"PostgreSQL pass at {server}: {len(kept)} tests selected (they request"
        f" tmp_db_url or are marked postgres), {len(dropped)} deselected (they never"
        " reach the server: the SQLite pass runs them)"
    )


def pytest_report_header() -> str:
    server = server_url()
    return f"database backend: {'PostgreSQL at ' + server if server else 'SQLite files'}"


def pytest_report_collectionfinish(config: pytest.Config) -> list[str]:
    # Printed after collection even under -q (addopts), which hides the header proper.
    return [config.stash[_SELECTION]] if _SELECTION in config.stash else []


@pytest.fixture
def tmp_db_url(tmp_path: Path) -> Iterator[str]:
    """SQLAlchemy URL of a fresh, empty database for this test alone."""
    server = server_url()
    if server is None:
        yield f"sqlite:///{tmp_path / 'tracker.db'}"
        return
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    name = f"tracker_test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.dispose()


def read_only_role_url(url: str, role: str) -> str:
    """Create (or reuse) ``role`` allowed only to read the database at ``url``; its URL.

    The role logs in the way the test's own role does: with libpq's password
    (``PGPASSWORD`` or the URL's), or with none where the server trusts local users.
    """
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    password = parsed.password or os.environ.get("PGPASSWORD")
    login = f"LOGIN PASSWORD '{password}'" if password else "LOGIN"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(
                f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}')"
                f" THEN CREATE ROLE {role}; END IF; END $$"
            )
            conn.exec_driver_sql(f"ALTER ROLE {role} {login}")
            conn.exec_driver_sql(f'GRANT CONNECT ON DATABASE "{parsed.database}" TO {role}')
            conn.exec_driver_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
    finally:
        admin.dispose()
    reader = parsed._replace(username=role, password=None)
    return reader.render_as_string(hide_password=False)
