"""How soon the briefing dialog shows its first preview page, next to the floor.

    QT_QPA_PLATFORM=offscreen python -m bench.preview [--engagements 50] [--repeats 3]

Builds a database of N generated engagements (about ten children each), opens the real
main window on it offscreen and, each run, triggers File → Export briefing: the time
from the action to the first page image drawn in the dialog's preview
(``BriefingPreview.shown``), the dialog then cancelled. The floor, in the same run: the
same briefing's ``exports.briefing.render_pdf`` alone (its input captured beforehand,
untimed) plus pypdfium2 rendering page 1 alone (``exports.preview.PdfPages``); the
selection read, which the dialog also pays, is shown beside it. Medians of
``--repeats`` runs after a warm-up; the target is 1 s.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from unittest import mock

from bench.build_db import build
from bench.gui import close_window, open_window
from bench.timing import median_run, median_seconds

TARGET_SECONDS = 1.0


def first_page_seconds(window: Any) -> float:
    """Trigger Export briefing; seconds until the preview draws its first page."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    from ui.briefing_dialog import BriefingDialog

    took: list[float] = []
    began = 0.0

    def watch() -> None:
        dialog = QApplication.activeModalWidget()
        if not (isinstance(dialog, BriefingDialog) and dialog.preview is not None):
            QTimer.singleShot(1, watch)
            return
        preview = dialog.preview

        def shown(_: int) -> None:
            took.append(time.perf_counter() - began)
            preview.shown.disconnect(shown)
            dialog.reject()

        preview.shown.connect(shown)

    action = window.findChild(QAction, "briefing")
    QTimer.singleShot(0, watch)
    began = time.perf_counter()
    action.trigger()  # returns once the dialog is closed
    return took[0]


def floor_seconds(service: Any, repeats: int) -> tuple[float, float, float]:
    """Median seconds of the selection read, render_pdf alone, and page 1 alone."""
    import exports.briefing
    from exports.preview import PdfPages
    from tracker.domain.model import Filters
    from tracker.services.briefings import BriefingRequest, render_briefing

    captured: list[Any] = []
    real = exports.briefing.render_pdf

    def capture(briefing: Any, **kwargs: Any) -> bytes:
        captured.append(briefing)
        return real(briefing, **kwargs)

    with mock.patch.object(exports.briefing, "render_pdf", capture):
        render_briefing(service, BriefingRequest())
    briefing = captured[0]
    read = median_seconds(lambda: service.selection(filters=Filters(), sort="title"), repeats)
    rendering, pdf = median_run(lambda: real(briefing), repeats)

    def page_one() -> None:
        with PdfPages(pdf) as pages:
            pages.render(0, width=900)

    return read, rendering, median_seconds(page_one, repeats)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.preview", description=__doc__)
    parser.add_argument("--engagements", type=int, default=50, metavar="N")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "preview.db"
        build(db, args.engagements)
        window = open_window(db, Path(folder) / "settings.ini")
        try:
            first_page_seconds(window)  # warm-up: fonts, the first import of each module
            shown = sorted(first_page_seconds(window) for _ in range(args.repeats))
            median = shown[len(shown) // 2]
            read, rendering, page = floor_seconds(window.service, args.repeats)
        finally:
            close_window(window)
    floor = rendering + page
    print(f"first preview page, {args.engagements} engagements (median of {args.repeats})")
    print(f"  dialog open → first page shown   {median * 1000:8.0f} ms   target ≤ 1000 ms")
    print(f"  floor: render_pdf alone          {rendering * 1000:8.0f} ms")
    print(f"         + page 1 by pypdfium2     {page * 1000:8.0f} ms")
    print(f"         = floor                   {floor * 1000:8.0f} ms")
    print(f"  (selection read, also paid)      {read * 1000:8.0f} ms")
    print(f"  ratio shown / floor              {median / floor:8.2f}×")
    print(f"  ratio shown / (floor + read)     {median / (floor + read):8.2f}×")
    return 0 if median <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
