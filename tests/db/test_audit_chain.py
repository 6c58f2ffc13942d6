"""The audit trail cannot be quietly rewritten: ``tracker check`` finds the first broken
entry, seals are keyed (the key is not in the database), and a seal printed on a
briefing's cover catches a trail truncated or rewritten as a whole.

The attacks are tried the way someone with the database file but not the user's home
folder would: with ``sqlite3``, behind the program's back. The CLI is driven in
subprocesses.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import os
import re
import secrets
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from db import audit_chain, tables
from tracker.domain.model import EngagementData
from tracker.domain.vocab import Status
from tracker.services import Tracker
from tracker.services.briefings import BriefingRequest, render_briefing

SEAL_TOKEN = re.compile(r"Audit seal: (\d+:[0-9a-f]{64})")


@pytest.fixture
def keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's own audit-key folder (also seen by the programs it starts)."""
    folder = tmp_path / "keys"
    monkeypatch.setenv("TRACKER_AUDIT_KEY_DIR", str(folder))
    return folder


@pytest.fixture
def db(tmp_path: Path, keys: Path) -> Path:
    path = tmp_path / "t.db"
    service = Tracker.open(path, user="alice")
    service.load_demo()
    nato = service.get(engagement_id="demo-nato-openai")
    service.update(
        engagement_id=nato.id,
        expected_version=nato.version,
        changes={"summary": "Confirmed.", "owner": "Bob"},
    )
    service.close()
    return path


