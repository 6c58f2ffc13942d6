"""The briefing's own flowables and the paragraph factory every part of the story uses.

:class:`Heading` is a paragraph that is also a bookmark in the PDF outline,
:class:`SectionRule` a rule between engagement sections, :class:`ProgressMark` an
invisible mark that reports a placed section; :func:`paragraph` skips reportlab's
markup parser for plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from exports import style


class Heading(Paragraph):  # type: ignore[misc]
    """A paragraph that is also a bookmark in the PDF outline."""

    def __init__(self, markup: str, para_style: Any, *, outline: str, key: str, level: int):
        super().__init__(markup, para_style)
        self.outline_title = outline
        self.outline_key = key
        self.outline_level = level


class SectionRule(Flowable):  # type: ignore[misc]
    """A thin rule between sections, left out at the top of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.spaceBefore = 3 * mm
        self.spaceAfter = 2.5 * mm
        self._width = 0.0
        self._shown = True

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._shown = not getattr(getattr(self, "_frame", None), "_atTop", False)
        self._width = avail_width
        return (avail_width, 0.6 if self._shown else 0)

    def getSpaceAfter(self) -> float:  # reportlab's name
        return float(self.spaceAfter) if self._shown else 0.0

    def draw(self) -> None:
        if self._shown:
            self.canv.saveState()
            self.canv.setStrokeColor(style.RULE)
            self.canv.setLineWidth(0.6)
            self.canv.line(0, 0.3, self._width, 0.3)
            self.canv.restoreState()


class ProgressMark(Flowable):  # type: ignore[misc]
    """An invisible flowable that reports when the layout has placed a section."""

    def __init__(self, report: Callable[[int], None], done: int) -> None:
        super().__init__()
        self._report = report
        self._done = done
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        self._report(self._done)


def paragraph(
    markup: str, para_style: Any, bullet: str | None = None, *, templates: dict[str, Any]
) -> Paragraph:
    """A Paragraph; markup without tags or entities skips reportlab's markup parser.

    Parsing costs a quarter of a long briefing and most headings and summaries are
    plain text: their one fragment is a copy of the style's own (``templates`` caches
    it by style name), with the text.
    """
    if "<" in markup or "&" in markup:
        return Paragraph(markup, para_style, bulletText=bullet)
    template = templates.get(para_style.name)
    if template is None:
        template = templates[para_style.name] = Paragraph("x", para_style).frags[0]
    text = " ".join(markup.split())
    return Paragraph(text, para_style, bulletText=bullet, frags=[template.clone(text=text)])
