"""A briefing shaped for its reader: sections chosen and ordered, engagement parts, key
points, the contents page, outline and internal links, the PDF's metadata — read back
with pypdf."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from bench.briefing import briefing as synthetic_briefing
from exports.briefing import render_pdf
from tests.exports.test_briefing import demo_briefing, reader
from tracker.domain.briefing_sections import (
    PARTS,
    SectionsError,
    parse_parts,
    parse_sections,
)

NAVIGATED = ("cover", "contents", "key-points", "overview", "engagements", "sources-appendix")
KEY_POINTS = "Talks resume in <March> & more.\ncontinued line.\n\n- First point\n- Second\n  point"


def texts(pdf: bytes) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in reader(pdf).pages]


def top_outline(pdf: bytes) -> list[str]:
    return [item.title for item in reader(pdf).outline if not isinstance(item, list)]


@pytest.fixture(scope="module")
def navigated() -> bytes:
    return render_pdf(demo_briefing(sections=NAVIGATED, key_points=KEY_POINTS))


def test_sections_are_printed_in_the_order_named_and_only_those() -> None:
    pdf = render_pdf(demo_briefing(sections=("engagements", "restriction-matrix")))
    assert top_outline(pdf) == ["Engagements", "Restriction matrix"]
    pages = texts(pdf)
    assert "ENGAGEMENT BRIEFING" not in " ".join(pages)  # no cover
    assert "Overview" not in " ".join(pages)
    assert "Engagements #1 NATO exploratory talks" in pages[0]
    # Without the cover the first page is a body page: it has the running header.
    assert "Government AI engagements — weekly briefing" in pages[0]


def test_the_default_is_todays_briefing() -> None:
    assert render_pdf(demo_briefing()) == render_pdf(
        demo_briefing(sections=("cover", "overview", "restriction-matrix", "engagements"))
    )


def test_parts_leave_the_others_out_even_from_the_empty_note() -> None:
    pdf = render_pdf(demo_briefing(sections=("engagements",), parts=("summary", "concerns")))
    text = " ".join(texts(pdf))
    assert "Summary" in text
    for heading in ("Scope limits", "Restrictions", "Clarifications", "Status timeline", "Sources"):
        assert heading not in text, heading
    full = " ".join(texts(render_pdf(demo_briefing(sections=("engagements",)))))
    assert "Status timeline" in full or "Status history" in full


def test_key_points_paragraphs_and_bullets_print_literally(navigated: bytes) -> None:
    page = texts(navigated)[2]
    assert "Key points Talks resume in <March> & more. continued line." in page
    assert "• First point" in page and "• Second point" in page


def test_outline_has_every_section_and_engagement(navigated: bytes) -> None:
    assert top_outline(navigated) == [
        "Cover", "Contents", "Key points", "Overview", "Engagements", "Sources appendix",
    ]  # fmt: skip
    children = next(item for item in reader(navigated).outline if isinstance(item, list))
    assert [c.title.split()[0] for c in children] == ["#1", "#2", "#3", "#4"]


def test_links_are_internal_only(navigated: bytes) -> None:
    assert b"/URI" not in navigated and b"/Launch" not in navigated
    links = 0
    for page in reader(navigated).pages:
        for ref in page.get("/Annots", []):
            annot = ref.get_object()
            assert annot["/Subtype"] == "/Link"
            action = annot.get("/A")
            if action is not None:
                assert action["/S"] == "/GoTo", action
            else:
                assert "/Dest" in annot
            links += 1
    assert links >= 4 + 4  # contents entries and overview rows


def test_overview_rows_link_to_their_engagement(navigated: bytes) -> None:
    pdf = reader(navigated)
    overview = next(
        i for i, t in enumerate(texts(navigated)) if t.count("Overview") and "All engagements" in t
    )
    targets = []
    for ref in pdf.pages[overview].get("/Annots", []):
        annot = ref.get_object()
        dest = annot["/A"]["/D"] if "/A" in annot else annot["/Dest"]
        targets.append(dest)
    assert len(targets) == 4
    numbers = {page.indirect_reference.idnum: n for n, page in enumerate(pdf.pages, start=1)}
    to = [numbers[t[0].idnum] for t in targets]  # explicit destinations: [page, /Fit]
    sections = {
        entry.title.split()[0]: pdf.get_destination_page_number(entry) + 1
        for entry in next(item for item in pdf.outline if isinstance(item, list))
    }
    assert to == [sections[f"#{n}"] for n in (1, 2, 3, 4)]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_contents_numbers_are_the_pages_where_sections_start(
    navigated: bytes, tmp_path: Path
) -> None:
    pdf = reader(navigated)
    (tmp_path / "b.pdf").write_bytes(navigated)
    contents = subprocess.run(
        ["pdftotext", "-layout", "-f", "2", "-l", "2", str(tmp_path / "b.pdf"), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    listed = {
        title.strip(): int(page)
        for title, page in re.findall(r"^\s*(\S.*?)\s{2,}(\d+)\s*$", contents, re.M)
    }
    outline = {}
    for item in pdf.outline:
        for entry in item if isinstance(item, list) else [item]:
            outline[entry.title] = pdf.get_destination_page_number(entry) + 1
    assert len(outline) == 10
    for title, page in outline.items():
        assert listed.get(title) == page, (title, listed)


def test_metadata_title_author_subject_creator_language() -> None:
    pdf = render_pdf(demo_briefing())
    meta = reader(pdf).metadata
    assert meta.title == "Government AI engagements — weekly briefing"
    assert meta.author == "J. Analyst, Policy Unit"
    assert meta.subject == "Engagement briefing · NATO UNCLASSIFIED"
    assert meta.creator == "Engagement Tracker"
    assert reader(pdf).trailer["/Root"]["/Lang"] == "en"


def test_sources_appendix_numbers_every_source_by_engagement(navigated: bytes) -> None:
    page = texts(navigated)[-1]
    assert "Sources appendix #1 NATO exploratory talks" in page
    for n in ("#1", "#2", "#3", "#4"):
        assert n in page
    assert page.count("[1]") == 4 and "[2]" in page


def test_parse_sections_and_parts() -> None:
    assert parse_sections(" Cover, overview ") == ("cover", "overview")
    assert parse_parts("sources,status-history") == ("status_history", "sources")
    assert set(PARTS) == set(parse_parts(",".join(PARTS)))
    with pytest.raises(SectionsError, match='unknown section "overviw"'):
        parse_sections("cover,overviw")
    with pytest.raises(SectionsError, match='section "cover" is named twice'):
        parse_sections("cover,cover")
    with pytest.raises(SectionsError, match='unknown part "attachments"'):
        parse_parts("attachments")
    assert parse_parts("links") == ("links",)  # a part since links came (issue 15)
    with pytest.raises(SectionsError, match="no sections named"):
        parse_sections(" , ")


def test_blank_key_points_print_no_section() -> None:
    pdf = render_pdf(dataclasses.replace(demo_briefing(), key_points="  \n\n "))
    assert "Key points" not in top_outline(pdf)
    assert isinstance(reader(pdf), pypdf.PdfReader)


def table_rows_per_page(pdf: bytes) -> list[int]:
    """The overview rows ("#N" at a line's start) on each page."""
    return [len(re.findall(r"^#\d+\b", p.extract_text() or "", re.M)) for p in reader(pdf).pages]


@pytest.mark.parametrize("size", [26, 27, 43])
def test_no_page_holds_a_lone_table_row(size: int) -> None:
    # With reportlab's own split these left 1 or 2 rows on the last page ([9, 16, 1]).
    pdf = render_pdf(dataclasses.replace(synthetic_briefing(size), sections=("overview",)))
    rows = table_rows_per_page(pdf)
    assert sum(rows) == size
    assert all(n == 0 or n >= 3 for n in rows), rows
    for page in texts(pdf):  # the table's header is on every page it runs onto
        if "All engagements" in page or re.search(r"#\d+ ", page):
            assert "Engagement Counterpart Vendor" in page
