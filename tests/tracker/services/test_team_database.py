"""Team mode: what is particular to a shared PostgreSQL database.

These tests need a server: they run in the PostgreSQL pass of the suite (CI sets
``TRACKER_TEST_DB``; README, "Team database", says how to run it locally) and are
skipped, saying so, in the SQLite pass. The service tests as a whole also run on the
server in that pass, through the ``tmp_db_url`` fixture.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from tests.conftest import read_only_role_url, server_url
from tracker.domain.errors import ReadOnlyDatabaseError, StorageError
from tracker.domain.model import Filters
from tracker.services import Tracker

pytestmark = pytest.mark.skipif(
    server_url() is None, reason="needs a PostgreSQL server: set TRACKER_TEST_DB"
)

ROOT = Path(__file__).resolve().parents[3]
SEARCHES = (
    "nato",
    "NATO openai",
    "u.s. def",
    "red lin",
    "surveil",
    "anthrop",
    "clarif",
    "2026",
    "q2",
    "government programme",
    "autonomous weapons",
    "zzz",
    "o",
    "de",
)


def run_cli(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tracker", "--db", db, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "TRACKER_USER": "cli"},
    )


def test_search_finds_what_sqlite_finds_on_the_demo(tmp_db_url: str, tmp_path: Path) -> None:
    team = Tracker.open(tmp_db_url, user="t")
    local = Tracker.open(tmp_path / "local.db", user="t")
    try:
        for service in (team, local):
            service.load_demo()
        for words in SEARCHES:
            found = {
                service.url.split(":")[0]: sorted(
                    service.get(engagement_id=i).uid
                    for i in service.list_ids(filters=Filters(search=words))
                )
                for service in (team, local)
            }
            assert found["postgresql+psycopg"] == found["sqlite"], (words, found)
        assert team.check().ok
    finally:
        team.close()
        local.close()


def test_tampering_with_the_audit_trail_is_reported(tmp_db_url: str) -> None:
    service = Tracker.open(tmp_db_url, user="t")
    service.load_demo()
    engine = create_engine(tmp_db_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE audit SET who = 'mallory' WHERE id = 2")
    engine.dispose()
    problems = service.check().problems
    service.close()
    assert any("audit entry 2 does not match" in p for p in problems), problems


def test_the_cli_runs_against_the_server(tmp_db_url: str, tmp_path: Path) -> None:
    assert run_cli(tmp_db_url, "demo").returncode == 0
    listed = json.loads(run_cli(tmp_db_url, "list", "--format", "json").stdout)
    assert len(listed) == 4
    first = str(listed[0]["id"])

    def shown() -> dict[str, object]:
        found: dict[str, object] = json.loads(
            run_cli(tmp_db_url, "show", first, "--format", "json").stdout
        )
        return found

    assert (
        run_cli(
            tmp_db_url, "edit", first, "--set", "summary=team", "--expect-version", "1"
        ).returncode
        == 0
    )
    assert (shown()["summary"], shown()["version"]) == ("team", 2)
    stale = run_cli(tmp_db_url, "edit", first, "--set", "summary=late", "--expect-version", "1")
    assert stale.returncode == 1 and "conflict" in stale.stderr
    assert (shown()["summary"], shown()["version"]) == ("team", 2), "the stale edit wrote nothing"
    pdf = tmp_path / "team.pdf"
    assert run_cli(tmp_db_url, "brief", "--out", str(pdf)).returncode == 0
    whole = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages)
    assert all(str(row["title"]) in whole for row in listed), "every engagement is briefed"
    check = run_cli(tmp_db_url, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "sound" in check.stdout and "NOT sound" not in check.stdout
    assert "4 engagements" in check.stdout


def test_backup_uses_pg_dump(tmp_db_url: str, tmp_path: Path) -> None:
    service = Tracker.open(tmp_db_url, user="t")
    service.load_demo()
    made = service.backup(target=tmp_path / "team.dump")
    service.close()
    assert made.read_bytes().startswith(b"PGDMP")
    assert made.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        ({"database": "tracker_nothing"}, 'database "tracker_nothing" does not exist'),
        ({"port": 1}, "cannot connect"),
        ({"username": "tracker_no_such_role"}, "tracker_no_such_role"),
    ],
)
def test_connection_failures_are_one_clear_line(
    tmp_db_url: str, change: dict[str, object], needle: str
) -> None:
    url = make_url(tmp_db_url).set(**change).render_as_string(hide_password=False)
    proc = run_cli(url, "list")
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.splitlines()) == 1 and needle in proc.stderr, proc.stderr
    with pytest.raises(StorageError):
        Tracker.open(url)


def test_a_password_in_the_url_is_never_shown_or_remembered(tmp_db_url: str) -> None:
    with_password = make_url(tmp_db_url).set(password="s3cret-word")
    service = Tracker.open(tmp_db_url, user="t")
    try:
        shown = Tracker(
            type(service.database)(with_password.render_as_string(hide_password=False))
        ).url
        assert "s3cret" not in shown
        # The same server, database and role, only without the password.
        assert shown == with_password._replace(password=None).render_as_string(hide_password=False)
    finally:
        service.close()


READ_ONLY_ROLE = "tracker_test_reader"


def test_a_role_that_can_only_read_gets_a_read_only_tracker(tmp_db_url: str) -> None:
    service = Tracker.open(tmp_db_url, user="t")
    service.load_demo()
    assert service.read_only is None
    service.close()

    reader = Tracker.open(read_only_role_url(tmp_db_url, READ_ONLY_ROLE), user="r")
    try:
        assert reader.read_only is not None and READ_ONLY_ROLE in reader.read_only
        assert reader.count() == 4
        first = reader.list_ids()[0]
        with pytest.raises(ReadOnlyDatabaseError):
            reader.update(engagement_id=first, expected_version=1, changes={"summary": "x"})
    finally:
        reader.close()


EDITOR = textwrap.dedent(
    """
    import json, sys
    from tracker.domain.errors import ConflictError
    from tracker.services import Tracker
    url, name, target, saves = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    service = Tracker.open(url, user=name)
    print("ready", flush=True)
    sys.stdin.readline()  # all editors start saving together
    done, conflicts = [], 0
    field = {"a": "summary", "b": "next_step", "c": "owner", "d": "summary"}[name]
    while len(done) < saves:
        current = service.get(engagement_id=target)
        value = f"{name}-{len(done)}"
        try:
            service.update(engagement_id=target, expected_version=current.version,
                           changes={field: value})
        except ConflictError:
            conflicts += 1
            continue
        done.append(value)
    print(json.dumps({"done": done, "conflicts": conflicts, "field": field}))
    """
)


def test_many_editors_at_once_lose_no_update(tmp_db_url: str) -> None:
    service = Tracker.open(tmp_db_url, user="t")
    service.load_demo()
    target = service.list_ids()[0]
    start_version = service.get(engagement_id=target).version
    editors = [
        subprocess.Popen(
            [sys.executable, "-c", EDITOR, tmp_db_url, name, str(target), "60"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in "abcd"
    ]
    for proc in editors:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    for proc in editors:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    results = []
    for proc in editors:
        out, err = proc.communicate(timeout=300)  # a deadlock would hang here
        assert proc.returncode == 0, err[-2000:]
        results.append(json.loads(out))
    saves = sum(len(r["done"]) for r in results)
    assert saves == 240
    final = service.get(engagement_id=target)
    assert final.version == start_version + saves, "every save made exactly one version"
    audited = {(e.field, e.new) for e in service.history(engagement_id=target)}
    for r in results:
        for value in r["done"]:
            assert (r["field"], value) in audited
    assert sum(r["conflicts"] for r in results) > 0, "the editors really overlapped"
    assert service.check().ok
    service.close()
