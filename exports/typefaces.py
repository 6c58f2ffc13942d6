"""The shipped fonts registered with reportlab, and what each can draw.

reportlab's built-in Helvetica covers Latin-1 only, so the briefing embeds the fonts of
:mod:`exports.font_set` (the one list the desktop app registers with Qt too): DejaVu Sans
(Latin, Greek, Cyrillic and much more; regular, bold, oblique), a Noto Sans family per
script it lacks or draws plainly (Hebrew, Arabic, Thai, Devanagari; regular and bold),
and two fallbacks: Droid Sans Fallback (Chinese, Japanese kana and kanji) and
NanumSquare (Korean Hangul, which Droid Sans Fallback lacks) — all TrueType outlines,
which reportlab subsets and embeds with a ToUnicode map, so text extracted from the PDF
is the text that was written.

reportlab has no automatic glyph fallback: :mod:`exports.text` wraps runs of characters
in ``<font name="BriefingHebrew">`` (a script's font, for the code points it claims) or
``<font name="BriefingFallback">`` / ``BriefingFallbackKR`` (for what the main family
cannot draw), using the code points each font covers (:class:`Coverage`).

Fonts are registered once per process (:func:`register`), under our own names so that
nothing else registered in reportlab's global font table is disturbed.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Final

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from exports import font_set

SANS: Final = "BriefingSans"
SANS_BOLD: Final = "BriefingSans-Bold"
SANS_OBLIQUE: Final = "BriefingSans-Oblique"
FALLBACK: Final = "BriefingFallback"
FALLBACK_KR: Final = "BriefingFallbackKR"
FALLBACKS: Final = (FALLBACK, FALLBACK_KR)  # tried in this order, as font_set.FALLBACKS

_FALLBACK_NAMES: Final = dict(zip((f.key for f in font_set.FALLBACKS), FALLBACKS, strict=True))


def script_font(face: font_set.Typeface) -> str:
    """The name a script's font is registered under ("BriefingHebrew"; bold: + "-Bold")."""
    return "Briefing" + face.key.capitalize()


@dataclass(frozen=True)
class Coverage:
    """The code points each font can draw."""

    main: frozenset[int]
    upright: frozenset[int]  # regular and bold of the main family
    # (font name, code points) of the script fonts: only those they claim and draw
    scripts: tuple[tuple[str, frozenset[int]], ...]
    fallbacks: tuple[tuple[str, frozenset[int]], ...]  # (font name, code points)


_lock = threading.Lock()
_coverage: Coverage | None = None


def _family(name: str, regular: TTFont, bold: TTFont | None) -> None:
    """Register a family whose italics are upright (a script without italics)."""
    bold_name = regular.fontName if bold is None else bold.fontName
    pdfmetrics.registerFontFamily(
        name,
        normal=regular.fontName,
        bold=bold_name,
        italic=regular.fontName,
        boldItalic=bold_name,
    )


def _load(name: str, file: str) -> TTFont:
    font = TTFont(name, str(font_set.FONT_DIR / file))
    pdfmetrics.registerFont(font)
    return font


def _cmap(font: TTFont) -> frozenset[int]:
    return frozenset(font.face.charToGlyph)


def _register() -> Coverage:
    main = font_set.MAIN
    regular, bold, oblique = (
        _load(SANS, main.regular),
        _load(SANS_BOLD, main.bold or main.regular),
        _load(SANS_OBLIQUE, font_set.MAIN_OBLIQUE),
    )
    # <b> and <i> inside paragraph markup map onto the family's faces.
    pdfmetrics.registerFontFamily(
        SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_OBLIQUE, boldItalic=SANS_BOLD
    )
    scripts: list[tuple[str, frozenset[int]]] = []
    for face in font_set.SCRIPT_FACES:
        name = script_font(face)
        upright = _load(name, face.regular)
        heavy = None if face.bold is None else _load(f"{name}-Bold", face.bold)
        _family(name, upright, heavy)
        drawn = _cmap(upright) if heavy is None else _cmap(upright) & _cmap(heavy)
        scripts.append((name, frozenset(c for c in drawn if face.claims(c))))
    fallbacks: list[tuple[str, frozenset[int]]] = []
    for face in font_set.FALLBACKS:
        name = _FALLBACK_NAMES[face.key]
        font = _load(name, face.regular)
        _family(name, font, None)
        fallbacks.append((name, _cmap(font)))
    # A character goes to the main family only if every face of it has a glyph.
    return Coverage(
        main=_cmap(regular) & _cmap(bold) & _cmap(oblique),
        upright=_cmap(regular) & _cmap(bold),
        scripts=tuple(scripts),
        fallbacks=tuple(fallbacks),
    )


def register() -> Coverage:
    """Register the briefing fonts with reportlab (once) and return their coverage."""
    global _coverage
    if _coverage is not None:
        return _coverage
    with _lock:
        if _coverage is None:
            _coverage = _register()
    return _coverage


def drawn_by(face: font_set.Typeface) -> frozenset[int]:
    """The code points a script's font draws of those it claims."""
    return dict(register().scripts)[script_font(face)]


_BOLD_FACES: Final = {
    script_font(face): f"{script_font(face)}-Bold"
    for face in font_set.SCRIPT_FACES
    if face.bold is not None
}
_BOLD_TAGS: Final = re.compile(
    "<(/?)b>|" + "|".join(f'<font name="{re.escape(name)}">' for name in _BOLD_FACES)
)


def emboldened(markup: str, *, bold: bool) -> str:
    """``markup`` with each script's font in its bold face where the text is bold (the
    paragraph's style is ``bold``, or inside ``<b>``).

    reportlab's ``<font name=…>`` names a face, not a family: it resets the bold of the
    text around it, so a Thai title in a bold heading would print regular.
    """
    if "<font " not in markup:
        return markup
    depth = 1 if bold else 0

    def face(tag: re.Match[str]) -> str:
        nonlocal depth
        if tag.group().startswith("<font "):
            name = tag.group()[len('<font name="') : -2]
            return f'<font name="{_BOLD_FACES[name]}">' if depth > 0 else tag.group()
        depth += -1 if tag.group(1) else 1
        return tag.group()

    return _BOLD_TAGS.sub(face, markup)