def run(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "TRACKER_DB"}
    return subprocess.run(
        [sys.executable, "-m", "tracker", "--db", str(path), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def check(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run(path, "check", *args)


def tamper(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)  # behind the program's back: no foreign keys, no seals
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def cover_token(path: Path, tmp_path: Path) -> str:
    """The audit seal printed on the cover of a briefing of the database, as now."""
    pdf = tmp_path / f"brief-{secrets.token_hex(4)}.pdf"
    made = run(path, "brief", "--out", str(pdf))
    assert made.returncode == 0, made.stderr
    cover = PdfReader(pdf).pages[0].extract_text() or ""
    found = SEAL_TOKEN.search(cover)
    assert found is not None, cover
    return found.group(1)


def rechain(path: Path, digest: object) -> None:
    """Recompute every seal of the file's chain with ``digest(previous, row)``."""
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT id, at, who, engagement_id, version, action, field, old, new FROM audit ORDER BY id"
    ).fetchall()
    previous = "0" * 64
    for row in rows:
        previous = digest(previous, row)  # type: ignore[operator]
        conn.execute("UPDATE audit_seal SET hash = ? WHERE audit_id = ?", (previous, row[0]))
    conn.commit()
    conn.close()


def sha256_chain(previous: str, row: tuple[object, ...]) -> str:
    """What an attacker without the key can compute: the unkeyed SHA-256 chain, fields
    joined by \\x1f (the chain of schema version 4)."""
    parts = ["\x00" if v is None else str(v) for v in row]
    return hashlib.sha256((previous + "\x1f" + "\x1f".join(parts)).encode()).hexdigest()


# -- the chain --------------------------------------------------------------------------


def test_an_untouched_trail_is_sound_and_every_row_sealed(db: Path) -> None:
    result = check(db)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning" not in result.stdout
    conn = sqlite3.connect(db)
    audits, seals = (
        conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("audit", "audit_seal")
    )
    conn.close()
    assert audits == seals > 4


@pytest.mark.parametrize(
    ("statements", "expected"),
    [
        (["UPDATE audit SET new = 'Nothing to see' WHERE id = 3"], "audit entry 3 does not match"),
        (["UPDATE audit SET who = 'mallory' WHERE id = 1"], "audit entry 1 does not match"),
        (["DELETE FROM audit WHERE id = 2"], "audit entry 2 is missing"),
        (["DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)"], "was deleted"),
        (
            [
                "INSERT INTO audit (at, who, engagement_id, version, action, field, old, new) "
                "VALUES ('2026-01-01T00:00:00Z', 'mallory', 1, 9, 'update', 'summary', 'a', 'b')"
            ],
            "is not sealed",
        ),
        (
            [
                "UPDATE audit SET id = -1 WHERE id = 2",
                "UPDATE audit SET id = 2 WHERE id = 3",
                "UPDATE audit SET id = 3 WHERE id = -1",
            ],
            "audit entry 2 does not match",
        ),
    ],
    ids=["edited-value", "edited-who", "deleted-middle", "deleted-last", "inserted", "reordered"],
)
def test_tampering_is_reported_with_the_first_broken_entry(
    db: Path, statements: list[str], expected: str
) -> None:
    tamper(db, *statements)
    result = check(db)
    assert result.returncode == 1
    assert expected in result.stdout, result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_rewriting_who_and_rechaining_without_the_key_is_caught(db: Path) -> None:
    tamper(db, "UPDATE audit SET who = 'mallory' WHERE id = 1")
    rechain(db, sha256_chain)
    result = check(db)
    assert result.returncode == 1, result.stdout
    assert "problem: audit entry 1 does not match its seal" in result.stdout


def test_entries_differing_only_where_the_separator_falls_get_different_seals(
    tmp_db_url: str,
) -> None:
    service = Tracker.open(tmp_db_url, user="alice")
    try:
        made = service.create(data=EngagementData("T", "V", "C", Status.EXPLORATORY)).engagement
        row = {"id": 1000, "at": "2026-01-01T00:00:00Z", "who": "a", "engagement_id": made.id}
        row |= {"version": 2, "action": "update"}
        one = seal_of(service, {**row, "field": "summary", "old": "x\x1fy", "new": "z"})
        other = seal_of(service, {**row, "field": "summary", "old": "x", "new": "y\x1fz"})
        assert one != other
    finally:
        service.close()


class _RolledBack(Exception):
    pass


def seal_of(service: Tracker, row: dict[str, object]) -> str:
    """The seal ``row`` would get as the next entry (in a transaction rolled back)."""
    found = ""
    with pytest.raises(_RolledBack), service.database.write() as conn:
        conn.execute(tables.audit.insert().values(**row))
        audit_chain.seal(conn)
        found = str(
            conn.execute(
                select(tables.audit_seal.c.hash).where(tables.audit_seal.c.audit_id == row["id"])
            ).scalar_one()
        )
        raise _RolledBack
    return found


def test_the_encoding_tells_null_from_empty_and_says_where_each_field_ends() -> None:
    assert audit_chain.encode([None, "", "a:b", "é", 12]) == b"~0:3:a:b2:\xc3\xa92:12"
    assert audit_chain.encode(["x\x1fy", "z"]) != audit_chain.encode(["x", "y\x1fz"])


def test_writes_after_a_reopen_continue_the_chain(db: Path) -> None:
    service = Tracker.open(db)
    e = service.get(engagement_id="demo-dod-openai")
    service.update(engagement_id=e.id, expected_version=e.version, changes={"owner": "Carol"})
    service.delete(engagement_id=e.id)
    report = service.check()
    assert report.ok and not report.warnings, report


# -- the key ----------------------------------------------------------------------------


def key_files(keys: Path) -> list[Path]:
    return sorted(keys.glob("*/*.key"))


def test_the_key_is_a_private_file_beside_the_settings_never_in_the_database(
    db: Path, keys: Path
) -> None:
    (key,) = key_files(keys)
    assert key.stat().st_mode & 0o777 == 0o600
    assert key.parent.stat().st_mode & 0o777 == 0o700
    assert keys.stat().st_mode & 0o777 == 0o700
    conn = sqlite3.connect(db)
    (database_id,) = conn.execute("SELECT value FROM meta WHERE key = 'database_id'").fetchone()
    kids = {k for (k,) in conn.execute("SELECT DISTINCT key_id FROM audit_seal")}
    conn.close()
    assert key.parent.name == database_id
    secret = key.read_bytes()
    assert kids == {key.stem} == {hmac.new(secret, b"key-id", hashlib.sha256).hexdigest()[:16]}
    wal = db.with_name("t.db-wal")
    whole = db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    assert secret not in whole and secret.hex().encode() not in whole


def test_a_lost_key_verifies_as_unkeyed_and_loses_nothing(
    db: Path, keys: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = run(db, "export", "--format", "json").stdout
    (old_key,) = key_files(keys)
    elsewhere = tmp_path / "new-machine"
    monkeypatch.setenv("TRACKER_AUDIT_KEY_DIR", str(elsewhere))

    result = check(db)
    assert result.returncode == 0, result.stdout
    (warning,) = [line for line in result.stdout.splitlines() if line.startswith("warning:")]
    assert "unkeyed" in warning and "cannot be checked" in warning
    assert str(elsewhere / old_key.parent.name / old_key.name) in warning, warning
    assert "sound" in result.stdout and "NOT sound" not in result.stdout
    assert run(db, "export", "--format", "json").stdout == before

    # Writing makes a new key and carries the chain on; the new entries verify.
    edited = run(db, "edit", "demo-nato-openai", "--set", "owner=Dana")
    assert edited.returncode == 0, edited.stderr
    (new_key,) = key_files(elsewhere)
    assert new_key.stem != old_key.stem
    again = check(db)
    assert again.returncode == 0 and again.stdout.count("warning:") == 1, again.stdout
    assert old_key.stem in again.stdout and new_key.stem not in again.stdout

    # Tampering with the entries under the new key is still caught.
    conn = sqlite3.connect(db)
    (last, who) = conn.execute("SELECT id, who FROM audit ORDER BY id DESC").fetchone()
    conn.close()
    tamper(db, f"UPDATE audit SET who = 'mallory' WHERE id = {last}")
    assert f"audit entry {last} does not match its seal" in check(db).stdout
    tamper(db, f"UPDATE audit SET who = '{who}' WHERE id = {last}")

    # The old key put back (from a backup): everything verifies again.
    (elsewhere / old_key.parent.name / old_key.name).write_bytes(old_key.read_bytes())
    restored = check(db)
    assert restored.returncode == 0 and "warning" not in restored.stdout, restored.stdout


# -- the seal on the cover ----------------------------------------------------------------


def test_the_seal_and_count_are_printed_on_the_briefing_cover(db: Path) -> None:
    service = Tracker.open(db)
    try:
        token = service.selection().audit_seal
        pdf, _ = render_briefing(service, BriefingRequest(page_size="Letter"))
    finally:
        service.close()
    entries, seal = token.split(":")
    conn = sqlite3.connect(db)
    expected = conn.execute("SELECT hash FROM audit_seal ORDER BY audit_id DESC").fetchone()[0]
    count = conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    conn.close()
    assert (int(entries), seal) == (count, expected)
    cover = PdfReader(io.BytesIO(pdf)).pages[0].extract_text() or ""
    # One token on one line, so that it can be copied whole.
    assert f"Audit seal: {token}" in cover.splitlines(), cover


def test_deleting_the_last_entry_is_caught_by_an_earlier_briefings_seal(
    db: Path, tmp_path: Path
) -> None:
    token = cover_token(db, tmp_path)
    assert check(db, "--seal", token).returncode == 0
    # The last entry (the owner's change) goes, its seal too, and so does the change.
    tamper(
        db,
        "UPDATE engagement SET owner = (SELECT old FROM audit WHERE id = "
        "(SELECT max(id) FROM audit)) WHERE uid = 'demo-nato-openai'",
        "DELETE FROM audit_seal WHERE audit_id = (SELECT max(id) FROM audit)",
        "DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)",
    )
    alone = check(db)
    assert alone.returncode == 0, "the trail alone cannot tell it was ever longer"
    result = check(db, "--seal", token)
    assert result.returncode == 1
    (problem,) = [line for line in result.stdout.splitlines() if line.startswith("problem:")]
    assert "truncated" in problem and token.split(":")[0] in problem, problem


def test_a_trail_resealed_with_a_key_of_ones_own_is_caught_by_an_earlier_seal(
    db: Path, tmp_path: Path
) -> None:
    """Someone who re-seals the whole trail with a key they made gets it reported as
    unkeyed (there is no telling that from a lost key), and an earlier cover's seal
    no longer matches."""
    token = cover_token(db, tmp_path)
    forged, kid = secrets.token_bytes(32), "f0f0f0f0f0f0f0f0"
    tamper(db, "UPDATE audit SET who = 'mallory' WHERE id = 1")
    rechain(
        db,
        lambda previous, row: audit_chain.digest(forged, previous, kid, (*row[:3], None, *row[3:])),
    )
    tamper(db, f"UPDATE audit_seal SET key_id = '{kid}'")
    plain = check(db)
    assert "warning:" in plain.stdout and "unkeyed" in plain.stdout, plain.stdout
    result = check(db, "--seal", token)
    assert result.returncode == 1
    assert "the trail was rewritten" in result.stdout, result.stdout


def test_a_later_seal_than_the_trail_holds_and_a_malformed_one_are_one_line(db: Path) -> None:
    bad = check(db, "--seal", "12:nothex")
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert len(bad.stderr.splitlines()) == 1 and "hex digits" in bad.stderr, bad.stderr
    ahead = check(db, "--seal", "9999:" + "a" * 64)
    assert ahead.returncode == 1 and "truncated" in ahead.stdout


def test_two_databases_have_their_own_keys(tmp_path: Path, keys: Path) -> None:
    for name in ("a.db", "b.db"):
        service = Tracker.open(tmp_path / name, user="t")
        service.load_demo()
        service.close()
    assert len({p.parent.name for p in key_files(keys)}) == 2
