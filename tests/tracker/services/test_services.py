"""Tests for tracker.services.Tracker: the service layer as the GUI and the CLI drive it.

Every test runs on its own temporary SQLite database: creating, reading, updating
with optimistic versions, conflicts, full saves, the trash, the audit trail,
filters and sort orders, statistics and pick-lists, handling markings, and the
integrity check with the full-text index kept in step.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from db.schema import SCHEMA_VERSION
from tracker.domain.date_parser import parse_partial_date
from tracker.domain.dates import PartialDate
from tracker.domain.errors import ConflictError, NotFoundError, ValidationError
from tracker.domain.interchange import FORMAT
from tracker.domain.model import (
    Clarification,
    Concern,
    Engagement,
    EngagementData,
    Filters,
    RestrictionStance,
    ScopeLimit,
    Source,
    StatusEvent,
)
from tracker.domain.vocab import (
    ConcernKind,
    Confidence,
    Region,
    ScopeKind,
    Severity,
    Stance,
    Status,
)
from tracker.services import Tracker

NATO = "demo-nato-openai"
DOD_OPENAI = "demo-dod-openai"
DOD_ANTHROPIC = "demo-dod-anthropic"
OFG = "demo-openai-for-government"


# --- fixtures and helpers ----------------------------------------------------------------


def minimal(**extra: Any) -> dict[str, Any]:
    """An interchange-format engagement with just the required keys (plus ``extra``)."""
    return {
        "title": "Ministry pilot",
        "vendor": "Mistral AI",
        "counterpart": "French Ministry of Armed Forces",
        "status": "exploratory",
        **extra,
    }


def uids(tracker: Tracker, ids: list[int]) -> list[str]:
    return [row.uid for row in tracker.rows(ids=ids)]


def listed(tracker: Tracker, filters: Filters = Filters(), **kwargs: Any) -> list[str]:
    return uids(tracker, tracker.list_ids(filters=filters, **kwargs))


def _raw_rows(url: str, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    """Rows read straight from the database behind ``url`` (either backend)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(sql), params)]
    finally:
        engine.dispose()


def audit_rows(url: str) -> list[tuple[Any, ...]]:
    return _raw_rows(url, "SELECT * FROM audit ORDER BY id")


def engagement_row(url: str, engagement_id: int) -> tuple[Any, ...]:
    rows = _raw_rows(url, "SELECT * FROM engagement WHERE id = :id", id=engagement_id)
    assert len(rows) == 1
    return rows[0]


def by_uid(tracker: Tracker, uid: str) -> Engagement:
    return tracker.get(engagement_id=uid)


# --- create and get ----------------------------------------------------------------------


def test_create_from_an_interchange_object(tracker: Tracker) -> None:
    created = tracker.create(
        data=minimal(
            id="fr-pilot",
            region="Europe",
            confidence="unconfirmed",
            started="Q3 2025",
            tags=["pilot", "europe"],
            scope_limits=[{"kind": "hosting", "text": "Hosted in France"}],
        )
    ).engagement

    assert created.uid == "fr-pilot"
    assert created.version == 1
    assert created.created_at == created.updated_at
    assert not created.deleted
    data = created.data
    assert data.title == "Ministry pilot"
    assert data.status is Status.EXPLORATORY
    assert data.region is Region.EUROPE
    assert data.confidence is Confidence.UNCONFIRMED
    assert data.started == parse_partial_date("2025-Q3")
    assert data.marking == "UNCLASSIFIED"  # the database's default marking
    assert data.tags == ("pilot", "europe")
    assert data.scope_limits == (ScopeLimit(ScopeKind.HOSTING, "Hosted in France"),)


def test_create_from_engagement_data_keeps_every_child(tracker: Tracker) -> None:
    data = EngagementData(
        title="Ministry pilot",
        vendor="Mistral AI",
        counterpart="French Ministry of Armed Forces",
        status=Status.NEGOTIATING,
        region=Region.EUROPE,
        confidence=Confidence.REPORTED,
        marking="PUBLIC",
        summary="A pilot on unclassified networks.",
        started=parse_partial_date("2025-06"),
        follow_up=parse_partial_date("2026-02-27"),
        next_step="Ask for the tender documents.",
        owner="Europe desk",
        tags=("pilot",),
        scope_limits=(ScopeLimit(ScopeKind.NETWORK, "Unclassified networks only"),),
        restrictions=(
            RestrictionStance(
                "no-fully-autonomous-weapons", "No fully autonomous weapons", Stance.PROPOSED
            ),
        ),
        clarifications=(
            Clarification(
                original_by="Minister",
                original_on=parse_partial_date("2025-06"),
                original="All systems.",
                clarified_by="Spokesperson",
                clarified_on=parse_partial_date("2025-07"),
                clarification="Unclassified systems only.",
                source="Press conference",
            ),
        ),
        status_history=(StatusEvent(Status.NEGOTIATING, parse_partial_date("~2025"), "Begun"),),
        sources=(Source("Le Monde", "Pilot", "https://example.org/a", None),),
        concerns=(Concern(ConcernKind.LEGAL, "Procurement rules", Severity.LOW),),
    )

    created = tracker.create(data=data).engagement

    assert created.data == data
    assert tracker.get(engagement_id=created.id).data == data


def test_create_from_engagement_data_takes_the_default_marking(tracker: Tracker) -> None:
    data = EngagementData(title="T", vendor="OpenAI", counterpart="NATO", status=Status.PAUSED)

    created = tracker.create(data=data).engagement

    assert created.data == dataclasses.replace(data, marking="UNCLASSIFIED")


def test_get_by_number_text_number_and_stable_id(tracker: Tracker) -> None:
    created = tracker.create(data=minimal(id="fr-pilot")).engagement

    by_number = tracker.get(engagement_id=created.id)
    by_text = tracker.get(engagement_id=str(created.id))
    by_stable = tracker.get(engagement_id="fr-pilot")

    assert by_number == by_text == by_stable == created


def test_create_with_a_stable_id_in_use_is_refused(tracker: Tracker) -> None:
    tracker.create(data=minimal(id="fr-pilot"))

    with pytest.raises(ValidationError) as caught:
        tracker.create(data=minimal(id="fr-pilot", title="Another"))

    assert caught.value.field == "id"
    assert tracker.count() == 1


def test_create_with_a_given_uid_argument(tracker: Tracker) -> None:
    created = tracker.create(data=minimal(), uid="given-uid").engagement

    assert created.uid == "given-uid"
    assert tracker.get(engagement_id="given-uid").id == created.id


def test_get_unknown_engagement_raises_not_found(tracker: Tracker) -> None:
    tracker.create(data=minimal())

    with pytest.raises(NotFoundError):
        tracker.get(engagement_id=999)
    with pytest.raises(NotFoundError):
        tracker.get(engagement_id="no-such-id")


