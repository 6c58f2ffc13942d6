"""A PDF's pages as images, for the briefing dialog's preview: plain bytes in, plain
pixels out (the GUI turns them into its own images).

Pages are rasterised with pypdfium2 (PDFium's bindings, a few MB), not the Qt PDF
add-on (about 400 MB). PDFium is not thread-safe: every call into it here holds one
lock, so a preview thread and, say, a benchmark in another thread never overlap.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from types import TracebackType

import pypdfium2

_pdfium = threading.Lock()


@dataclass(frozen=True)
class PageImage:
    """One rendered page: ``height`` rows of ``stride`` bytes, 4 bytes a pixel in the
    order red, green, blue, unused (RGBX 8888), white where the page is blank."""

    width: int
    height: int
    stride: int
    pixels: bytes


class PdfPages:
    """An open PDF (the bytes of a briefing) whose pages can be rendered one at a time."""

    def __init__(self, pdf: bytes) -> None:
        with _pdfium:
            self._document = pypdfium2.PdfDocument(pdf)
            self._count = len(self._document)

    def __len__(self) -> int:
        return self._count

    def render(self, index: int, *, width: int) -> PageImage:
        """Page ``index`` (from 0) scaled to ``width`` pixels wide, aspect kept."""
        with _pdfium:
            page = self._document[index]
            try:
                points, _ = page.get_size()
                bitmap = page.render(
                    scale=max(width, 1) / points, rev_byteorder=True, prefer_bgrx=True
                )
                try:
                    return PageImage(
                        width=bitmap.width,
                        height=bitmap.height,
                        stride=bitmap.stride,
                        pixels=bytes(bitmap.buffer),
                    )
                finally:
                    bitmap.close()
            finally:
                page.close()

    def close(self) -> None:
        """Free PDFium's copy of the document."""
        with _pdfium:
            self._document.close()

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
