"""Saved views through the service: saving, updating, renaming, sharing, deleting, each
written to the views' trail; privacy between colleagues; names; and a view naming what
no longer exists, which opens and says what it left out. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime

import pytest

from tracker.domain import limits
from tracker.domain.due import Period, QuickFilters
from tracker.domain.errors import ValidationError
from tracker.domain.model import Filters
from tracker.domain.saved_views import ViewBody, body_of
from tracker.domain.vocab import Region, Status
from tracker.services import Tracker

ACTIVE_EUROPE = ViewBody(
    filters=Filters(statuses=(Status.ACTIVE,), regions=(Region.EUROPE,), search="model"),
    sort="updated_at",
    descending=True,
    columns=("title", "status", "updated_at"),
    kind="overview",
)


def test_a_saved_view_reads_back_as_it_was_saved(tracker: Tracker) -> None:
    saved = tracker.save_view(name="  Europe active ", body=ACTIVE_EUROPE)
    assert (saved.name, saved.owner, saved.shared, saved.version) == (
        "Europe active",
        "alice",
        False,
        1,
    )
    assert saved.created_by == saved.updated_by == "alice"
    assert tracker.view(name="EUROPE ACTIVE") == saved
    assert tracker.views() == [saved]
    opened = tracker.open_view(name="europe active")
    assert opened.filters == ACTIVE_EUROPE.filters
    assert opened.left_out == ()
    assert opened.view.body == ACTIVE_EUROPE


def test_update_rename_share_delete_are_each_in_the_trail(tracker: Tracker) -> None:
    tracker.save_view(name="Mine", body=ViewBody())
    updated = tracker.save_view(name="mine", body=ACTIVE_EUROPE, replace=True)
    assert (updated.name, updated.version, updated.body) == ("mine", 2, ACTIVE_EUROPE)
    renamed = tracker.rename_view(name="mine", new_name="Ours")
    assert (renamed.name, renamed.version) == ("Ours", 3)
    assert tracker.share_view(name="Ours", shared=True).shared
    history = tracker.view_history(name="Ours")
    assert [(e.action, e.name, e.who) for e in history] == [
        ("created", "Mine", "alice"),
        ("updated", "mine", "alice"),
        ("renamed", "Ours", "alice"),
        ("updated", "Ours", "alice"),
    ]
    deleted = tracker.delete_view(name="ours")
    assert deleted.name == "Ours"
    assert tracker.views() == []
    with pytest.raises(ValidationError, match='"ours": no such saved view'):
        tracker.view(name="ours")
    assert tracker.check().ok  # the engagements' sealed trail is untouched


def test_a_deleted_view_saved_again_is_the_same_view(tracker: Tracker) -> None:
    """What undoing a deletion does: the view comes back with its name, body, sharing."""
    tracker.save_view(name="Back", body=ACTIVE_EUROPE, shared=True)
    gone = tracker.delete_view(name="Back")
    again = tracker.save_view(name=gone.name, body=gone.body, shared=gone.shared)
    assert (again.name, again.body, again.shared) == ("Back", ACTIVE_EUROPE, True)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("   ", 'the saved view "", name: must not be blank'),
        ("x" * (limits.VIEW_NAME + 1), "at most 200 are allowed"),
        ("two\nlines", "must not contain control characters or line breaks"),
    ],
)
def test_a_bad_name_is_one_line_naming_the_view_and_field(
    tracker: Tracker, name: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message) as caught:
        tracker.save_view(name=name, body=ViewBody())
    assert caught.value.field == "name"
    assert tracker.views() == []


def test_a_duplicate_name_is_refused_in_any_case(tracker: Tracker) -> None:
    tracker.save_view(name="Weekly", body=ViewBody())
    with pytest.raises(ValidationError, match='"WEEKLY", name: you have a view of that name'):
        tracker.save_view(name="WEEKLY", body=ACTIVE_EUROPE)
    tracker.save_view(name="Other", body=ViewBody())
    with pytest.raises(ValidationError, match="you have a view of that name"):
        tracker.rename_view(name="Other", new_name="weekly")
    assert [v.body for v in tracker.views()] == [ViewBody(), ViewBody()]


def test_a_bad_order_or_view_kind_is_refused(tracker: Tracker) -> None:
    with pytest.raises(ValidationError, match='sort: unknown order "colour"'):
        tracker.save_view(name="V", body=ViewBody(sort="colour"))
    with pytest.raises(ValidationError, match='view: unknown view "pie"'):
        tracker.save_view(name="V", body=ViewBody(kind="pie"))


def test_private_views_are_their_owners_and_shared_ones_everyones(
    tracker: Tracker, other_user: Tracker
) -> None:
    """On PostgreSQL too: alice's shared view is seen by bob on the same server."""
    tracker.save_view(name="Alice private", body=ViewBody())
    tracker.save_view(name="Team board", body=ACTIVE_EUROPE, shared=True)
    other_user.save_view(name="Alice private", body=ViewBody(sort="id"))  # bob's own
    seen = [(v.name, v.owner) for v in other_user.views()]
    assert seen == [("Alice private", "bob"), ("Team board", "alice")]
    assert other_user.open_view(name="team board").filters == ACTIVE_EUROPE.filters
    assert other_user.view(name="alice private").owner == "bob"
    with pytest.raises(ValidationError, match="it is alice's: only its owner can change it"):
        other_user.delete_view(name="Team board")
    with pytest.raises(ValidationError, match="only its owner"):
        other_user.rename_view(name="Team board", new_name="Mine now")
    tracker.share_view(name="Team board", shared=False)
    assert [v.name for v in other_user.views()] == ["Alice private"]
    with pytest.raises(ValidationError, match="no such saved view"):
        other_user.open_view(name="Team board")


