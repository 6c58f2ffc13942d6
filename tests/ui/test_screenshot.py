"""The README screenshot script renders the real window on the demo data."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QTableView, QTextBrowser, QWidget

from tests.ui.conftest import find
from ui.main_window import MainWindow
from ui.screenshot import render

WIDTH, HEIGHT = 1200, 700


def colours(image: QImage, rect: QRect) -> Counter[int]:
    """How often each colour occurs in ``rect`` of ``image``."""
    return Counter(
        image.pixel(x, y)
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    )


def in_window(widget: QWidget, rect: QRect) -> QRect:
    """``rect`` (in ``widget``'s coordinates) in its window's coordinates."""
    return QRect(widget.mapTo(widget.window(), rect.topLeft()), rect.size())


def test_screenshot_shows_the_demo_engagements_and_the_first_ones_details(
    qapp: object, tmp_path: Path, window: MainWindow
) -> None:
    image = QImage(str(render(tmp_path / "shot.png", width=WIDTH, height=HEIGHT)))
    assert not image.isNull()
    assert (image.width(), image.height()) == (WIDTH, HEIGHT)

    # Where things are: the same window on the same demo data, at the same size.
    window.resize(WIDTH, HEIGHT)
    QApplication.processEvents()
    table = find(window, QTableView, "engagementTable")
    viewport = table.viewport()
    model = table.model()
    assert model.rowCount() == 4
    rows = [in_window(viewport, table.visualRect(model.index(r, 0))) for r in range(4)]

    backgrounds = []
    for number, row in enumerate(rows):
        seen = colours(image, row)
        background, count = seen.most_common(1)[0]
        backgrounds.append(background)
        assert row.width() * row.height() - count > 100, f"no title drawn in row {number}"
    # The first engagement is selected (its row in the selection colour), the others not.
    assert backgrounds[0] not in backgrounds[1:]
    # Nothing below the four rows: the rest of the table is empty.
    last = rows[-1]
    below = QRect(
        QPoint(viewport.mapTo(window, QPoint(0, 0)).x(), last.bottom() + 2),
        QPoint(
            viewport.mapTo(window, QPoint(viewport.width() - 1, 0)).x(),
            viewport.mapTo(window, QPoint(0, viewport.height() - 1)).y(),
        ),
    )
    assert len(colours(image, below)) == 1
    # The detail pane shows the selected engagement: text over most of its height.
    browser = find(window, QTextBrowser, "detailBrowser")
    pane = in_window(browser.viewport(), browser.viewport().rect())
    lines_with_text = sum(
        len({image.pixel(x, y) for x in range(pane.left(), pane.right(), 2)}) > 1
        for y in range(pane.top(), pane.bottom())
    )
    assert lines_with_text > pane.height() // 3


def test_screenshot_shows_the_view_it_is_asked_for(qapp: object, tmp_path: Path) -> None:
    table = QImage(str(render(tmp_path / "table.png", width=WIDTH, height=HEIGHT)))
    pictures = {
        view: QImage(str(render(tmp_path / f"{view}.png", width=WIDTH, height=HEIGHT, view=view)))
        for view in ("overview", "timeline")
    }
    # Under the filter bar, left of the detail pane: each view draws something else.
    area = QRect(0, 120, WIDTH // 2, HEIGHT // 3)
    drawn = [colours(table, area), *(colours(p, area) for p in pictures.values())]
    assert drawn[0] != drawn[1] and drawn[0] != drawn[2] and drawn[1] != drawn[2]
