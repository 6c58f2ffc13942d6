"""The indexed text: a merge's renamed body is what the renamed engagement indexes."""

from __future__ import annotations

from dataclasses import replace

from tracker.domain.model import EngagementData
from tracker.domain.search_text import indexed_body, renamed_body
from tracker.domain.vocab import Status


def test_a_renamed_body_is_what_the_renamed_engagement_indexes() -> None:
    data = EngagementData(
        title="T", vendor="OpenAI", counterpart="US DoD", status=Status.ACTIVE, summary="a\nb"
    )
    moved = replace(data, counterpart="U.S. Department of Defense")
    body = indexed_body(data)
    assert renamed_body(body, ("OpenAI", "US DoD"), ("OpenAI", moved.counterpart)) == (
        indexed_body(moved)
    )
    assert renamed_body(body, ("Other", "US DoD"), ("OpenAI", "X")) is None
