"""The audit trail of a team database: sealed and checked on the server, with a key and
rights the colleagues' roles do not have (the README's two-role setup).

An owner role creates the tables; colleagues' roles get the rights the README lists.
They can then do everything the app does, while the server refuses them any change
to the audit rows, any seal of their own and the key, and records the role each of
their entries was written under. Runs in the PostgreSQL pass of the suite only.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from db import audit_chain, schema
from tests.conftest import server_url
from tracker.services import Tracker

pytestmark = pytest.mark.skipif(
    server_url() is None, reason="needs a PostgreSQL server: set TRACKER_TEST_DB"
)

OWNER = "tracker_test_audit_owner"
APP = "tracker_test_audit_app"
LOOSE = "tracker_test_audit_loose"  # granted everything on the tables, nothing revoked

# What the README tells an administrator to grant a colleague who writes.
WRITER_GRANTS = (
    "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
    "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {role}",
    "REVOKE UPDATE, DELETE, TRUNCATE ON audit, audit_seal FROM {role}",
    "REVOKE INSERT ON audit_seal FROM {role}",
)


def execute(url: str, *statements: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            for statement in statements:
                conn.exec_driver_sql(statement)
    finally:
        engine.dispose()


def login_role(url: str, role: str) -> str:
    """Create (or reuse) the login ``role``, able to connect to ``url``'s database; its
    URL. It logs in as the test's own role does (libpq's password, or trust)."""
    parsed = make_url(url)
    password = parsed.password or os.environ.get("PGPASSWORD")
    execute(
        url,
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}')"
        f" THEN CREATE ROLE {role}; END IF; END $$",
        f"ALTER ROLE {role} LOGIN" + (f" PASSWORD '{password}'" if password else ""),
        f'GRANT CONNECT ON DATABASE "{parsed.database}" TO {role}',
    )
    return parsed._replace(username=role, password=None).render_as_string(hide_password=False)


@dataclass(frozen=True)
class Team:
    admin: str  # the server's superuser, for what only it may do
    owner: str
    app: str
    loose: str


@pytest.fixture
def team(tmp_db_url: str) -> Iterator[Team]:
    owner = login_role(tmp_db_url, OWNER)
    execute(tmp_db_url, f'ALTER DATABASE "{make_url(tmp_db_url).database}" OWNER TO {OWNER}')
    execute(tmp_db_url, f"ALTER SCHEMA public OWNER TO {OWNER}")
    service = Tracker.open(owner, user="admin")  # the owner creates the tables
    service.load_demo()
    assert service.check().ok, "one role for everything works as before"
    service.close()
    app, loose = login_role(tmp_db_url, APP), login_role(tmp_db_url, LOOSE)
    execute(owner, *(g.format(role=APP) for g in WRITER_GRANTS))
    execute(
        owner,
        f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {LOOSE}",
        f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {LOOSE}",
    )
    yield Team(tmp_db_url, owner, app, loose)


def test_a_colleague_works_as_usual_and_the_server_records_their_role(team: Team) -> None:
    service = Tracker.open(team.app, user="ana")
    try:
        assert service.read_only is None
        target = service.get(engagement_id="demo-nato-openai")
        service.update(
            engagement_id=target.id, expected_version=target.version, changes={"owner": "Ana"}
        )
        made = service.create(
            data={"title": "T", "vendor": "V", "counterpart": "C", "status": "exploratory"}
        ).engagement
        report = service.check()
        assert report.ok and not report.warnings, report
        (latest, *_) = service.history(engagement_id=target.id)
        assert (latest.who, latest.server_user) == ("ana", APP)
        (created,) = service.history(engagement_id=made.id)
        assert created.server_user == APP
    finally:
        service.close()
    shown = subprocess.run(
        [sys.executable, "-m", "tracker", "--db", team.app, "history", "demo-nato-openai"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert shown.returncode == 0, shown.stderr
    first, *rest = shown.stdout.splitlines()
    assert f"ana (database role {APP})  update  owner" in first, shown.stdout
    assert any(f"admin (database role {OWNER})" in line for line in rest), shown.stdout


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit SET who = 'mallory' WHERE id = 1",
        "DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)",
        "TRUNCATE audit_seal, audit",
        "INSERT INTO audit_seal (audit_id, key_id, hash) VALUES (999, 'x', 'y')",
        "UPDATE audit_seal SET hash = 'y' WHERE audit_id = 1",
        "DELETE FROM audit_seal WHERE audit_id = (SELECT max(audit_id) FROM audit_seal)",
        "SELECT key FROM tracker_audit.audit_key",
        "SELECT * FROM tracker_audit.writing_key()",
    ],
)
@pytest.mark.parametrize("role", ["app", "loose"])
def test_a_colleague_cannot_rewrite_the_trail_forge_a_seal_or_read_the_key(
    team: Team, role: str, statement: str
) -> None:
    before = _rows(team.owner)
    with pytest.raises(DBAPIError) as refused:
        execute(getattr(team, role), statement)
    assert refused.value.orig is not None
    assert getattr(refused.value.orig, "sqlstate", None) == "42501", refused.value  # no right
    assert _rows(team.owner) == before


def _rows(url: str) -> tuple[object, ...]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return tuple(
                conn.execute(text(f"SELECT * FROM {t} ORDER BY 1")).all()
                for t in ("audit", "audit_seal", "tracker_audit.audit_key")
            )
    finally:
        engine.dispose()


def test_what_a_colleague_changes_behind_the_app_is_named_and_signed(team: Team) -> None:
    execute(
        team.loose,
        "UPDATE engagement SET marking = 'PUBLIC' WHERE uid = 'demo-nato-openai'",
        # A forged entry to cover it: the server stamps it with the role that wrote it.
        "INSERT INTO audit (at, who, engagement_id, version, action, field, old, new, "
        "server_user) SELECT '2026-01-01T00:00:00Z', 'bob', id, 1, 'update', 'summary', "
        "summary, summary, 'bob' FROM engagement WHERE uid = 'demo-dod-openai'",
    )
    service = Tracker.open(team.app, user="ana")
    try:
        problems = service.check().problems
        nato = service.get(engagement_id="demo-nato-openai")
        assert any(p.startswith(f"engagement {nato.id} ") and "marking" in p for p in problems), (
            problems
        )
        forged = service.history(engagement_id="demo-dod-openai")[0]
        assert (forged.who, forged.server_user) == ("bob", LOOSE)
    finally:
        service.close()


def test_the_server_seals_exactly_as_the_documented_hmac(team: Team) -> None:
    engine = create_engine(team.owner)
    try:
        with engine.connect() as conn:
            keys = dict(conn.execute(text("SELECT key_id, key FROM tracker_audit.audit_key")).all())
            rows = conn.execute(
                text(
                    "SELECT a.id, a.at, a.who, a.server_user, a.engagement_id, a.version, "
                    "a.action, a.field, a.old, a.new, s.key_id, s.hash FROM audit a "
                    "JOIN audit_seal s ON s.audit_id = a.id ORDER BY a.id"
                )
            ).all()
    finally:
        engine.dispose()
    (kid, key) = next(iter(keys.items()))
    assert kid == hmac.new(bytes(key), b"key-id", hashlib.sha256).hexdigest()[:16]
    previous = audit_chain.GENESIS
    for row in rows:
        assert row[-2] == kid
        assert audit_chain.digest(bytes(key), previous, kid, tuple(row[:-2])) == row[-1]
        previous = row[-1]
    assert len(rows) == 4  # the demo, one entry each


def test_a_lost_key_table_verifies_as_unkeyed_and_the_chain_carries_on(team: Team) -> None:
    service = Tracker.open(team.app, user="ana")
    before = service.export_document()
    service.close()
    execute(team.owner, "DELETE FROM tracker_audit.audit_key")
    service = Tracker.open(team.app, user="ana")
    try:
        assert service.export_document() == before, "nothing is lost with the key"
        report = service.check()
        assert report.ok, report
        (warning,) = report.warnings
        assert "unkeyed" in warning and "tracker_audit.audit_key" in warning
        target = service.get(engagement_id="demo-dod-openai")
        service.update(
            engagement_id=target.id, expected_version=target.version, changes={"owner": "x"}
        )
        after = service.check()
        assert after.ok and len(after.warnings) == 1, after
    finally:
        service.close()
    execute(team.admin, "UPDATE audit SET who = 'mallory' WHERE id = (SELECT max(id) FROM audit)")
    service = Tracker.open(team.app, user="ana")
    try:
        assert any("does not match its seal" in p for p in service.check().problems)
    finally:
        service.close()


def test_a_version_4_team_database_upgrades(tmp_db_url: str) -> None:
    """A database as version 4 left it (unkeyed seals, no server_user, no functions) is
    re-sealed on the server, with baselines, and verifies."""
    from db import audit_legacy  # the chain of version 4, to make one

    service = Tracker.open(tmp_db_url, user="t")
    service.load_demo()
    service.close()
    engine = create_engine(tmp_db_url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP SCHEMA tracker_audit CASCADE")
            conn.exec_driver_sql("DROP TABLE audit_seal")
            conn.exec_driver_sql("ALTER TABLE audit DROP COLUMN server_user")
            conn.exec_driver_sql(
                "UPDATE audit SET new = (SELECT title FROM engagement e WHERE e.id = engagement_id)"
            )
            audit_legacy.seal(conn)
            conn.exec_driver_sql("DELETE FROM meta WHERE key = 'database_id'")
            conn.exec_driver_sql("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    finally:
        engine.dispose()
    upgraded = Tracker.open(tmp_db_url, user="t")
    try:
        report = upgraded.check()
        assert report.ok and not report.warnings, report
        assert upgraded.info().schema_version == schema.SCHEMA_VERSION
        for eid in upgraded.list_ids():
            newest = upgraded.history(engagement_id=eid)[0]
            assert newest.action == "baseline" and newest.server_user is not None
    finally:
        upgraded.close()
