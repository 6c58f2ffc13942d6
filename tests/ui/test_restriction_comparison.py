"""The restriction comparison page (ui.restriction_comparison): the demo's counts, a
click on a count narrowing the table to those engagements, a click on the grid
selecting an engagement, and a save of a stance showing at once."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QTableView
from pytestqt.qtbot import QtBot

from tests.ui.conftest import action, activate, find, open_form
from tests.ui.test_engagement_form import set_cell
from tracker.domain.changes import ChangeSet
from tracker.domain.model import Filters
from tracker.domain.vocab import Stance
from ui.child_table import ChildTable
from ui.main_window import MainWindow
from ui.restriction_comparison import RestrictionsView
from ui.restriction_counts import FIRST_STANCE, TOTAL, RestrictionCountsModel
from ui.restriction_grid import StanceGridModel
from ui.views import ViewKind

SURVEILLANCE = "no-mass-domestic-surveillance"
CTRL = Qt.KeyboardModifier.ControlModifier


def show_page(qtbot: QtBot, window: MainWindow) -> RestrictionsView:
    """Show the page by its key, as a user would."""
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert window.views.current() == ViewKind.RESTRICTIONS
    page = window.views.views[ViewKind.RESTRICTIONS]
    assert isinstance(page, RestrictionsView)
    return page


def counts_table(page: RestrictionsView) -> tuple[QTableView, RestrictionCountsModel]:
    table = find(page, QTableView, "restrictionCounts")
    model = table.model()
    assert isinstance(model, RestrictionCountsModel)
    return table, model


def shown_counts(page: RestrictionsView) -> dict[str, list[str]]:
    """What each row of the counts table reads, by the restriction's code."""
    _table, model = counts_table(page)
    return {
        str(model.data(model.index(r, 0))): [
            str(model.data(model.index(r, c))) for c in range(FIRST_STANCE, TOTAL + 1)
        ]
        for r in range(model.rowCount())
    }


def expected_counts(window: MainWindow, filters: Filters = Filters()) -> dict[str, list[str]]:
    """The same counts taken from the engagements themselves."""
    engagements = window.service.get_many(ids=window.service.list_ids(filters=filters))
    stances = Counter((r.code, r.stance) for e in engagements for r in e.data.restrictions)
    return {
        code: [str(stances[code, s]) for s in Stance] + [str(sum(stances[code, s] for s in Stance))]
        for code, _title in window.service.restriction_catalogue()
    }


def click(view: QTableView, index: QModelIndex) -> None:
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def cell_of(model: RestrictionCountsModel, code: str, column: int) -> QModelIndex:
    row = next(r for r in range(model.rowCount()) if model.restriction_at(r).code == code)
    return model.index(row, column)


def stance_column(stance: Stance) -> int:
    return FIRST_STANCE + list(Stance).index(stance)


def test_the_page_shows_the_demo_counts_and_the_grid(qtbot: QtBot, window: MainWindow) -> None:
    page = show_page(qtbot, window)
    assert shown_counts(page) == expected_counts(window)
    assert shown_counts(page)[SURVEILLANCE] == ["1", "2", "1", "0", "4"]
    _table, model = counts_table(page)
    zero = cell_of(model, SURVEILLANCE, stance_column(Stance.REJECTED))
    assert not model.flags(zero) & Qt.ItemFlag.ItemIsEnabled  # greyed: leads nowhere
    grid = find(page, QTableView, "restrictionGrid")
    grid_model = grid.model()
    assert isinstance(grid_model, StanceGridModel)
    # The table's engagements in the table's order, a column per restriction.
    assert [grid_model.id_at(r) for r in range(grid_model.rowCount())] == window.model.ids()
    codes = [code for code, _title in window.service.restriction_catalogue()]
    headers = [
        grid_model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(1, grid_model.columnCount())
    ]
    assert headers == codes
    first = window.service.get(engagement_id=grid_model.id_at(0)).data
    for column, code in enumerate(codes, start=1):
        stance = next((r.stance for r in first.restrictions if r.code == code), None)
        shown = grid_model.data(grid_model.index(0, column))
        assert shown == (stance.label if stance else "")
    assert "Proposed" in find(page, QLabel, "stanceLegend").text()


