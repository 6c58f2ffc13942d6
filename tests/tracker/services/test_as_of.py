"""The record as of a date, on SQLite and (TRACKER_TEST_DB) PostgreSQL.

A scripted history of several engagements is written one day at a time, with the
store's clock (``db.store.utc_now``, and ``db.bulk``'s for imports) set to that day;
at the end of each day ``show --format json`` of every engagement is recorded. Each
snapshot must then equal, key for key, what the record rebuilt as of that day says.
"""

from __future__ import annotations

import datetime
import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from db import bulk, store
from tracker.cli.records import _show_json
from tracker.domain.errors import NotFoundError, StorageError, ValidationError
from tracker.domain.model import Filters
from tracker.domain.vocab import Status
from tracker.services import Tracker

D = datetime.date
FIXTURES = Path(__file__).parents[2] / "db" / "fixtures"
FIRST = D(2025, 3, 1)


class Clock:
    """The store's clock: the day being scripted, a microsecond more at every call."""

    def __init__(self) -> None:
        self.day = FIRST
        self.ticks = 0

    def __call__(self) -> str:
        self.ticks += 1
        return (
            f"{self.day.isoformat()}T09:{self.ticks // 60 % 60:02d}:{self.ticks % 60:02d}.000001Z"
        )


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    made = Clock()
    monkeypatch.setattr(store, "utc_now", made)
    monkeypatch.setattr(bulk, "utc_now", made)
    return made


def dod() -> dict[str, Any]:
    return {
        "id": "dod-openai",
        "title": "Pentagon and OpenAI",
        "vendor": "OpenAI",
        "counterpart": "U.S. Department of Defense",
        "region": "North America",
        "status": "negotiating",
        "marking": "UNCLASSIFIED",
        "started": "2026-01",
        "tags": ["defence", "us"],
        "scope_limits": [
            {"kind": "hosting", "text": "Secured cloud only"},
            {"kind": "personnel", "text": "Cleared personnel only"},
        ],
        "restrictions": [
            {
                "code": "no-mass-domestic-surveillance",
                "title": "No mass domestic surveillance",
                "stance": "proposed",
                "note": "",
            }
        ],
        "sources": [{"outlet": "Reuters", "title": "Talks", "url": "https://example.org/1"}],
    }


Step = Callable[[Tracker, dict[str, int]], None]


def edit(ref: str, **changes: Any) -> Step:
    def step(t: Tracker, ids: dict[str, int]) -> None:
        current = t.get(engagement_id=ids[ref])
        t.update(engagement_id=ids[ref], expected_version=current.version, changes=changes)

    return step


def create(name: str, obj: dict[str, Any]) -> Step:
    def step(t: Tracker, ids: dict[str, int]) -> None:
        ids[name] = t.create(data=obj).engagement.id

    return step


def trash(ref: str, deleted: bool = True) -> Step:
    def step(t: Tracker, ids: dict[str, int]) -> None:
        (t.delete if deleted else t.restore)(engagement_id=ids[ref])

    return step


def imported(document: dict[str, Any], *names: str) -> Step:
    def step(t: Tracker, ids: dict[str, int]) -> None:
        t.import_document(document=document)
        for name, obj in zip(names, document["engagements"], strict=True):
            ids[name] = t.get(engagement_id=obj["id"]).id

    return step


NATO = {
    "id": "nato-openai",
    "title": "NATO and OpenAI",
    "vendor": "OpenAI",
    "counterpart": "NATO",
    "status": "exploratory",
    "confidence": "reported",
}
STEPS: list[list[Step]] = [
    [create("dod", dod()), create("nato", NATO)],
    [edit("dod", summary="An agreement is near", status="agreed"), edit("nato", tags=["europe"])],
    [
        edit(
            "dod",
            scope_limits=[{"kind": "hosting", "text": "Secured cloud only"}],
            restrictions=[
                {
                    "code": "no-mass-domestic-surveillance",
                    "title": "No mass domestic surveillance",
                    "stance": "agreed",
                    "note": "in the contract",
                }
            ],
            sources=[
                *dod()["sources"],
                {"outlet": "AP", "title": "Deal closed", "published": "2026-02-27"},
            ],
        )
    ],
    [trash("dod"), edit("nato", next_step="Wait for NATO")],
    [trash("dod", deleted=False), edit("nato", tags=["europe", "nato"], follow_up="2026-Q2")],
    [
        imported(
            {
                "format": "engagement-tracker/1",
                "engagements": [
                    {
                        **dod(),
                        "title": "DoD and OpenAI",
                        "status": "active",
                        "concerns": [{"kind": "reputational", "text": "Staff letter"}],
                    },
                    {
                        "id": "mistral-eu",
                        "title": "EU and Mistral AI",
                        "vendor": "Mistral AI",
                        "counterpart": "European Commission",
                        "status": "exploratory",
                    },
                ],
            },
            "dod",
            "mistral",
        )
    ],
    [trash("nato"), edit("mistral", owner="bob")],
    # Two versions on one day: the day ends at the second.
    [edit("dod", next_step="First"), edit("dod", next_step="Second", tags=["defence"])],
    [trash("nato", deleted=False), edit("mistral", status="paused")],
]


def snapshots_of(t: Tracker, clock: Clock) -> dict[D, dict[str, Any]]:
    """Run ``STEPS``, one day each; the ``show --format json`` of every engagement at
    the end of each day, by day and name."""
    ids: dict[str, int] = {}
    out: dict[D, dict[str, Any]] = {}
    for number, steps in enumerate(STEPS):
        clock.day = FIRST + datetime.timedelta(days=2 * number)  # a quiet day between
        for step in steps:
            step(t, ids)
        out[clock.day] = {
            name: json.loads(json.dumps(_show_json(t.get(engagement_id=eid))))
            for name, eid in ids.items()
        }
    return out


@pytest.fixture
def history(tracker: Tracker, clock: Clock) -> dict[D, dict[str, Any]]:
    return snapshots_of(tracker, clock)


def shown(t: Tracker, ref: int | str, day: D) -> dict[str, Any]:
    return json.loads(json.dumps(_show_json(t.engagement_as_of(engagement_id=ref, on=day))))


def test_every_snapshot_equals_its_reconstruction(
    tracker: Tracker, history: dict[D, dict[str, Any]]
) -> None:
    assert len(history) == len(STEPS)
    seen_versions = set()
    for day, snapshot in history.items():
        for name, expected in snapshot.items():
            assert shown(tracker, expected["number"], day) == expected, (day, name)
            assert shown(tracker, expected["id"], day) == expected  # by stable id too
            # The quiet day after still shows the day's end.
            assert shown(tracker, expected["number"], day + datetime.timedelta(days=1)) == expected
            seen_versions.add((name, expected["version"]))
    # The script did touch what it means to: trash, restore, an import, children.
    last = history[max(history)]
    assert last["dod"]["version"] >= 8 and last["mistral"]["status"] == "paused"
    assert any(s["dod"]["deleted_at"] for s in history.values())
    assert len(seen_versions) > 15


def test_the_list_as_of_each_day_is_the_snapshots_not_in_the_trash(
    tracker: Tracker, history: dict[D, dict[str, Any]]
) -> None:
    for day, snapshot in history.items():
        found = tracker.selection_as_of(on=day, sort="id")
        live = [s for s in snapshot.values() if s["deleted_at"] is None]
        assert [json.loads(json.dumps(_show_json(e))) for e in found.selection.engagements] == (
            sorted(live, key=lambda s: s["number"])
        )
        assert [r.id for r in found.rows] == [
            s["number"] for s in sorted(live, key=lambda s: s["number"])
        ]
        assert [r.title for r in found.rows] == [
            s["title"] for s in sorted(live, key=lambda s: s["number"])
        ]
        trashed = tracker.selection_as_of(on=day, filters=Filters(trash=True))
        assert {e.id for e in trashed.selection.engagements} == {
            s["number"] for s in snapshot.values() if s["deleted_at"]
        }


