"""Everything reachable from the keyboard, in the order it is laid out: Tab walks the
main window (in every view, with the Changes dock shown) and the engagement form, and
every control shown is reached, none twice in one round, each one below or to the right
of the one before (down a column, then on to the next column to the right). Tab never
stays trapped in a table. (Every menu entry has a letter and every command its keys:
tests/ui/test_shortcuts.py.)"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import action, activate, open_form
from tests.ui.test_shortcuts import a_row
from ui.main_window import MainWindow
from ui.views import ViewKind

# Pixels two neighbours may overlap by and still be "below" or "to the right".
SLACK = 4


def stops(root: QWidget) -> list[QWidget]:
    """The widgets of ``root``'s window Tab may stop at that are shown in ``root``."""
    return [
        w
        for w in root.findChildren(QWidget)
        if w.isVisibleTo(root)
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
        and w.window() is root.window()
    ]


def tab_round(qtbot: QtBot, start: QWidget) -> list[QWidget]:
    """Focus ``start`` and press Tab until the focus is back at it: the widgets focused,
    in order (a widget focused several times in a row, a text's links, counted once)."""
    start.setFocus()
    reached = [start]
    for _ in range(200):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is start:
            return reached
        if focused is not reached[-1]:
            reached.append(focused)
    trail = ", ".join(label(w) for w in reached[-5:])
    raise AssertionError(f"Tab never came back to {label(start)}: trapped after {trail}")


def place(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def label(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName() or widget.accessibleName()!r}"


def out_of_order(reached: list[QWidget]) -> list[str]:
    """The steps of ``reached`` that go neither down nor to the right."""
    wrong = []
    for before, after in itertools.pairwise(reached):
        a, b = place(before), place(after)
        below = b.top() >= a.bottom() - SLACK
        right = b.left() >= a.right() - SLACK
        if not (below or right):
            wrong.append(f"{label(before)} {a.getRect()} → {label(after)} {b.getRect()}")
    return wrong


def check_round(qtbot: QtBot, root: QWidget, start: QWidget, where: str) -> list[str]:
    reached = tab_round(qtbot, start)
    problems = [f"{where}: reached twice: {label(w)}" for w in reached if reached.count(w) > 1]
    problems += [f"{where}: never reached: {label(w)}" for w in stops(root) if w not in reached]
    problems += [f"{where}: out of order: {step}" for step in out_of_order(reached)]
    return problems


def test_tab_walks_the_main_window_as_it_is_laid_out(qtbot: QtBot, window: MainWindow) -> None:
    action(window, "changes").trigger()
    problems: list[str] = []
    for kind in ViewKind:
        window.views.show_view(kind)
        activate(qtbot, window)
        problems += check_round(qtbot, window, window.filter_bar.search, kind.name)
    assert problems == [], "\n".join(problems)


def test_tab_leaves_the_table(qtbot: QtBot, window: MainWindow) -> None:
    a_row(window)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not window.table


def test_tab_walks_the_form_as_it_is_laid_out(qtbot: QtBot, window: MainWindow) -> None:
    a_row(window)
    action(window, "edit").trigger()
    form = open_form(window)
    assert form is not None
    activate(qtbot, form)
    first = form.findChild(QWidget, "field_title")
    assert first is not None
    problems = check_round(qtbot, form, first, "form")
    assert problems == [], "\n".join(problems)
