"""KeepTail at the end of an engagement section whose content is taller than a page.

A section's last line is kept with the end of the flowable before it (``KeepTail``).
When that flowable was taller than the room left and the last item ran over two lines,
KeepTail handed reportlab its content unsplit, and reportlab, which needs the first
flowable of a split to fit, raised ``LayoutError`` ("Splitting error").
"""

from __future__ import annotations

import dataclasses

import pytest

from exports.briefing import render_pdf
from tests.exports.test_briefing import (
    _long_text,
    body_lines,
    body_text,
    demo_briefing,
    reader,
    squash,
)
from tracker.domain.dates import PartialDate, Precision
from tracker.domain.model import Source

HUGE = _long_text(30_000)
LONG_URL = "https://example.org/" + "x" * 30_000


def _source(title: str, url: str = "https://example.org/last") -> Source:
    return Source("Outlet", title, url, PartialDate(2025, Precision.YEAR))


@pytest.mark.parametrize(
    "sources",
    [
        (_source(HUGE), _source("The last source")),  # a huge source before the last one
        (_source("A source", LONG_URL), _source("The last source")),  # a URL of pages
        (_source("A source"), _source(HUGE)),  # the last source itself huge
        tuple(_source(f"Source number {i}") for i in range(300)),  # a long last part
    ],
    ids=["huge-before-last", "long-url-before-last", "huge-last", "300-sources"],
)
@pytest.mark.parametrize("parts", [("sources",), ("summary", "sources"), None])
def test_a_last_part_taller_than_a_page_lays_out(
    sources: tuple[Source, ...], parts: tuple[str, ...] | None
) -> None:
    # parts=None: every part, so the "Not recorded" note is the section's last line.
    e = demo_briefing().engagements[3]
    engagement = dataclasses.replace(e, data=dataclasses.replace(e.data, sources=sources))
    chosen = {} if parts is None else {"parts": parts}
    pdf = render_pdf(demo_briefing(engagements=(engagement,), **chosen))
    text = squash(body_text(pdf, "NATO UNCLASSIFIED"))
    for source in sources:
        assert squash(source.title) in text
    pages = [body_lines(page) for page in reader(pdf).pages]
    assert len(pages) >= 4
    for number, lines in enumerate(pages[1:], start=2):
        body = [line for line in lines if not line.endswith("(continued)")]
        assert len(body) >= 2, f"page {number} holds only {lines}"
