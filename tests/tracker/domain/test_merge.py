"""Three-way merge of engagement data: disjoint changes, conflicts, resolve, describe."""

from __future__ import annotations

import dataclasses

import pytest

from tracker.domain.dates import PartialDate, Precision
from tracker.domain.merge import (
    FIELD_LABELS,
    FieldConflict,
    describe,
    field_label,
    resolve,
    three_way_merge,
)
from tracker.domain.model import (
    FIELD_NAMES,
    Clarification,
    Concern,
    EngagementData,
    RestrictionStance,
    ScopeLimit,
    Source,
    StatusEvent,
)
from tracker.domain.vocab import (
    ConcernKind,
    Confidence,
    Region,
    ScopeKind,
    Severity,
    Stance,
    Status,
)

ORIGINAL = EngagementData(
    title="NATO talks with OpenAI",
    vendor="OpenAI",
    counterpart="NATO",
    status=Status.EXPLORATORY,
    region=Region.EUROPE,
    confidence=Confidence.REPORTED,
    marking="UNCLASSIFIED",
    summary="Exploratory talks.",
    started=PartialDate(2026, Precision.MONTH, month=3),
    tags=("multinational",),
    scope_limits=(ScopeLimit(ScopeKind.NETWORK, "Unclassified networks only"),),
)


def edit(data: EngagementData, **changes: object) -> EngagementData:
    return dataclasses.replace(data, **changes)  # type: ignore[arg-type]


def test_no_changes_is_clean_and_unchanged() -> None:
    result = three_way_merge(ORIGINAL, ORIGINAL, ORIGINAL)
    assert result.clean
    assert result.merged == ORIGINAL
    assert result.mine_changed == result.theirs_changed == ()
    assert result.original == ORIGINAL


def test_disjoint_changes_merge_without_conflict() -> None:
    mine = edit(ORIGINAL, title="NATO exploratory talks with OpenAI", tags=("a", "b"))
    theirs = edit(
        ORIGINAL,
        summary="Talks confirmed.",
        confidence=Confidence.CONFIRMED,
        scope_limits=(),
    )
    result = three_way_merge(ORIGINAL, mine, theirs)
    assert result.clean
    assert result.conflicts == ()
    assert result.merged == edit(
        ORIGINAL,
        title="NATO exploratory talks with OpenAI",
        tags=("a", "b"),
        summary="Talks confirmed.",
        confidence=Confidence.CONFIRMED,
        scope_limits=(),
    )
    assert result.mine_changed == ("title", "tags")
    assert result.theirs_changed == ("confidence", "summary", "scope_limits")
    assert result.merged_from_theirs == ("confidence", "summary", "scope_limits")
    assert resolve(result, {}) == result.merged


def test_same_field_changed_differently_is_a_conflict() -> None:
    mine = edit(ORIGINAL, summary="Mine.", owner="Europe desk")
    theirs = edit(ORIGINAL, summary="Theirs.", status=Status.NEGOTIATING)
    result = three_way_merge(ORIGINAL, mine, theirs)
    assert not result.clean
    assert result.conflicts == (
        FieldConflict(
            field="summary", original="Exploratory talks.", mine="Mine.", theirs="Theirs."
        ),
    )
    assert result.conflict_fields == ("summary",)
    # Non-conflicting changes of both sides are in; the conflict holds mine for now.
    assert result.merged.owner == "Europe desk"
    assert result.merged.status is Status.NEGOTIATING
    assert result.merged.summary == "Mine."
    assert result.merged_from_theirs == ("status",)


def test_child_lists_conflict_as_a_whole() -> None:
    mine = edit(
        ORIGINAL,
        scope_limits=(*ORIGINAL.scope_limits, ScopeLimit(ScopeKind.DATA, "No personal data")),
    )
    theirs = edit(
        ORIGINAL, scope_limits=(*ORIGINAL.scope_limits, ScopeLimit(ScopeKind.HOSTING, "EU hosting"))
    )
    result = three_way_merge(ORIGINAL, mine, theirs)
    assert result.conflict_fields == ("scope_limits",)
    assert result.conflicts[0].mine == mine.scope_limits
    assert result.conflicts[0].theirs == theirs.scope_limits


def test_identical_change_is_not_a_conflict() -> None:
    mine = edit(ORIGINAL, summary="Same.", status=Status.AGREED, tags=())
    theirs = edit(ORIGINAL, summary="Same.", status=Status.AGREED, tags=())
    result = three_way_merge(ORIGINAL, mine, theirs)
    assert result.clean
    assert result.merged == mine
    assert result.mine_changed == result.theirs_changed == ("status", "summary", "tags")


def test_setting_versus_clearing_a_field_is_a_conflict() -> None:
    # Theirs cleared the region, mine set another: both changed it, differently.
    result = three_way_merge(
        ORIGINAL, edit(ORIGINAL, region=Region.GLOBAL), edit(ORIGINAL, region=None)
    )
    assert result.conflicts == (FieldConflict("region", Region.EUROPE, Region.GLOBAL, None),)


