"""The field specification agrees with the data model and drives the file formats."""

from __future__ import annotations

import dataclasses

from tracker.domain import fields
from tracker.domain.flatfile import FLAT_FIELDS
from tracker.domain.interchange import ENGAGEMENT_KEYS, data_to_json
from tracker.domain.model import (
    Clarification,
    Concern,
    EngagementData,
    RestrictionStance,
    ScopeLimit,
    Source,
    StatusEvent,
)
from tracker.domain.search_text import indexed_body
from tracker.domain.vocab import ConcernKind, ScopeKind, Stance, Status

CHILD_TYPES = {
    "scope_limits": ScopeLimit,
    "restrictions": RestrictionStance,
    "clarifications": Clarification,
    "status_history": StatusEvent,
    "sources": Source,
    "concerns": Concern,
}


def test_every_data_field_is_specified_once() -> None:
    names = [f.name for f in dataclasses.fields(EngagementData)]
    specified = [f.key for f in fields.ENGAGEMENT_FIELDS]
    assert sorted(specified) == sorted(names)
    assert len(set(specified)) == len(specified)


def test_every_child_column_is_a_field_of_its_record() -> None:
    assert {c.key for c in fields.CHILD_KINDS} == set(CHILD_TYPES)
    for kind in fields.CHILD_KINDS:
        record = CHILD_TYPES[kind.key]
        assert [c.key for c in kind.columns] == [f.name for f in dataclasses.fields(record)]
        assert fields.FIELDS_BY_KEY[kind.key].kind == "children"


def test_interchange_and_csv_keys_follow_the_specification() -> None:
    assert ("id", *(f.key for f in fields.ENGAGEMENT_FIELDS)) == ENGAGEMENT_KEYS
    assert FLAT_FIELDS[1:] == tuple(f.key for f in fields.FLAT_FIELDS)
    assert "summary" in FLAT_FIELDS and "scope_limits" not in FLAT_FIELDS
    data = EngagementData(
        title="T",
        vendor="V",
        counterpart="C",
        status=Status.AGREED,
        scope_limits=(ScopeLimit(ScopeKind.NETWORK, "x"),),
        restrictions=(RestrictionStance("a", "A", Stance.AGREED),),
        concerns=(Concern(ConcernKind.LEGAL, "y"),),
    )
    written = data_to_json(data, uid="u")
    assert tuple(written) == ENGAGEMENT_KEYS
    for kind in fields.CHILD_KINDS:
        for item in written[kind.key]:
            assert set(item) == kind.keys


def test_required_fields_and_labels() -> None:
    assert fields.REQUIRED_KEYS == ("title", "vendor", "counterpart", "status")
    assert fields.label("follow_up") == "Follow-up"
    assert "tags" in fields.LIST_KEYS and "title" not in fields.LIST_KEYS


def test_the_index_holds_words_of_every_searched_field_and_no_vocabulary() -> None:
    data = EngagementData(
        title="Title words",
        vendor="Vendorname",
        counterpart="Counterpartname",
        status=Status.AGREED,
        summary="Summaryword",
        next_step="Stepword",
        owner="Ownerword",
        tags=("tagword",),
        scope_limits=(ScopeLimit(ScopeKind.NETWORK, "Scopeword"),),
        restrictions=(
            RestrictionStance("codeword", "Restrictiontitle", Stance.AGREED, "Noteword"),
        ),
        clarifications=(Clarification(original="Originalword", clarification="Correctedword"),),
        status_history=(StatusEvent(Status.AGREED, note="Eventword", source="Eventsource"),),
        sources=(Source("Outletword", "Sourcetitle", "https://example.org/urlword"),),
        concerns=(Concern(ConcernKind.LEGAL, "Concernword"),),
    )
    body = indexed_body(data)
    for word in [
        "Vendorname",
        "Counterpartname",
        "Summaryword",
        "Stepword",
        "Ownerword",
        "tagword",
        "Scopeword",
        "codeword",
        "Restrictiontitle",
        "Noteword",
        "Originalword",
        "Correctedword",
        "Eventword",
        "Eventsource",
        "Outletword",
        "Sourcetitle",
        "urlword",
        "Concernword",
    ]:
        assert word in body, word
    assert "Title" not in body  # the title has its own column
    for word in ("agreed", "network", "legal"):  # vocabulary words are filters, not text
        assert word not in body.lower(), word
    assert "summary" in fields.SEARCHED_KEYS and "status" not in fields.SEARCHED_KEYS
    assert "clarifications" in fields.SEARCHED_KEYS and "started" not in fields.SEARCHED_KEYS
