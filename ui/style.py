"""Shared look of the desktop app: status colours and small HTML helpers.

The status colours live here, and only here, so the detail pane, the table
delegate of the main window and anything else that paints a status agree.

The palette is Okabe and Ito's colour-blind-safe set (distinguishable with the
common forms of colour blindness) plus a neutral grey. A status is never shown by
colour alone: :func:`status_chip_html` always writes the label inside the chip,
and :func:`chip_text_colour` picks black or white text, whichever contrasts more
with the chip, so the label stays readable in light and dark themes alike.

The theme of Edit → Preferences… (System, Light, Dark) is applied here too: Light and
Dark are palettes of Qt's Fusion style (the one style that paints every widget from
the palette on every platform), System gives the platform its own style and palette back.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from tracker.domain.vocab import Status
from ui.i18n import vocab_word

__all__ = [
    "STATUS_COLOURS",
    "apply_theme",
    "chip_text_colour",
    "contrast_ratio",
    "status_chip_html",
    "status_text_colour",
]

STATUS_COLOURS: dict[Status, str] = {
    Status.EXPLORATORY: "#56B4E9",  # sky blue
    Status.NEGOTIATING: "#E69F00",  # orange
    Status.AGREED: "#009E73",  # bluish green
    Status.ACTIVE: "#0072B2",  # blue
    Status.PAUSED: "#F0E442",  # yellow
    Status.BROKEN_DOWN: "#D55E00",  # vermilion
    Status.ENDED: "#8C8C8C",  # neutral grey
}
"""Background colour (``#RRGGBB``) of each status; every status has one, all distinct."""

_DARK_TEXT = "#111111"
_LIGHT_TEXT = "#FFFFFF"


def _relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a ``#RRGGBB`` colour (0 black .. 1 white)."""
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f'not a #RRGGBB colour: "{colour}"')
    channels = []
    for i in (0, 2, 4):
        c = int(value[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two ``#RRGGBB`` colours (1 .. 21)."""
    a, b = sorted((_relative_luminance(first), _relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def chip_text_colour(background: str) -> str:
    """Near-black or white, whichever reads better on ``background`` (``#RRGGBB``)."""
    dark = contrast_ratio(background, _DARK_TEXT)
    light = contrast_ratio(background, _LIGHT_TEXT)
    return _DARK_TEXT if dark >= light else _LIGHT_TEXT


def status_text_colour(status: Status) -> str:
    """The text colour to write a status label in on its chip."""
    return chip_text_colour(STATUS_COLOURS[status])


def status_chip_html(status: Status) -> str:
    """A coloured chip holding the status label, as a Qt rich-text HTML fragment.

    The label is always present (colour is never the only cue) and is HTML-escaped.
    """
    background = STATUS_COLOURS[status]
    foreground = chip_text_colour(background)
    label = html.escape(vocab_word(status))
    return (
        f'<span style="background-color:{background}; color:{foreground}; '
        f'font-weight:600;">&nbsp;{label}&nbsp;</span>'
    )


# The Dark theme's colours (role: #RRGGBB), and those of a disabled widget; the contrast
# of text on its background stays above WCAG's 4.5:1 (tests/ui/test_preferences.py).
_DARK: dict[QPalette.ColorRole, str] = {
    QPalette.ColorRole.Window: "#2B2B2B",
    QPalette.ColorRole.WindowText: "#E6E6E6",
    QPalette.ColorRole.Base: "#1E1E1E",
    QPalette.ColorRole.AlternateBase: "#262626",
    QPalette.ColorRole.ToolTipBase: "#3A3A3A",
    QPalette.ColorRole.ToolTipText: "#E6E6E6",
    QPalette.ColorRole.PlaceholderText: "#9A9A9A",
    QPalette.ColorRole.Text: "#E6E6E6",
    QPalette.ColorRole.Button: "#353535",
    QPalette.ColorRole.ButtonText: "#E6E6E6",
    QPalette.ColorRole.BrightText: "#FF6B6B",
    QPalette.ColorRole.Light: "#4A4A4A",
    QPalette.ColorRole.Midlight: "#3F3F3F",
    QPalette.ColorRole.Mid: "#2F2F2F",
    QPalette.ColorRole.Dark: "#1A1A1A",
    QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.Highlight: "#2F6FB0",
    QPalette.ColorRole.HighlightedText: "#FFFFFF",
    QPalette.ColorRole.Link: "#7DB8FF",
    QPalette.ColorRole.LinkVisited: "#C59BFF",
}
_DARK_DISABLED: dict[QPalette.ColorRole, str] = {
    QPalette.ColorRole.WindowText: "#8A8A8A",
    QPalette.ColorRole.Text: "#8A8A8A",
    QPalette.ColorRole.ButtonText: "#8A8A8A",
    QPalette.ColorRole.HighlightedText: "#B0B0B0",
}
_SCHEMES = {
    "system": Qt.ColorScheme.Unknown,
    "light": Qt.ColorScheme.Light,
    "dark": Qt.ColorScheme.Dark,
}
# Where the platform's own style name is kept, on the application, while a theme is on.
_SYSTEM_STYLE = "trackerSystemStyle"


def dark_palette() -> QPalette:
    """The Dark theme's palette."""
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


def apply_theme(app: QApplication, theme: str) -> None:
    """Show ``app`` in ``theme`` ("system", "light" or "dark"), at once: every widget
    repaints in the new palette. Nothing is done while the platform's look stays."""
    kept = app.property(_SYSTEM_STYLE)
    if theme == "system":
        if isinstance(kept, str):
            app.setStyle(kept)
            app.setPalette(QPalette())  # nothing set: the platform's palette
            app.setProperty(_SYSTEM_STYLE, None)
            app.styleHints().setColorScheme(_SCHEMES[theme])
        return
    if not isinstance(kept, str):
        app.setProperty(_SYSTEM_STYLE, app.style().name())
    fusion = QStyleFactory.create("Fusion")
    app.setStyle(fusion)
    app.setPalette(dark_palette() if theme == "dark" else fusion.standardPalette())
    # Where the platform draws parts itself (title bars), ask it for the same scheme.
    app.styleHints().setColorScheme(_SCHEMES[theme])
