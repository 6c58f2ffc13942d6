"""Organisations as records through the services (SQLite and PostgreSQL: ``tracker``
takes ``tmp_db_url``): aliases found by search and filters, parts by the organisation
filter, merge audited and undone, refusals that write nothing, format version 2."""

from __future__ import annotations

from typing import Any

import pytest

from tracker.domain.errors import NotFoundError, ValidationError
from tracker.domain.model import EngagementData, Filters
from tracker.domain.vocab import OrgKind, Region, Status
from tracker.services import Tracker


def add(tracker: Tracker, title: str, vendor: str, counterpart: str) -> int:
    data = EngagementData(title=title, vendor=vendor, counterpart=counterpart, status=Status.ACTIVE)
    return tracker.create(data=data).engagement.id


@pytest.fixture
def dod(tracker: Tracker) -> Tracker:
    add(tracker, "Frontier AI pilot", "OpenAI", "U.S. Department of Defense")
    add(tracker, "Agentic workflows", "Anthropic", "Chief Digital and AI Office")
    add(tracker, "Alliance cloud", "Google", "NATO")
    tracker.update_organisation(
        name="U.S. Department of Defense",
        changes={"kind": "ministry", "country": "us", "region": "North America"},
    )
    tracker.update_organisation(
        name="Chief Digital and AI Office", changes={"parent": "U.S. Department of Defense"}
    )
    for alias in ("Pentagon", "DoD", "Department of War"):
        tracker.add_alias(name="U.S. Department of Defense", alias=alias)
    return tracker


def titles(tracker: Tracker, filters: Filters) -> list[str]:
    ids = tracker.list_ids(filters=filters)
    return sorted(tracker.get(engagement_id=i).data.title for i in ids)


def test_listing_shows_details_aliases_parts_and_counts(dod: Tracker) -> None:
    found = {o.name: o for o in dod.organisations()}
    defence = found["U.S. Department of Defense"]
    assert defence.details.kind is OrgKind.MINISTRY
    assert defence.details.country == "US"
    assert defence.details.region is Region.NORTH_AMERICA
    assert defence.aliases == ("Pentagon", "DoD", "Department of War")
    assert defence.parts == ("Chief Digital and AI Office",)
    assert defence.engagements == 1
    assert found["Chief Digital and AI Office"].details.parent == "U.S. Department of Defense"


@pytest.mark.parametrize("typed", ["Pentagon", "pent", "department of w", "war", "DoD"])
def test_searching_an_alias_finds_the_engagements(dod: Tracker, typed: str) -> None:
    assert titles(dod, Filters(search=typed)) == ["Frontier AI pilot"]


def test_filtering_by_an_alias_and_by_an_organisation_with_its_parts(dod: Tracker) -> None:
    assert titles(dod, Filters(counterpart="pentagon")) == ["Frontier AI pilot"]
    assert titles(dod, Filters(organisation="DoD")) == ["Agentic workflows", "Frontier AI pilot"]
    assert titles(dod, Filters(organisation="Chief Digital and AI Office")) == ["Agentic workflows"]
    assert dod.count(filters=Filters(organisation="DoD")) == 2


def test_an_engagement_naming_an_alias_is_stored_under_the_organisation(dod: Tracker) -> None:
    eid = add(dod, "Drone swarm study", "Anduril", "Pentagon")
    assert dod.get(engagement_id=eid).data.counterpart == "U.S. Department of Defense"
    dod.import_document(
        document={
            "format": "engagement-tracker/2",
            "engagements": [
                {"title": "Imported", "vendor": "xAI", "counterpart": "dod", "status": "active"}
            ],
        }
    )
    assert titles(dod, Filters(counterpart="U.S. Department of Defense")) == [
        "Drone swarm study",
        "Frontier AI pilot",
        "Imported",
    ]


