"""Readable in high-contrast palettes (white on black with a yellow highlight, and black
on white with a navy one): every colour the app paints text in keeps a contrast ratio of
at least 4.5 (WCAG AA) with what it is painted on, computed from the colours actually
used: the status chips, stance tints, follow-up badges and bar figures (their text is
picked against their fill), the detail pane's and the timeline's colours (drawn from
the palette), the restriction grid's cells, and the messages in error colour.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import activate
from tracker.domain.errors import DamagedDatabaseError
from tracker.domain.stance_tints import STANCE_TINTS
from tracker.domain.vocab import Status
from tracker.services import Tracker
from ui.connection_dialog import ConnectionDialog
from ui.detail_pane import DocumentColours
from ui.follow_ups import DUE_SOON_COLOUR, OVERDUE_COLOUR
from ui.main_window import MainWindow
from ui.open_failed_dialog import OpenFailedDialog
from ui.style import chip_text_colour, contrast_ratio, status_chip_html
from ui.timeline_painter import Colours
from ui.views import ViewKind

AA = 4.5


def palette(*, ground: str, ink: str, highlight: str, on_highlight: str) -> QPalette:
    """A high-contrast palette: ``ink`` on ``ground`` everywhere, and its highlight."""
    role = QPalette.ColorRole
    made = QPalette()
    for grounds in (role.Window, role.Base, role.AlternateBase, role.Button, role.ToolTipBase):
        made.setColor(grounds, QColor(ground))
    for inks in (role.WindowText, role.Text, role.ButtonText, role.ToolTipText,
                 role.PlaceholderText, role.BrightText):  # fmt: skip
        made.setColor(inks, QColor(ink))
    made.setColor(role.Highlight, QColor(highlight))
    made.setColor(role.HighlightedText, QColor(on_highlight))
    return made


# ground, ink, highlight, text on the highlight
PALETTES = {
    "white on black": ("#000000", "#FFFFFF", "#FFFF00", "#000000"),
    "black on white": ("#FFFFFF", "#000000", "#000080", "#FFFFFF"),
}


@pytest.fixture(params=list(PALETTES))
def high_contrast(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[QPalette]:
    """The application in one of the high-contrast palettes (restored afterwards)."""
    ground, ink, highlight, on_highlight = PALETTES[request.param]
    chosen = palette(ground=ground, ink=ink, highlight=highlight, on_highlight=on_highlight)
    before = qapp.palette()
    qapp.setPalette(chosen)
    yield chosen
    qapp.setPalette(before)


@pytest.fixture
def hc_window(
    qtbot: QtBot, high_contrast: QPalette, db_path: Path, settings: QSettings
) -> Iterator[MainWindow]:
    """The main window on the demo, made under the high-contrast palette."""
    win = MainWindow(Tracker.open(db_path, user="alice"), settings=settings)
    win.show()
    activate(qtbot, win)
    yield win
    win.close()
    win.service.close()
    win.deleteLater()


def pair(background: str | QColor, text: str | QColor) -> float:
    def hex_of(c: str | QColor) -> str:
        return c.name() if isinstance(c, QColor) else c

    return contrast_ratio(hex_of(background), hex_of(text))


def test_chips_tints_badges_and_bars_keep_their_text_readable(high_contrast: QPalette) -> None:
    low: list[str] = []
    for status in Status:
        found = re.search(r"background-color:(#\w{6}); color:(#\w{6})", status_chip_html(status))
        assert found is not None
        if pair(found[1], found[2]) < AA:
            low.append(f"status {status.label}: {found[1]} / {found[2]}")
    highlight = high_contrast.color(QPalette.ColorRole.Highlight).name()  # a bar's default
    for name, fill in (
        *((f"stance {s}", tint) for s, tint in STANCE_TINTS.items()),
        ("overdue", OVERDUE_COLOUR),
        ("due soon", DUE_SOON_COLOUR),
        ("bar in the highlight", highlight),
    ):
        if pair(fill, chip_text_colour(fill)) < AA:
            low.append(f"{name}: {fill} / {chip_text_colour(fill)}")
    assert low == []


def test_the_palette_drawn_colours_stay_readable(hc_window: MainWindow) -> None:
    palette_now = hc_window.palette()
    base = palette_now.color(QPalette.ColorRole.Base)
    document = DocumentColours.from_palette(hc_window.detail.palette())
    assert pair(base, document.text) >= AA
    assert pair(base, document.muted) >= AA  # labels and metadata
    timeline = Colours.of(palette_now)
    assert pair(timeline.background, timeline.text) >= AA
    assert pair(timeline.highlight, timeline.highlighted_text) >= AA
    assert pair(timeline.today, "#FFFFFF") >= AA  # the "Today" box
    assert pair(palette_now.color(QPalette.ColorRole.Highlight), chip_text_colour(
        palette_now.color(QPalette.ColorRole.Highlight).name())) >= AA  # fmt: skip


def test_the_restriction_grid_cells_stay_readable(qtbot: QtBot, hc_window: MainWindow) -> None:
    hc_window.views.show_view(ViewKind.RESTRICTIONS)
    grid = hc_window.views.views[ViewKind.RESTRICTIONS].grid  # type: ignore[attr-defined]
    model = grid.model()
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    checked = 0
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            ground = index.data(Qt.ItemDataRole.BackgroundRole)
            if isinstance(ground, QColor):
                ink = index.data(Qt.ItemDataRole.ForegroundRole)
                assert pair(ground, ink) >= AA, (row, column, ground.name(), ink.name())
                checked += 1
    assert checked > 0


def problem_colour(style_sheet: str) -> str:
    found = re.search(r"color:\s*(#\w{6})", style_sheet)
    assert found is not None, style_sheet
    return found[1]


def test_error_messages_stay_readable(qtbot: QtBot, high_contrast: QPalette) -> None:
    ground = high_contrast.color(QPalette.ColorRole.Window)
    connection = ConnectionDialog(
        try_open=lambda _target: None, settings=QSettings("a11y-test", "unused")
    )
    qtbot.addWidget(connection)
    failed = OpenFailedDialog(DamagedDatabaseError("x.db is damaged"), database=None)
    qtbot.addWidget(failed)
    for dialog in (connection, failed):
        assert pair(ground, problem_colour(dialog.problem.styleSheet())) >= AA
