"""The saved views' rules without a database: ``Filters`` as JSON and back (every
field, and the older remembered form), a view's body, a view narrowed by options."""

from __future__ import annotations

import dataclasses
import datetime
import json

import pytest

from tracker.domain.dates import PartialDate
from tracker.domain.errors import ValidationError
from tracker.domain.filter_json import FilterJsonError, filters_from_json, filters_json
from tracker.domain.model import Filters
from tracker.domain.saved_views import (
    ViewBody,
    body_from_json,
    body_json,
    left_out_words,
    narrowed,
    without,
)
from tracker.domain.vocab import Confidence, Region, Stance, Status

EVERY_FILTER = Filters(
    statuses=(Status.ACTIVE, Status.PAUSED),
    regions=(Region.EUROPE, None),
    vendor="OpenAI",
    counterpart="NATO",
    organisation="DoD",
    restriction="NO-SURV",
    stance=Stance.DISPUTED,
    confidences=(Confidence.CONFIRMED,),
    markings=("PUBLIC",),
    tag="pilot",
    owner="Europe desk",
    started_from=PartialDate.from_iso("2025-Q3"),
    started_to=PartialDate.from_iso("2026"),
    due_from=datetime.date(2026, 1, 1),
    due_by=datetime.date(2026, 2, 1),
    stale_before=datetime.date(2025, 12, 1),
    search="model weights",
    linked_to=7,
    ids=(3, 1),
    trash=True,
)


def test_every_filter_goes_to_json_and_back() -> None:
    assert {f.name for f in dataclasses.fields(Filters)} == set(filters_json(EVERY_FILTER))
    text = json.dumps(filters_json(EVERY_FILTER))
    assert filters_from_json(json.loads(text)) == EVERY_FILTER
    assert filters_json(Filters()) == {}
    assert filters_from_json({"ids": []}) == Filters(ids=())  # no ids at all: none chosen


def test_the_older_remembered_form_reads_as_before() -> None:
    older = {"statuses": ["active"], "regions": [], "vendor": None, "stance": None, "tag": ""}
    assert filters_from_json(older) == Filters(statuses=(Status.ACTIVE,))


def test_an_unreadable_filter_names_its_field() -> None:
    with pytest.raises(FilterJsonError, match='filter "due_by": cannot read'):
        filters_from_json({"due_by": "next week"})
    with pytest.raises(FilterJsonError, match='filter "ids"'):
        filters_from_json({"ids": ["1"]})


def test_a_body_goes_to_json_and_back() -> None:
    body = ViewBody(filters=EVERY_FILTER, sort="vendor", descending=True, columns=("title",))
    assert body_from_json(json.loads(json.dumps(body_json(body)))) == body
    with pytest.raises(ValidationError, match="columns"):
        body_from_json({"columns": "title"})


def test_what_is_gone_is_left_out_and_said() -> None:
    filters = Filters(restriction="NO-SURV", stance=Stance.AGREED, markings=("A", "B"), tag="t")
    missing = ["restriction", "tag", "markings:B"]
    assert without(filters, missing) == Filters(markings=("A",))
    assert left_out_words(filters, missing) == (
        "restriction NO-SURV (no longer in the catalogue)",
        "stance agreed (of that restriction)",
        "tag t (no engagement has that tag)",
        "marking B (no longer one of the database's markings)",
    )


def test_options_beside_a_view_narrow_it() -> None:
    view = Filters(
        statuses=(Status.ACTIVE, Status.AGREED),
        vendor="OpenAI",
        due_from=datetime.date(2026, 1, 1),
        started_to=PartialDate.from_iso("2026"),
        search="model",
    )
    given = Filters(
        statuses=(Status.AGREED, Status.PAUSED),
        vendor="openai",
        due_from=datetime.date(2026, 3, 1),
        started_to=PartialDate.from_iso("2025-Q3"),
        search="weights",
        tag="pilot",
    )
    assert narrowed(view, given) == Filters(
        statuses=(Status.AGREED,),
        vendor="openai",
        due_from=datetime.date(2026, 3, 1),
        started_to=PartialDate.from_iso("2025-Q3"),
        search="model weights",
        tag="pilot",
    )
    assert narrowed(view, Filters()) == view
    with pytest.raises(ValidationError, match="--status: keeps nothing beside the view's own"):
        narrowed(view, Filters(statuses=(Status.PAUSED,)))
    with pytest.raises(ValidationError, match="--vendor: keeps nothing"):
        narrowed(view, Filters(vendor="Anthropic"))
