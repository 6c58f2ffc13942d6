"""File → Export briefing with the sections, parts and key points chosen in the dialog,
driven as a user drives it: the PDF holds the sections checked, in the order set (Up /
Down, Alt+Up), the parts checked and the key points typed; the choice is offered again."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QListWidget, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.conftest import action, answer_modal, find
from tests.ui.test_main_window import choose_file, status
from tracker.domain.briefing_sections import DEFAULT_SECTIONS, SECTIONS
from ui.briefing_dialog import BriefingDialog
from ui.main_window import MainWindow
from ui.settings import briefing_defaults


def keys(sections: QListWidget) -> list[str]:
    return [str(sections.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(sections.count())]


def check(sections: QListWidget, key: str, on: bool) -> None:
    row = keys(sections).index(key)
    sections.item(row).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def test_sections_parts_and_key_points_chosen_in_the_dialog(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, settings: QSettings
) -> None:
    out = tmp_path / "chosen.pdf"
    offered: list[list[str]] = []

    def answer(dialog: BriefingDialog) -> None:
        sections = find(dialog, QListWidget, "briefingSections")
        offered.append(keys(sections))
        check(sections, "restriction-matrix", False)
        check(sections, "sources-appendix", True)
        # "Engagements" moves up above the overview: by the button, then by Alt+Up.
        sections.setCurrentRow(keys(sections).index("engagements"))
        find(dialog, QPushButton, "sectionUp").click()
        sections.setFocus()
        for _ in range(3):  # past "Changes since", "Follow-ups due" and "Overview"
            qtbot.keyClick(sections, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
        offered.append(keys(sections))
        find(dialog, QCheckBox, "part-concerns").setChecked(False)
        dialog.open_when_written.setChecked(False)
        find(dialog, QPlainTextEdit, "keyPoints").setPlainText(
            "Talks resume in March.\n\n- First point\n- Second point"
        )
        find(dialog, QDialogButtonBox, "").button(QDialogButtonBox.StandardButton.Save).click()

    answer_modal(BriefingDialog, answer)
    choose_file(out)
    action(window, "briefing").trigger()
    qtbot.waitUntil(lambda: status(window).endswith(f"saved to {out}"), timeout=20_000)
    assert window.jobs.wait()

    assert offered[1][:3] == ["cover", "key-points", "engagements"]
    # First offered: every section, the default ones first in the default order.
    assert offered[0] == [
        *DEFAULT_SECTIONS,
        *(s.key for s in SECTIONS if s.key not in DEFAULT_SECTIONS),
    ]
    reader = PdfReader(out)
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top == ["Key points", "Engagements", "Overview", "Sources appendix"]
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    key_page = " ".join((reader.pages[1].extract_text() or "").split())
    assert "Key points Talks resume in March." in key_page
    assert "First point" in key_page and "Second point" in key_page
    assert "Restriction matrix" not in text
    assert "Concerns" not in text  # the part unchecked, not even in "Not recorded: …"
    assert "Sources appendix" in text
    remembered = briefing_defaults(settings)
    assert remembered.sections.startswith("cover,key-points,engagements,overview,")
    assert "restriction-matrix" not in remembered.sections.split(",")
    assert "concerns" not in remembered.parts.split(",")