def test_get_many_keeps_the_order_given(demo: Tracker) -> None:
    ids = [by_uid(demo, u).id for u in (OFG, NATO, DOD_ANTHROPIC)]

    found = demo.get_many(ids=[*ids, 999])

    assert [e.uid for e in found] == [OFG, NATO, DOD_ANTHROPIC]


# --- update ------------------------------------------------------------------------------


def test_update_changes_fields_and_bumps_version(tracker: Tracker) -> None:
    created = tracker.create(data=minimal(summary="Old summary")).engagement

    updated = tracker.update(
        engagement_id=created.id,
        expected_version=1,
        changes={"summary": "New summary", "region": "Europe", "tags": ["a", "b"]},
    ).engagement

    assert updated.version == 2
    assert updated.updated_at > created.updated_at
    assert updated.created_at == created.created_at
    assert updated.data.summary == "New summary"
    assert updated.data.region is Region.EUROPE
    assert updated.data.tags == ("a", "b")
    assert updated.data.title == created.data.title
    assert tracker.get(engagement_id=created.id) == updated


def test_update_by_stable_id(tracker: Tracker) -> None:
    tracker.create(data=minimal(id="fr-pilot"))

    updated = tracker.update(
        engagement_id="fr-pilot", expected_version=1, changes={"owner": "Europe desk"}
    ).engagement

    assert updated.data.owner == "Europe desk"
    assert updated.version == 2


def test_update_without_a_change_keeps_version_and_writes_no_audit(
    tracker: Tracker, tmp_db_url: str
) -> None:
    created = tracker.create(data=minimal(summary="Same", tags=["x"])).engagement
    before = audit_rows(tmp_db_url)

    same = tracker.update(
        engagement_id=created.id,
        expected_version=1,
        changes={"summary": "Same", "title": created.data.title, "tags": ["x"]},
    ).engagement

    assert same.version == 1
    assert same.updated_at == created.updated_at
    assert audit_rows(tmp_db_url) == before
    assert len(tracker.history(engagement_id=created.id)) == 1


def test_update_spelling_an_organisation_differently_is_a_no_op(demo: Tracker) -> None:
    current = by_uid(demo, NATO)

    same = demo.update(
        engagement_id=current.id,
        expected_version=1,
        changes={"vendor": "openai", "counterpart": "nato"},
    ).engagement

    assert same.version == 1
    assert (same.data.vendor, same.data.counterpart) == ("OpenAI", "NATO")
    assert [e.action for e in demo.history(engagement_id=current.id)] == ["import"]


def test_update_of_an_unknown_or_fixed_field_is_refused(tracker: Tracker) -> None:
    created = tracker.create(data=minimal()).engagement

    with pytest.raises(ValidationError) as unknown:
        tracker.update(engagement_id=created.id, expected_version=1, changes={"colour": "red"})
    with pytest.raises(ValidationError) as fixed:
        tracker.update(engagement_id=created.id, expected_version=1, changes={"id": "other"})

    assert unknown.value.field == "colour"
    assert fixed.value.field == "id"
    assert tracker.get(engagement_id=created.id).version == 1


def test_update_with_a_bad_value_names_the_engagement_and_field(tracker: Tracker) -> None:
    created = tracker.create(data=minimal()).engagement

    with pytest.raises(ValidationError) as caught:
        tracker.update(engagement_id=created.id, expected_version=1, changes={"status": "finished"})

    assert caught.value.field == "status"
    assert f'engagement {created.id} "Ministry pilot"' in str(caught.value)
    assert tracker.get(engagement_id=created.id) == created


def test_stale_version_is_a_conflict_naming_the_other_writers_fields(
    tracker: Tracker, other_user: Tracker, tmp_db_url: str
) -> None:
    db_path = tmp_db_url
    created = tracker.create(data=minimal()).engagement
    # bob saves first: version 1 -> 2, changing the summary and tags.
    other_user.update(
        engagement_id=created.id,
        expected_version=1,
        changes={"summary": "Bob's summary", "tags": ["bob"]},
    )
    row_before = engagement_row(db_path, created.id)
    audit_before = audit_rows(db_path)
    revision_before = tracker.info().revision

    # alice still holds version 1.
    with pytest.raises(ConflictError) as caught:
        tracker.update(
            engagement_id=created.id, expected_version=1, changes={"title": "Alice's title"}
        )

    conflict = caught.value
    assert conflict.engagement_id == created.id
    assert conflict.expected_version == 1
    assert conflict.current_version == 2
    assert set(conflict.fields) == {"summary", "tags"}
    assert "summary" in str(conflict)
    assert "tags" in str(conflict)
    assert "nothing was saved" in str(conflict)
    assert engagement_row(db_path, created.id) == row_before
    assert audit_rows(db_path) == audit_before
    assert tracker.info().revision == revision_before
    current = tracker.get(engagement_id=created.id)
    assert current.data.title == "Ministry pilot"
    assert current.data.summary == "Bob's summary"


def test_conflict_fields_accumulate_over_several_versions(
    tracker: Tracker, other_user: Tracker
) -> None:
    created = tracker.create(data=minimal()).engagement
    other_user.update(engagement_id=created.id, expected_version=1, changes={"owner": "Bob"})
    other_user.update(engagement_id=created.id, expected_version=2, changes={"region": "Europe"})

    with pytest.raises(ConflictError) as caught:
        tracker.update(engagement_id=created.id, expected_version=1, changes={"owner": "Alice"})

    assert caught.value.fields == ("owner", "region")
    assert caught.value.current_version == 3


def test_newer_versions_say_who_saved_them_and_when(tracker: Tracker, other_user: Tracker) -> None:
    created = tracker.create(data=minimal()).engagement
    other_user.update(engagement_id=created.id, expected_version=1, changes={"owner": "Bob"})
    other_user.update(
        engagement_id=created.id, expected_version=2, changes={"region": "Europe", "tags": ["x"]}
    )

    newer = tracker.newer_versions(engagement_id=created.id, after_version=1)

    assert newer.engagement == tracker.get(engagement_id=created.id)
    assert [(e.who, e.version, e.field) for e in newer.entries] == [
        ("bob", 3, "tags"),
        ("bob", 3, "region"),
        ("bob", 2, "owner"),
    ]
    assert all(e.at for e in newer.entries)
    assert newer.entries == tuple(tracker.history(engagement_id=created.id)[:3])
    latest = tracker.newer_versions(engagement_id=created.id, after_version=3)
    assert latest.entries == () and latest.engagement.version == 3


# --- a change of status is a dated event, by every route ----------------------------------


