"""One presenter, three media: ``tracker show``'s text, the detail pane and the PDF
briefing show the same facts, headings and words, in the same order."""

from __future__ import annotations

import datetime as dt
import io

import pypdf
from pytestqt.qtbot import QtBot

from exports.briefing import Briefing, BriefingEngagement, render_pdf
from tracker.cli.show_text import write_engagement
from tracker.domain.dates import PartialDate, Precision
from tracker.domain.model import (
    Clarification,
    Concern,
    Engagement,
    EngagementData,
    RestrictionStance,
    Source,
    StatusEvent,
)
from tracker.domain.presenter import MISSING_DATE, present
from tracker.domain.vocab import ConcernKind, Region, Severity, Stance, Status
from ui.detail_pane import DetailPane

MARCH = PartialDate(2026, Precision.MONTH, month=3)
ENGAGEMENT = Engagement(
    id=5,
    uid="one-presenter",
    version=2,
    created_at="2026-03-01T10:00:00Z",
    updated_at="2026-03-02T11:30:00Z",
    data=EngagementData(
        title="Talks on shared tooling",
        vendor="Acme AI",
        counterpart="Ministry of Examples",
        status=Status.NEGOTIATING,
        region=Region.EUROPE,
        marking="PUBLIC",
        summary="The ministry and the vendor discuss shared tooling.",
        started=MARCH,
        tags=("tooling",),
        restrictions=(RestrictionStance("no-x", "No X", Stance.DISPUTED, "open"),),
        clarifications=(
            Clarification("Minister", MARCH, "all offices", "Spokesperson", None, "two offices"),
        ),
        status_history=(
            StatusEvent(Status.EXPLORATORY, MARCH, "first reported", "Press"),
            StatusEvent(Status.NEGOTIATING, None, "resumed"),
        ),
        sources=(Source("Example News", "Talks begin", "https://example.org/t", MARCH),),
        concerns=(Concern(ConcernKind.LEGAL, "procurement rules", Severity.HIGH),),
    ),
)


def flat(text: str) -> str:
    """Runs of whitespace (line breaks, no-break spaces) as one space."""
    return " ".join(text.split())


def cli_text() -> str:
    out = io.StringIO()
    write_engagement(ENGAGEMENT, out)
    return flat(out.getvalue())


def pane_text(qtbot: QtBot) -> str:
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show_engagement(ENGAGEMENT)
    return flat(pane.browser().document().toPlainText())


def pdf_text() -> str:
    e = ENGAGEMENT
    briefing = Briefing(
        title="One presenter",
        marking="PUBLIC",
        generated_at=dt.datetime(2026, 3, 10, tzinfo=dt.UTC),
        revision=1,
        engagements=(BriefingEngagement(e.id, e.uid, e.data, e.updated_at),),
    )
    pages = pypdf.PdfReader(io.BytesIO(render_pdf(briefing))).pages
    text = flat("\n".join(page.extract_text() for page in pages))
    # the engagement's own section (its title is in the overview and matrix too)
    return text[text.rindex(f"#{e.id} {e.data.title}") :]


def expected() -> list[str]:
    """What every medium shows, in order: the presenter's words."""
    p = present(ENGAGEMENT)
    needles = [p.title]
    for fact in p.facts:
        needles += [fact.label, fact.value]
    for section in p.sections:
        needles.append(section.heading)
        if section.key == "status_history":
            needles.append(MISSING_DATE)
    return [*needles, p.empty_note]


def assert_in_order(text: str, needles: list[str]) -> None:
    at = 0
    for needle in needles:
        found = text.find(flat(needle), at)
        assert found >= 0, f"{needle!r} missing after {text[at : at + 80]!r}"
        at = found + len(flat(needle))


def test_the_three_media_say_the_same_in_the_same_order(qtbot: QtBot) -> None:
    needles = expected()
    # the words the presenter chose, spelled out
    assert needles[-1] == "Not recorded: Scope limits, Links"
    assert "Date unknown" in needles
    assert [n for n in needles if n in ("Summary", "Status timeline", "Sources")] == [
        "Summary",
        "Status timeline",
        "Sources",
    ]
    phrases = [
        "Originally said",
        "Minister, Mar 2026",
        "→ Clarified",
        "Spokesperson",
        "Source: Press",
        "High severity",
        "Example News, “Talks begin”, Mar 2026",
    ]
    for name, text in (("cli", cli_text()), ("pane", pane_text(qtbot)), ("pdf", pdf_text())):
        assert_in_order(text, needles)
        assert_in_order(text, phrases)
        assert "one-presenter" in text, name  # the record's id
        assert "Undated" not in text and "date unknown" not in text, name
