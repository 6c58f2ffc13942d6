"""The Changes view, driven as a user drives it: View → Changes (and its shortcut), the
period picker, the filter bar, clicking a change, following saves, what is remembered,
``show_since_briefing``, and the briefing dialog's "Changes since …" section."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import action, answer_modal, find, menu
from tests.ui.test_change_sets import save_form, type_into
from tests.ui.test_main_window import choose_file, open_editor, pdf_text, select_title, status
from tracker.services import Tracker
from tracker.services.briefings import BriefingRequest, write_briefing
from ui.briefing_dialog import BriefingDialog
from ui.changes_dock import ChangesDock
from ui.main_window import MainWindow


def _dock(window: MainWindow) -> ChangesDock:
    return find(window, ChangesDock, "changesDock")


def _tree(window: MainWindow) -> list[tuple[str, list[str]]]:
    tree = find(window, QTreeWidget, "changesTree")
    out = []
    for n in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(n)
        assert top is not None
        out.append((top.text(0), [top.child(c).text(0) for c in range(top.childCount())]))
    return out


def _show(qtbot: QtBot, window: MainWindow) -> ChangesDock:
    dock = _dock(window)
    if not dock.isVisible():
        qtbot.keyClick(
            window.table,
            Qt.Key.Key_C,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    qtbot.waitUntil(dock.isVisible)
    return dock


def test_view_changes_shows_the_changes_grouped_and_a_click_selects(
    qtbot: QtBot, window: MainWindow
) -> None:
    dock = _dock(window)
    assert not dock.isVisible()
    assert "C&hanges" in [a.text() for a in menu(window, "&View").actions()]
    _show(qtbot, window)
    assert action(window, "changes").isChecked()
    groups = _tree(window)
    assert len(groups) == 4 and all(kids == ["Engagement: imported"] for _, kids in groups)
    assert "4 changes to 4 engagements" in dock.summary.text()
    tree = find(window, QTreeWidget, "changesTree")
    target = next(
        tree.topLevelItem(n) for n in range(4) if "Anthropic" in tree.topLevelItem(n).text(0)
    )  # type: ignore[union-attr]
    assert isinstance(target, QTreeWidgetItem)
    rect = tree.visualItemRect(target.child(0))
    from PySide6.QtTest import QTest

    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    chosen = window.current_id()
    assert chosen is not None and "Anthropic" in window.service.get(engagement_id=chosen).data.title
    action(window, "changes").trigger()
    assert not dock.isVisible()


def test_the_filter_bar_applies_and_a_save_is_followed_without_reading_all_again(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    _show(qtbot, window)
    type_into(qtbot, window.filter_bar.search, "Anthropic")
    qtbot.waitUntil(lambda: window.model.rowCount() < 4, timeout=5000)
    shown = {window.model.id_at(r) for r in range(window.model.rowCount())}
    assert {int(title.split()[0][1:]) for title, _ in _tree(window)} == shown
    window.filter_bar.clear()
    qtbot.waitUntil(lambda: len(_tree(window)) == 4, timeout=5000)
    calls: list[dict[str, Any]] = []
    original = window.service.changes

    def spy(**kwargs: Any) -> Any:
        calls.append(kwargs)
        return original(**kwargs)

    monkeypatch.setattr(window.service, "changes", spy)
    select_title(window, "NATO")
    dialog = open_editor(qtbot, window)
    type_into(qtbot, find(dialog, QLineEdit, "field_next_step"), "Brief the NAC")
    save_form(qtbot, window)
    qtbot.waitUntil(lambda: "Next step" in " ".join(_tree(window)[0][1]))
    assert _tree(window)[0][0].startswith("#1")
    assert len(calls) == 1 and calls[0]["period"].revision is not None  # only the newer
    assert calls[0]["limit"] is None


def test_the_period_and_visibility_are_remembered(
    qtbot: QtBot, window: MainWindow, settings: QSettings, db_path: Path
) -> None:
    dock = _show(qtbot, window)
    period = find(window, QComboBox, "changesPeriod")
    period.setCurrentIndex(period.findData("7"))
    assert "since " in dock.summary.text()
    window.close()
    again = MainWindow(Tracker.open(db_path, user="alice"), settings=settings)
    try:
        again.show()
        qtbot.waitUntil(_dock(again).isVisible)
        assert find(again, QComboBox, "changesPeriod").currentData() == "7"
        assert action(again, "changes").isChecked()
    finally:
        again.close()
        again.service.close()


def test_show_since_briefing_lists_only_what_came_after_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    record = write_briefing(window.service, BriefingRequest(), str(tmp_path / "b.pdf"))
    eid = select_title(window, "NATO")
    dialog = open_editor(qtbot, window)
    type_into(qtbot, find(dialog, QLineEdit, "field_next_step"), "After the briefing")
    save_form(qtbot, window)
    dock = _dock(window)
    dock.show_since_briefing(record.id)
    assert dock.isVisible()
    assert find(window, QComboBox, "changesPeriod").currentData() == "briefing"
    groups = _tree(window)
    assert [g[0].split()[0] for g in groups] == [f"#{eid}"]
    assert groups[0][1][0].endswith("→ After the briefing")
    assert f"since briefing {record.id}" in dock.summary.text()


def test_the_briefing_dialog_adds_the_changes_section(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    out = tmp_path / "changes.pdf"

    def answer(dialog: BriefingDialog) -> None:
        box = find(dialog, QCheckBox, "changesSince")
        period = find(dialog, QComboBox, "changesSincePeriod")
        assert not box.isChecked() and not period.isEnabled()
        box.setChecked(True)
        period.setCurrentIndex(period.findData("30"))
        dialog.open_when_written.setChecked(False)
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        buttons.button(QDialogButtonBox.StandardButton.Save).click()

    answer_modal(BriefingDialog, answer)
    choose_file(out)
    action(window, "briefing").trigger()
    qtbot.waitUntil(lambda: status(window).startswith("Briefing of"), timeout=20000)
    text = pdf_text(out)
    section = text[text.index("Changes since") : text.index("Restriction matrix")]
    assert "4 changes to 4 engagements of this briefing" in section
    assert "imported" in section
