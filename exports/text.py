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
- runs of characters the main font (DejaVu Sans) lacks but a fallback font has
  (Chinese, Japanese, Korean) are wrapped in ``<font name="BriefingFallback">`` or
  ``<font name="BriefingFallbackKR">``.

Long words and URLs are not touched here: the paragraph styles split them
(``splitLongWords``), which keeps the extracted text exact.
"""

from __future__ import annotations

import re
import threading
from typing import Final

from exports import typefaces
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


_fallback_lock = threading.Lock()
_fallback_pattern: re.Pattern[str] | None = None


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


def _fallback_runs() -> re.Pattern[str]:
    """Runs of characters for each fallback font (spaces inside a run stay in it).

    One named group per fallback font (``f0``, ``f1``, …, in the order of
    ``typefaces.FALLBACKS``): a character belongs to the first font that has it, unless
    the main family has it.
    """
    global _fallback_pattern
    if _fallback_pattern is None:
        with _fallback_lock:
            if _fallback_pattern is None:
                coverage = typefaces.register()
                taken = set(coverage.main)
                groups: list[str] = []
                for index, (_, cover) in enumerate(coverage.fallbacks):
                    own = sorted(c for c in cover - taken if c > 0x20)
                    taken |= cover
                    if own:
                        cls = _char_class(own)
                        groups.append(f"(?P<f{index}>{cls}(?:[ \u3000]*{cls})*)")
                _fallback_pattern = re.compile("|".join(groups))
    return _fallback_pattern


def _font_markup(text: str) -> str:
    """Escape cleaned ``text``, wrapping fallback runs in their fallback font."""
    if text.isascii():
        return escape(text)
    out: list[str] = []
    pos = 0
    for match in _fallback_runs().finditer(text):
        assert match.lastgroup is not None
        font = typefaces.FALLBACKS[int(match.lastgroup[1:])]
        out.append(escape(text[pos : match.start()]))
        out.append(f'<font name="{font}">{escape(match.group())}</font>')
        pos = match.end()
    out.append(escape(text[pos:]))
    return "".join(out)


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
