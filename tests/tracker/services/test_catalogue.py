"""The managed restriction catalogue through ``Tracker``: list with counts, retitle,
describe, merge, aliases on write, and the "restrictions" part of format version 2
(on SQLite, and on PostgreSQL with ``.ci/with-postgres``)."""

from __future__ import annotations

from typing import Any

import pytest

from db.audit import field_text
from tracker.domain.errors import ValidationError
from tracker.domain.interchange import FORMAT
from tracker.domain.model import Filters
from tracker.domain.vocab import Stance
from tracker.services import Tracker

WEAPONS = "No fully autonomous weapons"
SURVEILLANCE = "No mass domestic surveillance"


def _add(service: Tracker, title: str, stances: dict[str, tuple[str, str]]) -> int:
    restrictions = [
        {"code": code, "title": titled, "stance": stance, "note": f"{title} on {code}"}
        for code, (titled, stance) in stances.items()
    ]
    data = {"title": title, "vendor": "OpenAI", "counterpart": "NATO", "status": "negotiating"}
    return service.create(data={**data, "restrictions": restrictions}).engagement.id


@pytest.fixture
def built(tracker: Tracker) -> dict[str, int]:
    """Three engagements on "weapons", two on "autonomy" (the same red line typed by
    another desk), one of them with both; one more in the trash."""
    ids = {
        "one": _add(tracker, "One", {"weapons": (WEAPONS, "agreed")}),
        "two": _add(
            tracker, "Two", {"weapons": (WEAPONS, "agreed"), "autonomy": (WEAPONS, "disputed")}
        ),
        "three": _add(tracker, "Three", {"autonomy": (WEAPONS, "proposed")}),
        "four": _add(tracker, "Four", {"surveillance": (SURVEILLANCE, "rejected")}),
        "gone": _add(tracker, "Gone", {"weapons": (WEAPONS, "rejected")}),
    }
    tracker.delete(engagement_id=ids["gone"])
    return ids


def _stances(service: Tracker, eid: int) -> list[tuple[str, str, Stance]]:
    return [(r.code, r.title, r.stance) for r in service.get(engagement_id=eid).data.restrictions]


def test_the_list_counts_the_engagements_not_in_the_trash(
    tracker: Tracker, built: dict[str, int]
) -> None:
    listed = {e.code: (e.title, e.engagements, e.aliases) for e in tracker.catalogue()}
    assert listed == {
        "autonomy": (WEAPONS, 2, ()),
        "surveillance": (SURVEILLANCE, 1, ()),
        "weapons": (WEAPONS, 2, ()),
    }


def test_a_retitle_shows_everywhere_and_is_audited_per_engagement(
    tracker: Tracker, built: dict[str, int]
) -> None:
    changes = tracker.retitle_restriction(code="weapons", title="No lethal autonomy")
    # The trashed engagement carries it too: it reads the new title when restored.
    assert changes.engagements == {built["one"], built["two"], built["gone"]}
    assert changes.fields == {"restrictions"} and changes.catalogue
    assert _stances(tracker, built["one"]) == [("weapons", "No lethal autonomy", Stance.AGREED)]
    assert tracker.rows(ids=[built["one"]])  # the table's rows read as before
    latest = tracker.history(engagement_id=built["two"])[0]
    assert (latest.action, latest.field, latest.version) == ("retitle", "restrictions", 2)
    assert WEAPONS in (latest.old or "") and "No lethal autonomy" in (latest.new or "")
    # Written as every other entry of the field is.
    assert latest.new == field_text(tracker.get(engagement_id=built["two"]).data, "restrictions")
    # Search finds the new words, not the old ones, and the trail replays clean.
    assert set(tracker.list_ids(filters=Filters(search="lethal autonomy"))) == {
        built["one"],
        built["two"],
    }
    # "One" read the old title only through "weapons"; "Two" and "Three" keep it on
    # "autonomy", titled alike.
    assert set(tracker.list_ids(filters=Filters(search="fully autonomous"))) == {
        built["two"],
        built["three"],
    }
    assert tracker.check().ok
    # The same title again writes nothing.
    assert tracker.retitle_restriction(code="weapons", title="No lethal autonomy").empty


def test_describe_sets_the_description_without_new_versions(
    tracker: Tracker, built: dict[str, int]
) -> None:
    tracker.describe_restriction(code="weapons", description="Humans decide on force.\nAlways.")
    entry = next(e for e in tracker.catalogue() if e.code == "weapons")
    assert entry.description == "Humans decide on force.\nAlways."
    assert tracker.get(engagement_id=built["one"]).version == 1


def test_a_merge_keeps_every_stance_and_the_more_restrictive_of_two(
    tracker: Tracker, built: dict[str, int]
) -> None:
    preview = tracker.merge_preview(source="autonomy", target="weapons")
    assert (preview.moved, preview.both, preview.in_trash, preview.affected) == (1, 1, 0, 2)
    changes = tracker.merge_restrictions(source="autonomy", target="weapons")
    assert changes.engagements == {built["two"], built["three"]}
    assert _stances(tracker, built["three"]) == [("weapons", WEAPONS, Stance.PROPOSED)]
    # "Two" had agreed on weapons and disputed autonomy: disputed is more restrictive.
    (two,) = tracker.get(engagement_id=built["two"]).data.restrictions
    assert (two.code, two.stance) == ("weapons", Stance.DISPUTED)
    assert "the more restrictive stance, disputed, kept" in two.note
    assert "Two on autonomy" in two.note and "Two on weapons" in two.note
    listed = {e.code: (e.engagements, e.aliases) for e in tracker.catalogue()}
    assert listed == {"surveillance": (1, ()), "weapons": (3, ("autonomy",))}
    assert tracker.history(engagement_id=built["three"])[0].action == "merge"
    assert tracker.check().ok


