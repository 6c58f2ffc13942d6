"""The briefing dialog's preview: thumbnails of the pages as they would be written,
rendered on the preview's thread (nothing saved, nothing recorded), again after a change
of a setting (debounced), PgUp / PgDn, and the logo's inline refusal."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from tests.tracker.services.test_letterhead import image_file
from tests.ui.conftest import action, activate, answer_modal
from tests.ui.test_main_window import choose_file
from tracker.domain.model import Filters
from tracker.services import Tracker
from tracker.services.briefings import render_briefing
from ui.briefing_dialog import BriefingDialog
from ui.briefing_preview import BriefingPreview, PreviewWork
from ui.main_window import MainWindow
from ui.settings import BriefingDefaults
from ui.workers import Report


class Previewed:
    """The dialog on the demo database, and the titles its preview rendered, in order."""

    def __init__(self, service: Tracker) -> None:
        self.service = service
        self.titles: list[str] = []
        self.on_gui_thread: list[bool] = []
        self.dialog = BriefingDialog(
            scope="The 4 engagements shown.",
            markings=service.markings(),
            needed="NATO UNCLASSIFIED",
            remembered=BriefingDefaults(),
            preview=self.work,
        )

    def work(self, dialog: BriefingDialog) -> PreviewWork:
        request = dialog.request(filters=Filters(), sort="title")

        def render(report: Report, first_pages: int | None) -> bytes:
            self.on_gui_thread.append(threading.current_thread() is threading.main_thread())
            if first_pages is None:  # the whole briefing (after a draft of page 1)
                self.titles.append(request.title)
            return render_briefing(
                self.service, request, on_progress=report, first_pages=first_pages
            )[0]

        return render

    @property
    def preview(self) -> BriefingPreview:
        assert self.dialog.preview is not None
        return self.dialog.preview


@pytest.fixture
def previewed(qtbot: QtBot, db_path: Path) -> Iterator[Previewed]:
    service = Tracker.open(db_path, user="alice")
    shown = Previewed(service)
    qtbot.addWidget(shown.dialog)
    shown.dialog.show()
    yield shown
    shown.dialog.reject()  # stops the preview's thread
    service.close()


def wait_for_pages(qtbot: QtBot, shown: Previewed) -> None:
    qtbot.waitUntil(
        lambda: shown.preview.page_count() > 0 and not shown.preview.page_view.pixmap().isNull(),
        timeout=20_000,
    )


def test_the_preview_shows_a_thumbnail_per_page_and_writes_nothing(
    qtbot: QtBot, previewed: Previewed, db_path: Path
) -> None:
    before = sorted(db_path.parent.iterdir())
    wait_for_pages(qtbot, previewed)
    pdf, _ = render_briefing(
        previewed.service, previewed.dialog.request(filters=Filters(), sort="title")
    )
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert previewed.preview.thumbnails.count() == pages
    assert previewed.preview.position.text() == f"Page 1 of {pages}"
    assert previewed.on_gui_thread == [False, False]  # draft and whole, off the GUI thread
    assert previewed.service.briefings() == []  # nothing recorded in the register
    assert sorted(db_path.parent.iterdir()) == before  # nothing written beside the database


def test_changing_the_title_renders_again_once_typing_stops(
    qtbot: QtBot, previewed: Previewed
) -> None:
    wait_for_pages(qtbot, previewed)
    page = previewed.preview.page_view
    before = page.pixmap().toImage()
    for title in ("W", "We", "Weekly"):  # typed quickly: one rendering, of the last
        previewed.dialog.title.setText(title)
    qtbot.waitUntil(lambda: page.pixmap().toImage() != before, timeout=20_000)
    qtbot.waitUntil(lambda: previewed.titles[1:] == ["Weekly"], timeout=20_000)
    qtbot.wait(600)  # longer than the debounce: no other rendering follows
    assert previewed.titles[1:] == ["Weekly"]


def test_page_down_and_up_move_between_pages(qtbot: QtBot, previewed: Previewed) -> None:
    wait_for_pages(qtbot, previewed)
    activate(qtbot, previewed.dialog)  # the keys are the window's shortcuts
    count = previewed.preview.page_count()
    # Page 2 drawn (page 1 may be drawn again first: the whole briefing replaces the draft).
    with qtbot.waitSignal(
        previewed.preview.shown, timeout=10_000, check_params_cb=lambda index: index == 1
    ):
        qtbot.keyClick(previewed.preview.page_area, Qt.Key.Key_PageDown)
    assert previewed.preview.current_page() == 1
    assert previewed.preview.position.text() == f"Page 2 of {count}"
    qtbot.keyClick(previewed.preview.page_area, Qt.Key.Key_PageUp)
    assert previewed.preview.position.text() == f"Page 1 of {count}"


def test_a_bad_logo_is_said_inline_and_save_goes_off(
    qtbot: QtBot, previewed: Previewed, tmp_path: Path
) -> None:
    bad = image_file(tmp_path / "crest.gif", (64, 64), "GIF")
    dialog = previewed.dialog
    assert not dialog.choose_logo(str(bad))
    assert dialog.logo_error.isVisible()
    assert dialog.logo_error.text().startswith(f"{bad}: not a PNG or JPEG")
    assert not dialog.save_button.isEnabled()
    good = image_file(tmp_path / "crest.png", (200, 100), "PNG")
    assert dialog.choose_logo(str(good))
    assert dialog.logo is not None and (dialog.logo.width, dialog.logo.height) == (200, 100)
    assert not dialog.logo_error.isVisible()
    assert dialog.save_button.isEnabled()
    dialog.clear_logo()
    assert dialog.logo is None and dialog.logo_name.text() == "None"


def test_export_briefing_previews_the_pages_it_then_writes(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    out = tmp_path / "previewed.pdf"
    previewed_pages: list[int] = []

    def answer(dialog: BriefingDialog) -> None:
        preview = dialog.preview
        assert preview is not None
        qtbot.waitUntil(lambda: preview.page_count() > 0, timeout=20_000)
        previewed_pages.append(preview.page_count())
        dialog.open_when_written.setChecked(False)
        dialog.save_button.click()

    answer_modal(BriefingDialog, answer)
    choose_file(out)
    action(window, "briefing").trigger()
    qtbot.waitUntil(lambda: len(window.service.briefings()) == 1, timeout=20_000)
    assert previewed_pages == [len(PdfReader(out).pages)]


def test_a_failed_rendering_is_said_in_the_preview_not_in_a_modal(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication

    from tracker.domain.errors import StorageError

    def failing(dialog: BriefingDialog) -> PreviewWork:
        def render(report: Report, first_pages: int | None) -> bytes:
            raise StorageError("the database is locked by another program")

        return render

    dialog = BriefingDialog(
        scope="The 4 engagements shown.",
        markings=("UNCLASSIFIED",),
        needed="UNCLASSIFIED",
        remembered=BriefingDefaults(),
        preview=failing,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.preview is not None
    message = dialog.preview.message
    qtbot.waitUntil(lambda: "locked" in message.text(), timeout=10_000)
    assert message.text() == "No preview: the database is locked by another program"
    assert QApplication.activeModalWidget() is None
    assert dialog.save_button.isEnabled()  # the briefing itself may still be saved
    dialog.reject()


def test_zoom_renders_the_page_wider(qtbot: QtBot, previewed: Previewed) -> None:
    wait_for_pages(qtbot, previewed)
    page = previewed.preview.page_view
    qtbot.waitUntil(lambda: page.pixmap().width() > 400, timeout=10_000)  # fit to the view
    qtbot.wait(300)  # the page rendered again once the dialog's size settled
    width = page.pixmap().width()
    zoom_in = next(
        b for b in previewed.preview.findChildren(QToolButton) if b.accessibleName() == "Zoom in"
    )
    zoom_in.click()
    qtbot.waitUntil(lambda: page.pixmap().width() > width * 1.2, timeout=10_000)


def test_leaving_out_a_section_renders_fewer_pages(qtbot: QtBot, previewed: Previewed) -> None:
    wait_for_pages(qtbot, previewed)
    before = previewed.preview.page_count()
    sections = previewed.dialog.contents.list
    engagements = next(
        sections.item(n)
        for n in range(sections.count())
        if sections.item(n).text() == "Engagements"
    )
    engagements.setCheckState(Qt.CheckState.Unchecked)  # the user unticks it
    qtbot.waitUntil(lambda: 0 < previewed.preview.page_count() < before, timeout=20_000)
    chosen = previewed.dialog.request(filters=Filters(), sort="title").sections
    assert chosen is not None and "engagements" not in chosen