@pytest.fixture
def utc_day(monkeypatch: pytest.MonkeyPatch) -> Iterator[date]:
    """Today in UTC, with the local clock put on the other side of midnight (UTC+14 in
    the UTC afternoon, UTC-12 in the morning): an event dated by the local clock shows."""
    now = datetime.now(UTC)
    monkeypatch.setenv("TZ", "LOCAL-14" if now.hour >= 12 else "LOCAL+12")  # POSIX: sign flipped
    time.tzset()
    assert date.today() != now.date()
    try:
        yield now.date()
    finally:
        monkeypatch.undo()
        time.tzset()


def with_history(*events: tuple[str, str]) -> dict[str, Any]:
    """``minimal()`` with a status history of (status, date) events; the status is the last."""
    history = [{"status": status, "on": on} for status, on in events]
    return minimal(status=events[-1][0], status_history=history)


def events_of(engagement: Engagement) -> list[tuple[Status, str]]:
    return [(e.status, e.on.iso() if e.on else "") for e in engagement.data.status_history]


def version_fields(tracker: Tracker, engagement: Engagement) -> set[str]:
    """The fields the audit trail names for the engagement's current version."""
    history = tracker.history(engagement_id=engagement.id)
    return {e.field for e in history if e.version == engagement.version}


def test_status_change_by_update_appends_a_status_event_dated_today(
    tracker: Tracker, utc_day: date
) -> None:
    created = tracker.create(data=with_history(("exploratory", "2025-Q3"))).engagement

    updated = tracker.update(
        engagement_id=created.id, expected_version=1, changes={"status": "negotiating"}
    ).engagement

    assert updated.data.status is Status.NEGOTIATING
    assert updated.data.status_history == (
        StatusEvent(Status.EXPLORATORY, parse_partial_date("2025-Q3")),
        StatusEvent(Status.NEGOTIATING, PartialDate.of_day(utc_day)),
    )
    assert version_fields(tracker, updated) == {"status", "status_history"}


def test_status_change_by_update_resending_the_same_history_still_adds_the_event(
    tracker: Tracker, utc_day: date
) -> None:
    created = tracker.create(data=with_history(("exploratory", "2025-Q3"))).engagement
    same = [{"status": "exploratory", "on": "2025-Q3"}]

    updated = tracker.update(
        engagement_id=created.id,
        expected_version=1,
        changes={"status": "agreed", "status_history": same},
    ).engagement

    assert events_of(updated) == [
        (Status.EXPLORATORY, "2025-Q3"),
        (Status.AGREED, utc_day.isoformat()),
    ]


def test_status_change_with_its_own_history_adds_no_extra_event(tracker: Tracker) -> None:
    created = tracker.create(data=minimal()).engagement
    history = [{"status": "agreed", "on": "2026-02-27", "note": "Signed"}]

    updated = tracker.update(
        engagement_id=created.id,
        expected_version=1,
        changes={"status": "agreed", "status_history": history},
    ).engagement

    assert updated.data.status_history == (
        StatusEvent(Status.AGREED, parse_partial_date("2026-02-27"), "Signed"),
    )


def test_status_change_by_save_appends_a_status_event_dated_today(
    tracker: Tracker, utc_day: date
) -> None:
    created = tracker.create(data=with_history(("exploratory", "2025-Q3"))).engagement
    mine = dataclasses.replace(created.data, status=Status.PAUSED, owner="Desk B")

    saved = tracker.save(engagement_id=created.id, expected_version=1, data=mine)

    assert saved.engagement.data == dataclasses.replace(
        mine,
        status_history=(
            *mine.status_history,
            StatusEvent(Status.PAUSED, PartialDate.of_day(utc_day)),
        ),
    )
    assert saved.changes.fields == frozenset({"status", "status_history", "owner"})
    assert tracker.get(engagement_id=created.id) == saved.engagement
    assert version_fields(tracker, saved.engagement) == {"status", "status_history", "owner"}


def test_status_change_by_save_with_its_own_history_adds_no_extra_event(
    tracker: Tracker,
) -> None:
    created = tracker.create(data=with_history(("exploratory", "2025-Q3"))).engagement
    own = StatusEvent(Status.AGREED, parse_partial_date("2026-02-27"), "Signed")
    mine = dataclasses.replace(
        created.data, status=Status.AGREED, status_history=(*created.data.status_history, own)
    )

    saved = tracker.save(engagement_id=created.id, expected_version=1, data=mine).engagement

    assert saved.data == mine


def test_a_save_that_keeps_the_status_adds_no_event(tracker: Tracker) -> None:
    created = tracker.create(data=with_history(("exploratory", "2025-Q3"))).engagement

    saved = tracker.save(
        engagement_id=created.id,
        expected_version=1,
        data=dataclasses.replace(created.data, owner="Desk B"),
    ).engagement

    assert saved.data.status_history == created.data.status_history


def test_status_change_by_import_over_an_existing_engagement_appends_a_status_event(
    tracker: Tracker, utc_day: date
) -> None:
    first = {"id": "e-1", **with_history(("exploratory", "2025-Q3"))}
    second = {"id": "e-2", **with_history(("exploratory", "2025-Q3"))}
    tracker.import_document(document={"format": FORMAT, "engagements": [first, second]})
    first["status"] = "negotiating"  # the file's history unchanged
    second["status"] = "agreed"  # and a history of its own
    second["status_history"] = [*second["status_history"], {"status": "agreed", "on": "2026-01"}]

    result = tracker.import_document(document={"format": FORMAT, "engagements": [first, second]})

    assert (result.created, result.updated, result.unchanged) == (0, 2, 0)
    one = tracker.get(engagement_id="e-1")
    assert events_of(one) == [
        (Status.EXPLORATORY, "2025-Q3"),
        (Status.NEGOTIATING, utc_day.isoformat()),
    ]
    assert version_fields(tracker, one) == {"status", "status_history"}
    assert events_of(tracker.get(engagement_id="e-2")) == [
        (Status.EXPLORATORY, "2025-Q3"),
        (Status.AGREED, "2026-01"),
    ]
    # The same file once more is what is stored now (the event included): nothing to do.
    exported = tracker.export_document()
    assert tracker.import_document(document=exported).unchanged == 2


def test_status_change_by_a_csv_import_appends_a_status_event(demo: Tracker, utc_day: date) -> None:
    before = by_uid(demo, NATO)
    rows = [{"id": NATO, "status": "paused"}]

    result = demo.import_flat_rows(rows=rows)

    assert result.updated == 1
    after = by_uid(demo, NATO)
    assert after.data.status_history == (
        *before.data.status_history,
        StatusEvent(Status.PAUSED, PartialDate.of_day(utc_day)),
    )


# --- save (full replace) -----------------------------------------------------------------


