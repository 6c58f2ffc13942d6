"""The views beside the table (ui.views): a page reads only while shown and stale, is
shown by its tab, its View menu entry and its Alt+digit key, is remembered across a
restart, and its requests narrow the filter bar or select an engagement."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tracker.domain.changes import ChangeSet
from tracker.domain.model import Filters
from tracker.domain.vocab import Region, Status
from tracker.services import Tracker
from ui.filter_bar import FilterBar
from ui.main_window import MainWindow
from ui.views import ViewKind


def spy_on_overview(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[Filters]:
    """The filters the window's overview page reads for, each time it reads."""
    page = window.views.views[ViewKind.OVERVIEW]
    drawn: list[Filters] = []
    read = page.refresh

    def refresh() -> None:
        drawn.append(page.filters)
        read()

    monkeypatch.setattr(page, "refresh", refresh)
    return drawn


def test_a_hidden_view_reads_nothing_until_shown(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn = spy_on_overview(window, monkeypatch)
    window.filter_bar.narrow({"statuses": Status.NEGOTIATING})
    window.views.follow(ChangeSet.of_fields(frozenset({1}), frozenset({"status"})))
    assert drawn == []
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.views.current() == ViewKind.OVERVIEW
    assert [f.statuses for f in drawn] == [(Status.NEGOTIATING,)]
    window.filter_bar.narrow({"statuses": Status.AGREED}, add=True)
    assert [f.statuses for f in drawn][-1] == (Status.NEGOTIATING, Status.AGREED)
    window.views.follow(ChangeSet())  # nothing changed: nothing read
    assert len(drawn) == 2


def test_the_view_menu_and_tabs_switch_views(qtbot: QtBot, window: MainWindow) -> None:
    window.views.view_actions[ViewKind.OVERVIEW].trigger()
    assert window.views.tabs.currentIndex() == window.views.kinds.index(ViewKind.OVERVIEW)
    window.views.tabs.setCurrentIndex(0)
    assert window.views.view_actions[ViewKind.TABLE].isChecked()
    assert window.views.pages.currentWidget() is window.table


def test_the_view_shown_is_remembered(
    qtbot: QtBot, db_path: Path, settings: QSettings, window: MainWindow
) -> None:
    window.views.show_view(ViewKind.OVERVIEW)
    window.close()
    assert settings.value("window/view") == "overview"
    again = MainWindow(Tracker.open(db_path, user="alice"), settings=settings)
    try:
        assert again.views.current() == ViewKind.OVERVIEW
        again.views.show_view("no-such-view")  # a view the window lacks: the table
        assert again.views.current() == ViewKind.TABLE
        again.views.show_view("overview")
        assert again.views.current() == ViewKind.OVERVIEW
    finally:
        again.close()
        again.service.close()


def test_a_view_narrows_the_filter_and_selects(qtbot: QtBot, window: MainWindow) -> None:
    view = window.views.views[ViewKind.OVERVIEW]
    row = window.model.row_data(0)
    assert row is not None
    region = row.region
    view.narrowRequested.emit({"regions": region}, False)
    assert window.filter_bar.filters().regions == (region,)
    assert window.model.rowCount() == window.service.count(filters=Filters(regions=(region,)))
    last = window.model.id_at(window.model.rowCount() - 1)
    view.engagementChosen.emit(last)
    assert window.current_id() == last


def test_narrowing_replaces_or_adds_and_keeps_the_rest(qtbot: QtBot) -> None:
    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.search.setText("drone")
    bar.flush()
    bar.narrow({"statuses": Status.NEGOTIATING, "regions": Region.EUROPE})
    bar.narrow({"statuses": Status.AGREED}, add=True)
    bar.narrow({"statuses": Status.AGREED}, add=True)  # already there: kept once
    chosen = bar.filters()
    assert chosen.statuses == (Status.NEGOTIATING, Status.AGREED)
    assert chosen.regions == (Region.EUROPE,)
    assert chosen.search == "drone"
    bar.narrow({"statuses": Status.PAUSED, "vendor": "Anthropic"})
    assert bar.filters().statuses == (Status.PAUSED,)
    assert bar.filters().vendor == "Anthropic"
