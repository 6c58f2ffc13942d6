"""The README screenshot script renders the real window on the demo data."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from ui.screenshot import render


def test_screenshot_renders_the_window(qapp: object, tmp_path: Path) -> None:
    out = render(tmp_path / "shot.png", width=1200, height=700)
    image = QImage(str(out))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1200, 700)
    # not a blank picture: many distinct colours (text, chips, selection)
    colours = {image.pixel(x, y) for x in range(0, 1200, 7) for y in range(0, 700, 7)}
    assert len(colours) > 20
