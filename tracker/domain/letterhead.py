"""The letterhead's logo: which images a briefing accepts, checked once for the CLI and
the dialog alike.

A logo is a local PNG or JPEG of at most ``MAX_LOGO_BYTES``, each side between
``MIN_SIDE`` and ``MAX_SIDE`` pixels, no longer than ``MAX_ASPECT`` times its width or
height. The type is told by the file's first bytes, never by its name, and the
dimensions are read from its header here (PNG's IHDR chunk, JPEG's start-of-frame
marker), so no image library decodes a file that is then refused. A URL is refused:
nothing is fetched. Every refusal is one line that names the file and what is wrong.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from typing import Final

from tracker.domain.errors import ValidationError

MAX_LOGO_BYTES: Final = 2 * 1024 * 1024
MIN_SIDE: Final = 16
MAX_SIDE: Final = 4000
MAX_ASPECT: Final = 10.0

PNG: Final = "PNG"
JPEG: Final = "JPEG"
_PNG_SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
_JPEG_START: Final = b"\xff\xd8\xff"
# Start-of-frame markers (baseline, progressive, lossless ...); C4, C8 and CC are not.
_SOF_MARKERS: Final = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
_URL: Final = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


@dataclass(frozen=True)
class Logo:
    """A checked logo: its bytes, type and size in pixels."""

    data: bytes
    kind: str  # PNG or JPEG
    width: int
    height: int


def refuse_url(name: str) -> None:
    """Refuse a logo named by a URL (``https://…``, ``file://…``): only local files."""
    if _URL.match(name.strip()):
        raise ValidationError(
            "a URL is not accepted: the logo must be a local PNG or JPEG file", field=name
        )


def check_logo(name: str, data: bytes) -> Logo:
    """The logo in ``data`` (read from the file ``name``), or ValidationError saying why not."""
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError(
            f"{len(data):,} bytes is too large (a logo may have at most "
            f"{MAX_LOGO_BYTES // (1024 * 1024)} MB)",
            field=name,
        )
    if data.startswith(_PNG_SIGNATURE):
        kind, size = PNG, _png_size(data)
    elif data.startswith(_JPEG_START):
        kind, size = JPEG, _jpeg_size(data)
    else:
        raise ValidationError("not a PNG or JPEG image (judged by its content)", field=name)
    if size is None:
        raise ValidationError(f"a damaged {kind} image: no readable dimensions", field=name)
    width, height = size
    _check_size(name, width, height)
    return Logo(data=data, kind=kind, width=width, height=height)


def _check_size(name: str, width: int, height: int) -> None:
    if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
        raise ValidationError(
            f"{width}×{height} pixels: each side must be {MIN_SIDE} to {MAX_SIDE} pixels",
            field=name,
        )
    if max(width, height) > MAX_ASPECT * min(width, height):
        raise ValidationError(
            f"{width}×{height} pixels is too narrow: at most {MAX_ASPECT:g}:1", field=name
        )


def _png_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from the IHDR chunk, which must come first."""
    if len(data) < 24 or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from the first start-of-frame segment, walking the segments."""
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte before a marker
            at += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            at += 2
            continue
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        if marker in _SOF_MARKERS:
            if at + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return int(width), int(height)
        at += 2 + length
    return None
