"""The contents page: every section and engagement of the briefing with its page number,
each line an internal link to where it starts.

The story knows every entry before the layout (the outline's bookmarks), so the page
lays out in the same single pass as the rest; only the numbers wait: each line tells
the canvas where its number goes (:meth:`exports.pages.NumberedCanvas.contents_number`),
and the canvas writes it once every page is laid out, as it writes "Page X of Y". Links
are named destinations (``/GoTo``), never URIs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Final

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from exports import style, text
from exports.flowables import Bookmark, Captioned, Heading, KeepTail
from exports.rtl import paragraph_class
from tracker.domain.briefing_sections import CONTENTS, section_label
from tracker.domain.languages import Language

NUMBER_ROOM: Final = 14 * mm  # the right column that holds the page numbers
INDENT: Final = 6 * mm  # an engagement's line, under its section


def contents_bookmark(language: Language = Language.EN) -> Bookmark:
    """The contents page's own entry in the outline (and on itself)."""
    return Bookmark(section_label(CONTENTS, language), CONTENTS, 0)


def bookmarks(flowables: Iterable[Flowable]) -> Iterator[Bookmark]:
    """The outline entries of ``flowables``, in order (inside the story's containers too)."""
    for f in flowables:
        if isinstance(f, Heading) and f.bookmark is not None:
            yield f.bookmark
        elif isinstance(f, KeepTail):
            yield from bookmarks(f.content)
        elif isinstance(f, Captioned):
            yield from bookmarks([f.caption, f.table])


class ContentsLine(Flowable):  # type: ignore[misc]
    """One entry: its title (a link to it) and, at the right, its page number."""

    def __init__(self, mark: Bookmark, para_style: Any) -> None:
        super().__init__()
        self.key = mark.key
        self.indent = INDENT * mark.level
        title = text.inline(mark.title)
        self.title = paragraph_class(title)(title, para_style)
        self.spaceBefore = para_style.spaceBefore
        self.spaceAfter = para_style.spaceAfter

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        _, self.height = self.title.wrap(avail_width - self.indent - NUMBER_ROOM, avail_height)
        return (avail_width, self.height)

    def draw(self) -> None:
        canv = self.canv
        self.title.drawOn(canv, self.indent, 0)
        # The number on the last line's baseline, right-aligned (the canvas writes it).
        x, y = canv.absolutePosition(self.width, self.title.style.fontSize * 0.3)
        canv.contents_number(self.key, x, y)
        canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)


def contents_section(
    styles: style.Styles, entries: Iterable[Bookmark], language: Language = Language.EN
) -> list[Flowable]:
    """The heading and one line per entry (sections, and their engagements indented)."""
    levels = {
        0: styles.body.clone("Contents0", spaceBefore=2.5, spaceAfter=0.8),
        1: styles.body.clone("Contents1", spaceBefore=0, spaceAfter=0.8),
    }
    lines: list[Flowable] = [ContentsLine(m, levels[min(m.level, 1)]) for m in entries]
    mark = contents_bookmark(language)
    return [Heading(mark.title, styles.h1, mark), *lines]
