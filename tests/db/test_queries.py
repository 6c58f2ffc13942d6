"""db.queries.where_clauses: a WHERE condition for every filter that is set, none for the rest."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from db.queries import where_clauses
from tracker.domain.dates import PartialDate, Precision
from tracker.domain.model import Filters
from tracker.domain.vocab import Confidence, Region, Stance, Status

# A restricting value for each filter of Filters but ``trash`` (which picks the view and
# always gives the first condition). No ids at all is a filter too: it matches nothing.
RESTRICTING = {
    "statuses": (Status.AGREED,),
    "regions": (Region.EUROPE,),
    "vendor": "OpenAI",
    "counterpart": "NATO",
    "organisation": "NATO",
    "restriction": "no-mass-domestic-surveillance",
    "stance": Stance.AGREED,
    "confidences": (Confidence.REPORTED,),
    "markings": ("PUBLIC",),
    "tag": "defence",
    "owner": "Defence desk",
    "started_from": PartialDate(2025, Precision.YEAR),
    "started_to": PartialDate(2026, Precision.QUARTER, quarter=2),
    "due_from": datetime.date(2026, 6, 1),
    "due_by": datetime.date(2026, 6, 30),
    "stale_before": datetime.date(2026, 3, 1),
    "search": "nato",
    "linked_to": 3,
    "ids": (),
}


def test_every_filter_has_a_restricting_value_here() -> None:
    assert set(RESTRICTING) | {"trash"} == {f.name for f in dataclasses.fields(Filters)}


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
@pytest.mark.parametrize("name", sorted(RESTRICTING))
def test_a_set_filter_adds_one_condition(name: str, dialect: str) -> None:
    assert len(where_clauses(Filters(**{name: RESTRICTING[name]}), dialect)) == 2


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(trash=True),
        Filters(statuses=(), markings=()),
        Filters(vendor="", counterpart="", restriction="", tag="", owner="  "),
        Filters(search=""),
        Filters(search="   "),
    ],
)
def test_an_empty_filter_adds_no_condition(filters: Filters) -> None:
    assert len(where_clauses(filters, "sqlite")) == 1


def sql(filters: Filters) -> str:
    """The WHERE condition of ``filters``' one filter, as SQL with the values written in."""
    condition = where_clauses(filters, "sqlite")[1]
    return str(condition.compile(compile_kwargs={"literal_binds": True}))


def test_no_region_set_is_a_null_region_or_one_of_the_chosen() -> None:
    assert sql(Filters(regions=(None,))) == "engagement.region IS NULL"
    assert sql(Filters(regions=(Region.EUROPE, None))) == (
        "engagement.region IN ('Europe') OR engagement.region IS NULL"
    )
    assert sql(Filters(regions=(Region.EUROPE, Region.GLOBAL))) == (
        "engagement.region IN ('Europe', 'Global')"
    )


def test_a_follow_up_falls_due_on_the_last_day_of_its_period() -> None:
    assert sql(Filters(due_by=datetime.date(2026, 6, 30))) == (
        "engagement.follow_up_to <= '2026-06-30'"
    )
    assert sql(Filters(due_from=datetime.date(2026, 6, 1))) == (
        "engagement.follow_up_to >= '2026-06-01'"
    )


def test_stale_is_an_open_status_and_no_change_since_before_the_day() -> None:
    assert sql(Filters(stale_before=datetime.date(2026, 3, 1))) == (
        "engagement.status IN ('exploratory', 'negotiating', 'agreed', 'active', 'paused')"
        " AND engagement.updated_at < '2026-03-01'"
    )
