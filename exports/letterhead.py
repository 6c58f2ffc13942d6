"""The letterhead: the organisation's logo and name at the top of the cover, and the logo
small in the running header of every other page.

The logo arrives checked (:func:`tracker.domain.letterhead.check_logo`: a PNG or JPEG
of sensible size); :func:`check_decodes` also lets reportlab read it whole, so that a
file whose header is right but whose pixels are damaged is refused before a briefing
is rendered, not half-way through one. Drawn with its aspect kept, scaled to a fixed
height; a transparent PNG stays transparent.
"""

from __future__ import annotations

import io
from functools import lru_cache
from typing import Any, Final

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Image, Spacer, Table, TableStyle

from exports import text
from exports.rtl import paragraph_class
from tracker.domain.errors import ValidationError
from tracker.domain.letterhead import Logo

COVER_TOP: Final = 22 * mm  # the room above the cover's kicker, letterhead or not
COVER_LOGO_HEIGHT: Final = 16 * mm
COVER_LOGO_WIDTH: Final = 70 * mm  # a wide logo is scaled down to this, aspect kept
HEADER_LOGO_HEIGHT: Final = 4.5 * mm
HEADER_LOGO_GAP: Final = 2 * mm


def check_decodes(name: str, logo: Logo) -> None:
    """Refuse a logo that reportlab cannot read whole (a damaged file)."""
    try:
        ImageReader(io.BytesIO(logo.data)).getRGBData()
    except Exception as exc:  # any decoder error: the file is what is wrong
        raise ValidationError(
            f"a damaged {logo.kind} image that cannot be read ({type(exc).__name__})",
            field=name,
        ) from None


def _fitted(logo: Logo, height: float, max_width: float) -> tuple[float, float]:
    """The logo's drawn size: ``height`` tall, narrower than ``max_width``, aspect kept."""
    width = height * logo.width / logo.height
    if width > max_width:
        width, height = max_width, max_width * logo.height / logo.width
    return width, height


def cover_letterhead(
    logo: Logo | None, organisation: str, name_style: Any, frame_width: float
) -> list[Flowable]:
    """The top of the cover: the logo with the organisation's name beside it, in
    ``COVER_TOP`` of height; without a logo a plain space, as before letterheads (the
    name is printed in "Prepared by …" below either way)."""
    if logo is None:
        return [Spacer(1, COVER_TOP)]
    name = text.inline(organisation)
    width, height = _fitted(logo, COVER_LOGO_HEIGHT, COVER_LOGO_WIDTH)
    image = Image(io.BytesIO(logo.data), width=width, height=height, mask="auto")
    beside = paragraph_class(name)(f"<b>{name}</b>", name_style) if name else Spacer(1, 1)
    row = Table(
        [[image, beside]],
        colWidths=[width + 5 * mm, frame_width - width - 5 * mm],
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
        hAlign="LEFT",
    )
    return [row, Spacer(1, max(COVER_TOP - height, 4 * mm))]


@lru_cache(maxsize=4)
def _reader(data: bytes) -> ImageReader:
    """One reader per logo, not one per page (each page would decode the image again)."""
    return ImageReader(io.BytesIO(data))


def draw_header_logo(canvas: Canvas, logo: Logo | None, x: float, baseline: float) -> float:
    """Draw the logo small, standing on the running header's ``baseline`` at ``x``;
    the width it took (with the gap after it), 0 without a logo."""
    if logo is None:
        return 0.0
    width, height = _fitted(logo, HEADER_LOGO_HEIGHT, 30 * mm)
    canvas.drawImage(_reader(logo.data), x, baseline - 0.6 * mm, width, height, mask="auto")
    return float(width + HEADER_LOGO_GAP)
