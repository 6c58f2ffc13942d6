"""The PDF briefing: content, page furniture, hostile text, Unicode, page sizes, progress.

PDFs are read back with pypdf (and pdftotext / qpdf when installed): what a reader
would see on each page, not reportlab's internals.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import random
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pypdf
import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from bench.briefing import briefing as synthetic_briefing
from exports import text as rltext
from exports import typefaces
from exports.briefing import Briefing, BriefingCancelled, BriefingEngagement, render_pdf
from exports.document import DEFAULT_DISTRIBUTION
from tracker.domain.dates import PartialDate, Precision
from tracker.domain.demo import RED_LINES, demo_document
from tracker.domain.interchange import data_from_json
from tracker.domain.model import (
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

MARKINGS = ("PUBLIC", "UNCLASSIFIED", "NATO UNCLASSIFIED")
GENERATED = dt.datetime(2026, 3, 10, 9, 30, tzinfo=dt.UTC)
AUDIT = "1234:" + "9f2c4e" * 10 + "abcd"
MM = 72 / 25.4

HOSTILE = '<b>x</b> & <a href="http://evil">y</a> <img src="/etc/passwd"> <font color=red>z</font>'
GREEK = "Ελληνικά: η συμφωνία με το ΝΑΤΟ"
CYRILLIC = "Кириллица: переговоры с Министерством обороны"
CHINESE_JAPANESE = "北约与人工智能 日本語のテキスト"
KOREAN = "한국어 문장"
CONTROLS = "\x01\x07\x1b\x7f\x85\x9b\u202e\u2066\u200f\ufeff"
_R = random.Random(1)
LONG_WORD = "".join(_R.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(300))
LONG_URL = "https://example.org/" + "/".join(f"segment{i}" for i in range(40)) + "?a=1&b=<2>"


def _long_text(length: int) -> str:
    r = random.Random(2)
    words: list[str] = []
    size = 0
    while size < length:
        word = "".join(r.choice("abcdefghij") for _ in range(r.randint(2, 9)))
        words.append(word)
        size += len(word) + 1
    return " ".join(words)[:length].rstrip()


LONG_SUMMARY = _long_text(100_000)


# --- building briefings --------------------------------------------------------------


def demo_briefing(**changes: Any) -> Briefing:
    engagements = []
    for i, obj in enumerate(demo_document()["engagements"], start=1):
        data = data_from_json(
            obj, label=f"#{i}", allowed_markings=MARKINGS, default_marking="UNCLASSIFIED"
        )
        engagements.append(BriefingEngagement(i, obj["id"], data, f"2026-03-0{i}T10:00:00+00:00"))
    briefing = Briefing(
        title="Government AI engagements — weekly briefing",
        marking="NATO UNCLASSIFIED",
        generated_at=GENERATED,
        revision=42,
        engagements=tuple(engagements),
        author="J. Analyst",
        organisation="Policy Unit",
        audit_seal=AUDIT,
    )
    return dataclasses.replace(briefing, **changes)


def hostile_data() -> EngagementData:
    return EngagementData(
        title=HOSTILE,
        vendor="Vendor & Co <script>alert(1)</script>",
        counterpart=f"{CHINESE_JAPANESE} {KOREAN}",
        status=Status.NEGOTIATING,
        region=Region.ASIA_PACIFIC,
        confidence=Confidence.UNCONFIRMED,
        marking="PUBLIC",
        summary=(
            f"A lone & here. Controls:{CONTROLS}end. {GREEK}. {CYRILLIC}. "
            f"{CHINESE_JAPANESE} {KOREAN}. {LONG_WORD}\n\nSecond paragraph &amp; &#65; &nbsp;."
        ),
        next_step="Line one\nLine two\r\nLine three",
        tags=("t&g", "<i>"),
        scope_limits=(ScopeLimit(ScopeKind.DATA, CHINESE_JAPANESE),),
        restrictions=(RestrictionStance("x", HOSTILE, Stance.REJECTED, "note <br/> &"),),
        clarifications=(
            Clarification(
                "Bob <b>",
                None,
                "orig & <a>",
                "Ann",
                PartialDate(2025, Precision.QUARTER, quarter=3),
                "clar " + LONG_WORD,
                "src <img src=x>",
            ),
        ),
        status_history=(
            StatusEvent(
                Status.NEGOTIATING, PartialDate(2025, Precision.YEAR, approximate=True), "n & <x>"
            ),
        ),
        sources=(Source("Outlet <i>", "Title & more", LONG_URL, None),),
        concerns=(Concern(ConcernKind.OTHER, f"{GREEK} {CYRILLIC}", Severity.HIGH),),
    )


def hostile_briefing() -> Briefing:
    long_one = dataclasses.replace(hostile_data(), title="Very long summary", summary=LONG_SUMMARY)
    return Briefing(
        title=f"Hostile {HOSTILE} {CHINESE_JAPANESE}",
        marking="PUBLIC",
        generated_at=GENERATED,
        revision=1,
        engagements=(
            BriefingEngagement(7, "uid-7", hostile_data(), "2026-03-01T10:00:00Z"),
            BriefingEngagement(8, "uid-8", long_one, "not a timestamp"),
        ),
        author="<b>me</b>",
        organisation="A & B",
        distribution="Distribution: <a href='http://evil'>click</a> & more",
    )


# --- reading PDFs back ---------------------------------------------------------------


def reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in reader(pdf).pages]


def norm(value: str) -> str:
    """Whitespace (line breaks included) as single spaces."""
    return " ".join(value.split())


def squash(value: str) -> str:
    """No whitespace at all (for words split across lines)."""
    return "".join(value.split())


def body_text(pdf: bytes, marking: str) -> str:
    """The text of all pages without the page furniture (checked on the way)."""
    texts = page_texts(pdf)
    out = []
    for number, page in enumerate(texts, start=1):
        lines = page.split("\n")
        assert lines[0] == marking and lines[1] == marking, lines[:3]
        assert lines[2].startswith("Generated ")
        skip = 3 if number == 1 else 5
        if number > 1:
            assert lines[3] == "Engagement briefing"
            if lines[skip].endswith("(continued)"):  # a section's heading, repeated
                skip += 1
        assert lines[-1] == f"Page {number} of {len(texts)}" or lines[-2] == (
            f"Page {number} of {len(texts)}"
        )
        end = -1 if lines[-1] else -2
        out.append("\n".join(lines[skip:end]))
    return "\n".join(out)


def positioned(page: Any) -> list[tuple[float, float, str, str]]:
    """(y, font size, base font, text) of each text run on the page, in stream order."""
    items: list[tuple[float, float, str, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            base = str(font.get("/BaseFont", "")) if font else ""
            items.append((y, size, base, text))

    page.extract_text(visitor_text=visit)
    return items


FRAME_TOP = 24 * MM  # from the top edge: the body frame (style.MARGIN_TOP)
FRAME_BOTTOM = 25 * MM  # style.MARGIN_BOTTOM


def body_lines(page: Any) -> list[str]:
    """The lines of text inside the body frame, top to bottom (runs grouped by baseline,
    whitespace normalised): the page without its banners, running header and footer."""
    top = float(page.mediabox.height) - FRAME_TOP
    rows: dict[int, list[str]] = {}
    for y, _, _, run in positioned(page):
        if FRAME_BOTTOM - 2 < y < top:
            rows.setdefault(round(y), []).append(run)
    return [norm(" ".join(rows[y])) for y in sorted(rows, reverse=True)]


def font_names(pdf: bytes) -> set[str]:
    names: set[str] = set()
    for page in reader(pdf).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            names.add(str(ref.get_object()["/BaseFont"]))
    return names


@pytest.fixture(scope="module")
def demo_pdf() -> bytes:
    return render_pdf(demo_briefing())


@pytest.fixture(scope="module")
def hostile_pdf() -> bytes:
    return render_pdf(hostile_briefing())


# --- the demo briefing ---------------------------------------------------------------


def test_demo_briefing_renders_a_valid_pdf(demo_pdf: bytes, tmp_path: Path) -> None:
    assert demo_pdf.startswith(b"%PDF-")
    pages = [body_lines(page) for page in reader(demo_pdf).pages]
    # cover, overview, matrix, then the engagements in order, each heading once
    assert [lines[0] for lines in pages[:4]] == [
        "ENGAGEMENT BRIEFING",
        "Overview",
        "Restriction matrix",
        "Engagements",
    ]
    headings = [
        line
        for lines in pages[3:]
        for line in lines
        if re.fullmatch(r"#\d .+", line) and not line.endswith("(continued)")
    ]
    assert headings == [f"#{e.number} {e.data.title}" for e in demo_briefing().engagements]
    if shutil.which("qpdf"):
        path = tmp_path / "demo.pdf"
        path.write_bytes(demo_pdf)
        done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


def test_every_page_has_the_marking_top_and_bottom_and_page_x_of_y(demo_pdf: bytes) -> None:
    pages = reader(demo_pdf).pages
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        text = page.extract_text()
        assert text.count("NATO UNCLASSIFIED") >= 2
        assert f"Page {number} of {total}" in text
        assert "Generated 2026-03-10 09:30 UTC" in text
        height = float(page.mediabox.height)
        ys = [y for y, _, _, t in positioned(page) if t.strip() == "NATO UNCLASSIFIED"]
        assert any(y > height - 20 * MM for y in ys), ys  # the top banner
        assert any(y < 15 * MM for y in ys), ys  # the bottom banner
    assert (
        re.findall(r"Page \d+ of (\d+)", " ".join(p.extract_text() for p in pages))
        == [str(total)] * total
    )


def test_pdftotext_sees_the_furniture_too(demo_pdf: bytes, tmp_path: Path) -> None:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed")
    path = tmp_path / "demo.pdf"
    path.write_bytes(demo_pdf)
    total = len(reader(demo_pdf).pages)
    for number in range(1, total + 1):
        out = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert out.count("NATO UNCLASSIFIED") >= 2
        assert f"Page {number} of {total}" in out


def test_demo_content(demo_pdf: bytes) -> None:
    text = norm(body_text(demo_pdf, "NATO UNCLASSIFIED"))
    for title in RED_LINES.values():
        assert title in text
    for obj in demo_document()["engagements"]:
        assert obj["title"] in text
        assert norm(obj["summary"]) in text
    clarification = demo_document()["engagements"][0]["clarifications"][0]
    assert norm(clarification["clarification"]) in text
    assert norm(clarification["original"]) in text
    assert "Originally said" in text and "→ Clarified" in text
    # the cover
    assert "Database revision 42" in text
    assert f"Audit seal: {AUDIT}" in text
    assert "4 engagements included" in text
    assert "Prepared by J. Analyst · Policy Unit" in text
    assert DEFAULT_DISTRIBUTION in text
    assert "Generated 10 March 2026, 09:30 UTC" in text
    # overview, matrix, partial dates as known, sources as text
    for day in ("2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"):
        assert day in text
    assert "Restriction matrix" in text and "Disputed" in text
    assert "27 Feb 2026" in text and "c. 2026" in text and "Q2 2026" in text
    assert "https://example.org/demo/nato-openai-talks" in text
    assert "Engagements by region and status" in text


def test_demo_chart_has_a_legend_of_statuses(demo_pdf: bytes) -> None:
    page = reader(demo_pdf).pages[1]
    texts = {t.strip() for _, _, _, t in positioned(page)}
    assert {"Exploratory", "Agreed", "Active", "Broken down"} <= texts
    assert {"Europe", "North America", "Global"} <= texts


def test_pdf_has_no_links_scripts_or_images(demo_pdf: bytes, hostile_pdf: bytes) -> None:
    for pdf in (demo_pdf, hostile_pdf):
        markers = (b"/URI", b"/Launch", b"/JavaScript", b"/JS ", b"/Subtype /Image", b"/Annots")
        for marker in markers:
            assert marker not in pdf
        for page in reader(pdf).pages:
            assert "/Annots" not in page
            xobjects = page.get("/Resources", {}).get("/XObject", {})
            for ref in xobjects.values():
                assert ref.get_object().get("/Subtype") != "/Image"


def test_fonts_are_embedded(demo_pdf: bytes) -> None:
    names = font_names(demo_pdf)
    assert names and all("+" in name for name in names), names  # subsets, all embedded
    assert any("DejaVuSans-Bold" in n for n in names)
    assert not any("Helvetica" in n for n in names)


def test_same_briefing_same_bytes(demo_pdf: bytes) -> None:
    assert render_pdf(demo_briefing()) == demo_pdf


# --- hostile text and Unicode --------------------------------------------------------


def test_hostile_text_prints_literally(hostile_pdf: bytes) -> None:
    body = body_text(hostile_pdf, "PUBLIC")
    text = norm(body)
    assert HOSTILE in text
    assert "Vendor & Co <script>alert(1)</script>" in text
    assert "A lone & here." in text
    assert "Second paragraph &amp; &#65; &nbsp;." in text
    assert "note <br/> &" in text and "n & <x>" in text and "src <img src=x>" in text
    assert "Prepared by <b>me</b> · A & B" in text
    assert "Distribution: <a href='http://evil'>click</a> & more" in text
    assert "Line one Line two Line three" in text
    assert "Tags t&g, <i>" in text


def test_control_characters_are_dropped(hostile_pdf: bytes) -> None:
    body = body_text(hostile_pdf, "PUBLIC")
    for char in CONTROLS:
        assert char not in body
    assert "Controls:end." in norm(body)


def test_long_words_urls_and_texts_come_back_whole(hostile_pdf: bytes) -> None:
    body = squash(body_text(hostile_pdf, "PUBLIC"))
    assert squash(LONG_WORD) in body
    assert squash("clar " + LONG_WORD) in body
    assert squash(LONG_URL) in body
    assert squash(LONG_SUMMARY) in body
    assert len(reader(hostile_pdf).pages) > 15


def test_long_words_stay_inside_the_page(hostile_pdf: bytes) -> None:
    for page in reader(hostile_pdf).pages:
        width = float(page.mediabox.width)
        runs: list[tuple[float, str, str, float]] = []

        def visit(text: str, cm: Any, tm: Any, font: Any, size: float, runs: Any = runs) -> None:
            if text.strip() and font and "DejaVuSans" in str(font["/BaseFont"]):
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                runs.append((x, text.rstrip("\n"), str(font["/BaseFont"]), size))

        page.extract_text(visitor_text=visit)
        for x, run, base, size in runs:
            face = typefaces.SANS_BOLD if "Bold" in base else typefaces.SANS
            if "Oblique" in base:
                face = typefaces.SANS_OBLIQUE
            right = x + stringWidth(run, face, size)
            assert x >= 17 * MM and right <= width - 17 * MM, (run[:60], x, right)


def test_greek_cyrillic_and_cjk_extract_exactly(hostile_pdf: bytes) -> None:
    text = norm(body_text(hostile_pdf, "PUBLIC"))
    for sample in (GREEK, CYRILLIC, CHINESE_JAPANESE, KOREAN):
        assert sample in text


def test_cjk_is_drawn_with_the_fallback_fonts(hostile_pdf: bytes) -> None:
    names = font_names(hostile_pdf)
    assert any("DroidSansFallback" in n for n in names), names
    assert any("NanumSquare" in n for n in names), names
    fonts_of: dict[str, set[str]] = {}
    for page in reader(hostile_pdf).pages:
        for _, _, base, run in positioned(page):
            for char in run:
                fonts_of.setdefault(char, set()).add(base)
    for char in "北约日本語テキ":
        assert fonts_of[char] and all("DroidSansFallback" in f for f in fonts_of[char])
    for char in "한국어문장":
        assert fonts_of[char] and all("NanumSquare" in f for f in fonts_of[char])
    for char in "λКи":
        assert all("DejaVu" in f for f in fonts_of[char])


# --- page sizes, structure -----------------------------------------------------------


LETTER = (612.0, 792.0)
A4 = (595.28, 841.89)


def page_sizes(pdf: bytes) -> set[tuple[float, float]]:
    """The MediaBox sizes of the pages (points, to 1/100)."""
    return {
        (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2))
        for page in reader(pdf).pages
    }


def test_letter_page_size() -> None:
    pdf = render_pdf(demo_briefing(page_size="Letter"))
    assert page_sizes(pdf) == {LETTER}
    pages = reader(pdf).pages
    for number, page in enumerate(pages, start=1):
        text = page.extract_text()
        assert text.count("NATO UNCLASSIFIED") >= 2
        assert f"Page {number} of {len(pages)}" in text
        ys = [y for y, _, _, t in positioned(page) if t.strip() == "NATO UNCLASSIFIED"]
        assert any(y > LETTER[1] - 20 * MM for y in ys) and any(y < 15 * MM for y in ys)


def test_a4_page_size(demo_pdf: bytes) -> None:
    assert page_sizes(demo_pdf) == {A4}


def test_many_engagements_split_the_matrix_and_repeat_the_table_header() -> None:
    briefing = synthetic_briefing(60)
    pdf = render_pdf(briefing)
    pages = page_texts(pdf)
    text = norm("\n".join(pages))
    assert "(table 1 of 8)" in text and "(table 8 of 8)" in text
    assert "Engagements #57 to #60" in text
    header_pages = [p for p in pages if "Counterpart Vendor Region Status" in norm(p)]
    assert len(header_pages) >= 2  # the overview table's header on each of its pages
    for e in briefing.engagements:
        assert norm(e.data.title) in text


def test_no_heading_is_left_at_the_bottom_of_a_page() -> None:
    pdf = render_pdf(synthetic_briefing(50))
    for page in reader(pdf).pages:
        top = float(page.mediabox.height) - 24 * MM
        runs = [r for r in positioned(page) if 25 * MM < r[0] < top]
        if not runs:
            continue
        lowest = min(y for y, *_ in runs)
        last = [r for r in runs if r[0] == lowest]
        for _, size, base, run in last:
            heading = "Bold" in base and size >= 11
            assert not heading, f"heading {run!r} left at the bottom of a page"


def with_summary(engagement: BriefingEngagement, summary: str) -> BriefingEngagement:
    return dataclasses.replace(
        engagement, data=dataclasses.replace(engagement.data, summary=summary)
    )


def continued_heading(engagement: BriefingEngagement) -> str:
    return f"#{engagement.number} {engagement.data.title} (continued)"


def continued_pages(pdf: bytes, engagements: Sequence[BriefingEngagement]) -> int:
    """Check that each page of the engagements part starts with a section's heading or
    with the heading of the section in progress and "(continued)"; how many do the latter."""
    pages = [body_lines(page) for page in reader(pdf).pages]
    first = next(i for i, lines in enumerate(pages) if lines and lines[0] == "Engagements")
    headings = {f"#{e.number} {e.data.title}": e for e in engagements}
    current: BriefingEngagement | None = None  # the section in progress at the page's end
    count = 0
    for number, lines in enumerate(pages[first:], start=first + 1):
        if current is not None and lines[0] not in headings:
            assert lines[0] == continued_heading(current), (number, lines[:2])
            count += 1
        else:
            assert not lines[0].endswith("(continued)"), (number, lines[:2])
        assert sum(line.endswith("(continued)") for line in lines) <= 1, number
        for line in lines:
            current = headings.get(line, current)
    assert current is not None and current.number == engagements[-1].number
    return count


def test_a_section_continued_on_a_new_page_repeats_its_heading() -> None:
    demo = demo_briefing().engagements
    engagements = (
        with_summary(demo[0], _long_text(12_000)),
        demo[1],
        with_summary(demo[2], _long_text(5_000)),
        demo[3],
    )
    pdf = render_pdf(demo_briefing(engagements=engagements))
    assert continued_pages(pdf, engagements) >= 5  # the long summaries run over pages
    assert squash(_long_text(12_000)) in squash(body_text(pdf, "NATO UNCLASSIFIED"))


def test_the_demo_repeats_a_heading_only_where_a_section_continues(demo_pdf: bytes) -> None:
    assert continued_pages(demo_pdf, demo_briefing().engagements) >= 1
    pages = [body_lines(page) for page in reader(demo_pdf).pages]
    starts = [lines[0] for lines in pages]
    assert starts[:2] == ["ENGAGEMENT BRIEFING", "Overview"]
    assert not any("(continued)" in line for lines in pages[:4] for line in lines)


def _pages_with_summary(words: int) -> list[list[str]]:
    """The body lines per page of a one-engagement briefing whose summary has ``words``
    words; the section ends with four sources (a last sub-section taller than the room
    kept for a sub-heading) and the one-line "Not recorded: Clarifications"."""
    last = demo_briefing().engagements[3]
    summary = " ".join(_long_text(20_000).split()[:words])
    data = dataclasses.replace(last.data, summary=summary, sources=last.data.sources * 4)
    briefing = demo_briefing(engagements=(dataclasses.replace(last, data=data),))
    return [body_lines(page) for page in reader(render_pdf(briefing)).pages]


def test_the_last_page_never_holds_a_single_line() -> None:
    # Grow the summary word by word (bisection) to the first length at which the section
    # spills onto one more page: what spills first is its last line, the note.
    low, high = 50, 2_000
    pages_low = len(_pages_with_summary(low))
    assert len(_pages_with_summary(high)) > pages_low
    while high - low > 1:
        middle = (low + high) // 2
        if len(_pages_with_summary(middle)) > pages_low:
            high = middle
        else:
            low = middle
    for words in (high - 1, high, high + 1):
        pages = _pages_with_summary(words)
        for number, lines in enumerate(pages[1:], start=2):
            body = [line for line in lines if not line.endswith("(continued)")]
            assert len(body) >= 2, f"{words} words: page {number} holds only {lines}"


def test_no_page_after_the_cover_holds_fewer_than_two_lines() -> None:
    demo = demo_briefing().engagements
    for length in range(800, 8_000, 350):
        engagements = tuple(with_summary(e, _long_text(length)) for e in demo)
        pdf = render_pdf(demo_briefing(engagements=engagements))
        for number, page in enumerate(reader(pdf).pages[1:], start=2):
            body = [line for line in body_lines(page) if not line.endswith("(continued)")]
            assert len(body) >= 2, f"summaries of {length}: page {number} holds {body}"


@pytest.mark.parametrize("engagements", [1, 2])
def test_a_matrix_filling_its_page_leaves_no_blank_page_and_no_lone_key_line(
    engagements: int,
) -> None:
    # Around 37 to 39 restrictions the table and its key just fill (or overflow) the
    # matrix's first page: neither the key's last line nor the gap after it may go
    # onto a page of their own.
    chosen = demo_briefing().engagements[:engagements]
    for count in range(35, 41):
        stances = tuple(
            RestrictionStance(f"code-{i:03d}", f"Restriction number {i}", Stance.AGREED, "")
            for i in range(count)
        )
        briefing = demo_briefing(
            engagements=tuple(
                dataclasses.replace(e, data=dataclasses.replace(e.data, restrictions=stances))
                for e in chosen
            )
        )
        for number, page in enumerate(reader(render_pdf(briefing)).pages[1:], start=2):
            body = [line for line in body_lines(page) if not line.endswith("(continued)")]
            assert len(body) >= 2, f"{count} restrictions: page {number} holds {body}"


def test_a_heading_longer_than_a_page_splits_and_stays_one_bookmark() -> None:
    first = demo_briefing().engagements[0]
    title = _long_text(6_000)
    long_title = dataclasses.replace(first, data=dataclasses.replace(first.data, title=title))
    pdf = render_pdf(demo_briefing(engagements=(long_title,)))
    assert squash(title) in squash(body_text(pdf, "NATO UNCLASSIFIED"))
    outline = reader(pdf).outline
    children = next(item for item in outline if isinstance(item, list))
    assert len(children) == 1 and children[0].title.startswith("#1 " + title[:100])


def test_empty_briefing() -> None:
    pdf = render_pdf(demo_briefing(engagements=()))
    text = norm(body_text(pdf, "NATO UNCLASSIFIED"))  # (the furniture on every page)
    assert "0 engagements included" in text
    assert "This briefing includes no engagements." in text
    # cover, overview and matrix; no "Engagements" page holding nothing but its heading
    pages = [body_lines(page) for page in reader(pdf).pages]
    assert [lines[:2] for lines in pages[1:]] == [
        ["Overview", "This briefing includes no engagements."],
        [
            "Restriction matrix",
            "No restrictions are recorded for the engagements in this briefing.",
        ],
    ]
    assert [item.title for item in reader(pdf).outline] == ["Overview", "Restriction matrix"]


# --- progress and cancelling ---------------------------------------------------------


def test_progress_is_reported_per_section() -> None:
    calls: list[tuple[int, int]] = []
    render_pdf(demo_briefing(), on_progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]


@pytest.mark.parametrize("stop_at", [0, 2, 4])
def test_returning_false_cancels(stop_at: int) -> None:
    calls: list[int] = []

    def progress(done: int, total: int) -> bool:
        calls.append(done)
        return done < stop_at

    with pytest.raises(BriefingCancelled):
        render_pdf(demo_briefing(), on_progress=progress)
    assert calls[-1] == stop_at


def test_true_or_none_continue(demo_pdf: bytes) -> None:
    answers: list[Callable[[int, int], bool | None]] = [lambda d, t: True, lambda d, t: None]
    for answer in answers:
        # the whole briefing (the bytes differ: the progress marks are drawn, as nothing)
        assert page_texts(render_pdf(demo_briefing(), on_progress=answer)) == page_texts(demo_pdf)


# --- refused input -------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"page_size": "A5"},
        {"marking": "SECRET"},
        {"marking": "NATO RESTRICTED"},
        {"marking": "  "},
        {"generated_at": dt.datetime(2026, 3, 10, 9, 30)},
    ],
)
def test_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        render_pdf(demo_briefing(**changes))


@pytest.mark.parametrize(
    ("name", "size"), [("letter", LETTER), (" LETTER ", LETTER), ("a4", A4), ("A4 ", A4)]
)
def test_page_size_is_case_insensitive(name: str, size: tuple[float, float]) -> None:
    assert page_sizes(render_pdf(demo_briefing(page_size=name))) == {size}


# --- exports.text --------------------------------------------------------------------


def test_escape_and_markup() -> None:
    assert rltext.escape("<b>&</b>") == "&lt;b&gt;&amp;&lt;/b&gt;"
    assert rltext.markup("a\nb") == "a<br/>b"
    assert rltext.markup("x\r\ny\rz") == "x<br/>y<br/>z"
    assert rltext.markup("a\x00b\x1bc\x85d\u202ee\u2066f\tg") == "abcdef g"
    assert rltext.inline("  a \n b  ") == "a b"


def test_fallback_runs() -> None:
    assert rltext.markup("x 日本 語 y") == 'x <font name="BriefingFallback">日本 語</font> y'
    assert rltext.markup("한국") == '<font name="BriefingFallbackKR">한국</font>'
    assert rltext.markup("Ωμέγα Жж é") == "Ωμέγα Жж é"
    assert rltext.markup("<日>") == '&lt;<font name="BriefingFallback">日</font>&gt;'


def test_blocks_and_truncate() -> None:
    assert rltext.blocks("one\ntwo\n\n\n three \n  \nfour") == ["one<br/>two", "three", "four"]
    assert rltext.blocks(" \n ") == []
    assert rltext.truncate("a" * 10, 5) == "aaaa…"
    assert rltext.truncate("short", 10) == "short"
    assert rltext.truncate("word " * 20, 30).endswith("word…")


def test_outline_has_the_parts_and_every_engagement(demo_pdf: bytes) -> None:
    outline = reader(demo_pdf).outline
    top = [item.title for item in outline if not isinstance(item, list)]
    assert top == ["Overview", "Restriction matrix", "Engagements"]
    children = next(item for item in outline if isinstance(item, list))
    titles = [item.title for item in children]
    assert titles[0] == "#1 NATO exploratory talks with OpenAI on unclassified IT"
    assert len(titles) == 4


def test_right_to_left_text_builds_and_keeps_its_letters() -> None:
    # Arabic is printed in its joined forms (presentation forms, exports.rtl), which NFKC
    # takes back to the letters; tests/exports/test_scripts.py checks joining and order.
    hebrew, arabic = "שלום עולם", "مرحبا بالعالم"
    first = demo_briefing().engagements[0]
    data = dataclasses.replace(first.data, summary=f"Hebrew: {hebrew}. Arabic: {arabic}.")
    pdf = render_pdf(demo_briefing(engagements=(dataclasses.replace(first, data=data),)))
    text = unicodedata.normalize("NFKC", "\n".join(page_texts(pdf)))
    assert set(hebrew.replace(" ", "")) <= set(text)
    assert set(arabic.replace(" ", "")) <= set(text)
