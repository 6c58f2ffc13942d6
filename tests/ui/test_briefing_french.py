"""The briefing dialog's Language choice, driven as a user drives it: Français renders
the preview again and writes a French PDF; the choice is offered again next time, and
a template keeps it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import action, answer_modal, find
from tests.ui.test_briefing_templates import bar, dialog_of
from tests.ui.test_main_window import choose_file
from tracker.domain.briefing_templates import TemplateSettings
from tracker.services import Tracker
from ui.briefing_dialog import BriefingDialog
from ui.briefing_templates import SaveTemplateDialog
from ui.main_window import MainWindow
from ui.settings import briefing_defaults


def test_francais_in_the_dialog_previews_and_writes_a_french_briefing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, settings: QSettings
) -> None:
    out = tmp_path / "fr.pdf"
    offered: list[str] = []

    def answer(dialog: BriefingDialog) -> None:
        language = find(dialog, QComboBox, "briefingLanguage")
        offered.extend(language.itemText(i) for i in range(language.count()))
        preview = dialog.preview
        assert preview is not None
        qtbot.waitUntil(
            lambda: preview.page_count() > 0 and not preview.page_view.pixmap().isNull(),
            timeout=20_000,
        )
        before = preview.page_view.pixmap().toImage()
        language.setCurrentIndex(language.findText("Français"))
        # The cover in French is another picture: the preview rendered again.
        qtbot.waitUntil(lambda: preview.page_view.pixmap().toImage() != before, timeout=20_000)
        dialog.open_when_written.setChecked(False)
        dialog.save_button.click()

    answer_modal(BriefingDialog, answer)
    choose_file(out)
    action(window, "briefing").trigger()
    qtbot.waitUntil(lambda: len(window.service.briefings()) == 1, timeout=20_000)
    assert offered == ["English", "Français"]
    reader = PdfReader(out)
    texts = [" ".join((p.extract_text() or "").split()) for p in reader.pages]
    assert f"Page 1 sur {len(texts)}" in texts[0] and "NOTE SUR LES ENGAGEMENTS" in texts[0]
    whole = " ".join(texts)
    assert "Vue d’ensemble" in whole and "Exploratoire" in whole and "27 février 2026" in whole
    assert "Page 1 of" not in whole and "Overview" not in whole
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert briefing_defaults(settings).language == "fr"  # offered first next time


@pytest.fixture
def service(db_path: Path) -> Iterator[Tracker]:
    opened = Tracker.open(db_path, user="alice")
    yield opened
    opened.close()


def test_a_template_keeps_the_language(qtbot: QtBot, service: Tracker) -> None:
    service.save_template(name="Note", settings=TemplateSettings(language="fr"))
    dialog = dialog_of(qtbot, service)
    language = find(dialog, QComboBox, "briefingLanguage")
    assert language.currentText() == "English"
    templates = bar(dialog)
    templates.combo.setCurrentIndex(1)
    templates.combo.activated.emit(1)
    assert language.currentText() == "Français" and dialog.chosen_language() == "fr"

    def answer(asked: SaveTemplateDialog) -> None:
        asked.name.setText("Copy")
        asked.save()

    answer_modal(SaveTemplateDialog, answer)
    templates.save.click()
    assert service.template(name="Copy").settings.language == "fr"
