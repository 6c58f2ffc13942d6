"""A PostgreSQL password given to the command line is never printed (issue 19, point 5).

Driven as a user would, in subprocesses: ``--db`` and ``TRACKER_DB`` name a team
database with its password in every form a URL can carry one (and a libpq
keyword/value string); every command fails in one line, exit 1, and the password
appears nowhere in what it prints. No server is needed: nothing listens on port 1,
so the connection fails and its message is what is checked. With a server
(``TRACKER_TEST_DB``) ``check`` reports on such a URL without its password.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.conftest import server_url
from tests.tracker.cli.test_cli import child_env, ok, one_line_error

SECRET = "Hunter2-s3cret"
NOWHERE = "ana@127.0.0.1:1/team"  # no server listens on port 1

# Every place a URL (or a libpq string) can hold the password.
GIVEN = [
    f"postgresql+psycopg://ana:{SECRET}@127.0.0.1:1/team",
    f"postgresql+psycopg://{NOWHERE}?password={SECRET}",
    f"postgresql+psycopg://{NOWHERE}?PASSWORD={SECRET}",
    f"postgresql+psycopg://{NOWHERE}?sslpassword={SECRET}&sslmode=bogus",
    f"postgres://ana:{SECRET}@127.0.0.1:1/team",
    f"postgresql+psycopg://ana:{SECRET}@127.0.0.1:notaport/team",
    f"postgresql+psycopg://ana:{SECRET[:6]}@{SECRET[6:]}@127.0.0.1:1/team",
    f"host=127.0.0.1 port=1 dbname=team password={SECRET}",
]


def run(
    db: str | Path | None,
    *args: str,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """``python -m tracker [--db DB] ARGS...``, ``DB`` passed on exactly as given."""
    command = [sys.executable, "-m", "tracker", *(["--db", str(db)] if db is not None else [])]
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        env=child_env(env),
        cwd=cwd,
        timeout=120,
        check=False,
    )


def given_as(how: str, given: str) -> tuple[str | None, dict[str, str] | None]:
    """The ``--db`` and environment that name ``given`` the way ``how`` says."""
    return (given, None) if how == "--db" else (None, {"TRACKER_DB": given})


def secret_free(proc_out: str) -> None:
    for part in (SECRET, SECRET[:6], SECRET[6:]):
        assert part not in proc_out, proc_out


@pytest.fixture(scope="module")
def backup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sound backup file to restore."""
    folder = tmp_path_factory.mktemp("backup")
    ok(run(folder / "source.db", "demo"))
    ok(run(folder / "source.db", "backup", "--out", str(folder / "backup.db")))
    return folder / "backup.db"


@pytest.mark.parametrize("given", GIVEN)
def test_a_command_on_a_url_with_a_password_never_prints_it(given: str, tmp_path: Path) -> None:
    proc = run(given, "check", cwd=tmp_path)
    one_line_error(proc)
    secret_free(proc.stdout + proc.stderr)
    assert list(tmp_path.iterdir()) == [], "no file was made of what was given"


@pytest.mark.parametrize("given", GIVEN)
def test_restore_into_a_url_with_a_password_never_prints_it(
    given: str, backup: Path, tmp_path: Path
) -> None:
    for how in ("--db", "TRACKER_DB"):
        db, env = given_as(how, given)
        proc = run(db, "restore", str(backup), env=env, cwd=tmp_path)
        one_line_error(proc)
        secret_free(proc.stdout + proc.stderr)
    assert list(tmp_path.iterdir()) == [], "nothing was restored"


def test_a_password_in_tracker_db_is_never_printed(tmp_path: Path) -> None:
    for given in GIVEN[:2]:
        proc = run(None, "list", env={"TRACKER_DB": given}, cwd=tmp_path)
        one_line_error(proc, "cannot connect to postgresql+psycopg://ana@127.0.0.1:1/team")
        secret_free(proc.stdout + proc.stderr)


@pytest.mark.skipif(server_url() is None, reason="needs a PostgreSQL server: set TRACKER_TEST_DB")
def test_check_names_a_team_database_without_its_password(tmp_db_url: str) -> None:
    # The test server trusts its local users: any password is accepted, none is needed.
    url = make_url(tmp_db_url)
    forms = [
        url.set(password=SECRET).render_as_string(hide_password=False),
        url.update_query_dict({"password": SECRET}).render_as_string(hide_password=False),
    ]
    for given in forms:
        proc = run(given, "check")
        report = ok(proc)
        secret_free(report + proc.stderr)
        assert f"{url.host}:{url.port}/{url.database}: schema version" in report