def test_save_replaces_the_whole_engagement(demo: Tracker) -> None:
    current = by_uid(demo, DOD_OPENAI)
    new = dataclasses.replace(
        current.data,
        title="Pentagon agreement with OpenAI",
        summary="Rewritten.",
        tags=(),
        scope_limits=(ScopeLimit(ScopeKind.DATA, "Unclassified data only"),),
        restrictions=current.data.restrictions[:1],
        concerns=(),
    )

    saved = demo.save(
        engagement_id=current.id, expected_version=current.version, data=new
    ).engagement

    assert saved.data == new
    assert saved.version == current.version + 1
    assert saved.uid == DOD_OPENAI
    assert demo.get(engagement_id=current.id).data == new
    changed = {e.field for e in demo.history(engagement_id=current.id) if e.version == 2}
    assert changed == {"title", "summary", "tags", "scope_limits", "restrictions", "concerns"}


def test_save_of_unchanged_data_is_a_no_op(demo: Tracker) -> None:
    current = by_uid(demo, NATO)

    saved = demo.save(engagement_id=current.id, expected_version=1, data=current.data).engagement

    assert saved == current


def test_save_with_a_stale_version_is_a_conflict(demo: Tracker, tmp_db_url: str) -> None:
    current = by_uid(demo, NATO)
    demo.update(engagement_id=current.id, expected_version=1, changes={"owner": "Someone"})
    audit_before = audit_rows(tmp_db_url)

    with pytest.raises(ConflictError) as caught:
        demo.save(
            engagement_id=current.id,
            expected_version=1,
            data=dataclasses.replace(current.data, title="Mine"),
        )

    assert caught.value.fields == ("owner",)
    assert audit_rows(tmp_db_url) == audit_before
    assert by_uid(demo, NATO).data.title == current.data.title


# --- trash -------------------------------------------------------------------------------


def test_delete_moves_to_the_trash_and_restore_brings_it_back(demo: Tracker) -> None:
    target = by_uid(demo, DOD_ANTHROPIC)

    deleted = demo.delete(engagement_id=target.id).engagement

    assert deleted.deleted
    assert deleted.version == target.version + 1
    assert DOD_ANTHROPIC not in listed(demo)
    assert listed(demo, Filters(trash=True)) == [DOD_ANTHROPIC]
    assert demo.count() == 3
    assert demo.count(filters=Filters(trash=True)) == 1
    assert demo.rows(ids=[target.id])[0].deleted
    assert demo.get(engagement_id=target.id).deleted
    with pytest.raises(NotFoundError):
        demo.get(engagement_id=target.id, include_deleted=False)
    info = demo.info()
    assert (info.engagements, info.deleted) == (3, 1)

    restored = demo.restore(engagement_id=target.id).engagement

    assert not restored.deleted
    assert restored.version == target.version + 2
    assert restored.data == target.data
    assert DOD_ANTHROPIC in listed(demo)
    assert listed(demo, Filters(trash=True)) == []
    actions = [e.action for e in demo.history(engagement_id=target.id)]
    assert actions[:2] == ["restore", "delete"]


def test_deleting_twice_changes_nothing_more(demo: Tracker) -> None:
    target = by_uid(demo, NATO)
    first = demo.delete(engagement_id=target.id).engagement

    second = demo.delete(engagement_id=target.id).engagement

    assert second.version == first.version
    assert [e.action for e in demo.history(engagement_id=target.id)].count("delete") == 1


def test_delete_with_a_stale_version_is_a_conflict(demo: Tracker) -> None:
    target = by_uid(demo, NATO)
    demo.update(engagement_id=target.id, expected_version=1, changes={"owner": "X"})

    with pytest.raises(ConflictError) as caught:
        demo.delete(engagement_id=target.id, expected_version=1)

    assert caught.value.fields == ("owner",)
    assert not by_uid(demo, NATO).deleted


def test_trash_filters_combine_with_others(demo: Tracker) -> None:
    demo.delete(engagement_id=DOD_ANTHROPIC)
    demo.delete(engagement_id=NATO)

    in_trash = listed(demo, Filters(trash=True, vendor="openai"))

    assert in_trash == [NATO]


# --- audit trail -------------------------------------------------------------------------


def test_every_change_is_in_the_audit_trail_newest_first(
    tracker: Tracker, other_user: Tracker
) -> None:
    created = tracker.create(data=minimal(summary="First")).engagement
    tracker.update(engagement_id=created.id, expected_version=1, changes={"title": "Renamed"})
    other_user.update(engagement_id=created.id, expected_version=2, changes={"summary": "Second"})
    other_user.delete(engagement_id=created.id)
    tracker.restore(engagement_id=created.id)

    history = tracker.history(engagement_id=created.id)

    summary = [(e.version, e.action, e.who, e.field, e.old, e.new) for e in history]
    summary[-1] = (*summary[-1][:5], history[-1].recorded_title)  # the create records it whole
    assert summary[0][:4] == (5, "restore", "alice", "deleted")
    assert summary[0][5] is None
    assert summary[1][:4] == (4, "delete", "bob", "deleted")
    assert summary[1][4] is None
    assert summary[2:] == [
        (3, "update", "bob", "summary", "First", "Second"),
        (2, "update", "alice", "title", "Ministry pilot", "Renamed"),
        (1, "create", "alice", "engagement", None, "Ministry pilot"),
    ]
    assert all(e.engagement_id == created.id for e in history)
    assert [e.id for e in history] == sorted((e.id for e in history), reverse=True)
    assert [e.at for e in history] == sorted((e.at for e in history), reverse=True)
    assert all(e.at.endswith("Z") for e in history)


def test_audit_of_list_fields_holds_json(tracker: Tracker) -> None:
    created = tracker.create(data=minimal(tags=["a"])).engagement

    tracker.update(engagement_id=created.id, expected_version=1, changes={"tags": ["a", "b"]})

    entry = tracker.history(engagement_id=created.id)[0]
    assert (entry.field, entry.old, entry.new) == ("tags", '["a"]', '["a", "b"]')


