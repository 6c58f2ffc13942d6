"""The briefing dialog's preview: page thumbnails on the left, the chosen page large on
the right (fit to width, zoom − / +), "Page 3 of 12", PgUp / PgDn, of the briefing as
it would be written — rendered in memory, never saved nor recorded.

Everything slow runs on one thread of the preview's own (:class:`PreviewThread`): the
briefing's PDF (the caller's function, the service's ``render_briefing``), then its
pages as images (:mod:`exports.preview`). A newer request supersedes an older one: the
older rendering is cancelled at its next progress report and its results are dropped.
When the first page is the one shown, a draft of that page alone comes first (laid out
in a fraction of the whole: "Page 1 of …"), then the whole PDF: the page asked for,
then the thumbnails one by one. A failure is said in a line of the preview, never a modal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QSize, Qt, QThread, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QIcon,
    QImage,
    QKeySequence,
    QPalette,
    QPixmap,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from exports.preview import PageImage, PdfPages
from tracker.domain.errors import TrackerError
from ui.i18n import translate
from ui.message_line import MessageLine
from ui.partial_date_edit import error_colour, hint_colour
from ui.plain_text import tooltip
from ui.workers import Report

# What renders the briefing's PDF on the preview thread: it gets a progress callback
# that answers False once the rendering is superseded, and the number of first pages
# wanted (a draft, "Page 1 of …"), or None for the whole briefing.
PreviewWork = Callable[[Report, int | None], bytes]

THUMB_WIDTH: Final = 120
ZOOMS: Final = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0)  # × the width that fits


@dataclass(frozen=True)
class _Document:
    generation: int
    work: PreviewWork
    page: int
    width: int


@dataclass(frozen=True)
class _Page:
    generation: int
    page: int
    width: int


class PreviewThread(QThread):
    """Renders the latest request only: a briefing (then its pages), or one page again."""

    drafted = Signal(int, object)  # generation, PageImage of page 1 (its total unknown)
    opened = Signal(int, int)  # generation, page count
    page = Signal(int, int, object)  # generation, index, PageImage (large)
    thumbnail = Signal(int, int, object)  # generation, index, PageImage (small)
    failed = Signal(int, str)  # generation, message

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("briefing-preview")
        self._wake = threading.Condition()
        self._document: _Document | None = None
        self._page: _Page | None = None
        self._stopping = False

    def render(self, generation: int, work: PreviewWork, *, page: int, width: int) -> None:
        """Render a new briefing (superseding any other), page ``page`` first."""
        with self._wake:
            self._document = _Document(generation, work, page, width)
            self._page = None
            self._wake.notify()

    def render_page(self, generation: int, page: int, *, width: int) -> None:
        """Render page ``page`` of briefing ``generation`` again, ``width`` pixels wide."""
        with self._wake:
            self._page = _Page(generation, page, width)
            self._wake.notify()

    def stop(self) -> None:
        """End the thread (a running rendering is cancelled) and wait for it."""
        with self._wake:
            self._stopping = True
            self._wake.notify()
        self.wait()

    def run(self) -> None:
        pages: PdfPages | None = None
        generation = -1
        try:
            while (job := self._next()) is not None:
                if isinstance(job, _Page):
                    if pages is not None and job.generation == generation:
                        self._large(pages, generation, job.page, job.width)
                    continue
                if pages is not None:
                    pages.close()
                    pages = None
                pages = self._open(job)
                generation = job.generation
                if pages is not None:
                    self._all_pages(pages, job)
        finally:
            if pages is not None:
                pages.close()

    def _next(self) -> _Document | _Page | None:
        with self._wake:
            while not self._stopping and self._document is None and self._page is None:
                self._wake.wait()
            if self._stopping:
                return None
            job: _Document | _Page | None = self._document or self._page
            if self._document is not None:
                self._document = None
            else:
                self._page = None
            return job

    def _superseded(self) -> bool:
        with self._wake:
            return self._stopping or self._document is not None

    def _open(self, job: _Document) -> PdfPages | None:
        def report(done: int, total: int) -> bool:
            return not self._superseded()

        try:
            if job.page == 0:
                self._draft(job, job.work(report, 1))
            pdf = job.work(report, None)
            pages = PdfPages(pdf)
        except TrackerError as exc:
            if not self._superseded():
                self.failed.emit(job.generation, str(exc))
            return None
        except Exception as exc:  # said in the dialog, never a silent crash
            if not self._superseded():
                self.failed.emit(job.generation, f"unexpected error: {exc!r}")
            return None
        self.opened.emit(job.generation, len(pages))
        return pages

    def _draft(self, job: _Document, pdf: bytes) -> None:
        with PdfPages(pdf) as pages:
            self.drafted.emit(job.generation, pages.render(0, width=job.width))

    def _all_pages(self, pages: PdfPages, job: _Document) -> None:
        first = min(job.page, len(pages) - 1)
        self._large(pages, job.generation, first, job.width)
        for index in range(len(pages)):
            if self._superseded():
                return
            self._serve_page(pages, job.generation)
            self.thumbnail.emit(job.generation, index, pages.render(index, width=THUMB_WIDTH))

    def _serve_page(self, pages: PdfPages, generation: int) -> None:
        """A page asked for while the thumbnails are made comes before the next one."""
        with self._wake:
            asked, self._page = self._page, None
        if asked is not None and asked.generation == generation:
            self._large(pages, generation, asked.page, asked.width)

    def _large(self, pages: PdfPages, generation: int, index: int, width: int) -> None:
        if 0 <= index < len(pages):
            self.page.emit(generation, index, pages.render(index, width=width))


def to_image(page: PageImage) -> QImage:
    """The page as a QImage that owns its pixels."""
    image = QImage(page.pixels, page.width, page.height, page.stride, QImage.Format.Format_RGBX8888)
    return image.copy()


def _page_icon(pixmap: QPixmap) -> QIcon:
    """A thumbnail that stays as it is when chosen (the number under it is highlighted):
    Qt's selected icon is tinted with the highlight colour, which hides the page."""
    icon = QIcon(pixmap)
    icon.addPixmap(pixmap, QIcon.Mode.Selected)
    return icon


