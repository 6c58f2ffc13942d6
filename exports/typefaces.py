"""The TrueType fonts shipped in ``exports/fonts/`` and what each can draw.

reportlab's built-in Helvetica covers Latin-1 only, so the briefing embeds DejaVu Sans
(Latin, Greek, Cyrillic and much more; regular, bold, oblique) and two fallbacks:
Droid Sans Fallback (Chinese, Japanese kana and kanji) and NanumSquare (Korean Hangul,
which Droid Sans Fallback lacks) — all TrueType outlines, which reportlab subsets and
embeds with a ToUnicode map, so text extracted from the PDF is the text that was written.

reportlab has no automatic glyph fallback: :mod:`exports.text` wraps runs of characters
the main family cannot draw in ``<font name="BriefingFallback">`` (or
``BriefingFallbackKR``), using the code points each font covers (:class:`Coverage`).

Fonts are registered once per process (:func:`register`), under our own names so that
nothing else registered in reportlab's global font table is disturbed.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR: Final = Path(__file__).resolve().parent / "fonts"

SANS: Final = "BriefingSans"
SANS_BOLD: Final = "BriefingSans-Bold"
SANS_OBLIQUE: Final = "BriefingSans-Oblique"
FALLBACK: Final = "BriefingFallback"
FALLBACK_KR: Final = "BriefingFallbackKR"
FALLBACKS: Final = (FALLBACK, FALLBACK_KR)  # tried in this order

_FILES: Final = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_OBLIQUE: "DejaVuSans-Oblique.ttf",
    FALLBACK: "DroidSansFallbackFull.ttf",
    FALLBACK_KR: "NanumSquareR.ttf",
}


@dataclass(frozen=True)
class Coverage:
    """The code points each font can draw."""

    main: frozenset[int]
    upright: frozenset[int]  # regular and bold (Arabic is in these, not in the oblique)
    fallbacks: tuple[tuple[str, frozenset[int]], ...]  # (font name, code points)


_lock = threading.Lock()
_coverage: Coverage | None = None


def register() -> Coverage:
    """Register the briefing fonts with reportlab (once) and return their coverage."""
    global _coverage
    if _coverage is not None:
        return _coverage
    with _lock:
        if _coverage is None:
            fonts = {name: TTFont(name, str(FONT_DIR / file)) for name, file in _FILES.items()}
            for font in fonts.values():
                pdfmetrics.registerFont(font)
            # <b> and <i> inside paragraph markup map onto the family's faces.
            pdfmetrics.registerFontFamily(
                SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_OBLIQUE, boldItalic=SANS_BOLD
            )
            for name in FALLBACKS:
                pdfmetrics.registerFontFamily(
                    name, normal=name, bold=name, italic=name, boldItalic=name
                )

            def cmap(name: str) -> frozenset[int]:
                return frozenset(fonts[name].face.charToGlyph)

            # A character goes to the main family only if every face of it has a glyph.
            main = cmap(SANS) & cmap(SANS_BOLD) & cmap(SANS_OBLIQUE)
            _coverage = Coverage(
                main=main,
                upright=cmap(SANS) & cmap(SANS_BOLD),
                fallbacks=tuple((n, cmap(n)) for n in FALLBACKS),
            )
    return _coverage
