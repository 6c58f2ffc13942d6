"""``Tracker.changes``: the audit trail of a period read as changes, worded, paged."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from db import changes as changes_sql
from tracker.domain.change_words import ChangePeriod, grouped
from tracker.domain.errors import ValidationError
from tracker.domain.model import Filters
from tracker.domain.vocab import Status
from tracker.services import Tracker
from tracker.services.base import utc_today
from tracker.services.briefings import BriefingRequest, write_briefing

TODAY = utc_today()
DAY = datetime.timedelta(days=1)


def _texts(service: Tracker, **kwargs: object) -> list[str]:
    return [c.text() for c in service.changes(**kwargs).changes]  # type: ignore[arg-type]


def _edit(service: Tracker, number: int, **changes: object) -> None:
    current = service.get(engagement_id=number)
    service.update(engagement_id=number, expected_version=current.version, changes=changes)


def test_a_period_lists_every_change_newest_first_in_words(demo: Tracker) -> None:
    _edit(demo, 1, status="negotiating", next_step="Meet in Brussels")
    _edit(demo, 1, tags=["defence", "new-tag"])
    demo.delete(engagement_id=2)
    demo.restore(engagement_id=2)
    found = demo.changes(period=ChangePeriod(since=TODAY)).changes
    texts = [c.text() for c in found]
    assert texts[:2] == ["Trash: restored", "Trash: moved to the trash"]
    assert "Status: Exploratory → Negotiating" in texts
    assert any(t.startswith("Next step: ") and t.endswith("→ Meet in Brussels") for t in texts)
    assert any("added tag new-tag" in t for t in texts)
    assert texts.count("Engagement: imported") == 4  # the demo's four, oldest last
    assert all("{" not in t and "[" not in t for t in texts)  # never raw JSON
    ats = [(c.row.at, c.row.id) for c in found]
    assert ats == sorted(ats, reverse=True)
    assert [g.engagement for g in grouped(found)][:2] == [2, 1]


def test_child_lists_read_as_items_added_removed_and_changed(demo: Tracker) -> None:
    current = demo.get(engagement_id=2)
    restrictions = [
        {"code": r.code, "title": r.title, "stance": r.stance.value, "note": r.note}
        for r in current.data.restrictions
    ]
    first, dropped = restrictions[0], restrictions[1]
    kept = [dict(first, stance="disputed"), *restrictions[2:]]
    kept.append({"code": "no-cloud-exports", "title": "No cloud exports", "stance": "proposed"})
    _edit(demo, 2, restrictions=kept)
    (change,) = [
        c
        for c in demo.changes(period=ChangePeriod(since=TODAY)).changes
        if c.row.field == "restrictions"
    ]
    words = {(i.change, i.words) for i in change.items}
    assert ("added", "No cloud exports · Proposed") in words
    assert any(kind == "removed" and w.startswith(dropped["title"]) for kind, w in words)
    (changed,) = [i for i in change.items if i.change == "changed"]
    assert changed.before.startswith(f"{first['title']}: stance ")
    assert changed.words == "stance Disputed"
    assert change.label == "Restrictions"


def test_a_list_only_put_in_another_order_says_so(demo: Tracker) -> None:
    tags = list(demo.get(engagement_id=1).data.tags)
    assert len(tags) > 1
    _edit(demo, 1, tags=list(reversed(tags)))
    (change,) = [
        c for c in demo.changes(period=ChangePeriod(since=TODAY)).changes if c.row.field == "tags"
    ]
    assert change.text() == "Tags: put in another order"


def test_the_filter_applies_to_the_engagements_as_they_are_now(demo: Tracker) -> None:
    _edit(demo, 1, status="agreed")
    _edit(demo, 3, next_step="Wait")
    found = demo.changes(
        period=ChangePeriod(since=TODAY), filters=Filters(statuses=(Status.AGREED,))
    )
    numbers = {c.row.engagement for c in found.changes}
    agreed = {e.id for e in demo.selection(filters=Filters(statuses=(Status.AGREED,))).engagements}
    assert numbers == agreed and 1 in numbers and 3 not in numbers
    demo.delete(engagement_id=1)
    assert 1 not in {c.row.engagement for c in demo.changes(period=ChangePeriod()).changes}
    trashed = demo.changes(period=ChangePeriod(), filters=Filters(trash=True)).changes
    assert trashed[0].text() == "Trash: moved to the trash"


def test_pages_follow_one_another_without_gaps_or_repeats(demo: Tracker) -> None:
    for n in range(5):
        _edit(demo, 1 + n % 4, next_step=f"step {n}")
    everything = demo.changes(period=ChangePeriod()).changes
    seen, before = [], None
    while True:
        page = demo.changes(period=ChangePeriod(), limit=3, before=before)
        seen += page.changes
        assert len(page.changes) <= 3
        if not page.more:
            break
        before = page.next_key
    assert [c.row.id for c in seen] == [c.row.id for c in everything]
    assert len(everything) == 9


def test_since_a_briefing_is_exactly_the_entries_after_it(demo: Tracker, tmp_path: Path) -> None:
    _edit(demo, 1, next_step="before the briefing")
    record = write_briefing(demo, BriefingRequest(), str(tmp_path / "b.pdf"))
    _edit(demo, 2, next_step="after the briefing")
    period = ChangePeriod.after_briefing(record.id, revision=record.revision, at=record.at)
    found = demo.changes(period=period).changes
    assert [c.text() for c in found] == ["Next step: " + found[0].old + " → after the briefing"]
    assert period.label().startswith(f"since briefing {record.id} (")


def test_until_ends_the_period_and_an_old_since_is_everything(demo: Tracker) -> None:
    assert len(_texts(demo, period=ChangePeriod(since=datetime.date(1990, 1, 1)))) == 4
    assert (
        _texts(demo, period=ChangePeriod(since=datetime.date(1990, 1, 1), until=TODAY - DAY)) == []
    )


@pytest.mark.parametrize(
    ("period", "field"),
    [
        (ChangePeriod(since=TODAY + DAY), "--since"),
        (ChangePeriod(since=TODAY, until=TODAY - DAY), "--until"),
    ],
)
def test_a_period_that_cannot_be_is_refused(
    demo: Tracker, period: ChangePeriod, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        demo.changes(period=period)
    assert caught.value.field == field


def _feeds(service: Tracker, revision: int) -> list[list[tuple[int, str]]]:
    """Every feed the test below compares: filtered, paged, after a revision, none."""
    out = []
    for filters in (
        Filters(),
        Filters(statuses=(Status.AGREED,)),
        Filters(search="defence"),
        Filters(ids=(2, 3)),
        Filters(ids=()),
        Filters(trash=True),
    ):
        out.append([(c.row.id, c.text()) for c in service.changes(filters=filters).changes])
    before = None
    while True:
        page = service.changes(period=ChangePeriod(since=TODAY), limit=2, before=before)
        out.append([(c.row.id, c.text()) for c in page.changes])
        if not page.more:
            break
        before = page.next_key
    after = ChangePeriod.after_briefing(1, revision=revision, at="2026-01-01T00:00:00Z")
    out.append([(c.row.id, c.text()) for c in service.changes(period=after).changes])
    return out


def test_the_walk_and_the_read_by_engagement_give_the_same_changes(
    demo: Tracker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo's few engagements are read by engagement; with no engagement counted
    as few, the same feeds come from the walk along the time index."""
    _edit(demo, 1, status="agreed")
    _edit(demo, 3, next_step="Wait")
    revision = max(c.row.id for c in demo.changes().changes)
    _edit(demo, 2, next_step="Later")
    demo.delete(engagement_id=4)
    by_engagement = _feeds(demo, revision)
    monkeypatch.setattr(changes_sql, "FEW", 0)
    walked = _feeds(demo, revision)
    assert walked == by_engagement
    assert [len(feed) for feed in walked[:6]] == [7, 5, len(walked[2]), 4, 0, 2]
    assert 0 < len(walked[2]) < 7
    assert [entry for page in walked[6:-1] for entry in page] == walked[0]
    assert [text.endswith("→ Later") for _, text in walked[-1]] == [True]