def test_user_name_comes_from_tracker_user_when_not_given(
    tmp_db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_USER", "carol")
    opened = Tracker.open(tmp_db_url)
    try:
        created = opened.create(data=minimal()).engagement
        assert opened.user == "carol"
        assert opened.history(engagement_id=created.id)[0].who == "carol"
    finally:
        opened.close()


def test_history_of_an_unknown_engagement_raises(tracker: Tracker) -> None:
    with pytest.raises(NotFoundError):
        tracker.history(engagement_id=42)


# --- filters -----------------------------------------------------------------------------


def pd(text: str) -> PartialDate:
    return parse_partial_date(text)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), {NATO, DOD_OPENAI, DOD_ANTHROPIC, OFG}),
        (Filters(statuses=(Status.AGREED, Status.BROKEN_DOWN)), {DOD_OPENAI, DOD_ANTHROPIC}),
        (Filters(statuses=(Status.PAUSED,)), set()),
        (Filters(regions=(Region.NORTH_AMERICA,)), {DOD_OPENAI, DOD_ANTHROPIC}),
        (Filters(regions=(Region.EUROPE, Region.GLOBAL)), {NATO, OFG}),
        (Filters(vendor="OpenAI"), {NATO, DOD_OPENAI, OFG}),
        (Filters(vendor="openai"), {NATO, DOD_OPENAI, OFG}),
        (Filters(vendor="  ANTHROPIC "), {DOD_ANTHROPIC}),
        (Filters(vendor="Mistral AI"), set()),
        (Filters(counterpart="u.s. department of defense"), {DOD_OPENAI, DOD_ANTHROPIC}),
        (Filters(counterpart="nato"), {NATO}),
        (Filters(restriction="no-fully-autonomous-weapons"), {DOD_OPENAI, DOD_ANTHROPIC, OFG}),
        (Filters(restriction="no-unsupervised-high-stakes-decisions"), {DOD_OPENAI, OFG}),
        (
            Filters(restriction="no mass domestic surveillance"),
            {NATO, DOD_OPENAI, DOD_ANTHROPIC, OFG},
        ),
        (Filters(owner="Defence desk"), {DOD_OPENAI, DOD_ANTHROPIC}),
        (Filters(owner="  europe DESK "), {NATO}),
        (Filters(owner="Nobody"), set()),
        (Filters(stance=Stance.PROPOSED), {NATO, OFG}),
        (Filters(stance=Stance.DISPUTED), {DOD_ANTHROPIC}),
        (Filters(stance=Stance.REJECTED), set()),
        (
            Filters(restriction="no-mass-domestic-surveillance", stance=Stance.AGREED),
            {DOD_OPENAI},
        ),
        (
            Filters(restriction="No Fully Autonomous Weapons Systems", stance=Stance.DISPUTED),
            {DOD_ANTHROPIC},
        ),
        (
            Filters(restriction="no-fully-autonomous-weapons", stance=Stance.DISPUTED),
            {DOD_ANTHROPIC},
        ),
        (
            Filters(restriction="no-unsupervised-high-stakes-decisions", stance=Stance.DISPUTED),
            set(),
        ),
        (Filters(restriction="no-such-code", stance=Stance.AGREED), set()),
        (Filters(confidences=(Confidence.CONFIRMED,)), {DOD_OPENAI, OFG}),
        (Filters(confidences=(Confidence.REPORTED, Confidence.DENIED)), {NATO, DOD_ANTHROPIC}),
        (Filters(markings=("PUBLIC",)), {DOD_ANTHROPIC, OFG}),
        (Filters(markings=("NATO UNCLASSIFIED", "UNCLASSIFIED")), {NATO, DOD_OPENAI}),
        (Filters(tag="defence"), {DOD_OPENAI, DOD_ANTHROPIC}),
        (Filters(tag="europe-expansion"), {NATO, OFG}),
        (Filters(tag="nonexistent"), set()),
        (Filters(started_from=pd("2026")), {NATO, DOD_OPENAI}),
        (Filters(started_to=pd("2025")), {DOD_ANTHROPIC, OFG}),
        (Filters(started_from=pd("2026-03"), started_to=pd("2026-03")), {NATO, DOD_OPENAI}),
        (Filters(started_from=pd("2026-04")), set()),
        (Filters(started_from=pd("2026-01-15"), started_to=pd("2026-02")), {DOD_OPENAI}),
        (Filters(started_from=pd("2025-Q3"), started_to=pd("2025-Q4")), {DOD_ANTHROPIC, OFG}),
        (Filters(statuses=(Status.AGREED, Status.ACTIVE), vendor="openai"), {DOD_OPENAI, OFG}),
        (
            Filters(regions=(Region.NORTH_AMERICA,), tag="defence", vendor="Anthropic"),
            {DOD_ANTHROPIC},
        ),
    ],
)
def test_list_ids_filters(demo: Tracker, filters: Filters, expected: set[str]) -> None:
    found = listed(demo, filters)

    assert set(found) == expected
    assert len(found) == len(expected)
    assert demo.count(filters=filters) == len(expected)


# Engagements started in parts of 2025, and the months each covers.
PARTS_OF_2025 = {
    "early": "early-2025",  # January to April
    "h1": "2025-H1",  # January to June
    "year": "2025",
    "mid": "mid-2025",  # May to August
    "q3": "2025-Q3",
    "h2": "2025-H2",  # July to December
    "late": "~late-2025",  # September to December
}


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2025-06", "2025-06", {"h1", "year", "mid"}),
        ("2025-05-01", "2025-05-01", {"h1", "year", "mid"}),
        ("2025-04-30", "2025-04-30", {"early", "h1", "year"}),
        ("2025-08-31", "2025-09-01", {"year", "mid", "q3", "h2", "late"}),
        ("2025-09", None, {"year", "q3", "h2", "late"}),
        (None, "2025-04", {"early", "h1", "year"}),
        ("2026", None, set()),
    ],
)
def test_parts_of_a_year_filter_by_the_months_they_cover(
    tracker: Tracker, start: str | None, end: str | None, expected: set[str]
) -> None:
    for uid, started in PARTS_OF_2025.items():
        tracker.create(data=minimal(id=uid, title=uid, started=started))
    filters = Filters(
        started_from=pd(start) if start else None, started_to=pd(end) if end else None
    )

    assert set(listed(tracker, filters)) == expected


def test_parts_of_a_year_sort_by_their_first_then_last_day(tracker: Tracker) -> None:
    for uid, started in reversed(PARTS_OF_2025.items()):
        tracker.create(data=minimal(id=uid, title=uid, started=started))

    assert listed(tracker, sort="started") == list(PARTS_OF_2025)


def test_filter_by_no_region_set(demo: Tracker) -> None:
    regionless = demo.create(data=minimal()).engagement
    assert regionless.data.region is None
    unset = Filters(regions=(None,))
    assert demo.list_ids(filters=unset) == [regionless.id]
    assert demo.count(filters=unset) == 1
    either = Filters(regions=(Region.EUROPE, None))
    assert set(listed(demo, either)) == {NATO, regionless.uid}
    assert demo.count(filters=either) == 2
    assert demo.statistics(filters=unset).by_region() == {None: 1}