def test_a_click_on_a_count_lists_those_engagements(qtbot: QtBot, window: MainWindow) -> None:
    page = show_page(qtbot, window)
    table, model = counts_table(page)
    click(table, cell_of(model, SURVEILLANCE, stance_column(Stance.PROPOSED)))
    chosen = window.filter_bar.filters()
    assert (chosen.restriction, chosen.stance) == (SURVEILLANCE, Stance.PROPOSED)
    assert window.model.rowCount() == 2
    # The page follows the narrowed filter.
    narrowed = Filters(restriction=SURVEILLANCE, stance=Stance.PROPOSED)
    assert shown_counts(page) == expected_counts(window, narrowed)
    assert shown_counts(page)[SURVEILLANCE] == ["0", "2", "0", "0", "2"]
    # The total: the restriction at any stance; by Enter on the cell this time.
    table.setFocus()
    table.setCurrentIndex(cell_of(model, SURVEILLANCE, TOTAL))
    QTest.keyClick(table, Qt.Key.Key_Return)
    chosen = window.filter_bar.filters()
    assert (chosen.restriction, chosen.stance) == (SURVEILLANCE, None)
    assert window.model.rowCount() == 4
    assert shown_counts(page)[SURVEILLANCE] == ["1", "2", "1", "0", "4"]
    # A zero leads nowhere: the filter stays.
    click(table, cell_of(model, SURVEILLANCE, stance_column(Stance.REJECTED)))
    assert window.filter_bar.filters().stance is None
    assert window.model.rowCount() == 4


def test_a_click_on_the_grid_selects_the_engagement(qtbot: QtBot, window: MainWindow) -> None:
    page = show_page(qtbot, window)
    grid = find(page, QTableView, "restrictionGrid")
    model = grid.model()
    assert isinstance(model, StanceGridModel)
    last = model.rowCount() - 1
    click(grid, model.index(last, 2))
    assert window.current_id() == model.id_at(last) == window.model.id_at(last)
    assert window.views.current() == ViewKind.RESTRICTIONS
    grid.setFocus()
    grid.setCurrentIndex(model.index(0, 1))
    QTest.keyClick(grid, Qt.Key.Key_Enter)
    assert window.current_id() == model.id_at(0)


def test_a_saved_stance_shows_at_once(qtbot: QtBot, window: MainWindow) -> None:
    page = show_page(qtbot, window)
    grid = find(page, QTableView, "restrictionGrid")
    model = grid.model()
    assert isinstance(model, StanceGridModel)
    row = next(
        r
        for r in range(model.rowCount())
        if SURVEILLANCE
        in {x.code for x in window.service.get(engagement_id=model.id_at(r)).data.restrictions}
    )
    engagement_id = model.id_at(row)
    click(grid, model.index(row, 0))
    action(window, "edit").trigger()
    qtbot.waitUntil(lambda: open_form(window) is not None)
    form = open_form(window)
    assert form is not None
    activate(qtbot, form)
    restrictions = find(form, ChildTable, "children_restrictions")
    stored = window.service.get(engagement_id=engagement_id).data.restrictions
    at = next(n for n, r in enumerate(stored) if r.code == SURVEILLANCE)
    set_cell(restrictions, at, "stance", Stance.REJECTED.value)
    QTest.keyClick(form, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: open_form(window) is None)
    assert shown_counts(page) == expected_counts(window)
    assert shown_counts(page)[SURVEILLANCE][stance_column(Stance.REJECTED) - FIRST_STANCE] == "1"
    column = 1 + [c for c, _t in window.service.restriction_catalogue()].index(SURVEILLANCE)
    assert model.data(model.index(row, column)) == Stance.REJECTED.label


def test_a_hidden_page_reads_nothing_and_follows_the_order(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = show_page(qtbot, window)
    grid = find(page, QTableView, "restrictionGrid")
    model = grid.model()
    assert isinstance(model, StanceGridModel)
    window.views.show_view(ViewKind.TABLE)
    header = window.table.horizontalHeader()
    header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)  # titles Z to A
    assert [model.id_at(r) for r in range(model.rowCount())] != window.model.ids()
    show_page(qtbot, window)
    assert [model.id_at(r) for r in range(model.rowCount())] == window.model.ids()


def test_only_a_write_of_what_the_page_shows_reads_again(qtbot: QtBot, window: MainWindow) -> None:
    page = show_page(qtbot, window)
    grid = find(page, QTableView, "restrictionGrid")
    model = grid.model()
    assert isinstance(model, StanceGridModel)
    first = frozenset({model.id_at(0)})
    with qtbot.assertNotEmitted(model.modelReset):
        page.follow(ChangeSet.of_fields(first, frozenset({"summary", "next_step"})))
    for shown in ("restrictions", "title"):
        with qtbot.waitSignal(model.modelReset, timeout=1000):
            page.follow(ChangeSet.of_fields(first, frozenset({shown})))
