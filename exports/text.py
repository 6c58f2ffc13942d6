"""User text made safe for reportlab's paragraph mini-markup.

reportlab's ``Paragraph`` reads an XML-like markup (``<b>``, ``<font>``, ``<a href>``,
``<img src>``, entities). Every piece of user text goes through :func:`markup` (or
:func:`blocks`) before it meets a paragraph, so that:

- ``&``, ``<`` and ``>`` are escaped: ``<a href=...>``, ``<img src=...>``,
  ``<font color=...>`` or a lone ``&`` print literally — no live links, nothing
  fetched from disk or network, no parse error;
- control characters (C0 and C1 except newline and tab, DEL), bidirectional
  formatting characters (LRM/RLM, embeddings, overrides, isolates), byte-order marks,
  non-characters and lone surrogates are dropped; CR LF and CR become newlines,
  tabs become spaces, U+2028/U+2029 become line/paragraph breaks;
- newlines become ``<br/>``, blank lines separate paragraphs (:func:`blocks`), and a
  paragraph longer than ``presenter.PIECE`` characters is cut into pieces
  (:func:`tracker.domain.presenter.pieces`):
  reportlab lays a paragraph out again for every page it runs onto, so one of a
  megabyte took minutes; in pieces it takes seconds;
- Arabic and Persian letters are put in their joined forms (:func:`exports.rtl.shape`;
  :class:`exports.rtl.BidiParagraph` then draws each line in visual order; DejaVu Sans
  draws them upright and bold, :func:`italic` keeps them upright in italics);
- Hebrew, Arabic, Thai and Devanagari letters are wrapped in their script's font
  (``<font name="BriefingThai">``, :data:`exports.font_set.SCRIPT_FACES`), the same
  fonts the desktop app shows them in;
- runs of characters the main family (DejaVu Sans) lacks but a fallback font has
  (Chinese, Japanese, Korean) are wrapped in
  ``<font name="BriefingFallback">`` (or another of ``typefaces.FALLBACKS``), one font
  per word: a word's characters all go to the first fallback that has them all (the
  Korean font first for a word with Hangul), so no word is set in two fonts.

Long words and URLs are not touched here: the paragraph styles split them
(``splitLongWords``), which keeps the extracted text exact.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Final

from exports import rtl, typefaces
from tracker.domain.presenter import pieces

ELLIPSIS: Final = "…"

_BIDI_CONTROLS: Final = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
_DROPPED: Final[frozenset[int]] = frozenset(
    [c for c in range(0x00, 0x20) if c not in (0x09, 0x0A)]
    + list(range(0x7F, 0xA0))
    + list(_BIDI_CONTROLS)
    + [0xFEFF, 0xFFFE, 0xFFFF]
    + list(range(0xD800, 0xE000))
)
_CLEAN_TABLE: Final[dict[int, str | None]] = {
    **{c: None for c in _DROPPED},
    0x09: " ",
    0x2028: "\n",
    0x2029: "\n\n",
}
_ESCAPE_TABLE: Final = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_NEEDS_CLEANING: Final = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in sorted(_DROPPED) if c < 0xD800) + "\ud800-\udfff"
    "\t\r\u2028\u2029\ufeff\ufffe\uffff]"
)
_BLANK_LINES: Final = re.compile(r"\n[ \u00a0]*\n\s*")


def clean(text: str) -> str:
    """``text`` without control and bidi formatting characters, newlines normalised."""
    if not _NEEDS_CLEANING.search(text):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_CLEAN_TABLE)


def plain(text: str) -> str:
    """Cleaned text on one line (for the canvas, table cells and PDF metadata)."""
    return " ".join(clean(text).split())


def escape(text: str) -> str:
    """Escape the three characters paragraph markup reads: ``&``, ``<``, ``>``."""
    return text.translate(_ESCAPE_TABLE)


def truncate(text: str, limit: int) -> str:
    """At most ``limit`` characters of ``plain(text)``, with "…" when cut."""
    text = plain(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 2 // 3:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


# Hangul jamo, compatibility jamo, extended jamo and syllables: a word of them is Korean
# and goes to the Korean font first. Chinese and Japanese run on without spaces, so a
# "word" ends at a space and where Hangul meets other letters (NanumSquare's cmap lists
# Han characters whose glyphs printed blank here: Han goes to Droid Sans Fallback).
_HANGUL_CLASS: Final = "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7ff"
_HANGUL: Final = re.compile(f"[{_HANGUL_CLASS}]")
_WORDS: Final = re.compile(f"\\s+|[{_HANGUL_CLASS}]+|[^\\s{_HANGUL_CLASS}]+")
_SPACES: Final = frozenset(" \u3000")


@dataclass(frozen=True)
class _Fallbacks:
    """Which characters need a fallback font, and the fallback fonts' coverage."""

    foreign: re.Pattern[str]  # one character only a fallback font has
    fonts: tuple[tuple[str, frozenset[int]], ...]  # in typefaces.FALLBACKS order
    scripts: dict[int, str]  # a code point a script's font claims: that font's name
    special: re.Pattern[str]  # one character of either kind: the text needs font markup
    upright: re.Pattern[str]  # a run of characters the oblique face lacks (NKo)


