"""A paragraph that breaks its lines once per width.

reportlab wraps a paragraph (breaks it into lines, measuring every word) each time it is
asked for its size, and it is asked often for the same width: a frame tries a paragraph
before splitting it, a table wraps all its remaining cells again on every page it runs
onto (and once more to split them), and :class:`exports.flowables.KeepTail` and
:class:`~exports.flowables.Captioned` measure what they keep together before the frame
places it. Line breaking is most of the layout's time (11,000 of a 500-engagement
briefing's 29,800 wraps were repeats). The lines depend only on the text, the style and
the width, so a repeated wrap at the width of the last one returns its size again.
"""

from __future__ import annotations

from typing import Any

from reportlab import rl_config
from reportlab.lib.fonts import ps2tt
from reportlab.platypus import Paragraph

from exports import typefaces


class WrapOnceParagraph(Paragraph):  # type: ignore[misc]  # reportlab is untyped
    """A Paragraph whose :meth:`wrap` at the width it was last wrapped to is not redone."""

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def _setup(self, text: str, style: Any, bullet: Any, frags: Any, cleaner: Any) -> None:
        # reportlab's name; a script's font in its bold face where the text is bold
        # (split halves come with frags made from the whole's, already in their faces)
        if frags is None and style is not None:
            text = typefaces.emboldened(text, bold=bool(ps2tt(style.fontName)[1]))
        super()._setup(text, style, bullet, frags, cleaner)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        wrapped = self._wrapped
        # reportlab's split deletes blPara when it gives up: then the lines are made again.
        if wrapped is not None and wrapped[0] == avail_width and "blPara" in self.__dict__:
            self.width, self.height = wrapped[1]
            return wrapped[1]
        size: Any = super().wrap(avail_width, avail_height)
        # (reportlab breaks no lines in a width of nothing: that answer is not kept)
        fits = avail_width >= rl_config._FUZZ
        self._wrapped = (avail_width, (size[0], size[1])) if fits else None
        return size[0], size[1]
