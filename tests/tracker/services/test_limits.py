"""The limits through the services (issue 19, point 4), and the names and texts the
audit trail and the store may hold (point 5).

A refusal comes before the write lock is taken: each test that says so runs while
another connection holds SQLite's write lock (``BEGIN IMMEDIATE``), with a busy
timeout of 300 ms. A call that asked for the lock would fail "locked" (the first test
shows it does); a refusal by validation names the record and field instead, and
nothing is written.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tracker.domain import limits
from tracker.domain.errors import LockedDatabaseError, ValidationError
from tracker.domain.flatfile import from_csv, to_csv
from tracker.domain.interchange import FORMAT
from tracker.domain.model import Filters
from tracker.services import Tracker
from tracker.services.files import dump_json, read_json, read_text

TOO_LONG = f"is {limits.TEXT + 1:,} characters long; at most {limits.TEXT:,} are allowed"


def minimal(**extra: Any) -> dict[str, Any]:
    return {"title": "Pilot", "vendor": "V", "counterpart": "C", "status": "agreed", **extra}


@pytest.fixture
def path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TRACKER_BUSY_TIMEOUT_MS", "300")
    return tmp_path / "tracker.db"


@pytest.fixture
def service(path: Path) -> Iterator[Tracker]:
    tracker = Tracker.open(path, user="alice")
    yield tracker
    tracker.close()


@contextmanager
def write_lock_held(path: Path) -> Iterator[None]:
    """Another connection holds the database's write lock meanwhile."""
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        yield
        other.execute("ROLLBACK")
    finally:
        other.close()


def everything(service: Tracker) -> Any:
    return service.export_document(filters=Filters()), service.count(filters=Filters(trash=True))


def test_a_write_does_wait_for_the_lock(service: Tracker, path: Path) -> None:
    """The control: with the lock held, a valid create fails "locked"."""
    with write_lock_held(path), pytest.raises(LockedDatabaseError):
        service.create(data=minimal())


def test_an_oversized_field_is_refused_before_the_lock(service: Tracker, path: Path) -> None:
    stored = service.create(data=minimal(summary="s" * limits.TEXT)).engagement
    assert len(stored.data.summary) == limits.TEXT
    before = everything(service)
    big = "s" * (limits.TEXT + 1)
    label = f'engagement {stored.id} "Pilot"'
    with write_lock_held(path):
        with pytest.raises(ValidationError) as created:
            service.create(data=minimal(title="New", summary=big))
        assert str(created.value) == f'engagement "New", summary: {TOO_LONG}'
        with pytest.raises(ValidationError) as updated:
            service.update(
                engagement_id=stored.id, expected_version=stored.version, changes={"summary": big}
            )
        assert str(updated.value) == f"{label}, summary: {TOO_LONG}"
        with pytest.raises(ValidationError) as saved:
            service.save(
                engagement_id=stored.id,
                expected_version=stored.version,
                data=dataclasses.replace(stored.data, summary=big),
            )
        assert str(saved.value) == f"{label}, summary: {TOO_LONG}"
    assert everything(service) == before


def test_an_import_is_validated_whole_before_the_lock(service: Tracker, path: Path) -> None:
    good = [minimal(id=f"e{i}", title=f"E{i}") for i in range(2000)]
    bad = minimal(id="last", title="Last", concerns=[{"kind": "legal", "text": "c" * 999_999}])
    bad["concerns"].append({"kind": "legal", "text": "d" * (limits.TEXT + 1)})
    before = everything(service)
    with write_lock_held(path):
        with pytest.raises(ValidationError) as refused:
            service.import_document(document={"format": FORMAT, "engagements": [*good, bad]})
        assert str(refused.value) == f'engagement #2001 "Last", concerns[1].text: {TOO_LONG}'
        with pytest.raises(ValidationError) as flat:
            service.import_flat_rows(rows=[*good, minimal(title="Flat", summary="s" * 10**7)])
        assert "engagement #2001" in str(flat.value) and "summary: is 10,000,000" in str(flat.value)
    assert everything(service) == before
    # Unlocked, the same good engagements import in one go.
    assert service.import_document(document={"format": FORMAT, "engagements": good}).created == 2000


def test_a_file_of_too_many_engagements_is_refused_before_the_lock(
    service: Tracker, path: Path, tmp_path: Path
) -> None:
    many = [minimal(id=f"e{i}", title=f"E{i}") for i in range(limits.FILE_ENGAGEMENTS)]
    at_limit = tmp_path / "at-limit.json"
    at_limit.write_text(dump_json({"format": FORMAT, "engagements": many}), encoding="utf-8")
    over = tmp_path / "over.json"
    over.write_text(
        dump_json({"format": FORMAT, "engagements": [*many, minimal()]}), encoding="utf-8"
    )
    with write_lock_held(path):
        with pytest.raises(ValidationError) as refused:
            read_json(over)
        assert str(refused.value) == (
            f"{over}: holds 10,001 engagements; at most 10,000 are allowed in one file "
            "(split it into several)"
        )
        document = read_json(at_limit)
        document["engagements"][-1]["status"] = "signed?"
        with pytest.raises(ValidationError) as last:
            service.import_document(document=document)
        assert str(last.value).startswith('engagement #10000 "E9999", status: unknown status')
    assert service.count() == 0


