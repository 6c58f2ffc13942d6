"""Small colour swatches as icons that stay sharp at any display scaling.

A ``QIcon`` made from one 12 × 12 pixmap is scaled up on a 200 % display: its edges
blur. ``swatch_icon`` paints the swatch once per common device pixel ratio instead, each
pixmap at that ratio (drawn in the same 12 × 12 logical coordinates), and Qt picks the
one that matches the screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap

__all__ = ["RATIOS", "SWATCH_SIZE", "swatch_icon"]

SWATCH_SIZE = 12
"""The swatch's side in logical pixels."""

RATIOS = (1.0, 1.25, 1.5, 2.0, 3.0)
"""The device pixel ratios a swatch is painted for (100 % to 300 % scaling)."""


def swatch_icon(draw: Callable[[QPainter], None]) -> QIcon:
    """An icon of what ``draw`` paints in a ``SWATCH_SIZE`` square, at every ratio."""
    icon = QIcon()
    for ratio in RATIOS:
        side = round(SWATCH_SIZE * ratio)
        pixmap = QPixmap(side, side)
        pixmap.setDevicePixelRatio(ratio)  # so ``draw`` paints in logical pixels
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        draw(painter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon
