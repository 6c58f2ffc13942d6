"""Tests for importing and exporting the interchange format and the flat CSV, via the services.

Covers the demo data, the export → import → export round trip, re-imports that
update instead of duplicating, all-or-nothing imports with errors that name the
engagement and the field, the CSV of flat fields, and progress with cancellation.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tracker.domain.changes import ImportResult
from tracker.domain.demo import demo_document
from tracker.domain.errors import NotFoundError, ValidationError
from tracker.domain.fields import REQUIRED_KEYS
from tracker.domain.flatfile import FLAT_FIELDS, from_csv, to_csv
from tracker.domain.interchange import FORMAT
from tracker.domain.model import CHILD_FIELDS, Filters
from tracker.domain.vocab import Confidence, Status
from tracker.services import Cancelled, Tracker
from tracker.services.files import dump_json

NATO = "demo-nato-openai"
DOD_OPENAI = "demo-dod-openai"
DOD_ANTHROPIC = "demo-dod-anthropic"
OFG = "demo-openai-for-government"
DEMO_IDS = (NATO, DOD_OPENAI, DOD_ANTHROPIC, OFG)


# --- fixtures and helpers ----------------------------------------------------------------


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Tracker]:
    """A second, empty database."""
    opened = Tracker.open(f"sqlite:///{tmp_path / 'fresh.db'}", user="bob")
    yield opened
    opened.close()


def document(*engagements: dict[str, Any]) -> dict[str, Any]:
    return {"format": FORMAT, "engagements": list(engagements)}


def engagement(title: str, uid: str | None = None, **extra: Any) -> dict[str, Any]:
    obj: dict[str, Any] = {
        "title": title,
        "vendor": "Mistral AI",
        "counterpart": "French Ministry of Armed Forces",
        "status": "exploratory",
        **extra,
    }
    if uid is not None:
        obj["id"] = uid
    return obj


def snapshot(tracker: Tracker) -> tuple[str, str, int, int]:
    """Everything an import could change: both exports, the revision, the trash."""
    info = tracker.info()
    return (
        dump_json(tracker.export_document()),
        dump_json(tracker.export_document(filters=Filters(trash=True))),
        info.revision,
        info.deleted,
    )


# --- the demo data -----------------------------------------------------------------------


def test_the_demo_loads_four_engagements_with_every_child_kind(demo: Tracker) -> None:
    exported = demo.export_document()["engagements"]

    assert [e["id"] for e in exported] == list(DEMO_IDS)
    for kind in (*CHILD_FIELDS, "tags"):
        assert any(e[kind] for e in exported), kind
    for e in exported:
        for kind in ("tags", "restrictions", "status_history", "sources", "concerns"):
            assert e[kind], (e["id"], kind)
    nato = demo.get(engagement_id=NATO).data
    assert nato.clarifications[0].clarified_by == "OpenAI spokesperson"
    assert nato.scope_limits[0].text == "Unclassified networks only"
    assert len(nato.concerns) == 3


def test_the_demo_exports_exactly_as_it_was_written(demo: Tracker) -> None:
    assert demo.export_document() == demo_document()


def test_loading_the_demo_twice_changes_nothing(demo: Tracker) -> None:
    before = snapshot(demo)

    result = demo.load_demo()

    assert result == ImportResult(unchanged=4)
    assert snapshot(demo) == before
    assert demo.load_demo(if_empty=True) == ImportResult()


# --- round trip --------------------------------------------------------------------------


def hostile_engagement() -> dict[str, Any]:
    """An engagement whose texts and dates exercise the storage."""
    return engagement(
        "Ελληνικό υπουργείο — pilot « test » 🚀",
        "hostile-1",
        region="Europe",
        confidence="denied",
        marking="PUBLIC",
        summary="  leading and trailing spaces  \nsecond line\ttab, 'quotes' \"double\" \\ ",
        started="~2024",
        follow_up="2026-Q4",
        next_step="אבגד (Hebrew) and Кириллица",
        owner="",
        tags=["a;b", "Ünïcödé", "x y"],
        scope_limits=[{"kind": "data", "text": "NUL-free\u200btext with zero-width space"}],
        restrictions=[
            {"code": "custom-red-line", "title": "", "stance": "rejected", "note": "n"},
        ],
        clarifications=[
            {
                "original_by": "A",
                "original_on": "2025-12-31",
                "original": "x",
                "clarified_by": "",
                "clarified_on": None,
                "clarification": "",
                "source": "",
            }
        ],
        status_history=[{"status": "paused", "on": None, "note": "", "source": ""}],
        sources=[{"outlet": "", "title": "", "url": "", "published": "~2025"}],
        concerns=[{"kind": "other", "text": "t", "severity": None}],
    )


def test_export_import_export_gives_identical_json(demo: Tracker, fresh: Tracker) -> None:
    demo.create(data=hostile_engagement())
    first = dump_json(demo.export_document())

    result = fresh.import_document(document=demo.export_document())
    second = dump_json(fresh.export_document())

    assert result == ImportResult(created=5)
    assert second == first
    assert fresh.check().ok


def test_export_survives_a_text_round_trip_through_json(demo: Tracker, fresh: Tracker) -> None:
    text = dump_json(demo.export_document())

    fresh.import_document(document=json.loads(text))

    assert dump_json(fresh.export_document()) == text
    assert fresh.get(engagement_id=NATO).data == demo.get(engagement_id=NATO).data


def parts_of_a_year() -> dict[str, Any]:
    """An engagement dated by halves and thirds of a year, one of them approximate."""
    return engagement(
        "Dated by parts of a year",
        "parts-1",
        started="mid-2025",
        follow_up="2025-H1",
        status_history=[{"status": "exploratory", "on": "~late-2025", "note": "", "source": ""}],
        sources=[{"outlet": "Wire", "title": "Talks", "url": "", "published": "early-2026"}],
    )


def dates_of(exported: dict[str, Any], uid: str) -> tuple[Any, ...]:
    """The dates of the engagement ``uid`` in an exported document, as the file has them."""
    obj = next(e for e in exported["engagements"] if e.get("id") == uid)
    return (
        obj["started"],
        obj["follow_up"],
        tuple(event["on"] for event in obj["status_history"]),
        tuple(source["published"] for source in obj["sources"]),
    )


def test_parts_of_a_year_round_trip_as_written(tracker: Tracker, fresh: Tracker) -> None:
    tracker.import_document(document=document(parts_of_a_year()))
    exported = tracker.export_document()

    assert dates_of(exported, "parts-1") == (
        "mid-2025",
        "2025-H1",
        ("~late-2025",),
        ("early-2026",),
    )
    data = tracker.get(engagement_id="parts-1").data
    assert data.started is not None and data.started.label() == "mid-2025"
    assert data.follow_up is not None and data.follow_up.label() == "H1 2025"
    assert data.status_history[0].on is not None
    assert data.status_history[0].on.label() == "c. late 2025"

    assert fresh.import_document(document=exported) == ImportResult(created=1)
    assert dump_json(fresh.export_document()) == dump_json(exported)
    assert tracker.import_document(document=exported) == ImportResult(unchanged=1)


def test_parts_of_a_year_typed_freely_in_a_file_are_stored_canonically(tracker: Tracker) -> None:
    typed = engagement(
        "Typed dates",
        "typed-1",
        started="Mid 2025",
        follow_up="second half of 2026",
        status_history=[{"status": "exploratory", "on": "~2025", "note": "", "source": ""}],
        sources=[{"outlet": "Wire", "title": "Talks", "url": "", "published": "c. early 2026"}],
    )
    tracker.import_document(document=document(typed))

    assert dates_of(tracker.export_document(), "typed-1") == (
        "mid-2025",
        "2026-H2",
        ("~2025",),  # an approximate year stays what it was
        ("~early-2026",),
    )


# --- re-import ---------------------------------------------------------------------------


def test_importing_the_same_ids_again_updates_them(demo: Tracker) -> None:
    doc = demo_document()
    doc["engagements"][1]["summary"] = "A new summary."
    doc["engagements"][3]["confidence"] = "unconfirmed"
    doc["engagements"][3]["tags"] = ["programme"]

    result = demo.import_document(document=doc)

    assert result == ImportResult(updated=2, unchanged=2)
    assert demo.count() == 4
    assert demo.count(filters=Filters(trash=True)) == 0
    dod = demo.get(engagement_id=DOD_OPENAI)
    assert dod.data.summary == "A new summary."
    assert dod.version == 2
    ofg = demo.get(engagement_id=OFG)
    assert ofg.data.confidence is Confidence.UNCONFIRMED
    assert ofg.data.tags == ("programme",)
    assert demo.get(engagement_id=NATO).version == 1

    latest = [e for e in demo.history(engagement_id=DOD_OPENAI) if e.version == 2]
    assert [(e.action, e.field, e.who) for e in latest] == [("import", "summary", "alice")]
    assert latest[0].old is not None
    assert latest[0].old.startswith("An agreement closed on 27 February 2026.")
    assert latest[0].new == "A new summary."
    changed = {e.field for e in demo.history(engagement_id=OFG) if e.version == 2}
    assert changed == {"confidence", "tags"}
    assert {e.action for e in demo.history(engagement_id=OFG) if e.version == 2} == {"import"}


def test_a_reimport_mixes_updates_and_new_engagements(demo: Tracker) -> None:
    doc = demo_document()
    doc["engagements"][0]["status"] = "negotiating"
    doc["engagements"].append(engagement("New one", "new-1"))
    doc["engagements"].append(engagement("New without id"))

    result = demo.import_document(document=doc)

    assert result == ImportResult(created=2, updated=1, unchanged=3)
    assert demo.count() == 6
    assert demo.get(engagement_id=NATO).data.status is Status.NEGOTIATING
    assert demo.get(engagement_id="new-1").data.title == "New one"


def test_an_identical_reimport_changes_nothing(demo: Tracker) -> None:
    exported = demo.export_document()
    before = snapshot(demo)

    result = demo.import_document(document=exported)

    assert result == ImportResult(unchanged=4)
    assert snapshot(demo) == before
    assert all(demo.get(engagement_id=u).version == 1 for u in DEMO_IDS)


def test_an_identical_reimport_spelling_an_organisation_differently_changes_nothing(
    tracker: Tracker,
) -> None:
    doc = document(
        engagement("First", "e-1", vendor="OpenAI", counterpart="NATO"),
        engagement("Second", "e-2", vendor="openai", counterpart="nato"),
    )
    tracker.import_document(document=copy.deepcopy(doc))
    before = snapshot(tracker)

    result = tracker.import_document(document=copy.deepcopy(doc))

    assert result == ImportResult(unchanged=2)
    assert snapshot(tracker) == before
    assert tracker.get(engagement_id="e-2").version == 1


def test_ids_with_surrounding_spaces_name_the_same_engagement(demo: Tracker) -> None:
    doc = demo_document()
    doc["engagements"][0]["id"] = f"  {NATO} "
    doc["engagements"][0]["owner"] = "Spaced owner"
    doc["engagements"].append(engagement("Spaced new", " spaced-new "))

    first = demo.import_document(document=copy.deepcopy(doc))
    second = demo.import_document(document=copy.deepcopy(doc))

    assert first == ImportResult(created=1, updated=1, unchanged=3)
    assert second == ImportResult(unchanged=5)
    assert demo.get(engagement_id=NATO).data.owner == "Spaced owner"
    assert demo.get(engagement_id="spaced-new").version == 1
    assert demo.count() == 5


def test_a_reimport_restores_nothing_from_the_trash_but_updates_it(demo: Tracker) -> None:
    demo.delete(engagement_id=NATO)
    doc = demo_document()
    doc["engagements"][0]["owner"] = "Someone else"

    result = demo.import_document(document=doc)

    nato = demo.get(engagement_id=NATO)
    assert result == ImportResult(updated=1, unchanged=3)
    assert nato.data.owner == "Someone else"
    assert nato.deleted
    assert demo.count() == 3


# --- all or nothing ----------------------------------------------------------------------


def three(third: Any) -> dict[str, Any]:
    """A file updating a demo engagement, adding a new one, then ``third``."""
    updated = demo_document()["engagements"][0]
    updated["summary"] = "Changed by the file."
    return {
        "format": FORMAT,
        "engagements": [updated, engagement("Second", "second-id"), third],
    }


def test_a_file_whose_third_engagement_is_bad_writes_nothing(demo: Tracker) -> None:
    before = snapshot(demo)

    with pytest.raises(ValidationError) as caught:
        demo.import_document(document=three(engagement("Third", "third-id", status="done")))

    assert str(caught.value).startswith('engagement #3 "Third", status: ')
    assert snapshot(demo) == before
    assert demo.count() == 4
    with pytest.raises(NotFoundError):
        demo.get(engagement_id="second-id")


def bad(**changes: Any) -> dict[str, Any]:
    obj = engagement("Third", "third-id")
    for key, value in changes.items():
        if value is _DROP:
            del obj[key]
        else:
            obj[key] = value
    return obj


_DROP = object()


@pytest.mark.parametrize(
    ("third", "label", "field", "words"),
    [
        (bad(marking="SECRET"), '"Third"', "marking", ['"SECRET"', "unclassified"]),
        (bad(marking="NATO RESTRICTED"), '"Third"', "marking", ['"NATO RESTRICTED"']),
        (bad(marking="INTERNAL"), '"Third"', "marking", ['unknown marking "INTERNAL"']),
        (bad(status="finished"), '"Third"', "status", ['unknown status "finished"']),
        (bad(region="Mars"), '"Third"', "region", ['unknown region "Mars"']),
        (bad(confidence="sure"), '"Third"', "confidence", ['unknown confidence "sure"']),
        (bad(title=_DROP), "(untitled)", "title", ["is required"]),
        (bad(title="   "), "(untitled)", "title", ["must not be empty"]),
        (bad(vendor=_DROP), '"Third"', "vendor", ["is required"]),
        (bad(title=42), "(untitled)", "title", ["must be text, not a number"]),
        (bad(summary=["x"]), '"Third"', "summary", ["must be text, not a list"]),
        (bad(tags="defence, europe"), '"Third"', "tags", ["must be a list"]),
        (bad(tags=["ok", 3]), '"Third"', "tags[1]", ["must be text"]),
        (bad(colour="red"), '"Third"', "colour", ["unknown field"]),
        (bad(started="someday soon"), '"Third"', "started", ['"someday soon"']),
        (bad(follow_up="2026-13"), '"Third"', "follow_up", ['"2026-13"']),
        (bad(started="mid-20x5"), '"Third"', "started", ['"mid-20x5"']),
        (bad(follow_up="2026-H3"), '"Third"', "follow_up", ['"2026-H3"', "half must be 1 to 2"]),
        (bad(started=2026), '"Third"', "started", ["must be a partial date as text"]),
        (
            bad(scope_limits=[{"kind": "orbital", "text": "x"}]),
            '"Third"',
            "scope_limits[0].kind",
            ['unknown scope limit kind "orbital"'],
        ),
        (
            bad(scope_limits=[{"kind": "network", "text": "x", "extra": 1}]),
            '"Third"',
            "scope_limits[0].extra",
            ["unknown field"],
        ),
        (bad(scope_limits={"kind": "network"}), '"Third"', "scope_limits", ["must be a list"]),
        (
            bad(
                restrictions=[
                    {"code": "no-x", "stance": "agreed"},
                    {"code": "no-y", "stance": "agreed"},
                    {"code": "no-x", "stance": "rejected"},
                ]
            ),
            '"Third"',
            "restrictions[2].code",
            ['"no-x" is listed twice'],
        ),
        (
            bad(restrictions=[{"code": "no-x", "stance": "maybe"}]),
            '"Third"',
            "restrictions[0].stance",
            ['unknown stance "maybe"'],
        ),
        (
            bad(clarifications=[{"clarified_on": "the other day"}]),
            '"Third"',
            "clarifications[0].clarified_on",
            ['"the other day"'],
        ),
        (
            bad(status_history=[{"status": "agreed"}, {"status": "won"}]),
            '"Third"',
            "status_history[1].status",
            ['unknown status "won"'],
        ),
        (
            bad(concerns=[{"kind": "legal", "text": "x", "severity": "extreme"}]),
            '"Third"',
            "concerns[0].severity",
            ['unknown severity "extreme"'],
        ),
        (bad(sources=["https://example.org"]), '"Third"', "sources[0]", ["must be an object"]),
        (bad(id="second-id"), '"Third"', "id", ['"second-id" appears twice']),
        (bad(id=7), '"Third"', "id", ["must be non-empty text"]),
        (bad(summary="before\x00after"), '"Third"', "summary", ["NUL"]),
        (bad(next_step="lone \ud800 surrogate"), '"Third"', "next_step", ["not valid Unicode"]),
        (
            bad(clarifications=[{"original": "\udfff"}]),
            '"Third"',
            "clarifications[0].original",
            ["not valid Unicode"],
        ),
        ("not an object", "(untitled)", "", ["must be an object"]),
    ],
)
def test_errors_name_the_engagement_and_the_field_and_write_nothing(
    demo: Tracker, third: Any, label: str, field: str, words: list[str]
) -> None:
    before = snapshot(demo)

    with pytest.raises(ValidationError) as caught:
        demo.import_document(document=three(third))

    error = caught.value
    message = str(error)
    assert error.record == f"engagement #3 {label}"
    assert message.startswith(f"engagement #3 {label}")
    assert error.field == field
    if field:
        assert f", {field}: " in message
    for word in words:
        assert word in message
    assert "\n" not in message
    assert snapshot(demo) == before


def test_the_engagement_number_counts_from_one(tracker: Tracker) -> None:
    with pytest.raises(ValidationError) as caught:
        tracker.import_document(document=document(engagement("Only", status="x")))

    assert str(caught.value).startswith('engagement #1 "Only", status: ')


def test_duplicate_ids_in_one_file_are_refused(tracker: Tracker) -> None:
    doc = document(engagement("A", "same"), engagement("B", "other"), engagement("C", "same"))

    with pytest.raises(ValidationError) as caught:
        tracker.import_document(document=doc)

    assert caught.value.field == "id"
    assert caught.value.record == 'engagement #3 "C"'
    assert "appears twice" in str(caught.value)
    assert tracker.count() == 0
    assert tracker.info().revision == 0


@pytest.mark.parametrize(
    ("doc", "field"),
    [
        ({"format": "engagement-tracker/3", "engagements": []}, "format"),
        ({"format": "something-else/1", "engagements": []}, "format"),
        ({"engagements": []}, "format"),
        ({"format": FORMAT}, "engagements"),
        ({"format": FORMAT, "engagements": {"title": "x"}}, "engagements"),
        ({"format": FORMAT, "engagements": [], "extra": 1}, "extra"),
        (["not", "an", "object"], "format"),
    ],
)
def test_a_wrong_file_shape_is_refused(demo: Tracker, doc: Any, field: str) -> None:
    before = snapshot(demo)

    with pytest.raises(ValidationError) as caught:
        demo.import_document(document=doc)

    assert caught.value.field == field
    assert snapshot(demo) == before


def test_a_wrong_format_marker_quotes_the_expected_one(tracker: Tracker) -> None:
    doc = {"format": "engagement-tracker/3", "engagements": [engagement("A")]}

    with pytest.raises(ValidationError) as caught:
        tracker.import_document(document=doc)

    assert FORMAT in str(caught.value)
    assert "engagement-tracker/3" in str(caught.value)
    assert tracker.count() == 0


# --- CSV ---------------------------------------------------------------------------------


def test_csv_round_trip_changes_nothing(demo: Tracker) -> None:
    before = snapshot(demo)
    text = to_csv(demo.export_document()["engagements"])

    result = demo.import_flat_rows(rows=from_csv(text))

    assert text.splitlines()[0] == ",".join(FLAT_FIELDS)
    assert result == ImportResult(unchanged=4)
    assert snapshot(demo) == before


def test_csv_import_updates_flat_fields_and_keeps_children(demo: Tracker) -> None:
    before = {u: demo.get(engagement_id=u).data for u in DEMO_IDS}
    rows = from_csv(to_csv(demo.export_document()["engagements"]))
    rows[1]["summary"] = "Summary from the spreadsheet."
    rows[1]["confidence"] = "unconfirmed"
    rows[1]["tags"] = ["defence", "spreadsheet"]
    rows[1]["started"] = "Feb 2026"
    rows[2]["owner"] = None
    rows = from_csv(to_csv(rows))  # through CSV text once more

    result = demo.import_flat_rows(rows=rows)

    assert result == ImportResult(updated=2, unchanged=2)
    dod = demo.get(engagement_id=DOD_OPENAI)
    assert dod.data.summary == "Summary from the spreadsheet."
    assert dod.data.confidence is Confidence.UNCONFIRMED
    assert dod.data.tags == ("defence", "spreadsheet")
    assert dod.data.started is not None
    assert dod.data.started.iso() == "2026-02"
    assert demo.get(engagement_id=DOD_ANTHROPIC).data.owner == ""
    for uid in (DOD_OPENAI, DOD_ANTHROPIC):
        data = demo.get(engagement_id=uid).data
        for kind in CHILD_FIELDS:
            assert getattr(data, kind) == getattr(before[uid], kind), (uid, kind)
    changed = {e.field for e in demo.history(engagement_id=DOD_OPENAI) if e.version == 2}
    assert changed == {"summary", "confidence", "tags", "started"}
    assert {e.action for e in demo.history(engagement_id=DOD_OPENAI)} == {"import"}


def test_csv_with_only_some_columns_keeps_the_others(demo: Tracker) -> None:
    before = demo.get(engagement_id=NATO)
    text = (
        "id,title,vendor,counterpart,status\r\n"
        f"{NATO},Renamed talks,OpenAI,NATO,negotiating\r\n"
        ",Brand new,Google,Bundeswehr,exploratory\r\n"
    )

    result = demo.import_flat_rows(rows=from_csv(text))

    after = demo.get(engagement_id=NATO)
    assert result == ImportResult(created=1, updated=1)
    assert after.data.title == "Renamed talks"
    assert after.data.status is Status.NEGOTIATING
    assert after.data.summary == before.data.summary
    assert after.data.tags == before.data.tags
    assert after.data.marking == before.data.marking
    assert after.data.clarifications == before.data.clarifications
    assert demo.count() == 5
    assert demo.names(kind="counterpart")[0] == "Bundeswehr"


def test_csv_unknown_column_is_refused(demo: Tracker) -> None:
    with pytest.raises(ValidationError) as caught:
        from_csv("title,vendor,counterpart,status,colour\r\nA,B,C,exploratory,red\r\n")

    assert caught.value.field == "colour"
    assert "unknown column" in str(caught.value)


@pytest.mark.parametrize("missing", REQUIRED_KEYS)
def test_csv_missing_required_column_is_refused(missing: str) -> None:
    columns = [c for c in REQUIRED_KEYS if c != missing]

    with pytest.raises(ValidationError) as caught:
        from_csv(",".join(columns) + "\r\n" + ",".join("x" for _ in columns) + "\r\n")

    assert caught.value.field == missing
    assert "required column is missing" in str(caught.value)


def test_csv_rows_of_the_wrong_length_name_the_line() -> None:
    with pytest.raises(ValidationError) as caught:
        from_csv("title,vendor,counterpart,status\r\nA,B,C,exploratory\r\nA,B,C\r\n")

    assert "line 3" in str(caught.value)


def test_an_empty_csv_is_refused() -> None:
    with pytest.raises(ValidationError, match="empty"):
        from_csv("")


def test_a_bad_csv_row_names_the_engagement_and_writes_nothing(demo: Tracker) -> None:
    rows = from_csv(to_csv(demo.export_document()["engagements"]))
    rows[0]["summary"] = "changed"
    rows[2]["marking"] = "SECRET"
    before = snapshot(demo)

    with pytest.raises(ValidationError) as caught:
        demo.import_flat_rows(rows=rows)

    title = "U.S. Department of Defense negotiations with Anthropic"
    assert caught.value.record == f'engagement #3 "{title}"'
    assert caught.value.field == "marking"
    assert snapshot(demo) == before


# --- progress and cancelling -------------------------------------------------------------


def recorder(stop_at: int | None = None) -> tuple[list[tuple[int, int]], Callable[..., Any]]:
    calls: list[tuple[int, int]] = []

    def on_progress(done: int, total: int) -> bool | None:
        calls.append((done, total))
        if stop_at is not None and done >= stop_at:
            return False
        return None

    return calls, on_progress


def test_progress_is_reported_for_every_engagement(tracker: Tracker) -> None:
    calls, on_progress = recorder()

    result = tracker.import_document(document=demo_document(), on_progress=on_progress)

    assert result == ImportResult(created=4)
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]


@pytest.mark.parametrize("stop_at", [1, 3, 4])
def test_returning_false_cancels_and_writes_nothing(tracker: Tracker, stop_at: int) -> None:
    calls, on_progress = recorder(stop_at)

    with pytest.raises(Cancelled):
        tracker.import_document(document=demo_document(), on_progress=on_progress)

    assert calls[-1] == (stop_at, 4)
    assert tracker.count() == 0
    assert tracker.info().revision == 0
    assert tracker.export_document()["engagements"] == []
    assert tracker.names(kind="vendor") == []
    assert tracker.restriction_catalogue() == []
    assert tracker.check().ok


def test_cancelling_a_reimport_keeps_the_old_values(demo: Tracker) -> None:
    doc = demo_document()
    for obj in doc["engagements"]:
        obj["owner"] = "Changed"
    before = snapshot(demo)
    _, on_progress = recorder(2)

    with pytest.raises(Cancelled):
        demo.import_document(document=doc, on_progress=on_progress)

    assert snapshot(demo) == before


def test_cancelling_a_csv_import_writes_nothing(demo: Tracker) -> None:
    rows = from_csv(to_csv(demo.export_document()["engagements"]))
    for row in rows:
        row["owner"] = "Changed"
    before = snapshot(demo)
    calls, on_progress = recorder(3)

    with pytest.raises(Cancelled):
        demo.import_flat_rows(rows=rows, on_progress=on_progress)

    assert calls == [(1, 4), (2, 4), (3, 4)]
    assert snapshot(demo) == before
