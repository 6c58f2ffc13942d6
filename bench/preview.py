"""How soon the briefing dialog shows its first preview page, next to the floor.

    QT_QPA_PLATFORM=offscreen python -m bench.preview [--engagements 50] [--repeats 3]

Builds a database of N generated engagements (about ten children each), opens the real
main window on it offscreen and, each run, triggers File → Export briefing: the time
from the action to the first page image drawn in the dialog's preview
(``BriefingPreview.shown``: the draft of page 1) and to the whole briefing rendered
(``BriefingPreview.ready``), the dialog then cancelled. The floors, in the same run:
``exports.briefing.render_pdf`` of the same briefing alone (its input captured
beforehand, untimed), whole and as the one-page draft, each plus pypdfium2 rendering
page 1 alone (``exports.preview.PdfPages``); the selection read, which the dialog also
pays, is shown beside them. Medians of ``--repeats`` runs after a warm-up; the target
is 1 s to the first page.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

from bench.build_db import build
from bench.gui import close_window, open_window
from bench.timing import median_run, median_seconds

TARGET_SECONDS = 1.0


def preview_seconds(window: Any) -> tuple[float, float]:
    """Trigger Export briefing; seconds until the preview draws its first page, and
    until the whole briefing is rendered."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    from ui.briefing_dialog import BriefingDialog

    first: list[float] = []
    whole: list[float] = []
    began = 0.0

    def watch() -> None:
        dialog = QApplication.activeModalWidget()
        if not (isinstance(dialog, BriefingDialog) and dialog.preview is not None):
            QTimer.singleShot(1, watch)
            return
        preview = dialog.preview

        def shown(_: int) -> None:
            if not first:
                first.append(time.perf_counter() - began)

        def ready(_: int) -> None:
            whole.append(time.perf_counter() - began)
            dialog.reject()

        preview.shown.connect(shown)
        preview.ready.connect(ready)

    action = window.findChild(QAction, "briefing")
    QTimer.singleShot(0, watch)
    began = time.perf_counter()
    action.trigger()  # returns once the dialog is closed
    return first[0], whole[0]


@dataclass(frozen=True)
class Floor:
    """Median seconds of the parts the preview cannot do without."""

    read: float  # the selection
    whole: float  # render_pdf of the whole briefing
    draft: float  # render_pdf of page 1 alone (first_pages=1)
    page: float  # pypdfium2: page 1 to pixels


def floor_seconds(service: Any, repeats: int) -> Floor:
    """The floor's parts, each timed alone."""
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
    whole, pdf = median_run(lambda: real(briefing), repeats)
    draft = median_seconds(lambda: real(briefing, first_pages=1), repeats)

    def page_one() -> None:
        with PdfPages(pdf) as pages:
            pages.render(0, width=900)

    return Floor(read, whole, draft, median_seconds(page_one, repeats))


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
            preview_seconds(window)  # warm-up: fonts, the first import of each module
            runs = [preview_seconds(window) for _ in range(args.repeats)]
            floor = floor_seconds(window.service, args.repeats)
        finally:
            close_window(window)
    first = statistics.median(r[0] for r in runs)
    whole = statistics.median(r[1] for r in runs)
    draft_floor = floor.draft + floor.page
    whole_floor = floor.whole + floor.page
    ms = 1000
    print(f"briefing preview, {args.engagements} engagements (medians of {args.repeats})")
    print(f"  Export briefing → first page shown   {first * ms:7.0f} ms   target ≤ 1000 ms")
    print(
        f"    floor: draft render_pdf + page 1  {draft_floor * ms:7.0f} ms   "
        f"ratio {first / draft_floor:5.2f}×"
    )
    print(
        f"    floor: whole render_pdf + page 1  {whole_floor * ms:7.0f} ms   "
        f"ratio {first / whole_floor:5.2f}×"
    )
    print(f"  Export briefing → whole preview     {whole * ms:7.0f} ms")
    print(
        f"    floor: draft + whole + page 1     {(draft_floor + floor.whole) * ms:7.0f} ms   "
        f"ratio {whole / (draft_floor + floor.whole):5.2f}×"
    )
    print(
        f"  parts: render_pdf whole {floor.whole * ms:.0f} ms, draft {floor.draft * ms:.0f} ms, "
        f"page 1 by pypdfium2 {floor.page * ms:.0f} ms, selection read {floor.read * ms:.0f} ms "
        "(read twice by the preview)"
    )
    return 0 if first <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
