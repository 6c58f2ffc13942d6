"""Right-to-left text in the briefing: Arabic letters joined, every line in reading order.

reportlab draws the characters of a line left to right in the order it is given them
and has no Arabic joining of its own (its bidi path needs ``rlbidi``, which the package
index lacks). So two steps happen outside it:

1. :func:`shape` (on the text, before it becomes paragraph markup): Arabic and Persian
   letters are replaced by their contextual presentation forms (initial, medial, final,
   isolated; lam-alef ligatures) with ``arabic-reshaper``. Joining never crosses a space,
   so shaping before the line breaking changes no break; the widths reportlab measures
   are the widths of the forms it will draw.
2. :class:`BidiParagraph` (after the line breaking): each *visual line* is reordered
   with the Unicode bidirectional algorithm (``python-bidi``), so a wrapped Arabic or
   Hebrew paragraph reads its first words on its first line, and an Arabic name inside an
   English sentence keeps its place and its reading order. A paragraph whose first strong
   character is right-to-left is right to left and aligned right.

Reordering at drawing time only (not in ``breakLines``) keeps the paragraph's own text in
logical order, so splitting it across pages and wrapping it again never reorders twice.
Paragraphs without right-to-left characters are drawn as reportlab draws them.
"""

from __future__ import annotations

import copy
import re
import threading
from collections.abc import Sequence
from typing import Any, Final

import arabic_reshaper
from arabic_reshaper.ligatures import LIGATURES
from arabic_reshaper.reshaper_config import default_config
from bidi import algorithm, get_base_level
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.platypus import Paragraph

from exports import font_set, typefaces
from exports.wrapping import WrapOnceParagraph

# Hebrew, Arabic (with its supplements and presentation forms), Syriac, Thaana, NKo.
RTL: Final = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# A run of Arabic-script characters (with the joiners ZWNJ/ZWJ): letters join only inside
# one, so each run is shaped alone and the (long) rest of a text is never scanned again.
_ARABIC: Final = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\u200c\u200d]+")

_lock = threading.Lock()
_reshaper: arabic_reshaper.ArabicReshaper | None = None


def _arabic_reshaper() -> arabic_reshaper.ArabicReshaper:
    """A reshaper that keeps the vowel marks and makes the ligatures it makes by default
    (lam-alef, Allah) where our Arabic font has them: Noto Sans Arabic draws hundreds of
    compatibility ligatures that a typesetter would not use in running text."""
    global _reshaper
    if _reshaper is None:
        with _lock:
            if _reshaper is None:
                cover = typefaces.drawn_by(font_set.ARABIC)
                config: dict[str, Any] = {"delete_harakat": False, "support_ligatures": True}
                for name, (_, forms) in LIGATURES:
                    config[name] = bool(default_config.get(name)) and all(
                        ord(c) in cover for form in forms for c in form
                    )
                _reshaper = arabic_reshaper.ArabicReshaper(configuration=config)
    return _reshaper


def shape(text: str) -> str:
    """``text`` with Arabic-script letters in their joined (contextual) forms."""
    if not _ARABIC.search(text):
        return text
    reshape = _arabic_reshaper().reshape
    return _ARABIC.sub(lambda run: str(reshape(run.group())), text)


def visual_runs(pieces: Sequence[str], rtl: bool) -> list[tuple[int, str]]:
    """One line's ``pieces`` (texts of its fragments, logical order) in visual order.

    Returns (index of the piece, text) runs, left to right: the pieces' characters
    reordered and mirrored ("(" in right-to-left text becomes ")") by the bidi algorithm
    with the paragraph's direction, grouped back by the piece each came from. python-bidi's
    pure-Python module is used because it exposes the steps, so each character can carry
    its piece through the reordering (its fast ``get_display`` returns text only, and in
    0.6 without mirroring brackets). That module predates bracket pairs (rule N0 of
    Unicode 6.3): "(x)" inside right-to-left text may pair its brackets differently from
    a newer reader; names and sentences read right.
    """
    storage = algorithm.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    algorithm.get_embedding_levels("".join(pieces), storage, False, False)
    owners = (index for index, piece in enumerate(pieces) for _ in piece)
    for char, owner in zip(storage["chars"], owners, strict=True):
        char["piece"] = owner
        if not char["type"]:  # unassigned code point: left to right (UAX #9's default)
            char["type"] = char["orig"] = "L"
    algorithm.explicit_embed_and_overrides(storage, False)
    algorithm.resolve_weak_types(storage, False)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    algorithm.reorder_resolved_levels(storage, False)
    algorithm.apply_mirroring(storage, False)
    runs: list[tuple[int, list[str]]] = []
    for char in storage["chars"]:
        if runs and runs[-1][0] == char["piece"]:
            runs[-1][1].append(char["ch"])
        else:
            runs.append((char["piece"], [char["ch"]]))
    return [(index, "".join(chars)) for index, chars in runs]


def _visual_line(line: Any, kind: int, rtl: bool) -> Any:
    """A copy of one of reportlab's broken lines in visual order."""
    if not rtl and not RTL.search(_line_text(line, kind)):
        return line  # left to right without a right-to-left letter: already visual
    if kind == 0:  # (extra space, [word, ...]) in one font
        extra, words = line
        return (extra, "".join(t for _, t in visual_runs([" ".join(words)], rtl)).split(" "))
    frags = line.words  # a FragLine: fragments (font, colour ...) whose texts hold the spaces
    visual = copy.copy(line)
    visual.words = [frags[i].clone(text=t) for i, t in visual_runs([f.text for f in frags], rtl)]
    return visual


def _line_text(line: Any, kind: int) -> str:
    return " ".join(line[1]) if kind == 0 else "".join(f.text for f in line.words)


class BidiParagraph(WrapOnceParagraph):
    """A Paragraph that draws each of its lines in visual order (see the module doc)."""

    blPara: Any  # reportlab's broken lines, set by wrap()
    style: Any

    def drawPara(self, debug: int = 0) -> Any:  # reportlab's name
        logical, style = self.blPara, self.style
        kind = logical.kind
        text = "\n".join(_line_text(line, kind) for line in logical.lines)
        if not RTL.search(text):
            return super().drawPara(debug)
        rtl = get_base_level(text) == 1
        visual = copy.copy(logical)
        visual.lines = [_visual_line(line, kind, rtl) for line in logical.lines]
        self.blPara = visual
        if rtl and style.alignment == TA_LEFT:
            self.style = style.clone(style.name, alignment=TA_RIGHT)
        try:
            return super().drawPara(debug)
        finally:
            self.blPara, self.style = logical, style


def paragraph_class(markup: str) -> type[Paragraph]:
    """The Paragraph class for ``markup``: :class:`BidiParagraph` when it holds
    right-to-left text (its lines are put in visual order), a plain one otherwise (both
    wrap once per width, :mod:`exports.wrapping`)."""
    return BidiParagraph if RTL.search(markup) else WrapOnceParagraph
