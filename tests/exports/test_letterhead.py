"""The letterhead in the PDF: the logo on the cover beside the organisation's name, and
small in the running header of the other pages (read back with pypdf)."""

from __future__ import annotations

import dataclasses
import io

import pypdf
from PIL import Image

from exports.briefing import render_pdf
from tests.exports.test_briefing import demo_briefing
from tracker.domain.letterhead import Logo, check_logo


def logo(size: tuple[int, int] = (480, 160)) -> Logo:
    buffer = io.BytesIO()
    Image.new("RGBA", size, (20, 60, 140, 255)).save(buffer, format="PNG")
    return check_logo("logo.png", buffer.getvalue())


def images(page: pypdf.PageObject) -> list[tuple[int, int]]:
    """The (width, height) in pixels of each image XObject the page uses."""
    resources = page.get("/Resources") or {}
    xobjects = resources.get("/XObject") or {}
    found = []
    for ref in xobjects.values():
        obj = ref.get_object()
        if obj.get("/Subtype") == "/Image":
            found.append((int(obj["/Width"]), int(obj["/Height"])))
    return found


def test_the_logo_is_on_the_cover_at_its_size_and_small_in_every_header() -> None:
    briefing = dataclasses.replace(demo_briefing(), organisation="Office of AI Policy", logo=logo())
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(briefing)))
    cover = reader.pages[0]
    assert images(cover) == [(480, 160)]
    assert "Office of AI Policy" in (cover.extract_text() or "")
    for page in reader.pages[1:]:
        assert images(page) == [(480, 160)]  # the one embedded image, drawn small


def test_without_a_logo_no_image_is_embedded() -> None:
    briefing = dataclasses.replace(demo_briefing(), organisation="Office of AI Policy")
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(briefing)))
    assert all(images(page) == [] for page in reader.pages)


def test_a_logo_keeps_the_cover_on_one_page() -> None:
    plain = pypdf.PdfReader(io.BytesIO(render_pdf(demo_briefing())))
    tall = dataclasses.replace(demo_briefing(), logo=logo((40, 400)))
    with_logo = pypdf.PdfReader(io.BytesIO(render_pdf(tall)))
    assert len(with_logo.pages) == len(plain.pages)