def test_a_view_naming_what_is_gone_opens_and_says_what_it_left_out(demo: Tracker) -> None:
    vendor = demo.names(kind="vendor")[0]
    body = ViewBody(
        filters=Filters(
            statuses=(Status.ACTIVE,),
            vendor=vendor,
            restriction="NO-SUCH-CODE",
            tag="no-such-tag",
            owner="Nobody Here",
            counterpart="Gone Ministry",
            markings=("NO-SUCH-MARKING",),
        )
    )
    demo.save_view(name="Stale names", body=body)
    opened = demo.open_view(name="Stale names")
    assert opened.filters == Filters(statuses=(Status.ACTIVE,), vendor=vendor)
    assert opened.left_out == (
        "counterpart Gone Ministry (no engagement has that counterpart)",
        "restriction NO-SUCH-CODE (no longer in the catalogue)",
        "tag no-such-tag (no engagement has that tag)",
        "owner Nobody Here (no engagement has that owner)",
        "marking NO-SUCH-MARKING (no longer one of the database's markings)",
    )
    assert demo.count(filters=opened.filters) == demo.count(
        filters=Filters(statuses=(Status.ACTIVE,), vendor=vendor)
    )


def test_an_owner_in_another_case_is_still_there(demo: Tracker) -> None:
    owner = demo.names(kind="owner")[0]
    demo.save_view(name="Desk", body=ViewBody(filters=Filters(owner=owner.upper())))
    opened = demo.open_view(name="Desk")
    assert (opened.filters.owner, opened.left_out) == (owner.upper(), ())
    assert demo.count(filters=opened.filters) > 0


def test_quick_filters_count_from_the_day_the_view_is_opened(tracker: Tracker) -> None:
    monday, friday = datetime.date(2026, 11, 30), datetime.date(2026, 12, 4)
    overdue = QuickFilters(overdue=True).applied(Filters(), today=monday)
    body = body_of(overdue, today=monday)
    assert body.quick == QuickFilters(overdue=True)
    assert body.filters == Filters()
    tracker.save_view(name="Overdue", body=body)
    opened = tracker.open_view(name="Overdue", today=friday)
    assert opened.filters == QuickFilters(overdue=True).applied(Filters(), today=friday)
    typed = Filters(due_by=datetime.date(2026, 12, 1))  # a typed day stays that day
    assert body_of(typed, today=monday).filters == typed


def test_a_stale_view_counts_the_threshold_it_is_given(tracker: Tracker) -> None:
    # The desktop app's preference: stale after a week, when saved and when opened.
    monday, friday, week = datetime.date(2026, 11, 30), datetime.date(2026, 12, 4), Period(7, "day")
    stale = QuickFilters(stale=True).applied(Filters(), today=monday, stale_for=week)
    body = body_of(stale, today=monday, stale_for=week)
    assert (body.quick, body.filters) == (QuickFilters(stale=True), Filters())
    tracker.save_view(name="Stale", body=body)
    opened = tracker.open_view(name="Stale", today=friday, stale_for=week)
    assert opened.filters.stale_before == datetime.date(2026, 11, 27)
    # Under another threshold the day is a typed one: kept as that day.
    assert body_of(stale, today=monday).filters == stale


def test_views_travel_with_an_export_and_import_beside_the_users_own(tracker: Tracker) -> None:
    tracker.save_view(name="Exported", body=ACTIVE_EUROPE, shared=True)
    document = tracker.export_document()
    assert document["views"] == [
        {
            "name": "Exported",
            "owner": "alice",
            "shared": True,
            "filters": {"statuses": ["active"], "regions": ["Europe"], "search": "model"},
            "quick": [],
            "sort": "updated_at",
            "descending": True,
            "columns": ["title", "status", "updated_at"],
            "view": "overview",
        }
    ]
    same = tracker.import_document(document=document)
    assert same.view_notes == ('saved view "Exported": you have it already, left as it is',)
    document["views"][0]["sort"] = "id"
    again = tracker.import_document(document=document)
    assert again.view_notes == (
        'saved view "Exported": you have one of that name; imported as "Exported (2)"',
    )
    assert [(v.name, v.body.sort) for v in tracker.views()] == [
        ("Exported", "updated_at"),
        ("Exported (2)", "id"),
    ]


def test_an_export_without_views_is_as_before(demo: Tracker) -> None:
    # The demo's organisations and restriction catalogue are written (format 2); views
    # only when there are some.
    assert set(demo.export_document()) == {"format", "organisations", "restrictions", "engagements"}


def test_a_bad_view_in_a_file_refuses_the_whole_import(tracker: Tracker) -> None:
    document = {"format": "engagement-tracker/1", "engagements": [], "views": [{"name": ""}]}
    with pytest.raises(ValidationError, match="view #1 name: must not be blank"):
        tracker.import_document(document=document)
    document["views"] = [{"name": "Bad", "filters": {"statuses": ["nonsense"]}}]
    with pytest.raises(ValidationError, match='view #1 "Bad", filters: filter "statuses"'):
        tracker.import_document(document=document)
    assert tracker.views() == []