def test_filter_by_ids(demo: Tracker) -> None:
    nato, ofg = by_uid(demo, NATO).id, by_uid(demo, OFG).id

    assert listed(demo, Filters(ids=(nato, ofg))) == [NATO, OFG]
    assert listed(demo, Filters(ids=())) == []


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("programme", {OFG}),  # the title (and summary) of one engagement
        ("operational", {DOD_OPENAI}),  # summary
        ("clearances", {DOD_OPENAI}),  # a scope-limit text
        ("misspoke", {NATO}),  # a clarification
        ("MISSPOKE", {NATO}),  # case-insensitive
        ("Mistral", {NATO}),  # a concern
        ("NSA", {DOD_OPENAI}),  # a scope-limit text
        ("surveil", {NATO, DOD_OPENAI, DOD_ANTHROPIC, OFG}),  # prefix; restriction titles
        ("unclassified NATO", {NATO}),  # every word must occur
        ("misspoke Pentagon", set()),
        ("nothing-matches-this", set()),
    ],
)
def test_search_over_title_summary_and_children(
    demo: Tracker, search: str, expected: set[str]
) -> None:
    assert set(listed(demo, Filters(search=search))) == expected


@pytest.mark.parametrize(
    "search",
    [
        '"misspoke',
        "misspoke*",
        "(misspoke)",
        "misspoke AND",
        "AND misspoke",
        "misspoke OR",
        "NOT misspoke",
        "misspoke (",
        "misspoke:",
        "-misspoke",
        "misspoke^",
        "{misspoke}",
        "mis'spoke",
    ],
)
def test_search_with_fts_operator_characters_does_not_crash(demo: Tracker, search: str) -> None:
    # The operators are inert: the word is searched, and only its engagement is found.
    assert listed(demo, Filters(search=search)) == [NATO]


EVERY = {NATO, DOD_OPENAI, DOD_ANTHROPIC, OFG}


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        # No word at all: as if nothing were typed, every engagement.
        ('"', EVERY),
        ("*", EVERY),
        ("(", EVERY),
        (")", EVERY),
        ("   ", EVERY),
        ("", EVERY),
        ("^:-", EVERY),
        # Operator words are plain words (as prefixes): "and…" is in every engagement.
        ("AND", EVERY),
        ("OR NOT", {NATO, DOD_OPENAI, OFG}),
        ("NEAR(a b)", set()),
        ("title: x", set()),
        ("a\x00b", EVERY),  # the words "a" and "b", either side of a NUL
    ],
)
def test_search_of_only_operators_never_crashes(
    demo: Tracker, search: str, expected: set[str]
) -> None:
    found = listed(demo, Filters(search=search))

    assert set(found) == expected
    assert demo.count(filters=Filters(search=search)) == len(found)


# --- sort orders -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sort", "ascending", "descending"),
    [
        ("title", [NATO, OFG, DOD_OPENAI, DOD_ANTHROPIC], None),
        # lifecycle order: exploratory, negotiating, agreed, active, ..., broken_down, ended
        ("status", [NATO, DOD_OPENAI, OFG, DOD_ANTHROPIC], None),
        # confirmed < reported < unconfirmed < denied, then by title
        ("confidence", [OFG, DOD_OPENAI, NATO, DOD_ANTHROPIC], None),
        ("region", [NATO, OFG, DOD_OPENAI, DOD_ANTHROPIC], None),
        # the database's marking order: PUBLIC < UNCLASSIFIED < NATO UNCLASSIFIED
        ("marking", [OFG, DOD_ANTHROPIC, DOD_OPENAI, NATO], None),
        ("vendor", [DOD_ANTHROPIC, NATO, OFG, DOD_OPENAI], None),
        ("counterpart", [NATO, DOD_OPENAI, DOD_ANTHROPIC, OFG], None),
        # 2025 and ~2025 cover the same days (tie broken by id), then 2026-Q1, 2026-03
        ("started", [DOD_ANTHROPIC, OFG, DOD_OPENAI, NATO], [NATO, DOD_OPENAI, OFG, DOD_ANTHROPIC]),
        # 2026-Q2 < 2026-09 < 2026-12; no follow-up date sorts last both ways
        (
            "follow_up",
            [NATO, DOD_OPENAI, OFG, DOD_ANTHROPIC],
            [OFG, DOD_OPENAI, NATO, DOD_ANTHROPIC],
        ),
        ("id", [NATO, DOD_OPENAI, DOD_ANTHROPIC, OFG], None),
    ],
)
def test_sort_orders(
    demo: Tracker, sort: str, ascending: list[str], descending: list[str] | None
) -> None:
    assert listed(demo, sort=sort) == ascending
    expected_descending = descending if descending is not None else ascending[::-1]
    assert listed(demo, sort=sort, descending=True) == expected_descending


def test_sort_by_updated_at_follows_the_latest_change(demo: Tracker) -> None:
    target = by_uid(demo, NATO)
    demo.update(engagement_id=target.id, expected_version=1, changes={"owner": "X"})

    ascending = listed(demo, sort="updated_at")
    descending = listed(demo, sort="updated_at", descending=True)

    assert ascending[-1] == NATO
    assert descending[0] == NATO
    assert descending == ascending[::-1]


def test_missing_values_sort_last_in_both_directions(demo: Tracker) -> None:
    bare = demo.create(data=minimal(title="Aaa bare engagement")).engagement

    missing = {
        "region": {bare.uid},
        "confidence": {bare.uid},
        "started": {bare.uid},
        "follow_up": {bare.uid, DOD_ANTHROPIC},
    }
    for sort, last in missing.items():
        assert set(listed(demo, sort=sort)[-len(last) :]) == last, sort
        assert set(listed(demo, sort=sort, descending=True)[-len(last) :]) == last, sort


def test_sort_by_an_unknown_key_is_refused(demo: Tracker) -> None:
    with pytest.raises(ValidationError) as caught:
        demo.list_ids(sort="colour")

    assert caught.value.field == "sort"


def test_statuses_sort_in_lifecycle_order(tracker: Tracker) -> None:
    for status in reversed(Status.values()):
        tracker.create(data=minimal(title=f"T {status}", status=status))

    rows = tracker.rows(ids=tracker.list_ids(sort="status"))

    assert [r.status.value for r in rows] == list(Status.values())


# --- rows, count, statistics, names ------------------------------------------------------


def test_rows_come_in_the_order_of_the_ids_given(demo: Tracker) -> None:
    ids = {u: by_uid(demo, u).id for u in (NATO, DOD_OPENAI, DOD_ANTHROPIC, OFG)}
    order = [ids[OFG], 999, ids[NATO], ids[DOD_ANTHROPIC]]

    rows = demo.rows(ids=order)

    assert [r.uid for r in rows] == [OFG, NATO, DOD_ANTHROPIC]
    nato = rows[1]
    assert nato.title == "NATO exploratory talks with OpenAI on unclassified IT"
    assert (nato.vendor, nato.counterpart) == ("OpenAI", "NATO")
    assert nato.region is Region.EUROPE
    assert nato.status is Status.EXPLORATORY
    assert nato.confidence is Confidence.REPORTED
    assert nato.marking == "NATO UNCLASSIFIED"
    assert nato.follow_up == parse_partial_date("2026-Q2")
    assert nato.version == 1
    assert not nato.deleted
    assert rows[2].follow_up is None
    assert demo.rows(ids=[]) == []


