"""The "Follow-ups due" section of the PDF briefing, read back with pypdf (and pdftotext)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from exports.briefing import Briefing, BriefingEngagement, render_pdf
from exports.document import FollowUpsDue
from exports.follow_ups import lead
from tracker.domain.dates import PartialDate
from tracker.domain.due import DEFAULT_WINDOW, FOLLOW_UPS_DUE, due_items, due_until, parse_period
from tracker.domain.model import Engagement, EngagementData
from tracker.domain.vocab import Status

TODAY = dt.date(2026, 5, 14)
GENERATED = dt.datetime(2026, 5, 14, 9, 30, tzinfo=dt.UTC)
HOSTILE = "Talks <b>bold</b> & <a href='x'>link</a> 北约"
LONG = "A very long title " * 30

FOLLOW_UPS = {
    1: ("NATO talks", Status.NEGOTIATING, "2026-Q1"),  # 31 March: 44 days overdue
    2: (HOSTILE, Status.ACTIVE, "2026-05-13"),  # 1 day overdue
    3: (LONG, Status.AGREED, "2026-05-20"),  # in 6 days
    4: ("Later", Status.ACTIVE, "2026-Q3"),  # after the window
    5: ("No follow-up", Status.ACTIVE, None),
}


def engagements() -> list[Engagement]:
    out = []
    for number, (title, status, follow_up) in FOLLOW_UPS.items():
        data = EngagementData(
            title=title,
            vendor="OpenAI",
            counterpart="NATO",
            status=status,
            marking="PUBLIC",
            follow_up=PartialDate.from_iso(follow_up) if follow_up else None,
        )
        out.append(Engagement(number, f"uid-{number}", 1, data, "2026-01-01", "2026-05-01"))
    return out


def briefing(within: str | None = "2w") -> Briefing:
    found = engagements()
    follow_ups = None
    if within is not None:
        period = parse_period(within)
        items = due_items(found, today=TODAY, until=due_until(TODAY, period))
        follow_ups = FollowUpsDue(today=TODAY, within=period, items=items)
    return Briefing(
        title="Weekly briefing",
        marking="PUBLIC",
        generated_at=GENERATED,
        revision=3,
        engagements=tuple(BriefingEngagement(e.id, e.uid, e.data, e.updated_at) for e in found),
        follow_ups=follow_ups,
    )


def pages(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def section_page(texts: list[str]) -> int:
    return next(i for i, t in enumerate(texts) if t.find(f"{FOLLOW_UPS_DUE} As of") >= 0)


def test_the_section_follows_the_overview_on_a_page_of_its_own() -> None:
    pdf = render_pdf(briefing())
    texts = pages(pdf)
    index = section_page(texts)
    assert "Overview" in texts[index - 1] and FOLLOW_UPS_DUE not in texts[index - 1]
    assert texts[index + 1].find("Restriction matrix") >= 0
    outline = pypdf.PdfReader(io.BytesIO(pdf)).outline
    titles = [item.title for item in outline if not isinstance(item, list)]
    assert titles[:3] == ["Overview", FOLLOW_UPS_DUE, "Restriction matrix"]
    assert render_pdf(briefing()) == pdf  # deterministic


def test_the_rows_are_the_overdue_first_then_the_soonest_with_their_words() -> None:
    text = pages(render_pdf(briefing()))[section_page(pages(render_pdf(briefing())))]
    assert (
        "As of 14 May 2026 (UTC): 2 follow-ups overdue, 1 due within 2 weeks (by 28 May 2026)."
        in text
    )
    first = text.index("NATO talks")
    second = text.index("Talks <b>bold</b> & <a href='x'>link</a>")  # printed as typed
    third = text.index("A very long title")
    assert first < second < third
    assert "#1 NATO talks Negotiating Q1 2026 31 Mar 2026 overdue by 44 days" in text
    assert "overdue by 1 day" in text and "due in 6 days" in text
    assert "Later" not in text and "No follow-up" not in text
    assert "…" in text and text.count("A very long title") < 30  # the title is cut


def test_an_empty_section_says_so_without_a_table() -> None:
    quiet = dataclasses.replace(
        briefing(),
        follow_ups=FollowUpsDue(today=dt.date(2025, 1, 1), within=DEFAULT_WINDOW, items=()),
    )
    texts = pages(render_pdf(quiet))
    text = texts[section_page(texts)]
    assert (
        "As of 1 Jan 2025 (UTC), no follow-up of the engagements in this briefing is overdue "
        "or due within 2 weeks (by 15 Jan 2025)." in text
    )
    assert "When" not in text


def test_without_the_section_nothing_of_it_is_printed() -> None:
    text = " ".join(pages(render_pdf(briefing(None))))
    assert FOLLOW_UPS_DUE not in text and "overdue" not in text


def test_the_lead_counts_each_kind() -> None:
    one = FollowUpsDue(
        today=TODAY,
        within=parse_period("1m"),
        items=due_items(engagements()[:1], today=TODAY, until=TODAY),
    )
    assert lead(one).startswith("As of 14 May 2026 (UTC): <b>1</b> follow-up overdue, <b>0</b>")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_pdftotext_reads_the_table_row_by_row(tmp_path: Path) -> None:
    pdf = render_pdf(briefing())
    path = tmp_path / "b.pdf"
    path.write_bytes(pdf)
    page = str(section_page(pages(pdf)) + 1)
    layout = subprocess.run(
        ["pdftotext", "-layout", "-f", page, "-l", page, str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = [line.split() for line in layout.splitlines() if line.lstrip().startswith("#")]
    assert rows[0][:4] == ["#", "Engagement", "Status", "Follow-up"]
    assert rows[1][0] == "#1" and rows[1][-3:] == ["by", "44", "days"]
    assert rows[2][0] == "#2" and rows[3][0] == "#3"