def test_filters_and_search_apply_to_the_record_as_it_was(
    tracker: Tracker, history: dict[D, dict[str, Any]]
) -> None:
    days = sorted(history)
    dod_id = history[days[0]]["dod"]["number"]

    def ids(day: D, **filters: Any) -> list[int]:
        return [
            e.id
            for e in tracker.selection_as_of(
                on=day, filters=Filters(**filters)
            ).selection.engagements
        ]

    assert ids(days[0], statuses=(Status.NEGOTIATING,)) == [dod_id]
    assert ids(days[1], statuses=(Status.NEGOTIATING,)) == []
    assert ids(days[1], statuses=(Status.AGREED,)) == [dod_id]
    assert ids(days[0], search="Pentagon") == [dod_id]
    assert ids(days[5], search="Pentagon") == []  # retitled by the import
    assert ids(days[0], tag="us") == [dod_id]
    assert ids(days[7], tag="us") == []
    assert ids(days[1], restriction="no-mass-domestic-surveillance") == [dod_id]
    nato = history[days[0]]["nato"]["number"]
    assert ids(days[1], tag="europe") == [nato]
    by_title = tracker.selection_as_of(on=days[5], sort="title", descending=True).rows
    assert [r.title for r in by_title] == ["NATO and OpenAI", "EU and Mistral AI", "DoD and OpenAI"]
    assert (
        tracker.selection_as_of(on=days[0]).selection.revision
        < tracker.selection_as_of(on=days[1]).selection.revision
    )


def test_before_it_existed_and_bad_days(tracker: Tracker, history: dict[D, dict[str, Any]]) -> None:
    mistral = history[max(history)]["mistral"]["number"]
    first_import_day = min(d for d, s in history.items() if "mistral" in s)
    before = first_import_day - datetime.timedelta(days=1)
    with pytest.raises(NotFoundError, match=f"engagement {mistral} did not exist on"):
        tracker.engagement_as_of(engagement_id=mistral, on=before)
    with pytest.raises(NotFoundError, match="mistral-eu did not exist on 8 Mar 2025"):
        tracker.engagement_as_of(engagement_id="mistral-eu", on=FIRST + datetime.timedelta(7))
    with pytest.raises(NotFoundError, match="no engagement 999"):
        tracker.engagement_as_of(engagement_id=999, on=FIRST)
    assert tracker.selection_as_of(on=FIRST - datetime.timedelta(1)).selection.engagements == ()
    tomorrow = datetime.datetime.now(datetime.UTC).date() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match=r"--as-of: .* is in the future"):
        tracker.engagement_as_of(engagement_id=mistral, on=tomorrow)
    with pytest.raises(ValidationError, match="--as-of"):
        tracker.selection_as_of(on=tomorrow)


def test_versions_rebuild_each_version_newest_first(
    tracker: Tracker, history: dict[D, dict[str, Any]]
) -> None:
    last = history[max(history)]["dod"]
    versions = tracker.versions(engagement_id=last["number"])
    assert [v.engagement.version for v in versions] == list(range(last["version"], 0, -1))
    assert json.loads(json.dumps(_show_json(versions[0].engagement))) == last
    assert (versions[-1].action, versions[-1].who) == ("create", "alice")
    assert {v.action for v in versions} >= {"delete", "restore", "import", "update"}
    by_version = {v.engagement.version: v.engagement for v in versions}
    for snapshot in history.values():
        shown_then = snapshot["dod"]
        assert json.loads(json.dumps(_show_json(by_version[shown_then["version"]]))) == shown_then


def test_a_trail_that_starts_at_a_baseline(tmp_path: Path) -> None:
    """A database of schema 4, its times moved back to 15 January 2026, upgraded today:
    each engagement's replayable trail starts at the baseline the upgrade writes. As of
    a day before, an engagement that existed cannot be rebuilt (one line); before its
    creation it did not exist; from the baseline on it is rebuilt exactly."""
    script = (FIXTURES / "schema_v4.sql").read_text(encoding="utf-8")
    made = re.findall(r"'(\d{4}-\d\d-\d\d)T\d\d:\d\d:\d\d\.\d{6}Z'", script)
    assert made
    for day in set(made):
        script = script.replace(f"'{day}T", "'2026-01-15T")
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(script)
    conn.close()
    t = Tracker.open(path, user="alice")
    try:
        first = t.list_ids()[0]
        with pytest.raises(
            StorageError, match=f"engagement {first} cannot be rebuilt as of 1 Jun 2026"
        ):
            t.engagement_as_of(engagement_id=first, on=D(2026, 6, 1))
        with pytest.raises(NotFoundError, match="did not exist on 14 Jan 2026"):
            t.engagement_as_of(engagement_id=first, on=D(2026, 1, 14))
        today = datetime.datetime.now(datetime.UTC).date()
        assert _show_json(t.engagement_as_of(engagement_id=first, on=today)) == _show_json(
            t.get(engagement_id=first)
        )
        then = t.selection_as_of(on=D(2026, 6, 1))
        assert then.selection.engagements == () and len(then.not_rebuilt) == t.count()
        assert len(t.selection_as_of(on=today).selection.engagements) == t.count()
    finally:
        t.close()


