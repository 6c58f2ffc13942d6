"""Bulk edit through the service, on SQLite and (``TRACKER_TEST_DB``) PostgreSQL: one
transaction, per-field audit, a status event per status change, colleagues' newer
versions left out by name, dry runs, and the undo / redo rewrite."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tracker.domain.bulk_edit import BulkEdit, differences
from tracker.domain.dates import PartialDate
from tracker.domain.errors import NotFoundError, TrackerError, ValidationError
from tracker.domain.model import Filters
from tracker.domain.vocab import Confidence, Stance, Status
from tracker.services import Tracker
from tracker.services.base import utc_today


@pytest.fixture
def service(tmp_db_url: str) -> Iterator[Tracker]:
    tracker = Tracker.open(tmp_db_url, user="alice")
    tracker.load_demo()
    yield tracker
    tracker.close()


def _versions(service: Tracker) -> dict[int, int]:
    return {row.id: row.version for row in service.rows(ids=service.list_ids())}


def _code(service: Tracker) -> str:
    return service.restriction_catalogue()[0][0]


def test_bulk_edit_sets_every_field_in_one_audited_transaction(service: Tracker) -> None:
    ids = service.list_ids()[:3]
    code = _code(service)
    before = {eid: service.get(engagement_id=eid) for eid in ids}
    edit = BulkEdit(
        values=(
            ("status", "paused"),
            ("owner", "Desk B"),
            ("confidence", "reported"),
            ("follow_up", "2027-03"),
        ),
        add_tags=("bulk-x",),
        stances=((code, "rejected"),),
    )
    result = service.bulk_edit(edit=edit, engagement_ids=ids)
    assert [s.engagement_id for s in result.steps] == ids
    assert result.changes.engagements == frozenset(ids)
    assert {"status", "owner", "tags", "restrictions", "status_history"} <= result.changes.fields
    for eid in ids:
        after = service.get(engagement_id=eid)
        assert after.version == before[eid].version + 1
        assert after.data.status is Status.PAUSED
        assert after.data.owner == "Desk B"
        assert after.data.confidence is Confidence.parse("reported")
        assert after.data.follow_up == PartialDate.from_iso("2027-03")
        assert after.data.tags[-1] == "bulk-x"
        assert {r.code: r.stance for r in after.data.restrictions}[code] is Stance.REJECTED
        event = after.data.status_history[-1]
        assert (event.status, event.on) == (Status.PAUSED, PartialDate.of_day(utc_today()))
        entries = [e for e in service.history(engagement_id=eid) if e.version == after.version]
        assert {e.field for e in entries} >= {"status", "owner", "tags", "status_history"}
        assert {e.who for e in entries} == {"alice"}
    # The trail replays to what is stored, and the index follows the new words.
    assert service.check().problems == ()
    assert set(service.list_ids(filters=Filters(search="bulk-x"))) == set(ids)
    assert set(service.list_ids(filters=Filters(owner="desk b"))) == set(ids)


def test_tags_removed_and_values_cleared(service: Tracker) -> None:
    eid = next(i for i in service.list_ids() if service.get(engagement_id=i).data.tags)
    tag = service.get(engagement_id=eid).data.tags[0]
    service.bulk_edit(
        edit=BulkEdit(values=(("follow_up", ""), ("owner", None)), remove_tags=(tag,)),
        engagement_ids=[eid],
    )
    data = service.get(engagement_id=eid).data
    assert tag not in data.tags and data.follow_up is None and data.owner == ""


@pytest.mark.parametrize(
    ("edit", "needles"),
    [
        (BulkEdit(values=(("status", "pausd"),)), ("status", "pausd")),
        (BulkEdit(values=(("marking", "SECRET"),)), ("marking", "SECRET")),
        (BulkEdit(values=(("follow_up", "31 feb"),)), ("follow_up", "31 feb")),
        (BulkEdit(values=(("title", "x"),)), ("title", "cannot be set")),
        (BulkEdit(values=(("status", ""),)), ("status", "must be given")),
        (BulkEdit(stances=(("no-such-code", "agreed"),)), ("restrictions.no-such-code",)),
        (BulkEdit(stances=(("CODE", "maybe"),)), ("restrictions",)),
        (BulkEdit(), ("nothing to change",)),
    ],
)
def test_a_bad_value_names_the_field_and_writes_nothing(
    service: Tracker, edit: BulkEdit, needles: tuple[str, ...]
) -> None:
    if edit.stances and edit.stances[0][0] == "CODE":
        edit = BulkEdit(stances=((_code(service), "maybe"),))
    versions = _versions(service)
    with pytest.raises(ValidationError) as caught:
        service.bulk_edit(edit=edit, engagement_ids=list(versions))
    assert str(caught.value).startswith("bulk edit")
    for needle in needles:
        assert needle in str(caught.value)
    assert _versions(service) == versions


def test_unknown_ids_and_no_engagements_write_nothing(service: Tracker) -> None:
    versions = _versions(service)
    edit = BulkEdit(values=(("owner", "Desk C"),))
    with pytest.raises(NotFoundError, match="no engagement 999"):
        service.bulk_edit(edit=edit, engagement_ids=[*versions, 999])
    with pytest.raises(ValidationError, match="no engagement selected"):
        service.bulk_edit(edit=edit, engagement_ids=[])
    with pytest.raises(ValidationError, match="no engagement matches"):
        service.bulk_edit(edit=edit, filters=Filters(search="zzzznothing"))
    assert _versions(service) == versions


def test_by_filters_and_by_stable_id(service: Tracker) -> None:
    first = service.get(engagement_id=service.list_ids()[0])
    status = first.data.status
    matching = set(service.list_ids(filters=Filters(statuses=(status,))))
    result = service.bulk_edit(
        edit=BulkEdit(values=(("owner", "Desk F"),)), filters=Filters(statuses=(status,))
    )
    assert {s.engagement_id for s in result.steps} == matching
    by_uid = service.bulk_edit(
        edit=BulkEdit(values=(("owner", "Desk G"),)), engagement_ids=[first.uid]
    )
    assert [s.engagement_id for s in by_uid.steps] == [first.id]


def test_dry_run_says_what_would_change_and_writes_nothing(service: Tracker) -> None:
    ids = service.list_ids()[:2]
    versions = _versions(service)
    result = service.bulk_edit(
        edit=BulkEdit(values=(("status", "paused"),)), engagement_ids=ids, dry_run=True
    )
    assert result.dry_run and result.changes.empty
    assert len(result.steps) + result.unchanged == 2
    for step in result.steps:
        labels = [label for label, _, _ in differences(step)]
        assert labels[0] == "Status" and "Status timeline" in labels
    assert _versions(service) == versions


def test_already_so_counts_as_unchanged(service: Tracker) -> None:
    eid = service.list_ids()[0]
    owner = service.get(engagement_id=eid).data.owner or "Desk H"
    service.bulk_edit(edit=BulkEdit(values=(("owner", owner),)), engagement_ids=[eid])
    again = service.bulk_edit(edit=BulkEdit(values=(("owner", owner),)), engagement_ids=[eid])
    assert (again.steps, again.unchanged, again.changes.empty) == ((), 1, True)


def test_an_engagement_changed_by_a_colleague_is_left_out_by_name(
    service: Tracker, tmp_db_url: str
) -> None:
    ids = service.list_ids()[:3]
    seen = {row.id: row.version for row in service.rows(ids=ids)}
    colleague = Tracker.open(tmp_db_url, user="bob")
    try:
        theirs = colleague.get(engagement_id=ids[1])
        colleague.update(
            engagement_id=ids[1], expected_version=theirs.version, changes={"owner": "Bob's desk"}
        )
    finally:
        colleague.close()
    result = service.bulk_edit(
        edit=BulkEdit(values=(("owner", "Desk B"),)), engagement_ids=ids, seen_versions=seen
    )
    assert [s.engagement_id for s in result.steps] == [ids[0], ids[2]]
    (skipped,) = result.skipped
    assert skipped.engagement_id == ids[1] and theirs.data.title in skipped.words()
    assert service.get(engagement_id=ids[1]).data.owner == "Bob's desk"
    assert service.get(engagement_id=ids[0]).data.owner == "Desk B"


def test_rewrite_undoes_and_redoes_merging_a_colleagues_other_fields(
    service: Tracker, tmp_db_url: str
) -> None:
    ids = service.list_ids()[:3]
    before = {eid: service.get(engagement_id=eid).data for eid in ids}
    result = service.bulk_edit(
        edit=BulkEdit(values=(("status", "paused"),), add_tags=("undo-me",)), engagement_ids=ids
    )
    colleague = Tracker.open(tmp_db_url, user="bob")
    try:
        current = colleague.get(engagement_id=ids[0])
        colleague.update(
            engagement_id=ids[0], expected_version=current.version, changes={"summary": "Bob's"}
        )
    finally:
        colleague.close()
    undone = service.bulk_rewrite(steps=[s.reversed for s in result.steps])
    assert undone.engagements == frozenset(ids)
    for eid in ids:
        data = service.get(engagement_id=eid).data
        assert (data.status, data.tags, data.status_history) == (
            before[eid].status,
            before[eid].tags,
            before[eid].status_history,
        )
    assert service.get(engagement_id=ids[0]).data.summary == "Bob's"
    service.bulk_rewrite(steps=result.steps)
    assert all(service.get(engagement_id=eid).data.status is Status.PAUSED for eid in ids)
    assert service.check().problems == ()


def test_rewrite_refuses_when_a_colleague_changed_the_same_field(
    service: Tracker, tmp_db_url: str
) -> None:
    ids = service.list_ids()[:2]
    result = service.bulk_edit(edit=BulkEdit(values=(("owner", "Desk B"),)), engagement_ids=ids)
    colleague = Tracker.open(tmp_db_url, user="bob")
    try:
        current = colleague.get(engagement_id=ids[1])
        colleague.update(
            engagement_id=ids[1], expected_version=current.version, changes={"owner": "Bob"}
        )
    finally:
        colleague.close()
    versions = _versions(service)
    with pytest.raises(TrackerError, match="owner changed by someone else"):
        service.bulk_rewrite(steps=[s.reversed for s in result.steps])
    assert _versions(service) == versions