def test_merge_repoints_audits_keeps_the_alias_and_is_undone(dod: Tracker) -> None:
    eid = add(dod, "Old spelling", "OpenAI", "US DoD")
    before = dod.get(engagement_id=eid)
    done = dod.merge_organisations(source="US DoD", into="Pentagon")
    assert done.changes.engagements == frozenset({eid})
    after = dod.get(engagement_id=eid)
    assert after.data.counterpart == "U.S. Department of Defense"
    assert after.version == before.version + 1
    entry = dod.history(engagement_id=eid)[0]
    assert (entry.field, entry.old, entry.new) == (
        "counterpart",
        "US DoD",
        "U.S. Department of Defense",
    )
    assert "US DoD" in dod.organisation(name="DoD").aliases
    assert titles(dod, Filters(search="us dod")) == ["Frontier AI pilot", "Old spelling"]
    assert dod.check().ok
    dod.unmerge_organisation(merged=done.merged)
    assert dod.get(engagement_id=eid).data.counterpart == "US DoD"
    assert "US DoD" not in dod.organisation(name="DoD").aliases
    assert dod.organisation(name="US DoD").engagements == 1
    assert dod.check().ok


def test_merge_moves_parts_and_aliases_and_undo_brings_them_back(dod: Tracker) -> None:
    add(dod, "Other", "Mistral", "Department of Defense (US)")
    dod.update_organisation(
        name="Chief Digital and AI Office", changes={"parent": "Department of Defense (US)"}
    )
    dod.add_alias(name="Department of Defense (US)", alias="DOD-US")
    done = dod.merge_organisations(source="Department of Defense (US)", into="DoD")
    defence = dod.organisation(name="DOD-US")
    assert defence.name == "U.S. Department of Defense"
    assert defence.parts == ("Chief Digital and AI Office",)
    dod.unmerge_organisation(merged=done.merged)
    back = dod.organisation(name="DOD-US")
    assert back.name == "Department of Defense (US)"
    assert back.parts == ("Chief Digital and AI Office",)


def test_undo_of_a_merge_is_refused_when_an_engagement_changed_since(dod: Tracker) -> None:
    eid = add(dod, "Old spelling", "OpenAI", "US DoD")
    done = dod.merge_organisations(source="US DoD", into="DoD")
    current = dod.get(engagement_id=eid)
    dod.update(engagement_id=eid, expected_version=current.version, changes={"owner": "Desk"})
    with pytest.raises(ValidationError, match=f"engagement {eid} was changed since the merge"):
        dod.unmerge_organisation(merged=done.merged)
    assert dod.get(engagement_id=eid).data.counterpart == "U.S. Department of Defense"


def snapshot(tracker: Tracker) -> Any:
    return (tracker.organisations(), [tracker.get(engagement_id=i) for i in tracker.list_ids()])


@pytest.mark.parametrize(
    ("source", "into", "message"),
    [
        ("DoD", "Pentagon", 'organisation "U.S. Department of Defense", into: cannot merge an'),
        ("DoD", "Chief Digital and AI Office", "into one of its own parts"),
    ],
)
def test_merging_into_itself_or_a_part_is_refused_and_writes_nothing(
    dod: Tracker, source: str, into: str, message: str
) -> None:
    before = snapshot(dod)
    with pytest.raises(ValidationError, match=message):
        dod.merge_organisations(source=source, into=into)
    assert snapshot(dod) == before


def test_an_alias_naming_another_organisation_is_refused(dod: Tracker) -> None:
    with pytest.raises(ValidationError, match='organisation "NATO", aliases: "dod" names'):
        dod.add_alias(name="NATO", alias="dod")
    with pytest.raises(NotFoundError, match='no organisation "Nowhere"'):
        dod.add_alias(name="Nowhere", alias="X")
    with pytest.raises(ValidationError, match="country: must be a two-letter"):
        dod.update_organisation(name="NATO", changes={"country": "Belgium"})
    with pytest.raises(ValidationError, match=r"parent: .* one of its parts"):
        dod.update_organisation(name="DoD", changes={"parent": "Chief Digital and AI Office"})


V2 = {
    "format": "engagement-tracker/2",
    "organisations": [
        {"name": "North Atlantic Treaty Organization", "kind": "multinational",
         "country": None, "region": "Europe", "parent": None, "aliases": ["NATO", "OTAN"]},
        {"name": "NATO Communications and Information Agency", "kind": "agency",
         "region": "Europe", "parent": "OTAN", "aliases": ["NCIA"]},
    ],
    "engagements": [
        {"id": "ncia-1", "title": "NCIA cloud", "vendor": "Google", "counterpart": "NCIA",
         "status": "active"},
    ],
}  # fmt: skip