def test_a_flat_row_is_checked_with_the_engagement_it_updates(service: Tracker) -> None:
    """A CSV row fills in from the stored engagement: the whole is within the limit."""
    first = [{"kind": "legal", "text": "c" * limits.TEXT}] * 2
    service.create(data=minimal(id="full", concerns=first))
    rest = limits.ENGAGEMENT - 2 * limits.TEXT - len("PilotVC")
    service.import_flat_rows(rows=[minimal(id="full", summary="s" * rest)])
    with pytest.raises(ValidationError) as refused:
        service.import_flat_rows(rows=[minimal(id="full", summary="s" * (rest + 1))])
    # (the total is counted in the order of the fields: the children come last)
    assert str(refused.value).startswith(
        'engagement #1 "Pilot", concerns[1].text: takes the engagement to 3,000,001 characters'
    )
    assert len(service.get(engagement_id="full").data.summary) == rest


def file_of(path: Path, size: int) -> Path:
    """A JSON file of ``size`` bytes: one engagement and a summary filling the rest."""
    head = f'{{"format": "{FORMAT}", "engagements": [{{"title": "Big", "vendor": "V", '
    head += '"counterpart": "C", "status": "agreed", "summary": "'
    tail = '"}]}'
    path.write_text(head + "s" * (size - len(head) - len(tail)) + tail, encoding="ascii")
    assert path.stat().st_size == size
    return path


def test_a_file_over_the_size_limit_is_refused_unread(service: Tracker, tmp_path: Path) -> None:
    """The issue's 100 MB summary: a file over the size limit is refused by its size
    before it is read; one at the limit is read, and refused for its summary."""
    big = file_of(tmp_path / "big.json", limits.FILE_BYTES + 1)
    for read in (read_json, read_text):
        with pytest.raises(ValidationError) as refused:
            read(big)
        assert str(refused.value) == (
            f"{big}: is 64,000,001 bytes; an import file may hold at most 64,000,000"
        )
    document = read_json(file_of(tmp_path / "at-limit.json", limits.FILE_BYTES))
    with pytest.raises(ValidationError) as field:
        service.import_document(document=document)
    assert str(field.value).startswith('engagement #1 "Big", summary: is 63,999,')
    assert service.count() == 0


def test_a_csv_export_of_a_long_summary_imports_back(tmp_path: Path) -> None:
    source = Tracker.open(tmp_path / "source.db", user="alice")
    target = Tracker.open(tmp_path / "target.db", user="bob")
    try:
        summary = ('Quoted "words", commas, and\nline breaks. ' * 25_000)[: limits.TEXT]
        source.create(data=minimal(id="long", summary=summary))
        csv_file = tmp_path / "export.csv"
        csv_file.write_text(to_csv(source.export_document()["engagements"]), encoding="utf-8")
        rows = from_csv(read_text(csv_file), source=str(csv_file))
        assert target.import_flat_rows(rows=rows).created == 1
        assert target.get(engagement_id="long").data.summary == summary
    finally:
        source.close()
        target.close()


def test_control_characters_are_stored_stripped(service: Tracker) -> None:
    made = service.create(
        data=minimal(title="Talks\x1b[2J\x1b]0;owned\x07", summary="a\r\nb\x9b\tc")
    ).engagement
    assert (made.data.title, made.data.summary) == ("Talks[2J]0;owned", "a\nb\tc")
    updated = service.update(
        engagement_id=made.id, expected_version=made.version, changes={"owner": "desk\n\x1bx"}
    ).engagement
    assert updated.data.owner == "desk x"
    assert service.get(engagement_id=made.id).data == updated.data


def test_validation_runs_again_when_the_markings_changed_meanwhile(service: Tracker) -> None:
    """What was validated before the write lock is checked against the markings read
    under it: a marking removed in between is refused, nothing written."""
    with service._read() as conn:
        validated = service._validate(conn, minimal(marking="PUBLIC"), 'engagement "Pilot"')
    service.set_markings(markings=["UNCLASSIFIED"])
    with pytest.raises(ValidationError) as refused, service._write() as conn:
        service._still_valid(conn, validated)
    assert 'marking: unknown marking "PUBLIC"' in str(refused.value)


# --- user names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("a\nb", "must not contain control characters or line breaks"),
        ("eve\x1b[2K", "must not contain control characters or line breaks"),
        ("line\u2028separator", "must not contain control characters or line breaks"),
        ("   ", "must not be blank"),
        ("n" * (limits.USER_NAME + 1), f"at most {limits.USER_NAME} are allowed"),
    ],
)
def test_a_bad_user_name_opens_nothing(tmp_path: Path, name: str, reason: str) -> None:
    with pytest.raises(ValidationError) as refused:
        Tracker.open(tmp_path / "tracker.db", user=name)
    message = str(refused.value)
    assert message.startswith("the user name ") and "(--user)" in message and reason in message
    assert "\n" not in message and "\x1b" not in message
    assert not (tmp_path / "tracker.db").exists()


def test_the_user_name_is_stripped_and_may_be_long(tmp_path: Path) -> None:
    name = "n" * limits.USER_NAME
    tracker = Tracker.open(tmp_path / "tracker.db", user=f"  {name} ")
    try:
        assert tracker.user == name
    finally:
        tracker.close()


def test_tracker_user_and_the_os_user_are_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_USER", "mallory\nforged line")
    with pytest.raises(ValidationError, match=r"\(TRACKER_USER\): must not contain"):
        Tracker.open(tmp_path / "tracker.db")
    monkeypatch.delenv("TRACKER_USER")
    monkeypatch.setenv("LOGNAME", "x\x1by")  # getpass.getuser() reads it first
    with pytest.raises(ValidationError, match=r"\(the operating-system user name\)"):
        Tracker.open(tmp_path / "tracker.db")
