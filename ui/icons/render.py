"""Render the icon's PNG sizes from its SVG: ``python -m ui.icons.render``.

Run it after editing ``engagement-tracker.svg`` and commit the PNGs it writes beside it
(``tests/ui/test_icon.py`` fails while they differ from a fresh rendering's size).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from ui.icons import SIZES, png_path, svg_path


def render(size: int, renderer: QSvgRenderer) -> QImage:
    """The icon drawn on a transparent ``size`` × ``size`` image."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter, QRectF(0, 0, size, size))
    finally:
        painter.end()
    return image


def main() -> int:
    """Write every size; 1 when the SVG cannot be read."""
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg_path()))
    if not renderer.isValid():
        print(f"cannot read {svg_path()}", file=sys.stderr)
        return 1
    for size in SIZES:
        if not render(size, renderer).save(str(png_path(size)), b"PNG"):
            print(f"cannot write {png_path(size)}", file=sys.stderr)
            return 1
        print(png_path(size))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
