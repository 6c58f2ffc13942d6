"""``tracker show``'s text, written by :func:`tracker.cli.show_text.write_engagement`."""

from __future__ import annotations

import io

import pytest

from tracker.cli.show_text import write_engagement
from tracker.domain.dates import PartialDate, Precision
from tracker.domain.demo import demo_document
from tracker.domain.fields import label
from tracker.domain.interchange import data_from_json
from tracker.domain.model import (
    Clarification,
    Concern,
    Engagement,
    EngagementData,
    RestrictionStance,
    Source,
    StatusEvent,
)
from tracker.domain.presenter import MISSING_DATE, SECTION_KEYS
from tracker.domain.vocab import ConcernKind, Severity, Stance, Status

MARKINGS = ("PUBLIC", "UNCLASSIFIED", "NATO UNCLASSIFIED")
STAMP = "2026-03-01T10:00:00Z"


def shown(engagement: Engagement) -> str:
    out = io.StringIO()
    write_engagement(engagement, out)
    return out.getvalue()


def demo(index: int) -> Engagement:
    obj = demo_document()["engagements"][index]
    data = data_from_json(
        obj, label="demo", allowed_markings=MARKINGS, default_marking="UNCLASSIFIED"
    )
    return Engagement(index + 1, obj["id"], 1, data, STAMP, STAMP)


def test_small_engagement_in_full() -> None:
    data = EngagementData(
        title="Talks",
        vendor="OpenAI",
        counterpart="NATO",
        status=Status.NEGOTIATING,
        next_step="Call them\nthen write",
        restrictions=(RestrictionStance("no-x", "No X", Stance.DISPUTED, "see note"),),
        clarifications=(Clarification("CEO", None, "everywhere", "", None, "nowhere", "AP"),),
        status_history=(
            StatusEvent(Status.EXPLORATORY, PartialDate(2025, Precision.YEAR, approximate=True)),
            StatusEvent(Status.NEGOTIATING, None, "resumed", "Press"),
        ),
        concerns=(Concern(ConcernKind.LEGAL, "EU rules", Severity.LOW),),
        sources=(Source(url="https://example.org/a"),),
    )
    engagement = Engagement(
        5, "u-5", 3, data, "2026-01-02T03:04:05Z", STAMP, deleted_at="2026-03-02T00:00:00Z"
    )
    assert shown(engagement) == (
        "Talks\n"
        "=====\n"
        "Counterpart:        NATO\n"
        "Vendor:             OpenAI\n"
        "Region:             —\n"
        "Status:             Negotiating\n"
        "Confidence:         —\n"
        "Marking:            —\n"
        "Started:            —\n"
        "Follow-up:          —\n"
        "Next step:          Call them\n"
        "                    then write\n"
        "Owner:              —\n"
        "Tags:               —\n"
        "Number:             5\n"
        "Id:                 u-5\n"
        "Version:            3\n"
        "Created:            2026-01-02 03:04 UTC\n"
        "Last change:        2026-03-01 10:00 UTC\n"
        "In the trash since: 2026-03-02 00:00 UTC\n"
        "\n"
        "Restrictions\n"
        "  - No X (no-x): Disputed — see note\n"
        "\n"
        "Clarifications\n"
        "  - Originally said (CEO): “everywhere”\n"
        "    → Clarified: “nowhere”\n"
        "    Source: AP\n"
        "\n"
        "Status timeline\n"
        "         c. 2025  Exploratory\n"
        "    Date unknown  Negotiating: resumed — Source: Press\n"
        "\n"
        "Concerns\n"
        "  - Legal (Low severity): EU rules\n"
        "\n"
        "Sources\n"
        "  [1] Untitled source\n"
        "      https://example.org/a\n"
        "\n"
        "Not recorded: Summary, Scope limits, Links\n"
    )
    assert MISSING_DATE in shown(engagement)


@pytest.mark.parametrize("index", range(len(demo_document()["engagements"])))
def test_demo_engagements(index: int) -> None:
    engagement = demo(index)
    data = engagement.data
    text = shown(engagement)
    lines = text.splitlines()
    assert lines[0] == data.title and set(lines[1]) == {"="}
    assert f"Status:      {data.status.label}" in lines
    assert f"Id:          {engagement.uid}" in lines
    # Links are shown from both ends as read with a stored engagement; this one is read
    # from the file alone, without them.
    headings = [
        label(k) for k in SECTION_KEYS if k == "summary" or (k != "links" and getattr(data, k))
    ]
    positions = [lines.index(h) for h in headings]
    assert positions == sorted(positions)
    flat = " ".join(text.split())  # long items wrap
    for r in data.restrictions:
        assert f"- {r.title} ({r.code}): {r.stance.label}" in flat
    for event in data.status_history:
        assert event.on is not None and f"{event.on.label()}  {event.status.label}" in text
    for source in data.sources:
        assert f"      {source.url}" in lines
    # every line fits a terminal, save a URL that cannot be broken
    assert all(len(line) <= 78 for line in lines if "https://" not in line)
    words = " ".join(data.summary.split())
    summary = lines[lines.index("Summary") + 1 : lines.index(headings[1])]
    assert " ".join(" ".join(summary).split()) == words
