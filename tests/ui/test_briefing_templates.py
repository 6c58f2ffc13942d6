"""The briefing dialog's templates: picking one fills the fields, sections, parts and
logo; "Save as template…" saves the dialog's settings under the name given (a taken
name said in one line, the name dialog staying open); a colleague's shared template
is offered to another user."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.tracker.services.test_letterhead import image_file
from tests.ui.conftest import answer_modal
from tracker.domain.briefing_templates import TemplateSettings
from tracker.services import Tracker
from tracker.services.letterhead import load_logo
from ui.briefing_dialog import BriefingDialog
from ui.briefing_templates import BriefingTemplates, SaveTemplateDialog
from ui.settings import BriefingDefaults

BOARD = TemplateSettings(
    title="Board briefing",
    author="A. Officer",
    organisation="Ministry of Examples",
    marking="NATO UNCLASSIFIED",
    sections=("engagements", "cover", "follow-ups"),
    parts=("summary", "sources"),
    page_size="Letter",
)


@pytest.fixture
def service(db_path: Path) -> Iterator[Tracker]:
    opened = Tracker.open(db_path, user="alice")
    yield opened
    opened.close()


def dialog_of(qtbot: QtBot, service: Tracker) -> BriefingDialog:
    dialog = BriefingDialog(
        scope="The 4 engagements shown.",
        markings=service.markings(),
        needed="UNCLASSIFIED",
        remembered=BriefingDefaults(),
        templates=service,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def bar(dialog: BriefingDialog) -> BriefingTemplates:
    found = dialog.findChild(BriefingTemplates)
    assert found is not None
    return found


def test_picking_a_template_fills_the_dialog(
    qtbot: QtBot, service: Tracker, tmp_path: Path, db_path: Path
) -> None:
    logo = load_logo(str(image_file(tmp_path / "logo.png", (200, 80), "PNG")))
    service.save_template(name="Board", settings=BOARD, logo=logo, shared=True)
    bob = Tracker.open(db_path, user="bob")  # alice's shared template is offered to bob
    try:
        dialog = dialog_of(qtbot, bob)
        templates = bar(dialog)
        assert [templates.combo.itemText(i) for i in range(templates.combo.count())] == [
            "(none)",
            "Board (alice)",
        ]
        templates.combo.setCurrentIndex(1)
        templates.combo.activated.emit(1)
        assert (dialog.title.text(), dialog.author.text(), dialog.organisation.text()) == (
            "Board briefing",
            "A. Officer",
            "Ministry of Examples",
        )
        assert dialog.page_size.currentText() == "Letter"
        assert dialog.chosen_marking() == "NATO UNCLASSIFIED"  # raised above the need
        assert dialog.contents.order() == ("engagements", "cover", "follow-ups")
        assert dialog.contents.parts() == ("summary", "sources")
        assert dialog.follow_ups.isChecked() and not dialog.changes.isChecked()
        assert dialog.logo == logo and dialog.logo_name.text() == 'from template "Board"'
        assert templates.error.isHidden()
    finally:
        bob.close()


def test_a_template_marking_lower_than_needed_is_said_in_one_line(
    qtbot: QtBot, service: Tracker
) -> None:
    service.save_template(name="Low", settings=TemplateSettings(marking="PUBLIC"))
    dialog = dialog_of(qtbot, service)
    templates = bar(dialog)
    templates.combo.setCurrentIndex(1)
    templates.combo.activated.emit(1)
    assert dialog.chosen_marking() == "UNCLASSIFIED"
    assert templates.error.text() == "marking PUBLIC is lower than the engagements need"


def test_save_as_template_saves_the_dialog_settings(qtbot: QtBot, service: Tracker) -> None:
    dialog = dialog_of(qtbot, service)
    dialog.title.setText("Weekly round-up")
    dialog.organisation.setText("Desk 4")
    dialog.page_size.setCurrentText("Letter")
    dialog.contents.part_boxes["sources"].setChecked(False)
    templates = bar(dialog)

    def answer(asked: SaveTemplateDialog) -> None:
        asked.name.setText("Weekly")
        asked.shared.setChecked(True)
        asked.save()

    answer_modal(SaveTemplateDialog, answer)
    qtbot.mouseClick(templates.save, Qt.MouseButton.LeftButton)
    (saved,) = service.templates()
    assert (saved.name, saved.shared, saved.logo) == ("Weekly", True, None)
    settings = saved.settings
    assert (settings.title, settings.organisation, settings.page_size) == (
        "Weekly round-up",
        "Desk 4",
        "Letter",
    )
    assert settings.marking is None  # the highest of the engagements, as the dialog had it
    assert settings.sections == dialog.contents.order()
    assert "sources" not in settings.parts
    assert templates.combo.currentText() == "Weekly"


def test_a_taken_name_is_said_in_one_line_and_the_name_dialog_stays(
    qtbot: QtBot, service: Tracker
) -> None:
    service.save_template(name="Weekly", settings=TemplateSettings())
    dialog = dialog_of(qtbot, service)
    said: list[str] = []

    def answer(asked: SaveTemplateDialog) -> None:
        asked.name.setText("weekly")
        asked.save()
        said.append(asked.error.text())
        assert asked.isVisible()
        asked.reject()

    answer_modal(SaveTemplateDialog, answer)
    qtbot.mouseClick(bar(dialog).save, Qt.MouseButton.LeftButton)
    taken = 'the briefing template "weekly", name: you have a template of that name already'
    assert said == [taken]
    assert [t.settings for t in service.templates()] == [TemplateSettings()]
