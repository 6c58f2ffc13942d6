"""The review of an import (``Tracker.review_import`` / ``review_flat_rows``): what it
would create, update field by field, leave and refuse; it writes nothing, and an import
confirmed with its token refuses to write over a database changed since."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest

from tracker.domain.flatfile import from_csv, to_csv
from tracker.domain.import_review import FieldChange, ReviewOutdated
from tracker.services import Tracker

NATO = "demo-nato-openai"


@pytest.fixture
def demo(tmp_db_url: str) -> Iterator[Tracker]:
    tracker = Tracker.open(tmp_db_url, user="tester")
    tracker.load_demo()
    yield tracker
    tracker.close()


def edited(tracker: Tracker) -> dict[str, Any]:
    """The demo export with one update, one new engagement and the rest as they are."""
    document = copy.deepcopy(tracker.export_document())
    nato = next(e for e in document["engagements"] if e["id"] == NATO)
    nato["owner"] = "Brussels desk"
    nato["tags"] = [*nato["tags"], "reviewed"]
    document["engagements"].append(
        {"title": "New pilot", "vendor": "Mistral AI", "counterpart": "X", "status": "exploratory"}
    )
    return document


def test_a_review_lists_created_updated_field_by_field_and_unchanged(demo: Tracker) -> None:
    before = demo.export_document()
    review = demo.review_import(document=edited(demo))

    assert review.created == ("New pilot",)
    assert [u.uid for u in review.updated] == [NATO]
    changes = review.updated[0].changes
    old_owner = next(e["owner"] for e in before["engagements"] if e["id"] == NATO)
    assert FieldChange("Owner", old_owner, "Brussels desk") in changes
    assert any(c.label == "Tags" and c.items == ("added tag reviewed",) for c in changes)
    assert len(review.unchanged) == 3 and review.refused == () and review.writable
    assert review.summary() == "1 created, 1 updated, 3 unchanged, 0 refused"
    assert demo.export_document() == before  # nothing written


def test_a_review_finds_every_refusal_and_the_import_writes_none(demo: Tracker) -> None:
    document = edited(demo)
    document["engagements"][0]["marking"] = "SECRET"
    document["engagements"][2]["status"] = "shredded"
    document["engagements"].append(dict(document["engagements"][1]))  # its id twice
    before = demo.export_document()

    review = demo.review_import(document=document)

    assert [(r.field, r.record.split(" ")[1]) for r in review.refused] == [
        ("marking", "#1"),
        ("status", "#3"),
        ("id", "#6"),
    ]
    assert "SECRET" in review.refused[0].text() and not review.writable
    assert review.to_json()["writable"] is False
    with pytest.raises(Exception, match="marking"):
        demo.import_document(document=document)
    assert demo.export_document() == before


def test_a_document_the_import_refuses_whole_is_one_refusal(demo: Tracker) -> None:
    review = demo.review_import(document={"format": "something/9", "engagements": []})
    assert len(review.refused) == 1 and review.created == ()


def test_confirming_with_the_token_writes_what_was_reviewed(demo: Tracker) -> None:
    document = edited(demo)
    review = demo.review_import(document=document)
    result = demo.import_document(document=document, reviewed=review.token)
    assert (result.created, result.updated, result.unchanged) == (1, 1, 3)
    assert demo.get(engagement_id=NATO).data.owner == "Brussels desk"


def test_a_database_changed_since_the_review_is_said_and_nothing_written(demo: Tracker) -> None:
    document = edited(demo)
    review = demo.review_import(document=document)
    nato = demo.get(engagement_id=NATO)
    demo.update(engagement_id=NATO, expected_version=nato.version, changes={"owner": "Other"})
    before = demo.export_document()

    with pytest.raises(ReviewOutdated, match="changed since the import was reviewed"):
        demo.import_document(document=document, reviewed=review.token)
    assert demo.export_document() == before


def test_a_csv_review_keeps_the_children_and_words_the_change(demo: Tracker) -> None:
    rows = from_csv(to_csv(demo.export_document()["engagements"]))
    rows[0]["owner"] = "=HYPERLINK(1)"
    review = demo.review_flat_rows(rows=from_csv(to_csv(rows)))
    assert [c.label for c in review.updated[0].changes] == ["Owner"]
    assert review.updated[0].changes[0].new == "=HYPERLINK(1)"
    result = demo.import_flat_rows(rows=from_csv(to_csv(rows)), reviewed=review.token)
    assert result.updated == 1