_fallback_lock = threading.Lock()
_fallbacks: _Fallbacks | None = None


def _char_class(codes: list[int]) -> str:
    """A regex character class of the (sorted) code points."""
    ranges: list[str] = []
    start = prev = codes[0]
    for c in [*codes[1:], -2]:
        if c != prev + 1:
            first, last = re.escape(chr(start)), re.escape(chr(prev))
            ranges.append(first if start == prev else f"{first}-{last}")
            start = c
        prev = c
    return "[" + "".join(ranges) + "]"


def _fallback_fonts() -> _Fallbacks:
    """The fonts besides the main family (built once): a script's font for the code
    points it claims; a fallback font for what the main family lacks, except
    right-to-left letters (the upright faces draw them, see :func:`italic`)."""
    global _fallbacks
    if _fallbacks is None:
        with _fallback_lock:
            if _fallbacks is None:
                _fallbacks = _build_fallbacks(typefaces.register())
    return _fallbacks


def _build_fallbacks(coverage: typefaces.Coverage) -> _Fallbacks:
    scripts = {code: name for name, cover in coverage.scripts for code in cover}
    covered = frozenset().union(*(cover for _, cover in coverage.fallbacks))
    foreign = sorted(
        c
        for c in covered - coverage.main - scripts.keys()
        if c > 0x20 and not rtl.RTL.match(chr(c))
    )
    upright_only = _char_class(sorted(coverage.upright - coverage.main - scripts.keys()))
    return _Fallbacks(
        re.compile(_char_class(foreign)),
        coverage.fallbacks,
        scripts,
        re.compile(_char_class(sorted({*foreign, *scripts}))),
        re.compile(f"{upright_only}(?: *{upright_only})*"),
    )


def _word_fonts(word: str, fallbacks: _Fallbacks) -> list[str | None]:
    """The font of each character of ``word`` (``None``: the main family).

    A letter of a script with its own font goes to that font. A word's characters that
    the main family lacks all go to one fallback font — the first, in order, that has
    every one of them (the Korean font first for a word with Hangul) — so a word is never
    set in two fallback fonts; only when no font has them all does each go to the first
    font that has it.
    """
    fonts = fallbacks.fonts[::-1] if _HANGUL.search(word) else fallbacks.fonts
    foreign = {ord(c) for c in word if fallbacks.foreign.match(c)}
    whole = next((name for name, cover in fonts if foreign <= cover), None)
    out: list[str | None] = []
    for char in word:
        if ord(char) not in foreign:
            out.append(fallbacks.scripts.get(ord(char)))
        elif whole is not None:
            out.append(whole)
        else:
            out.append(next(name for name, cover in fonts if ord(char) in cover))
    return out


def _fallback_runs(text: str, fallbacks: _Fallbacks) -> list[tuple[str | None, str]]:
    """``text`` as (font, run) pieces; spaces between two runs of one font stay in it."""
    fonts: list[str | None] = []
    for match in _WORDS.finditer(text):
        token = match.group()
        if not token[0].isspace():
            fonts += _word_fonts(token, fallbacks)
        else:
            fonts += [None] * len(token)
    for i, char in enumerate(text):
        if i > 0 and char in _SPACES and fonts[i - 1] is not None:
            j = i
            while j < len(text) and text[j] in _SPACES:
                j += 1
            if j < len(text) and fonts[j] == fonts[i - 1]:
                fonts[i:j] = [fonts[i - 1]] * (j - i)
    runs: list[tuple[str | None, str]] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or fonts[i] != fonts[start]:
            runs.append((fonts[start], text[start:i]))
            start = i
    return runs


def _font_markup(text: str) -> str:
    """Escape cleaned ``text``: Arabic letters joined, fallback runs in their font."""
    if text.isascii():
        return escape(text)
    text = rtl.shape(text)
    fallbacks = _fallback_fonts()
    if not fallbacks.special.search(text):
        return escape(text)
    return "".join(
        escape(run) if font is None else f'<font name="{font}">{escape(run)}</font>'
        for font, run in _fallback_runs(text, fallbacks)
    )


def italic(markup: str) -> str:
    """``markup`` in italics, except runs the oblique face cannot draw (Arabic script has
    no italics and DejaVu Sans Oblique no Arabic): those stay upright."""
    upright = _fallback_fonts().upright
    return "<i>" + upright.sub(lambda m: f"</i>{m.group()}<i>", markup) + "</i>"


def markup(text: str) -> str:
    """Paragraph markup that prints ``text`` literally (newlines as line breaks)."""
    return _font_markup(clean(text)).replace("\n", "<br/>")


def inline(text: str) -> str:
    """Paragraph markup for ``text`` on one line (newlines and runs of spaces as one)."""
    return _font_markup(plain(text))


def blocks(text: str) -> list[str]:
    """Paragraph markup for each paragraph of ``text`` (paragraphs: split at blank lines;
    a long one cut into :func:`pieces`)."""
    text = clean(text).strip()
    if not text:
        return []
    parts = (part.strip() for part in _BLANK_LINES.split(text))
    return [markup(piece) for part in parts if part for piece in pieces(part)]
