"""The briefing benchmark: its bare reportlab floor holds the briefing's own paragraphs
and tables, renders them, and the command prints a row per size (never checks timings)."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from bench import briefing as bench
from exports.briefing import Briefing


@pytest.fixture(scope="module")
def six() -> Briefing:
    return bench.briefing(6)


def test_the_bare_floor_holds_every_engagements_paragraphs(six: Briefing) -> None:
    spec, counts = bench.bare_spec(six)
    texts = [item[1] for item in spec if item[0] == "p"]
    assert counts["paragraphs"] == len(texts)
    assert counts["tables"] == 3  # the cover's marking box, the overview, one matrix table
    for e in six.engagements:
        # the sources close each section: its last lines, which the briefing keeps together
        assert e.data.sources
        for source in e.data.sources:
            assert any(source.url in t for t in texts), source.url
        assert sum(e.data.summary[:40] in t for t in texts) == 1


def test_the_bare_floor_renders_the_same_texts(six: Briefing) -> None:
    spec, _ = bench.bare_spec(six)
    pdf = PdfReader(io.BytesIO(bench.render_bare(spec)))
    text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    assert len(pdf.pages) >= len(six.engagements)  # a page break before the sections
    for e in six.engagements:
        assert " ".join(e.data.summary.split()[:8]) in text
        assert e.data.sources[-1].url in text


def test_the_command_prints_a_row_per_size(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--sizes", "2,3", "--repeat", "1"]) == 0  # no target for these sizes
    out = capsys.readouterr().out
    for size in (2, 3):
        assert re.search(rf"^ +{size} +\d+ +\d+ +\d+ +[\d.]+ +[\d.]+ +[\d.]+ +-$", out, re.M), out