def test_import_updates_organisations_by_alias_and_export_writes_them(dod: Tracker) -> None:
    dod.import_document(document=V2)
    nato = dod.organisation(name="OTAN")
    assert nato.name == "NATO"  # matched by the name stored already; the file's name an alias
    assert "North Atlantic Treaty Organization" in nato.aliases
    assert nato.details.kind is OrgKind.MULTINATIONAL
    assert nato.parts == ("NATO Communications and Information Agency",)
    assert titles(dod, Filters(organisation="NATO")) == ["Alliance cloud", "NCIA cloud"]
    exported = dod.export_document(filters=Filters(search="NCIA cloud"))
    assert [o["name"] for o in exported["organisations"]] == [
        "Google",
        "NATO",
        "NATO Communications and Information Agency",
    ]
    assert exported["organisations"][2]["parent"] == "NATO"


@pytest.mark.parametrize(
    ("organisations", "message"),
    [
        ([{"name": "X", "kind": "castle"}], 'organisation "X", kind: unknown organisation kind'),
        ([{"name": "X", "country": "France"}], 'organisation "X", country'),
        ([{"name": "X", "aliases": ["Y"]}, {"name": "Y"}], 'organisation "Y", name: "Y" names'),
        ([{"name": "NATO", "aliases": ["DoD"]}], 'organisation "NATO", aliases: "DoD" names'),
        ([{"name": "X", "parent": "Nowhere"}], 'organisation "X", parent: no organisation'),
        ([{"name": ""}], "organisation #1, name"),
    ],
)
def test_a_bad_organisation_in_a_file_writes_nothing(
    dod: Tracker, organisations: list[Any], message: str
) -> None:
    before = snapshot(dod)
    document = {**V2, "organisations": organisations}
    with pytest.raises(ValidationError, match=message):
        dod.import_document(document=document)
    assert snapshot(dod) == before


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("pentagon pilot", ["Frontier AI pilot"]),
        ("nato cloud", ["Alliance cloud"]),
        ("google nato", ["Alliance cloud"]),
        ("nato pilot", []),
        ("openai pent", ["Frontier AI pilot"]),
    ],
)
def test_a_search_mixes_organisation_names_and_text(
    dod: Tracker, typed: str, expected: list[str]
) -> None:
    # Each word matches the engagement's text or a name or alias of its vendor or
    # counterpart: the names are no longer in the engagement's index row.
    assert titles(dod, Filters(search=typed)) == expected


def test_after_a_merge_search_finds_the_engagements_by_every_name(dod: Tracker) -> None:
    dod.merge_organisations(source="Chief Digital and AI Office", into="U.S. Department of Defense")
    both = ["Agentic workflows", "Frontier AI pilot"]
    # The merged name is an alias of the organisation both engagements name now.
    assert titles(dod, Filters(search="chief digital")) == both
    assert titles(dod, Filters(search="pentagon")) == both
    assert titles(dod, Filters(search="department defense workflows")) == ["Agentic workflows"]


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("Άθήνα summit", "αθηνα"),
        ("Αθηνα summit", "ΆΘΉΝΑ"),
        ("Ёлка talks", "елка"),
        ("Елка talks", "ёлка"),
        ("Société talks", "societe"),
        ("Societe talks", "SOCIÉTÉ"),
        ("Straße talks", "strasse"),
    ],
)
def test_search_folds_case_and_diacritics_in_every_script(
    tracker: Tracker, stored: str, typed: str
) -> None:
    add(tracker, stored, "Vendor", "Counterpart")
    add(tracker, "Unrelated", "Other", "Somebody")
    assert titles(tracker, Filters(search=typed)) == [stored]


@pytest.mark.parametrize("typed", ["societe generale", "générale", "ΥΠΟΥΡΓΕΙΟ αμυνας"])
def test_organisation_names_fold_alike(tracker: Tracker, typed: str) -> None:
    add(tracker, "Bank pilot", "Société Générale", "Υπουργείο Άμυνας")
    add(tracker, "Unrelated", "Other", "Somebody")
    assert titles(tracker, Filters(search=typed)) == ["Bank pilot"]