def test_an_engagement_naming_an_alias_is_stored_under_the_main_code(
    tracker: Tracker, built: dict[str, int]
) -> None:
    tracker.merge_restrictions(source="autonomy", target="weapons")
    eid = _add(tracker, "Late desk", {"autonomy": ("Old words", "rejected")})
    assert _stances(tracker, eid) == [("weapons", WEAPONS, Stance.REJECTED)]
    # An import of a file naming the alias, both new and as an update, in bulk too.
    document = {
        "format": FORMAT,
        "engagements": [
            {
                "id": f"desk-{n}",
                "title": f"Desk {n}",
                "vendor": "Mistral",
                "counterpart": "NCIA",
                "status": "negotiating",
                "restrictions": [
                    {"code": "autonomy", "stance": "agreed"},
                    {"code": "weapons", "stance": "rejected"},
                ],
            }
            for n in range(3)
        ],
    }
    assert tracker.import_document(document=document).created == 3
    (merged,) = tracker.get(engagement_id="desk-0").data.restrictions
    assert (merged.code, merged.stance) == ("weapons", Stance.REJECTED)
    assert tracker.check().ok


@pytest.mark.parametrize(
    ("call", "kwargs", "line"),
    [
        ("retitle_restriction", {"code": "weapons", "title": "  "}, 'restriction "weapons", title'),
        ("retitle_restriction", {"code": "nope", "title": "X"}, 'restriction "nope", code'),
        ("merge_restrictions", {"source": "weapons", "target": "weapons"}, "into itself"),
        ("merge_restrictions", {"source": "nope", "target": "weapons"}, 'restriction "nope", from'),
        ("merge_restrictions", {"source": "weapons", "target": "nope"}, 'restriction "nope", into'),
        ("describe_restriction", {"code": "nope", "description": "x"}, 'restriction "nope"'),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(
    tracker: Tracker, built: dict[str, int], call: str, kwargs: dict[str, str], line: str
) -> None:
    before = tracker.catalogue()
    with pytest.raises(ValidationError) as refused:
        getattr(tracker, call)(**kwargs)
    assert line in str(refused.value) and "\n" not in str(refused.value)
    assert tracker.catalogue() == before


def _v2(restrictions: list[dict[str, Any]]) -> dict[str, Any]:
    return {"format": FORMAT, "restrictions": restrictions, "engagements": []}


def test_export_writes_the_catalogue_and_import_updates_it_by_code_or_alias(
    tracker: Tracker, built: dict[str, int]
) -> None:
    tracker.merge_restrictions(source="autonomy", target="weapons")
    tracker.describe_restriction(code="weapons", description="Force stays human.")
    exported = tracker.export_document()
    assert exported["restrictions"][-1] == {
        "code": "weapons",
        "title": WEAPONS,
        "description": "Force stays human.",
        "aliases": ["autonomy"],
    }
    # Another desk's file names the restriction by its alias, retitles it and adds an
    # alias; it brings a new restriction too. Nothing is deleted.
    tracker.import_document(
        document=_v2(
            [
                {"code": "autonomy", "title": "No autonomous weapons", "aliases": ["law"]},
                {"code": "audit", "title": "Audit access", "description": "Books open."},
            ]
        )
    )
    listed = {e.code: (e.title, e.description, e.aliases) for e in tracker.catalogue()}
    assert listed == {
        "audit": ("Audit access", "Books open.", ()),
        "surveillance": (SURVEILLANCE, "", ()),
        "weapons": ("No autonomous weapons", "Force stays human.", ("autonomy", "law")),
    }
    assert _stances(tracker, built["one"])[0][1] == "No autonomous weapons"
    assert tracker.check().ok


@pytest.mark.parametrize(
    ("restrictions", "line"),
    [
        ([{"code": "", "title": "x"}], "restriction #1, code: must not be empty"),
        ([{"code": "x", "title": " "}], 'restriction #1 "x", title: must not be empty'),
        ([{"code": "x", "aliases": "y"}], 'restriction #1 "x", aliases: must be a list'),
        ([{"code": "x", "colour": "red"}], "restriction #1, colour"),
        ([{"code": "x"}, {"code": "y", "aliases": ["x"]}], 'restriction #2 "y", aliases'),
        # Two restrictions stored apart named as one: a merge, refused on import.
        ([{"code": "weapons", "aliases": ["surveillance"]}], 'restriction #1 "weapons", aliases'),
    ],
)
def test_a_bad_catalogue_part_names_record_and_field_and_writes_nothing(
    tracker: Tracker, built: dict[str, int], restrictions: list[dict[str, Any]], line: str
) -> None:
    before = tracker.catalogue()
    # A good entry after the bad one: it is not written either.
    document = _v2([*restrictions, {"code": "new-one", "title": "New"}])
    with pytest.raises(ValidationError) as refused:
        tracker.import_document(document=document)
    assert line in str(refused.value)
    assert tracker.catalogue() == before
