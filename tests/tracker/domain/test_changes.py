"""Change sets: what each write says it changed, and what a view concludes from it."""

from __future__ import annotations

import dataclasses
import datetime
from typing import Any

import pytest

from tracker.domain import changes
from tracker.domain.changes import DELETED, ChangeSet
from tracker.domain.errors import NotFoundError
from tracker.domain.model import FIELD_NAMES, SORT_KEYS, Filters
from tracker.domain.vocab import Region, Status
from tracker.services import Tracker


def minimal(**extra: Any) -> dict[str, Any]:
    return {
        "title": "Pilot",
        "vendor": "Mistral AI",
        "counterpart": "French MoD",
        "status": "exploratory",
        **extra,
    }


def test_every_filter_and_sort_key_says_which_fields_it_depends_on() -> None:
    assert set(changes.FILTER_FIELDS) == {f.name for f in dataclasses.fields(Filters)}
    assert set(changes.SORT_FIELDS) | {"updated_at"} == set(SORT_KEYS)


def test_an_edit_of_the_next_step_moves_no_order_and_no_membership() -> None:
    edit = ChangeSet.of_fields(frozenset({7}), frozenset({"next_step"}))
    for sort in SORT_KEYS:
        assert edit.may_change_order(sort) == (sort == "updated_at"), sort
    assert not edit.may_change_membership(Filters(statuses=(Status.AGREED,)))
    assert not edit.may_change_membership(Filters(regions=(Region.EUROPE,), tag="x"))
    assert edit.may_change_membership(Filters(search="pilot"))  # the step is indexed text
    assert not edit.names and not edit.catalogue and not edit.count_may_change


def test_a_status_edit_moves_the_status_order_and_a_status_filter() -> None:
    edit = ChangeSet.of_fields(frozenset({7}), frozenset({"status", "status_history"}))
    assert edit.may_change_order("status") and not edit.may_change_order("title")
    assert edit.may_change_membership(Filters(statuses=(Status.AGREED,)))
    assert not edit.may_change_membership(Filters(regions=(Region.EUROPE,)))
    assert not edit.may_change_membership(Filters())


def test_a_follow_up_edit_moves_the_due_lists_and_any_edit_the_stale_list() -> None:
    day = datetime.date(2026, 5, 14)
    due = (Filters(due_by=day), Filters(due_from=day), Filters(due_from=day, due_by=day))
    follow_up = ChangeSet.of_fields(frozenset({7}), frozenset({"follow_up"}))
    step = ChangeSet.of_fields(frozenset({7}), frozenset({"next_step"}))
    for filters in due:
        assert follow_up.may_change_membership(filters)
        assert not step.may_change_membership(filters)
    # Every write moves "last change": whatever it wrote, a stale engagement may be no more.
    for name in (*FIELD_NAMES, DELETED):
        edit = ChangeSet.of_fields(frozenset({7}), frozenset({name}))
        assert edit.may_change_membership(Filters(stale_before=day)), name
    assert not ChangeSet().may_change_membership(Filters(stale_before=day))


def test_creating_or_trashing_changes_membership_and_counts_everywhere() -> None:
    for change in (
        ChangeSet.of_created(frozenset({1})),
        ChangeSet.of_fields(frozenset({1}), frozenset({DELETED})),
    ):
        assert change.count_may_change
        assert change.may_change_membership(Filters())
        assert change.may_change_membership(Filters(trash=True))


def test_nothing_written_changes_nothing() -> None:
    assert ChangeSet.of_fields(frozenset({1}), frozenset()).empty
    assert not ChangeSet().may_change_order("updated_at")
    assert not ChangeSet().may_change_membership(Filters(search="x"))


def test_writes_return_their_change_sets(tracker: Tracker) -> None:
    made = tracker.create(data=minimal(tags=["a"]))
    eid = made.engagement.id
    assert made.changes.engagements == {eid} and made.changes.created and made.changes.names

    saved = tracker.save(
        engagement_id=eid,
        expected_version=1,
        data=dataclasses.replace(made.engagement.data, next_step="Call back"),
    )
    assert saved.engagement.version == 2
    assert saved.changes == ChangeSet(engagements=frozenset({eid}), fields=frozenset({"next_step"}))

    same = tracker.save(engagement_id=eid, expected_version=2, data=saved.engagement.data)
    assert same.changes.empty and same.engagement.version == 2

    renamed = tracker.update(engagement_id=eid, expected_version=2, changes={"vendor": "OpenAI"})
    assert renamed.changes.fields == {"vendor"} and renamed.changes.names

    moved = tracker.update(engagement_id=eid, expected_version=3, changes={"status": "agreed"})
    assert moved.changes.fields == {"status", "status_history"}

    trashed = tracker.delete(engagement_id=eid)
    assert trashed.changes.fields == {DELETED} and trashed.changes.count_may_change
    assert tracker.delete(engagement_id=eid).changes.empty  # already in the trash


def test_trashing_several_is_one_transaction_all_or_none(tracker: Tracker) -> None:
    ids = [tracker.create(data=minimal(title=f"E{n}")).engagement.id for n in range(3)]
    with pytest.raises(NotFoundError):
        tracker.delete_many(engagement_ids=[ids[0], ids[1], 999_999])
    assert tracker.count(filters=Filters(trash=True)) == 0  # the first two were not trashed

    done = tracker.delete_many(engagement_ids=ids)
    assert done.engagements == set(ids) and done.fields == {DELETED}
    assert tracker.count(filters=Filters(trash=True)) == 3
    for eid in ids:  # the failed attempt left no trace; the second one audit entry each
        assert [e.action for e in tracker.history(engagement_id=eid)] == ["delete", "create"]
    back = tracker.restore_many(engagement_ids=ids)
    assert back.engagements == set(ids) and tracker.count(filters=Filters()) == 3


def test_an_import_reports_what_it_created_and_updated(tracker: Tracker) -> None:
    doc = {"format": "engagement-tracker/1", "engagements": [minimal(id="a"), minimal(id="b")]}
    first = tracker.import_document(document=doc)
    assert first.created == 2 and first.changes.created and len(first.changes.engagements) == 2

    doc["engagements"][0]["summary"] = "Now with a summary"
    second = tracker.import_document(document=doc)
    assert (second.updated, second.unchanged) == (1, 1)
    assert second.changes.fields == {"summary"} and not second.changes.created
    assert second.changes.engagements == {tracker.get(engagement_id="a").id}
