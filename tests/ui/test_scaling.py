"""Status chips and stance swatches sharp at 200 % scaling: the icons carry a pixmap
painted at each device pixel ratio, and the window run with QT_SCALE_FACTOR=2 (in a
subprocess) draws its chips at that ratio, not the 100 % chips scaled up.

(The table drawn in this process into a pixmap of ratio 2 would not tell: the view picks
its icons' pixmaps at its own screen's ratio, here 1.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage
from PySide6.QtWidgets import QApplication

from tracker.domain.vocab import Stance, Status
from ui.restriction_counts import stance_swatch
from ui.style import STATUS_COLOURS
from ui.swatches import SWATCH_SIZE
from ui.table_model import status_icon

LOGICAL = QSize(SWATCH_SIZE, SWATCH_SIZE)


def upscaled(image: QImage) -> QImage:
    """``image`` blown up to twice its size, as Qt shows a 100 % pixmap at 200 %."""
    return image.scaled(image.size() * 2, Qt.AspectRatioMode.IgnoreAspectRatio)


def uniform_blocks(image: QImage) -> bool:
    """True when every aligned 2 × 2 block of ``image`` is one colour: a 1x picture
    doubled, with no detail finer than its own pixels."""
    for y in range(0, image.height() - 1, 2):
        for x in range(0, image.width() - 1, 2):
            colours = {image.pixel(x + dx, y + dy) for dx in (0, 1) for dy in (0, 1)}
            if len(colours) > 1:
                return False
    return True


def check_sharp(icon: QIcon) -> None:
    double = icon.pixmap(LOGICAL, 2.0)
    assert double.devicePixelRatio() == 2.0
    assert double.size() == LOGICAL * 2  # 24 × 24 device pixels for 12 × 12 logical
    single = icon.pixmap(LOGICAL, 1.0).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    image = double.toImage().convertToFormat(QImage.Format.Format_ARGB32)
    assert image != upscaled(single)
    assert not uniform_blocks(image)  # its edges are drawn at the finer pixels


def test_every_status_chip_and_stance_swatch_is_painted_at_200_percent(qapp: QApplication) -> None:
    for status in Status:
        check_sharp(status_icon(status))
    for stance in Stance:
        check_sharp(stance_swatch(stance))


# Run with QT_SCALE_FACTOR=2: the window on the demo, its status chips cut out of a grab
# of it (device pixels), then again with every chip a single 100 % pixmap, as the icons
# were once made; both pictures, and the grab, saved in the folder given.
SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtCore import QRect, QSettings, QSize
from PySide6.QtGui import QIcon, QImage
from tracker.services import Tracker
from ui import table_model
from ui.app import make_application
from ui.main_window import MainWindow

folder = Path(sys.argv[1])
app = make_application()
service = Tracker.open(folder / "demo.db", user="demo")
service.load_demo()
window = MainWindow(service, settings=QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
window.resize(1400, 820)
window.show()
table = window.table
table.clearSelection()


def chips(name):
    table.viewport().update()
    for _ in range(3):
        app.processEvents()
    grab = window.grab()
    ratio = grab.devicePixelRatio()
    image = grab.toImage()
    rows = window.model.rowCount()
    size = QSize(20, table.rowHeight(0)) * ratio  # the chip and a margin, a row high
    strip = QImage(size.width(), size.height() * rows, image.format())
    for row in range(rows):
        cell = table.visualRect(window.model.index(row, table_model.STATUS_COLUMN))
        corner = table.viewport().mapTo(window, cell.topLeft())
        part = image.copy(QRect(corner * ratio, size))
        for y in range(size.height()):
            for x in range(size.width()):
                strip.setPixel(x, row * size.height() + y, part.pixel(x, y))
    strip.save(str(folder / name))
    if name == "sharp.png":
        image.save(str(folder / "window.png"))


chips("sharp.png")
sharp_icon = table_model.status_icon
table_model.status_icon = lambda s: QIcon(sharp_icon(s).pixmap(QSize(12, 12), 1.0))
chips("upscaled.png")
window.close()
service.close()
"""


def test_the_window_at_200_percent_draws_its_chips_at_that_ratio(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path)], env=env, check=True, timeout=120)
    assert QImage(str(tmp_path / "window.png")).width() == 2 * 1400
    sharp = QImage(str(tmp_path / "sharp.png")).convertToFormat(QImage.Format.Format_ARGB32)
    upscaled = QImage(str(tmp_path / "upscaled.png")).convertToFormat(QImage.Format.Format_ARGB32)
    colours = {QColor(c).rgb() for c in STATUS_COLOURS.values()}
    assert any(
        sharp.pixel(x, y) in colours for x in range(sharp.width()) for y in range(sharp.height())
    )
    assert sharp != upscaled  # the chips drawn at 200 % are not the 100 % ones blown up
