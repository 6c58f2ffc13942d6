"""The fonts the project ships in ``exports/fonts/``, and which script each is for.

One list for the screen and the paper: the desktop app registers these files with Qt as
fallbacks of its own font (``ui/fonts.py``), and the PDF briefing embeds them with
reportlab (``exports/typefaces.py``), so a title that shows in the table prints in the
briefing, and the other way round. Pure data (no Qt, no reportlab): both read it.

Every file is a TrueType-outline (``glyf``) font, the only kind reportlab can subset and
embed (it refuses CFF outlines, as most OpenType Noto fonts have); each licence is beside
it (``LICENSE-*.txt``).

- :data:`MAIN`: DejaVu Sans, the body text of the PDF (Latin, Greek, Cyrillic and more).
- :data:`SCRIPT_FACES`: a font per script, drawn for the code points of its
  :attr:`Typeface.ranges` even where DejaVu Sans has a glyph too (its Hebrew and Arabic
  are plainer than Noto's; it has no Thai or Devanagari at all).
- :data:`FALLBACKS`: Chinese and Japanese, then Korean, for what no font above has; the
  PDF chooses between them per word (``exports/text.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

FONT_DIR: Final = Path(__file__).resolve().parent / "fonts"


@dataclass(frozen=True)
class Typeface:
    """One family the project ships: its files, the name inside them, what it is for."""

    key: str  # our short name for it (the PDF's registered names are made from it)
    family: str  # the family name in the files, as Qt knows it
    regular: str  # file names in FONT_DIR
    bold: str | None
    scripts: tuple[str, ...]  # the scripts it is shipped for, in words
    # Code points this font draws first, whatever font before it has them (inclusive).
    ranges: tuple[tuple[int, int], ...] = ()

    def files(self) -> tuple[Path, ...]:
        """Its font files (regular first)."""
        names = (self.regular,) if self.bold is None else (self.regular, self.bold)
        return tuple(FONT_DIR / name for name in names)

    def claims(self, code: int) -> bool:
        """Whether the code point is in one of its :attr:`ranges`."""
        return any(first <= code <= last for first, last in self.ranges)


MAIN: Final = Typeface(
    "sans", "DejaVu Sans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", ("Latin", "Greek", "Cyrillic")
)
MAIN_OBLIQUE: Final = "DejaVuSans-Oblique.ttf"

HEBREW: Final = Typeface(
    "hebrew",
    "Noto Sans Hebrew",
    "NotoSansHebrew-Regular.ttf",
    "NotoSansHebrew-Bold.ttf",
    ("Hebrew",),
    ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)),
)
ARABIC: Final = Typeface(
    "arabic",
    "Noto Sans Arabic",
    "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold.ttf",
    ("Arabic", "Persian"),
    # the letters, their supplements and the presentation forms the PDF draws
    ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
)
THAI: Final = Typeface(
    "thai",
    "Noto Sans Thai",
    "NotoSansThai-Regular.ttf",
    "NotoSansThai-Bold.ttf",
    ("Thai",),
    ((0x0E00, 0x0E7F),),
)
DEVANAGARI: Final = Typeface(
    "devanagari",
    "Noto Sans Devanagari",
    "NotoSansDevanagari-Regular.ttf",
    "NotoSansDevanagari-Bold.ttf",
    ("Devanagari",),
    ((0x0900, 0x097F), (0xA8E0, 0xA8FF)),
)
SCRIPT_FACES: Final = (HEBREW, ARABIC, THAI, DEVANAGARI)

FALLBACKS: Final = (
    Typeface(
        "cjk", "Droid Sans Fallback", "DroidSansFallbackFull.ttf", None, ("Chinese", "Japanese")
    ),
    # Droid Sans Fallback has three Hangul syllables only; NanumSquare has them all.
    Typeface("hangul", "NanumSquare", "NanumSquareR.ttf", None, ("Korean",)),
)

# Every family, in the order a character looks for a font.
TYPEFACES: Final = (MAIN, *SCRIPT_FACES, *FALLBACKS)


def font_files() -> tuple[Path, ...]:
    """Every font file shipped, for registering them all (the oblique face included)."""
    return (*(path for face in TYPEFACES for path in face.files()), FONT_DIR / MAIN_OBLIQUE)
