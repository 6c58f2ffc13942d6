"""The app's icon: an SVG source and the PNG sizes rendered from it.

``engagement-tracker.svg`` is the source; ``engagement-tracker-<size>.png`` are rendered
from it by ``python -m ui.icons.render`` and committed, so that neither the window nor
the installed launcher needs Qt's SVG image plug-in (the bundle may lack it). The same
files go into the freedesktop icon theme (``make install``) and the standalone bundle.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

ICON_NAME = "engagement-tracker"
"""The icon's name in the icon theme, and the desktop file's (``<name>.desktop``)."""

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
"""The square sizes rendered, in pixels: the freedesktop hicolor theme's usual ones."""

FOLDER = Path(__file__).resolve().parent


def svg_path() -> Path:
    """The icon's SVG source."""
    return FOLDER / f"{ICON_NAME}.svg"


def png_path(size: int) -> Path:
    """The icon rendered at ``size`` × ``size`` pixels."""
    return FOLDER / f"{ICON_NAME}-{size}.png"


def app_icon() -> QIcon:
    """The app's icon, every rendered size in it (Qt picks the nearest for each use)."""
    icon = QIcon()
    for size in SIZES:
        icon.addFile(str(png_path(size)))
    return icon
