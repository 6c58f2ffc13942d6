"""The briefing's own flowables and the paragraph factory every part of the story uses.

:class:`Heading` is a paragraph that is also a bookmark in the PDF outline,
:class:`RunningHeading` repeats a section's heading with "(continued)" at the top of the
pages the section continues onto, :class:`KeepTail` keeps a part's last line off a page
of its own, :class:`SectionRule` is a rule between engagement sections,
:class:`ProgressMark` an invisible mark that reports a placed section,
:class:`RowsTable` a table that never leaves a lone row on either side of a page
break; :func:`paragraph` skips reportlab's markup parser for plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, FrameBreak, Paragraph, Spacer, Table
from reportlab.platypus.flowables import SetPageTopFlowables

from exports import style
from exports.rtl import BidiParagraph, paragraph_class


@dataclass(frozen=True)
class Bookmark:
    """An entry of the PDF outline."""

    title: str
    key: str
    level: int


class Heading(BidiParagraph):
    """A paragraph that is also a bookmark in the PDF outline, where it starts."""

    def __init__(
        self, markup: str, para_style: Any, bookmark: Bookmark | None = None, **kwargs: Any
    ) -> None:
        super().__init__(markup, para_style, **kwargs)
        self.bookmark = bookmark

    def split(self, avail_width: float, avail_height: float) -> list[Paragraph]:
        # reportlab makes the parts of a heading taller than the room left (a very long
        # title) with this class and without a bookmark: the first part carries it.
        parts: list[Paragraph] = super().split(avail_width, avail_height)
        if len(parts) > 1:
            parts[0].bookmark = self.bookmark
        return parts


class RunningHeading(SetPageTopFlowables):  # type: ignore[misc]
    """From where it is placed on, every new page starts with ``heading``; placed after a
    section's heading with the heading and "(continued)", and with None at its end.

    reportlab's page-top flowables: the setting takes effect when the layout reaches
    this flowable (the story never wraps it anywhere else, e.g. in a KeepTogether).
    """

    def __init__(self, heading: Paragraph | None) -> None:
        super().__init__([] if heading is None else [heading])


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


# A height no frame has: wrap() answers it so that the layout always splits a KeepTail.
_NEVER_FITS: Final = 0xFFFFFF


class KeepTail(Flowable):  # type: ignore[misc]
    """A part's one-line ending (``after``), kept on a page with the end of ``before``.

    Paragraphs never leave a single line on either side of a page break (the styles turn
    orphans and widows off), but between flowables reportlab would carry a part's last
    line — the "Not recorded: …" note, a one-line item — alone onto a page of its own.
    Like reportlab's KeepTogether this container is never drawn: it always splits, into
    its flowables when they fit; else into what of ``before`` fits here and a KeepTail
    of the rest; else (``after`` alone does not fit) into ``before`` less its last lines,
    a page break, and those lines with ``after``; a ``before`` too short to split goes
    to the next page with ``after``.
    """

    def __init__(self, before: Flowable, after: Sequence[Flowable]) -> None:
        super().__init__()
        self.before = before
        self.after = list(after)

    @property
    def content(self) -> list[Flowable]:
        """The flowables kept together, in order."""
        return [self.before, *self.after]

    def getSpaceBefore(self) -> float:  # reportlab's name
        return float(self.before.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # reportlab's name
        return float(self.after[-1].getSpaceAfter()) if self.after else 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return (avail_width, _NEVER_FITS)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        canv, width = self.canv, avail_width
        before_height = self.before.wrapOn(canv, width, avail_height)[1]
        after_height = _stacked_height(self.after, canv, width, self.before.getSpaceAfter())
        fits = before_height <= avail_height
        if fits and (before_height + after_height <= avail_height or _lines(self.after) > 1):
            return self.content  # nothing to keep: it fits, or ``after`` splits on its own
        at_top = bool(getattr(getattr(self, "_frame", None), "_atTop", False))
        if not fits:  # (the first flowable of a split must fit: reportlab checks)
            parts = self.before.splitOn(canv, width, avail_height)
            if len(parts) == 2:
                return [parts[0], KeepTail(parts[1], self.after)]
            return self.content if at_top else [FrameBreak(), *self.content]
        # ``before`` fits, ``after`` does not: ``before``'s last lines go along with it
        # (splitting a little above its end leaves at least two of them).
        parts = self.before.splitOn(canv, width, before_height - 1)
        if len(parts) == 2:
            return [parts[0], FrameBreak(), parts[1], *self.after]
        return self.content if at_top else [FrameBreak(), *self.content]


def _stacked_height(flowables: Sequence[Flowable], canv: Any, width: float, gap: float) -> float:
    """The height ``flowables`` take one below the other after a flowable whose space
    after is ``gap`` (adjacent spaces overlap: the larger counts, as in reportlab's frames)."""
    total = 0.0
    for f in flowables:
        total += max(gap, f.getSpaceBefore()) + f.wrapOn(canv, width, _NEVER_FITS)[1]
        gap = f.getSpaceAfter()
    return total


def _lines(flowables: Sequence[Flowable]) -> int:
    """The lines of text of wrapped flowables (paragraphs; anything else counts none)."""
    return sum(len(f.blPara.lines) for f in flowables if isinstance(f, Paragraph))


def keep_end(flowables: list[Flowable]) -> list[Flowable]:
    """``flowables`` (a part of the story) with their last paragraph, and any spacers
    before it, in a :class:`KeepTail` with the flowable before them."""
    last = max((i for i, f in enumerate(flowables) if isinstance(f, Paragraph)), default=None)
    if last is None:
        return flowables
    start = last
    while start > 0 and type(flowables[start - 1]) is Spacer:
        start -= 1
    if start == 0 or isinstance(flowables[start - 1], Spacer):  # (CondPageBreak too)
        return flowables
    before = flowables[start - 1]
    tail = KeepTail(before, flowables[start : last + 1])
    return [*flowables[: start - 1], tail, *flowables[last + 1 :]]


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
    # Right-to-left text is drawn line by line in visual order (exports.rtl).
    cls = paragraph_class(markup)
    if "<" in markup or "&" in markup:
        return cls(markup, para_style, bulletText=bullet)
    template = templates.get(para_style.name)
    if template is None:
        template = templates[para_style.name] = Paragraph("x", para_style).frags[0]
    text = " ".join(markup.split())
    return cls(text, para_style, bulletText=bullet, frags=[template.clone(text=text)])


MIN_ROWS: Final = 3  # body rows a table keeps together on either side of a page break


class RowsTable(Table):  # type: ignore[misc]
    """A table that splits between pages only where at least :data:`MIN_ROWS` body rows
    (below the repeated header) stay on each side: a page never holds a lone row.

    reportlab splits wherever the room ends; this moves the split up so that enough
    rows go along to the next page, or the whole table there when too few would stay.
    Its parts are RowsTables too (reportlab makes them of the table's class).
    """

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(avail_width, avail_height)
        if len(parts) != 2:
            return parts
        head = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        first = len(parts[0]._cellvalues) - head
        rest = len(parts[1]._cellvalues) - head
        if first < MIN_ROWS:
            return []  # the table starts on the next page
        if rest >= MIN_ROWS:
            return parts
        keep = first + rest - MIN_ROWS
        if keep < MIN_ROWS:
            return []
        height = sum(self._rowHeights[: head + keep])
        moved: list[Flowable] = super().split(avail_width, height + 0.01)
        return moved


class Captioned(Flowable):  # type: ignore[misc]
    """A caption kept with the first rows of its table: when the table does not start
    below the caption (too little room for :data:`MIN_ROWS` rows), both go to the next
    page. Like :class:`KeepTail`, never drawn: it always splits."""

    def __init__(self, caption: Flowable, table: Table) -> None:
        super().__init__()
        self.caption = caption
        self.table = table

    def getSpaceBefore(self) -> float:  # reportlab's name
        return float(self.caption.getSpaceBefore())

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return (avail_width, _NEVER_FITS)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        canv, width = self.canv, avail_width
        room = avail_height - _stacked_height([self.caption], canv, width, 0.0)
        room -= max(self.caption.getSpaceAfter(), self.table.getSpaceBefore())
        content: list[Flowable] = [self.caption, self.table]
        if self.table.wrapOn(canv, width, room)[1] <= room or self.table.splitOn(canv, width, room):
            return content
        at_top = bool(getattr(getattr(self, "_frame", None), "_atTop", False))
        return content if at_top else [FrameBreak(), *content]
