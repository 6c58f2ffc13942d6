"""The app's icon: rendered from its SVG in every size, set on the application (window
and task bar) with the desktop file's name, and shown in About."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import action, activate, answer_modal
from ui.icons import ICON_NAME, SIZES, app_icon, png_path, svg_path
from ui.icons.render import render
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def test_every_size_is_committed_as_rendered_from_the_svg(qapp: QApplication) -> None:
    renderer = QSvgRenderer(str(svg_path()))
    assert renderer.isValid()
    for size in SIZES:
        committed = QImage(str(png_path(size)))
        assert (committed.width(), committed.height()) == (size, size)
        fresh = render(size, renderer).convertToFormat(committed.format())
        # The same picture (PNG encoders may differ byte for byte, pixels may not).
        assert committed == fresh, f"{png_path(size).name} is stale: python -m ui.icons.render"


def test_the_icon_is_opaque_inside_and_transparent_at_its_corners(qapp: QApplication) -> None:
    image = QImage(str(png_path(256)))
    assert image.pixelColor(0, 0).alpha() == 0  # rounded corners
    assert image.pixelColor(128, 128).alpha() == 255


def test_the_icon_holds_every_size(qapp: QApplication) -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert sorted(s.width() for s in icon.availableSizes()) == sorted(SIZES)


def test_the_application_carries_the_icon_and_the_desktop_file_name() -> None:
    # A process of its own: the test run's QApplication was made by pytest-qt.
    script = (
        "from ui.app import make_application\n"
        "app = make_application()\n"
        "print(app.desktopFileName())\n"
        "print(sorted(s.width() for s in app.windowIcon().availableSizes()))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    name, sizes = done.stdout.splitlines()
    assert name == ICON_NAME
    assert sizes == str(sorted(SIZES))
    assert (ROOT / "deploy" / f"{ICON_NAME}.desktop").is_file()


def test_about_shows_the_icon(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    activate(qtbot, window)
    seen: list[tuple[int, int, str]] = []

    def look(box: QMessageBox) -> None:
        try:
            pixmap = box.iconPixmap()
            seen.append((pixmap.width(), pixmap.height(), box.text()))
            box.grab().save(str(tmp_path / "about.png"))
        finally:
            box.accept()

    answer_modal(QMessageBox, look)
    action(window, "about").trigger()
    assert seen, "About opened no message box"
    width, height, text = seen[0]
    assert width >= 64 and height >= 64
    assert text.startswith("Engagement Tracker ")
    about = QImage(str(tmp_path / "about.png"))
    # The icon's navy ground is on the box (its middle, beside the text, at the top left).
    assert any(
        about.pixelColor(x, y).blue() > 100 > about.pixelColor(x, y).red()
        for x in range(0, 120, 4)
        for y in range(0, 120, 4)
    )
