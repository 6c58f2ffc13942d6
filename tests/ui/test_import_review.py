"""File → Import shows the review before writing (Cancel writes nothing, Import writes,
a database changed in between is said); File → Export and the briefing dialog offer a
"Highest marking" that leaves out everything above it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import action, answer_modal, find
from tracker.domain.model import Filters
from tracker.services import Tracker
from ui.briefing_dialog import BriefingDialog
from ui.export_dialog import ExportDialog
from ui.import_review import ImportReviewDialog
from ui.main_window import MainWindow
from ui.settings import BriefingDefaults

NATO = "demo-nato-openai"


def choose_file(path: Path) -> None:
    """Type ``path`` in the file dialog the next step opens."""

    def pick(dialog: QFileDialog) -> None:
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        dialog.setDirectory(str(path.parent))
        name.setText(path.name)
        dialog.accept()

    answer_modal(QFileDialog, pick)


def edited_file(window: MainWindow, tmp_path: Path) -> Path:
    document: dict[str, Any] = window.service.export_document()
    for e in document["engagements"]:
        if e["id"] == NATO:
            e["owner"] = "Brussels desk"
    document["engagements"].append(
        {"title": "New pilot", "vendor": "Mistral AI", "counterpart": "X", "status": "exploratory"}
    )
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_cancelling_the_review_writes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    before = window.service.export_document()
    seen: list[str] = []

    def read_and_cancel(dialog: ImportReviewDialog) -> None:
        seen.append(find(dialog, QPlainTextEdit, "reviewDetails").toPlainText())
        dialog.reject()

    choose_file(edited_file(window, tmp_path))
    answer_modal(ImportReviewDialog, read_and_cancel)
    action(window, "import").trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)

    assert "create: New pilot" in seen[0]
    assert "→ Brussels desk" in seen[0] and "Owner: " in seen[0]
    qtbot.wait(200)
    assert window.service.export_document() == before


def test_confirming_the_review_imports_it(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    choose_file(edited_file(window, tmp_path))
    answer_modal(ImportReviewDialog, lambda d: find(d, QPushButton, "confirmImport").click())
    action(window, "import").trigger()
    qtbot.waitUntil(lambda: status(window).startswith("Imported"), timeout=10_000)
    assert status(window) == "Imported 5: 1 created, 1 updated, 3 unchanged"
    assert window.service.get(engagement_id=NATO).data.owner == "Brussels desk"
    assert window.model.rowCount() == 5


def test_a_change_between_review_and_confirmation_is_said(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, db_path: Path
) -> None:
    told: list[str] = []

    def colleague_saves_then_confirm(dialog: ImportReviewDialog) -> None:
        colleague = Tracker.open(db_path, user="bob")
        nato = colleague.get(engagement_id=NATO)
        colleague.update(engagement_id=NATO, expected_version=nato.version, changes={"owner": "b"})
        colleague.close()
        answer_modal(QMessageBox, lambda box: (told.append(box.text()), box.accept()))
        find(dialog, QPushButton, "confirmImport").click()

    choose_file(edited_file(window, tmp_path))
    answer_modal(ImportReviewDialog, colleague_saves_then_confirm)
    action(window, "import").trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)

    assert "changed since the import was reviewed" in told[0]
    assert window.service.get(engagement_id=NATO).data.owner == "b"
    assert window.service.count() == 4


def test_every_refusal_is_said_and_nothing_written(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = edited_file(window, tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["engagements"][0]["marking"] = "SECRET"
    document["engagements"][2]["status"] = "shredded"
    path.write_text(json.dumps(document), encoding="utf-8")
    told: list[str] = []

    choose_file(path)
    answer_modal(QMessageBox, lambda box: (told.append(box.text()), box.accept()))
    action(window, "import").trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)

    lines = told[0].splitlines()
    assert len(lines) == 2 and "SECRET" in lines[0] and "shredded" in lines[1]
    assert window.service.count() == 4


def test_the_export_dialog_ceiling_leaves_out_what_is_above(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    above = [e for e in window.service.export_document()["engagements"] if e["marking"] != "PUBLIC"]
    out = tmp_path / "public.csv"

    def public_only(dialog: ExportDialog) -> None:
        combo = find(dialog, QComboBox, "highestMarking")
        combo.setCurrentIndex(combo.findData("PUBLIC"))
        dialog.accept()

    answer_modal(ExportDialog, public_only)
    choose_file(out)
    action(window, "export").trigger()
    qtbot.waitUntil(lambda: status(window).startswith("Exported"), timeout=10_000)

    text = out.read_text(encoding="utf-8-sig")
    assert status(window) == f"Exported 2 engagements to {out}"
    assert above and all(e["id"] not in text and e["title"] not in text for e in above)


def test_the_briefing_dialog_offers_a_ceiling_and_asks_for_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    markings = window.service.markings()
    dialog = BriefingDialog(
        scope="4", markings=markings, needed="NATO UNCLASSIFIED", remembered=BriefingDefaults()
    )
    qtbot.addWidget(dialog)
    banner = [dialog.marking.itemData(i) for i in range(dialog.marking.count())]
    assert banner == ["NATO UNCLASSIFIED"]
    combo = find(dialog, QComboBox, "highestMarking")
    combo.setCurrentIndex(combo.findData("PUBLIC"))

    request = dialog.request(filters=Filters(), sort="title")
    assert request.max_marking == "PUBLIC"
    assert [dialog.marking.itemData(i) for i in range(dialog.marking.count())] == list(markings)
