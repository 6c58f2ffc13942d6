"""The review of an import (``Tracker.review_import`` / ``review_flat_rows``): what it
would create, update field by field, leave and refuse; it writes nothing, and an import
confirmed with its token refuses to write over a database changed since."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import pytest

from tracker.domain.change_words import ChangeRow, word
from tracker.domain.flatfile import from_csv, to_csv
from tracker.domain.import_review import FieldChange, ReviewOutdated
from tracker.domain.interchange import data_to_json
from tracker.domain.model import FIELD_NAMES
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


def every_field_changed(item: dict[str, Any]) -> None:
    """``item`` (the NATO demo engagement) with every field of it changed."""
    item.update(
        title="NATO talks with OpenAI, second round",
        vendor="Mistral AI",
        counterpart="NATO Communications and Information Agency",
        region="Global",
        status="negotiating",  # the import adds its dated status event
        confidence="confirmed",
        marking="PUBLIC",
        summary=item["summary"] + "\nNow confirmed.",
        started="~2026-02",
        follow_up=None,
        next_step="",
        owner="Brussels desk",
        tags=["unclassified", "reviewed"],
    )
    item["scope_limits"][0]["text"] = "Unclassified networks, and their backups"
    item["restrictions"][0]["stance"] = "agreed"
    item["clarifications"] = []
    item["sources"].append({"outlet": "Wire", "title": "Confirmed", "url": "", "published": None})
    item["concerns"].reverse()
    item["links"][0]["note"] = "the same vendor"


def test_each_review_line_is_what_the_import_then_records(demo: Tracker) -> None:
    """Updated (every field), unchanged (keys in another order, text the import
    normalises), new and refused records: the review says what the import does, and
    words each update as the audit trail the import writes is worded, whose texts are
    the fields of the whole engagement's interchange object before and after."""
    document = copy.deepcopy(demo.export_document())
    items = {e["id"]: e for e in document["engagements"]}
    every_field_changed(items[NATO])
    dod = items["demo-dod-openai"]
    items["demo-dod-openai"] = dict(reversed(list(dod.items())))  # the same, keys reversed
    gov = items["demo-openai-for-government"]
    gov["vendor"] = f"  {gov['vendor']} "  # stripped as on import
    gov["tags"] = [*gov["tags"], gov["tags"][0]]  # a tag twice is once
    items["demo-dod-anthropic"]["owner"] = 7  # refused
    new = {"title": "New pilot", "vendor": "Mistral AI", "counterpart": "X", "status": "active"}
    document["engagements"] = [*items.values(), new]
    before = demo.get(engagement_id=NATO)

    review = demo.review_import(document=document)

    refused = items["demo-dod-anthropic"]["title"]
    assert [(r.record, r.field) for r in review.refused] == [
        (f'engagement #3 "{refused}"', "owner")
    ]
    assert review.created == ("New pilot",)
    assert set(review.unchanged) == {items[u]["title"] for u in (dod["id"], gov["id"])}
    del document["engagements"][2]  # the refused record left out, the rest imported
    accepted = demo.review_import(document=document)
    assert (accepted.created, accepted.updated, accepted.unchanged) == (
        review.created,
        review.updated,
        review.unchanged,
    )
    result = demo.import_document(document=document, reviewed=accepted.token)
    assert (result.created, result.updated, result.unchanged) == (1, 1, 2)

    after = demo.get(engagement_id=NATO)
    entries = [e for e in reversed(demo.history(engagement_id=NATO)) if e.version == after.version]
    whole_before, whole_after = data_to_json(before.data), data_to_json(after.data)
    assert [(e.field, e.old, e.new) for e in entries] == [
        (name, audit_text(whole_before[name]), audit_text(whole_after[name]))
        for name in FIELD_NAMES
        if whole_before[name] != whole_after[name]
    ]
    assert len(entries) == len(FIELD_NAMES)  # every field changed
    worded = [word(ChangeRow.of_entry(e, uid=NATO, title=after.data.title)) for e in entries]
    assert review.updated[0].changes == tuple(
        FieldChange(w.label, w.old, w.new, tuple(i.text() for i in w.items)) for w in worded
    )


def audit_text(value: object) -> str | None:
    """A field's interchange value as an audit entry holds it (JSON for a list)."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
