"""The presenter: which facts and sections, in which order, under which labels, in which words."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tracker.domain.dates import PartialDate, Precision
from tracker.domain.fields import CHILD_KINDS, FLAT_FIELDS, REQUIRED_KEYS, label
from tracker.domain.languages import Language
from tracker.domain.model import (
    Clarification,
    Concern,
    Engagement,
    EngagementData,
    EngagementLink,
    LinkEnd,
    RestrictionStance,
    ScopeLimit,
    Source,
    StatusEvent,
)
from tracker.domain.presenter import (
    EMPTY_SECTIONS,
    FACT_KEYS,
    MISSING_DATE,
    NOT_RECORDED,
    SECTION_KEYS,
    UNTITLED,
    UNTITLED_SOURCE,
    ClarificationItem,
    ConcernItem,
    Passage,
    RestrictionItem,
    ScopeItem,
    SourceItem,
    Statement,
    TimelineItem,
    present,
    present_data,
    timestamp,
)
from tracker.domain.vocab import ConcernKind, LinkKind, Region, ScopeKind, Severity, Stance, Status

FR = Language.FR

MARCH = PartialDate(2026, Precision.MONTH, month=3)

FULL = EngagementData(
    title="Talks",
    vendor="OpenAI",
    counterpart="NATO",
    status=Status.EXPLORATORY,
    region=Region.EUROPE,
    marking="PUBLIC",
    summary="First paragraph,\nsecond line.\r\n\r\n  Second paragraph.  \n",
    started=MARCH,
    tags=("a", "b"),
    scope_limits=(
        ScopeLimit(ScopeKind.NETWORK, "Unclassified only"),
        ScopeLimit(ScopeKind.USE, " "),
    ),
    restrictions=(
        RestrictionStance("no-x", "No X", Stance.AGREED, "in the contract"),
        RestrictionStance("no-y", "", Stance.DISPUTED),
    ),
    clarifications=(
        Clarification("CEO", MARCH, "across NATO", "Spokesperson", None, "unclassified only", "AP"),
    ),
    status_history=(
        StatusEvent(Status.EXPLORATORY, MARCH, "reported", "Press"),
        StatusEvent(Status.NEGOTIATING),
    ),
    sources=(Source("News", "Talks reported", "https://example.org/a", MARCH), Source(url="x")),
    concerns=(
        Concern(ConcernKind.LEGAL, "EU rules", Severity.HIGH),
        Concern(ConcernKind.OTHER, "vague"),
    ),
    links=(EngagementLink("other-uid", LinkKind.SUPERSEDES, MARCH, "the new terms"),),
)


def test_every_flat_field_is_a_fact_or_heads_or_is_a_section() -> None:
    shown = set(FACT_KEYS) | {"title", "summary"}
    assert shown == {f.key for f in FLAT_FIELDS}
    assert set(SECTION_KEYS) == {"summary"} | {c.key for c in CHILD_KINDS}
    assert len(set(FACT_KEYS)) == len(FACT_KEYS)


def test_facts_in_order_with_the_field_labels() -> None:
    p = present_data(FULL, number=3, uid="u-3", updated_at="2026-03-01T10:00:00Z")
    assert [f.key for f in p.facts] == list(FACT_KEYS)
    assert [f.label for f in p.facts] == [label(k) for k in FACT_KEYS]
    facts = {f.key: f for f in p.facts}
    assert facts["status"].value == "Exploratory" and facts["status"].status is Status.EXPLORATORY
    assert facts["region"].value == "Europe"
    assert facts["started"].value == "Mar 2026"
    assert facts["tags"].value == "a, b" and facts["tags"].words == ("a", "b")
    for key in ("confidence", "follow_up", "next_step", "owner"):
        assert (facts[key].value, facts[key].recorded) == (NOT_RECORDED, False), key
    assert p.title == "Talks" and p.reference == "#3"


def test_sections_in_order_empty_ones_named_apart() -> None:
    p = present_data(FULL, number=3, uid="u", updated_at="")
    assert [s.key for s in p.sections] == list(SECTION_KEYS)
    assert [s.heading for s in p.sections] == [label(k) for k in SECTION_KEYS]
    assert p.empty_sections == () and p.empty_note == ""

    bare = EngagementData(title=" ", vendor="V", counterpart="C", status=Status.ACTIVE)
    p = present_data(bare, number=1, uid="u", updated_at="")
    assert p.sections == ()
    assert p.empty_sections == tuple(label(k) for k in SECTION_KEYS)
    assert p.empty_note == f"{EMPTY_SECTIONS}: " + ", ".join(label(k) for k in SECTION_KEYS)
    assert p.title == UNTITLED
    # only the required fields were given: every other fact is not recorded
    assert {f.key for f in p.facts if not f.recorded} == set(FACT_KEYS) - set(REQUIRED_KEYS)


def test_items_are_worded_once() -> None:
    sections = {
        s.key: s.items for s in present_data(FULL, number=1, uid="u", updated_at="").sections
    }
    assert sections["summary"] == (
        Passage(("First paragraph,\nsecond line.", "Second paragraph.")),
    )
    assert sections["scope_limits"] == (
        ScopeItem("Network", "Unclassified only"),
        ScopeItem("Use", NOT_RECORDED),
    )
    assert sections["restrictions"] == (
        RestrictionItem("No X", "no-x", "Agreed", "in the contract"),
        RestrictionItem("no-y", "no-y", "Disputed", ""),  # untitled: named by its code
    )
    assert sections["clarifications"] == (
        ClarificationItem(
            Statement("Originally said", "across NATO", "CEO, Mar 2026"),
            Statement("→ Clarified", "unclassified only", "Spokesperson"),
            "Source: AP",
        ),
    )
    assert sections["status_history"] == (
        TimelineItem("Mar 2026", Status.EXPLORATORY, "Exploratory", "reported", "Source: Press"),
        TimelineItem(MISSING_DATE, Status.NEGOTIATING, "Negotiating", "", ""),
    )
    assert sections["concerns"] == (
        ConcernItem("Legal", "High severity", "EU rules"),
        ConcernItem("Other", "", "vague"),
    )
    first, second = sections["sources"]
    assert first == SourceItem(1, "News", "“Talks reported”", "Mar 2026", "https://example.org/a")
    assert first.citation == "News, “Talks reported”, Mar 2026"
    assert second == SourceItem(2, "", UNTITLED_SOURCE, "", "x")
    assert second.citation == UNTITLED_SOURCE
    # Without the other ends read, a link names its other end by its stable id.
    (link,) = sections["links"]
    assert (link.relation, link.other, link.details) == (
        "Supersedes",
        "other-uid",
        "Mar 2026 — the new terms",
    )


def test_links_read_from_both_ends() -> None:
    ends = (
        LinkEnd(LinkKind.SUPERSEDES, False, 4, "u-4", "Old agreement", MARCH, "new terms"),
        LinkEnd(LinkKind.PART_OF, True, 9, "u-9", "A deal", deleted=True),
        LinkEnd(LinkKind.ALTERNATIVE_TO, True, 2, "u-2", "Other vendor"),
        LinkEnd(LinkKind.FOLLOWS, True, 5, "u-5", "Next round"),
    )
    p = present_data(FULL, number=1, uid="u", updated_at="", links=ends)
    items = {s.key: s.items for s in p.sections}["links"]
    assert [(i.relation, i.other, i.details) for i in items] == [
        ("Supersedes", "#4 Old agreement", "Mar 2026 — new terms"),
        ("Has part", "#9 A deal", "in the trash"),
        ("Alternative to", "#2 Other vendor", ""),
        ("Followed by", "#5 Next round", ""),
    ]
    french = present_data(FULL, number=1, uid="u", updated_at="", links=ends, language=FR)
    words = [i.relation for i in {s.key: s.items for s in french.sections}["links"]]
    assert words == ["Remplace", "Comprend", "Alternative à", "Suivi de"]


def test_record_of_a_stored_engagement() -> None:
    engagement = Engagement(
        id=7,
        uid="u-7",
        version=4,
        data=FULL,
        created_at="2026-01-02T03:04:05.678901Z",
        updated_at="2026-02-03T04:05:06+01:00",
    )
    p = present(engagement)
    assert [(f.label, f.value) for f in p.record] == [
        ("Number", "7"),
        ("Id", "u-7"),
        ("Version", "4"),
        ("Created", "2026-01-02 03:04 UTC"),
        ("Last change", "2026-02-03 03:05 UTC"),
    ]
    assert p.trashed is None
    deleted = present(replace(engagement, deleted_at="2026-02-04T00:00:00Z"))
    assert deleted.trashed is not None
    assert (deleted.trashed.label, deleted.trashed.value) == (
        "In the trash since",
        "2026-02-04 00:00 UTC",
    )


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("2026-02-27T10:15:03.123456Z", "2026-02-27 10:15 UTC"),
        ("2026-02-27T10:15:03+02:00", "2026-02-27 08:15 UTC"),
        ("2026-02-27 10:15", "2026-02-27 10:15 UTC"),
        ("not a timestamp", "not a timestamp"),
        ("  ", NOT_RECORDED),
    ],
)
def test_timestamps(text: str, shown: str) -> None:
    assert timestamp(text) == shown
