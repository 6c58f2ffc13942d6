"""``tracker brief``: the briefing officer's command, driven in subprocesses."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

DEMO_TITLES = (
    "NATO exploratory talks with OpenAI on unclassified IT",
    "U.S. Department of Defense agreement with OpenAI",
    "U.S. Department of Defense negotiations with Anthropic",
    "OpenAI for Government programme",
)
RED_LINES = (
    "No mass domestic surveillance",
    "No fully autonomous weapons systems",
    "No automated high-stakes decision-making without human oversight",
)


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "TRACKER_DB"}
    env["TRACKER_USER"] = "briefer"
    return subprocess.run(
        [sys.executable, "-m", "tracker", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("brief") / "demo.db"
    assert run(db, "demo").returncode == 0
    return db


A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)


def outlined(pdf: Path) -> str:
    """Every entry of the PDF's outline (sections and the engagements briefed), joined:
    an engagement named only by another's link is not among them."""

    def flat(items: list[Any]) -> list[str]:
        return [t for i in items for t in (flat(i) if isinstance(i, list) else [i.title])]

    return " | ".join(flat(PdfReader(pdf).outline))


def pages_text(pdf: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(pdf).pages]


def page_sizes(pdf: Path) -> set[tuple[float, float]]:
    """The MediaBox sizes of the pages (points, to 1/100)."""
    return {
        (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2))
        for page in PdfReader(pdf).pages
    }


def assert_furniture(texts: list[str], marking: str) -> None:
    """Every page: the marking at the top and the bottom, "Page X of Y"."""
    for number, text in enumerate(texts, start=1):
        assert text.count(marking) >= 2, f"page {number}: banner top and bottom"
        assert f"Page {number} of {len(texts)}" in text


def test_demo_briefing_has_markings_pages_and_every_engagement(
    demo_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "b.pdf"
    result = run(demo_db, "brief", "--out", str(out), "--author", "Briefing desk")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert out.stat().st_mode & 0o777 == 0o600
    if shutil.which("qpdf"):
        check = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
    assert page_sizes(out) == {A4}  # the default
    texts = pages_text(out)
    assert len(texts) >= 4  # cover, overview, matrix, engagements
    assert_furniture(texts, "NATO UNCLASSIFIED")
    assert "Prepared by Briefing desk" in texts[0]
    assert "4 engagements included" in texts[0]
    whole = " ".join(texts)
    for title in DEMO_TITLES + RED_LINES:
        assert title in whole, title
    assert "misspoke" in whole and "unclassified environments" in whole  # the clarification


def test_status_filter_gives_only_that_engagement(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "broken.pdf"
    result = run(demo_db, "brief", "--out", str(out), "--status", "broken_down")
    assert result.returncode == 0, result.stderr
    texts = pages_text(out)
    whole = " ".join(texts)
    assert "1 engagement included" in texts[0]
    assert "U.S. Department of Defense negotiations with Anthropic" in outlined(out)
    for title in DEMO_TITLES[:2] + DEMO_TITLES[3:]:
        assert title not in outlined(out)
    # The agreement chosen instead is named by its link, so its marking (UNCLASSIFIED)
    # raises the banner over the one engagement's PUBLIC; the others are not named.
    assert "Alternative to #2 U.S. Department of Defense agreement with OpenAI" in whole
    assert DEMO_TITLES[0] not in whole and DEMO_TITLES[3] not in whole
    assert_furniture(texts, "UNCLASSIFIED")


def test_under_a_ceiling_a_link_above_it_is_not_printed(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "public.pdf"
    result = run(
        demo_db, "brief", "--out", str(out), "--status", "broken_down", "--max-marking", "PUBLIC"
    )
    assert result.returncode == 0, result.stderr
    texts = pages_text(out)
    whole = " ".join(texts)
    assert "U.S. Department of Defense negotiations with Anthropic" in whole
    assert DEMO_TITLES[1] not in whole  # the UNCLASSIFIED agreement it links to
    assert_furniture(texts, "PUBLIC")
    assert "UNCLASSIFIED" not in whole


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--marking", "PUBLIC"), r"lower than \"NATO UNCLASSIFIED\""),
        (("--marking", "SECRET"), r"SECRET.*not allowed"),
        (("--search", "nothing-matches-this"), r"empty"),
        (("--ids", "999"), r"no engagement 999"),
    ],
)
def test_refusals_exit_1_and_leave_the_old_file(
    demo_db: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    out = tmp_path / "b.pdf"
    out.write_bytes(b"the previous briefing")
    result = run(demo_db, "brief", "--out", str(out), *args)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and re.search(message, lines[0]), result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert out.read_bytes() == b"the previous briefing"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".b.pdf")]


def test_ids_and_a_higher_marking_and_letter_pages(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "two.pdf"
    result = run(
        demo_db,
        "brief",
        "--out",
        str(out),
        "--ids",
        "demo-dod-anthropic,demo-openai-for-government",
        "--marking",
        "nato unclassified",
        "--page-size",
        "Letter",
        "--title",
        "Two of them",
    )
    assert result.returncode == 0, result.stderr
    assert page_sizes(out) == {LETTER}  # every page
    texts = pages_text(out)
    assert_furniture(texts, "NATO UNCLASSIFIED")
    assert "Two of them" in texts[0] and "2 engagements included" in texts[0]
    for title in DEMO_TITLES[2:]:
        assert title in outlined(out), title
    for title in DEMO_TITLES[:2]:  # named by their links to these two, never briefed
        assert title not in outlined(out), title


def test_imported_hostile_text_prints_literally(tmp_path: Path) -> None:
    import json

    db = tmp_path / "hostile.db"
    long_text = ("Ελληνικά Кириллица " * 6000)[:100_000]
    title = 'Hostile <b>x</b> & <a href="http://evil">y</a> <img src="/etc/passwd"> &amp;'
    summary = "A lone & here\x07 and <font color=red>red</font>; 北约与人工智能 Ωμέγα Жук"
    document = {
        "format": "engagement-tracker/1",
        "engagements": [
            {
                "id": "hostile",
                "title": title,
                "vendor": "Vendor <i>&</i> Co",
                "counterpart": "Министерство обороны",
                "status": "negotiating",
                "summary": summary,
                # a free text (a one-line one, such as the next step, holds 1,000 at most)
                "concerns": [{"kind": "legal", "text": long_text}],
            }
        ],
    }
    source = tmp_path / "hostile.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert run(db, "import", str(source)).returncode == 0
    out = tmp_path / "hostile.pdf"
    result = run(db, "brief", "--out", str(out))
    assert result.returncode == 0, result.stderr
    raw = out.read_bytes()
    assert b"/URI" not in raw and b"/Subtype /Image" not in raw  # no live links, no images
    whole = " ".join(pages_text(out))
    assert title in whole
    assert summary.replace("\x07", "") in whole  # control characters are dropped
    assert "Министерство обороны" in whole
    # 100,000 characters across many pages (banners and footers sit between the pages)
    for word in ("Ελληνικά", "Кириллица"):
        assert whole.count(word) == long_text.count(word) > 5000