class BriefingPreview(QWidget):
    """Thumbnails, the page, its number and zoom; ``show_briefing`` asks for a new one."""

    shown = Signal(int)  # a page was drawn large (its index)
    ready = Signal(int)  # the whole briefing is rendered (its page count)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._count = 0
        self._zoom = ZOOMS.index(1.0)
        self._thread = PreviewThread()
        self._thread.drafted.connect(self._drafted)
        self._thread.opened.connect(self._opened)
        self._thread.page.connect(self._page)
        self._thread.thumbnail.connect(self._thumbnail)
        self._thread.failed.connect(self._failed)
        self._thread.start()

        self.thumbnails = QListWidget(self)
        self.thumbnails.setObjectName("previewThumbnails")
        self.thumbnails.setAccessibleName("Pages")
        self.thumbnails.setViewMode(QListView.ViewMode.IconMode)
        self.thumbnails.setFlow(QListView.Flow.TopToBottom)
        self.thumbnails.setWrapping(False)
        self.thumbnails.setMovement(QListView.Movement.Static)
        self.thumbnails.setIconSize(QSize(THUMB_WIDTH, int(THUMB_WIDTH * 1.42)))
        self.thumbnails.setSpacing(4)
        self.thumbnails.setUniformItemSizes(True)
        self.thumbnails.setFixedWidth(THUMB_WIDTH + 44)
        self.thumbnails.currentRowChanged.connect(self._chosen)

        self.page_view = QLabel(self)
        self.page_view.setObjectName("previewPage")
        self.page_view.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page_area = QScrollArea(self)
        self.page_area.setAccessibleName("Page")
        self.page_area.setWidget(self.page_view)
        self.page_area.setWidgetResizable(True)
        self.page_area.setBackgroundRole(QPalette.ColorRole.Dark)

        self.position = QLabel("", self)
        self.position.setObjectName("previewPosition")
        self.message = MessageLine(self)
        self.message.setObjectName("previewMessage")
        zoom_out = self._button(
            "−",
            translate("briefing_preview", "Zoom out (Ctrl+−)"),
            QKeySequence.StandardKey.ZoomOut,
        )
        zoom_out.clicked.connect(lambda: self._zoom_by(-1))
        zoom_in = self._button(
            "+", translate("briefing_preview", "Zoom in (Ctrl++)"), QKeySequence.StandardKey.ZoomIn
        )
        zoom_in.clicked.connect(lambda: self._zoom_by(1))
        for key, step in ((Qt.Key.Key_PageDown, 1), (Qt.Key.Key_PageUp, -1)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda step=step: self.move_by(step))

        self._resized = QTimer(self)  # re-render the page once a resize has settled
        self._resized.setSingleShot(True)
        self._resized.setInterval(120)
        self._resized.timeout.connect(self._render_current)

        bar = QHBoxLayout()
        bar.addWidget(self.position)
        bar.addWidget(self.message, 1)
        bar.addWidget(zoom_out)
        bar.addWidget(zoom_in)
        pages = QHBoxLayout()
        pages.addWidget(self.thumbnails)
        pages.addWidget(self.page_area, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(pages, 1)

    def _button(self, text: str, tip: str, key: QKeySequence.StandardKey) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tooltip(tip))
        button.setAccessibleName(tip.split(" (")[0])
        button.setShortcut(QKeySequence(key))
        return button

    # --- asking -------------------------------------------------------------------------

    def show_briefing(self, work: PreviewWork) -> None:
        """Render the briefing ``work`` makes (superseding any rendering under way)."""
        self._generation += 1
        self._say(translate("briefing_preview", "Rendering the preview…"))
        self._thread.render(
            self._generation, work, page=max(self.current_page(), 0), width=self._page_width()
        )

    def stop(self) -> None:
        """Cancel any rendering and end the preview's thread (before the dialog goes)."""
        self._thread.stop()

    def page_count(self) -> int:
        """Pages of the briefing shown (0 before the first is rendered)."""
        return self._count

    def current_page(self) -> int:
        """The index of the page shown large (-1 before any)."""
        return self.thumbnails.currentRow()

    def move_by(self, step: int) -> None:
        """Show the next (1) or previous (-1) page, if there is one."""
        row = self.current_page() + step
        if 0 <= row < self.thumbnails.count():
            self.thumbnails.setCurrentRow(row)

    # --- what the thread sends ----------------------------------------------------------

    def _drafted(self, generation: int, page: object) -> None:
        if generation != self._generation or self.current_page() > 0:
            return
        assert isinstance(page, PageImage)
        self._draw(page)
        if self.current_page() < 0:
            self.position.setText(translate("briefing_preview", "Page 1 of …"))
        self._say(translate("briefing_preview", "Rendering the other pages…"))
        self.shown.emit(0)

    def _opened(self, generation: int, count: int) -> None:
        if generation != self._generation:
            return
        self.message.clear_message()
        keep = min(max(self.current_page(), 0), count - 1)
        self._count = count
        self.thumbnails.blockSignals(True)  # the page to show is on its way already
        self.thumbnails.clear()
        blank = QPixmap(self.thumbnails.iconSize())
        blank.fill(QColor("white"))
        for number in range(1, count + 1):
            QListWidgetItem(_page_icon(blank), str(number), self.thumbnails)
        self.thumbnails.setCurrentRow(keep)
        self.thumbnails.blockSignals(False)
        self._say_position()
        self.ready.emit(count)

    def _page(self, generation: int, index: int, page: object) -> None:
        if generation != self._generation or index != self.current_page():
            return
        assert isinstance(page, PageImage)
        self._draw(page)
        self.shown.emit(index)

    def _draw(self, page: PageImage) -> None:
        pixmap = QPixmap.fromImage(to_image(page))
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.page_view.setPixmap(pixmap)

    def _thumbnail(self, generation: int, index: int, page: object) -> None:
        item = self.thumbnails.item(index)
        if generation != self._generation or item is None:
            return
        assert isinstance(page, PageImage)
        item.setIcon(_page_icon(QPixmap.fromImage(to_image(page))))

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._say(
                translate("briefing_preview", "No preview: {reason}").format(reason=message),
                error=True,
            )

    def _say(self, text: str, *, error: bool = False) -> None:
        colour = error_colour(self) if error else hint_colour(self)
        self.message.setStyleSheet(f"color: {colour};")
        self.message.show_message(text)

    # --- the page view ------------------------------------------------------------------

    def _chosen(self, row: int) -> None:
        self._say_position()
        if row >= 0:
            self._render_current()

    def _say_position(self) -> None:
        row = self.current_page()
        self.position.setText(
            translate("briefing_preview", "Page {page} of {total}").format(
                page=row + 1, total=self._count
            )
            if row >= 0
            else ""
        )

    def _render_current(self) -> None:
        if self.current_page() >= 0:
            self._thread.render_page(
                self._generation, self.current_page(), width=self._page_width()
            )

    def _page_width(self) -> int:
        """The page's width in device pixels: the view's width × the zoom."""
        room = max(self.page_area.viewport().width() - 16, 200)
        return int(room * ZOOMS[self._zoom] * self.devicePixelRatioF())

    def _zoom_by(self, step: int) -> None:
        self._zoom = min(max(self._zoom + step, 0), len(ZOOMS) - 1)
        self._render_current()

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        super().resizeEvent(event)
        self._resized.start()
