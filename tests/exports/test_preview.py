"""The preview's pieces below the GUI: a draft of the first pages (``render_pdf``'s
``first_pages``) and pages as pixels (``exports.preview.PdfPages``)."""

from __future__ import annotations

import io

import pypdf

from exports.briefing import render_pdf
from exports.preview import PdfPages
from tests.exports.test_briefing import demo_briefing


def page_text(pdf: bytes, index: int) -> str:
    return " ".join((pypdf.PdfReader(io.BytesIO(pdf)).pages[index].extract_text() or "").split())


def test_a_draft_is_the_first_page_as_it_will_be_but_for_the_total() -> None:
    whole = render_pdf(demo_briefing())
    draft = render_pdf(demo_briefing(), first_pages=1)
    total = len(pypdf.PdfReader(io.BytesIO(whole)).pages)
    assert len(pypdf.PdfReader(io.BytesIO(draft)).pages) == 1
    assert page_text(draft, 0) == page_text(whole, 0).replace(f"Page 1 of {total}", "Page 1 of …")


def test_pages_render_to_the_width_asked_with_the_page_s_aspect() -> None:
    pdf = render_pdf(demo_briefing())
    with PdfPages(pdf) as pages:
        assert len(pages) == len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
        image = pages.render(1, width=300)
    assert image.width == 300
    assert abs(image.height - 300 * 841.89 / 595.28) <= 1  # A4, to the pixel
    assert image.stride >= 4 * image.width
    assert len(image.pixels) == image.stride * image.height
    assert image.pixels[:4] == b"\xff\xff\xff\xff"  # the white corner of the page
    assert set(image.pixels) != {0xFF}  # and something printed on it