def test_resolve_picks_per_field() -> None:
    mine = edit(ORIGINAL, summary="Mine.", title="My title", vendor="OpenAI Inc.")
    theirs = edit(ORIGINAL, summary="Theirs.", title="Their title", marking="PUBLIC")
    result = three_way_merge(ORIGINAL, mine, theirs)
    assert result.conflict_fields == ("title", "summary")
    out = resolve(result, {"title": "theirs", "summary": "mine"})
    assert out == edit(
        ORIGINAL, title="Their title", summary="Mine.", vendor="OpenAI Inc.", marking="PUBLIC"
    )
    assert resolve(result, {"title": "mine", "summary": "mine"}).title == "My title"
    assert resolve(result, {"title": "theirs", "summary": "theirs"}).summary == "Theirs."


def test_resolve_refuses_missing_unknown_and_bad_choices() -> None:
    result = three_way_merge(
        ORIGINAL, edit(ORIGINAL, summary="Mine."), edit(ORIGINAL, summary="Theirs.")
    )
    with pytest.raises(ValueError, match="summary"):
        resolve(result, {})
    with pytest.raises(ValueError, match="not in conflict: title"):
        resolve(result, {"summary": "mine", "title": "mine"})
    with pytest.raises(ValueError, match="must be"):
        resolve(result, {"summary": "both"})  # type: ignore[dict-item]


def test_describe_scalars_vocab_and_dates() -> None:
    data = edit(
        ORIGINAL,
        status=Status.BROKEN_DOWN,
        follow_up=PartialDate(2026, Precision.QUARTER, quarter=2),
        region=None,
        tags=("multinational", "europe-expansion"),
    )
    assert describe(data, "title") == "NATO talks with OpenAI"
    assert describe(data, "status") == "Broken down"
    assert describe(data, "region") == ""
    assert describe(data, "confidence") == "Reported"
    assert describe(data, "started") == "Mar 2026"
    assert describe(data, "follow_up") == "Q2 2026"
    assert describe(data, "next_step") == ""
    assert describe(data, "tags") == "multinational, europe-expansion"
    approx = edit(data, started=PartialDate(2025, Precision.YEAR, approximate=True))
    assert describe(approx, "started") == "c. 2025"
    with pytest.raises(ValueError, match="unknown field"):
        describe(data, "nonsense")


def test_describe_children_one_item_per_line() -> None:
    data = edit(
        ORIGINAL,
        scope_limits=(
            ScopeLimit(ScopeKind.NETWORK, "Unclassified networks only"),
            ScopeLimit(ScopeKind.PERSONNEL, "Cleared personnel"),
        ),
        restrictions=(
            RestrictionStance(
                "no-mass-domestic-surveillance",
                "No mass domestic surveillance",
                Stance.AGREED,
                "in the contract",
            ),
            RestrictionStance(
                "no-fully-autonomous-weapons", "No fully autonomous weapons", Stance.DISPUTED
            ),
        ),
        status_history=(
            StatusEvent(Status.EXPLORATORY, PartialDate(2025, Precision.YEAR, approximate=True)),
            StatusEvent(
                Status.AGREED, PartialDate(2026, Precision.DAY, month=2, day=27), note="Closed"
            ),
            StatusEvent(Status.ACTIVE),
        ),
        concerns=(Concern(ConcernKind.DATA_SOVEREIGNTY, "EU data rules", Severity.HIGH),),
        sources=(
            Source(
                "Example News",
                "Talks reported",
                "https://example.org/a",
                PartialDate(2026, Precision.MONTH, month=3),
            ),
        ),
        clarifications=(
            Clarification(
                original_by="CEO",
                original="across NATO",
                clarified_by="Spokesperson",
                clarified_on=PartialDate(2026, Precision.MONTH, month=3),
                clarification="unclassified only",
            ),
        ),
    )
    assert describe(data, "scope_limits") == (
        "Network: Unclassified networks only\nPersonnel: Cleared personnel"
    )
    assert describe(data, "restrictions").splitlines() == [
        "No mass domestic surveillance: Agreed — in the contract",
        "No fully autonomous weapons: Disputed",
    ]
    assert describe(data, "status_history").splitlines() == [
        "c. 2025: Exploratory",
        "27 Feb 2026: Agreed — Closed",
        "Date unknown: Active",  # the presenter's word for a missing date
    ]
    assert describe(data, "concerns") == "Data sovereignty (High): EU data rules"
    assert describe(data, "sources") == (
        "Example News, “Talks reported”, Mar 2026, https://example.org/a"
    )
    assert describe(data, "clarifications") == (
        "CEO: “across NATO” → Spokesperson, Mar 2026: “unclassified only”"
    )
    assert describe(edit(data, concerns=()), "concerns") == ""


def test_every_field_has_a_label_and_a_description() -> None:
    assert set(FIELD_LABELS) == set(FIELD_NAMES)
    assert field_label("follow_up") == "Follow-up"
    for name in FIELD_NAMES:
        # Something to read exactly where ORIGINAL has a value; "" where it has none.
        assert (describe(ORIGINAL, name) != "") == bool(getattr(ORIGINAL, name)), name
    with pytest.raises(ValueError):
        field_label("nonsense")
