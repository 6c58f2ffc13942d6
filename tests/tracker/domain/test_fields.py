"""The field specification agrees with the data model and drives the file formats."""

from __future__ import annotations

import dataclasses
import typing

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

# The interchange format's keys as ../shared/DOMAIN.md ("Interchange format (JSON)")
# documents them, spelled out on purpose: the one place the tests write out the field
# order, so that tracker.domain.fields (which every other list derives from) keeps it.
DOCUMENTED_ORDER = (
    "id",
    "title",
    "vendor",
    "counterpart",
    "region",
    "status",
    "confidence",
    "marking",
    "summary",
    "started",
    "follow_up",
    "next_step",
    "owner",
    "tags",
    "scope_limits",
    "restrictions",
    "clarifications",
    "status_history",
    "sources",
    "concerns",
    "links",  # format version 2 (DOMAIN.md "### Version 2")
)


def child_records() -> dict[str, type]:
    """The fields of EngagementData holding records (``tuple[Record, ...]``), by name."""
    records = {}
    for name, hint in typing.get_type_hints(EngagementData).items():
        args = typing.get_args(hint)
        if typing.get_origin(hint) is tuple and args and dataclasses.is_dataclass(args[0]):
            records[name] = args[0]
    return records


def test_every_data_field_is_specified_once() -> None:
    names = [f.name for f in dataclasses.fields(EngagementData)]
    specified = [f.key for f in fields.ENGAGEMENT_FIELDS]
    assert sorted(specified) == sorted(names)
    assert len(set(specified)) == len(specified)


def test_every_child_column_is_a_field_of_its_record() -> None:
    records = child_records()
    assert {c.key for c in fields.CHILD_KINDS} == set(records)
    for kind in fields.CHILD_KINDS:
        record = records[kind.key]
        assert [c.key for c in kind.columns] == [f.name for f in dataclasses.fields(record)]
        assert fields.FIELDS_BY_KEY[kind.key].kind == "children"


def test_interchange_and_csv_keys_follow_the_specification() -> None:
    assert ("id", *(f.key for f in fields.ENGAGEMENT_FIELDS)) == ENGAGEMENT_KEYS
    assert ENGAGEMENT_KEYS == DOCUMENTED_ORDER
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
    # documented: "Only title, vendor, counterpart and status are required"
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
    # Organisation names are searched through the organisations' words (db.org_words).
    assert "Vendorname" not in body and "Counterpartname" not in body
    assert {"vendor", "counterpart"} <= fields.SEARCHED_KEYS
    for word in ("agreed", "network", "legal"):  # vocabulary words are filters, not text
        assert word not in body.lower(), word
    assert "summary" in fields.SEARCHED_KEYS and "status" not in fields.SEARCHED_KEYS
    assert "clarifications" in fields.SEARCHED_KEYS and "started" not in fields.SEARCHED_KEYS