def test_a_list_as_of_an_earlier_day_puts_back_only_what_changed_since(
    tracker: Tracker, clock: Clock
) -> None:
    """Some engagements changed after the day (retitled, moved on, trashed), some did
    not, one was created after: the list as of that day, filtered by a search and by
    a status, is engagement for engagement what ``engagement_as_of`` rebuilds, and the
    full-text index of the copy it was listed on holds the titles of then."""

    def new(title: str, status: str) -> int:
        obj = {"title": title, "vendor": "OpenAI", "counterpart": "NATO", "status": status}
        return tracker.create(data=obj).engagement.id

    alpha, bravo = new("Alpha pipeline", "exploratory"), new("Bravo pipeline", "negotiating")
    charlie, delta = new("Charlie other", "exploratory"), new("Delta pipeline", "exploratory")
    then = clock.day
    clock.day = then + datetime.timedelta(days=2)
    edit("b", title="Bravo renamed", status="agreed")(tracker, {"b": bravo})
    edit("c", summary="Moved on")(tracker, {"c": charlie})
    trash("d")(tracker, {"d": delta})
    echo = new("Echo pipeline", "exploratory")

    def listed(day: D, **filters: Any) -> list[int]:
        found = tracker.selection_as_of(on=day, filters=Filters(**filters))
        assert [r.id for r in found.rows] == [e.id for e in found.selection.engagements]
        assert tracker.rows_as_of(on=day, filters=Filters(**filters)).rows == found.rows
        for e in found.selection.engagements:
            assert json.loads(json.dumps(_show_json(e))) == shown(tracker, e.id, day)
        return [e.id for e in found.selection.engagements]

    assert listed(then) == [alpha, bravo, charlie, delta]
    assert listed(then, search="pipeline") == [alpha, bravo, delta]
    assert listed(then, search="renamed") == []
    assert listed(then, search="bravo") == [bravo]
    assert listed(then, statuses=(Status.EXPLORATORY,)) == [alpha, charlie, delta]
    assert listed(then, statuses=(Status.AGREED,)) == []
    assert listed(then, search="pipeline", statuses=(Status.NEGOTIATING,)) == [bravo]
    assert listed(clock.day) == [alpha, bravo, charlie, echo]
    assert listed(clock.day, search="pipeline") == [alpha, echo]
    assert listed(clock.day, search="renamed", statuses=(Status.AGREED,)) == [bravo]
    assert tracker.list_ids(filters=Filters(search="pipeline")) == [alpha, echo]  # untouched


def test_an_engagement_with_no_trail_is_left_out(tmp_path: Path) -> None:
    """An engagement whose audit entries are gone (a change behind the program's back)
    has no trail to rebuild: the list as of today leaves it out, as one not rebuilt."""
    path = tmp_path / "t.db"
    t = Tracker.open(path, user="alice")
    try:
        kept = t.create(data=NATO).engagement.id
        gone = t.create(data={**NATO, "id": "other", "title": "Other"}).engagement.id
    finally:
        t.close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DELETE FROM audit_seal")
        conn.execute("DELETE FROM audit WHERE engagement_id = ?", (gone,))
    conn.close()
    t = Tracker.open(path, user="alice")
    try:
        today = datetime.datetime.now(datetime.UTC).date()
        found = t.selection_as_of(on=today)
        assert [e.id for e in found.selection.engagements] == [kept]
        assert found.not_rebuilt == (gone,)
        assert t.rows_as_of(on=today).not_rebuilt == (gone,)
    finally:
        t.close()
