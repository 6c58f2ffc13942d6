"""PDF briefings: a cover, an overview, the optional sections asked for (follow-ups due),
a restriction matrix and one section per engagement.

The renderer takes plain data (:class:`Briefing`, built by the service layer) and returns
PDF bytes; it never touches the database or the GUI. The design follows pretix's
reportlab exporters: a stylesheet module (:mod:`exports.style`), a story builder
(:mod:`exports.story`), page callbacks and a "Page X of Y" numbered canvas
(:mod:`exports.pages`), and a document template here.

Every page carries the briefing's handling marking at the top and bottom (centred, bold),
"Generated YYYY-MM-DD HH:MM UTC" and "Page X of Y" in the footer. User text is escaped
(:mod:`exports.text`), printed with embedded DejaVu Sans and a CJK fallback font
(:mod:`exports.typefaces`). The output is deterministic: the same briefing gives the same
bytes (the PDF's dates are ``generated_at``).

Right-to-left scripts: reportlab reorders and shapes right-to-left text only with its
optional ``rlbidi`` (bidi) and ``uharfbuzz`` (shaping) packages; ``rlbidi`` is not
available from the package index this project uses, so Hebrew and Arabic are printed
with DejaVu's glyphs in logical (stored) order, Arabic letters unjoined. Such text
reads wrongly on paper; see ``exports/README.md``.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import io
import threading
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any, Final

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, letter
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from exports import style, text, typefaces
from exports.document import Briefing, BriefingEngagement
from exports.flowables import Heading
from exports.pages import NumberedCanvas, PageDecor
from exports.story import StoryBuilder
from tracker.domain.briefing_sections import COVER
from tracker.domain.languages import Language, translate
from tracker.domain.markings import looks_classified

__all__ = ["Briefing", "BriefingCancelled", "BriefingEngagement", "render_pdf"]

PAGE_SIZES: Final[dict[str, tuple[float, float]]] = {"A4": A4, "LETTER": letter}


class BriefingCancelled(Exception):
    """Raised by :func:`render_pdf` when ``on_progress`` returned False."""


class _FirstPagesDone(Exception):
    """The pages a draft asked for are laid out: the layout stops there."""


class BriefingDocTemplate(BaseDocTemplate):  # type: ignore[misc]
    """Two page templates (cover, body) sharing one frame; headings become bookmarks.
    The first page is the cover's unless ``cover_first`` is False (a briefing that does
    not start with its cover). With ``first_pages`` the layout stops once that many
    pages are finished."""

    def __init__(
        self,
        buffer: io.BytesIO,
        decor: PageDecor,
        first_pages: int | None = None,
        *,
        cover_first: bool = True,
        **kwargs: Any,
    ) -> None:
        self._first_pages = first_pages
        super().__init__(
            buffer,
            leftMargin=style.MARGIN_X,
            rightMargin=style.MARGIN_X,
            topMargin=style.MARGIN_TOP,
            bottomMargin=style.MARGIN_BOTTOM,
            **kwargs,
        )
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        templates = [
            PageTemplate(id="cover", frames=[frame], onPage=decor.cover),
            PageTemplate(id="body", frames=[frame], onPage=decor.body),
        ]
        self.addPageTemplates(templates if cover_first else templates[::-1])

    def handle_pageEnd(self) -> None:  # reportlab's name
        super().handle_pageEnd()
        if self._first_pages is not None and self.canv.pages_done() >= self._first_pages:
            raise _FirstPagesDone

    def afterFlowable(self, flowable: Any) -> None:  # reportlab's name
        if isinstance(flowable, Heading) and flowable.bookmark is not None:
            mark = flowable.bookmark
            self.canv.bookmarkPage(mark.key)
            self.canv.addOutlineEntry(mark.title, mark.key, level=mark.level)


def _page_size(name: str) -> tuple[float, float]:
    size = PAGE_SIZES.get(name.strip().upper())
    if size is None:
        raise ValueError(f'unknown page size "{name}" (allowed: A4, Letter)')
    return size


def render_pdf(
    briefing: Briefing,
    *,
    on_progress: Callable[[int, int], bool | None] | None = None,
    first_pages: int | None = None,
) -> bytes:
    """The briefing as PDF bytes.

    With ``first_pages`` only that many pages are laid out, a draft for the preview
    (the pages as they will be, but "Page 1 of …": the total is not known yet).

    ``on_progress(done, total)`` is called with ``(0, total)`` before the layout starts
    and after each engagement section has been laid out; when it returns False the
    rendering stops with :class:`BriefingCancelled`. Raises ValueError for an unknown
    page size or an empty or classified marking.
    """
    page_size = _page_size(briefing.page_size)
    marking = text.plain(briefing.marking)
    if not marking:
        raise ValueError("a briefing needs a handling marking")
    if looks_classified(marking):
        raise ValueError(
            f'"{marking}" is a classified marking: this tracker holds unclassified material only'
        )
    generated = briefing.generated_at
    if generated.tzinfo is None:
        raise ValueError("generated_at must be an aware datetime (UTC)")
    generated = generated.astimezone(_dt.UTC)

    total = len(briefing.engagements)
    report: Callable[[int], None] | None = None
    if on_progress is not None:
        callback = on_progress

        def report(done: int) -> None:
            if callback(done, total) is False:
                raise BriefingCancelled(f"briefing cancelled after {done} of {total} sections")

        report(0)

    language = briefing.language
    english = language == Language.EN
    styles = style.stylesheet(style.LABEL_COLUMN if english else style.FRENCH_LABEL_COLUMN)
    decor = PageDecor(
        marking=marking,
        generated=translate("Generated {day} {time} UTC", language).format(
            day=f"{generated:%Y-%m-%d}", time=f"{generated:%H:%M}"
        ),
        running_title=briefing.title,
        logo=briefing.logo,
        running_label=translate("Engagement briefing", language),
    )
    buffer = io.BytesIO()
    doc = BriefingDocTemplate(
        buffer,
        decor,
        first_pages,
        pagesize=page_size,
        title=text.truncate(briefing.title, 200),
        author=text.truncate(
            ", ".join(v for v in (briefing.author, briefing.organisation) if text.plain(v)), 200
        ),
        subject=translate("Engagement briefing · {marking}", language).format(marking=marking),
        cover_first=briefing.sections[:1] == (COVER,),
        creator="Engagement Tracker",
        keywords=[marking],
        lang=str(language),
        invariant=1,
        initialFontName=typefaces.SANS,
        initialFontSize=style.SIZE_BODY,
    )
    story = StoryBuilder(briefing, styles, doc.width, report).build()
    pdf_date = f"D:{generated:%Y%m%d%H%M%S}+00'00'"
    canvasmaker = partial(
        NumberedCanvas,
        date_formatter=lambda *_: pdf_date,
        page_words=translate("Page {page} of {total}", language),
    )
    with _reportlab_settings():
        try:
            doc.build(story, canvasmaker=canvasmaker)
        except _FirstPagesDone:
            doc.canv.draft = True
            doc.canv.save()
    return buffer.getvalue()


_settings_lock = threading.Lock()


@contextlib.contextmanager
def _reportlab_settings() -> Iterator[None]:
    """reportlab's global settings for one build (one build at a time).

    Content streams are only Flate-compressed, not also ASCII85-encoded: smaller files,
    and ASCII85 in pure Python costs a tenth of the build time.
    """
    with _settings_lock:
        saved = rl_config.useA85
        rl_config.useA85 = 0
        try:
            yield
        finally:
            rl_config.useA85 = saved
