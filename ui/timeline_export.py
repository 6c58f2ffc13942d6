"""Saving the timeline as shown: a PNG image or an SVG drawing, painted by the same code
as the screen (``ui.timeline_painter``), in a folder the user last saved one in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSettings, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog

from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.plain_text import warning
from ui.settings import APPLICATION, last_folder, remember_folder
from ui.timeline_canvas import TimelineCanvas
from ui.timeline_painter import Colours, paint

_FILTERS = {
    "png": QT_TRANSLATE_NOOP("timeline_export", "PNG image (*.png)"),
    "svg": QT_TRANSLATE_NOOP("timeline_export", "SVG drawing (*.svg)"),
}


def export_image(canvas: TimelineCanvas, settings: QSettings, kind: str) -> None:
    """Ask for a file name and save what ``canvas`` shows there as ``kind``."""
    suggested = last_folder(settings, "timeline") / f"timeline.{kind}"
    path, _ = QFileDialog.getSaveFileName(
        canvas.window(),
        translate("timeline_export", "Export timeline as {kind}").format(kind=kind.upper()),
        str(suggested),
        translate("timeline_export", _FILTERS[kind]),
    )
    if not path:
        return
    if Path(path).suffix.lower() != f".{kind}":
        path += f".{kind}"
    remember_folder(settings, "timeline", path)
    if not write_image(canvas, Path(path)):
        warning(
            canvas,
            APPLICATION,
            translate("timeline_export", "Could not write {file}.").format(file=path),
        )


def write_image(canvas: TimelineCanvas, path: Path) -> bool:
    """Paint what ``canvas`` shows into ``path`` (SVG if it ends .svg, else PNG); False
    if it could not be written."""
    frame = canvas.frame()
    colours = Colours.of(canvas.palette())
    if path.suffix.lower() == ".svg":
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(QSize(frame.width, frame.height))
        generator.setViewBox(QRect(0, 0, frame.width, frame.height))
        generator.setTitle(translate("timeline_export", "Timeline"))
        generator.setDescription(canvas.accessibleDescription())
        painter = QPainter()
        if not painter.begin(generator):
            return False
        paint(painter, frame, colours, canvas.font())
        painter.end()
        return path.exists()
    ratio = canvas.devicePixelRatioF()
    image = QImage(
        round(frame.width * ratio), round(frame.height * ratio), QImage.Format.Format_ARGB32
    )
    image.setDevicePixelRatio(ratio)
    painter = QPainter(image)
    paint(painter, frame, colours, canvas.font())
    painter.end()
    return bool(image.save(str(path)))  # the format by the name: .png