def test_count(demo: Tracker) -> None:
    assert demo.count() == 4
    assert demo.count(filters=Filters(vendor="OpenAI")) == 3
    assert demo.count(filters=Filters(trash=True)) == 0


def test_statistics_on_the_demo(demo: Tracker) -> None:
    stats = demo.statistics()

    assert stats.total == 4
    assert dict(stats.by_status_region) == {
        (Status.EXPLORATORY, Region.EUROPE): 1,
        (Status.AGREED, Region.NORTH_AMERICA): 1,
        (Status.BROKEN_DOWN, Region.NORTH_AMERICA): 1,
        (Status.ACTIVE, Region.GLOBAL): 1,
    }
    assert stats.by_region() == {Region.EUROPE: 1, Region.NORTH_AMERICA: 2, Region.GLOBAL: 1}
    assert stats.by_status()[Status.AGREED] == 1


def test_statistics_follow_filters_and_trash(demo: Tracker) -> None:
    demo.delete(engagement_id=DOD_ANTHROPIC)
    demo.create(data=minimal(status="exploratory"))  # no region

    stats = demo.statistics()
    openai = demo.statistics(filters=Filters(vendor="OpenAI"))

    assert stats.total == 4
    assert stats.by_status_region[(Status.EXPLORATORY, None)] == 1
    assert (Status.BROKEN_DOWN, Region.NORTH_AMERICA) not in stats.by_status_region
    assert openai.total == 3
    assert demo.statistics(filters=Filters(trash=True)).total == 1


def test_names_for_pick_lists(demo: Tracker) -> None:
    assert demo.names(kind="vendor") == ["Anthropic", "OpenAI"]
    assert demo.names(kind="owner") == ["Defence desk", "Europe desk", "Vendor watch"]
    assert demo.names(kind="counterpart") == [
        "NATO",
        "U.S. Department of Defense",
        "U.S. federal agencies",
    ]
    assert demo.names(kind="tag") == sorted(
        [
            "multinational",
            "unclassified",
            "europe-expansion",
            "defence",
            "secured-cloud",
            "programme",
        ]
    )
    assert demo.names(kind="restriction") == [
        "no-fully-autonomous-weapons",
        "no-mass-domestic-surveillance",
        "no-unsupervised-high-stakes-decisions",
    ]
    with pytest.raises(ValidationError) as caught:
        demo.names(kind="colour")
    assert caught.value.field == "kind"


def test_tag_names_are_those_in_use(demo: Tracker) -> None:
    demo.update(engagement_id=DOD_OPENAI, expected_version=1, changes={"tags": ["defence"]})

    assert "secured-cloud" not in demo.names(kind="tag")
    assert "defence" in demo.names(kind="tag")


def test_organisation_names_are_shared_regardless_of_case(demo: Tracker) -> None:
    created = demo.create(data=minimal(vendor="openai", counterpart="nato")).engagement

    assert (created.data.vendor, created.data.counterpart) == ("OpenAI", "NATO")
    assert demo.names(kind="vendor") == ["Anthropic", "OpenAI"]


def test_restriction_catalogue(demo: Tracker) -> None:
    assert demo.restriction_catalogue() == [
        ("no-fully-autonomous-weapons", "No fully autonomous weapons systems"),
        ("no-mass-domestic-surveillance", "No mass domestic surveillance"),
        (
            "no-unsupervised-high-stakes-decisions",
            "No automated high-stakes decision-making without human oversight",
        ),
    ]


def test_info(demo: Tracker, tmp_db_url: str) -> None:
    info = demo.info()

    assert info.url == tmp_db_url
    assert info.backend == tmp_db_url.split(":", 1)[0].split("+", 1)[0]
    assert info.schema_version == SCHEMA_VERSION
    assert info.markings == ("PUBLIC", "UNCLASSIFIED", "NATO UNCLASSIFIED")
    assert (info.engagements, info.deleted) == (4, 0)
    # The revision is the latest audit entry: it moves with every write, and only then.
    latest = max(row[0] for row in audit_rows(tmp_db_url))
    assert info.revision == latest
    assert demo.info().revision == latest
    demo.update(engagement_id=NATO, expected_version=1, changes={"owner": "A", "summary": "B"})
    assert demo.info().revision == max(row[0] for row in audit_rows(tmp_db_url)) == latest + 2


# --- markings ----------------------------------------------------------------------------


@pytest.mark.parametrize("marking", ["SECRET", "NATO RESTRICTED", "nato secret", "CONFIDENTIAL"])
def test_a_classified_marking_is_refused(tracker: Tracker, marking: str) -> None:
    with pytest.raises(ValidationError) as caught:
        tracker.create(data=minimal(marking=marking))

    assert caught.value.field == "marking"
    assert "unclassified material only" in str(caught.value)
    assert tracker.count() == 0
    assert tracker.info().revision == 0


def test_a_classified_marking_is_refused_on_update_and_save(tracker: Tracker) -> None:
    created = tracker.create(data=minimal()).engagement

    with pytest.raises(ValidationError) as by_update:
        tracker.update(engagement_id=created.id, expected_version=1, changes={"marking": "SECRET"})
    with pytest.raises(ValidationError) as by_save:
        tracker.save(
            engagement_id=created.id,
            expected_version=1,
            data=dataclasses.replace(created.data, marking="NATO RESTRICTED"),
        )

    assert by_update.value.field == by_save.value.field == "marking"
    assert tracker.get(engagement_id=created.id) == created


def test_an_unknown_marking_is_refused_and_known_ones_are_normalised(tracker: Tracker) -> None:
    with pytest.raises(ValidationError) as caught:
        tracker.create(data=minimal(marking="INTERNAL"))
    created = tracker.create(data=minimal(marking="  nato   unclassified ")).engagement

    assert caught.value.field == "marking"
    assert created.data.marking == "NATO UNCLASSIFIED"


def test_set_markings_refuses_classified_markings(tracker: Tracker) -> None:
    with pytest.raises(ValidationError) as caught:
        tracker.set_markings(markings=["PUBLIC", "UNCLASSIFIED", "NATO RESTRICTED"])

    assert caught.value.field == "markings"
    assert tracker.markings() == ("PUBLIC", "UNCLASSIFIED", "NATO UNCLASSIFIED")


