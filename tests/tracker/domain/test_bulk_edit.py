"""``BulkChange.apply``: values set, tags removed then added once (any case), a
restriction's stance set with its note kept or the restriction added at the end."""

from __future__ import annotations

from tracker.domain.bulk_edit import BulkChange, BulkStep, differences
from tracker.domain.model import EngagementData, RestrictionStance
from tracker.domain.vocab import Stance, Status

BASE = EngagementData(
    title="Talks",
    vendor="V",
    counterpart="C",
    status=Status.EXPLORATORY,
    owner="Desk A",
    tags=("alpha", "Beta"),
    restrictions=(RestrictionStance("a", "A", Stance.PROPOSED, note="kept"),),
)


def test_apply_sets_values_tags_and_stances() -> None:
    change = BulkChange(
        values={"status": Status.PAUSED, "owner": "Desk B"},
        add_tags=("gamma", "ALPHA"),
        remove_tags=("beta",),
        stances=(
            RestrictionStance("a", "A", Stance.REJECTED),
            RestrictionStance("b", "B", Stance.AGREED),
        ),
    )
    after = change.apply(BASE)
    assert (after.status, after.owner) == (Status.PAUSED, "Desk B")
    assert after.tags == ("alpha", "gamma")  # Beta removed, ALPHA already there
    assert after.restrictions == (
        RestrictionStance("a", "A", Stance.REJECTED, note="kept"),
        RestrictionStance("b", "B", Stance.AGREED),
    )
    assert change.apply(after) == after  # applying again changes nothing


def test_differences_word_each_changed_field() -> None:
    after = BulkChange(values={"owner": ""}, add_tags=("x",)).apply(BASE)
    step = BulkStep(1, "Talks", BASE, after)
    assert differences(step) == (
        ("Owner", '"Desk A"', "(none)"),
        ("Tags", "alpha, Beta", "alpha, Beta, x"),
    )
    assert step.reversed.before == after
