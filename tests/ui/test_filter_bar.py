"""The filter bar driven by clicks: the Region filter's "(not set)" choice (remembered
across a restart) and boxes that stay readable once filters are set."""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QMenu,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import action
from tests.ui.test_main_window import titles
from tracker.domain.vocab import Region
from tracker.services import Tracker
from tracker.services.base import utc_today
from ui.filter_bar import FilterBar
from ui.main_window import MainWindow


def choose(qtbot: QtBot, button: QToolButton, *entries: str) -> None:
    """Click ``button``, click each of ``entries`` in the menu it opens, then Esc."""
    missing: list[str] = []

    def pick(tries: int = 250) -> None:
        popup = QApplication.activePopupWidget()
        if not isinstance(popup, QMenu):
            if tries:  # for at most five seconds
                QTimer.singleShot(20, lambda: pick(tries - 1))
            return
        for text in entries:
            entry = next((a for a in popup.actions() if a.text() == text), None)
            if entry is None:
                missing.append(text)
                continue
            rect = popup.actionGeometry(entry)
            qtbot.mouseClick(popup, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.keyClick(popup, Qt.Key.Key_Escape)

    QTimer.singleShot(0, pick)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert missing == [], f"no entries {missing} in the menu"


def test_the_region_filter_offers_not_set(
    qtbot: QtBot, window: MainWindow, db_path: Path, settings: QSettings
) -> None:
    regionless = {"title": "Ministry pilot", "vendor": "Mistral AI", "counterpart": "MoD"}
    window.service.create(data={**regionless, "status": "paused"})
    action(window, "reload").trigger()
    region = window.filter_bar.region

    choose(qtbot, region, "(not set)")
    assert titles(window) == ["Ministry pilot"]
    assert region.text() == "Region: (not set)"
    assert window.filter_bar.count_label.text() == "1 of 5 engagements"
    choose(qtbot, region, "Europe")
    assert titles(window) == [
        "Ministry pilot",
        "NATO exploratory talks with OpenAI on unclassified IT",
    ]
    assert region.selected() == (Region.EUROPE, None)
    window.close()

    again = MainWindow(Tracker.open(db_path), settings=settings)
    qtbot.addWidget(again)
    assert again.filter_bar.region.selected() == (Region.EUROPE, None)
    assert titles(again) == titles(window)
    again.close()
    again.service.close()


def columns_outside(window: MainWindow) -> list[str]:
    """The headers of the columns not wholly within the table's viewport."""
    header = window.table.horizontalHeader()
    width = window.table.viewport().width()
    return [
        str(window.model.headerData(n, Qt.Orientation.Horizontal))
        for n in range(header.count())
        if header.isSectionHidden(n)
        or header.sectionViewportPosition(n) < 0
        or header.sectionViewportPosition(n) + header.sectionSize(n) > width
    ]


def test_a_fresh_window_shows_every_column(qtbot: QtBot, window: MainWindow) -> None:
    assert (window.width(), window.height()) == (1400, 820)
    assert columns_outside(window) == []
    # with enough rows for a vertical scroll bar too
    for n in range(60):
        window.service.create(
            data={"title": f"Talks {n}", "vendor": "V", "counterpart": "C", "status": "paused"}
        )
    action(window, "reload").trigger()
    qtbot.waitUntil(lambda: window.table.verticalScrollBar().isVisible())
    assert columns_outside(window) == []


def pick(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Type ``text`` into ``combo`` (which picks the entry it starts), as a user would."""
    combo.setFocus()
    qtbot.keyClicks(combo, text)
    assert combo.currentText() == text


def unreadable(qtbot: QtBot, bar: FilterBar) -> list[str]:
    """The filter bar's parts too narrow to show their text whole, once its layout has
    followed the texts just changed."""
    qtbot.wait(20)
    out = []
    for combo in (bar.vendor, bar.counterpart):
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
        )
        for text in (combo.currentText(), combo.itemText(0)):  # the choice, and "Any …"
            if field.width() < combo.fontMetrics().horizontalAdvance(text):
                out.append(text)
    for widget in (bar.status, bar.region, bar.clear_button, bar.count_label):
        if widget.width() < widget.sizeHint().width():
            out.append(widget.text())
    if bar.search.width() < bar.search.fontMetrics().horizontalAdvance(
        bar.search.placeholderText()
    ):
        out.append(bar.search.placeholderText())
    return out


def test_the_filter_boxes_stay_readable_once_filters_are_set(
    qtbot: QtBot, window: MainWindow
) -> None:
    bar = window.filter_bar
    assert unreadable(qtbot, bar) == []
    choose(qtbot, bar.status, "Exploratory", "Negotiating")
    choose(qtbot, bar.region, "North America", "Latin America")
    pick(qtbot, bar.vendor, "Anthropic")
    assert window.model.rowCount() == 0
    assert unreadable(qtbot, bar) == []
    pick(qtbot, bar.counterpart, "U.S. Department of Defense")
    assert unreadable(qtbot, bar) == []
    qtbot.keyClick(bar.counterpart, Qt.Key.Key_Home)  # back to "Any counterpart"
    assert bar.counterpart.currentIndex() == 0
    assert unreadable(qtbot, bar) == []


ANTHROPIC = "U.S. Department of Defense negotiations with Anthropic"
DOD_OPENAI = "U.S. Department of Defense agreement with OpenAI"


def select(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Choose ``text`` in ``combo`` with the arrow keys, as a user would."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def chip(bar: FilterBar, words: str) -> QPushButton:
    """The chip of the active filter that reads ``words`` (it must be shown)."""
    shown = {c.text(): c for c in bar.chips.chips()}
    found = shown.get(f"{words}  ✕")
    assert found is not None, f"no chip {words!r} among {list(shown)}"
    return found


def test_a_restriction_and_its_stance_filter_the_table_and_chips_remove_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    bar = window.filter_bar
    assert not bar.more.isVisible() and not bar.chips.isVisible()
    qtbot.mouseClick(bar.more_button, Qt.MouseButton.LeftButton)
    assert bar.more.isVisible()
    assert window.minimumSizeHint().width() <= 1280  # every filter fits a 1280-pixel screen

    select(qtbot, bar.more.restriction, "No fully autonomous weapons systems")
    assert set(titles(window)) == {
        ANTHROPIC,
        DOD_OPENAI,
        "OpenAI for Government programme",
    }
    select(qtbot, bar.more.stance, "Disputed")
    assert titles(window) == [ANTHROPIC]
    assert bar.count_label.text() == "1 of 4 engagements"
    assert [c.text() for c in bar.chips.chips()] == [
        "Restrictions: no-fully-autonomous-weapons  ✕",
        "Stance: Disputed  ✕",
    ]

    qtbot.mouseClick(chip(bar, "Stance: Disputed"), Qt.MouseButton.LeftButton)
    assert bar.more.stance.currentText() == "Any stance"
    assert len(titles(window)) == 3
    qtbot.mouseClick(
        chip(bar, "Restrictions: no-fully-autonomous-weapons"), Qt.MouseButton.LeftButton
    )
    assert bar.more.restriction.currentText() == "Any restriction"
    assert len(titles(window)) == 4
    qtbot.waitUntil(lambda: not bar.chips.isVisible())
    assert bar.filters().is_empty()


def test_a_stance_alone_and_the_other_new_filters(qtbot: QtBot, window: MainWindow) -> None:
    bar = window.filter_bar
    qtbot.mouseClick(bar.more_button, Qt.MouseButton.LeftButton)
    select(qtbot, bar.more.stance, "Proposed")
    assert set(titles(window)) == {
        "NATO exploratory talks with OpenAI on unclassified IT",
        "OpenAI for Government programme",
    }
    qtbot.mouseClick(chip(bar, "Stance: Proposed"), Qt.MouseButton.LeftButton)

    choose(qtbot, bar.more.confidence, "Confirmed")
    assert set(titles(window)) == {DOD_OPENAI, "OpenAI for Government programme"}
    choose(qtbot, bar.more.marking, "PUBLIC")
    assert titles(window) == ["OpenAI for Government programme"]
    qtbot.mouseClick(chip(bar, "Confidence: Confirmed"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(chip(bar, "Marking: PUBLIC"), Qt.MouseButton.LeftButton)

    select(qtbot, bar.more.tag, "defence")
    assert set(titles(window)) == {DOD_OPENAI, ANTHROPIC}
    qtbot.mouseClick(chip(bar, "Tags: defence"), Qt.MouseButton.LeftButton)

    select(qtbot, bar.more.owner, "Europe desk")
    assert titles(window) == ["NATO exploratory talks with OpenAI on unclassified IT"]
    qtbot.mouseClick(chip(bar, "Owner: Europe desk"), Qt.MouseButton.LeftButton)
    assert bar.more.owner.currentText() == "Any owner" and len(titles(window)) == 4

    started = bar.more.dates["started_from"].lineEdit()
    started.setFocus()
    qtbot.keyClicks(started, "2026")
    assert set(titles(window)) == {
        DOD_OPENAI,
        "NATO exploratory talks with OpenAI on unclassified IT",
    }
    assert [c.text() for c in bar.chips.chips()] == ["Started: from 2026  ✕"]
    qtbot.mouseClick(chip(bar, "Started: from 2026"), Qt.MouseButton.LeftButton)
    assert started.text() == "" and len(titles(window)) == 4


def test_a_follow_up_range_narrows_the_quick_filters(qtbot: QtBot, window: MainWindow) -> None:
    bar = window.filter_bar
    qtbot.mouseClick(bar.more_button, Qt.MouseButton.LeftButton)
    due = bar.more.dates["due_by"].lineEdit()
    due.setFocus()
    qtbot.keyClicks(due, "2026-06")
    assert bar.filters().due_by == datetime.date(2026, 6, 30)
    shown = set(titles(window))
    qtbot.mouseClick(bar.quick["overdue"], Qt.MouseButton.LeftButton)
    # Overdue and due by the end of June 2026: the days in both.
    expected = min(datetime.date(2026, 6, 30), utc_today() - datetime.timedelta(days=1))
    assert bar.filters().due_by == expected
    assert set(titles(window)) <= shown
    qtbot.mouseClick(bar.quick["overdue"], Qt.MouseButton.LeftButton)
    assert bar.filters().due_by == datetime.date(2026, 6, 30)


def test_more_filters_shown_and_the_new_filters_are_remembered(
    qtbot: QtBot, window: MainWindow, db_path: Path, settings: QSettings
) -> None:
    bar = window.filter_bar
    qtbot.mouseClick(bar.more_button, Qt.MouseButton.LeftButton)
    select(qtbot, bar.more.restriction, "No mass domestic surveillance")
    select(qtbot, bar.more.stance, "Agreed")
    assert titles(window) == [DOD_OPENAI]
    window.close()

    again = MainWindow(Tracker.open(db_path), settings=settings)
    qtbot.addWidget(again)
    again.show()
    assert again.filter_bar.more_button.isChecked() and again.filter_bar.more.isVisible()
    assert again.filter_bar.more.restriction.currentText() == "No mass domestic surveillance"
    assert titles(again) == [DOD_OPENAI]
    qtbot.mouseClick(again.filter_bar.more_button, Qt.MouseButton.LeftButton)
    assert not again.filter_bar.more.isVisible()
    again.close()
    again.service.close()

    third = MainWindow(Tracker.open(db_path), settings=settings)
    qtbot.addWidget(third)
    assert not third.filter_bar.more_button.isChecked()
    third.close()
    third.service.close()


def test_every_new_filter_is_reached_by_tab(qtbot: QtBot, window: MainWindow) -> None:
    bar = window.filter_bar
    qtbot.mouseClick(bar.more_button, Qt.MouseButton.LeftButton)
    more = bar.more
    wanted: list[QWidget] = [
        more.restriction,
        more.stance,
        more.confidence,
        more.marking,
        more.tag,
        more.owner,
        *(edit.lineEdit() for edit in more.dates.values()),
    ]
    bar.more_button.setFocus()
    reached: list[QWidget] = []
    for _ in range(len(wanted) + 2):  # from "More filters" through its rows, in order
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert [w for w in wanted if w not in reached] == []
    # The captions' Alt+letters reach their boxes.
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is more.stance
