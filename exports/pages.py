"""Page furniture: the marking banners, running header and footer, and "Page X of Y".

As in pretix's PDF renderer, each page template's ``onPage`` callback draws the parts
known while the page is laid out (banners, running header, "Generated …"), and a
:class:`NumberedCanvas` — the classic two-pass canvas — keeps every finished page's
state until ``save()``, when the total is known, and only then writes "Page X of Y" on
each page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from exports import style, text, typefaces
from exports.letterhead import draw_header_logo
from exports.rtl import BidiParagraph
from tracker.domain.letterhead import Logo

FOOTER_SIZE = 7.5
BANNER_BOTTOM = 9 * mm  # baseline of the bottom marking banner
FOOTER_BASELINE = 15 * mm  # "Generated …" and "Page X of Y"
FOOTER_RULE = 19 * mm
BANNER_TOP = 12 * mm  # from the top edge
HEADER_BASELINE = 18 * mm  # from the top edge
HEADER_RULE = 19.5 * mm  # from the top edge


@dataclass
class PageDecor:
    """Draws the furniture of every page; ``cover`` omits the running header."""

    marking: str
    generated: str  # "Generated 2026-02-27 14:05 UTC"
    running_title: str  # plain user text (escaped here)
    logo: Logo | None = None  # drawn small before the running title
    running_label: str = "Engagement briefing"  # at the right of the running header
    _header: dict[float, Paragraph] = field(default_factory=dict)

    def cover(self, canvas: Canvas, doc: Any) -> None:
        """onPage callback of the cover."""
        self._furniture(canvas, doc, header=False)

    def body(self, canvas: Canvas, doc: Any) -> None:
        """onPage callback of every other page."""
        self._furniture(canvas, doc, header=True)

    def _furniture(self, canvas: Canvas, doc: Any, *, header: bool) -> None:
        width, height = doc.pagesize
        canvas.saveState()
        canvas.setFillColor(style.INK)
        canvas.setFont(typefaces.SANS_BOLD, style.SIZE_MARKING_BANNER)
        canvas.drawCentredString(width / 2, height - BANNER_TOP, self.marking)
        canvas.drawCentredString(width / 2, BANNER_BOTTOM, self.marking)

        canvas.setStrokeColor(style.RULE)
        canvas.setLineWidth(0.4)
        canvas.line(style.MARGIN_X, FOOTER_RULE, width - style.MARGIN_X, FOOTER_RULE)
        canvas.setFont(typefaces.SANS, FOOTER_SIZE)
        canvas.setFillColor(style.GREY)
        canvas.drawString(style.MARGIN_X, FOOTER_BASELINE, self.generated)
        if header:
            canvas.line(
                style.MARGIN_X, height - HEADER_RULE, width - style.MARGIN_X, height - HEADER_RULE
            )
            label = self.running_label
            canvas.drawRightString(width - style.MARGIN_X, height - HEADER_BASELINE, label)
            left = draw_header_logo(canvas, self.logo, style.MARGIN_X, height - HEADER_BASELINE)
            room = width - 2 * style.MARGIN_X - canvas.stringWidth(label) - 8 * mm - left
            title = self._running_title(room)
            _, h = title.wrap(room, 20 * mm)
            title.drawOn(canvas, style.MARGIN_X + left, height - HEADER_BASELINE - h + FOOTER_SIZE)
        canvas.restoreState()

    def _running_title(self, room: float) -> Paragraph:
        """The title as one line of at most ``room`` points (cut with "…" if longer)."""
        cached = self._header.get(room)
        if cached is not None:
            return cached
        para_style = style.stylesheet().muted.clone(
            "RunningTitle", fontSize=FOOTER_SIZE, leading=FOOTER_SIZE * 1.2, spaceAfter=0
        )
        limit = 200
        paragraph = BidiParagraph(text.inline(text.truncate(self.running_title, limit)), para_style)
        paragraph.wrap(room, 100 * mm)
        while len(paragraph.blPara.lines) > 1 and limit > 8:
            limit = limit * 4 // 5
            paragraph = BidiParagraph(
                text.inline(text.truncate(self.running_title, limit)), para_style
            )
            paragraph.wrap(room, 100 * mm)
        self._header[room] = paragraph
        return paragraph


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """A canvas that writes "Page X of Y" on every page once Y is known (at ``save``).

    The pages are only written at ``save``, so a bookmark (an outline entry's or a
    link's destination) set while a page is laid out is set on it then: set at once it
    would name the page being written, the first.
    """

    def __init__(
        self,
        *args: Any,
        date_formatter: Callable[..., str] | None = None,
        page_words: str = "Page {page} of {total}",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._page_words = page_words  # in the briefing's language
        self._saved_page_states: list[dict[str, Any]] = []
        self.draft = False  # the first pages only (a preview): the total is not known
        self._bookmarks: list[tuple[str, dict[str, Any]]] = []
        self._numbers: list[tuple[str, float, float]] = []  # the contents page's
        if date_formatter is not None:
            self.setDateFormatter(date_formatter)

    def bookmarkPage(self, key: str, **kwargs: Any) -> None:  # reportlab's name
        self._bookmarks.append((key, kwargs))

    def contents_number(self, key: str, x: float, y: float) -> None:
        """Write the number of the page bookmark ``key`` is on, right-aligned at (x, y)
        of this page (absolute), once all pages are known."""
        self._numbers.append((key, x, y))

    def showPage(self) -> None:  # reportlab's name
        self._saved_page_states.append(dict(self.__dict__))
        self._bookmarks, self._numbers = [], []  # the next page's
        self._startPage()

    def pages_done(self) -> int:
        """Pages finished so far."""
        return len(self._saved_page_states)

    def save(self) -> None:
        total = "…" if self.draft else str(len(self._saved_page_states))
        pages = {
            key: str(number)
            for number, state in enumerate(self._saved_page_states, start=1)
            for key, _ in state["_bookmarks"]
        }
        for state in self._saved_page_states:
            self.__dict__.update(state)
            for key, kwargs in self._bookmarks:
                Canvas.bookmarkPage(self, key, **kwargs)
            self._draw_contents_numbers(pages)
            self._draw_page_number(total)
            Canvas.showPage(self)
        Canvas.save(self)

    def _draw_contents_numbers(self, pages: dict[str, str]) -> None:
        if not self._numbers:
            return
        self.saveState()
        self.setFont(typefaces.SANS, style.SIZE_BODY)
        self.setFillColor(style.INK)
        for key, x, y in self._numbers:
            self.drawRightString(x, y, pages.get(key, ""))
        self.restoreState()

    def _draw_page_number(self, total: str) -> None:
        width, _ = self._pagesize
        self.saveState()
        self.setFont(typefaces.SANS, FOOTER_SIZE)
        self.setFillColor(style.GREY)
        self.drawRightString(
            width - style.MARGIN_X,
            FOOTER_BASELINE,
            self._page_words.format(page=self._pageNumber, total=total),
        )
        self.restoreState()
