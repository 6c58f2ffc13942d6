"""The filter bar driven by clicks: the Region filter's "(not set)" choice (remembered
across a restart) and boxes that stay readable once filters are set."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QMenu,
    QStyle,
    QStyleOptionComboBox,
    QToolButton,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import action
from tests.ui.test_main_window import titles
from tracker.domain.vocab import Region
from tracker.services import Tracker
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