def test_set_markings_refuses_to_drop_a_marking_in_use(demo: Tracker) -> None:
    demo.delete(engagement_id=NATO)  # in the trash, still in use

    with pytest.raises(ValidationError) as caught:
        demo.set_markings(markings=["PUBLIC", "UNCLASSIFIED"])

    assert caught.value.field == "markings"
    assert "NATO UNCLASSIFIED" in str(caught.value)
    assert demo.markings() == ("PUBLIC", "UNCLASSIFIED", "NATO UNCLASSIFIED")


def test_set_markings_changes_the_list_and_the_marking_order(demo: Tracker) -> None:
    changes = demo.set_markings(
        markings=["public", "unclassified", "official", "nato unclassified"]
    )
    created = demo.create(data=minimal(marking="OFFICIAL")).engagement

    assert changes.markings
    assert demo.markings() == ("PUBLIC", "UNCLASSIFIED", "OFFICIAL", "NATO UNCLASSIFIED")
    assert created.data.marking == "OFFICIAL"
    assert listed(demo, sort="marking")[-2:] == [created.uid, NATO]


def test_set_markings_moves_the_default_marking_when_it_is_dropped(tracker: Tracker) -> None:
    tracker.set_markings(markings=["PUBLIC", "OFFICIAL"])

    created = tracker.create(data=minimal()).engagement

    assert created.data.marking == "PUBLIC"


# --- check and the full-text index -------------------------------------------------------


def test_check_is_sound_on_a_fresh_database(tracker: Tracker) -> None:
    report = tracker.check()

    assert report.ok
    assert report.problems == ()
    assert report.engagements == 0
    assert report.schema_version == SCHEMA_VERSION


def test_check_is_sound_on_the_demo_and_after_changes(demo: Tracker) -> None:
    assert demo.check().ok
    assert demo.check().engagements == 4

    demo.update(engagement_id=NATO, expected_version=1, changes={"summary": "Changed"})
    demo.delete(engagement_id=DOD_OPENAI)
    demo.restore(engagement_id=DOD_OPENAI)
    demo.delete(engagement_id=OFG)
    report = demo.check()

    assert report.ok, report.problems
    assert report.engagements == 4


def _execute(url: str, *statements: str, **params: Any) -> None:
    """Run statements straight on the database behind ``url``, behind the program's back."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "sqlite":
                conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
            for statement in statements:
                conn.execute(text(statement), params)
    finally:
        engine.dispose()


def test_check_reports_each_fault_planted_behind_its_back(demo: Tracker, tmp_db_url: str) -> None:
    # The sound checks above, and the crash and concurrency tests that rely on check(),
    # would pass on a check that looks at nothing: here it must see what was broken.
    nato = by_uid(demo, NATO)
    sqlite = tmp_db_url.startswith("sqlite")
    _execute(
        tmp_db_url,
        f"DELETE FROM engagement_fts WHERE {'rowid' if sqlite else 'id'} = :id",
        "UPDATE audit SET who = 'mallory' WHERE id = 2",
        "UPDATE meta SET value = :older WHERE key = 'schema_version'",
        id=nato.id,
        older=str(SCHEMA_VERSION - 1),
    )
    expected = [
        f"schema version {SCHEMA_VERSION - 1}, expected {SCHEMA_VERSION}",
        "audit entry 2 does not match its seal (edited, reordered, or an earlier entry was"
        " deleted)",
        "full-text index holds 3 engagements, the table 4",
    ]
    if sqlite:  # PostgreSQL refuses a dangling row itself; SQLite's check must find it
        _execute(
            tmp_db_url,
            "INSERT INTO engagement_tag (id, engagement_id, tag_id, position)"
            " VALUES (9999, 999, 1, 0)",
        )
        expected.insert(0, "foreign key broken: engagement_tag row 9999 -> engagement")

    report = demo.check()

    assert not report.ok
    assert list(report.problems) == expected
    assert (report.schema_version, report.engagements) == (SCHEMA_VERSION - 1, 4)


def test_the_full_text_index_follows_updates(demo: Tracker) -> None:
    target = by_uid(demo, DOD_OPENAI)
    assert listed(demo, Filters(search="operational")) == [DOD_OPENAI]

    demo.update(
        engagement_id=target.id,
        expected_version=1,
        changes={"summary": "Rewritten without that word.", "title": "Pentagon deal"},
    )

    assert listed(demo, Filters(search="operational")) == []
    assert listed(demo, Filters(search="rewritten")) == [DOD_OPENAI]
    assert listed(demo, Filters(search="Pentagon deal")) == [DOD_OPENAI]
    assert demo.check().ok


def test_the_full_text_index_follows_child_changes(demo: Tracker) -> None:
    target = by_uid(demo, NATO)

    demo.update(
        engagement_id=target.id,
        expected_version=1,
        changes={
            "clarifications": [],
            "scope_limits": [{"kind": "geography", "text": "Brussels headquarters"}],
        },
    )

    assert listed(demo, Filters(search="misspoke")) == []
    assert listed(demo, Filters(search="Brussels")) == [NATO]


def test_the_full_text_index_follows_delete_and_restore(demo: Tracker) -> None:
    demo.delete(engagement_id=NATO)

    assert listed(demo, Filters(search="misspoke")) == []
    assert listed(demo, Filters(search="misspoke", trash=True)) == [NATO]
    assert demo.check().ok

    demo.restore(engagement_id=NATO)

    assert listed(demo, Filters(search="misspoke")) == [NATO]


def test_the_full_text_index_covers_new_engagements(demo: Tracker) -> None:
    created = demo.create(
        data=minimal(summary="Ελληνικά κείμενα and café déjà vu", tags=["zeppelin-cloud"])
    ).engagement

    assert listed(demo, Filters(search="cafe")) == [created.uid]
    assert listed(demo, Filters(search="Ελληνικά")) == [created.uid]
    assert listed(demo, Filters(search="zeppelin")) == [created.uid]
    assert demo.check().ok


def test_summary_counts_the_selection_and_names_its_highest_marking(tracker: Tracker) -> None:
    tracker.create(data=minimal(title="A", marking="PUBLIC"))
    tracker.create(data=minimal(title="B", marking="NATO UNCLASSIFIED"))
    tracker.create(data=minimal(title="C", marking="UNCLASSIFIED", status="agreed"))
    everything = tracker.summary()
    assert (everything.count, everything.highest) == (3, "NATO UNCLASSIFIED")
    agreed = tracker.summary(filters=Filters(statuses=(Status.AGREED,)))
    assert (agreed.count, agreed.highest) == (1, "UNCLASSIFIED")
    nothing = tracker.summary(filters=Filters(search="nowhere-to-be-found"))
    assert (nothing.count, nothing.highest) == (0, None)
    assert everything.markings == tracker.markings()
