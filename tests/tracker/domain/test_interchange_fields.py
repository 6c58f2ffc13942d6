"""One field as the interchange format writes it (``field_json``, what an audit entry
of one changed field records) is that field of the whole engagement's object."""

from __future__ import annotations

import dataclasses

import pytest

from tracker.domain.demo import demo_document
from tracker.domain.interchange import data_from_json, data_to_json, field_json
from tracker.domain.markings import DEFAULT_MARKINGS, DEFAULT_RECORD_MARKING
from tracker.domain.model import FIELD_NAMES, EngagementData


def demo_data() -> list[EngagementData]:
    return [
        data_from_json(
            item,
            label=str(n),
            allowed_markings=DEFAULT_MARKINGS,
            default_marking=DEFAULT_RECORD_MARKING,
        )
        for n, item in enumerate(demo_document()["engagements"])
    ]


def emptied(data: EngagementData) -> EngagementData:
    """``data`` with every optional field unset and every list empty."""
    return dataclasses.replace(
        data,
        region=None,
        confidence=None,
        started=None,
        follow_up=None,
        summary="",
        tags=(),
        scope_limits=(),
        restrictions=(),
        clarifications=(),
        status_history=(),
        sources=(),
        concerns=(),
        links=(),
    )


CASES = [*demo_data(), *(emptied(d) for d in demo_data()[:1])]


@pytest.mark.parametrize("data", CASES, ids=lambda d: d.title[:30])
def test_each_field_is_written_as_the_whole_object_writes_it(data: EngagementData) -> None:
    whole = data_to_json(data)
    assert {name: field_json(data, name) for name in FIELD_NAMES} == whole
    for name in FIELD_NAMES:  # the same types too (a list stays a list, text text)
        assert type(field_json(data, name)) is type(whole[name])


def test_the_demo_fills_every_field_somewhere() -> None:
    """The cases above hold a value in every field (so each renderer is exercised)."""
    filled = {name for d in demo_data() for name in FIELD_NAMES if getattr(d, name)}
    assert filled == set(FIELD_NAMES)
